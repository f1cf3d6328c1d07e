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
 *
 * fix-totals25: the printed 合计 of 附件1 and 附件2 (column-total.ts) is judged here too, by the same sums, and says so
 * likewise (it was silent); a row cannot be counted where its count is not read, is in another unit than its row's
 * (“6袋” in 箱), holds a formula saved without its value, or is a blank no rule asks for (报考人数): one finding at the
 * total, the first such row's cause and the others named (reportUncounted). A 附件2 row with no bags is not summed as 0.
 */
import { itemBags } from '../model/custody';
import { labelOf } from '../model/labels';
import { valueAt } from '../model/location';
import type { PartTotal } from '../model/site-model';
import type { Handover } from '../model/types';
import { itemCounts, type PaperNames } from '../model/item-papers';
import { totalReadings } from '../model/unit-total';
import { type Facts, intakeRowBags, isBlankValue, whole } from './facts';
import { rowTotalWrong } from './row-total';
import { countedOver, firstUnread, type RunningCounts, runningCounts } from './running-counts';
import type { RuleContext } from './types';
import { judgedBy, type Mismatch, unitMismatch, verdictOver } from './total-verdict';
import { BAG_SIZES, type Locations, NAMED_ROWS, reportUncounted, seqOf, seqRuns, shownValue, type Unknown } from './uncounted';

/** A handover item's count, its unit, and its bags (a box's as its 备注 says them). */
const HANDOVER_COUNTS = { count: 'quantity', unit: 'unit', bagsOf: itemBags } as const;

/**
 * A total of every row above it, not of its part: a running total (累计), and 以上合计 / 上述合计 — “以上” is all that is
 * above (fix-counts27; 以上小计 is still a part's). The seeds print only 合计; people write these words themselves.
 */
const FROM_FIRST = /累计|^(?:以上|上述)(?:[(（][^()（）]{0,8}[)）])?(?:合计|共计|总计)/;

/**
 * The readings of a total of part of a table (`starts`), its own first: since the part before it — a total of every
 * row above (FROM_FIRST) from the list's first row —, then from its sheet's first row and from the list's first; each once.
 */
function readingsOf(part: PartTotal): number[] {
  const own = FROM_FIRST.test(part.word) ? 0 : part.from;
  return [own, part.from, part.start, 0].filter((from, k, all) => all.indexOf(from) === k);
}

/** The intake columns a 合计 sums. */
export const INTAKE_TOTALS = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const;

/**
 * An intake list's columns summed once for its totals (review 22c D4: each part summed every row from the first, five
 * location lookups a row): `sums[k][j]` adds rows 0…j-1 of column k, `unread[k][j]` counts the rows among them whose
 * count is not read — a cell whose formula has no value here (model.unsolvedFormulas) among them — and `noBags[j]` the
 * rows with no bags written at all (required-field says each: a blank there is not 0).
 */
interface ListSums {
  rowWrong: boolean;
  sums: Record<string, number[]>;
  unread: Record<string, number[]>;
  noBags: number[];
}

function listSums(items: readonly unknown[], rowsAt: string, unknown: Unknown): ListSums {
  const rows = items as ReadonlyArray<Record<string, unknown> | null | undefined>;
  const rowWrong = rows.some((it) => it && rowTotalWrong(it));
  const rowBags = (it: Record<string, unknown>, j: number) => (BAG_SIZES.some((s) => unknown?.(`${rowsAt}[${j}].${s}`)) ? undefined : intakeRowBags(it));
  const sums: ListSums['sums'] = {};
  const unread: ListSums['unread'] = {};
  for (const k of INTAKE_TOTALS) {
    const [sum, bad] = [[0], [0]];
    rows.forEach((it, j) => {
      const v = it?.[k];
      // The cells of a formula with no value asked only when the workbook has one. A row's 合计（袋） left blank beside its
      // bags counts the bags it shows, as every check reads its bags (intakeRowBags; fix-counts26: it was 0) — not known
      // where a size is a formula with no value here (fix-counts27: it was summed as blank, the total called wrong).
      const n = unknown?.(`${rowsAt}[${j}].${k}`) ? undefined : !isBlankValue(v) ? whole(v) : k === 'totalBags' && it ? rowBags(it, j) : 0;
      sum.push(sum[j] + (n ?? 0));
      bad.push(bad[j] + (n === undefined ? 1 : 0));
    });
    [sums[k], unread[k]] = [sum, bad];
  }
  const noBags = [0];
  rows.forEach((it, j) => noBags.push(noBags[j] + (it && INTAKE_TOTALS.every((k) => isBlankValue(it[k]) && !unknown?.(`${rowsAt}[${j}].${k}`)) ? 1 : 0)));
  return { rowWrong, sums, unread, noBags };
}

