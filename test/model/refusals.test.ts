/**
 * Every line refusing a workbook says what to do about it (src/model/limits.ts
 * REFUSALS, the files' own in src/batch/files.ts): an officer reading
 * “文件是空的（0 字节）” alone does not know whether to fetch the file again,
 * re-save it, or ignore it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegularFileSync } from '../../src/batch/files';
import { REFUSALS, refuse } from '../../src/model/limits';

/** Words that tell a person to act, in each language. */
const ACT_ZH = /请/;
const ACT_EN = /\b(save|get|check|remove|open|name|ask|copy|close)\b/i;

test.each(Object.keys(REFUSALS) as Array<keyof typeof REFUSALS>)('the reader’s refusal “%s” says what to do, in Chinese and English', (what) => {
  const error = refuse(what);
  expect(error.message).toMatch(ACT_ZH);
  expect(error.en).toMatch(ACT_EN);
});

test('an empty file: fetch it again or save it again as .xlsx', () => {
  expect([refuse('empty').message, refuse('empty').en]).toEqual([
    '文件是空的（0 字节），不是 Excel 工作簿，请重新获取原文件（或在 Excel 或 WPS 中重新保存为 .xlsx）后再检查',
    'the file is empty (0 bytes), not an Excel workbook; get the file again (or save it again as .xlsx in Excel or WPS) and check again',
  ]);
});

test('a file that is missing, a folder, or too large: each line says what to do', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-refusals-'));
  try {
    const big = path.join(dir, 'big.xlsx');
    fs.writeFileSync(big, Buffer.alloc(2 * 1024 * 1024));
    const lines = [path.join(dir, 'missing.xlsx'), dir, big].map((file) => {
      try {
        readRegularFileSync(file, 1024 * 1024);
        return [];
      } catch (error) {
        return [(error as Error).message, (error as { en?: string }).en];
      }
    });
    expect(lines).toEqual([
      ['找不到文件，请检查文件名和路径是否写对', 'file not found; check the file name and its path'],
      ['这是一个文件夹，不是工作簿文件，未读取；请指定 .xlsx 工作簿文件', 'this is a folder, not a workbook file; not read. Name the .xlsx workbook file'],
      ['文件过大（2 MB），超过 1 MB 的上限，请确认选对了文件', 'the file is too large (2 MB), over the 1 MB limit; check that it is the right file'],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
