/**
 * A mark's frame in WPS: the four edges of a cell read and set in ET's
 * numbers, and — a mark on a merged cell framing its area's whole outline, as
 * WPS draws a merged area's border from the cells on its edges
 * (check/mark-outline.ts) — the merged area each mark's cell is in
 * (Range.MergeArea: the cell itself where it is in none).
 *
 * A frame's cells are read and set a run at a time (framesRuns: cells side by
 * side in a row, or one above another in a column, with one look), one Range
 * for the run: its four edges and the edges inside it (xlInsideVertical,
 * xlInsideHorizontal) — some 17 calls a run, where a cell alone takes 14: a
 * merged area's side of any length costs what one cell did.
 */
import type { CellMark, MarkBorder } from '../../check/marks';
import { mergedAreas } from '../../check/mark-outline';
import { type RangeBox, parseA1, parseRange } from '../../model/grid';
import { EtObject, XL, address, get, rangeBox, rangeOf, setEach } from './et';
import { a1 } from '../../model/grid';

/** A cell's four edges' [LineStyle, Weight, Color], as EDGES (null: a member the build lacks). */
export type EtEdges = Array<[number | null, number | null, number | null]>;

/** Borders.Item: xlEdgeLeft, xlEdgeTop, xlEdgeBottom, xlEdgeRight. */
const EDGES = [7, 8, 9, 10] as const;

