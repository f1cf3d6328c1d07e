import { norm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'proctor-takes-papers',
  severity: 'error',
  forms: [0, 3],
  clause: '附件3 备注“2.考务人员须为本单位正式职工。3.监考人员不得参与此环节领卷。”',
  messages: {
    zh: { proctor: '取卷人“{name}”在涉卷人员名单上是监考人员。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。' },
    en: { proctor: 'Taker "{name}" is a proctor (监考人员) on the roster. Proctors may not take papers from the vault; exam-affairs staff do.' },
  },
  docs: 'A vault-log taker whose roster roles include 监考人员.',
};

export function check({ model, facts, report }: RuleContext): void {
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r || facts.dispatch[i]) return;
    const name = norm(r.taker);
    const entry = name ? facts.roster.get(name) : undefined;
    if (entry && (entry.member.roles ?? []).some((role) => norm(role) === '监考人员')) report(`vaultLog[${i}].taker`, 'proctor', { name });
  });
}
