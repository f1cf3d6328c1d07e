/**
 * Draws a form's layout as a sheet, blank or filled with one record of the
 * data model. Values are written as the data gives them, right or wrong:
 * checking them is the validator's job.
 */
import { dateFromWallClock, parseIso } from '../model/datetime';
import type { SiteInfo } from '../model/types';
import { CellValue, a1, columnLetter, rangeA1 } from '../model/grid';
import type { DraftCell, DraftFormatRule, DraftStyle, DraftValidation, SheetDraft } from './draft';
import { fittedToPages } from './page-breaks';
import { BlockSpec, BoxRow, ColumnSpec, FieldLine, FieldSpec, FormLayout, FormRecord, TableSpec, layoutWidth, printedColumns } from './layout';
import { CELL_PADDING, displayText, formText } from './measure';
import { valueAt } from '../model/location';
import { unitFormatRules, unitTotalCell, unitTotalFormula } from './unit-formats';

const DATETIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const HIDE_ZERO = '0;-0;;@';

/** A label that long goes on its own row above its value. */
const STACKED_LABEL_CHARS = 20;
const LINE_HEIGHT = 20;

interface Canvas {
  layout: FormLayout;
  width: number;
  widths: number[];
  cells: DraftCell[];
  merges: string[];
  heights: Record<number, number>;
  validations: DraftValidation[];
  boxes: string[];
  formatRules: DraftFormatRule[];
  row: number;
}

/**
 * The words a unit's name may already end with, for the suffix a title prints
 * after it: "长沙分校" is not printed "长沙分校分校（学院）".
 */
const SUFFIX_WORDS: Record<string, readonly string[]> = {
  '分校（学院）': ['分校', '学院'],
  考点: ['考点'],
  学期: ['学期'],
};

function placeholderTitle(template: string, site: SiteInfo | undefined, record: FormRecord | undefined): string {
  const values: Record<string, string | undefined> = {
    semester: (record?.semester as string | undefined) ?? site?.semester,
    branch: site?.branch,
    school: site?.school,
    examSite: site?.examSite,
  };
  return template.replace(/\{(\w+)\}(分校（学院）|考点|学期)?/g, (_, key: string, suffix: string | undefined) => {
    const v = values[key]?.trim();
    if (!v) return (key === 'branch' ? '湖南分部' : '______') + (suffix ?? '');
    const carried = suffix !== undefined && SUFFIX_WORDS[suffix].some((word) => v.endsWith(word));
    return carried ? v : v + (suffix ?? '');
  });
}

/** A date column is as wide as its longest date prints, filled or blank. */
const LONGEST_DATE = new Date(Date.UTC(2024, 11, 28, 23, 59));

function columnWidth(column: ColumnSpec): number {
  const fmt = numFmtFor(column);
  if (!fmt) return column.width;
  return Math.max(column.width, Math.ceil(formText.textUnits(displayText(LONGEST_DATE, fmt), 10.5) + CELL_PADDING));
}

function columnWidths(layout: FormLayout): number[] {
  if (layout.blocks) return [...(layout.blocks.sideLabel ? [4] : []), layout.blocks.kindWidth, ...layout.blocks.widths];
  if (!layout.table) return [22, 30, 18, 18].slice(0, layout.columns ?? 4);
  const columns = [...printedColumns(layout.table), ...layout.table.columns.filter((c) => c.helper)];
  return [...(layout.table.sideLabel ? [5] : []), 6, ...columns.map(columnWidth)];
}

function put(canvas: Canvas, row: number, col: number, value: CellValue, style: DraftStyle, extra: Partial<DraftCell> = {}): void {
  canvas.cells.push({ row, col, value, style, ...extra });
}

function merge(canvas: Canvas, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  canvas.merges.push(rangeA1({ top, left, bottom, right }));
}

/** The number format of a field's cell, filled or blank: dates and times show as Chinese dates. */
function numFmtFor(field: FieldSpec): string | undefined {
  if (field.numFmt) return field.numFmt;
  if (field.type === 'datetime') return DATETIME_FORMAT;
  if (field.type === 'date') return DATE_FORMAT;
  return undefined;
}

