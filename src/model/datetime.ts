/**
 * Dates and times as people write them on these forms, read into the model's
 * wall-clock form `YYYY-MM-DDTHH:mm` (or `YYYY-MM-DD`).
 *
 * Accepted: real Excel dates (a JS Date holding the wall clock in UTC, or a
 * serial number), ISO text, 2024/1/6 8:30, 2024.1.6 8:30, 2024年1月6日8时30分,
 * 8点半, 上午/下午, full-width digits, and partial forms (1月6日 8:30, 6日8时,
 * 8:30) completed from a context date — the semester's year, the session's day.
 * 元月 is 1月, 16时整 and 16时  分 (the 分 left blank as the form prints it) are 16:00.
 */
import { CalendarDate } from './grid';
import { chineseNumber, toHalfWidth } from './text';
import { daysInMonth, digits } from './values';
import { MS_PER_DAY, dateFromSerial } from './number-format';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What a partial date may borrow: the year of the semester, the day of the session. */
export interface DateContext {
  year?: number;
  /** `year` is an autumn semester's (2024秋, 第一学期): a date typed without its year in January–July falls in the next year. */
  autumn?: boolean;
  month?: number;
  day?: number;
  /** The days papers may be in the vault for the exams (考试安排: two days before the first session to the last), as YYYY-MM-DD. */
  examSpan?: { from: string; to: string };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The character code of a digit. */
const digit = (n: number): number => 48 + n;

/**
 * Made from its character codes in one flat string: a vault log's every time passes here, and the
 * template's ten pieces made ten strings and a chain of joins that each later read flattened (4× the time).
 */
export function formatWallClock(t: WallClock): string {
  const { year: y, month: mo, day: d, hour: h, minute: mi } = t;
  if (y < 1000 || y > 9999) return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
  // prettier-ignore
  return String.fromCharCode(
    digit((y / 1000) | 0), digit(((y / 100) | 0) % 10), digit(((y / 10) | 0) % 10), digit(y % 10), 45,
    digit((mo / 10) | 0), digit(mo % 10), 45, digit((d / 10) | 0), digit(d % 10), 84,
    digit((h / 10) | 0), digit(h % 10), 58, digit((mi / 10) | 0), digit(mi % 10),
  );
}

export function formatDate(t: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

function isValid(t: WallClock): boolean {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour < 0 || t.hour > 24 || t.minute < 0 || t.minute > 59) {
    return false;
  }
  return t.day <= daysInMonth(t.year, t.month) && t.year >= 1900 && t.year <= 2200;
}

/** 24:00 is how people end a day shift, 晚12时 how they say midnight: the next day's 00:00 (晚12点半 its 00:30). */
function normalizeMidnight(t: WallClock): WallClock {
  if (t.hour !== 24) return t;
  const next = new Date(Date.UTC(t.year, t.month - 1, t.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: t.minute };
}

/**
 * A date-time cell's wall clock (spreadsheet libraries hand it over in UTC) as
 * Excel shows it under a 时分 format: to the nearest second, which takes away a
 * serial's float noise (9:29:59.9996 is 9:30), then its seconds dropped
 * (7:59:40 is 7:59, never 7:60 nor 8:00).
 */
export function wallClockFromDate(d: Date): WallClock {
  // Most are whole seconds already (a time typed in minutes): no other Date made for them.
  const s = d.getUTCMilliseconds() < 500 ? d : new Date(Math.round(d.getTime() / 1000) * 1000);
  return { year: s.getUTCFullYear(), month: s.getUTCMonth() + 1, day: s.getUTCDate(), hour: s.getUTCHours(), minute: s.getUTCMinutes() };
}

function wallClockFromSerial(serial: number): WallClock {
  return wallClockFromDate(dateFromSerial(serial));
}

export function serialFromWallClock(t: WallClock): number {
  return (Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** A Date holding the wall clock in UTC, as exceljs writes date-time cells. */
export function dateFromWallClock(t: WallClock): Date {
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));
}

/** 十二 → 12, 二十三 → 23, 三十 → 30: enough for months, days and hours; a year digit by digit (二〇二五 → 2025). */
function chineseNumeralsToDigits(text: string): string {
  return text.replace(/[〇零一二两三四五六七八九十]+/g, (run) => {
    if (!run.includes('十')) return run.length <= 4 ? [...run].map((c) => chineseNumber(c)).join('') : run;
    return String(chineseNumber(run) ?? run);
  });
}

function prepare(text: string): string {
  // 元月 is how January is said (the month of every 秋 exam): 元月8日 is 1月8日.
  const withoutWeekday = toHalfWidth(text)
    .replace(/[(（]?\s*(?:星期|礼拜|周)[一二三四五六日天1-7]\s*[)）]?/g, ' ')
    .replace(/元月/g, '1月');
  return chineseNumeralsToDigits(withoutWeekday)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A time of day alone, with no day written ("0:45", "8时"). */
export function isTimeOfDay(text: string): boolean {
  return parseTimeOfDay(toHalfWidth(text)) !== undefined;
}

/**
 * The half of the day written before a time, the short forms too (晚8时 as 晚上8点, 早8时 as 早上8点):
 * longest first, so that 晚上 is not read as 晚 and a stray 上.
 */
const MERIDIEM = /^(上午|早上|早晨|凌晨|中午|下午|晚上|晚间|傍晚|夜里|夜间|深夜|半夜|AM|PM|am|pm|早|晚|夜)\s*/;
/** Words after which 1–11 o'clock is in the afternoon or evening: 晚8时 is 20:00. */
const AFTERNOON_WORDS = ['下午', '晚上', '晚间', '傍晚', '晚', 'pm'];
/** The night: 夜11时 is 23:00, but 夜里2点 and 深夜1时 are after midnight, as 凌晨 is. */
const NIGHT_WORDS = ['夜', '夜里', '夜间', '深夜', '半夜'];

/** The evening and the night, whose 12 o'clock is midnight: 晚12时, 晚上12点, 夜12时 end the day (24:00), as 凌晨12点 begins it. */
const MIDNIGHT_WORDS = ['晚上', '晚间', '晚', ...NIGHT_WORDS];

/** The hour a half-day word makes of the hour written after it. */
function hourOfHalfDay(word: string, hour: number): number {
  if (hour === 12 && MIDNIGHT_WORDS.includes(word)) return 24;
  if (hour === 12 && word === '凌晨') return 0;
  if (AFTERNOON_WORDS.includes(word)) return hour < 12 ? hour + 12 : hour;
  if (NIGHT_WORDS.includes(word)) return hour >= 6 && hour < 12 ? hour + 12 : hour;
  // 中午12点 stays 12; 中午1点 is 13.
  if (word === '中午') return hour < 11 ? hour + 12 : hour;
  return hour;
}

/** "8:30", "8时30分", "8点半", "下午2点", "晚8时", "14时" → {hour, minute}. */
function parseTimeOfDay(text: string): TimeOfDay | undefined {
  let t = text.trim();
  if (t === '') return undefined;
  const meridiem = MERIDIEM.exec(t) ?? /\s*(AM|PM|am|pm)$/.exec(t);
  if (meridiem) t = t.replace(meridiem[0], '').trim();
  // 16时整; 16时  分, the hour filled in on the form's “时  分” and the minutes left blank: 16:00.
  const m = /^(\d{1,2})\s*[:：]\s*(\d{1,2})(?:\s*[:：]\s*\d{1,2})?$/.exec(t) ?? /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分?|(半)|分)?\s*(?:钟)?\s*整?$/.exec(t);
  if (!m) return undefined;
  const written = Number(m[1]);
  const hour = meridiem ? hourOfHalfDay(meridiem[1].toLowerCase(), written) : written;
  const minute = m[3] === '半' ? 30 : m[2] !== undefined ? Number(m[2]) : 0;
  // 24:30 typed is a slip; 晚12点半 is half past midnight, the next day's 0:30.
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0 && !meridiem)) return undefined;
  return { hour, minute };
}

