/**
 * A form that stands more than once on one sheet: people keep a 分校's
 * handover sheets one below the other on one worksheet (a page each), or two
 * side by side, and a sheet was read as one form — the first — the others
 * left out without a word. Each copy is read on its own part of the sheet:
 * the sheet with every cell outside that part emptied, so that the readers
 * find each copy's labels and every value keeps its real cell.
 */
import { CellValue, SheetGrid, parseA1, parseRange } from '../model/grid';
import type { FormEntry } from './index';
import { SheetIndex, isTitleText, labelsOf, normalized, titleLastChar } from './sheet-index';
import { findTableHeader } from './table-header';
import type { FormRecord } from './layout';
import { FormRead, ReadContext, readForm } from './read';

/** Titles this many rows apart or fewer stand side by side. */
const SAME_ROW = 2;
/**
 * More copies than this on one sheet is not a person's way of keeping forms
 * (a 分校 with a hundred 考点 keeps a hundred, at a page each): the sheet is
 * read whole, and each part is not made and indexed again for every title cell.
 */
const MAX_COPIES = 200;

interface Place {
  row: number;
  col: number;
}

/**
 * The titles' last characters as a table by character code (each a CJK character, one UTF-16 unit); undefined when a
 * title has none, as every text may then be its title.
 */
function lastCharMarks(lasts: readonly string[]): Uint8Array | undefined {
  if (lasts.some((last) => last === '')) return undefined;
  // Made once for each set of forms asked (a few: the layouts are fixed), not for every sheet: a 64 KB table each time
  // cost a small workbook more than the walk saves.
  const key = lasts.join('');
  let marks = MARKS.get(key);
  if (!marks) {
    marks = new Uint8Array(0x10000);
    for (const last of lasts) marks[last.charCodeAt(0)] = 1;
    MARKS.set(key, marks);
  }
  return marks;
}
const MARKS = new Map<string, Uint8Array>();

/**
 * Whether the text holds one of the titles' last characters: one walk over its characters, where asking for each
 * form's in turn walked it once a form (every text cell of a 50,000-row log, eight times).
 */
