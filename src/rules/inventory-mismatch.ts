import { deliveriesOf } from '../model/deliveries';
import { type UnreadPapers, unreadPapersOf } from '../model/unread-papers';
import { locate } from '../model/location';
import type { Intake, SiteData } from '../model/types';
import { handoverBags, itemBags } from '../model/custody';
import { type PaperMode, type PaperNames, itemPapers } from '../model/item-papers';
import { paperCode, paperNameKey, papersWritten, shownCode } from '../model/paper-code';
import { intakeRowBags, isBlankValue, norm, showTime, tm, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'inventory-mismatch',
  title: { zh: '入库袋数与交接不符', en: 'Bags taken in differ from bags received' },
  severity: 'error',
  forms: [1, 2],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“分校（学院）或考点接收试卷后及时入库清点，并签写附件2”；附件2 入库情况描述“对试卷数量是否准确……做简要概述”',
  messages: {
    zh: {
      bags: '入库清单共 {intake} 袋，但交接单上接收到的是 {received} 袋。入库清点的袋数须与交接接收的袋数一致，请重新清点并核对两张表。',
      bagsPapers:
        '入库清单共 {intake} 袋，但交接单上接收到的是 {received} 袋；按试卷核对：{papers}。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对两张表。',
      shared:
        '这次接收的试卷分 {count} 张入库清单入库（{lists}），共 {intake} 袋，但交接单上接收到的是 {received} 袋。入库清点的袋数须与交接接收的袋数一致，请重新清点并核对交接单和这几张入库清单。',
      sharedPapers:
        '这次接收的试卷分 {count} 张入库清单入库（{lists}），共 {intake} 袋，但交接单上接收到的是 {received} 袋；按试卷核对：{papers}。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对交接单和这几张入库清单。',
      papers:
        '按试卷核对，{what}与交接单上接收到的袋数不符：{papers}（{totals}）。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对交接单和入库清单。',
      unlisted:
        '{time} 从{from}接收的这批试卷（{what}）没有入库清单：本单位的入库清单都签于这次接收之前（最晚一张 {latest}）。每次接收试卷后都须入库清点，签写一张入库清单（附件2）；请为这次接收补填入库清单，或核对交接时间。',
    },
    en: {
      bags: 'The intake list has {intake} bags, but the handover sheets received {received}. Bags taken in must match bags received; recount and check both forms.',
      bagsPapers:
        "The intake list has {intake} bags, but the handover sheets received {received}; paper by paper: {papersEn}. Each paper's bags taken in must match its bags received; recount and check both forms.",
      shared:
        'These papers were taken in on {count} intake lists ({listsEn}), {intake} bags in all, but the handover sheets received {received}. Bags taken in must match bags received; recount and check the handover sheet and these lists.',
      sharedPapers:
        "These papers were taken in on {count} intake lists ({listsEn}), {intake} bags in all, but the handover sheets received {received}; paper by paper: {papersEn}. Each paper's bags taken in must match its bags received; recount and check the handover sheet and these lists.",
      papers:
        "Paper by paper, bags on {whatEn} differ from bags received on the handover sheets: {papersEn} ({totalsEn}). Each paper's bags taken in must match its bags received; recount and check the handover sheets and the intake list.",
      unlisted:
        'The papers received from {from} at {time} ({whatEn}) have no intake list: every intake list of this unit was signed before this delivery (the latest at {latest}). Papers are counted into the vault on each receipt, one intake list (附件2) per delivery; add the list of this delivery, or check the handover time.',
    },
  },
  docs: 'Bags on an intake list ≠ bags received on the incoming handover sheets it took in (one list per delivery: each list with its own, by the papers the sheets name, their bags and time). A delivery split over several lists (one per 保密柜 or room: lists taken in right after it, no other delivery between, whose papers its handover sheets name and no other does — or, where the sheets name no papers (a total of bags, 备注 “九科”), whose bags with the first list’s make up the delivery’s, or come nearer to it than the first list alone) is compared with the sum of the lists, once, at the first list’s total, naming each list’s bags. Either way of counting each side (its rows or its 合计) that agrees is accepted, so a wrong total gives column-total only. Where every item of the delivery’s sheets names its paper by its 试卷号 (in 备注 or 试卷归属, as `custody fill` writes “1001 高等数学基础”; one item “1001（3袋）、2045（1袋）” or “1001、2045” with 数量 “3、1” read apart; an item whose 试卷号 cell its workbook reads as no paper — “3310（1袋） 9999（1袋）”, 9999 on no 考试安排, said by unknown-paper — names none, and the totals alone are compared) and every row of the lists has one, and both name the same papers, a delivery whose total agrees is compared paper by paper too, and one finding names each paper whose bags differ (bags in 3 and 1 against 2 and 2 received, the same total, is a mismatch), at the first such paper’s 合计（袋）; a delivery whose total differs is one finding at the list’s 合计 that says the totals and, where both sides name every paper, each paper whose bags differ (a paper on one side only with 0 on the other) — one slip, one finding. An item’s paper is also its own 试卷号 or 试卷名称 cell where people add those columns, and a paper written by name only is the 试卷号 the workbook’s 考试安排 gives that name (where it gives one); where names cannot be so mapped the items and the lists’ rows are compared by their 试卷名称 as written. A count in 箱 counts the bags its 备注 says are inside (“内装5袋”); a handover in 箱 without them is not compared. A delivery received after every list was signed — papers a 考点 sends back after the exam, a supplement — is not counted into an earlier list: it is said to have no list of its own, at its handover’s date.',
};

