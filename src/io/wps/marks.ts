/**
 * 标记 / 清除标记 in WPS Spreadsheets: each finding's cell filled (Interior.Color,
 * BGR) and given a comment; clearing puts back exactly the fill (colour,
 * pattern, or no fill: ColorIndex -4142) and the comment each cell had.
 *
 * ET has no workbook settings, so the prior state is kept in the workbook on a
 * very hidden sheet (MARKS_SHEET, JSON in column A) written before anything is
 * changed: clearing still works after the workbook is saved, closed and
 * reopened. Marking again keeps the first prior state of a cell (never our own
 * mark) and restores the cells no longer flagged, as in Excel.
 */
import type { Finding } from '../../model/finding';
import { MARKED_CELLS_MAX, MARK_COLORS, cellMarks } from '../../check/marks';
import { EtObject, XL, activeWorkbook, addWorksheet, get, rangeOf, sheetName, toRows, worksheets } from './et';

/** The hidden sheet that holds the prior state of marked cells. */
export const MARKS_SHEET = '试卷保密助手_标记';
/** Characters per cell of the record (a cell holds 32,767). */
const CHUNK = 30_000;
/** Each stored piece starts with this, so WPS never takes it for a number or a formula. */
const PIECE = '|';

interface PriorFill {
  color: number | null;
  colorIndex: number | null;
  pattern: number | null;
  patternColor: number | null;
}

export interface WpsPriorState {
  sheet: string;
  cell: string;
  fill: PriorFill;
  /** The comment it had; null for none. */
  comment: string | null;
}

