/**
 * A table's header as the readers find it on a sheet: the row (or the two rows) whose cells are the layout's column
 * labels, and where each column stands.
 */
import { ColumnSpec, FormLayout, formColumns, isAlternative } from './layout';
import { isBlank } from '../model/grid';
import { HEADER_CHARS, SheetIndex, TextCell, labelStem, labelsOf } from './sheet-index';

/** A column header is its label, or its label with a parenthesised unit ("数量（袋/箱）"); `norm` as normalizeLabel gives it. */
function matchColumnNorm(norm: string, labels: readonly string[]): boolean {
  for (const label of labels) if (norm === label || (norm.startsWith(label) && norm[label.length] === '(')) return true;
  return false;
}

/**
 * A label whose words go on from one row's cell to the cell below (卷库保管员 / 出库签字; 数量 / （袋/份））: the two
 * texts joined are the label, or the label and its unit with the label reaching into the lower cell.
 */
function joinedLabel(top: string, low: string, labels: readonly string[]): boolean {
  const norm = top + low;
  for (const label of labels) if (norm === label || (label.length > top.length && norm.startsWith(label) && norm[label.length] === '(')) return true;
  return false;
}

export interface TableHeader {
  top: number;
  dataStart: number;
  seqCol: number | undefined;
  columns: Map<string, number>;
  /**
   * Rows below the header that are its labels again (review 15a D4: page 2 pasted from its header, the printer's
   * repeated title rows pasted back): no rows of data, the reader passes over them. Empty for most sheets.
   */
  again: ReadonlySet<number>;
  /**
   * The headers pasted again whose columns moved (page 2 pasted from another layout: the same labels in other columns),
   * in sheet order: the rows under each are read by its own columns, from its `dataStart` on. Empty for most sheets.
   */
  moved: readonly MovedHeader[];
  /**
   * Columns headed twice by visible cells (取卷时间 typed over two columns): the other cell's column, by the column's key.
   * Empty for most sheets.
   */
  twins: ReadonlyMap<string, number>;
}

/** A header repeated below the table's own with its columns elsewhere: where its rows begin, and its columns. */
interface MovedHeader {
  top: number;
  dataStart: number;
  seqCol: number | undefined;
  columns: ReadonlyMap<string, number>;
}

const NONE_AGAIN: ReadonlySet<number> = new Set();
const NONE_MOVED: readonly MovedHeader[] = [];
const NONE_TWINS: ReadonlyMap<string, number> = new Map();

export function findTableHeader(index: SheetIndex, columns: readonly ColumnSpec[]): TableHeader | undefined {
  const memo = index.headers.get(columns);
  if (memo !== undefined) return memo ?? undefined;
  const header = searchTableHeader(index, columns);
  index.headers.set(columns, header ?? null);
  return header;
}

/** A table's columns as the header search compares them: each column's labels and their stems, worked out once per layout. */
interface HeaderColumns {
  labels: ReadonlyArray<readonly string[]>;
  stems: readonly string[];
  /** The columns (by place) whose labels have this stem: the only ones a cell with this stem can head. */
  byStem: ReadonlyMap<string, readonly number[]>;
  /** Columns with a label that opens with a parenthesis, which has no stem: any cell may head them. */
  anyStem: readonly number[];
  /** Each column's stems, by place. */
  stemsOf: ReadonlyArray<readonly string[]>;
}

const HEADER_COLUMNS = new WeakMap<readonly ColumnSpec[], HeaderColumns>();
function headerColumns(columns: readonly ColumnSpec[]): HeaderColumns {
  let known = HEADER_COLUMNS.get(columns);
  if (!known) {
    const labels = columns.map(labelsOf);
    const byStem = new Map<string, number[]>();
    labels.forEach((ls, i) => {
      for (const stem of new Set(ls.map(labelStem))) byStem.set(stem, [...(byStem.get(stem) ?? []), i]);
    });
    const anyStem = labels.flatMap((ls, i) => (ls.some((l) => l.startsWith('(')) ? [i] : []));
    known = { labels, stems: [...byStem.keys()], byStem, anyStem, stemsOf: labels.map((ls) => [...new Set(ls.map(labelStem))]) };
    HEADER_COLUMNS.set(columns, known);
  }
  return known;
}

