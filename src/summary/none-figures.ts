/**
 * Figures a unit's workbook cannot give, said so rather than 0 (review13: a unit with vault records but no
 * intake list): a unit that keeps no vault record (none of 附件2, 3, 5) has none of its vault's figures; one that
 * keeps no intake list (附件2) none of the figures made from it (bags, copies, spare, bags in the vault); one whose
 * 附件2, 3, 4 or 5 could not be read (its header row lost: required-field says it at the form's title) none of the
 * figures made from that form — 附件3 未能读取, never a 0 or a 100 % that reads as a fact, nor 没有填写 of a form that is
 * there. Each table column of such a figure says which reasons make it none (`NoneWhen`), and the words of each
 * reason are here, for the per-site tables, 站点汇总, the 汇总 sheet, 总览 and the CLI alike.
 */
import type { Lang } from '../rules/types';
import type { SiteModel } from '../model/site-model';
import type { SiteData } from '../model/types';
import { intakeLists } from '../model/intake';
import { pathAt } from '../model/location-map';
import type { Column } from './columns';
import type { Words } from './words';
import { levelOf } from '../model/custody';
import { OTHER_PAPERS, ROW_CORRECTED, ROW_SAID, figuresAtLevel, rowCellSaid, rowCountsOnly, unitWide, wholeForms } from './row-unknowns';
import { CORRECTED_SAID, ERROR_SAID, SEVERAL_SAID, UNREAD_SAID } from './none-said';
import { CAUSES, CELL_WORDS, type CausePart, type UnreadCause, causeOf, causeParts, causeWords } from './causes';

/**
 * A form of the summary's figures whose rows could not be read (SiteModel.unreadRows): its header row not found; 附件5
 * without 值班时间. 考试安排 (candidates, first sessions), 涉卷人员 (whose no figure is made from, but whether each signer
 * is on it) and 附件1's 交接明细 (the bags a handover lists) too.
 */
export type UnreadForm = 'schedule' | 'staff' | 'handover' | 'intake' | 'vaultLog' | 'distribution' | 'duty';
/**
 * A form whose rows could not be read, where its finding stands (required-field's, at the form's title); or a cell of
 * it that shows an error value (`shows`: #N/A, #REF!; error-cells.ts), which leaves the same figures unknown.
 */
export interface UnreadSheet {
  form: UnreadForm;
  sheet: string;
  cell: string;
  shows?: string;
  /** One copy of the form on a sheet holding several (SiteModel.unreadRows' `copy`), at its title: the others were read. */
  copy?: true;
  /** The 试卷号 of several papers the cell writes (“2207、2210”, review 20b D5): their bags not told apart. */
  several?: string;
  /** A count the cell writes corrected in brackets (“2（实为3）”: review 25a D1): its figures unknown, as an error value's. */
  corrected?: string;
  /**
   * Of a cell showing an error value in a paper's own row (a 报考人数, a 数量: error-cells.ts rowCellOf), the paper its
   * row names and the figures of that paper it leaves unknown (`figures`, PAPER_COLUMNS keys): the other papers'
   * are known; the unit's totals that add it are not (review 21 D1). Absent where the whole form's figures are unknown.
   */
  paper?: string;
  figures?: string[];
}
type NoneSource = Pick<SiteModel, 'unreadRows' | 'locations'> & Partial<Pick<SiteModel, 'unsolvedFormulas'>>;

/**
 * The fields the summary's figures are made from, by path without its indices (`vaultLog[3].takenAt` is
 * `vaultLog.takenAt`), and the form each is of: a paper and its bags, copies, candidates and sessions; a checkout's
 * quantity, unit, times, taker (a 考点's, a dispatch) and 备注 (销毁); a room's copies and times; a shift's times; a
 * handover's items. Not a signer's name elsewhere, a paper's name, a written 合计, a 备注 or 情况记录: no figure uses them.
 */
