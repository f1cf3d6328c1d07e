/**
 * Each file's status said the same way everywhere (fix-status24 item 1): the JSON's files[] had none, and a reader had
 * to guess from `error`'s first words (or a finding's rule) whether a file was unreadable, not a custody workbook, set
 * aside (another semester; a unit's second workbook) or read. Now `status`, one of FILE_STATUSES, in `validate
 * --format json`, `summary --format json` and the pane's check alike, and the same words on 文件清单 and 站点汇总 —
 * which showed a set-aside workbook as 可以提交 / 需改正.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import { readCheckableWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels, consolidatedJson } from '../../src/summary/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { checkSites } from '../../src/taskpane/check';
import { FILE_STATUSES, STATUS_WORDS } from '../../src/summary/words';
import { printScale, wordWrapLines } from '../../src/summary/columns';
import type { Intake, SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { writeSetAsideBooks } from './set-aside-books';

jest.setTimeout(180_000);

let dir: string;
const input = (name: string) => path.join(dir, 'in', name);

/** The files, each with the status every face gives it (sorted by name, as the runs list them). */
const EXPECTED: Array<[string, string]> = [
  ['坏文件.xlsx', 'unreadable'],
  ['天心考点（上学期）.xlsx', 'otherSemester'],
  ['岳麓考点.xlsx', 'ready'],
  ['岳麓考点（第二本）.xlsx', 'repeatedUnit'],
  ['签到表.xlsx', 'notCustody'],
  ['长沙分校.xlsx', 'ready'],
  ['雨花考点.xlsx', 'fix'],
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-file-status-'));
  fs.mkdirSync(path.join(dir, 'in'));
  const copy = await writeSetAsideBooks(path.join(dir, 'in'));
  // A unit of this semester with an error: 需改正.
  const wrong = copy();
  wrong.site!.examSite = '雨花考点';
  (wrong.intake as Intake).keeper = '';
  fs.writeFileSync(input('雨花考点.xlsx'), await fillWorkbook(wrong));
  fs.writeFileSync(input('长沙分校.xlsx'), await fillWorkbook(fixture('fenxiao.json') as SiteData));
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
  await other.xlsx.writeFile(input('签到表.xlsx'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, stdout: io.stdout };
}

type Entry = { file: string; status?: string; error?: string };
const statuses = (files: Entry[]) => files.map((f) => [path.basename(f.file), f.status]);

test('the codes, their words (zh, en), as README lists them', () => {
  expect(FILE_STATUSES).toEqual(['ready', 'fix', 'unreadable', 'notCustody', 'otherSemester', 'repeatedUnit']);
  expect(FILE_STATUSES.map((k) => [STATUS_WORDS[k].zh, STATUS_WORDS[k].en])).toEqual([
    ['可以提交', 'Ready to submit'],
    ['需改正', 'To be corrected'],
    ['无法读取', 'Unreadable'],
    ['不是试卷保密表单', 'Not a custody workbook'],
    ['属另一学期', 'Other semester'],
    ['同单位第二本', 'Unit’s second workbook'],
  ]);
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  for (const k of FILE_STATUSES) expect(readme).toContain(`\`${k}\` ${STATUS_WORDS[k].zh}`);
});

test('validate --help and summary --help list every code with its words', async () => {
  for (const command of ['validate', 'summary']) {
    const io = memoryIO();
    await main(['node', 'custody', command, '--help'], io);
    for (const k of FILE_STATUSES) expect(io.stdout).toContain(`${k} ${STATUS_WORDS[k].zh}`);
  }
});

test('validate --format json: each file its status, after sha256, every other field kept', async () => {
  const r = await run('validate', path.join(dir, 'in'), '--format', 'json');
  expect(r.code).toBe(2);
  const files = (JSON.parse(r.stdout) as { files: Array<Entry & Record<string, unknown>> }).files;
  expect(statuses(files)).toEqual(EXPECTED);
  for (const f of files) expect(Object.keys(f)).toEqual(['file', 'site', 'sha256', 'status', ...(f.error !== undefined ? ['error'] : []), 'findings']);
});

test('summary --format json: the same statuses, the same keys; in-process (the pane, the demo) the same', async () => {
  for (const threads of ['2', '0']) {
    const r = await run('summary', path.join(dir, 'in'), '--format', 'json', '--threads', threads);
    const files = (JSON.parse(r.stdout) as { files: Array<Entry & Record<string, unknown>> }).files;
    expect(statuses(files)).toEqual(EXPECTED);
    for (const f of files) expect(Object.keys(f)).toEqual(['file', 'site', 'sha256', 'status', ...(f.error !== undefined ? ['error'] : []), 'findings']);
  }
  const inputs = await Promise.all(
    EXPECTED.map(async ([name]) => {
      const bytes = fs.readFileSync(input(name));
      try {
        return { file: name, model: readCheckableWorkbook(await gridFromXlsxBuffer(bytes)) };
      } catch (e) {
        return { file: name, error: (e as Error).message };
      }
    }),
  );
  expect(statuses(consolidatedJson(consolidateModels(inputs)).files)).toEqual(EXPECTED);
  // The pane's check (its JSON export is its reports).
  const sites = await checkSites(
    await Promise.all(
      EXPECTED.map(async ([name]) => {
        try {
          return { id: name, label: name, grid: await gridFromXlsxBuffer(fs.readFileSync(input(name))) };
        } catch (e) {
          return { id: name, label: name, error: (e as Error).message };
        }
      }),
    ),
    'zh',
  );
  expect(sites.map((s) => [s.label, s.report?.status])).toEqual(EXPECTED);
});

/** A sheet's column headed `header`, by the file named in the column headed `file` (rows from `from`). */
async function column(out: string, sheet: string, header: string, file: string, from: number): Promise<Array<[unknown, unknown]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(sheet)!;
  const heads = ws.getRow(from - 1).values as unknown[];
  const [h, f] = [heads.indexOf(header), heads.indexOf(file)];
  const got: Array<[unknown, unknown]> = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const name = ws.getRow(r).getCell(f).value;
    if (typeof name === 'string' && name.endsWith('.xlsx')) got.push([name, ws.getRow(r).getCell(h).value]);
  }
  return got.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

