/**
 * The intake lists (附件2) of a workbook. A unit that receives papers more than
 * once keeps one list per delivery (docs/领域说明.md, 校验规则): each its own
 * table, 合计, 入库时间 and keeper; the vault's stock is their sum. The data
 * model keeps `intake` backward compatible: one list is an object (path
 * `intake`), several are an array (paths `intake[0]`, `intake[1]`, …).
 */
import type { Intake, SiteData } from './types';
import { norm } from './values';

export interface IntakeList {
  list: Intake;
  /** Model path of the list: `intake` or `intake[1]`. */
  path: string;
  /** Its place among the workbook's lists (0-based). */
  index: number;
}

const MEMO = new WeakMap<object, IntakeList[]>();

/** Every intake list of the workbook, in the order the workbook holds them. */
export function intakeLists(data: SiteData): IntakeList[] {
  const intake = data.intake as Intake | Intake[] | undefined | null;
  if (!intake || typeof intake !== 'object') return [];
  const known = MEMO.get(intake);
  if (known) return known;
  const lists = Array.isArray(intake)
    ? intake.flatMap((list, index) => (list && typeof list === 'object' ? [{ list, path: `intake[${index}]`, index }] : []))
    : [{ list: intake, path: 'intake', index: 0 }];
  MEMO.set(intake, lists);
  return lists;
}

/** Each intake list's delivery (`lists[k]`, incoming handover indices), and the deliveries no list took in. */
export interface Deliveries {
  lists: number[][];
  /** Received after every list was signed: no list records them (one list per delivery). */
  unlisted: number[];
}

/**
 * Which incoming handovers each intake list took in (its delivery), by papers
 * and time: a handover whose items name papers of one list only belongs to
 * it; otherwise to the first list taken in at or after it arrived, else to
 * the last list. With one list, every incoming handover that arrived by its
 * 入库时间 is its delivery. A handover that arrived after every list was
 * signed (all their times readable) is no list's — a post-exam return, a
 * supplement nobody listed — unless the last list has no delivery of its own:
 * then it is that list's, whose time is what is wrong (intake-before-receipt).
 */
export function deliveriesOf(data: SiteData, incoming: readonly number[], time: (value: unknown) => number): Deliveries {
  const lists = intakeLists(data);
  const out = lists.map((): number[] => []);
  if (lists.length === 0) return { lists: out, unlisted: [] };
  const byTime = lists
    .map((l, k) => ({ k, t: time(l.list.time) }))
    .filter((x) => !Number.isNaN(x.t))
    .sort((a, b) => a.t - b.t || a.k - b.k);
  const latest = byTime.length === lists.length ? byTime[byTime.length - 1] : undefined;
  const papers = lists.map(({ list }) => (list.items ?? []).map((it) => norm(it?.paperNo)).filter(Boolean));
  const after: number[] = [];
  for (const i of incoming) {
    if (latest && time(data.handovers?.[i]?.time) > latest.t) after.push(i);
    else out[listOf(data, i, lists.length, byTime, papers, time)].push(i);
  }
  if (latest && out[latest.k].length === 0) {
    out[latest.k].push(...after);
    return { lists: out, unlisted: [] };
  }
  return { lists: out, unlisted: after };
}

function listOf(
  data: SiteData,
  i: number,
  count: number,
  byTime: Array<{ k: number; t: number }>,
  papers: string[][],
  time: (value: unknown) => number,
): number {
  if (count === 1) return 0;
  const h = data.handovers?.[i];
  const text = (h?.items ?? []).map((it) => norm(`${it?.destination ?? ''}${it?.note ?? ''}`)).join('|');
  const naming = papers.flatMap((list, k) => (list.some((p) => text.includes(p)) ? [k] : []));
  if (naming.length === 1) return naming[0];
  const t = time(h?.time);
  const after = Number.isNaN(t) ? undefined : byTime.find((x) => x.t >= t);
  return after?.k ?? byTime[byTime.length - 1]?.k ?? count - 1;
}

/**
 * When the vault holds papers (minutes, merged, in order): from each
 * delivery's intake to the last checkout of its papers, or to `lastCheckout`
 * for a delivery none of whose papers left yet. Between two deliveries whose
 * papers do not meet — a site examining on two weekends — the vault is empty
 * and no duty is asked. [] when no intake list has a readable time.
 */
export function custodyPeriods(data: SiteData, time: (value: string | undefined) => number, lastCheckout: number): Array<[number, number]> {
  // Each paper's last checkout: the last of its checkouts after a list's intake, when there is one after it.
  const lastOut = new Map<string, number>();
  for (const row of data.vaultLog ?? []) {
    const paper = norm(row?.paperNo);
    const t = time(row?.takenAt);
    if (paper && t > (lastOut.get(paper) ?? -Infinity)) lastOut.set(paper, t);
  }
  const periods: Array<[number, number]> = [];
  for (const { list } of intakeLists(data)) {
    const from = time(list.time);
    if (Number.isNaN(from)) continue;
    const outs = (list.items ?? []).map((it) => lastOut.get(norm(it?.paperNo)) ?? Number.NaN).filter((t) => t >= from);
    const to = outs.length ? outs.reduce((a, b) => Math.max(a, b)) : lastCheckout;
    periods.push([from, Number.isNaN(to) ? from : Math.max(from, to)]);
  }
  return union(periods);
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
