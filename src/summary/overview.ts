/**
 * What 总览 shows: the figures of the run and the top of each ranking its
 * charts draw. Pure.
 */
import type { ConsolidatedTotals, LevelTotals } from './consolidate';
import type { FigureKey } from './words';

/** What the charts on 总览 draw: the top of each list, so that a chart stays readable. */
export interface ChartData {
  /** Findings per rule (top 15), a disagreeing handover once on each side. */
  rules: Array<[string, { errors: number; warnings: number }]>;
  /** Units with the most findings (top 20). */
  sites: Array<{ name: string; errors: number; warnings: number }>;
  /** Units with the most candidates (top 20), of those with papers. */
  big: Array<{ name: string; candidates: number; copies: number }>;
}

/** Ranks per-rule counts and per-unit figures the way 总览 shows them. */
export function rankChartData(
  byRule: ReadonlyMap<string, { errors: number; warnings: number }>,
  units: Iterable<{ name: string; errors: number; warnings: number; papers: number; candidates: number; copies: number }>,
): ChartData {
  const rules = [...byRule.entries()].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0])).slice(0, 15);
  const list = [...units];
  const sites = list
    .filter((u) => u.errors + u.warnings > 0)
    .map((u) => ({ name: u.name, errors: u.errors, warnings: u.warnings }))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  const big = list
    .filter((u) => u.papers > 0)
    .map((u) => ({ name: u.name, candidates: u.candidates, copies: u.copies }))
    .sort((a, b) => b.candidates - a.candidates || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  return { rules, sites, big };
}

/** The figures at the top of 总览, key and value (their labels: `FIGURE_WORDS`). */
export function overviewFigures(t: ConsolidatedTotals): Array<[FigureKey, number]> {
  return [
    ['files', t.files],
    ['unreadable', t.unreadable],
    ['sites', t.sites],
    ['ready', t.ready],
    ['errors', t.errors],
    ['warnings', t.warnings],
    ['papers', t.papers],
    ['bagsStillOut', t.bagsStillOut],
    ['matched', t.pairs.matched],
    ['disagree', t.pairs.disagree],
    ['senderOnly', t.pairs['sender-only']],
    ['receiverOnly', t.pairs['receiver-only']],
  ];
}

/** The levels 总览 and the CLI show, down the chain: those with a unit in the run. */
export function levelsShown(t: Pick<ConsolidatedTotals, 'levels'>): LevelTotals[] {
  return t.levels.filter((l) => l.units > 0);
}
