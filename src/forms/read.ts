/**
 * Reads a form back from a grid of cells the way a person would: by its title
 * and labels, wherever they now stand (rows inserted, pasted at an offset, merges
 * lost), with the value right of its label or after the colon in the label's
 * own cell. Every value read keeps the cell it came from.
 */
import { DateContext, ISO_DATETIME, continuedDateTime, dayContext, isRelativeDay, parseIso, splitPeriod } from '../model/datetime';
import { boxWithBags, cleanText, normalizeLabel, parseCount } from '../model/text';
import { settleUnits, unitsInHeader } from './count-units';
import { convert, isOptionWord } from './convert';
import { CarriedRead, carryDitto } from './ditto';
import { CellValue, isBlank } from '../model/grid';
import { BlockSpec, ColumnSpec, FieldSpec, FormLayout, FormRecord, TableSpec, isAlternative, layoutFields, rowsKey, trailingFields } from './layout';
import { setPath } from './record';
import { joinSigners, namesBelow, namesBeside } from './signers-beside';
import type { TableGrid } from '../model/location-map';
import type { ReadProblem } from '../model/site-model';
import { totalAsRead } from '../model/unit-total';
import { SheetIndex, TextCell, findTitle, isPlaceholder, labelsOf, matchLabel, matchNormalized, normalized } from './sheet-index';
import { TableHeader, findTableHeader, tableScore } from './table-header';
import { VoidedRead, noteColumn, voidedRow } from './voided';
import { withTimeBeside } from './time-beside';

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
  /** Why part of the form could not be read (its table header is gone). */
  problems: ReadProblem[];
  /** The form's title cell, where found. */
  title?: TextCell;
  /** Table cells holding a ditto mark, read as the value above them (ColumnSpec.dittoAbove). */
  carried: CarriedRead[];
  /** The columns the form cannot do without (ColumnSpec.needed) that its table's header lacks, and the header's first cell. */
  lacking?: { keys: string[]; row: number; col: number };
  /** Table rows struck out with 作废 in their 备注, or struck through: left out of the record (voided.ts). */
  voided: VoidedRead[];
}

/** Blank rows in a row after which a table is taken to have ended. */
const BLANK_RUN_END = 50;

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
      scored: [...layoutFields(layout), ...(layout.blocks?.lines.flat() ?? [])],
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
  let hits = 0;
  for (let i = 0; i < fields.length; i++) if (index.hasLabel(labelsOf(fields[i]))) hits++;
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

/** The label cell of a field: its labels in order of sureness, each within the rows first, then anywhere. */
function findLabelCell(index: SheetIndex, labels: readonly string[], rowRange: [number, number], strict: boolean): TextCell | undefined {
  const inRange = (t: TextCell): boolean => t.row >= rowRange[0] && t.row <= rowRange[1];
  for (const label of labels) {
    const candidates = index.cellsOfLabel(label);
    const hit = candidates.find(inRange) ?? (strict ? undefined : candidates[0]);
    if (hit) return hit;
  }
  return undefined;
}

function readFields(
  index: SheetIndex,
  fields: readonly FieldSpec[],
  allLabels: readonly KnownLabel[],
  rowRange: [number, number],
  out: FormRead,
  ctx: DateContext,
  target: FieldTarget,
): void {
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
    if (found) {
      const value = index.value(found.row, found.col);
      // A date with its time typed in the next cell (review 12 D3: a merge undone): read together.
      const split = field.type === 'datetime' ? withTimeBeside(index, found.row, found.col, value, isSomeLabel, ctx) : undefined;
      put(found.row, found.col, split ?? andBeside(found.row, found.col, value));
    } else if (tall || field.under) put(cell.row + 1, cell.col, undefined);
    else put(cell.row, start, undefined);
  }
}

/**
 * The first text of a row, normalised ('' when its first value is no text). The
 * 序号 printed on every row of a form is passed over: 合计 typed beside it
 * still heads the row.
 */
