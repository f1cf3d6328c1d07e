import { carries, handoverBags, handsPapersDown, itemBags } from '../model/custody';
import { norm, peopleIn, personKey, showTime, tm, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import type { SiteData } from '../model/types';
import { paperCode, shownCode } from '../model/paper-code';
import { seqsEn } from '../model/finding';
import { isBlankValue } from '../model/values';
import { checkPassedOn } from './passed-on';

export const meta: RuleMeta = {
  id: 'dispatch-without-handover',
  // One title for both messages: a dispatch with no sheet, and papers sent on (down the chain or back up it) in other bags than their sheet.
  title: { zh: '送出试卷没有相符的交接单', en: 'Papers sent on without a matching handover sheet' },
  severity: 'error',
  forms: [1, 3],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“试卷由省校分发给分校（学院），双方签写附件1；试卷由分校（学院）分发给考点，双方签写附件1”；参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.5“考试结束，回收的试卷……必须及时送回”',
  messages: {
    zh: {
      none: '试卷 {papers} 于 {time} 出库下发（取卷人 {taker}），但没有一张{sender}发给{receiver}的纸质试卷交接单（附件1）与这次下发对应。{sender}分发试卷给{receiver}须双方签写附件1，请补上这次交接的交接单，或核对取卷时间。',
      bags: '{time} 下发给{to}的试卷在出入库记录上共 {out} 袋（第 {rows} 行），而交接单（{sheet2}）上是 {handed} 袋。出库下发的试卷须与双方签写的交接单一致，请核对数量。',
      back: '{time} 出库送回{to}的试卷在出入库记录上共 {out} 袋（第 {rows} 行），而送回的交接单（{sheet2}）上是 {handed} 袋。送回的试卷须与双方签写的交接单一致，请核对数量；确有试卷没有随交接单送回的，须立即查明去向。',
      bagsPaper:
        '{time} 下发给{to}的试卷在出入库记录上共 {out} 袋（第 {rows} 行），而交接单（{sheet2}）上是 {handed} 袋，不一致的是试卷 {papers}。出库下发的试卷须与双方签写的交接单一致，请核对数量。',
      backPaper:
        '{time} 出库送回{to}的试卷在出入库记录上共 {out} 袋（第 {rows} 行），而送回的交接单（{sheet2}）上是 {handed} 袋，不一致的是试卷 {papers}。送回的试卷须与双方签写的交接单一致，请核对数量；确有试卷没有随交接单送回的，须立即查明去向。',
      short:
        '{from}的交接单（{sheet1}）上试卷归属{dest}的共 {received} 袋，而交给{dest}的交接单（{sheet2}）上只有 {sent} 袋。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单的数量；若确有试卷留下，请查明去向并尽快交给{dest}。',
      shortIntake:
        '{from}的交接单（{sheet1}）上试卷归属{dest}的共 {received} 袋，而交给{dest}的交接单（{sheet2}）上只有 {sent} 袋；入库清单（{intakeSheet}）序号 {seq} 的“{label}”{shown}，保密室里是否还留有试卷无从核对。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：{fix}，再核对这张交接单和出入库记录的数量；若确有试卷留在保密室，请尽快交给{dest}，它离开保密室之前须昼夜值班。',
      shortKept:
        '{from}的交接单（{sheet1}）上试卷归属{dest}的共 {received} 袋，而交给{dest}的交接单（{sheet2}）上只有 {sent} 袋；按入库清单和出入库记录，保密室里还留有试卷 {kept}。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单和出入库记录的数量；若确有试卷留在保密室，请尽快交给{dest}，它离开保密室之前须昼夜值班。',
    },
    en: {
      none: 'Papers {papers} left the vault for {receiverEn} at {time} (taken by {taker}), but no handover sheet (附件1) from this {senderEn} to {receiverEn} matches this dispatch. Papers handed down to {receiverEn} go with a handover sheet signed by both sides; add the sheet of this handover, or check the checkout time.',
      bags: 'The dispatch to {to} at {time} is {out} bags on the vault log ({rowsEn}), but {handed} bags on its handover sheet ({sheet2}). The dispatch and the handover sheet must agree; check the counts.',
      back: 'The papers taken out at {time} to be sent back to {to} are {out} bags on the vault log ({rowsEn}), but {handed} bags on the sheet that sends them back ({sheet2}). Papers sent back must agree with the handover sheet signed by both sides; check the counts, and if papers did not go back with the sheet, find out at once where they are.',
      bagsPaper:
        'The dispatch to {to} at {time} is {out} bags on the vault log ({rowsEn}), but {handed} bags on its handover sheet ({sheet2}); the papers that differ: {papersEn}. The dispatch and the handover sheet must agree; check the counts.',
      backPaper:
        'The papers taken out at {time} to be sent back to {to} are {out} bags on the vault log ({rowsEn}), but {handed} bags on the sheet that sends them back ({sheet2}); the papers that differ: {papersEn}. Papers sent back must agree with the handover sheet signed by both sides; check the counts, and if papers did not go back with the sheet, find out at once where they are.',
      short:
        'The sheets from {from} ({sheet1}) bring {received} bags for {dest} (试卷归属), but the sheets handing papers to {dest} ({sheet2}) carry only {sent} bags. Papers received for a unit all go on to it, on a handover sheet signed by both sides: check the count on this sheet; if bags were kept back, find out where they are and hand them to {dest} soon.',
      shortIntake:
        'The sheets from {from} ({sheet1}) bring {received} bags for {dest} (试卷归属), but the sheets handing papers to {dest} ({sheet2}) carry only {sent} bags; and No. {seq}’s "{label}" on the intake list ({intakeSheet}) {shownEn}, so whether the vault still holds bags cannot be checked. Papers received for a unit all go on to it, on a handover sheet signed by both sides: {fixEn}, then check the counts on this sheet and the vault log; if bags did stay in the vault, hand them to {dest} soon and keep the vault on duty day and night until they leave.',
      shortKept:
        'The sheets from {from} ({sheet1}) bring {received} bags for {dest} (试卷归属), but the sheets handing papers to {dest} ({sheet2}) carry only {sent} bags; by the intake list and the vault log the vault still holds {keptEn}. Papers received for a unit all go on to it, on a handover sheet signed by both sides: check the counts on this sheet and the vault log; if bags did stay in the vault, hand them to {dest} soon and keep the vault on duty day and night until they leave.',
    },
  },
  docs: 'Where papers are handed down — at a 分校, a dispatch to a 考点; at the 省校, to a 分校 — a dispatch (a vault checkout not expected back) with no outgoing handover sheet that day (or the next day after an evening checkout): the sheet its taker signs as receiver, else the nearest one no other taker signs; or a sheet whose bags differ from the dispatches paired with it (where another sheet to the same unit that day has no dispatch of its own — one dispatch handed over on two sheets — that unit’s sheets of the day are compared together; a count in 箱 counts the bags its 备注 says are inside, “内装4袋”, and is not compared without them; judged only when no dispatch exceeds the stock — overdraw — or has its time in question, and, per sheet, when no dispatch left without a sheet could be on it). A dispatch taken out before intake is checkout-before-intake’s. One finding per day of unmatched dispatches, at its first vault row. At a 考点, papers sent back up the chain (after the exam, on an outgoing sheet: model/custody.ts) in other bags than the sheet of their day; a checkout whose sheet is not clear (sent the next day) leaves the sheets that could carry it uncompared. Bags that differ are said at the dispatch’s first row; where each item of the sheet names one of the rows’ papers (试卷归属 or 备注: “5501 已考2袋”), at the first row of the paper that differs, naming it with its bags on each side. Where papers are handed down, also the bags received for a unit below (the incoming sheets’ items naming it as 试卷归属, not those sent back up) against the bags on this unit’s sheets to it: fewer handed on than received is said at the 合计 of its last sheet — when the vault log (if the workbook keeps one) leaves some paper’s bags in the vault (taken in less dispatched), naming them; a vault log that sent every bag out is compared with the sheets above instead. A dispatch whose 数量 cannot be read (blank, words, a formula saved without its value: its own finding) is not taken as 0 bags: its sheet is not compared with it, no bag of its paper is said to be left in the vault, and a unit below on a sheet carrying it, handed fewer bags than were received for it, is said so without naming bags kept. An intake row whose bags cannot be read (blank, words, a formula saved without its value) leaves every bag taken in unknown: where no other paper’s bags are read as kept, a unit below handed fewer bags than were received for it is said so — whether the vault still holds bags unchecked (无从核对), naming that row’s cell — not passed over as by a vault log that sent every bag out.',
};

/** Checkouts this close in time are one trip to the vault. */
const TOGETHER = 30;

/** The outgoing handovers that could carry a dispatch at `t` (model/custody.ts `carries`), nearest first. */
function handoversNear(times: ReadonlyMap<number, number>, outgoing: number[], t: number): number[] {
  const near = outgoing.filter((i) => carries(times.get(i)!, t));
  return near.sort((x, y) => Math.abs(times.get(x)! - t) - Math.abs(times.get(y)! - t));
}

/** The entry of a time-sorted list nearest to `t` (binary search). */
function nearest<T extends { t: number }>(sorted: readonly T[], t: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo];
  const before = sorted[lo - 1];
  if (!before) return after;
  if (!after) return before;
  return t - before.t <= after.t - t ? before : after;
}

