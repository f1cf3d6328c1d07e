/**
 * Review 22c D4: column-total checked each part total (小计, 本页合计 …) by walking every row from the list's first, five
 * location lookups a row even with no formula unsolved: a 小计 after each of 2,000 intake rows took 48 s. The list's
 * columns are now summed once (running sums), the cells of an unsolved formula asked once a row and column, and only
 * when the workbook has one: the lookups grow with the rows, not with rows × parts. The findings are as before.
 */
import { check } from '../../src/rules/column-total';
import { computeFacts } from '../../src/rules/facts';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { SiteModel } from '../../src/model/site-model';
import { filledWorkbook, fixture, gridOf } from '../helpers';

jest.setTimeout(60_000);

let base: WorkbookGrid;
beforeAll(async () => {
  base = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

const ROWS = 400;

/**
 * 岳麓考点's intake list as `ROWS` rows of 1001 (1 × 31份装, 1 × 5份装: 2 bags), a 小计 under each (`wrong` bags31 on
 * the 小计 under row `at`, 1-based), then the 合计 of them all; `unsolved`: the first row's 合计（袋） a formula saved
 * without its value.
 */
function intakeWithSubtotals({ wrong, at, unsolved }: { wrong?: number; at?: number; unsolved?: boolean } = {}): SiteModel {
  const sheets = base.sheets.map((s) => {
    if (s.name !== '入库清单') return s;
    const rows: CellValue[][] = s.rows.slice(0, 3).map((r) => [...(r ?? [])]);
    for (let i = 1; i <= ROWS; i++) {
      rows.push([i, '1001', '高等数学基础', 1, 0, 0, 1, unsolved && i === 1 ? null : 2]);
      rows.push([null, '小计', null, i === at ? wrong! : 1, 0, 0, 1, 2]);
    }
    rows.push(['合计', null, null, ROWS, 0, 0, ROWS, 2 * ROWS], ...s.rows.slice(14).map((r) => [...(r ?? [])]));
    return { ...s, rows, merges: [], formulas: unsolved ? { H4: 'VLOOKUP(B4,考试安排!A:D,4,0)' } : undefined };
  });
  return readWorkbook({ ...base, sheets });
}

/** column-total alone over `model`, its locations counted as they are looked up: the findings' paths and the lookups. */
function checkedCounting(model: SiteModel): { paths: string[]; lookups: number } {
  let lookups = 0;
  const locations = new Proxy(model.locations, {
    get: (target, key, receiver) => (typeof key === 'string' && lookups++, Reflect.get(target, key, receiver)),
  });
  const counted = { ...model, locations };
  const paths: string[] = [];
  check({ model: counted, facts: computeFacts(counted), report: (path) => void paths.push(path) });
  return { paths, lookups };
}

test(`${ROWS} intake rows, a 小计 under each: ${ROWS} part totals read, none wrong, two lookups a part (its first and last 序号)`, () => {
  const model = intakeWithSubtotals();
  expect([model.data.intake && 'items' in model.data.intake ? model.data.intake.items?.length : undefined, model.partTotals?.length]).toEqual([ROWS, ROWS]);
  const { paths, lookups } = checkedCounting(model);
  expect(paths).toEqual([]);
  // Before: 5 lookups for each row above each part, some 400,000.
  expect(lookups).toBeLessThanOrEqual(2 * ROWS);
});

test('the first row’s 合计（袋） a formula with no value: each row’s cell asked once a column, not once a part', () => {
  const model = intakeWithSubtotals({ unsolved: true });
  expect(model.unsolvedFormulas).toBeDefined();
  const { paths, lookups } = checkedCounting(model);
  // H4's value is not known: the 合计 and the first 小计 (over row 1) are unchecked, said so (fix-totals25; they were
  // passed over); every later 小计 agrees with the rows since the one before; the other columns add up.
  expect(paths).toEqual(['intake.totals.totalBags', 'partTotals[0].totalBags']);
  // Each row's five cells asked once by the 合计 row's check and once for the parts; two 序号 a part. Before: some 400,000.
  expect(lookups).toBeLessThanOrEqual(2 * 5 * ROWS + 2 * ROWS);
});

test('one 小计 wrong among 400: that one said, at its cell, with the row it totals', () => {
  const model = intakeWithSubtotals({ wrong: 5, at: 201 });
  expect(validateSite(model, { only: ['column-total'] }).map((f) => [f.rule, f.sheet, f.cell, f.row, f.message])).toEqual([
    [
      'column-total',
      '入库清单',
      'D405',
      null,
      '“小计行的31份装（袋）”写的是 5，但它合计的各行（序号 201）相加是 1。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
    ],
  ]);
});
