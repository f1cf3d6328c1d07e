/**
 * A sheet as the readers look it up, built once per sheet: its text cells in
 * reading order, the cells by the label they can be, the rows that can be a
 * table's header; and the small tests on a cell's text (a label, a
 * placeholder, a title) that reading a form is made of.
 */
import { normalizeLabel, toHalfWidth } from '../model/text';
import { CellValue, SheetGrid, parseRange, sheetWidth } from '../model/grid';
import { resolvedCell } from './formula';
import type { ColumnSpec, FieldSpec, FormLayout } from './layout';

/** What an empty form shows where a value goes: "    年   月   日   时   分", "____". */
export function isPlaceholder(text: string): boolean {
  return text.replace(/[\s\u3000年月日时分秒点:：_\-—–~～()（）/.]/g, '') === '';
}

/** ０-９ → 0-9, leaving full-width punctuation in names and notes as typed. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function textOf(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return '';
  return String(v);
}

/**
 * Cell texts repeat (names, paper names, 是/否), and a large vault log is read
 * against eight layouts: normalise each distinct text once.
 */
const NORM_CACHE = new Map<string, { norm: string; half: string }>();
export function normalized(text: string): { norm: string; half: string } {
  let hit = NORM_CACHE.get(text);
  if (!hit) {
    if (NORM_CACHE.size > 100_000) NORM_CACHE.clear();
    hit = { norm: normalizeLabel(text), half: toHalfWidth(text).trim() };
    NORM_CACHE.set(text, hit);
  }
  return hit;
}

const LABELS = new WeakMap<FieldSpec, readonly string[]>();

/** Labels compared as normalized text, the surest first: the field's label, the label this form prints, then others people use. */
export function labelsOf(field: FieldSpec): readonly string[] {
  // Layouts are constant: each field's labels are normalised once, not once per cell or sheet that asks.
  let labels = LABELS.get(field);
  if (!labels) {
    labels = Object.freeze([field.label, ...(field.printAs ? [field.printAs] : []), ...(field.aliases ?? [])].map(normalizeLabel));
    LABELS.set(field, labels);
  }
  return labels;
}

/** The text of a label cell is this label, possibly with the value after its colon. */
export function matchLabel(cellText: string, labels: readonly string[]): { rest: string } | undefined {
  const { norm, half } = normalized(cellText);
  for (const label of labels) if (norm === label) return { rest: '' };
  for (const label of labels) {
    // The value follows the label's colon; keep the value's own spacing.
    if (norm.length > label.length && norm.startsWith(label) && norm[label.length] === ':') {
      const colon = half.search(/[:：]/);
      return { rest: colon >= 0 ? half.slice(colon + 1).trim() : '' };
    }
  }
  return undefined;
}

/** A column header is its label, or its label with a parenthesised unit ("数量（袋/箱）"); `norm` as normalizeLabel gives it. */
function matchColumnNorm(norm: string, labels: readonly string[]): boolean {
  return labels.some((label) => norm === label || (norm.startsWith(label) && norm[label.length] === '('));
}

export interface TextCell {
  row: number;
  col: number;
  text: string;
  /** The text as labels are compared (normalizeLabel), worked out once. */
  norm: string;
}

/**
 * What the readers look up in a sheet, built once per sheet so that every
 * search is linear in its cells however many layouts and fields ask: the text
 * cells in reading order, the cells by the label they can be (their whole
 * text, or the text before a colon), and the rows that can be a table header.
 */
export class SheetIndex {
  readonly texts: TextCell[] = [];
  readonly mergeRight = new Map<string, number>();
  /** Table headers found so far, by the layout's columns (null: searched, none). */
  readonly headers = new Map<readonly ColumnSpec[], TableHeader | null>();
  readonly width: number;
  private labelMap?: Map<string, number[]>;
  private readonly cellsByLabels = new Map<readonly string[], number[]>();
  private headerRowMap?: { byRow: Map<number, TextCell[]>; rowsByStem: Map<string, number[]> };

  constructor(readonly sheet: SheetGrid) {
    this.width = sheetWidth(sheet);
    const rows = sheet.rows;
    for (let row = 0; row < rows.length; row++) {
      const cells = rows[row];
      if (!cells) continue;
      for (let col = 0; col < cells.length; col++) {
        const v = cells[col];
        if (typeof v === 'string' && v.trim() !== '') this.texts.push({ row, col, text: v, norm: normalized(v).norm });
      }
    }
    for (const m of sheet.merges) {
      const box = parseRange(m);
      if (box) this.mergeRight.set(`${box.top},${box.left}`, box.right);
    }
  }

  value(row: number, col: number): CellValue {
    return resolvedCell(this.sheet, row, col);
  }

  rightEdge(row: number, col: number): number {
    return this.mergeRight.get(`${row},${col}`) ?? col;
  }

