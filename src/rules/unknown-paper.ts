import { norm } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { paperCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'unknown-paper',
  title: { zh: '试卷号不在清单上', en: 'Unknown paper number' },
  severity: 'error',
  forms: [0, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2–4“试卷号”：出库、分发的试卷须是入库清单或考试安排上的试卷',
  messages: {
    zh: { unknown: '试卷号“{paper}”既不在入库清单上，也不在考试安排里。出库或分发的试卷须是本单位入库的试卷，请核对试卷号（是否写错）。' },
    en: { unknown: 'Paper number "{paper}" is neither on the intake list nor in the exam schedule. Check the paper number.' },
  },
  docs: 'A 试卷号 in the vault log (附件3) or a distribution register (附件4) that is on neither the intake list nor the schedule: usually a mistyped number.',
};

export function check({ model, facts, report }: RuleContext): void {
  if (facts.intakePapers.size === 0 && facts.schedulePapers.size === 0) return;
  const known = (p: string) => facts.intakePapers.has(p) || facts.schedulePapers.has(p);
  (model.data.vaultLog ?? []).forEach((r, i) => {
    const p = paperCode(r?.paperNo);
    if (p && !known(p)) report(`vaultLog[${i}].paperNo`, 'unknown', { paper: norm(r?.paperNo) });
  });
  (model.data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) => {
      const p = paperCode(r?.paperNo);
      if (p && !known(p)) report(`distributions[${i}].rows[${j}].paperNo`, 'unknown', { paper: norm(r?.paperNo) });
    }),
  );
}
