/**
 * A total against the rows it covers, read one way (column-total: the printed 合计 and those inside a table alike,
 * totals-inside.ts): whether it agrees, waits for a row's own finding, or is wrong, and which of its readings (since
 * the part before it, from the first row …) decides.
 */
import type { Counted } from './running-counts';
import { totalAgrees, totalReadings, unitTotalText } from '../model/unit-total';
import { isBlankValue, whole } from '../model/values';

export type Mismatch = { id: 'sum' | 'units'; total: string | number; sum: string | number };

/** A 合计 that counts every bag, a box's as its 备注 says them (1箱 内装8袋 and 4袋: 12): a total of one unit all the same. */
function inBags(total: unknown, bags: number | undefined): boolean {
  const written = totalReadings(total)[0];
  const [unit, n] = written && written.size === 1 ? [...written][0] : ['', undefined];
  return (unit === '' || unit === '袋') && bags !== undefined && n === bags;
}

/**
 * A total over rows that add up to `c`, by unit (src/model/unit-total.ts): it agrees, it waits (not judged: no rows, a
 * blank count its row's own finding asks for, a unit not known, the total no count), or what is wrong with it.
 */
export function verdictOver(total: unknown, c: Counted): 'agrees' | 'waits' | Mismatch {
  if (isBlankValue(total) || c.rows === 0) return 'waits';
  if (c.blank > 0) return 'waits'; // required-field
  if (c.unread > 0 || totalReadings(total).length === 0) return 'waits'; // invalid-count
  // A row whose unit is not known, beside rows that name theirs: its own finding says so; the total waits for it.
  if (c.counts.has('') && c.counts.size > 1) return 'waits';
  if (totalAgrees(total, c.counts) || inBags(total, c.bags)) return 'agrees';
  const shown = whole(total) ?? String(total).trim();
  if (c.counts.size > 1) return { id: typeof shown === 'number' ? 'units' : 'sum', total: shown, sum: unitTotalText(c.counts) };
  return { id: 'sum', total: shown, sum: [...c.counts.values()][0] ?? 0 };
}

/** What is wrong with a total over rows that add up to `c`; undefined: nothing, or not judged. */
export function unitMismatch(total: unknown, c: Counted): Mismatch | undefined {
  const verdict = verdictOver(total, c);
  return typeof verdict === 'object' ? verdict : undefined;
}

/**
 * A total's readings, by their verdicts: 'ok' when one agrees; else its own reading (the first over any row) decides —
 * where it waits the total waits, where it cannot count a row the total is unchecked over it, else it is wrong. Another
 * reading excuses the total only by agreeing (fix-counts26: one waiting for a blank row above an earlier 小计 let every
 * later 小计 pass unjudged).
 */
export function judgedBy<V>(verdicts: ReadonlyArray<{ rows: number; verdict: 'agrees' | 'waits' | 'unread' | V }>): 'ok' | 'unread' | V {
  if (verdicts.some((v) => v.verdict === 'agrees')) return 'ok';
  const own = verdicts.find((v) => v.rows > 0)?.verdict;
  return own === undefined || own === 'agrees' || own === 'waits' ? 'ok' : own;
}
