/**
 * A site workbook as the readers give it to the rules and summaries: the data
 * model, where each value sits, and which sheet holds which form.
 */
import type { LocationMap } from './location';
import type { SiteData } from './types';

/** The forms a sheet can be: the three workbook-wide sheets and 附件1–5. */
export type FormId = 'site' | 'schedule' | 'staff' | 'handover' | 'intake' | 'vaultLog' | 'distribution' | 'duty';

/** A site workbook as read: the data, where each value sits, and which sheet is which form. */
export interface SiteModel {
  data: SiteData;
  locations: LocationMap;
  sheets: Array<{ sheet: string; form: FormId | null }>;
  /** Parts that could not be read (a table whose header row is gone). */
  problems: string[];
  /** Cells read as another cell's value: a ditto mark (同上, 〃) in a paper's cell, read as the row above's. */
  carried?: CarriedCell[];
}

/** A table cell holding a ditto mark: its path (`vaultLog[3].paperName`), the mark as typed, the value read for it (none when no row is above). */
export interface CarriedCell {
  path: string;
  typed: string;
  value?: unknown;
}
