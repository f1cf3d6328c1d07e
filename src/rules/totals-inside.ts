/**
 * column-total's totals written inside a table (model.partTotals: 小计, 本页合计, 6月15日小计, a 合计 with rows below it;
 * forms/part-totals.ts), each against the rows it covers. Every table's counts are summed once (running sums: an intake
 * list's columns by listSums, the other tables' by running-counts.ts), so the work grows with the rows, not with rows ×
 * totals (review 22c D4; fix-totals23: a handover's 小计 each summed every row from the first).
 *
 * The tables with no 合计 row of their own (附件3's 数量, 附件4's 试卷份数, 考试安排's 报考人数; review 22b O4) are checked
 * likewise, their foot's 合计 over every row above it, and a day's 小计 (6月15日小计, 本日小计) over the rows of that day
 * (by the table's `day`: 附件3's 取卷时间). There a total over a row whose count cannot be read, or, for a day's, whose
 * day cannot, is said to be unchecked (naming that row), not called wrong.
 */
import { isExcelError } from '../model/excel-errors';
import { itemBags } from '../model/custody';
import { labelOf } from '../model/labels';
import { valueAt } from '../model/location';
import type { PartTotal } from '../model/site-model';
import type { Handover } from '../model/types';
import { totalAgrees, totalReadings, unitTotalText } from '../model/unit-total';
import { isBlankValue, whole } from './facts';
import { rowTotalWrong } from './row-total';
import { type Counted, countedOver, firstUnread, type RunningCounts, runningCounts } from './running-counts';
import type { RuleContext } from './types';

/** A handover item's count, its unit, and its bags (a box's as its 备注 says them). */
export const HANDOVER_COUNTS = { count: 'quantity', unit: 'unit', bagsOf: itemBags } as const;

export type Mismatch = { id: 'sum' | 'units'; total: string | number; sum: string | number };

/** A 合计 that counts every bag, a box's as its 备注 says them (1箱 内装8袋 and 4袋: 12): a total of one unit all the same. */
function inBags(total: unknown, bags: number | undefined): boolean {
  const written = totalReadings(total)[0];
  const [unit, n] = written && written.size === 1 ? [...written][0] : ['', undefined];
  return (unit === '' || unit === '袋') && bags !== undefined && n === bags;
}

/** What is wrong with a total over rows that add up to `c`, by unit (src/model/unit-total.ts); undefined: nothing, or not judged. */
export function unitMismatch(total: unknown, c: Counted): Mismatch | undefined {
  if (isBlankValue(total) || c.rows === 0) return undefined;
  if (c.blank > 0) return undefined; // required-field
  if (c.unread > 0 || totalReadings(total).length === 0) return undefined; // invalid-count
  // A row whose unit is not known, beside rows that name theirs: its own finding says so; the total waits for it.
  if (c.counts.has('') && c.counts.size > 1) return undefined;
  if (totalAgrees(total, c.counts) || inBags(total, c.bags)) return undefined;
  const shown = whole(total) ?? String(total).trim();
  if (c.counts.size > 1) return { id: typeof shown === 'number' ? 'units' : 'sum', total: shown, sum: unitTotalText(c.counts) };
  return { id: 'sum', total: shown, sum: [...c.counts.values()][0] ?? 0 };
}

/** The intake columns a 合计 sums. */
export const INTAKE_TOTALS = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const;

/**
 * An intake list's columns summed once for its part totals (review 22c D4: each part summed every row from the first,
 * five location lookups a row): `sums[k][j]` adds rows 0…j-1 of column k, `unread[k][j]` counts the rows among them
 * whose count is not read, `firstUnknown[k]` is the first row whose cell has a formula with no value (-1: none).
 */
interface ListSums {
  rowWrong: boolean;
  sums: Record<string, number[]>;
  unread: Record<string, number[]>;
  firstUnknown: Record<string, number>;
}

