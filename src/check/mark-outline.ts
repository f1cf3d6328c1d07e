/**
 * A mark on a merged cell frames the whole merged area. Excel and WPS draw a
 * merged area's outline from the borders of the cells on its edges, not from
 * its first cell's (which is why Excel, framing a merged cell, writes a border
 * into every cell of its outline): the frame given to C3 alone of 附件1's
 * 日期 (C3:E3) printed round C3's third of the box, the rest of it thin — on
 * paper in black and white, the frame is what tells an error from a warning.
 * So each cell on the area's outline gets the mark's look too (as
 * LibreOffice, which draws the first cell's frame round the whole area,
 * already shows it); the note stays on the finding's cell, the cells inside
 * the outline are left as they were.
 *
 * Every face that marks frames so: the marked copy (io/xlsx/mark-parts.ts,
 * mark.ts) gives the outline's cells the mark's look; Excel's pane
 * (io/office-marks.ts) and WPS (io/wps/marks.ts) their frame, each cell's
 * borders before kept with the mark (a Frame), so that 清除标记 puts them back.
 */
import { type RangeBox, a1, parseA1, parseRange } from '../model/grid';
import { markKey } from './mark-clear';
import type { CellMark } from './marks';

/** A merged area with more cells on its outline is no form's field: its mark stays on its cell (as before), bounded. */
const MAX_OUTLINE_CELLS = 4096;

export interface At {
  row: number;
  col: number;
}

/** The merged areas a sheet lists (`C3:E3`), single cells and unreadable references left out. */
export function mergedAreas(refs: Iterable<string>): RangeBox[] {
  const areas: RangeBox[] = [];
  for (const ref of refs) {
    const box = parseRange(ref);
    if (box && (box.bottom > box.top || box.right > box.left)) areas.push(box);
  }
  return areas;
}

/** The merged area of `areas` a cell is in (undefined: none). */
const areaAround = (areas: readonly RangeBox[], at: At): RangeBox | undefined =>
  areas.find((b) => at.row >= b.top && at.row <= b.bottom && at.col >= b.left && at.col <= b.right);

/** The cells on a merged area's outline, row by row. */
function outline(box: RangeBox): At[] {
  const cells: At[] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const edgeRow = row === box.top || row === box.bottom;
    for (let col = box.left; col <= box.right; col++) if (edgeRow || col === box.left || col === box.right) cells.push({ row, col });
  }
  return cells;
}

const outlineSize = (box: RangeBox): number => {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  return rows === 1 || cols === 1 ? rows * cols : 2 * (rows + cols) - 4;
};

/**
 * The cells, besides the marks' own, that carry a mark's look: those on the
 * outline of each merged area a mark falls in, each with the mark it frames
 * (the worse, by `worse`, where two marks fall in one area).
 */
export function outlineCells<T extends At>(marks: readonly T[], areas: readonly RangeBox[], worse: (a: T, b: T) => boolean): Array<At & { mark: T }> {
  if (areas.length === 0) return [];
  const own = new Set(marks.map((m) => `${m.row},${m.col}`));
  const found = new Map<string, At & { mark: T }>();
  for (const mark of marks) {
    const box = areaAround(areas, mark);
    if (!box || outlineSize(box) > MAX_OUTLINE_CELLS) continue;
    for (const cell of outline(box)) {
      const key = `${cell.row},${cell.col}`;
      if (own.has(key)) continue;
      const before = found.get(key);
      if (!before || worse(mark, before.mark)) found.set(key, { ...cell, mark });
    }
  }
  return [...found.values()];
}

const atOf = (cell: string): At => parseA1(cell)!;
const worse = (a: CellMark, b: CellMark): boolean => a.severity === 'error' && b.severity !== 'error';

/** A mark's outline: the merged area it frames, and the cells on its outline it frames besides its own (addresses). */
export interface Outline {
  area: RangeBox;
  cells: string[];
}