export const FIGURE_FIELDS: ReadonlyMap<string, UnreadForm> = new Map([
  ...['paperNo', 'start', 'end', 'candidates'].map((f): [string, UnreadForm] => [`schedule.${f}`, 'schedule']),
  ...['destination', 'quantity', 'unit'].map((f): [string, UnreadForm] => [`handovers.items.${f}`, 'handover']),
  ...['paperNo', 'bags31', 'bags26', 'bags11', 'bags5'].map((f): [string, UnreadForm] => [`intake.items.${f}`, 'intake']),
  ['intake.time', 'intake'],
  ...['paperNo', 'quantity', 'unit', 'taker', 'takenAt', 'returnedAt', 'note'].map((f): [string, UnreadForm] => [`vaultLog.${f}`, 'vaultLog']),
  ...['start', 'end'].map((f): [string, UnreadForm] => [`distributions.${f}`, 'distribution']),
  ...['paperNo', 'copies', 'room', 'issuedAt', 'returnedAt'].map((f): [string, UnreadForm] => [`distributions.rows.${f}`, 'distribution']),
  ...['from', 'to'].map((f): [string, UnreadForm] => [`duty.shifts.${f}`, 'duty']),
]);

/** The forms whose figures a group of unsolved cells leaves unknown: those of the cells that are a figure's field (FIGURE_FIELDS). */
function formsOfCells(locations: NoneSource['locations'], sheet: string, cells: readonly string[]): UnreadForm[] {
  const forms = new Set<UnreadForm>();
  for (const cell of cells) {
    const path = pathAt(locations, sheet, cell);
    const form = path === undefined ? undefined : FIGURE_FIELDS.get(path.replace(/\[\d+\]/g, ''));
    if (form) forms.add(form);
  }
  return [...forms];
}

/**
 * The forms of a workbook whose rows could not be read (forms/unread-rows.ts), each at its finding's cell; and those
 * whose values could not be read either: cells the form reads holding a formula saved without its value, or referring
 * to itself (forms/unsolved.ts), in a field a figure is made from (FIGURE_FIELDS; one in a 备注 or a 合计 leaves every
 * figure known), each at formula-not-saved's or formula-cycle's cell — their figures are as unknown (review 19a D2:
 * three 取卷时间 so made custody 0 h and duty cover 100 %, one shift's end a gap validate denies).
 */
function unreadSheetsOf(model: NoneSource | undefined): UnreadSheet[] {
  const unread = (model?.unreadRows ?? []).flatMap(({ form, sheet, copy }, i): UnreadSheet[] =>
    form in UNREAD_REASON
      ? [{ form: form as UnreadForm, sheet, cell: model!.locations[`unreadRows[${i}]`]?.cell ?? 'A1', ...(copy ? { copy: true as const } : {}) }]
      : [],
  );
  const unsolved = (model?.unsolvedFormulas ?? []).flatMap(({ sheet, cells }, i) =>
    formsOfCells(model!.locations, sheet, cells).map((form) => ({ form, sheet, cell: model!.locations[`unsolvedFormulas[${i}]`]?.cell ?? 'A1' })),
  );
  return [...unread, ...unsolved];
}

/**
 * Whether a unit keeps no intake list (no row of 附件2, of papers from above or taken back from below: the bags and
 * copies its vault received are not known, not 0), no vault record at all (no row of 附件3's log nor 附件5's shifts
 * either: a 考点 or 分校 that kept its papers elsewhere, or whose forms were deleted; required-field's noVault says so),
 * and which of its forms could not be read, or hold a figure's cell showing an error value (`errorCells`). A form not read is kept, not missing: neither 无入库清单 nor 无保密室记录.
 */
export function noneFlagsOf(
  data: SiteData,
  model?: NoneSource,
  errorCells: readonly UnreadSheet[] = [],
): { noIntake: boolean; noVault: boolean; unread: UnreadSheet[] } {
  const level = levelOf(data.site);
  const said = ({ form, sheet, cell, shows, several, corrected, paper, figures }: UnreadSheet): UnreadSheet => {
    if (shows === undefined && corrected === undefined) return { form, sheet, cell, several };
    const value = shows !== undefined ? { shows } : { corrected };
    return paper === undefined ? { form, sheet, cell, ...value } : { form, sheet, cell, ...value, paper, figures: figures && figuresAtLevel(figures, level) };
  };
  const unread = [...unreadSheetsOf(model), ...errorCells.map(said)];
  const forms = unreadForms(unread);
  const noIntake = !intakeLists(data).some(({ list }) => (list.items ?? []).length > 0) && !forms.includes('intake');
  const noLog = (data.vaultLog ?? []).length === 0 && (data.duty?.shifts ?? []).length === 0;
  return { noIntake, noVault: noIntake && noLog && !forms.some((f) => f === 'vaultLog' || f === 'duty'), unread };
}

