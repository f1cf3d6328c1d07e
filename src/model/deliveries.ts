/**
 * Which delivery each intake list (附件2) took in, and when the vault holds
 * papers. A unit that receives papers more than once keeps one list per
 * delivery (docs/领域说明.md, 校验规则): intake-before-receipt, intake-late and
 * inventory-mismatch judge each list against its own delivery, duty-gap and the
 * summary's duty coverage ask for duty only while the vault holds papers.
 */
import { custodyOf, fromBelow, handoverBags } from './custody';
import { intakeLists } from './intake';
import type { Handover, Intake, SiteData } from './types';
import { isBlankValue, norm, sumOfCounts, whole } from './values';
import { paperCode } from './paper-code';
import { disposalRows } from './disposal';
import { type Arrival, firstWhere, indexArrivals, type ListFacts, sharedDeliveries, splitFrom, sumBags } from './shared-delivery';

/** Each intake list's delivery (`lists[k]`, incoming handover indices), and the deliveries no list took in. */
export interface Deliveries {
  lists: number[][];
  /**
   * The lists that took in one delivery together (one list per 保密柜 or room, 附件2 备注), each group in time
   * order; every list of a group has the same `lists[k]`. Lists of their own delivery are in no group.
   */
  shared: number[][];
  /** Received after every list was signed, and no list wants them: no list records them (one list per delivery). */
  unlisted: number[];
}

type Time = (value: string | undefined) => number;

const MEMO = new WeakMap<SiteData, Map<Time, Deliveries>>();

/**
 * Which incoming handovers each intake list took in (its delivery). A handover
 * whose items name papers of one list only belongs to it; otherwise to the
 * first list (of those it names, if it names several) taken in at or after it
 * arrived, else to the last. A handover that arrived after every list was
 * signed (all their times readable) is no list's — a post-exam return, a
 * supplement nobody listed.
 *
 * Then each list left with no delivery takes one, by papers and bag counts as
 * well as time: its 入库时间 was typed early, before its own delivery (which
 * intake-before-receipt says at its cell). The delivery is the next one in time
 * — a day's handovers — when what follows has one to spare (a later list holding
 * two deliveries, or one no list holds), passing along a run of lists that hold
 * one each; or when the next list's only delivery matches this list's bags
 * better than its own. A delivery whose items name only another list's papers,
 * or whose bags match where it is better, is not moved. One pass over the lists
 * in time order: linear but for the sorts.
 *
 * A list that took in part of the delivery just before it — the papers split
 * over two 保密柜 or rooms, one list each — shares that delivery with the list
 * holding it (splitFrom): no list takes a delivery for it. Where the handovers name no papers (only bags: 备注
 * “九科”), the lists after the delivery are its parts when their bags make it up and the first list's alone do not.
 */
export function deliveriesOf(data: SiteData, time: Time): Deliveries {
  let byTime = MEMO.get(data);
  if (!byTime) MEMO.set(data, (byTime = new Map()));
  let known = byTime.get(time);
  if (!known) byTime.set(time, (known = pairDeliveries(data, time)));
  return known;
}

function pairDeliveries(data: SiteData, time: Time): Deliveries {
  const lists = intakeLists(data);
  const out = lists.map((): number[] => []);
  if (lists.length === 0) return { lists: out, shared: [], unlisted: [] };
  const facts = lists.map(({ list }, k): ListFacts => ({ k, t: time(list.time), bags: bagsOnList(list), papers: papersOn(list) }));
  const ordered = facts.filter((l) => !Number.isNaN(l.t)).sort((a, b) => a.t - b.t || a.k - b.k);
  const latest = ordered.length === lists.length ? ordered[ordered.length - 1] : undefined;
  const named = paperNamer(lists.map(({ list }) => list));
  const { direction } = custodyOf(data);
  const arrivals: Arrival[] = [];
  (data.handovers ?? []).forEach((h, i) => {
    if (direction[i] !== 'in') return;
    const t = time(h?.time);
    arrivals.push({ i, t, day: Number.isNaN(t) ? Number.NaN : Math.floor(t / 1440), bags: h ? handoverBags(h) : undefined, ...named(h) });
  });
  // In time order (those whose time cannot be read last), so that each bucket is: a day's deliveries come first.
  arrivals.sort((x, y) => (Number.isNaN(x.t) ? 1 : 0) - (Number.isNaN(y.t) ? 1 : 0) || x.t - y.t || x.i - y.i);
  const after: Arrival[] = [];
  const buckets = lists.map((): Arrival[] => []);
  for (const a of arrivals) {
    if (latest && a.t > latest.t) after.push(a);
    else buckets[listOf(a, ordered, lists.length)].push(a);
  }
  const index = indexArrivals(arrivals);
  const split = (p: number) => splitFrom(p, ordered, buckets, index);
  repair(ordered, buckets, after, facts, split);
  const shared = sharedDeliveries(ordered, split);
  for (const [host, ...parts] of shared) for (const k of parts) buckets[k] = buckets[host];
  const indices = (b: readonly Arrival[]) => b.map((a) => a.i).sort((x, y) => x - y);
  buckets.forEach((b, k) => out[k].push(...indices(b)));
  return { lists: out, shared, unlisted: indices(after) };
}

