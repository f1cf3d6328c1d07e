/**
 * WPS Spreadsheets (ET) → the plain grid every reader takes, the same
 * WorkbookGrid exceljs gives the CLI: values, merges, dates as Dates, and the
 * formulas of cells without a value.
 *
 * Every member read is a cross-process round trip, so the read is in bulk and
 * its cost does not grow with the number of cells: per sheet, the used range's
 * extent, `Value2` in row chunks of at most `cellsPerChunk` cells (`Formula`
 * too, only where the sheet has formulas), then number formats and merges
 * found by halving ranges (`NumberFormat` is one code for a uniform range,
 * `MergeCells` true/false for all or none), so a date column or a form's
 * header merges cost a few calls whatever the number of rows; hidden rows and
 * columns too, by halving on EntireRow.Hidden and EntireColumn.Hidden, and the
 * cells struck through by halving on Font.Strikethrough. A used range
 * over `maxCells` (LIMITS.cells) is refused with one line rather than read,
 * in the same words as the Office.js adapter.
 */
import { a1, CellValue, RangeBox, SheetGrid, SheetState, WorkbookGrid, parseA1, parseRange, rangeA1 } from '../../model/grid';
import { LIMITS, usedRangeBeyondLimit } from '../../model/limits';
import { type DateKind, dateFromSerial, dateKindOf, isTextFmt, numberAsShown, shownBy } from '../../model/number-format';
import { plainOfficeValue } from '../office-grid';
import { errorOfCode } from '../../model/excel-errors';
import { EtObject, activeWorkbook, address, get, rangeBox, rangeOf, sheetName, toRows, worksheets } from './et';

export interface WpsReadOptions {
  /** Cells per Value2 read. */
  cellsPerChunk?: number;
  /** A sheet's used range beyond this many cells is refused. */
  maxCells?: number;
  /** Which sheets to read (live checking re-reads what changed); all when absent. */
  read?: (name: string) => boolean;
  /** Sheets never read (the add-in's own hidden record of marks). */
  skip?: ReadonlySet<string>;
}

const WPS_READ_LIMITS = { cellsPerChunk: 100_000, maxCells: LIMITS.cells };

/** Formula errors come back from Value2 as CVErr numbers (xlErrDiv0 2007 → -2146826281): the error the cell shows (#DIV/0!), as every reader keeps it. */
const CVERR_BASE = -2146828288;
function isCvErr(v: number): boolean {
  return Number.isInteger(v) && v >= CVERR_BASE + 2000 && v <= CVERR_BASE + 2100;
}

export function plainWpsValue(value: unknown): CellValue {
  if (typeof value === 'number' && isCvErr(value)) return errorOfCode(value - CVERR_BASE);
  return plainOfficeValue(value);
}

