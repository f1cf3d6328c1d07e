/** The unit a run's workbooks are all of or under, which 总览's title names. Pure. */
import type { SiteSummary } from './site';

/** A unit's chain of names from the top: 分部, 分校, 考点 (those filled in). */
export const unitChainOf = (site: Pick<SiteSummary['site'], 'branch' | 'school' | 'examSite'>): string[] =>
  [site.branch, site.school, site.examSite].map((x) => x.trim()).filter(Boolean);

/**
 * The deepest unit every chain names (长沙分校 for 长沙分校 and its 考点 天心 and 岳麓), wherever a
 * workbook starts its chain (a 考点's may leave 分部 blank); '' when the chains share none.
 */
export function commonUnit(chains: ReadonlyArray<readonly string[]>): string {
  if (chains.length === 0) return '';
  const [first, ...rest] = chains;
  return [...first].reverse().find((name) => rest.every((c) => c.includes(name))) ?? '';
}
