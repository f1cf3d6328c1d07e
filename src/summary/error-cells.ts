/**
 * Excel's error values (#N/A, #REF!: model/excel-errors.ts) in the cells the summary's figures are made from (review
 * 20a D1). The model keeps them as the text the cell shows, so that the checks quote it; a figure made from one would
 * be false and said as known — a paper “#N/A” taking its row's checkout from the real paper, a 报考人数 of #N/A read
 * as none and the spare worked out without it, a 还卷时间 of #N/A counted as a return. As for a formula saved
 * without its value (review 19a D2, none-figures.ts): the cell's form's figures are said unknown, at the cell, and the
 * figures are made from the data with such cells empty, so that no paper or unit is named after an error value.
 */
import type { SiteData, SiteInfo } from '../model/types';
import type { SiteModel } from '../model/site-model';
import { levelOf } from '../model/custody';
import type { LocationMap } from '../model/location';
import { isExcelError } from '../model/excel-errors';
import { paperCode, papersWritten, shownCode } from '../model/paper-code';
import { intakeLists } from '../model/intake';
import { takenBackLists } from '../model/deliveries';
import { minutesOf } from '../model/datetime';
import { norm } from '../model/values';
import { countCorrection } from '../model/text';
import { FIGURE_FIELDS, type UnreadSheet } from './none-figures';

/** A cell of a figure's field (FIGURE_FIELDS) showing an error value, or writing several 试卷号: its path and where it stands. */
interface ErrorCell extends UnreadSheet {
  path: string;
}

type Node = Record<string, unknown> | unknown[];

type Found = { path: string; shows?: string; several?: string; corrected?: string };

/** The fields of a count (a 数量, a bag count, a 报考人数, a room's 份数): one may be corrected beside it. */
const COUNT_KEYS: ReadonlySet<string> = new Set(['quantity', 'bags31', 'bags26', 'bags11', 'bags5', 'candidates', 'copies']);

/**
 * What a leaf under `key` is found to be: an error value it shows, the 试卷号 of several papers it writes, or a count
 * corrected in brackets beside it (2（实为3）: review 25a D1, read as none it was added as 0).
 */
function leafFound(value: unknown, key: string): Omit<Found, 'path'> | undefined {
  if (isExcelError(value)) return { shows: value as string };
  if (key === 'paperNo' && papersWritten(value).length) return { several: norm(value) };
  if (COUNT_KEYS.has(key) && countCorrection(value)) return { corrected: String(value).trim() };
  return undefined;
}

/**
 * Every leaf of `node` under `path` whose value is an error value (`shows`), or a 试卷号 writing several papers on
 * one row (`several`: “2207、2210”, whose bags are not told apart by paper: review 20b D5), with its path.
 */
function errorPaths(node: unknown, path: string, key: string, out: Found[]): void {
  if (Array.isArray(node)) node.forEach((v, i) => errorPaths(v, `${path}[${i}]`, key, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) errorPaths(v, path ? `${path}.${k}` : k, k, out);
  else {
    const found = leafFound(node, key);
    if (found) out.push({ path, ...found });
  }
}

/**
 * Whether any leaf of `node` is what errorPaths finds: most workbooks hold none, and the walk that names each leaf's
 * path cost 40 % of a summary of a site (0.1 ms of 0.25) for nothing.
 */
function anyFound(node: unknown, key: string): boolean {
  if (Array.isArray(node)) return node.some((v) => anyFound(v, key));
  if (node && typeof node === 'object') {
    for (const k in node) if (anyFound((node as Record<string, unknown>)[k], k)) return true;
    return false;
  }
  return leafFound(node, key) !== undefined;
}

/**
 * The cells of figures' fields (FIGURE_FIELDS: 试卷号, 数量, 取卷 / 还卷时间, 报考人数 …) holding an error value, or a
 * 试卷号 writing several papers, in the data's order, each with its form, sheet and cell (the reader's location), and
 * the value it shows or the 试卷号 it writes.
 */
export function errorCellsOf(data: SiteData, locations: LocationMap | undefined): ErrorCell[] {
  const found: Found[] = [];
  for (const [key, value] of Object.entries(data)) if (key !== 'site' && anyFound(value, key)) errorPaths(value, key, key, found);
  let back: ReadonlySet<number> | undefined;
  const takenBack = () => (back ??= takenBackLists(data, minutesOf));
  return found.flatMap(({ path, ...said }) => {
    const form = FIGURE_FIELDS.get(path.replace(/\[\d+\]/g, ''));
    const at = locations?.[path];
    if (!form || !at) return [];
    const cell: ErrorCell = { form, sheet: at.sheet, cell: at.cell, path, ...said };
    return [{ ...cell, ...rowCellOf(data, cell, form === 'intake' ? takenBack() : new Set()) }];
  });
}

/**
 * The data with each cell of `cells` empty (as a formula saved without its value reads), copying only what holds one.
 * Not a count corrected beside it (2（实为3）): no figure reads it as a count, and the copies of a handover are compared
 * as written, the correction quoted (review 25a D1).
 */
export function withoutErrorCells(data: SiteData, found: readonly ErrorCell[]): SiteData {
  const cells = found.filter((c) => c.corrected === undefined);
  if (!cells.length) return data;
  const copies = new Map<Node, Node>();
  const copyOf = (node: Node): Node => {
    let copy = copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? [...node] : { ...node };
      copies.set(node, copy);
      copies.set(copy, copy);
    }
    return copy;
  };
  const root = copyOf(data as Node) as Record<string, unknown>;
  for (const { path } of cells) {
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let at: Node = root;
    for (const key of keys.slice(0, -1)) {
      const child = copyOf((at as Record<string, unknown>)[key] as Node);
      (at as Record<string, unknown>)[key] = child;
      at = child;
    }
    (at as Record<string, unknown>)[keys[keys.length - 1]!] = undefined;
  }
  return root as SiteData;
}

