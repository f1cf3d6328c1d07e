/**
 * A mark on a merged cell frames its area's whole outline in Excel too
 * (check/mark-outline.ts: Excel draws a merged area's border from the cells on
 * its edges). The merged areas of the marks' sheets come with ExcelApi 1.13
 * (Range.getMergedAreasOrNullObject, asked of the whole sheet: of one cell it
 * gives only the areas whose first cell it is); each outline cell's borders
 * before are kept with its mark (a Frame), so that 清除标记 puts them back
 * wherever the mark is found then. Without 1.13 a mark frames its cell alone.
 */
import type { CellMark } from '../check/marks';
import { markKey } from '../check/mark-clear';
import { type At, type Frame, frameCells, frameOf, mergedAreas, outlineCells } from '../check/mark-outline';
import { type RangeBox, a1, parseA1 } from '../model/grid';
import { mergeAddresses } from './office-grid';
import type { PriorState } from './office-marks-now';

/** A cell's four edges' [style, weight, colour], as office-marks.ts reads and sets them. */
export type Edges = Array<[string, string, string]>;

/** Queues the load of the merged areas of `sheets` (to ride on the caller's next sync); what it returns reads them after it. */
export function loadMergedAreas(worksheets: Excel.WorksheetCollection, sheets: Iterable<string>): () => Map<string, RangeBox[]> {
  const loaded = [...sheets].map((name) => {
    const areas = worksheets.getItem(name).getRange().getMergedAreasOrNullObject();
    areas.load('isNullObject,address');
    return { name, areas };
  });

  return () => new Map(loaded.map(({ name, areas }) => [name, areas.isNullObject ? [] : mergedAreas(mergeAddresses(areas.address))]));
}

const atOf = (cell: string): At => parseA1(cell)!;
const worse = (a: CellMark, b: CellMark): boolean => a.severity === 'error' && b.severity !== 'error';

/** Each mark's outline cells (by its key; the worse mark's where two fall in one area), as addresses. */
export function outlinesOf(marks: readonly CellMark[], areas: ReadonlyMap<string, RangeBox[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [sheet, boxes] of areas) {
    const placed = marks.filter((m) => m.sheet === sheet).map((m) => ({ ...atOf(m.cell), mark: m }));
    for (const { row, col, mark } of outlineCells(placed, boxes, (a, b) => worse(a.mark, b.mark))) {
      const key = markKey(sheet, mark.mark.cell);
      out.set(key, [...(out.get(key) ?? []), a1(row, col)]);
    }
  }
  return out;
}

/**
 * The borders before of the cells the record knows: each stored mark's own and those of its frame, where it is now.
 * A cell that carries a mark's frame now is read from here, not from the sheet (which shows our frame).
 */
export function knownBorders(stored: readonly PriorState[]): Map<string, Edges> {
  const known = new Map<string, Edges>();
  for (const p of stored) {
    if (p.borders) known.set(markKey(p.sheet, p.cell), p.borders);
    for (const c of frameCells(atOf(p.cell), p.frame)) known.set(markKey(p.sheet, a1(c.row, c.col)), c.borders);
  }
  return known;
}

/** The frame a mark keeps: its outline cells, each with its borders before (known, else as read now). */
export function frameKept(mark: Pick<CellMark, 'sheet' | 'cell'>, outline: readonly string[], bordersOf: (key: string) => Edges): Frame<Edges> {
  return frameOf(
    atOf(mark.cell),
    outline.map((cell) => ({ ...atOf(cell), borders: bordersOf(markKey(mark.sheet, cell)) })),
  );
}

/** A stored mark's frame cells where the mark is now (`cell`), each as an address with its borders before. */
export function frameNow(prior: PriorState, cell: string): Array<{ cell: string; borders: Edges }> {
  return frameCells(atOf(cell), prior.frame).map((c) => ({ cell: a1(c.row, c.col), borders: c.borders }));
}