interface Extent {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function usedExtent(used: EtObject): Extent {
  const top = Number(get(used, 'Row')) - 1;
  const left = Number(get(used, 'Column')) - 1;
  const rows = Number(get(get(used, 'Rows'), 'Count'));
  const cols = Number(get(get(used, 'Columns'), 'Count'));
  if (![top, left, rows, cols].every(Number.isFinite) || top < 0 || left < 0) return { top: 0, left: 0, rows: 0, cols: 0 };
  return { top, left, rows, cols };
}

/** Rows of a long run kept apart at each end: a table's header and footer, where its odd formats and merges are. */
const EDGE = 16;

/**
 * Splits a mixed run [lo, hi] for another probe: a long run first loses its
 * first and last EDGE items (so a header or footer costs a few calls, not one
 * per halving of the whole table), anything else is halved.
 */
function split(lo: number, hi: number, edges: boolean): Array<[number, number, boolean]> {
  if (edges && hi - lo + 1 > 4 * EDGE) {
    return [
      [lo, lo + EDGE - 1, false],
      [lo + EDGE, hi - EDGE, false],
      [hi - EDGE + 1, hi, false],
    ];
  }
  const mid = (lo + hi) >> 1;
  return [
    [lo, mid, false],
    [mid + 1, hi, false],
  ];
}

/**
 * Rows of numbers by what their format shows: a date (its kind: a day alone, a time alone, both), 'text' (the Text
 * format), 'number' (General or a number format); a row whose format is not known is not there.
 */
type DateRows = Map<number, DateKind | 'text' | 'number'> & { codes?: Map<number, string> };

/** Notes `row` in `out` with what `fmt` shows a number as: a date (of its kind), Text (`@`) or a number. */
function noteDate(out: DateRows, row: number, fmt: unknown): void {
  const code = String(fmt ?? '');
  const kind = dateKindOf(code);
  // A date's format code kept for the pane's preview to show it as the cell does (2024年6月15日 07:45), as the page's.
  if (kind) (out.codes ??= new Map()).set(row, code);
  if (kind) out.set(row, kind);
  else if (isTextFmt(code)) out.set(row, 'text');
  else if (code) out.set(row, 'number');
}

/** Which numeric cells of one column show dates, by probing NumberFormat (one code for a uniform run, else mixed). */
function dateCells(sheet: EtObject, col: number, rows: readonly number[], out: DateRows): void {
  const probe = (lo: number, hi: number, edges: boolean): void => {
    const fmt = get(rangeOf(sheet, `${a1(rows[lo], col)}:${a1(rows[hi], col)}`), 'NumberFormat');
    if (Array.isArray(fmt)) {
      // A build that gives every cell's format: no need to halve.
      const each = toRows(fmt, rows[hi] - rows[lo] + 1, 1);
      for (let i = lo; i <= hi; i++) noteDate(out, rows[i], each[rows[i] - rows[lo]][0]);
      return;
    }
    if (typeof fmt === 'string') {
      for (let i = lo; i <= hi; i++) noteDate(out, rows[i], fmt);
      return;
    }
    if (lo === hi) return;
    for (const [a, b, e] of split(lo, hi, edges)) probe(a, b, e);
  };
  if (rows.length > 0) probe(0, rows.length - 1, true);
}

const inside = (b: RangeBox, outer: RangeBox): boolean => b.top >= outer.top && b.bottom <= outer.bottom && b.left >= outer.left && b.right <= outer.right;

/** `box` less `cut`: up to four boxes (above, below, left, right of it). */
function subtract(box: RangeBox, cut: RangeBox): RangeBox[] {
  const out: RangeBox[] = [];
  if (cut.top > box.top) out.push({ ...box, bottom: Math.min(box.bottom, cut.top - 1) });
  if (cut.bottom < box.bottom) out.push({ ...box, top: Math.max(box.top, cut.bottom + 1) });
  const top = Math.max(box.top, cut.top);
  const bottom = Math.min(box.bottom, cut.bottom);
  if (top <= bottom) {
    if (cut.left > box.left) out.push({ top, bottom, left: box.left, right: Math.min(box.right, cut.left - 1) });
    if (cut.right < box.right) out.push({ top, bottom, left: Math.max(box.left, cut.right + 1), right: box.right });
  }
  return out.filter((b) => b.top <= b.bottom && b.left <= b.right);
}

/** Merged areas inside `box`, by halving on MergeCells (true: all merged, false: none, anything else: mixed). */
function findMerges(sheet: EtObject, box: RangeBox, found: RangeBox[], edges = false): void {
  if (found.some((f) => inside(box, f))) return;
  const merged = get(rangeOf(sheet, rangeA1(box)), 'MergeCells');
  if (merged === false) return;
  const single = box.top === box.bottom && box.left === box.right;
  if (merged === true || single) {
    const corner = rangeOf(sheet, a1(box.top, box.left));
    const mergeArea = get(corner, 'MergeArea');
    const area = parseRange(address(mergeArea)) ?? rangeBox(mergeArea);
    if (!area || (area.top === area.bottom && area.left === area.right)) {
      // The corner is not merged after all: look at the rest.
      if (!single) for (const rest of subtract(box, { top: box.top, left: box.left, bottom: box.top, right: box.left })) findMerges(sheet, rest, found);
      return;
    }
    if (!found.some((f) => inside(area, f))) found.push(area);
    for (const rest of subtract(box, area)) findMerges(sheet, rest, found);
    return;
  }
  const tall = box.bottom - box.top >= box.right - box.left;
  if (tall) {
    for (const [top, bottom, e] of split(box.top, box.bottom, edges)) findMerges(sheet, { ...box, top, bottom }, found, e);
  } else {
    const mid = (box.left + box.right) >> 1;
    findMerges(sheet, { ...box, right: mid }, found, edges);
    findMerges(sheet, { ...box, left: mid + 1 }, found, edges);
  }
}

/**
 * The used range's hidden rows, or columns (0-based, in order), by halving on `EntireRow.Hidden` (`EntireColumn.Hidden`;
 * VBA's Range.Hidden: true when every row is hidden, false when none is, null when some are), so a sheet without
 * hidden rows costs one probe and a hidden row a few; columns alike, along the used range's first row. A build that
 * answers anything else (no EntireRow or EntireColumn, no Hidden) tells nothing: none are said hidden then, rather than
 * one probe a row (a column).
 */
function hiddenOf(sheet: EtObject, ext: Extent, lines: 'EntireRow' | 'EntireColumn'): number[] {
  const rows = lines === 'EntireRow';
  const hidden: number[] = [];
  const probe = (lo: number, hi: number, edges: boolean): void => {
    const ref = rows ? `${a1(lo, ext.left)}:${a1(hi, ext.left)}` : `${a1(ext.top, lo)}:${a1(ext.top, hi)}`;
    const all = get(get(rangeOf(sheet, ref), lines), 'Hidden');
    if (all === true) for (let i = lo; i <= hi; i++) hidden.push(i);
    else if (all === null && lo < hi) for (const [a, b, e] of split(lo, hi, edges)) probe(a, b, e);
  };
  const [first, count] = rows ? [ext.top, ext.rows] : [ext.left, ext.cols];
  probe(first, first + count - 1, true);
  return hidden;
}

/**
 * The cells struck through that hold a value (A1, by row then column), as the xlsx reader lists them
 * (SheetGrid.struck): the used range's Font.Strikethrough asked once (VBA's answer: true when every cell is struck,
 * false when none is, null when some are), a run of rows struck in part halved as the hidden rows are, and a row
 * struck in part asked cell by cell over its filled cells — an officer strikes the filled cells of a line, not the
 * empty ones beside it (review 16a D3). A sheet without a strike costs one probe; a build that answers anything else
 * (no Font, no Strikethrough) tells nothing, and no cell is said struck.
 */
function struckCells(sheet: EtObject, ext: Extent, grid: SheetGrid): string[] {
  const struck: string[] = [];
  const strike = (ref: string): unknown => get(get(rangeOf(sheet, ref), 'Font'), 'Strikethrough');
  const filled = (r: number): number[] => (grid.rows[r] ?? []).flatMap((v, c) => (v === null || v === undefined ? [] : [c]));
  const probe = (lo: number, hi: number, edges: boolean): void => {
    const all = strike(`${a1(lo, ext.left)}:${a1(hi, ext.left + ext.cols - 1)}`);
    if (all === true) for (let r = lo; r <= hi; r++) struck.push(...filled(r).map((c) => a1(r, c)));
    else if (all === null && lo < hi) for (const [a, b, e] of split(lo, hi, edges)) probe(a, b, e);
    else if (all === null) struck.push(...filled(lo).flatMap((c) => (strike(a1(lo, c)) === true ? [a1(lo, c)] : [])));
  };
  probe(ext.top, ext.top + ext.rows - 1, true);
  return struck;
}

interface SheetContext {
  date1904: boolean;
  cellsPerChunk: number;
  maxCells: number;
}

/** Worksheet.Visible (xlSheetHidden 0 or false, xlSheetVeryHidden 2) → the grid's state; undefined for a sheet shown. */
export function wpsSheetState(visible: unknown): SheetState | undefined {
  return visible === 0 || visible === false ? 'hidden' : visible === 2 ? 'veryHidden' : undefined;
}

/** One worksheet into the grid. */
function readWpsSheet(sheet: EtObject, ctx: SheetContext): SheetGrid {
  const name = sheetName(sheet);
  const used = get(sheet, 'UsedRange');
  const ext = usedExtent(used);
  const state = wpsSheetState(get(sheet, 'Visible'));
  const grid: SheetGrid = { name, rows: [], merges: [], ...(state ? { state } : {}) };
  if (ext.rows === 0 || ext.cols === 0) return grid;
  // The same refusal, in the same words, as the Office.js adapter's.
  if (ext.rows * ext.cols > ctx.maxCells) throw usedRangeBeyondLimit(name, ext.rows, ext.cols, ctx.maxCells);
  const hasFormula = get(used, 'HasFormula');
  const formulas: Record<string, string> = {};
  const shownFormulas: Record<string, string> = {};
  const numericRowsByCol = new Map<number, number[]>();
  const rowsPerChunk = Math.max(1, Math.floor(ctx.cellsPerChunk / ext.cols));
  for (let r0 = 0; r0 < ext.rows; r0 += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, ext.rows - r0);
    const top = ext.top + r0;
    const range = rangeOf(sheet, `${a1(top, ext.left)}:${a1(top + n - 1, ext.left + ext.cols - 1)}`);
    const values = toRows(get(range, 'Value2'), n, ext.cols);
    const texts = hasFormula === false ? undefined : toRows(get(range, 'Formula'), n, ext.cols);
    for (let r = 0; r < n; r++) {
      const row: CellValue[] = Array(ext.left).fill(null);
      for (let c = 0; c < ext.cols; c++) {
        const value = plainWpsValue(values[r][c]);
        row.push(value);
        const formula = texts?.[r]?.[c];
        // As the xlsx reader (and Excel's pane, office-formulas.ts): a formula showing nothing, 0 or FALSE in formulas (the
        // xlsx reader, as exceljs, reads such a cached value as none), its value kept; one showing a value in
        // shownFormulas; a text typed as '=… is no formula.
        if (typeof formula === 'string' && formula.startsWith('=') && formula !== value)
          (value === null || value === 0 || value === false ? formulas : shownFormulas)[a1(top + r, ext.left + c)] = formula.slice(1);
        if (typeof value === 'number') {
          const list = numericRowsByCol.get(ext.left + c) ?? [];
          list.push(top + r);
          numericRowsByCol.set(ext.left + c, list);
        }
      }
      grid.rows[top + r] = row;
    }
  }
  convertDates(sheet, used, ext, grid, numericRowsByCol, ctx.date1904);
  if (get(used, 'MergeCells') !== false) {
    const found: RangeBox[] = [];
    findMerges(sheet, { top: ext.top, left: ext.left, bottom: ext.top + ext.rows - 1, right: ext.left + ext.cols - 1 }, found, true);
    grid.merges = found.map(rangeA1);
  }
  trim(grid, formulas);
  if (Object.keys(formulas).length > 0) grid.formulas = formulas;
  if (Object.keys(shownFormulas).length > 0) grid.shownFormulas = shownFormulas;
  // As the other readers give them: a finding on a hidden row says so (rules/engine.ts); a column's hidden old twin
  // never wins over the visible one (review 17b D7).
  const hiddenRows = hiddenOf(sheet, ext, 'EntireRow');
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const hiddenCols = hiddenOf(sheet, ext, 'EntireColumn');
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  // A row struck through as on paper is void (review 12 D2; forms/voided.ts), as the other readers give it.
  const struck = struckCells(sheet, ext, grid);
  if (struck.length > 0) grid.struck = struck;
  // Not read here: the autoFilter's range (ET has no call for it). A finding on a hidden row says it may be filtered
  // out (filterUnknown), never to delete it.
  if (hiddenRows.length > 0) grid.filterUnknown = true;
  return grid;
}

