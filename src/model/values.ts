/**
 * Values as the checks compare them: a time as minutes, a count as a whole
 * number, a name or number half-width without spaces. Names are memoised by
 * text, since a workbook repeats the same few thousand many times over; a time
 * is read from its character codes each time (quicker than looking it up).
 */
import { TextMemo } from './memo';
import { toHalfWidth } from './text';

const NORMS = new TextMemo((text) => toHalfWidth(text).replace(/[\s\u3000]+/g, ''));

/** Minutes since the epoch of a `YYYY-MM-DDTHH:mm` value; NaN for anything else (unreadable, missing). */
export function tm(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 16) return Number.NaN;
  return readMinutes(value);
}

const DAY = 1440;

/**
 * `minutes` moved to the day of `other`, its time of day kept (`tm` minutes): where a table keeps a time's date in a
 * column of its own (取卷日期 | 取卷时间), a finding that would not hold on the compared moment's day is about the date.
 */
export function onDayOf(minutes: number, other: number): number {
  return Math.floor(other / DAY) * DAY + (((minutes % DAY) + DAY) % DAY);
}

/** `2024-06-15T08:30` → `6月15日 08:30` (with `withYear`, `2024年6月15日 08:30`), for messages (the rules', and forms/sheet-copies.ts quoting a copy). */
export function showTime(minutes: number, withYear = false): string {
  if (Number.isNaN(minutes)) return '';
  const d = new Date(minutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${withYear ? `${d.getUTCFullYear()}年` : ''}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The months as English messages name them (engine.ts englishTimes, showDayEn). */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as English messages write it (`2024-06-15T…` → Jun 15): where a message names a day with no time, as englishTimes does not turn it. */
export function showDayEn(minutes: number): string {
  const d = new Date(minutes * 60_000);
  return `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** Read by character codes, not a regex: a large log holds tens of thousands of distinct times. */
function readMinutes(value: string): number {
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return Number.NaN;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58) return Number.NaN;
  // The same bounds as parseIso: a real calendar day, 00:00–23:59, years 1900–2200.
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || year < 1900 || year > 2200) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return (daysFromEpoch(year, month, day) * 24 + hour) * 60 + minute;
}

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Date.UTC's arithmetic, without its cost). */
function daysFromEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `length` ASCII digits at `start`; -1 if any is not a digit. */
export function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
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

/** The sum of the counts written (a blank is none); undefined when one is not a whole number ≥ 0. */
export function sumOfCounts(values: Iterable<unknown>): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (isBlankValue(v)) continue;
    const n = whole(v);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** A name or number as compared: half-width, no white space. */
export function norm(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (isCompared(text)) return text;
  return NORMS.get(text);
}

/** Whether a text is already as compared: no full-width ASCII, nothing `\s` matches (most cells; checked without a memo). */
function isCompared(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return false;
    if (c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return false;
  }
  return true;
}

/** A length of time as people say it: 30分钟, 2小时, 3小时20分. */
export function showDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分`;
}

export function showDurationEn(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
