/**
 * What one unit's workbook adds to the consolidated totals: its stock (papers,
 * bags, copies, candidates, bags still out) at its level, kept per file by the
 * spool so that 3,000 workbooks' totals need no summary in memory.
 */
import { type Level, levelOf } from '../model/custody';
import type { ConsolidatedTotals } from './consolidate';
import type { SiteSummary } from './site';
import { type UnreadCause, type UnreadForm, unreadCause, unreadForms } from './none-figures';
import type { StockForm, StockReason, UnitName } from './none-units';
import type { UnnamedSite } from './error-cells';

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
  /** Of those forms, the ones read but unknown for a cause (a cell showing an error value, a row of several 试卷号): named so. */
  unreadAs?: Partial<Record<StockForm, UnreadCause>>;
  /** A 考点 whose workbook names no 考点 (SiteSummary.site.unnamed; its name its 分校's): named as 站点汇总 names it. */
  unnamed?: UnnamedSite;
}

/** The forms whose figures leave a unit's stock out: 附件2, 3, 考试安排. */
const STOCK_FORMS: ReadonlyArray<[StockForm, UnreadForm]> = [
  ['Intake', 'intake'],
  ['Log', 'vaultLog'],
  ['Schedule', 'schedule'],
];

/** A readable workbook's stock as the totals count it: its level as the validator reads it (levelOf), its own figures. */
export function unitStockOf(s: Pick<SiteSummary, 'site' | 'totals' | 'noVault' | 'noIntake' | 'unread'>): UnitStock {
  const forms = unreadForms(s.unread);
  const causes = STOCK_FORMS.flatMap(([f, form]) => {
    const cause = forms.includes(form) ? unreadCause(s.unread, form) : undefined;
    return cause ? [[f, cause] as const] : [];
  });
  return {
    ...(s.noVault ? { noVault: s.site.name } : {}),
    ...(s.noIntake ? { noIntake: s.site.name } : {}),
    ...(forms.includes('intake') ? { unreadIntake: s.site.name } : {}),
    ...(forms.includes('vaultLog') ? { unreadLog: s.site.name } : {}),
    ...(forms.includes('schedule') ? { unreadSchedule: s.site.name } : {}),
    ...(causes.length ? { unreadAs: Object.fromEntries(causes) } : {}),
    ...(s.site.unnamed ? { unnamed: s.site.unnamed } : {}),
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
  // Named under the reason its cells say (unreadLog, errorLog, severalLog: NONE_UNITS_WORDS).
  const why = (f: StockForm): StockReason => `${u.unreadAs?.[f] ?? 'unread'}${f}`;
  const named = (unit: string): UnitName => (u.unnamed ? { name: unit, unnamed: u.unnamed } : unit);
  const name = (f: StockForm, unit: string) => (t[why(f)] ??= []).push(named(unit));
  // No vault record: no bags, copies or bags out to count, and its candidates beside none would skew its level's.
  if (u.noVault !== undefined) {
    t.noVault.push(named(u.noVault));
    return;
  }
  // 附件3 not read: its bags still out not known, in no figure (0 would read as all returned).
  if (u.unreadLog !== undefined) name('Log', u.unreadLog);
  else t.bagsStillOut += u.bagsStillOut;
  // No intake list, or one not read: its bags and copies not known, none of 0 beside its candidates in its level.
  if (u.noIntake !== undefined || u.unreadIntake !== undefined) {
    if (u.noIntake !== undefined) (t.noIntake ??= []).push(named(u.noIntake));
    if (u.unreadIntake !== undefined) name('Intake', u.unreadIntake);
    return;
  }
  const l = t.levels[LEVEL_ORDER.indexOf(u.level)];
  l.units++;
  l.bags += u.bags;
  l.copies += u.copies;
  // 考试安排 not read: its candidates not known, in no figure (0 would read as papers for nobody); its bags and copies
  // counted. The level says how many of its units' candidates (bags out) are unknown: it shows them at least, or unknown.
  if (u.unreadSchedule !== undefined) {
    name('Schedule', u.unreadSchedule);
    l.candidatesUnknown = (l.candidatesUnknown ?? 0) + 1;
    if (!(l.candidatesWhy ??= []).includes(why('Schedule'))) l.candidatesWhy.push(why('Schedule'));
  } else l.candidates += u.candidates;
  if (u.unreadLog === undefined) l.bagsStillOut += u.bagsStillOut;
  else {
    l.stillOutUnknown = (l.stillOutUnknown ?? 0) + 1;
    if (!(l.stillOutWhy ??= []).includes(why('Log'))) l.stillOutWhy.push(why('Log'));
  }
}
