/**
 * The findings section of a site's 汇总 sheet. A message runs to 100–200
 * characters and the sheet's columns are the paper table's, none wider than
 * 试卷名称: wrapped in one of them, a message took 4–11 lines, the right half
 * of the page empty. So 说明 comes last, after 严重程度, 问题 and 位置, and a
 * finding's texts are broken into lines here, a line a row, none wrapped:
 * each line of the message runs on over the empty cells beside it to the
 * page's right edge (and a 位置 of two lines does not leave a gap in it). No merged cells, so that a site with a hundred
 * thousand findings is written in linear time; a finding's rows are filled in
 * its severity's colour across the sheet (the section has no filter to sort
 * them apart).
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../../model/finding';
import { type Cell, DEFAULT_ROW_PT, type ShowContext, breakLines, rowOf, sheetValue } from '../../../summary/columns';
import { type PlacedFinding, SITE_FINDING_COLUMNS } from '../../../summary/tables-site';
import { sheetShown } from '../../../forms/form-place';
import type { SheetForm } from '../../../model/site-model';
import type { Lang } from '../../../rules/types';
import type { Pages } from './pages';
import { type ShownRow, fillRow, styleHeader } from './style';

/**
 * The part of the message's columns a line is measured to fill: the fonts a
 * printer puts in for 宋体 run a little wider than 2 units a character, and a
 * line past the last column is cut off in print.
 */
const MESSAGE_ROOM = 0.88;

const MESSAGE = SITE_FINDING_COLUMNS.length - 1;
/** A cell's padding, in width units (linesOf's). */
const CELL_PADDING = 1.5;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const COLOURS: Record<string, Partial<ExcelJS.Style>> = {
  error: { fill: solid('FFFFC7CE'), font: { color: { argb: 'FF9C0006' } } },
  warning: { fill: solid('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
};

/** A severity's style, shared by every cell of its findings (the writer renders a style object once). */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(severity: string): Partial<ExcelJS.Style> {
  let s = styles.get(severity);
  if (!s) {
    s = { ...(COLOURS[severity] ?? {}), alignment: { vertical: 'top', wrapText: false } };
    styles.set(severity, s);
  }
  return s;
}

/**
 * One finding's rows across the sheet's `widths`: its severity, problem,
 * place and message each broken into the lines its column holds (the
 * message's: all the columns from its own to the last), line k of each in row k.
 */
export function findingRows(f: Finding, widths: readonly number[], ctx: ShowContext): ShownRow[] {
  const raw = rowOf(SITE_FINDING_COLUMNS, f, ctx.lang);
  const room = (i: number) => (i === MESSAGE ? widths.slice(MESSAGE).reduce((a, w) => a + w, 0) : widths[i] - CELL_PADDING) * MESSAGE_ROOM;
  const lines = SITE_FINDING_COLUMNS.map((c, i) => breakLines(String(sheetValue(c, raw[i], ctx) ?? ''), room(i)));
  const style = styleOf(f.severity);
  const cellStyles = widths.map(() => style);
  return Array.from({ length: Math.max(...lines.map((l) => l.length)) }, (_x, k) => ({
    values: widths.map((_w, i): Cell => lines[i]?.[k] || null),
    styles: cellStyles,
    height: undefined,
  }));
}

/**
 * The findings' table at row `r` of a 汇总 sheet whose columns are `widths`: header, then each finding's rows;
 * returns the next free row. A finding whose rows do not fit on what is left of the page starts the next one,
 * after a page break, under the table's header written again (review round 15b D1: 243 findings ran over ten
 * pages with 严重程度/问题/位置/说明 on the first alone); a finding's rows are never split over two pages, and the
 * last one is kept with the `tail` (points) that follows the table: the signature line is never alone on a page.
 */
export function findingsTable(
  ws: ExcelJS.Worksheet,
  pages: Pages,
  r: number,
  findings: readonly Finding[],
  widths: readonly number[],
  ctx: ShowContext,
  tail = 0,
): number {
  pages.add(findingsHeader(ws, r++, widths, ctx));
  findings.forEach((f, i) => {
    const rows = findingRows(f, widths, ctx);
    const height = rows.reduce((a, shown) => a + (shown.height ?? DEFAULT_ROW_PT), 0) + (i === findings.length - 1 ? tail : 0);
    // The first finding stays under the header it follows (the section was kept with its first rows).
    if (i > 0 && !pages.fits(height)) {
      pages.newPage(r);
      pages.add(findingsHeader(ws, r++, widths, ctx));
    }
    for (const shown of rows) {
      const row = ws.getRow(r++);
      fillRow(row, shown);
      pages.add(shown.height);
      // Written out now (streaming writer): see table() in site-sheet.ts.
      row.commit();
    }
  });
  return r;
}

/** The findings' header at row `r`; returns its height. */
function findingsHeader(ws: ExcelJS.Worksheet, r: number, widths: readonly number[], ctx: ShowContext): number {
  const head = ws.getRow(r);
  // The message's header one cell merged over all the columns its lines run across: boxed cell by cell, a dozen
  // empty boxes stood right of 说明 (review round 9). The header row's one merge: the body has none.
  const headers = SITE_FINDING_COLUMNS.map((c) => c.header[ctx.lang]);
  styleHeader(head, headers, widths);
  if (widths.length > MESSAGE + 1) ws.mergeCells(r, MESSAGE + 1, r, widths.length);
  return head.height;
}

/**
 * A finding on a sheet of several forms with its form to say after its place (PlacedFinding): “Sheet1!F95 序号 2（出入库记录）”
 * — after the place, where the narrow 位置 column breaks it whole, not inside the sheet's name.
 */
export function withFormShown(f: Finding, spans: readonly SheetForm[], lang: Lang): PlacedFinding {
  const shown = sheetShown(spans, f, lang);
  return shown === f.sheet || shown === null || f.sheet === null ? f : { ...f, formShown: shown.slice(f.sheet.length).trim() };
}