/** The forms a reason names (unreadLog, errorLog, severalLog: 附件3), as a cell prints them. */
type FormName = 'Schedule' | 'Roster' | 'Handover' | 'Intake' | 'Log' | 'Register' | 'Duty';
const FORM_LABEL: Record<FormName, string> = {
  Schedule: '考试安排',
  Roster: '涉卷人员',
  Handover: '附件1',
  Intake: '附件2',
  Log: '附件3',
  Register: '附件4',
  Duty: '附件5',
};
/** Figures made from a form the summary could not read: 考试安排's, 涉卷人员's, 附件1's, 2's, 3's, 4's, 5's. */
export type UnreadReason = `unread${FormName}`;
export type { UnreadCause };
/**
 * The same figures as UnreadReason's unknown for a cause (errorLog: 附件3 显示错误值; severalLog: 附件3 一行几个试卷号), or
 * for more than one (unreadErrorLog: 附件3 未能读取、显示错误值).
 */
type CausedReason = `${UnreadCause}${FormName}`;
/** The reason each unread form gives, in the order the reasons are said. */
const UNREAD_REASON: Record<UnreadForm, UnreadReason> = {
  schedule: 'unreadSchedule',
  staff: 'unreadRoster',
  handover: 'unreadHandover',
  intake: 'unreadIntake',
  vaultLog: 'unreadLog',
  distribution: 'unreadRegister',
  duty: 'unreadDuty',
};
const UNREAD_ORDER: readonly UnreadForm[] = ['schedule', 'staff', 'handover', 'intake', 'vaultLog', 'distribution', 'duty'];

/**
 * Why a unit's figures of one kind are none, not 0: it keeps no vault record (SiteSummary.noVault: none of 附件2, 3,
 * 5), or keeps one but no intake list (SiteSummary.noIntake: no row of 附件2, its 附件3 or 5 filled in), or a form
 * it keeps could not be read (SiteSummary.unread: 附件2, 3, 4 or 5 on a sheet whose rows were not found), or shows an
 * error value in a figure's cell, or writes several 试卷号 on a row (CausedReason); or its custody runs on to a
 * session's end 考试安排 gives, not read (`custodySchedule`: SiteSummary.custodySchedule).
 */
export type NoneReason = 'noVault' | 'noIntake' | 'ownSite' | UnreadReason | CausedReason | 'custodySchedule';

/** An unread form as a paper keeps it (PaperSummary.unread): the form, and why, where it was read (UnreadCause). */
export interface UnreadOf {
  form: UnreadForm;
  cause?: UnreadCause;
}
/** What a unit's (or a paper's) figures are none for: the two flags, and the forms not read (as sheets, or by form). */
interface NoneFlags {
  noVault?: boolean;
  noIntake?: boolean;
  unread?: ReadonlyArray<UnreadForm | UnreadOf | Pick<UnreadSheet, 'form' | 'shows' | 'several' | 'corrected'>>;
  custodySchedule?: boolean;
}
type UnreadItem = NonNullable<NoneFlags['unread']>[number];

/** The forms of `unread`, each once, in the order the reasons are said (考试安排, 涉卷人员, 附件1, 2, 3, 4, 5). */
export function unreadForms(unread: NoneFlags['unread']): UnreadForm[] {
  const forms = new Set((unread ?? []).map((u) => (typeof u === 'string' ? u : u.form)));
  return UNREAD_ORDER.filter((f) => forms.has(f));
}

