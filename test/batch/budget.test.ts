/**
 * The time budget of each file in a batch run: `custody summary` (the built
 * CLI, worker threads) with the budget made small through
 * CUSTODY_FILE_SECONDS — a workbook that takes far longer than the others
 * (2.9 million formulas without cached values, seconds of work; the others a
 * fraction of a second) is stopped, reported in one line naming the budget,
 * and the other files are still read and summarised. Needs the CLI built (`npx tsc -p tsconfig.cli.json`).
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { validateFiles } from '../../src/cli/validate';
import { fixture } from '../helpers';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'custody.js');
let dir: string;
let books: string;

/**
 * The workbook with 29,000 more rows of 100 formulas without cached values in its
 * first sheet: within every limit, slow to read (rows of plain numbers read too
 * fast to stay over a budget small enough for a test).
 */
function slowWorkbook(base: Uint8Array): Uint8Array {
  const parts = unzipSync(base);
  const row = '<c><f>1</f></c>'.repeat(100);
  const rows: string[] = [];
  for (let r = 1001; r <= 30_000; r++) rows.push(`<row r="${r}">${row}</row>`);
  const first = 'xl/worksheets/sheet1.xml';
  parts[first] = strToU8(strFromU8(parts[first]).replace('</sheetData>', `${rows.join('')}</sheetData>`));
  return zipSync(parts, { level: 1 });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'batch', 'worker.js'))) throw new Error('build the CLI first: npx tsc -p tsconfig.cli.json');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-budget-'));
  books = path.join(dir, 'books');
  fs.mkdirSync(books);
  const [site, branch] = await Promise.all([fillWorkbook(fixture('kaodian.json')), fillWorkbook(fixture('fenxiao.json'))]);
  fs.writeFileSync(path.join(books, 'a-岳麓考点.xlsx'), site);
  fs.writeFileSync(path.join(books, 'b-长沙分校.xlsx'), branch);
  fs.writeFileSync(path.join(books, 'c-slow.xlsx'), slowWorkbook(new Uint8Array(site)));
  // Each file its own workbook: a copy of one would be counted once.
  const again = (name: string) => {
    const data = fixture(name);
    data.handovers![0].items![0].note = '再存一份';
    return fillWorkbook(data);
  };
  fs.writeFileSync(path.join(books, 'd-岳麓考点.xlsx'), await again('kaodian.json'));
  fs.writeFileSync(path.join(books, 'e-长沙分校.xlsx'), await again('fenxiao.json'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a file over its time budget gets one line; the others are summarised', () => {
  const out = path.join(dir, 'summary.json');
  const r = spawnSync(process.execPath, [BIN, 'summary', books, '--format', 'json', '-o', out, '--threads', '2'], {
    encoding: 'utf8',
    env: { ...process.env, CUSTODY_FILE_SECONDS: '2' },
  });
  expect(r.status).toBe(2);
  const slow = path.join(books, 'c-slow.xlsx');
  const refused = r.stderr.split('\n').filter((l) => l.includes('：无法读取：'));
  expect(refused).toEqual([
    `${slow}：无法读取：读取检查超过 2 秒仍未完成，已停止处理此文件（疑似异常文件），重新保存不能解决。请查找写有成千上万个字或一长串空格的单元格、行数极多的表格，删去后再试；找不到时，请把文件交给信息技术人员检查`,
  ]);
  // d- and e- are their units' second workbooks (set aside, a figure of their own since fix-semester25).
  expect(r.stderr).toContain('已汇总 5 个工作簿（其中 1 个无法读取，2 个同单位第二本）');
  const json = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(json.files.map((f: { file: string; error?: string }) => [path.basename(f.file), f.error !== undefined])).toEqual([
    ['a-岳麓考点.xlsx', false],
    ['b-长沙分校.xlsx', false],
    ['c-slow.xlsx', true],
    ['d-岳麓考点.xlsx', false],
    ['e-长沙分校.xlsx', false],
  ]);
  expect(json.sites.map((s: { site: { name: string } }) => s.site.name)).toEqual(['岳麓考点', '长沙分校', '岳麓考点', '长沙分校']);
});

