/** The line of a picked file the browser face cannot read. */
import { BrowserReadError } from '../io/xlsx/browser';
import { Lang, t } from './i18n';

/**
 * Why a file cannot be read: the CLI's own words in Chinese; in English the
 * reader's own English line where it has one (an empty file was "Not an .xlsx
 * workbook", an encrypted one "An old .xls file"), else a short reason by its code.
 * A file the browser will not give the bytes of (saved again, moved or deleted
 * since it was picked) gets a plain line in the page's language.
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
  // The browser's own refusals to give a file's bytes (DOMException: NotFoundError, NotReadableError…) are English
  // whatever the page's language, and “permission problems” sent staff the wrong way (review 14b D1): a plain line.
  if (isDomException(error)) return t(lang, error.name === 'NotFoundError' || error.name === 'NotReadableError' ? 'fileChanged' : 'fileNotGiven');
  return error instanceof Error ? error.message : String(error);
}

/** A DOMException, as the browser throws it from File.arrayBuffer() (told by its name where DOMException is no global). */
function isDomException(error: unknown): error is { name: string } {
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return true;
  return error instanceof Error && /^(NotFoundError|NotReadableError|SecurityError|AbortError|EncodingError|InvalidStateError)$/.test(error.name);
}
