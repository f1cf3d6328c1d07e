/**
 * A workbook that opens but holds none of the forms has a status of its own in the consolidated summary (FileStatus
 * notCustody), as validate, the CLI's lines and 问题清单 say it since round 22: 文件清单 “不是试卷保密表单”, 总览 a line
 * of its own beside 无法读取 (not counted there), the JSON's totals.notCustody (of totals.unreadable, which still counts
 * every file not summarised, as old readers count it). A damaged file stays 无法读取.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { fixture } from '../helpers';

jest.setTimeout(120_000);

let dir: string;
const NO_FORMS = '不是试卷保密表单：工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件';
const NO_FORMS_EN =
  'not a custody workbook: none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file';
const NOT_XLSX = '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-not-custody-'));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', '岳麓考点.xlsx'), await fillWorkbook(fixture('kaodian.json')));
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
  await other.xlsx.writeFile(path.join(dir, 'in', '签到表.xlsx'));
  fs.writeFileSync(path.join(dir, 'in', '坏文件.xlsx'), 'not a workbook');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function summary(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIO();
  const code = await main(['node', 'custody', 'summary', path.join(dir, 'in'), ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function workbook(lang: 'zh' | 'en'): Promise<{ wb: ExcelJS.Workbook; stdout: string; stderr: string }> {
  const out = path.join(dir, `${lang}.xlsx`);
  const r = await summary('-o', out, '--lang', lang);
  expect(r.code).toBe(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { wb, stdout: r.stdout, stderr: r.stderr };
}

/** Every row's first `n` values (null where empty). */
const rows = (ws: ExcelJS.Worksheet, n: number): unknown[][] =>
  Array.from({ length: ws.rowCount }, (_x, r) => Array.from({ length: n }, (_y, c) => ws.getRow(r + 1).getCell(c + 1).value ?? null));

/** 文件清单 without its SHA-256 column (D), which this test does not fix. */
const fileList = (ws: ExcelJS.Worksheet): unknown[][] => rows(ws, 5).map(([a, b, c, , e]) => [a, b, c, e]);

test('文件清单 says 不是试卷保密表单 of a workbook with no form (red, as 无法读取), 总览 counts it on a line of its own; the CLI’s lines', async () => {
  const { wb, stdout, stderr } = await workbook('zh');
  expect(fileList(wb.getWorksheet('文件清单')!)).toEqual([
    ['文件', '单位', '状态', '说明'],
    ['坏文件.xlsx', null, '无法读取', NOT_XLSX],
    ['岳麓考点.xlsx', '岳麓考点', '可以提交', null],
    ['签到表.xlsx', null, '不是试卷保密表单', NO_FORMS],
  ]);
  const files = wb.getWorksheet('文件清单')!;
  expect(files.getCell('C4').alignment).toMatchObject({ wrapText: true });
  const formats = (files as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings;
  expect(formats.map((c) => [c.ref, c.rules.map((r) => r.formulae)])).toEqual([['A2:E4', [['OR($C2="无法读取",$C2="不是试卷保密表单")']]]]);
  // 总览's figures (A:B): 无法读取 1, then 不是试卷保密表单 1, the rest as before.
  expect(rows(wb.getWorksheet('总览')!, 2).slice(3, 10)).toEqual([
    ['工作簿', 3],
    ['无法读取', 1],
    ['不是试卷保密表单', 1],
    ['单位（计入合计）', 1],
    ['可以提交', 1],
    ['需改正', 0],
    ['错误（处）', 0],
  ]);
  // 站点汇总's 状态 of the two files not read.
  const sites = wb.getWorksheet('站点汇总')!;
  const status = (sites.getRow(2).values as unknown[]).indexOf('状态');
  const file = (sites.getRow(2).values as unknown[]).indexOf('文件');
  expect(Array.from({ length: 3 }, (_x, i) => [sites.getRow(i + 3).getCell(file).value, sites.getRow(i + 3).getCell(status).value]).sort()).toEqual([
    ['坏文件.xlsx', '无法读取'],
    ['岳麓考点.xlsx', '可以提交'],
    ['签到表.xlsx', '不是试卷保密表单'],
  ]);
  expect(stdout.split('\n')[0]).toBe('已汇总 3 个工作簿（其中 1 个无法读取，1 个不是试卷保密表单）：可以提交 1 个，需改正 0 个；错误 0 处，警告 0 处。');
  // One line each, after the file's path.
  const named = path.join(dir, 'in') + path.sep;
  expect(
    stderr
      .split('\n')
      .filter((l) => l.startsWith(named))
      .map((l) => l.slice(named.length)),
  ).toEqual([`坏文件.xlsx：无法读取：${NOT_XLSX}`, `签到表.xlsx：${NO_FORMS}`]);
});

test('in English: Not a custody workbook on 文件清单, Not custody workbooks on 总览, Unreadable for the damaged file', async () => {
  const { wb } = await workbook('en');
  expect(fileList(wb.getWorksheet('Files')!).map((r) => r.slice(0, 3))).toEqual([
    ['File', 'Unit', 'Status'],
    ['坏文件.xlsx', null, 'Unreadable'],
    ['岳麓考点.xlsx', '岳麓考点', 'Ready to submit'],
    ['签到表.xlsx', null, 'Not a custody workbook'],
  ]);
  expect(rows(wb.getWorksheet('Overview')!, 2).slice(3, 7)).toEqual([
    ['Workbooks', 3],
    ['Unreadable', 1],
    ['Not custody workbooks', 1],
    ['Units (in the totals)', 1],
  ]);
});

test('the JSON: totals.notCustody 1 of totals.unreadable 2 (every file not summarised, as before); each file’s line; in-process the same', async () => {
  const r = await summary('--format', 'json');
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as { files: Array<{ file: string; error?: string }>; totals: Record<string, unknown> };
  expect(json.files.map((f) => [path.basename(f.file), f.error ?? null])).toEqual([
    ['坏文件.xlsx', NOT_XLSX],
    ['岳麓考点.xlsx', null],
    ['签到表.xlsx', NO_FORMS],
  ]);
  expect(json.totals).toMatchObject({ files: 3, unreadable: 2, notCustody: 1, sites: 1, ready: 1 });
  // The browser face and the demo consolidate in-process (consolidateModels), given each file's line: the same counts,
  // whichever language the line is in.
  const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'in', '岳麓考点.xlsx'))));
  for (const line of [NO_FORMS, NO_FORMS_EN]) {
    const inputs = [
      { file: '坏文件.xlsx', error: NOT_XLSX },
      { file: '岳麓考点.xlsx', model },
      { file: '签到表.xlsx', error: line },
    ];
    expect(consolidateModels(inputs).totals).toMatchObject({ files: 3, unreadable: 2, notCustody: 1, sites: 1, ready: 1 });
  }
  // A run with no workbook of another kind says no notCustody at all.
  expect(
    'notCustody' in
      consolidateModels([
        { file: '岳麓考点.xlsx', model },
        { file: '坏文件.xlsx', error: NOT_XLSX },
      ]).totals,
  ).toBe(false);
});
