/**
 * Where `custody summary` writes, as the outside review of the command line found it (review round 10c): "-o -" made a
 * file named "-" (D2); refusals of -o and --format only in Chinese (D2); a summary of nothing written when no workbook
 * could be read (D9); -o an existing folder told to end in .xlsx (D12).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';

jest.setTimeout(120_000);

const run = async (cwd: string, ...args: string[]) => {
  const io = memoryIO();
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['node', 'custody', ...args], io);
    return { code, out: io.stdout, err: io.stderr };
  } finally {
    process.chdir(here);
  }
};

let dir: string;
beforeAll(async () => {
  dir = scratchDir('custody-summary-out-');
  fs.writeFileSync(path.join(dir, 'kaodian.xlsx'), await fillWorkbook(fixture('kaodian.json')));
  fs.mkdirSync(path.join(dir, 'folder'));
  fs.mkdirSync(path.join(dir, 'other'));
  fs.writeFileSync(path.join(dir, 'other', 'broken.xlsx'), 'not a zip');
});

test('-o - with --format json: the JSON on the screen, no file named "-"', async () => {
  const r = await run(dir, 'summary', 'kaodian.xlsx', '--format', 'json', '-o', '-', '--threads', '0');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['kaodian.xlsx']);
  expect(fs.existsSync(path.join(dir, '-'))).toBe(false);
});

test.each([
  [['-o', '-'], '汇总工作簿不能输出到屏幕（-o -）：请给出以 .xlsx 结尾的文件名，或用 --format json\n'],
  [['-o', '-', '--lang', 'en'], 'a summary workbook cannot be written to the screen (-o -): give a file name ending in .xlsx, or --format json\n'],
  [['-o', 's.txt', '--lang', 'en'], 'the output file must end in .xlsx: s.txt\n'],
  [['-o', 'folder'], '输出位置是一个文件夹，不能写成文件：folder\n'],
  [['-o', 'folder', '--lang', 'en'], 'the output is a folder, not a file: folder\n'],
  // Review 14a D9: a path written as a folder's, its folder not there (path.extname reads .xlsx from it).
  [['-o', 'new.xlsx/'], '输出位置是一个文件夹，不能写成文件：new.xlsx/\n'],
  // Review 21b O1: JSON into a file named .xlsx, said written, was a “workbook” Excel cannot open.
  [
    ['--format', 'json', '-o', 's.xlsx'],
    '--format json 写出的是 JSON，不是工作簿：写到 s.xlsx 会成为一个 Excel 打不开的“工作簿”。请把文件名改为以 .json 结尾，或去掉 --format json 写出汇总工作簿\n',
  ],
  [
    ['--format', 'json', '-o', 'S.XLSX', '--lang', 'en'],
    '--format json writes JSON, not a workbook: S.XLSX would be a “workbook” Excel cannot open. Give a file name ending in .json, or leave out --format json for the summary workbook\n',
  ],
])('summary kaodian.xlsx %j: refused before any work, in the language asked', async (args, err) => {
  expect(await run(dir, 'summary', 'kaodian.xlsx', ...args)).toEqual({ code: 2, out: '', err });
  expect(fs.readdirSync(dir).sort()).toEqual(['folder', 'kaodian.xlsx', 'other']);
});

test('--format xml in English: commander’s choices, said as every command says them', async () => {
  const r = await run(dir, 'summary', 'kaodian.xlsx', '--format', 'xml', '--lang', 'en');
  expect(r).toEqual({
    code: 2,
    out: '',
    err: 'error: option --format <format>: "xml" is not one of xlsx, json\n(see custody summary --help for usage, examples and exit codes)\n',
  });
});

test('no workbook could be read: no summary of nothing, exit 2', async () => {
  const r = await run(dir, 'summary', 'other', '-o', 's.xlsx', '--threads', '0');
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n').slice(-2)).toEqual(['没有可以汇总的工作簿（1 个无法读取，见上），未写出汇总', '']);
  expect(fs.existsSync(path.join(dir, 's.xlsx'))).toBe(false);
  const en = await run(dir, 'summary', 'other', '-o', 's.xlsx', '--threads', '0', '--lang', 'en');
  expect(en.err.split('\n').slice(-2)).toEqual(['no workbook could be summarised (1 file unreadable, see above); nothing written', '']);
});

test('summary --help: the exit codes say a refused or unwritten output is 2', async () => {
  const r = await run(dir, 'summary', '--help');
  expect(r.out).toContain('2 有文件无法读取、输出位置被拒绝或汇总未能写出，或命令用法不对。');
  expect(r.out.replace(/\s+/g, ' ')).toContain('JSON goes to the screen unless -o names a file');
});

test.each([
  [['validate', 'kaodian.xlsx', '--threads', '-1'], '错误：--threads 应为不小于 0 的整数：-1\n（用 custody validate --help 查看用法、示例和退出码）\n'],
  [
    ['summary', 'kaodian.xlsx', '--threads', '1.5', '--lang', 'en'],
    'error: --threads must be a whole number from 0: 1.5\n(see custody summary --help for usage, examples and exit codes)\n',
  ],
])('%j: a wrong --threads is a wrong call like any other (review 10c D12)', async (args, err) => {
  expect(await run(dir, ...args)).toEqual({ code: 2, out: '', err });
});

test('fill -o onto its own data file or a folder: refused in the language asked, nothing written', async () => {
  fs.writeFileSync(path.join(dir, 'data.json'), '{}');
  try {
    expect(await run(dir, 'fill', 'data.json', '-o', 'data.json', '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: 'error: the output file is one of the files being read: refused (input files are never written over): data.json; choose another output name\n',
    });
    expect(await run(dir, 'fill', 'data.json', '-o', 'folder', '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: 'error: the output is a folder, not a file: folder\n',
    });
    expect(fs.readFileSync(path.join(dir, 'data.json'), 'utf8')).toBe('{}');
  } finally {
    fs.rmSync(path.join(dir, 'data.json'));
  }
});

test('an Excel lock file named on its own: passed by with what it is, not “not a workbook” (review 10c D12)', async () => {
  fs.copyFileSync(path.join(dir, 'kaodian.xlsx'), path.join(dir, '~$kaodian.xlsx'));
  try {
    const lock = '~$kaodian.xlsx：已跳过：这是 Excel 或 WPS 打开工作簿时临时留下的锁定文件（名字以 ~$ 开头），不是工作簿；请检查去掉 ~$ 的同名工作簿本身\n';
    expect(await run(dir, 'validate', '~$kaodian.xlsx', 'kaodian.xlsx', '--threads', '0')).toEqual({
      code: 0,
      out: 'kaodian.xlsx（长沙分校 岳麓考点）：未发现问题\n',
      err: lock,
    });
    expect(await run(dir, 'validate', '~$kaodian.xlsx', '--threads', '0')).toEqual({ code: 2, out: '', err: `${lock}没有找到 .xlsx 工作簿：~$kaodian.xlsx\n` });
  } finally {
    fs.rmSync(path.join(dir, '~$kaodian.xlsx'));
  }
});