/** For each column (by place), the cells of a row that may head it, left to right. */
function headerOptions(cells: readonly TextCell[], known: HeaderColumns): Array<TextCell[] | undefined> {
  const options: Array<TextCell[] | undefined> = [];
  for (const t of cells) {
    const columns = known.byStem.get(labelStem(t.norm));
    if (columns) for (const i of columns) (options[i] ??= []).push(t);
  }
  // A column with such a label may be headed by any cell of the row.
  for (const i of known.anyStem) options[i] = [...cells];
  return options;
}

function searchTableHeader(index: SheetIndex, columns: readonly ColumnSpec[]): TableHeader | undefined {
  const known = headerColumns(columns);
  // Half the form's own columns: alternative ones (考试日期 · 考试时间) may stand in for some, and are not asked for; those
  // people add beside the form (附件1's 试卷号) count for nothing here (`found`).
  const own = formColumns(columns);
  const needed = Math.max(2, Math.ceil(own.filter((c) => !isAlternative(c)).length / 2));
  // A column is found only in a cell with one of its stems: with too few of them in the whole sheet, no row is the header.
  if (!enoughColumns(index, known, needed)) return undefined;
  let best: TableHeader | undefined;
  let bestCount = 0;
  const all: TableHeader[] = [];
  const found = (header: TableHeader) => foundOf(header, own);
  // Only rows holding one of the columns' stems can be the header: in sheet order.
  for (const row of index.stemRows(known.stems)) {
    const header = headerAt(index, columns, known, row);
    all.push(header);
    if (found(header) > bestCount) {
      bestCount = found(header);
      best = header;
    }
  }
  if (!best || bestCount < needed) return undefined;
  // Into this search's own object, not spread into a new one (spreads were half of headerAt's own time).
  return Object.assign(best, headerAgain(best, all, needed, found));
}

/** How many of `own` (the form's columns: `formColumns`) a header found. */
function foundOf(header: Pick<TableHeader, 'columns'>, own: readonly ColumnSpec[]): number {
  if (own.length === header.columns.size) return header.columns.size;
  let n = 0;
  for (const c of own) if (header.columns.has(c.key)) n++;
  return n;
}

/**
 * The rows below the header where its labels stand again (as many as a header needs): the repeated header's rows, as
 * many as the header itself takes (one, or two) and no more, so that a row of data under a one-row header repeated is
 * never taken for its second row. Where the labels stand over other columns than the header's (a page pasted from
 * another layout), the rows under them are read by their own columns (`moved`).
 */
function headerAgain(
  header: TableHeader,
  all: readonly TableHeader[],
  needed: number,
  found: (h: TableHeader) => number,
): Pick<TableHeader, 'again' | 'moved'> {
  let again: Set<number> | undefined;
  let moved: MovedHeader[] | undefined;
  // The columns the rows are read by at each point: the header's, then each moved header's below it.
  let current: ReadonlyMap<string, number> = header.columns;
  let currentSeq = header.seqCol;
  for (const other of all) {
    if (other.top < header.dataStart || (again?.has(other.top) ?? false) || found(other) < needed) continue;
    const span = Math.min(other.dataStart - other.top, header.dataStart - header.top);
    for (let row = other.top; row < other.top + span; row++) (again ??= new Set()).add(row);
    if (sameColumns(other.columns, current) && other.seqCol === currentSeq) continue;
    (moved ??= []).push({ top: other.top, dataStart: other.top + span, seqCol: other.seqCol, columns: other.columns });
    current = other.columns;
    currentSeq = other.seqCol;
  }
  return { again: again ?? NONE_AGAIN, moved: moved ?? NONE_MOVED };
}

function sameColumns(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, col] of a) if (b.get(key) !== col) return false;
  return true;
}

