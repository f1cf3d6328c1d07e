/**
 * Roles on 涉卷人员 as people write them. The roster offers the catalogue's
 * roles (docs/领域说明.md), but people type the words they use every day —
 * 保管员, 值班员, 监考员 (as 《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.6
 * itself says “监考员领取试卷”) — and a rule that looks for 监考人员 must find
 * her under any of them. One table, read by the rules through the roster facts.
 */
import { TextMemo } from './memo';
import { toHalfWidth } from './text';
import { ROLES, Role } from './types';

/** The words read as each catalogue role, besides the role itself. */
const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  主考: ['主考官', '副主考', '考点主考'],
  考务人员: ['考务', '考务员', '考务老师', '考务教师', '考务工作人员', '考务干事', '考务组长'],
  值班人员: ['值班员', '值班', '值班老师', '值班教师', '保密室值班人员', '保密室值班员'],
  押运人员: ['押运员', '押运', '押运老师', '押送人员', '押送员'],
  交接人员: ['交接员', '交接', '试卷交接人员'],
  监控人员: ['监控员', '监控', '视频监控人员'],
  监考人员: ['监考', '监考员', '监考老师', '监考教师', '主监考', '副监考'],
  卷库保管员: ['保管员', '保管', '卷库管理员', '卷库保管', '试卷保管员', '保密室保管员', '保密室管理员'],
};

const BY_WORD: ReadonlyMap<string, Role> = new Map(ROLES.flatMap((role) => [role, ...ROLE_WORDS[role]].map((word) => [word, role] as const)));

/** Every word read as a role: written after a signer's name (李明 监考员) it is the person's role, not a second signer (people.ts). */
export const ROLE_WORD_LIST: readonly string[] = [...BY_WORD.keys()];

/** A note in brackets after a role (保管员（兼值班）): the role is the word before it. */
const BRACKETED = /\([^()]*\)/g;

/** The catalogue role a word on the roster names (监考员 → 监考人员); undefined for a word that is none of them. */
export function roleOf(word: unknown): Role | undefined {
  if (typeof word !== 'string') return undefined;
  return ROLE_OF.get(word) ?? undefined;
}

/**
 * Each word read once (null: no role): a roster's few words are asked of again for every signature of a log (the
 * proctor check, 200,000 times over 50,000 rows).
 */
const ROLE_OF = new TextMemo((word): Role | null => {
  // Half-width first: （兼值班） becomes (兼值班).
  const key = toHalfWidth(word).replace(BRACKETED, '').replace(/\s+/g, '');
  return BY_WORD.get(key) ?? null;
});