function convertDates(sheet: EtObject, used: EtObject, ext: Extent, grid: SheetGrid, numericRowsByCol: Map<number, number[]>, date1904: boolean): void {
  if (numericRowsByCol.size === 0) return;
  const whole = get(used, 'NumberFormat');
  const each = Array.isArray(whole) ? toRows(whole, ext.rows, ext.cols) : undefined;
  const dates = new Map<number, DateRows>();
  for (const [col, rows] of numericRowsByCol) {
    const found: DateRows = new Map();
    if (each) {
      for (const r of rows) noteDate(found, r, each[r - ext.top][col - ext.left]);
    } else if (typeof whole === 'string') {
      for (const r of rows) noteDate(found, r, whole);
    } else dateCells(sheet, col, rows, found);
    dates.set(col, found);
  }
  for (const [col, found] of dates) {
    for (const [r, shown] of found) {
      const v = grid.rows[r][col] as number;
      // A date's serial under 文本 is the text it shows (review 13a D2), one with its time under 常规 a
      // SerialShownDate, as the xlsx reader gives them.
      if (shown === 'text' || shown === 'number') grid.rows[r][col] = numberAsShown(v, shown === 'text' ? '@' : undefined, date1904);
      else grid.rows[r][col] = shownBy(dateFromSerial(v, date1904, shown), found.codes?.get(r));
    }
  }
}

