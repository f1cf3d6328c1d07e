import { labelOf, SignerFact } from './facts';
import { seqOf } from './rows';
import { roleOf } from '../model/roles';
import { ROLES } from '../model/types';
import type { StaffMember } from '../model/types';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'staff-ineligible',
  title: { zh: '涉卷人员不符合条件', en: 'Ineligible staff' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“试卷启封前的涉卷人员须是本单位正式教职员工，严禁考生亲属作为涉卷人员……须严格落实所有涉卷人员保密承诺书签订”；参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.2“挑选当年无直系亲属参加高考……承担试卷接送、保管工作”',
  messages: {
    zh: {
      formal: '“{name}”不是本单位正式职工，却在{where}签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字。',
      proctor:
        '“{name}”不是本单位正式职工，却在{where}签字。试卷启封前的涉卷人员须是本单位正式教职员工，请换人签字；如本单位的监考人员按规定可以是聘用人员，请在基本信息中把“监考人员须为正式职工”设为“否”。',
      relative: '“{name}”是考生亲属，却在{where}签字。严禁考生亲属作为涉卷人员，请换人签字。',
      pledge: '“{name}”没有签订保密承诺书，却在{where}签字。所有涉卷人员须签订保密承诺书，请补签并留存。',
      unreadable: '序号 {seq} 这一行的“{field}”写的是“{value}”，读不出是或否，检查时无法判断此人{question}。请填“是”或“否”。',
      role: '序号 {seq} 这一行的角色写的是“{words}”，读不出是哪一种涉卷人员，检查时不知道此人担任什么（例如监考人员不得到保密室领卷就查不出）。角色请写{roles}中的一种或几种，用顿号分开。',
      column:
        '涉卷人员名单的表头里找不到{columns}，无法检查每人{questions}。试卷启封前的涉卷人员须是本单位正式教职员工、不得是考生亲属、须签订保密承诺书：请加上{columns}（已有这样的栏目的，把表头改成这个名称），每人填“是”或“否”。',
    },
    en: {
      formal:
        '"{name}" is not formal staff of the unit but signs {where}. Staff handling papers before they are opened must be formal staff: have someone else sign.',
      proctor:
        '"{name}" is not formal staff of the unit but signs {where}. Staff handling papers before they are opened must be formal staff: have someone else sign; if this unit’s proctors may be hired staff, set 监考人员须为正式职工 (proctors must be formal staff) to 否 on 基本信息.',
      relative: '"{name}" is a candidate’s relative but signs {where}. Candidates’ relatives may not handle papers: have someone else sign.',
      pledge: '"{name}" has not signed the confidentiality pledge but signs {where}. Every person handling papers signs the pledge: have it signed and filed.',
      unreadable: 'Row No. {seq}: "{field}" reads "{value}", which says neither yes nor no, so the checks cannot tell {questionEn}. Write 是 or 否.',
      role: 'Row No. {seq}: the role "{words}" is none of the roster’s roles, so the checks cannot tell what this person does (a proctor at the vault would go unsaid). Write one or more of {roles}, separated by 、.',
      column:
        'The staff roster’s header lacks {columnsEn}, so that check cannot be made for anyone. Add the column (or give a column you have that header) and answer 是 or 否 for each person.',
    },
  },
  docs: 'A person signing on this unit’s side — proctors collecting or returning room papers on 附件4 included, they are 涉卷人员 too — whose roster row says not formal staff, a candidate’s relative, or no pledge. Formal staff is asked only of signatures before the papers are opened (the clause’s 试卷启封前): not of a proctor who returns a room’s papers after the exam (附件4 还卷人), and not of proctors at all where the unit says so on 基本信息 (监考人员须为正式职工: 否; default 是, as the clause says). Any of the person’s roster rows may bar them (a roster that lists someone twice). Reported once, at the roster cell that disqualifies them, naming every sheet where they sign (one fact, one finding). A proctor barred as not formal staff only by 附件4 signatures is told, besides, that the unit may set 监考人员须为正式职工 to 否 on 基本信息 if its proctors are hired. A proctor signing as taker is proctor-takes-papers instead. Also a 正式职工, 考生亲属 or 保密承诺书 cell typed but saying neither yes nor no, once at that cell, whether or not the person signs (each column reads 是/否, √/×, 有/无 and its own words: 在编, 编外, 临聘 …; 无亲属 …; 已签字, 未签 …; a note in brackets, 是（在编）, is read with its answer). And a roster whose header lacks one of these columns (read when headed 正式职工, 是否在编, 编制 …; 考生亲属, 是否考生亲属 …; 保密承诺书, 是否签订保密承诺书 …), once at the header row, not as each row’s empty cell. Also a signer whose roles on 涉卷人员 are all words none of the catalogue’s (主考, 考务人员, 值班人员, 押运人员, 交接人员, 监控人员, 监考人员, 卷库保管员, or the words people use for them: 保管员, 保密室管理员, 值班员, 监考员, 监考老师, 交接员, 监控员, 考务员, …), once at its cell: the rules that ask for a role (proctor-takes-papers, keeper-not-custodian) cannot judge that person. Said here, with the roster’s other unreadable cells, not as a signer missing from the roster: the person is on it. A word beside a role that is read (巡考、监考员), or on someone who signs nothing, is left alone.',
};

