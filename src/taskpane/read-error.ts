/** The line of a picked file the browser face cannot read. */
import { BrowserReadError } from '../io/xlsx/browser';
import { Lang, t } from './i18n';

/**
 * Why a file cannot be read: the CLI's own words in Chinese; in English the
 * reader's own English line where it has one (an empty file was "Not an .xlsx
 * workbook", an encrypted one "An old .xls file"), else a short reason by its code.
 */
export function readErrorLine(error: unknown, lang: Lang): string {
  if (error instanceof BrowserReadError) {
    if (lang === 'zh') return error.message;
    if (error.en) return error.en.charAt(0).toUpperCase() + error.en.slice(1);
    if (error.code === 'oldXls') return t(lang, 'oldXls');
    if (error.code === 'notXlsx') return t(lang, 'notXlsx');
    if (error.code === 'tooBig') return t(lang, 'fileTooBig');
    return t(lang, 'brokenFile');
  }
  return error instanceof Error ? error.message : String(error);
}