/**
 * The table's header read from this row, and from the row below where the header goes on there (a group row above
 * its columns, as 附件4 prints 试卷发放情况 and people print 出库 / 入库 over 附件3's; labels merged down over both
 * rows; a label's words over two rows, 取卷人 / 签字, 数量 / （袋/份）): a column not on this row is looked for below,
 * or in its two cells' words joined. The row below is then the header's, never a row of data.
 */
function headerAt(index: SheetIndex, columns: readonly ColumnSpec[], known: HeaderColumns, row: number): TableHeader {
  const { labels } = known;
  const cells = shortTexts(index, row);
  const found = new Map<string, number>();
  const taken = new Set<number>();
  // Two cells headed alike (an old column kept hidden beside the one in use, review 17b D7): the visible one first; of two
  // visible ones, the first unless it stands over an empty column and the other is filled in (fix-layout18).
  let twins: Map<string, number> | undefined;
  const matching = (list: readonly TextCell[] | undefined, i: number): TextCell | undefined => {
    // One pass, no arrays, for the usual header (one cell fits): this runs for every row a header is looked for on.
    let first: TextCell | undefined;
    let firstShown: TextCell | undefined;
    let twice = false;
    for (const t of list ?? []) {
      if (taken.has(t.col) || !matchColumnNorm(t.norm, labels[i])) continue;
      first ??= t;
      if (index.colHidden(t.col)) continue;
      if (firstShown) {
        twice = true;
        break;
      }
      firstShown = t;
    }
    if (!twice) return firstShown ?? first;
    const shown = list!.filter((t) => !taken.has(t.col) && matchColumnNorm(t.norm, labels[i]) && !index.colHidden(t.col));
    const used = inUse(index, row, shown);
    (twins ??= new Map()).set(columns[i].key, shown.find((t) => t !== used)!.col);
    return used;
  };
  const options = headerOptions(cells, known);
  columns.forEach((column, i) => {
    const at = matching(options[i], i);
    if (!at) return;
    found.set(column.key, at.col);
    taken.add(at.col);
  });
  const below = shortTexts(index, row + 1);
  let usedBelow = false;
  if (below.length > 0 && found.size < columns.length) {
    const above = new Map(cells.map((t) => [t.col, t]));
    // Words over two rows first (卷库保管员 / 出库签字), then a label on the row below by itself.
    const joined: Array<TextCell & { top: string }> = [];
    for (const t of below) {
      const top = above.get(t.col);
      if (top && !taken.has(t.col)) joined.push({ row: t.row, col: t.col, text: t.text, norm: t.norm, top: top.norm });
    }
    const belowOptions = headerOptions(below, known);
    columns.forEach((column, i) => {
      if (found.has(column.key)) return;
      const at =
        joined.find((t) => !taken.has(t.col) && joinedLabel(t.top, t.norm, labels[i])) ??
        matching(belowOptions[i], i) ??
        underItsGroup(index, row, cells, below, column, taken);
      if (!at) return;
      found.set(column.key, at.col);
      taken.add(at.col);
      usedBelow = true;
    });
  }
  // A column found on this row whose words go on below it (数量 / （袋/份）, 取卷人 / 签字).
  if (!usedBelow && below.length > 0) {
    const byCol = new Map(cells.map((t) => [t.col, t]));
    usedBelow = columns.some((column, i) => {
      const col = found.get(column.key);
      const top = col === undefined ? undefined : byCol.get(col);
      const low = top && below.find((t) => t.col === col);
      return low !== undefined && labels[i].includes(top!.norm + low.norm);
    });
  }
  const seq = cells.find((t) => t.norm === '序号') ?? (usedBelow ? below.find((t) => t.norm === '序号') : undefined);
  // A twin that heads another column after all (taken by it) is none.
  for (const [key, col] of twins ?? []) if (taken.has(col) || found.get(key) === undefined) twins!.delete(key);
  const twinsKept = twins && twins.size > 0 ? twins : NONE_TWINS;
  return { top: row, dataStart: row + (usedBelow ? 2 : 1), seqCol: seq?.col, columns: found, again: NONE_AGAIN, moved: NONE_MOVED, twins: twinsKept };
}

/** How far under a header two columns headed alike are compared for being filled in. */
const LOOK_DOWN = 60;

