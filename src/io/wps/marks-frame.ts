/**
 * A mark's frame in WPS: the four edges of a cell read and set in ET's
 * numbers, and — a mark on a merged cell framing its area's whole outline, as
 * WPS draws a merged area's border from the cells on its edges
 * (check/mark-outline.ts) — the merged area each mark's cell is in
 * (Range.MergeArea: the cell itself where it is in none).
 */
import type { CellMark, MarkBorder } from '../../check/marks';
import { mergedAreas } from '../../check/mark-outline';
import type { RangeBox } from '../../model/grid';
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

/** Each edge of a cell's borders as read. */
export function readBorders(range: EtObject): EtEdges {
  const borders = get(range, 'Borders');
  return EDGES.map((edge) => {
    const line = get(borders, 'Item', edge);
    return [numberOf(line, 'LineStyle'), numberOf(line, 'Weight'), numberOf(line, 'Color')];
  });
}

/** Sets each edge of a cell's borders ([LineStyle, Weight, Color]; LineStyle xlNone takes it away), each member on its own: one a build refuses costs no other. */
export function setBorders(range: EtObject, edges: ReadonlyArray<readonly [number | null, number | null, number | null]>): void {
  const borders = get(range, 'Borders');
  EDGES.forEach((edge, i) => {
    const [style, weight, color] = edges[i];
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