function sumOf(values: unknown[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (isBlankValue(v)) continue;
    const n = whole(v);
    if (n === undefined) return undefined;
    s += n;
  }
  return s;
}

export function check({ model, facts, report }: RuleContext): void {
  // Each intake list against its own delivery (model/deliveries.ts deliveriesOf): one list per delivery.
  const deliveries = deliveriesOf(model.data, tm);
  // A delivery split over several lists (one per 保密柜 or room) is compared with their sum, once.
  const parts = new Map(deliveries.shared.map((group) => [group[0], group] as const));
  const inGroup = new Set(deliveries.shared.flat());
  facts.intakes.forEach((_, k) => {
    if (inGroup.has(k) && !parts.has(k)) return;
    const lists = (parts.get(k) ?? [k]).map((g) => facts.intakes[g]);
    checkLists(model, facts.paperNames, lists, deliveries.lists[k], report);
  });
  if (deliveries.unlisted.length === 0) return;
  const latest = Math.max(...facts.intakes.map(({ list }) => tm(list.time)));
  for (const i of deliveries.unlisted) {
    const h = model.data.handovers![i];
    if (!h.items || h.items.length === 0) continue; // required-field: a sheet with no rows has nothing to list
    const bags = handoverBags(h);
    report(`handovers[${i}].time`, 'unlisted', {
      time: showTime(tm(h.time)),
      from: isBlankValue(h.from) ? '移交单位（未填）' : String(h.from),
      what: bags === undefined ? '数量见交接明细' : `共 ${bags} 袋`,
      whatEn: bags === undefined ? 'see its items' : `${bags} bags`,
      latest: showTime(latest),
    });
  }
}

/** The possible totals received over these handovers (each counted by its items or its 合计); undefined when not comparable. */
function receivedOver(data: SiteData, handovers: readonly number[]): Set<number> | undefined {
  let received = new Set<number>([0]);
  let any = false;
  for (const i of handovers) {
    const h = data.handovers?.[i];
    if (!h || !h.items || h.items.length === 0) continue; // required-field
    const ways = new Set<number>();
    // In 箱, the bags its 备注 says are inside (itemBags); the 合计 counts bags only when every item is in 袋.
    const counted = h.items.filter((it) => !isBlankValue(it?.quantity));
    const bags = counted.map(itemBags);
    if (bags.every((b) => b !== undefined)) ways.add(bags.reduce<number>((a, b) => a + (b ?? 0), 0));
    const t = whole(h.total);
    if (t !== undefined && h.items.every((it) => (norm(it?.unit) || '袋') === '袋')) ways.add(t);
    if (ways.size === 0) return undefined;
    any = true;
    const next = new Set<number>();
    for (const a of received) for (const b of ways) next.add(a + b);
    received = next;
    if (received.size > 64) return undefined;
  }
  return any ? received : undefined;
}

