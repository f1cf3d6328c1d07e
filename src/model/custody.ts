/**
 * The custody vocabulary: what a workbook's handovers and checkouts mean, said
 * once for the validator and the summaries alike — the unit, its level and its
 * name, which way each handover goes, which vault checkouts send papers on
 * (dispatches, not loans), and (pairing.ts) how the two copies of one handover
 * are found across workbooks. Worked out once per workbook (`custodyOf`,
 * memoised on the data).
 */
import type { SiteModel } from './site-model';
import { Handover, LEVEL_WORDS, SiteData, SiteInfo } from './types';
import { dayOf, isBlankValue, norm, tm, whole } from './values';
import { toHalfWidth } from './text';
import { peopleIn, personKey } from './people';
import { paperCode } from './paper-code';
import { disposalRows } from './disposal';
import { isExcelError } from './excel-errors';
import { returnWritten } from './where-it-went';

export type Level = '考点' | '分校' | '省校';
export type Direction = 'in' | 'out';

export interface Custody {
  /** The unit's level (`levelOf`); undefined when 基本信息 writes one that cannot be read, and nothing that hangs on it is guessed. */
  level: Level | undefined;
  /** The unit's own name as its handovers should write it: the 考点 for a 考点, the 分校 for a 分校, the 分部 for the 省校. */
  ownName: string | undefined;
  /** How the unit is named to people and in reports: the 考点, else the 分校, else the 分部. */
  name: string;
  /** Which way each handover goes for this unit (undefined for an empty record, and for every sheet when the level cannot be read). */
  direction: Array<Direction | undefined>;
  /** Vault log rows that send papers on (dispatches, `dispatchesOf`): not loans, not expected back. */
  dispatch: boolean[];
  /** Vault log rows taken out to be destroyed (model/disposal.ts: a 备注 saying 销毁, 监销 …): not loans, not dispatches, not still out. */
  disposal: boolean[];
  /**
   * One movement: for each dispatch, the outgoing handover sheet that carries
   * it (`handovers` index); undefined for a dispatch with no sheet and for
   * rows that are not dispatches.
   */
  movement: Array<number | undefined>;
  /** People on the 涉卷人员 roster, by `personKey`, with every row that names them (a roster may list someone twice). */
  roster: Map<string, number[]>;
}

/** A unit name as compared: half-width, no spaces, no （学院）/（考点） after it. */
export function unitKey(name: unknown): string {
  // #N/A where a unit is named names none: as a blank, no unit to compare (required-field says the error, review 18a D9).
  if (isExcelError(name)) return '';
  return norm(name).replace(/\((学院|考点)\)/g, '');
}

/** Two unit names refer to the same unit: equal, or one contains the other ("长沙分校" in "湖南开放大学长沙分校"). */
export function sameUnit(a: unknown, b: unknown): boolean {
  return sameUnitKey(unitKey(a), unitKey(b));
}

/** sameUnit of two names already made keys (`unitKey`), for a name compared with many. */
export function sameUnitKey(x: string, y: string): boolean {
  if (!x || !y) return false;
  return x === y || x.includes(y) || y.includes(x);
}

/**
 * The unit's level as 基本信息 writes it (单位级别): 省校, 分校 or 考点. Left
 * blank, it is the 考点 when a 考点 is named, else the 分校 (required-field
 * asks for it). Written with the name the source prints beside a level
 * (分校（学院）, LEVEL_WORDS), that level. Written as anything else (分部, 学院): undefined — the level
 * decides which way each handover goes, which checkouts are dispatches and
 * whose signatures are the unit's own, so it is not guessed from a word that
 * could mean two levels (the source writes both 分部（学院） and 分校（学院））.
 */
export function levelOf(site: SiteInfo | undefined): Level | undefined {
  const text = norm(site?.level);
  if (text === '考点' || text === '分校' || text === '省校') return text;
  const written = LEVEL_WORDS.get(text);
  if (written) return written;
  if (text) return undefined;
  return norm(site?.examSite) ? '考点' : '分校';
}