/**
 * The intake lists that took in only papers coming back up the chain (`fromBelow`: a 分校 taking back its 考点's
 * papers after the exam, on their own list as 使用说明 asks): not new stock. The papers were counted when they
 * first came from above, so a paper's copies (copies-short, the summary's bags and copies) leave these lists out.
 * A list with no delivery, or with any from above, is stock.
 */
export function takenBackLists(data: SiteData, time: Time): Set<number> {
  const { level } = custodyOf(data);
  const back = new Set<number>();
  deliveriesOf(data, time).lists.forEach((delivery, k) => {
    if (delivery.length > 0 && delivery.every((i) => data.handovers?.[i] && fromBelow(data.handovers[i], data.site, level))) back.add(k);
  });
  return back;
}

/** The list a handover goes to before repair (see deliveriesOf). */
function listOf(a: Arrival, ordered: readonly ListFacts[], count: number): number {
  if (count === 1) return 0;
  if (a.named.length === 1) return a.named[0];
  const pool = a.named.length > 1 ? ordered.filter((l) => a.named.includes(l.k)) : ordered;
  if (pool.length === 0) return a.named[a.named.length - 1] ?? count - 1;
  const next = Number.isNaN(a.t) ? undefined : firstAtOrAfter(pool, a.t);
  return (next ?? pool[pool.length - 1]).k;
}

/** The first list of `pool` (in time order) taken in at or after `t`. */
function firstAtOrAfter(pool: readonly ListFacts[], t: number): ListFacts | undefined {
  return pool[firstWhere(pool, (l) => l.t >= t)];
}

/**
 * The handovers of a bucket (in time order) that may move together as one delivery: those of the first day that
 * has any, with a readable time, none whose items name the papers of the bucket's own list (`home`) alone — the
 * deliveries no list holds have no home. Reads only up to the end of that day.
 */
function firstDelivery(bucket: readonly Arrival[], home: number | undefined): Arrival[] {
  const delivery: Arrival[] = [];
  for (const a of bucket) {
    if (delivery.length > 0 && a.day !== delivery[0].day) break;
    if (!(a.named.length === 1 && a.named[0] === home) && !Number.isNaN(a.t)) delivery.push(a);
  }
  return delivery;
}

/** How well a delivery fits a list: its items name the list's papers (2), its bags are a total the list gives (1). */
function fit(delivery: readonly Arrival[], list: ListFacts | undefined): number {
  if (!list) return 0;
  const names = delivery.some((a) => a.named.includes(list.k)) ? 2 : 0;
  const bags = sumBags(delivery);
  return names + (bags !== undefined && list.bags.has(bags) ? 1 : 0);
}

/** A delivery may go to a list when none of its handovers names only other lists' papers. */
const mayGo = (delivery: readonly Arrival[], list: ListFacts) => delivery.every((a) => a.named.length === 0 || a.named.includes(list.k));