interface DatePart {
  year?: number;
  month?: number;
  day?: number;
  rest: string;
}

/** Splits the leading date (full or partial) from the time that follows it. */
function parseDatePart(text: string): DatePart | undefined {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Omit<DatePart, 'rest'>]> = [
    [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s*T)?/, (m) => ({ year: +m[1], month: +m[2], day: +m[3] })],
    [/^(\d{4})(\d{2})(\d{2})(?=\s|$)/, (m) => ({ year: +m[1], month: +m[2], day: +m[3] })],
    [/^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/, (m) => ({ month: +m[1], day: +m[2] })],
    [/^(\d{1,2})\s*[-/.]\s*(\d{1,2})(?=\s|$)/, (m) => ({ month: +m[1], day: +m[2] })],
    [/^(\d{1,2})\s*[日号]/, (m) => ({ day: +m[1] })],
  ];
  for (const [re, pick] of patterns) {
    const m = re.exec(text);
    if (m) return { ...pick(m), rest: text.slice(m[0].length).trim() };
  }
  return undefined;
}

/** A day named relative to the row's own day: 当日/当天/同日 (0), 次日/翌日/第二天/隔日 (+1). */
const RELATIVE_DAY = /^(当日|当天|本日|同日|次日|翌日|第二天|隔日|次晨)/;
const RELATIVE_OFFSET: Record<string, number> = { 当日: 0, 当天: 0, 本日: 0, 同日: 0, 次日: 1, 翌日: 1, 第二天: 1, 隔日: 1, 次晨: 1 };

