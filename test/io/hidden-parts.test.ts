/**
 * Hidden sheets and hidden rows reach the grid (review 6, D2/D3): the one
 * reader gives them as exceljs does — its fast path and its general way alike
 * — so that a hidden draft sheet is not read as a second form and a finding on
 * a hidden row can say so.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { readXlsx } from '../../src/io/xlsx/reader';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { PLAIN_ROOM } from '../../src/io/xlsx/plain-shapes';
import { sheetStateOf } from '../../src/model/grid';

const REVIEW6 = path.join(__dirname, '..', 'fixtures', 'review6', 'xlsx');

/** Ours (browser and Node) is exceljs's grid; the grid. */
async function same(buf: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  const ours = readXlsx(buf);
  expect(ours).toEqual(gridFromWorkbook(wb));
  expect(readXlsxInNode(buf)).toEqual(ours);
  return ours;
}

/** Each sheet's name with its state and hidden rows, where it has them. */
const hiding = (grid: ReturnType<typeof readXlsx>) =>
  grid.sheets.filter((s) => s.state || s.hiddenRows).map((s) => ({ name: s.name, state: s.state, hiddenRows: s.hiddenRows }));

describe('hidden sheets and rows in the grid', () => {
  it('the review’s hidden draft sheet: hidden, the others shown (state="visible" written)', async () => {
    const grid = await same(fs.readFileSync(path.join(REVIEW6, 'v-hidden-draft-sheet.xlsx')));
    expect(hiding(grid)).toEqual([{ name: '出入库记录（草稿）', state: 'hidden', hiddenRows: undefined }]);
  });

  it('the review’s hidden row 8 of 出入库记录 (hidden="1" after other attributes)', async () => {
    const grid = await same(fs.readFileSync(path.join(REVIEW6, 'v-hidden-row.xlsx')));
    expect(hiding(grid)).toEqual([{ name: '出入库记录', state: undefined, hiddenRows: [7] }]);
  });

  it('hidden and very hidden sheets; rows hidden with values, empty, self-closed, hidden="true", read whole or the general way', async () => {
    const wb = new ExcelJS.Workbook();
    const shown = wb.addWorksheet('显示');
    for (let r = 1; r <= 40; r++) shown.getRow(r).values = [`第${r}行`, r];
    shown.getRow(3).hidden = true;
    shown.getRow(5).hidden = true;
    shown.getRow(40).hidden = true; // near the text's end: the general way
    const hidden = wb.addWorksheet('隐藏');
    hidden.getCell('A1').value = '草稿';
    hidden.state = 'hidden';
    const very = wb.addWorksheet('深度隐藏');
    very.getCell('A1').value = '草稿';
    very.state = 'veryHidden';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const part = 'xl/worksheets/sheet1.xml';
    const xml = (await zip.file(part)!.async('string'))
      // Row 5 as true, row 12 hidden and empty (closing itself), blank space after the rows (as any real sheet has).
      .replace(/(<row r="5"[^>]*?)hidden="1"/, '$1hidden="true"')
      .replace(/<row r="12"[^>]*>.*?<\/row>/, '<row r="12" spans="1:2" hidden="1"/>')
      .replace('</sheetData>', `</sheetData>${' '.repeat(PLAIN_ROOM)}`);
    expect(xml).toContain('hidden="true"');
    zip.file(part, xml);
    const grid = await same(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(hiding(grid)).toEqual([
      { name: '显示', state: undefined, hiddenRows: [2, 4, 11, 39] },
      { name: '隐藏', state: 'hidden', hiddenRows: undefined },
      { name: '深度隐藏', state: 'veryHidden', hiddenRows: undefined },
    ]);
  });

  it('a state as each host writes it', () => {
    expect(['visible', 'Visible', 'hidden', 'Hidden', 'veryHidden', 'VeryHidden', undefined, null].map(sheetStateOf)).toEqual([
      undefined,
      undefined,
      'hidden',
      'hidden',
      'veryHidden',
      'veryHidden',
      undefined,
      undefined,
    ]);
  });
});