/** The lists that took in one delivery (one, or one per 保密柜 or room) against the bags it brought. */
function checkLists(
  model: RuleContext['model'],
  names: PaperNames,
  lists: ReadonlyArray<{ list: Intake; path: string }>,
  handovers: readonly number[],
  report: RuleContext['report'],
): void {
  if (lists.some(({ list }) => !list.items || list.items.length === 0)) return;
  const received = receivedOver(model.data, handovers);
  if (!received) return;
  const totals = lists.map(({ list }) => bagsOn(list));
  if (totals.some((mine) => mine.size === 0)) return;
  // Any way of counting each list (its rows or its 合计) that adds up to what was received will do.
  let sums = new Set<number>([0]);
  for (const mine of totals) sums = new Set([...sums].flatMap((s) => [...mine].map((m) => s + m)));
  const shown = totals.map((mine) => [...mine][0]);
  const { list, path } = lists[0];
  const at = list.totals && !isBlankValue(list.totals.totalBags) ? `${path}.totals.totalBags` : path;
  // The totals agree: paper by paper where both sides name every paper, one finding naming each paper that differs (review 22a D4).
  if ([...sums].some((m) => received.has(m))) {
    const papers = papersDiffering(model, names, lists, handovers);
    if (!papers?.length) return;
    const intake = [...sums].find((m) => received.has(m))!;
    const several = lists.length > 1;
    return void report(papers[0].at, 'papers', {
      what: several ? `这次接收的 ${lists.length} 张入库清单` : '入库清单',
      whatEn: several ? `the ${lists.length} intake lists of this delivery` : 'the intake list',
      papers: papersSaid(papers),
      papersEn: papersSaidEn(papers),
      totals: `总数都是 ${intake} 袋`,
      totalsEn: `${intake} bags on each in all`,
    });
  }
  // The totals differ: said once, with each paper whose bags differ where both sides name every paper (one slip, one finding).
  const byPaper = papersDiffering(model, names, lists, handovers, true);
  const papers = byPaper?.length ? { papers: papersSaid(byPaper), papersEn: papersSaidEn(byPaper) } : undefined;
  const params = { intake: shown.reduce((a, b) => a + b, 0), received: [...received].join(' 或 '), ...papers };
  if (lists.length === 1) return void report(at, papers ? 'bagsPapers' : 'bags', params);
  const sheets = lists.map(({ path: p }, g) => ({ sheet: locate(model.locations, p)?.sheet ?? p, bags: shown[g] }));
  report(at, papers ? 'sharedPapers' : 'shared', {
    ...params,
    count: lists.length,
    lists: sheets.map(({ sheet, bags }) => `${sheet} ${bags} 袋`),
    listsEn: sheets.map(({ sheet, bags }) => `${sheet}: ${bags} bags`),
  });
}

/** The totals an intake list gives: its rows by envelope size, its rows' 合计（袋）, its 合计 row. */
function bagsOn(intake: Intake): Set<number> {
  const mine = new Set<number>();
  const items = intake.items ?? [];
  const rows = items.map((it) => (it ? intakeRowBags(it) : undefined));
  if (rows.every((v) => v !== undefined)) mine.add(rows.reduce<number>((a, v) => a + (v ?? 0), 0));
  const rowTotals = sumOf(items.map((it) => it?.totalBags));
  if (rowTotals !== undefined && items.some((it) => !isBlankValue(it?.totalBags))) mine.add(rowTotals);
  const t = whole(intake.totals?.totalBags);
  if (t !== undefined) mine.add(t);
  return mine;
}

/** A paper whose bags on the lists differ from its bags received: where it is on the lists (its 合计（袋）), and both counts. */
interface PaperMismatch {
  shown: string;
  intake: number;
  received: number;
  at: string;
}

const papersSaid = (papers: readonly PaperMismatch[]): string => papers.map((p) => `${p.shown} 入库 ${p.intake} 袋、接收 ${p.received} 袋`).join('；');
const papersSaidEn = (papers: readonly PaperMismatch[]): string => papers.map((p) => `${p.shown}: ${p.intake} taken in, ${p.received} received`).join('; ');

