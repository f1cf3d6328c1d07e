/**
 * Reads a form back from a grid of cells the way a person would: by its title
 * and labels, wherever they now stand (rows inserted, pasted at an offset, merges
 * lost), with the value right of its label or after the colon in the label's
 * own cell. Every value read keeps the cell it came from.
 */
import type { DateContext } from '../model/datetime';
import { cleanText, normalizeLabel } from '../model/text';
import { convert, isOptionWord } from './convert';
import type { CarriedRead } from './ditto';
import { CellValue, isBlank } from '../model/grid';
import { BlockSpec, FieldSpec, FormLayout, FormRecord, UnitNameSpec, layoutFields, rowsKey, trailingFields } from './layout';
import { setPath } from './record';
import { joinSigners, namesBelow, namesBeside } from './signers-beside';
import type { TableGrid } from '../model/location-map';
import { SheetIndex, TextCell, everyField, findTitle, isPlaceholder, labelsOf, matchLabel, matchNormalized, normalized } from './sheet-index';
import { findTableHeader, tableScore, type TableHeader } from './table-header';
import { isExcelError } from '../model/excel-errors';
import type { VoidedRead } from './voided';
import { ClosedAbove, continueDate, readTable, standingFor } from './read-table';
import type { PartTotalRead } from './part-totals';
import { withTimeBeside, withUnitsBeside } from './time-beside';

/** Where a value was read: a path relative to the form's record, and its cell. */
interface ReadLocation {
  /** The field's path in the record; for a table cell, the column's key (empty for the row itself). */
  path: string;
  /** For a table cell: the row's index in the table. */
  item?: number;
  row: number;
  col: number;
  /** 序号 of the table row, null for a header or footer field. */
  seq: number | null;
}

export interface FormRead {
  record: FormRecord;
  locations: ReadLocation[];
  /** The table's cells, all rows alike: they come before `locations[at]`. */
  table?: { at: number; grid: TableGrid };
  /** Its rows could not be read (its table's header row, or 附件5's 值班时间, not found): unread-rows.ts notes it. */
  rowsUnread: boolean;
  /** The form's title cell, where found. */
  title?: TextCell;
  /** Table cells holding a ditto mark, read as the value above them (ColumnSpec.dittoAbove). */
  carried: CarriedRead[];
  /** 试卷号 cells read as their paper with a stray number after it (“2207 2”): the row, the column, as typed (read-table.ts). */
  strays?: Array<{ item: number; key: string; typed: string; paper: string; stray: string }>;
  /** 试卷号 cells writing papers parted by white space (“2207 2208”), read as “2207、2208”: the row, the column, as typed (code-cells.ts). */
  spaced?: Array<{ item: number; key: string; typed: string; papers: readonly string[]; lineBreak: boolean }>;
  /** Day headings written “6.21” whose day cannot be told (day-headings.ts): their cell, as typed, the days they may be. */
  unclearHeadings?: UnclearHeadingRead[];
  /** The columns the form cannot do without (ColumnSpec.needed) that its table's header lacks, and the header's first cell. */
  lacking?: { keys: string[]; row: number; col: number };
  /** Table rows struck out with 作废 in their 备注, or struck through: left out of the record (voided.ts). */
  voided: VoidedRead[];
  /** 以下空白 under the table with rows filled in below it, read (read-table.ts). */
  closedAbove?: ClosedAbove;
  /** Totals of part of the table (小计, 本页合计, a 合计 with rows below it), for column-total (part-totals.ts). */
  partTotals?: PartTotalRead[];
}

/** A day heading written “6.21” whose day cannot be told: its cell, as typed, the days it may be, the exam's days. */
interface UnclearHeadingRead {
  row: number;
  col: number;
  typed: string;
  days: string[];
  span?: { from: string; to: string };
}

/** A layout's fields as the reader goes through them (every sheet is scored against every layout): listed once per layout. */
interface LayoutParts {
  /** What a sheet is scored by: every field, those of the blocks too. */
  scored: readonly FieldSpec[];
  header: readonly FieldSpec[];
  /** The fields after the table or blocks. */
  trailing: readonly FieldSpec[];
  /** The labels of every field outside the blocks: a cell that is one is no value. */
  known: readonly KnownLabel[];
  /** Labels that end a table: the trailing fields'. */
  stops: readonly string[];
  /** The labels of the blocks' fields and the trailing ones. */
  blockKnown: readonly KnownLabel[];
}