/** Whether a time is written relative to a day (`次日8时`, `当日20时`). */
export function isRelativeDay(value: unknown): boolean {
  return typeof value === 'string' && RELATIVE_DAY.test(toHalfWidth(value).trim());
}

/** The date context of a `YYYY-MM-DDTHH:mm` value: the day a relative time counts from. */
export function dayContext(iso: unknown): DateContext | undefined {
  const t = typeof iso === 'string' ? parseIso(iso) : undefined;
  return t ? { year: t.year, month: t.month, day: t.day } : undefined;
}

/** `次日8时` read from the context's day (the row's start): undefined without a day to count from. */
function relativeWallClock(timeText: string, offset: number, ctx: DateContext): WallClock | undefined {
  const time = parseTimeOfDay(timeText);
  if (!time || ctx.year === undefined || ctx.month === undefined || ctx.day === undefined) return undefined;
  const d = new Date(Date.UTC(ctx.year, ctx.month - 1, ctx.day + offset, time.hour, time.minute));
  return wallClockFromDate(d);
}

/**
 * Reads a date-time as written. Returns undefined when the text is not a date-time
 * (the caller keeps the text for the validator). A date with no time reads as 00:00
 * only when `dateOnlyOk`; otherwise it is incomplete and undefined.
 */
export function parseWallClock(value: unknown, ctx: DateContext = {}, dateOnlyOk = false): WallClock | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    // A date shown without its time of day is incomplete where a time is asked for, as the same date typed is.
    if (value instanceof CalendarDate && !dateOnlyOk) return undefined;
    const time = timeOfDayText(value);
    if (time === undefined) return wallClockFromDate(value);
    value = time;
  }
  // The same time of day where the host gives its serial, not a Date (Excel's pane reads values alone).
  if (isTimeOfDaySerial(value)) value = timeOfDayText(dateFromSerial(value));
  if (typeof value === 'number') {
    // A bare serial: dates from 1950 to 2150 only, so that a stray count is not read as a date.
    return value > 18_264 && value < 91_315 ? wallClockFromSerial(value) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = prepare(value);
  if (text === '') return undefined;

  const relative = RELATIVE_DAY.exec(text);
  if (relative) return relativeWallClock(text.slice(relative[0].length).trim(), RELATIVE_OFFSET[relative[1]], ctx);
  const datePart = parseDatePart(text);
  const timeText = datePart ? datePart.rest : text;
  const time = parseTimeOfDay(timeText);
  if (datePart && !time && timeText !== '') return undefined;
  if (!datePart && !time) return undefined;
  if (!time && !dateOnlyOk) return undefined;

  const rolls = ctx.autumn && ctx.year !== undefined && datePart?.year === undefined && datePart?.month !== undefined && datePart.month < 8;
  const year = datePart?.year ?? (rolls ? ctx.year! + 1 : ctx.year);
  const month = datePart?.month ?? ctx.month;
  const day = datePart?.day ?? ctx.day;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const t: WallClock = { year, month, day, hour: time?.hour ?? 0, minute: time?.minute ?? 0 };
  return isValid(t) ? normalizeMidnight(t) : undefined;
}

