/**
 * What one unit's workbook adds to the consolidated totals: its stock (papers,
 * bags, copies, candidates, bags still out) at its level, kept per file by the
 * spool so that 3,000 workbooks' totals need no summary in memory.
 */
import { type Level, levelOf } from '../model/custody';
import type { ConsolidatedTotals } from './consolidate';
import type { SiteSummary } from './site';
import { unreadForms } from './none-figures';

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
  /** The unit's name when its intake list (附件2) could not be read (SiteSummary.unread): as `noIntake`. */
  unreadIntake?: string;
  /** The unit's name when its vault log (附件3) could not be read: its bags still out not known, in no figure. */
  unreadLog?: string;
  /** The unit's name when its exam schedule (考试安排) could not be read: its candidates not known, in no figure. */
  unreadSchedule?: string;
}

/** A readable workbook's stock as the totals count it: its level as the validator reads it (levelOf), its own figures. */
export function unitStockOf(s: Pick<SiteSummary, 'site' | 'totals' | 'noVault' | 'noIntake' | 'unread'>): UnitStock {
  const forms = unreadForms(s.unread);
  return {
    ...(s.noVault ? { noVault: s.site.name } : {}),
    ...(s.noIntake ? { noIntake: s.site.name } : {}),
    ...(forms.includes('intake') ? { unreadIntake: s.site.name } : {}),
    ...(forms.includes('vaultLog') ? { unreadLog: s.site.name } : {}),
    ...(forms.includes('schedule') ? { unreadSchedule: s.site.name } : {}),
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
 * names it) or whose intake list could not be read (`unreadIntake`), whose bags still out (附件3) are counted over all
 * levels all the same; nor the bags still out of one whose vault log could not be read (`unreadLog`), nor the candidates
 * of one whose exam schedule could not be read (`unreadSchedule`).
 */
export function addUnitStock(t: ConsolidatedTotals, u: UnitStock): void {
  t.papers += u.papers;
  // No vault record: no bags, copies or bags out to count, and its candidates beside none would skew its level's.
  if (u.noVault !== undefined) {
    t.noVault.push(u.noVault);
    return;
  }
  // 附件3 not read: its bags still out not known, in no figure (0 would read as all returned).
  if (u.unreadLog !== undefined) (t.unreadLog ??= []).push(u.unreadLog);
  else t.bagsStillOut += u.bagsStillOut;
  // No intake list, or one not read: its bags and copies not known, none of 0 beside its candidates in its level.
  if (u.noIntake !== undefined || u.unreadIntake !== undefined) {
    if (u.noIntake !== undefined) (t.noIntake ??= []).push(u.noIntake);
    if (u.unreadIntake !== undefined) (t.unreadIntake ??= []).push(u.unreadIntake);
    return;
  }
  const l = t.levels[LEVEL_ORDER.indexOf(u.level)];
  l.units++;
  l.bags += u.bags;
  l.copies += u.copies;
  // 考试安排 not read: its candidates not known, in no figure (0 would read as papers for nobody); its bags and copies
  // counted. The level says how many of its units' candidates (bags out) are unknown: it shows them at least, or unknown.
  if (u.unreadSchedule !== undefined) {
    (t.unreadSchedule ??= []).push(u.unreadSchedule);
    l.candidatesUnknown = (l.candidatesUnknown ?? 0) + 1;
  } else l.candidates += u.candidates;
  if (u.unreadLog === undefined) l.bagsStillOut += u.bagsStillOut;
  else l.stillOutUnknown = (l.stillOutUnknown ?? 0) + 1;
}