/** A value as the sheet shows it: real dates for readable times, names joined with 、. */
function cellValueFor(field: FieldSpec, value: unknown): { value: CellValue; numFmt?: string } {
  if (value === undefined || value === null) return { value: null };
  switch (field.type) {
    case 'datetime':
    case 'date': {
      const t = typeof value === 'string' ? parseIso(value) : undefined;
      // A time on the hour prints as the source writes it, "8时", not "8时00分".
      if (t) return { value: dateFromWallClock(t), numFmt: t.minute === 0 ? numFmtFor(field)?.replace('h"时"mm"分"', 'h"时"') : numFmtFor(field) };
      return { value: String(value) };
    }
    case 'bool':
      return { value: value === true ? '是' : value === false ? '否' : String(value) };
    case 'signers':
    case 'multi':
      return { value: Array.isArray(value) ? value.join('、') : String(value) };
    case 'count':
      return { value: typeof value === 'number' ? value : String(value) };
    default:
      return { value: typeof value === 'string' || typeof value === 'number' ? value : String(value) };
  }
}

function validationFor(field: FieldSpec, range: string): DraftValidation | undefined {
  switch (field.type) {
    case 'count':
      return { range, type: 'whole', prompt: field.prompt ?? '请填写不小于0的整数', strict: true };
    case 'datetime':
    case 'date':
      return { range, type: 'date', prompt: field.prompt ?? '如：2024年1月6日 8:30', strict: false };
    case 'enum':
      return { range, type: 'list', options: field.options, prompt: field.prompt, strict: true };
    case 'bool':
      return { range, type: 'list', options: ['是', '否'], prompt: field.prompt, strict: true };
    default:
      return field.prompt ? { range, type: 'prompt', prompt: field.prompt, strict: false } : undefined;
  }
}

function addValidation(canvas: Canvas, field: FieldSpec, range: string): void {
  const v = validationFor(field, range);
  if (v) canvas.validations.push(v);
}

/** The label as this form prints it, with its colon. */
function printedLabel(field: FieldSpec): string {
  return `${field.printAs ?? field.label}${field.bare ? '' : '：'}`;
}

/** How many of the segment's columns its label needs. */
function labelSpan(canvas: Canvas, left: number, segment: number, label: string): number {
  const need = Math.min(formText.textUnits(label) + CELL_PADDING, 40);
  let span = 1;
  let w = canvas.widths[left];
  while (span < segment - 1 && w < need) {
    w += canvas.widths[left + span];
    span++;
  }
  return span;
}

/** The widest text a field's value cell takes on one line: its longest date under its format, or its blank, whichever is wider. */
function widestValue(field: FieldSpec): Pick<DraftCell, 'holds'> {
  const fmt = numFmtFor(field);
  const texts = [field.blank ?? '', fmt ? displayText(LONGEST_DATE, fmt) : ''];
  const widest = texts.reduce((a, b) => (formText.textUnits(b) >= formText.textUnits(a) ? b : a));
  return widest === '' ? {} : { holds: widest };
}

/** The value cell of a field: the data's value, or what the empty form prints there; wide enough for the widest it takes. */
function putValue(canvas: Canvas, row: number, col: number, field: FieldSpec, record: FormRecord | undefined, style: DraftStyle = 'value'): void {
  const v = cellValueFor(field, record ? valueAt(record, field.key) : undefined);
  const extra = widestValue(field);
  if (v.value === null && field.blank) put(canvas, row, col, field.blank, style, extra);
  else put(canvas, row, col, v.value, style, { numFmt: v.numFmt ?? numFmtFor(field), ...extra });
}

/** A long label over its value's area, the whole width (附件2's 入库情况描述). */
function drawStackedField(canvas: Canvas, field: FieldSpec, record: FormRecord | undefined, left: number, look: FormLayout['fieldLines']): void {
  const right = canvas.width - 1;
  const top = canvas.row;
  put(canvas, canvas.row, left, printedLabel(field), look === 'cells' ? 'label' : 'open');
  merge(canvas, canvas.row, left, canvas.row, right);
  canvas.row++;
  putValue(canvas, canvas.row, left, field, record, look === 'cells' ? 'value' : 'boxText');
  merge(canvas, canvas.row, left, canvas.row, right);
  canvas.heights[canvas.row] = LINE_HEIGHT * (field.lines ?? 2);
  addValidation(canvas, field, a1(canvas.row, left));
  if (look === 'boxed') canvas.boxes.push(rangeA1({ top, left, bottom: canvas.row, right }));
  canvas.row++;
}