/**
 * A time of day with no date — what Excel and WPS store for "8:05" typed into
 * a 时分 cell (a serial below 1: 1899-12-30, or 1904-01-01 in the 1904 date
 * system) — as that text, "8:05", to be read as the typed text is: on its
 * row's or form's day where it has one. Undefined for a date.
 */
function timeOfDayText(d: Date): string | undefined {
  // The day tested on the time itself (every date of every row passes here): a wall clock only for a time of day.
  const seconds = Math.round(d.getTime() / 1000);
  const day = Math.floor(seconds / 86_400);
  // Exactly its day's start is a 0 under a time format (a formula's result not worked out, a 0 typed), not a time.
  if ((day !== DATELESS_1900 && day !== DATELESS_1904) || seconds % 86_400 === 0) return undefined;
  const t = wallClockFromDate(d);
  return `${t.hour}:${pad(t.minute)}`;
}

/** The days (since 1970, in seconds' days) that a time of day with no date falls on: serial 0 in either date system. */
const DATELESS_1900 = Date.UTC(1899, 11, 30) / MS_PER_DAY;
const DATELESS_1904 = Date.UTC(1904, 0, 1) / MS_PER_DAY;

/** A serial of a time of day with no date: above 0, below 1 (a count of a fraction of one means nothing in a time's cell; 0 is no time). */
const isTimeOfDaySerial = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < 1;

/** The model's form of a date-time cell: `YYYY-MM-DDTHH:mm`, or the text as typed when unreadable (a time of day as "8:05"). */
export function readDateTime(value: unknown, ctx: DateContext = {}): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const t = parseWallClock(value, ctx);
  if (t) return formatWallClock(t);
  if (isTimeOfDaySerial(value)) return timeOfDayText(dateFromSerial(value)) ?? String(value);
  if (value instanceof CalendarDate) return calendarText(value);
  if (value instanceof Date) return timeOfDayText(value) ?? String(value);
  return typeof value === 'string' ? value.trim() || undefined : String(value);
}

/**
 * A date with no time of day after it, typed ("2024年6月15日", "6月15日") or shown so (a CalendarDate read).
 * Not "21.15": no month 21, a time written with a dot.
 */
export function isDateWithoutTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const part = parseDatePart(prepare(value));
  return part !== undefined && part.rest === '' && (part.month === undefined || (part.month >= 1 && part.month <= 12));
}

/** The half of a day written after a date (1月11日上午, 1月11日晚): on a field that asks for the date alone, it says nothing more. */
const HALF_DAY = /\s*(上午|下午|早上|早晨|中午|晚上|晚间|傍晚|夜里|夜间|深夜|半夜|凌晨|全天|早|晚|夜)\s*$/;

/** A date and the half of the day after it, no hour ("1月11日晚" → 1月11日, 晚); undefined for anything else. */
export function dateAndHalfDay(value: unknown): { date: string; half: string } | undefined {
  const m = typeof value === 'string' ? HALF_DAY.exec(value) : null;
  if (!m) return undefined;
  const date = (value as string).slice(0, m.index);
  return isDateWithoutTime(date) ? { date: date.trim(), half: m[1] } : undefined;
}

