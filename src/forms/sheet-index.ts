/**
 * A sheet as the readers look it up, built in one pass over its cells: the
 * cells that can be a label (by the label they can be), the rows that can be
 * a table's header, the cells where a title stands; and the small tests on a
 * cell's text (a label, a placeholder, a title) that reading a form is made of.
 */
import { bareLabel, normalizeLabel, toHalfWidth, withoutEndColons } from '../model/text';
import { CellValue, RangeBox, SheetGrid, cellAt, parseA1, parseRange, sheetWidth } from '../model/grid';
import { askedCell } from './formula';
import { ColumnSpec, FieldSpec, FormLayout, layoutFields } from './layout';
import type { TableHeader } from './table-header';
import { TextMemo } from '../model/memo';

/** What an empty form shows where a value goes: "    年   月   日   时   分", "____". */
const PLACEHOLDER = /^[\s\u3000年月日时分秒点:：_\-—–~～()（）/.]*$/;
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;

/** ０-９ → 0-9, leaving full-width punctuation in names and notes as typed. */
export function halfWidthDigits(text: string): string {
  if (!FULL_WIDTH_DIGIT.test(text)) return text;
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
const NORMALIZED = new TextMemo((text) => {
  // normalizeLabel without its second half-width pass: trimming first removes nothing it would keep.
  const half = toHalfWidth(text).trim();
  return { norm: withBareLabel(withoutEndColons(half.replace(/\s+/g, ''))), half };
});

/** The text with the label before its first colon bare (bareLabel): “*日期（年月日）:2024-06-14” → “日期:2024-06-14”. */
function withBareLabel(norm: string): string {
  const colon = norm.indexOf(':');
  return colon < 0 ? bareLabel(norm) : bareLabel(norm.slice(0, colon)) + norm.slice(colon);
}
export function normalized(text: string): { norm: string; half: string } {
  return NORMALIZED.get(text);
}

const LABELS = new WeakMap<FieldSpec, readonly string[]>();

/** Labels compared as normalized text, the surest first: the field's label, the label this form prints, then others people use. */
export function labelsOf(field: FieldSpec): readonly string[] {
  // Layouts are constant: each field's labels are normalised once, not once per cell or sheet that asks.
  let labels = LABELS.get(field);
  if (!labels) {
    const own = [field.label, ...(field.printAs ? [field.printAs] : []), ...(field.aliases ?? [])].map(normalizeLabel);
    labels = Object.freeze([...new Set([...own, ...own.flatMap(otherWords)])]);
    LABELS.set(field, labels);
  }
  return labels;
}

/** A unit the forms name by a label of its own (考点, 分校（学院）, 移交单位): people write its 名称 after it (考点名称). */
const UNIT_NOUN = /^(?:考点|分校|分部|学院|.+单位)(?:\([^()]*\))?$/;

/**
 * The same label in the other words people use (review 17b D3, D4): 签名 for 签字 (负责人签名), a unit's name for the
 * unit (考点名称, 分校名称, 接收单位名称). The surer label comes first: these are added after the field's own.
 */
function otherWords(label: string): string[] {
  const words: string[] = [];
  if (label.includes('签字')) words.push(label.replace(/签字/g, '签名'));
  if (UNIT_NOUN.test(label)) {
    const noun = label.replace(/\([^()]*\)$/, '');
    words.push(`${noun}名称`, `${noun}名`);
  }
  return words;
}

/** The text of a label cell is this label, possibly with the value after its colon. */
export function matchLabel(cellText: string, labels: readonly string[]): { rest: string } | undefined {
  return matchNormalized(normalized(cellText), labels);
}

/** matchLabel on a text already normalized. */
export function matchNormalized({ norm, half }: { norm: string; half: string }, labels: readonly string[]): { rest: string } | undefined {
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

/** The column's label without its parenthesised unit, as a quick first test of a header row. */
export function labelStem(norm: string): string {
  const paren = norm.indexOf('(');
  return paren > 0 ? norm.slice(0, paren) : norm;
}

export interface TextCell {
  row: number;
  col: number;
  text: string;
  /** The text as labels are compared (normalizeLabel), worked out once. */
  norm: string;
}

/**
 * Every label and column stem the layouts can look up. A sheet indexes only
 * the cells that are one of them, so that a vault log of 50,000 rows keeps no
 * record of its names and times; a label outside it is still found, by a scan.
 */
export interface Vocabulary {
  labels: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  /** The first words of a stem (正式 of 正式职工): a header may go on with the rest in the cell below. */
  stemStarts: ReadonlySet<string>;
  /** The layouts whose titles the index notes (`SheetIndex.titles`), in their order. */
  layouts: readonly FormLayout[];
  /** The fields (everyField of each layout in turn, numbered through them all) each label is one of. */
  fieldsOfLabel: ReadonlyMap<string, readonly number[]>;
  /** The layout (by place) of each field so numbered. */
  layoutOfField: readonly number[];
  /** What each cell text seen is to the index (null: blank), worked out once: texts repeat from cell to cell and workbook to workbook. */
  words: TextMemo<CellWords | null>;
}

interface CellWords {
  norm: string;
  /** The labels the text is: whole, or before one of its colons. */
  labels: readonly string[];
  /** Its stem, when some column has it. */
  stem: string | undefined;
  /** The layouts (by place in `Vocabulary.layouts`) whose title the text is (isTitleText). */
  titles: readonly number[];
}

const NO_LABELS: readonly string[] = Object.freeze([]);
const NO_TITLES: readonly number[] = Object.freeze([]);

function wordsOf(vocabulary: Vocabulary, text: string): CellWords | null {
  return vocabulary.words.get(text);
}

function describe(vocabulary: Pick<Vocabulary, 'labels' | 'stems' | 'layouts'>, text: string, norm: string): CellWords {
  const labels: string[] = [];
  if (vocabulary.labels.has(norm)) labels.push(norm);
  for (let colon = norm.indexOf(':'); colon > 0; colon = norm.indexOf(':', colon + 1)) {
    const key = norm.slice(0, colon);
    if (vocabulary.labels.has(key)) labels.push(key);
  }
  const stem = labelStem(norm);
  const titles: number[] = [];
  vocabulary.layouts.forEach((layout, i) => isTitleText(text, norm, layout) && titles.push(i));
  return {
    norm,
    labels: labels.length > 0 ? labels : NO_LABELS,
    stem: vocabulary.stems.has(stem) ? stem : undefined,
    titles: titles.length > 0 ? titles : NO_TITLES,
  };
}

/** Every field of a layout, its blocks' too: what a sheet is scored by (read.ts cheapScore), in this order. */
export function everyField(layout: FormLayout): FieldSpec[] {
  return [...layoutFields(layout), ...(layout.blocks?.lines.flat() ?? [])];
}

export function vocabularyOf(layouts: readonly FormLayout[]): Vocabulary {
  const labels = new Set<string>();
  const stems = new Set<string>();
  const fieldsOfLabel = new Map<string, number[]>();
  const layoutOfField: number[] = [];
  for (const [place, layout] of layouts.entries()) {
    for (const field of everyField(layout)) {
      for (const l of new Set(labelsOf(field))) {
        labels.add(l);
        fieldsOfLabel.set(l, [...(fieldsOfLabel.get(l) ?? []), layoutOfField.length]);
      }
      layoutOfField.push(place);
    }
    for (const table of [layout.table, layout.formerTable])
      for (const column of table?.columns ?? []) for (const l of labelsOf(column)) stems.add(labelStem(l));
  }
  const known = { labels, stems, layouts };
  const stemStarts = new Set<string>();
  for (const stem of stems) for (let n = 1; n < stem.length; n++) stemStarts.add(stem.slice(0, n));
  return {
    ...known,
    fieldsOfLabel,
    layoutOfField,
    stemStarts,
    words: new TextMemo((text) => (text.trim() === '' ? null : describe(known, text, normalized(text).norm))),
  };
}

/** A title heads its sheet: among the first few rows with text, and short. */
const TITLE_ROWS = 5;
/** A title is short (a copy of a form further down a sheet is found by it too: repeated.ts). */
const TITLE_CHARS = 80;

/** A form's note, under its table: it may name the form (“备注：涉卷人员须是本单位正式教职员工”), and is no title. */
const NOTE = /^(备注|注)[:：]/;

/** A layout's title's last character, looked for before a text is normalised: most cells lack it. */
export function titleLastChar(layout: FormLayout): string {
  let last = LAST_CHARS.get(layout);
  if (last === undefined) LAST_CHARS.set(layout, (last = layout.titlePattern.source.replace(/[^\u4e00-\u9fff]/g, '').slice(-1)));
  return last;
}
const LAST_CHARS = new WeakMap<FormLayout, string>();

/** A cell's text (`norm`: as normalized gives it) is where the layout's title stands: short, no note, the title in it. */
export function isTitleText(text: string, norm: string, layout: FormLayout): boolean {
  return text.includes(titleLastChar(layout)) && norm.length <= TITLE_CHARS && !NOTE.test(norm) && layout.titlePattern.test(norm);
}
/** Header cells are short. */
export const HEADER_CHARS = 40;
/** A label cell a form is recognised by is not a paragraph of notes. */
const LABEL_CHARS = 200;
/** More columns than three letters name: merges are kept by row × this + column. */
const MAX_COLUMNS = 1 << 15;

/** null: a range that is no box. */
const RANGES = new Map<string, RangeBox | null>();
/** Merges repeat from workbook to workbook ("A1:H1"): each range is parsed once. */
function mergeBox(range: string): RangeBox | undefined {
  const known = RANGES.get(range);
  if (known !== undefined) return known ?? undefined;
  if (RANGES.size > 10_000) RANGES.clear();
  const box = parseRange(range);
  RANGES.set(range, box ?? null);
  return box;
}

/**
 * What the readers look up in a sheet, built in one pass over its cells so
 * that every search is linear in its cells however many layouts and fields
 * ask: the cells by the label they can be (their whole text, or the text
 * before a colon), the rows where each column stem stands, the title cells.
 */
export class SheetIndex {
  readonly width: number;
  /** Table headers found so far, by the layout's columns (null: searched, none). */
  readonly headers = new Map<readonly ColumnSpec[], TableHeader | null>();
  /** The text cells in the first rows with text, short enough to be a title, in reading order. */
  readonly titleCells: TextCell[] = [];
  /**
   * Every cell where a layout's title stands (isTitleText), anywhere on the sheet, in reading order: noted in the
   * index's one pass, where the regions and copies of forms (form-regions.ts, repeated.ts) each walked the sheet again.
   */
  readonly titles: Array<{ row: number; col: number; layout: FormLayout }> = [];
  private readonly mergeRight = new Map<number, number>();
  /** The top row of the vertical merge a cell of its first column lies lower in (row × MAX_COLUMNS + column → row). */
  private readonly mergeAbove = new Map<number, number>();
  /** Cells by each vocabulary label they are, in reading order. */
  private readonly labelMap = new Map<string, TextCell[]>();
  /** Labels with a cell shorter than LABEL_CHARS. */
  private readonly shortLabels = new Set<string>();
  /** The rows where each vocabulary stem stands in a short cell, in order. */
  private readonly rowsByStem = new Map<string, number[]>();
  private readonly cellsByLabels = new Map<readonly string[], TextCell[]>();
  /** fieldsLabelled of each layout of the vocabulary, by place (undefined: not yet asked). */
  private labelledCounts: number[] | undefined;
  private readonly rowTextMap = new Map<number, TextCell[]>();

  constructor(
    readonly sheet: SheetGrid,
    private readonly vocabulary: Vocabulary,
  ) {
    this.width = sheetWidth(sheet);
    const rows = sheet.rows;
    let titleEnd = -1;
    for (let row = 0; row < rows.length; row++) {
      const cells = rows[row];
      if (!cells) continue;
      for (let col = 0; col < cells.length; col++) {
        const text = cells[col];
        if (typeof text !== 'string') continue;
        const words = wordsOf(vocabulary, text);
        if (!words) continue;
        const { norm } = words;
        if (titleEnd < 0) titleEnd = row + TITLE_ROWS;
        let cell: TextCell | undefined;
        if (row < titleEnd && norm.length <= TITLE_CHARS) this.titleCells.push((cell = { row, col, text, norm }));
        if (words.labels.length > 0) for (const label of words.labels) this.addLabel(label, (cell ??= { row, col, text, norm }));
        for (let i = 0; i < words.titles.length; i++) this.titles.push({ row, col, layout: vocabulary.layouts[words.titles[i]] });
        if (words.stem !== undefined && text.length <= HEADER_CHARS) this.addStemRow(words.stem, row);
        // A stem's first words, its last below them (正式 / 职工): the header's row is this one.
        else if (vocabulary.stemStarts.has(norm)) this.addJoinedStem(norm, row, col);
      }
    }
    for (const m of sheet.merges) {
      const box = mergeBox(m);
      if (!box) continue;
      this.mergeRight.set(box.top * MAX_COLUMNS + box.left, box.right);
      for (let row = box.top + 1; row <= box.bottom; row++) this.mergeAbove.set(row * MAX_COLUMNS + box.left, box.top);
    }
  }

  private addLabel(label: string, cell: TextCell): void {
    const list = this.labelMap.get(label);
    if (list) list.push(cell);
    else this.labelMap.set(label, [cell]);
    if (cell.text.length < LABEL_CHARS) this.shortLabels.add(label);
  }

  private addJoinedStem(top: string, row: number, col: number): void {
    const below = this.sheet.rows[row + 1]?.[col];
    if (typeof below !== 'string' || below.length > HEADER_CHARS) return;
    const stem = labelStem(top + normalized(below).norm);
    if (this.vocabulary.stems.has(stem)) this.addStemRow(stem, row);
  }

  private addStemRow(stem: string, row: number): void {
    const rows = this.rowsByStem.get(stem);
    if (!rows) this.rowsByStem.set(stem, [row]);
    else if (rows[rows.length - 1] !== row) rows.push(row);
  }

  /** The cell's value; a formula without its cached value worked out. */
  value(row: number, col: number): CellValue {
    const cells = this.sheet.rows[row];
    const v = cells === undefined ? undefined : cells[col];
    if (v !== undefined && v !== null) return v;
    return this.sheet.formulas ? askedCell(this.sheet, row, col) : null;
  }

  /**
   * A table cell's value: a cell lower in a vertical merge (one 保管员 signing
   * three rows, one 试卷号 over two rooms' rows) shows the merge's value, so it
   * holds it — when the merge starts within the table (from `firstRow`).
   */
  tableValue(row: number, col: number, firstRow: number): CellValue {
    const v = this.value(row, col);
    if (v !== null) return v;
    const top = this.mergeAbove.get(row * MAX_COLUMNS + col);
    return top !== undefined && top >= firstRow ? this.value(top, col) : null;
  }

  /** The column is hidden (SheetGrid.hiddenCols). */
  colHidden(col: number): boolean {
    return this.sheet.hiddenCols?.includes(col) ?? false;
  }

  rightEdge(row: number, col: number): number {
    return this.mergeRight.get(row * MAX_COLUMNS + col) ?? col;
  }

  /** The text cells that match one of these labels as matchLabel does, in reading order. */
  labelCells(labels: readonly string[]): readonly TextCell[] {
    if (labels.length === 1) return this.cellsOfLabel(labels[0]);
    // A field's labels (labelsOf) are one constant array: its cells are merged once per sheet.
    let cells = this.cellsByLabels.get(labels);
    if (!cells) {
      const lists = labels.map((l) => this.cellsOfLabel(l)).filter((l) => l.length > 0);
      cells = lists.length <= 1 ? [...(lists[0] ?? [])] : inReadingOrder(lists.flat());
      this.cellsByLabels.set(labels, cells);
    }
    return cells;
  }

  /** Some label of these stands in a cell short enough to be a label. */
  hasLabel(labels: readonly string[]): boolean {
    // Indexed: asked of every field of every layout for every sheet, where a for-of made an iterator each time.
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      if (this.vocabulary.labels.has(label) ? this.shortLabels.has(label) : this.cellsOfLabel(label).some(isShort)) return true;
    }
    return false;
  }

  /** How many of the layout's fields (everyField) have a label in a short cell (hasLabel): the vocabulary's layouts' at once. */
  fieldsLabelled(layout: FormLayout): number {
    const place = this.vocabulary.layouts.indexOf(layout);
    if (place < 0) return everyField(layout).filter((field) => this.hasLabel(labelsOf(field))).length;
    return (this.labelledCounts ??= this.countLabelled())[place];
  }

  /** Every sheet is scored against every layout: counted from the few labels the sheet has, not field by field. */
  private countLabelled(): number[] {
    const { layouts, fieldsOfLabel, layoutOfField } = this.vocabulary;
    const counts = new Array<number>(layouts.length).fill(0);
    const seen = new Uint8Array(layoutOfField.length);
    for (const label of this.shortLabels) for (const field of fieldsOfLabel.get(label) ?? []) if (seen[field]++ === 0) counts[layoutOfField[field]]++;
    return counts;
  }

  /** The text cells that match this label as matchLabel does, in reading order. */
  cellsOfLabel(label: string): readonly TextCell[] {
    if (this.vocabulary.labels.has(label)) return this.labelMap.get(label) ?? [];
    // A label no layout declares: looked for cell by cell, once per sheet.
    let cells = this.labelMap.get(label);
    if (!cells) {
      cells = [];
      for (let row = 0; row < this.sheet.rows.length; row++) for (const t of this.rowTexts(row)) if (matchesLabel(t.norm, label)) cells.push(t);
      this.labelMap.set(label, cells);
    }
    return cells;
  }

  /**
   * Each row where one of these labels stands (as matchLabel finds it, a formula's text too), with its leftmost
   * column. `within`: the rows from `top` and the columns up to `right` a table looks in for them; a formula
   * elsewhere, or one that gives a number only (a running total, a 序号 chain), is not worked out for it (review 18a D1, D2).
   */
  labelColumns(labels: readonly string[], within?: { top: number; right: number }): Map<number, number> {
    const at = new Map<number, number>();
    const put = (row: number, col: number): void => {
      const known = at.get(row);
      if (known === undefined || col < known) at.set(row, col);
    };
    for (const label of labels) for (const t of this.cellsOfLabel(label)) put(t.row, t.col);
    // A formula whose cached value is missing is not in the index: its worked-out text may be a label.
    const formulas = this.sheet.formulas ?? {};
    for (const address of Object.keys(formulas)) {
      const cell = parseA1(address);
      if (!cell || cellAt(this.sheet, cell.row, cell.col) !== null || !GIVES_TEXT.test(formulas[address])) continue;
      if (within && (cell.row < within.top || cell.col > within.right)) continue;
      const v = this.value(cell.row, cell.col);
      if (typeof v === 'string' && labels.some((label) => matchesLabel(normalized(v).norm, label))) put(cell.row, cell.col);
    }
    return at;
  }

  /** The text cells of a row, left to right. */
  rowTexts(row: number): readonly TextCell[] {
    let texts = this.rowTextMap.get(row);
    if (!texts) {
      texts = [];
      const cells = this.sheet.rows[row] ?? [];
      for (let col = 0; col < cells.length; col++) {
        const text = cells[col];
        if (typeof text === 'string' && text.trim() !== '') texts.push({ row, col, text, norm: normalized(text).norm });
      }
      this.rowTextMap.set(row, texts);
    }
    return texts;
  }

  /** The rows (in order) where one of these column stems stands in a short cell. */
  stemRows(stems: readonly string[]): number[] {
    const rows = new Set<number>();
    for (const stem of stems) {
      const known = this.vocabulary.stems.has(stem) ? this.rowsByStem.get(stem) : this.scanStem(stem);
      for (const row of known ?? []) rows.add(row);
    }
    return [...rows].sort((a, b) => a - b);
  }

  /** This column stem stands in a short cell somewhere. */
  hasStem(stem: string): boolean {
    return this.vocabulary.stems.has(stem) ? this.rowsByStem.has(stem) : this.scanStem(stem).length > 0;
  }

  private scanStem(stem: string): number[] {
    const rows: number[] = [];
    for (let row = 0; row < this.sheet.rows.length; row++)
      if (this.rowTexts(row).some((t) => t.text.length <= HEADER_CHARS && labelStem(t.norm) === stem)) rows.push(row);
    return rows;
  }
}

/** A formula that may give text: one with text in quotes, joining with &, choosing (IF), cutting (MID), or a cell's own (=A5). */
const GIVES_TEXT = /["&]|\b(?:IF|MID)\s*\(|^\s*=?\s*\$?[A-Za-z]{1,3}\$?\d+\s*$/i;

/** Cells sorted by row and column, each place once. */
function inReadingOrder(cells: TextCell[]): TextCell[] {
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return cells.filter((t, i) => i === 0 || t.row !== cells[i - 1].row || t.col !== cells[i - 1].col);
}

function isShort(t: TextCell): boolean {
  return t.text.length < LABEL_CHARS;
}

/** As matchLabel, on the normalized text: the label, or the label and a colon. */
function matchesLabel(norm: string, label: string): boolean {
  return norm === label || (norm.startsWith(label) && norm[label.length] === ':');
}

/**
 * The form's title, if the sheet has it where a title stands. A phrase such as
 * “考试安排” deep in some other table does not make that sheet a form.
 */
export function findTitle(index: SheetIndex, layout: FormLayout): TextCell | undefined {
  return index.titleCells.find((t) => layout.titlePattern.test(t.norm));
}