/** The unit's name for people: the 考点, else the 分校 (学院), else the 分部. */
export function unitNameOf(data: SiteData): string {
  const s = data.site ?? {};
  const level = levelOf(s);
  if (level === '考点') return s.examSite || s.school || '';
  if (level === '省校') return s.branch || s.school || '';
  return s.school || s.examSite || s.branch || '';
}

function ownNameOf(site: SiteInfo | undefined, level: Level | undefined): string | undefined {
  if (level === '考点') return site?.examSite;
  if (level === '省校') return site?.branch || site?.school;
  if (level === '分校') return site?.school;
  return undefined;
}

/**
 * The levels that hand papers down the chain from their own vault: the 省校
 * to its 分校, a 分校 to its 考点 (《实施方案》（四）“试卷由省校分发给分校（学院），
 * 双方签写附件1；试卷由分校（学院）分发给考点，双方签写附件1”).
 */
export function handsPapersDown(level: Level | undefined): boolean {
  return level === '分校' || level === '省校';
}

/** A day, in minutes. */
const DAY = 24 * 60;

/**
 * A handover sent at `handedOver` carries a checkout made at `takenOut`
 * (both in minutes): the same day, or within the day after it (an evening
 * checkout handed over the next morning).
 */
export function carries(handedOver: number, takenOut: number): boolean {
  return Math.floor(handedOver / DAY) === Math.floor(takenOut / DAY) || (handedOver >= takenOut && handedOver - takenOut <= DAY);
}

/** Sent from above: a 分部, the 省校, a printer, or the 分部 the workbook names — to the 省校 (the 分部 itself), the printer only. */
function fromAbove(h: Handover, site: SiteInfo | undefined, level: Level): boolean {
  if (level === '省校') return /印刷/.test(toHalfWidth(h.from ?? ''));
  return fromBranchOrPrinter(h.from, site?.branch);
}

/** A sender that is a 分部, the 省校, a printer, or the workbook's own 分部 (`branch`): above any 分校. */
export function fromBranchOrPrinter(from: string | undefined, branch: unknown): boolean {
  return sameUnit(from, branch) || /分部|省校|印刷/.test(toHalfWidth(from ?? ''));
}

/**
 * An incoming handover sent up the chain, not down it: to the 省校, from anyone but the printer (a 分校 sending
 * papers back); to a 分校, from one of its 考点 (papers sent back after the exam, 《工作方案》二.5). A 考点
 * receives only from above.
 */
export function fromBelow(h: Handover, site: SiteInfo | undefined, level: Level | undefined): boolean {
  if (!handsPapersDown(level) || fromAbove(h, site, level!)) return false;
  return level === '省校' || /考点/.test(toHalfWidth(h.from ?? ''));
}

/**
 * Whether the unit receives (in) or sends (out) a handover: by the side that
 * names the unit; when both do ("长沙分校" → "长沙分校岳麓考点"), the side whose
 * name is closer to the unit's own; when neither does, by the unit's place in
 * the chain (a 考点 only receives; a 分校 sends to its 考点 and receives from
 * above; the 省校 receives from the printer and sends the rest).
 */
export function directionOf(h: Handover, site: SiteInfo | undefined, level: Level, ownName: string | undefined): Direction {
  const toOwn = sameUnit(h.to, ownName);
  const fromOwn = sameUnit(h.from, ownName);
  if (toOwn && !fromOwn) return 'in';
  if (fromOwn && !toOwn) return 'out';
  if (toOwn && fromOwn) {
    const own = unitKey(ownName).length;
    const dTo = Math.abs(unitKey(h.to).length - own);
    const dFrom = Math.abs(unitKey(h.from).length - own);
    if (dTo !== dFrom) return dTo < dFrom ? 'in' : 'out';
  }
  if (level === '考点' || fromAbove(h, site, level)) return 'in';
  if (norm(h.to).includes('考点')) return 'out';
  return level === '分校' ? 'in' : 'out';
}

/** The bags inside a count in 箱, as its 备注 says them: "内装5袋：3205、3310". */
const BAGS_INSIDE = /(?:内装|内含|装有|共装|含)(\d+)袋/;

