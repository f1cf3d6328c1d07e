/**
 * New sheets in WPS Spreadsheets: 表单 (a blank form drawn from the same
 * SheetDraft the template files are written from: values, formulas, number
 * formats, the look of each named style, merges, widths, heights) and 汇总
 * (the site's summary table, with a column chart where the build allows).
 *
 * Values go in with one Value2 write per sheet; styles are set on runs of
 * like cells in a row, so the calls grow with the form's layout, not its size.
 * Number formats that follow other cells are written (a count's unit), and
 * the template files' data validation and page setup (form-setup.ts).
 */
import { type DraftCell, type DraftStyle, type SheetDraft, formatRuleFormula } from '../../forms/draft';
import { a1, columnLetter, parseRange } from '../../model/grid';
import { SummaryTable, summarySheetFormats, summarySheetValues } from '../../taskpane/summary-table';
import { EtObject, XL, activeWorkbook, addWorksheet, bgrOf, deleteWorksheet, get, rangeOf, sheetName, worksheets } from './et';
import { addWpsValidations, setWpsPageSetup } from './form-setup';
import { serialFromDate } from '../../model/number-format';

export const SUMMARY_SHEET = '汇总';

interface Look {
  size: number;
  bold?: boolean;
  horizontal: number;
  vertical: number;
  wrap?: boolean;
  border?: boolean;
  /** Stacked characters down the side (xlVertical). */
  stacked?: boolean;
}

const LOOKS: Record<DraftStyle, Look> = {
  caption: { size: 11, bold: true, horizontal: XL.left, vertical: XL.center },
  title: { size: 16, bold: true, horizontal: XL.center, vertical: XL.center, wrap: true },
  subtitle: { size: 11, horizontal: XL.left, vertical: XL.center },
  label: { size: 11, horizontal: XL.left, vertical: XL.center, wrap: true, border: true },
  value: { size: 11, horizontal: XL.left, vertical: XL.center, wrap: true, border: true },
  header: { size: 11, bold: true, horizontal: XL.center, vertical: XL.center, wrap: true, border: true },
  cell: { size: 10.5, horizontal: XL.left, vertical: XL.center, wrap: true, border: true },
  cellCenter: { size: 10.5, horizontal: XL.center, vertical: XL.center, border: true },
  total: { size: 11, bold: true, horizontal: XL.center, vertical: XL.center, border: true },
  side: { size: 11, bold: true, horizontal: XL.center, vertical: XL.center, border: true, stacked: true },
  note: { size: 10, horizontal: XL.left, vertical: XL.top, wrap: true },
  boxText: { size: 11, horizontal: XL.left, vertical: XL.top, wrap: true },
  open: { size: 11, horizontal: XL.left, vertical: XL.center, wrap: true },
  area: { size: 11, horizontal: XL.left, vertical: XL.top, wrap: true, border: true },
};
const FONT = '宋体';
const XL_VERTICAL = -4166;

