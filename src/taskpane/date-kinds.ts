/**
 * The kind of date format a reader gave a cell (model/grid.ts's Date subclasses: a day alone, a time its format hides,
 * a date-time shown as a serial), which a structured clone drops: the worker's grid reaches the page with plain Dates.
 * Listed where the workbook is read and put back on the page, so that the preview shows each cell as the sheet does
 * (review 19a D5) whichever side read it.
 */
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, type WorkbookGrid } from '../model/grid';
import { formatOfDate, shownBy } from '../model/number-format';

/** A date-time under a time-only format (ClockShownDate: time-not-shown's clock) crosses too: its check and its preview need it. */
const KINDS = [CalendarDate, HiddenTimeDate, SerialShownDate, ClockShownDate] as const;

/**
 * A cell holding a Date of a kind, or shown by a format the reader kept (number-format.ts shownBy: the preview shows
 * it as the sheet does): [sheet index, row, column, kind (index in KINDS; -1: a plain Date), format (index in
 * `formats`; -1: none)].
 */
type DateKindAt = [number, number, number, number, number];

/** The cells whose Date is of a kind or has its format kept, and the format codes they name (each once). */
export interface DateKinds {
  at: DateKindAt[];
  formats: string[];
}

/** The cells of the grid whose Date is of a kind or has its format kept (none: an empty list). */
export function dateKindsOf(grid: WorkbookGrid): DateKinds {
  const at: DateKindAt[] = [];
  const formats: string[] = [];
  const formatIndex = new Map<string, number>();
  grid.sheets.forEach((sheet, s) =>
    sheet.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (!(v instanceof Date)) return;
        const kind = v.constructor === Date ? -1 : KINDS.findIndex((k) => v instanceof k);
        const code = formatOfDate(v);
        if (kind < 0 && code === undefined) return;
        if (code !== undefined && !formatIndex.has(code)) formatIndex.set(code, formats.push(code) - 1);
        at.push([s, r, c, kind, code === undefined ? -1 : formatIndex.get(code)!]);
      }),
    ),
  );
  return { at, formats };
}

/** Gives the listed cells their kind and format again (a Date of it at the same moment); the grid, changed in place. */
export function withDateKinds(grid: WorkbookGrid, kinds: DateKinds | undefined): WorkbookGrid {
  for (const [s, r, c, kind, format] of kinds?.at ?? []) {
    const v = grid.sheets[s]?.rows[r]?.[c];
    if (!(v instanceof Date)) continue;
    const Kind = KINDS[kind];
    const date = Kind && !(v instanceof Kind) ? new Kind(v.getTime()) : v;
    grid.sheets[s].rows[r][c] = shownBy(date, kinds!.formats[format]);
  }
  return grid;
}
