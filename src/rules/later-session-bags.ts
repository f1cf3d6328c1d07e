/**
 * 考一场，领一场 for a paper sat twice (a 补考 of the same 试卷号 a week later, with its own bag): checkout-window's
 * “later” finding compares papers, so it cannot see the later session's bag taken out with the first. Judged by
 * the bags: at a session's start more bags of the paper are out than the vault could let go while keeping bags that
 * cover the later sessions' candidates, less those the earlier sessions took — and only when the bags the vault holds
 * can be split so (each side's copies at least its candidates). Each session is judged against the ones after it: a
 * paper sat three times whose second session takes the third's bag is said too. Bags that only cover both sides
 * together (31+26 for 48 and 5) are the earlier session's to open: nothing is said. A checkout written in copies (份)
 * is judged alike by copies: more out than the vault's copies less those of the fewest kept bags.
 */
import { isBlankValue, norm, notLoan, sessionFor, SessionFact, tm, whole } from './facts';
import type { Facts } from './facts';
import { intakeLists } from '../model/intake';
import { paperCode } from '../model/paper-code';
import type { IntakeItem } from '../model/types';

export const SIZES = [31, 26, 11, 5] as const;
const SIZE_KEYS = ['bags31', 'bags26', 'bags11', 'bags5'] as const;
export type Mix = number[];

export interface LaterBagsProblem {
  /** The checkout row that takes the bags out beyond what may go. */
  row: number;
  session: SessionFact;
  /** The first later session of the paper, named in the message. */
  later: SessionFact;
  out: number;
  allowed: number;
  /** What out and allowed count: bags, or copies where the checkouts are written in 份. */
  unit: '袋' | '份';
  laterCandidates: number;
}

const copiesOf = (mix: Mix): number => mix.reduce((sum, n, i) => sum + n * SIZES[i], 0);
const countOf = (mix: Mix): number => mix.reduce((sum, n) => sum + n, 0);

/** The paper's bags by envelope size over every 入库清单, or undefined when a row's sizes cannot be read. */
export function bagMix(facts: Facts, paper: string): Mix | undefined {
  const mix = [0, 0, 0, 0];
  for (const item of intakeItemsOf(facts, paper)) {
    // A blank size is none of it; a size that is no whole number (invalid-count's) leaves the bags unknown.
    const sizes = SIZE_KEYS.map((key) => (isBlankValue(item[key]) ? 0 : whole(item[key])));
    if (sizes.some((n) => n === undefined)) return undefined;
    sizes.forEach((n, i) => (mix[i] += n!));
  }
  return mix;
}

const INTAKE_BY_PAPER = new WeakMap<Facts, Map<string, IntakeItem[]>>();

/** The 入库清单 rows of a paper, every list's in order. */
export function intakeItemsOf(facts: Facts, paper: string): readonly IntakeItem[] {
  return byPaperOnce(INTAKE_BY_PAPER, facts, paper, (add) => {
    for (const { list } of intakeLists(facts.data)) for (const item of list.items ?? []) if (item) add(paperCode(item.paperNo), item);
  });
}

/**
 * What a site holds of one paper, grouped by paper code once a site and kept with its facts: each session of every
 * paper asks (5,000 papers of a 50,000-row vault log each reading every row was 110 s).
 */
function byPaperOnce<T>(
  cache: WeakMap<Facts, Map<string, T[]>>,
  facts: Facts,
  paper: string,
  collect: (add: (code: string, item: T) => void) => void,
): readonly T[] {
  let byPaper = cache.get(facts);
  if (!byPaper) {
    const groups = new Map<string, T[]>();
    collect((code, item) => {
      if (!code) return;
      const group = groups.get(code);
      if (group) group.push(item);
      else groups.set(code, [item]);
    });
    cache.set(facts, (byPaper = groups));
  }
  return byPaper.get(paper) ?? [];
}

/**
 * The bags of `mix` to keep for `later` copies, leaving bags covering `first`: the fewest bags such a set holds and
 * the fewest copies (each may be another set); undefined when no set does.
 */
export function fewestKeptFor(mix: Mix, first: number, later: number): { bags: number; copies: number } | undefined {
  let best: { bags: number; copies: number } | undefined;
  // A fewest set never holds more bags of a size than that size needs alone: the loops stay small.
  const most = mix.map((n, i) => Math.min(n, Math.ceil(later / SIZES[i])));
  const visit = (i: number, kept: Mix): void => {
    if (i === SIZES.length) {
      const left = mix.map((n, j) => n - kept[j]);
      if (copiesOf(kept) < later || copiesOf(left) < first) return;
      best = { bags: Math.min(best?.bags ?? Infinity, countOf(kept)), copies: Math.min(best?.copies ?? Infinity, copiesOf(kept)) };
      return;
    }
    for (let n = 0; n <= most[i]; n++) visit(i + 1, [...kept, n]);
  };
  visit(0, []);
  return best;
}

export interface Out {
  row: number;
  count: number;
  unit: '袋' | '份';
  t: number;
}