/**
 * The bags a handover item stands for (附件1 数量（袋/箱）): its count when in 袋
 * (a blank unit is 袋); for a count in 箱, the bags its 备注 says are inside
 * ("1箱 · 内装5袋"), else undefined — a box holds no fixed number of bags.
 */
export function itemBags(item: { quantity?: unknown; unit?: unknown; note?: unknown } | null | undefined): number | undefined {
  if (!item) return undefined;
  const unit = norm(item.unit) || '袋';
  if (unit === '袋') return whole(item.quantity);
  if (unit !== '箱') return undefined;
  const m = BAGS_INSIDE.exec(norm(item.note));
  return m ? Number(m[1]) : undefined;
}

/** Bags on a handover: its items' bags added up (`itemBags`); all in 袋 and some unreadable, its 合计; undefined when not known. */
export function handoverBags(h: Handover): number | undefined {
  const items = (h.items ?? []).filter((it) => it && !(isBlankValue(it.quantity) && isBlankValue(it.destination)));
  const bags = items.map(itemBags);
  if (items.length > 0 && bags.every((b) => b !== undefined)) return bags.reduce<number>((a, b) => a + (b ?? 0), 0);
  return items.every((it) => (norm(it?.unit) || '袋') === '袋') ? whole(h.total) : undefined;
}

function rosterOf(data: SiteData): Map<string, number[]> {
  const roster = new Map<string, number[]>();
  (data.staff ?? []).forEach((member, index) => {
    const key = personKey(member?.name);
    if (!key) return;
    const rows = roster.get(key);
    if (rows) rows.push(index);
    else roster.set(key, [index]);
  });
  return roster;
}

/**
 * Which vault checkouts send papers on — dispatches, not loans: not expected
 * back, and the exam-day window does not apply to them.
 *
 * At every level, a checkout never taken back that an outgoing handover of
 * the unit carries (`carries`): the 省校 sending papers to a 分校, a 考点
 * sending its used papers or a cancelled session's sealed bags back to its
 * 分校 (参照《工作方案》二.5“考试结束，回收的试卷……必须及时送回”) — unless it
 * is that day's exam loan: the unit handed that paper to its own rooms after
 * it left the vault (附件4), or a session of the paper that day was not over
 * when it left (考试安排; a register may be missing). Then its missing return
 * is what is wrong. Taken out again after the session, back from the rooms,
 * it is sent on.
 *
 * Where the unit hands papers down (the 省校, a 分校: `handsPapersDown`), also
 * a checkout never taken back with no sheet (dispatch-without-handover asks
 * for one), one a taker not on the roster made (a 考点's people collect at the
 * 分校's vault, 《实施方案》（四）), and one on a day it sent papers on — but
 * not where the unit handed that paper to its own rooms that day (after a
 * checkout never taken back: after it left the vault), unless a 考点's person
 * took it (off the roster, or the receiver who signs a sheet carrying it): a
 * 分校 that is an exam site too lends its own papers as a 考点 does, and one
 * never taken back is not-returned's, not a dispatch without a sheet. So is a
 * checkout taken back after that paper went to its own rooms, though it left
 * the day before: an early loan (checkout-window's), not a dispatch.
 *
 * None when the level cannot be read.
 */
