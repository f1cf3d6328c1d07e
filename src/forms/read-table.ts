/**
 * A form's table read back row by row under its header (table-header.ts): each row's cells by the header's columns —
 * or, under a header pasted again with its columns moved, by that header's (review 15a D4's leftover) — its totals
 * row, struck-out rows set aside, dittos carried, a count's unit settled. Part of the reader (read.ts).
 */
import { DateContext, ISO_DATETIME, continuedDateTime, dayContext, isRelativeDay, parseIso, splitPeriod } from '../model/datetime';
import { normalizeLabel, parseCount } from '../model/text';
import { keepBagsInside, settleUnits, unitsInHeader } from './count-units';
import { convert } from './convert';
import { carryDitto } from './ditto';
import { CalendarDate, CellValue, a1, isBlank } from '../model/grid';
import { isExcelError } from '../model/excel-errors';
import { addLocation } from '../model/location-map';
import type { FormNumber } from '../model/location';
import type { SiteModel } from '../model/site-model';
import { ColumnSpec, FormRecord, TableSpec, isAlternative } from './layout';
import { setPath } from './record';
import type { TableGrid } from '../model/location-map';
import { COLUMN_TWICE, columnTwicePath, datePartOf } from '../model/labels';
import { SheetIndex, normalized } from './sheet-index';
import { dateUnderGroup, type TableHeader } from './table-header';
import { noteColumn, voidedRow } from './voided';
import { dateAndTime, timeOnUnreadDate } from './time-beside';
import type { FormRead } from './read';
import { type PartTotalRead, isPartTotal, isTotalWord, totalsOn } from './part-totals';
import { isLabelWithColon, isNoteLine, isNoteSentence, isSectionLine } from './line-shapes';
import { formulaFilledDown } from './filled-formulas';
import { codeCellValue } from './code-cells';
import { datesUnderDotted, datesUnderHeading, dottedHeading } from './day-headings';

/** Blank rows in a row after which a table is taken to have ended. */
const BLANK_RUN_END = 50;

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

