/**
 * Which intake lists took in one delivery together: the papers split over two 保密柜 or rooms, one 入库清单
 * each (deliveries.ts). Apart from the pairing itself so that each file reads as one question.
 */

/** An incoming handover as pairing sees it. */
export interface Arrival {
  i: number;
  t: number;
  day: number;
  /** Its bags (附件1 数量), undefined when not known. */
  bags: number | undefined;
  /** The lists whose papers its items name (试卷归属, 备注), in list order. */
  named: number[];
  /** The lists' papers its items name. */
  papers: ReadonlySet<string>;
}

/** A list as pairing sees it: where in time order it stands, and the totals its rows or 合计 give. */
export interface ListFacts {
  k: number;
  t: number;
  bags: ReadonlySet<number>;
  /** The papers on it (试卷号). */
  papers: readonly string[];
}

/**
 * The list whose delivery the list at `p` (in time order, with none of its own) took in part of: the last list
 * before it holding a delivery, when that delivery arrived before this list's 入库时间 with no other between, and
 * its papers came with it — its handovers name some of them (附件1 试卷归属, 备注), no other handover any; or, none
 * naming them, the bags say so (makesUp). Else undefined: a list typed before its own delivery is repair's.
 */
export function splitFrom(p: number, ordered: readonly ListFacts[], buckets: readonly Arrival[][], arrivals: ArrivalIndex): ListFacts | undefined {
  const list = ordered[p];
  if (buckets[list.k].length > 0) return undefined;
  let h = p - 1;
  while (h >= 0 && buckets[ordered[h].k].length === 0) h--;
  const delivery = h >= 0 ? buckets[ordered[h].k] : [];
  if (delivery.length === 0 || delivery.some((a) => Number.isNaN(a.t))) return undefined;
  const last = Math.max(...delivery.map((a) => a.t));
  const next = arrivals.timed[firstWhere(arrivals.timed, (a) => a.t > last)];
  if (list.t < last || (next && next.t <= list.t)) return undefined;
  const namers = list.papers.flatMap((paper) => arrivals.naming.get(paper) ?? []);
  if (namers.length > 0) return namers.every((a) => delivery.includes(a)) ? ordered[h] : undefined;
  // No handover names its papers (附件1 gives a total only: 备注 “九科”, 试卷号 blank): a part when the bags say so.
  return makesUp(ordered[h], delivery, partsAfter(h, ordered, buckets, arrivals, next)) ? ordered[h] : undefined;
}

/**
 * The lists after the one at `h` (in time order) that may hold part of its delivery: each with no delivery of its
 * own, taken in before the next delivery (`next`) arrived, its papers named by no handover.
 */
function partsAfter(h: number, ordered: readonly ListFacts[], buckets: readonly Arrival[][], arrivals: ArrivalIndex, next: Arrival | undefined): ListFacts[] {
  const parts: ListFacts[] = [];
  for (let p = h + 1; p < ordered.length; p++) {
    const list = ordered[p];
    if (buckets[list.k].length > 0 || (next && next.t <= list.t) || list.papers.some((paper) => arrivals.naming.has(paper))) break;
    parts.push(list);
  }
  return parts;
}

/**
 * The lists `parts` took in the rest of the delivery `host` holds when `host` alone does not account for its bags
 * and, with them, the lists come to them — or nearer than it alone, so that a shortfall is said once, over all of
 * them. A list that matches its delivery by itself shares it with none: a list after it is another delivery's.
 * Each list may give several totals (rows, 合计); past 64 ways of adding them up, no split is read.
 */
function makesUp(host: ListFacts, delivery: readonly Arrival[], parts: readonly ListFacts[]): boolean {
  const bags = sumBags(delivery);
  if (bags === undefined || parts.length === 0 || host.bags.size === 0 || host.bags.has(bags)) return false;
  let sums: ReadonlySet<number> = host.bags;
  for (const part of parts) {
    sums = new Set([...sums].flatMap((s) => [...part.bags].map((b) => s + b)));
    if (sums.size === 0 || sums.size > 64) return false;
  }
  const off = (totals: ReadonlySet<number>) => Math.min(...[...totals].map((t) => Math.abs(t - bags)));
  return off(sums) < off(host.bags);
}

/** The incoming handovers with a readable time, in time order, and those that name each paper. */
interface ArrivalIndex {
  timed: readonly Arrival[];
  naming: ReadonlyMap<string, readonly Arrival[]>;
}

export function indexArrivals(arrivals: readonly Arrival[]): ArrivalIndex {
  const naming = new Map<string, Arrival[]>();
  for (const a of arrivals) {
    for (const paper of a.papers) {
      const namers = naming.get(paper);
      if (namers) namers.push(a);
      else naming.set(paper, [a]);
    }
  }
  return { timed: arrivals.filter((a) => !Number.isNaN(a.t)), naming };
}

/** The lists (in time order) that share a delivery (splitFrom), by the list holding it: [holder, part, part…]. */
export function sharedDeliveries(ordered: readonly ListFacts[], split: (p: number) => ListFacts | undefined): number[][] {
  const groups = new Map<number, number[]>();
  ordered.forEach((list, p) => {
    const host = split(p);
    if (host) groups.set(host.k, [...(groups.get(host.k) ?? [host.k]), list.k]);
  });
  return [...groups.values()];
}

/** The index of the first of `items` that `holds` (false, then true, over the items), by halving; items.length when none. */
export function firstWhere<T>(items: readonly T[], holds: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function sumBags(delivery: readonly Arrival[]): number | undefined {
  let sum = 0;
  for (const a of delivery) {
    if (a.bags === undefined) return undefined;
    sum += a.bags;
  }
  return sum;
}
