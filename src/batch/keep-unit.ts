/**
 * Node only: an output path that holds a unit's workbook, its forms filled in, is not written over unless asked
 * (review 14a D4). `summary 岳麓.xlsx -o 天心.xlsx` (a slip for `-o 汇总.xlsx`), `fill -o` over a workbook filled and
 * then corrected by hand in Excel, `template -o` into the folder where a unit kept the workbook it was given under its
 * name: each lost the unit's work, with a “已替换” line after the fact. What may be replaced without a word more than
 * that line: a file that is no readable workbook, one with none of the forms (a summary, someone's other
 * spreadsheet), one whose forms are blank, and one whose forms hold what is about to be written (`fill` run again on the same data, a blank
 * template over a blank template).
 */
import { isDeepStrictEqual } from 'util';
import { Refusal, printable } from '../check/refusal';
import { readWorkbook } from '../forms/workbook';
import { readXlsxInNode } from '../io/xlsx/node-workbook';
import type { SiteModel } from '../model/site-model';
import { readRegularFileSync } from './files';

/**
 * Throws a one-line Refusal when `output` is a unit's workbook whose forms hold anything other than what `writing`
 * (the bytes about to be written, when known) holds; nothing when `force`, or when the file is missing or may go.
 */
export function refuseReplacingUnitWorkbook(output: string, options: { force?: boolean; writing?: Uint8Array } = {}): void {
  if (options.force) return;
  const there = unitModelAt(output);
  if (!there) return;
  if (options.writing && isDeepStrictEqual(there.data, readWorkbook(readXlsxInNode(options.writing)).data)) return;
  throw new Refusal(
    `${printable(output)} 是一个已填有表单内容的单位工作簿，为免覆盖它，没有写出。请换一个输出文件名；确实要替换它，请加上 --force`,
    `${printable(output)} is a unit workbook with its forms filled in: not written over. Choose another output name, or add --force to replace it`,
  );
}

/** The site model of the workbook at `file` when any of its forms holds anything; undefined for anything else. */
function unitModelAt(file: string): SiteModel | undefined {
  try {
    const model = readWorkbook(readXlsxInNode(readRegularFileSync(file)));
    // A blank template's forms read as no data at all.
    return model.sheets.some((s) => s.form !== null) && Object.keys(model.data).length > 0 ? model : undefined;
  } catch {
    // Missing, not a regular file, or no workbook the reader takes: replaced (or refused) as any other file.
    return undefined;
  }
}
