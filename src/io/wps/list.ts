/**
 * 标记's 问题清单 in WPS 表格: as in Excel (io/office-list.ts) a sheet at the
 * end lists every finding (check/finding-list.ts: the marked copy's words,
 * columns and order), so that the printed workbook says why each cell is
 * coloured — comments do not print, and a finding of no cell has no colour.
 * Printed as the marked copy's: A4 landscape, one page wide, the header row
 * on every page; its header rows frozen on screen, as the Excel pane's list.
 *
 * Through the VBA-like object model, each look and print setting on its own
 * (et.ts setEach): a build without Font, Borders or PageSetup still gets the
 * list's words, its merged title and its coloured severities.
 *
 * Only a sheet we wrote is ever deleted: its name is kept in the marks record
 * (marks.ts), and its A1 must still be the list's title — the title by which
 * the readers take it for no form (forms/workbook.ts, isFindingsListTitle),
 * so that checking the workbook again finds what it found before.
 */
import type { Finding } from '../../model/finding';
import { isFindingsListTitle } from '../../model/finding';
import { columnLetter } from '../../model/grid';
import type { SheetForm } from '../../model/site-model';
import { PAGE } from '../../forms/draft';
import {
  FINDING_LIST_HEAD_ROWS,
  FINDING_LIST_LAST_COLUMN,
  FINDING_LIST_LOOK,
  FINDING_LIST_MARGINS,
  FINDING_LIST_TITLE_ROWS,
  FINDING_LIST_WIDTHS,
  FINDING_LIST_WORDS,
  FindingListRow,
  findingList,
  findingListRow,
  findingListSheetName,
} from '../../check/finding-list';
import { MARK_COLORS } from '../../check/marks';
import { EtObject, XL, addSheetAtEnd, bgrOf, deleteWorksheet, get, rangeOf, setEach, toRows, tried } from './et';

type Lang = 'zh' | 'en';

const TITLE_HEIGHT = 30;
/** Rows per Value2 write: 70,000 cells, below the 100,000 a read of the grid takes at once (grid.ts). */
const ROWS_PER_WRITE = 10_000;

/** `name` when that sheet is there and is still our list (its A1 the list's title); else undefined. */
export function ourList(sheets: ReadonlyMap<string, EtObject>, name: string | undefined): string | undefined {
  const ws = name === undefined ? undefined : sheets.get(name);
  if (!ws) return undefined;
  const a1 = toRows(get(rangeOf(ws, 'A1'), 'Value2'), 1, 1)[0][0];
  return isFindingsListTitle(a1) ? name : undefined;
}

/**
 * The new list's name, numbered when the name is taken; none without
 * findings, and none where the build cannot delete a sheet: a list that
 * 清除标记 could not take away again.
 */
export function listName(sheets: ReadonlyMap<string, EtObject>, findings: readonly Finding[], lang: Lang): string | undefined {
  const any = sheets.values().next().value;
  if (findings.length === 0 || typeof any?.Delete !== 'function') return undefined;
  return findingListSheetName(sheets.keys(), lang);
}

/** Deletes our list sheet `name` (checked by ourList); false where the build would not. */
export function deleteList(app: EtObject, sheets: Map<string, EtObject>, name: string): boolean {
  const gone = deleteWorksheet(app, sheets.get(name));
  if (gone) sheets.delete(name);
  return gone;
}

/**
 * Adds the list sheet `name` at the end: its words (a Value2 write per ROWS_PER_WRITE rows), then its look, its header
 * rows frozen and its print setup. How many print settings the build refused (all where it has no PageSetup): the pane
 * says so, for the officer to set them by hand before printing.
 */
export function writeWpsList(app: EtObject, workbook: EtObject, name: string, findings: readonly Finding[], lang: Lang, sheets?: readonly SheetForm[]): number {
  const list = findingList(findings, lang, undefined, undefined, sheets);
  const ws = addSheetAtEnd(app, workbook, name);
  const last = findingListRow(list.rows.length - 1);
  // Texts stay texts: a sheet named 2024 or a message beginning with = is no number or formula.
  setEach(rangeOf(ws, `B${findingListRow(0)}:${FINDING_LIST_LAST_COLUMN}${last}`), [['NumberFormat', '@']]);
  const blank = FINDING_LIST_WIDTHS.slice(1).map(() => '');
  const values = [[list.title, ...blank], [...list.headers], ...list.rows.map((r) => [...r.texts])];
  for (let top = 0; top < values.length; top += ROWS_PER_WRITE) {
    const block = values.slice(top, top + ROWS_PER_WRITE);
    rangeOf(ws, `A${top + 1}:${FINDING_LIST_LAST_COLUMN}${top + block.length}`).Value2 = block;
  }
  setLook(ws, last);
  colourSeverities(ws, list.rows);
  // Heights last: fitted to the wrapped text at its widths.
  tried(() => get(get(rangeOf(ws, `A${findingListRow(0)}:${FINDING_LIST_LAST_COLUMN}${last}`), 'Rows'), 'AutoFit'));
  freezeHead(app, ws);
  return setPrint(app, ws, lang);
}

