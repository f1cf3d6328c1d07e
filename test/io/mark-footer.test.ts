/**
 * A marked sheet's printed footer names the sheet (mark-footer.ts): the 问题清单 says “值班记录1 D11”, and a
 * printed page shows no tab. The name goes first in the footer's centre; the rest stays as it was.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { footerWithName, withNameInFooter } from '../../src/io/xlsx/mark-footer';
import { markParts } from '../../src/io/xlsx/mark-parts';
import { markedThroughExceljs } from '../../src/io/xlsx/mark';
import { MARK_COLORS, cellMarks } from '../../src/check/marks';
import type { Finding } from '../../src/model/finding';
import { loadBuffer, writeBuffer } from '../helpers';

test.each([
  [undefined, '&C值班记录1'],
  ['', '&C值班记录1'],
  ['第 &P 页，共 &N 页', '值班记录1 · 第 &P 页，共 &N 页'],
  ['&C第 &P 页', '&C值班记录1 · 第 &P 页'],
  ['&L制表人&C第 &P 页&R2025年', '&L制表人&C值班记录1 · 第 &P 页&R2025年'],
  ['&L制表人&R&D', '&L制表人&R&D&C值班记录1'],
  ['&L制表人&C&R&D', '&L制表人&C值班记录1&R&D'],
  ['A&&B 第 &P 页', '值班记录1 · A&&B 第 &P 页'],
])('footer %j with the sheet name: %j', (footer, expected) => {
  expect(footerWithName(footer, '值班记录1')).toBe(expected);
});

test('an & in the sheet name is written as a literal &&', () => {
  expect(footerWithName('第 &P 页', '甲&乙')).toBe('甲&&乙 · 第 &P 页');
});

test('a sheet part: footers replaced in place, one added where there was none, in CT_Worksheet order', () => {
  const tail = '<pageMargins left="0.7"/><pageSetup paperSize="9"/>';
  expect(withNameInFooter(`<worksheet><sheetData/>${tail}<drawing r:id="d"/></worksheet>`, '表')).toBe(
    `<worksheet><sheetData/>${tail}<headerFooter><oddFooter>&amp;C表</oddFooter></headerFooter><drawing r:id="d"/></worksheet>`,
  );
  expect(withNameInFooter(`<worksheet><sheetData/>${tail}<rowBreaks count="1"/></worksheet>`, '表')).toBe(
    `<worksheet><sheetData/>${tail}<headerFooter><oddFooter>&amp;C表</oddFooter></headerFooter><rowBreaks count="1"/></worksheet>`,
  );
  expect(
    withNameInFooter(
      '<worksheet><sheetData/><headerFooter differentFirst="1"><oddHeader>&amp;C标题</oddHeader><firstFooter>第 &amp;P 页</firstFooter></headerFooter></worksheet>',
      '表',
    ),
  ).toBe(
    '<worksheet><sheetData/><headerFooter differentFirst="1"><oddHeader>&amp;C标题</oddHeader><oddFooter>&amp;C表</oddFooter><firstFooter>表 · 第 &amp;P 页</firstFooter></headerFooter></worksheet>',
  );
  expect(withNameInFooter('<worksheet><sheetData/><headerFooter/></worksheet>', '表')).toBe(
    '<worksheet><sheetData/><headerFooter><oddFooter>&amp;C表</oddFooter></headerFooter></worksheet>',
  );
  expect(withNameInFooter('<worksheet><sheetData/><headerFooter><oddFooter/></headerFooter></worksheet>', '表')).toBe(
    '<worksheet><sheetData/><headerFooter><oddFooter>&amp;C表</oddFooter></headerFooter></worksheet>',
  );
});

test('patched or through exceljs, the marked sheets and only they name themselves in their footers', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('有页脚').headerFooter.oddFooter = '第 &P 页，共 &N 页';
  wb.getWorksheet('有页脚')!.getCell('A1').value = '甲';
  wb.addWorksheet('无页脚').getCell('A1').value = '乙';
  wb.addWorksheet('没标记').headerFooter.oddFooter = '第 &P 页';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const findings = [
    { rule: 'copies-short', severity: 'error', sheet: '有页脚', cell: 'B2', message: '甲' },
    { rule: 'copies-short', severity: 'warning', sheet: '无页脚', cell: 'A1', message: '乙' },
  ] as Finding[];
  const footers = async (copy: Uint8Array) => (await loadBuffer(copy)).worksheets.slice(0, 3).map((ws) => [ws.name, ws.headerFooter?.oddFooter]);
  const expected = [
    ['有页脚', '有页脚 · 第 &P 页，共 &N 页'],
    ['无页脚', '&C无页脚'],
    ['没标记', '第 &P 页'],
  ];
  const patched = markParts(bytes, cellMarks(findings), MARK_COLORS)!.bytes;
  expect(await footers(patched)).toEqual(expected);
  expect(await footers((await markedThroughExceljs(bytes, findings)).bytes)).toEqual(expected);
  // The patched sheet is still one Excel reads: its footer where CT_Worksheet puts it, before nothing it must follow.
  const sheet = strFromU8(unzipSync(patched)['xl/worksheets/sheet2.xml']);
  expect(sheet).toMatch(/<pageSetup\b[^>]*\/><headerFooter><oddFooter>&amp;C无页脚<\/oddFooter><\/headerFooter>/);
});
