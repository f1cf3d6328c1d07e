/**
 * 备用卷 stay in the vault: a paper's exam checkout that takes out more bags than its candidates need has taken the
 * spare with the exam bags (000 二.6: the spare is opened only with the chief examiner's approval). Which bags are
 * spare is told by the 入库清单: rows marked 备用卷 (“大学英语（备用卷）”, 试卷号 “5501备用”), or else the envelope sizes — a paper sat
 * once whose candidates fewer of its bags would cover. Said once a paper, at the checkout whose count goes over.
 */
import { intakeRowBags, norm, showTime, tm } from './facts';
import type { Facts, SessionFact } from './facts';
import { bagMix, candidatesOfAll, fewestKeptFor, intakeItemsOf, laterSessionBags, outAtStart, sessionGroups, SIZES } from './later-session-bags';
import type { Out } from './later-session-bags';
import { intakeLists } from '../model/intake';
import { isSpareRow, paperCode } from '../model/paper-code';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'spare-bag-out',
  title: { zh: '备用卷领出', en: 'Spare bag taken out' },
  severity: 'warning',
  forms: [0, 2, 3],
  clause:
    '参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.6“备用卷必须存放考点保密柜中，如需启用，必须由考点主考请示省巡视员，报请考试院批准，方可启用”',
  messages: {
    zh: {
      bags: '试卷 {paper} 在 {taken} 领出后共 {out} 袋在外，而这一场考生 {candidates} 人，按入库清单的袋型 {need} 袋就够，多领的应是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
      marked:
        '试卷 {paper} 在 {taken} 领出后共 {out} 袋在外，而入库清单上这份试卷的考试用卷只有 {need} 袋，另 {spare} 袋是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
      noted:
        '试卷 {paper} 在 {taken} 领出后共 {out} 袋在外，而按交接单备注，这份试卷的 {total} 袋中有 {spare} 袋是备用卷，考试用卷只有 {need} 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
      copies:
        '试卷 {paper} 在 {taken} 领出后共 {out} 份在外，而这一场考生 {candidates} 人，按入库清单的袋型整袋领 {need} 份就够，多领的整袋应是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出份数。',
    },
    en: {
      bags: 'After the checkout of paper {paper} at {taken}, {out} bags were out, but the session has {candidates} candidates, whom {need} of the intake list’s bags cover: the bag more is the spare (备用卷). The spare stays in the vault unless the chief examiner asked and its use was approved; if it was, note the approval in this row’s 备注 (remarks), otherwise check the count of bags.',
      marked:
        'After the checkout of paper {paper} at {taken}, {out} bags were out, but the intake list has {need} exam bags of this paper and {spare} spare (备用卷). The spare stays in the vault unless the chief examiner asked and its use was approved; if it was, note the approval in this row’s 备注 (remarks), otherwise check the count of bags.',
      noted:
        'After the checkout of paper {paper} at {taken}, {out} bags were out, but by the handover’s remarks {spare} of this paper’s {total} bags are spare (备用卷): the exam takes {need}. The spare stays in the vault unless the chief examiner asked and its use was approved; if it was, note the approval in this row’s 备注 (remarks), otherwise check the count of bags.',
      copies:
        'After the checkout of paper {paper} at {taken}, {out} copies were out, but the session has {candidates} candidates, whom {need} copies in whole bags of the intake list cover: the whole bag more is the spare (备用卷). The spare stays in the vault unless the chief examiner asked and its use was approved; if it was, note the approval in this row’s 备注 (remarks), otherwise check the count of copies.',
    },
  },
  docs: 'An exam checkout that takes a paper’s spare bag (备用卷) out with its exam bags. The spares are counted by 入库清单 rows marked 备用卷 by name or 试卷号 (“大学英语（备用卷）”, “5501备用”) or by an incoming handover’s 备注 naming the paper (“5501（含备用卷1袋）”): more bags out (every session of the paper together) than its bags less the spares — and, for a paper sat once with sizes given, than the fewest bags covering its candidates. Where the records only say spares are kept (入库清单 说明, a handover’s 备注 or opinion), a paper sat once is judged by the sizes alone — every paper, or, where a 备注 names papers of this unit (“2045 管理学基础（含备用卷1袋）”), those papers only (in 份: a whole smallest bag more than the fewest copies of such bags). Said once a paper, at the checkout row whose count goes over. Nothing when a 备注 beside the row (a column people keep right of 附件3) says 启用 or 批准, or a 分发登记 备注 of the paper says a spare was used; when nothing tells a spare apart, sizes or counts cannot be read, a session’s candidates are not given, bags of the paper arrive after the checkout, the checkouts mix 袋 and 份, more bags are out than the vault took in (overdraw’s), or checkout-window already says the paper took a later session’s bags.',
};

