/**
 * Node only: an output path that holds a file this tool cannot tell for its own is not written over unless asked
 * (review 14a D4, review 22c D3). `summary 岳麓.xlsx -o 天心.xlsx` (a slip for `-o 汇总.xlsx`), `fill -o` over a
 * workbook filled and then corrected by hand in Excel, `template -o` into the folder where a unit kept the workbook it
 * was given under its name, `summary -o` over a unit's workbook with a password to open: each lost the unit's work,
 * with a “已替换” line after the fact. What may be replaced with no word more than that line is what this tool wrote
 * and can tell so: a summary, a workbook whose forms are blank (a template), one whose forms hold what is about to be
 * written (`fill` run again on the same data, a blank template over a blank template), an empty file, and a file of
 * JSON at a .json output (summary --format json) that is no workbook. Anything
 * else — forms filled in, someone's other spreadsheet, a file no workbook, one the reader refuses (a password to open,
 * over a reading limit, over the time budget) — is refused in one line, unless --force. The file is read with the
 * limits of an input: its bytes, its parts, and the file's time budget (time-budget.ts).
 */
import { isDeepStrictEqual } from 'util';
import { Refusal, printable, refusalLine } from '../check/refusal';
import { consolidatedShape, summaryShape } from '../check/service';
import { readWorkbook } from '../forms/workbook';
import { readXlsxInNode, worksheetsInNode } from '../io/xlsx/node-workbook';
import type { Lang } from '../rules/types';
import { readRegularFileSync } from './files';
import { fileBudget } from './time-budget';

/** What is at the output path: nothing of anyone's, or why it is kept (a line in each language). */
type There = { kept: false } | { kept: true; why: Record<Lang, string> };

const MAY_GO: There = { kept: false };

const FILLED: Record<Lang, string> = {
  zh: '是一个已填有表单内容的单位工作簿',
  en: 'is a unit workbook with its forms filled in',
};

const NOT_OURS: Record<Lang, string> = {
  zh: '已存在，不是本工具写出的汇总或表单',
  en: 'exists and is no summary or form this tool wrote',
};

/**
 * Throws a one-line Refusal when `output` holds anything but what this tool wrote and may replace (or what `writing`,
 * the bytes about to be written, holds); nothing when `force`, or when the file is missing or may go.
 */
export function refuseReplacingUnitWorkbook(output: string, options: { force?: boolean; writing?: Uint8Array } = {}): void {
  if (options.force) return;
  const there = whatIsAt(output, options.writing);
  if (!there.kept) return;
  const shown = printable(output);
  throw new Refusal(
    `${shown} ${there.why.zh}，为免覆盖它，没有写出。请换一个输出文件名；确实要替换它，请加上 --force`,
    `${shown} ${there.why.en}: not written over. Choose another output name, or add --force to replace it`,
  );
}

/** Whether the file at `file` may be replaced, read as an input is (its limits and time budget). */
function whatIsAt(file: string, writing: Uint8Array | undefined): There {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFileSync(file);
  } catch {
    // Missing, or no regular file: written (or refused) as any path is.
    return MAY_GO;
  }
  // An empty file, or JSON where JSON is written (summary --format json, extract): nothing of a unit's workbook.
  if (bytes.length === 0 || (/\.json$/i.test(file) && !isContainer(bytes))) return MAY_GO;
  try {
    return fileBudget()()(() => {
      if (namedAsSummary(bytes)) return MAY_GO;
      const grid = readXlsxInNode(bytes);
      const shape = summaryShape(grid);
      if (shape === 'whole') return MAY_GO;
      const model = readWorkbook(grid);
      const forms = model.sheets.some((s) => s.form !== null);
      if (!forms) return shape === 'mixed' ? MAY_GO : { kept: true, why: NOT_OURS };
      // A blank template's forms read as no data at all.
      if (Object.keys(model.data).length === 0) return MAY_GO;
      if (writing && isDeepStrictEqual(model.data, readWorkbook(readXlsxInNode(writing)).data)) return MAY_GO;
      return { kept: true, why: FILLED };
    });
  } catch (error) {
    // The reader's refusal says why it could not tell (a password to open, a limit, the time budget).
    return {
      kept: true,
      why: {
        zh: `已存在，但无法读取（${reasonOf(error, 'zh')}），不能确认它是本工具写出的汇总或表单`,
        en: `exists and cannot be read (${reasonOf(error, 'en')}), so it may be no summary or form this tool wrote`,
      },
    };
  }
}

/**
 * A consolidated summary this tool wrote, told by its sheets' names (summaryShape's `whole`): the usual output, run
 * again, whose thousands of rows are not read — on the thread that hands the files out while the worker threads wait
 * (0.3 s for a summary of 3,000 units). Throws as the reader does.
 */
export function namedAsSummary(bytes: Uint8Array): boolean {
  return consolidatedShape(worksheetsInNode(bytes)) === 'whole';
}

/** namedAsSummary of the file at `file`; false where it cannot be read (it is then read as any input is). */
export function namedAsSummaryFile(file: string): boolean {
  try {
    return namedAsSummary(readRegularFileSync(file));
  } catch {
    return false;
  }
}

/** What the reader's refusal says is wrong, without what it says to do (that is about checking it, not replacing it). */
function reasonOf(error: unknown, lang: Lang): string {
  return refusalLine(error, lang).split(lang === 'zh' ? /[，；。]/ : /; |\. (?=[A-Z])/)[0];
}

/** Bytes that begin as a workbook does: a zip (.xlsx) or an OLE file (.xls, an encrypted .xlsx). */
const isContainer = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