/** 基本信息's fields with an error value (a 考点 of #N/A) blank: no unit is named “#N/A” (as custody.ts's unitKey compares none). */
export function withoutErrorSite(data: SiteData): SiteData {
  const site = data.site;
  if (!site || !Object.values(site).some(isExcelError)) return data;
  return { ...data, site: Object.fromEntries(Object.entries(site).map(([k, v]) => [k, isExcelError(v) ? '' : v])) };
}

/**
 * The figures of its own paper's row (PaperSummary's, by PAPER_COLUMNS key) each field leaves unknown when its cell
 * shows an error value (review 21 D1): a 报考人数 that paper's 考生数 and 余量, never the other papers'. A field not
 * here (a 试卷号, 入库时间, a shift's times, a session's header) leaves its whole form unknown. A field with no figure
 * of the row (a session's 结束时间, a 取卷时间) leaves the row's figures known: only the unit's, which add it.
 */
const ROW_FIGURES: ReadonlyMap<string, readonly string[]> = new Map([
  ['schedule.candidates', ['candidates', 'spareCopies']],
  ['schedule.start', ['sessionStart']],
  ['schedule.end', []],
  ...(['bags31', 'bags26', 'bags11', 'bags5'] as const).map((f): [string, string[]] => [
    `intake.items.${f}`,
    [f, 'totalBags', 'copies', 'spareCopies', 'bagsInVault'],
  ]),
  ...['quantity', 'unit'].map((f): [string, string[]] => [`vaultLog.${f}`, ['bagsDispatched', 'bagsStillOut', 'bagsInVault']]),
  ['vaultLog.returnedAt', ['returns', 'bagsStillOut', 'bagsInVault']],
  ...['taker', 'note'].map((f): [string, string[]] => [`vaultLog.${f}`, ['checkouts', 'returns', 'bagsDispatched', 'bagsStillOut', 'bagsInVault']]),
  ['vaultLog.takenAt', []],
  ['distributions.rows.copies', ['rooms', 'copiesDistributed']],
  ['distributions.rows.room', ['rooms']],
  ...['issuedAt', 'returnedAt'].map((f): [string, string[]] => [`distributions.rows.${f}`, []]),
]);

/** Where a cell of a paper's row stands: the paper its row names (its code) and the figures of that paper it leaves unknown. */
interface RowCell {
  /** As the row writes it, without a version (0304, where 304 is the same paper: model/paper-code.ts). */
  paper: string;
  figures: string[];
}

/**
 * The paper of the row a cell showing an error value stands in, and which of that paper's figures it leaves unknown
 * (ROW_FIGURES): undefined where its whole form's figures are unknown — a cell not of a row's figure, a row whose
 * 试卷号 is empty, shows an error value too, or writes several papers. `takenBack`: the intake lists of papers taken
 * back from below (model/deliveries.ts), whose bags are 下级送回 and 在库, not the paper's stock.
 */
function rowCellOf(data: SiteData, cell: ErrorCell, takenBack: ReadonlySet<number>): RowCell | undefined {
  if (cell.shows === undefined && cell.corrected === undefined) return undefined;
  const field = cell.path.replace(/\[\d+\]/g, '');
  let figures = ROW_FIGURES.get(field);
  const row = cell.path.slice(0, cell.path.lastIndexOf('.'));
  if (!figures) return undefined;
  let node: unknown = data;
  for (const key of row.match(/[^.[\]]+/g) ?? []) node = (node as Record<string, unknown> | undefined)?.[key];
  const written = (node as { paperNo?: unknown } | undefined)?.paperNo;
  if (!paperCode(written) || isExcelError(written) || papersWritten(written).length) return undefined;
  const list = field.startsWith('intake.') ? intakeLists(data).findIndex(({ path }) => cell.path.startsWith(`${path}.`)) : -1;
  if (takenBack.has(list)) figures = ['bagsTakenBack', 'bagsInVault'];
  return { paper: shownCode(written), figures: [...figures] };
}

/** Where a 考点's workbook names no 考点 (基本信息's cell, when it has one), and the error value it shows, if any. */
export interface UnnamedSite {
  sheet?: string;
  cell?: string;
  shows?: string;
}

/**
 * 基本信息 as the summary gives it (`site` the data with error values blank: withoutErrorSite), named `name`; of a 考点
 * whose 考点 is blank or shows an error value, where and what (`unnamed`, review 21 D2): its name is then its 分校's,
 * which 站点汇总 must not show as the unit's (“长沙分校 | 长沙分校 | 考点”).
 */
export function siteShown(site: SiteInfo, name: string, model: Pick<SiteModel, 'data' | 'locations'> | undefined) {
  const shown = {
    semester: site.semester ?? '',
    branch: site.branch ?? '',
    school: site.school ?? '',
    examSite: site.examSite ?? '',
    level: site.level ?? '',
    name,
  };
  if (levelOf(site) !== '考点' || norm(site.examSite)) return shown;
  const written = model?.data.site?.examSite;
  const at = model?.locations['site.examSite'];
  const unnamed: UnnamedSite = { ...(at ? { sheet: at.sheet, cell: at.cell } : {}), ...(isExcelError(written) ? { shows: written as string } : {}) };
  return { ...shown, unnamed };
}
