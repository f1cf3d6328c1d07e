/**
 * How the summary sheets look and print: fonts, fills, A4 landscape pages
 * (fit to one page wide, as many pages down as it takes, the header rows
 * repeated on each), tables drawn from their declared columns, conditional
 * formats, signature lines.
 */
import ExcelJS from 'exceljs';
import {
  BODY_PT,
  Cell,
  Column,
  bracketLine,
  wordLines,
  ShowContext,
  headerLines,
  headerText,
  headerWidth,
  linesOf,
  listLines,
  numFmtOf,
  rowHeightFor,
  runsOnAt,
  sheetValue,
} from '../../../summary/columns';
import type { Lang } from '../../../summary/columns';
import { PAGE_FOOTER, ROWS_LEFT_OUT, SIGNATURE_LINE } from '../../../summary/words';
import { LIMITS } from '../../../model/limits';
import { upright, uprightHeight, uprightText } from './upright';

export const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Conditional-format fills use bgColor. */
export const ERROR_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' } },
};
export const WARNING_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } },
  font: { color: { argb: 'FF9C5700' } },
};
export const GOOD_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } },
  font: { color: { argb: 'FF006100' } },
};
/** A row whose figures are in no total (a workbook of another semester): grey. */
export const ASIDE_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9D9D9' } },
  font: { color: { argb: 'FF595959' } },
};
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };

/** Either kind of exceljs workbook: the ordinary one (browser, add-in) or the streaming writer (thousands of rows). */
export type AnyWorkbook = Pick<ExcelJS.Workbook, 'addWorksheet'>;

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A4 landscape, one page wide and as many pages down as the table needs,
 * `titleRows` repeated at the top of each. The tables are laid out to fit one
 * page width at a readable size (`printScale`), never squeezed onto one page.
 * The side margins are Excel's narrow ones (0.25 inch, as `printScale`
 * reckons): 站点汇总's 22 columns print at 9 pt or more in English too.
 */