/** A delivery's bags by paper as its sheets' items give them (by 试卷号, or by name), or undefined where some item gives none so. */
function receivedByPaper(
  data: SiteData,
  handovers: readonly number[],
  names: PaperNames,
  mode: PaperMode,
  unread: UnreadPapers | undefined,
): Map<string, { shown: string; bags: number }> | undefined {
  const received = new Map<string, { shown: string; bags: number }>();
  for (const i of handovers) {
    // A 试卷号 cell its workbook read as no paper (“3310（1袋） 9999（1袋）”, 9999 on no 考试安排: unread-papers.ts) names
    // none, here too: never read apart into the papers 3310 and 9999 unknown-paper says were not checked (round 25).
    if (unread?.some(([h]) => h === i)) return undefined;
    const items = data.handovers?.[i]?.items ?? [];
    if (items.some((it) => it && (norm(it.unit) || '袋') !== '袋')) return undefined;
    const rows = itemPapers(items, names, mode);
    if (!rows) return undefined;
    for (const p of rows.flat()) {
      if (!p) continue;
      if (p.code.includes('+')) return undefined;
      const known = received.get(p.code);
      if (known) known.bags += p.count;
      else received.set(p.code, { shown: p.shown, bags: p.count });
    }
  }
  return received.size > 0 ? received : undefined;
}

/**
 * The papers whose bags on these lists differ from their bags received on the delivery's sheets, in the order of the
 * lists' rows (then those received only); [] where each agrees; undefined where either side does not name every paper
 * (an item naming none, or several without each one's count, or a 试卷号 cell its workbook read as no paper; a count in 箱;
 * a list row with no 试卷号, or several) —
 * then the totals alone are compared. By 试卷号 where every item gives one (its own 试卷号 cell, its 备注, its name through
 * the 考试安排), else by 试卷名称 where every item and every list row names its paper (a name no schedule maps). Papers on
 * one side only (a 3301 received, a 3310 listed; two papers of one code by their names): where the totals agree, the
 * totals decide (undefined); where they differ (`oneSided`), each is said with none on the other side. A row's bags by
 * its envelope sizes or its 合计（袋）: either agrees.
 */
function papersDiffering(
  model: RuleContext['model'],
  names: PaperNames,
  lists: ReadonlyArray<{ list: Intake; path: string }>,
  handovers: readonly number[],
  oneSided = false,
): PaperMismatch[] | undefined {
  const data = model.data;
  const unread = unreadPapersOf(model);
  let mode: PaperMode = 'code';
  let received = receivedByPaper(data, handovers, names, mode, unread);
  if (!received) {
    mode = 'name';
    received = receivedByPaper(data, handovers, names, mode, unread);
  }
  if (!received) return undefined;
  const listed = new Map<string, { shown: string; bySize: number; byTotal: number | undefined; at: string }>();
  for (const { list, path } of lists) {
    for (const [r, it] of (list.items ?? []).entries()) {
      if (!it) continue;
      const code = mode === 'code' ? paperCode(it.paperNo) : paperNameKey(it.paperName);
      const bySize = intakeRowBags(it);
      if (!code || papersWritten(it.paperNo).length > 0 || bySize === undefined) return undefined;
      const total = whole(it.totalBags);
      const known = listed.get(code);
      if (known) {
        known.bySize += bySize;
        known.byTotal = known.byTotal === undefined || total === undefined ? undefined : known.byTotal + total;
      } else {
        const shown = mode === 'code' ? shownCode(it.paperNo) : String(it.paperName).trim();
        listed.set(code, { shown, bySize, byTotal: total, at: `${path}.items[${r}].totalBags` });
      }
    }
  }
  const sameKeys = received.size === listed.size && [...received.keys()].every((code) => listed.has(code));
  if (!sameKeys && !oneSided) return undefined;
  const out: PaperMismatch[] = [];
  for (const [code, l] of listed) {
    const got = received.get(code)?.bags ?? 0;
    if (got !== l.bySize && got !== l.byTotal) out.push({ shown: l.shown, intake: l.byTotal ?? l.bySize, received: got, at: l.at });
  }
  for (const [code, r] of received) if (!listed.has(code)) out.push({ shown: r.shown, intake: 0, received: r.bags, at: '' });
  return out;
}
