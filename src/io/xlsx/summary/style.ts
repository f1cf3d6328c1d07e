/**
 * How the summary sheets look and print: fonts, fills, A4 landscape pages
 * (fit to one page wide, as many pages down as it takes, the header rows
 * repeated on each), tables drawn from their declared columns, conditional
 * formats, signature lines.
 */
import ExcelJS from 'exceljs';
import { BODY_PT, Cell, Column, ShowContext, linesOf, rowHeightFor, show, widthFor } from '../../../summary/columns';
import type { Lang } from '../../../summary/columns';
import { PAGE_FOOTER, SEVERITY_WORDS, SIGNATURE_LINE } from '../../../summary/words';

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
 */
function a4Landscape(titleRows?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
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

/** A header row: bold, filled, boxed, wrapped, as tall as its longest header needs in its column. */
export function styleHeader(row: ExcelJS.Row, headers: readonly string[], widths: readonly number[]): void {
  let lines = 1;
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: FONT, size: BODY_PT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    lines = Math.max(lines, linesOf(h, widths[i] ?? 8, BODY_PT + 0.5));
  });
  row.height = rowHeightFor(lines);
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

export function tableStyles(columns: ReadonlyArray<Column<never>>, extra: Partial<ExcelJS.Style> = {}): TableStyles {
  const style = (c: Column<never>, wrap: boolean): Partial<ExcelJS.Style> => ({
    ...extra,
    alignment: wrap ? WRAP : TOP,
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  });
  return { plain: columns.map((c) => style(c, Boolean(c.wrap))), wrapped: columns.map((c) => style(c, true)) };
}

/**
 * Writes the shown values of a raw row into `row`, and makes the row as tall
 * as its longest wrapped text (spreadsheets do not grow a row for wrapped
 * text on their own). `widths` are those of the sheet's columns the row's
 * cells land in.
 */
export function fillRow(
  row: ExcelJS.Row,
  columns: ReadonlyArray<Column<never>>,
  raw: readonly (Cell | undefined)[],
  widths: readonly number[],
  ctx: ShowContext,
  styles: TableStyles,
): void {
  let lines = 1;
  columns.forEach((col, i) => {
    const value = show(col, raw[i], ctx);
    const cell = row.getCell(i + 1);
    if (value !== null && value !== '') cell.value = value;
    let style = styles.plain[i];
    if (typeof value === 'string') {
      const need = linesOf(value, widths[i] ?? 8);
      if (need > 1) {
        style = styles.wrapped[i];
        lines = Math.max(lines, need);
      }
    }
    cell.style = style;
  });
  if (lines > 1) row.height = rowHeightFor(lines);
}

/**
 * A sheet that is one table: header in row 1, frozen, filtered, printable.
 * Rows are written out as they are added, so thousands of them cost no memory;
 * body cells carry only what they need (wrapping, a number format): with
 * thousands of rows, a font and a border on every cell would triple the time
 * to write the file.
 */
export async function tableSheet(
  wb: AnyWorkbook,
  name: string,
  columns: ReadonlyArray<Column<never>>,
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>,
  ctx: ShowContext,
  options: { signature?: boolean } = {},
): Promise<{ ws: ExcelJS.Worksheet; last: number }> {
  const ws = newSheet(wb, name, { ySplit: 1 }, '1:1', ctx.lang);
  const widths = columns.map((c) => (ctx.lang === 'zh' ? c.width : widthFor(c.width, [c.header.en])));
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const styles = tableStyles(columns);
  const header = ws.addRow([]);
  header.values = columns.map((c) => c.header[ctx.lang]);
  styleHeader(
    header,
    columns.map((c) => c.header[ctx.lang]),
    widths,
  );
  header.commit();
  let count = 0;
  for await (const r of rows) {
    const row = ws.addRow([]);
    fillRow(row, columns, r, widths, ctx, styles);
    row.commit();
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: columns.length } };
  if (options.signature) signature(ws, count + 3, columns.length, ctx.lang);
  return { ws, last: count + 1 };
}

/** 制表人 / 审核人 / 日期, in row `at` across `span` columns. */
export function signature(ws: ExcelJS.Worksheet, at: number, span: number, lang: Lang): void {
  const row = ws.getRow(at);
  row.getCell(1).value = SIGNATURE_LINE[lang];
  row.getCell(1).font = { name: FONT, size: 12 };
  row.getCell(1).alignment = { vertical: 'bottom' };
  row.height = 30;
  ws.mergeCells(at, 1, at, Math.max(1, span));
  row.commit();
}

/** Colours whole rows where a column says 错误 / 警告. */
export function severityRows(ws: ExcelJS.Worksheet, lastCol: number, firstRow: number, lastRow: number, col: number, lang: Lang): void {
  if (lastRow < firstRow) return;
  const c = colLetter(col);
  ws.addConditionalFormatting({
    ref: `A${firstRow}:${colLetter(lastCol)}${lastRow}`,
    rules: [
      { type: 'expression', priority: 1, formulae: [`$${c}${firstRow}="${SEVERITY_WORDS.error[lang]}"`], style: ERROR_STYLE },
      { type: 'expression', priority: 2, formulae: [`$${c}${firstRow}="${SEVERITY_WORDS.warning[lang]}"`], style: WARNING_STYLE },
    ],
  });
}

export function cellRule(ws: ExcelJS.Worksheet, ref: string, formula: string, style: Partial<ExcelJS.Style>, priority = 3): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority, formulae: [formula], style }] });
}

export function dataBar(ws: ExcelJS.Worksheet, ref: string, color: string, max?: number): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'dataBar',
        priority: 10,
        minLength: 0,
        maxLength: 100,
        cfvo: [{ type: 'num', value: 0 }, max === undefined ? { type: 'max' } : { type: 'num', value: max }],
        color: { argb: color },
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  });
}