function firstText(index: SheetIndex, row: number, from: number, to: number, seqCol?: number): string {
  for (let c = from; c <= to; c++) {
    const v = index.value(row, c);
    if (c === seqCol && typeof v === 'number') continue;
    if (!isBlank(v)) return typeof v === 'string' ? normalized(v).norm : '';
  }
  return '';
}

/** A row's first text heads the table's totals row: 合计, or 总计 as people also write it. */
const isTotalWord = (lead: string): boolean => lead.startsWith('合计') || lead.startsWith('总计');
/** A subtotal row sums rows above it: neither an item nor the table's total. */
const SUBTOTAL = '小计';

/** The header has every alternative column (考试日期 and 考试时间), so they are read: one of them alone says no session. */
const alternativesRead = (table: TableSpec, header: TableHeader): boolean =>
  table.columns.some(isAlternative) && table.columns.every((c) => !isAlternative(c) || header.columns.has(c.key));

/** The printed columns an alternative column stands for that the header lacks (考试日期 for 开考时间, 考试时间 for 结束时间). */
const standingFor = (table: TableSpec, column: ColumnSpec, header: TableHeader): readonly string[] =>
  alternativesRead(table, header) ? (column.standsFor ?? []).filter((key) => !header.columns.has(key)) : [];

/** A 备注 kept beside a form that prints none, as text (a number typed there is its text). */
function noteBeside(item: FormRecord, key: string, value: CellValue): void {
  if (!isBlank(value) && (typeof value === 'string' || typeof value === 'number')) item[key] = String(value).trim();
}

function isBlankRow(index: SheetIndex, row: number, cols: readonly number[]): boolean {
  for (const c of cols) if (!isBlank(index.value(row, c))) return false;
  return true;
}

const NO_COUNTS_TYPED: ReadonlyMap<string, string> = new Map();

