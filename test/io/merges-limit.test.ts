/**
 * A sheet with more merges than LIMITS.mergesPerSheet is refused in one line
 * that names how many it has (100,004), as the other limits name what they
 * found, not “超过 100,000”.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { packageParts, readXlsx } from '../../src/io/xlsx/reader';
import { LIMITS, WorkbookReadError } from '../../src/model/limits';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

test('merges beyond the limit: refused, the count found named, in Chinese and English', async () => {
  const base = new Uint8Array(await fillWorkbook(fixture('kaodian.json')));
  const log = packageParts(base).sheets.get('出入库记录')!;
  const parts = unzipSync(base);
  const xml = strFromU8(parts[log]);
  const had = (xml.match(/<mergeCell /g) ?? []).length;
  const more = Array.from({ length: LIMITS.mergesPerSheet + 4 - had }, (_, i) => `<mergeCell ref="Z${1000 + 2 * i}:Z${1001 + 2 * i}"/>`).join('');
  parts[log] = strToU8(xml.replace(/<mergeCells count="\d+">/, (m) => m + more));
  let refusal: WorkbookReadError | undefined;
  try {
    readXlsx(zipSync(parts));
  } catch (error) {
    if (error instanceof WorkbookReadError) refusal = error;
  }
  expect([refusal?.message, refusal?.en]).toEqual([
    '工作簿超出读取上限：一张表的合并区域数 100,004，上限 100,000。疑似异常文件，已拒绝读取；如是正常工作簿，请删去多余的行、列或合并后另存为 .xlsx 再试',
    'the workbook is beyond a reading limit: merged ranges in one sheet 100,004, limit 100,000. It looks like a suspect file and was not read; if it is a real workbook, delete the extra rows, columns or merges and save it again as .xlsx',
  ]);
});