/** An intake list's sums (listSums), made once a list for all its totals, the printed 合计's and the 小计s'. */
export function listSumsOf(cache: Map<string, unknown>, rowsAt: string, items: readonly unknown[], unknown: Unknown): ListSums {
  let list = cache.get(rowsAt) as ListSums | undefined;
  if (!list) cache.set(rowsAt, (list = listSums(items, rowsAt, unknown)));
  return list;
}

/** The rows among `from`…`to` (not with) whose count in column `k` is not read: the first NAMED_ROWS, and one more if any. */
function unreadRowsIn({ unread }: ListSums, k: string, from: number, to: number): number[] {
  const end = Math.min(to, unread[k].length - 1);
  const rows: number[] = [];
  for (let j = from; j < end && rows.length <= NAMED_ROWS; j++) if (unread[k][j + 1] > unread[k][j]) rows.push(j);
  return rows;
}

/** The rows among `from`…`to` (not with) of `run` whose count is not read: the first NAMED_ROWS, and one more if any. */
function unreadRowsOf(run: RunningCounts, from: number, to: number): number[] {
  const rows: number[] = [];
  for (let j = firstUnread(run, from, to); j !== undefined && rows.length <= NAMED_ROWS; j = firstUnread(run, j + 1, to)) rows.push(j);
  return rows;
}

/**
 * An intake list's total of column `k` against its rows since each of `starts` (as judgedFrom): 'ok' when one reading
 * agrees, or its own waits — a row with no bags in it (its own finding) —, else the rows whose count is not read (their
 * indexes: unreadRowsIn) where its own has one, else what its own adds up to.
 */
export function judgedList(list: ListSums, k: string, total: number, starts: readonly number[], to: number): 'ok' | number[] | Mismatch {
  const end = Math.min(to, list.sums[k].length - 1); // as items.slice(from, to) takes them
  const verdicts = starts.map((from) => {
    const start = Math.min(from, end);
    const sum = list.sums[k][end] - list.sums[k][start];
    const verdict =
      list.noBags[end] > list.noBags[start]
        ? ('waits' as const)
        : list.unread[k][end] > list.unread[k][start]
          ? ('unread' as const)
          : sum === total
            ? ('agrees' as const)
            : { id: 'sum' as const, total, sum };
    return { rows: end - start, start, verdict };
  });
  const judged = judgedBy(verdicts);
  if (judged !== 'unread') return judged;
  return unreadRowsIn(list, k, verdicts.find((v) => v.rows > 0)!.start, end);
}

/**
 * A total row's cell as a message names it: zh “本页合计行的合计（袋）”, en “"合计（袋）" on the "本页合计" row” — the form's
 * words quoted alone, not a Chinese phrase inside an English sentence (review 22b D7).
 */
export function onRow(row: string, label: string): { field: string; fieldEn: string } {
  return { field: `${row}行的${label}`, fieldEn: `"${label}" on the "${row}" row` };
}

