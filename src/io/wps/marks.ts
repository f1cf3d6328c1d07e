/**
 * 标记 / 清除标记 in WPS Spreadsheets: each finding's cell filled (Interior.Color,
 * BGR), framed (Borders: thick for an error, dashed for a warning, as every
 * face marks) and given a comment; clearing puts back exactly the fill
 * (colour, pattern, or no fill: ColorIndex -4142), the four edges and the
 * comment each cell had.
 *
 * ET has no workbook settings, so the prior state is kept in the workbook on a
 * very hidden sheet (MARKS_SHEET, JSON in column A) written before anything is
 * changed: clearing still works after the workbook is saved, closed and
 * reopened. Marking again keeps the first prior state of a cell (never our own
 * mark) and restores the cells no longer flagged, as in Excel.
 *
 * Marking also writes the printable 问题清单 at the end of the workbook
 * (list.ts); its name is kept in the record, so that clearing removes it and
 * marking again replaces it — only while its A1 is still the list's title.
 */
import type { Finding } from '../../model/finding';
import { MARKED_CELLS_MAX, MARK_BORDERS, MARK_COLORS, cellMarks } from '../../check/marks';
import { type AreaAt, type Frame, frameKept, frameNow, knownBorders, outlinesOf } from '../../check/mark-outline';
import { type EtEdges, markEdges, mergedAreaAt, mergedAreasOf, numberOf, readBorders, readFrame, setBorders, setFrame } from './marks-frame';
import { EtObject, XL, activeWorkbook, addSheetAtEnd, address, bgrOf, deleteWorksheet, get, rangeBox, rangeOf, sheetName, toRows, worksheets } from './et';
import { deleteList, listName, ourList, writeWpsList } from './list';
import { wpsSheetState } from './grid';
import {
  type CellNow,
  type ClearPlan,
  type FoundNote,
  type NotPutBack,
  markKey,
  markingTold,
  movedTo,
  notPutBack,
  noteFingerprint,
  partition,
  planClear,
  toldApart,
} from '../../check/mark-clear';
import { a1 } from '../../model/grid';
import { packLooks, unpackLooks } from '../../check/mark-looks';
import type { SheetState } from '../../model/grid';
import type { SheetForm } from '../../model/site-model';

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

interface WpsPriorState {
  sheet: string;
  cell: string;
  fill: PriorFill;
  /** Its four edges' [LineStyle, Weight, Color], as EDGES (null: a member the build lacks); absent in a record of before marks were framed. */
  borders?: EtEdges;
  /** The merged area whose outline it frames, with the edges before of each cell on it (check/mark-outline.ts); absent for none. */
  frame?: Frame<EtEdges>;
  /** The comment it had; null for none. */
  comment: string | null;
  /** The fingerprint of the comment we wrote (absent in a record of before it was kept): how 清除标记 knows the mark is still there, or finds it moved. */
  mark?: string;
}

/** What the record holds: each marked cell's prior state, and the list sheet we wrote (none in a record of before the list). */
export interface WpsRecord {
  cells: WpsPriorState[];
  list?: string;
}

function sheetsByName(workbook: EtObject): Map<string, EtObject> {
  return new Map(worksheets(workbook).map((ws) => [sheetName(ws), ws]));
}

/** The stored record; no cells and no list when there is none or it is unreadable. */
export function readStore(sheets: ReadonlyMap<string, EtObject>): WpsRecord {
  const store = sheets.get(MARKS_SHEET);
  if (!store) return { cells: [] };
  const used = get(store, 'UsedRange');
  const rows = Number(get(get(used, 'Rows'), 'Count')) || 0;
  if (rows === 0) return { cells: [] };
  const values = toRows(get(rangeOf(store, `A1:A${rows}`), 'Value2'), rows, 1);
  const text = values
    .map((r) => String(r[0] ?? ''))
    .map((v) => (v.startsWith(PIECE) ? v.slice(PIECE.length) : v))
    .join('');
  try {
    const parsed = JSON.parse(text) as Partial<WpsRecord> & { looks?: unknown };
    return {
      cells: Array.isArray(parsed.cells) ? unpackLooks(parsed.looks, parsed.cells) : [],
      list: typeof parsed.list === 'string' ? parsed.list : undefined,
    };
  } catch {
    return { cells: [] };
  }
}