/** Gives each list left with no delivery the one its early 入库时间 hid (see deliveriesOf). */
function repair(
  ordered: readonly ListFacts[],
  buckets: Arrival[][],
  after: Arrival[],
  facts: readonly ListFacts[],
  split: (p: number) => ListFacts | undefined,
): void {
  for (let p = 0; p < ordered.length; p++) {
    const list = ordered[p];
    // A list that took in part of the delivery before it takes none of its own.
    if (buckets[list.k].length > 0 || split(p)) continue;
    // The last list (all times readable): the deliveries after it, as many as its bags say.
    if (p === ordered.length - 1) {
      if (ordered.length === facts.length) fillFromAfter(list, buckets[list.k], after);
      continue;
    }
    // A run of lists holding one delivery each, up to one with a delivery to spare (or the deliveries no list holds).
    let q = p + 1;
    while (q < ordered.length && isOneDelivery(buckets[ordered[q].k], ordered[q].k)) q++;
    const last = q < ordered.length ? buckets[ordered[q].k] : after;
    const spare = firstDelivery(last, ordered[q]?.k);
    const steps = spare.length > 0 && (last === after || spare.length < last.length) ? shiftable(ordered, buckets, after, p, q) : undefined;
    if (steps) {
      for (const { from, delivery, to } of steps) move(from, delivery, buckets[to]);
      continue;
    }
    // Nothing to spare: the next list's one delivery, when its papers or bags fit this list better than their own.
    const next = firstDelivery(buckets[ordered[p + 1].k], ordered[p + 1].k);
    if (next.length > 0 && mayGo(next, list) && fit(next, list) > fit(next, ordered[p + 1])) move(buckets[ordered[p + 1].k], next, buckets[list.k]);
  }
}

/** Moves a delivery from one bucket to another, which stays in time order. */
function move(from: Arrival[], delivery: readonly Arrival[], to: Arrival[]): void {
  const moving = new Set(delivery);
  from.splice(0, from.length, ...from.filter((a) => !moving.has(a)));
  to.push(...delivery);
  to.sort((x, y) => (Number.isNaN(x.t) ? 1 : 0) - (Number.isNaN(y.t) ? 1 : 0) || x.t - y.t || x.i - y.i);
}

/** List `k`'s bucket holds one day's handovers, all movable: exactly one delivery. */
function isOneDelivery(bucket: readonly Arrival[], k: number): boolean {
  return bucket.length > 0 && firstDelivery(bucket, k).length === bucket.length;
}

/** The moves that pass one delivery back along lists p+1..q (q: the one with a spare, or the unlisted), or undefined when one does not fit. */
function shiftable(
  ordered: readonly ListFacts[],
  buckets: Arrival[][],
  after: Arrival[],
  p: number,
  q: number,
): Array<{ from: Arrival[]; delivery: Arrival[]; to: number }> | undefined {
  const steps: Array<{ from: Arrival[]; delivery: Arrival[]; to: number }> = [];
  for (let s = p + 1; s <= q; s++) {
    const from = s < ordered.length ? buckets[ordered[s].k] : after;
    const delivery = firstDelivery(from, ordered[s]?.k);
    const to = ordered[s - 1];
    // Moved only where it fits the earlier list at least as well as where it is.
    if (!mayGo(delivery, to) || fit(delivery, to) < fit(delivery, ordered[s])) return undefined;
    steps.push({ from, delivery, to: to.k });
  }
  return steps;
}

/** The first day's deliveries after every list, then later ones while the bags still fall short of the list's total. */
function fillFromAfter(list: ListFacts, bucket: Arrival[], after: Arrival[]): void {
  const first = firstDelivery(after, undefined);
  if (first.length === 0 || !mayGo(first, list)) return;
  const moving = [...first];
  let bags = sumBags(first);
  const most = Math.max(...list.bags);
  for (const a of after) {
    if (moving.includes(a)) continue;
    if (bags === undefined || a.bags === undefined || list.bags.has(bags) || bags + a.bags > most || !mayGo([a], list)) break;
    bags += a.bags;
    moving.push(a);
  }
  move(after, moving, bucket);
}

/** The totals a list gives (its rows by envelope size, its rows' 合计（袋）, its 合计 row): any of them may be the one that is right. */
function bagsOnList(list: Intake): Set<number> {
  const totals = new Set<number>();
  const items = (list.items ?? []).filter((it) => it && !isBlankValue([it.paperNo, it.bags31, it.bags26, it.bags11, it.bags5, it.totalBags]));
  // A row that writes no envelope size gives no total by size (its 合计（袋） may).
  const bySize = items.map((it) =>
    isBlankValue([it.bags31, it.bags26, it.bags11, it.bags5]) ? undefined : sumOfCounts([it.bags31, it.bags26, it.bags11, it.bags5]),
  );
  if (items.length && bySize.every((b) => b !== undefined)) totals.add(bySize.reduce<number>((s, b) => s + b!, 0));
  const byRow = items.map((it) => whole(it.totalBags));
  if (items.length && byRow.every((b) => b !== undefined)) totals.add(byRow.reduce<number>((s, b) => s + b!, 0));
  const total = whole(list.totals?.totalBags);
  if (total !== undefined) totals.add(total);
  return totals;
}

