/**
 * Excel's task pane reads the formulas of the cells beside their values (office-formulas.ts), in the syncs the values
 * take, so a formula dragged down a 附件4's empty rows is told from a record as the xlsx reader and WPS tell it
 * (round 22 reached the pane): the same grid formulas, the same findings; a sheet without formulas asks none, and
 * on the web the formulas asked keep each sync under its budget.
 */
import type ExcelJS from 'exceljs';
import { readOfficeGrid, DESKTOP_READ_OPTIONS, WEB_READ_OPTIONS } from '../../src/io/office-grid';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { readWpsGrid } from '../../src/io/wps/grid';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import type { SheetGrid, WorkbookGrid } from '../../src/model/grid';
import { FakeContext, type FakeSheet, type Value, asExcel, fakeSheet } from '../addin/fake-excel';
import { fakeSheetsFromGrid } from '../addin/helpers';
import { FakeApplication } from '../wps/fake-et';
import { fakeBookFromXlsx } from '../wps/helpers';
import { filledWorkbook, fixture, writeBuffer } from '../helpers';

const SHEET = '分发登记1';
const PARTIAL_ROW_CLAUSE =
  '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“规范履行试卷交接手续”；（六）“保密室值班人员要重点检查试卷袋存放、密封情况、出入库登记和接收发放记录等工作是否规范准确”';
const ROWS = [8, 9, 10, 11, 12];

/** What Excel's Range.formulas answers for the four columns dragged down rows 8–12 (序号 3–7) from the row above. */
const EXCEL_FORMULAS = new Map(
  ROWS.flatMap((r) => [
    [`B${r}`, `=B${r - 1}`],
    [`C${r}`, '=$C$7'],
    [`D${r}`, `=SUM(H${r}:I${r})`],
    [`J${r}`, `=IF(G${r}="","",G${r}&"已领")`],
  ]),
);

/** Column `col` of rows 8–12 one shared formula from row 8, as Excel saves a fill-down: `formula` on row 8, `result` shown on each. */
function dragged(ws: ExcelJS.Worksheet, col: string, formula: string, result: string | number): void {
  ws.getCell(`${col}8`).value = { formula, result, shareType: 'shared', ref: `${col}8:${col}12` } as ExcelJS.CellValue;
  for (const r of ROWS.slice(1)) ws.getCell(`${col}${r}`).value = { sharedFormula: `${col}8`, result } as ExcelJS.CellValue;
}

/**
 * The 考点 fixture whose first 附件4 has, over its five empty rows, the paper of the row above (=B7, moved a row each:
 * 1001), the first paper's name (=$C$7), a SUM of the empty return columns (0) and a 备注 that stays empty until the
 * row's collector signs (""): no record typed there.
 */
async function draggedBook(): Promise<Buffer> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  const ws = wb.getWorksheet(SHEET)!;
  dragged(ws, 'B', 'B7', '1001');
  dragged(ws, 'C', '$C$7', '高等数学基础');
  dragged(ws, 'D', 'SUM(H8:I8)', 0);
  dragged(ws, 'J', 'IF(G8="","",G8&"已领")', '');
  return writeBuffer(wb);
}

/** The same workbook open in Excel: its values as the xlsx reader gives them, the dragged cells showing what Excel works out, its formulas as Excel answers them. */
function excelSheets(xlsx: WorkbookGrid): FakeSheet[] {
  const sheets = fakeSheetsFromGrid(xlsx);
  const sheet = sheets.find((s) => s.name === SHEET)!;
  for (const r of ROWS) {
    // The SUM's 0 (which the file saves and the xlsx reader takes for no value); the empty 备注 shows nothing.
    sheet.rows[r - 1][3] = 0;
  }
  sheet.formulas = EXCEL_FORMULAS;
  return sheets;
}

const formulasOf = (s: SheetGrid) => ({ formulas: s.formulas, shownFormulas: s.shownFormulas });
const sheetOf = (g: WorkbookGrid) => g.sheets.find((s) => s.name === SHEET)!;
const findings = (g: WorkbookGrid) => validateSite(readWorkbook(g)).map((f) => [f.rule, f.severity, f.form, f.sheet, f.cell, f.row, f.message, f.clause]);

