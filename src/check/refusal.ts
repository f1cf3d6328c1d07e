/**
 * The one line a person reads when a workbook cannot be checked. Refusals
 * written for people (the readers' and the checks' own errors) are passed on;
 * anything else — a library's error text, a stack — is replaced by a plain
 * line saying what to do, so that no library wording reaches the user.
 */
import type { Lang } from '../rules/types';
import { NOT_CUSTODY } from '../forms/workbook';

/** An error whose message is written for the person (one line, what is wrong and what to do). */
export class Refusal extends Error {
  constructor(
    message: string,
    /** The same line in English, where the face may be asked for it (refusalLine). */
    readonly en?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** The errors the readers and checks raise for people, by class name (they live in several layers). */
const FOR_PEOPLE = new Set(['Refusal', 'UncheckableWorkbook', 'WorkbookReadError', 'BrowserReadError', 'WorkbookLimitError']);

const UNREADABLE = {
  zh: '无法读取这个工作簿的内容，请用 Excel 或 WPS 打开后重新“另存为” .xlsx 再检查',
  en: 'the workbook could not be read; open it in Excel or WPS and save it again as .xlsx',
};

/** Control characters (a newline in a file name) shown escaped, so that one line stays one line. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Whether an error's message was written for people. */
export function isRefusal(error: unknown): error is Error {
  return error instanceof Error && FOR_PEOPLE.has(error.name);
}

/** The one line for a workbook that cannot be checked. */
export function refusalLine(error: unknown, lang: Lang = 'zh'): string {
  if (!isRefusal(error)) return UNREADABLE[lang];
  // A refusal may carry its English line (UncheckableWorkbook does).
  const english = (error as { en?: unknown }).en;
  const message = lang === 'en' && typeof english === 'string' ? english : error.message;
  const first = message.split('\n')[0].trim();
  return printable(first.length > 300 ? `${first.slice(0, 300)}…` : first) || UNREADABLE[lang];
}

/** Whether a file's one line says it was read but is not a custody workbook (empty, or none of the forms in it). */
export function notCustody(reason: string): boolean {
  return reason.startsWith(NOT_CUSTODY.zh) || reason.startsWith(NOT_CUSTODY.en);
}

/** A not-custody line without its first words (a column titled 不是试卷保密表单 says them). */
export function notCustodyWhy(reason: string): string {
  for (const start of [NOT_CUSTODY.zh, NOT_CUSTODY.en]) if (reason.startsWith(start)) return reason.slice(start.length);
  return reason;
}

/**
 * What is said of a file that could not be checked, after its name: `无法读取：` and why — or, for a workbook read but
 * not ours, why alone (it begins 不是试卷保密表单：): the file is not damaged, and 无法读取 would say it is.
 */
export function notCheckedSaid(reason: string, lang: Lang = 'zh'): string {
  return notCustody(reason) ? reason : `${lang === 'en' ? 'cannot be read: ' : '无法读取：'}${reason}`;
}
