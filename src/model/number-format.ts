/**
 * Number formats as spreadsheets keep them: which format codes show a date or
 * time, and a date serial as the wall-clock Date the grid holds. One place for
 * every reader of serials (the fast xlsx reader, the WPS adapter), the way
 * exceljs does it, so all faces give the same grid.
 */
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate } from './grid';

/** A format code that shows a date or time ("yyyy年m月d日", "h:mm"), quoted text and [colour] sections aside. */
function isDateFmt(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(withoutSections(withoutSections(fmt, '[', ']'), '"', '"'));
}

/**
 * What a date format shows: a moment (a date and its time), a calendar day alone, or a clock — a time of day (or an
 * elapsed time) with no day at all (`h:mm`, `[h]:mm`, `hh:mm:ss`, `h"时"mm"分"`).
 */
export type DateKind = 'moment' | 'calendar' | 'clock';

/**
 * The kind of date a format code shows, undefined for no date: a calendar day
 * (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `mmm-yy`) has no hour, second or AM/PM
 * outside quoted text and escapes, and no elapsed `[h]`; a clock has one of those
 * and no year, day or month (an `m` or `mm` after an hour or before a second is
 * the minute). One classifier for every reader of formats (the xlsx reader's
 * styles, WPS, Excel's pane, exceljs).
 */
export function dateKindOf(fmt: string | undefined | null): DateKind | undefined {
  if (!fmt || !isDateFmt(fmt)) return undefined;
  const unquoted = withoutSections(fmt, '"', '"').replace(/\\./g, '');
  const bare = withoutSections(unquoted, '[', ']');
  if (!/\[(?:h+|m+|s+)\]/i.test(unquoted) && !/[hs]|A\/P|上午\/下午/i.test(bare)) return 'calendar';
  // An elapsed [h] or [mm] is an hour or minute next to the m after or before it.
  return showsDay(withoutSections(unquoted.replace(/\[(h+|m+|s+)\]/gi, '$1'), '[', ']')) ? 'moment' : 'clock';
}

/**
 * Whether a format code (quoted text, escapes and [sections] taken out) shows any part of a date: a year (y, e, b, g),
 * a day or weekday (d, a), or a month — an m-run of three or more, or one or two not next to an hour before or a
 * second after (Excel's own reading of m). AM/PM, A/P and 上午/下午 are no month.
 */
function showsDay(bare: string): boolean {
  const letters = bare.replace(/AM\/PM|A\/P|上午\/下午/gi, '').match(/([a-z])\1*/gi) ?? [];
  return letters.some((run, i) => {
    const c = run[0].toLowerCase();
    if ('yebgda'.includes(c)) return true;
    if (c !== 'm') return false;
    return run.length > 2 || !(letters[i - 1]?.[0].toLowerCase() === 'h' || letters[i + 1]?.[0].toLowerCase() === 's');
  });
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
 * as a UTC Date; as its cell shows it under a format of `kind` (asShown).
 */
export function dateFromSerial(serial: number, date1904 = false, kind?: DateKind): Date {
  return asShown(msFromSerial(serial, date1904), kind, date1904);
}

/** A date serial → the milliseconds of its wall clock as a UTC time (to the millisecond). */
const msFromSerial = (serial: number, date1904: boolean): number => Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);

export const MS_PER_DAY = 86_400_000;

/** A wall clock held as a UTC Date → its date serial (days since 1899-12-30): dateFromSerial's inverse, as Value2 takes a date. */
export function serialFromDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + 25569;
}

/**
 * A date as its cell shows it under a format of `kind`: a CalendarDate when its
 * format shows no time of day (`calendar`) and it holds none — a date typed
 * alone. One with a time its format hides (a date-time cell given `yyyy/m/d`, a
 * program's output under Excel's default date format) keeps it, as a
 * HiddenTimeDate: the time is read, and the form is told its print shows none
 * (review 13a D2). A date its format shows the time of alone (`clock`: `h:mm`,
 * `[h]:mm`) is a ClockShownDate, read with its date, printed without it (review
 * 17a N1); a time alone there (a serial under 1: 0.375 is 09:00) holds no date to hide.
 */
export function asShown(ms: number, kind: DateKind | undefined, date1904 = false): Date {
  if (kind === 'clock') return ms >= msFromSerial(1, date1904) ? new ClockShownDate(ms) : new Date(ms);
  if (kind !== 'calendar') return new Date(ms);
  if (ms % MS_PER_DAY === 0) return new CalendarDate(ms);
  return hasTimeOfDay(ms) ? new HiddenTimeDate(ms) : new Date(ms);
}

/**
 * The format code each date read from a cell is shown by (the xlsx reader's), kept beside the Date rather than on it:
 * the preview shows the cell as the sheet does (review 20a D7: 2024年6月15日 07:45 under yyyy"年"m"月"d"日" hh:mm).
 */
const FORMAT_OF = new WeakMap<Date, string>();

/** `date`, its cell's format code kept (none: nothing kept). */
export function shownBy<T extends Date>(date: T, code: string | undefined): T {
  if (code) FORMAT_OF.set(date, code);
  return date;
}

/** The format code a date's cell is shown by, where the reader kept it. */
export const formatOfDate = (date: Date): string | undefined => FORMAT_OF.get(date);

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