/** EXCEL_FORMULAS of some columns, as the grid keeps them (no "="). */
const expected = (cols: string) => Object.fromEntries([...EXCEL_FORMULAS].filter(([cell]) => cols.includes(cell[0])).map(([cell, f]) => [cell, f.slice(1)]));

describe('Excel’s pane reads the formulas beside the values (round 22 in the pane)', () => {
  test('a 附件4 with a formula dragged over its empty rows: the formulas the xlsx reader gives, in the same 4 syncs; only the dragged cells’ formulas asked', async () => {
    const bytes = await draggedBook();
    const xlsx = readXlsxInNode(bytes);
    // The lean reader moves each shared formula's master to its other cells: what Excel answers for each.
    expect(formulasOf(sheetOf(xlsx))).toEqual({ formulas: expected('DJ'), shownFormulas: expected('BC') });
    const ctx = new FakeContext({ sheets: excelSheets(xlsx), settings: new Map(), inserted: [] });
    const office = await readOfficeGrid(asExcel(ctx));
    expect(formulasOf(sheetOf(office.grid))).toEqual(formulasOf(sheetOf(xlsx)));
    // No other sheet has a formula, in either reader.
    expect(office.grid.sheets.filter((s) => s.formulas || s.shownFormulas).map((s) => s.name)).toEqual([SHEET]);
    expect(xlsx.sheets.filter((s) => s.formulas || s.shownFormulas).map((s) => s.name)).toEqual([SHEET]);
    // Rows 8–12 as Excel shows them: the SUM's 0 is kept (the xlsx reader's null, its formula worked out, is 0 too).
    expect(sheetOf(office.grid).rows.slice(7, 12)).toEqual(ROWS.map((r) => [r - 5, '1001', '高等数学基础', 0, null, null, null, null, null, null]));
    expect(sheetOf(xlsx).rows.slice(7, 12)).toEqual(ROWS.map((r) => [r - 5, '1001', '高等数学基础', null, null, null, null, null, null, null]));
    // Syncs as before (3, and the formats of 附件4's 日期); the formulas of the 20 dragged cells, no other cell's.
    expect(office.syncs).toBe(4);
    expect(ctx.formulaCellsRead).toBe(20);
  });

  test('the same findings through the pane as through the xlsx reader and WPS; read without the formulas (as before) each dragged row was a record', async () => {
    const bytes = await draggedBook();
    const xlsx = readXlsxInNode(bytes);
    const office = (await readOfficeGrid(asExcel(new FakeContext({ sheets: excelSheets(xlsx), settings: new Map(), inserted: [] })))).grid;
    const wps = readWpsGrid(new FakeApplication(await fakeBookFromXlsx(bytes))).grid;
    expect(findings(xlsx)).toEqual([]);
    expect(findings(office)).toEqual([]);
    expect(findings(wps)).toEqual([]);
    expect(readWorkbook(office).data).toEqual(readWorkbook(xlsx).data);
    // The pane's read before this round: values alone.
    const valuesOnly: WorkbookGrid = { sheets: office.sheets.map(({ formulas: _f, shownFormulas: _s, ...s }) => s) };
    expect(findings(valuesOnly)).toEqual(
      ROWS.map((r) => [
        'partial-row',
        'error',
        4,
        SHEET,
        `E${r}`,
        r - 5,
        `序号 ${r - 5} 这一行只填了一部分：“考场号”、“领取时间”、“领卷人签字”、“回收时间”、“还卷人签字”都没有填写。一行记录须填全，请补上（若这行作废，请整行删除）。`,
        PARTIAL_ROW_CLAUSE,
      ]),
    );
  });

  test('WPS and Excel agree on a shared formula: each other cell reads its master’s formula moved to it (=B7 on row 8, =B11 on row 12)', async () => {
    const bytes = await draggedBook();
    const xlsx = readXlsxInNode(bytes);
    const book = await fakeBookFromXlsx(bytes);
    // What ET's Range.Formula answers for the slave cells: their own formulas.
    const wpsSheet = book.sheets.find((s) => s.name === SHEET)!;
    expect(ROWS.map((r) => wpsSheet.cells[`B${r}`].f)).toEqual(ROWS.map((r) => `B${r - 1}`));
    const wps = readWpsGrid(new FakeApplication(book)).grid;
    const office = (await readOfficeGrid(asExcel(new FakeContext({ sheets: excelSheets(xlsx), settings: new Map(), inserted: [] })))).grid;
    expect(formulasOf(sheetOf(wps))).toEqual(formulasOf(sheetOf(office)));
    expect(sheetOf(wps).shownFormulas?.B12).toBe('B11');
    expect(sheetOf(wps).formulas?.D12).toBe('SUM(H12:I12)');
  });

  test('Excel 2016/2019 (ExcelApi 1.1, no getSpecialCells): each chunk’s formulas asked whole, the same grid, still 4 syncs', async () => {
    const xlsx = readXlsxInNode(await draggedBook());
    const sheets = excelSheets(xlsx);
    const modern = await readOfficeGrid(asExcel(new FakeContext({ sheets, settings: new Map(), inserted: [] })), { ...DESKTOP_READ_OPTIONS, merges: false });
    const ctx = new FakeContext({ sheets, settings: new Map(), inserted: [], apiLevel: '1.1' });
    const legacy = await readOfficeGrid(asExcel(ctx), { ...DESKTOP_READ_OPTIONS, merges: false, legacy: true });
    expect(legacy.grid).toEqual(modern.grid);
    expect(legacy.syncs).toBe(4);
    expect(ctx.formulaCellsRead).toBe(legacy.cells);
  });

  test('a text typed as ’=… (its formula is its value) is no formula', async () => {
    const sheet = fakeSheet('表', [['=B5', '甲']]);
    sheet.formulas = new Map([['B1', '=$C$1']]);
    sheet.rows[0][2] = '甲';
    const grid = (await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })))).grid.sheets[0];
    expect(formulasOf(grid)).toEqual({ formulas: undefined, shownFormulas: { B1: '$C$1' } });
  });
});