/**
 * Each dispatch row's handover: the one its taker signs as receiver; else the
 * one of rows taken out with it (within half an hour); else the nearest one no
 * signing taker has claimed (a sheet signed by other takers is another 考点's).
 */
function pairDispatches(data: SiteData, facts: RuleContext['facts']): Map<number, number | undefined> {
  const outgoing = (data.handovers ?? []).map((_, i) => i).filter((i) => facts.direction[i] === 'out' && !Number.isNaN(tm(data.handovers![i]?.time)));
  // Each outgoing handover's time, read once for every dispatch row that looks for its sheet.
  const times = new Map(outgoing.map((i) => [i, tm(data.handovers![i]?.time)]));
  // And its receivers (personKey), once for every dispatch row that asks whether its taker signs it.
  const receivers = new Map(outgoing.map((i) => [i, (data.handovers![i].toSigners ?? []).map(personKey)]));
  // A dispatch taken out before the papers were taken in is checkout-before-intake's: its time is in question.
  const beforeIntake = (t: number, paper: unknown) => t < (facts.intakeTimes.get(paperCode(paper)) ?? Number.NaN);
  const rows = (data.vaultLog ?? [])
    .map((_, i) => i)
    .filter((i) => {
      const t = tm(data.vaultLog![i]?.takenAt);
      return facts.dispatch[i] && !Number.isNaN(t) && !beforeIntake(t, data.vaultLog![i].paperNo);
    });
  const pairs = new Map<number, number | undefined>();
  const claimed = new Set<number>();
  for (const i of rows) {
    const r = data.vaultLog![i];
    const takers = peopleIn(r.taker);
    const signed = handoversNear(times, outgoing, tm(r.takenAt)).find((h) => receivers.get(h)!.some((n) => takers.includes(n)));
    if (signed !== undefined) claimed.add(signed);
    pairs.set(i, signed);
  }
  const signedTimes = rows.filter((k) => pairs.get(k) !== undefined).map((k) => ({ t: tm(data.vaultLog![k].takenAt), h: pairs.get(k)! }));
  signedTimes.sort((x, y) => x.t - y.t);
  for (const i of rows) {
    if (pairs.get(i) !== undefined) continue;
    const t = tm(data.vaultLog![i].takenAt);
    // Taken out together with a signed row: the same movement.
    const together = nearest(signedTimes, t);
    pairs.set(i, together && Math.abs(together.t - t) <= TOGETHER ? together.h : handoversNear(times, outgoing, t).find((h) => !claimed.has(h)));
  }
  return pairs;
}