  /** The text cells (their places in `texts`, in reading order) that match one of these labels as matchLabel does. */
  labelCells(labels: readonly string[]): number[] {
    if (!this.labelMap) this.labelMap = this.buildLabelMap();
    if (labels.length === 1) return this.labelMap.get(labels[0]) ?? [];
    // A field's labels (labelsOf) are one constant array: its cells are merged once per sheet.
    let cells = this.cellsByLabels.get(labels);
    if (!cells) {
      const lists = labels.map((l) => this.labelMap!.get(l)).filter((l): l is number[] => l !== undefined);
      cells = lists.length <= 1 ? (lists[0] ?? []) : [...new Set(lists.flat())].sort((a, b) => a - b);
      this.cellsByLabels.set(labels, cells);
    }
    return cells;
  }

  /** Each cell under its whole normalized text and under the text before each of its colons. */
  private buildLabelMap(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    const add = (key: string, i: number) => {
      const list = map.get(key);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else map.set(key, [i]);
    };
    this.texts.forEach((t, i) => {
      add(t.norm, i);
      for (let colon = t.norm.indexOf(':'); colon > 0; colon = t.norm.indexOf(':', colon + 1)) add(t.norm.slice(0, colon), i);
    });
    return map;
  }

  /** The short text cells by row, and the rows where each label stem stands (for the table header search). */
  headerRows(): { byRow: Map<number, TextCell[]>; rowsByStem: Map<string, number[]> } {
    if (this.headerRowMap) return this.headerRowMap;
    const byRow = new Map<number, TextCell[]>();
    const rowsByStem = new Map<string, number[]>();
    for (const t of this.texts) {
      if (t.text.length > 40) continue;
      const cells = byRow.get(t.row);
      if (cells) cells.push(t);
      else byRow.set(t.row, [t]);
      const stem = labelStem(t.norm);
      const rows = rowsByStem.get(stem);
      if (!rows) rowsByStem.set(stem, [t.row]);
      else if (rows[rows.length - 1] !== t.row) rows.push(t.row);
    }
    return (this.headerRowMap = { byRow, rowsByStem });
  }
}

/** A title heads its sheet: among the first few rows with text, and short. */
const TITLE_ROWS = 5;
const TITLE_CHARS = 80;

/**
 * The form's title, if the sheet has it where a title stands. A phrase such as
 * “考试安排” deep in some other table does not make that sheet a form.
 */
export function findTitle(index: SheetIndex, layout: FormLayout): TextCell | undefined {
  const first = index.texts[0]?.row ?? 0;
  for (const t of index.texts) {
    if (t.row >= first + TITLE_ROWS) return undefined;
    if (t.norm.length <= TITLE_CHARS && layout.titlePattern.test(t.norm)) return t;
  }
  return undefined;
}

export interface TableHeader {
  top: number;
  dataStart: number;
  seqCol: number | undefined;
  columns: Map<string, number>;
}

/** The column's label without its parenthesised unit, as a quick first test. */
function labelStem(norm: string): string {
  const paren = norm.indexOf('(');
  return paren > 0 ? norm.slice(0, paren) : norm;
}

export function findTableHeader(index: SheetIndex, columns: readonly ColumnSpec[]): TableHeader | undefined {
  const memo = index.headers.get(columns);
  if (memo !== undefined) return memo ?? undefined;
  const header = searchTableHeader(index, columns);
  index.headers.set(columns, header ?? null);
  return header;
}

function searchTableHeader(index: SheetIndex, columns: readonly ColumnSpec[]): TableHeader | undefined {
  const labels = columns.map(labelsOf);
  const { byRow, rowsByStem } = index.headerRows();
  // Only rows holding one of the columns' stems can be the header: in sheet order.
  const rows = [...new Set(labels.flat().flatMap((l) => rowsByStem.get(labelStem(l)) ?? []))].sort((a, b) => a - b);
  let best: TableHeader | undefined;
  let bestCount = 0;
  for (const row of rows) {
    const cells = byRow.get(row)!;
    const below = byRow.get(row + 1) ?? [];
    const found = new Map<string, number>();
    const taken = new Set<number>();
    let usedBelow = false;
    columns.forEach((column, i) => {
      const hit = cells.find((t) => !taken.has(t.col) && matchColumnNorm(t.norm, labels[i]));
      const low = hit || !column.group ? undefined : below.find((t) => !taken.has(t.col) && matchColumnNorm(t.norm, labels[i]));
      const at = hit ?? low;
      if (!at) return;
      found.set(column.key, at.col);
      taken.add(at.col);
      if (low) usedBelow = true;
    });
    if (found.size > bestCount) {
      bestCount = found.size;
      const seq = cells.find((t) => t.norm === '序号');
      best = { top: row, dataStart: row + (usedBelow ? 2 : 1), seqCol: seq?.col, columns: found };
    }
  }
  const needed = Math.max(2, Math.ceil(columns.length / 2));
  return best && bestCount >= needed ? best : undefined;
}
