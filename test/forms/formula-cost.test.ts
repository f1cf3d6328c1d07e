/**
 * Review 18a D1, D2: formulas saved without their values are worked out only where a form reads them, each once per
 * workbook read, however many layouts, regions and copies look at the sheet. Counted (formulaWork), never timed.
 */
import { formulaWork } from '../../src/forms/formula';
import { readWorkbook } from '../../src/forms/workbook';
import { a1, type SheetGrid, type WorkbookGrid } from '../../src/model/grid';
import { filledWorkbook, fixture, gridOf } from '../helpers';

/** The 岳麓考点 workbook, its vault log (rows 4–6, 序号 … 单位 in A–K) handed to `edit`. */
async function withLog(edit: (log: SheetGrid) => void): Promise<WorkbookGrid> {
  const grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
  edit(grid.sheets.find((s) => s.name === '出入库记录')!);
  return grid;
}

function workOf<T>(run: () => T): { result: T; evaluated: number; solved: number } {
  const before = { ...formulaWork };
  const result = run();
  return { result, evaluated: formulaWork.evaluated - before.evaluated, solved: formulaWork.solved - before.solved };
}

/** 250 papers kept in bags, the log's three among them. */
const PAPERS = [...Array.from({ length: 248 }, (_, i) => String(1000 + i)), '2045', '3310'];
const UNIT = (row: number) => `IF(OR(${PAPERS.map((p) => `B${row}="${p}"`).join(',')}),"袋","份")`;

test('a running total in a column no form reads (=SUM($D$4:D4), 1,000 rows) is never worked out', async () => {
  const plain = readWorkbook(await withLog(() => undefined));
  const grid = await withLog((log) => {
    log.formulas = {};
    for (let r = 3; r < 1_003; r++) {
      (log.rows[r] ??= [])[11] = null;
      log.formulas[a1(r, 11)] = `SUM($D$4:D${r + 1})`;
    }
  });
  const { result, evaluated, solved } = workOf(() => readWorkbook(grid));
  expect({ evaluated, solved }).toEqual({ evaluated: 0, solved: 0 });
  expect(result.data).toEqual(plain.data);
});

test('a 单位 column of one long formula (=IF(OR(B4="1000",…250 papers),"袋","份")): each row’s worked out once, read as 袋', async () => {
  const plain = readWorkbook(await withLog(() => undefined));
  const grid = await withLog((log) => {
    log.formulas = {};
    for (let r = 3; r < 6; r++) {
      log.rows[r][10] = null;
      log.formulas[a1(r, 10)] = UNIT(r + 1);
    }
  });
  const { result, evaluated, solved } = workOf(() => readWorkbook(grid));
  expect({ evaluated, solved }).toEqual({ evaluated: 3, solved: 3 });
  expect(result.data).toEqual(plain.data);
  expect(result.data.vaultLog!.map((row) => row.unit)).toEqual(['袋', '袋', '袋']);
});

test('序号 taken from the row below (=A5-1), the last typed: each worked out once, the rows as typed', async () => {
  const plain = readWorkbook(await withLog(() => undefined));
  const grid = await withLog((log) => {
    log.formulas = {};
    for (let r = 3; r < 5; r++) {
      log.rows[r][0] = null;
      log.formulas[a1(r, 0)] = `${a1(r + 1, 0)}-1`;
    }
  });
  const { result, evaluated, solved } = workOf(() => readWorkbook(grid));
  expect({ evaluated, solved }).toEqual({ evaluated: 2, solved: 2 });
  expect(result.data).toEqual(plain.data);
});