/**
 * Writes the record (creating its very hidden sheet), or removes the sheet
 * when nothing is marked and no list is written; `sheets` follows.
 */
function writeStore(app: EtObject, workbook: EtObject, sheets: Map<string, EtObject>, record: WpsRecord): void {
  let store = sheets.get(MARKS_SHEET);
  if (record.cells.length === 0 && record.list === undefined) {
    if (store && deleteSheet(app, store)) sheets.delete(MARKS_SHEET);
    return;
  }
  const text = JSON.stringify({ version: 1, ...packLooks(record.cells), list: record.list });
  const pieces: string[][] = [];
  for (let i = 0; i < text.length; i += CHUNK) pieces.push([PIECE + text.slice(i, i + CHUNK)]);
  if (!store) {
    store = addSheetAtEnd(app, workbook, MARKS_SHEET);
    store.Visible = XL.sheetVeryHidden;
    sheets.set(MARKS_SHEET, store);
  } else {
    const oldRows = Number(get(get(get(store, 'UsedRange'), 'Rows'), 'Count')) || 1;
    rangeOf(store, `A1:A${oldRows}`).Value2 = '';
  }
  const column = rangeOf(store, `A1:A${pieces.length}`);
  column.NumberFormat = '@';
  column.Value2 = pieces;
}

/** Removes the record's sheet (true); where the build cannot delete a sheet, empties the record and keeps it very hidden (false). */
function deleteSheet(app: EtObject, sheet: EtObject): boolean {
  if (deleteWorksheet(app, sheet, true)) return true;
  const rows = Number(get(get(get(sheet, 'UsedRange'), 'Rows'), 'Count')) || 1;
  rangeOf(sheet, `A1:A${rows}`).Value2 = '';
  sheet.Visible = XL.sheetVeryHidden;
  return false;
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
      color: numberOf(interior, 'Color'),
      colorIndex: numberOf(interior, 'ColorIndex'),
      pattern: numberOf(interior, 'Pattern'),
      patternColor: numberOf(interior, 'PatternColor'),
    },
    borders: readBorders(range),
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

/** Puts back a cell's fill, borders and comment, and its frame's borders on its merged area as WPS reports it now. */
function restoreCell(ws: EtObject, prior: WpsPriorState): void {
  const range = rangeOf(ws, prior.cell);
  restoreFill(get(range, 'Interior'), prior.fill);
  if (prior.borders) setBorders(range, prior.borders);
  setFrame(ws, frameNow(prior, prior.sheet, prior.cell, areaAtIn(ws)));
  setComment(range, prior.comment);
}

/** The merged area a cell of `ws` is in now (a frame is asked only of its mark's sheet). */
const areaAtIn =
  (ws: EtObject): AreaAt =>
  (_sheet, at) =>
    mergedAreaAt(ws, a1(at.row, at.col));

export interface WpsMarkResult extends NotPutBack {
  marked: number;
  restored: number;
  /** Cells with findings left unmarked beyond MARKED_CELLS_MAX. */
  leftOut: number;
  /** Marking: the sheet the findings are listed on (none without findings); clearing: the list sheet removed. */
  list?: string;
  /** Marking: the build refused some of the list's print settings (or has no PageSetup): to be set by hand. */
  printRefused?: boolean;
  /** Marking with no findings left: the list sheet of the marking before, removed and not replaced. */
  listRemoved?: string;
  /** Marking: of the cells put back, those whose findings are gone (the others are beyond MARKED_CELLS_MAX now). */
  gone?: number;
}

/**
 * Fills and comments every finding's cell (the first MARKED_CELLS_MAX, in
 * reading order), storing each cell's prior state first; then replaces the
 * list of findings we wrote before with the new one.
 */