/** One line of labelled fields side by side, from column `left` to the form's right edge. */
function drawFieldLine(canvas: Canvas, line: FieldLine, record: FormRecord | undefined, left0 = 0, look: FormLayout['fieldLines'] = 'cells'): void {
  if (line.length === 1 && line[0].label.length > STACKED_LABEL_CHARS) {
    drawStackedField(canvas, line[0], record, left0, look);
    return;
  }
  const width = canvas.width - left0;
  const style = look === 'cells' ? undefined : 'open';
  let left = left0;
  line.forEach((field, i) => {
    const segment = i === line.length - 1 ? width - (left - left0) : Math.floor(width / line.length);
    const span = labelSpan(canvas, left, segment, printedLabel(field));
    put(canvas, canvas.row, left, printedLabel(field), style ?? 'label');
    merge(canvas, canvas.row, left, canvas.row, left + span - 1);
    const valueLeft = left + span;
    const valueRight = left + segment - 1;
    const valueStyle = style ?? ((field.lines ?? 1) > 1 ? 'area' : 'value');
    putValue(canvas, canvas.row, valueLeft, field, record, valueStyle);
    for (let c = valueLeft + 1; c <= valueRight; c++) put(canvas, canvas.row, c, null, valueStyle);
    merge(canvas, canvas.row, valueLeft, canvas.row, valueRight);
    addValidation(canvas, field, a1(canvas.row, valueLeft));
    left += segment;
  });
  if (look === 'boxed') canvas.boxes.push(rangeA1({ top: canvas.row, left: left0, bottom: canvas.row, right: canvas.width - 1 }));
  canvas.heights[canvas.row] = LINE_HEIGHT * (line[0].lines ?? 1.3);
  canvas.row++;
}

/** The table's columns as drawn: the printed ones, then the helpers right of the print area. */
function columnsOf(table: TableSpec): ColumnSpec[] {
  return [...printedColumns(table), ...table.columns.filter((c) => c.helper)];
}

function sumFormula(col: number, fromRow: number, toRow: number): string {
  const letter = columnLetter(col);
  return `SUM(${letter}${fromRow + 1}:${letter}${toRow + 1})`;
}

