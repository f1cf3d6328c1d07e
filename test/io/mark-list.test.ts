/**
 * The marked copy's 问题清单 (mark-list.ts): a printed marked copy showed pink
 * cells and no reason (notes do not print). The copy now ends with a sheet
 * listing every finding; nothing else of the workbook changes: every part is
 * the same bytes as the copy without the list, but for the workbook part, its
 * relationships, the content types and the styles, each only added to.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { MARK_COLORS, cellMarks } from '../../src/check/marks';
import { markedCopy, markedThroughExceljs } from '../../src/io/xlsx/mark';
import { markParts } from '../../src/io/xlsx/mark-parts';
import { readXlsx } from '../../src/io/xlsx/reader';
import type { Finding } from '../../src/model/finding';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { fixture, writeBuffer } from '../helpers';

const finding = (f: Partial<Finding> & Pick<Finding, 'rule' | 'sheet' | 'cell' | 'message'>): Finding => ({
  severity: 'error',
  form: 1,
  row: null,
  clause: '',
  ...f,
});

/** Findings on the filled workbook's sheets (交接单, 出入库登记, 值班记录), one of no cell, as validate gives them. */
const FINDINGS: Finding[] = [
  finding({ rule: 'two-signers', sheet: '交接单', cell: 'D20', message: '“接收人签字”只有 1 人签字（李强）。' }),
  finding({ rule: 'vault-total', severity: 'warning', form: 3, sheet: '出入库登记', cell: 'F6', row: 3, message: '数量不符，请核对。' }),
  finding({ rule: 'duty-gap', form: 5, sheet: '值班记录', cell: 'D7', row: 2, message: '中间 2小时无人值班。' }),
  finding({ rule: 'missing-sheet', form: null, sheet: null, cell: null, message: '缺少附件4。' }),
];

const LIST = [
  ['试卷保密助手检查发现的问题：错误 3 处，警告 1 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）'],
  ['序', '严重程度', '工作表', '单元格', '序号/\n班次/\n栏目', '问题', '说明及改法'],
  // A field of no row: its label, as the printed form shows it beside the value (a page shows no cell addresses).
  [1, '错误', '交接单', 'D20', '接收人签字', '交接单两人签字', '“接收人签字”只有 1 人签字（李强）。'],
  [2, '警告', '出入库登记', 'F6', '序号 3', 'vault-total', '数量不符，请核对。'],
  [3, '错误', '值班记录', 'D7', '第2班', '值班断档或重叠', '中间 2小时无人值班。'],
  [4, '错误', '（整个工作簿）', '', '', 'missing-sheet', '缺少附件4。'],
];

/** The list sheet's values as read back, blanks as ''. */
function listOf(bytes: Uint8Array, name = '问题清单'): unknown[][] {
  const sheet = readXlsx(bytes).sheets.find((s) => s.name === name)!;
  return sheet.rows.map((row) => row.map((v) => v ?? '').filter((v, i, all) => v !== '' || all.slice(i).some((x) => x !== null && x !== '')));
}

const bookBytes = async () => new Uint8Array(await fillWorkbook(fixture('kaodian.json')));

