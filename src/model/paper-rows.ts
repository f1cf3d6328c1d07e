/**
 * A table row that writes several 试卷号 (“2207、2210”: two papers of one session taken out on one vault line, review
 * 20b D5) is one finding asking to split it (rules/unknown-paper.ts). Where the row says each paper's own count — beside
 * each number (“2207（2袋）、2210（1袋）”) or one count each in its 数量 cell (“2、1”) — it is read apart, without
 * guessing, as one record per paper for the other checks (window times, overdraw, signers …), so that a real mistake on
 * that row is not missed while it waits to be split; counts beside the numbers (also written after them with a space,
 * “2207 2袋、2210 1袋”) that do not add up to its 数量 are that row's mistake, said as such (`disagree`). Where it does not, nothing is made up: the row stays as written
 * (no paper of its own), and its split finding says which checks could not be made.
 *
 * `papersApart` gives the model the rules run on: each row read apart replaced by its first paper's record, the others
 * added at the end of its table, every one located at the row's own cells.
 */
import { type RowMove, withMovedRows } from './moved-locations';
import { paperCode, papersWritten } from './paper-code';
import type { SiteModel } from './site-model';
import type { DistributionRow, Intake, SiteData, VaultLogEntry } from './types';
import { norm, whole } from './values';
import { toHalfWidth } from './text';

/**
 * A 试卷号 and a short number after it with a space, in one 试卷号 cell (“2207 2”, “2207 2袋”, round 23): the paper
 * 2207 and a stray count — not the paper 22072 (the reader drops a code's white space), nor, where the row has a 数量
 * of its own, a count to guess for it. Three digits or more after the space are another paper (“2207 2208”).
 */
const STRAY_AFTER_CODE = /^(\d{3,}[A-Da-d甲乙丙丁]?)\s+(\d{1,2}|\d+\s*[袋份箱])$/;

/** The paper and the stray after it a 试卷号 cell writes (“2207 2” → 2207, “2”); undefined for any other cell. */
export function strayAfterCode(typed: string): { paper: string; stray: string } | undefined {
  const m = STRAY_AFTER_CODE.exec(toHalfWidth(typed).trim());
  return m ? { paper: m[1], stray: m[2].replace(/\s+/g, '') } : undefined;
}

/**
 * The 试卷号 cells parted by a space or a line break (“2207 2208”, round 24: SiteModel.codeSpaced) not read as papers:
 * some part is no paper the workbook's 考试安排 knows (or it has none) — one paper with a space typed in it, a count,
 * a room: not guessed. Their paths (`vaultLog[3].paperNo`), each with the parts not on 考试安排; such a row is not read
 * apart, and unknown-paper says it at its cell. A cell every part of which 考试安排 knows is those papers, as “2207、2208” is.
 * 考试安排's own such cells (`onSchedule`) are no paper at all, and not listed here.
 */
export function spacedUnread(model: Pick<SiteModel, 'codeSpaced' | 'data'>): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (!model.codeSpaced?.length) return out;
  const known = new Set((model.data.schedule ?? []).map((r) => paperCode(r?.paperNo)).filter(Boolean));
  for (const { path, papers } of model.codeSpaced) {
    if (onSchedule(path)) continue; // no paper at all: one 试卷号 a row (unknown-paper spacedSchedule)
    const off = papers.filter((p) => !known.has(paperCode(p)));
    if (off.length > 0) out.set(path, off);
  }
  return out;
}

/** A cell of 考试安排 (`schedule[1].paperNo`): its 试卷号 cells of several codes are read as no paper (forms/code-cells.ts). */
export const onSchedule = (path: string): boolean => path.startsWith('schedule[');

/** The tables with a 试卷号 column (附件1 has none: its items name papers in their 备注) and their count's key. */
export type PaperTable = 'intake' | 'vaultLog' | 'distributions';

