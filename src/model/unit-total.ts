/**
 * Counts in more than one unit (附件1 数量（袋/箱）, 附件3 数量（袋/份）): each row
 * picks its unit, and a 合计 over rows of different units is given per unit,
 * the larger first — “2箱、3袋” — since 2 boxes and 3 bags are not 5 of
 * anything. A count whose unit is not known stands bare after them
 * (“2箱、3袋、12”), as its row prints it. The parts are joined by 、, not run
 * together: people write a box with the bags inside it as “1箱5袋”
 * (`boxWithBags`), which a total must not be mistaken for.
 *
 * `custody fill` writes this text, the template's formula works it out
 * (src/forms/unit-formats.ts), the reader reads a 合计 back and column-total
 * compares it.
 */
import { boxWithBags, cleanText, COUNT_WORD, countCore, countOf, parseCount, toHalfWidth } from './text';
import { isBlankValue, norm, whole } from './values';

/** The units each form's rows pick from, in the order its drop-down offers them. */
export const UNIT_CHOICES = { handovers: ['袋', '箱'], vaultLog: ['袋', '份'] } as const;

/** The order a total names its units in: the larger first. */
const UNIT_ORDER: readonly string[] = ['箱', '袋', '份'];

/** What joins a total's parts. */
export const UNIT_SEPARATOR = '、';

/** Counts by unit; the key '' holds the counts whose unit is not known. */
export type UnitCounts = ReadonlyMap<string, number>;

interface CountedRow {
  quantity?: unknown;
  unit?: unknown;
}

/** The units of `units` in the order a total names them. */
export function totalOrder(units: readonly string[]): string[] {
  const rank = (u: string) => (UNIT_ORDER.includes(u) ? UNIT_ORDER.indexOf(u) : UNIT_ORDER.length);
  return [...units].sort((a, b) => rank(a) - rank(b));
}

/** The rows' counts added up by unit (blank counts left out); undefined when a count is not a whole number ≥ 0. */
export function countsByUnit(rows: Iterable<CountedRow | null | undefined>): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (!row || isBlankValue(row.quantity)) continue;
    const n = whole(row.quantity);
    if (n === undefined) return undefined;
    const unit = norm(row.unit);
    counts.set(unit, (counts.get(unit) ?? 0) + n);
  }
  return counts;
}

/** “2箱、3袋、12”: each unit's count, the larger unit first, the count of no known unit last; '' for none. */
export function unitTotalText(counts: UnitCounts): string {
  const units = totalOrder([...counts.keys()].filter((u) => u !== ''));
  const parts = units.filter((u) => (counts.get(u) ?? 0) > 0).map((u) => `${counts.get(u)}${u}`);
  if ((counts.get('') ?? 0) > 0) parts.push(String(counts.get('')));
  return parts.join(UNIT_SEPARATOR);
}

/** A part of a total as written: a count, in digits or in words as the rows' counts are read (二箱, 十二袋), and its unit (none: ''). */
const PART = new RegExp(`^${COUNT_WORD}\\s*(箱|袋|份)?`);
/** What may stand between a total's parts: 、，, ; + and spaces, 和, 及. */
const BETWEEN = /^[\s、，,；;+＋和及]+/;

/**
 * The ways a 合计 as written reads by unit: 5 → {'': 5}; “2箱、3袋”, “2箱 3袋”,
 * “2箱3袋” → {箱: 2, 袋: 3}. “2箱3袋” may also be one count written as people
 * write a box and the bags inside it (2 boxes): that reading comes second.
 * The words around a count are nothing here either (共5袋, 合计五袋整, 5袋（含补考1袋）, 5袋，含补考1袋: `countCore`).
 * Empty when it reads as neither (words, a fraction, a unit named twice as in 5袋，6袋: invalid-count's).
 */
export function totalReadings(value: unknown): Array<Map<string, number>> {
  if (typeof value === 'number') return whole(value) === undefined ? [] : [new Map([['', value]])];
  if (typeof value !== 'string') return [];
  const text = countCore(cleanText(toHalfWidth(value)));
  const readings: Array<Map<string, number>> = [];
  const parts = partsOf(text);
  if (parts) readings.push(parts);
  const boxed = boxWithBags(text);
  if (boxed) readings.push(new Map([['箱', boxed.boxes]]));
  return readings;
}

function partsOf(text: string): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  let rest = text;
  while (rest !== '') {
    const m = PART.exec(rest);
    const n = m ? countOf(m[1]) : undefined;
    if (!m || n === undefined) return undefined;
    const unit = m[2] ?? '';
    // A unit named twice (5袋，6袋) is no total by unit: two counts of one thing, which to believe is not said.
    if (counts.has(unit)) return undefined;
    counts.set(unit, n);
    rest = rest.slice(m[0].length).replace(BETWEEN, '');
  }
  return counts.size > 0 ? counts : undefined;
}

/**
 * A 合计 cell as the reader keeps it: a count in more than one unit as
 * written (“2箱、3袋”, “2箱3袋”); else as any count is read (6, “6袋” → 6).
 */
export function totalAsRead(raw: unknown): number | string | undefined {
  if (typeof raw !== 'string') return parseCount(raw);
  const text = cleanText(toHalfWidth(raw));
  const parts = partsOf(countCore(text));
  return parts && nonZero(parts).size > 1 ? text : parseCount(raw);
}

/** The counts that are not 0. */
function nonZero(counts: UnitCounts): Map<string, number> {
  return new Map([...counts].filter(([, n]) => n > 0));
}

/**
 * Whether a written total states these counts. A total of one count agrees
 * with rows of one unit that add up to it, whichever unit either names (a
 * plain 6 under rows in 袋, as people write it, or 6袋 over rows whose unit is
 * not known); otherwise every unit's count must be the rows' own.
 */
function agrees(written: UnitCounts, counts: UnitCounts): boolean {
  const [w, c] = [nonZero(written), nonZero(counts)];
  if (w.size <= 1 && c.size <= 1) {
    const [wu, wn] = [...w][0] ?? ['', 0];
    const [cu, cn] = [...c][0] ?? ['', 0];
    return wn === cn && (wu === cu || wu === '' || cu === '');
  }
  return w.size === c.size && [...w].every(([u, n]) => c.get(u) === n);
}

/** Whether a 合计 as written agrees with the rows' counts by unit, read either way it can be (`totalReadings`). */
export function totalAgrees(value: unknown, counts: UnitCounts): boolean {
  return totalReadings(value).some((written) => agrees(written, counts));
}

/**
 * A 合计 as compared across a handover's two copies: the same counts by unit
 * written the same (“2箱3袋” as “2箱、3袋”, 6 as “6”); text that reads as no
 * count, as typed.
 */
export function totalKey(value: unknown): string {
  const reading = totalReadings(value)[0];
  return reading ? unitTotalText(reading) || '0' : norm(value);
}