const PARTS = new WeakMap<FormLayout, LayoutParts>();
function partsOf(layout: FormLayout): LayoutParts {
  let parts = PARTS.get(layout);
  if (!parts) {
    const trailing = trailingFields(layout);
    parts = {
      scored: everyField(layout),
      header: layout.header.flat(),
      trailing,
      known: knownLabels(layoutFields(layout)),
      stops: trailing.flatMap(labelsOf),
      blockKnown: knownLabels([...(layout.blocks?.lines.flat() ?? []), ...trailing]),
    };
    PARTS.set(layout, parts);
  }
  return parts;
}

/** The parts of a sheet's likeness to a form that cost little: its title (10) and its fields' labels (up to 4). */
export interface CheapScore {
  title: number;
  fields: number;
}

export function cheapScore(index: SheetIndex, layout: FormLayout): CheapScore {
  const fields = partsOf(layout).scored;
  const hits = index.fieldsLabelled(layout);
  return { title: findTitle(index, layout) ? 10 : 0, fields: fields.length > 0 ? (4 * hits) / fields.length : 0 };
}

/** The most `scoreForm` can be, without looking for the table's header: never less than the score, to the last bit. */
export function scoreBound(layout: FormLayout, cheap: CheapScore): number {
  return cheap.title + (layout.table || layout.formerTable ? 10 : 0) + cheap.fields;
}

/** How well a sheet looks like this form: its title, its table's labels, its fields' labels (added in this order). */
export function scoreForm(index: SheetIndex, layout: FormLayout, cheap = cheapScore(index, layout)): number {
  return cheap.title + tableScore(index, layout) + cheap.fields;
}

export interface ReadContext {
  dates: DateContext;
}

/** Where fields are read into: the form's record, or one block's; `strict` keeps the search within the rows. */
interface FieldTarget {
  record: FormRecord;
  item?: number;
  seq?: number | null;
  strict?: boolean;
  /** Label cells whose text after the colon is already a field's value (附件1's “移交单位及意见：长沙分校”). */
  restTaken: Set<string>;
}

interface KnownLabel {
  labels: readonly string[];
  /** Printed without a colon (至): a label only when it is the whole cell. */
  bare: boolean;
}

function knownLabels(fields: readonly FieldSpec[]): KnownLabel[] {
  return fields.map((f) => ({ labels: labelsOf(f), bare: Boolean(f.bare) }));
}

const KNOWN_TEXTS = new WeakMap<readonly KnownLabel[], Map<string, boolean>>();

/**
 * A cell's text is one of these labels. A short word such as 考点 is a value far
 * more often than a label: a label ends with a colon or is longer. Asked of the
 * same texts over and over: remembered per list of labels.
 */
function isKnownLabel(text: string, known: readonly KnownLabel[]): boolean {
  let texts = KNOWN_TEXTS.get(known);
  if (!texts) KNOWN_TEXTS.set(known, (texts = new Map()));
  let is = texts.get(text);
  if (is === undefined) {
    const entry = normalized(text);
    is = known.some(({ labels, bare }) => {
      const hit = matchNormalized(entry, labels);
      if (!hit) return false;
      return /[:：]\s*$/.test(text) || entry.norm.length >= 3 || (bare && hit.rest === '');
    });
    if (texts.size > 10_000) texts.clear();
    texts.set(text, is);
  }
  return is;
}

/** A text that reads as some label with its colon (备注：…, 负责人：), never a value typed under another label. */
function labelLike(v: CellValue): boolean {
  return typeof v === 'string' && /^[^:：]{1,12}[:：]/.test(v.trim());
}

/**
 * Rows that are only these fields' labels, three or more side by side and nothing else (学期 · 分部 · 分校（学院） · 考点 …
 * as a list's header): their values stand under them, never in the next label's cell. Worked out per row, once.
 */
function acrossRows(index: SheetIndex, fields: readonly FieldSpec[]): (row: number) => boolean {
  const memo = new Map<number, boolean>();
  const labels = fields.map(labelsOf);
  return (row) => {
    let is = memo.get(row);
    if (is === undefined) {
      const cells = (index.sheet.rows[row] ?? []).filter((v) => !isBlank(v));
      const texts = index.rowTexts(row);
      const fieldsHit = new Set<number>();
      const allLabels =
        texts.length === cells.length &&
        texts.every((t) => {
          const i = labels.findIndex((ls) => matchNormalized(normalized(t.text), ls)?.rest === '');
          if (i >= 0) fieldsHit.add(i);
          return i >= 0;
        });
      is = allLabels && fieldsHit.size >= 3;
      memo.set(row, is);
    }
    return is;
  };
}

