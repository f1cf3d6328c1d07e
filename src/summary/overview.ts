/**
 * What 总览 shows: the figures of the run and the top of each ranking its
 * charts draw. Pure.
 */
import type { ConsolidatedTotals, LevelTotals } from './consolidate';
import { type FigureKey, REPEATED_UNIT_WORDS, type SetAside, repeatKindOf } from './words';
import { NONE_WORDS } from './none-figures';
import { NONE_UNITS_WORDS, type StockForm, type StockReason, type UnitName, stockReasonsOf, unitNameShown } from './none-units';
import type { Lang } from './columns';
import type { Level } from '../model/custody';
import { semesterShown } from '../model/semester';
import { counted } from '../rules/plural';
import { countShown } from '../model/count-shown';
import { type SetAsideLists, setAsideCounts } from './set-aside';

/** What the charts on 总览 draw: the top of each list, so that a chart stays readable. */
export interface ChartData {
  /** Findings per rule (top 15), a disagreeing handover once on each side. */
  rules: Array<[string, { errors: number; warnings: number }]>;
  /** Units with the most findings (top 20). */
  sites: Array<{ name: string; errors: number; warnings: number }>;
  /**
   * Units of one level with the most candidates (top 20), of those with papers counted in the totals: the lowest level the run has, where the candidates sit (`bigLevel`). Each level counts the
   * same candidates again (各级不相加): ranked together, the 省校 and its 分校 would head the list with no 考点's own.
   */
  big: Array<{ name: string; candidates: number; copies: number }>;
  /** The level `big` ranks; null when no unit's level can be read (then all units). */
  bigLevel: Level | null;
}

/** The levels where candidates sit first: the one `big` ranks is the first the run has. */
const SITTING_FIRST: readonly Level[] = ['考点', '分校', '省校'];

/** Ranks per-rule counts and per-unit figures the way 总览 shows them. */
export function rankChartData(
  byRule: ReadonlyMap<string, { errors: number; warnings: number }>,
  units: Iterable<{
    name: string;
    errors: number;
    warnings: number;
    papers: number;
    candidates: number;
    copies: number;
    level?: Level | null;
    /** Keeps no vault record (its name, as UnitStock gives it, or true): no copies to rank beside its candidates. */
    noVault?: string | boolean;
    /** Keeps no intake list (likewise): no copies either. */
    noIntake?: string | boolean;
    /** Its intake list could not be read (likewise): no copies known either. */
    unreadIntake?: string | boolean;
    /** Its exam schedule could not be read: its candidates not known, nothing to rank it by. */
    unreadSchedule?: string | boolean;
  }>,
): ChartData {
  const rules = [...byRule.entries()].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0])).slice(0, 15);
  const list = [...units];
  const sites = list
    .filter((u) => u.errors + u.warnings > 0)
    .map((u) => ({ name: u.name, errors: u.errors, warnings: u.warnings }))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  // Units given are those counted (a workbook set aside is in no figure of the run, nor ranked); not ranked by size a
  // unit that keeps no vault record or no intake list (its copies not known: 0 beside its candidates would read as papers short).
  const sized = list.filter((u) => u.papers > 0 && !u.noVault && !u.noIntake && !u.unreadIntake && !u.unreadSchedule);
  const bigLevel = SITTING_FIRST.find((l) => sized.some((u) => u.level === l)) ?? null;
  const big = sized
    .filter((u) => bigLevel === null || u.level === bigLevel)
    .map((u) => ({ name: u.name, candidates: u.candidates, copies: u.copies }))
    .sort((a, b) => b.candidates - a.candidates || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  return { rules, sites, big, bigLevel };
}

/**
 * 总览's 未还保密室（袋） as its cell shows it (review 21b D2): the bags still out where every unit's 附件3 was read; where
 * some units' could not be (ConsolidatedTotals.unreadLog, named under the figures: their bags out in no total), at
 * least the others' (至少 N), and 附件3 未能读取 where none of theirs is out or there are none — never a bare 0 of a run
 * whose one unit's vault log was lost. As the CLI's line says it.
 */
