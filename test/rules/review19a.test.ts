/**
 * Review 19a (test/fixtures/review19a/README.md): what an officer sees of rounds 17–18's findings. The filled 考点
 * workbook read as the CLI reads it, changed one way, validated: the whole finding (rule, severity, sheet, cell,
 * message), and nothing else beside the unchanged workbook's.
 */
import { readWorkbook } from '../../src/forms/workbook';
import type { Finding } from '../../src/model/finding';
import { parseA1, type WorkbookGrid } from '../../src/model/grid';
import type { SiteModel } from '../../src/model/site-model';
import { ruleTitle } from '../../src/rules';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, gridOf } from '../helpers';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
let grid: WorkbookGrid;
beforeAll(async () => {
  grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** The grid with `value` put at each `cell` of `sheet` (a copy: the shared grid unchanged). */
function withCells(g: WorkbookGrid, sheet: string, cells: Record<string, string>): WorkbookGrid {
  const sheets = g.sheets.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r) => [...(r ?? [])]) } : s));
  const target = sheets.find((s) => s.name === sheet)!;
  for (const [cell, value] of Object.entries(cells)) {
    const { row, col } = parseA1(cell)!;
    target.rows[row][col] = value;
  }
  return { ...g, sheets };
}

/** The findings of `changed` that the same workbook without the change does not have (`before`: it has them all). */
function added(before: SiteModel, changed: SiteModel): unknown[][] {
  const had = new Set(validateSite(before).map((f) => JSON.stringify(full(f))));
  return validateSite(changed)
    .map(full)
    .filter((f) => !had.has(JSON.stringify(f)));
}

describe('D10: an Excel error value in a 试卷号 cell', () => {
  const NA =
    '“试卷号”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（如它引用的格子已删除、查不到要找的值），表上和打印出来的都是“#N/A”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。';

  it('is titled 试卷号有误 (not 试卷号不在清单上: the paper may be on it)', () => {
    expect([ruleTitle('unknown-paper'), ruleTitle('unknown-paper', 'en')]).toEqual(['试卷号有误', 'Wrong paper number']);
    const before = readWorkbook(grid);
    const changed = readWorkbook(withCells(grid, '出入库记录', { B5: '#N/A' }));
    expect(validateSite(changed).map(full)).toEqual([['unknown-paper', 'error', '出入库记录', 'B5', NA]]);
    expect(validateSite(before)).toEqual([]);
  });

  it('is said where the workbook keeps neither an intake list nor a schedule to look papers up in (nothing was said)', () => {
    const strip = (m: SiteModel): SiteModel => ({ ...m, data: { ...m.data, intake: undefined, schedule: undefined } });
    const before = strip(readWorkbook(grid));
    const changed = strip(readWorkbook(withCells(grid, '出入库记录', { B5: '#N/A' })));
    expect(added(before, changed)).toEqual([['unknown-paper', 'error', '出入库记录', 'B5', NA]]);
  });
});