export function applyWpsMarks(app: EtObject, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh', forms?: readonly SheetForm[]): WpsMarkResult {
  const workbook = activeWorkbook(app);
  const sheets = sheetsByName(workbook);
  const record = readStore(sheets);
  // Each mark where it is now (rows inserted or deleted above it, its sheet renamed): its prior state is that cell's.
  // One not found (taken away by hand) is left alone, as 清除标记 leaves it.
  const stored = movedTo(marksNow(sheets, record, ownCells(record)));
  const oldList = ourList(sheets, record.list);
  const storedByKey = new Map(stored.map((p) => [markKey(p.sheet, p.cell), p]));
  const onSheets = cellMarks(findings, lang).filter((m) => m.sheet !== MARKS_SHEET && sheets.has(m.sheet));
  // A cell beyond the cap that was marked before is put back like one no longer flagged.
  // Comments that would be the same text each say where they were put: 清除标记 tells the marks apart by them.
  const marks = toldApart(onSheets.slice(0, MARKED_CELLS_MAX), lang);
  const markKeys = new Set(marks.map((m) => markKey(m.sheet, m.cell)));

  // A cell kept from a record of before marks were framed: its borders now are its own (that mark left them).
  const priors = stored
    .filter((p) => markKeys.has(markKey(p.sheet, p.cell)))
    .map((p) => (p.borders ? p : { ...p, borders: readBorders(rangeOf(sheets.get(p.sheet), p.cell)) }));
  // A cell our frame of before is on (a merged area's outline) has its borders before in the record, not on the sheet.
  const known = knownBorders(stored, (sheet, at) => mergedAreaAt(sheets.get(sheet), a1(at.row, at.col)));
  for (const m of marks) {
    if (storedByKey.has(markKey(m.sheet, m.cell))) continue;
    const prior = readPrior(sheets.get(m.sheet), m.sheet, m.cell);
    priors.push({ ...prior, borders: known.get(markKey(m.sheet, m.cell)) ?? prior.borders });
  }
  const outlines = outlinesOf(marks, mergedAreasOf(sheets, marks));
  for (const p of priors) {
    const outline = outlines.get(markKey(p.sheet, p.cell));
    const read = outline
      ? readFrame(
          sheets.get(p.sheet),
          outline.cells.filter((cell) => !known.has(markKey(p.sheet, cell))),
        )
      : undefined;
    if (outline) p.frame = frameKept(p, outline, (cell) => known.get(markKey(p.sheet, cell)) ?? read!.get(cell)!);
    else delete p.frame;
  }
  const stale = stored.filter((p) => !markKeys.has(markKey(p.sheet, p.cell)) && sheets.has(p.sheet));
  const priorByKey = new Map(priors.map((p) => [markKey(p.sheet, p.cell), p]));
  const textOf = new Map(marks.map((m) => [markKey(m.sheet, m.cell), m.text]));
  const commentOfMark = (p: WpsPriorState): string => {
    const text = textOf.get(markKey(p.sheet, p.cell))!;
    return p.comment ? `${p.comment}\n\n${text}` : text;
  };
  for (const p of priors) p.mark = noteFingerprint(commentOfMark(p));
  // Cells to put back stay in the record until they are: a call that fails on the way leaves none marked without its prior state.
  writeStore(app, workbook, sheets, { cells: [...priors, ...stale], list: oldList });

  for (const p of stale) restoreCell(sheets.get(p.sheet), p);
  for (const m of marks) {
    const range = rangeOf(sheets.get(m.sheet), m.cell);
    get(range, 'Interior').Color = bgrOf(MARK_COLORS[m.severity]);
    const look = markEdges(MARK_BORDERS[m.severity]);
    setBorders(range, look);
    setFrame(
      sheets.get(m.sheet),
      (outlines.get(markKey(m.sheet, m.cell))?.cells ?? []).map((cell) => ({ cell, borders: look })),
    );
    setComment(range, commentOfMark(priorByKey.get(markKey(m.sheet, m.cell))!));
  }
  // The old list goes first, so that the new one may take its name; the new name is stored before its sheet is added.
  // An old list the build would not delete stays in the record, and no new one is written beside it.
  const kept = oldList && !deleteList(app, sheets, oldList) ? oldList : undefined;
  const list = kept ? undefined : listName(sheets, findings, lang);
  if (stale.length || (kept ?? list) !== oldList) writeStore(app, workbook, sheets, { cells: priors, list: kept ?? list });
  const refused = list ? writeWpsList(app, workbook, list, findings, lang, forms) : 0;
  return {
    marked: marks.length,
    restored: stale.length,
    leftOut: onSheets.length - marks.length,
    list,
    ...(refused > 0 && { printRefused: true }),
    ...markingTold(stale, new Set(onSheets.map((m) => markKey(m.sheet, m.cell))), kept === undefined && list === undefined ? oldList : undefined),
  };
}