/**
 * Of visible cells heading the same column (取卷时间 typed twice, the unit's old column left beside the one in use): the
 * first, unless its column is empty under the header (a sub-header at most) while another's is filled in — an empty
 * column is clearly not the one in use. Two filled ones: the first, as before.
 */
function inUse(index: SheetIndex, row: number, cells: readonly TextCell[]): TextCell {
  const filled = (col: number): number => {
    let n = 0;
    const last = Math.min(index.sheet.rows.length - 1, row + LOOK_DOWN);
    for (let r = row + 1; r <= last; r++) if (!isBlank(index.value(r, col))) n++;
    return n;
  };
  if (filled(cells[0].col) > 1) return cells[0];
  return cells.slice(1).find((t) => filled(t.col) > 1) ?? cells[0];
}

/**
 * A generic word under a group word (时间 under 出库 → 取卷时间, 保管员 under 入库 → 保管员入库签字; ColumnSpec.underGroup):
 * the first cell below, not yet taken, that is one of the column's words, standing under one of its groups (the group's
 * cell in the same column, or merged over it from the left).
 */
function underItsGroup(
  index: SheetIndex,
  row: number,
  cells: readonly TextCell[],
  below: readonly TextCell[],
  column: ColumnSpec,
  taken: ReadonlySet<number>,
): TextCell | undefined {
  const spec = column.underGroup;
  if (!spec) return undefined;
  const groupOver = (col: number): TextCell | undefined => {
    for (let k = cells.length - 1; k >= 0; k--)
      if (cells[k].col <= col) return index.rightEdge(row, cells[k].col) >= col || cells[k].col === col ? cells[k] : undefined;
    return undefined;
  };
  return below.find((t) => {
    if (taken.has(t.col) || !spec.words.includes(t.norm)) return false;
    const group = groupOver(t.col);
    return group !== undefined && spec.groups.some((g) => group.norm === g || group.norm.startsWith(g));
  });
}

/** The words a date column beside a time column is headed by under their group (出库 over 日期 | 时间). */
const DATE_WORDS = ['日期', '月日', '年月日'];

/**
 * The date column a time column keeps beside it under their group (出库 merged over 日期 | 时间: the time column found
 * under its group as 取卷时间, its date as 取卷日期; review 18a D7), on the header's rows, in a cell no column took.
 */
export function dateUnderGroup(index: SheetIndex, header: TableHeader, column: ColumnSpec, taken: ReadonlySet<number>): TextCell | undefined {
  if (!column.underGroup) return undefined;
  const dated: ColumnSpec = { ...column, underGroup: { groups: column.underGroup.groups, words: DATE_WORDS } };
  for (let row = header.top; row + 1 < header.dataStart; row++) {
    const at = underItsGroup(index, row, shortTexts(index, row), shortTexts(index, row + 1), dated, taken);
    if (at) return at;
  }
  return undefined;
}

/** At least `needed` of the columns have one of their stems somewhere in the sheet. */
function enoughColumns(index: SheetIndex, known: HeaderColumns, needed: number): boolean {
  let count = 0;
  known.stemsOf.forEach((stems, i) => {
    if (known.anyStem.includes(i) || stems.some((stem) => index.hasStem(stem))) count++;
  });
  return count >= needed;
}

function shortTexts(index: SheetIndex, row: number): readonly TextCell[] {
  return index.rowTexts(row).filter((t) => t.text.length <= HEADER_CHARS);
}

/** The part that costs: how much of its table's header the sheet has (up to 10, the header's columns over the table's). */
export function tableScore(index: SheetIndex, layout: FormLayout): number {
  for (const table of [layout.table, layout.formerTable]) {
    const header = table ? findTableHeader(index, table.columns) : undefined;
    // Out of the form's own columns: a sheet with alternative ones (考试日期 · 考试时间) is as much the form; one with
    // columns added beside it (附件1's 试卷号) no more.
    const own = table ? formColumns(table.columns) : [];
    if (table && header) return Math.min(10, (10 * foundOf(header, own)) / own.filter((c) => !isAlternative(c)).length);
  }
  return 0;
}
