/**
 * One unit's workbook of one semester given twice as two files (a re-save of
 * it: “浏阳考点(1).xlsx”, or a byte copy: “浏阳考点 - 副本.xlsx”, listed in a
 * summary as any file is, fix-copy25): a summary counted the unit twice, every bag and copy
 * of it. DOMAIN: one workbook per unit per semester; the summary puts one row
 * per site. The one counted is one whose file name says it is the corrected
 * version (“浏阳考点（修改后）.xlsx”, “…最终版”, “…final”), not one named as the version
 * before it (“…（修改前）”, “…原稿”), else the first by file name (`byBaseName`: a workbook before its copies “(1)”, “ - 副本”; its folders only to
 * part two files of one name), so that
 * the choice is the same on every machine and for every order the files are given
 * in — a file's modification time changes when it is copied or mailed, and says
 * nothing of which is right; the name an officer gave a corrected copy does.
 */
import { levelOf } from './custody';
import { unitKey } from './custody';
import { byBaseName } from './file-order';
import { TextMemo } from './memo';
import { semesterKey } from './semester';
import type { SiteInfo } from './types';
import type { SiteModel } from './site-model';

/**
 * Which unit and semester a workbook is of, by its 基本信息: its level, the names
 * that level writes (a 考点 with its 分校: two 分校 may each have a 城区考点) and its
 * semester's key. Undefined when the level or the unit's own name cannot be read:
 * such a workbook is a repeat only of one holding the same records (`repeatedUnits`; required-field asks for them).
 */
export function unitOfWorkbook(site: SiteInfo | undefined): string | undefined {
  const level = levelOf(site);
  const own = level === '考点' ? site?.examSite : level === '分校' ? site?.school : site?.branch || site?.school;
  if (!level || !unitKey(own)) return undefined;
  const names = level === '考点' ? [site?.school, own] : [own];
  return [level, ...names.map(unitKey), semesterKey(site?.semester) ?? unitKey(site?.semester)].join('|');
}

/**
 * Why a repeat's other workbook (`first`) is counted: its name says it is the corrected one (`revised`), the
 * repeat's name says it is the version before correction (`older`: 修改前, 原稿, 初稿), both say they are
 * corrected and its name gives the later version (`newer`: v3 before v2, 第三版 before 第二版), or none of these:
 * it comes first by file name (`name`).
 */
export type CountedWhy = 'revised' | 'newer' | 'older' | 'name';

/** A workbook of a unit whose other workbook, `first`, is counted, and why. */
export interface RepeatedUnit<T> {
  repeat: T;
  first: T;
  why: CountedWhy;
}

/**
 * Words an officer puts in the name of a corrected copy, and of a newer one: the list the docs give (the rule's meta
 * `docs`, so docs/rules.md; docs/领域说明.md and 使用说明 §6 name the same), each taken by REVISED (a test holds them
 * together). 新 alone only in brackets, so that a unit named 新化 or 新宁 is no newer copy; v1 is the first version,
 * not a newer one; any 第N版/第N稿 (N ≥ 2) and vN (N ≥ 2) is taken, as is 修改 in any form.
 */
export const REVISED_WORDS = [
  '修改后',
  '修订',
  '更正',
  '订正',
  '改正',
  '最终版',
  '终稿',
  '定稿',
  '（改）',
  'final',
  '（新）',
  '新版',
  '新稿',
  '更新',
  '最新',
  '第二版',
  'v2',
] as const;

/** Words naming the version before correction, as the docs give them (each taken by OLDER). */
export const OLDER_WORDS = ['修改前', '未修改', '待修改', '原稿', '原版', '初稿', '草稿', '旧版', '（旧）', 'old', 'draft'] as const;

/** What REVISED_WORDS stand for (and more of their kind: 第三版, v3, 修改 with anything after it). */
const REVISED =
  /修改|修订|更正|订正|改正|改后|最终|终稿|定稿|[（(]改[)）]|final|[（(【[]新[\])）】]|新版|新稿|更新|最新|第(?:[二三四五六七八九十]+|[2-9]|\d\d)[版稿]|(?:^|[^a-z])v(?:[2-9]|\d\d)(?![a-z0-9])/i;

/**
 * Words naming the version before correction: 修改前 (which holds 修改), 未修改, 待修改, 原稿, 初稿, 旧版,
 * （旧）, old, draft. 旧 alone only at the name's end or set apart (浏阳考点旧, 旧-浏阳考点), so that a unit
 * named 旧城 is no old copy.
 */