/** A cell's comment text; null for none. */
function commentOf(range: EtObject): string | null {
  const comment = get(range, 'Comment');
  const text = comment ? get(comment, 'Text') : null;
  return text === null || text === undefined ? null : String(text);
}

const MARK_BGR = new Set(Object.values(MARK_COLORS).map(bgrOf));

/**
 * Every comment on a sheet (only when a mark is not where it was put): through the sheet's Comments — its count, then
 * each comment's cell (Parent) and text, some four calls a comment whatever the size of the sheet; a build without it
 * (or that answers otherwise), cell by cell over the used range, two calls a cell.
 */
function commentsOn(ws: EtObject, sheet: string): FoundNote[] {
  return commentsListed(ws, sheet) ?? commentsScanned(ws, sheet);
}

/** The sheet's comments through Worksheet.Comments; undefined where the build has no such collection or answers otherwise. */
function commentsListed(ws: EtObject, sheet: string): FoundNote[] | undefined {
  try {
    const comments = get(ws, 'Comments');
    const n = Number(get(comments, 'Count'));
    if (!comments || !Number.isInteger(n) || n < 0) return undefined;
    const found: FoundNote[] = [];
    for (let i = 1; i <= n; i++) {
      const comment = get(comments, 'Item', i);
      const parent = get(comment, 'Parent');
      const cell = address(parent).split(':')[0] || cornerOf(parent);
      const text = get(comment, 'Text');
      if (!cell || text === null || text === undefined) return undefined;
      found.push({ sheet, cell: cell.toUpperCase(), text: String(text) });
    }
    return found;
  } catch {
    return undefined;
  }
}

/** A range's first cell from Row and Column, for a build whose Range has no Address; '' where it has neither. */
function cornerOf(range: EtObject): string {
  const row = Number(get(range, 'Row'));
  const col = Number(get(range, 'Column'));
  return Number.isInteger(row) && row > 0 && Number.isInteger(col) && col > 0 ? a1(row - 1, col - 1) : '';
}

/** Every comment on a sheet's used range, cell by cell. */
function commentsScanned(ws: EtObject, sheet: string): FoundNote[] {
  const box = rangeBox(get(ws, 'UsedRange'));
  if (!box) return [];
  const found: FoundNote[] = [];
  for (let r = box.top; r <= box.bottom; r++)
    for (let c = box.left; c <= box.right; c++) {
      const text = commentOf(rangeOf(ws, a1(r, c)));
      if (text !== null) found.push({ sheet, cell: a1(r, c), text });
    }
  return found;
}

/**
 * Puts back the prior fill, borders and comment of every marked cell where our mark still is (check/mark-clear.ts):
 * a mark moved by rows inserted or deleted is found by its comment, on its sheet or, where the sheet is renamed, on
 * any. A cell not ours is never touched. Marks of a sheet not found stay in the record (and are named); the list we
 * wrote (still ours) is removed.
 */
