import fc from 'fast-check';
import {
  continuedDateTime,
  isDateWithoutTime,
  isPeriodText,
  readsOnItsRowsDay,
  splitPeriod,
  withoutHalfDay,
  minutesOf,
  nextDayIfOvernight,
  parseIso,
  parseWallClock,
  readDateTime,
  semesterDates,
  splitTimeRange,
  yearOfSemester,
  formatWallClock,
} from '../../src/model/datetime';
import { CalendarDate } from '../../src/model/grid';
import { dateKindOf, isCalendarFmt } from '../../src/model/number-format';

const iso = (value: unknown, ctx = {}) => {
  const t = parseWallClock(value, ctx);
  return t ? formatWallClock(t) : undefined;
};

describe('dates and times as people write them', () => {
  test.each([
    ['2024-06-14T09:30', '2024-06-14T09:30'],
    ['2024-06-14 09:30', '2024-06-14T09:30'],
    ['2024/6/14 9:30', '2024-06-14T09:30'],
    ['2024.6.14 9:30', '2024-06-14T09:30'],
    ['2024年6月14日9时30分', '2024-06-14T09:30'],
    ['2024年6月14日 9时30分', '2024-06-14T09:30'],
    ['2024 年 6 月 14 日 9 时 30 分', '2024-06-14T09:30'],
    ['2024年06月14日 09:30', '2024-06-14T09:30'],
    ['2024年6月14日9点30分', '2024-06-14T09:30'],
    ['2024年6月14日9点半', '2024-06-14T09:30'],
    ['2024年6月14日下午2点', '2024-06-14T14:00'],
    ['2024年6月14日 下午2:30', '2024-06-14T14:30'],
    ['2024年6月14日（星期五）9:30', '2024-06-14T09:30'],
    ['２０２４年６月１４日９时３０分', '2024-06-14T09:30'],
    ['２０２４／６／１４　９：３０', '2024-06-14T09:30'],
    ['二〇二四年六月十四日九时三十分', '2024-06-14T09:30'],
    ['2024年6月14日24时', '2024-06-15T00:00'],
    ['2025年元月8日 18:10', '2025-01-08T18:10'],
    ['2025年1月6日16时整', '2025-01-06T16:00'],
    ['2025年1月6日16时    分', '2025-01-06T16:00'],
    ['2025年1月6日16时30分整', '2025-01-06T16:30'],
  ])('%s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  test('partial dates take the year of the semester and the day of the session', () => {
    expect(iso('6月14日 9:30', { year: 2024 })).toBe('2024-06-14T09:30');
    expect(iso('6月14日9时', { year: 2024 })).toBe('2024-06-14T09:00');
    expect(iso('8:05', { year: 2024, month: 6, day: 15 })).toBe('2024-06-15T08:05');
    expect(iso('15日8时', { year: 2024, month: 6 })).toBe('2024-06-15T08:00');
    expect(iso('6月14日 9:30')).toBeUndefined();
  });

  test('real Excel dates and serial numbers', () => {
    expect(iso(new Date(Date.UTC(2024, 5, 14, 9, 30)))).toBe('2024-06-14T09:30');
    expect(iso(45457.395833333336)).toBe('2024-06-14T09:30');
    expect(iso(3)).toBeUndefined(); // a count, not a date
  });

  test('a time of day with no date (Excel\'s "8:05": 1899-12-30, or 1904-01-01 in the 1904 system) reads as the text "8:05"', () => {
    const time = new Date(Date.UTC(1899, 11, 30, 8, 5));
    expect(iso(time, { year: 2024, month: 6, day: 15 })).toBe('2024-06-15T08:05');
    expect(iso(new Date(Date.UTC(1904, 0, 1, 20, 0)), { year: 2024, month: 6, day: 15 })).toBe('2024-06-15T20:00');
    expect(iso(time)).toBeUndefined();
    expect(readDateTime(time)).toBe('8:05'); // kept as typed, for the check to quote
    expect(readDateTime(new Date(Date.UTC(1899, 11, 31, 8, 5)))).toBe('1899-12-31T08:05'); // a date, not a time of day
    // Its serial, as Excel's pane reads values alone: the same.
    expect(iso(485 / 1440, { year: 2024, month: 6, day: 15 })).toBe('2024-06-15T08:05');
    expect(readDateTime(485 / 1440)).toBe('8:05');
    // A 0 is no time (a formula's result not worked out, a 0 typed): kept for the check to quote, as before.
    expect(readDateTime(0)).toBe('0');
    expect(iso(0, { year: 2024, month: 6, day: 15 })).toBeUndefined();
    expect(readDateTime(new Date(Date.UTC(1899, 11, 30)))).toBe('1899-12-30T00:00');
    // A hair under a day rounds to the next: no time of day, kept as written rather than lost.
    expect(readDateTime(0.9999999)).toBe('0.9999999');
  });

  test('seconds, as Excel shows a 时分 format: dropped once the value is taken to the nearest second', () => {
    const at = (h: number, m: number, s: number, ms = 0) => new Date(Date.UTC(2024, 5, 15, h, m, s, ms));
    expect(iso(at(7, 59, 40))).toBe('2024-06-15T07:59'); // was 07:60, an unreadable time
    expect(iso(at(23, 59, 59))).toBe('2024-06-15T23:59'); // not the next day
    expect(iso(at(9, 29, 59, 600))).toBe('2024-06-15T09:30'); // a serial's float noise, not a second
    expect(iso(45458 + (7 * 3600 + 59 * 60 + 40) / 86400)).toBe('2024-06-15T07:59');
    expect(iso(45458 + (9 * 3600 + 30 * 60) / 86400 - 1e-9)).toBe('2024-06-15T09:30');
  });

  test.each(['', '无', '2024年13月1日 8:00', '2024年2月30日 8:00', '2024年6月14日 25:00', '下周一', '2024年6月14日'])(
    'unreadable or incomplete: %s',
    (text) => {
      expect(iso(text)).toBeUndefined();
    },
  );

  test('a date typed alone into Excel (a CalendarDate: its cell shows no time) is incomplete where a time is asked for, kept as people write a date; a date where a date is asked for', () => {
    const day = new CalendarDate(Date.UTC(2024, 5, 15));
    expect(readDateTime(day)).toBe('2024/6/15');
    expect(parseWallClock(day)).toBeUndefined();
    expect(parseWallClock(day, {}, true)).toEqual({ year: 2024, month: 6, day: 15, hour: 0, minute: 0 });
    // The same moment as a plain Date (a format with a time of day) is 00:00.
    expect(readDateTime(new Date(Date.UTC(2024, 5, 15)))).toBe('2024-06-15T00:00');
  });

  test.each([
    ['2024年6月15日', true],
    ['６月15日', true],
    ['2024/6/15', true],
    ['15日', true],
    ['2024年6月15日 8:30', false],
    ['8:30', false],
    ['六月中旬', false],
    ['21.15', false], // a time with a dot: there is no month 21
    ['12.30', true], // December 30th, as far as the text says
  ])('a date with no time after it: %s → %s', (text, dateOnly) => {
    expect(isDateWithoutTime(text)).toBe(dateOnly);
  });

  test.each([
    ['yyyy/m/d;@', true],
    ['yyyy"年"m"月"d"日"', true],
    ['mmm-yy', true],
    ['yyyy"h"m\\sd', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['yyyy/m/d h:mm', false],
    ['yyyy"年"m"月"d"日"h"时"', false],
    ['[h]:mm', false],
    ['[mm]', false],
    ['上午/下午h"时"mm"分"', false],
    ['0.00', false],
    ['General', false],
  ])('number format %s shows a day alone: %s', (fmt, calendar) => {
    expect(isCalendarFmt(fmt)).toBe(calendar);
  });

  // Review 17a N1: a time-only or elapsed format (Excel's 18–21, 45–47, 32–35, 55, 56; [h]:mm) shows no day: a clock.
  test.each([
    ['h:mm AM/PM', 'clock'],
    ['h:mm:ss AM/PM', 'clock'],
    ['h:mm', 'clock'],
    ['hh:mm:ss', 'clock'],
    ['mm:ss', 'clock'],
    ['[h]:mm:ss', 'clock'],
    ['[h]:mm', 'clock'],
    ['[mm]:ss', 'clock'],
    ['mmss.0', 'clock'],
    ['h"时"mm"分"', 'clock'],
    ['上午/下午h"时"mm"分"ss"秒"', 'clock'],
    ['[$-F400]h:mm:ss AM/PM', 'clock'],
    ['[DBNum1][$-804]h"时"mm"分"', 'clock'],
    ['m/d/yy h:mm', 'moment'],
    ['yyyy-mm-dd hh:mm', 'moment'],
    ['yyyy/m/d h:mm;@', 'moment'],
    ['m"月"d"日" h:mm', 'moment'],
    ['mmm h:mm', 'moment'],
    ['mm h:mm', 'moment'],
    ['dddd h:mm', 'moment'],
    ['aaaa h:mm', 'moment'],
    ['e"年"m"月"d"日" h:mm', 'moment'],
    ['yyyy-mm-dd \\h', 'calendar'],
    ['m/d/yy "h":mm', 'calendar'],
    ['yyyy/m/d', 'calendar'],
    ['General', undefined],
    ['@', undefined],
  ])('number format %s shows a %s', (fmt, kind) => {
    expect(dateKindOf(fmt)).toBe(kind);
  });

  test('an unreadable time is kept as typed, for the validator', () => {
    expect(readDateTime('6月15日早上', { year: 2024 })).toBe('6月15日早上');
    expect(readDateTime(null)).toBeUndefined();
  });

  test.each([
    ['2024春', 2024],
    ['2023秋', 2023],
    ['2023-2024学年第二学期', 2024],
    ['2024-2025学年第一学期', 2024],
    ['２０２４年春季学期', 2024],
    // As a form's title writes it, before its 学期 (forms/other-semester.ts).
    ['2023-2024学年第二', 2024],
    ['2023-2024学年下', 2024],
    ['2023-2024学年2', 2024],
    ['2024-2025学年第一', 2024],
    ['2024-2025学年上', 2024],
  ])('semester %s is in %d', (semester, year) => {
    expect(yearOfSemester(semester)).toBe(year);
  });

  test("an autumn semester's January exams typed without a year fall in the next year", () => {
    expect(semesterDates('2024秋')).toEqual({ year: 2024, autumn: true });
    expect(semesterDates('2024-2025学年第一学期')).toEqual({ year: 2024, autumn: true });
    expect(semesterDates('2024春')).toEqual({ year: 2024 });
    // As a form's title writes it, before its 学期.
    expect(semesterDates('2024-2025学年第一')).toEqual({ year: 2024, autumn: true });
    expect(semesterDates('2024-2025学年上')).toEqual({ year: 2024, autumn: true });
    expect(semesterDates('2024-2025学年1')).toEqual({ year: 2024, autumn: true });
    expect(semesterDates('2024-2025学年第二')).toEqual({ year: 2025 });
    expect(readDateTime('1月11日 8:10', semesterDates('2024秋'))).toBe('2025-01-11T08:10');
    expect(readDateTime('12月28日 8:10', semesterDates('2024秋'))).toBe('2024-12-28T08:10');
    expect(readDateTime('2024年1月11日 8:10', semesterDates('2024秋'))).toBe('2024-01-11T08:10');
    expect(readDateTime('1月11日 8:10', semesterDates('2025春'))).toBe('2025-01-11T08:10');
    // A time alone borrows the whole date of its row: no year is added.
    expect(readDateTime('8:10', { ...semesterDates('2024秋'), year: 2025, month: 1, day: 11, autumn: false })).toBe('2025-01-11T08:10');
  });
});

