import { norm, showTime, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { paperCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'checkout-before-intake',
  title: { zh: '出库早于入库', en: 'Taken out before taken in' },
  severity: 'error',
  forms: [2, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“接收试卷后及时入库清点，并签写附件2……在保密室内履行出入库交接，并签写附件3”',
  messages: {
    zh: { early: '试卷 {paper} 的取卷时间 {taken} 早于入库时间 {intake}。试卷须先入库、后出库，请核对取卷时间或入库时间。' },
    en: { early: 'Paper {paper} was taken out at {taken}, before it was taken in at {intake}. Check the checkout or intake time.' },
  },
  docs: 'A vault-log checkout of a paper on the intake list earlier than the intake time.',
};

export function check({ model, facts, report }: RuleContext): void {
  // Each paper against the list that took it in (docs/领域说明.md, 校验规则).
  (model.data.vaultLog ?? []).forEach((r, i) => {
    const p = paperCode(r?.paperNo);
    const t = tm(r?.takenAt);
    const intake = facts.intakeTimes.get(p);
    if (intake !== undefined && !Number.isNaN(t) && t < intake)
      report(`vaultLog[${i}].takenAt`, 'early', { paper: norm(r?.paperNo), taken: showTime(t), intake: showTime(intake) });
  });
}
