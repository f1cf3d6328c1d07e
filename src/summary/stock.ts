/**
 * What one unit's workbook adds to the consolidated totals: its stock (papers,
 * bags, copies, candidates, bags still out) at its level, kept per file by the
 * spool so that 3,000 workbooks' totals need no summary in memory.
 */
import { type Level, levelOf } from '../model/custody';
import type { ConsolidatedTotals } from './consolidate';
import type { SiteSummary } from './site';
import { type UnreadCause, type UnreadForm, unreadCause, unreadForms } from './none-figures';
import { wholeForms } from './row-unknowns';
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
  /**
   * Of 附件2 and 考试安排 above, those whose figure is unknown by cells of papers' own rows alone (a 报考人数, a bag count
   * showing #N/A: row-unknowns.ts): the unit's other papers' figures are known, and counted in its level, which says
   * “至少 N” by the rows truly unknown (review 22a d2: 1,296 shown for a known 1,373). Absent when none.
   */
  rowsUnknown?: StockForm[];
  /** A 考点 whose workbook names no 考点 (SiteSummary.site.unnamed; its name its 分校's): named as 站点汇总 names it. */
  unnamed?: UnnamedSite;
  /**
   * The unit's name when it is a 分校 or 省校 that sits exams itself (本部考点: its 附件4 hands papers to rooms): an exam
   * site too, counted in the 考点 level as one (review 25b D7), its figures there none (`addOwnSite`).
   */
  ownSite?: string;
}

/** The forms whose figures leave a unit's stock out: 附件2, 3, 考试安排. */
const STOCK_FORMS: ReadonlyArray<[StockForm, UnreadForm]> = [
  ['Intake', 'intake'],
  ['Log', 'vaultLog'],
  ['Schedule', 'schedule'],
];

/**
 * The figures of a paper's row (row-unknowns.ts) that are a level's stock, by the form they are made from: a cell
 * leaving none of them unknown (a session's 开考时间) leaves the level's figure known. Not 附件3's: a 还卷时间 showing an
 * error value is read as not returned, so the other rows' bags out are no lower bound — its unit stays unknown there.
 */
const ROW_STOCK: ReadonlyArray<[StockForm, UnreadForm, readonly string[]]> = [
  ['Intake', 'intake', ['totalBags', 'copies']],
  ['Schedule', 'schedule', ['candidates']],
];

/**
 * The forms of 附件2 and 考试安排 whose stock figure is unknown by cells of papers' own rows alone (`rows`), and those
 * whose entries are all such cells and leave that figure known (`known`): a count the unit's other rows give is then
 * the level's at least, or all of it.
 */
function rowStock(unread: SiteSummary['unread']): { rows: StockForm[]; known: StockForm[] } {
  const whole = unreadForms(wholeForms(unread));
  const rows: StockForm[] = [];
  const known: StockForm[] = [];
  for (const [f, form, figures] of ROW_STOCK) {
    const own = (unread ?? []).filter((u) => u.form === form);
    if (!own.length || whole.includes(form)) continue;
    (own.some((u) => (u.figures ?? []).some((x) => figures.includes(x))) ? rows : known).push(f);
  }
  return { rows, known };
}

/** A readable workbook's stock as the totals count it: its level as the validator reads it (levelOf), its own figures. */
export function unitStockOf(s: Pick<SiteSummary, 'site' | 'totals' | 'noVault' | 'noIntake' | 'unread'>): UnitStock {
  const { rows, known } = rowStock(s.unread);
  // A form whose cells leave none of the level's figure unknown is no reason to leave it out (its 说明 says the cells).
  const forms = unreadForms(s.unread).filter((form) => !STOCK_FORMS.some(([f, of]) => of === form && known.includes(f)));
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
    ...(rows.length ? { rowsUnknown: rows } : {}),
    ...(s.site.unnamed ? { unnamed: s.site.unnamed } : {}),
    ...(sitsExams(s) ? { ownSite: s.site.name } : {}),
    level: levelOf(s.site) ?? null,
    papers: s.totals.papers,
    bags: s.totals.bags.totalBags,
    copies: s.totals.copies,
    candidates: s.totals.candidates,
    bagsStillOut: s.totals.bagsStillOut,
  };
}