function listSums(items: unknown[], rowsAt: string, unknown: ((at: string) => boolean) | undefined): ListSums {
  const rowWrong = items.some((it) => it && rowTotalWrong(it as Record<string, unknown>));
  const sums: ListSums['sums'] = {};
  const unread: ListSums['unread'] = {};
  const firstUnknown: ListSums['firstUnknown'] = {};
  for (const k of INTAKE_TOTALS) {
    const [sum, bad] = [[0], [0]];
    items.forEach((it, j) => {
      const v = (it as Record<string, unknown> | undefined)?.[k];
      const n = isBlankValue(v) ? 0 : whole(v);
      sum.push(sum[j] + (n ?? 0));
      bad.push(bad[j] + (n === undefined ? 1 : 0));
    });
    [sums[k], unread[k]] = [sum, bad];
    // The cells of a formula with no value asked only when the workbook has one, each once.
    firstUnknown[k] = unknown ? items.findIndex((_it, j) => unknown(`${rowsAt}[${j}].${k}`)) : -1;
  }
  return { rowWrong, sums, unread, firstUnknown };
}

/** The first row among `from`…`to` (not with) whose count in column `k` is not read; undefined: none. */
function firstUnreadIn({ unread }: ListSums, k: string, from: number, to: number): number | undefined {
  const end = Math.min(to, unread[k].length - 1);
  for (let j = from; j < end; j++) if (unread[k][j + 1] > unread[k][j]) return j;
  return undefined;
}

/** Column `k`'s sum over rows `from`…`to` (not with) as sumOfCounts gives it: undefined when a count there is not read. */
function sumOver({ sums, unread }: ListSums, k: string, from: number, to: number): number | undefined {
  const end = Math.min(to, sums[k].length - 1); // as items.slice(from, to) takes them
  const start = Math.min(from, end);
  return unread[k][end] - unread[k][start] > 0 ? undefined : sums[k][end] - sums[k][start];
}

/**
 * A total row's cell as a message names it: zh “本页合计行的合计（袋）”, en “"合计（袋）" on the "本页合计" row” — the form's
 * words quoted alone, not a Chinese phrase inside an English sentence (review 22b D7).
 */
export function onRow(row: string, label: string): { field: string; fieldEn: string } {
  return { field: `${row}行的${label}`, fieldEn: `"${label}" on the "${row}" row` };
}

type Locations = RuleContext['model']['locations'];

/** A table row's 序号 as located; a row not located: its place. */
const seqOf = (locations: Locations, rowsAt: string, j: number): number => locations[`${rowsAt}[${j}]`]?.row ?? j + 1;

/** The first and last 序号 of rows `from`…`to` (not with) of a table, as located; a row not located: its place. */
function seqsOf(locations: Locations, rowsAt: string, from: number, to: number): number[] {
  return to - from <= 1 ? [seqOf(locations, rowsAt, from)] : [seqOf(locations, rowsAt, from), seqOf(locations, rowsAt, to - 1)];
}

/** The 序号 of rows `rows` (in order) as runs: zh “1–2、4”, en “1–2, 4”. */
function seqRuns(locations: Locations, rowsAt: string, rows: readonly number[]): { zh: string; en: string } {
  const runs: number[][] = [];
  for (const seq of rows.map((j) => seqOf(locations, rowsAt, j))) {
    const last = runs[runs.length - 1];
    if (last && seq === last[last.length - 1] + 1) last[1] = seq;
    else runs.push([seq]);
  }
  const shown = runs.map((r) => r.join('–'));
  return { zh: shown.join('、'), en: shown.join(', ') };
}

/** The day a day's 小计 names: its date (6月15日小计, 2024年6月15日合计), or the day of the rows just above it (本日小计). */
const NAMED_DAY = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
const SAME_DAY = /^(?:本日|当日|今日|第[一二三四五六七八九十\d]{1,3}[天日])/;

/**
 * The first row a day's 小计 covers under its day's heading (6月16日, 第二天: PartTotal.dayFrom): 本日小计 or 第二天小计
 * anywhere under it, a 小计 the first total after it; undefined: not so (a date it names is asked of the rows' days).
 * Before fix-totals24 such a 小计 covered the rows since the part before it: two days' rows where the first had no 小计.
 */
function headedDay(part: PartTotal, days: Days | undefined): number | undefined {
  const from = part.dayFrom;
  if (part.foot || from === undefined || from >= part.to) return undefined;
  if (/^小计/.test(part.word)) return from > part.from ? from : undefined;
  if (!SAME_DAY.test(part.word)) return undefined;
  // 本日小计 under rows all of one date: every row of that date above it (the heading written again on the next page).
  const day = days?.dayOf[from];
  for (let j = from + 1; day && j < part.to; j++) if (days!.dayOf[j] !== day) return from;
  return day ? undefined : from;
}