describe('the formulas asked keep the pane’s request budget', () => {
  /** 40,000 rows × 12 columns; on `withFormula` sheets column L a name looked up row by row (=$K$1 dragged down). */
  function bigSheet(name: string, withFormula: boolean): FakeSheet {
    const rows: Value[][] = [];
    for (let r = 0; r < 40_000; r++) rows.push(Array.from({ length: 12 }, (_, c) => (c === 0 ? r + 1 : `张${r % 97}`)));
    const sheet = fakeSheet(name, rows, ['A1:D1']);
    if (withFormula) sheet.formulas = new Map(rows.map((_, r) => [`L${r + 1}`, '=$K$1']));
    return sheet;
  }

  test('3 × 40,000 rows, one column of formulas, on the web: that column’s formulas alone asked, one sync more than without', async () => {
    // The same workbook without formulas takes 2 + ⌈1.44 M / 400 k⌉ + 1 = 7 syncs (office-grid.test.ts); its 40,000
    // formulas' answer, each weighed as 4 values (some 40 bytes), no longer fits 4 value syncs under 5 MB. On the
    // desktop (no cap) the syncs stay as they were (the 附件4 test above: 4).
    for (const [options, syncs] of [[WEB_READ_OPTIONS, 2 + Math.ceil((3 * 40_000 * 12) / WEB_READ_OPTIONS.cellsPerSync) + 1 + 1]] as const) {
      const ctx = new FakeContext({ sheets: [bigSheet('大表1', true), bigSheet('大表2', false), bigSheet('大表3', false)], settings: new Map(), inserted: [] });
      const result = await readOfficeGrid(asExcel(ctx), options);
      expect(result.syncs).toBe(syncs);
      expect(ctx.formulaCellsRead).toBe(40_000);
      expect(ctx.maxCellsPerRead).toBeLessThanOrEqual(options.cellsPerChunk);
      expect(Object.keys(result.grid.sheets[0].shownFormulas ?? {})).toHaveLength(40_000);
      expect(result.grid.sheets[0].shownFormulas?.L40000).toBe('$K$1');
      expect(result.grid.sheets.slice(1).map((s) => [s.formulas, s.shownFormulas])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
      ]);
    }
  });
});