/** Why one entry of `unread` leaves its figures unknown: a cell showing an error value, a row of several 试卷号, a count corrected, the form not read (a paper's entry: each of its causes). */
const causesOfItem = (u: UnreadItem): CausePart[] =>
  typeof u === 'string'
    ? ['unread']
    : 'cause' in u && u.cause !== undefined
      ? causeParts(u.cause)
      : 'shows' in u && u.shows !== undefined
        ? ['error']
        : 'several' in u && u.several !== undefined
          ? ['several']
          : 'corrected' in u && u.corrected !== undefined
            ? ['corrected']
            : ['unread'];

/**
 * Why the figures of `form` are unknown, by every entry of it in `unread`: each cause its entries hold, as the 说明 says
 * each (unreadLines) — not read alone (undefined), an error value, several 试卷号 on a row, or two or three of these
 * (unreadError: a sheet not read, a cell of another showing #N/A; fix-words24: was 未能读取 alone).
 */
export function unreadCause(unread: NoneFlags['unread'], form: UnreadForm): UnreadCause | undefined {
  return causeOf((unread ?? []).filter((u) => (typeof u === 'string' ? u : u.form) === form).flatMap(causesOfItem));
}

/** The forms of `unread` each once, with its cause (unreadCause): as a paper keeps them (PaperSummary.unread). */
export const unreadOf = (unread: NoneFlags['unread']): UnreadOf[] =>
  unreadForms(unread).map((form) => {
    const cause = unreadCause(unread, form);
    return cause ? { form, cause } : { form };
  });

/** The reason a form not read gives (附件3: unreadLog), or read but unknown for `cause` (errorLog, severalLog). */
export const unreadReason = (form: UnreadForm, cause?: UnreadCause): NoneReason =>
  cause ? (UNREAD_REASON[form].replace('unread', cause) as CausedReason) : UNREAD_REASON[form];

/**
 * Whether the 交接明细 of the handover at a sheet's cell (its title) are unknown (HandoverBrief.itemsUnread): not read
 * (true), or why (a cell showing an error value); undefined when known. Of several copies on a sheet, the unread one's.
 */
export function itemsUnreadAt(unread: readonly UnreadSheet[]): (sheet: string, cell: string | null) => true | UnreadCause | undefined {
  const of = unread.filter((u) => u.form === 'handover');
  return (sheet, cell) => {
    const here = of.filter((u) => u.sheet === sheet && (!u.copy || u.cell === cell));
    return here.length === 0 ? undefined : (unreadCause(here, 'handover') ?? true);
  };
}

/** A handover sheet's 交接明细 unknown (HandoverBrief.itemsUnread: true, not read; or why): its cell's key (unreadHandover, errorHandover). */
export const itemsUnreadAs = (unread: true | UnreadCause): NoneReason => unreadReason('handover', unread === true ? undefined : unread);

/** The reason of a form not read a caused reason stands for (errorLog, severalLog: unreadLog), for the columns' NoneWhen; any other as it is. */
const CAUSED = /^(?:unread|error|several|corrected)(?:Error|Several|Corrected)*(?=(?:Schedule|Roster|Handover|Intake|Log|Register|Duty)$)/;
export const baseReason = (reason: NoneReason): NoneReason => reason.replace(CAUSED, 'unread') as NoneReason;

/** A form not read's reason and those of the same form unknown for a cause, or several (unreadLog, errorLog, severalLog, unreadErrorLog…); any other alone. */
const variantsOf = (reason: NoneReason): NoneReason[] =>
  reason.startsWith('unread') ? CAUSES.map((c) => reason.replace('unread', c) as NoneReason) : [reason];

/** Every reason a unit's figures of some kind are none, in the order said (no vault record, no intake list, then the forms unread). */
export function noneReasons(s: NoneFlags | null | undefined): NoneReason[] {
  if (!s) return [];
  const reasons: NoneReason[] = s.noVault ? ['noVault'] : s.noIntake ? ['noIntake'] : [];
  const forms = unreadForms(s.unread).map((f) => unreadReason(f, unreadCause(s.unread, f)));
  return [...reasons, ...forms, ...(s.custodySchedule ? (['custodySchedule'] as const) : [])];
}

/** A unit's flags, its forms not read and its papers' own unknowns (SiteSummary's). */
type UnitNone = NoneFlags & { unread?: readonly UnreadSheet[]; papers?: ReadonlyArray<{ unknown?: Record<string, UnreadOf> }> };