/** A row writing several 试卷号, as read. */
export interface SeveralPapers {
  table: PaperTable;
  /** The 试卷号 cell as written (half-width). */
  written: string;
  /** Each paper as written (“2207(2袋)”), in the cell's order. */
  papers: readonly string[];
  /** Each paper's own count where the row gives it, and its name where the row gives one each; absent: not read apart. */
  apart?: Array<{ paperNo: string; count: number; name?: string }>;
  /** The 试卷名称 a row read apart writes for its several papers where it is no one paper's (one name beside both): as written. */
  nameUnpaired?: string;
  /**
   * Counts written beside each number that do not add up to the row's 数量 (“1001（3袋）、2045（1袋）” with 数量 5):
   * each paper's count, their sum and what 数量 says — a mistake in the row, said as such (not read apart).
   */
  disagree?: { counts: Array<{ paperNo: string; count: number }>; sum: number; total: number };
}

/** Between the counts or the names one cell writes of several papers: as between their 试卷号, bar white space in a name. */
const BETWEEN_COUNTS = /[、，,;；/／\s]+/;
const BETWEEN_NAMES = /[、，,;；/／]+/;

/** The names one 试卷名称 cell writes (“高等数学基础、管理学基础”), parted as the names of several papers are. */
export const namesOfCell = (cell: string): string[] => cell.split(BETWEEN_NAMES).filter(Boolean);

/** A count written beside a 试卷号 in brackets: “2207（2袋）”, “2210(1)”, “1001（30份）”. */
const COUNT_BESIDE = /^(\d{3,}[A-Da-d甲乙丙丁]?)[（(](\d+)(袋|份|箱)?[）)]$/;
/** One of the counts a 数量 cell writes for several papers: “2”, “2袋”. */
const ONE_COUNT = /^(\d+)(袋|份|箱)?$/;

/**
 * The counts a count cell writes one by one for the papers of its row (“2、1”, “2袋 1袋”, “2 1”: one count per paper),
 * each in the row's `unit` where one is written; undefined for a cell of one count, or of anything else. A space parts
 * counts as 、 does (fix-counts26: the cell's spaces were dropped first, “2 1” read as the one number 21); one between
 * a number and its unit (“2 袋、1 袋”) does not.
 */
export function countsEach(written: unknown, unit: string | undefined): number[] | undefined {
  if (typeof written !== 'string') return undefined;
  const each = toHalfWidth(written)
    .replace(/(\d)\s+(?=[袋份箱])/g, '$1')
    .split(BETWEEN_COUNTS)
    .filter(Boolean);
  if (each.length < 2) return undefined;
  const read = each.map((c) => ONE_COUNT.exec(c));
  return read.every((m) => m !== null && (m[2] === undefined || unit === undefined || m[2] === unit)) ? read.map((m) => Number(m![1])) : undefined;
}

/** Numbers parted by white space alone (“2 1”): maybe one count per paper, maybe one number with a space typed into it. */
const SPACES_ONLY = /^\d+(?:\s+\d+)+$/;

/** The numbers a cell parts by white space alone (“2 1” → 2, 1), never read as one number (21); undefined for any other cell. */
export function numbersSpaced(written: unknown): string[] | undefined {
  const text = typeof written === 'string' ? toHalfWidth(written).trim() : '';
  return SPACES_ONLY.test(text) ? text.split(/\s+/) : undefined;
}

/** A count cell writing one count per paper, against the `papers` its row writes: its counts, and whether they pair one to one. */
export interface CountsForPapers {
  counts: number[];
  paired: boolean;
}

/**
 * The one reading of a count cell beside a row's papers (invalid-count, column-total's sums over a handover, the items
 * compared paper by paper: item-papers.ts): its counts one per paper (`countsEach`) in the row's unit as read — `unit`
 * trimmed, none: any — and whether there are as many as the row's `papers`; undefined for a cell of one count or of
 * anything else, or a row writing no paper.
 */
export function countsForPapers(written: unknown, unit: unknown, papers: number): CountsForPapers | undefined {
  const counts = papers > 0 ? countsEach(written, norm(unit) || undefined) : undefined;
  return counts && { counts, paired: counts.length === papers };
}

