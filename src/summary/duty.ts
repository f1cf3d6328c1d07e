/**
 * Duty coverage of the custody period (附件5): the union of the shifts, the
 * part of the custody period inside it, and the gaps left. Pure.
 */
import { isoFromMinutes, minutesOf } from '../model/datetime';
import { custodyPeriods, lastSealed, sealedPapers, someNeverLeft, union } from '../model/deliveries';
import { intakeLists } from '../model/intake';
import { lastSentWithoutLog } from '../model/custody';
import { disposalRows } from '../model/disposal';
import type { SiteData } from '../model/types';
import type { UnreadSheet } from './none-figures';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Values that could not be read, counted rather than summed (the validator flags them). */
export interface Counter {
  unreadable: number;
}

export interface DutyCoverage {
  custodyStart: string | null;
  custodyEnd: string | null;
  /** Length of the custody period in hours (2 decimals). */
  custodyHours: number;
  /** Hours of it inside a shift. */
  coveredHours: number;
  /** coveredHours ÷ custodyHours, 0–1 (1 when there is no custody period to cover). */
  coverage: number;
  gaps: Array<{ from: string; to: string; hours: number }>;
  /**
   * The stretches the vault held papers, where there are more than one (a June session and a July 补考): the custody
   * time is theirs added up, not the span from custodyStart to custodyEnd. Absent for one stretch.
   */
  periods?: Array<{ from: string; to: string; hours: number }>;
  /** Pairs of consecutive shifts (by start) that overlap. */
  overlaps: number;
  shifts: number;
  /** Total hours of all readable shifts. */
  shiftHours: number;
}

export function dutyCoverage(data: SiteData, counter: Counter = { unreadable: 0 }): DutyCoverage {
  const shifts = data.duty?.shifts ?? [];
  const intervals: Array<[number, number]> = [];
  for (const s of shifts) {
    const a = minutesOf(s.from);
    const b = minutesOf(s.to);
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if ((s.from && Number.isNaN(a)) || (s.to && Number.isNaN(b))) counter.unreadable++;
      continue;
    }
    if (b > a) intervals.push([a, b]);
  }
  let overlaps = 0;
  const byStart = [...intervals].sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < byStart.length; i++) if (byStart[i][0] < byStart[i - 1][1]) overlaps++;
  const shiftHours = round2(intervals.reduce((s, [a, b]) => s + (b - a), 0) / 60);

  // From the first intake (one list per delivery), else the first incoming handover.
  let start = Math.min(
    ...intakeLists(data)
      .map(({ list }) => minutesOf(list.time))
      .filter((m) => !Number.isNaN(m)),
  );
  if (!Number.isFinite(start)) {
    const incoming = (data.handovers ?? []).map((h) => minutesOf(h.time)).filter((m) => !Number.isNaN(m));
    start = incoming.length ? Math.min(...incoming) : Number.NaN;
  }
  // A row out to be destroyed (model/disposal.ts) ends no custody, as in the validator's duty-gap.
  const disposal = disposalRows(data);
  const checkouts = (data.vaultLog ?? [])
    .filter((_, i) => !disposal[i])
    .map((v) => minutesOf(v.takenAt))
    .filter((m) => !Number.isNaN(m));
  // Not Math.max(...checkouts): a log of some 125,000 rows or more overflows the call stack as arguments.
  // With no vault log at all (a 省校 without 附件3), the last outgoing handover: the papers had left by then.
  const lastOut = checkouts.length ? checkouts.reduce((a, b) => Math.max(a, b)) : (lastSentWithoutLog(data)?.t ?? Number.NaN);
  // A paper that never left (0 candidates, a later session's not written out) is in custody until its session's end at least.
  const sealedByList = sealedPapers(data, minutesOf);
  const sealed = lastSealed(sealedByList)?.t;
  const end = sealed !== undefined && !(sealed <= lastOut) ? sealed : lastOut;
  const base = { overlaps, shifts: shifts.length, shiftHours };
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    return {
      custodyStart: Number.isNaN(start) ? null : isoFromMinutes(start),
      custodyEnd: Number.isNaN(end) ? null : isoFromMinutes(end),
      custodyHours: 0,
      coveredHours: 0,
      coverage: 1,
      gaps: [],
      ...base,
    };
  }
  const merged = union(intervals);
  let covered = 0;
  const gaps: DutyCoverage['gaps'] = [];
  // The vault may stand empty between deliveries: only the times it holds papers are to be covered.
  const held = custodyPeriods(data, minutesOf, end, sealedByList)
    .map(([a, b]): [number, number] => [Math.max(a, start), Math.min(b, end)])
    .filter(([a, b]) => b > a);
  const periods = held.length ? held : [[start, end] as [number, number]];
  for (const [from, to] of periods) {
    let cursor = from;
    for (const [a, b] of merged) {
      if (b <= cursor) continue;
      if (a >= to) break;
      if (a > cursor) gaps.push({ from: isoFromMinutes(cursor), to: isoFromMinutes(Math.min(a, to)), hours: round2((Math.min(a, to) - cursor) / 60) });
      const lo = Math.max(a, cursor);
      const hi = Math.min(b, to);
      covered += hi - lo;
      cursor = hi;
      if (cursor >= to) break;
    }
    if (cursor < to) gaps.push({ from: isoFromMinutes(cursor), to: isoFromMinutes(to), hours: round2((to - cursor) / 60) });
  }
  const total = periods.reduce((sum, [a, b]) => sum + (b - a), 0);
  const stretches = periods.map(([a, b]) => ({ from: isoFromMinutes(a), to: isoFromMinutes(b), hours: round2((b - a) / 60) }));
  return {
    custodyStart: isoFromMinutes(start),
    custodyEnd: isoFromMinutes(end),
    custodyHours: round2(total / 60),
    coveredHours: round2(covered / 60),
    coverage: Math.round((covered / total) * 10000) / 10000,
    gaps,
    ...(stretches.length > 1 ? { periods: stretches } : {}),
    ...base,
  };
}

/**
 * Whether the custody period depends on a 考试安排 that could not be read (review 21 D3): a paper on an intake list never
 * left the vault (someNeverLeft), so custody runs on to its session's end, and the schedule's sessions are not all
 * known — not read, or a 开考 / 结束时间 or 试卷号 showing an error value (a 报考人数's alone leaves every session known).
 * Where every paper left, custody ends at the last checkout whatever the schedule says: known.
 */
export function custodyNeedsSchedule(data: SiteData, unread: readonly UnreadSheet[]): boolean {
  const candidatesOnly = (u: UnreadSheet) => u.figures !== undefined && u.figures.every((f) => f === 'candidates' || f === 'spareCopies');
  return unread.some((u) => u.form === 'schedule' && !candidatesOnly(u)) && someNeverLeft(data, minutesOf);
}