/**
 * The reasons a unit's total of the papers' figure `key` (PAPER_COLUMNS key: the 合计 row, 站点汇总's figures) is none
 * for: those of the whole unit (its flags, its forms not read as a whole), then the form of a cell of a paper's own
 * row that leaves that paper's `key` unknown — no other (review 22b D3: one #N/A 报考人数 left 合计's 首场开考 and one
 * #N/A 数量 its 出库次数 unknown under figures all shown).
 */
export function totalReasons(s: UnitNone | null | undefined, key: string): NoneReason[] {
  if (!s) return [];
  const rows = (s.papers ?? []).flatMap((p) => (p.unknown?.[key] ? [unreadReason(p.unknown[key].form, p.unknown[key].cause)] : []));
  return [...noneReasons(flagsWith(s, wholeForms(s.unread))), ...rows];
}

/**
 * A unit's flags with `unread` for its forms: asked for each column of each unit's row, so only the flags are copied,
 * not the whole summary they stand in.
 */
const flagsWith = (s: NoneFlags, unread: NoneFlags['unread']): NoneFlags => ({
  noVault: s.noVault,
  noIntake: s.noIntake,
  custodySchedule: s.custodySchedule,
  unread,
});

/**
 * The reasons a unit's own figures (custody, duty cover and gaps, checkouts not returned) are none for: all but a cell
 * of a paper's row that leaves only that row's counts unknown (row-unknowns.ts unitWide).
 */
export const unitReasons = (s: UnitNone | null | undefined): NoneReason[] => (s ? noneReasons(flagsWith(s, unitWide(s.unread))) : []);

/** Why a unit's duty cover (its own figure) and its bags out (a total of the papers') are unknown, for its status line. */
export const statusReasons = (s: UnitNone): [NoneReason | undefined, NoneReason | undefined] => [
  reasonUnder(unitReasons(s), DUTY_FIGURE),
  reasonUnder(totalReasons(s, 'bagsStillOut'), LOG_FIGURE),
];

export { unitWide };

/** Of a unit's reasons (noneReasons), the one that makes a figure none under `when`: the first it counts; undefined where the figure is known. */
export const reasonUnder = (reasons: readonly NoneReason[], when: NoneWhen): NoneReason | undefined => reasons.find((r) => when.none.includes(baseReason(r)));

/**
 * `word`, in a table's cell where a figure none for the reason would be (bags, copies, spare, checkouts, custody, duty
 * cover, rooms), that none is known rather than 0 or 100 %: the form and why (附件3 未能读取, 附件3 显示错误值).
 */
export const NONE_WORDS = {
  noVault: { zh: '无保密室记录', en: 'no vault record' },
  noIntake: { zh: '无入库清单', en: 'no intake list' },
  ...Object.fromEntries(
    (Object.keys(FORM_LABEL) as FormName[]).flatMap((f) =>
      CAUSES.map((c) => {
        const said = causeWords(c, CELL_WORDS, { zh: '、', en: ', ' });
        return [`${c}${f}`, { zh: `${FORM_LABEL[f]} ${said.zh}`, en: `${FORM_LABEL[f]} ${said.en}` }];
      }),
    ),
  ),
  custodySchedule: { zh: '考试安排 未能读取', en: '考试安排 not read' },
  ownSite: { zh: '计入其单位一行', en: 'in its unit’s row' }, // a 本部考点's figures in the 考点 row (none-units.ts): its unit's
} as Words<NoneReason>;

/** The words of a form not read and of each cause it is unknown for (unreadHandover, errorHandover, unreadErrorHandover…): a column's `words`. */
export const formNoneWords = (reason: NoneReason): Partial<Words<NoneReason>> => Object.fromEntries(variantsOf(reason).map((k) => [k, NONE_WORDS[k]]));
/** 站点汇总's 说明 of a unit whose figures are none: why, and that its stock is in no total (stock.ts; the row greyed by OTHER_SEMESTER_ROW's mark). */
const NONE_NOTE: Words<'noVault' | 'noIntake'> = {
  noVault: {
    zh: '无保密室记录（附件2、3、5 都没有填写），未计入合计',
    en: 'No vault record (none of 附件2, 3, 5 filled in), not in the totals',
  },
  noIntake: {
    zh: '无入库清单（附件2 没有填写），袋数、份数无从计算，未计入合计',
    en: 'No intake list (附件2 not filled in): bags and copies unknown, not in the totals',
  },
};

