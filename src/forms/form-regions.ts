/**
 * Different forms kept on one sheet (review 17b D1): 基本信息 over 考试安排, 交接单 over 入库清单, every form on Sheet1
 * one under the other, or 附件2 in A–H with 附件3 from J beside it. A sheet was read as the one form it is most like,
 * the others “not filled in” and their mistakes missed. Where the titles of two or more forms stand on a sheet, each
 * form is read from its own region: from its title (with its 附件N caption just above) to the next title of another
 * form — rows when they stand one under the other, columns when side by side — the rest of the sheet emptied, so
 * that every value keeps its real cell. Copies of one form in a region are repeated.ts's.
 */
import type { SheetGrid } from '../model/grid';
import { FORMS } from './index';
import { partOf, titlesOfForms } from './repeated';

/** Titles this many rows apart or fewer stand side by side. */
const SAME_ROW = 2;
/** The caption printed above a form's title (附件3). */
const CAPTION = /^\s*附件\s*\d+\s*$/;

interface TitleAt {
  form: string;
  row: number;
  col: number;
}

/** The regions of a sheet holding two or more different forms, in reading order; the sheet alone when it holds one. */
export function formRegions(sheet: SheetGrid): SheetGrid[] {
  const found: TitleAt[] = titlesOfForms(sheet, FORMS).map(({ entry, row, col }) => ({ form: entry.key, row, col }));
  if (new Set(found.map((t) => t.form)).size < 2) return [sheet];
  // A title heads a form on a row of its own (or beside another form's title): 出入库记录 in a list's 工作表 column,
  // a 备注 naming 考试安排, a table cell, stand among other values and start no region.
  const titles = found.filter((t) => titleRow(sheet, t.row, found));
  if (new Set(titles.map((t) => t.form)).size < 2) return [sheet];
  const across = titles.every((t) => Math.abs(t.row - titles[0].row) <= SAME_ROW);
  titles.sort((a, b) => (across ? a.col - b.col : a.row - b.row) || (across ? a.row - b.row : a.col - b.col));
  const bounds = [0];
  for (let i = 1; i < titles.length; i++) {
    if (titles[i].form === titles[i - 1].form) continue;
    const start = across ? titles[i].col : titles[i].row - (captionAbove(sheet, titles[i].row) ? 1 : 0);
    if (start > bounds[bounds.length - 1]) bounds.push(start);
  }
  if (bounds.length < 2) return [sheet];
  bounds.push(Number.MAX_SAFE_INTEGER);
  const regions: SheetGrid[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) regions.push(withHidden(sheet, partOf(sheet, bounds[i], bounds[i + 1], across)));
  return regions;
}

/** Every filled cell of the row is a form's title (found) or a 附件N caption. */
function titleRow(sheet: SheetGrid, row: number, found: readonly TitleAt[]): boolean {
  return (sheet.rows[row] ?? []).every(
    (v, col) => v === null || v === undefined || v === '' || (typeof v === 'string' && CAPTION.test(v)) || found.some((t) => t.row === row && t.col === col),
  );
}

/** The row above a title holds its 附件N caption alone. */
function captionAbove(sheet: SheetGrid, row: number): boolean {
  const cells = (sheet.rows[row - 1] ?? []).filter((v) => v !== null && v !== undefined && v !== '');
  return cells.length > 0 && cells.every((v) => typeof v === 'string' && CAPTION.test(v));
}

/** A region keeps what the sheet says of itself: its state, hidden rows and columns, struck cells, filter. */
function withHidden(sheet: SheetGrid, part: SheetGrid): SheetGrid {
  const { rows: _rows, merges: _merges, formulas: _formulas, ...rest } = sheet;
  return { ...rest, ...part };
}