/** The unit a count is in where the row says (its 单位 column, 份 on 附件4); undefined when the row does not. */
const unitOf = (table: PaperTable, row: { unit?: unknown }): string | undefined =>
  table === 'distributions' ? '份' : table === 'vaultLog' ? norm(row.unit) || undefined : undefined;

/**
 * Each paper's own count and name on a row writing several 试卷号, where the row gives them without guessing; undefined
 * where it does not (counts given once for all, counts in another unit than the row's, counts beside the numbers that do
 * not add up to its 数量). Its 试卷名称 gives each paper its name where it writes one a paper (“高等数学基础、管理学基础”);
 * one name beside several papers, or names that do not pair with them, are no paper's: the row is read apart by its
 * 试卷号 all the same, as a handover item naming several papers is (item-papers.ts), no name guessed for any of them
 * (fix-counts26: such a row was not read apart, its counts “2、1” left unchecked).
 */
function readApart(
  table: PaperTable,
  papers: readonly string[],
  row: { paperName?: unknown; quantity?: unknown; copies?: unknown; unit?: unknown },
): Pick<SeveralPapers, 'apart' | 'disagree' | 'nameUnpaired'> | undefined {
  if (table === 'intake') return undefined; // four envelope sizes: which paper's bags are which size is not written
  const unit = unitOf(table, row);
  const written = table === 'vaultLog' ? row.quantity : row.copies;
  const total = whole(written);
  const fits = (m: RegExpExecArray | null): m is RegExpExecArray => m !== null && (m[3] === undefined || unit === undefined || m[3] === unit);
  const beside = papers.map((p) => COUNT_BESIDE.exec(p));
  let counts: number[] | undefined;
  if (beside.every(fits)) {
    counts = beside.map((m) => Number(m[2]));
    const sum = counts.reduce((a, c) => a + c, 0);
    if (total !== undefined && sum !== total) {
      return { disagree: { counts: beside.map((m, i) => ({ paperNo: m[1], count: counts![i] })), sum, total } };
    }
  } else if (beside.every((m) => m === null) && total === undefined) {
    const each = countsForPapers(written, unit, papers.length);
    if (each?.paired) counts = each.counts;
  }
  if (!counts) return undefined;
  const name = norm(row.paperName);
  const names = name ? namesOfCell(name) : [];
  const named = names.length === papers.length;
  return {
    apart: papers.map((p, i) => ({ paperNo: COUNT_BESIDE.exec(p)?.[1] ?? p, count: counts[i], ...(named && { name: names[i] }) })),
    ...(!named && name !== '' && { nameUnpaired: name }),
  };
}

/** A row writing several 试卷号, read (apart where it can be); undefined for a row of one paper. */
function severalPapers(table: PaperTable, row: object | null | undefined): SeveralPapers | undefined {
  const r = (row ?? {}) as { paperNo?: unknown; paperName?: unknown; quantity?: unknown; copies?: unknown; unit?: unknown };
  const papers = papersWritten(r.paperNo);
  if (papers.length === 0) return undefined;
  const written = norm(r.paperNo);
  // “1001 3袋、2045 1袋” (its papers read as 1001(3袋) …): shown with its spaces, not as 10013袋、20451袋.
  const spaced = written.includes(papers[0]) ? written : String(r.paperNo).trim().split(/\s+/).map(norm).join(' ');
  return { table, written: spaced, papers, ...readApart(table, papers, r) };
}

/** The model the rules run on, with the rows of several papers (by their row path) and the records added for them. */
export interface PapersApart {
  model: SiteModel;
  /** Every row writing several 试卷号, by its path (`vaultLog[2]`), read apart or not. */
  several: ReadonlyMap<string, SeveralPapers>;
  /** The paths of the records added at a table's end for a row read apart (`vaultLog[9]`): its 2nd, 3rd … paper. */
  added: ReadonlySet<string>;
  /**
   * The 试卷名称 cells of records read apart from a row whose name is no one paper's (“高等数学基础” beside 1001、2045):
   * written, but given to none of them (`vaultLog[2].paperName`, `vaultLog[9].paperName`) — not a name left empty.
   */
  namesUnpaired: ReadonlySet<string>;
}

