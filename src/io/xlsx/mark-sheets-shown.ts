/**
 * The sheets a marked copy marks, shown: a mark on a hidden sheet (hidden-sheet's own at its A1, or any finding of a
 * hidden sheet read as the record there is) is seen neither on screen nor in print, as one on a hidden row would not
 * be — and rows are shown for their marks (review 24 D8). Hidden or very hidden alike: the copy is for reading.
 */
import { attr } from './mark-notes';
import { decodeEntities } from './xml';

/** A <sheet> tag in the workbook part, with or without a namespace prefix. */
const SHEET_TAG = /<(?:[\w.-]+:)?sheet\b[^>]*>/g;
/** A start tag's state attribute hiding its sheet, quoted either way: state="visible" (as exceljs writes it) is left, the part unchanged. */
const STATE_ATTR = /\sstate\s*=\s*(?:"(?:hidden|veryHidden)"|'(?:hidden|veryHidden)')/;

/** The workbook part's XML with the sheets `names` shown (their state taken away); every other sheet as it was. */
export function withSheetsShown(workbook: string, names: ReadonlySet<string>): string {
  return workbook.replace(SHEET_TAG, (tag) => (names.has(decodeEntities(attr(tag, 'name') ?? '')) ? tag.replace(STATE_ATTR, '') : tag));
}
