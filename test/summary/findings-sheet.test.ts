/**
 * 问题清单 of the consolidated summary as printed (review 13a): a finding on 基本信息, 考试安排 or 涉卷人员 (form 0)
 * has no 附件 to name, and a run with no finding says so under the header instead of printing the header alone.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import type { Lang } from '../../src/summary/columns';
import { consolidateModels } from '../../src/summary/consolidate';
import { FINDING_COLUMNS } from '../../src/summary/tables';
import { SHEET_WORDS } from '../../src/summary/words';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

async function findingsSheet(data: SiteData, lang: Lang): Promise<unknown[][]> {
  const model = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(data))));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels([{ file: '岳麓考点.xlsx', model }]), { lang })) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET_WORDS.findings[lang])!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = FINDING_COLUMNS.map((_c, i) => row.getCell(i + 1).value)));
  return rows;
}

const column = (key: string) => FINDING_COLUMNS.findIndex((c) => c.key === key);

describe('问题清单', () => {
  it('a finding on 基本信息 (form 0) leaves 附件 empty; one on a form names its 附件', async () => {
    const data = fixture('kaodian.json');
    data.site!.examSite = '';
    data.vaultLog![2].quantity = 99;
    const rows = (await findingsSheet(data, 'zh')).slice(1);
    expect(rows.map((r) => [r[column('sheet')], r[column('cell')], r[column('form')]])).toEqual([
      ['基本信息', 'B5', null],
      ['出入库记录', 'D6', 3],
    ]);
  });

  for (const [lang, words] of [
    ['zh', '未发现问题'],
    ['en', 'No problems found'],
  ] as const)
    it(`a run with no finding says so (${lang}) in the row under the header, and nothing else`, async () => {
      const rows = await findingsSheet(fixture('kaodian.json'), lang);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toEqual(FINDING_COLUMNS.map((_c, i) => (i === 0 ? words : null)));
    });
});
