/**
 * Files passed by unread, told by their name alone, the same in every face:
 * the CLI's walk of a folder and the page's chosen files say the same line for
 * each and count neither as a workbook read nor as one that could not be.
 * No Node here: the browser face uses it too.
 */
import { MARKED_COPY_SKIPPED, isMarkedCopyName } from './marks';

/**
 * A table saved as text (.csv, .tsv: an officer exporting one sheet) holds one
 * sheet and no form: never a unit's workbook. It is passed by with a line,
 * rather than read as a workbook that cannot be read.
 */
export const isTextTableName = (name: string): boolean => /\.(csv|tsv)$/i.test(name) && !name.startsWith('~$');

/**
 * What a folder's walk lists (the CLI's, and the page's walk of a folder dropped
 * on it): .xlsx and .xlsm (read), and the spreadsheet files people save
 * instead — .xls, WPS's .et, .xlsb, .ods, Apple's .numbers — so that each gets
 * its one line (save it as .xlsx) rather than being left out without a word,
 * its site missing from a summary.
 */
export const isWorkbookName = (name: string): boolean => /\.(xlsx|xlsm|xls|et|xlsb|ods|numbers)$/i.test(name) && !name.startsWith('~$');

/** Why a text table is passed by, as the line of a file skipped says it. */
const TEXT_TABLE_SKIPPED = {
  zh: '这是文本表格（.csv/.tsv，只存一张表），不是工作簿；如要检查，请把整个工作簿在 Excel 或 WPS 中另存为 .xlsx',
  en: 'a text table (.csv/.tsv, one sheet only), not a workbook; to check it, save the whole workbook as .xlsx in Excel or WPS',
} as const;

/**
 * The file Excel and WPS leave beside a workbook while it is open (“~$岳麓考点.xlsx”,
 * some 165 bytes naming who opened it): never a workbook, even when named on its
 * own (review 10c D12: it was “不是 .xlsx 工作簿”).
 */
export const isLockFileName = (name: string): boolean => name.startsWith('~$');

const LOCK_FILE_SKIPPED = {
  zh: '这是 Excel 或 WPS 打开工作簿时临时留下的锁定文件（名字以 ~$ 开头），不是工作簿；请检查去掉 ~$ 的同名工作簿本身',
  en: 'a lock file that Excel or WPS leaves while a workbook is open (its name starts with ~$), not a workbook; check the workbook of the same name without ~$',
} as const;

/**
 * Why a file is passed by, a line in each language; undefined for a workbook
 * to read. A marked copy (by the name markedName gives it) is its workbook
 * again with fills and notes, which read as a unit's own would count that unit
 * twice; a text table is no workbook, nor is a lock file.
 */
export function passedByReason(name: string): { readonly zh: string; readonly en: string } | undefined {
  if (isLockFileName(name)) return LOCK_FILE_SKIPPED;
  if (isMarkedCopyName(name)) return MARKED_COPY_SKIPPED;
  return isTextTableName(name) ? TEXT_TABLE_SKIPPED : undefined;
}