describe('a period in one cell', () => {
  const ctx = { year: 2024, autumn: true };
  test.each([
    ['2025年1月6日16时至6日20时', ['2025-01-06T16:00', '2025-01-06T20:00']],
    ['2025年1月6日20时至7日8时', ['2025-01-06T20:00', '2025-01-07T08:00']],
    ['2025.1.6 16:00-20:00', ['2025-01-06T16:00', '2025-01-06T20:00']],
    ['2025-01-06 20:00—08:00', ['2025-01-06T20:00', '2025-01-07T08:00']],
    ['1月6日20时至次日8时', ['2025-01-06T20:00', '2025-01-07T08:00']],
    ['2025年1月31日20时至1日8时', ['2025-01-31T20:00', '2025-02-01T08:00']],
    ['元月6日16时至20时', ['2025-01-06T16:00', '2025-01-06T20:00']],
  ])('%s', (text, period) => expect(splitPeriod(text, ctx)).toEqual(period));

  test.each(['2025年1月6日16时至晚上', '2025年1月6日16时', '16:00-20:00', '下周一至周二'])('not read as a period: %s', (text) => {
    expect(splitPeriod(text, ctx)).toBeUndefined();
  });

  test.each([
    ['2025年1月6日16时至晚上', true],
    ['16:00-20:00', true],
    ['2025-01-06 16:00', false],
    ['2025-13-06 16:00', false],
    ['六月中旬', false],
  ])('written as a period: %s → %s', (text, period) => expect(isPeriodText(text)).toBe(period));

  test.each([
    ['21:15', true],
    ['6日20时', true],
    ['次日8时', true],
    ['21.15', false],
    ['六月中旬', false],
  ])('reads once its row gives it a day: %s → %s', (text, reads) => expect(readsOnItsRowsDay(text)).toBe(reads));

  test('a date field ignores the half of the day written after its date, not a time', () => {
    expect(withoutHalfDay('1月11日上午')).toBe('1月11日');
    expect(withoutHalfDay('2025年1月11日 下午')).toBe('2025年1月11日');
    expect(withoutHalfDay('1月11日8:30')).toBe('1月11日8:30');
    expect(withoutHalfDay('第一场上午')).toBe('第一场上午');
    // 晚, 晚上, 夜里 as 上午: the date a date field asks for.
    expect(withoutHalfDay('1月11日晚')).toBe('1月11日');
    expect(withoutHalfDay('1月11日 晚上')).toBe('1月11日');
    expect(withoutHalfDay('2025年1月11日夜里')).toBe('2025年1月11日');
    expect(withoutHalfDay('第一场晚')).toBe('第一场晚');
  });

  test.each([
    ['晚12时', '2025-01-11T00:00'],
    ['晚上12点', '2025-01-11T00:00'],
    ['夜12时', '2025-01-11T00:00'],
    ['半夜12点', '2025-01-11T00:00'],
    ['1月10日晚12时', '2025-01-11T00:00'],
    ['晚12点半', '2025-01-11T00:30'],
    ['当日晚12时', '2025-01-11T00:00'],
    // Noon stays noon; 凌晨12点 is the day's own start.
    ['中午12时', '2025-01-10T12:00'],
    ['凌晨12点', '2025-01-10T00:00'],
    ['12:00', '2025-01-10T12:00'],
    ['24:00', '2025-01-11T00:00'],
    // 24:30 typed is no time.
    ['24:30', undefined],
  ])('midnight as people say it: %s → %s', (text, expected) => {
    expect(iso(text, { year: 2025, month: 1, day: 10 })).toBe(expected);
  });
});

