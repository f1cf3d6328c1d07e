/**
 * The kind of date format a reader gave a cell (model/grid.ts's Date subclasses: a day alone, a time its format hides,
 * a date-time shown as a serial), which a structured clone drops: the worker's grid reaches the page with plain Dates.
 * Listed where the workbook is read and put back on the page, so that the preview shows each cell as the sheet does
 * (review 19a D5) whichever side read it.
 */
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, type WorkbookGrid } from '../model/grid';

/** A date-time under a time-only format (ClockShownDate: time-not-shown's clock) crosses too: its check and its preview need it. */
const KINDS = [CalendarDate, HiddenTimeDate, SerialShownDate, ClockShownDate] as const;

/** A cell holding a Date of a kind: [sheet index, row, column, kind (index in KINDS)]. */
export type DateKindAt = [number, number, number, number];

/** The cells of the grid whose Date is of a kind (none: an empty list). */
export function dateKindsOf(grid: WorkbookGrid): DateKindAt[] {
  const out: DateKindAt[] = [];
  grid.sheets.forEach((sheet, s) =>
    sheet.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (!(v instanceof Date) || v.constructor === Date) return;
        const kind = KINDS.findIndex((k) => v instanceof k);
        if (kind >= 0) out.push([s, r, c, kind]);
      }),
    ),
  );
  return out;
}

/** Gives the listed cells their kind again (a Date of it at the same moment); the grid, changed in place. */
export function withDateKinds(grid: WorkbookGrid, kinds: readonly DateKindAt[] | undefined): WorkbookGrid {
  for (const [s, r, c, kind] of kinds ?? []) {
    const v = grid.sheets[s]?.rows[r]?.[c];
    const Kind = KINDS[kind];
    if (v instanceof Date && Kind && !(v instanceof Kind)) grid.sheets[s].rows[r][c] = new Kind(v.getTime());
  }
  return grid;
}