type Kind = 'formal' | 'relative' | 'pledge';

/**
 * What bars this signature, if anything. Formal staff is asked only before the
 * papers are opened (the clause's 试卷启封前): not of a proctor returning room
 * papers after the exam, nor of a proctor's 附件4 signature where the unit hires
 * proctors (基本信息). Relatives and the pledge bar every signature.
 */
function barOf(member: StaffMember, signer: SignerFact, proctorsFormalStaff: boolean): Kind | undefined {
  if (member.formalStaff === false && !signer.afterOpening && !(signer.proctor && !proctorsFormalStaff)) return 'formal';
  if (member.candidateRelative === true) return 'relative';
  if (member.pledgeSigned === false) return 'pledge';
  return undefined;
}

/** The first of a person's roster rows that bars this signature (a roster listing someone twice may say so on one row only). */
function barringRow(
  rows: ReadonlyArray<{ index: number; member: StaffMember }>,
  signer: SignerFact,
  proctorsFormalStaff: boolean,
): { index: number; kind: Kind } | undefined {
  for (const row of rows) {
    const kind = barOf(row.member, signer, proctorsFormalStaff);
    if (kind) return { index: row.index, kind };
  }
  return undefined;
}

const FIELD = { formal: 'formalStaff', relative: 'candidateRelative', pledge: 'pledgeSigned' } as const satisfies Record<Kind, keyof StaffMember>;

/** What a 是/否 column answers, for the message when its cell cannot be read. */
const QUESTION: Record<Kind, { zh: string; en: string }> = {
  formal: { zh: '是不是本单位正式职工', en: 'whether this person is formal staff' },
  relative: { zh: '是不是考生亲属', en: 'whether this person is a candidate’s relative' },
  pledge: { zh: '签没签保密承诺书', en: 'whether this person has signed the pledge' },
};

/** Where a person signed, one entry per sheet: its first cell, and how many places in all (附件5's pages are separate sheets, each named). */
function signedWhere(cells: Map<string, string[]>): string[] {
  return [...cells].map(([sheet, at]) => (at.length > 1 ? `${sheet} ${at[0]} 等 ${at.length} 处` : `${sheet} ${at[0]}`));
}

/** A column's label as the template prints it. */
const columnLabel = (kind: Kind): string => labelOf(`staff[0].${FIELD[kind]}`);

/** “正式职工”一栏 / “正式职工”“保密承诺书”两栏. */
function columnsNamed(kinds: readonly Kind[]): string {
  const named = kinds.map((kind) => `“${columnLabel(kind)}”`).join('');
  return kinds.length === 1 ? `${named}一栏` : `${named}${['', '', '两', '三'][kinds.length]}栏`;
}