const push = <K>(map: Map<K, number[]>, key: K, row: number) => map.set(key, [...(map.get(key) ?? []), row]);

/**
 * Some paper dispatched in more bags than were taken in. A dispatch whose 数量 is not read adds none, as overdraw (whose
 * finding this gate leaves alone) judges no such row: the sheets of the other dispatches are still compared, and its own
 * is not (compareBags) — fix-left28 pins it (test/rules/unread-dispatch28.test.ts).
 */
function overdrawn(data: SiteData, facts: RuleContext['facts']): boolean {
  const out = new Map<string, number>();
  (data.vaultLog ?? []).forEach((r, i) => {
    if (facts.dispatch[i]) out.set(paperCode(r?.paperNo), (out.get(paperCode(r?.paperNo)) ?? 0) + (whole(r?.quantity) ?? 0));
  });
  return [...out].some(([paper, bags]) => bags > (facts.intakeBags.get(paper) ?? Number.POSITIVE_INFINITY));
}

export function check(context: RuleContext): void {
  if (handsPapersDown(context.facts.level)) {
    checkDispatches(context);
    checkPassedOn(context);
  } else if (context.facts.level === '考点') checkSendBacks(context);
}

/**
 * A 考点's checkouts sent back to its 分校 on an outgoing sheet (model/custody.ts: dispatches there are only
 * these): their bags against the sheet that carries them (`movement`). A checkout with no sheet of its day
 * (sent the next morning) leaves the sheets that could carry it uncompared.
 */