const OLDER =
  /(?:修改|修订|更正|订正|改正|改)(?:之)?前|[未待](?:修改|修订|更正|订正|改正|改)|原稿|原版|原始|初稿|草稿|旧版|旧稿|[（(【[]旧[\])）】]|(?:^|[\s_\-—.])旧(?:[\s_\-—.]|$)|旧$|(?:^|[^a-z])(?:old|draft|orig(?:inal)?)(?:[^a-z]|$)/i;

/**
 * How a file's name ranks it among its unit's workbooks (its name without folders and extension, as the
 * officer gave it): named as the corrected version 0, named as the version before correction 2, else 1.
 * Worked out once per file, not at each comparison of a sort.
 */
const NAME_RANKS = new TextMemo((file) => {
  const name = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');
  const rank = OLDER.test(name) ? 2 : REVISED.test(name) ? 0 : 1;
  return { rank, version: rank === 0 ? versionOf(name) : 0 };
});
const nameRank = (file: string): number => NAME_RANKS.get(file).rank;
const nameVersion = (file: string): number => NAME_RANKS.get(file).version;

/** The version a corrected copy's name gives: v3, 第三版, 第3稿 (0: none); a later one counts before an earlier. */
const VERSION = /(?:^|[^a-z])v(\d{1,3})(?![a-z0-9])|第([二三四五六七八九十]|\d{1,3})[版稿]/i;
const CHINESE_DIGITS = '一二三四五六七八九十';

function versionOf(name: string): number {
  const m = VERSION.exec(name);
  if (!m) return 0;
  if (m[1]) return Number(m[1]);
  return /\d/.test(m[2]) ? Number(m[2]) : CHINESE_DIGITS.indexOf(m[2]) + 1;
}

/**
 * The workbooks (any order) each of whose unit and semester (`unitOf`; where it cannot be told, records: `digestOf`) another workbook is of that counts
 * before it: a file named as corrected first (the later version first among them), one named as before correction
 * last, else by file name (`byBaseName`: the file's own name, not its folders). Listed in that order (ties in the
 * order given). Only a unit's own workbooks are put in order, and the few repeats: sorting all of them by their files'
 * names was 0.1–0.25 s of a summary's last seconds over 3,000 workbooks, almost all of one each.
 */
export function repeatedUnits<T>(
  workbooks: readonly T[],
  fileOf: (w: T) => string,
  unitOf: (w: T) => string | undefined,
  digestOf: (w: T) => string | undefined = () => undefined,
): Array<RepeatedUnit<T>> {
  const rank = (w: T) => nameRank(fileOf(w));
  const version = (w: T) => nameVersion(fileOf(w));
  const why = (earlier: T, w: T): CountedWhy => {
    if (rank(earlier) !== rank(w)) return rank(earlier) === 0 ? 'revised' : 'older';
    return version(earlier) > version(w) ? 'newer' : 'name';
  };
  const order = (a: T, b: T) => rank(a) - rank(b) || version(b) - version(a) || byBaseName(fileOf(a), fileOf(b));
  const byUnit = new Map<string, T[]>();
  const given = new Map<T, number>();
  workbooks.forEach((w, i) => {
    // A workbook whose unit cannot be told is one with those of the same records (a byte copy of it, fix-copy25): counted once.
    const unit = unitOf(w) ?? sameRecordsKey(digestOf(w));
    if (unit === undefined) return;
    given.set(w, i);
    const group = byUnit.get(unit);
    if (group) group.push(w);
    else byUnit.set(unit, [w]);
  });
  const repeats: Array<RepeatedUnit<T>> = [];
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    // A stable sort of the unit's workbooks, in the order given: as they stand in a sort of all of them.
    const [first, ...rest] = group.sort(order);
    for (const w of rest) repeats.push({ repeat: w, first, why: why(first, w) });
  }
  return repeats.sort((a, b) => order(a.repeat, b.repeat) || given.get(a.repeat)! - given.get(b.repeat)!);
}

/** The key `repeatedUnits` groups a workbook whose unit cannot be told by: its records' digest (none: not grouped). */
const sameRecordsKey = (digest: string | undefined): string | undefined => (digest === undefined ? undefined : `records|${digest}`);

/**
 * What a workbook's records read as, in short (32-bit FNV-1a over the data as
 * JSON): two workbooks of one unit with the same digest hold the same records
 * (a re-save), with two digests an officer must pick the right one. Kept on a
 * slim model (check/service.ts), whose data is cut down.
 */
function contentDigest(data: unknown): string {
  const text = JSON.stringify(data) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A model's records' digest: kept on a slim model, worked out from a full one's data. */
export function modelDigest(model: Pick<SiteModel, 'contentDigest' | 'data'>): string {
  return model.contentDigest ?? contentDigest(model.data);
}