/** The first and last 序号 of rows `from`…`to` (not with) of a table, as located; a row not located: its place. */
function seqsOf(locations: Locations, rowsAt: string, from: number, to: number): number[] {
  return to - from <= 1 ? [seqOf(locations, rowsAt, from)] : [seqOf(locations, rowsAt, from), seqOf(locations, rowsAt, to - 1)];
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

/** `rows`' days by their time `key`, worked out once a table. */
function daysCached(cache: Map<string, unknown>, rows: readonly unknown[], rowsAt: string, key: string): Days {
  let days = cache.get(`${rowsAt}@${key}`) as Days | undefined;
  if (!days) cache.set(`${rowsAt}@${key}`, (days = daysOf(rows, key)));
  return days;
}

/**
 * A total against the rows since each of `starts` (its own reading first: readingsOf; the printed 合计's, the list's
 * first row): 'ok' when one reading agrees or its own is not judged, else its own reading's mismatch, or — a count
 * there not read — the rows not read there (unreadRowsOf).
 */
export function judgedFrom(total: unknown, run: RunningCounts, starts: readonly number[], to: number): 'ok' | Mismatch | number[] {
  const verdicts = starts.map((from) => {
    const c = countedOver(run, from, to);
    return { rows: c.rows, from, verdict: c.unread > 0 ? ('unread' as const) : verdictOver(total, c) };
  });
  const judged = judgedBy(verdicts);
  if (judged !== 'unread') return judged;
  return unreadRowsOf(run, verdicts.find((v) => v.rows > 0)!.from, to);
}

/**
 * A table's rows as its totals count them: a row read apart (“1001、2045” with 数量 “2、1”: paper-rows.ts papersApart)
 * stands as its first paper's record, the others at the table's end, beyond every total — its count here is all its
 * papers' (fix-counts26: a 合计 under it added the first paper's alone). Made once a table.
 */
function rowsAsWritten(cache: Map<string, unknown>, rowsAt: string, items: readonly unknown[], several: Facts['several']): readonly Row[] {
  const rows = items as readonly Row[];
  if (several.size === 0) return rows;
  let written = cache.get(`${rowsAt}#written`) as readonly Row[] | undefined;
  if (!written) {
    const key = rowsAt === 'vaultLog' ? 'quantity' : 'copies';
    written = rows.map((row, j) => {
      const apart = several.get(`${rowsAt}[${j}]`)?.apart;
      return apart ? { ...row, [key]: apart.reduce((sum, p) => sum + p.count, 0) } : row;
    });
    cache.set(`${rowsAt}#written`, written);
  }
  return written;
}

type Row = Record<string, unknown> | null | undefined;

/** A table with no 合计 row of its own: each of its total rows' figures against its rows (see the head of this file). */
function checkTableParts(ctx: RuleContext, part: PartTotal, i: number, items: readonly unknown[], cache: Map<string, unknown>, unknown: Unknown): void {
  const { model, report } = ctx;
  const rows = rowsAsWritten(cache, part.rowsAt, items, ctx.facts.several);
  const starts = readingsOf(part);
  for (const [key, total] of Object.entries(part.values)) {
    if (isBlankValue(total) || totalReadings(total).length === 0) continue;
    const columns = {
      count: key,
      ...(key === 'quantity' && { unit: 'unit' }),
      ...(unknown && { unsolved: (j: number) => unknown(`${part.rowsAt}[${j}].${key}`) }),
      ...(key === 'candidates' && { blankUnread: true }),
    };
    const runKey = `${part.rowsAt}.${key}`;
    let run = cache.get(runKey) as RunningCounts | undefined;
    if (!run) cache.set(runKey, (run = runningCounts(rows, columns)));
    const label = labelOf(`${part.rowsAt}.${key}`);
    const base = { total: whole(total) ?? String(total).trim(), ...onRow(part.word, label) };
    const unreadAt = (unread: number[]) => reportUncounted(ctx, `partTotals[${i}].${key}`, base, part.rowsAt, unread, key, unknown);
    const days = part.day ? daysCached(cache, rows, part.rowsAt, part.day) : undefined;
    // A day's 小计 under the day's heading: the rows since the heading.
    const headed = headedDay(part, days);
    if (headed !== undefined) {
      const unread = unreadRowsOf(run, headed, part.to);
      const wrong = unread.length === 0 ? unitMismatch(total, countedOver(run, headed, part.to)) : undefined;
      if (unread.length > 0) unreadAt(unread);
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
      const unread = unreadRowsOf(dayRun, 0, part.to);
      if (unread.length > 0) {
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
    if (Array.isArray(judged)) {
      unreadAt(judged);
      continue;
    }
    // The table's one 合计, at its foot: said as the 合计 of a table that prints one is.
    // The rows of its own reading: a 累计's from the first (readingsOf).
    const seqs = seqsOf(model.locations, part.rowsAt, starts[0], part.to).join('–');
    report(`partTotals[${i}].${key}`, part.foot ? 'sum' : 'part', part.foot ? { ...base, sum: judged.sum } : { ...base, sum: judged.sum, seqs, seqsEn: seqs });
  }
}

/**
 * Each total of part of a table (model.partTotals: 小计, 本页合计 …) against the rows it covers: since the part before
 * it, from its sheet's first row, or from the list's first (累计) — wrong only when it is none of these.
 */
export function checkParts(ctx: RuleContext, unknown: Unknown, cache: Map<string, unknown>): void {
  const { model, report } = ctx;
  (model.partTotals ?? []).forEach((part, i) => {
    const items = valueAt(model.data, part.rowsAt);
    if (!Array.isArray(items)) return;
    const starts = readingsOf(part);
    const seqs = seqsOf(model.locations, part.rowsAt, starts[0], part.to);
    const judged = (key: string, total: string | number, found: 'ok' | number[] | Mismatch) => {
      if (found === 'ok') return;
      const label = `${labelOf(`${part.rowsAt}.${key}`)}${key.startsWith('bags') || key === 'totalBags' ? '（袋）' : ''}`;
      // A row whose count is not read (#N/A, 三袋半) leaves the total unchecked, said so at it: not a sum without that row.
      if (Array.isArray(found)) return reportUncounted(ctx, `partTotals[${i}].${key}`, { total, ...onRow(part.word, label) }, part.rowsAt, found, key, unknown);
      report(`partTotals[${i}].${key}`, 'part', {
        total: found.total,
        sum: found.sum,
        ...onRow(part.word, label),
        seqs: seqs.join('–'),
        seqsEn: seqs.join('–'),
      });
    };
    if (/^handovers\[\d+\]\.items$/.test(part.rowsAt)) {
      const total = part.values.quantity;
      if (isBlankValue(total) || totalReadings(total).length === 0) return; // invalid-count
      judged(
        'quantity',
        whole(total) ?? String(total).trim(),
        judgedFrom(total, handoverRun(cache, part.rowsAt, items, unknown, ctx.facts.paperNames), starts, part.to),
      );
      return;
    }
    if (!/^intake(\[\d+\])?\.items$/.test(part.rowsAt)) return checkTableParts(ctx, part, i, items, cache, unknown);
    const list = listSumsOf(cache, part.rowsAt, items, unknown);
    if (list.rowWrong) return; // row-total
    for (const k of INTAKE_TOTALS) {
      const total = whole(part.values[k]);
      if (total !== undefined) judged(k, total, judgedList(list, k, total, starts, part.to));
    }
  });
}

/**
 * A handover's items' running counts (HANDOVER_COUNTS), made once a handover for all its totals: an item writing one
 * count per paper (“2、1” beside 1001、2045) counts their sum, where they pair with its papers (itemCounts, read so by
 * invalid-count; where they do not, the total over it is not checked).
 */
export function handoverRun(cache: Map<string, unknown>, rowsAt: string, items: readonly unknown[], unknown: Unknown, names: PaperNames): RunningCounts {
  let run = cache.get(rowsAt) as RunningCounts | undefined;
  const unsolved = unknown && ((j: number) => unknown(`${rowsAt}[${j}].quantity`));
  const countOf = (it: NonNullable<Handover['items']>[number] | null | undefined) => {
    const each = it ? itemCounts(it, names) : undefined;
    return each?.paired ? each.counts.reduce((a, b) => a + b, 0) : undefined;
  };
  if (!run) cache.set(rowsAt, (run = runningCounts(items as NonNullable<Handover['items']>, { ...HANDOVER_COUNTS, countOf, ...(unsolved && { unsolved }) })));
  return run;
}
