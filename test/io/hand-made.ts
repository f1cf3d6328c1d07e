/** Workbooks made by hand for the reader's tests: exceljs writes one sheet (A1 共享, B1 42, C1 占位), and its XML is edited. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PLAIN_ROOM } from '../../src/io/xlsx/plain-shapes';

/** The workbook with its sheet's XML (and shared strings) as `edit` writes them; room after the cells unless `nearEnd`. */
export async function handMade(
  edit: (sheetXml: string, sharedXml: string, zip: JSZip) => [string, string] | Promise<[string, string]>,
  nearEnd = false,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('手工');
  ws.getCell('A1').value = '共享';
  ws.getCell('B1').value = 42;
  ws.getCell('C1').value = '占位';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const [sheet, shared] = await Promise.all(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].map((f) => zip.file(f)!.async('string')));
  const [edited, shared2] = await edit(sheet, shared, zip);
  const sheet2 = nearEnd ? edited : edited.replace('</sheetData>', `</sheetData>${' '.repeat(PLAIN_ROOM)}`);
  zip.file('xl/worksheets/sheet1.xml', sheet2);
  zip.file('xl/sharedStrings.xml', shared2);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A second row of these cells. */
export const withRow2 =
  (cells: string) =>
  (sheet: string, shared: string): [string, string] => [sheet.replace('</sheetData>', `<row r="2">${cells}</row></sheetData>`), shared];