describe('times past midnight', () => {
  test.each([
    ['08:30—10:00', ['08:30', '10:00', false]],
    ['（8:30 - 10:00）', ['08:30', '10:00', false]],
    ['22:30—00:30', ['22:30', '00:30', false]],
    ['22:30—次日00:30', ['22:30', '00:30', true]],
    ['22时30分至翌日0时30分', ['22:30', '00:30', true]],
    ['22:30—24:00', ['22:30', '00:00', true]],
  ])('the 时间 of a session %s', (text, range) => expect(splitTimeRange(text)).toEqual(range));

  test.each([
    ['2024-06-15T00:30', '2024-06-15T22:30', 6, '2024-06-16T00:30'],
    ['2024-06-15T09:00', '2024-06-15T10:30', 6, '2024-06-15T09:00'],
    ['2024-06-15T08:00', '2024-06-15T20:00', 12, '2024-06-16T08:00'],
    ['2024-06-15T08:01', '2024-06-15T20:00', 12, '2024-06-15T08:01'],
    ['2024-06-16T00:30', '2024-06-15T22:30', 6, '2024-06-16T00:30'],
    ['2024-06-15T23:00', '2024-06-15T22:30', 6, '2024-06-15T23:00'],
  ])('%s after %s, within %i hours: %s', (time, base, hours, read) => expect(nextDayIfOvernight(time, base, hours)).toBe(read));

  test.each([
    ['0:45', '2024-06-15T21:45', '2024-06-16T00:45'],
    ['8时', '2024-06-14T20:00', '2024-06-15T08:00'],
    ['07:20', '2024-06-15T07:45', '2024-06-15T07:20'],
    ['10:20', '2024-06-15T07:45', '2024-06-15T10:20'],
    ['16日8时', '2024-06-15T20:00', '2024-06-16T08:00'],
    ['1日8时', '2024-06-30T20:00', '2024-07-01T08:00'],
  ])('a time typed short, %s, after %s: %s', (raw, base, read) => expect(continuedDateTime(raw, parseIso(base)!, {})).toBe(read));
});

