/** The outside review's round 7 chain (test/fixtures/review7/: 省校 → 2 分校 → 3 考点) filled and summarised as `custody summary` does. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import type { Lang } from '../../src/summary/columns';
import { consolidateModels } from '../../src/summary/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { modelOf } from '../rules/shape-sites';

export const CHAIN = ['w-hunan-shengxiao', 'w-yueyang-fenxiao', 'w-changde-fenxiao', 'w-huarong-kaodian', 'w-pingjiang-kaodian', 'w-taoyuan-kaodian'];

/** The chain's summary workbook (or of `units`), each unit's file named as the fixture is (w-pingjiang-kaodian.xlsx). */
export async function chainSummary(lang: Lang = 'zh', units: readonly string[] = CHAIN): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await chainSummaryBytes(lang, units)) as unknown as ArrayBuffer);
  return wb;
}

/** The chain's summary workbook as `custody summary` writes it. */
export async function chainSummaryBytes(lang: Lang = 'zh', units: readonly string[] = CHAIN): Promise<Uint8Array> {
  const dir = path.join(__dirname, '..', 'fixtures', 'review7');
  const inputs = await Promise.all(
    units.map(async (n) => ({
      file: `${n}.xlsx`,
      model: await modelOf(await fillWorkbook(JSON.parse(fs.readFileSync(path.join(dir, `${n}.json`), 'utf8')) as SiteData)),
    })),
  );
  return consolidatedXlsx(consolidateModels(inputs), { lang });
}