/** The day a 小计 over `rows` is said of: their one date (6月16日), else its own word's (第二天), else “这一天”. */
function dayWords(rows: readonly number[], days: Days | undefined, word: string): { day: string; dayEn: string } {
  const dates = new Set(rows.map((j) => days?.dayOf[j]));
  const [d] = dates;
  if (dates.size === 1 && d) return { day: `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`, dayEn: d };
  const own = SAME_DAY.exec(word)?.[0];
  return own ? { day: own, dayEn: `"${own}"` } : { day: '这一天', dayEn: 'that day' };
}

/** A row's day (YYYY-MM-DD) by its time: undefined when it is not read. */
const dayIn = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

/** A table's rows by their day (`day`: the rows' time), read once for its day's totals. */
interface Days {
  /** Each day's rows (their indexes), and its running counts by column key, made when first asked. */
  rows: Map<string, number[]>;
  runs: Map<string, RunningCounts>;
  /** `undated[j]`: how many of rows 0…j-1 have no day read; `lastDay[j]`: the day of the last of them with one. */
  undated: number[];
  lastDay: Array<string | undefined>;
  /** Each row's day, undefined where it is not read. */
  dayOf: Array<string | undefined>;
}

function daysOf(items: readonly unknown[], key: string): Days {
  const days: Days = { rows: new Map(), runs: new Map(), undated: [0], lastDay: [undefined], dayOf: [] };
  items.forEach((it, j) => {
    const day = dayIn((it as Record<string, unknown> | undefined)?.[key]);
    days.dayOf.push(day);
    if (day) {
      const rows = days.rows.get(day);
      if (rows) rows.push(j);
      else days.rows.set(day, [j]);
    }
    days.undated.push(days.undated[j] + (day ? 0 : 1));
    days.lastDay.push(day ?? days.lastDay[j]);
  });
  return days;
}

/** The days among `days` a day's 小计 headed `word` over rows 0…`to` (not with) covers; undefined: not a day's. */
function daysNamed(word: string, days: Days, to: number): string[] | undefined {
  if (SAME_DAY.test(word)) {
    const day = days.lastDay[Math.min(to, days.lastDay.length - 1)];
    return day ? [day] : undefined;
  }
  const m = NAMED_DAY.exec(word);
  if (!m) return undefined;
  const [, year, month, date] = m;
  const named = (d: string) => (!year || d.startsWith(year)) && Number(d.slice(5, 7)) === Number(month) && Number(d.slice(8, 10)) === Number(date);
  return [...days.rows.keys()].filter(named);
}

/** A cell's value as a message shows it: an error value, text, or nothing written. */
function shownValue(v: unknown): { shown: string; shownEn: string } {
  if (isBlankValue(v)) return { shown: '没有填写', shownEn: 'is empty' };
  const text = String(v);
  return isExcelError(v)
    ? { shown: `显示的是错误值“${text}”`, shownEn: `shows the error value "${text}"` }
    : { shown: `写的是“${text}”`, shownEn: `reads "${text}"` };
}

/** `rows`' days by their time `key`, worked out once a table. */
function daysCached(cache: Map<string, unknown>, rows: readonly unknown[], rowsAt: string, key: string): Days {
  let days = cache.get(`${rowsAt}@${key}`) as Days | undefined;
  if (!days) cache.set(`${rowsAt}@${key}`, (days = daysOf(rows, key)));
  return days;
}

/**
 * A total against the rows since each of `starts` (the part before it, its sheet's first row, the list's first): 'ok'
 * when one reading agrees or is not judged, every reading's mismatch when none agrees, else — a reading that would
 * agree or not could not be made, a count there not read — the first row not read (its index) of the first such.
 */
function judgedFrom(total: unknown, run: RunningCounts, starts: readonly number[], to: number): 'ok' | Mismatch | number {
  const judged = starts.map((from) => {
    const c = countedOver(run, from, to);
    return c.unread > 0 ? ('unread' as const) : (unitMismatch(total, c) ?? ('ok' as const));
  });
  if (judged.includes('ok')) return 'ok';
  if (judged.every((w) => typeof w === 'object')) return judged[0] as Mismatch;
  return firstUnread(run, starts[judged.indexOf('unread')], to)!;
}

