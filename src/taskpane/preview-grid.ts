/**
 * What the preview draws of a sheet around a finding's cell, as plain data (tested in Node, drawn by preview.ts):
 * each cell as Excel shows it (review 19a D5: a time typed into a 时分 column is “6:45”, not Excel's day 0
 * “1899-12-30 06:45”), a formula saved without its value said as one (D7: not an empty cell), and the columns and
 * rows the sheet hides left out (D6), as Excel leaves them out of the screen.
 */
import { type CellValue, CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, type SheetGrid, a1, cellAt, columnLetter } from '../model/grid';
import { MS_PER_DAY, formatOfDate, serialFromDate } from '../model/number-format';
import { dateByFormat } from './date-format';
import type { SiteModel } from '../model/site-model';
import { type Lang, t } from './i18n';

type UnsolvedFormulas = NonNullable<SiteModel['unsolvedFormulas']>[number];

/** Visible rows and columns shown on each side of the cell. */
const AROUND = 3;

/** One cell as the preview shows it: its text, and the whole of it (or the formula it holds) on hover. */
interface ShownCell {
  text: string;
  title?: string;
  /** A formula whose value is not in the file: its text is the tool's words, not the cell's. */
  formula?: boolean;
}

/** A row or a column shown: its number or letter, whether the sheet hides it (the finding's own), whether it follows some hidden ones. */
export interface ShownLine {
  index: number;
  head: string;
  hidden: boolean;
  /** The hidden rows or columns just before it (their numbers or letters): the preview marks the gap. */
  after: string[];
}

export interface PreviewGrid {
  cols: ShownLine[];
  rows: (ShownLine & { cells: ShownCell[] })[];
}

/** The days that a time of day with no date falls on (serial 0): Excel's 1899-12-30, and 1904-01-01 in the 1904 date system. */
const DATELESS = new Set([Date.UTC(1899, 11, 30), Date.UTC(1904, 0, 1)]);

const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day, its seconds where it has some; `hours` padded (a date's time) or as Excel's time format h:mm shows it (“6:45”). */
function clockText(d: Date, padHours = true): string {
  const s = d.getUTCSeconds();
  const h = d.getUTCHours();
  return `${padHours ? pad(h) : h}:${pad(d.getUTCMinutes())}${s ? `:${pad(s)}` : ''}`;
}

/**
 * A date as its cell shows it, by its format where the reader kept it (date-format.ts), else by the kind of format the reader found (model/grid.ts): a time alone (Excel's day 0,
 * 1899-12-30 or 1904-01-01) as the time, a day alone (CalendarDate) or a date whose format hides its time (HiddenTimeDate) as the day, a
 * date-time under General (SerialShownDate) as the serial the screen shows, one under h:mm (ClockShownDate) as its time; any other Date
 * as its day and time.
 */
function dateShown(d: Date): string {
  // As General shows it in a column of the usual width, and as time-not-shown quotes it: five decimals (45458.51042).
  if (d instanceof SerialShownDate) return String(Number(serialFromDate(d).toFixed(5)));
  const ms = d.getTime();
  const day = Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  // A time alone as Excel shows a time typed (h:mm) and as the findings quote it (“6:45”); a date-time under h:mm so too.
  if (DATELESS.has(day) || d instanceof ClockShownDate) return clockText(d, false);
  // A day (and its time) as the cell's format shows it where the reader kept it (review 20a D7): 2024年6月15日 07:45.
  const code = formatOfDate(d);
  const byFormat = code === undefined ? undefined : dateByFormat(d, code);
  if (byFormat !== undefined) return byFormat;
  const date = d.toISOString().slice(0, 10);
  if (d instanceof CalendarDate || d instanceof HiddenTimeDate) return date;
  return ms === day ? date : `${date} ${clockText(d)}`;
}

/** A cell's value as the sheet shows it; a formula without its value (`formula`, no "=") as what it is. */
function shownCell(v: CellValue, lang: Lang, formula?: string, why?: UnsolvedFormulas['why']): ShownCell {
  if (v === null && formula !== undefined) {
    return { text: t(lang, why === 'cycle' ? 'previewFormulaCycle' : 'previewFormulaNotSaved'), title: `=${formula}`, formula: true };
  }
  const text = v === null ? '' : v instanceof Date ? dateShown(v) : String(v);
  return text ? { text, title: text } : { text };
}

/**
 * The shown lines on each side of `at` (0-based), skipping those hidden: `count` of them each way where the sheet
 * has them (none left of A or above 1). The finding's own line is shown even when hidden, and says so.
 */
function linesAround(at: number, hidden: readonly number[] | undefined, head: (i: number) => string): ShownLine[] {
  const isHidden = new Set(hidden ?? []);
  const before: number[] = [];
  for (let i = at - 1; i >= 0 && before.length < AROUND; i--) if (!isHidden.has(i)) before.push(i);
  const after: number[] = [];
  // Every line past the last hidden one is shown: the walk ends.
  for (let i = at + 1; after.length < AROUND; i++) if (!isHidden.has(i)) after.push(i);
  const shown = [...before.reverse(), at, ...after];
  return shown.map((index, k) => {
    // The hidden lines just before it: between it and the line shown before it, or, for the first, those next to it.
    const gap: number[] = [];
    if (k > 0) for (let i = shown[k - 1] + 1; i < index; i++) gap.push(i);
    else for (let i = index - 1; i >= 0 && isHidden.has(i); i--) gap.unshift(i);
    return { index, head: head(index), hidden: isHidden.has(index), after: gap.map(head) };
  });
}

/** The unsolved formulas of a sheet (model.unsolvedFormulas), by cell: why each has no value here. */
export function unsolvedOn(groups: readonly UnsolvedFormulas[] | undefined, sheet: string): Map<string, UnsolvedFormulas['why']> {
  const why = new Map<string, UnsolvedFormulas['why']>();
  for (const g of groups ?? []) if (g.sheet === sheet) for (const cell of g.cells) why.set(cell, g.why);
  return why;
}

/** The cells around `at` as the preview shows them. */
export function previewGrid(
  sheet: SheetGrid,
  at: { row: number; col: number },
  lang: Lang,
  unsolved = new Map<string, UnsolvedFormulas['why']>(),
): PreviewGrid {
  const cols = linesAround(at.col, sheet.hiddenCols, columnLetter);
  const rows = linesAround(at.row, sheet.hiddenRows, (r) => String(r + 1)).map((line) => ({
    ...line,
    cells: cols.map(({ index: c }) => {
      const cell = a1(line.index, c);
      return shownCell(cellAt(sheet, line.index, c), lang, sheet.formulas?.[cell], unsolved.get(cell));
    }),
  }));
  return { cols, rows };
}