/**
 * The title and header rows frozen, as the Excel pane's list (io/office-list.ts) and the marked copy's: a long list
 * scrolls under its headers. Panes belong to the window, not the sheet, so the list is the active sheet a moment; the
 * sheet that was active is again after. Nothing where the build has no ActiveWindow.
 */
function freezeHead(app: EtObject, ws: EtObject): void {
  const window = get(app, 'ActiveWindow');
  if (!window) return;
  const active = get(app, 'ActiveSheet');
  if (tried(() => get(ws, 'Activate')))
    setEach(window, [
      ['SplitColumn', 0],
      ['SplitRow', FINDING_LIST_HEAD_ROWS],
      ['FreezePanes', true],
    ]);
  if (active) tried(() => get(active, 'Activate'));
}

/** Font, wrap and alignment of the whole, the title merged across, the grey header row, borders, widths. */
function setLook(ws: EtObject, last: number): void {
  const all = rangeOf(ws, `A1:${FINDING_LIST_LAST_COLUMN}${last}`);
  setEach(get(all, 'Font'), [
    ['Name', FINDING_LIST_LOOK.font],
    ['Size', 10],
  ]);
  setEach(all, [
    ['WrapText', true],
    ['VerticalAlignment', XL.top],
  ]);
  const bold = [
    ['Bold', true],
    ['Size', 11],
  ] as const;
  const title = rangeOf(ws, `A1:${FINDING_LIST_LAST_COLUMN}1`);
  tried(() => get(title, 'Merge'));
  setEach(get(title, 'Font'), bold);
  setEach(title, [
    ['VerticalAlignment', XL.center],
    ['RowHeight', TITLE_HEIGHT],
  ]);
  const head = rangeOf(ws, `A2:${FINDING_LIST_LAST_COLUMN}2`);
  setEach(get(head, 'Font'), bold);
  setEach(get(head, 'Interior'), [['Color', bgrOf(FINDING_LIST_LOOK.headerFill)]]);
  setEach(head, [
    ['HorizontalAlignment', XL.center],
    ['VerticalAlignment', XL.center],
  ]);
  setEach(get(rangeOf(ws, `A2:${FINDING_LIST_LAST_COLUMN}${last}`), 'Borders'), [
    ['LineStyle', XL.continuous],
    ['Weight', XL.thin],
  ]);
  setEach(rangeOf(ws, `B${findingListRow(0)}:B${last}`), [['HorizontalAlignment', XL.center]]);
  FINDING_LIST_WIDTHS.forEach((width, col) => setEach(rangeOf(ws, `${columnLetter(col)}1`), [['ColumnWidth', width]]));
}

/** Each run of one severity in the 严重程度 column filled as its cells are marked: one write a run. */
function colourSeverities(ws: EtObject, rows: readonly FindingListRow[]): void {
  for (let at = 0; at < rows.length;) {
    let end = at;
    while (end + 1 < rows.length && rows[end + 1].severity === rows[at].severity) end++;
    setEach(get(rangeOf(ws, `B${findingListRow(at)}:B${findingListRow(end)}`), 'Interior'), [['Color', bgrOf(MARK_COLORS[rows[at].severity])]]);
    at = end + 1;
  }
}

/**
 * A4 landscape, one page wide and as many tall as it takes, the header row atop each page, the margins and footer of
 * the marked copy; how many of these the build refused (all without PageSetup).
 */
function setPrint(app: EtObject, ws: EtObject, lang: Lang): number {
  const setup = get(ws, 'PageSetup');
  const points = (inches: number) => (setup ? inchesToPoints(app, inches) : 0);
  const m = FINDING_LIST_MARGINS;
  return setEach(setup, [
    ['PaperSize', PAGE.paperA4],
    ['Orientation', XL.landscape],
    ['PrintTitleRows', FINDING_LIST_TITLE_ROWS],
    // Zoom off first: the object model only fits to pages once Zoom is false; FitToPagesTall false: as many pages as the rows take.
    ['Zoom', false],
    ['FitToPagesWide', 1],
    ['FitToPagesTall', false],
    ['CenterHorizontally', true],
    ['LeftMargin', points(m.left)],
    ['RightMargin', points(m.right)],
    ['TopMargin', points(m.top)],
    ['BottomMargin', points(m.bottom)],
    ['HeaderMargin', points(m.header)],
    ['FooterMargin', points(m.footer)],
    ['CenterFooter', FINDING_LIST_WORDS[lang].footer],
  ]);
}

/** Application.InchesToPoints where the build has it; else 72 points an inch, to a tenth. */
function inchesToPoints(app: EtObject, inches: number): number {
  if (typeof app.InchesToPoints === 'function') {
    let points = NaN;
    tried(() => (points = Number(app.InchesToPoints(inches))));
    if (Number.isFinite(points) && points > 0) return points;
  }
  return Math.round(inches * 720) / 10;
}
