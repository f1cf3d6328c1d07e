/**
 * What 总览 shows: the figures of the run and the top of each ranking its
 * charts draw. Pure.
 */
import type { ConsolidatedTotals } from './consolidate';

/** What the charts on 总览 draw: the top of each list, so that a chart stays readable. */
export interface ChartData {
  /** Findings per rule (top 15), a disagreeing handover once per pair. */
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

/** The figures at the top of 总览, label and value. */
export function overviewFigures(t: ConsolidatedTotals): Array<[string, number]> {
  return [
    ['工作簿', t.files],
    ['无法读取', t.unreadable],
    ['单位（已读取）', t.sites],
    ['可以提交', t.ready],
    ['错误（处）', t.errors],
    ['警告（处）', t.warnings],
    ['试卷（单位×试卷）', t.papers],
    ['试卷袋', t.bags],
    ['试卷份数', t.copies],
    ['考生数', t.candidates],
    ['未还保密室（袋）', t.bagsStillOut],
    ['交接单一致（对）', t.pairs.matched],
    ['交接单不一致（对）', t.pairs.disagree],
    ['仅移交方副本', t.pairs['sender-only']],
    ['仅接收方副本', t.pairs['receiver-only']],
  ];
}

/** The lines a supervisor signs under a summary. */
export const SIGNATURE_LINE = '制表人：______________        审核人：______________        日期：________年____月____日';