/** The label cell of a field: its labels in order of sureness, each within the rows first, then anywhere. */
function findLabelCell(index: SheetIndex, labels: readonly string[], rowRange: [number, number], strict: boolean): TextCell | undefined {
  const inRange = (t: TextCell): boolean => t.row >= rowRange[0] && t.row <= rowRange[1];
  // A short word with no colon (考点 as 单位级别's value) is a label only when no other way of writing it is found (考点名称：).
  for (const sure of [true, false]) {
    for (const label of labels) {
      const candidates = sure ? index.cellsOfLabel(label).filter(isSureLabel) : index.cellsOfLabel(label);
      const hit = candidates.find(inRange) ?? (strict ? undefined : candidates[0]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** A label cell that cannot be a value: it has its colon, or it is longer than a short word. */
const isSureLabel = (t: TextCell): boolean => /[:：]/.test(t.text) || t.norm.length >= 3;

function readFields(
  index: SheetIndex,
  fields: readonly FieldSpec[],
  allLabels: readonly KnownLabel[],
  rowRange: [number, number],
  out: FormRead,
  ctx: DateContext,
  target: FieldTarget,
): void {
  const across = acrossRows(index, fields);
  for (const field of fields) {
    // A way of writing this field's option is its value, though it reads as another field's label (分校（学院）).
    const isSomeLabel = (text: string): boolean => isKnownLabel(text, allLabels) && !isOptionWord(field, text);
    const valueAt = (row: number, col: number): boolean => {
      const v = index.value(row, col);
      return !isBlank(v) && !(typeof v === 'string' && (isSomeLabel(v) || isPlaceholder(v)));
    };
    const labels = labelsOf(field);
    const cell = findLabelCell(index, labels, rowRange, Boolean(target.strict));
    if (!cell) continue;
    const put = (row: number, col: number, raw: CellValue | undefined): void => {
      if (raw !== undefined) {
        const value = convert(field, raw, ctx);
        if (value !== undefined) setPath(target.record, field.key, value);
      }
      out.locations.push({ path: field.key, item: target.item, row, col, seq: target.seq ?? null });
    };
    // An area under its label (附件1's opinions) is looked for there first.
    if (field.under && valueAt(cell.row + 1, cell.col)) {
      put(cell.row + 1, cell.col, index.value(cell.row + 1, cell.col));
      continue;
    }
    // Signers may go on in the cells beside the first (黄志刚 · 刘春香): all are read (signers-beside.ts).
    const signers = field.type === 'signers';
    const andBeside = (row: number, col: number, first: CellValue) => (signers ? joinSigners(first, namesBeside(index, row, col, isSomeLabel)) : first);
    const { rest } = matchLabel(cell.text, labels)!;
    const here = `${cell.row},${cell.col}`;
    if (rest !== '' && !isPlaceholder(rest) && !target.restTaken.has(here)) {
      target.restTaken.add(here);
      put(cell.row, cell.col, andBeside(cell.row, cell.col, rest));
      continue;
    }
    // Labels across a row with the values under them (基本信息 laid out as a list's header): each value read under its label.
    if (across(cell.row)) {
      const below = valueAt(cell.row + 1, cell.col) && cell.row + 1 <= rowRange[1];
      put(cell.row + 1, cell.col, below ? index.value(cell.row + 1, cell.col) : undefined);
      continue;
    }
    const start = index.rightEdge(cell.row, cell.col) + 1;
    let found: { row: number; col: number } | undefined;
    for (let c = start; c < index.width; c++) {
      const v = index.value(cell.row, c);
      if (isBlank(v)) continue;
      if (typeof v === 'string' && isSomeLabel(v)) break;
      if (typeof v === 'string' && isPlaceholder(v)) continue;
      found = { row: cell.row, col: c };
      break;
    }
    const tall = (field.lines ?? 1) > 1;
    if (!found && tall && valueAt(cell.row + 1, cell.col)) found = { row: cell.row + 1, col: cell.col };
    if (!found && signers && namesBelow(index, cell.row, cell.col, isSomeLabel)) found = { row: cell.row + 1, col: cell.col };
    // Nothing right of the label: the value typed under it (“入库时间：” over the date), where that cell is no label nor note.
    if (!found && cell.row + 1 <= rowRange[1] && valueAt(cell.row + 1, cell.col) && !labelLike(index.value(cell.row + 1, cell.col)))
      found = { row: cell.row + 1, col: cell.col };
    if (found) {
      const value = index.value(found.row, found.col);
      // A date with its time typed in the next cell (review 12 D3: a merge undone): read together.
      // Or one typed into the printed blanks, a part a cell (2024 | 年 | 6 | 月 …, review 23 D3): read across.
      const split =
        field.type === 'datetime'
          ? (withTimeBeside(index, found.row, found.col, value, isSomeLabel, ctx) ?? withUnitsBeside(index, found.row, found.col, value, isSomeLabel))
          : undefined;
      put(found.row, found.col, split ?? andBeside(found.row, found.col, value));
    } else if (tall || field.under) put(cell.row + 1, cell.col, undefined);
    else put(cell.row, start, undefined);
  }
}

/**
 * 单位名称 where the form asks the unit by its level (基本信息's 考点, 分校（学院）, 分部: UnitNameSpec): its value read
 * into the field the unit's level names (a 考点's 单位名称 is its 考点), or, with no level read, the field its name ends
 * with (岳麓考点, 长沙分校) — unless that field's own label is found with a value — and located at 单位名称's cell.
 */
function readUnitName(
  index: SheetIndex,
  spec: UnitNameSpec,
  allLabels: readonly KnownLabel[],
  rowRange: [number, number],
  out: FormRead,
  ctx: DateContext,
  restTaken: Set<string>,
): void {
  const read: FormRead = { record: {}, locations: [], rowsUnread: false, carried: [], voided: [] };
  readFields(index, [spec.field], allLabels, rowRange, read, ctx, { record: read.record, restTaken });
  const at = read.locations[0];
  if (!at) return;
  const value = read.record[spec.field.key];
  const level = out.record.level;
  const key =
    typeof level === 'string' && spec.byLevel[level] !== undefined
      ? spec.byLevel[level]
      : typeof value === 'string'
        ? spec.byEnding.find(([ending]) => value.endsWith(ending))?.[1]
        : undefined;
  if (key === undefined) return;
  // The field's own label, where found with a value, is surer; found empty (or a short word taken for it), 单位名称's value stands.
  const own = out.locations.findIndex((l) => l.item === undefined && l.path === key);
  if (own >= 0 && (!isBlank(out.record[key] as CellValue) || isBlank(value as CellValue))) return;
  if (own >= 0) out.locations.splice(own, 1);
  if (value !== undefined) setPath(out.record, key, value);
  out.locations.push({ ...at, path: key });
}

/** The cell left of a block's first label that names its kind (日间), not the label of all blocks. */
function kindCell(index: SheetIndex, blocks: BlockSpec, start: TextCell): TextCell | undefined {
  const side = blocks.sideLabel ? normalizeLabel(blocks.sideLabel) : undefined;
  const left = index.rowTexts(start.row).filter((t) => t.col < start.col && t.norm !== side);
  return left[left.length - 1];
}

/** A value read from another field's cell (the end of a period written in its start's) is found at that cell. */
function sameCell(out: FormRead, item: number, from: string, key: string): void {
  const at = out.locations.find((l) => l.item === item && l.path === from);
  if (at) out.locations.push({ ...at, path: key });
}

/** The first row below the last block's start with 备注 or one of the fields after the blocks. */
function rowAfterBlocks(index: SheetIndex, layout: FormLayout, lastStart: number): number {
  const trailing = partsOf(layout).trailing.map(labelsOf);
  for (let row = lastStart + 1; row < index.sheet.rows.length; row++) {
    if (index.rowTexts(row).some((t) => t.norm.startsWith('备注') || trailing.some((labels) => matchLabel(t.text, labels)))) return row;
  }
  return index.sheet.rows.length;
}

/**
 * Reads the blocks of a page (附件5): each starts at its first field's label
 * (值班时间) and runs to the next; a block nobody filled in is no record.
 */
function readBlocks(index: SheetIndex, layout: FormLayout, out: FormRead, ctx: DateContext, restTaken: Set<string>): number | undefined {
  const blocks = layout.blocks!;
  const fields = blocks.lines.flat();
  const starts = index.labelCells(labelsOf(fields[0])).filter((t) => !t.norm.includes('('));
  if (starts.length === 0) return undefined;
  const end = rowAfterBlocks(index, layout, starts[starts.length - 1].row);
  const known = partsOf(layout).blockKnown;
  const items: FormRecord[] = [];
  starts.forEach((start, k) => {
    const i = items.length;
    const item: FormRecord = {};
    const before = out.locations.length;
    const range: [number, number] = [start.row, (starts[k + 1]?.row ?? end) - 1];
    readFields(index, fields, known, range, out, ctx, { record: item, item: i, seq: i + 1, strict: true, restTaken });
    if (Object.keys(item).length === 0) {
      out.locations.length = before;
      return;
    }
    for (const field of fields) if (field.after && continueDate(item, field.key, field.after, ctx)) sameCell(out, i, field.after, field.key);
    const kind = kindCell(index, blocks, start);
    out.locations.splice(before, 0, { path: '', item: i, row: start.row, col: kind?.col ?? start.col, seq: i + 1 });
    if (kind) {
      item[blocks.kindKey] = cleanText(kind.text);
      out.locations.push({ path: blocks.kindKey, item: i, row: kind.row, col: kind.col, seq: i + 1 });
    }
    items.push(item);
  });
  out.record[blocks.key] = items;
  return end;
}

/** The rows of a form, as a table (now or as it was printed before) or as blocks; returns the row after them. */
function readRows(index: SheetIndex, layout: FormLayout, out: FormRead, ctx: DateContext, restTaken: Set<string>): number | undefined {
  const stops = partsOf(layout).stops;
  for (const table of [layout.table, layout.formerTable]) {
    const header = table ? findTableHeader(index, table.columns) : undefined;
    if (table && header) return readTable(index, table, header, out, ctx, stops);
  }
  if (layout.blocks) return readBlocks(index, layout, out, ctx, restTaken);
  return undefined;
}

/** The labels a form's rows are found by: its header's first three, or the label each of its blocks starts with (附件5). */
export function rowLabels(layout: FormLayout): { labels: string[]; blocks: boolean } {
  if (layout.table) return { labels: layout.table.columns.slice(0, 3).map((c) => c.label), blocks: false };
  return { labels: [layout.blocks!.lines[0][0].label], blocks: true };
}

/**
 * Where the header lacks its columns: its first cell — or, for one column lacking, the one header cell showing an Excel
 * error value (#NAME?: a header made by a formula that failed), the column's own place (review 18a D9: said at A3).
 */
function lackingAt(index: SheetIndex, header: TableHeader, keys: string[]): NonNullable<FormRead['lacking']> {
  const taken = new Set([...header.columns.values(), header.seqCol]);
  const errors: Array<{ row: number; col: number }> = [];
  for (let row = header.top; row < header.dataStart && keys.length === 1; row++)
    for (let col = 0; col < index.width; col++) if (!taken.has(col) && isExcelError(index.value(row, col))) errors.push({ row, col });
  if (errors.length === 1) return { keys, ...errors[0] };
  return { keys, row: header.top, col: Math.min(...header.columns.values(), header.seqCol ?? Infinity) };
}

/** Reads one sheet as this form. The record uses the layout's field names (before `adapt`). */
export function readForm(layout: FormLayout, index: SheetIndex, ctx: ReadContext): FormRead {
  const out: FormRead = { record: {}, locations: [], rowsUnread: false, carried: [], voided: [] };
  const title = findTitle(index, layout);
  if (title) out.locations.push({ path: '', row: title.row, col: title.col, seq: null });
  out.title = title;
  const { header: headerFields, trailing, known: allLabels } = partsOf(layout);
  const restTaken = new Set<string>();
  const header = layout.table ? findTableHeader(index, layout.table.columns) : undefined;
  const tableTop = header ? header.top : Number.MAX_SAFE_INTEGER;
  const stoodFor = header ? layout.table!.columns.flatMap(standingFor(layout.table!, header)) : [];
  const lacking = header ? layout.table!.columns.filter((c) => c.needed && !header.columns.has(c.key) && !stoodFor.includes(c.key)).map((c) => c.key) : [];
  if (header && lacking.length > 0) out.lacking = lackingAt(index, header, lacking);
  readFields(index, headerFields, allLabels, [0, tableTop - 1], out, ctx.dates, { record: out.record, restTaken });
  if (layout.unitName) readUnitName(index, layout.unitName, allLabels, [0, tableTop - 1], out, ctx.dates, restTaken);
  let dates = ctx.dates;
  const rowDate = layout.adapt?.rowDate?.(out.record);
  if (rowDate) dates = { ...ctx.dates, year: +rowDate.slice(0, 4), autumn: false, month: +rowDate.slice(5, 7), day: +rowDate.slice(8, 10) };
  const key = rowsKey(layout);
  let rowsEnd = tableTop;
  if (key) {
    const end = readRows(index, layout, out, dates, restTaken);
    if (end === undefined) {
      out.rowsUnread = true;
      out.record[key] = [];
    } else {
      rowsEnd = end;
    }
  }
  readFields(index, trailing, allLabels, [rowsEnd, Number.MAX_SAFE_INTEGER], out, ctx.dates, { record: out.record, restTaken });
  return out;
}

export { SheetIndex };
