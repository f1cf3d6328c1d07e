/**
 * Values as the checks compare them: a time as minutes, a count as a whole
 * number, a name or number half-width without spaces. Memoised by text, since
 * a workbook repeats the same few thousand values many times over.
 */
import { ISO_DATETIME, parseIso } from './datetime';
import { toHalfWidth } from './text';

const TIMES = new Map<string, number>();
const NORMS = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** Minutes since the epoch of a `YYYY-MM-DDTHH:mm` value; NaN for anything else (unreadable, missing). */
export function tm(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const known = TIMES.get(value);
  if (known !== undefined) return known;
  let m = Number.NaN;
  if (ISO_DATETIME.test(value)) {
    const t = parseIso(value);
    if (t) m = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) / 60_000;
  }
  if (TIMES.size > MEMO_LIMIT) TIMES.clear();
  TIMES.set(value, m);
  return m;
}

/** Day number (days since the epoch) of a readable date-time; NaN otherwise. */
export function dayOf(value: unknown): number {
  const m = tm(value);
  return Number.isNaN(m) ? Number.NaN : Math.floor(m / 1440);
}

/** A whole number ≥ 0, else undefined. */
export function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function isBlankValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => isBlankValue(v));
  return false;
}

/** A name or number as compared: half-width, no white space. */
export function norm(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const known = NORMS.get(text);
  if (known !== undefined) return known;
  const out = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
  if (NORMS.size > MEMO_LIMIT) NORMS.clear();
  NORMS.set(text, out);
  return out;
}