function a4Landscape(titleRows?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.25, right: 0.25, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

/**
 * A new sheet, A4 landscape, with its view. Everything the streaming writer
 * writes at the top of a sheet must be given here, at creation.
 */
export function newSheet(
  wb: AnyWorkbook,
  name: string,
  view: { xSplit?: number; ySplit?: number; gridLines?: boolean },
  titleRows?: string,
  lang: Lang = 'zh',
): ExcelJS.Worksheet {
  const frozen = (view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0;
  const topLeft = `${colLetter((view.xSplit ?? 0) + 1)}${(view.ySplit ?? 0) + 1}`;
  return wb.addWorksheet(name, {
    views: [
      frozen
        ? {
            state: 'frozen',
            xSplit: view.xSplit ?? 0,
            ySplit: view.ySplit ?? 0,
            topLeftCell: topLeft,
            activeCell: topLeft,
            showGridLines: view.gridLines ?? true,
          }
        : { showGridLines: view.gridLines ?? true },
    ],
    pageSetup: a4Landscape(titleRows),
    headerFooter: { oddFooter: PAGE_FOOTER[lang] } as ExcelJS.HeaderFooter,
  } as Partial<ExcelJS.AddWorksheetOptions>);
}

/** Ends a sheet: the streaming writer writes it out now; an ordinary workbook keeps it. */
export function finish(ws: ExcelJS.Worksheet): void {
  const commit = (ws as unknown as { commit?: () => void }).commit;
  if (typeof commit === 'function') commit.call(ws);
}

/**
 * A column's width in a sheet written in `lang`: as declared (for the Chinese
 * header and the values), in English wide enough for the longest English
 * word its values are shown as (To be corrected: a word does not break). An
 * English header is not widened for: a word of it that does not fit stands
 * upright (`upright`). Widened for their headers' words, the English sheets
 * printed at 6.9–8.9 pt. In Chinese, each word of its header whole (headerWidth: 考场次, not 考场 / 次).
 */
export function columnWidth(column: Pick<Column<never>, 'header' | 'width' | 'words' | 'runsOn'>, lang: Lang): number {
  // A word that runs on over the cells beside it (runsOn) needs no room of its own.
  const words = lang === 'en' && !column.runsOn ? Object.values(column.words ?? {}).flatMap((w) => w.en.split(/\s+/)) : [];
  // A Chinese header's words each whole on a line (接收 / 交接单: headerText).
  let width = lang === 'zh' ? Math.max(column.width, headerWidth(column.header.zh)) : column.width;
  while (words.some((word) => linesOf(word, width) > 1)) width++;
  return width;
}

/**
 * A header row: bold, filled, boxed, wrapped (a bracketed unit on a line of its own: headerText) or upright, as tall as its longest header needs in its column.
 * From column `first` (1-based; `widths` are the headers' own columns' widths); a row already taller is left so.
 */
export function styleHeader(row: ExcelJS.Row, headers: readonly string[], widths: readonly number[], first = 1): void {
  headers.forEach((h, i) => {
    const cell = row.getCell(first + i);
    const up = upright(h, widths[i] ?? 8);
    cell.value = up ? uprightText(h, widths[i] ?? 8) : headerText(h, widths[i] ?? 8);
    cell.font = { name: FONT, size: BODY_PT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = up
      ? { horizontal: 'center', vertical: 'bottom', textRotation: 90, wrapText: true }
      : { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.height = Math.max(row.height ?? 0, headerHeight(headers, widths));
}

/** The height of a header row (styleHeader's): its longest header's lines in its column, or its longest upright header. */
export function headerHeight(headers: readonly string[], widths: readonly number[]): number {
  const lines = headers.map((h, i) => (upright(h, widths[i] ?? 8) ? 1 : headerLines(h, widths[i] ?? 8)));
  const tall = headers.map((h, i) => (upright(h, widths[i] ?? 8) ? uprightHeight(h, widths[i] ?? 8) : 0));
  return Math.max(rowHeightFor(Math.max(1, ...lines)), ...tall);
}

/**
 * The styles of a table's cells, one object per column, shared by all its
 * cells: the writer recognises a style object it has seen and does not render
 * it again, which keeps a table of a hundred thousand rows fast to write. A
 * shared style is never changed through a cell (no `cell.font = …` on them).
 */
export interface TableStyles {
  /** Each column's cells: at the top of the row, long-text columns wrapped, its number format. */
  plain: Array<Partial<ExcelJS.Style>>;
  /** The same, wrapped: for a text too wide for a column that is not declared long-text. */
  wrapped: Array<Partial<ExcelJS.Style>>;
}

export function tableStyles(columns: ReadonlyArray<Column<never>>, lang: Lang, extra: Partial<ExcelJS.Style> = {}): TableStyles {
  const style = (c: Column<never>, wrap: boolean): Partial<ExcelJS.Style> => {
    const numFmt = numFmtOf(c, lang);
    return { ...extra, alignment: wrap ? WRAP : TOP, ...(numFmt ? { numFmt } : {}) };
  };
  return { plain: columns.map((c) => style(c, Boolean(c.wrap))), wrapped: columns.map((c) => style(c, true)) };
}

/** A cell left without a value: exceljs writes it as blank (its style kept). */
const isBlankCell = (value: Cell): value is null | '' => value === null || value === '';

/** A table row as it is written: each cell's shown value and style, and the row's height (undefined: the default). */
export interface ShownRow {
  values: Cell[];
  styles: Array<Partial<ExcelJS.Style>>;
  height: number | undefined;
}

/**
 * The shown values of a raw row, each cell's style, and the row's height: as
 * tall as its longest wrapped text (spreadsheets do not grow a row for wrapped
 * text on their own). `widths` are those of the sheet's columns the row's
 * cells land in.
 */
export function shownRow(
  columns: ReadonlyArray<Column<never>>,
  raw: readonly (Cell | undefined)[],
  widths: readonly number[],
  ctx: ShowContext,
  styles: TableStyles,
): ShownRow {
  let lines = 1;
  const values: Cell[] = [];
  const cellStyles: Array<Partial<ExcelJS.Style>> = [];
  columns.forEach((col, i) => {
    const value = sheetValue(col, raw[i], ctx);
    let style = styles.plain[i];
    let shown = value;
    if (typeof value === 'string' && !runsOnAt(col, raw[i])) {
      // A list of names broken after its separators here: a spreadsheet breaks Chinese between any two characters.
      if (col.names && linesOf(value, widths[i] ?? 8) > 1) shown = listLines(value, widths[i] ?? 8);
      // A figure's word (附件3 未能读取): broken between its words only.
      else if (col.wrapped?.includes(String(raw[i]))) shown = wordLines(value, widths[i] ?? 8);
      else shown = bracketLine(value, widths[i] ?? 8);
      const need = linesOf(shown as string, widths[i] ?? 8);
      if (need > 1) {
        style = styles.wrapped[i];
        lines = Math.max(lines, need);
      }
    }
    values.push(shown);
    cellStyles.push(style);
  });
  return { values, styles: cellStyles, height: lines > 1 ? rowHeightFor(lines) : undefined };
}

/** Writes a shown row (shownRow) into exceljs's `row`: its values, their styles and the row's height. */
export function fillRow(row: ExcelJS.Row, shown: ShownRow): void {
  shown.values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    if (!isBlankCell(value)) cell.value = value;
    cell.style = shown.styles[i];
  });
  if (shown.height !== undefined) row.height = shown.height;
}

/**
 * exceljs's streaming worksheet (4.4, pinned in package-lock.json), as far as
 * `directRows` writes into it.
 */
interface StreamingSheet {
  stream: { write(text: string): void };
  startedData: boolean;
  useSharedStrings: boolean;
  _rowZero: number;
  _rows: unknown[];
  _workbook: { styles: { addStyleModel(style: object, cellType: number): number }; sharedStrings: { add(text: string): number } };
}

function isStreamingSheet(ws: unknown): ws is StreamingSheet {
  const s = ws as Partial<StreamingSheet> | undefined;
  return (
    typeof s?.stream?.write === 'function' &&
    s.startedData === true &&
    s.useSharedStrings === true &&
    typeof s._rowZero === 'number' &&
    Array.isArray(s._rows) &&
    s._rows.length === 0 &&
    typeof s._workbook?.styles?.addStyleModel === 'function' &&
    typeof s._workbook?.sharedStrings?.add === 'function'
  );
}

/** Rows joined into one write to the sheet's stream. */
const ROWS_PER_WRITE = 64;

/**
 * The rows of a long table written straight into exceljs's streaming sheet:
 * the very XML its row and cell writers make for a row of plain values (the
 * same style ids and shared strings, asked of its registries in the same
 * order), without a Row and Cell object and an XML builder per cell, which
 * cost 1.6 µs a cell: 试卷明细 of 3,000 sites has half a million cells. A
 * test holds the two ways to the same bytes. Undefined for any other sheet
 * (an ordinary workbook, a sheet with rows pending): those go through exceljs.
 */
export function directRows(ws: ExcelJS.Worksheet, width: number): { add(shown: ShownRow): void; end(): void } | undefined {
  if (!isStreamingSheet(ws)) return undefined;
  const sheet = ws;
  const { styles, sharedStrings } = sheet._workbook;
  const letters = Array.from({ length: width }, (_x, i) => colLetter(i + 1));
  const { Null: BLANK, Number: NUMBER, String: TEXT } = ExcelJS.ValueType;
  // Asked for every cell, as exceljs asks: its registry knows a style object it has seen.
  const styleAttr = (style: object, type: number): string => {
    const id = styles.addStyleModel(style, type);
    return id ? ` s="${id}"` : '';
  };
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) sheet.stream.write(pending.join(''));
    pending = [];
  };
  return {
    add(shown: ShownRow): void {
      const r = sheet._rowZero;
      sheet._rowZero = r + 1;
      // exceljs leaves out a row with neither a value nor a height (its number is still taken).
      if (shown.height === undefined && shown.values.every(isBlankCell)) return;
      let xml = `<row r="${r}"${shown.height !== undefined ? ` ht="${shown.height}" customHeight="1"` : ''} spans="1:${width}" x14ac:dyDescent="0.25">`;
      for (let i = 0; i < width; i++) {
        const value = shown.values[i];
        const at = `${letters[i]}${r}`;
        if (isBlankCell(value)) {
          const s = styleAttr(shown.styles[i], BLANK);
          if (s) xml += `<c r="${at}"${s}/>`;
        } else if (typeof value === 'number') xml += `<c r="${at}"${styleAttr(shown.styles[i], NUMBER)}><v>${value}</v></c>`;
        else xml += `<c r="${at}"${styleAttr(shown.styles[i], TEXT)} t="s"><v>${sharedStrings.add(value)}</v></c>`;
      }
      pending.push(`${xml}</row>`);
      if (pending.length >= ROWS_PER_WRITE) flush();
    },
    end: flush,
  };
}

/**
 * A sheet for one table (tableSheet fills it): its header in row 1, or in row
 * 2 under a title; title and header frozen and printed atop every page.
 */
export function newTableSheet(wb: AnyWorkbook, name: string, lang: Lang, titled = false): ExcelJS.Worksheet {
  const top = titled ? 2 : 1;
  return newSheet(wb, name, { ySplit: top }, `1:${top}`, lang);
}

/** The height of a table's title row (points): 14 pt bold. */
const TITLE_PT = 24;

/**
 * Fills a sheet of newTableSheet's with its table, filtered; returns its last
 * row (its header's when it has none).
 * Rows are written out as they are added, so thousands of them cost no memory. Body cells boxed: unboxed, 0 set
 * right beside 01、02 set left read “001、02” (review round 9); the box is in each column's one shared style, no cost a cell.
 */
export async function tableSheet(
  ws: ExcelJS.Worksheet,
  columns: ReadonlyArray<Column<never>>,
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>,
  ctx: ShowContext,
  options: {
    signature?: boolean;
    /** The sheet's last row (Excel's; tests set fewer): a longer table ends there with a row saying how many are left out. */
    lastRow?: number;
    /** A title in row 1, across the table (the sheet made by newTableSheet titled): the header is then row 2. */
    title?: string;
    /** The columns' widths, when not as declared (columnWidth). */
    widths?: readonly number[];
    /** Said in the first row when there is none (未发现问题): a printed list of nothing but its header says nothing. */
    empty?: string;
    /** Lines under the table, above the signature, each across the page, wrapped, its row as tall as it needs. */
    notes?: readonly string[];
  } = {},
): Promise<number> {
  const widths = options.widths ?? columns.map((c) => columnWidth(c, ctx.lang));
  widths.forEach((w, i) => {
    // exceljs writes no width for a column 9 wide (its default): a spreadsheet shows it 8.43 wide.
    ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
  });
  const styles = tableStyles(columns, ctx.lang, { border: BOX });
  if (options.title !== undefined) {
    // Above the filter's range (from the header down), merged: it is not sorted with the rows.
    const title = ws.addRow([options.title]);
    title.getCell(1).font = { name: FONT, size: 14, bold: true };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = TITLE_PT;
    ws.mergeCells(1, 1, 1, columns.length);
    title.commit();
  }
  const top = options.title !== undefined ? 2 : 1;
  const header = ws.addRow([]);
  header.values = columns.map((c) => c.header[ctx.lang]);
  styleHeader(
    header,
    columns.map((c) => c.header[ctx.lang]),
    widths,
  );
  header.commit();
  let count = 0;
  // The rows under the header to the last: a table that does not fit ends a row early, with a row saying what was left out.
  const lastRow = options.lastRow ?? LIMITS.rowNumber;
  const room = lastRow - top - 1;
  let left = 0;
  let firstLeft: readonly Cell[] | undefined;
  const direct = directRows(ws, columns.length);
  const add = (shown: ShownRow) => {
    if (direct) direct.add(shown);
    else {
      const row = ws.addRow([]);
      fillRow(row, shown);
      row.commit();
    }
    count++;
  };
  for await (const r of rows) {
    if (count < room) add(shownRow(columns, r, widths, ctx, styles));
    else if (left++ === 0) firstLeft = r;
  }
  // Unwrapped, a note reads on across the empty cells to its right.
  const noteRow = (note: string) => add({ values: columns.map((_c, i) => (i === 0 ? note : null)), styles: styles.plain, height: undefined });
  if (left === 1) add(shownRow(columns, firstLeft!, widths, ctx, styles));
  else if (left > 1) noteRow(ROWS_LEFT_OUT[ctx.lang](left, lastRow));
  else if (count === 0 && options.empty !== undefined) noteRow(options.empty);
  direct?.end();
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: count + top, column: columns.length } };
  let at = count + top + 2;
  const across = widths.reduce((a, w) => a + w, 0);
  for (const note of options.notes ?? []) for (const part of noteParts(note, across)) noteUnder(ws, at++, part, across, widths.length);
  if (options.signature) signature(ws, at + Number(Boolean(options.notes?.length)), columns.length, ctx.lang);
  return count + top;
}

