/**
 * A date-time typed into the form's printed blanks, a part a cell, as a form retyped in Excel lays out its line
 * “日期：____年__月__日__时__分” (review 23 D3): read across, the label's merge undone. Was read as “2024” alone
 * (invalid-datetime at the year's cell, and the arrival and intake checks left without the sheet's time).
 */
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from '../rules/tester';

const COLUMNS = 'CDEFGHIJKLMN';

/** The 考点's workbook with `sheet`'s value at row `row` (1-based) typed a part a cell from C, its merge undone. */
function typedInBlanks(sheet: string, row: number, merge: string, parts: CellValue[]): WorkbookGrid {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  const s = grid.sheets.find((x) => x.name === sheet)!;
  expect(s.merges).toContain(merge);
  s.merges = s.merges.filter((m) => m !== merge);
  parts.forEach((part, k) => typeInto(grid, sheet, `${COLUMNS[k]}${row}`, part));
  return grid;
}

const findings = (grid: WorkbookGrid) => validateSite(readWorkbook(grid)).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`);

describe('a date-time typed into the printed blanks', () => {
  it('附件1’s 日期 2024 | 年 | 6 | 月 | 14 | 日 | 9 | 时 | 30 | 分: the handover’s time, at the year’s cell, no finding', () => {
    const grid = typedInBlanks('交接单', 3, 'C3:E3', [2024, '年', 6, '月', 14, '日', 9, '时', 30, '分']);
    const model = readWorkbook(grid);
    expect(model.data.handovers![0]!.time).toBe('2024-06-14T09:30');
    expect(model.locations['handovers[0].time']).toMatchObject({ sheet: '交接单', cell: 'C3' });
    expect(findings(grid)).toEqual([]);
  });

  it('附件2’s 入库时间 typed so, as text cells and 点 for 时: the list’s time, no finding', () => {
    const grid = typedInBlanks('入库清单', 17, 'C17:H17', ['2024', '年', '6', '月', '14', '日', '10', '点', '10', '分']);
    expect((readWorkbook(grid).data.intake as { time?: string }).time).toBe('2024-06-14T10:10');
    expect(findings(grid)).toEqual([]);
  });

  it('the hour and minute left blank: a date without its time, said at the year’s cell as such', () => {
    const grid = typedInBlanks('交接单', 3, 'C3:E3', [2024, '年', 6, '月', 14, '日', null, '时', null, '分']);
    const said = findings(grid).filter((f) => f.startsWith('invalid-datetime'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^invalid-datetime 交接单!C3: “日期”只写了日期/);
  });

  it('a number followed by other words is no date: read as before (the number alone)', () => {
    const grid = typedInBlanks('交接单', 3, 'C3:E3', [2024, '袋']);
    expect(readWorkbook(grid).data.handovers![0]!.time).not.toMatch(/^2024-/);
  });
});
