/**
 * One worksheet part → its grid, read from SAX events as the part inflates,
 * giving exactly what `gridFromWorkbook(exceljs)` gives: merged slave cells
 * null, rich text joined, formulas as their cached result or null plus the
 * formula, numbers in a date format as Dates holding the wall clock in UTC.
 * Every row, column, cell and merge is counted against LIMITS before anything
 * is allocated for it; the cells whose font strikes through, and the sheet's
 * autoFilter range, are kept as exceljs' cell.font.strike and
 * worksheet.autoFilter give them. Pure: no Node.
 */
import { a1, type CellValue, type SheetGrid } from '../../model/grid';
import { applyLinks, applyMerges, grow, parseRef, struckOf, type Rows } from './sheet-cells';
import { LIMITS, beyondLimit, refuse } from '../../model/limits';
import { asShown, dateFromSerial, numberAsShown, shownBy, type DateKind } from '../../model/number-format';
import { readXmlPart, type XmlTag } from './xml';
import { ItemText, matchAt } from './string-items';
import { type SharedFormula, sharedFormula } from './shared-formula';
import { Plain, PLAIN_ROOM, PLAIN_STRIDE, scanPlainCell, scanPlainRow } from './plain-shapes';
import type { InflateBudget, ZipEntry } from './zip';
import { countShown } from '../../model/count-shown';

/** What every sheet of a workbook shares: its strings, date styles, date system, and the counts against the limits. */
export interface WorkbookContext {
  bytes: Uint8Array;
  budget: InflateBudget;
  shared: string[];
  /** The struck text of each shared string corrected in place (string-items.ts correctedText), by index; absent: none. */
  sharedStruck?: string[];
  /** Each style's kind of date (cellXfs index), none for a style that shows no date. */
  dates: readonly (DateKind | undefined)[];
  /** Each date style's format code (cellXfs index): kept with the dates read, for the preview to show them so. */
  dateFormats?: readonly (string | undefined)[];
  /** The styles whose font strikes the text through (cellXfs index). */
  struck: readonly (true | undefined)[];
  /** The styles whose format is Text (`@`): a date's serial under one is the text it shows, under another format no date (numberAsShown). */
  text: readonly (true | undefined)[];
  date1904: boolean;
  /** Cells with a value and places held by the grid so far, in the whole workbook. */
  tally: { cells: number; slots: number; merged: number };
}

function excelToDate(v: number, date1904: boolean, kind: DateKind, code: string | undefined): Date | number {
  const date = dateFromSerial(v, date1904, kind);
  // A serial no calendar holds (1e308) stays the number it is: an Invalid Date breaks whatever shows it.
  return Number.isNaN(date.getTime()) ? v : shownBy(date, code);
}

function isoDate(text: string, kind: DateKind | undefined): Date | string {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) return text;
  return kind === 'calendar' || kind === 'clock' ? asShown(date.getTime(), kind) : date;
}

const enum Capture {
  None,
  Value,
  Formula,
}

// Tag names compared by their first character before the string itself (the hot path: every cell).
const C = 99;
const V = 118;
const F = 102;

const R = 114;

/** <mergeCell ref="A5:C6"/> as every writer writes it (a sheet has dozens), in capitals; any other shape goes the general way. */
const PLAIN_MERGE = /<mergeCell ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"\/>/y;
const M = 109;

/** A number cell's value: its number, or, when it is not one (a hand-made or damaged file), its text — which a rule can quote — not NaN as exceljs reads it. */
function numberOrText(v: string): number | string {
  const n = parseFloat(v);
  return Number.isNaN(n) ? v : n;
}

