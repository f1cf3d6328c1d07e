import { norm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'staff-ineligible',
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '003 (六)“试卷启封前的涉卷人员须是本单位正式教职员工，严禁考生亲属作为涉卷人员……须严格落实所有涉卷人员保密承诺书签订”；000 二.2“挑选当年无直系亲属参加高考……承担试卷接送、保管工作”',
  messages: {
    zh: {
      formal: '“{name}”不是本单位正式职工，却在{where}签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字。',
      relative: '“{name}”是考生亲属，却在{where}签字。严禁考生亲属作为涉卷人员，请换人签字。',
      pledge: '“{name}”没有签订保密承诺书，却在{where}签字。所有涉卷人员须签订保密承诺书，请补签并留存。',
    },
    en: {
      formal: '"{name}" is not formal staff of the unit but signs {where}. Staff handling papers before they are opened must be formal staff.',
      relative: '"{name}" is a candidate’s relative but signs {where}. Candidates’ relatives may not handle papers.',
      pledge: '"{name}" has not signed the confidentiality pledge but signs {where}. Every person handling papers signs the pledge.',
    },
  },
  docs: 'A person signing on this unit’s side whose roster row says not formal staff, a candidate’s relative, or no pledge. Reported once per person, at the roster cell that disqualifies them, naming where they sign. A proctor signing as taker is proctor-takes-papers instead.',
};

export function check({ model, facts, report }: RuleContext): void {
  const where = new Map<string, { first: string[]; count: number }>();
  for (const s of facts.ownSigners) {
    const entry = facts.roster.get(s.name);
    if (!entry) continue;
    if (s.takerRow !== undefined && (entry.member.roles ?? []).some((r) => norm(r) === '监考人员')) continue;
    let e = where.get(s.name);
    if (!e) where.set(s.name, (e = { first: [], count: 0 }));
    e.count++;
    if (e.first.length < 3) {
      const loc = model.locations[s.path];
      e.first.push(loc ? `${loc.sheet} ${loc.cell}` : s.path);
    }
  }
  for (const [name, e] of where) {
    const { index, member } = facts.roster.get(name)!;
    const shown = e.count > 3 ? `${e.first.join('、')} 等 ${e.count} 处` : e.first.join('、');
    if (member.formalStaff === false) report(`staff[${index}].formalStaff`, 'formal', { name, where: shown });
    else if (member.candidateRelative === true) report(`staff[${index}].candidateRelative`, 'relative', { name, where: shown });
    else if (member.pledgeSigned === false) report(`staff[${index}].pledgeSigned`, 'pledge', { name, where: shown });
  }
}