/**
 * As exceljs leaves it: no trailing nulls in a row (but a formula cell without
 * a value stays, as null), no trailing empty rows, [] for rows before the used range.
 */
function trim(grid: SheetGrid, formulas: Record<string, string>): void {
  const keep = new Map<number, number>();
  for (const ref of Object.keys(formulas)) {
    const at = parseA1(ref)!;
    keep.set(at.row, Math.max(keep.get(at.row) ?? 0, at.col + 1));
  }
  let last = -1;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) {
      grid.rows[r] = [];
      continue;
    }
    let end = row.length;
    while (end > (keep.get(r) ?? 0) && row[end - 1] === null) end--;
    row.length = end;
    if (end > 0) last = r;
  }
  grid.rows.length = last + 1;
}

export interface WpsReadResult {
  grid: WorkbookGrid;
  /** Every worksheet's name, in order, skipped ones aside (to know which cached sheets are gone). */
  names: string[];
}

/** Reads the active workbook's worksheets (or those `options.read` picks) into the grid. */
export function readWpsGrid(app: EtObject, options: WpsReadOptions = {}): WpsReadResult {
  const workbook = activeWorkbook(app);
  const ctx: SheetContext = {
    date1904: get(workbook, 'Date1904') === true,
    cellsPerChunk: options.cellsPerChunk ?? WPS_READ_LIMITS.cellsPerChunk,
    maxCells: options.maxCells ?? WPS_READ_LIMITS.maxCells,
  };
  const names: string[] = [];
  const sheets: SheetGrid[] = [];
  for (const sheet of worksheets(workbook)) {
    const name = sheetName(sheet);
    if (options.skip?.has(name)) continue;
    names.push(name);
    if (options.read && !options.read(name)) continue;
    sheets.push(readWpsSheet(sheet, ctx));
  }
  return { grid: { sheets }, names };
}