function readTable(index: SheetIndex, table: TableSpec, header: TableHeader, out: FormRead, ctx: DateContext, stopLabels: readonly string[]): number {
  const present: Array<{ column: ColumnSpec; col: number }> = [];
  const alternatives = alternativesRead(table, header);
  for (const column of table.columns) {
    const col = header.columns.get(column.key);
    if (col !== undefined && (alternatives || !isAlternative(column))) present.push({ column, col });
  }
  const cols = [...header.columns.values()];
  const left = Math.max(0, Math.min(...cols, header.seqCol ?? Infinity));
  const right = Math.max(...cols);
  const rows: FormRecord[] = [];
  const grid: TableGrid = {
    rows: [],
    seqs: [],
    rowCol: header.seqCol ?? Math.min(...cols),
    // An alternative column's cell is where the values it stands for are located (考试时间 for 开考时间 and 结束时间).
    columns: present.flatMap(({ column, col }) => [column.key, ...standingFor(table, column, header)].map((path) => ({ path, col }))),
  };
  out.table = { at: out.locations.length, grid };
  // A row with one of the labels after the table (as matchLabel finds it), left of the table's right edge, ends it.
  const stops = index.labelColumns(stopLabels);
  let blankRun = 0;
  const headerUnits = unitsInHeader(index, header, table);
  const noteCol = noteColumn(index, header);
  // Indexed loops below, over lists made once: a for-of in each row of a long log made an iterator there.
  const relative = table.columns.filter((column) => column.relativeTo);
  let r = header.dataStart;
  const last = index.sheet.rows.length - 1;
  for (; r <= last; r++) {
    const lead = firstText(index, r, left, right, header.seqCol);
    if (isTotalWord(lead)) {
      readTotal(index, table, header, r, out);
      r++;
      break;
    }
    // A subtotal, or the header's labels again (a page pasted from its header): no row of data.
    if (lead.startsWith(SUBTOTAL) || header.again.has(r)) continue;
    if (lead.startsWith('备注')) break;
    if ((stops.get(r) ?? Infinity) <= right) break;
    if (isBlankRow(index, r, cols)) {
      if (++blankRun >= BLANK_RUN_END) break;
      continue;
    }
    blankRun = 0;
    const item: FormRecord = {};
    // Made only for a row with a count typed as text ("16份"): most rows have none.
    let countsTyped: Map<string, string> | undefined;
    const i = rows.length;
    const seqValue = header.seqCol !== undefined ? parseCount(index.value(r, header.seqCol)) : undefined;
    const seq = typeof seqValue === 'number' && Number.isInteger(seqValue) && seqValue > 0 ? seqValue : i + out.voided.length + 1;
    // 作废 in its 备注, or struck through as on paper (voided.ts).
    const voided = voidedRow(index, header, noteCol, { row: r, left, right }, seq);
    if (voided) {
      out.voided.push(voided);
      continue;
    }
    grid.rows.push(r);
    grid.seqs.push(seq);
    for (let k = 0; k < present.length; k++) {
      const { column, col } = present[k];
      const raw = index.tableValue(r, col, header.dataStart);
      if (column.dittoAbove && carryDitto(raw, column.key, item, rows[i - 1], i, out.carried)) continue;
      const start = column.relativeTo && isRelativeDay(raw) ? dayContext(item[column.relativeTo]) : undefined;
      const value = convert(column, raw, start ? { ...ctx, ...start, autumn: false } : ctx);
      if (value !== undefined) item[column.key] = value;
      if (column.type === 'count' && typeof raw === 'string') (countsTyped ??= new Map()).set(column.key, raw);
    }
    // 还卷时间 "10:50" or "15日10时" written short: on its row's 取卷时间's day, as 附件5's 至 continues its 值班时间.
    for (let k = 0; k < relative.length; k++) continueDate(item, relative[k].key, relative[k].relativeTo!, ctx);
    if (table.noteBeside && noteCol !== undefined) noteBeside(item, table.noteBeside, index.tableValue(r, noteCol, header.dataStart));
    if (alternatives) table.fromAlternatives?.(item);
    // "16份" / "1箱" typed in the count: its word is the row's unit unless the row's own 单位 cell says one; "6袋" in 箱 stays as typed.
    settleUnits(item, table, countsTyped ?? NO_COUNTS_TYPED, headerUnits);
    keepBagsInside(item, countsTyped?.get('quantity'));
    rows.push(item);
  }
  out.record[table.key] = rows;
  return r;
}

/** "1箱（内装5袋）" reads as 1 箱; the bags inside are kept in the row's 备注 (where the bag counts are compared), unless it says them already. */
function keepBagsInside(item: FormRecord, quantityText: string | undefined): void {
  const boxed = boxWithBags(quantityText);
  if (!boxed) return;
  const note = typeof item.note === 'string' ? item.note : '';
  if (!normalizeLabel(note).includes(`${boxed.bags}袋`)) item.note = note ? `内装${boxed.bags}袋；${note}` : `内装${boxed.bags}袋`;
}

function readTotal(index: SheetIndex, table: TableSpec, header: TableHeader, r: number, out: FormRead): void {
  const total = table.total;
  if (!total) return;
  for (const key of total.columns) {
    const c = header.columns.get(key);
    if (c === undefined) continue;
    const path = total.columns.length === 1 ? total.key : `${total.key}.${key}`;
    // A count column whose rows pick their unit totals per unit ("2箱、3袋", unit-total.ts).
    const value = table.columns.some((col) => col.key === key && col.unitFrom) ? totalAsRead(index.value(r, c)) : parseCount(index.value(r, c));
    if (value !== undefined) setPath(out.record, path, value);
    out.locations.push({ path, row: r, col: c, seq: null });
  }
}

