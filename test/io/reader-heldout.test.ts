/**
 * Held-out workbooks of review 17a where exceljs is plainly wrong and the lean
 * reader right (test/fixtures/reading/heldout: the demo's faulty 考点 workbook,
 * h00, edited by hand): each reads as h00 does, its cells' values stated, so
 * that no later change to the reader loses them. exceljs: h04 parseFloats
 * "2024-06-15T06:30:00" to 1905; h08 reads date1904 only as "1"; h09, h11, h25
 * throw; h29, h31 read no sheet; f-backslash-h shows an hour its format hides.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/io/xlsx/reader';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { HiddenTimeDate, type WorkbookGrid } from '../../src/model/grid';

const HELDOUT = path.join(__dirname, '..', 'fixtures', 'reading', 'heldout');
const read = (name: string): WorkbookGrid => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(HELDOUT, `${name}.xlsx`)));
  const grid = readXlsx(bytes);
  expect(readXlsxInNode(bytes)).toEqual(grid);
  return grid;
};
const sheet = (grid: WorkbookGrid, name: string) => grid.sheets.find((s) => s.name === name)!;

/** 出入库记录's first row as h00 holds it: 序号 1, paper 1001 高等数学基础, 2 bags, taken 6月15日 06:30. */
const LOG_ROW_4 = (grid: WorkbookGrid) => sheet(grid, '出入库记录').rows[3].slice(0, 6);

describe('held-out workbooks exceljs misreads read as the unedited one (review 17a)', () => {
  let base: WorkbookGrid;
  beforeAll(() => {
    base = read('h00-base');
    expect(base.sheets.map((s) => s.name)).toContain('出入库记录');
  });

  it.each([
    ['h04-iso-date-cells', 'every date cell written t="d" as ISO text (exceljs: 2024 parseFloat, 1905-07-16)'],
    ['h08-date1904-true', 'date1904="true" with serials of the 1904 system (exceljs: only "1", dates 4 years early)'],
    ['h09-cells-without-r', 'cells without r= (exceljs throws)'],
    ['h11-prefixed-all-parts', 'x: prefixes in the workbook, shared strings, styles and worksheet parts (exceljs throws)'],
    ['h29-dot-targets', 'relationship targets written ./worksheets/… (exceljs reads no sheet)'],
    ['h31-raw-utf8-part', 'a worksheet part named in Chinese, in raw UTF-8 (exceljs drops the sheet)'],
  ])('%s: %s', (name) => {
    const grid = read(name);
    expect(grid).toEqual(base);
    expect(LOG_ROW_4(grid)).toEqual([1, '1001', '高等数学基础', 2, '龚梅', new Date(Date.UTC(2024, 5, 15, 6, 30))]);
  });

  it('h25-rows-without-r-hidden-true: rows without r= read in order, hidden="true" rows hidden (exceljs throws)', () => {
    const grid = read('h25-rows-without-r-hidden-true');
    expect(sheet(grid, '出入库记录').hiddenRows).toEqual([3]);
    expect(sheet(grid, '分发登记1').hiddenRows).toEqual([5]);
    const unhidden = { sheets: grid.sheets.map(({ hiddenRows: _hidden, ...s }) => s) };
    expect(unhidden).toEqual(base);
  });

  it('f-backslash-h: a date under yyyy-mm-dd \\h shows “2024-06-15 h”, its time hidden (exceljs drops the backslash and reads an hour)', () => {
    const value = sheet(read('f-backslash-h'), '出入库记录').rows[3][5];
    expect(value).toBeInstanceOf(HiddenTimeDate);
    expect((value as Date).toISOString()).toBe('2024-06-15T06:30:00.000Z');
  });
});
