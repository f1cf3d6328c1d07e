/**
 * Marks 标记 left in the open workbook (Excel, WPS) whose findings a later check no longer finds (review 20a D3): the
 * officer corrected the cell, but its fill, frame and note, and the 问题清单 sheet, are still there and would be sent
 * up with the workbook. A check says so (never “可以提交” while they remain); it does not take them away itself — a
 * check runs on every edit, and only 标记 or 清除标记, asked for, write into the workbook.
 */
import type { Finding } from '../model/finding';
import type { SiteResult } from './check';
import { cellMarks } from '../check/marks';
import { markKey } from '../check/mark-clear';
import { type Lang, t } from './i18n';

/** What the workbook's marks record holds (office-marks.ts' setting, wps/marks.ts' very hidden sheet). */
export interface MarkRecord {
  cells: ReadonlyArray<{ sheet: string; cell: string }>;
  /** The 问题清单 sheet the marking wrote. */
  list?: string;
}

/** Marks left whose findings are gone: how many cells, and the list sheet when it no longer lists what is found. */
export interface OldMarks {
  cells: number;
  list?: string;
}

/**
 * The marked cells (on a sheet the workbook still has) where no finding is now, and the list sheet when it is there
 * and lists findings gone (every finding gone, or a marked cell's); undefined when nothing marked is out of date.
 */
function oldMarksLeft(record: MarkRecord, findings: readonly Finding[], sheets: readonly string[]): OldMarks | undefined {
  const present = new Set(sheets);
  const now = new Set(cellMarks(findings).map((m) => markKey(m.sheet, m.cell)));
  const cells = record.cells.filter((c) => present.has(c.sheet) && !now.has(markKey(c.sheet, c.cell))).length;
  const list = record.list !== undefined && present.has(record.list) && (cells > 0 || findings.length === 0) ? record.list : undefined;
  if (cells === 0 && list === undefined) return undefined;
  return { cells, ...(list !== undefined && { list }) };
}

/** The status line's sentence on marks left (after the tally): what is left, and what to click. */
export function oldMarksLine(lang: Lang, old: OldMarks, findings: number): string {
  const list = old.list !== undefined ? t(lang, old.cells > 0 ? 'oldMarksAndList' : 'oldMarksListOnly', { sheet: old.list }) : '';
  const what = old.cells > 0 ? t(lang, 'oldMarksCells', { n: old.cells, list }) : list;
  return t(lang, findings === 0 ? 'oldMarksAllGone' : 'oldMarksSomeGone', { what });
}

/** The open workbook's result with the marks left whose findings are gone (none for a workbook not read). */
export function withOldMarks(results: SiteResult[], record: MarkRecord, sheets: ReadonlyArray<{ name: string }>): SiteResult[] {
  return results.map((r) => {
    if (!r.model) return r;
    const old = oldMarksLeft(
      record,
      r.findings,
      sheets.map((s) => s.name),
    );
    return old ? { ...r, oldMarks: old } : r;
  });
}
