import { peopleIn } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { roleOf } from '../model/roles';

export const meta: RuleMeta = {
  id: 'proctor-takes-papers',
  title: { zh: '监考人员到保密室领卷', en: 'Proctor at the vault' },
  severity: 'error',
  forms: [0, 3],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3 备注“2.考务人员须为本单位正式职工。3.监考人员不得参与此环节领卷。”',
  messages: {
    zh: {
      proctor: '取卷人“{name}”在涉卷人员名单上是“{role}”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
      returner: '还卷人“{name}”在涉卷人员名单上是“{role}”。监考人员不得参与保密室出入库交接，试卷须由考务人员送回，请核对还卷人。',
    },
    en: {
      proctor: 'Taker "{name}" is "{role}" on the roster: a proctor (监考人员). Proctors may not take papers from the vault; exam-affairs staff do.',
      returner:
        'Returner "{name}" is "{role}" on the roster: a proctor (监考人员). Proctors take no part in the vault handover; exam-affairs staff return the papers.',
    },
  },
  docs: 'A vault-log taker (any of two in one cell) whose roster roles include 监考人员, however the roster writes it (监考, 监考员 … quoted as written); or, when the taker is not one, a returner who is (备注 3: proctors take no part in this handover either way). Every checkout is judged, whatever it is for: an exam-day loan, a 分校’s or the 省校’s dispatch down the chain (《实施方案》（四）: 考点考务人员 collect at the 分校’s vault), a 考点’s papers sent back — the clause has no exception.',
};

export function check({ facts, report }: RuleContext): void {
  /** The first person a cell names who is a proctor on the roster (any of their rows), with the roster's own word for it. */
  const proctorIn = (signers: unknown) => {
    for (const name of peopleIn(signers)) {
      const entry = facts.roster.get(name);
      if (!entry?.roles.includes('监考人员')) continue;
      const role = entry.rows.flatMap((r) => r.member.roles ?? []).find((word) => roleOf(word) === '监考人员');
      return { name, role: role ?? '监考人员' };
    }
    return undefined;
  };
  // Dispatches too: whoever collects papers from a vault, for whatever purpose, is not a proctor (附件3 备注 3).
  // staff-ineligible leaves a proctor's signatures on the vault log to this rule, and a dispatch's takers from
  // another unit are on this roster only when they are this unit's people: one finding per row.
  (facts.data.vaultLog ?? []).forEach((r, i) => {
    if (!r) return;
    const taker = proctorIn(r.taker);
    if (taker) report(`vaultLog[${i}].taker`, 'proctor', taker);
    else {
      const returner = proctorIn(r.returner);
      if (returner) report(`vaultLog[${i}].returner`, 'returner', returner);
    }
  });
}
