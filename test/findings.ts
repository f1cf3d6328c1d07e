/** Findings as tests make them: what a test looks at is given, the rest is plain. */
import type { Finding } from '../src/model/finding';

/** A finding at `sheet`!`cell` (null: of the whole workbook); its message is its rule unless `more` says otherwise. */
export function findingAt(sheet: string | null, cell: string | null, rule = 'r', more: Partial<Finding> = {}): Finding {
  return { rule, severity: 'error', form: 1, sheet, cell, row: null, message: rule, clause: '', ...more };
}

/** A finding on the 出入库 log the marking tests' workbooks hold (附件3), its message saying which rule wrote it. */
export function logFinding(sheet: string | null, cell: string | null, rule: string, severity: Finding['severity'] = 'error'): Finding {
  return findingAt(sheet, cell, rule, { severity, form: 3, row: 1, message: `${rule} 的说明`, clause: '附件3' });
}

/**
 * What both hosts' marking tests mark (Excel's Office.js and WPS's ET): two
 * findings on one cell of differing severity, a workbook-wide one, one on a
 * sheet that is gone.
 */
export const MARKED_FINDINGS: readonly Finding[] = [
  logFinding('附件3 出入库', 'B5', 'unknown-paper'),
  logFinding('附件3 出入库', 'C5', 'paper-name-mismatch', 'warning'),
  logFinding('附件3 出入库', 'D5', 'invalid-count'),
  logFinding('附件3 出入库', 'D5', 'overdraw', 'warning'),
  logFinding('附件3 出入库', 'E5', 'staff-not-on-roster', 'warning'),
  logFinding('基本信息', 'B1', 'required-field'),
  logFinding(null, null, 'handover-copies-disagree'),
  logFinding('已删除的表', 'A1', 'required-field'),
];
