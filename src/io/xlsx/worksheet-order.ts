/**
 * The order of the elements that close a worksheet part (CT_Worksheet): a
 * writer that adds one of them to a written sheet puts it before the first
 * of those that must follow it (chart.ts's <drawing>, mark-parts.ts's
 * <legacyDrawing>).
 */
const WORKSHEET_TAIL = [
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Where in `sheet` an element `tag` ("<drawing") goes: before the first element that must follow it (searched from `from`). */
export function insertionPoint(sheet: string, tag: string, from = 0): number {
  const after = WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(tag) + 1);
  return Math.min(...after.map((t) => sheet.indexOf(t, from)).filter((i) => i >= 0));
}