function checkSendBacks({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const paired = new Map<number, number[]>();
  const unclear: number[] = [];
  facts.dispatch.forEach((sent, i) => {
    if (!sent) return;
    const h = facts.custody.movement[i];
    if (h === undefined) unclear.push(tm(data.vaultLog![i]?.takenAt));
    else push(paired, h, i);
  });
  if (overdrawn(data, facts)) return;
  compareBags({ model, facts, report }, paired, unclear, 'back');
}

function checkDispatches({ model, facts, report }: RuleContext): void {
  const data = model.data;
  // Who hands down to whom, in the message: the 分校 to a 考点, the 省校 to a 分校.
  const sender = facts.level === '省校' ? '省校' : '分校';
  const receiver = facts.level === '省校' ? '分校' : '考点';
  const [senderEn, receiverEn] =
    facts.level === '省校' ? ['provincial school (省校)', 'a branch school (分校)'] : ['branch school (分校)', 'an exam site (考点)'];
  const unpaired = new Map<number, number[]>();
  const paired = new Map<number, number[]>();
  const pairs = pairDispatches(data, facts);
  for (const [i, h] of pairs) {
    if (h === undefined) push(unpaired, Math.floor(tm(data.vaultLog![i].takenAt) / 1440), i);
    else push(paired, h, i);
  }
  for (const rows of unpaired.values()) {
    const first = data.vaultLog![rows[0]];
    const listed = (key: 'paperNo' | 'taker') => [...new Set(rows.map((i) => norm(data.vaultLog![i][key])).filter(Boolean))];
    report(`vaultLog[${rows[0]}].takenAt`, 'none', {
      papers: listed('paperNo'),
      time: showTime(tm(first.takenAt)),
      taker: listed('taker'),
      sender,
      receiver,
      senderEn,
      receiverEn,
    });
  }
  // Bags are compared only where no paper went out beyond its stock (overdraw) and no dispatch's time is in
  // question, and per sheet only where the pairing is clear: no dispatch left without a sheet could be on it.
  // One fact, one finding.
  if (overdrawn(data, facts)) return;
  const unclear = unclearTimes(data, facts, pairs);
  if (unclear !== undefined) compareBags({ model, facts, report }, paired, unclear, 'bags');
}

/** The bags of each sheet (or sheets compared together) against the rows paired with it, where no row of `unclear` times could be on it. */
function compareBags(
  { model, facts, report }: RuleContext,
  paired: ReadonlyMap<number, number[]>,
  unclear: readonly number[],
  messageId: 'bags' | 'back',
): void {
  const data = model.data;
  const seqOf = (i: number) => model.locations[`vaultLog[${i}]`]?.row ?? i + 1;
  const clear = (h: number) => !unclear.some((t) => carries(tm(data.handovers![h]?.time), t));
  for (const { sheets, rows } of comparedTogether(data, facts, paired)) {
    if (!sheets.every(clear)) continue;
    const bags = sheets.map((h) => handoverBags(data.handovers![h]));
    const counts = rows.map((i) => ((norm(data.vaultLog![i].unit) || '袋') === '袋' ? whole(data.vaultLog![i].quantity) : undefined));
    if (bags.some((b) => b === undefined) || counts.some((c) => c === undefined)) continue;
    const handed = bags.reduce<number>((a, b) => a + (b ?? 0), 0);
    const out = counts.reduce<number>((a, c) => a + (c ?? 0), 0);
    if (out === handed) continue;
    // Where the sheet's items each name their paper, the finding sits on the row of the paper that differs, and names it.
    const differing = papersDiffering(data, sheets, rows);
    const at = differing?.[0].rows[0] ?? rows[0];
    const byPaper = differing && {
      papers: differing.map(
        (d) => `${d.paper}（出入库记录第 ${d.rows.map(seqOf).join('、')} 行 ${d.out} 袋，${d.handed ? `交接单 ${d.handed} 袋` : '交接单上没有'}）`,
      ),
      papersEn: differing.map(
        (d) => `${d.paper} (${d.out} bags on vault log ${seqsEn(d.rows.map(seqOf))}, ${d.handed ? `${d.handed} bags` : 'none'} on the sheet)`,
      ),
    };
    report(`vaultLog[${at}].quantity`, byPaper ? `${messageId}Paper` : messageId, {
      ...byPaper,
      // The dispatch's time (its first row's), which the sentence is about.
      time: showTime(tm(data.vaultLog![rows[0]].takenAt)),
      to: String(data.handovers![sheets[0]].to ?? ''),
      out,
      rows: rows.map(seqOf),
      rowsEn: seqsEn(rows.map(seqOf)),
      handed,
      // Copies kept on one sheet are one sheet to the reader of the message.
      sheet2: [...new Set(sheets.map((h) => model.locations[`handovers[${h}]`]?.sheet ?? ''))].join('、'),
    });
  }
}

interface PaperBags {
  /** The 试卷号 as its first row writes it. */
  paper: string;
  rows: number[];
  out: number;
  handed: number;
}

/**
 * The papers whose bags on the vault rows differ from their bags on the sheets, in the order of the rows —
 * where each item of the sheets names one of the rows' papers (试卷归属 or 备注: “5501 已考2袋”) with its bags
 * readable. Undefined where an item names none or several of them (“备用卷6袋（1304、2216…）”): the sheet's
 * bags are not told by paper.
 */
function papersDiffering(data: SiteData, sheets: readonly number[], rows: readonly number[]): PaperBags[] | undefined {
  const byPaper = new Map<string, PaperBags>();
  for (const i of rows) {
    const code = paperCode(data.vaultLog![i].paperNo);
    if (!code) return undefined;
    const p = byPaper.get(code) ?? byPaper.set(code, { paper: shownCode(data.vaultLog![i].paperNo), rows: [], out: 0, handed: 0 }).get(code)!;
    p.rows.push(i);
    p.out += whole(data.vaultLog![i].quantity) ?? 0;
  }
  for (const h of sheets) {
    const items = (data.handovers![h].items ?? []).filter((it) => it && !(isBlankValue(it.quantity) && isBlankValue(it.destination)));
    // A sheet with no items (its 合计 alone) says nothing of its papers.
    if (items.length === 0) return undefined;
    for (const it of items) {
      const text = `${norm(it.destination)}|${norm(it.note)}`;
      const named = new Set((text.match(/[0-9A-Za-z]+/g) ?? []).map(paperCode).filter((code) => byPaper.has(code)));
      const bags = itemBags(it);
      if (named.size !== 1 || bags === undefined) return undefined;
      byPaper.get([...named][0])!.handed += bags;
    }
  }
  const differing = [...byPaper.values()].filter((p) => p.out !== p.handed);
  return differing.length > 0 ? differing : undefined;
}

/**
 * The times of the dispatches no sheet was found for: a sheet that could carry one of them may hold its bags
 * too. Undefined when some dispatch's time is in question (unreadable, or before intake: checkout-before-intake)
 * — it could be on any sheet.
 */
function unclearTimes(data: SiteData, facts: RuleContext['facts'], pairs: ReadonlyMap<number, number | undefined>): number[] | undefined {
  const times: number[] = [];
  for (let i = 0; i < facts.dispatch.length; i++) {
    if (!facts.dispatch[i]) continue;
    if (!pairs.has(i)) return undefined;
    if (pairs.get(i) === undefined) times.push(tm(data.vaultLog![i].takenAt));
  }
  return times;
}

/**
 * The handover sheets compared with the dispatch rows paired with them: each
 * on its own, but where an outgoing sheet to the same unit on the same day has
 * no row of its own, all of that unit's sheets of that day with all their rows —
 * one dispatch handed over on two sheets (a sheet per exam day), whose rows
 * all paired with the nearer one.
 */
function comparedTogether(data: SiteData, facts: RuleContext['facts'], paired: ReadonlyMap<number, number[]>): Array<{ sheets: number[]; rows: number[] }> {
  const handovers = data.handovers ?? [];
  const keyOf = (h: number) => `${norm(handovers[h]?.to)}\u0000${Math.floor(tm(handovers[h]?.time) / 1440)}`;
  const withoutRows = new Map<string, number[]>();
  handovers.forEach((_, h) => {
    if (facts.direction[h] === 'out' && !paired.has(h) && !Number.isNaN(tm(handovers[h]?.time))) push(withoutRows, keyOf(h), h);
  });
  const alone: Array<{ sheets: number[]; rows: number[] }> = [];
  const together = new Map<string, { sheets: number[]; rows: number[] }>();
  for (const [h, rows] of paired) {
    const extra = withoutRows.get(keyOf(h));
    if (!extra) {
      alone.push({ sheets: [h], rows });
      continue;
    }
    const group = together.get(keyOf(h)) ?? { sheets: [...extra], rows: [] };
    group.sheets.push(h);
    group.rows.push(...rows);
    together.set(keyOf(h), group);
  }
  for (const group of together.values()) {
    group.sheets.sort((a, b) => a - b);
    group.rows.sort((a, b) => a - b);
  }
  return [...alone, ...together.values()];
}