/** A roster whose header lacks a 是/否 column: once per header (forms/workbook.ts locates the missing column there). */
function reportMissingColumns({ model, report }: RuleContext): void {
  const byHeader = new Map<string, Kind[]>();
  for (const kind of ['formal', 'relative', 'pledge'] as const) {
    const at = model.locations[`staff.${FIELD[kind]}`];
    if (!at) continue;
    const key = `${at.sheet}!${at.cell}`;
    byHeader.set(key, [...(byHeader.get(key) ?? []), kind]);
  }
  for (const kinds of byHeader.values()) {
    report(`staff.${FIELD[kinds[0]]}`, 'column', {
      columns: columnsNamed(kinds),
      columnsEn: kinds.map((kind) => `the column "${columnLabel(kind)}"`).join(' and '),
      questions: kinds.map((kind) => QUESTION[kind].zh),
    });
  }
}

/**
 * A signer whose roles are all words none of the catalogue's (保安, 保密员): said once at the cell, since the checks that
 * ask for a role pass the person by. A word beside a role that is read (巡考、监考员), or on someone who signs nothing,
 * changes no judgement.
 */
function reportUnreadableRoles({ model, facts, report }: RuleContext): void {
  const signing = new Set(facts.ownSigners.map((s) => s.name));
  for (const [name, entry] of facts.roster) {
    if (entry.roles.length > 0 || !signing.has(name)) continue;
    const row = entry.rows.find((r) => (r.member.roles ?? []).some((word) => !roleOf(word)));
    if (!row) continue;
    const words = (row.member.roles ?? []).filter((word) => !roleOf(word));
    report(`staff[${row.index}].roles`, 'role', { seq: seqOf(model, `staff[${row.index}]`), words, roles: ROLES });
  }
}

export function check(context: RuleContext): void {
  const { model, facts, report } = context;
  reportMissingColumns(context);
  reportUnreadableRoles(context);
  // Typed but neither 是 nor 否 (the reader keeps such text): said at its cell, for which way it goes decides who may sign.
  (model.data.staff ?? []).forEach((member, i) => {
    for (const kind of ['formal', 'relative', 'pledge'] as const) {
      const value = member?.[FIELD[kind]];
      if (typeof value !== 'string' || value.trim() === '') continue;
      report(`staff[${i}].${FIELD[kind]}`, 'unreadable', {
        seq: seqOf(model, `staff[${i}]`),
        value,
        question: QUESTION[kind].zh,
        questionEn: QUESTION[kind].en,
      });
    }
  });
  // formalOff: barred as not formal staff by a signature that is no proctor's on 附件4 (the 基本信息 setting would not cover it).
  const where = new Map<string, { kind: Kind; index: number; cells: Map<string, string[]>; formalOff?: boolean }>();
  for (const s of facts.ownSigners) {
    const entry = facts.roster.get(s.name);
    if (!entry) continue;
    if (s.takerRow !== undefined && entry.roles.includes('监考人员')) continue;
    const barring = barringRow(entry.rows, s, facts.settings.proctorsFormalStaff);
    if (!barring) continue;
    let e = where.get(s.name);
    if (!e) where.set(s.name, (e = { kind: barring.kind, index: barring.index, cells: new Map() }));
    if (barring.kind === 'formal') Object.assign(e, barring, s.proctor ? {} : { formalOff: true });
    const loc = model.locations[s.path];
    const sheet = loc?.sheet ?? s.path;
    // Pushed, not spread: a keeper signing thousands of rows of one log would copy the list at each.
    const cells = e.cells.get(sheet);
    if (cells) cells.push(loc?.cell ?? '');
    else e.cells.set(sheet, [loc?.cell ?? '']);
  }
  // One fact, one finding: the person once, at the roster cell that bars them, naming every sheet they signed on.
  // A proctor barred only by 附件4 signatures: the unit may hire its proctors, and say so on 基本信息 (review 15a D6).
  for (const [name, e] of where) {
    const messageId = e.kind === 'formal' && !e.formalOff ? 'proctor' : e.kind;
    report(`staff[${e.index}].${FIELD[e.kind]}`, messageId, { name, where: signedWhere(e.cells) });
  }
}
