import { dayOf, norm, showTime, tm } from './facts';
import { toHalfWidth } from '../model/text';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'arrival-too-early',
  title: { zh: '试卷到达过早', en: 'Papers arrived too early' },
  severity: 'error',
  forms: [0, 1, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“严格控制好试卷到达目的地时间，原则上到分校（或考点）时间不得早于2天”',
  messages: {
    zh: {
      handover: '试卷 {time} 交接到{unit}，比最早一场考试（{first}）早了 {days} 天。方案规定试卷到分校（或考点）不得早于考前 {limit} 天；如属特殊情况须考前一个月报备，否则请核对日期。',
      dispatch: '试卷 {paper} 于 {time} 出库下发给考点，比它的第一场考试（{first}）早了 {days} 天。试卷到考点不得早于考前 {limit} 天，请核对日期。',
    },
    en: {
      handover: 'Papers were handed over to {unit} at {time}, {days} days before the first session ({first}). Papers may reach a 分校 or 考点 at most {limit} days before the exam; a special case is reported to the provincial school a month ahead, otherwise check the date.',
      dispatch: 'Paper {paper} was dispatched to the exam site at {time}, {days} days before its first session ({first}). Papers may reach an exam site at most {limit} days before.',
    },
  },
  docs: 'Papers reached a 分校 or 考点 more than the set number of days (default 2, 基本信息) before their first session, counted in calendar days: incoming handovers, a 分校’s handovers to its 考点, and a 分校’s dispatch checkouts.',
};

export function check({ model, facts, report }: RuleContext): void {
  if (facts.level === '省校') return;
  const limit = facts.settings.arrivalDaysBefore;
  const data = model.data;
  const sessionsBy = facts.sessionsByPaper;
  const names = new Map<string, string>();
  for (const s of data.schedule ?? []) if (norm(s?.paperName) && norm(s?.paperNo)) names.set(norm(s?.paperName), norm(s?.paperNo));

  (data.handovers ?? []).forEach((h, i) => {
    const dir = facts.direction[i];
    if (!h || (dir !== 'in' && !(dir === 'out' && facts.level === '分校'))) return;
    const t = tm(h.time);
    if (Number.isNaN(t)) return;
    // The papers named on the items (试卷号 or 名称 in 试卷归属/备注); any item naming none means any paper.
    let first = Number.NaN;
    let allNamed = (h.items ?? []).length > 0;
    for (const it of h.items ?? []) {
      // Words of the item's text looked up as paper numbers or names: linear in the items.
      const words = toHalfWidth(`${it?.destination ?? ''} ${it?.note ?? ''}`).split(/[\s,，、;；/()（）《》“”"':：]+/).filter(Boolean);
      let named = false;
      for (const w of words) {
        const list = sessionsBy.get(w) ?? sessionsBy.get(names.get(w) ?? '');
        if (list && list.length) {
          named = true;
          if (Number.isNaN(first) || list[0].start < first) first = list[0].start;
        }
      }
      if (!named) allNamed = false;
    }
    if (!allNamed || Number.isNaN(first)) first = facts.firstSessionStart;
    if (Number.isNaN(first)) return;
    const days = Math.floor(first / 1440) - dayOf(h.time);
    if (days > limit) report(`handovers[${i}].time`, 'handover', { time: showTime(t), unit: h.to ?? '本单位', first: showTime(first), days, limit });
  });

  const intake = tm(data.intake?.time);
  (data.vaultLog ?? []).forEach((r, i) => {
    if (!facts.dispatch[i] || !r) return;
    const t = tm(r.takenAt);
    if (!Number.isNaN(intake) && t < intake && facts.intakePapers.has(norm(r.paperNo))) return; // checkout-before-intake
    const list = sessionsBy.get(norm(r.paperNo));
    if (Number.isNaN(t) || !list) return;
    const next = list.find((s) => s.end >= t) ?? list[list.length - 1];
    const days = Math.floor(next.start / 1440) - dayOf(r.takenAt);
    if (days > limit) report(`vaultLog[${i}].takenAt`, 'dispatch', { paper: norm(r.paperNo), time: showTime(t), first: showTime(next.start), days, limit });
  });
}
