/**
 * An exceljs workbook → the plain grid the readers take. Merged slave cells
 * become null, rich text becomes its text, a formula becomes its cached result
 * (or, when there is none, null plus the formula so a reader can still total;
 * a shared formula's other cell, the master's moved to it), an error value its text (#REF!).
 */
import type ExcelJS from 'exceljs';
import { CellValue, SheetGrid, WorkbookGrid, a1, sheetStateOf } from '../../model/grid';
import { asShown, dateKindOf, numberAsShown } from '../../model/number-format';
import { correctedText } from './string-items';

/** exceljs' ValueType.Formula (its enum is a value of the library, imported here as types only). */
const FORMULA = 6;

/** exceljs names built-in format 22 (a date and its time) `m/d/yy "h":mm`, its hour quoted. */
const EXCELJS_DATE_TIME_22 = 'm/d/yy "h":mm';

/**
 * A date its cell shows as a day alone is a calendar date (or one whose time is hidden), one it shows the time of
 * alone a ClockShownDate, and a date's serial
 * under the Text format the text it shows, one with its time under General a SerialShownDate (numberAsShown), as the
 * lean reader gives them.
 */
function shownValue(value: CellValue, numFmt: string | undefined, date1904: boolean): CellValue {
  if (typeof value === 'number') return numberAsShown(value, numFmt, date1904);
  if (!(value instanceof Date) || numFmt === EXCELJS_DATE_TIME_22) return value;
  const kind = dateKindOf(numFmt);
  return kind === 'calendar' || kind === 'clock' ? asShown(value.getTime(), kind, date1904) : value;
}

/** An error value ({ error: '#REF!' }) as the cell shows it (review 17a D1), as the lean reader keeps it. */
const errorText = (value: object): string | undefined => ('error' in value && typeof value.error === 'string' && value.error ? value.error : undefined);

/** Rich text's runs joined, or, corrected in place (the old text struck through), its text not struck and the struck (string-items.ts). */
function richValue(runs: readonly ExcelJS.RichText[]): { value: CellValue; struck?: string } {
  const text = (struck: boolean) =>
    runs
      .filter((r) => !!r.font?.strike === struck)
      .map((r) => r.text)
      .join('');
  const corrected = runs.some((r) => r.font?.strike) ? correctedText(text(false), text(true)) : undefined;
  return corrected ?? { value: runs.map((r) => r.text).join('') };
}

/** `slaveFormula`: a shared formula's other cell's own formula (exceljs moves the master's: cell.formula), review 17a D2. */
function plainValue(value: ExcelJS.CellValue, slaveFormula?: () => string | undefined): { value: CellValue; formula?: string; struck?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value };
  if (typeof value === 'object') {
    if ('richText' in value) return richValue(value.richText);
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const result = f.result;
      const error = result && typeof result === 'object' && !(result instanceof Date) ? errorText(result) : undefined;
      if (error) return { value: error };
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
        return { value: null, formula: f.formula ?? (f.sharedFormula ? slaveFormula?.() : undefined) };
      }
      return { value: result as CellValue };
    }
    if ('text' in value && 'hyperlink' in value) return { value: String((value as ExcelJS.CellHyperlinkValue).text) };
    if ('error' in value) return { value: errorText(value) ?? null };
  }
  return { value: String(value) };
}

export function sheetGridFromWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  const shownFormulas: Record<string, string> = {};
  const struck: string[] = [];
  const struckText: Record<string, string> = {};
  const date1904 = ws.workbook?.properties?.date1904 === true;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula, struck: old } = plainValue(cell.value, () => cell.formula || undefined);
      out[colNumber - 1] = shownValue(value, cell.numFmt, date1904);
      if (formula) formulas[a1(rowNumber - 1, colNumber - 1)] = formula;
      // A formula showing its cached value (SheetGrid.shownFormulas): what it fills in is told from what is typed.
      else if (value !== null && cell.type === FORMULA && cell.formula) shownFormulas[a1(rowNumber - 1, colNumber - 1)] = cell.formula;
      // A value struck through (a line struck out as on paper: forms/voided.ts).
      if (cell.font?.strike && value !== null) struck.push(a1(rowNumber - 1, colNumber - 1));
      // Corrected in place, its old text struck through (SheetGrid.struckText).
      if (old !== undefined) struckText[a1(rowNumber - 1, colNumber - 1)] = old;
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    rows[rowNumber - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  const hiddenRows: number[] = [];
  // Every row the sheet writes, with a value or not: a hidden empty row is hidden too.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => void (row.hidden && hiddenRows.push(rowNumber - 1)));
  const hiddenCols: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  const state = sheetStateOf(ws.state);
  // exceljs reads <autoFilter ref="A3:K13"/> as its range (and writes the object form it takes as one).
  const autoFilter = typeof ws.autoFilter === 'string' && ws.autoFilter ? ws.autoFilter : undefined;
  return {
    name: ws.name,
    rows,
    merges,
    ...(Object.keys(formulas).length ? { formulas } : {}),
    ...(Object.keys(shownFormulas).length ? { shownFormulas } : {}),
    ...(state ? { state } : {}),
    ...(hiddenRows.length ? { hiddenRows } : {}),
    ...(hiddenCols.length ? { hiddenCols } : {}),
    ...(struck.length ? { struck } : {}),
    ...(Object.keys(struckText).length ? { struckText } : {}),
    ...(autoFilter ? { autoFilter } : {}),
  };
}

export function gridFromWorkbook(wb: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: wb.worksheets.map(sheetGridFromWorksheet) };
}