/** A date field's text without a half-day after its date: "1月11日上午", "1月11日晚" are 1月11日 (a time, "1月11日8:30", is kept). */
export function withoutHalfDay(value: unknown): unknown {
  return dateAndHalfDay(value)?.date ?? value;
}

/** A calendar date as Excel shows it in Chinese (2024/6/15), the same in both languages' messages, for the check to quote. */
function calendarText(d: CalendarDate): string {
  const t = wallClockFromDate(d);
  return `${t.year}/${t.month}/${t.day}`;
}

/** `YYYY-MM-DDTHH:mm` (or `YYYY-MM-DD`) → WallClock; undefined for anything else. */
export function parseIso(text: string | undefined): WallClock | undefined {
  // By hand, not /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/: every date of every row is parsed, some more than once.
  if (!text || (text.length !== 10 && text.length !== 16)) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || text[4] !== '-' || text[7] !== '-') return undefined;
  let hour = 0;
  let minute = 0;
  if (text.length === 16) {
    hour = digits(text, 11, 2);
    minute = digits(text, 14, 2);
    if (hour < 0 || minute < 0 || text[10] !== 'T' || text[13] !== ':') return undefined;
  }
  const t: WallClock = { year, month, day, hour, minute };
  return isValid(t) && t.hour < 24 ? t : undefined;
}

export const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Minutes since the epoch for an ISO wall-clock text, for ordering and arithmetic; NaN when unreadable. */
export function minutesOf(text: string | undefined): number {
  const t = parseIso(text);
  return t ? Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) / 60_000 : Number.NaN;
}

export function isoFromMinutes(minutes: number): string {
  return formatWallClock(wallClockFromDate(new Date(minutes * 60_000)));
}

/** The year a semester names ("2024春" / "2023-2024学年第二学期" → the later year for spring). */
export function yearOfSemester(semester: string | undefined): number | undefined {
  if (!semester) return undefined;
  const text = toHalfWidth(semester);
  const years = [...text.matchAll(/(\d{4})/g)].map((m) => Number(m[1]));
  if (years.length === 0) return undefined;
  if (years.length >= 2 && /第二|春|下学期|学年第?[2下]/.test(text)) return years[1];
  return years[0];
}

/** What a semester lends a date typed without its year: the year, and whether it is an autumn semester (its January exams fall in the next year). */
export function semesterDates(semester: string | undefined): { year?: number; autumn?: boolean } {
  const year = yearOfSemester(semester);
  if (year === undefined) return {};
  const text = toHalfWidth(semester ?? '');
  // A title's semester is written without its 学期 (2024-2025学年第一: forms/other-semester.ts), 基本信息's often with it.
  return /秋|第一学期|上学期|学年第?[一1上]/.test(text) ? { year, autumn: true } : { year };
}

/**
 * "08:30—10:00", "（8:30 - 10:00）", "8：30至10：00" → ["08:30", "10:00"];
 * the third element says the end is written as the next day's ("22:30—次日00:30",
 * "22:30—24:00", read as 00:00 of the next day).
 */
export function splitTimeRange(text: string): [string, string, boolean] | undefined {
  const m = TIME_RANGE.exec(toHalfWidth(text));
  if (!m) return undefined;
  const midnight = +m[4] === 24 && +(m[5] ?? 0) === 0;
  return [`${pad2(+m[1])}:${pad2(+(m[2] ?? 0))}`, `${pad2(midnight ? 0 : +m[4])}:${pad2(+(m[5] ?? 0))}`, Boolean(m[3]) || midnight];
}

/** What stands between a period's start and its end in one cell: 至, 到, a dash, a tilde. */
const RANGE_SEPARATOR = '(?:—|–|-|~|～|至|到|－)+';
const TIME_RANGE = new RegExp(
  `(\\d{1,2})\\s*[:：时点]\\s*(\\d{1,2})?\\s*分?\\s*${RANGE_SEPARATOR}\\s*(次日|翌日|第二天)?\\s*(\\d{1,2})\\s*[:：时点]\\s*(\\d{1,2})?`,
);
const SEPARATORS = new RegExp(RANGE_SEPARATOR, 'g');

