/**
 * Struck-through cells and the sheet's autoFilter reach the grid (review 12, D2 and D6): the one reader gives them
 * as exceljs does (cell.font.strike, worksheet.autoFilter) — from styles.xml's fonts (<strike/>) by each cell's
 * cellXfs fontId, and from <autoFilter ref> — so that a row struck out as on paper is read as void and a finding on a
 * filtered-out row speaks of the filter.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { readXlsx } from '../../src/io/xlsx/reader';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { WorkbookGrid } from '../../src/model/grid';

const XLSX = path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx');

/** Ours (browser and Node) is exceljs's grid; the grid. */
async function same(buf: Uint8Array): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  const ours = readXlsx(buf);
  expect(ours).toEqual(gridFromWorkbook(wb));
  expect(readXlsxInNode(buf)).toEqual(ours);
  return ours;
}

/** Each sheet with struck cells or an autoFilter, with them. */
const marks = (grid: WorkbookGrid) =>
  grid.sheets.filter((s) => s.struck || s.autoFilter).map((s) => ({ name: s.name, struck: s.struck, autoFilter: s.autoFilter, hiddenRows: s.hiddenRows }));

const xlsx = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await wb.xlsx.writeBuffer());

describe('struck cells and the autoFilter in the grid', () => {
  it('t9-strikethrough: 出入库记录 row 7’s filled cells, no other cell of the workbook', async () => {
    const grid = await same(fs.readFileSync(path.join(XLSX, 't9-strikethrough.xlsx')));
    expect(marks(grid)).toEqual([
      { name: '出入库记录', struck: ['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'K7'], autoFilter: undefined, hiddenRows: undefined },
    ]);
  });

  it('t8-autofilter-planted: 出入库记录’s autoFilter A3:K13, its row 5 hidden; nothing struck', async () => {
    const grid = await same(fs.readFileSync(path.join(XLSX, 't8-autofilter-planted.xlsx')));
    expect(marks(grid)).toEqual([{ name: '出入库记录', struck: undefined, autoFilter: 'A3:K13', hiddenRows: [4] }]);
  });

  it('a struck merge keeps its master only; a struck cell with no value, or a formula with no cached value, is none; a formula’s cached value is one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    const strike = (ref: string, value: ExcelJS.CellValue) => {
      const cell = ws.getCell(ref);
      cell.value = value;
      cell.style = { ...cell.style, font: { name: '宋体', size: 10, strike: true } };
    };
    strike('A1', '合并');
    strike('B1', null);
    ws.mergeCells('A1:B1');
    strike('C2', null);
    strike('D2', { formula: 'C2+1' } as ExcelJS.CellFormulaValue);
    strike('B3', 42);
    ws.getCell('C3').value = '未划';
    strike('E3', new Date(Date.UTC(2024, 5, 15, 7, 20)));
    // A formula with its cached value: read the general way (not the plain cell's shape).
    strike('F4', { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue);
    const grid = await same(await xlsx(wb));
    expect(marks(grid)).toEqual([{ name: '表', struck: ['A1', 'B3', 'E3', 'F4'], autoFilter: undefined, hiddenRows: undefined }]);
  });

  it('<strike val="0"/> and a conditional format’s strike (<dxf>) strike nothing; <strike val="1"/> does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '甲';
    ws.getCell('A1').style = { font: { name: '宋体', size: 10, bold: true } };
    ws.getCell('B1').value = '乙';
    ws.getCell('B1').style = { font: { name: '宋体', size: 11, italic: true } };
    const zip = await JSZip.loadAsync(await xlsx(wb));
    let styles = await zip.file('xl/styles.xml')!.async('string');
    styles = styles.replace('<b/>', '<b/><strike val="0"/>').replace('<i/>', '<i/><strike val="1"/>');
    styles = styles.replace('</styleSheet>', '<dxfs count="1"><dxf><font><strike/></font></dxf></dxfs></styleSheet>').replace(/<dxfs count="0"\/>/, '');
    zip.file('xl/styles.xml', styles);
    const grid = readXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(marks(grid)).toEqual([{ name: '表', struck: ['B1'], autoFilter: undefined, hiddenRows: undefined }]);
  });
});
