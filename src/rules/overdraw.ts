import { checkoutSession, notLoan, showTime, vaultRows, whole } from './facts';
import type { Facts } from './facts';
import { neverReturned } from './not-returned';
import type { RuleContext, RuleMeta } from './types';
import { shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'overdraw',
  title: { zh: '出库超过入库', en: 'More bags out than in' },
  severity: 'error',
  forms: [2, 3],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2 备注“此表为各单位入保密室中保密柜的交接单”；（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      over: '试卷 {paper} 在 {time} 出库 {qty} 袋后，同时在库外的共 {out} 袋，但到这时入库清单上这份试卷只有 {in} 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
    },
    en: {
      over: 'After taking out {qty} bags of paper {paper} at {time}, the bags out at once come to {out}, but only {in} had been taken in by then. Check the quantities or the intake time.',
    },
  },
  docs: 'At some moment more bags of one paper are out of the vault than the intake lists had taken in by then (a supplementary delivery counts from its own 入库时间; dispatches — papers sent on — never come back; a loan whose return was never written, not-returned’s finding, counts as back at its session’s end). Only counts in 袋 are compared; the first checkout that goes over is flagged.',
};

/**
 * When a loan whose return was never written is counted back: at its session's end, else just after it was
 * taken. Its bags are not-returned's finding; counted out for good they made every later checkout of the
 * paper an overdraw, the echo of that one unwritten return. Bags taken beyond the vault's are still found at it.
 */
function unwrittenReturn(facts: Facts, row: number, taken: number): number {
  const end = checkoutSession(facts, row)?.end;
  return end !== undefined && end > taken ? end : taken + 1;
}

export function check({ model, facts, report }: RuleContext): void {
  const events = new Map<string, Array<{ t: number; delta: number; row: number }>>();
  const rows = vaultRows(facts);
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r) return;
    const p = rows.paper[i];
    const q = whole(r.quantity);
    const t = rows.taken[i];
    if (!facts.intakeBags.has(p) || q === undefined || Number.isNaN(t)) return;
    if (r.unit && r.unit.trim() !== '袋') return;
    const list = events.get(p) ?? [];
    list.push({ t, delta: q, row: i });
    const back = neverReturned(facts, r, i) ? unwrittenReturn(facts, i, t) : rows.returned[i];
    if (!notLoan(facts, i) && !Number.isNaN(back) && back >= t) list.push({ t: back, delta: -q, row: i });
    events.set(p, list);
  });
  for (const [paper, list] of events) {
    // What the vault had taken in of the paper by each moment: a supplementary delivery counts from its own intake.
    // Only papers with bags taken in have events (facts.intakeBags), so each has its arrivals.
    const arrivals = facts.intakeArrivals.get(paper)!;
    const inBy = (t: number) => arrivals.reduce((sum, a) => (a.t <= t ? sum + a.bags : sum), 0);
    list.sort((a, b) => a.t - b.t || a.delta - b.delta);
    let out = 0;
    for (const e of list) {
      out += e.delta;
      const limit = inBy(e.t);
      // Out before any of it came in is checkout-before-intake's finding: one fact, one finding.
      const beforeIntake = e.t < arrivals[0].t;
      if (e.delta > 0 && out > limit && !beforeIntake) {
        // Said as the row writes its 试卷号 (0304), not as compared (304).
        const shown = shownCode(model.data.vaultLog![e.row]?.paperNo);
        report(`vaultLog[${e.row}].quantity`, 'over', { paper: shown, time: showTime(e.t), qty: e.delta, out, in: limit });
        break;
      }
    }
  }
}
