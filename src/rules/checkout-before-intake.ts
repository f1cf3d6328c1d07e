import { norm, showTime, vaultRows } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { datePartOf } from '../model/labels';

export const meta: RuleMeta = {
  id: 'checkout-before-intake',
  title: { zh: '出库早于入库', en: 'Taken out before taken in' },
  severity: 'error',
  forms: [2, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“接收试卷后及时入库清点，并签写附件2……在保密室内履行出入库交接，并签写附件3”',
  messages: {
    zh: {
      early: '试卷 {paper} 的取卷时间 {taken} 早于入库时间 {intake}。试卷须先入库、后出库，请核对取卷时间或入库时间。',
      earlyDate: '试卷 {paper} 的取卷时间 {taken} 早于入库时间 {intake}，取卷日期在入库之前。试卷须先入库、后出库，请核对这一格的取卷日期或入库时间。',
    },
    en: {
      early: 'Paper {paper} was taken out at {taken}, before it was taken in at {intake}. Check the checkout or intake time.',
      earlyDate:
        'Paper {paper} was taken out at {taken}, before it was taken in at {intake}: the checkout’s date is before the intake’s. Check the date in this cell or the intake time.',
    },
  },
  docs: 'A vault-log checkout of a paper on the intake list earlier than the intake time. Where the log keeps the checkout’s date in a column of its own (取卷日期 | 取卷时间) and that date is a day before the intake’s, the date is what is wrong: said at the date’s cell (on the intake’s own day, at the time’s). The two times are shown with their years where the years differ.',
};

const DAY = 1440;

export function check({ model, facts, report }: RuleContext): void {
  // Each paper against the list that took it in (docs/领域说明.md, 校验规则).
  const rows = vaultRows(facts);
  (model.data.vaultLog ?? []).forEach((r, i) => {
    const p = rows.paper[i];
    const t = rows.taken[i];
    const intake = facts.intakeTimes.get(p);
    if (intake === undefined || Number.isNaN(t) || t >= intake) return;
    // Years told apart where they differ (2023年6月15日 against 2024年6月14日). Taken out a day before the intake's: the
    // day is what is wrong, at the date's own cell where it has one (取卷日期 | 取卷时间); the same day: the time.
    const withYear = new Date(t * 60_000).getUTCFullYear() !== new Date(intake * 60_000).getUTCFullYear();
    const params = { paper: norm(r?.paperNo), taken: showTime(t, withYear), intake: showTime(intake, withYear) };
    const path = `vaultLog[${i}].takenAt`;
    if (Math.floor(t / DAY) < Math.floor(intake / DAY) && model.locations[datePartOf(path)]) report(path, 'earlyDate', params, { onDay: true });
    else report(path, 'early', params);
  });
}
