import { peopleIn } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'proctor-takes-papers',
  title: { zh: '监考人员到保密室领卷', en: 'Proctor at the vault' },
  severity: 'error',
  forms: [0, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3 备注“2.考务人员须为本单位正式职工。3.监考人员不得参与此环节领卷。”',
  messages: {
    zh: {
      proctor: '取卷人“{name}”在涉卷人员名单上是监考人员。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
      returner: '还卷人“{name}”在涉卷人员名单上是监考人员。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对还卷人。',
    },
    en: {
      proctor: 'Taker "{name}" is a proctor (监考人员) on the roster. Proctors may not take papers from the vault; exam-affairs staff do.',
      returner: 'Returner "{name}" is a proctor (监考人员) on the roster. Proctors take no part in the vault handover; exam-affairs staff return the papers.',
    },
  },
  docs: 'A vault-log taker (any of two in one cell) whose roster roles include 监考人员; or, when the taker is not one, a returner who is (备注 3: proctors take no part in this handover either way). Not for a 分校’s dispatches to its 考点.',
};

export function check({ model, facts, report }: RuleContext): void {
  /** The first person a cell names who is a proctor on the roster (any of their rows). */
  const proctorIn = (signers: unknown) => peopleIn(signers).find((name) => facts.roster.get(name)?.roles.includes('监考人员'));
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r || facts.dispatch[i]) return;
    const taker = proctorIn(r.taker);
    // staff-ineligible leaves a proctor's signatures on the vault log to this rule: one finding per row.
    if (taker) report(`vaultLog[${i}].taker`, 'proctor', { name: taker });
    else {
      const returner = proctorIn(r.returner);
      if (returner) report(`vaultLog[${i}].returner`, 'returner', { name: returner });
    }
  });
}