/** Reads one worksheet part into its grid. */
export function readSheet(name: string, entry: ZipEntry, ctx: WorkbookContext): SheetGrid {
  const { shared, dates, dateFormats, date1904, tally, struck, text } = ctx;
  const rows: Rows = [];
  const merges: string[] = [];
  let mergesFound = 0;
  const links: string[] = [];
  const formulas: Record<string, string> = {};
  let hasFormulas = false;
  /** The formulas of cells with a cached value (SheetGrid.shownFormulas). */
  const shownFormulas: Record<string, string> = {};
  let hasShown = false;
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  /** The struck cells read, row and column after each other (some kept by a merge's master only). */
  const struckAt: number[] = [];
  /** The cells corrected in place, each with its struck text (SheetGrid.struckText). */
  const struckText: Record<string, string> = {};
  let hasStruckText = false;
  let autoFilter: string | undefined;

  let inData = false;
  let rowNo = -1;
  let colNo = -1;
  let out: (CellValue | undefined)[] | undefined;

  // The cell being read (plain variables, no object per cell).
  let inCell = false;
  let body = false;
  let cellRow = -1;
  let type = 'n';
  /** The cell's style index as written (NaN when it is not a number, -1 when it has none: the workbook's first, as Excel takes it). */
  let style = -1;
  let capture = Capture.None;
  let buf = '';
  let raw: string | undefined;
  let formula: string | undefined;
  let sharedSlave = false;
  /** The shared formula's index (si) the cell's <f> names. */
  let sharedIndex: string | undefined;
  /** Each shared formula's master: its formula and place, by si (the master comes before its other cells). */
  const sharedMasters = new Map<string, { formula: SharedFormula; row: number; col: number }>();
  let formulaType: string | undefined;
  let inIs = false;
  let hasIs = false;
  const item = new ItemText();

  const numeric = (v: string): number | Date | string => {
    const n = numberOrText(v);
    if (typeof n !== 'number') return n;
    const s = style < 0 ? 0 : style;
    const kind = dates[s];
    return kind ? excelToDate(n, date1904, kind, dateFormats?.[s]) : numberAsShown(n, text[s] ? '@' : undefined, date1904);
  };

  /**
   * The formula of a shared formula's other cell: the master's, moved to this cell (review 17a D2), kept as a getter
   * that moves it when asked: a copy of the text for each of 20,000 cells cost a gigabyte (review 18a D1). False: the
   * cell has none (no master, or a reference moved off the sheet: Excel shows #REF!).
   */
  const slaveFormula = (key: string, into = formulas): boolean => {
    const master = sharedIndex === undefined ? undefined : sharedMasters.get(sharedIndex);
    if (!master) return false;
    const { formula: shared } = master;
    const rows = cellRow - master.row;
    const cols = colNo - master.col;
    if (!shared.fits(rows, cols)) return false;
    Object.defineProperty(into, key, { get: () => shared.at(rows, cols), enumerable: true, configurable: true });
    return true;
  };

  /** The value of the cell just closed, as exceljs gives it; undefined: no value (only its place counts). */
  const cellValue = (): CellValue | undefined => {
    // An empty <v></v> gives exceljs no value at all.
    if (raw === '') raw = undefined;
    if (formulaType === 'shared' && !sharedSlave && formula && sharedIndex !== undefined) {
      sharedMasters.set(sharedIndex, { formula: sharedFormula(formula), row: cellRow, col: colNo });
    }
    if (formula || formulaType !== undefined) {
      // A formula: its cached result, or null and the formula (a shared formula's other cell: the master's, moved).
      let result: CellValue | undefined;
      if (raw !== undefined) {
        if (type === 'str') result = raw;
        else if (type === 'b') result = parseInt(raw, 10) !== 0;
        // An error (#REF!, #DIV/0!) is what the cell shows, also once Excel works the formula out again (review 17a D1).
        else if (type === 'e') result = raw;
        // A shared-string result stays the number it holds, as exceljs reads it. A 0 stays 0 under a date format
        // too (exceljs makes it 1899-12-30, and keeps it): a result not worked out, as any other 0 is.
        else result = numberOrText(raw) === 0 ? 0 : numeric(raw);
      }
      // exceljs keeps a cached result only when it is truthy: 0, '' and FALSE read as no result.
      if (result === undefined || result === null || result === 0 || result === '' || result === false) {
        const key = a1(cellRow, colNo);
        // The same cell again (a hostile file) may have been a shared formula's other cell: its getter goes first.
        if (!sharedSlave && formula && key in formulas) delete formulas[key];
        if (sharedSlave ? slaveFormula(key) : formula && (formulas[key] = formula)) hasFormulas = true;
        return null;
      }
      const key = a1(cellRow, colNo);
      if (sharedSlave ? slaveFormula(key, shownFormulas) : formula && (shownFormulas[key] = formula)) hasShown = true;
      return result;
    }
    switch (type) {
      case 's':
        // An index with no string behind it reads as empty text.
        return raw === undefined ? undefined : (shared[parseInt(raw, 10)] ?? '');
      case 'n':
        return raw === undefined ? undefined : numeric(raw);
      case 'inlineStr':
        if (!hasIs || !(item.runs || item.plain)) return undefined;
        // exceljs joins rich runs with their escapes decoded, and takes plain <t> text as it is.
        return item.runs ? (item.corrected()?.value ?? item.value) : item.raw;
      case 'str':
        return raw;
      case 'b':
        return raw === undefined ? undefined : parseInt(raw, 10) !== 0;
      case 'e':
        // An error value (#N/A) as the cell shows it: quoted by the checks, not taken as blank (review 17a D1).
        return raw;
      case 'd':
        // An ISO date (Strict OOXML, which Excel does not write by default): its wall clock.
        return raw === undefined ? undefined : isoDate(raw, dates[style < 0 ? 0 : style]);
      default:
        return raw === undefined ? undefined : numberOrText(raw);
    }
  };

  const endCell = (): void => {
    inCell = false;
    if (!body) return;
    const value = cellValue();
    if (value === undefined) return;
    if (++tally.cells > LIMITS.cells) throw beyondLimit('cells', `超过 ${countShown(LIMITS.cells)}`);
    let target = out;
    if (cellRow !== rowNo || !target) {
      if (cellRow >= rows.length) grow(ctx, cellRow + 1 - rows.length);
      target = rows[cellRow] ?? [];
      rows[cellRow] = target;
      if (cellRow === rowNo) out = target;
    }
    if (colNo >= target.length) grow(ctx, colNo + 1 - target.length);
    target[colNo] = value;
    if (struck.length && struck[style < 0 ? 0 : style]) struckAt.push(cellRow, colNo);
    const old =
      formula !== undefined ? undefined : type === 's' ? ctx.sharedStruck?.[Number(raw)] : type === 'inlineStr' ? item.corrected()?.struck : undefined;
    if (old !== undefined) {
      struckText[a1(cellRow, colNo)] = old;
      hasStruckText = true;
    }
  };

  /** The cell's place: from its reference, else the next column of its row. */
  const placeCell = (ref: string | undefined): void => {
    cellRow = rowNo;
    if (ref !== undefined) {
      const at = parseRef(ref);
      if (at) {
        cellRow = at.row;
        colNo = at.col;
      } else colNo++;
    } else colNo++;
    if (colNo >= LIMITS.columnNumber) throw beyondLimit('columnNumber', colNo + 1);
  };

  const startCell = (cellType: string | undefined, cellStyle: number): void => {
    inCell = true;
    body = false;
    type = cellType ?? 'n';
    style = cellStyle;
    raw = undefined;
    formula = undefined;
    sharedSlave = false;
    sharedIndex = undefined;
    formulaType = undefined;
    inIs = false;
    hasIs = false;
  };

  const openCell = (tag: XmlTag): void => {
    placeCell(tag.attr('r'));
    if (tag.isSelfClosing) return; // no value: only its place counts
    const cellStyle = tag.attr('s');
    startCell(tag.attr('t'), cellStyle === undefined ? -1 : +cellStyle);
  };

  /** A merge's range, kept in capitals and without `$` (A5:B5 as $A$5:$B$5 may be written); one without a second corner is no merge. */
  const addMerge = (ref: string | undefined): void => {
    if (ref && ref.split(':')[1]) keepMerge(ref.toUpperCase().replace(/\$/g, ''));
  };
  const keepMerge = (range: string): void => {
    // Beyond the limit only counted: the refusal, once the part is read, names how many the sheet has.
    if (++mergesFound <= LIMITS.mergesPerSheet) merges.push(range);
  };

  /** A merge as writers write them, read in one match. */
  const wholeMerge = (s: string, lt: number): number => {
    const m = matchAt(PLAIN_MERGE, s, lt);
    if (!m) return -1;
    keepMerge(m[1]); // in capitals, with both corners: as addMerge would keep it
    return lt + m[0].length;
  };

  /**
   * Plain cells scanned and not yet taken (those of the row being read whole),
   * PLAIN_STRIDE numbers each; kept from row to row (it only grows), so that no
   * row allocates it again.
   */
  const plain: number[] = [];
  /** The row scanPlainRow read: its number, 1 when it closes itself, 1 when it is hidden. */
  const rowTag: number[] = [0, 0, 0];

  /** The cell scanPlainCell put in `plain` at k. */
  const plainCell = (s: string, k: number): void => {
    const row = plain[k + Plain.Row];
    const col = plain[k + Plain.Col];
    // Beyond the sheet's limits: refused as parseRef refuses the reference (within them, colNo
    // stays below LIMITS.columnNumber, which placeCell checks for the general way).
    if (col > LIMITS.columnNumber || row > LIMITS.rowNumber) parseRef(s.slice(plain[k + Plain.RefStart], plain[k + Plain.RefEnd]));
    cellRow = row - 1;
    colNo = col - 1;
    if (!plain[k + Plain.Body]) return; // <c …/>: only its place counts
    const typeStart = plain[k + Plain.TypeStart];
    const typeEnd = plain[k + Plain.TypeEnd];
    // A one-letter type ("s", "n", "b", "e") is a string V8 keeps made: no slice is allocated for it.
    const cellType = typeStart < 0 ? undefined : typeEnd - typeStart === 1 ? s[typeStart] : s.slice(typeStart, typeEnd);
    startCell(cellType, plain[k + Plain.Style]);
    const valueStart = plain[k + Plain.ValueStart];
    if (valueStart >= 0) {
      body = true;
      raw = s.slice(valueStart, plain[k + Plain.ValueEnd]);
    }
    endCell();
  };

  /**
   * A row whose cells all have the plain shape, read whole: its cells scanned
   * first, and taken only once its end is reached (any other cell inside, and
   * the row goes the general way from its start, nothing taken yet).
   */
  const wholeRow = (s: string, lt: number): number => {
    let at = scanPlainRow(s, lt, rowTag);
    if (at < 0) return -1;
    let scanned = 0;
    if (!rowTag[1]) {
      for (;;) {
        if (s.startsWith('</row>', at)) {
          at += 6;
          break;
        }
        const end = scanPlainCell(s, at, plain, scanned);
        if (end < 0) return -1;
        at = end;
        scanned += PLAIN_STRIDE;
      }
    }
    startRow(rowTag[0], rowTag[2] === 1);
    for (let k = 0; k < scanned; k += PLAIN_STRIDE) plainCell(s, k);
    return at;
  };

  /** Rows, cells and merges as Excel, WPS and exceljs write most of them, each read in one pass (a match, or the cell scanner); any other shape goes the general way. */
  const whole = (s: string, lt: number): number => {
    // Near the end of the text, the general way (plain-shapes.ts: no read past the end).
    if (s.length - lt < PLAIN_ROOM) return -1;
    const ch = s.charCodeAt(lt + 1);
    if (!inData) return ch === M ? wholeMerge(s, lt) : -1;
    if (inCell) return -1;
    if (ch === R) return wholeRow(s, lt);
    if (ch !== C || s.charCodeAt(lt + 2) !== 32) return -1;
    const end = scanPlainCell(s, lt, plain, 0);
    if (end < 0) return -1;
    plainCell(s, 0);
    return end;
  };

  const openInCell = (tag: XmlTag, tagName: string): void => {
    body = true;
    if (tagName.length === 1) {
      const ch = tagName.charCodeAt(0);
      if (ch === V) {
        capture = Capture.Value;
        buf = '';
        return;
      }
      if (ch === F) {
        formulaType = tag.attr('t');
        sharedSlave = formulaType === 'shared' && !tag.attr('ref');
        if (formulaType === 'shared') sharedIndex = tag.attr('si');
        capture = Capture.Formula;
        buf = '';
        return;
      }
    }
    if (tagName === 'is') {
      inIs = true;
      hasIs = true;
      item.reset();
    } else if (inIs) item.open(tagName, tagName === 'strike' ? tag.attr('val') : undefined);
  };

  /** n: the row's number as written (NaN when it is not one); hidden: the row is (hidden="1"). */
  const startRow = (n: number, hidden: boolean): void => {
    if (n > LIMITS.rowNumber) throw beyondLimit('rowNumber', n);
    rowNo = Number.isInteger(n) && n >= 1 ? n - 1 : rowNo + 1;
    colNo = -1;
    out = undefined;
    // Once per row written twice (a hand-made file): the list stays in order, as exceljs' rows are.
    if (hidden && hiddenRows[hiddenRows.length - 1] !== rowNo) hiddenRows.push(rowNo);
  };
  /** <col min="6" max="6" hidden="1"/>: the columns it hides (a few: the reader asks only which are hidden). */
  const hideCols = (tag: XmlTag): void => {
    const hidden = tag.attr('hidden');
    if (hidden !== '1' && hidden !== 'true') return;
    const min = Number(tag.attr('min'));
    const max = Math.min(Number(tag.attr('max')), min + 255);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) return;
    for (let c = min; c <= max; c++) hiddenCols.push(c - 1);
  };
  const openRow = (tag: XmlTag): void => {
    const r = tag.attr('r');
    const hidden = tag.attr('hidden');
    const n = r ? Number(r) : rowNo + 2;
    // Row numbers start at 1: a row 0 (or -1, 2.5, "x") Excel calls damaged (review 14a x09); read, it was taken as the next row.
    if (!(Number.isInteger(n) && n >= 1)) throw refuse('badRowNumber');
    startRow(n, hidden === '1' || hidden === 'true');
  };

  const openOutside = (tag: XmlTag, tagName: string): void => {
    if (tagName === 'sheetData') inData = !tag.isSelfClosing;
    else if (tagName === 'mergeCell') addMerge(tag.attr('ref'));
    else if (tagName === 'autoFilter') autoFilter = tag.attr('ref') ?? autoFilter;
    else if (tagName === 'col') hideCols(tag);
    else if (tagName === 'hyperlink') {
      const ref = tag.attr('ref');
      if (ref && !ref.includes(':') && (tag.attr('r:id') ?? tag.prefixed('id')) !== undefined) links.push(ref);
    }
  };

  readXmlPart(ctx.bytes, entry, ctx.budget, {
    whole,
    open(tag, tagName) {
      if (inCell) return openInCell(tag, tagName);
      if (!inData) return openOutside(tag, tagName);
      if (tagName.length === 1 && tagName.charCodeAt(0) === C) openCell(tag);
      else if (tagName === 'row') openRow(tag);
    },
    close(tagName) {
      if (!inCell) {
        if (inData && tagName === 'sheetData') inData = false;
        return;
      }
      if (tagName.length === 1) {
        const ch = tagName.charCodeAt(0);
        if (ch === V) {
          if (capture === Capture.Value && raw === undefined) raw = buf;
          capture = Capture.None;
          return;
        }
        if (ch === C) return endCell();
        if (ch === F) {
          if (capture === Capture.Formula && formula === undefined) formula = buf;
          capture = Capture.None;
          return;
        }
      }
      if (tagName === 'is') inIs = false;
      else if (inIs) item.close(tagName);
    },
    text(t) {
      if (capture !== Capture.None) buf += t;
      else if (inIs) item.text(t);
      else if (inCell) body = true;
    },
  });

  if (mergesFound > LIMITS.mergesPerSheet) throw beyondLimit('mergesPerSheet', mergesFound);
  if (links.length) applyLinks(rows, links);
  applyMerges(rows, merges, hasFormulas ? formulas : undefined, ctx);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  const struckCells = struckAt.length ? struckOf(rows as CellValue[][], struckAt) : [];
  return {
    name,
    rows: rows as CellValue[][],
    merges,
    ...(hasFormulas ? { formulas } : {}),
    ...(hasShown ? { shownFormulas } : {}),
    ...(hiddenRows.length ? { hiddenRows: hiddenRows.sort((a, b) => a - b) } : {}),
    ...(hiddenCols.length ? { hiddenCols: [...new Set(hiddenCols)].sort((a, b) => a - b) } : {}),
    ...(struckCells.length ? { struck: struckCells } : {}),
    ...(hasStruckText ? { struckText } : {}),
    ...(autoFilter ? { autoFilter } : {}),
  };
}