/** A 备注 saying the spare's use was approved: 启用, 批准 (备用卷启用, 经批准启用备用卷). */
const APPROVED = /启用|批准/;

interface Problem {
  row: number;
  messageId: 'bags' | 'marked' | 'noted' | 'copies';
  out: number;
  need: number;
  candidates?: number;
  spare?: number;
  total?: number;
}

/** What the records say of a paper's spare bags: how many (by 入库清单 rows or a handover's 备注), or only that spares are kept. */
interface Spares {
  /** Bags known to be spare; undefined where the records say spares are kept but not how many of this paper's. */
  bags?: number;
  where: 'intake' | 'handover';
}

/**
 * What the site's records say of spare bags, gathered in one pass over them (each paper then looks its own up: a
 * vault log of 5,000 papers asked every list for each paper, 110 s): whether an 入库清单 row is marked 备用卷,
 * handover 备注 counting a paper's spares, any word of spares kept, and papers whose spare a 分发登记 备注 says was used.
 */
interface SpareRecords {
  /** Some 入库清单 row is marked 备用卷 (“大学英语（备用卷）”): its paper's bags are told apart (markedBags). */
  marked: boolean;
  /** Each paper's spare bags as incoming handovers' 备注 count them (“1304（含备用卷1袋）”). */
  noted: Map<string, number>;
  /** The records speak of spare papers at all: an intake list's 说明, a handover's 备注 (naming no paper) or opinion. */
  kept: boolean;
  /** Papers a handover's 备注 names as having spares, without counting them (“2045（含备用卷）”). */
  keptFor: Set<string>;
  /** Papers whose spare a 分发登记 备注 says was used there (“已用备用卷更换”, “启用备用卷”): its use is on record. */
  usedInRooms: Set<string>;
}

const SPARE_COUNT = /备用(?:试)?卷?\s*(\d+)\s*袋/;
const CODES = /\d{3,}/g;
const USED = /启用|批准|已用|更换/;

function spareRecordsOf(facts: Facts): SpareRecords {
  const records: SpareRecords = { marked: false, noted: new Map(), kept: false, keptFor: new Set(), usedInRooms: new Set() };
  for (const { list } of intakeLists(facts.data)) {
    records.kept ||= norm(list.description).includes('备用');
    records.marked ||= (list.items ?? []).some((item) => item && isSpareRow(item));
  }
  for (const i of facts.incoming) {
    const h = facts.data.handovers?.[i];
    records.kept ||= norm(h?.fromOpinion).includes('备用') || norm(h?.toOpinion).includes('备用');
    for (const item of h?.items ?? []) {
      const note = norm(item?.note);
      if (!note.includes('备用')) continue;
      const count = SPARE_COUNT.exec(note);
      const named = [...new Set((note.match(CODES) ?? []).map((code) => paperCode(code)))].filter(Boolean);
      for (const paper of named) if (count) records.noted.set(paper, (records.noted.get(paper) ?? 0) + Number(count[1]));
      // A 备注 naming a paper this unit sits (“2045 管理学基础（含备用卷1袋）”) speaks of that paper's spares only, not
      // every paper's (review 15a D2): only such a paper is judged by its sizes; a 备注 naming none, of every paper.
      const own = named.filter((paper) => facts.sessionsByPaper.has(paper));
      if (own.length === 0) records.kept = true;
      else if (!count) for (const paper of own) records.keptFor.add(paper);
    }
  }
  for (const d of facts.data.distributions ?? []) {
    for (const r of d?.rows ?? []) {
      const note = norm(r?.note);
      const paper = paperCode(r?.paperNo);
      if (paper && note.includes('备用') && USED.test(note)) records.usedInRooms.add(paper);
    }
  }
  return records;
}

/** The paper's bags on its 入库清单 rows marked 备用卷 and on all of them; undefined where a row's bags cannot be read. */
function markedBags(facts: Facts, paper: string): { spare: number; all: number } | undefined {
  const bags = { spare: 0, all: 0 };
  for (const item of intakeItemsOf(facts, paper)) {
    const n = intakeRowBags(item);
    if (n === undefined) return undefined;
    bags.all += n;
    if (isSpareRow(item)) bags.spare += n;
  }
  return bags;
}

/** What is known of the paper's spares; undefined where nothing tells them (bags cannot be told apart). */
function sparesOf(records: SpareRecords, paper: string, marked: { spare: number; all: number }): Spares | undefined {
  if (marked.spare > 0) return { bags: marked.spare, where: 'intake' };
  const noted = records.noted.get(paper);
  if (noted !== undefined) return { bags: noted, where: 'handover' };
  return records.kept || records.keptFor.has(paper) ? { where: 'intake' } : undefined;
}

