/**
 * A day's heading gives the rows below it their day (round 23): a time typed alone under it (取卷时间 “7:50”, or its
 * 取卷日期 left blank) is that day's, until the next day's heading — it was “读不出是哪一天” on every such row, or the
 * day of an earlier heading when a later one was not read as one. Headings as read-table.ts takes them (line-shapes.ts
 * SECTION_LINE, a date alone), and the shortest way people write a day, “6-21”, “6.21” — which Excel may keep as the
 * number 6.21 — read as a heading only where it cannot be anything else: alone on its row, as its first value, in the
 * table's first text column (试卷号, where a count has no place), a month and day of the exam's dates (from two days
 * before the first session on 考试安排 to the last). Where it names such a day but which cannot be told — 6.2 is the
 * 2nd or, typed 6.20, the 20th; a day outside the exams; no 考试安排 to tell by — it is no record and no day, said at
 * its cell (invalid-datetime) rather than guessed. Part of the reader.
 */
import { CalendarDate, isBlank, type CellValue } from '../model/grid';
import { type DateContext, formatDate, wallClockFromDate } from '../model/datetime';
import { chineseNumber, toHalfWidth } from '../model/text';
import { daysInMonth } from '../model/values';
import type { SheetIndex } from './sheet-index';
import { a1 } from '../model/grid';
import { addLocation } from '../model/location-map';
import type { FormNumber } from '../model/location';
import type { SiteModel } from '../model/site-model';
import type { FormRead } from './read';

/** A day: year, month, day. */
interface Day {
  year: number;
  month: number;
  day: number;
}

/** A number written in digits or Chinese numerals (十六, 二〇二四). */
function numeral(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.includes('十')) return chineseNumber(text);
  const digits = [...text].map((c) => chineseNumber(c === '○' ? '〇' : c));
  return digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
}

