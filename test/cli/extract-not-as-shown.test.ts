/**
 * Review 19a D8: `extract` of a workbook holding formulas saved without their values left those fields out of the data
 * without a word (a `fill` of it then said “没有填写”), and printed cells showing an Excel error value (#REF!, #N/A)
 * as strings where a count or 试卷号 is wanted. Now each is said on stderr in validate's words at its cell, as extract
 * says an unread table (lost-header.test.ts): the formulas once a sheet, with the fields the data holds no value of;
 * the error values one line a cell, kept in the data as the cell shows them (`fill` writes them back as shown, and
 * validate says them again).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';

jest.setTimeout(60_000);

let dir: string;
const at = (name: string) => path.join(dir, name);

/** 岳麓考点's workbook (kaodian.json) with cells of its sheets set so. */
async function kaodian(name: string, cells: Record<string, Record<string, ExcelJS.CellValue>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  for (const [sheet, values] of Object.entries(cells)) for (const [cell, value] of Object.entries(values)) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  await wb.xlsx.writeFile(at(name));
}

const formula = (f: string, result?: { error: string }) => ({ formula: f, ...(result ? { result } : {}) }) as ExcelJS.CellValue;

beforeAll(async () => {
  dir = scratchDir('custody-extract-not-as-shown-');
  fs.writeFileSync(at('clean.xlsx'), await fillWorkbook(fixture('kaodian.json')));
  // review 19a's c4-formula-not-saved: 取卷时间 F4:F6 lookups saved without their results.
  const lookup = (r: number) => formula(`VLOOKUP(B${r},考试安排!A:D,3,FALSE)-1/24`);
  await kaodian('unsaved.xlsx', { 出入库记录: { F4: lookup(4), F5: lookup(5), F6: lookup(6) } });
  // c5-formula-cycle: 入库清单's 合计 row, each =SUM(X4:X14) (its own cell inside).
  await kaodian('cycle.xlsx', { 入库清单: Object.fromEntries([...'DEFGH'].map((c) => [`${c}14`, formula(`SUM(${c}4:${c}14)`)])) });
  // c8-error-values: 数量 D5 showing #REF!, 试卷号 B6 showing #N/A.
  await kaodian('errors.xlsx', {
    出入库记录: { D5: formula('#REF!+1', { error: '#REF!' }), B6: formula('VLOOKUP(C6,考试安排!A:B,1,FALSE)', { error: '#N/A' }) },
  });
});

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, out: io.stdout, err: io.stderr.split(dir + path.sep).join('') };
};

const UNSAVED = {
  zh: 'unsaved.xlsx：出入库记录!F4：“取卷时间”这一格里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出；本表另有 2 格也是这样（F5、F6），都没有检查——它们并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。读出的数据里没有这 3 格的值：“取卷时间”（序号 1、2、3）。\n',
  en: 'unsaved.xlsx: 出入库记录!F4: "取卷时间" holds a formula whose result was not saved with the file (files written by programs, or saved by some WPS versions, are so), and this tool cannot work it out; the same in 2 more cells of this sheet (F5, F6), none of them checked: they are not blank. Open the workbook in Excel or WPS, save it, and check again. The data printed holds no value for these 3 cells: "取卷时间" (Nos. 1, 2, 3).\n',
};

test.each(['zh', 'en'] as const)('extract --lang %s of unsaved formulas: said once a sheet with the fields left out; the data as before', async (lang) => {
  const r = await run('extract', at('unsaved.xlsx'), '--lang', lang);
  expect(r.err).toBe(UNSAVED[lang]);
  expect(r.code).toBe(0);
  const clean = JSON.parse((await run('extract', at('clean.xlsx'))).out);
  const data = JSON.parse(r.out);
  expect(data.vaultLog.map((row: { takenAt?: string }) => row.takenAt)).toEqual([undefined, undefined, undefined]);
  for (const row of clean.vaultLog) delete row.takenAt;
  expect(data).toEqual(clean);
});

test('extract of a 合计 row referring to itself: said once, the totals named', async () => {
  const r = await run('extract', at('cycle.xlsx'));
  expect(r.err).toBe(
    'cycle.xlsx：入库清单!D14：单元格 D14 的公式引用了它自己（循环引用：直接引用，或经由别的格又引用回来），算不出结果：Excel 打开时会提示循环引用并显示 0，表上没有真正的数；本表另有 4 格也是这样（E14、F14、G14、H14）。请改正公式，使它不再直接或间接引用自己所在的格（如合计不要把合计格自己算进去，两格不要互相引用），或删去公式、直接填写。读出的数据里没有这 5 格的值：“合计行的31份装（袋）”、“合计行的26份装（袋）”、“合计行的11份装（袋）”、“合计行的5份装（袋）”、“合计行的合计（袋）”。\n',
  );
  expect(JSON.parse(r.out).intake.totals).toBeUndefined();
});

test('extract of cells showing #REF! and #N/A: each said at its cell, kept in the data as shown', async () => {
  const r = await run('extract', at('errors.xlsx'));
  expect(r.err).toBe(
    [
      'errors.xlsx：出入库记录!D5：“数量”这一格显示的是“#REF!”，这是 Excel 的错误值：格子里的公式算不出结果（它引用的格子已被删除），表上和打印出来的都是“#REF!”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。读出的数据里照格子显示的写作“#REF!”。',
      'errors.xlsx：出入库记录!B6：“试卷号”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是试卷号，看不出出库或分发的是哪一种试卷。请改正公式，或删去公式直接填写试卷号。读出的数据里照格子显示的写作“#N/A”。',
      '',
    ].join('\n'),
  );
  const log = JSON.parse(r.out).vaultLog as Array<{ paperNo: string; quantity: unknown }>;
  expect(log.map((row) => [row.paperNo, row.quantity])).toEqual([
    ['1001', 3],
    ['2045', '#REF!'],
    ['#N/A', 2],
  ]);
});

test('extract of a workbook with neither: nothing on stderr', async () => {
  const r = await run('extract', at('clean.xlsx'));
  expect([r.err, r.code]).toEqual(['', 0]);
});
