/**
 * Where a summary sheet's printed pages break (Pages): counted row by row as
 * the sheet is written, so that no table is cut and no chart is split.
 */
import type ExcelJS from 'exceljs';
import { DEFAULT_ROW_PT, pageHeight } from '../../../summary/columns';

/** Head room left on a printed page: the printer's row heights are not quite ours. */
const PAGE_SLACK = 0.95;

/**
 * Where the printed pages of a sheet break: the height of each row is counted
 * as it is written, a page holding `room` points of rows: an A4 landscape
 * page at the scale the sheet's `widths` print one page wide, less the rows
 * (`titles` points) printed atop every page.
 */
export class Pages {
  private used = 0;
  readonly room: number;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    widths: readonly number[],
    titles = 0,
  ) {
    this.room = pageHeight(widths) * PAGE_SLACK - titles;
  }

  /**
   * The next row, this tall: on this page, or the first of the next. Given
   * the row's number, a row that starts the next page has a page break put
   * before it: a printer whose page holds a little more would otherwise print
   * it on this one, and what follows (a chart kept whole on what it took to
   * be the next page) would be cut by the printer's own break.
   */
  add(height: number = DEFAULT_ROW_PT, row?: number): void {
    if (this.used + height <= this.room) {
      this.used += height;
      return;
    }
    if (row !== undefined && this.used > 0) this.breakBefore(row);
    this.used = height;
  }

  /** A new page from row `r` (a page break after row r - 1): a table's header is written again there (site-sheet.ts). */
  newPage(r: number): void {
    this.breakBefore(r);
    this.used = 0;
  }

  private breakBefore(r: number): void {
    // exceljs writes the sheet's rowBreaks as they are (both writers); a break is after row `id`.
    (this.ws as unknown as { rowBreaks: object[] }).rowBreaks.push({ id: r - 1, max: 16383, man: 1 });
  }

  /** What is left of this page (points). */
  get left(): number {
    return this.room - this.used;
  }

  fits(height: number): boolean {
    return this.used + height <= this.room;
  }

  /**
   * Before a part of the sheet (a section, a table and its chart) whose first
   * row is `r` and whose rows are this tall: a page break (after row r - 1)
   * when the part does not fit on what is left of the page but fits on a page
   * of its own, or when its first three rows (a heading, a table's header and
   * first row) do not fit. A heading is never left at the foot of a page, its
   * table on the next.
   */
  keep(r: number, heights: Iterable<number>): void {
    let all = 0;
    let start = 0;
    let n = 0;
    for (const h of heights) {
      all += h;
      if (n++ < 3) start += h;
      if (all > this.room) break;
    }
    if (this.fits(all)) return;
    if (all <= this.room || !this.fits(start)) {
      this.breakBefore(r);
      this.used = 0;
    }
  }
}
