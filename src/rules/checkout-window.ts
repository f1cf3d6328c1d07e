import { checkoutProblem, norm, showDuration, showTime, tm } from './facts';
import { laterSessionBags } from './later-session-bags';
import { onDayOf } from '../model/values';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'checkout-window',
  title: { zh: '领卷时间不当', en: 'Checkout outside its window' },
  severity: 'error',
  forms: [0, 3],
  clause: '参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.5“开考前1小时由考点到考区保密室领取试卷，采取考一场，领一场，送一场的办法”',
  messages: {
    zh: {
      early: '试卷 {paper} 在 {taken} 出库，比它这场考试开考（{start}）早了 {early}。考试当天应在开考前 {lead} 分钟内领卷，请核对取卷时间。',
      later:
        '试卷 {paper} 在 {taken} 就出库了，而它的考试 {start} 才开考，中间还有 {between} 开考的另一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对取卷时间。',
      late: '试卷 {paper} 在 {taken} 出库，晚于这场考试开考时间 {start}。试卷须在开考前领出，请核对取卷时间或考试安排。',
      bags: '试卷 {paper} 在 {taken} 领出后，{start} 开考时共有 {out} 袋在外。这份试卷 {later} 还要再考一场（{candidates} 人），这一场最多领 {allowed} 袋，其余须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出袋数。',
      copies:
        '试卷 {paper} 在 {taken} 领出后，{start} 开考时共有 {out} 份在外。这份试卷 {later} 还要再考一场（{candidates} 人），按入库清单的袋数，这一场最多领 {allowed} 份，其余整袋须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出份数。',
    },
    en: {
      early:
        'Paper {paper} was taken out at {taken}, {minutes} minutes before its session starts ({start}). Exam-day checkouts are at most {lead} minutes before the session: check the time it was taken out.',
      later:
        'Paper {paper} was taken out at {taken} although its session starts only at {start}, after another session at {between}. One session at a time (考一场，领一场): check the time it was taken out.',
      late: 'Paper {paper} was taken out at {taken}, after its session began at {start}. Papers are taken out before the session: check the time it was taken out, or the exam schedule.',
      bags: 'After the checkout of paper {paper} at {taken}, {out} bags were out when its session began ({start}). The paper is sat again at {later} ({candidates} candidates): this session may take at most {allowed} bags, the rest stay in the vault for that one. One session at a time (考一场，领一场): check the number of bags taken out.',
      copies:
        'After the checkout of paper {paper} at {taken}, {out} copies were out when its session began ({start}). The paper is sat again at {later} ({candidates} candidates): by the intake list’s bags this session may take at most {allowed} copies, the other bags stay sealed in the vault for that one. One session at a time (考一场，领一场): check the number of copies taken out.',
    },
  },
  docs: 'An exam-day checkout more than the set minutes (default 60) before its session, or after it began that day (a checkout on a day after the paper’s sessions — a spare bag sent back up the next day — is no exam-day checkout, and not said late); or papers of a later session taken out with an earlier one (考一场，领一场). A paper sat again later (a 补考 of the same 试卷号) is judged by its bags, each session against the ones after it: when more are out at a session’s start (counted in bags, or in copies where the checkout is written in 份) than the vault could let go while keeping bags (by 入库清单 envelope sizes) that cover the later sessions’ candidates, less what the earlier sessions took, said once a paper at the checkout row that takes one too many; nothing when the bags cover both sessions only together, when a session’s candidates are not given, or when bags of the paper arrive after that checkout. Not a dispatch (papers sent on: not-returned says which) nor a row out to be destroyed (its 备注 says 销毁, 监销: a spare destroyed after the exams), and nothing while 单位级别 cannot be read. Where the table keeps the day in a date column of its own (取卷日期 | 取卷时间, 还卷日期 | 还卷时间) and the finding would not hold on the day compared (the time of day is right, the day is not), it points at the date’s cell.',
};

export function check({ facts, report }: RuleContext): void {
  // Which checkouts are the exam's loans hangs on the level: not guessed (required-field says the level cannot be read).
  if (facts.level === undefined) return;
  const lead = facts.settings.checkoutLeadMinutes;
  (facts.data.vaultLog ?? []).forEach((r, i) => {
    const problem = checkoutProblem(facts, i);
    if (!problem) return;
    const t = tm(r.takenAt);
    const s = problem.session;
    const base = { paper: norm(r.paperNo), taken: showTime(t), start: showTime(s.start), lead };
    // Within the window on the session's day: the 取卷日期 is what is wrong (at its cell, where it has one).
    const sameDay = onDayOf(t, s.start);
    const onDay = sameDay <= s.start && s.start - sameDay <= lead;
    if (problem.kind === 'late') report(`vaultLog[${i}].takenAt`, 'late', base, { onDay });
    else if (problem.kind === 'later') report(`vaultLog[${i}].takenAt`, 'later', { ...base, between: showTime(problem.between.start) }, { onDay });
    else report(`vaultLog[${i}].takenAt`, 'early', { ...base, minutes: s.start - t, early: showDuration(s.start - t) }, { onDay });
  });
  for (const p of laterSessionBags(facts)) {
    const r = facts.data.vaultLog![p.row];
    const { out, allowed } = p;
    const at = { paper: norm(r.paperNo), taken: showTime(tm(r.takenAt)), start: showTime(p.session.start), later: showTime(p.later.start) };
    report(`vaultLog[${p.row}].quantity`, p.unit === '份' ? 'copies' : 'bags', { ...at, out, allowed, candidates: p.laterCandidates });
  }
}
