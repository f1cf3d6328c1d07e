/**
 * A cell showing an error value in one paper's own row (a 报考人数, a 数量: error-cells.ts rowCellOf) leaves that paper's
 * figures made from it unknown, not every paper's (review 21 D1: one #N/A in 2045's 报考人数 said every paper's 考生数
 * and 首场开考 unknown). The unit's totals that add it are unknown all the same (a total with an unknown part is no
 * total; “至少 N” would be true of a count but not of 余量, copies less candidates, beside it). Its level's candidates,
 * bags and copies, counts alone, add the unit's other papers' and say “至少 N” by these rows only (stock.ts
 * rowsUnknown; review 22a d2: 1,296 shown for a known 1,373).
 */
import type { Lang } from '../rules/types';
import type { UnreadForm, UnreadSheet } from './none-figures';
import type { Words } from './words';

/** The figures of a paper's row a cell can leave unknown (PAPER_COLUMNS keys), as its 说明 names them. */
const FIGURE_WORDS: Words<string> = {
  sessionStart: { zh: '首场开考', en: 'first session' },
  candidates: { zh: '考生数', en: 'candidates' },
  spareCopies: { zh: '余量', en: 'spare' },
  bags31: { zh: '31份装袋数', en: '31s' },
  bags26: { zh: '26份装袋数', en: '26s' },
  bags11: { zh: '11份装袋数', en: '11s' },
  bags5: { zh: '5份装袋数', en: '5s' },
  totalBags: { zh: '袋数合计', en: 'bags' },
  copies: { zh: '份数', en: 'copies' },
  bagsTakenBack: { zh: '下级送回袋数', en: 'bags taken back' },
  bagsInVault: { zh: '在库袋数', en: 'bags in the vault' },
  checkouts: { zh: '出库次数', en: 'checkouts' },
  returns: { zh: '归还次数', en: 'returns' },
  bagsDispatched: { zh: '移交送出袋数', en: 'bags sent on' },
  bagsStillOut: { zh: '未还袋数', en: 'bags out' },
  rooms: { zh: '分发考场', en: 'rooms' },
  copiesDistributed: { zh: '分发份数', en: 'copies handed out' },
};