/** The most lines of a row under a table: Excel's highest row, 409 pt, at 11 pt. */
const NOTE_ROW_LINES = Math.floor((409 - 3) / Math.ceil(BODY_PT * 1.35));

/**
 * A note under a table in parts of at most NOTE_ROW_LINES lines `across` wide, each a row of its own: a note of a
 * thousand cells' names is longer than one row holds, and the rest would be cut off as in the cell it left.
 */
export function noteParts(text: string, across: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (linesOf(rest, across) > NOTE_ROW_LINES) {
    // The longest head that fits: at most a character a width unit a line.
    let [lo, hi] = [1, Math.min(rest.length, (NOTE_ROW_LINES + 1) * Math.ceil(across))];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (linesOf(rest.slice(0, mid), across) <= NOTE_ROW_LINES) lo = mid;
      else hi = mid - 1;
    }
    parts.push(rest.slice(0, lo));
    rest = rest.slice(lo);
  }
  return [...parts, rest];
}

/** A line under a table (tableSheet's `notes`) in row `at`, merged across its `span` columns (`across` wide), wrapped, as tall as its text. */
function noteUnder(ws: ExcelJS.Worksheet, at: number, text: string, across: number, span: number): void {
  const row = ws.getRow(at);
  row.getCell(1).value = text;
  row.getCell(1).font = { name: FONT, size: BODY_PT };
  row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  row.height = rowHeightFor(linesOf(text, across));
  ws.mergeCells(at, 1, at, span);
  row.commit();
}

/** The signature line's row: 30 points, room to sign above the line. */
export const SIGNATURE_PT = 30;

/** 制表人 / 审核人 / 日期, in row `at` across `span` columns. */
export function signature(ws: ExcelJS.Worksheet, at: number, span: number, lang: Lang): void {
  const row = ws.getRow(at);
  row.getCell(1).value = SIGNATURE_LINE[lang];
  row.getCell(1).font = { name: FONT, size: 12 };
  row.getCell(1).alignment = { vertical: 'bottom' };
  row.height = SIGNATURE_PT;
  ws.mergeCells(at, 1, at, Math.max(1, span));
  row.commit();
}