/**
 * Which lists a handover's items name (试卷归属, 备注 carry paper numbers: "1001 高等数学基础", "内装5袋：3205、3310"):
 * each run of letters and digits looked up among the lists' papers, so a workbook of many papers is read once.
 */
function paperNamer(lists: readonly Intake[]): (h: Handover | null | undefined) => Pick<Arrival, 'named' | 'papers'> {
  const byPaper = new Map<string, number[]>();
  const odd: Array<[string, number]> = [];
  lists.forEach((list, k) => {
    for (const it of list.items ?? []) {
      const p = paperCode(it?.paperNo);
      if (!p) continue;
      if (!/^[0-9A-Za-z]+$/.test(p)) odd.push([p, k]);
      else if (!byPaper.get(p)?.includes(k)) byPaper.set(p, [...(byPaper.get(p) ?? []), k]);
    }
  });
  return (h) => {
    const text = (h?.items ?? []).map((it) => norm(`${it?.destination ?? ''}${it?.note ?? ''}`)).join('|');
    const found = new Set<number>();
    const papers = new Set<string>();
    const add = (paper: string, k: number) => void (found.add(k), papers.add(paper));
    for (const run of text.match(/[0-9A-Za-z]+/g) ?? []) for (const k of byPaper.get(paperCode(run)) ?? []) add(paperCode(run), k);
    // A paper number with other characters in it (rare) is looked for as written.
    for (const [p, k] of odd) if (text.includes(p)) add(p, k);
    return { named: [...found].sort((a, b) => a - b), papers };
  };
}

/** The papers on a list (试卷号 as compared, as paperNamer looks them up). */
function papersOn(list: Intake): string[] {
  return (list.items ?? []).map((it) => paperCode(it?.paperNo)).filter((p) => p !== '');
}

/** A paper still sealed in the vault: held at least until `t`, its session's end. */
export interface Sealed {
  t: number;
  paperNo: string;
}

/**
 * The papers of each intake list (by its index; not a list taken back from below) that never left the
 * vault: no checkout at or after the list's 入库, and not handed to a room on 附件4 — 0 candidates, or a
 * session whose checkout is not written. Such a paper is held at least until its session ends (the latest end after the intake);
 * per list, the latest of them. None where the workbook keeps no vault log: its papers leave on
 * handover sheets (custody.ts lastSentWithoutLog). A checkout whose time cannot be read counts as
 * one that left (its own finding says so). `anyEnd`: every paper's session taken to end after its intake (someNeverLeft).
 */
export function sealedPapers(data: SiteData, time: Time, anyEnd = false): ReadonlyMap<number, Sealed> {
  const sealed = new Map<number, Sealed>();
  const disposal = disposalRows(data);
  if (!(data.vaultLog ?? []).some((row) => row)) return sealed;
  // Each paper's last checkout (NaN: one whose time cannot be read, counted as gone), in one pass: logs run to 50,000 rows.
  const lastOut = new Map<string, number>();
  const wentOut = (paperNo: unknown, t: number) => {
    const paper = paperCode(paperNo);
    const known = lastOut.get(paper);
    if (paper && !Number.isNaN(known ?? 0)) lastOut.set(paper, Number.isNaN(t) || known === undefined ? t : Math.max(known, t));
  };
  // A row out to be destroyed (model/disposal.ts) is not when the paper left for its exam: a spare kept would be held no longer.
  (data.vaultLog ?? []).forEach((row, i) => {
    if (row && !disposal[i]) wentOut(row.paperNo, time(row.takenAt));
  });
  // A paper handed to rooms on 附件4 left the vault, its checkout unwritten: distribution-outside-custody says so, once.
  for (const sheet of data.distributions ?? []) for (const row of sheet?.rows ?? []) wentOut(row?.paperNo, time(sheet?.start));
  const ends = new Map<string, number>();
  for (const session of data.schedule ?? []) {
    const paper = paperCode(session?.paperNo);
    const end = Number.isNaN(time(session?.end)) ? time(session?.start) : time(session?.end);
    if (paper && !Number.isNaN(end) && !(end <= (ends.get(paper) ?? -Infinity))) ends.set(paper, end);
  }
  const back = takenBackLists(data, time);
  intakeLists(data).forEach(({ list }, k) => {
    const from = time(list.time);
    if (back.has(k) || Number.isNaN(from)) return;
    for (const item of list.items ?? []) {
      const paper = paperCode(item?.paperNo);
      const end = anyEnd ? Infinity : ends.get(paper);
      const out = lastOut.get(paper);
      const left = out !== undefined && (Number.isNaN(out) || out >= from);
      if (!paper || left || end === undefined || end <= from) continue;
      if (!(end <= (sealed.get(k)?.t ?? -Infinity))) sealed.set(k, { t: end, paperNo: String(item?.paperNo ?? '').trim() });
    }
  });
  return sealed;
}