/** Each mark's outline in the merged areas of its sheet (by markKey; the worse mark's cells where two fall in one area). */
export function outlinesOf(marks: readonly CellMark[], areas: ReadonlyMap<string, readonly RangeBox[]>): Map<string, Outline> {
  const out = new Map<string, Outline>();
  for (const [sheet, boxes] of areas) {
    const placed = marks.filter((m) => m.sheet === sheet).map((m) => ({ ...atOf(m.cell), mark: m }));
    for (const { row, col, mark } of outlineCells(placed, boxes, (a, b) => worse(a.mark, b.mark))) {
      const key = markKey(sheet, mark.mark.cell);
      const kept = out.get(key);
      if (kept) kept.cells.push(a1(row, col));
      else out.set(key, { area: areaAround(boxes, mark)!, cells: [a1(row, col)] });
    }
  }
  return out;
}

/**
 * The frame a mark keeps in the marks record: the merged area it framed, by its corners' offsets from the mark's cell
 * (top, left, bottom, right), and the borders before (in the host's words, B) of each cell on that area's outline but
 * the mark's own, in outline order: the distinct borders once (`looks`), each cell an index into them (`at`; -1: a cell
 * another mark in the area frames; absent where every cell had the first). Kept by the area, not cell by cell, for two
 * reasons: rows or columns inserted inside the area since 标记 move its cells (清除标记 finds the area again, as the host
 * reports it then: frameNow), and a frame of many cells stays a few dozen bytes in the record (a form's box has one
 * look all round).
 */
export interface Frame<B> {
  area: [number, number, number, number];
  looks: B[];
  at?: number[];
}

/** The frame of a record written before frames were kept by their area: each cell by its offset from the mark's cell. */
type CellFrame<B> = Array<[number, number, B]>;

/** A merged area's box by its corners' offsets from `at`, and back. */
const offsets = (box: RangeBox, at: At): Frame<unknown>['area'] => [box.top - at.row, box.left - at.col, box.bottom - at.row, box.right - at.col];
const boxAt = ([top, left, bottom, right]: Frame<unknown>['area'], at: At): RangeBox => ({
  top: at.row + top,
  left: at.col + left,
  bottom: at.row + bottom,
  right: at.col + right,
});

/** A record's frame as kept now: one of a record of before (cells by their offsets) turned into its area and looks. */
function frameOfRecord<B>(frame: Frame<B> | CellFrame<B> | undefined): Frame<B> | undefined {
  if (!Array.isArray(frame)) return frame;
  const rows = [0, ...frame.map(([r]) => r)];
  const cols = [0, ...frame.map(([, c]) => c)];
  const area: Frame<B>['area'] = [Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols)];
  const byOffset = new Map(frame.map(([r, c, borders]) => [`${r},${c}`, borders]));
  const cells = outline(boxAt(area, { row: 0, col: 0 })).filter((c) => c.row !== 0 || c.col !== 0);
  return { area, ...looksOf(cells.map((c) => byOffset.get(`${c.row},${c.col}`))) };
}

/** Borders (undefined: a cell not in the frame) as distinct looks and each cell's index into them. */
function looksOf<B>(borders: ReadonlyArray<B | undefined>): Pick<Frame<B>, 'looks' | 'at'> {
  const looks: B[] = [];
  const index = new Map<string, number>();
  const at = borders.map((b) => {
    if (b === undefined) return -1;
    const key = JSON.stringify(b);
    if (!index.has(key)) index.set(key, looks.push(b) - 1);
    return index.get(key)!;
  });
  return at.every((i) => i === 0) ? { looks } : { looks, at };
}

/**
 * Which row (or column) of the area framed at 标记 a row of the area now stands for, when rows were inserted inside it
 * (or deleted) since: the first and the last are the area's edges still; one between is taken as the row it was, and
 * one inserted before the last edge as the row above it (as the host's insertion copies the format beside it). Where
 * the rows were inserted nearer the top, a side cell between gets the borders of the row then at its place: a form's
 * box has the same lines all down its sides.
 */