/** What people write under a table's last row to close it: 以下空白, （以下空白）, 以下无, 此栏空白, 完 (bracketed or not). */
const CLOSING_WORDS = new Set(['以下空白', '以下为空白', '以下无', '以下无内容', '以下无记录', '此栏空白', '此处空白', '本页以下空白', '空白', '完']);
const isClosingWord = (norm: string): boolean => CLOSING_WORDS.has(norm.replace(/[()[\]【】<>《》〈〉「」“”"'.。…\-—_~～*]/g, ''));
/** “岳麓考点：2袋”: a destination with its count, a record whose count is not in its column (review 21a D7), no label and what it names. */
const LABEL_AND_COUNT = /^(?!(?:注|说明|附注|注意)\s*[:：])[\u4e00-\u9fff]{1,6}[:：]\s*[0-9０-９一二两三四五六七八九十]+\s*(?:袋|箱|份)\s*$/;

/**
 * What people fill down a table's empty rows without typing a record (review 21a D8): the error value a dragged lookup
 * of an empty key shows (#N/A), a formula's 0 (a dragged SUM of empty cells), the unit word of a drop-down column
 * (袋). A row of nothing else is blank; beside a note or a heading, nothing.
 */
function filledDown(index: SheetIndex, row: number, col: number, value: CellValue, { fillWords, codeCol }: Filling): boolean {
  if (isExcelError(value)) return true;
  const formulas = index.sheet.formulas;
  if (value === 0 && formulas && a1(row, col) in formulas) return true;
  const words = fillWords.get(col);
  if (words !== undefined && typeof value === 'string' && words.includes(value.trim())) return true;
  // A formula dragged down from the row above, showing a name or a paper no one typed there (round 22).
  return formulaFilledDown(index, row, col, value, codeCol);
}

/** What tells a value filled down: the drop-down words by column, the 试卷号 column. */
type Filling = Pick<Section, 'fillWords' | 'codeCol'>;

/** Whether `text`, at `col`, is all the row holds left of `right` (a merged line shows it in each of its cells) but what is filled down. */
function aloneOnRow(index: SheetIndex, row: number, col: number, section: Pick<Section, 'right' | 'fillWords' | 'codeCol'>, text: CellValue): boolean {
  const { right } = section;
  for (let c = col + 1; c <= right; c++) {
    const v = index.value(row, c);
    if (!isBlank(v) && v !== text && !filledDown(index, row, c, v, section)) return false;
  }
  return true;
}

/**
 * A row's one text is a note or a heading (review 20b D4), not a closing word. A heading stands in a text column, or
 * in a time column alone on its row (6月16日 typed in 取卷时间: review 21a D9); a label with a count in the first text
 * column is a record (D7).
 */
function isNoteText(text: string, col: number, { textCols, timeCols, header }: Pick<Section, 'textCols' | 'timeCols' | 'header'>): boolean {
  // The closing words asked last: this is asked of every row's first text, and a note or a heading is rare.
  const note =
    isNoteLine(text) || isNoteSentence(text)
      ? !(col === Math.min(...textCols) && LABEL_AND_COUNT.test(text))
      : (textCols.has(col) || timeCols.has(col) || col === header.seqCol) && isSectionLine(text);
  return note && !isClosingWord(normalized(text).norm);
}

/**
 * The row closes the table: its first text, left of the table's right edge, is a label ending in its colon
 * (收卷人签字：) — 'label' — or it holds nothing but a closing word (以下空白, in any column): that cell. A row holding
 * a note or a heading alone is 'note': no record, the rows below it read on. A 序号 typed on the row is passed over.
 */
function endsTable(
  index: SheetIndex,
  row: number,
  section: Pick<Section, 'right' | 'header' | 'textCols' | 'timeCols' | 'fillWords' | 'codeCol'>,
): 'label' | 'note' | { col: number; word: string } | undefined {
  const { right, header } = section;
  let first = true;
  let closing: { col: number; word: string } | undefined;
  for (let c = 0; c <= right; c++) {
    const v = index.value(row, c);
    if (isBlank(v) || (c === header.seqCol && typeof v === 'number') || filledDown(index, row, c, v, section)) continue;
    // A day typed as a date (a serial in a date format: 2024/6/16, or 6/16 as Excel takes it) alone in a time or a
    // text column heads the rows below too.
    if (first && v instanceof CalendarDate && (section.timeCols.has(c) || section.textCols.has(c))) {
      return aloneOnRow(index, row, c, section, v) ? 'note' : undefined;
    }
    if (typeof v !== 'string') return undefined;
    if (first) {
      const text = v.trim();
      // A day's heading with its colon (6月16日：) heads the rows below it (review 21a D3).
      if (isLabelWithColon(text) && !isSectionLine(text)) return 'label';
      if (isNoteText(text, c, section)) return aloneOnRow(index, row, c, section, v) ? 'note' : undefined;
    }
    first = false;
    if (!isClosingWord(normalized(v).norm)) return undefined;
    closing ??= { col: c, word: v.trim() };
  }
  return closing;
}

/**
 * A table closed by 以下空白 with rows filled in under it (review 18a D5: a checkout never returned, a proctor taking
 * papers, written below it): its cell and word, and the rows read below it (0-based), for rows-after-closing to say so.
 */
export interface ClosedAbove {
  row: number;
  col: number;
  word: string;
  rows: number[];
  /** Their 序号, as every other finding names rows. */
  seqs: number[];
}

/** Lists a table closed above rows filled in (`rowsAfterClosing[i]`, at the closing word's cell) for rows-after-closing. */
export function noteClosedAbove(model: SiteModel, sheet: string, { row, col, word, rows, seqs }: ClosedAbove, form: FormNumber): void {
  const list = (model.rowsAfterClosing ??= []);
  addLocation(model.locations, `rowsAfterClosing[${list.length}]`, { sheet, cell: a1(row, col), form, row: null });
  list.push({ word, row: row + 1, rows: rows.map((r) => r + 1), seqs });
}

/** The header has every alternative column (考试日期 and 考试时间), so they are read: one of them alone says no session. */
const alternativesRead = (table: TableSpec, header: TableHeader): boolean =>
  table.columns.some(isAlternative) && table.columns.every((c) => !isAlternative(c) || header.columns.has(c.key));

/** The printed columns an alternative column stands for that the header lacks (考试日期 for 开考时间), by column (alternativesRead once a table). */
export function standingFor(table: TableSpec, header: TableHeader): (column: ColumnSpec) => readonly string[] {
  const alternatives = alternativesRead(table, header);
  return (column) => (alternatives ? (column.standsFor ?? []).filter((key) => !header.columns.has(key)) : []);
}

/** A 备注 kept beside a form that prints none, as text (a number typed there is its text). */
function noteBeside(item: FormRecord, key: string, value: CellValue): void {
  if (!isBlank(value) && (typeof value === 'string' || typeof value === 'number')) item[key] = String(value).trim();
}

/** Nothing typed in the header's columns: what is filled down (filledDown) is no record (review 21a D8). */
function isBlankRow(index: SheetIndex, row: number, section: Pick<Section, 'cols' | 'fillWords' | 'codeCol'>): boolean {
  const { cols } = section;
  for (const c of cols) {
    const v = index.value(row, c);
    if (!isBlank(v) && !filledDown(index, row, c, v, section)) return false;
  }
  return true;
}

/**
 * A footer's label where the table's stop labels are found (收卷人：) ends it, unless it is a record's: in its 备注
 * beside values, or on a row with figures in the table's count columns (“收卷人：赵敏代收” as a 备注: review 21a D4).
 */
function endsAtLabel(index: SheetIndex, row: number, col: number | undefined, { right, noteCol, cols, countCols }: Section): boolean {
  if (col === undefined || col > right) return false;
  if (countCols.some((c) => typeof index.value(row, c) === 'number')) return false;
  return col !== noteCol || cols.every((c) => c === noteCol || isBlank(index.value(row, c)));
}

const NO_COUNTS_TYPED: ReadonlyMap<string, string> = new Map();

/** How the rows under one header are read: its columns, its edges, its 序号 and 备注 columns, the units its labels give. */
interface Section {
  header: TableHeader;
  present: Array<{ column: ColumnSpec; col: number }>;
  alternatives: boolean;
  cols: number[];
  left: number;
  right: number;
  rowCol: number;
  /** Each path's cell column, for the locations: an alternative column's cell is where the values it stands for are (考试时间 for 开考时间 and 结束时间). */
  columns: Array<{ path: string; col: number }>;
  headerUnits: ReadonlyMap<string, string>;
  noteCol: number | undefined;
  /** The date column kept before a time column (ColumnSpec.dateColumn), by the time column's key. Empty for most tables. */
  dateCols: ReadonlyMap<string, number>;
  /** The columns of free text (试卷号, 试卷名称), where a day's heading is no value. */
  textCols: ReadonlySet<number>;
  /** The time columns (取卷时间), where a day's heading alone on its row is none either (review 21a D9). */
  timeCols: ReadonlySet<number>;
  /** The count columns (数量), whose figures make a row a record. */
  countCols: readonly number[];
  /** A drop-down column's words (单位: 袋, 份), by column: filled down the empty rows, no record (review 21a D8). */
  fillWords: ReadonlyMap<number, readonly string[]>;
  /** The first 试卷号 column, where a formula filled down is no record's only while it shows the row above's paper. */
  codeCol: number | undefined;
  /** The first text column, where a day's heading “6.21” stands alone (day-headings.ts). */
  firstText: number | undefined;
}

/** A column's date column labels (ColumnSpec.dateColumn) as compared: normalised once, not for every header cell (20 µs a table). */
function dateLabelsOf(column: ColumnSpec): readonly string[] {
  let labels = DATE_LABELS.get(column);
  if (!labels) DATE_LABELS.set(column, (labels = (column.dateColumn ?? []).map(normalizeLabel)));
  return labels;
}
const DATE_LABELS = new WeakMap<ColumnSpec, readonly string[]>();

/**
 * The header's date columns before its time columns (取卷日期 before 取卷时间; 日期 beside 时间 under 出库): on the header's
 * rows, in a cell no column took.
 */
function dateColumnsOf(index: SheetIndex, table: TableSpec, header: TableHeader): Map<string, number> {
  const dateCols = new Map<string, number>();
  const taken = new Set(header.columns.values());
  for (const column of table.columns) {
    if (!column.dateColumn || !header.columns.has(column.key)) continue;
    for (let row = header.top; row < header.dataStart; row++) {
      const labels = dateLabelsOf(column);
      const cell = index.rowTexts(row).find((t) => !taken.has(t.col) && labels.includes(t.norm));
      if (cell) {
        dateCols.set(column.key, cell.col);
        break;
      }
    }
    const under = dateCols.has(column.key) ? undefined : dateUnderGroup(index, header, column, taken);
    if (under) dateCols.set(column.key, under.col);
  }
  return dateCols;
}

function sectionOf(index: SheetIndex, table: TableSpec, header: TableHeader): Section {
  const present: Array<{ column: ColumnSpec; col: number }> = [];
  const alternatives = alternativesRead(table, header);
  for (const column of table.columns) {
    const col = header.columns.get(column.key);
    if (col !== undefined && (alternatives || !isAlternative(column))) present.push({ column, col });
  }
  const cols = [...header.columns.values()];
  const stoodFor = standingFor(table, header);
  const dateCols = dateColumnsOf(index, table, header);
  // Each column's key and those it stands for, then a time column's date column (`vaultLog[3].takenAt.date`: where a finding
  // about the day points), each at its cell: in plain loops, where flatMap and spreads cost a table some 10 µs.
  const columns: Array<{ path: string; col: number }> = [];
  for (const { column, col } of present) for (const path of [column.key, ...stoodFor(column)]) columns.push({ path, col });
  for (const [key, col] of dateCols) columns.push({ path: datePartOf(key), col });
  return {
    header,
    present,
    alternatives,
    cols,
    left: Math.max(0, Math.min(...cols, header.seqCol ?? Infinity)),
    right: Math.max(...cols),
    rowCol: header.seqCol ?? Math.min(...cols),
    columns,
    headerUnits: unitsInHeader(index, header, table),
    noteCol: noteColumn(index, header),
    dateCols,
    textCols: new Set(present.filter(({ column }) => column.type === 'text').map(({ col }) => col)),
    timeCols: new Set(present.filter(({ column }) => column.type === 'datetime').map(({ col }) => col)),
    countCols: present.filter(({ column }) => column.type === 'count').map(({ col }) => col),
    fillWords: new Map(present.filter(({ column }) => column.helper && column.options).map(({ column, col }) => [col, column.options!])),
    codeCol: present.find(({ column }) => column.code)?.col,
    firstText: present.find(({ column }) => column.type === 'text')?.col,
  };
}

export function readTable(index: SheetIndex, table: TableSpec, header: TableHeader, out: FormRead, ctx: DateContext, stopLabels: readonly string[]): number {
  let section = sectionOf(index, table, header);
  let { present, alternatives, left, right, headerUnits, noteCol, dateCols } = section;
  // A header pasted again with its columns moved (table-header.ts `moved`): the rows under it are read by its columns.
  let nextMoved = 0;
  const rows: FormRecord[] = [];
  const grid: TableGrid = { rows: [], seqs: [], rowCol: section.rowCol, columns: section.columns };
  out.table = { at: out.locations.length, grid };
  // A row with one of the labels after the table (as matchLabel finds it), left of the table's right edge, ends it.
  const stops = index.labelColumns(stopLabels, { top: header.dataStart, right: header.moved.length > 0 ? Infinity : right });
  let blankRun = 0;
  let totalRead = false;
  const parts: PartTotalRead[] = [];
  let closedAt: { row: number; col: number; word: string } | undefined;
  // Indexed loops below, over lists made once: a for-of in each row of a long log made an iterator there.
  const relative = table.columns.filter((column) => column.relativeTo);
  let r = header.dataStart;
  const last = index.sheet.rows.length - 1;
  let rowDates = ctx; // the day of the heading above (day-headings.ts): a time typed alone below is read on it
  let dayFrom: number | undefined; // the rows read when the last day's heading was: a day's 小计 covers those after it
  for (; r <= last; r++) {
    if (nextMoved < header.moved.length && r === header.moved[nextMoved].dataStart) {
      const moved = header.moved[nextMoved++];
      section = sectionOf(index, table, { ...header, ...moved, columns: new Map(moved.columns), moved: [] });
      ({ present, alternatives, left, right, headerUnits, noteCol, dateCols } = section);
      (grid.moved ??= []).push({ from: grid.rows.length, rowCol: section.rowCol, columns: section.columns });
    }
    const at = section.header;
    const lead = firstText(index, r, left, right, at.seqCol);
    // 合计 at the table's foot ends it; one with rows of the table below it, or a subtotal (小计, 本页合计), is a part's
    // total: kept for column-total with the rows it covers, the rows below read on (review 21a D1, D5, D6).
    const totalWord = isTotalWord(lead);
    if (totalWord || isPartTotal(lead)) {
      const part: PartTotalRead = { row: r, word: lead, upTo: rows.length, ...(dayFrom !== undefined && { dayFrom }), ...totalsOn(index, table, at, r) };
      if (totalWord && !goesOnBelow(index, r, section, stops)) {
        // A table with no 合计 row of its own (附件3): its foot's 合计 is checked as a part, over every row above it.
        if (table.total) readTotal(table, r, part, out);
        else parts.push({ ...part, foot: true });
        totalRead = true;
        r++;
        break;
      }
      parts.push(part);
      continue;
    }
    // The header's labels again (a page pasted from its header): no row of data.
    if (header.again.has(r)) continue;
    if (lead.startsWith('备注')) break;
    // A label of the lines below (收卷人签字：): the table has ended (review 17b D4). 以下空白 typed under the last row is no
    // row (17b D9); rows filled in below it are read all the same — movements the printout shows, a checkout never
    // returned among them — and said once at it (review 18a D5). The 合计 row under it is the table's.
    const end = endsTable(index, r, section);
    if (end === 'label') break;
    if (end === 'note') {
      const under = datesUnderHeading(index, r, section, ctx, rowDates);
      if (under !== rowDates) dayFrom = rows.length;
      rowDates = under;
      continue;
    }
    if (end) {
      closedAt ??= { row: r, ...end };
      continue;
    }
    if (endsAtLabel(index, r, stops.get(r), section)) break;
    const blank = isBlankRow(index, r, section);
    // “6.21” alone in 试卷号, 序号 or a time column: a day's heading where the exam's days tell it (day-headings.ts).
    const dotted = dottedHeading(index, r, section, ctx, blank);
    if (dotted) {
      if ('unclear' in dotted) (out.unclearHeadings ??= []).push({ row: r, col: dotted.col, ...dotted.unclear });
      rowDates = datesUnderDotted(dotted, ctx);
      dayFrom = rows.length;
      blankRun = 0;
      continue;
    }
    if (blank) {
      if (++blankRun >= BLANK_RUN_END) break;
      continue;
    }
    blankRun = 0;
    const item: FormRecord = {};
    // Made only for a row with a count typed as text ("16份"): most rows have none.
    let countsTyped: Map<string, string> | undefined;
    const i = rows.length;
    const seqValue = at.seqCol !== undefined ? parseCount(index.value(r, at.seqCol)) : undefined;
    const seq = typeof seqValue === 'number' && Number.isInteger(seqValue) && seqValue > 0 ? seqValue : i + out.voided.length + 1;
    // 作废 in its 备注, its 序号 or beside it, or struck through as on paper (voided.ts).
    const voided = voidedRow(index, at, noteCol, { row: r, left, right }, seq);
    if (voided) {
      out.voided.push(voided);
      continue;
    }
    grid.rows.push(r);
    grid.seqs.push(seq);
    if (closedAt) {
      const below = (out.closedAbove ??= { ...closedAt, rows: [], seqs: [] });
      below.rows.push(r);
      below.seqs.push(seq);
    }
    for (let k = 0; k < present.length; k++) {
      const { column, col } = present[k];
      let raw = index.tableValue(r, col, at.dataStart);
      // A time of day beside its date column (取卷日期 | 取卷时间): the two read as one.
      const dateCol = dateCols.size > 0 ? dateCols.get(column.key) : undefined;
      if (dateCol !== undefined) {
        const date = index.tableValue(r, dateCol, at.dataStart);
        raw = dateAndTime(date, raw, ctx) ?? timeOnUnreadDate(date, raw) ?? raw;
      }
      if (column.dittoAbove && carryDitto(raw, column.key, item, rows[i - 1], i, out.carried)) continue;
      const start = column.relativeTo && isRelativeDay(raw) ? dayContext(item[column.relativeTo]) : undefined;
      // “2207 2”, “2207 2208”: never run into one paper 22072, 22072208 (code-cells.ts).
      const value =
        codeCellValue(column, raw, i, out) ?? convert(column, raw, start ? { ...ctx, ...start, autumn: false } : column.relativeTo ? ctx : rowDates);
      if (value !== undefined) item[column.key] = value;
      if (column.type === 'count' && typeof raw === 'string') (countsTyped ??= new Map()).set(column.key, raw);
    }
    // 还卷时间 "10:50" or "15日10时" written short: on its row's 取卷时间's day, as 附件5's 至 continues its 值班时间.
    for (let k = 0; k < relative.length; k++) continueDate(item, relative[k].key, relative[k].relativeTo!, ctx);
    if (table.noteBeside && noteCol !== undefined) noteBeside(item, table.noteBeside, index.tableValue(r, noteCol, at.dataStart));
    if (alternatives) table.fromAlternatives?.(item);
    // "16份" / "1箱" typed in the count: its word is the row's unit unless the row's own 单位 cell says one; "6袋" in 箱 stays as typed.
    settleUnits(item, table, countsTyped ?? NO_COUNTS_TYPED, headerUnits);
    keepBagsInside(item, countsTyped?.get('quantity'));
    rows.push(item);
  }
  out.record[table.key] = rows;
  // The last part's total with no row of the table after it and no 合计 under it is the table's (本页合计 on the one page).
  const lastPart = parts[parts.length - 1];
  if (!totalRead && table.total && lastPart?.upTo === rows.length) readTotal(table, parts.pop()!.row, lastPart, out);
  if (parts.length > 0 && (table.total || table.partTotals)) out.partTotals = parts;
  noteTwins(index, header, grid.rows, out);
  return r;
}

/**
 * Whether the table goes on below the total at row `r`: the next row that is not blank, a note, a heading or a closing
 * word is another total, or a row of the table — its 试卷号 (or every column it cannot do without) filled in. A line
 * under the table (收卷人签字：, 备注, a label of the form's) or anything else: the total is the table's, at its foot.
 */
function goesOnBelow(index: SheetIndex, r: number, section: Section, stops: ReadonlyMap<number, number>): boolean {
  const { left, right, header } = section;
  const last = index.sheet.rows.length - 1;
  for (let row = r + 1, blanks = 0; row <= last && blanks < BLANK_RUN_END; row++) {
    if (header.again.has(row)) continue;
    const lead = firstText(index, row, left, right, header.seqCol);
    if (isTotalWord(lead) || isPartTotal(lead)) return true;
    if (lead.startsWith('备注') || endsAtLabel(index, row, stops.get(row), section)) return false;
    const end = endsTable(index, row, section);
    if (end === 'label') return false;
    if (end) continue;
    if (isBlankRow(index, row, section)) {
      blanks++;
      continue;
    }
    return isRecordRow(index, row, section);
  }
  return false;
}

/** A row of the table for certain: its first code column (试卷号) filled in, or, in a table with none, every needed column. */
function isRecordRow(index: SheetIndex, row: number, { present, header }: Section): boolean {
  const filled = (col: number) => !isBlank(index.tableValue(row, col, header.dataStart));
  const code = present.find(({ column }) => column.code);
  if (code) return filled(code.col);
  const needed = present.filter(({ column }) => column.needed);
  return needed.length > 0 && needed.every(({ col }) => filled(col));
}

/**
 * A column headed twice by visible cells, both filled in and not alike (取卷时间 over F and G, F's times not G's): the
 * checks read one (table-header.ts), and the other's header cell is located at `columnTwice.KEY` — with the header cell
 * read at `columnTwice.KEY.read` — for column-headed-twice to say which is read and what to do. Alike, or one empty:
 * nothing to say.
 */
function noteTwins(index: SheetIndex, header: TableHeader, rows: readonly number[], out: FormRead): void {
  let marked = false;
  for (const [key, twin] of header.twins) {
    const col = header.columns.get(key)!;
    const differ = rows.some((r) => {
      const [a, b] = [index.value(r, col), index.value(r, twin)];
      return isBlank(a) !== isBlank(b) || (!isBlank(a) && String(a) !== String(b));
    });
    if (!differ || !rows.some((r) => !isBlank(index.value(r, twin)))) continue;
    // The table's mark that it has such a column (`vaultLog.columnTwice`), once: the rule asks its columns only then.
    if (!marked) out.locations.push({ path: COLUMN_TWICE, row: header.top, col: twin, seq: null });
    marked = true;
    out.locations.push({ path: columnTwicePath(key), row: header.top, col: twin, seq: null });
    out.locations.push({ path: `${columnTwicePath(key)}.read`, row: header.top, col, seq: null });
  }
}

/** The table's 合计: its figures into the record, each located at its cell. */
function readTotal(table: TableSpec, r: number, { values, cols }: Pick<PartTotalRead, 'values' | 'cols'>, out: FormRead): void {
  const total = table.total;
  if (!total) return;
  for (const [key, c] of Object.entries(cols)) {
    const path = total.columns.length === 1 ? total.key : `${total.key}.${key}`;
    if (values[key] !== undefined) setPath(out.record, path, values[key]);
    out.locations.push({ path, row: r, col: c, seq: null });
  }
}

/**
 * "15日8时" or "8时" after "2024年6月14日20时" is 2024-06-15 08:00 (continuedDateTime). With nothing
 * after it, the start's cell may hold the whole period (“2025年1月6日16时至6日20时”, splitPeriod): true.
 */
export function continueDate(item: FormRecord, key: string, after: string, ctx: DateContext): boolean {
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
