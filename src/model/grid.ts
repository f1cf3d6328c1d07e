/**
 * The plain grid of cells that every reader takes: what exceljs (Node, browser)
 * and Office.js (Excel) both can give. No library types cross this line.
 */

/** A cell's value as read: text, number, boolean, a Date (wall clock in UTC) or nothing. */
export type CellValue = string | number | boolean | Date | null;

/**
 * A date typed alone, its cell showing no time of day (a number format with no
 * hour: `yyyy/m/d`, `yyyy"年"m"月"d"日"`): a day, not the moment 00:00 of it, so that
 * a 时分 field holding one is read as incomplete, as the same date typed as
 * text is. Still a Date (at the day's start) for every other reader.
 */
export class CalendarDate extends Date {}

/**
 * A date and its time of day in a cell whose format shows the day alone (`yyyy/m/d`
 * over 2024-06-15 09:45): the time is known and read as any Date's, but the
 * printed, signed form shows no 时分 (review 13a D2), which time-not-shown says.
 */
export class HiddenTimeDate extends Date {}

/**
 * A date and its time of day in a cell whose format shows no date at all (常规 / General, or a number format): the
 * screen and the printed, signed form show its serial, 45458.40625 (a workbook written by a program with no date
 * style, a date-time column whose format was cleared). Read as any Date's; time-not-shown says the print shows a
 * number. A whole serial (45458) stays the number it is: a code or a count may be as large.
 */
export class SerialShownDate extends Date {}

/**
 * A date and its time in a cell whose format shows the time of day alone (`h:mm`, `[h]:mm`, `hh:mm:ss`): 取卷时间
 * 2024-06-15 09:45 under h:mm prints 9:45, the printed, signed form shows no date (review 17a N1). Read as any Date's;
 * time-not-shown says the print shows no date. A time alone (a serial under 1) is a plain Date.
 */
export class ClockShownDate extends Date {}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; ragged rows allowed; the slave cells of a merge are null. */
  rows: CellValue[][];
  /** Merged ranges as A1 ranges ("A1:H1"). */
  merges: string[];
  /**
   * Formulas of cells whose cached value is missing (A1 → formula text without "="),
   * so a reader can still work out a simple total. The xlsx readers take a cached 0, "" or FALSE for missing, as
   * exceljs does; WPS and the Excel add-in, which always have the value, file a formula showing nothing, 0 or FALSE
   * here too, keeping the 0 or FALSE they show.
   */
  formulas?: Record<string, string>;
  /**
   * Formulas of cells that show their cached value (A1 → formula text without "="): what a formula fills in is told
   * from what a person typed (forms/filled-formulas.ts: a lookup dragged down over empty rows). Absent: none. Every
   * reader gives them (the Excel add-in since round 23: io/office-formulas.ts).
   */
  shownFormulas?: Record<string, string>;
  /** A sheet whose tab the workbook hides ('veryHidden': only code can show it again); absent for a sheet shown. */
  state?: SheetState;
  /** The rows hidden (0-based, in order): a finding there says so, since the officer sees the rows around it only. Absent: none. */
  hiddenRows?: number[];
  /**
   * The columns hidden (0-based, in order): an old column kept hidden, headed like the one in use, never wins over a
   * visible one (review 17b D7). The add-ins ask only the used range's columns (the others hold no value). Absent:
   * none, or the reader could not tell (Excel 2016/2019 before ExcelApi 1.7, read with `legacy`; a WPS build that
   * has no EntireColumn.Hidden).
   */
  hiddenCols?: number[];
  /**
   * The cells holding a value whose font strikes it through (A1, by row then column): officers strike a
   * mistaken line out as on paper, and a row so struck is read as void (forms/voided.ts). Absent: none.
   */
  struck?: string[];
  /**
   * The cells corrected in place — the old text struck through, the new typed after it (“~~2~~ 3”): each read as
   * its text not struck, with the struck text here by A1 (review 24 D5), for struck-text to ask that it be cleaned.
   * The add-ins see a cell's text whole, not its runs: absent there. Absent: none.
   */
  struckText?: Record<string, string>;
  /** The range of the sheet's autoFilter ("A3:K13"): a row it hides is filtered out, not hidden by hand. Absent: none. */
  autoFilter?: string;
  /**
   * The reader could not ask for the autoFilter (Excel before ExcelApi 1.9, the WPS add-in): a hidden row may be
   * filtered out, and is not to be called a line to delete (review 16a D3).
   */
  filterUnknown?: boolean;
}

/** How a workbook hides a sheet (workbook.xml's <sheet state>, exceljs' and Office.js' alike). */
export type SheetState = 'hidden' | 'veryHidden';

/** A sheet state as written ('visible', 'hidden', 'veryHidden', Office.js' 'Hidden' …) → the grid's, undefined for a sheet shown. */
export function sheetStateOf(written: string | undefined | null): SheetState | undefined {
  const s = (written ?? '').toLowerCase();
  return s === 'hidden' ? 'hidden' : s === 'veryhidden' ? 'veryHidden' : undefined;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

const LETTERS: string[] = [];

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(col: number): string {
  // Every location names its column: the first columns' letters are worked out once.
  if (col >= 0 && col < 256) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, Z → 25, AA → 26 (columnLetter's inverse). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 0, col 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): RangeBox | undefined {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeA1(box: RangeBox): string {
  return `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function sheetWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const r of sheet.rows) if (r && r.length > w) w = r.length;
  return w;
}