export function clearWpsMarks(app: EtObject): WpsMarkResult {
  const workbook = activeWorkbook(app);
  const sheets = sheetsByName(workbook);
  const record = readStore(sheets);
  const plan = marksNow(sheets, record, ownCells(record));
  for (const r of plan.restore) restoreCell(sheets.get(r.sheet), { ...r.prior, sheet: r.sheet, cell: r.cell });
  const list = ourList(sheets, record.list);
  const removed = list && deleteList(app, sheets, list) ? list : undefined;
  // A list the build would not delete stays in the record, for a later 清除标记 to take away; so do the marks of a sheet not found.
  writeStore(app, workbook, sheets, { cells: plan.missing, list: removed ? undefined : list });
  return { marked: 0, restored: plan.restore.length, leftOut: 0, list: removed, ...notPutBack(plan) };
}

/** The record's cells on the workbook's sheets (never the record's own). */
const ownCells = (record: WpsRecord): WpsPriorState[] => record.cells.filter((p) => p.sheet !== MARKS_SHEET);

/**
 * Where each of `stored` is now (check/mark-clear.ts planClear): at its address while our mark is there; else found
 * by its comment, moved by rows inserted or deleted on its sheet or, where the sheet is renamed, on any sheet.
 */
function marksNow(sheets: ReadonlyMap<string, EtObject>, record: WpsRecord, stored: readonly WpsPriorState[]): ClearPlan<WpsPriorState> {
  const scanned = new Map<string, FoundNote[]>();
  const scan = (name: string): FoundNote[] => {
    if (!scanned.has(name)) scanned.set(name, commentsOn(sheets.get(name), name));
    return scanned.get(name)!;
  };
  const others = (): string[] => [...sheets.keys()].filter((n) => n !== MARKS_SHEET && n !== record.list);
  return planClear(
    stored,
    (p) => (sheets.has(p.sheet) ? p.sheet : undefined),
    (sheet, p): CellNow => {
      const range = rangeOf(sheets.get(sheet), p.cell);
      const color = numberOf(get(range, 'Interior'), 'Color');
      return { note: commentOf(range), ourFill: color !== null && MARK_BGR.has(color) };
    },
    (sheet) => (sheet !== undefined ? scan(sheet) : others().flatMap(scan)),
  );
}

/**
 * The marks record with each mark where it is now (marksNow): a check compares it with the findings, so that a mark
 * moved with its cell (rows inserted above it, its sheet renamed) is not said to be left behind. Only the marks not
 * at a cell flagged now are looked for; one not found anywhere (taken away by hand) is no mark left.
 */
export function wpsMarksLeft(app: EtObject, findings: readonly Finding[]): WpsRecord {
  const sheets = sheetsByName(activeWorkbook(app));
  const record = readStore(sheets);
  const flagged = new Set(cellMarks(findings).map((m) => markKey(m.sheet, m.cell)));
  const [here, away] = partition(ownCells(record), (p) => flagged.has(markKey(p.sheet, p.cell)));
  return { cells: [...here, ...movedTo(marksNow(sheets, record, away))], ...(record.list !== undefined && { list: record.list }) };
}

/**
 * Activates a finding's sheet and selects its cell (Application.Goto where
 * Select is missing or refused). The sheet is found by name among the
 * worksheets: `.Item(name)` is not in every build. A hidden sheet is not
 * activated (WPS, like Excel, will not show its cell): its state is returned
 * for the pane to say how to show it; undefined for a sheet shown.
 */
export function selectWpsCell(app: EtObject, sheet: string, cell: string): SheetState | undefined {
  const ws = sheetsByName(activeWorkbook(app)).get(sheet);
  if (!ws) throw new Error(`工作簿中没有工作表“${sheet}”`);
  const state = wpsSheetState(get(ws, 'Visible'));
  if (state) return state;
  get(ws, 'Activate');
  const range = rangeOf(ws, cell);
  try {
    if (typeof range.Select !== 'function') throw new Error('no Range.Select');
    range.Select();
  } catch {
    get(app, 'Goto', range);
  }
  return undefined;
}
