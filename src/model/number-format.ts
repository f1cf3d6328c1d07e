/**
 * Number formats as spreadsheets keep them: which format codes show a date or
 * time, and a date serial as the wall-clock Date the grid holds. One place for
 * every reader of serials (the fast xlsx reader, the WPS adapter), the way
 * exceljs does it, so all faces give the same grid.
 */
import { CalendarDate, HiddenTimeDate, SerialShownDate } from './grid';

/** A format code that shows a date or time ("yyyy年m月d日", "h:mm"), quoted text and [colour] sections aside. */
function isDateFmt(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(withoutSections(withoutSections(fmt, '[', ']'), '"', '"'));
}

/** What a date format shows: a moment (a time, or a date and its time), or a calendar day alone. */
export type DateKind = 'moment' | 'calendar';

/**
 * The kind of date a format code shows, undefined for no date: a calendar day
 * (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `mmm-yy`) has no hour, second or AM/PM
 * outside quoted text and escapes, and no elapsed `[h]`. One classifier for
 * every reader of formats (the xlsx reader's styles, WPS, Excel's pane, exceljs).
 */
export function dateKindOf(fmt: string | undefined | null): DateKind | undefined {
  if (!fmt || !isDateFmt(fmt)) return undefined;
  const unquoted = withoutSections(fmt, '"', '"').replace(/\\./g, '');
  if (/\[(?:h+|m+|s+)\]/i.test(unquoted)) return 'moment';
  return /[hs]|A\/P|上午\/下午/i.test(withoutSections(unquoted, '[', ']')) ? 'moment' : 'calendar';
}

/** A date format that shows a calendar day alone (dateKindOf). */
export const isCalendarFmt = (fmt: string | undefined | null): boolean => dateKindOf(fmt) === 'calendar';

/**
 * The text less its `open`…`close` sections, as `/\[[^\]]*]/g` removes them,
 * in one pass: a format code of a million "[" (a hostile styles part) costs a
 * million steps, not a million squared.
 */
function withoutSections(text: string, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, at)) {
    const end = text.indexOf(close, start + 1);
    // No section closes after this one: none after it does either.
    if (end < 0) break;
    out += text.slice(at, start);
    at = end + 1;
  }
  return out + text.slice(at);
}

/**
 * A date serial (days since 1899-12-30, or since 1904-01-01) → its wall clock
 * as a UTC Date; a CalendarDate when its cell shows a day alone (asShown).
 */
export function dateFromSerial(serial: number, date1904 = false, calendar = false): Date {
  return asShown(msFromSerial(serial, date1904), calendar);
}

/** A date serial → the milliseconds of its wall clock as a UTC time (to the millisecond). */
const msFromSerial = (serial: number, date1904: boolean): number => Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);

export const MS_PER_DAY = 86_400_000;

/** A wall clock held as a UTC Date → its date serial (days since 1899-12-30): dateFromSerial's inverse, as Value2 takes a date. */
export function serialFromDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + 25569;
}

/**
 * A date as its cell shows it: a CalendarDate when its format shows no time of
 * day (`calendar`) and it holds none — a date typed alone. One with a time its
 * format hides (a date-time cell given `yyyy/m/d`, a program's output under
 * Excel's default date format) keeps it, as a HiddenTimeDate: the time is read,
 * and the form is told its print shows none (review 13a D2).
 */
export function asShown(ms: number, calendar: boolean): Date {
  if (!calendar) return new Date(ms);
  if (ms % MS_PER_DAY === 0) return new CalendarDate(ms);
  return hasTimeOfDay(ms) ? new HiddenTimeDate(ms) : new Date(ms);
}

/** A time of day in a wall clock's ms, to the minute as a time is read (wallClockFromDate): a serial's float noise about midnight is none. */
const hasTimeOfDay = (ms: number): boolean => Math.round(ms / 60_000) % 1440 !== 0;

/** The Text format (文本, `@`, built-in 49): a number under it shows as the number it is, never as a date. */
export const isTextFmt = (fmt: string | undefined | null): boolean => fmt?.trim() === '@';

/**
 * A number that a date of 2000–2099 would be (a serial, whole or with its time of day): what Excel's pane asks the
 * format of (a 序号 or a count is seldom so large), and what a Text format makes text of (numberAsShown).
 */
export const mayBeDateSerial = (v: unknown): v is number => typeof v === 'number' && v >= 36_526 && v < 73_051;

/** A whole number a day of 2000–2099 would be (45458): under 常规 / General a day's serial, shown and printed as the number. */
export const isWholeDateSerial = (v: unknown): v is number => mayBeDateSerial(v) && Number.isInteger(v);

/**
 * A number as the cell shows it under `fmt`, a format that shows no date (a date format: the number as it is): a
 * cell formatted 文本 (`@`) after a date-time was typed shows, and prints, the serial (45458.40625) as General
 * would — the grid gives that text, read as a serial kept as text (invalid-datetime's `serial`), on every face
 * alike. To the 15 digits Excel keeps
 * (45458.3229166667), which takes the float noise away. Only a number that may be a date (mayBeDateSerial); any other
 * number under `@` stays a number. Under General or a number format, a serial with a time of day is the date-time
 * it holds, shown as a number (SerialShownDate); a whole one stays a number (a code, a count).
 */
export function numberAsShown(v: number, fmt: string | undefined | null, date1904 = false): number | string | Date {
  if (!mayBeDateSerial(v) || dateKindOf(fmt)) return v;
  if (isTextFmt(fmt)) return String(Number(v.toPrecision(15)));
  const ms = msFromSerial(v, date1904);
  return hasTimeOfDay(ms) ? new SerialShownDate(ms) : v;
}
