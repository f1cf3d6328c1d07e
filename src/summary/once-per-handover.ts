/**
 * A handover whose two copies disagree is one problem on each side's slip,
 * however many fields differ: the validator reports each differing field (so
 * that each cell can be marked), the summaries count and list the slip once.
 */
import type { Finding } from '../model/finding';

export const DISAGREE_RULE = 'handover-copies-disagree';

/**
 * The findings as a summary counts and lists them: the field findings of one
 * disagreeing slip (one sheet) become one, at the first field's cell, its
 * message saying every difference, one per line.
 */
export function oncePerHandover(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const out: Array<Finding | Finding[]> = [];
  for (const f of findings) {
    if (f.rule !== DISAGREE_RULE) {
      out.push(f);
      continue;
    }
    const key = f.sheet ?? '';
    const group = groups.get(key);
    if (group) group.push(f);
    else {
      const fresh = [f];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.map((x) => (Array.isArray(x) ? (x.length === 1 ? x[0] : { ...x[0], message: x.map((f) => f.message).join('\n') }) : x));
}

/** Errors and warnings as a summary counts them. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of oncePerHandover(findings)) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** The disagreeing handovers' field findings (`cells`) and the slips oncePerHandover folds them into (`slips`). */
export function disagreeFolding(findings: readonly Finding[]): { cells: number; slips: number } {
  const disagreeing = (list: readonly Finding[]) => list.filter((f) => f.rule === DISAGREE_RULE).length;
  return { cells: disagreeing(findings), slips: disagreeing(oncePerHandover(findings)) };
}
