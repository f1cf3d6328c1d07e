/**
 * A mark on a merged cell frames its area's whole outline in Excel too
 * (check/mark-outline.ts: Excel draws a merged area's border from the cells on
 * its edges). The merged areas of the marks' sheets come with ExcelApi 1.13
 * (Range.getMergedAreasOrNullObject, asked of the whole sheet: of one cell it
 * gives only the areas whose first cell it is); each outline cell's borders
 * before are kept with its mark (a Frame), so that 清除标记 puts them back
 * wherever the mark is found then. Without 1.13 a mark frames its cell alone.
 */
import { mergedAreas } from '../check/mark-outline';
import type { RangeBox } from '../model/grid';
import { mergeAddresses } from './office-grid';
import type { PriorState } from './office-marks-now';

/** Queues the load of the merged areas of `sheets` (to ride on the caller's next sync); what it returns reads them after it. */
export function loadMergedAreas(worksheets: Excel.WorksheetCollection, sheets: Iterable<string>): () => Map<string, RangeBox[]> {
  const loaded = [...sheets].map((name) => {
    const areas = worksheets.getItem(name).getRange().getMergedAreasOrNullObject();
    areas.load('isNullObject,address');
    return { name, areas };
  });

  return () => new Map(loaded.map(({ name, areas }) => [name, areas.isNullObject ? [] : mergedAreas(mergeAddresses(areas.address))]));
}

/**
 * The sheets whose merged areas a marking or 清除标记 asks for: those of the marks to write, and those the stored
 * framed marks are on now — rows or columns inserted inside a framed area since 标记 widen it, and its frame is put
 * back on the area as it is then (check/mark-outline.ts frameNow).
 */
export function framedSheets(
  marks: ReadonlyArray<{ sheet: string }>,
  stored: readonly PriorState[],
  sheetOf: (p: PriorState) => string | undefined,
): Set<string> {
  const sheets = new Set(marks.map((m) => m.sheet));
  for (const p of stored) {
    const sheet = p.frame ? sheetOf(p) : undefined;
    if (sheet !== undefined) sheets.add(sheet);
  }
  return sheets;
}
