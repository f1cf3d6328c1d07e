/**
 * Review 19a D12: with several forms on one sheet (forms/form-regions.ts), a finding's place was “Sheet1 F95 序号 2”
 * — eight tables there have a 序号 2, and a printed page shows no row numbers. Where a sheet holds more than one form,
 * the lists name the form beside the sheet: “Sheet1（出入库记录）” in validate's text, in the pane's groups and in the
 * marked copy's 问题清单; a sheet of one form, or named as the form it is, as before.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/check/service';
import { workbookFile } from '../../src/batch/workbook-file';
import { formAt, sheetShown } from '../../src/forms/form-place';
import { groupBySheet } from '../../src/taskpane/check';
import { scratchDir } from '../scratch';

jest.setTimeout(60_000);

const LAYOUTS = path.join(__dirname, '..', 'fixtures', 'layouts');
let dir: string;
let sheet1: string;

beforeAll(async () => {
  dir = scratchDir('custody-form-on-sheet-');
  // Review 19a's c6-all-on-sheet1-planted: every form on Sheet1 (review 17b's a5), 2045 taken out at 08:45.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(LAYOUTS, 'a5-all-on-sheet1.xlsx'));
  const ws = wb.worksheets[0];
  ws.eachRow((_row, r) => {
    if (ws.getCell(r, 2).value === '2045' && ws.getCell(r, 5).value === '赵敏') ws.getCell(r, 6).value = new Date(Date.UTC(2024, 5, 15, 8, 45));
  });
  sheet1 = path.join(dir, 'sheet1.xlsx');
  await wb.xlsx.writeFile(sheet1);
  fs.copyFileSync(path.join(LAYOUTS, 'a2-intake-vault-side-by-side-planted.xlsx'), path.join(dir, 'beside.xlsx'));
});

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout.split(dir + path.sep).join(''), err: io.stderr };
};

const WINDOW = {
  zh: '试卷 2045 在 6月15日 08:45 出库，比它这场考试开考（6月15日 10:30）早了 1小时45分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
  en: 'Paper 2045 was taken out at Jun 15 08:45, 105 minutes before its session starts (Jun 15 10:30). Exam-day checkouts are at most 60 minutes before the session: check the time it was taken out.',
};

test.each([
  ['zh', `sheet1.xlsx（长沙分校 岳麓考点）：1 个错误，0 个警告\n  Sheet1（出入库记录）\n    F95  错误  领卷时间不当  ${WINDOW.zh}\n`],
  ['en', `sheet1.xlsx (长沙分校 岳麓考点): 1 error, 0 warnings\n  Sheet1 (出入库记录)\n    F95  error  Checkout outside its window  ${WINDOW.en}\n`],
])('validate --lang %s, every form on Sheet1: the form named beside the sheet', async (lang, out) => {
  const r = await run('validate', path.join(dir, 'sheet1.xlsx'), '--lang', lang);
  expect([r.out, r.code]).toEqual([out, 1]);
});

test('validate, 附件2 beside 附件3 on one sheet: the log named', async () => {
  const r = await run('validate', path.join(dir, 'beside.xlsx'));
  expect(r.out).toBe(`beside.xlsx（长沙分校 岳麓考点）：1 个错误，0 个警告\n  入库及出入库（出入库记录）\n    O5  错误  领卷时间不当  ${WINDOW.zh}\n`);
});

test('validate --mark: the 问题清单 names the form beside the sheet', async () => {
  const out = path.join(dir, 'marked');
  await run('validate', sheet1, '--mark', out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'sheet1（已标记）.xlsx'));
  const list = wb.getWorksheet('问题清单')!;
  expect((list.getRow(3).values as unknown[]).slice(1)).toEqual([1, '错误', 'Sheet1（出入库记录）', 'F95', '序号 2', '领卷时间不当', WINDOW.zh]);
});

test('the pane’s groups: the form named beside the sheet', async () => {
  const { model, report } = await checkWorkbook(workbookFile(sheet1));
  const groups = groupBySheet(report.findings, (f) => sheetShown(model!.sheets, f, 'zh'));
  expect(groups.map((g) => [g.sheet, g.findings.map((f) => f.cell)])).toEqual([['Sheet1（出入库记录）', ['F95']]]);
});

test('基本信息 over 考试安排 on one sheet: a cell of each is in its form; the sheet named as its first form needs no more', async () => {
  const { model } = await checkWorkbook(workbookFile(path.join(LAYOUTS, 'a1-info-schedule-stacked.xlsx')));
  const sheets = model!.sheets;
  expect([formAt(sheets, '基本信息', 'B5'), formAt(sheets, '基本信息', 'B17'), formAt(sheets, '涉卷人员', 'B3')]).toEqual(['site', 'schedule', undefined]);
  expect([sheetShown(sheets, { sheet: '基本信息', cell: 'B5' }), sheetShown(sheets, { sheet: '基本信息', cell: 'D19' }, 'en')]).toEqual([
    '基本信息',
    '基本信息 (考试安排)',
  ]);
});

test.each(['0', '2'])('summary --threads %s: the unit’s sheet names the form under its place in 位置', async (threads) => {
  const only = scratchDir('custody-form-on-sheet-summary-');
  fs.copyFileSync(sheet1, path.join(only, 'sheet1.xlsx'));
  const out = path.join(scratchDir('custody-form-on-sheet-out-'), 'sum.xlsx');
  const r = await run('summary', only, '-o', out, '--threads', threads);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('汇总-岳麓考点')!;
  const place: string[] = [];
  ws.eachRow((row) => void (row.getCell(2).value === '领卷时间不当' || place.length > 0 ? place.push(String(row.getCell(3).value ?? '')) : 0));
  // The narrow column's lines, a row each (the place broke before 2 as it always did there); then the form on its own line.
  expect(place.slice(0, 3)).toEqual(['Sheet1!F95 序号', '2', '（出入库记录）']);
});