/** The cell left of a block's first label that names its kind (日间), not the label of all blocks. */
function kindCell(index: SheetIndex, blocks: BlockSpec, start: TextCell): TextCell | undefined {
  const side = blocks.sideLabel ? normalizeLabel(blocks.sideLabel) : undefined;
  const left = index.rowTexts(start.row).filter((t) => t.col < start.col && t.norm !== side);
  return left[left.length - 1];
}

/**
 * "15日8时" or "8时" after "2024年6月14日20时" is 2024-06-15 08:00 (continuedDateTime). With nothing
 * after it, the start's cell may hold the whole period (“2025年1月6日16时至6日20时”, splitPeriod): true.
 */
function continueDate(item: FormRecord, key: string, after: string, ctx: DateContext): boolean {
  const raw = item[key];
  // Only an unread start is tried: a 附件3 row still out (no 还卷时间) of a long log is not parsed again.
  const start = item[after];
  const period = raw === undefined && typeof start === 'string' && !ISO_DATETIME.test(start) ? splitPeriod(start, ctx) : undefined;
  if (period) [item[after], item[key]] = period;
  const base = parseIso(typeof item[after] === 'string' ? (item[after] as string) : undefined);
  if (typeof raw !== 'string' || ISO_DATETIME.test(raw) || !base) return period !== undefined;
  const value = continuedDateTime(raw, base, ctx);
  if (value) item[key] = value;
  return false;
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
  const starts = index.labelCells(labelsOf(fields[0])).filter((t) => !/[(（]/.test(t.text));
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

/** Reads one sheet as this form. The record uses the layout's field names (before `adapt`). */
export function readForm(layout: FormLayout, index: SheetIndex, ctx: ReadContext): FormRead {
  const sheet = index.sheet;
  const out: FormRead = { record: {}, locations: [], problems: [], carried: [], voided: [] };
  const title = findTitle(index, layout);
  if (title) out.locations.push({ path: '', row: title.row, col: title.col, seq: null });
  out.title = title;
  const { header: headerFields, trailing, known: allLabels } = partsOf(layout);
  const restTaken = new Set<string>();
  const header = layout.table ? findTableHeader(index, layout.table.columns) : undefined;
  const tableTop = header ? header.top : Number.MAX_SAFE_INTEGER;
  const stoodFor = header ? layout.table!.columns.flatMap((c) => standingFor(layout.table!, c, header)) : [];
  const lacking = header ? layout.table!.columns.filter((c) => c.needed && !header.columns.has(c.key) && !stoodFor.includes(c.key)).map((c) => c.key) : [];
  if (header && lacking.length > 0) out.lacking = { keys: lacking, row: header.top, col: Math.min(...header.columns.values(), header.seqCol ?? Infinity) };
  readFields(index, headerFields, allLabels, [0, tableTop - 1], out, ctx.dates, { record: out.record, restTaken });
  let dates = ctx.dates;
  const rowDate = layout.adapt?.rowDate?.(out.record);
  if (rowDate) dates = { year: +rowDate.slice(0, 4), autumn: false, month: +rowDate.slice(5, 7), day: +rowDate.slice(8, 10) };
  const key = rowsKey(layout);
  let rowsEnd = tableTop;
  if (key) {
    const end = readRows(index, layout, out, dates, restTaken);
    if (end === undefined) {
      const labels = (layout.table?.columns ?? layout.blocks!.lines.flat()).slice(0, 3).map((c) => c.label);
      out.problems.push({
        zh: `工作表“${sheet.name}”的表头行（${labels.join('、')}…）找不到，无法读取表格`,
        en: `the header row of sheet “${sheet.name}” (${labels.join(', ')}…) is not found, so its table could not be read`,
      });
      out.record[key] = [];
    } else {
      rowsEnd = end;
    }
  }
  readFields(index, trailing, allLabels, [rowsEnd, Number.MAX_SAFE_INTEGER], out, ctx.dates, { record: out.record, restTaken });
  return out;
}

export { SheetIndex };