describe('ISO wall-clock texts as the model keeps them (parseIso, minutesOf)', () => {
  /** What parseIso and minutesOf were written as: a regular expression, and Date for the month's days. */
  function byRegExp(text: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
    if (!m) return Number.NaN;
    const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0];
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= days && hour < 24 && minute <= 59 && year >= 1900 && year <= 2200;
    return valid ? Date.UTC(year, month - 1, day, hour, minute) / 60_000 : Number.NaN;
  }

  test.each([
    ['2024-06-14T09:30', false],
    ['2024-02-29', false],
    ['2023-02-29', true],
    ['1900-02-29', true],
    ['2000-02-29T23:59', false],
    ['2100-02-29', true],
    ['2024-04-31', true],
    ['2024-12-31T24:00', true],
    ['2024-00-10', true],
    ['1899-12-31', true],
    ['2201-01-01', true],
    ['2024-06-14T9:30', true],
    ['2024-06-14 09:30', true],
    ['２０２４-06-14', true],
    ['2024-06-14T09:30Z', true],
    ['', true],
  ])('%s (NaN: %s)', (text, nan) => {
    expect(Number.isNaN(minutesOf(text))).toBe(nan);
    expect(minutesOf(text)).toEqual(byRegExp(text));
    expect(parseIso(text) === undefined).toBe(nan);
  });

  test('the same minutes as before for any text of its characters', () => {
    const texts = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789-T: /'.split('')), minLength: 8, maxLength: 18 }),
      fc
        .record({
          y: fc.integer({ min: 1850, max: 2250 }),
          mo: fc.integer({ min: 0, max: 13 }),
          d: fc.integer({ min: 0, max: 32 }),
          h: fc.integer({ min: 0, max: 25 }),
          mi: fc.integer({ min: 0, max: 61 }),
          time: fc.boolean(),
        })
        .map(({ y, mo, d, h, mi, time }) => {
          const two = (n: number) => String(n).padStart(2, '0');
          return `${y}-${two(mo)}-${two(d)}${time ? `T${two(h)}:${two(mi)}` : ''}`;
        }),
    );
    fc.assert(
      fc.property(texts, (text) => Object.is(minutesOf(text), byRegExp(text))),
      { numRuns: 20_000 },
    );
  });
});

