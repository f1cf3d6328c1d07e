/**
 * The fast .xlsx reader used for consolidation gives exactly the grid that
 * exceljs gives, on the workbooks we write and on cells people make by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { xlsxBuffer } from '../../src/io/exceljs-writer';
import { gridFromWorkbook } from '../../src/io/exceljs-grid';
import type { SiteData } from '../../src/model/types';
import { fastGridFromXlsx } from '../../src/summary/node-xlsx-grid';

async function viaExceljs(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return gridFromWorkbook(wb);
}

async function same(buf: Buffer) {
  const expected = await viaExceljs(buf);
  const fast = fastGridFromXlsx(buf);
  expect(fast).toEqual(expected);
  return fast;
}

describe('fastGridFromXlsx = gridFromWorkbook(exceljs)', () => {
  it('on filled workbooks: the fixture, a 分校, a 考点 with every planted mistake', async () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
    const net = sampleNetwork({ sites: 2 });
    for (const data of [fixture, net.branch, plantDefects(net.sites[1]).data]) {
      const grid = await same(await fillWorkbook(data));
      expect(readWorkbook(grid).data).toEqual(data.site && readWorkbook(await viaExceljs(await fillWorkbook(data))).data);
    }
  });

  it('on the blank templates (formulas with no cached value)', async () => {
    const grid = await same(await xlsxBuffer(draftWorkbook()));
    expect(grid.sheets.some((s) => s.formulas && Object.keys(s.formulas).length > 0)).toBe(true);
  });

  it('on cells typed by hand: rich text, booleans, entities, escapes, dates in several formats, merges with stray values, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('手填 & <表>');
    ws.getCell('A1').value = { richText: [{ text: '接收单位：' }, { text: '岳麓考点', font: { bold: true } }] };
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = false;
    ws.getCell('D1').value = 'a & b < c > "d" \'e\'';
    ws.getCell('E1').value = '第一行\r\n第二行';
    ws.getCell('A2').value = new Date(Date.UTC(2024, 5, 15, 8, 30));
    ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
    ws.getCell('B2').value = new Date(Date.UTC(2024, 5, 15));
    ws.getCell('B2').numFmt = 'mm-dd-yy';
    ws.getCell('C2').value = 45458.5;
    ws.getCell('C2').numFmt = '0.00';
    ws.getCell('D2').value = 45458.5;
    ws.getCell('D2').numFmt = '[$-804]h:mm;@';
    ws.getCell('E2').value = 3.25;
    ws.getCell('A3').value = { formula: 'SUM(C2:E2)', result: 90920.25 } as ExcelJS.CellFormulaValue;
    ws.getCell('B3').value = { formula: 'A9*2' } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').value = { formula: '"x"&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 1)) } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').numFmt = 'yyyy-mm-dd';
    ws.getCell('A5').value = '合并主格';
    ws.getCell('B5').value = '被合并的格';
    ws.mergeCells('A5:C6');
    ws.getCell('F9').value = '';
    ws.getCell('G10').value = '　全角空格　';
    ws.getCell('H12').value = -0.5;
    const other = wb.addWorksheet('第二张');
    other.getCell('B2').value = '２０２４年６月１５日';
    other.state = 'hidden';
    wb.addWorksheet('空表');
    await same(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  it('refuses what it does not understand, so that the caller falls back to exceljs', async () => {
    expect(() => fastGridFromXlsx(Buffer.from('not a zip at all, not even close'))).toThrow();
    // A sheet written with namespace prefixes (<x:worksheet>, <x:c>) is not read as empty.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await xlsxBuffer(draftWorkbook()));
    const sheet = Object.keys(zip.files).find((f) => /worksheets\/sheet\d+\.xml$/.test(f))!;
    const xml = await zip.file(sheet)!.async('string');
    zip.file(sheet, xml.replace(/<(\/?)(\w+)/g, (m, slash: string, tag: string) => (tag === 'xml' ? m : `<${slash}x:${tag}`)).replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '));
    const prefixed = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
    expect(() => fastGridFromXlsx(prefixed)).toThrow(/prefixed/);
  });
});