/** What reading a model's tables apart gathers: the rows of several papers, the records moved, the names given to none. */
interface Gathered {
  several: Map<string, SeveralPapers>;
  moves: RowMove[];
  namesUnpaired: Set<string>;
}

/** A table's rows, each row writing several papers read apart where it can be; the paths of the rows added. */
function tableApart<T extends object>(
  table: PaperTable,
  rows: T[] | undefined,
  at: string,
  { several, moves, namesUnpaired }: Gathered,
  countKey: 'quantity' | 'copies' | undefined,
  unread: ReadonlyMap<string, readonly string[]>,
): T[] | undefined {
  if (!rows) return rows;
  let out: T[] | undefined;
  const extra: T[] = [];
  rows.forEach((row, i) => {
    let s = severalPapers(table, row);
    if (!s) return;
    // “2207 9999” (a part on no 考试安排): the numbers typed are not guessed to be papers, each with a count.
    if (unread.size > 0 && unread.has(`${at}[${i}].paperNo`)) s = { table, written: s.written, papers: s.papers };
    several.set(`${at}[${i}]`, s);
    if (!s.apart || !countKey) return;
    const [first, ...others] = s.apart.map((p): T => ({ ...row, paperNo: p.paperNo, paperName: p.name, [countKey]: p.count }));
    const unpaired = s.nameUnpaired !== undefined;
    out ??= rows.slice();
    out[i] = first;
    if (unpaired) namesUnpaired.add(`${at}[${i}].paperName`);
    for (const o of others) {
      const to = `${at}[${rows.length + extra.length}]`;
      moves.push({ from: `${at}[${i}]`, to });
      if (unpaired) namesUnpaired.add(`${to}.paperName`);
      extra.push(o);
    }
  });
  return out ? [...out, ...extra] : rows;
}

/** Each model's rows read apart once: the rules (rules/engine.ts) and the summary (summary/site.ts) ask it of the same model. */
const APART = new WeakMap<SiteModel, PapersApart>();

/**
 * The model the rules run on: each row writing several 试卷号 that can be read apart stands as one record per paper
 * (the first in its place, the others at the end of its table, each located at the row's cells), the workbook's model
 * untouched. The same model, and no row, where no row writes several.
 */
export function papersApart(model: SiteModel): PapersApart {
  let apart = APART.get(model);
  if (!apart) APART.set(model, (apart = modelApart(model)));
  return apart;
}

function modelApart(model: SiteModel): PapersApart {
  const gathered: Gathered = { several: new Map(), moves: [], namesUnpaired: new Set() };
  const { several, moves, namesUnpaired } = gathered;
  const data: SiteData = model.data;
  const unread = spacedUnread(model);
  const intake = data.intake as Intake | Intake[] | undefined;
  const lists = Array.isArray(intake) ? intake.map((l, k) => ({ l, at: `intake[${k}].items` })) : intake ? [{ l: intake, at: 'intake.items' }] : [];
  for (const { l, at } of lists) tableApart('intake', l?.items, at, gathered, undefined, unread);
  const vaultLog = tableApart<VaultLogEntry>('vaultLog', data.vaultLog, 'vaultLog', gathered, 'quantity', unread);
  let distributionsChanged = false;
  const distributions = data.distributions?.map((d, k) => {
    if (!d) return d;
    const rows = tableApart<DistributionRow>('distributions', d.rows, `distributions[${k}].rows`, gathered, 'copies', unread);
    if (rows === d.rows) return d;
    distributionsChanged = true;
    return { ...d, rows };
  });
  if (moves.length === 0) return { model, several, added: new Set(), namesUnpaired };
  // Each record added is located at its row's cells (`vaultLog[9]…` at `vaultLog[2]…`), the workbook's map untouched.
  const locations = withMovedRows(model.locations, moves);
  const apart: SiteData = { ...data };
  if (vaultLog !== data.vaultLog) apart.vaultLog = vaultLog;
  if (distributionsChanged) apart.distributions = distributions;
  return { model: { ...model, data: apart, locations }, several, added: new Set(moves.map((m) => m.to)), namesUnpaired };
}