/** A fill or border member as read: a number, or null where the build has no such member (kept as it was, not as 0). */
export function numberOf(interior: EtObject, name: string): number | null {
  const v = get(interior, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A mark's frame on each edge, in ET's numbers: thick continuous, medium dashed; black. */
export const markEdges = (border: MarkBorder): EtEdges =>
  EDGES.map(() => [border.line === 'dashed' ? XL.dash : XL.continuous, border.weight === 'thick' ? XL.thick : XL.medium, 0]);

/** Borders.Item: xlInsideVertical, xlInsideHorizontal (the edges between a range's cells). */
const INSIDE = { row: 11, column: 12 } as const;

type Edge = EtEdges[number];

/** Each edge of a cell's borders as read (`inside`: the edges between a run's cells too, last). */
export function readBorders(range: EtObject, inside?: number): EtEdges {
  const borders = get(range, 'Borders');
  return [...EDGES, ...(inside ? [inside] : [])].map((edge) => {
    const line = get(borders, 'Item', edge);
    return [numberOf(line, 'LineStyle'), numberOf(line, 'Weight'), numberOf(line, 'Color')];
  });
}

/**
 * Sets each edge of a cell's borders ([LineStyle, Weight, Color]; LineStyle xlNone takes it away), each member on its
 * own: one a build refuses costs no other. `inside`: a run's edges between its cells, set as its cells' own sides.
 */
export function setBorders(
  range: EtObject,
  edges: ReadonlyArray<readonly [number | null, number | null, number | null]>,
  inside?: readonly [number, Edge],
): void {
  const borders = get(range, 'Borders');
  const lines: ReadonlyArray<readonly [number, Edge]> = [...EDGES.map((edge, i): [number, Edge] => [edge, edges[i] as Edge]), ...(inside ? [inside] : [])];
  lines.forEach(([edge, [style, weight, color]]) => {
    const line = get(borders, 'Item', edge);
    if (style === XL.none) setEach(line, [['LineStyle', XL.none]]);
    else
      setEach(
        line,
        [
          ['LineStyle', style],
          ['Weight', weight],
          ['Color', color],
        ].filter(([, v]) => v !== null) as Array<[string, number]>,
      );
  });
}

/** A frame's cells side by side (a row or a column of them) with one look: one Range. */
interface Run {
  box: RangeBox;
  /** Its cells' edges (a cell alone: its own); undefined while only the cells are known (a run to read). */
  look?: EtEdges;
}

const sameEdge = (a: Edge, b: Edge): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
const boxName = (box: RangeBox): string =>
  box.top === box.bottom && box.left === box.right ? a1(box.top, box.left) : `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`;

/** A cell of a frame placed, with its look (none: a cell to read) and that look as text, to compare. */
type Placed = { row: number; col: number; look?: EtEdges; key: string };

const boxOf = (run: readonly Placed[]): RangeBox => {
  const last = run[run.length - 1];
  return { top: run[0].row, left: run[0].col, bottom: last.row, right: last.col };
};

/**
 * Cells as runs: side by side in a row where their looks are one and each cell's left edge is its right (the edge
 * between two cells of a run is one edge), else one above another in a column where each one's top is its bottom;
 * any other cell a run of its own. Without looks (cells to read), any cells side by side.
 */
function runsOf(cells: ReadonlyArray<{ cell: string; look?: EtEdges }>): Run[] {
  const placed = cells.map((c): Placed => ({ ...parseA1(c.cell)!, look: c.look, key: c.look ? JSON.stringify(c.look) : '' }));
  const runs: Run[] = [];
  const alone = joinRuns(joinRuns(placed, 'row', runs), 'col', runs);
  return [...runs, ...alone.map((c) => ({ box: boxOf([c]), look: c.look }))];
}

/** Adds to `runs` the runs of two cells or more along a row (or a column) of `cells`; returns the cells in none. */
function joinRuns(cells: readonly Placed[], line: 'row' | 'col', runs: Run[]): Placed[] {
  const along = line === 'row' ? 'col' : 'row';
  const [a, b] = line === 'row' ? [0, 3] : [1, 2];
  const joins = (c: Placed): boolean => !c.look || sameEdge(c.look[a], c.look[b]);
  const alone: Placed[] = [];
  let run: Placed[] = [];
  const flush = (): void => {
    if (run.length > 1) runs.push({ box: boxOf(run), look: run[0].look });
    else alone.push(...run);
    run = [];
  };
  for (const c of [...cells].sort((x, y) => x[line] - y[line] || x[along] - y[along])) {
    const last = run[run.length - 1];
    if (!last || last[line] !== c[line] || last[along] + 1 !== c[along] || last.key !== c.key || !joins(c)) flush();
    if (joins(c)) run.push(c);
    else alone.push(c);
  }
  flush();
  return alone;
}

/** The edge between a run's cells, and which of its looks' edges it is (left for a row, top for a column); none for a cell alone. */
function insideOf(box: RangeBox): { item: number; side: number } | undefined {
  if (box.right > box.left) return { item: INSIDE.row, side: 0 };
  if (box.bottom > box.top) return { item: INSIDE.column, side: 1 };
  return undefined;
}

/** Sets a frame's cells' edges, a run at a time. */
export function setFrame(ws: EtObject, cells: ReadonlyArray<{ cell: string; borders: EtEdges }>): void {
  for (const { box, look } of runsOf(cells.map((c) => ({ cell: c.cell, look: c.borders })))) {
    const inside = insideOf(box);
    setBorders(rangeOf(ws, boxName(box)), look!, inside && [inside.item, look![inside.side]]);
  }
}

/**
 * The edges of cells a frame will cover, as they are: a run side by side read at once where every edge reads one
 * value over it and each cell's left (or top) is the edge between its cells — one look for all; else (the cells
 * differ, or the build answers a range's edge with nothing) cell by cell.
 */
export function readFrame(ws: EtObject, cells: readonly string[]): Map<string, EtEdges> {
  const read = new Map<string, EtEdges>();
  for (const { box } of runsOf(cells.map((cell) => ({ cell })))) {
    const inside = insideOf(box);
    const edges = readBorders(rangeOf(ws, boxName(box)), inside?.item);
    // A row's cells are one look where its left edge, its right and the edges between its cells read one (a column's: its top, bottom and between).
    const [a, b] = inside?.side === 0 ? [0, 3] : [1, 2];
    const one = edges.every((e) => e.every((v) => v !== null)) && (!inside || (sameEdge(edges[a], edges[4]) && sameEdge(edges[b], edges[4])));
    for (let row = box.top; row <= box.bottom; row++)
      for (let col = box.left; col <= box.right; col++) read.set(a1(row, col), one ? edges.slice(0, 4) : readBorders(rangeOf(ws, a1(row, col))));
  }
  return read;
}

/**
 * A range's address "C3:E3", from Row, Column and the counts (the documented members), else from Address (a build or
 * object model without them); '' where neither answers.
 */
function addressOf(range: EtObject): string {
  const box = rangeBox(range);
  return box ? `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}` : address(range);
}

/** The merged area a cell is in, as an address ('' where the build will not say). */
function mergeAreaOf(cell: EtObject): string {
  try {
    const area = get(cell, 'MergeArea');
    return area ? addressOf(area) : '';
  } catch {
    return '';
  }
}

/** The merged areas the marks' cells are in, by sheet (a build without MergeArea: none, each mark framing its cell alone). */
export function mergedAreasOf(sheets: ReadonlyMap<string, EtObject>, marks: readonly CellMark[]): Map<string, RangeBox[]> {
  const refs = new Map<string, Set<string>>();
  for (const m of marks) {
    const ref = mergeAreaOf(rangeOf(sheets.get(m.sheet), m.cell));
    if (ref) refs.set(m.sheet, (refs.get(m.sheet) ?? new Set()).add(ref));
  }
  return new Map([...refs].map(([sheet, areas]) => [sheet, mergedAreas(areas)]));
}

/** The merged area a sheet's cell is in now (Range.MergeArea; undefined: none, or a build that will not say). */
export function mergedAreaAt(ws: EtObject, cell: string): RangeBox | undefined {
  const area = parseRange(mergeAreaOf(rangeOf(ws, cell)));
  return area && (area.bottom > area.top || area.right > area.left) ? area : undefined;
}
