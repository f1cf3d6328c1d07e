/**
 * Review 14a D4: an output path that holds a unit's workbook filled in is not written over by summary, fill or
 * template unless --force: one line, exit code 2, the file as it was (and, for template, no file written at all).
 * What may go, with the “已替换” note as before: a blank template, a summary, the same data filled again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fillWorkbook } from '../../src/cli/fill';
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
