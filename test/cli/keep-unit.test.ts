/**
 * Review 14a D4: an output path that holds a unit's workbook filled in is not written over by summary, fill or
 * template unless --force: one line, exit code 2, the file as it was (and, for template, no file written at all).
 * What may go, with the “已替换” note as before: a blank template, a summary, the same data filled again, an empty file.
 * Review 22c D3: anything else — a workbook with a password to open, another spreadsheet, a file no workbook, one past
 * its time budget — is refused too, with its reason.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fillWorkbook } from '../../src/cli/fill';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { fixture } from '../helpers';

jest.setTimeout(120_000);

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const refusal = (file: string) => `错误：${file} 是一个已填有表单内容的单位工作簿，为免覆盖它，没有写出。请换一个输出文件名；确实要替换它，请加上 --force\n`;

async function custody(...args: string[]) {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

let dir: string;
let unit: string;
let other: string;
let json: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-unit-'));
  unit = path.join(dir, '天心考点.xlsx');
  other = path.join(dir, '岳麓考点.xlsx');
  json = path.join(dir, 'kaodian.json');
  fs.writeFileSync(json, JSON.stringify(fixture('kaodian.json')));
  fs.writeFileSync(other, await fillWorkbook(fixture('kaodian.json')));
  fs.writeFileSync(unit, await fillWorkbook(fixture('fenxiao.json')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('summary -o over a unit workbook that is not an input: refused before any work, the workbook kept; --force replaces it', async () => {
  const before = sha(unit);
  expect(await custody('summary', other, '-o', unit)).toEqual({ code: 2, stdout: '', stderr: refusal(unit) });
  expect(sha(unit)).toBe(before);
  const forced = await custody('summary', other, '-o', unit, '--force');
  expect([forced.code, forced.stderr.split('\n')[0]]).toEqual([0, `注意：${unit} 已存在，将被新的汇总替换。`]);
  expect(sha(unit)).not.toBe(before);
  // Now a summary: replaced again without --force.
  expect((await custody('summary', other, '-o', unit)).code).toBe(0);
});

test('fill -o over a workbook with other data: refused; the same data filled again: replaced, and said so', async () => {
  const target = path.join(dir, 'fill-target.xlsx');
  fs.writeFileSync(target, await fillWorkbook(fixture('fenxiao.json')));
  const before = sha(target);
  expect(await custody('fill', json, '-o', target)).toEqual({ code: 2, stdout: '', stderr: refusal(target) });
  expect(sha(target)).toBe(before);
  expect(await custody('fill', json, '-o', target, '--force')).toEqual({ code: 0, stdout: `已写出 ${target}\n`, stderr: `注意：已替换原有的文件 ${target}\n` });
  expect(await custody('fill', json, '-o', target)).toEqual({ code: 0, stdout: `已写出 ${target}\n`, stderr: `注意：已替换原有的文件 ${target}\n` });
});

test('template -o over a unit workbook kept under the template’s name: nothing written; over blank templates: replaced', async () => {
  const tpl = path.join(dir, 'tpl');
  expect((await custody('template', '-o', tpl)).code).toBe(0);
  const names = fs.readdirSync(tpl).sort();
  const again = await custody('template', '-o', tpl);
  expect([again.code, again.stderr.split('\n').filter(Boolean).length]).toEqual([0, names.length]);
  const kept = path.join(tpl, '试卷保密工作簿（全套）.xlsx');
  fs.copyFileSync(other, kept);
  fs.rmSync(
    path.join(
      tpl,
      names.find((n) => n.startsWith('附件1'))!,
    ),
  );
  const before = sha(kept);
  expect(await custody('template', '-o', tpl)).toEqual({ code: 2, stdout: '', stderr: refusal(kept) });
  // Refused before any file was written: the one removed is not there again.
  expect([sha(kept), fs.readdirSync(tpl).length]).toEqual([before, names.length - 1]);
});

/** Review 22c D3: the refusal of a file the reader cannot read, `why` its reason. */
const unreadable = (file: string, why: string) =>
  `错误：${file} 已存在，但无法读取（${why}），不能确认它是本工具写出的汇总或表单，为免覆盖它，没有写出。请换一个输出文件名；确实要替换它，请加上 --force\n`;

/** An OLE file with an EncryptionInfo stream's name: a workbook with a password to open, as the reader tells one. */
function encryptedAt(file: string): void {
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
  fs.writeFileSync(file, ole);
}