test('the patched copy ends with 问题清单 listing every finding; every other part is the bytes of the copy without it', async () => {
  const bytes = await bookBytes();
  const withList = unzipSync((await markedCopy(bytes, FINDINGS)).bytes);
  const without = unzipSync(markParts(bytes, cellMarks(FINDINGS), MARK_COLORS)!.bytes);
  expect(readXlsx((await markedCopy(bytes, FINDINGS)).bytes).sheets.map((s) => s.name)).toEqual([...readXlsx(bytes).sheets.map((s) => s.name), '问题清单']);
  const sheetCount = readXlsx(bytes).sheets.length;
  const added = Object.keys(withList).filter((n) => !(n in without));
  expect(added).toEqual([`xl/worksheets/sheet${sheetCount + 1}.xml`]);
  const changed = Object.keys(without).filter((n) => strFromU8(without[n]) !== strFromU8(withList[n]));
  expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']);
  // Each changed part only added to: the new sheet, its relationship, its type, its print titles; the styles' lists grown at their ends.
  const text = (parts: Record<string, Uint8Array>, n: string) => strFromU8(parts[n]);
  const sheetEntry = /<sheet name="问题清单" sheetId="\d+" r:id="rIdList1"\/>/;
  expect(
    text(withList, 'xl/workbook.xml')
      .replace(sheetEntry, '')
      .replace(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'问题清单'!\$2:\$2<\/definedName>/, '')
      .replace('<definedNames></definedNames>', ''),
  ).toBe(text(without, 'xl/workbook.xml'));
  expect(text(withList, 'xl/workbook.xml')).toContain(`localSheetId="${sheetCount}">'问题清单'!$2:$2`);
  expect(text(withList, 'xl/_rels/workbook.xml.rels')).toBe(
    text(without, 'xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      `<Relationship Id="rIdList1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${sheetCount + 1}.xml"/></Relationships>`,
    ),
  );
  expect(text(withList, '[Content_Types].xml')).toBe(
    text(without, '[Content_Types].xml').replace(
      '</Types>',
      `<Override PartName="/xl/worksheets/sheet${sheetCount + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
    const inner = (xml: string) => new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)![1];
    const [before, after] = [inner(text(without, 'xl/styles.xml')), inner(text(withList, 'xl/styles.xml'))];
    expect({ list, kept: after.startsWith(before), grown: after.length > before.length }).toEqual({ list, kept: true, grown: true });
  }
  expect(listOf((await markedCopy(bytes, FINDINGS)).bytes)).toEqual(LIST);
  // Every sheet of the workbook reads as in the copy without the list: no cell of theirs changes.
  const grid = readXlsx(markParts(bytes, cellMarks(FINDINGS), MARK_COLORS)!.bytes);
  expect({ sheets: readXlsx((await markedCopy(bytes, FINDINGS)).bytes).sheets.slice(0, -1) }).toEqual(grid);
});

test('the list prints: A4 landscape, one page wide, its header row on every page, a page footer', async () => {
  const bytes = await bookBytes();
  const parts = unzipSync((await markedCopy(bytes, FINDINGS)).bytes);
  const sheet = strFromU8(parts[`xl/worksheets/sheet${readXlsx(bytes).sheets.length + 1}.xml`]);
  expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
  expect(sheet).toContain('<oddFooter>&amp;C问题清单 · 第 &amp;P 页，共 &amp;N 页</oddFooter>');
});

test('the copy made through exceljs (threaded comments and the like) ends with the same list', async () => {
  const bytes = await bookBytes();
  const copy = (await markedThroughExceljs(bytes, FINDINGS)).bytes;
  expect(
    readXlsx(copy)
      .sheets.map((s) => s.name)
      .pop(),
  ).toBe('问题清单');
  expect(listOf(copy)).toEqual(LIST);
});

test('a workbook with a sheet named 问题清单 already keeps it; the list is 问题清单2; in English, Findings', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('问题清单').getCell('A1').value = '自己的清单';
  const bytes = new Uint8Array(await writeBuffer(wb));
  const f = [finding({ rule: 'x', sheet: '问题清单', cell: 'A1', message: '有问题' })];
  const copy = (await markedCopy(bytes, f)).bytes;
  expect(readXlsx(copy).sheets.map((s) => [s.name, s.rows[0]?.[0]])).toEqual([
    ['问题清单', '自己的清单'],
    ['问题清单2', '试卷保密助手检查发现的问题：错误 1 处，警告 0 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）'],
  ]);
  expect(readXlsx((await markedCopy(bytes, f, 'en')).bytes).sheets.map((s) => [s.name, s.rows[0]?.[0]])).toEqual([
    ['问题清单', '自己的清单'],
    [
      'Findings',
      'Problems found by the custody assistant: 1 error, 0 warnings (errors: pink cells in a thick frame; warnings: yellow cells in a dashed frame; check again once corrected)',
    ],
  ]);
  const warnings = [1, 2].map(() => finding({ rule: 'x', severity: 'warning', sheet: '问题清单', cell: 'A1', message: '有问题' }));
  expect(readXlsx((await markedCopy(bytes, [...f, f[0], warnings[0]], 'en')).bytes).sheets[1].rows[0][0]).toMatch(/: 2 errors, 1 warning \(/);
  expect(readXlsx((await markedCopy(bytes, warnings, 'en')).bytes).sheets[1].rows[0][0]).toMatch(/: 0 errors, 2 warnings \(/);
  // No finding, no list.
  expect(readXlsx((await markedCopy(bytes, [])).bytes).sheets.map((s) => s.name)).toEqual(['问题清单']);
});

test('a marked copy checked again finds what its original finds: its 问题清单 is read as no form', async () => {
  const data = fixture('kaodian.json');
  data.handovers![0].toSigners = ['李强'];
  const bytes = new Uint8Array(await fillWorkbook(data));
  const findings = validateSite(readWorkbook(readXlsx(bytes)));
  expect(findings.length).toBeGreaterThan(0);
  const copy = (await markedCopy(bytes, findings)).bytes;
  expect(readXlsx(copy).sheets.pop()!.name).toBe('问题清单');
  expect(validateSite(readWorkbook(readXlsx(copy)))).toEqual(findings);
});

test('review11 f1: the 附件3 pasted twice — the list says which copy each 序号 1 is in (review 11 D8), zh and en, both ways of marking', async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review11', 'xlsx', 'f1-vault-first-wrong.xlsx')));
  const rowsOf = (copy: Uint8Array, name: string) =>
    listOf(copy, name)
      .slice(2)
      .map((row) => row.slice(0, 5));
  for (const lang of ['zh', 'en'] as const) {
    const findings = validateSite(readWorkbook(readXlsx(bytes)), { lang });
    const expected =
      lang === 'zh'
        ? [
            [1, '错误', '出入库记录', 'F4', '第一份 序号 1'],
            [2, '错误', '出入库记录', 'F20', '第二份 序号 1'],
          ]
        : [
            [1, 'Error', '出入库记录', 'F4', 'form 1,\nNo. 1'],
            [2, 'Error', '出入库记录', 'F20', 'form 2,\nNo. 1'],
          ];
    const name = lang === 'zh' ? '问题清单' : 'Findings';
    expect(rowsOf((await markedCopy(bytes, findings, lang)).bytes, name)).toEqual(expected);
    expect(rowsOf((await markedThroughExceljs(bytes, findings, lang)).bytes, name)).toEqual(expected);
  }
});

test('a form once on its sheet: its rows say 序号 alone, as before (no copy word)', async () => {
  const one = finding({ rule: 'x', form: 3, sheet: '出入库记录', cell: 'F4', row: 1, message: '有问题' });
  const again = finding({ rule: 'y', form: 3, sheet: '出入库记录', cell: 'F20', row: 1, message: '有问题' });
  const copy = (await markedCopy(await bookBytes(), [one, again])).bytes;
  expect(
    listOf(copy)
      .slice(2)
      .map((row) => row[4]),
  ).toEqual(['序号 1', '序号 1']);
});

test('a finding row is as tall as its message prints, its digits measured as the forms measure theirs (4/3 of a unit: LibreOffice on Linux)', async () => {
  const bytes = await bookBytes();
  const message =
    '试卷 1001 在 6月15日 07:45 领出后共 3 袋在外，而这一场考生 57 人，按入库清单的袋型 2 袋就够，多领的应是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。';
  const parts = unzipSync((await markedCopy(bytes, [finding({ rule: 'overdraw', sheet: '出入库登记', cell: 'F6', message })])).bytes);
  const sheet = strFromU8(parts[`xl/worksheets/sheet${readXlsx(bytes).sheets.length + 1}.xml`]);
  // Four lines of 10 pt (was 49: three, the digits measured at 宋体's half width; the fourth cut off where they print wider).
  expect(/<row r="3"[^>]* ht="([\d.]+)"/.exec(sheet)?.[1]).toBe('63');
});