describe('a wall clock written as the model keeps it (formatWallClock)', () => {
  const padded = (n: number, width = 2) => String(n).padStart(width, '0');
  const written = (t: { year: number; month: number; day: number; hour: number; minute: number }) =>
    `${padded(t.year, 4)}-${padded(t.month)}-${padded(t.day)}T${padded(t.hour)}:${padded(t.minute)}`;

  it('every minute of a day, every month and day, the years the model reads and beyond them, zero-padded', () => {
    const clocks = [];
    for (let minute = 0; minute < 24 * 60; minute++) clocks.push({ year: 2027, month: 1, day: 9, hour: Math.floor(minute / 60), minute: minute % 60 });
    for (let month = 1; month <= 12; month++) for (let day = 1; day <= 31; day++) clocks.push({ year: 2026, month, day, hour: 8, minute: 5 });
    for (const year of [1900, 1999, 2000, 2200, 999, 10_000, 12]) clocks.push({ year, month: 12, day: 31, hour: 24, minute: 0 });
    expect(clocks.map(formatWallClock)).toEqual(clocks.map(written));
    expect(formatWallClock({ year: 2027, month: 1, day: 9, hour: 7, minute: 45 })).toBe('2027-01-09T07:45');
    expect(formatWallClock({ year: 999, month: 1, day: 9, hour: 7, minute: 45 })).toBe('0999-01-09T07:45');
  });
});
