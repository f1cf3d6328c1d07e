import { afterItsSessions, checkoutProblem, showDuration, showDurationEn, showTime, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { custodyPeriods, lastSealed, receiptOf, sealedPapers } from '../model/deliveries';
import { lastSentWithoutLog } from '../model/custody';

export const meta: RuleMeta = {
  id: 'duty-gap',
  title: { zh: '值班断档或重叠', en: 'Gap or overlap in the duty log' },
  severity: 'error',
  forms: [2, 3, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“试卷入库至出库期间，各级保密室值班人员签写附件5”；参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.4“24小时昼夜值班与巡逻”',
  messages: {
    zh: {
      gap: '上一班到 {prev} 结束，这一班 {from} 才开始，中间 {span}无人值班。试卷在库期间须 24 小时昼夜值班，请补记这段值班或核对时间。',
      gapPart:
        '上一班到 {prev} 结束，这一班 {from} 才开始，中间 {span}没有值班记录，其中试卷在保密室内无人值班 {held}（其余时间试卷不在保密室：{outside}）。试卷在库期间须 24 小时昼夜值班，请补记这段值班或核对时间。',
      overlap: '这一班 {from} 开始，上一班到 {prev} 才结束，两班重叠 {span}。交接班时间应首尾相接，请核对值班时间。',
      start: '试卷 {custody} 已入库，但值班记录从 {from} 才开始。从入库起须昼夜值班，请补记入库后的值班。',
      end: '最后一次出库在 {custody}，但值班记录到 {to} 就结束了。到最后一次出库为止须昼夜值班，请补记之后的值班。',
      sealed:
        '试卷 {paper} 入库后没有出库记录，仍封存在保密室，至少到它的考试结束（{custody}）；但值班记录到 {to} 就结束了。试卷在保密室期间每天都须昼夜值班，不论之后是否出库：请补记之后的值班；若这份试卷已经出库，请在出入库记录表上登记。',
      endSent:
        '工作簿里没有出入库记录，只知道试卷最晚在 {custody} 随交接单“{sheet2}”送出，但值班记录到 {to} 就结束了。到试卷出库为止须昼夜值班：请补记之后的值班；若试卷在此之前已出库，请在出入库记录表上登记出库时间。',
    },
    en: {
      gap: 'The previous shift ends at {prev} and this one starts at {from}: {spanEn} unguarded. The vault is guarded day and night while it holds papers; record that shift or check the times.',
      gapPart:
        'The previous shift ends at {prev} and this one starts at {from}: {spanEn} with no shift, of which the papers were in the vault, unguarded, for {heldEn} (the rest of the time they were not in the vault: {outsideEn}). The vault is guarded day and night while it holds papers; record that shift or check the times.',
      overlap: 'This shift starts at {from} but the previous one ends only at {prev}: {spanEn} overlap. Shifts meet end to start; check the duty times.',
      start:
        'Papers were in the vault from {custody}, but the duty log starts only at {from}. The vault is guarded from intake on; record the duty after intake.',
      end: 'The last checkout is at {custody}, but the duty log ends at {to}. The vault is guarded until the last checkout; record the duty after it.',
      sealed:
        'Paper {paper} has no checkout after its intake: it stayed sealed in the vault at least until its session ended ({custody}), but the duty log ends at {to}. The vault is guarded day and night while it holds papers, whether or not they are taken out later: record the duty after {to}, or, if the paper left, record the checkout in the vault log.',
      endSent:
        'The workbook keeps no vault log: the papers are known only to have left by {custody}, on handover sheet "{sheet2}", but the duty log ends at {to}. The vault is guarded until the papers leave it: record the duty after {to}, or, if they left earlier, record the checkout in the vault log.',
    },
  },
  docs: 'Shifts of the duty log (附件5) must follow one another without gap or overlap and cover the custody period: from intake (not before the papers were received) to the last vault checkout (not a row out to be destroyed after the exams, nor one lent on a day after its paper’s sessions: a spare kept would not be guarded on either), and on while a paper taken in never left (no checkout after its intake: 0 candidates, or a session whose checkout is not written), at least to its session’s end — where the workbook keeps no vault log (a 省校 without 附件3), to its last outgoing handover: the papers had left the vault by then. Between two deliveries (one 入库清单 each) the vault may stand empty — the first delivery’s papers all out before the second arrives — and a gap then is none. A gap the papers were in the vault for only part of (it runs past the last checkout, when they went out for the exam, or began before intake) says both: the time with no shift and the time the papers were in the vault unguarded, with when they were not. A duty sheet whose shifts cannot be read at all (no 值班时间：, said by required-field at its sheet) leaves the gaps unknown: none is said.',
};

/** A gap or overlap as people say it: 30分钟, 2小时, 3小时20分. */
function spanOf(minutes: number): { span: string; spanEn: string } {
  return { span: showDuration(minutes), spanEn: showDurationEn(minutes) };
}

/**
 * The parts of a gap [a, b] the vault held papers (`held`, model/deliveries.ts custodyPeriods, those it judges), and
 * the params that say so when that is not the whole gap: how long the papers were in the vault unguarded, and when
 * they were not there. Undefined when they were there all the gap (or when the vault's times are not known).
 */
function heldPart(a: number, b: number, held: ReadonlyArray<readonly [number, number]>): Record<string, string> | undefined {
  const parts = held.map(([s, e]): [number, number] => [Math.max(a, s), Math.min(b, e)]).filter(([s, e]) => e > s);
  const minutes = parts.reduce((sum, [s, e]) => sum + e - s, 0);
  if (parts.length === 0 || minutes >= b - a) return undefined;
  const away: Array<[number, number]> = [];
  let at = a;
  for (const [s, e] of parts) {
    if (s > at) away.push([at, s]);
    at = e;
  }
  if (at < b) away.push([at, b]);
  // 6月16日 07:50–09:00: the end's day only where it is another.
  const show = ([s, e]: [number, number]) => {
    const [day] = showTime(s).split(' ');
    const end = showTime(e);
    return `${showTime(s)}–${end.startsWith(`${day} `) ? end.slice(day.length + 1) : end}`;
  };
  const outside = away.map(show);
  return { held: showDuration(minutes), heldEn: showDurationEn(minutes), outside: outside.join('、'), outsideEn: outside.join(', ') };
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const shifts = data.duty?.shifts ?? [];
  // A duty sheet whose shifts could not be read (required-field says it at its sheet): the gaps it leaves are not known.
  if (shifts.length === 0 || model.unreadRows?.some((u) => u.form === 'duty')) return;
  const good: Array<{ i: number; from: number; to: number }> = [];
  const badIdx: number[] = [];
  shifts.forEach((s, i) => {
    const from = tm(s?.from);
    const to = tm(s?.to);
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) badIdx.push(i);
    else good.push({ i, from, to });
  });
  if (good.length === 0) return;
  good.sort((a, b) => a.from - b.from || a.i - b.i);
  // A shift that cannot be read sits somewhere in the chain: do not report gaps around it.
  const badBetween = (a: number, b: number) => badIdx.some((k) => k > Math.min(a, b) && k < Math.max(a, b)) || (badIdx.length > 0 && Math.abs(a - b) !== 1);
  // Between deliveries the vault may stand empty: a gap then is no gap (when the deliveries' times can be read).
  const sealedByList = sealedPapers(data, tm);
  const held = custodyPeriods(data, tm, Number.POSITIVE_INFINITY, sealedByList);
  // A delivery whose list was signed before it arrived (intake-before-receipt says so) was taken in at a time not known:
  // the gap it arrived in is not judged (its custody is held from its arrival, model/deliveries.ts).
  const unsure = new Set(facts.intakes.map((_, k) => receiptOf(data, tm, k)).filter((t) => Number.isFinite(t)));
  const heldIn = (a: number, b: number) => held.filter(([s, e]) => a < e && b > s && !(a < s && unsure.has(s)));
  for (let k = 1; k < good.length; k++) {
    const prev = good[k - 1];
    const cur = good[k];
    if (badBetween(prev.i, cur.i)) continue;
    const inGap = cur.from > prev.to ? heldIn(prev.to, cur.from) : [];
    if (cur.from > prev.to && (held.length === 0 || inGap.length > 0)) {
      // Said as the time the papers were in the vault unguarded, where they were out (or not yet in) for part of it.
      const part = heldPart(prev.to, cur.from, inGap);
      const params = { prev: showTime(prev.to), from: showTime(cur.from), ...spanOf(cur.from - prev.to) };
      report(`duty.shifts[${cur.i}].from`, part ? 'gapPart' : 'gap', { ...params, ...part });
    } else if (cur.from < prev.to)
      report(`duty.shifts[${cur.i}].from`, 'overlap', { prev: showTime(prev.to), from: showTime(cur.from), ...spanOf(prev.to - cur.from) });
  }
  // Custody: from intake (not before receipt) to the last checkout, or a paper's session's end while it never left.
  let start = Math.min(...facts.intakes.map(({ list }) => tm(list.time)).filter((t) => !Number.isNaN(t)));
  if (!Number.isFinite(start)) start = Number.NaN;
  let received = Number.NaN;
  (data.handovers ?? []).forEach((h, i) => {
    const t = tm(h?.time);
    if (facts.direction[i] === 'in' && !Number.isNaN(t) && (Number.isNaN(received) || t < received)) received = t;
  });
  // An intake before receipt is intake-before-receipt's finding; custody is then not measured from it.
  if (!Number.isNaN(start) && !Number.isNaN(received) && start < received) start = Number.NaN;
  // The last checkout, not counting one whose own time is in question (time-order, checkout-window).
  let end = Number.NaN;
  (data.vaultLog ?? []).forEach((r, i) => {
    const t = tm(r?.takenAt);
    const back = tm(r?.returnedAt);
    // A bag out to be destroyed after the exams (model/disposal.ts) ends no custody: a spare kept would not either, nor
    // one lent on a day after its paper's sessions (a spare sent back with no sheet: not-returned's).
    if (Number.isNaN(t) || (!Number.isNaN(back) && back < t) || checkoutProblem(facts, i) || afterItsSessions(facts, i) || facts.disposal[i]) return;
    if (Number.isNaN(end) || t > end) end = t;
  });
  // A paper that never left is guarded until its session's end at least, after the last checkout (model/deliveries.ts).
  const sealed = lastSealed(sealedByList);
  const sealedLast = sealed !== undefined && !(sealed.t <= end);
  if (sealedLast) end = sealed.t;
  // No vault log at all: the papers had left by the last handover that sent them on (model/custody.ts).
  const sent = lastSentWithoutLog(data);
  if (sent) end = sent.t;
  const first = good[0];
  const last = good[good.length - 1];
  const badBefore = badIdx.some((k) => k < first.i);
  const badAfter = badIdx.some((k) => k > last.i);
  if (!Number.isNaN(start) && first.from > start && !badBefore)
    report(`duty.shifts[${first.i}].from`, 'start', { custody: showTime(start), from: showTime(first.from) });
  if (!Number.isNaN(end) && last.to < end && !badAfter && (Number.isNaN(start) || end >= start)) {
    const sheet2 = sent ? (model.locations[`handovers[${sent.index}]`]?.sheet ?? '') : '';
    const messageId = sent ? 'endSent' : sealedLast ? 'sealed' : 'end';
    report(`duty.shifts[${last.i}].to`, messageId, { custody: showTime(end), to: showTime(last.to), sheet2, paper: sealed?.paperNo ?? '' });
  }
}