function dispatchesOf(data: SiteData, level: Level | undefined, direction: Array<Direction | undefined>, roster: ReadonlyMap<string, unknown>): boolean[] {
  const outgoingTimes: number[] = [];
  const outgoingDays = new Set<number>();
  // Each outgoing sheet's time and its receivers (personKey), for who collected a checkout.
  const receivers: Array<{ t: number; signers: string[] }> = [];
  (data.handovers ?? []).forEach((h, i) => {
    if (direction[i] !== 'out') return;
    outgoingDays.add(dayOf(h?.time));
    const t = tm(h?.time);
    if (Number.isNaN(t)) return;
    outgoingTimes.push(t);
    receivers.push({ t, signers: (h?.toSigners ?? []).map(personKey).filter(Boolean) });
  });
  // The last time each paper went to the unit's own rooms, by day (附件4); a handout whose time cannot be read, the day's end.
  const lastHandout = new Map<string, number>();
  // And every readable handout time of each paper, in order, for the checkout out over one (`handedOutWhileOut`).
  const handouts = new Map<string, number[]>();
  for (const d of data.distributions ?? []) {
    for (const r of d?.rows ?? []) {
      const day = dayOf(r?.issuedAt ?? d?.start);
      const paper = Number.isNaN(day) ? '' : paperCode(r?.paperNo);
      if (!paper) continue;
      const key = `${day}|${paper}`;
      const t = tm(r?.issuedAt ?? d?.start);
      lastHandout.set(key, Math.max(lastHandout.get(key) ?? -Infinity, Number.isNaN(t) ? Infinity : t));
      const times = handouts.get(paper);
      if (Number.isNaN(t)) continue;
      if (times) times.push(t);
      else handouts.set(paper, [t]);
    }
  }
  for (const times of handouts.values()) times.sort((a, b) => a - b);
  const handedOutWhileOut = (paper: string, t: number, back: number) => {
    const times = handouts.get(paper);
    if (!times || Number.isNaN(t) || Number.isNaN(back)) return false;
    const next = times[firstAtOrAfter(times, t)];
    return next !== undefined && next <= back;
  };
  // Each paper's sessions (考试安排), for the exam-day loans at a unit that does not hand papers down.
  const sessionEnds = new Map<string, number[]>();
  for (const s of data.schedule ?? []) {
    const end = tm(s?.end ?? s?.start);
    const paper = Number.isNaN(end) ? '' : paperCode(s?.paperNo);
    if (!paper) continue;
    const ends = sessionEnds.get(paper);
    if (ends) ends.push(end);
    else sessionEnds.set(paper, [end]);
  }
  const sessionNotOver = (paper: string, t: number) => (sessionEnds.get(paper) ?? []).some((end) => Math.floor(end / DAY) === Math.floor(t / DAY) && end >= t);
  const handsDown = handsPapersDown(level);
  // A taker off the roster, or one who signs an outgoing sheet that carries the checkout as its receiver: a 考点's.
  const collectedFromBelow = (taker: unknown, t: number): boolean => {
    const takers = peopleIn(taker);
    if (roster.size > 0 && takers.some((k) => !roster.has(k))) return true;
    return receivers.some((r) => carries(r.t, t) && r.signers.some((n) => takers.includes(n)));
  };
  const disposal = disposalRows(data);
  return (data.vaultLog ?? []).map((row, i) => {
    // Out to be destroyed (model/disposal.ts): sent nowhere, no sheet to ask for.
    if (level === undefined || !row || disposal[i]) return false;
    // A 还卷人 saying where the bag went (退回分校, 下发岳麓考点) is no return (model/where-it-went.ts).
    const returned = returnWritten(row);
    // A checkout taken back at a unit that hands no papers down is a loan: nothing more to look up (most rows of a log).
    if (returned && !handsDown) return false;
    const t = tm(row.takenAt);
    const day = Number.isNaN(t) ? Number.NaN : Math.floor(t / DAY);
    const paper = paperCode(row.paperNo);
    const handedOut = lastHandout.get(`${day}|${paper}`);
    if (!returned) {
      // A 分校 lending its own rooms that day's paper (附件4, handed out after the checkout): a loan, unless a
      // 考点's person took it (off the roster, or signing a sheet of the day as its receiver).
      if (handsDown) return collectedFromBelow(row.taker, t) || !(handedOut !== undefined && handedOut >= t);
      const lentForTheRooms = (handedOut !== undefined && handedOut >= t) || sessionNotOver(paper, t);
      return !Number.isNaN(t) && !lentForTheRooms && outgoingTimes.some((h) => carries(h, t));
    }
    if (roster.size > 0 && peopleIn(row.taker).some((taker) => !roster.has(taker))) return true;
    // Taken back after the unit handed the paper to its own rooms, whatever day it left (the day before, review 25b D1): the loan that fed them.
    return outgoingDays.has(day) && handedOut === undefined && !handedOutWhileOut(paper, t, tm(row.returnedAt));
  });
}