function numeric(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The table: header row(s), data rows (at least the printed blank rows), 合计. Returns the header's last row. */
function drawTable(canvas: Canvas, record: FormRecord | undefined): number {
  const table = canvas.layout.table!;
  const firstCol = table.sideLabel ? 1 : 0;
  const colOf = (i: number): number => firstCol + 1 + i;
  const grouped = columnsOf(table).some((c) => c.group);
  const headerTop = canvas.row;
  const headerBottom = grouped ? headerTop + 1 : headerTop;

  put(canvas, headerTop, firstCol, '序号', 'header');
  merge(canvas, headerTop, firstCol, headerBottom, firstCol);
  let i = 0;
  while (i < columnsOf(table).length) {
    const column = columnsOf(table)[i];
    if (column.group) {
      let j = i;
      while (j + 1 < columnsOf(table).length && columnsOf(table)[j + 1].group === column.group) j++;
      put(canvas, headerTop, colOf(i), column.group, 'header');
      for (let c = colOf(i) + 1; c <= colOf(j); c++) put(canvas, headerTop, c, null, 'header');
      merge(canvas, headerTop, colOf(i), headerTop, colOf(j));
      for (let k = i; k <= j; k++) put(canvas, headerBottom, colOf(k), columnsOf(table)[k].label, 'header');
      i = j + 1;
    } else {
      put(canvas, headerTop, colOf(i), column.label, 'header');
      if (grouped) put(canvas, headerBottom, colOf(i), null, 'header');
      merge(canvas, headerTop, colOf(i), headerBottom, colOf(i));
      i++;
    }
  }
  if (grouped) put(canvas, headerBottom, firstCol, null, 'header');
  for (let r = headerTop; r <= headerBottom; r++) canvas.heights[r] = LINE_HEIGHT * 1.6;
  canvas.row = headerBottom + 1;

  const rows = (record ? valueAt(record, table.key) : undefined) as FormRecord[] | undefined;
  const count = Math.max(table.blankRows, rows?.length ?? 0);
  const firstData = canvas.row;
  for (let n = 0; n < count; n++) {
    const r = canvas.row;
    const item = rows?.[n];
    put(canvas, r, firstCol, n + 1, 'cellCenter');
    columnsOf(table).forEach((column, k) => drawTableCell(canvas, r, colOf(k), column, item));
    canvas.heights[r] = LINE_HEIGHT;
    canvas.row++;
  }
  const lastData = canvas.row - 1;
  columnsOf(table).forEach((column, k) => addValidation(canvas, column, `${a1(firstData, colOf(k))}:${a1(lastData, colOf(k))}`));
  columnsOf(table).forEach((column, k) => {
    const unitAt = columnsOf(table).findIndex((c) => c.key === column.unitFrom);
    const range = `${a1(firstData, colOf(k))}:${a1(lastData, colOf(k))}`;
    if (unitAt >= 0) canvas.formatRules.push(...unitFormatRules(range, colOf(unitAt), columnsOf(table)[unitAt].options ?? []));
  });

  if (table.total) drawTotal(canvas, record, rows, firstData, lastData, colOf);
  if (table.sideLabel) {
    put(canvas, headerTop, 0, table.sideLabel, 'side');
    for (let r = headerTop + 1; r < canvas.row; r++) put(canvas, r, 0, null, 'side');
    merge(canvas, headerTop, 0, canvas.row - 1, 0);
  }
  return headerBottom;
}

function drawTableCell(canvas: Canvas, r: number, col: number, column: ColumnSpec, item: FormRecord | undefined): void {
  const table = canvas.layout.table!;
  const given = item ? valueAt(item, column.key) : undefined;
  // Counts, choices, dates and codes stay on one line: their column is made wide enough.
  const oneLine = column.code || ['count', 'enum', 'bool', 'datetime', 'date'].includes(column.type);
  const style: DraftStyle = oneLine ? 'cellCenter' : 'cell';
  if (table.rowSum && table.rowSum.key === column.key && given === undefined && item) {
    // The template's own formula stays where the data leaves the row total out.
    const first = columnsOf(table).findIndex((c) => c.key === table.rowSum!.of[0]);
    const last = columnsOf(table).findIndex((c) => c.key === table.rowSum!.of[table.rowSum!.of.length - 1]);
    const offset = col - columnsOf(table).findIndex((c) => c.key === column.key);
    const result = table.rowSum.of.reduce((s, k) => s + numeric(valueAt(item, k)), 0);
    put(canvas, r, col, result, style, { formula: `SUM(${a1(r, offset + first)}:${a1(r, offset + last)})` });
    return;
  }
  // A count's unit is printed by the column's unit formats, from the helper cell written beside it.
  put(canvas, r, col, cellValueFor(column, given).value, style, { numFmt: numFmtFor(column) });
}

function drawTotal(
  canvas: Canvas,
  record: FormRecord | undefined,
  rows: FormRecord[] | undefined,
  firstData: number,
  lastData: number,
  colOf: (i: number) => number,
): void {
  const table = canvas.layout.table!;
  const total = table.total!;
  const r = canvas.row;
  const firstCol = table.sideLabel ? 1 : 0;
  const firstTotalIndex = columnsOf(table).findIndex((c) => total.columns.includes(c.key));
  put(canvas, r, firstCol, '合计', 'total');
  for (let c = firstCol + 1; c < colOf(firstTotalIndex); c++) put(canvas, r, c, null, 'total');
  merge(canvas, r, firstCol, r, colOf(firstTotalIndex) - 1);
  columnsOf(table).forEach((column, k) => {
    if (!total.columns.includes(column.key)) {
      if (k > firstTotalIndex && !column.helper) put(canvas, r, colOf(k), null, 'total');
      return;
    }
    const given = record ? (total.columns.length === 1 ? valueAt(record, total.key) : valueAt(record, `${total.key}.${column.key}`)) : undefined;
    const unitAt = columnsOf(table).findIndex((c) => c.key === column.unitFrom);
    if (unitAt >= 0) {
      // Rows in different units: the 合计 per unit (unit-formats.ts).
      const range = (c: number) => `${a1(firstData, c)}:${a1(lastData, c)}`;
      const formula = unitTotalFormula(range(colOf(k)), range(colOf(unitAt)), columnsOf(table)[unitAt].options ?? []);
      const cell = unitTotalCell(given, rows ?? [], { count: column.key, unit: columnsOf(table)[unitAt].key }, formula);
      put(canvas, r, colOf(k), cell.value, 'total', { formula: cell.formula, numFmt: cell.numFmt });
    } else if (given !== undefined) {
      put(canvas, r, colOf(k), cellValueFor(column, given).value, 'total');
    } else {
      const result = (rows ?? []).reduce((s, item) => {
        const v = valueAt(item, column.key);
        if (v !== undefined) return s + numeric(v);
        if (table.rowSum?.key === column.key) return s + table.rowSum.of.reduce((t, key) => t + numeric(valueAt(item, key)), 0);
        return s;
      }, 0);
      // A blank form prints an empty 合计, not a 0.
      put(canvas, r, colOf(k), result, 'total', { formula: sumFormula(colOf(k), firstData, lastData), numFmt: HIDE_ZERO });
    }
  });
  canvas.heights[r] = LINE_HEIGHT;
  canvas.row++;
}

/** Splits columns [left, right] into `n` runs of about equal width, at column edges. */
function splitColumns(widths: readonly number[], left: number, right: number, n: number): Array<[number, number]> {
  const total = widths.slice(left, right + 1).reduce((a, b) => a + b, 0);
  const runs: Array<[number, number]> = [];
  let start = left;
  let acc = 0;
  for (let c = left; c <= right && runs.length < n - 1; c++) {
    acc += widths[c];
    if (acc >= (total * (runs.length + 1)) / n && c < right) {
      runs.push([start, c]);
      start = c + 1;
    }
  }
  runs.push([start, right]);
  return runs;
}

/** 附件1's boxes: each field "label：value" in one cell, or its label over an area; one outline per box. */
function drawBoxes(canvas: Canvas, boxes: BoxRow, record: FormRecord | undefined): void {
  const top = canvas.row;
  const runs = splitColumns(canvas.widths, 0, canvas.width - 1, boxes.length);
  let bottom = top;
  boxes.forEach((fields, b) => {
    const [left, right] = runs[b];
    let row = top;
    const line = (value: CellValue, height: number, field?: FieldSpec, numFmt?: string): void => {
      put(canvas, row, left, value, field?.under ? 'boxText' : 'open', { numFmt });
      merge(canvas, row, left, row, right);
      canvas.heights[row] = Math.max(canvas.heights[row] ?? 0, height);
      if (field) addValidation(canvas, field, a1(row, left));
      row++;
    };
    let printed: string | undefined;
    for (const field of fields) {
      const label = field.printAs ?? field.label;
      const v = cellValueFor(field, record ? valueAt(record, field.key) : undefined);
      if (field.under) {
        if (printed !== label) line(printedLabel(field), LINE_HEIGHT * 1.3);
        line(v.value, LINE_HEIGHT * (field.lines ?? 3), field, v.numFmt);
      } else {
        line(`${printedLabel(field)}${v.value === null ? '' : String(v.value)}`, LINE_HEIGHT * 1.3, field);
      }
      printed = label;
    }
    canvas.boxes.push(rangeA1({ top, left, bottom: row - 1, right }));
    bottom = Math.max(bottom, row);
  });
  canvas.row = bottom;
}

/** The blocks of one page (附件5: 日间 then 夜间), each with its kind down its side. */
function drawBlocks(canvas: Canvas, blocks: BlockSpec, record: FormRecord | undefined): void {
  const items = (record ? (valueAt(record, blocks.key) as Array<FormRecord | undefined> | undefined) : undefined) ?? [];
  const kindCol = blocks.sideLabel ? 1 : 0;
  const first = canvas.row;
  blocks.kinds.forEach((kind, k) => {
    const item = items[k];
    const top = canvas.row;
    for (const line of blocks.lines) drawFieldLine(canvas, line, item, kindCol + 1);
    const given = item ? valueAt(item, blocks.kindKey) : undefined;
    put(canvas, top, kindCol, given === undefined || given === null ? kind : String(given), 'side');
    for (let r = top + 1; r < canvas.row; r++) put(canvas, r, kindCol, null, 'side');
    merge(canvas, top, kindCol, canvas.row - 1, kindCol);
    canvas.validations.push({ range: a1(top, kindCol), type: 'list', options: blocks.kinds, strict: false });
  });
  if (blocks.sideLabel) {
    put(canvas, first, 0, blocks.sideLabel, 'side');
    for (let r = first + 1; r < canvas.row; r++) put(canvas, r, 0, null, 'side');
    merge(canvas, first, 0, canvas.row - 1, 0);
  }
}

/** Draws one form; `record` absent gives the blank template. */
export function renderForm(layout: FormLayout, sheetName: string, site?: SiteInfo, record?: FormRecord): SheetDraft {
  const widths = columnWidths(layout);
  const canvas: Canvas = {
    layout,
    width: layoutWidth(layout),
    widths,
    cells: [],
    merges: [],
    heights: {},
    validations: [],
    boxes: [],
    formatRules: [],
    row: 0,
  };
  const sheetRecord = record && layout.adapt ? layout.adapt.toSheet(record) : record;
  const w = canvas.width;
  if (layout.caption) {
    put(canvas, canvas.row, 0, layout.caption, 'caption');
    merge(canvas, canvas.row, 0, canvas.row, Math.min(1, w - 1));
    canvas.row++;
  }
  put(canvas, canvas.row, 0, placeholderTitle(layout.title, site, record), 'title');
  merge(canvas, canvas.row, 0, canvas.row, w - 1);
  canvas.heights[canvas.row] = 30;
  canvas.row++;
  let header = layout.header;
  if (layout.subtitle) {
    const beside = layout.subtitleColumns && header.length > 0 ? layout.subtitleColumns : 0;
    put(canvas, canvas.row, 0, placeholderTitle(layout.subtitle, site, record), 'subtitle');
    merge(canvas, canvas.row, 0, canvas.row, beside ? beside - 1 : w - 1);
    if (beside) {
      drawFieldLine(canvas, header[0], sheetRecord, beside, layout.fieldLines);
      header = header.slice(1);
    } else canvas.row++;
  }
  for (const line of header) drawFieldLine(canvas, line, sheetRecord, 0, layout.fieldLines);
  let titleRows: string | undefined;
  let tableEnd = 0;
  if (layout.table) {
    const headerBottom = drawTable(canvas, sheetRecord);
    tableEnd = canvas.row;
    // Every page of a long form says what it belongs to: the title and the lines under it (考点, 学期, 日期, 接收单位…) repeat with the table's header.
    titleRows = `1:${headerBottom + 1}`;
  }
  if (layout.blocks) drawBlocks(canvas, layout.blocks, sheetRecord);
  if (layout.boxes) drawBoxes(canvas, layout.boxes, sheetRecord);
  for (const line of layout.footer) drawFieldLine(canvas, line, sheetRecord, 0, layout.fieldLines);
  if (layout.notes.length > 0) {
    // One paragraph, as the source prints its 备注.
    put(canvas, canvas.row, 0, layout.notes.join(''), 'note');
    merge(canvas, canvas.row, 0, canvas.row, w - 1);
    canvas.row++;
  }
  const draft: SheetDraft = {
    name: sheetName,
    form: layout.id,
    cells: canvas.cells,
    merges: canvas.merges,
    widths,
    heights: canvas.heights,
    validations: canvas.validations,
    ...(canvas.boxes.length > 0 ? { boxes: canvas.boxes } : {}),
    ...(canvas.formatRules.length > 0 ? { formatRules: canvas.formatRules } : {}),
    print: {
      landscape: layout.landscape,
      area: `A1:${a1(canvas.row - 1, w - 1)}`,
      titleRows,
      fitToHeight: 1,
    },
  };
  return fittedToPages(draft, tableEnd);
}