/** The date a heading starts with: 年月日 (digits or numerals), y/m/d with a 2- or 4-digit year, m/d. */
const HEADING_DATE =
  /^(?:(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|(\d{4}|\d{2})\s*[/.．-]\s*(\d{1,2})\s*[/.．-]\s*(\d{1,2})|(\d{1,2})\s*[/／]\s*(\d{1,2}))/;
/** A heading that counts days (第二天, 第3日): it names another day, which one the heading does not say. */
const COUNTED_DAY = /^第\s*[一二三四五六七八九十\d]{1,3}\s*[天日]/;

/** A month and day in the context's year (an autumn semester's January–July in the next); undefined for no such day. */
function dayOf(month: number, day: number, ctx: DateContext, year?: number): Day | undefined {
  const y = year ?? (ctx.year === undefined ? undefined : ctx.autumn && month < 8 ? ctx.year + 1 : ctx.year);
  if (y === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) return undefined;
  return { year: y, month, day };
}

/** The day a heading's text names; 'other' for a heading that counts days (第二天); undefined for one naming none (上午场). */
function headingDate(text: string, ctx: DateContext): Day | 'other' | undefined {
  const t = toHalfWidth(text).trim();
  if (COUNTED_DAY.test(t)) return 'other';
  const m = HEADING_DATE.exec(t);
  if (!m) return undefined;
  const [month, day, year] = m[2] !== undefined ? [m[2], m[3], m[1]] : m[5] !== undefined ? [m[5], m[6], m[4]] : [m[7], m[8], undefined];
  const y = year === undefined ? undefined : numeral(year);
  return dayOf(numeral(month) ?? 0, numeral(day) ?? 0, ctx, y !== undefined && y < 100 ? 2000 + y : y) ?? 'other';
}

/** The row's first value left to right (a 序号 typed on it passed over) and its column. */
function firstValue(index: SheetIndex, row: number, from: number, to: number, seqCol: number | undefined): { v: CellValue; col: number } | undefined {
  for (let c = from; c <= to; c++) {
    const v = index.value(row, c);
    if (isBlank(v) || (c === seqCol && typeof v === 'number' && Number.isInteger(v))) continue;
    return { v, col: c };
  }
  return undefined;
}

/** What a table's rows are read on: the form's dates, and the day of the heading above them (none before the first). */
export type RowDates = DateContext;

/** The rows' dates under a heading `read-table.ts` took as one (a 'note' row): its day's where it names one. */
export function datesUnderHeading(index: SheetIndex, row: number, edges: Edges, ctx: DateContext, above: RowDates): RowDates {
  const first = firstValue(index, row, edges.left, edges.right, edges.header.seqCol);
  if (!first) return above;
  const day = first.v instanceof CalendarDate ? wallClockFromDate(first.v) : typeof first.v === 'string' ? headingDate(first.v, ctx) : undefined;
  if (day === undefined) return above;
  // A new object for a heading naming no day too (第二天): read-table.ts tells a heading by it (a day's 小计 starts there).
  return day === 'other' ? { ...ctx } : { ...ctx, year: day.year, month: day.month, day: day.day, autumn: false };
}

/**
 * Where a table's rows are read: its edges, its 序号 column, its first text column (试卷号: where “6.21” alone can only be
 * a day), its time columns (取卷时间, 领取时间) and the date columns beside them (取卷日期).
 */
interface Edges {
  left: number;
  right: number;
  header: { seqCol?: number };
  firstText: number | undefined;
  timeCols: ReadonlySet<number>;
  dateCols: ReadonlyMap<string, number>;
}

/** “6-21”, “6.21”, “6．21（星期五）”: a month and day with a dash or a dot, alone (a weekday, a half day, a bracket after it). */
const DOTTED_DAY =
  /^(\d{1,2})\s*[.．\-－]\s*(\d{1,2})(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:\s*(?:上午|下午|晚上|全天)场?)?(?:\s*[（(][^（()）]{0,12}[）)])?\s*[:：]?$/;

/** The days “6.21” may be: typed as text, the one; kept as a number, 6.2 is the 2nd or, typed 6.20, the 20th. */
function dottedDays(v: CellValue, ctx: DateContext): Day[] | undefined {
  if (typeof v === 'string') {
    const m = DOTTED_DAY.exec(toHalfWidth(v).trim());
    const day = m ? dayOf(Number(m[1]), Number(m[2]), ctx) : undefined;
    return day ? [day] : undefined;
  }
  if (typeof v !== 'number' || Number.isInteger(v)) return undefined;
  const m = /^(\d{1,2})\.(\d{1,2})$/.exec(String(v));
  if (!m) return undefined;
  const days = [Number(m[2]), ...(m[2].length === 1 ? [Number(m[2]) * 10] : [])].map((d) => dayOf(Number(m[1]), d, ctx));
  const read = days.filter((d): d is Day => d !== undefined);
  return read.length > 0 ? read : undefined;
}

/** A day heading written “6.21” as read: its day, or the days it may be and why none can be told. */
export type DottedHeading = { day: Day } | { unclear: { typed: string; days: string[]; span?: { from: string; to: string } }; col: number };

/**
 * A row holding “6-21” or “6.21” alone, as its first value: the day it heads, or what it may be (said at its cell). In
 * the table's first text column (试卷号), a heading wherever the exam's dates tell its day or not (round 23). In 序号 or
 * a time column (round 24: a 序号's 6.21 was passed over, a 取卷时间's a record of a day with no time), a heading only
 * where one of the days it may be is an exam's day — said at its cell where more than one is — else undefined, read as
 * before (a 序号 of 1.5, a date typed alone in a time column). `blank`: the row is blank but for its 序号.
 */
export function dottedHeading(index: SheetIndex, row: number, edges: Edges, ctx: DateContext, blank = false): DottedHeading | undefined {
  const seqCol = edges.header.seqCol;
  if (blank && (seqCol === undefined || !maySayDay(index.value(row, seqCol)))) return undefined;
  const first = firstValue(index, row, edges.left, edges.right, seqCol);
  if (!first) return undefined;
  const own = first.col === edges.firstText;
  if (blank ? first.col !== seqCol : !own && !edges.timeCols.has(first.col) && ![...edges.dateCols.values()].includes(first.col)) return undefined;
  const days = dottedDays(first.v, ctx);
  if (!days) return undefined;
  for (let c = first.col + 1; c <= edges.right; c++) if (!isBlank(index.value(row, c))) return undefined;
  const span = ctx.examSpan;
  const inSpan = span ? days.filter((d) => formatDate(d) >= span.from && formatDate(d) <= span.to) : [];
  if (inSpan.length === 1) return { day: inSpan[0] };
  if (!own && inSpan.length === 0) return undefined;
  return { unclear: { typed: String(first.v).trim(), days: days.map(formatDate), ...(span ? { span } : {}) }, col: first.col };
}

/** What a 序号 cell holds that may be “6.21”: a text, or a number not whole (a 序号 is, on most rows). */
const maySayDay = (v: CellValue): boolean => typeof v === 'string' || (typeof v === 'number' && !Number.isInteger(v));

/** The rows' dates under a heading read from “6.21”: its day's, or none (the form's) where it could not be told. */
export const datesUnderDotted = (heading: DottedHeading, ctx: DateContext): RowDates => ('day' in heading ? { ...ctx, ...heading.day, autumn: false } : ctx);

/**
 * The dates with the exam's days of a 考试安排 read added (its rows' starts; several sheets widen it): the days papers
 * may be in the vault for the exams, from two days before the first session (003 (四)) to the last session's day.
 */
export function withExamSpan(dates: DateContext, record: { rows?: unknown }): DateContext {
  const rows = Array.isArray(record.rows) ? (record.rows as Array<{ start?: unknown } | null>) : [];
  const days = rows.map((r) => r?.start).filter((s): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s));
  if (days.length === 0) return dates;
  days.sort();
  const first = new Date(`${days[0].slice(0, 10)}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - 2);
  const span = { from: first.toISOString().slice(0, 10), to: days[days.length - 1].slice(0, 10) };
  const had = dates.examSpan;
  if (had) [span.from, span.to] = [had.from < span.from ? had.from : span.from, had.to > span.to ? had.to : span.to];
  return { ...dates, examSpan: span };
}

/** Lists a sheet's day headings whose day cannot be told (`unclearHeadings[i]`, at its cell) for invalid-datetime. */
export function noteUnclearHeadings(model: SiteModel, sheet: string, read: Pick<FormRead, 'unclearHeadings'>, form: FormNumber): void {
  for (const { row, col, ...heading } of read.unclearHeadings ?? []) {
    const list = (model.unclearHeadings ??= []);
    addLocation(model.locations, `unclearHeadings[${list.length}]`, { sheet, cell: a1(row, col), form, row: null });
    list.push(heading);
  }
}