/** The index of the first of the sorted `times` at or after `t` (halving; times.length when none). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The outgoing handover a dispatch travels on: one sent the same day; of
 * several, the one its taker signs (as the receiver who collects it or the
 * sender who carries it), else the one whose items name its paper, else the first.
 */
function movementsOf(data: SiteData, direction: Array<Direction | undefined>, dispatch: boolean[]): Array<number | undefined> {
  const byDay = new Map<number, number[]>();
  (data.handovers ?? []).forEach((h, i) => {
    if (direction[i] !== 'out') return;
    const day = dayOf(h?.time);
    if (!Number.isNaN(day)) byDay.set(day, [...(byDay.get(day) ?? []), i]);
  });
  // Each sheet's signers (personKey) and items' texts, made once for all the dispatches of its day that look at it
  // (they were made anew for each: a site workbook's most asked names).
  const sheets = new Map<number, { signers: string[]; texts: string[] }>();
  const sheet = (i: number) => {
    let known = sheets.get(i);
    if (!known) {
      const h = data.handovers![i];
      const signers = [...(h.toSigners ?? []), ...(h.fromSigners ?? [])].map(personKey);
      sheets.set(i, (known = { signers, texts: (h.items ?? []).map((it) => norm(`${it?.destination ?? ''}${it?.note ?? ''}`)) }));
    }
    return known;
  };
  return (data.vaultLog ?? []).map((row, r) => {
    if (!dispatch[r] || !row) return undefined;
    const sameDay = byDay.get(dayOf(row.takenAt)) ?? [];
    if (sameDay.length <= 1) return sameDay[0];
    const takers = peopleIn(row.taker);
    const signedBy = sameDay.find((i) => sheet(i).signers.some((n) => takers.includes(n)));
    const paper = paperCode(row.paperNo);
    const naming = sameDay.find((i) => paper && sheet(i).texts.some((text) => text.includes(paper)));
    return signedBy ?? naming ?? sameDay[0];
  });
}

/**
 * When the papers last left a unit that keeps no vault log (附件3 absent, or a sheet with no rows): its last
 * outgoing handover — the 省校 handing papers down to a 分校, a 分校 to a 考点, a 考点 sending them back. They
 * were out of the vault by then, so it ends the time 附件5 must cover (试卷入库至出库). Undefined where the log
 * has rows (its last checkout says when) or no outgoing handover has a readable time.
 */
export function lastSentWithoutLog(data: SiteData): { t: number; index: number } | undefined {
  if ((data.vaultLog ?? []).some((row) => row)) return undefined;
  const { direction } = custodyOf(data);
  let last: { t: number; index: number } | undefined;
  (data.handovers ?? []).forEach((h, index) => {
    const t = tm(h?.time);
    if (direction[index] === 'out' && !Number.isNaN(t) && !(last && last.t >= t)) last = { t, index };
  });
  return last;
}

const MEMO = new WeakMap<SiteData, Custody>();

/** The custody vocabulary of one workbook, worked out once. */
export function custodyOf(source: SiteModel | SiteData): Custody {
  const data = 'locations' in source && 'sheets' in source ? (source as SiteModel).data : (source as SiteData);
  const known = MEMO.get(data);
  if (known) return known;
  const level = levelOf(data.site);
  const ownName = ownNameOf(data.site, level);
  // Which side is the unit's own hangs on its level: not guessed when the level cannot be read.
  const direction = (data.handovers ?? []).map((h) => (h && level ? directionOf(h, data.site, level, ownName) : undefined));
  const roster = rosterOf(data);
  const dispatch = dispatchesOf(data, level, direction, roster);
  const movement = movementsOf(data, direction, dispatch);
  const disposal = [...disposalRows(data)];
  const custody: Custody = { level, ownName, name: unitNameOf(data), direction, dispatch, disposal, movement, roster };
  MEMO.set(data, custody);
  return custody;
}