/** a, b and c. */
const andList = (items: readonly string[], and: string, comma: string): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(comma)}${and}${items[items.length - 1]}`;

/** Of a cell of one paper's row: the paper and the figures it leaves unknown, after the value it shows (“试卷 2045 的考生数、余量”). */
export function rowCellSaid(u: Pick<UnreadSheet, 'paper' | 'figures'>, lang: Lang): string {
  if (u.paper === undefined) return '';
  const figures = (u.figures ?? []).map((f) => FIGURE_WORDS[f]?.[lang] ?? f);
  if (lang === 'en') return figures.length ? `, paper ${u.paper}’s ${andList(figures, ' and ', ', ')}` : `, a row of paper ${u.paper}`;
  return figures.length ? `，即试卷 ${u.paper} 的${andList(figures, '和', '、')}` : `，试卷 ${u.paper} 的一行`;
}

/** A form whose cells of papers' rows may show an error value, as its line names it. */
const FORM_NAMED: Partial<Record<UnreadForm, Record<Lang, string>>> = {
  schedule: { zh: '考试安排', en: 'the exam schedule (考试安排)' },
  intake: { zh: '附件2 入库清单', en: 'the intake list (附件2)' },
  vaultLog: { zh: '附件3 出入库记录', en: 'the vault log (附件3)' },
  distribution: { zh: '附件4 分发登记表', en: 'the distribution register (附件4)' },
};

/**
 * The line of a form's cells of papers' rows that leave only those rows' counts unknown (rowCountsOnly), `where` naming
 * each cell, its paper and its figures (rowCellSaid): those figures and their totals, no other (review 22b D3: the
 * line said 首场开考, 出库, 归还, 保管时长 and 值班覆盖 无从计算 beside them shown).
 */
export const ROW_SAID: Partial<Record<UnreadForm, Record<Lang, (where: string) => string>>> = Object.fromEntries(
  Object.entries(FORM_NAMED).map(([form, name]) => [
    form,
    {
      zh: (w: string) => `${name.zh}有格子显示错误值（${w}），这些数字及其合计无从计算`,
      en: (w: string) => `A cell of ${name.en} shows an error value (${w}): those figures and their totals unknown`,
    },
  ]),
);

/**
 * The line of a form's counts of papers' rows corrected in brackets beside them (“2（实为3）”, review 25a D1), as
 * ROW_SAID's: which of the two holds cannot be told, so those figures and their totals are unknown, no other.
 */
export const ROW_CORRECTED: Partial<Record<UnreadForm, Record<Lang, (where: string) => string>>> = Object.fromEntries(
  Object.entries(FORM_NAMED).map(([form, name]) => [
    form,
    {
      zh: (w: string) => `${name.zh}有数字写了更正（${w}），看不出是哪个数，这些数字及其合计无从计算`,
      en: (w: string) => `A count of ${name.en} is corrected beside it (${w}): which one holds cannot be told, so those figures and their totals are unknown`,
    },
  ]),
);

/** After a form's line of such cells: the other papers' figures are as written. */
export const OTHER_PAPERS: Words<'known'> = {
  known: { zh: '其他试卷各自的数字照填写计算', en: 'the other papers’ own figures are as written' },
};

/** The unread forms of `unread` that leave every paper's figures unknown: those not of one paper's row. */
export const wholeForms = (unread: readonly UnreadSheet[] | undefined): UnreadSheet[] => (unread ?? []).filter((u) => u.paper === undefined);

/**
 * The figures of a paper's row that are its own counts (bags, copies, candidates, rooms): a cell leaving only these
 * unknown (a 报考人数, a 数量) leaves that paper's figures and the unit's totals of them unknown, nothing else — not the
 * unit's custody, duty cover or checkouts not returned, made from the times and takers of the log (review 22b D3: a
 * 数量's #N/A said 保管时长 and 值班覆盖 无从计算). A cell of a time, a taker or a 备注 (its figures none of these, or
 * 出库次数 / 归还次数) reaches the unit's too.
 */
const ROW_COUNTS: ReadonlySet<string> = new Set([
  'candidates',
  'spareCopies',
  'bags31',
  'bags26',
  'bags11',
  'bags5',
  'totalBags',
  'copies',
  'bagsInVault',
  'bagsDispatched',
  'bagsStillOut',
  'rooms',
  'copiesDistributed',
]);

/** Whether a form's entry is a cell of a paper's row leaving only that row's counts unknown (ROW_COUNTS). */
export const rowCountsOnly = (u: Pick<UnreadSheet, 'paper' | 'figures'>): boolean =>
  u.paper !== undefined && (u.figures ?? []).length > 0 && u.figures!.every((f) => ROW_COUNTS.has(f));

/** The unread forms of `unread` that leave the unit's own figures unknown (custody, duty cover, checkouts not returned): all but rowCountsOnly's. */
export const unitWide = (unread: readonly UnreadSheet[] | undefined): UnreadSheet[] => (unread ?? []).filter((u) => !rowCountsOnly(u));

/**
 * The figures a 考点's cell leaves unknown: never its 移交送出袋数 — a 考点 hands nothing on (its column shows 0 whatever
 * its log says; review 22b D8: a 数量's #N/A was said to leave it unknown).
 */
export const figuresAtLevel = (figures: readonly string[], level: string | undefined): string[] =>
  level === '考点' ? figures.filter((f) => f !== 'bagsDispatched') : [...figures];

/**
 * The figures of paper `code` (paperCode) a cell of its own row leaves unknown, each with its form and why (a cell
 * showing an error value, a count corrected beside it); undefined where none.
 */
export function paperUnknowns(
  unread: readonly UnreadSheet[],
  code: (written: string) => string,
  paper: string,
): Record<string, { form: UnreadForm; cause: 'error' | 'corrected' }> | undefined {
  const own = unread.filter((u) => u.paper !== undefined && code(u.paper) === code(paper));
  if (!own.length) return undefined;
  return Object.fromEntries(
    own.flatMap((u) => (u.figures ?? []).map((f) => [f, { form: u.form, cause: u.corrected !== undefined ? ('corrected' as const) : ('error' as const) }])),
  );
}