/**
 * Whether a paper on an intake list never left the vault (sealedPapers, whatever its session's end): the custody
 * period then runs on to its session's end, which 考试安排 gives — unknown where that could not be read.
 */
export const someNeverLeft = (data: SiteData, time: Time): boolean => sealedPapers(data, time, true).size > 0;

/** The latest of `sealedPapers`: how long the vault holds a paper that never left; undefined when none. */
export function lastSealed(sealed: ReadonlyMap<number, Sealed>): Sealed | undefined {
  let last: Sealed | undefined;
  for (const s of sealed.values()) if (!last || s.t > last.t) last = s;
  return last;
}

/**
 * When the vault holds papers (minutes, merged, in order): from each
 * delivery's intake to the last checkout of its papers, or to `lastCheckout`
 * for a delivery none of whose papers left yet; and on, while one of its
 * papers never left, to that paper's session's end (`sealed`: `sealedPapers`, which the callers
 * also ask for the last of, worked out once). Between two deliveries whose
 * papers do not meet — a site examining on two weekends — the vault is empty
 * and no duty is asked. A list taken in before its own delivery arrived
 * (intake-before-receipt's finding) holds its papers from that delivery. []
 * when no intake list has a readable time.
 */
export function custodyPeriods(data: SiteData, time: Time, lastCheckout: number, sealed: ReadonlyMap<number, Sealed>): Array<[number, number]> {
  // Each paper's last checkout: the last of its checkouts after a list's intake, when there is one after it.
  const lastOut = new Map<string, number>();
  const disposal = disposalRows(data);
  (data.vaultLog ?? []).forEach((row, i) => {
    const paper = paperCode(row?.paperNo);
    const t = time(row?.takenAt);
    if (paper && t > (lastOut.get(paper) ?? -Infinity) && !disposal[i]) lastOut.set(paper, t);
  });
  const periods: Array<[number, number]> = [];
  intakeLists(data).forEach(({ list }, k) => {
    const from = Math.max(time(list.time), receiptOf(data, time, k));
    if (Number.isNaN(from)) return;
    const outs = (list.items ?? []).map((it) => lastOut.get(paperCode(it?.paperNo)) ?? Number.NaN).filter((t) => t >= from);
    const out = outs.length ? outs.reduce((a, b) => Math.max(a, b)) : lastCheckout;
    // A paper of the list that never left holds the vault until its session's end, after the others went out.
    const to = Math.max(Number.isNaN(out) ? from : out, sealed.get(k)?.t ?? -Infinity);
    periods.push([from, Math.max(from, to)]);
  });
  return union(periods);
}

/**
 * When list `k`'s own delivery arrived (its first handover), where that is after its 入库时间 — the list's time is
 * then in question (intake-before-receipt) and its custody begins at the delivery; -Infinity otherwise.
 */
export function receiptOf(data: SiteData, time: Time, k: number): number {
  let first = Number.POSITIVE_INFINITY;
  for (const i of deliveriesOf(data, time).lists[k] ?? []) {
    const t = time(data.handovers?.[i]?.time);
    if (t < first) first = t;
  }
  const from = time(intakeLists(data)[k]?.list.time);
  return Number.isFinite(first) && first > from ? first : Number.NEGATIVE_INFINITY;
}

/** Intervals (minutes) → their union: sorted, the meeting ones merged, the empty ones left out. */
export function union(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