/**
 * A period written in one cell, as 附件5 prints its line “值班时间：  年  月  日  时至  日  时”
 * filled in (“2025年1月6日16时至6日20时”, “2025.1.6 16:00-20:00”): the start any
 * date-time, the end continuing it as a 至 cell's would (“6日20时”, “20:00”, “次日8时”:
 * continuedDateTime), split at the separator after which both read. Undefined: no such split.
 */
export function splitPeriod(text: string, ctx: DateContext): [string, string] | undefined {
  const prepared = prepare(text);
  for (const m of prepared.matchAll(SEPARATORS)) {
    const start = parseWallClock(prepared.slice(0, m.index), ctx);
    if (!start) continue;
    const end = continuedDateTime(prepared.slice(m.index + m[0].length), start, ctx);
    if (end) return [formatWallClock(start), end];
  }
  return undefined;
}

/** Text that writes a period, a start and an end in one cell (至, 到, ~, a dash after a time): read or not, not one moment. */
export function isPeriodText(value: unknown): boolean {
  return typeof value === 'string' && /\S\s*(?:至|到|~|～|—|–|－|[:：时点分]\s*\d{0,2}\s*-)\s*\S/.test(toHalfWidth(value));
}

/** Any day, for a date-time written short to be tried on. */
const ANY_DAY: WallClock = { year: 2000, month: 1, day: 1, hour: 0, minute: 0 };

/**
 * A date-time written short that reads once its row gives it a day ("21:15", "6日20时", "次日8时"):
 * when that day is itself unreadable, only that cell is wrong.
 */
export function readsOnItsRowsDay(value: unknown): boolean {
  return typeof value === 'string' && continuedDateTime(value, ANY_DAY, {}) !== undefined;
}

/** The longest a row's span typed as two times of day runs past midnight: a night shift, papers out overnight. */
const OVERNIGHT_HOURS = 12;

/**
 * A date-time typed short after a full one on its row, continuing it:
 * "15日8时" after 2024-06-14 20:00 is 2024-06-15 08:00, a day before the
 * start's ("1日8时" after "31日20时") is in the next month, and a time alone
 * before the start is past midnight when that is near ("0:45" after 21:45; a
 * night shift from 20时 to "8时"). Undefined: not a date-time.
 */
export function continuedDateTime(raw: string, base: WallClock, ctx: DateContext): string | undefined {
  const read = (year: number, month: number): string | undefined => {
    const value = readDateTime(raw, { ...ctx, year, month, day: base.day, autumn: false });
    return value && ISO_DATETIME.test(value) ? value : undefined;
  };
  const same = read(base.year, base.month);
  if (!same) return undefined;
  if (isTimeOfDay(raw)) return nextDayIfOvernight(same, formatWallClock(base), OVERNIGHT_HOURS);
  const next = base.month === 12 ? read(base.year + 1, 1) : read(base.year, base.month + 1);
  return same.slice(0, 10) < formatDate(base) && next ? next : same;
}

/**
 * A time read on `base`'s day that falls before `base`, as the next day's when
 * that puts it at most `hours` after `base`: "22:30—00:30" is an evening session,
 * a return at "0:45" after a checkout at 21:45 is past midnight. Anything else
 * is kept as read, so that a time typed wrong still reads as earlier, for
 * time-order to say.
 */
export function nextDayIfOvernight(iso: string, base: string, hours: number): string {
  const t = minutesOf(iso);
  const from = minutesOf(base);
  if (!(t < from) || iso.slice(0, 10) !== base.slice(0, 10)) return iso;
  const next = t + 24 * 60;
  return next - from <= hours * 60 ? isoFromMinutes(next) : iso;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
