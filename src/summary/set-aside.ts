/**
 * Which readable workbooks' stock a summary sets aside, and why: of another semester than the run's
 * (workbook-of-another-semester), or a unit's second workbook of the semester (unit-workbook-twice). Each is
 * listed in the totals, counted as a file and by its findings, and its papers left out of every stock figure.
 */
import { bySemester } from '../model/semester';
import { type RepeatedUnit, repeatedUnits } from '../model/repeated-unit';
import type { ConsolidatedTotals } from './consolidate';
import { OTHER_SEMESTER_ROW, REPEATED_UNIT_ROW, STATUS_WORDS, type SetAside } from './words';
import type { Lang } from '../rules/types';
import { baseName } from '../model/text';

/**
 * Settles the run's semester from its readable workbooks' 学期 and lists those of another; returns
 * whether a workbook's stock is counted in the totals (of the run's semester, or naming none that can be read).
 */
export function setRunSemester(t: ConsolidatedTotals, units: ReadonlyArray<{ file: string; site: string; semester: string }>): (file: string) => boolean {
  const { main, other } = bySemester(units, (u) => u.semester);
  t.semester = main ?? null;
  t.otherSemester = other.map(({ file, site, semester }) => ({ file, site, semester: semester.trim() }));
  const aside = new Set(t.otherSemester.map((u) => u.file));
  return (file) => !aside.has(file);
}

/**
 * Lists the workbooks of a unit and semester an earlier one (by file name) is of (model/repeated-unit.ts);
 * returns whether a workbook's stock is counted: the first of its unit, or of a unit that cannot be told.
 * `repeats`: those of `units` worked out already (`repeatsOf`), for a run that asks twice.
 */
export function setRepeatedUnits(t: ConsolidatedTotals, units: ReadonlyArray<UnitOfFile>, repeats = repeatsOf(units)): (file: string) => boolean {
  t.repeatedUnits = repeats.map(({ repeat, first }) => ({
    file: repeat.file,
    site: repeat.site,
    counted: first.file,
    same: repeat.digest !== undefined && repeat.digest === first.digest,
    // Naming no unit, it is set aside only beside the same records (repeatedUnits): said so, not as the same unit.
    ...(repeat.unit === undefined ? { noUnit: true } : {}),
  }));
  const aside = new Set(t.repeatedUnits.map((u) => u.file));
  return (file) => !aside.has(file);
}

/**
 * A workbook set aside's own findings (setRunSemester, setRepeatedUnits listed it): not in the run's figures — the head
 * line's and 总览's 错误 / 警告 and the exit code count the workbooks counted, as 可以提交 / 需改正 do — but said
 * where it is listed (otherSemesterLinesOf, repeatedUnitLinesOf). Kept on its one line: as another semester's where it
 * is both, as its status says it.
 */
export function leaveOut(t: SetAsideLists, file: string, findings: { errors: number; warnings: number }): void {
  const entry = t.otherSemester.find((u) => u.file === file) ?? t.repeatedUnits.find((u) => u.file === file);
  if (!entry) return;
  entry.errors = findings.errors;
  entry.warnings = findings.warnings;
}

/** The files of the workbooks set aside (the totals' lists): in no figure of 总览, no chart and no ranking. */
export const setAsideFiles = (t: SetAsideLists): Set<string> => new Set([...t.otherSemester, ...t.repeatedUnits].map((u) => u.file));

/** A readable workbook's file, unit name, unit and semester (`unitOfWorkbook`) and records' digest (`contentDigest`). */
export interface UnitOfFile {
  file: string;
  site: string;
  unit?: string;
  digest?: string;
}

/**
 * The workbooks of a unit and semester an earlier one is of, with that one (model/repeated-unit.ts repeatedUnits): a
 * sort of every workbook by its file's name, worked out once where a run asks twice (spool.ts: 0.1 s over 3,000).
 */
export const repeatsOf = <T extends UnitOfFile>(units: readonly T[]): Array<RepeatedUnit<T>> =>
  repeatedUnits(
    units,
    (u) => u.file,
    (u) => u.unit,
    (u) => u.digest,
  );

/** The files of the second workbooks of a unit and semester (`setRepeatedUnits` lists them); `repeats` as setRepeatedUnits takes them. */
export function repeatedUnitFiles(units: ReadonlyArray<UnitOfFile>, repeats = repeatsOf(units)): Set<string> {
  return new Set(repeats.map(({ repeat }) => repeat.file));
}

/** The totals' lists of the workbooks set aside. */
export type SetAsideLists = Pick<ConsolidatedTotals, 'otherSemester' | 'repeatedUnits'>;

/** Why a readable workbook is set aside, from the totals' lists (another semester said first, as its 说明 is), if it is. */
export function setAsideOf(file: string, totals: SetAsideLists): SetAside | undefined {
  if (totals.otherSemester.some((o) => o.file === file)) return 'otherSemester';
  return totals.repeatedUnits.some((o) => o.file === file) ? 'repeatedUnit' : undefined;
}

/**
 * How many workbooks are set aside, by why (each once, as its status says it: one of another semester that is also
 * its unit's second counts as of another semester): 总览's and the CLI's figures, beside 可以提交 and 需改正, which
 * count neither.
 */
export function setAsideCounts(totals: SetAsideLists): Record<SetAside, number> {
  const other = new Set(totals.otherSemester.map((o) => o.file));
  return { otherSemester: other.size, repeatedUnit: totals.repeatedUnits.filter((o) => !other.has(o.file)).length };
}

/**
 * Why a workbook is set aside, as 站点汇总's 说明 and 文件清单's say it: of another semester (OTHER_SEMESTER_ROW), or a
 * unit's second workbook (REPEATED_UNIT_ROW: the file counted in its place); undefined where it is counted.
 */
export function setAsideNote(file: string, totals: SetAsideLists, lang: Lang): string | undefined {
  const other = totals.otherSemester.find((o) => o.file === file);
  if (other) return OTHER_SEMESTER_ROW[lang].note(other.semester);
  const repeat = totals.repeatedUnits.find((o) => o.file === file);
  return repeat ? REPEATED_UNIT_ROW[lang](baseName(repeat.counted), repeat.same, repeat.noUnit) : undefined;
}

/**
 * A workbook's status line where it is set aside (the pane's 汇总 view): its status's words, as 文件清单 says them, and
 * why (setAsideNote) — never 可以提交 of a workbook in no total (fix-semester25 item 2); undefined where it is counted.
 */
export function setAsideStatus(file: string, totals: SetAsideLists, lang: Lang): string | undefined {
  const why = setAsideOf(file, totals);
  if (!why) return undefined;
  return `${STATUS_WORDS[why][lang]}${lang === 'zh' ? '：' : ': '}${setAsideNote(file, totals, lang)!}`;
}
