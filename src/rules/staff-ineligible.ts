import { norm, SignerFact } from './facts';
import type { StaffMember } from '../model/types';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'staff-ineligible',
  title: { zh: '涉卷人员不符合条件', en: 'Ineligible staff' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“试卷启封前的涉卷人员须是本单位正式教职员工，严禁考生亲属作为涉卷人员……须严格落实所有涉卷人员保密承诺书签订”；参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.2“挑选当年无直系亲属参加高考……承担试卷接送、保管工作”',
  messages: {
    zh: {
      formal: '“{name}”不是本单位正式职工，却在{where}签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字。',
      relative: '“{name}”是考生亲属，却在{where}签字。严禁考生亲属作为涉卷人员，请换人签字。',
      pledge: '“{name}”没有签订保密承诺书，却在{where}签字。所有涉卷人员须签订保密承诺书，请补签并留存。',
      signed: '签字人“{name}”{why}（见涉卷人员名单第 {seq} 行），不能作为涉卷人员签字{more}。{rule}请换符合条件的人签字，或先让此人具备条件并更新名单。',
    },
    en: {
      formal: '"{name}" is not formal staff of the unit but signs {where}. Staff handling papers before they are opened must be formal staff.',
      relative: '"{name}" is a candidate’s relative but signs {where}. Candidates’ relatives may not handle papers.',
      pledge: '"{name}" has not signed the confidentiality pledge but signs {where}. Every person handling papers signs the pledge.',
      signed: 'Signer "{name}" {whyEn} (staff roster row {seq}) and may not sign as staff handling papers.',
    },
  },
  docs: 'A person signing on this unit’s side — proctors collecting or returning room papers on 附件4 included, they are 涉卷人员 too — whose roster row says not formal staff, a candidate’s relative, or no pledge. Formal staff is not asked of proctors where the unit says so on 基本信息 (监考人员须为正式职工: 否; default 是, as the clause says). Reported at the roster cell that disqualifies them, naming where they sign, and at their first signature on each form (附件5’s pages are one form). A proctor signing as taker is proctor-takes-papers instead.',
};

const WHY: Record<string, { zh: string; en: string; rule: string }> = {
  formal: { zh: '不是本单位正式职工', en: 'is not formal staff', rule: '试卷启封前的涉卷人员须是本单位正式教职员工。' },
  relative: { zh: '是考生亲属', en: 'is a candidate’s relative', rule: '严禁考生亲属作为涉卷人员。' },
  pledge: { zh: '没有签订保密承诺书', en: 'has not signed the pledge', rule: '所有涉卷人员须签订保密承诺书。' },
};

type Kind = 'formal' | 'relative' | 'pledge';

/** What bars this signature, if anything: formal staff is not asked of a proctor's 附件4 signature where the unit hires proctors (基本信息). */
function barOf(member: StaffMember, signer: SignerFact, proctorsFormalStaff: boolean): Kind | undefined {
  if (member.formalStaff === false && !(signer.proctor && !proctorsFormalStaff)) return 'formal';
  if (member.candidateRelative === true) return 'relative';
  if (member.pledgeSigned === false) return 'pledge';
  return undefined;
}

const FIELD: Record<Kind, string> = { formal: 'formalStaff', relative: 'candidateRelative', pledge: 'pledgeSigned' };

/**
 * The form a signature is on: each handover and each session has its sheet;
 * 附件5 is one record however many pages (days) it prints on.
 */
function recordOf(path: string): string {
  const m = /^(\w+)(\[\d+\])?/.exec(path);
  if (!m) return path;
  return m[1] === 'handovers' || m[1] === 'distributions' ? m[0] : m[1];
}

export function check({ model, facts, report }: RuleContext): void {
  const where = new Map<string, { kind: Kind; first: string[]; count: number; perSheet: Map<string, { path: string; count: number }> }>();
  for (const s of facts.ownSigners) {
    const entry = facts.roster.get(s.name);
    if (!entry) continue;
    if (s.takerRow !== undefined && (entry.member.roles ?? []).some((r) => norm(r) === '监考人员')) continue;
    const bar = barOf(entry.member, s, facts.settings.proctorsFormalStaff);
    if (!bar) continue;
    let e = where.get(s.name);
    if (!e) where.set(s.name, (e = { kind: bar, first: [], count: 0, perSheet: new Map() }));
    if (bar === 'formal') e.kind = bar;
    e.count++;
    const loc = model.locations[s.path];
    if (e.first.length < 3) e.first.push(loc ? `${loc.sheet} ${loc.cell}` : s.path);
    const record = recordOf(s.path);
    const p = e.perSheet.get(record);
    if (p) p.count++;
    else e.perSheet.set(record, { path: s.path, count: 1 });
  }
  for (const [name, e] of where) {
    const { index } = facts.roster.get(name)!;
    const shown = e.count > 3 ? `${e.first.join('、')} 等 ${e.count} 处` : e.first.join('、');
    const kind = e.kind;
    report(`staff[${index}].${FIELD[kind]}`, kind, { name, where: shown });
    const seq = model.locations[`staff[${index}]`]?.row ?? index + 1;
    for (const p of e.perSheet.values()) {
      report(p.path, 'signed', { name, why: WHY[kind].zh, whyEn: WHY[kind].en, seq, rule: WHY[kind].rule, more: p.count > 1 ? `（本表另有 ${p.count - 1} 处）` : '', moreEn: '' });
    }
  }
}