test('文件清单 and 站点汇总 say the same words (zh, en), the workbook written by threads or in-process', async () => {
  const byName = (lang: 'zh' | 'en') =>
    EXPECTED.map(([name, k]) => [name, STATUS_WORDS[k as keyof typeof STATUS_WORDS][lang]]).sort((a, b) => a[0].localeCompare(b[0]));
  for (const lang of ['zh', 'en'] as const) {
    const out = path.join(dir, `${lang}.xlsx`);
    expect((await run('summary', path.join(dir, 'in'), '-o', out, '--lang', lang)).code).toBe(2);
    const [files, sites, status, file] = lang === 'zh' ? ['文件清单', '站点汇总', '状态', '文件'] : ['Files', 'Sites', 'Status', 'File'];
    expect(await column(out, files, status, file, 2)).toEqual(byName(lang));
    expect(await column(out, sites, status, file, 3)).toEqual(byName(lang));
  }
  expect(byName('zh')).toEqual([
    ['坏文件.xlsx', '无法读取'],
    ['天心考点（上学期）.xlsx', '属另一学期'],
    ['岳麓考点.xlsx', '可以提交'],
    ['岳麓考点（第二本）.xlsx', '同单位第二本'],
    ['签到表.xlsx', '不是试卷保密表单'],
    ['长沙分校.xlsx', '可以提交'],
    ['雨花考点.xlsx', '需改正'],
  ]);
  // In-process (the pane's download): the same 文件清单.
  const models = await Promise.all(
    EXPECTED.map(async ([name]) => {
      try {
        return { file: name, model: readCheckableWorkbook(await gridFromXlsxBuffer(fs.readFileSync(input(name)))) };
      } catch (e) {
        return { file: name, error: (e as Error).message };
      }
    }),
  );
  const pane = path.join(dir, 'pane.xlsx');
  fs.writeFileSync(pane, await consolidatedXlsx(consolidateModels(models), { lang: 'zh' }));
  expect(await column(pane, '文件清单', '状态', '文件', 2)).toEqual(byName('zh'));
  expect(await column(pane, '站点汇总', '状态', '文件', 3)).toEqual(byName('zh'));
});

test('站点汇总’s 状态 holds each status it shows on two lines at most (zh, en); a run showing only 可以提交/需改正 keeps it 7 wide', async () => {
  const widthOf = async (out: string, sheet: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return wb.getWorksheet(sheet)!.getColumn(4).width!;
  };
  const shown = (lang: 'zh' | 'en') => [...new Set(EXPECTED.map(([, k]) => STATUS_WORDS[k as keyof typeof STATUS_WORDS][lang]))];
  const widths: number[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const width = await widthOf(path.join(dir, `${lang}.xlsx`), lang === 'zh' ? '站点汇总' : 'Sites');
    widths.push(width);
    expect(shown(lang).map((w) => [w, wordWrapLines(w, width) <= 2])).toEqual(shown(lang).map((w) => [w, true]));
  }
  // 不是试卷 / 保密表单 (at 7 three lines, as Excel wrapped it); Not a custody / workbook.
  expect(widths).toEqual([10, 16]);
  expect([wordWrapLines('不是试卷保密表单', 7), wordWrapLines('不是试卷保密表单', 10), wordWrapLines('Not a custody workbook', 16)]).toEqual([3, 2, 2]);
  // Only 可以提交 and 需改正 shown: as wide as before, the page's room left to the names, notes and files.
  const few = path.join(dir, 'few');
  fs.mkdirSync(few);
  for (const name of ['岳麓考点.xlsx', '长沙分校.xlsx', '雨花考点.xlsx']) fs.copyFileSync(input(name), path.join(few, name));
  const got: number[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const out = path.join(dir, `few-${lang}.xlsx`);
    await run('summary', few, '-o', out, '--lang', lang);
    got.push(await widthOf(out, lang === 'zh' ? '站点汇总' : 'Sites'));
  }
  expect(got).toEqual([7, 12]);
});

test('the guide says what 站点汇总 prints at: 9 pt, a little less where whole names and long statuses need it (8.2–8.9), as measured', async () => {
  const guide = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', '使用说明.md'), 'utf8');
  expect(guide).not.toContain('字不小于 9 磅');
  expect(guide).toContain('印出来约 8.2–8.9 磅');
  const pts: number[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, `${lang}.xlsx`));
    const ws = wb.getWorksheet(lang === 'zh' ? '站点汇总' : 'Sites')!;
    pts.push(Math.round(11 * printScale(ws.columns.map((c) => c.width ?? 8.43)) * 100) / 100);
  }
  // This run's long 说明 (kept in its cell) and its 不是试卷保密表单: under 9, within what the guide says.
  expect(pts).toEqual([8.96, 8.82]);
});