/**
 * Where an unread form's finding stands: 工作表“出入库记录”A2 (出入库记录!A2), each of its sheets; a cell showing an
 * error value with it (显示 #N/A), one writing several 试卷号 with them (“2207、2210”).
 */
function whereOf(sheets: readonly UnreadSheet[], lang: Lang): string {
  const en = lang === 'en';
  const shown = (u: UnreadSheet) =>
    u.shows !== undefined
      ? (en ? ` shows ${u.shows}` : ` 显示 ${u.shows}`) + rowCellSaid(u, lang)
      : u.corrected !== undefined
        ? (en ? ` reads "${u.corrected}"` : ` 写的是“${u.corrected}”`) + rowCellSaid(u, lang)
        : u.several !== undefined
          ? en
            ? ` "${u.several}"`
            : `“${u.several}”`
          : '';
  // A cell of a paper's row names its figures (a list of its own): the cells apart by ；, not 、.
  const rows = sheets.some((u) => u.paper !== undefined);
  if (en) return sheets.map((u) => `${u.sheet}!${u.cell}${shown(u)}`).join(rows ? '; ' : ', ');
  return sheets.map((u) => `工作表“${u.sheet}”${u.cell}${shown(u)}`).join(rows ? '；' : '、');
}

/**
 * What each form of `unread` leaves unknown and where its finding is (UNREAD_SAID), one line a form, 附件2 to 5; of a
 * form with cells showing an error value, a line of them (ERROR_SAID) after it; then one of its rows of several papers.
 */
function unreadLines(unread: readonly UnreadSheet[] | undefined, lang: Lang): string[] {
  return unreadSaid(unread, lang).map(({ line }) => line);
}

/** The pane's label of a line of unreadLines, as its cause: 未能读取, 显示错误值, 一行几个试卷号. */
export const UNREAD_LABEL: Words<CausePart> = {
  unread: { zh: '未能读取', en: 'Not read' },
  error: { zh: '显示错误值', en: 'Error value' },
  several: { zh: '一行几个试卷号', en: 'Row of several papers' },
  corrected: { zh: '数字有更正', en: 'Count amended' },
};

/** unreadLines, each line with its cause (UNREAD_LABEL's key): the pane labels each so. */
export function unreadSaid(unread: readonly UnreadSheet[] | undefined, lang: Lang): Array<{ cause: CausePart; line: string }> {
  return unreadForms(unread).flatMap((form) => {
    const of = unread!.filter((u) => u.form === form);
    const notRead = of.filter((u) => u.shows === undefined && u.several === undefined && u.corrected === undefined);
    // Cells of papers' own rows leaving only their counts unknown: those figures and their totals, nothing else (review 22b D3).
    const alone = (u: UnreadSheet) => rowCountsOnly(u) && !wholeForms(of).length; // with the whole form's unknown: said with it
    const several = of.filter((u) => u.several !== undefined);
    const reason = UNREAD_REASON[form];
    const severalSaid = SEVERAL_SAID[reason] ?? ERROR_SAID[reason];
    // A cell showing an error value, or a count corrected beside it: of a paper's row, its figures (ROW_SAID); else the form's.
    const cells = (cause: 'error' | 'corrected', holds: (u: UnreadSheet) => boolean) => {
      const counts = of.filter((u) => holds(u) && alone(u));
      const others = of.filter((u) => holds(u) && !alone(u));
      // Cells of papers' own rows alone: the other papers' figures are known (row-unknowns.ts).
      const known = (others.length || counts.length) && !wholeForms(of).length ? `${lang === 'en' ? '; ' : '；'}${OTHER_PAPERS.known[lang]}` : '';
      const [rowSaid, formSaid] =
        cause === 'error' ? [ROW_SAID[form], ERROR_SAID[reason]] : [ROW_CORRECTED[form], CORRECTED_SAID[reason] ?? ERROR_SAID[reason]];
      return [
        ...(counts.length ? [{ cause, line: (rowSaid ?? formSaid)[lang](whereOf(counts, lang)) + (others.length ? '' : known) }] : []),
        ...(others.length ? [{ cause, line: formSaid[lang](whereOf(others, lang)) + known }] : []),
      ];
    };
    return [
      ...(notRead.length ? [{ cause: 'unread' as const, line: UNREAD_SAID[reason][lang](whereOf(notRead, lang)) }] : []),
      ...cells('error', (u) => u.shows !== undefined),
      ...(several.length ? [{ cause: 'several' as const, line: severalSaid[lang](whereOf(several, lang)) }] : []),
      ...cells('corrected', (u) => u.corrected !== undefined),
    ];
  });
}
/** The lines of one form of `unread` (unreadLines), one after the other, or '' where that form was read. */
export const unreadLine = (unread: readonly UnreadSheet[] | undefined, form: UnreadForm, lang: Lang): string =>
  unreadLines(
    unread?.filter((u) => u.form === form),
    lang,
  ).join(lang === 'en' ? '; ' : '；');

