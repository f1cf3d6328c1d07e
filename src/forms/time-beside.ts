/**
 * A header date-time split over two cells (review 12 D3): the officer undid the
 * merge of 入库时间's value (C17:H17) and typed the time beside the date — C17
 * 2024/6/14, E17 10:10. The date alone read as incomplete (“只写了日期…请补上
 * 时间”), though the time was on the form, beside it. So a date with no time of
 * day whose row goes on, before any other label, with a time of day alone in
 * its next filled cell reads as that date at that time: the cell is the field's
 * by where it stands (the value after its label, nothing between), and a time
 * alone can be no other field's value there. Anything else in that cell — a
 * count, a name, a second date — and the date stays incomplete, as before.
 */
import { CalendarDate, isBlank, type CellValue } from '../model/grid';
import { isDateWithoutTime, isTimeOfDay, parseWallClock, readDateTime, type DateContext } from '../model/datetime';
import type { SheetIndex } from './sheet-index';

/** The text of a date typed alone and of the time beside it ("2024年6月14日 10:10"), or undefined when `raw` is not so followed. */
export function withTimeBeside(
  index: SheetIndex,
  row: number,
  col: number,
  raw: CellValue,
  isLabel: (text: string) => boolean,
  ctx: DateContext,
): string | undefined {
  if (!(raw instanceof CalendarDate) && !isDateWithoutTime(raw)) return undefined;
  for (let c = index.rightEdge(row, col) + 1; c < index.width; c++) {
    const v = index.value(row, c);
    if (isBlank(v)) continue;
    if (typeof v === 'string' && isLabel(v)) return undefined;
    return dateAndTime(raw, v, ctx);
  }
  return undefined;
}

/**
 * A date alone and a time of day alone, from two cells, as one date-time's text ("2024年6月15日 7:45"); undefined when
 * `date` is no date without a time or `time` no time of day. Also a table's date column before its time column
 * (附件3 取卷日期 | 取卷时间, review 17b D6).
 */
export function dateAndTime(date: CellValue, time: CellValue, ctx: DateContext): string | undefined {
  if (!(date instanceof CalendarDate) && !isDateWithoutTime(date)) return undefined;
  const day = parseWallClock(date, ctx, true);
  if (!day) return undefined;
  const clock = clockOf(time);
  if (!clock) return undefined;
  return `${day.year}年${day.month}月${day.day}日 ${clock}`;
}

/** A time of day alone, as text ("7:45"): typed so, or a time typed into a cell Excel formats as a time (its serial below 1, a Date on Excel's day 0). */
function clockOf(time: CellValue): string | undefined {
  const clock = typeof time === 'string' ? time.trim() : time instanceof Date || typeof time === 'number' ? readDateTime(time) : undefined;
  return clock && isTimeOfDay(clock) ? clock : undefined;
}

/**
 * A time of day in a table's time column whose date column (取卷日期) gives no day as dateAndTime reads one: the time
 * on the day of a date-time there (a date typed into a cell formatted 日期时间, shown “2024/6/15 0:00”); otherwise the
 * date's cell is what is wrong, and the value says so to the checks — the time alone (“7:45”) when the date is blank,
 * the date's text and the time (“2024/6/31 7:45”, “45458 7:45”) when it is no day (invalid-datetime then points at the
 * date's cell, review 17b D6's leftover). Undefined where the time itself is no time of day: then it is what is wrong.
 */
export function timeOnUnreadDate(date: CellValue, time: CellValue): string | undefined {
  const clock = clockOf(time);
  if (!clock) return undefined;
  if (isBlank(date)) return clock;
  const day = date instanceof Date ? readDateTime(date) : undefined;
  if (day && /^\d{4}-\d{2}-\d{2}/.test(day)) return `${day.slice(0, 10)} ${clock}`;
  return `${String(date).trim()} ${clock}`;
}

/** The printed blanks of a date-time (“日期：____年__月__日__时__分”), each unit word after its number, in order. */
const BLANK_UNITS = ['年', '月', '日', '时', '分'] as const;
const UNIT_WORDS: Readonly<Record<string, (typeof BLANK_UNITS)[number]>> = { 年: '年', 月: '月', 日: '日', 号: '日', 时: '时', 点: '时', 分: '分' };

/**
 * A date-time typed into the form's printed blanks one part a cell, as a form retyped in Excel lays out its line (review
 * 23 D3): 2024 | 年 | 6 | 月 | 14 | 日 | 9 | 时 | 30 | 分 — the year beside its label, each number followed by its unit word
 * in a cell of its own, blanks between allowed. Read across as the text “2024年6月14日9时30分” (a part left blank drops
 * out: “2024年6月14日” reads as a date without its time, said so). Undefined unless `raw` is a whole number followed by 年.
 */
export function withUnitsBeside(index: SheetIndex, row: number, col: number, raw: CellValue, isLabel: (text: string) => boolean): string | undefined {
  if (!isWholeNumber(raw)) return undefined;
  let text = '';
  let number: string | undefined = String(raw).trim();
  let next = 0;
  for (let c = index.rightEdge(row, col) + 1; c < index.width && next < BLANK_UNITS.length; c++) {
    const v = index.value(row, c);
    if (isBlank(v)) continue;
    if (typeof v === 'string' && isLabel(v)) break;
    const unit = typeof v === 'string' ? UNIT_WORDS[v.replace(/\s/g, '')] : undefined;
    if (unit === undefined) {
      if (number !== undefined || !isWholeNumber(v)) break;
      number = String(v).trim();
      continue;
    }
    const at = BLANK_UNITS.indexOf(unit, next);
    // The first unit must be the year's (a count followed by 月 is no date), and they come in the form's order.
    if (at < 0 || (text === '' && unit !== '年')) return text === '' ? undefined : text;
    if (number !== undefined) text += `${number}${unit}`;
    number = undefined;
    next = at + 1;
  }
  return text === '' ? undefined : text;
}

const isWholeNumber = (v: CellValue): boolean =>
  (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && /^\s*[0-9０-９]{1,4}\s*$/.test(v));