function uniqueName(taken: Set<string>, wanted: string): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted} (${n})`;
  return name;
}

/** A new worksheet after the last one, named as asked (or "name (2)" when taken). */
function addSheet(workbook: EtObject, wanted: string): EtObject {
  const all = worksheets(workbook);
  const taken = new Set(all.map(sheetName));
  const ws = addWorksheet(workbook, all[all.length - 1]);
  ws.Name = uniqueName(taken, wanted);
  return ws;
}

function applyLook(range: EtObject, look: Look): void {
  const font = get(range, 'Font');
  font.Name = FONT;
  font.Size = look.size;
  if (look.bold) font.Bold = true;
  range.HorizontalAlignment = look.horizontal;
  range.VerticalAlignment = look.vertical;
  if (look.wrap) range.WrapText = true;
  if (look.stacked) range.Orientation = XL_VERTICAL;
  if (look.border) {
    const borders = get(range, 'Borders');
    borders.LineStyle = XL.continuous;
    borders.Weight = XL.thin;
  }
}

/** Cells of a row with the same style and format, side by side: one range each. */
function runs(cells: readonly DraftCell[]): Array<{ row: number; left: number; right: number; style: DraftStyle; numFmt?: string }> {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: Array<{ row: number; left: number; right: number; style: DraftStyle; numFmt?: string }> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === c.row && last.right === c.col - 1 && last.style === c.style && last.numFmt === c.numFmt) last.right = c.col;
    else out.push({ row: c.row, left: c.col, right: c.col, style: c.style, numFmt: c.numFmt });
  }
  return out;
}

function writeDraft(ws: EtObject, draft: SheetDraft): void {
  const height = Math.max(0, ...draft.cells.map((c) => c.row + 1));
  const width = Math.max(draft.widths.length, ...draft.cells.map((c) => c.col + 1));
  if (height > 0 && width > 0) {
    const values: Array<Array<string | number | boolean>> = Array.from({ length: height }, () => Array(width).fill(''));
    for (const c of draft.cells) {
      if (c.formula || c.value === null) continue;
      values[c.row][c.col] = c.value instanceof Date ? serialFromDate(c.value) : c.value;
    }
    for (const run of runs(draft.cells)) {
      const range = rangeOf(ws, `${a1(run.row, run.left)}:${a1(run.row, run.right)}`);
      if (run.numFmt) range.NumberFormat = run.numFmt;
      applyLook(range, LOOKS[run.style]);
    }
    rangeOf(ws, `A1:${a1(height - 1, width - 1)}`).Value2 = values;
    for (const c of draft.cells) if (c.formula) rangeOf(ws, a1(c.row, c.col)).Formula = `=${c.formula}`;
  }
  for (const m of draft.merges) get(rangeOf(ws, m), 'Merge');
  addFormatRules(ws, draft);
  // A box (附件1's 移交/接收, a line printed as one cell) is outlined, with no lines inside.
  for (const box of draft.boxes ?? []) get(rangeOf(ws, box), 'BorderAround', XL.continuous, XL.thin);
  draft.widths.forEach((w, i) => (rangeOf(ws, `${columnLetter(i)}1`).ColumnWidth = w));
  for (const [row, h] of Object.entries(draft.heights)) rangeOf(ws, `A${Number(row) + 1}`).RowHeight = h;
}

/**
 * Number formats that follow other cells (附件1's and 附件3's 数量 print the
 * 单位 picked beside them): a condition on each cell, its formula naming its
 * own row's cell outright. Excel's object model, which WPS's follows, reads a
 * relative formula given to FormatConditions.Add from the active cell, not
 * from the range: a fixed reference means the same wherever the cursor is.
 */
function addFormatRules(ws: EtObject, draft: SheetDraft): void {
  for (const rule of draft.formatRules ?? []) {
    const box = parseRange(rule.range);
    if (!box) continue;
    for (let row = box.top; row <= box.bottom; row++) {
      for (let col = box.left; col <= box.right; col++) {
        const conditions = get(rangeOf(ws, a1(row, col)), 'FormatConditions');
        const condition = get(conditions, 'Add', XL.expression, undefined, `=${formatRuleFormula(rule, row, true)}`);
        condition.NumberFormat = rule.numFmt;
      }
    }
  }
}

/** What inserting forms gave: the sheets' names, and how many validations or page settings this build refused. */
export interface InsertedForms {
  names: string[];
  refused: number;
}

/** Inserts the drafted sheets after the last sheet, with their validation and page setup, and activates the first. */
export function insertWpsDrafts(app: EtObject, drafts: readonly SheetDraft[]): InsertedForms {
  const workbook = activeWorkbook(app);
  const names: string[] = [];
  let refused = 0;
  let first: EtObject | undefined;
  for (const draft of drafts) {
    const ws = addSheet(workbook, draft.name);
    writeDraft(ws, draft);
    refused += addWpsValidations(ws, draft) + setWpsPageSetup(ws, draft);
    names.push(sheetName(ws));
    first = first ?? ws;
  }
  if (first) get(first, 'Activate');
  return { names, refused };
}

function removeSheet(app: EtObject, workbook: EtObject, name: string): void {
  const old = worksheets(workbook).find((ws) => sheetName(ws) === name);
  // A build that cannot delete it: the new one is 汇总 (2).
  if (old) deleteWorksheet(app, old);
}

/** Writes (or rewrites) the 汇总 sheet: the table in one Value2 write, a header, borders, a column chart. */
export function writeWpsSummary(app: EtObject, table: SummaryTable): string {
  const workbook = activeWorkbook(app);
  removeSheet(app, workbook, SUMMARY_SHEET);
  const ws = addSheet(workbook, SUMMARY_SHEET);
  const width = table.header.length;
  const last = columnLetter(width - 1);
  const values = summarySheetValues(table);
  // Formats first: a text written into a General cell is taken for a number (考场 “01” becomes 1); times are written
  // as dates, their format showing them as the page does. One write per run of a format down a column.
  summaryFormatRuns(summarySheetFormats(table)).forEach(({ col, from, to, format }) => {
    rangeOf(ws, `${a1(from, col)}:${a1(to, col)}`).NumberFormat = format;
  });
  rangeOf(ws, `A1:${last}${values.length}`).Value2 = values;
  const title = rangeOf(ws, `A1:${last}1`);
  get(title, 'Merge');
  get(title, 'Font').Bold = true;
  get(title, 'Font').Size = 14;
  const headerRow = 4;
  const totalRow = headerRow + 1 + table.rows.length;
  const head = rangeOf(ws, `A${headerRow}:${last}${headerRow}`);
  get(head, 'Font').Bold = true;
  get(head, 'Interior').Color = bgrOf('#DDEBF7');
  get(rangeOf(ws, `A${totalRow}:${last}${totalRow}`), 'Font').Bold = true;
  const borders = get(rangeOf(ws, `A${headerRow}:${last}${totalRow}`), 'Borders');
  borders.LineStyle = XL.continuous;
  borders.Weight = XL.thin;
  get(get(rangeOf(ws, `A1:${last}${values.length}`), 'Columns'), 'AutoFit');
  if (table.rows.length > 0) addChart(ws, table, headerRow, totalRow, values.length);
  get(ws, 'Activate');
  return `${SUMMARY_SHEET}!A1:${last}${values.length}`;
}

/** The formats of a sheet's cells as runs down each column (0-based rows and column), General left as it is. */
function summaryFormatRuns(formats: readonly string[][]): Array<{ col: number; from: number; to: number; format: string }> {
  const runs: Array<{ col: number; from: number; to: number; format: string }> = [];
  const width = formats[0]?.length ?? 0;
  for (let col = 0; col < width; col++) {
    for (let from = 0; from < formats.length;) {
      let to = from;
      while (to + 1 < formats.length && formats[to + 1][col] === formats[from][col]) to++;
      if (formats[from][col] !== 'General') runs.push({ col, from, to, format: formats[from][col] });
      from = to + 1;
    }
  }
  return runs;
}

/** 份数 and 考生数 by paper as clustered columns; a build without charts keeps the table alone. */
function addChart(ws: EtObject, table: SummaryTable, headerRow: number, totalRow: number, tableRows: number): void {
  try {
    const [copies, candidates] = table.chartColumns.map(columnLetter);
    const source = rangeOf(
      ws,
      `A${headerRow}:A${totalRow - 1},${copies}${headerRow}:${copies}${totalRow - 1},${candidates}${headerRow}:${candidates}${totalRow - 1}`,
    );
    const top = (tableRows + 2) * 15;
    const chart = get(get(get(ws, 'ChartObjects'), 'Add', 10, top, 480, 260), 'Chart');
    get(chart, 'SetSourceData', source);
    chart.ChartType = XL.columnClustered;
    chart.HasTitle = true;
    get(chart, 'ChartTitle').Text = table.title;
  } catch {
    // The table is what matters; some builds have no chart objects.
  }
}