/** 站点汇总's 说明 of a unit's figures that are none: no vault record or no intake list, then each form not read. */
export function noneNotes(s: NoneFlags & { unread?: readonly UnreadSheet[] }, lang: Lang): string[] {
  const flag = s.noVault ? NONE_NOTE.noVault[lang] : s.noIntake ? NONE_NOTE.noIntake[lang] : '';
  return [flag, ...unreadLines(s.unread, lang), s.custodySchedule ? CUSTODY_SCHEDULE_SAID[lang] : ''].filter(Boolean);
}

/** Why a unit's custody (SiteSummary.custodySchedule) is unknown with its 考试安排: a paper that never left, held to its session's end. */
export const CUSTODY_SCHEDULE_SAID: Record<Lang, string> = {
  zh: '有试卷一直没有出库，保管期要到它的考试结束，而考试安排未能读取，保管时长和值班覆盖无从计算',
  en: 'A paper was never taken out, so custody runs to the end of its session, which the exam schedule (考试安排, not read) gives: custody time and duty cover unknown',
};

/**
 * Of a column of a figure of a unit's vault: the reasons that make it none (`none`), and of them those its cell
 * says (`says`: the first column of each run of such cells, its word running on over the empty cells beside it). A
 * form not read (unread…) is said in every cell, `says` or not (noneCell).
 */
export interface NoneWhen {
  none: readonly NoneReason[];
  says?: readonly NoneReason[];
}
/** A figure of 附件3 (checkouts, returns, bags out, not returned, sent on). */
export const LOG_FIGURE: NoneWhen = { none: ['noVault', 'unreadLog'] };
/**
 * The custody period (保管期, 保管时长): from 附件2's 入库时间 to the last checkout of 附件3, or the end of the session
 * of a paper on 附件2 that never left — none where either form was not read (a unit keeping no intake list starts it
 * at its first incoming handover), or 考试安排 where a paper never left (custodySchedule).
 */
export const CUSTODY_FIGURE: NoneWhen = { none: ['noVault', 'unreadIntake', 'unreadLog', 'custodySchedule'] };
/** A figure of 附件5 over the custody period of 附件2 and 3 (time on duty, cover, gaps). */
export const DUTY_FIGURE: NoneWhen = { none: [...CUSTODY_FIGURE.none, 'unreadDuty'] };
/** A figure of 附件2 (bags, copies, spare, taken back): none also where the unit keeps no intake list. */
export const INTAKE_FIGURE: NoneWhen = { none: ['noVault', 'noIntake', 'unreadIntake'] };
/** Bags in the vault: what came in (附件2) less what went out (附件3). */
export const IN_VAULT_FIGURE: NoneWhen = { none: [...INTAKE_FIGURE.none, 'unreadLog'] };
/** A figure of 考试安排 (candidates, a paper's first session): none only where it could not be read (its 报考人数 may be left empty). */
export const SCHEDULE_FIGURE: NoneWhen = { none: ['unreadSchedule'] };
/** 余量: the copies of 附件2 less the candidates of 考试安排. */
export const SPARE_FIGURE: NoneWhen = { none: [...INTAKE_FIGURE.none, 'unreadSchedule'] };
/** A figure of 附件4 (rooms, copies handed out): none only where it could not be read (a unit may hand out none). */
export const REGISTER_FIGURE: NoneWhen = { none: ['unreadRegister'] };