/** "#FFC7CE" → the BGR integer Interior.Color takes. */
export function bgrOf(hex: string): number {
  const rgb = parseInt(hex.replace('#', ''), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell.toUpperCase()}`;

function sheetsByName(workbook: EtObject): Map<string, EtObject> {
  return new Map(worksheets(workbook).map((ws) => [sheetName(ws), ws]));
}

/** The stored prior states, [] when there are none or the record is unreadable. */
export function readStore(sheets: Map<string, EtObject>): WpsPriorState[] {
  const store = sheets.get(MARKS_SHEET);
  if (!store) return [];
  const used = get(store, 'UsedRange');
  const rows = Number(get(get(used, 'Rows'), 'Count')) || 0;
  if (rows === 0) return [];
  const values = toRows(get(rangeOf(store, `A1:A${rows}`), 'Value2'), rows, 1);
  const text = values
    .map((r) => String(r[0] ?? ''))
    .map((v) => (v.startsWith(PIECE) ? v.slice(PIECE.length) : v))
    .join('');
  try {
    const parsed = JSON.parse(text) as { cells?: WpsPriorState[] };
    return Array.isArray(parsed.cells) ? parsed.cells : [];
  } catch {
    return [];
  }
}

/** Writes the record (creating its very hidden sheet), or removes the sheet when nothing is marked. */
function writeStore(app: EtObject, workbook: EtObject, sheets: Map<string, EtObject>, priors: WpsPriorState[]): void {
  let store = sheets.get(MARKS_SHEET);
  if (priors.length === 0) {
    if (store) deleteSheet(app, store);
    return;
  }
  const text = JSON.stringify({ version: 1, cells: priors });
  const pieces: string[][] = [];
  for (let i = 0; i < text.length; i += CHUNK) pieces.push([PIECE + text.slice(i, i + CHUNK)]);
  if (!store) {
    const active = get(app, 'ActiveSheet');
    const all = worksheets(workbook);
    store = addWorksheet(workbook, all[all.length - 1]);
    store.Name = MARKS_SHEET;
    store.Visible = XL.sheetVeryHidden;
    if (active) get(active, 'Activate');
  } else {
    const oldRows = Number(get(get(get(store, 'UsedRange'), 'Rows'), 'Count')) || 1;
    rangeOf(store, `A1:A${oldRows}`).Value2 = '';
  }
  const column = rangeOf(store, `A1:A${pieces.length}`);
  column.NumberFormat = '@';
  column.Value2 = pieces;
}

/** Removes the record's sheet; where the build cannot delete a sheet, empties the record and keeps it very hidden. */
function deleteSheet(app: EtObject, sheet: EtObject): void {
  // Delete() asks the user first unless alerts are off; the sheet must be visible to go.
  const alerts = get(app, 'DisplayAlerts');
  app.DisplayAlerts = false;
  try {
    if (typeof sheet.Delete !== 'function') throw new Error('no Worksheet.Delete');
    sheet.Visible = XL.sheetVisible;
    sheet.Delete();
  } catch {
    const rows = Number(get(get(get(sheet, 'UsedRange'), 'Rows'), 'Count')) || 1;
    rangeOf(sheet, `A1:A${rows}`).Value2 = '';
    sheet.Visible = XL.sheetVeryHidden;
  } finally {
    app.DisplayAlerts = alerts !== false;
  }
}

/** A fill member as read: a number, or null where the build has no such member (kept as it was, not as 0). */
function fillValue(interior: EtObject, name: string): number | null {
  const v = get(interior, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function readPrior(ws: EtObject, sheet: string, cell: string): WpsPriorState {
  const range = rangeOf(ws, cell);
  const interior = get(range, 'Interior');
  const comment = get(range, 'Comment');
  const text = comment ? get(comment, 'Text') : null;
  return {
    sheet,
    cell,
    fill: {
      color: fillValue(interior, 'Color'),
      colorIndex: fillValue(interior, 'ColorIndex'),
      pattern: fillValue(interior, 'Pattern'),
      patternColor: fillValue(interior, 'PatternColor'),
    },
    comment: text === null || text === undefined ? null : String(text),
  };
}

function setComment(range: EtObject, text: string | null): void {
  if (typeof range.ClearComments === 'function') range.ClearComments();
  else {
    const old = get(range, 'Comment');
    if (old) get(old, 'Delete');
  }
  if (text !== null) get(range, 'AddComment', text);
}

function restoreFill(interior: EtObject, fill: PriorFill): void {
  if (fill.pattern === null && fill.colorIndex === null) {
    // A build that knows only Color: put back the colour it gave, whatever it stood for.
    interior.Color = fill.color;
  } else if (fill.pattern === XL.none || fill.colorIndex === XL.none) {
    interior.ColorIndex = XL.none;
    // An object model that kept our colour despite xlNone: the colour read before goes back too.
    if (fill.color !== null && get(interior, 'Color') !== fill.color) interior.Color = fill.color;
  } else {
    if (fill.pattern !== null) interior.Pattern = fill.pattern;
    interior.Color = fill.color;
    if (fill.pattern !== XL.solid && fill.patternColor !== null) interior.PatternColor = fill.patternColor;
  }
}

function restoreCell(ws: EtObject, prior: WpsPriorState): void {
  const range = rangeOf(ws, prior.cell);
  restoreFill(get(range, 'Interior'), prior.fill);
  setComment(range, prior.comment);
}

export interface WpsMarkResult {
  marked: number;
  restored: number;
  /** Cells with findings left unmarked beyond MARKED_CELLS_MAX. */
  leftOut: number;
}

/** Fills and comments every finding's cell (the first MARKED_CELLS_MAX, in reading order), storing each cell's prior state first. */
export function applyWpsMarks(app: EtObject, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): WpsMarkResult {
  const workbook = activeWorkbook(app);
  const sheets = sheetsByName(workbook);
  const stored = readStore(sheets);
  const storedByKey = new Map(stored.map((p) => [keyOf(p.sheet, p.cell), p]));
  const onSheets = cellMarks(findings, lang).filter((m) => m.sheet !== MARKS_SHEET && sheets.has(m.sheet));
  // A cell beyond the cap that was marked before is put back like one no longer flagged.
  const marks = onSheets.slice(0, MARKED_CELLS_MAX);
  const markKeys = new Set(marks.map((m) => keyOf(m.sheet, m.cell)));

  const priors = stored.filter((p) => markKeys.has(keyOf(p.sheet, p.cell)));
  for (const m of marks) {
    if (!storedByKey.has(keyOf(m.sheet, m.cell))) priors.push(readPrior(sheets.get(m.sheet), m.sheet, m.cell));
  }
  const stale = stored.filter((p) => !markKeys.has(keyOf(p.sheet, p.cell)) && sheets.has(p.sheet));
  // Cells to put back stay in the record until they are: a call that fails on the way leaves none marked without its prior state.
  writeStore(app, workbook, sheets, [...priors, ...stale]);

  for (const p of stale) restoreCell(sheets.get(p.sheet), p);
  const priorByKey = new Map(priors.map((p) => [keyOf(p.sheet, p.cell), p]));
  for (const m of marks) {
    const range = rangeOf(sheets.get(m.sheet), m.cell);
    get(range, 'Interior').Color = bgrOf(MARK_COLORS[m.severity]);
    const prior = priorByKey.get(keyOf(m.sheet, m.cell));
    setComment(range, prior?.comment ? `${prior.comment}\n\n${m.text}` : m.text);
  }
  if (stale.length) writeStore(app, workbook, sheets, priors);
  return { marked: marks.length, restored: stale.length, leftOut: onSheets.length - marks.length };
}

/** Puts back the prior fill and comment of every marked cell and removes the record. */
export function clearWpsMarks(app: EtObject): WpsMarkResult {
  const workbook = activeWorkbook(app);
  const sheets = sheetsByName(workbook);
  const stored = readStore(sheets).filter((p) => sheets.has(p.sheet) && p.sheet !== MARKS_SHEET);
  for (const p of stored) restoreCell(sheets.get(p.sheet), p);
  writeStore(app, workbook, sheets, []);
  return { marked: 0, restored: stored.length, leftOut: 0 };
}

/**
 * Activates a finding's sheet and selects its cell (Application.Goto where
 * Select is missing or refused). The sheet is found by name among the
 * worksheets: `.Item(name)` is not in every build.
 */
export function selectWpsCell(app: EtObject, sheet: string, cell: string): void {
  const ws = sheetsByName(activeWorkbook(app)).get(sheet);
  if (!ws) throw new Error(`工作簿中没有工作表“${sheet}”`);
  get(ws, 'Activate');
  const range = rangeOf(ws, cell);
  try {
    if (typeof range.Select !== 'function') throw new Error('no Range.Select');
    range.Select();
  } catch {
    get(app, 'Goto', range);
  }
}