function hasMarked(text: string, marks: Uint8Array | undefined): boolean {
  if (!marks) return true;
  for (let k = 0; k < text.length; k++) if (marks[text.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * Every cell of the sheet where one of `entries`' titles stands (isTitleText), in reading order, with its form: one
 * pass over a sheet not indexed (the 问题清单's sheets); a sheet indexed noted them in its index's pass (titlesOn).
 */
export function titlesOfForms(sheet: SheetGrid, entries: readonly FormEntry[]): Array<Place & { entry: FormEntry }> {
  const marks = lastCharMarks(entries.map((entry) => titleLastChar(entry.layout)));
  const places: Array<Place & { entry: FormEntry }> = [];
  sheet.rows.forEach((cells, row) =>
    cells?.forEach((v, col) => {
      if (typeof v !== 'string' || !hasMarked(v, marks)) return;
      const { norm } = normalized(v);
      for (let i = 0; i < entries.length; i++) if (isTitleText(v, norm, entries[i].layout)) places.push({ row, col, entry: entries[i] });
    }),
  );
  return places;
}

/** titlesOfForms of an indexed sheet: the title cells its index noted, of these forms. */
export function titlesOn(index: SheetIndex, entries: readonly FormEntry[]): Array<Place & { entry: FormEntry }> {
  const places: Array<Place & { entry: FormEntry }> = [];
  for (const { row, col, layout } of index.titles) {
    const entry = entries.find((e) => e.layout === layout);
    if (entry) places.push({ row, col, entry });
  }
  return places;
}

/** The row outside a part: one empty row for them all, never written to (a row of its own each cost a part 32 bytes a row). */
const OUTSIDE: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/**
 * The part of the sheet from `from` up to `to` (rows, or columns when `across`): the rest emptied, its merges and
 * formulas kept within. Rows one under the other: the rows above it are the one empty row, those below left off —
 * a part holds its own rows and a pointer a row above it, not a copy of the sheet (review 18a D8).
 */
export function partOf(sheet: SheetGrid, from: number, to: number, across: boolean): SheetGrid {
  const inside = (row: number, col: number) => (across ? col >= from && col < to : row >= from && row < to);
  let rows: CellValue[][];
  if (across) rows = sheet.rows.map((cells) => (cells ? cells.map((v, col) => (inside(0, col) ? v : null)) : cells));
  else {
    const end = Math.min(to, sheet.rows.length);
    rows = new Array<CellValue[]>(Math.max(end, 0));
    for (let row = 0; row < end; row++) rows[row] = row < from ? OUTSIDE : sheet.rows[row];
  }
  const merges = sheet.merges.filter((m) => {
    const box = parseRange(m);
    return box !== undefined && inside(box.top, box.left);
  });
  // The formulas a part's cells show (their addresses the sheet's): asked only of the values it keeps.
  const part: SheetGrid = { name: sheet.name, rows, merges, ...(sheet.shownFormulas && { shownFormulas: sheet.shownFormulas }) };
  if (sheet.formulas) {
    part.formulas = Object.fromEntries(
      Object.entries(sheet.formulas).filter(([cell]) => {
        const at = parseA1(cell);
        return at !== undefined && inside(at.row, at.col);
      }),
    );
  }
  return part;
}

/**
 * Where each copy of a form kept more than once on a sheet begins and ends: rows, or columns when `across` (copies
 * side by side); the first from the sheet's start (what stands above or left of its title is its), the last to its
 * end. None when the form stands once, or in more copies than a person keeps.
 */
function partsOf(titlesOf: () => readonly Place[], entry: FormEntry): { bounds: number[]; across: boolean } | undefined {
  if (entry.binding === 'one') return undefined;
  const titles = titlesOf();
  if (titles.length < 2) return undefined;
  const across = titles.every((t) => Math.abs(t.row - titles[0].row) <= SAME_ROW);
  const starts = [...new Set(titles.map((t) => (across ? t.col : t.row)))].sort((a, b) => a - b);
  if (starts.length < 2 || starts.length > MAX_COPIES) return undefined;
  return { bounds: [0, ...starts.slice(1), Number.MAX_SAFE_INTEGER], across };
}

/**
 * Which copy (1, 2, …) of a form kept more than once on a sheet a cell (0-based row and column) is in: the 问题清单
 * says “第二份 序号 1” where both copies have a row 1 (review 11 D8). Undefined when the form stands once there. The
 * sheet is searched for the form's titles once, here, not once a cell: a sheet of 8,000 findings was searched 8,000
 * times, and its marked copy took minutes (review 14a D1).
 */
export function copyLocator(sheet: SheetGrid, entry: FormEntry): (row: number, col: number) => number | undefined {
  const parts = partsOf(() => titlesOfForms(sheet, [entry]), entry);
  if (!parts) return () => undefined;
  const { bounds, across } = parts;
  return (row, col) => {
    const at = across ? col : row;
    const i = bounds.findIndex((bound, k) => at >= bound && at < bounds[k + 1]);
    return i < 0 ? undefined : i + 1;
  };
}

/**
 * The copies of a form kept more than once (handover sheets, distribution
 * registers, 入库清单 of each delivery, a vault log or roster continued on a
 * second form below the first) on one sheet, each as its part of the sheet
 * with its index, read as if on a sheet of its own; the sheet as it is when
 * the form stands once, or when a part would not hold a whole copy (its
 * table's header). A form kept once (基本信息, 值班记录) is read whole.
 */
export function copiesOnSheet(
  sheet: SheetGrid,
  entry: FormEntry,
  index: SheetIndex,
  indexOf: (part: SheetGrid) => SheetIndex,
): Array<{ sheet: SheetGrid; index: SheetIndex }> {
  const whole = [{ sheet, index }];
  const parts = partsOf(() => titlesOn(index, [entry]), entry);
  if (!parts) return whole;
  const { bounds, across } = parts;
  const table = entry.layout.table;
  const copies: Array<{ sheet: SheetGrid; index: SheetIndex }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = partOf(sheet, bounds[i], bounds[i + 1], across);
    const partIndex = indexOf(part);
    // A title with no table of its own under it (a stray cell of the title's words): the sheet is one form. One with
    // the form's own labels under it (日期, 接收单位) is a copy whose header row was lost: kept, for its rows to be said
    // unread at its title (forms/unread-rows.ts), not dropped without a word (fix-stacked25).
    if (table && !findTableHeader(partIndex, table.columns) && !labelsAboveTable(partIndex, entry)) return whole;
    copies.push({ sheet: part, index: partIndex });
  }
  return copies;
}

/** One of the labels the form prints above its table (附件1's 日期, 接收单位 …) stands in the part. */
function labelsAboveTable(index: SheetIndex, entry: FormEntry): boolean {
  return entry.layout.header.flat().some((field) => index.hasLabel(labelsOf(field)));
}

/**
 * A table form (附件3, 涉卷人员, 考试安排) pasted twice on one sheet, the copies not quite the same (review round 10a
 * D2): a row of a later copy the same as a row of an earlier copy on the sheet is that row again, not another
 * movement, and is read once (the copy read again with it blank). Rows that differ are kept, each judged.
 */
export function withoutRowsSeen(
  entry: FormEntry,
  copy: { sheet: SheetGrid; index: SheetIndex },
  read: FormRead,
  seen: Map<string, number>,
  ctx: ReadContext,
  indexOf: (part: SheetGrid) => SheetIndex,
): FormRead {
  const rows = (read.record.rows as FormRecord[] | undefined) ?? [];
  const sheetRows = read.table?.grid.rows ?? [];
  const again: number[] = [];
  const keys = rows.map((row) => JSON.stringify(row));
  keys.forEach((key, i) => {
    const left = seen.get(key) ?? 0;
    if (left > 0 && sheetRows[i] !== undefined) {
      seen.set(key, left - 1);
      again.push(sheetRows[i]);
    }
  });
  if (again.length === 0) {
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
    return read;
  }
  const blank = new Set(again);
  const part: SheetGrid = { ...copy.sheet, rows: copy.sheet.rows.map((cells, r) => (blank.has(r) ? [] : cells)) };
  const reread = readForm(entry.layout, indexOf(part), ctx);
  for (const row of (reread.record.rows as FormRecord[] | undefined) ?? []) {
    const key = JSON.stringify(row);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return reread;
}