/** The row `j` of a table whose `key` is not read, as the unread message names it: its 序号, its column's label, what it shows. */
function unreadRow(locations: Locations, rowsAt: string, j: number, key: string, value: unknown) {
  return { seq: seqOf(locations, rowsAt, j), label: labelOf(`${rowsAt}.${key}`), ...shownValue(value) };
}

/** A table with no 合计 row of its own: each of its total rows' figures against its rows (see the head of this file). */
function checkTableParts({ model, report }: RuleContext, part: PartTotal, i: number, items: readonly unknown[], cache: Map<string, unknown>): void {
  const rows = items as ReadonlyArray<Record<string, unknown> | null | undefined>;
  const starts = [part.from, part.start, 0].filter((from, k, all) => all.indexOf(from) === k);
  for (const [key, total] of Object.entries(part.values)) {
    if (isBlankValue(total) || totalReadings(total).length === 0) continue;
    const columns = { count: key, ...(key === 'quantity' && { unit: 'unit' }) };
    const runKey = `${part.rowsAt}.${key}`;
    let run = cache.get(runKey) as RunningCounts | undefined;
    if (!run) cache.set(runKey, (run = runningCounts(rows, columns)));
    const label = labelOf(`${part.rowsAt}.${key}`);
    const base = { total: whole(total) ?? String(total).trim(), ...onRow(part.word, label) };
    const unreadAt = (j: number) =>
      report(`partTotals[${i}].${key}`, 'unread', { ...base, ...unreadRow(model.locations, part.rowsAt, j, key, rows[j]?.[key]) });
    const days = part.day ? daysCached(cache, rows, part.rowsAt, part.day) : undefined;
    // A day's 小计 under the day's heading: the rows since the heading.
    const headed = headedDay(part, days);
    if (headed !== undefined) {
      const unread = firstUnread(run, headed, part.to);
      const wrong = unread === undefined ? unitMismatch(total, countedOver(run, headed, part.to)) : undefined;
      if (unread !== undefined) unreadAt(unread);
      if (!wrong) continue;
      const under = Array.from({ length: part.to - headed }, (_v, k) => headed + k);
      const runs = seqRuns(model.locations, part.rowsAt, under);
      report(`partTotals[${i}].${key}`, 'day', { ...base, ...dayWords(under, days, part.word), seqs: runs.zh, seqsEn: runs.en, sum: wrong.sum });
      continue;
    }
    // A day's 小计: the rows of that day above it (the day it names, or the day of the rows just above: 本日小计).

    const named = days && daysNamed(part.word, days, part.to);
    if (days && named && named.length > 0) {
      const indexes = named.flatMap((d) => days.rows.get(d)!).sort((a, b) => a - b);
      const dayKey = `${runKey}@${named.join('+')}`;
      let dayRun = cache.get(dayKey) as RunningCounts | undefined;
      if (!dayRun) cache.set(dayKey, (dayRun = runningCounts(rows, columns, indexes)));
      const c = countedOver(dayRun, 0, part.to);
      const unread = firstUnread(dayRun, 0, part.to);
      if (unread !== undefined) {
        unreadAt(unread);
        continue;
      }
      const wrong = unitMismatch(total, c);
      if (!wrong) continue;
      const runs = seqRuns(
        model.locations,
        part.rowsAt,
        indexes.filter((j) => j < part.to),
      );
      const [d] = named;
      const day = { day: `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`, dayEn: d, seqs: runs.zh, seqsEn: runs.en, sum: wrong.sum };
      const undated = Math.min(part.to, days.undated.length - 1);
      if (days.undated[undated] === 0) {
        report(`partTotals[${i}].${key}`, 'day', { ...base, ...day });
        continue;
      }
      const j = days.undated.findIndex((n) => n > 0) - 1;
      const dayLabel = labelOf(`${part.rowsAt}.${part.day}`);
      report(`partTotals[${i}].${key}`, 'undated', {
        ...base,
        ...day,
        seq: seqOf(model.locations, part.rowsAt, j),
        label: dayLabel,
        ...shownValue(rows[j]?.[part.day!]),
      });
      continue;
    }
    // Since the part before it, from its sheet's first row, or from the list's first (累计): wrong only when none of these.
    const judged = judgedFrom(total, run, starts, part.to);
    if (judged === 'ok') continue;
    if (typeof judged === 'number') {
      unreadAt(judged);
      continue;
    }
    // The table's one 合计, at its foot: said as the 合计 of a table that prints one is.
    const seqs = seqsOf(model.locations, part.rowsAt, part.from, part.to).join('–');
    report(`partTotals[${i}].${key}`, part.foot ? 'sum' : 'part', part.foot ? { ...base, sum: judged.sum } : { ...base, sum: judged.sum, seqs, seqsEn: seqs });
  }
}

