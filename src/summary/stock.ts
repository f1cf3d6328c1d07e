/**
 * What one unit's workbook adds to the consolidated totals: its stock (papers,
 * bags, copies, candidates, bags still out) at its level, kept per file by the
 * spool so that 3,000 workbooks' totals need no summary in memory.
 */
import { type Level, levelOf } from '../model/custody';
import type { ConsolidatedTotals } from './consolidate';
import type { SiteSummary } from './site';

/** The levels, down the chain, then the units whose level cannot be read: the order `levels` lists them. */
export const LEVEL_ORDER: ReadonlyArray<Level | null> = ['省校', '分校', '考点', null];

/** What one unit's workbook adds to the totals' stock figures. */
export interface UnitStock {
  level: Level | null;
  papers: number;
  bags: number;
  copies: number;
  candidates: number;
  bagsStillOut: number;
  /** The unit's name when it keeps no vault record (SiteSummary.noVault): its stock is in no level, it is named instead. */
  noVault?: string;
  /** The unit's name when it keeps no intake list (SiteSummary.noIntake): its bags and copies not known, it is in no level either. */
  noIntake?: string;
}

/** A readable workbook's stock as the totals count it: its level as the validator reads it (levelOf), its own figures. */
export function unitStockOf(s: Pick<SiteSummary, 'site' | 'totals' | 'noVault' | 'noIntake'>): UnitStock {
  return {
    ...(s.noVault ? { noVault: s.site.name } : {}),
    ...(s.noIntake ? { noIntake: s.site.name } : {}),
    level: levelOf(s.site) ?? null,
    papers: s.totals.papers,
    bags: s.totals.bags.totalBags,
    copies: s.totals.copies,
    candidates: s.totals.candidates,
    bagsStillOut: s.totals.bagsStillOut,
  };
}

/**
 * Counts one readable unit's stock into the totals: into its level's entry, never into a figure over all levels;
 * a unit that keeps no vault record into none (`noVault` names it); nor one that keeps no intake list (`noIntake`
 * names it), whose bags still out (附件3) are counted over all levels all the same.
 */
export function addUnitStock(t: ConsolidatedTotals, u: UnitStock): void {
  t.papers += u.papers;
  // No vault record: no bags, copies or bags out to count, and its candidates beside none would skew its level's.
  if (u.noVault !== undefined) {
    t.noVault.push(u.noVault);
    return;
  }
  t.bagsStillOut += u.bagsStillOut;
  // No intake list: its bags and copies not known, none of 0 beside its candidates in its level.
  if (u.noIntake !== undefined) {
    (t.noIntake ??= []).push(u.noIntake);
    return;
  }
  const l = t.levels[LEVEL_ORDER.indexOf(u.level)];
  l.units++;
  l.bags += u.bags;
  l.copies += u.copies;
  l.candidates += u.candidates;
  l.bagsStillOut += u.bagsStillOut;
}
