/**
 * The outside review's round 24 (test/fixtures/review24/), D4: 附件3 prints no 备注, and staff write 作废 where there
 * is room — in the row's 序号 cell (c04) or beside the row, right of the table (c05). Read as a live checkout, the line
 * gave not-returned on itself and an overdraw on the correct row (“同时在库外的共 6 袋”). It is void, said once where
 * 作废 is; a row struck through on 附件3 is told to write 作废 there, not “在备注里”, which the form has not.
 */
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, writeBuffer } from '../helpers';
import { wholeFinding as whole } from './tester';

jest.setTimeout(120_000);

const V = '出入库记录';
const D = (s: string) => new Date(`${s}:00.000Z`);

/** The filled 岳麓考点 with a mistaken 1001 line inserted as row 4 (as review 24's gen.js.txt does), 序号 renumbered below. */
async function withMistakenLine(seq: string | number, beside: string | null, strike = false): Promise<ExcelJS.Workbook> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  const ws = wb.getWorksheet(V)!;
  ws.spliceRows(4, 0, [seq, '1001', '高等数学基础', 3, '李强', D('2024-06-15T07:40'), '陈静', null, null, null, '袋', beside]);
  for (let c = 1; c <= 12; c++) ws.getRow(4).getCell(c).style = ws.getRow(5).getCell(c).style;
  // A style of its own: exceljs shares one style object among the cells that had one style in the file.
  if (strike) for (let c = 1; c <= 11; c++) ws.getRow(4).getCell(c).style = { ...ws.getRow(4).getCell(c).style, font: { strike: true } };
  for (let r = 5; r <= 7; r++) ws.getCell(`A${r}`).value = typeof seq === 'number' ? r - 3 : r - 4;
  return wb;
}

async function findings(wb: ExcelJS.Workbook, lang: 'zh' | 'en' = 'zh') {
  return validateSite(readWorkbook(await gridFromXlsxBuffer(await writeBuffer(wb))), { lang }).map(whole);
}

const ROW_ZH = '此行注明作废，已当作作废的行留作记录：不计入合计，也不参与各项检查。';

test('作废 in the 序号 cell of a 附件3 line: void, said once at that cell; no not-returned, no overdraw on the correct row (c04)', async () => {
  expect(await findings(await withMistakenLine('作废', null))).toEqual([['voided-row', 'warning', V, 'A4', 1, ROW_ZH]]);
});

test('作废 beside a 附件3 line, right of the table: void, said once there (c05); the same line with a note beside that is no 作废 stays live', async () => {
  expect(await findings(await withMistakenLine(1, '作废（重写于下行）'))).toEqual([['voided-row', 'warning', V, 'L4', 1, ROW_ZH]]);
  const live = await findings(await withMistakenLine(1, '作废试卷另封'));
  expect(live.map(([rule, , , cell]) => `${rule as string} ${cell as string}`)).toEqual(['not-returned I4', 'overdraw D5']);
});

test('a 附件3 line struck through is told to write 作废 beside it, the form having no 备注 (c03), both languages', async () => {
  expect(await findings(await withMistakenLine(1, null, true))).toEqual([
    [
      'voided-row',
      'warning',
      V,
      'A4',
      1,
      '此行填了的格子都划了删除线，已当作作废的行，不参与检查。删除线打印或换个软件打开时可能看不出：若是误登，请整行删除；要留作记录，请在这一行表格右边的空格里写“作废”（这张表没有备注栏）。',
    ],
  ]);
  expect(await findings(await withMistakenLine(1, null, true), 'en')).toEqual([
    [
      'voided-row',
      'warning',
      V,
      'A4',
      1,
      'Every filled cell of this row is struck through: it is taken as void and not checked. A strikethrough may not show in print or in another program: if the row was entered by mistake, delete the whole row; to keep it on record, write 作废 in the empty cell right of the table on this row (the form has no 备注 column).',
    ],
  ]);
});

test('a 备注 typed into 附件3’s header is the row’s 备注 (c05b), said there as before', async () => {
  const noted = await withMistakenLine(1, '作废（重写于下行）');
  noted.getWorksheet(V)!.getCell('L3').value = '备注';
  expect(await findings(noted)).toEqual([['voided-row', 'warning', V, 'L4', 1, ROW_ZH]]);
});

/**
 * fix-left29: 作废 in the 序号 cell, or beside the row, is read alike on every form — on 附件1 and 附件4, which print a
 * 备注, the row stayed live: a 交接单 line's bags in the 合计 (column-total “合计 6, 各行相加 8”), a 分发登记 line checked
 * as a record.
 */
async function withLine(sheet: string, cells: Record<string, ExcelJS.CellValue>): Promise<ExcelJS.Workbook> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  const ws = wb.getWorksheet(sheet)!;
  for (const [cell, value] of Object.entries(cells)) ws.getCell(cell).value = value;
  return wb;
}

const HANDOVER_LINE = { C11: '岳麓考点', D11: 2, E11: '3310 中国现代文学', F11: '袋' };
const REGISTER_LINE = { B8: '1001', C8: '高等数学基础', D8: 30, E8: '03', F8: D('2024-06-15T08:07'), G8: '周涛', H8: D('2024-06-15T10:10'), I8: '周涛' };

test.each([
  ['交接单', 'in the 序号 cell', { B11: '作废', ...HANDOVER_LINE }, 'B11', 4],
  ['交接单', 'beside the row', { B11: 4, ...HANDOVER_LINE, G11: '此行作废' }, 'G11', 4],
  ['分发登记1', 'in the 序号 cell', { A8: '作废', ...REGISTER_LINE }, 'A8', 3],
  ['分发登记1', 'beside the row', { A8: 3, ...REGISTER_LINE, K8: '作废' }, 'K8', 3],
] as const)('%s, a form with a 备注, 作废 %s: void, said once there, as on 附件3', async (sheet, _where, cells, cell, seq) => {
  expect(await findings(await withLine(sheet, cells))).toEqual([['voided-row', 'warning', sheet, cell, seq, ROW_ZH]]);
});

test('the same 交接单 line with a 序号 is live, its bags in the 合计 (the line the tests above void)', async () => {
  expect(await findings(await withLine('交接单', { B11: 4, ...HANDOVER_LINE }))).toEqual([
    ['column-total', 'error', '交接单', 'D17', null, '“合计”写的是 6，但上面各行相加是 8。合计须等于本栏各行之和，请核对后改正。'],
  ]);
});

test('review 25a D5: the struck line’s advice followed (作废 written right of the table, the strike kept) — said once, as kept on record, never “请整行删除”', async () => {
  const followed = await withMistakenLine(1, '作废（重写于下行）', true);
  expect(await findings(followed)).toEqual([['voided-row', 'warning', V, 'L4', 1, ROW_ZH]]);
  expect(await findings(followed, 'en')).toEqual([
    ['voided-row', 'warning', V, 'L4', 1, 'This row is marked void (作废) and kept on record as a void row: it is not counted in any total, nor checked.'],
  ]);
});