/** A unit above the 考点 whose 附件4 hands papers to rooms: it sits exams itself (本部考点), as a 考点 does. */
const sitsExams = (s: Pick<SiteSummary, 'site' | 'totals'>): boolean => {
  const level = levelOf(s.site);
  return (level === '分校' || level === '省校') && s.totals.roomsServed > 0;
};

/**
 * A 本部考点 (UnitStock.ownSite) counted as an exam site: one unit more in the 考点 level, named in `ownSite`. Its bags,
 * copies, candidates and bags still out are its unit's — one vault, one intake list, one 考试安排 of the whole unit's
 * candidates — and cannot be told apart: counted in its unit's level once (addUnitStock), never again here, where they
 * are none (the level's figures at least the 考点' own, or the reason's words), as for a form not read.
 */
function addOwnSite(t: ConsolidatedTotals, name: string): void {
  (t.ownSite ??= []).push(name);
  const l = t.levels[LEVEL_ORDER.indexOf('考点')];
  l.units++;
  l.bagsUnknown = (l.bagsUnknown ?? 0) + 1;
  l.candidatesUnknown = (l.candidatesUnknown ?? 0) + 1;
  l.stillOutUnknown = (l.stillOutUnknown ?? 0) + 1;
  for (const why of [(l.bagsWhy ??= []), (l.candidatesWhy ??= []), (l.stillOutWhy ??= [])]) if (!why.includes('ownSite')) why.push('ownSite');
}

/**
 * Counts one readable unit's stock into the totals: into its level's entry, never into a figure over all levels;
 * a unit that keeps no vault record into none (`noVault` names it); the bags and copies of none that keeps no intake
 * list (`noIntake` names it) or whose intake list could not be read (`unreadIntake`) — the unit, its candidates and
 * bags still out counted all the same; nor the bags still out of one whose vault log could not be read (`unreadLog`), nor the candidates
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
  const l = t.levels[LEVEL_ORDER.indexOf(u.level)];
  l.units++;
  // No intake list, or one not read: its bags and copies not known, in no figure (the level's are at least the others');
  // the unit, its candidates and its bags out counted in its level all the same (review 22a D2: its whole row was left out).
  if (u.noIntake !== undefined || u.unreadIntake !== undefined) {
    if (u.noIntake !== undefined) (t.noIntake ??= []).push(named(u.noIntake));
    if (u.unreadIntake !== undefined) name('Intake', u.unreadIntake);
    l.bagsUnknown = (l.bagsUnknown ?? 0) + 1;
    const reason: StockReason = u.unreadIntake !== undefined ? why('Intake') : 'noIntake';
    if (!(l.bagsWhy ??= []).includes(reason)) l.bagsWhy.push(reason);
  }
  // Known but for cells of some papers' rows: the others' bags and copies count (the level's at least these).
  if ((u.noIntake === undefined && u.unreadIntake === undefined) || u.rowsUnknown?.includes('Intake')) {
    l.bags += u.bags;
    l.copies += u.copies;
  }
  // 考试安排 not read: its candidates not known, in no figure (0 would read as papers for nobody); its bags and copies
  // counted. The level says how many of its units' candidates (bags out) are unknown: it shows them at least, or unknown.
  if (u.unreadSchedule !== undefined) {
    name('Schedule', u.unreadSchedule);
    l.candidatesUnknown = (l.candidatesUnknown ?? 0) + 1;
    if (!(l.candidatesWhy ??= []).includes(why('Schedule'))) l.candidatesWhy.push(why('Schedule'));
  }
  // Known but for cells of some papers' rows (a 报考人数 showing #N/A): the other papers' candidates count.
  if (u.unreadSchedule === undefined || u.rowsUnknown?.includes('Schedule')) l.candidates += u.candidates;
  if (u.unreadLog === undefined) l.bagsStillOut += u.bagsStillOut;
  else {
    l.stillOutUnknown = (l.stillOutUnknown ?? 0) + 1;
    if (!(l.stillOutWhy ??= []).includes(why('Log'))) l.stillOutWhy.push(why('Log'));
  }
  if (u.ownSite !== undefined) addOwnSite(t, u.ownSite);
}
