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
    const box = areas.find((b) => mark.row >= b.top && mark.row <= b.bottom && mark.col >= b.left && mark.col <= b.right);
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

/**
 * The cells a mark frames besides its own, as the marks record keeps them: each by its offset from the mark's cell
 * (rows, columns) with its borders before, in the host's words (B). By offsets, a mark found moved (rows inserted or
 * deleted above it: check/mark-clear.ts) takes its frame along.
 */
export type Frame<B> = Array<[number, number, B]>;

/** A frame's cells where the mark is now (`at`), each with its borders before. */
function frameCells<B>(at: At, frame: Frame<B> | undefined): Array<At & { borders: B }> {
  return (frame ?? []).map(([rows, cols, borders]) => ({ row: at.row + rows, col: at.col + cols, borders }));
}

/** The frame a mark at `at` keeps: its outline's cells by their offsets, each with its borders before. */
function frameOf<B>(at: At, cells: ReadonlyArray<At & { borders: B }>): Frame<B> {
  return cells.map((c) => [c.row - at.row, c.col - at.col, c.borders]);
}

const atOf = (cell: string): At => parseA1(cell)!;
const worse = (a: CellMark, b: CellMark): boolean => a.severity === 'error' && b.severity !== 'error';

/** Each mark's outline cells in the merged areas of its sheet (by markKey; the worse mark's where two fall in one area), as addresses. */
export function outlinesOf(marks: readonly CellMark[], areas: ReadonlyMap<string, readonly RangeBox[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [sheet, boxes] of areas) {
    const placed = marks.filter((m) => m.sheet === sheet).map((m) => ({ ...atOf(m.cell), mark: m }));
    for (const { row, col, mark } of outlineCells(placed, boxes, (a, b) => worse(a.mark, b.mark))) {
      const key = markKey(sheet, mark.mark.cell);
      const cells = out.get(key);
      if (cells) cells.push(a1(row, col));
      else out.set(key, [a1(row, col)]);
    }
  }
  return out;
}

/** A marked cell as a host's record keeps it: where, its borders before (absent in a record of before marks were framed), its frame. */
interface FramedPrior<B> {
  sheet: string;
  cell: string;
  borders?: B;
  frame?: Frame<B>;
}

/**
 * The borders before of the cells a record knows (by markKey): each stored mark's own and its frame's, where the mark
 * is now. A cell our frame is on now is taken from here, not read (it shows our frame).
 */
export function knownBorders<B>(stored: ReadonlyArray<FramedPrior<B>>): Map<string, B> {
  const known = new Map<string, B>();
  for (const p of stored) {
    if (p.borders) known.set(markKey(p.sheet, p.cell), p.borders);
    for (const c of frameCells(atOf(p.cell), p.frame)) known.set(markKey(p.sheet, a1(c.row, c.col)), c.borders);
  }
  return known;
}

/** The frame a mark keeps: its outline cells (addresses on its sheet), each with its borders before (`bordersOf`). */
export function frameKept<B>(mark: { cell: string }, outline: readonly string[], bordersOf: (cell: string) => B): Frame<B> {
  return frameOf(
    atOf(mark.cell),
    outline.map((cell) => ({ ...atOf(cell), borders: bordersOf(cell) })),
  );
}

/** A stored mark's frame cells where the mark is now (`cell`): each an address with its borders before. */
export function frameNow<B>(prior: FramedPrior<B>, cell: string): Array<{ cell: string; borders: B }> {
  return frameCells(atOf(cell), prior.frame).map((c) => ({ cell: a1(c.row, c.col), borders: c.borders }));
}