function wasAt(index: number, now: number, then: number): number {
  if (index === now - 1) return then - 1;
  return Math.min(index, Math.max(then - 2, 0));
}

/** A marked cell as a host's record keeps it: where, its borders before (absent in a record of before marks were framed), its frame. */
interface FramedPrior<B> {
  sheet: string;
  cell: string;
  borders?: B;
  frame?: Frame<B> | CellFrame<B>;
}

/** The merged area a sheet's cell is in now, as the host reports it (undefined: in none, or not asked). */
export type AreaAt = (sheet: string, at: At) => RangeBox | undefined;

/** AreaAt over the merged areas of the sheets asked (by sheet). */
export const areaIn =
  (areas: ReadonlyMap<string, readonly RangeBox[]>): AreaAt =>
  (sheet, at) =>
    areaAround(areas.get(sheet) ?? [], at);

/**
 * A stored mark's frame where the mark is now (`sheet`, `cell`): each cell on the outline of the merged area the mark
 * is in now (`areaAt`, asked of the host at 清除标记: rows or columns inserted inside the area since 标记 widen it) with
 * its borders before; where the mark is in no merged area now (or the host was not asked), the area as it was, moved
 * with the mark. The mark's own cell is put back with the mark.
 */
export function frameNow<B>(prior: FramedPrior<B>, sheet: string, cell: string, areaAt: AreaAt): Array<{ cell: string; borders: B }> {
  const frame = frameOfRecord(prior.frame);
  if (!frame) return [];
  const at = atOf(cell);
  const then = boxAt(frame.area, { row: 0, col: 0 });
  const area = areaAt(sheet, at) ?? boxAt(frame.area, at);
  if (outlineSize(area) > MAX_OUTLINE_CELLS) return [];
  // Offsets from the mark's cell as it was: the mark's own at 0,0.
  const own = '0,0';
  const thenCells = outline(then).filter((c) => `${c.row},${c.col}` !== own);
  const lookAt = new Map(thenCells.map((c, i) => [`${c.row},${c.col}`, frame.looks[frame.at?.[i] ?? 0] as B | undefined]));
  if (prior.borders) lookAt.set(own, prior.borders);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const cells: Array<{ cell: string; borders: B }> = [];
  for (const c of outline(area)) {
    if (c.row === at.row && c.col === at.col) continue;
    const was = `${then.top + wasAt(c.row - area.top, rows, then.bottom - then.top + 1)},${then.left + wasAt(c.col - area.left, cols, then.right - then.left + 1)}`;
    const borders = lookAt.get(was);
    if (borders !== undefined) cells.push({ cell: a1(c.row, c.col), borders });
  }
  return cells;
}

/**
 * The borders before of the cells a record knows (by markKey): each stored mark's own and its frame's, where the mark
 * is now. A cell our frame is on now is taken from here, not read (it shows our frame).
 */
export function knownBorders<B>(stored: ReadonlyArray<FramedPrior<B>>, areaAt: AreaAt): Map<string, B> {
  const known = new Map<string, B>();
  for (const p of stored) {
    if (p.borders) known.set(markKey(p.sheet, p.cell), p.borders);
    for (const c of frameNow(p, p.sheet, p.cell, areaAt)) known.set(markKey(p.sheet, c.cell), c.borders);
  }
  return known;
}

/** The frame a mark keeps: the area of its outline, each of its cells with its borders before (`bordersOf`). */
export function frameKept<B>(mark: { cell: string }, kept: Outline, bordersOf: (cell: string) => B): Frame<B> {
  const at = atOf(mark.cell);
  const framed = new Set(kept.cells);
  const cells = outline(kept.area).filter((c) => c.row !== at.row || c.col !== at.col);
  return { area: offsets(kept.area, at), ...looksOf(cells.map((c) => (framed.has(a1(c.row, c.col)) ? bordersOf(a1(c.row, c.col)) : undefined))) };
}
