/**
 * A ditto mark (同上, 〃, ″) typed in a column that takes one (ColumnSpec.dittoAbove):
 * the value of the row above is read for it, so that no rule takes the mark for
 * a paper, and the cell is kept to be said (forms are signed records: each row
 * writes its paper out).
 */
import { isDittoMark } from '../model/people';
import type { CellValue } from '../model/grid';
import type { FormRecord } from './layout';
import type { SiteModel } from '../model/site-model';
import type { FormRead } from './read';

/** A cell read as the value above it: the table row (its index among the rows read), the column, the mark typed, the value carried. */
export interface CarriedRead {
  item: number;
  key: string;
  typed: string;
  value?: unknown;
}

/** Ditto marks are a character or two; a longer text is not looked at. */
const LONGEST_MARK = 6;
/** How a ditto mark begins (isDittoMark says whether it is one): a paper number or name mostly does not, and is passed by at once. */
const MARK_LEAD = /^[\s\u3000同仝〃″"“”＂]/;

/**
 * When `raw` is a ditto mark: `item[key]` takes the value the row above has
 * (none for the first row), the cell is listed in `carried`, and true is returned.
 */
export function carryDitto(raw: CellValue, key: string, item: FormRecord, above: FormRecord | undefined, i: number, carried: CarriedRead[]): boolean {
  if (typeof raw !== 'string' || raw.length > LONGEST_MARK || !MARK_LEAD.test(raw) || !isDittoMark(raw)) return false;
  const value = above?.[key];
  if (value !== undefined) item[key] = value;
  carried.push({ item: i, key, typed: raw.trim(), value });
  return true;
}

/** The table's cells kept to be said (a ditto mark read as the value above, a stray number after a 试卷号, papers parted by a space), by their paths. */
export function noteRowCells(model: SiteModel, read: Pick<FormRead, 'carried' | 'strays' | 'spaced'>, rowsAt: string, offset: number): void {
  for (const { item, key, typed, value } of read.carried) (model.carried ??= []).push({ path: `${rowsAt}[${item + offset}].${key}`, typed, value });
  for (const { item, key, ...stray } of read.strays ?? []) (model.codeStrays ??= []).push({ path: `${rowsAt}[${item + offset}].${key}`, ...stray });
  for (const { item, key, ...spaced } of read.spaced ?? []) (model.codeSpaced ??= []).push({ path: `${rowsAt}[${item + offset}].${key}`, ...spaced });
}