/** The checkouts taken for `session` still out at its start, in the log's order: bags (袋 or no unit) or copies (份). */
export function outAtStart(facts: Facts, session: SessionFact): Out[] {
  const out: Out[] = [];
  const log = facts.data.vaultLog ?? [];
  for (const row of vaultRowsOf(facts, session.paperNo)) {
    const r = log[row];
    const unit = norm(r?.unit) === '份' ? '份' : ['', '袋'].includes(norm(r?.unit)) ? '袋' : undefined;
    if (!r || notLoan(facts, row) || !unit) continue;
    const t = tm(r.takenAt);
    const back = tm(r.returnedAt);
    const count = whole(r.quantity);
    if (count === undefined || sessionFor(facts, r.paperNo, t) !== session || t > session.start) continue;
    if (!Number.isNaN(back) && back < session.start) continue;
    out.push({ row, count, unit, t });
  }
  return out;
}

const ROWS_BY_PAPER = new WeakMap<Facts, Map<string, number[]>>();

/** The vault log's rows of a paper, in order. */
function vaultRowsOf(facts: Facts, paper: string): readonly number[] {
  return byPaperOnce(ROWS_BY_PAPER, facts, paper, (add) => (facts.data.vaultLog ?? []).forEach((r, row) => r && add(paperCode(r.paperNo), row)));
}

/** A session's candidates as 考试安排 gives them, or undefined when not a whole number. */
const candidatesOf = (facts: Facts, s: SessionFact): number | undefined => whole(facts.data.schedule?.[s.index]?.candidates);

/** A paper's sessions in time order, grouped: sessions at one session's time (two rows of rooms) are its. */
export function sessionGroups(sessions: readonly SessionFact[]): SessionFact[][] {
  const groups: SessionFact[][] = [];
  for (const s of sessions) {
    const last = groups[groups.length - 1];
    if (last && s.start <= last[0].end) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

/** The candidates of these sessions together, or undefined when one's is not known. */
export function candidatesOfAll(facts: Facts, sessions: readonly SessionFact[]): number | undefined {
  const each = sessions.map((s) => candidatesOf(facts, s));
  return each.some((n) => n === undefined) ? undefined : each.reduce((a, b) => a! + b!, 0);
}

/** What the checkouts for these sessions took out, by unit. */
function takenFor(facts: Facts, sessions: readonly SessionFact[]): Record<Out['unit'], number> {
  const taken = { 袋: 0, 份: 0 };
  for (const c of sessions.flatMap((s) => outAtStart(facts, s))) taken[c.unit] += c.count;
  return taken;
}

/**
 * The checkout of `groups[at]` (a session and those at its time) that takes out bags the sessions after it need: the
 * vault's bags less those kept for the later sessions and those the earlier sessions took.
 */
function problemAt(facts: Facts, groups: readonly SessionFact[][], at: number, mix: Mix): LaterBagsProblem | undefined {
  const [session] = groups[at];
  const later = groups.slice(at + 1).flat();
  const earlier = groups.slice(0, at).flat();
  // The sessions up to this one share what the later ones leave; each session's candidates must be known.
  const upToNeeds = candidatesOfAll(facts, [...earlier, ...groups[at]]);
  const laterCandidates = candidatesOfAll(facts, later);
  if (upToNeeds === undefined || !laterCandidates) return undefined;
  const out = outAtStart(facts, session);
  if (out.length === 0) return undefined;
  // Bags that arrive after this session's first checkout may be the later sessions': the vault's bags then say nothing.
  if ((facts.intakeArrivals.get(session.paperNo) ?? []).some((a) => a.t > Math.min(...out.map((c) => c.t)))) return undefined;
  const kept = fewestKeptFor(mix, upToNeeds, laterCandidates);
  if (kept === undefined) return undefined;
  // Bags and copies each against their own bound: rows in 份 are the bags' copies (sealed bags are taken whole). What
  // the earlier sessions took is gone; taken in the other unit, what is left in this one is not known.
  const used = takenFor(facts, earlier);
  const allowed = {
    袋: used.份 > 0 ? Infinity : countOf(mix) - kept.bags - used.袋,
    份: used.袋 > 0 ? Infinity : copiesOf(mix) - kept.copies - used.份,
  };
  const total = { 袋: 0, 份: 0 };
  const over = out.find((c) => (total[c.unit] += c.count) > allowed[c.unit]);
  return over && { row: over.row, session, later: later[0], out: total[over.unit], allowed: allowed[over.unit], unit: over.unit, laterCandidates };
}

/**
 * For a paper sat in more than one session: the first session (in time) whose checkout takes out a later session's
 * bags. Each session is judged against the ones after it; after the first said, the later ones would say it again.
 */
function problemOf(facts: Facts, sessions: readonly SessionFact[]): LaterBagsProblem | undefined {
  const groups = sessionGroups(sessions);
  const mix = groups.length > 1 ? bagMix(facts, sessions[0].paperNo) : undefined;
  if (!mix) return undefined;
  for (let at = 0; at < groups.length - 1; at++) {
    const problem = problemAt(facts, groups, at, mix);
    if (problem) return problem;
  }
  return undefined;
}

/** Each paper sat in more than one session where a session took out bags a later one needs (at most one finding a paper). */
export function laterSessionBags(facts: Facts): readonly LaterBagsProblem[] {
  // Asked by checkout-window, which says them, and by spare-bag-out, which leaves their papers to it: worked out once.
  let problems = LATER_BAGS.get(facts);
  if (!problems) {
    problems = [...facts.sessionsByPaper.values()]
      .filter((sessions) => sessions.length > 1)
      .flatMap((sessions) => problemOf(facts, sessions) ?? [])
      .sort((a, b) => a.row - b.row);
    LATER_BAGS.set(facts, problems);
  }
  return problems;
}

const LATER_BAGS = new WeakMap<Facts, LaterBagsProblem[]>();
