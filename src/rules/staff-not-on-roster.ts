import { isDittoMark, norm } from './facts';
import { seqOf } from './rows';
import { roleOf } from '../model/roles';
import { ROLES } from '../model/types';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'staff-not-on-roster',
  title: { zh: '签字人不在名单上', en: 'Signer not on the roster' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“涉卷人员采用主考负责制，须严格落实所有涉卷人员保密承诺书签订……涉卷人员包括主考、考务人员、值班人员、押运人员、交接人员、监控人员、监考人员等”',
  messages: {
    zh: {
      missing: '签字人“{name}”不在涉卷人员名单上{more}。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
      ditto:
        '“{field}”写的是“{name}”，不是签名。签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替，否则看不出是谁签的，也无法核对名单和资格。请在这里写上签字人的姓名。',
      role: '第 {seq} 行的角色写的是“{words}”，读不出是哪一种涉卷人员，检查时不知道此人担任什么（例如监考人员不得到保密室领卷就查不出）。角色请写{roles}中的一种或几种，用顿号分开。',
    },
    en: {
      missing: 'Signer "{name}" is not on the staff roster{more}. Everyone who signs for this unit must be on the roster with a signed pledge.',
      ditto:
        '"{field}" reads "{name}", a ditto mark, not a signature. Each signature cell carries the signer’s own name; from a ditto mark no one can tell who signed, nor check them against the roster. Write the signer’s name here.',
      role: 'Row {seq}: the role "{words}" is none of the roster’s roles, so the checks cannot tell what this person does (a proctor at the vault would go unsaid). Write one or more of {roles}, separated by 、.',
    },
  },
  docs: 'A person signing on this unit’s side (receiving pair of an incoming handover, sending pair of an outgoing one, every signer of forms 2–5 except a 考点’s takers at a 分校’s vault; the proctors collecting papers on 附件4 too: they are 涉卷人员) who is not on 涉卷人员. One finding per person and sheet, at the first signature there. A cell where two sign (李强、赵敏) names each; a name’s middle dot may be typed as •, ・ or a full stop. Also a signer whose roles on 涉卷人员 are all words none of the catalogue’s (主考, 考务人员, 值班人员, 押运人员, 交接人员, 监控人员, 监考人员, 卷库保管员, or the words people use for them: 保管员, 值班员, 监考员, 监考老师, 交接员, 监控员, 考务员, …), once at its cell: the rules that ask for a role (proctor-takes-papers, keeper-not-custodian) cannot judge that person. A word beside a role that is read (巡考、监考员), or on someone who signs nothing, is left alone. A signature that is a ditto mark (同上, 同左, 仝上, 〃) is said as such: the cell must carry the signer’s own name (one finding per cell: each wants its name).',
};

export function check({ model, facts, report }: RuleContext): void {
  // A signer whose roles are all words none of the catalogue's: said once at the cell, since the checks that ask for a role
  // pass the person by. A word beside a role that is read (巡考、监考员), or on someone who signs nothing, changes no judgement.
  const signing = new Set(facts.ownSigners.map((s) => s.name));
  for (const [name, entry] of facts.roster) {
    if (entry.roles.length > 0 || !signing.has(name)) continue;
    const row = entry.rows.find((r) => (r.member.roles ?? []).some((word) => !roleOf(word)));
    if (!row) continue;
    const words = (row.member.roles ?? []).filter((word) => !roleOf(word));
    report(`staff[${row.index}].roles`, 'role', { seq: seqOf(model, `staff[${row.index}]`), words, roles: ROLES });
  }
  // A ditto mark (同上, 〃) names no one: each such cell wants the signer's name, not a person added to the roster.
  const dittos = new Set<string>();
  for (const s of facts.ownSigners) {
    if (!isDittoMark(s.name) || dittos.has(s.path)) continue;
    dittos.add(s.path);
    report(s.path, 'ditto', { name: s.name });
  }
  if (facts.roster.size === 0) return;
  // A roster row without a name is required-field's finding; whose it was cannot be known, so signers are not checked against it.
  if ((model.data.staff ?? []).some((m) => m && !norm(m.name))) return;
  // One finding per person and sheet, at the first signature there.
  const seen = new Map<string, { name: string; path: string; count: number }>();
  for (const s of facts.ownSigners) {
    if (facts.roster.has(s.name) || isDittoMark(s.name)) continue;
    const key = `${s.name}|${model.locations[s.path]?.sheet ?? s.path.split(/[.[]/)[0]}`;
    const e = seen.get(key);
    if (e) e.count++;
    else seen.set(key, { name: s.name, path: s.path, count: 1 });
  }
  for (const e of seen.values()) report(e.path, 'missing', { name: e.name, more: e.count > 1 ? `（本表另有 ${e.count - 1} 处签字）` : '' });
}
