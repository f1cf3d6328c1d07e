/**
 * A workbook with more sheets than LIMITS.sheets is refused in one line that names how many it has (256, 300), as
 * the other limits name what they found, not “工作表数 超过 255，上限 255” (review 16a O1: no count, the figure twice).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillWorkbook } from '../../src/cli/fill';
import { readXlsx } from '../../src/io/xlsx/reader';
import { LIMITS, WorkbookReadError } from '../../src/model/limits';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

async function withSheets(total: number): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array(await fillWorkbook(fixture('kaodian.json'))));
  const xml = strFromU8(parts['xl/workbook.xml']);
  const had = (xml.match(/<sheet /g) ?? []).length;
  // More <sheet> entries pointing at the first sheet's relationship: the count is refused before any sheet is read.
  const rid = /<sheet [^>]*r:id="([^"]+)"/.exec(xml)![1];
  const more = Array.from({ length: total - had }, (_, i) => `<sheet name="多余${i + 1}" sheetId="${1000 + i}" r:id="${rid}"/>`).join('');
  parts['xl/workbook.xml'] = strToU8(xml.replace('</sheets>', `${more}</sheets>`));
  return zipSync(parts);
}

function refusalOf(bytes: Uint8Array): [string | undefined, string | undefined] {
  try {
    readXlsx(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return [error.message, error.en];
    throw error;
  }
  return [undefined, undefined];
}

test.each([256, 300])('%i sheets: refused, the count found named, in Chinese and English', async (total) => {
  expect(LIMITS.sheets).toBe(255);
  expect(refusalOf(await withSheets(total))).toEqual([
    `工作簿超出读取上限：工作表数 ${total}，上限 255。疑似异常文件，已拒绝读取；如是正常工作簿，请删去多余的工作表后另存为 .xlsx 再试`,
    `the workbook is beyond a reading limit: sheets ${total}, limit 255. It looks like a suspect file and was not read; if it is a real workbook, delete the sheets it does not need and save it again as .xlsx`,
  ]);
});

test('255 sheets are within the limit: no refusal for their number', async () => {
  const [message] = refusalOf(await withSheets(255));
  expect(message ?? '').not.toMatch(/工作表数/);
});
