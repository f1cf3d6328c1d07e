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
import { xlsxBuffer } from '../../src/io/xlsx/exceljs-writer';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import type { SiteData } from '../../src/model/types';
import { readGrid } from '../../src/batch/consolidate';
import { fastGridFromXlsx } from '../../src/io/xlsx/fast-grid';

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

  it('on merges that reach below the last cell: exceljs gives their rows, empty', async () => {
    const wb = new ExcelJS.Workbook();
    const across = wb.addWorksheet('横向');
    across.getCell('A1').value = 'x';
    across.mergeCells('A1:B3');
    const down = wb.addWorksheet('纵向');
    down.getCell('A1').value = 'x';
    down.getCell('A5').value = 'm';
    down.mergeCells('A5:A7');
    const empty = wb.addWorksheet('只有合并');
    empty.mergeCells('B2:C2');
    const grid = await same(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.sheets.map((s) => s.rows.length)).toEqual([3, 7, 2]);
  });

  /** The package of a small workbook, to edit its parts by hand. */
  async function handMade(edit: (sheetXml: string, sharedXml: string) => [string, string]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('手工');
    ws.getCell('A1').value = '共享';
    ws.getCell('B1').value = 42;
    ws.getCell('C1').value = '占位';
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const [sheet, shared] = await Promise.all(['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].map((f) => zip.file(f)!.async('string')));
    const [sheet2, shared2] = edit(sheet, shared);
    zip.file('xl/worksheets/sheet1.xml', sheet2);
    zip.file('xl/sharedStrings.xml', shared2);
    return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  }

  it('on inline strings, rich runs, phonetic runs, empty formulas and line ends as other programs write them', async () => {
    const buf = await handMade((sheet, shared) => [
      sheet
        .replace(/<c r="C1"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="C1"$1 t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">行内 </t></r><r><t>文本_x000D_</t></r></is></c>')
        .replace(
          '</sheetData>',
          '<row r="2"><c r="A2" t="str"><v>a\r\nc_x000D_</v></c><c r="B2" t="inlineStr"><is><t>原样_x000D_</t></is></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><f></f><v>0</v></c><c r="F2" t="inlineStr"><is></is></c></row></sheetData>',
        ),
      shared.replace(/<si><t>共享<\/t><\/si>/, '<si><r><t>共</t></r><r><rPr><i/></rPr><t>享</t></r><rPh sb="0" eb="2"><t>きょう</t></rPh><phoneticPr fontId="1"/></si>'),
    ]);
    const grid = await same(buf);
    expect(grid.sheets[0].rows).toEqual([
      ['共享', 42, '行内 文本\r'],
      ['a\nc_x000D_', '原样_x000D_', false, null, 0],
    ]);
  });

  it('leaves to exceljs the cells it reads in its own way: CDATA, phonetic inline strings, str values with entities, <si/>', async () => {
    const odd: Array<[string, (sheet: string, shared: string) => [string, string]]> = [
      ['CDATA', (sheet, shared) => [sheet.replace('</sheetData>', '<row r="2"><c r="A2"><v><![CDATA[5]]></v></c></row></sheetData>'), shared]],
      ['inline string', (sheet, shared) => [sheet.replace('</sheetData>', '<row r="2"><c r="A2" t="inlineStr"><is><t>p</t><rPh sb="0" eb="1"><t>r</t></rPh></is></c></row></sheetData>'), shared]],
      ['&', (sheet, shared) => [sheet.replace('</sheetData>', '<row r="2"><c r="A2" t="str"><v>a&amp;amp;b</v></c></row></sheetData>'), shared]],
      ['range', (sheet, shared) => [sheet.replace('</sheetData>', '<row r="2"><c r="A2" t="s"><v>2</v></c></row></sheetData>'), shared.replace('</sst>', '<si/></sst>')]],
    ];
    for (const [what, edit] of odd) {
      const buf = await handMade(edit);
      expect(() => fastGridFromXlsx(buf)).toThrow(what === '&' ? /&/ : what === 'range' ? /range/ : new RegExp(what, 'i'));
      expect(await readGrid(buf).catch(() => 'unreadable')).toEqual(await viaExceljs(buf).catch(() => 'unreadable'));
    }
  });

  it('leaves linked cells to exceljs, which turns them into their text', async () => {
    const buf = await handMade((sheet, shared) => [
      sheet.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="B1" r:id="rIdLink"/></hyperlinks>'),
      shared,
    ]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(buf);
    const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
    zip.file(rels, '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>');
    const linked = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
    expect(() => fastGridFromXlsx(linked)).toThrow(/hyperlink/);
    const grid = await readGrid(linked);
    expect(grid).toEqual(await viaExceljs(linked));
    expect(grid.sheets[0].rows[0][1]).toBe('42');
  });

  it('refuses XML that is not well formed', async () => {
    for (const broken of ['</sheetData></sheetData>', '<row r="2"><c r="A2"><v>1</v></row></sheetData>', '<row r="2" r="2"/></sheetData>', '<row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row></sheetData>']) {
      const buf = await handMade((sheet, shared) => [sheet.replace('</sheetData>', broken), shared]);
      expect(() => fastGridFromXlsx(buf)).toThrow();
    }
    const buf = await handMade((sheet, shared) => [sheet, shared.replace('</sst>', '')]);
    expect(() => fastGridFromXlsx(buf)).toThrow();
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