/** The reasons said once, at the first cell of a run, running on over the empty cells beside it: forms not kept at all. */
const RUNS_ON: readonly NoneReason[] = ['noVault', 'noIntake'];
/**
 * Whether a reason is a form kept but not read (附件3 未能读取; any reason but RUNS_ON's): every cell of a figure made
 * from it says so, not the first of a run alone (review 21b D2: 归还次数, 未还, 移交送出, 覆盖率 and 缺口 were blank
 * beside 出库次数's words, which ran on over them and printed as 附件3 | 未能读取).
 */
const isUnreadReason = (reason: NoneReason): boolean => !RUNS_ON.includes(reason);

/** The reasons under `when` a cell says (the column's `says`, and every form not read), each once. */
const reasonsSaid = (when: NoneWhen): NoneReason[] => [...new Set([...(when.says ?? []), ...when.none.filter(isUnreadReason)])];

/**
 * The raw cell of a figure that is none for `reason` under `when`: the reason's key where the column says it (a form not
 * read, or read but unknown for a cause — errorLog where unreadLog is said: always), else empty.
 */
export const noneCell = (reason: NoneReason, when: NoneWhen): string | null => (reasonsSaid(when).includes(baseReason(reason)) ? reason : null);

/**
 * A column of a figure of a unit's vault: none at a row whose unit's reasons (`reasonsOf`) hold one of `when.none`,
 * not 0 nor a spare worked out from none; where `when.says` the reason, its word (NONE_WORDS), running on over the
 * empty cells beside it; a form not read, its word in every such cell, wrapped there. For a per-site table and for
 * 站点汇总 alike.
 */
export function noneColumn<T, C extends Column<T>>(
  column: C & { value: NonNullable<Column<T>['value']> },
  reasonsOf: (item: T) => readonly NoneReason[],
  when: NoneWhen,
): C {
  // A form not read's words, and the same form's read but unknown for a cause (附件3 显示错误值): each its own word.
  const says = reasonsSaid(when).flatMap(variantsOf);
  // A form not read's words wrap in their own cell (`wrapped`), every cell saying them; the others run on.
  const wrapped = says.filter(isUnreadReason);
  return {
    ...column,
    ...(says.length ? { words: Object.fromEntries(says.map((k) => [k, NONE_WORDS[k]])), runsOn: true } : {}),
    ...(wrapped.length ? { wrapped } : {}),
    value: (item: T, lang: Lang) => {
      const reason = reasonUnder(reasonsOf(item), when);
      return reason !== undefined ? noneCell(reason, when) : column.value(item, lang);
    },
  };
}

/**
 * What a site's 汇总 sheet says of figures it cannot give: with no vault record, in place of its duty cover (none of
 * its vault's figures); with no intake list, under its paper table (the figures of 附件2 alone).
 */
export const NONE_SITE: Words<'noVault' | 'noIntake'> = {
  noVault: {
    zh: '无保密室记录：附件2 入库清单、附件3 出入库记录、附件5 值班记录都没有填写，试卷袋数、份数、余量、出入库、保管期和值班覆盖无从计算。',
    en: 'No vault record: none of the intake list (附件2), the vault log (附件3) and the duty log (附件5) is filled in, so the bags, copies, spare, checkouts, custody period and duty cover cannot be worked out.',
  },
  noIntake: {
    zh: '无入库清单：附件2 入库清单没有填写，试卷袋数、份数、余量和在库袋数无从计算；出库、归还、分发和值班照附件3、4、5 计算。',
    en: 'No intake list: the intake list (附件2) is not filled in, so the bags, copies, spare and bags in the vault cannot be worked out; checkouts, returns, rooms and duty are from 附件3, 4 and 5.',
  },
};
