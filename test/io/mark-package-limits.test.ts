/**
 * The marked copy and the reading limits (review 14a D6, D7): a workbook of exactly LIMITS.zipEntries entries was
 * read, but its copy had 10,004 and the tool refused its own copy; a workbook with a 95 MB picture stored as it is
 * (no compression) was read, but its copy was refused as if the picture were a part beyond the unzipped size limit —
 * the picture, which the marking never reads, went through the reading limits to be deflated anew.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { refusalLine } from '../../src/check/refusal';
import { markedCopy } from '../../src/io/xlsx/mark';
import { readXlsx } from '../../src/io/xlsx/reader';
import type { Finding } from '../../src/model/finding';
import { LIMITS } from '../../src/model/limits';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { fixture } from '../helpers';

const FINDING: Finding = {
  rule: 'vault-total',
  severity: 'error',
  form: 3,
  sheet: '出入库记录',
  cell: 'F6',
  row: 3,
  clause: '',
  message: '数量不符，请核对。',
};

const bookParts = async (): Promise<Zippable> => unzipSync(new Uint8Array(await fillWorkbook(fixture('kaodian.json'))));

/** The filled workbook with unused parts added up to `entries` entries in all (no folder entries, which a copy leaves out). */
async function withEntries(entries: number): Promise<Uint8Array> {
  const parts = await bookParts();
  for (const name of Object.keys(parts)) if (name.endsWith('/')) delete parts[name];
  const extra = entries - Object.keys(parts).length;
  for (let i = 0; i < extra; i++) parts[`xl/extra/p${i}.bin`] = strToU8('x');
  return zipSync(parts, { level: 0 });
}

test('review14a D6: a workbook of exactly 10,000 entries is read; its copy, which would have more, is refused up front in one line', async () => {
  expect(LIMITS.zipEntries).toBe(10_000);
  const bytes = await withEntries(LIMITS.zipEntries);
  expect(readXlsx(bytes).sheets.length).toBeGreaterThan(0);
  const error = await markedCopy(bytes, [FINDING]).catch((e: unknown) => e);
  expect(refusalLine(error, 'zh')).toBe(
    '要新增 4 个部件（批注、问题清单），共 10,004 个压缩包条目，超出读取上限 10,000，写出后本工具将无法再检查它；工作簿原有 10,000 个部件，疑似异常文件，请用 Excel 或 WPS 打开后重新保存为 .xlsx 再试',
  );
  expect(refusalLine(error, 'en')).toBe(
    "it would add 4 parts (notes, the findings list) to the workbook's 10,000: 10,004 zip entries, over the reading limit of 10,000, and the tool could not check it again. A suspect file: open it in Excel or WPS and save it again as .xlsx",
  );
});

test('review14a D6: a copy within the limit (10,000 entries exactly) is written, and read again', async () => {
  const bytes = await withEntries(LIMITS.zipEntries - 4);
  const copy = await markedCopy(bytes, [FINDING]);
  expect(Object.keys(unzipSync(copy.bytes)).length).toBe(LIMITS.zipEntries);
  expect(
    readXlsx(copy.bytes)
      .sheets.map((s) => s.name)
      .pop(),
  ).toBe('问题清单');
});

test('review14a D7: a stored picture beyond the unzipped part limit is copied as it is, never through the reading limits', async () => {
  const parts = await bookParts();
  const size = LIMITS.entryInflatedBytes + 1024;
  const picture = new Uint8Array(size);
  picture[0] = 0x89;
  picture[size - 1] = 0x42;
  parts['xl/media/big.bin'] = [picture, { level: 0 }];
  const bytes = zipSync(parts);
  const findings = validateSite(readWorkbook(readXlsx(bytes)));
  const copy = await markedCopy(bytes, [...findings, FINDING]);
  expect(copy.marked).toBe(findings.length + 1);
  const big = unzipSync(copy.bytes, { filter: (f) => f.name === 'xl/media/big.bin' })['xl/media/big.bin'];
  expect(big.length).toBe(size);
  expect(Buffer.compare(Buffer.from(big.buffer, big.byteOffset, big.length), Buffer.from(picture.buffer))).toBe(0);
  // The copy is read again, its findings those of the original and its list last.
  expect(
    readXlsx(copy.bytes)
      .sheets.map((s) => s.name)
      .pop(),
  ).toBe('问题清单');
});