/**
 * Each total of part of a table (model.partTotals: 小计, 本页合计 …) against the rows it covers: since the part before
 * it, from its sheet's first row, or from the list's first (累计) — wrong only when it is none of these.
 */
export function checkParts(ctx: RuleContext, unknown: ((at: string) => boolean) | undefined): void {
  const { model, report } = ctx;
  const lists = new Map<string, ListSums>();
  const cache = new Map<string, unknown>();
  (model.partTotals ?? []).forEach((part, i) => {
    const items = valueAt(model.data, part.rowsAt);
    if (!Array.isArray(items)) return;
    const starts = [part.from, part.start, 0].filter((from, k, all) => all.indexOf(from) === k);
    const seqs = seqsOf(model.locations, part.rowsAt, part.from, part.to);
    const said = (key: string, found: { total: string | number; sum: string | number }) => {
      const label = `${labelOf(`${part.rowsAt}.${key}`)}${key.startsWith('bags') || key === 'totalBags' ? '（袋）' : ''}`;
      report(`partTotals[${i}].${key}`, 'part', { ...found, ...onRow(part.word, label), seqs: seqs.join('–'), seqsEn: seqs.join('–') });
    };
    const unread = (key: string, total: string | number, j: number, value: unknown) => {
      const label = `${labelOf(`${part.rowsAt}.${key}`)}${key.startsWith('bags') || key === 'totalBags' ? '（袋）' : ''}`;
      report(`partTotals[${i}].${key}`, 'unread', { total, ...onRow(part.word, label), ...unreadRow(model.locations, part.rowsAt, j, key, value) });
    };
    if (/^handovers\[\d+\]\.items$/.test(part.rowsAt)) {
      let run = cache.get(part.rowsAt) as RunningCounts | undefined;
      if (!run) cache.set(part.rowsAt, (run = runningCounts(items as NonNullable<Handover['items']>, HANDOVER_COUNTS)));
      const total = part.values.quantity;
      if (isBlankValue(total) || totalReadings(total).length === 0) return; // invalid-count
      // A row whose count is not read (#N/A, 三袋半) leaves the total unchecked, said so at it: not a sum without that row.
      const judged = judgedFrom(total, run, starts, part.to);
      if (typeof judged === 'object') said('quantity', judged);
      else if (typeof judged === 'number') unread('quantity', whole(total) ?? String(total).trim(), judged, items[judged]?.quantity);
      return;
    }
    if (!/^intake(\[\d+\])?\.items$/.test(part.rowsAt)) return checkTableParts(ctx, part, i, items, cache);
    let list = lists.get(part.rowsAt);
    if (!list) lists.set(part.rowsAt, (list = listSums(items, part.rowsAt, unknown)));
    if (list.rowWrong) return; // row-total
    for (const k of INTAKE_TOTALS) {
      const total = whole(part.values[k]);
      const first = list.firstUnknown[k];
      if (total === undefined || (first >= 0 && first < part.to)) continue;
      const sums = starts.map((from) => sumOver(list, k, from, part.to));
      if (sums.includes(total)) continue;
      // A reading with a count not read (#N/A, 三袋半) might agree: the total is unchecked, said at that row.
      const at = sums.findIndex((sum) => sum === undefined);
      const j = at < 0 ? undefined : firstUnreadIn(list, k, starts[at], part.to);
      if (j !== undefined) unread(k, total, j, (items[j] as Record<string, unknown> | undefined)?.[k]);
      else said(k, { total, sum: sums[0]! });
    }
  });
}