test('validate: a file over its time budget gets one line in the report; the others are checked, in order', () => {
  const r = spawnSync(process.execPath, [BIN, 'validate', books, '--format', 'json', '--threads', '2'], {
    encoding: 'utf8',
    env: { ...process.env, CUSTODY_FILE_SECONDS: '2' },
  });
  expect(r.status).toBe(2);
  const slow = path.join(books, 'c-slow.xlsx');
  const line =
    '读取检查超过 2 秒仍未完成，已停止处理此文件（疑似异常文件），重新保存不能解决。请查找写有成千上万个字或一长串空格的单元格、行数极多的表格，删去后再试；找不到时，请把文件交给信息技术人员检查';
  expect(r.stderr).toBe(`${slow}：无法读取：${line}\n`);
  const report = JSON.parse(r.stdout) as { files: Array<{ file: string; site: string | null; sha256: string | null; error?: string; findings: unknown[] }> };
  expect(report.files.map((f) => [path.basename(f.file), f.site, f.error ?? null])).toEqual([
    ['a-岳麓考点.xlsx', '长沙分校 岳麓考点', null],
    ['b-长沙分校.xlsx', '长沙分校', null],
    ['c-slow.xlsx', null, line],
    ['d-岳麓考点.xlsx', '长沙分校 岳麓考点', null],
    ['e-长沙分校.xlsx', '长沙分校', null],
  ]);
  // The stopped file's SHA-256 too, read again on the main thread, as every other file's.
  const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  expect(report.files.map((f) => f.sha256)).toEqual(report.files.map((f) => digest(f.file)));
});

test('validate --lang en: the line of a file over its budget is in English', () => {
  const r = spawnSync(process.execPath, [BIN, 'validate', books, '--lang', 'en', '--threads', '2'], {
    encoding: 'utf8',
    env: { ...process.env, CUSTODY_FILE_SECONDS: '2' },
  });
  expect(r.status).toBe(2);
  expect(r.stdout).toContain(
    `${path.join(books, 'c-slow.xlsx')}: cannot be read: reading and checking took over 2 s and was stopped (a suspect file); saving it again does not help. Look for a cell holding thousands of characters or a long run of spaces, or a table of very many rows, and remove it; if you find none, send the file to your IT staff`,
  );
});

/**
 * Fewer files than take worker threads (or --threads 0): read on the main
 * thread, each under its budget all the same (vm's timeout, time-budget.ts).
 * Without it the slow workbook ran to its end, exit 0.
 */
describe('files read on the main thread have their time budget too', () => {
  const slow = () => path.join(books, 'c-slow.xlsx');
  const site = () => path.join(books, 'a-岳麓考点.xlsx');
  const line =
    '读取检查超过 1 秒仍未完成，已停止处理此文件（疑似异常文件），重新保存不能解决。请查找写有成千上万个字或一长串空格的单元格、行数极多的表格，删去后再试；找不到时，请把文件交给信息技术人员检查';
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CUSTODY_FILE_SECONDS: '1' } });

  test('validate of two files: the slow one gets its line (with its SHA-256, read before), the other is checked', () => {
    const r = run('validate', slow(), site(), '--format', 'json');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${slow()}：无法读取：${line}\n`);
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; site: string | null; sha256: string | null; error?: string }> };
    expect(report.files.map((f) => [path.basename(f.file), f.site, f.error ?? null, typeof f.sha256])).toEqual([
      ['c-slow.xlsx', null, line, 'string'],
      ['a-岳麓考点.xlsx', '长沙分校 岳麓考点', null, 'string'],
    ]);
  });

  test('validate --threads 0 of the folder, in English: the same line, the others checked', () => {
    const r = run('validate', books, '--threads', '0', '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n').filter((l) => l.includes('cannot be read'))).toEqual([
      `${slow()}: cannot be read: reading and checking took over 1 s and was stopped (a suspect file); saving it again does not help. Look for a cell holding thousands of characters or a long run of spaces, or a table of very many rows, and remove it; if you find none, send the file to your IT staff`,
      // The total line counts it too (the last line an officer reads).
      expect.stringMatching(/^Total: \d+ errors?, \d+ warnings?; 1 file cannot be read$/),
    ]);
    expect(r.stdout).toContain(`${site()} (长沙分校 岳麓考点): no problems found`);
  });

  test('summary of two files: the slow one gets its line, the other is summarised', () => {
    const out = path.join(dir, 'two.json');
    const r = run('summary', slow(), site(), '--format', 'json', '-o', out);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('：无法读取：'))).toEqual([`${slow()}：无法读取：${line}`]);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.sites.map((s: { site: { name: string } }) => s.site.name)).toEqual(['岳麓考点']);
  });

  test('extract: one line, exit 2, nothing printed', () => {
    const r = run('extract', slow());
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `${slow()}：无法读取：${line}\n`]);
  });

  test("the library's validateFiles (what the browser tests compare with): the same line, the other checked", async () => {
    const before = process.env.CUSTODY_FILE_SECONDS;
    process.env.CUSTODY_FILE_SECONDS = '1';
    try {
      const report = await validateFiles([slow(), site()]);
      expect(report.files.map((f) => [path.basename(f.file), f.site, f.error ?? null, f.findings.length])).toEqual([
        ['c-slow.xlsx', null, line, 0],
        ['a-岳麓考点.xlsx', '长沙分校 岳麓考点', null, 0],
      ]);
    } finally {
      if (before === undefined) delete process.env.CUSTODY_FILE_SECONDS;
      else process.env.CUSTODY_FILE_SECONDS = before;
    }
  });
});