test('review 22c D3: summary -o and fill -o over a unit workbook with a password to open: refused, kept; --force replaces it', async () => {
  const locked = path.join(dir, '天心考点-加密.xlsx');
  encryptedAt(locked);
  const before = sha(locked);
  expect(await custody('summary', other, '-o', locked)).toEqual({ code: 2, stdout: '', stderr: unreadable(locked, '工作簿设置了打开密码（已加密）') });
  expect(await custody('fill', json, '-o', locked)).toEqual({ code: 2, stdout: '', stderr: unreadable(locked, '工作簿设置了打开密码（已加密）') });
  expect(await custody('fill', json, '-o', locked, '--lang', 'en')).toEqual({
    code: 2,
    stdout: '',
    stderr: `error: ${locked} exists and cannot be read (the workbook has an open password (it is encrypted)), so it may be no summary or form this tool wrote: not written over. Choose another output name, or add --force to replace it\n`,
  });
  expect(sha(locked)).toBe(before);
  expect(await custody('fill', json, '-o', locked, '--force')).toEqual({ code: 0, stdout: `已写出 ${locked}\n`, stderr: `注意：已替换原有的文件 ${locked}\n` });
});

test('review 22c D3: someone’s other spreadsheet, or a file no workbook, at the output: refused; an empty file: replaced', async () => {
  const sheet = new ExcelJS.Workbook();
  sheet.addWorksheet('Sheet1').getCell('A1').value = '工资表';
  const others = path.join(dir, '工资表.xlsx');
  fs.writeFileSync(others, Buffer.from(await sheet.xlsx.writeBuffer()));
  expect(await custody('summary', other, '-o', others)).toEqual({
    code: 2,
    stdout: '',
    stderr: `错误：${others} 已存在，不是本工具写出的汇总或表单，为免覆盖它，没有写出。请换一个输出文件名；确实要替换它，请加上 --force\n`,
  });
  const text = path.join(dir, 'notes.xlsx');
  fs.writeFileSync(text, '这不是工作簿');
  expect(await custody('summary', other, '-o', text)).toEqual({
    code: 2,
    stdout: '',
    stderr: unreadable(text, '不是 .xlsx 工作簿（文件内容不是 Excel 格式）'),
  });
  const empty = path.join(dir, 'empty.xlsx');
  fs.writeFileSync(empty, '');
  expect(await custody('fill', json, '-o', empty)).toEqual({ code: 0, stdout: `已写出 ${empty}\n`, stderr: `注意：已替换原有的文件 ${empty}\n` });
});

test('review 22c D3: the file at the output is read within the file’s time budget (CUSTODY_FILE_SECONDS), then refused in one line', async () => {
  const target = path.join(dir, 'budget-target.xlsx');
  // Its parts stored, not deflated: a budget this short may end inside the making of one of Node's zlib inflaters,
  // whose half-made handle then aborts this process when collected (node_zlib.cc “close before init”; once in some
  // ten full runs). A budget of seconds ends there about once in a million over-budget files; this one, in hundreds.
  // A unit's workbook (the tests above have made `unit` a summary, told by its sheets' names alone, often within
  // the budget) whose 10,000 vault-log rows no machine reads in a millisecond.
  const site = fixture('fenxiao.json');
  const book = await fillWorkbook({ ...site, vaultLog: Array.from({ length: 2000 }, () => site.vaultLog ?? []).flat() });
  fs.writeFileSync(target, zipSync(unzipSync(book), { level: 0 }));
  const before = sha(target);
  process.env.CUSTODY_FILE_SECONDS = '0.001';
  try {
    const run = await custody('summary', other, '-o', target);
    expect(run).toEqual({ code: 2, stdout: '', stderr: unreadable(target, '读取检查超过 0.001 秒仍未完成') });
  } finally {
    delete process.env.CUSTODY_FILE_SECONDS;
  }
  expect(sha(target)).toBe(before);
});

/** A copy of `file` whose worksheet parts are cut off mid-element: its sheets' names readable, none of its cells. */
function withSheetsBroken(file: string, target: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  for (const name of Object.keys(parts))
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) parts[name] = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0');
  fs.writeFileSync(target, zipSync(parts));
}

test('a summary at the output, or among the inputs, is told by its sheets’ names alone: its rows are never read', async () => {
  const written = path.join(dir, 'names-summary.xlsx');
  expect((await custody('summary', other, '-o', written)).code).toBe(0);
  // Its sheets cannot be read: only their names tell it is a summary — replaced with the usual note, no refusal.
  const broken = path.join(dir, 'names-broken.xlsx');
  withSheetsBroken(written, broken);
  const run = await custody('summary', other, '-o', broken);
  expect([run.code, run.stderr]).toEqual([0, `注意：${broken} 已存在，将被新的汇总替换。\n`]);
  expect(Object.keys(unzipSync(fs.readFileSync(broken))).length).toBeGreaterThan(5);
  // The same broken summary as the output inside the folder read: left out as the previous summary, not an unreadable input.
  const folder = path.join(dir, 'names-folder');
  fs.mkdirSync(folder);
  fs.copyFileSync(other, path.join(folder, '岳麓考点.xlsx'));
  withSheetsBroken(written, path.join(folder, '汇总.xlsx'));
  const again = await custody('summary', folder, '-o', path.join(folder, '汇总.xlsx'), '--format', 'xlsx');
  expect([again.code, again.stderr]).toEqual([0, `注意：${path.join(folder, '汇总.xlsx')} 已存在，将被新的汇总替换。\n`]);
});