export function bagsStillOutShown(t: NoneUnits & Pick<ConsolidatedTotals, 'bagsStillOut'>, lang: Lang): number | string {
  const why = unknownWhy(t, 'Log');
  if (!why.length) return t.bagsStillOut;
  if (t.bagsStillOut === 0) return whyShown(why, lang);
  return lang === 'zh' ? `至少 ${countShown(t.bagsStillOut)}` : `at least ${countShown(t.bagsStillOut)}`;
}

/** Why some units' figures of a form are unknown (ConsolidatedTotals: unreadLog, errorLog, severalLog), each reason with a unit. */
export const unknownWhy = (t: NoneUnits, f: StockForm): StockReason[] => stockReasonsOf(f).filter((r) => t[r]?.length);

/** Reasons as a cell says them: each's words (附件3 未能读取；附件3 显示错误值), the form not read first. */
export const whyShown = (why: readonly StockReason[], lang: Lang): string => why.map((r) => NONE_WORDS[r][lang]).join(lang === 'zh' ? '；' : '; ');

/** The figures at the top of 总览, key and value (their labels: `FIGURE_WORDS`). */
export function overviewFigures(t: ConsolidatedTotals): Array<[FigureKey, number]> {
  return [
    ['files', t.files],
    // A workbook holding none of the forms is not unreadable: its own line, when there is one (FileStatus notCustody).
    ['unreadable', t.unreadable - (t.notCustody ?? 0)],
    ...(t.notCustody ? [['notCustody', t.notCustody] as [FigureKey, number]] : []),
    // A workbook set aside is in neither 单位 nor 可以提交: a line of its own by why, when there is one (files add up).
    ...(Object.entries(setAsideCounts(t)).filter(([, n]) => n > 0) as Array<[FigureKey, number]>),
    ['sites', t.sites],
    ['ready', t.ready],
    ['fix', t.sites - t.ready],
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

/** A level's figures that some of its units' forms may leave unknown: candidates (考试安排), bags out (附件3), bags and copies (附件2). */
export type LevelFigureKey = 'candidates' | 'bagsStillOut' | 'bags' | 'copies';

/**
 * A level's candidates or bags still out (or bags and copies) as 总览 and the CLI say them (review 21 D3): the figure where every unit's is
 * known; “至少 N” where some units' are not (their 考试安排 / 附件3 not read: in no figure, the others' add up to N at
 * least, counts being never below 0); unknown (`null`) where none is known or the known add up to 0 — never “报考 0 人”
 * of a level whose one unit's schedule could not be read.
 */
export function levelFigure(l: LevelTotals, key: LevelFigureKey): { n: number; atLeast?: boolean } | null {
  const unknown = key === 'candidates' ? l.candidatesUnknown : key === 'bagsStillOut' ? l.stillOutUnknown : l.bagsUnknown;
  if (!unknown) return { n: l[key] };
  // A unit unknown but for cells of some papers' rows adds its other papers' figures (stock.ts rowsUnknown): at least
  // those, even where it is the level's only unit; a unit wholly unknown adds nothing.
  return l[key] === 0 ? null : { n: l[key], atLeast: true };
}

/** levelFigure as a cell shows it: the number, 至少 N, or the form not read (考试安排 未能读取, 附件3 未能读取). */
export function levelFigureShown(l: LevelTotals, key: LevelFigureKey, lang: Lang): number | string {
  const f = levelFigure(l, key);
  if (f === null) return whyShown(levelWhy(l, key), lang);
  return f.atLeast ? (lang === 'zh' ? `至少 ${countShown(f.n)}` : `at least ${countShown(f.n)}`) : f.n;
}

/** Why a level's candidates or bags still out are unknown (LevelTotals.candidatesWhy, stillOutWhy), the form not read first. */
export function levelWhy(l: LevelTotals, key: LevelFigureKey): StockReason[] {
  const reasons: StockReason[] =
    key === 'bags' || key === 'copies' ? ['noIntake', ...stockReasonsOf('Intake')] : stockReasonsOf(key === 'candidates' ? 'Schedule' : 'Log');
  const why = (key === 'bags' || key === 'copies' ? l.bagsWhy : key === 'candidates' ? l.candidatesWhy : l.stillOutWhy) ?? [];
  // A 本部考点's figures, in the 考点 level none (stock.ts addOwnSite), said last: its unit's row counts them.
  return [...reasons, 'ownSite' as const].filter((r) => why.includes(r));
}

/** The levels 总览 and the CLI show, down the chain: those with a unit in the run. */
export function levelsShown(t: Pick<ConsolidatedTotals, 'levels'>): LevelTotals[] {
  return t.levels.filter((l) => l.units > 0);
}

/** The workbooks listed by name in a line on those set aside (another semester, a unit's second); the rest are counted (all are on 总览 and in the findings). */
const SET_ASIDE_NAMED = 10;

/**
 * The workbooks of another semester than the run's, left out of the stock (workbook-of-another-semester):
 * said before the figures, each with its semester, so that no one reads two semesters' papers as one:
 * by the CLI after a summary run and atop the page's 汇总 view, in the same words.
 */
export function otherSemesterLinesOf(
  t: Pick<ConsolidatedTotals, 'otherSemester' | 'semester' | 'repeatedUnits'>,
  lang: Lang,
  name: (file: string) => string,
): string[] {
  const other = t.otherSemester;
  if (other.length === 0 || t.semester === null) return [];
  const named = other.slice(0, SET_ASIDE_NAMED);
  const more = other.length - named.length;
  const own = ownFindingsSaid(t, 'otherSemester', lang);
  if (lang === 'en') {
    const list = named.map((o) => `${name(o.file)} (${semesterShown(o.semester, 'en')})`).join(', ');
    return [
      `Note: not of ${semesterShown(t.semester, 'en')}, the semester of the other workbooks, so left out of the papers' figures below: ${list}${more ? ` and ${countShown(more)} more` : ''}.${own}`,
    ];
  }
  const list = named.map((o) => `${name(o.file)}（${o.semester}）`).join('、');
  return [
    `注意：以下 ${countShown(other.length)} 个工作簿不是${t.semester}学期（其他工作簿的学期）的，其试卷未计入下面的合计：${list}${more ? ` 等` : ''}。${own}`,
  ];
}

type NoneUnits = Pick<ConsolidatedTotals, 'noVault' | 'noIntake' | Exclude<StockReason, 'noVault' | 'noIntake'>>;

/**
 * The units in no level's stock for a reason (no vault record, no intake list, 附件2 not read), then those whose bags
 * still out are in no total (附件3 not read), and those whose candidates are in none (考试安排 not read), each reason with a unit;
 * last the 本部考点 counted in the 考点 level, whose figures are in their unit's row only (ownSite);
 * each unit as `lang` names it (unitNameShown: a 考点 naming no 考点 said so, not as its 分校).
 */
export function noneUnitsOf(t: NoneUnits, lang: Lang): Array<{ reason: StockReason; names: string[] }> {
  const all: Array<{ reason: StockReason; names: readonly UnitName[] }> = [
    { reason: 'noVault', names: t.noVault },
    { reason: 'noIntake', names: t.noIntake ?? [] },
    ...(['Intake', 'Log', 'Schedule'] as const).flatMap((f) => stockReasonsOf(f).map((reason) => ({ reason, names: t[reason as 'unreadLog'] ?? [] }))),
    { reason: 'ownSite', names: t.ownSite ?? [] },
  ];
  return all
    .filter((u) => u.names.length > 0)
    .map(({ reason, names }) => ({ reason, names: names.map((n) => (reason === 'ownSite' ? ownSiteShown : unitNameShown)(n, lang)) }));
}

/** A 分校 (省校) that sits exams itself named as its exam site: 长沙分校（本部考点）. */
const ownSiteShown = (u: UnitName, lang: Lang): string => {
  const name = unitNameShown(u, lang);
  return lang === 'zh' ? `${name}（本部考点）` : `${name} (own exam site, 本部考点)`;
};

/** The lines on the units in no level's totals for a reason (noneUnitsOf): one a reason, the first few named. */
export function noneLinesOf(t: NoneUnits, lang: Lang): string[] {
  return noneUnitsOf(t, lang).map(({ reason, names }) => {
    const named = names.slice(0, SET_ASIDE_NAMED);
    return NONE_UNITS_WORDS[reason][lang].line(named, names.length - named.length);
  });
}

/**
 * The second workbooks of one unit and semester, left out of the stock (unit-workbook-twice): each named with
 * the file counted in its place and whether the two hold the same records (REPEATED_UNIT_WORDS, as 总览 says
 * it), so that no one reads a unit counted twice, or a dropped file, without a word.
 */
export function repeatedUnitLinesOf(
  t: Pick<ConsolidatedTotals, 'repeatedUnits'> & Partial<SetAsideLists>,
  lang: Lang,
  name: (file: string) => string,
): string[] {
  const repeated = t.repeatedUnits;
  if (repeated.length === 0) return [];
  const named = repeated.slice(0, SET_ASIDE_NAMED);
  const more = repeated.length - named.length;
  const words = REPEATED_UNIT_WORDS[lang];
  const own = ownFindingsSaid({ otherSemester: [], ...t }, 'repeatedUnit', lang);
  const lead = words.lead(repeated.length, repeatKindOf(repeated));
  if (lang === 'en') {
    const list = named.map((o) => `${name(o.file)} (${o.site}: ${words.counted(name(o.counted), o.same)})`).join(', ');
    return [`${lead}${list}${more ? ` and ${countShown(more)} more` : ''}.${own}`];
  }
  const list = named.map((o) => `${name(o.file)}（${o.site}：${words.counted(name(o.counted), o.same)}）`).join('、');
  return [`${lead}${list}${more ? ' 等' : ''}。${own}`];
}

/**
 * The set-aside workbooks' own errors and warnings (of those `why` lists: set-aside.ts leaveOut keeps them there), which
 * the head line's counts, 总览's and the exit code leave out: said whenever they have any besides the notices that set
 * them aside (workbook-of-another-semester's, unit-workbook-twice's: one each on a workbook so listed), so that none goes
 * without a word (review 16a O2: a warning alone went unsaid), in words that match the counts (它/它们, 1 error/2
 * errors); '' when they have no other, or where they are not known. The CLI's lines, 总览's lists and the pane's alike.
 */
export function ownFindingsSaid(t: SetAsideLists, why: SetAside, lang: Lang): string {
  const other = new Set(t.otherSemester.map((o) => o.file));
  const repeated = new Set(t.repeatedUnits.map((o) => o.file));
  const listed = why === 'otherSemester' ? t.otherSemester : t.repeatedUnits;
  // Their notices (a warning each: one of another semester that is also its unit's second has both), never their own.
  const notices = (file: string) => Number(other.has(file)) + Number(repeated.has(file));
  const errors = listed.reduce((n, o) => n + (o.errors ?? 0), 0);
  const warnings = listed.reduce((n, o) => n + (o.warnings === undefined ? 0 : Math.max(0, o.warnings - notices(o.file))), 0);
  if (errors + warnings === 0) return '';
  const one = listed.length === 1;
  if (lang === 'zh') {
    const counts = [errors ? `错误 ${countShown(errors)} 处` : '', warnings ? `警告 ${countShown(warnings)} 处` : ''].filter(Boolean).join('、');
    return `除这一条外，${one ? '它' : '它们'}本身还有${counts}，不计入上面的数目。`;
  }
  const counts = [errors ? counted(errors, 'errors') : '', warnings ? counted(warnings, 'warnings') : ''].filter(Boolean).join(' and ');
  return ` Besides this notice, ${one ? 'it has' : 'they have'} ${counts} of ${one ? 'its' : 'their'} own, not in the counts above.`;
}
