/**
 * One unit's workbook of one semester given twice as two different files (a
 * re-save of it: “浏阳考点(1).xlsx”; byte copies are left out before, by
 * summary/same-bytes.ts): a summary counted the unit twice, every bag and copy
 * of it. DOMAIN: one workbook per unit per semester; the summary puts one row
 * per site. The one counted is one whose file name says it is the corrected
 * version (“浏阳考点（修改后）.xlsx”, “…最终版”, “…final”: `isRevisedName`), else the first
 * by file name (`byFileName`: a workbook before its copies “(1)”, “ - 副本”), so that
 * the choice is the same on every machine and for every order the files are given
 * in — a file's modification time changes when it is copied or mailed, and says
 * nothing of which is right; the name an officer gave a corrected copy does.
 */
import { levelOf } from './custody';
import { unitKey } from './custody';
import { byFileName } from './file-order';
import { semesterKey } from './semester';
import type { SiteInfo } from './types';

/**
 * Which unit and semester a workbook is of, by its 基本信息: its level, the names
 * that level writes (a 考点 with its 分校: two 分校 may each have a 城区考点) and its
 * semester's key. Undefined when the level or the unit's own name cannot be read:
 * such a workbook is not judged a repeat (required-field asks for them).
 */
export function unitOfWorkbook(site: SiteInfo | undefined): string | undefined {
  const level = levelOf(site);
  const own = level === '考点' ? site?.examSite : level === '分校' ? site?.school : site?.branch || site?.school;
  if (!level || !unitKey(own)) return undefined;
  const names = level === '考点' ? [site?.school, own] : [own];
  return [level, ...names.map(unitKey), semesterKey(site?.semester) ?? unitKey(site?.semester)].join('|');
}

/**
 * A workbook of a unit whose other workbook is counted: `first`, counted because its name says it is the
 * corrected one (`revised`) or because it comes first by file name.
 */
export interface RepeatedUnit<T> {
  repeat: T;
  first: T;
  revised: boolean;
}

/** Words an officer puts in the name of a corrected copy: 修改后, 修订, 更正, 改正, 最终版, 终稿, 定稿, （改）, final. */
const REVISED = /修改|修订|更正|订正|改正|改后|最终|终稿|定稿|[（(]改[)）]|final/i;

/** A file named as the corrected version of a workbook (its name without folders, as the officer gave it). */
function isRevisedName(file: string): boolean {
  return REVISED.test(file.split(/[\\/]/).pop() ?? file);
}

/**
 * The workbooks (any order) each of whose unit and semester (`unitOf`) another workbook is of that counts
 * before it: a file named as corrected first, then by file name (`byFileName`).
 */
export function repeatedUnits<T>(workbooks: readonly T[], fileOf: (w: T) => string, unitOf: (w: T) => string | undefined): Array<RepeatedUnit<T>> {
  const first = new Map<string, T>();
  const repeats: Array<RepeatedUnit<T>> = [];
  const revised = (w: T) => (isRevisedName(fileOf(w)) ? 0 : 1);
  for (const w of [...workbooks].sort((a, b) => revised(a) - revised(b) || byFileName(fileOf(a), fileOf(b)))) {
    const unit = unitOf(w);
    if (unit === undefined) continue;
    const earlier = first.get(unit);
    if (earlier === undefined) first.set(unit, w);
    else repeats.push({ repeat: w, first: earlier, revised: revised(earlier) === 0 && revised(w) === 1 });
  }
  return repeats;
}

/**
 * What a workbook's records read as, in short (32-bit FNV-1a over the data as
 * JSON): two workbooks of one unit with the same digest hold the same records
 * (a re-save), with two digests an officer must pick the right one. Kept on a
 * slim model (check/service.ts), whose data is cut down.
 */
export function contentDigest(data: unknown): string {
  const text = JSON.stringify(data) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