/** The first checkout at which the running count goes beyond `allowed`, and that count. */
function over(outs: readonly Out[], allowed: number): { row: number; out: number } | undefined {
  let total = 0;
  for (const c of outs) if ((total += c.count) > allowed) return { row: c.row, out: total };
  return undefined;
}

/**
 * By the spares counted: every session's bags together beyond the paper's bags less its spares — and, for a paper sat
 * once whose sizes are given, beyond the fewest bags covering its candidates (a “spare” the candidates need is used).
 */
function byCount(
  facts: Facts,
  sessions: readonly SessionFact[],
  satOnce: boolean,
  outs: readonly Out[],
  all: number,
  spares: Required<Spares>,
): Problem | undefined {
  const { bags: spare, where } = spares;
  const mix = satOnce ? bagMix(facts, sessions[0].paperNo) : undefined;
  const candidates = candidatesOfAll(facts, sessions);
  const fewest = mix && candidates ? fewestKeptFor(mix, 0, candidates)?.bags : undefined;
  const need = Math.max(all - spare, fewest ?? 0);
  const found = outs.every((c) => c.unit === '袋') ? over(outs, need) : undefined;
  return found && { ...found, messageId: where === 'intake' ? 'marked' : 'noted', need, spare, total: all };
}

/** By the envelope sizes, for a paper sat once: beyond the fewest bags (or, in 份, whole bags' copies) covering its candidates. */
function bySizes(facts: Facts, paper: string, sessions: readonly SessionFact[], outs: readonly Out[]): Problem | undefined {
  const mix = bagMix(facts, paper);
  const candidates = candidatesOfAll(facts, sessions);
  const fewest = mix && candidates ? fewestKeptFor(mix, 0, candidates) : undefined;
  if (!mix || !candidates || !fewest) return undefined;
  if (outs.every((c) => c.unit === '袋')) {
    const found = over(outs, fewest.bags);
    return found && { ...found, messageId: 'bags', need: fewest.bags, candidates };
  }
  if (!outs.every((c) => c.unit === '份')) return undefined;
  // Copies are judged by whole bags: one fewer than the smallest bag over the fewest copies may be an opened bag's.
  const smallest = Math.min(...SIZES.filter((_, i) => mix[i] > 0));
  const found = over(outs, fewest.copies + smallest - 1);
  return found && { ...found, messageId: 'copies', need: fewest.copies, candidates };
}

function problemOf(facts: Facts, records: SpareRecords, sessions: readonly SessionFact[]): Problem | undefined {
  const paper = sessions[0].paperNo;
  const groups = sessionGroups(sessions);
  const outs = groups.flatMap((group) => outAtStart(facts, group[0]));
  if (outs.length === 0) return undefined;
  // Bags that arrive after a checkout were not in the vault to be taken: what was there then is not known.
  const first = Math.min(...outs.map((c) => c.t));
  if ((facts.intakeArrivals.get(paper) ?? []).some((a) => a.t > first)) return undefined;
  if (outs.some((c) => APPROVED.test(norm(facts.data.vaultLog?.[c.row]?.note))) || records.usedInRooms.has(paper)) return undefined;
  const marked = markedBags(facts, paper);
  const spares = marked && sparesOf(records, paper, marked);
  if (!marked || !spares) return undefined;
  const found =
    spares.bags !== undefined
      ? byCount(facts, sessions, groups.length === 1, outs, marked.all, { bags: spares.bags, where: spares.where })
      : groups.length === 1
        ? bySizes(facts, paper, sessions, outs)
        : undefined;
  // More bags out than the vault ever took in is overdraw's to say (a row written twice), not a spare taken.
  return found && found.messageId !== 'copies' && found.out > marked.all ? undefined : found;
}

export function check({ facts, report }: RuleContext): void {
  if (facts.level === undefined) return;
  const records = spareRecordsOf(facts);
  // Nothing tells a spare apart: no paper can have taken one out.
  if (!records.kept && !records.marked && records.noted.size === 0 && records.keptFor.size === 0) return;
  // One finding a paper: where checkout-window says a later session's bags went out, the count is said there.
  const later = new Set(laterSessionBags(facts).map((p) => p.session.paperNo));
  for (const [paper, sessions] of facts.sessionsByPaper) {
    const p = later.has(paper) ? undefined : problemOf(facts, records, sessions);
    if (!p) continue;
    const r = facts.data.vaultLog![p.row];
    const { row, messageId, ...params } = p;
    report(`vaultLog[${row}].quantity`, messageId, { ...params, paper: norm(r.paperNo), taken: showTime(tm(r.takenAt)) });
  }
}
