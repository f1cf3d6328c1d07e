/**
 * The order of the elements that close a worksheet part (CT_Worksheet): a
 * writer that adds one of them to a written sheet puts it before the first
 * of those that must follow it (chart.ts's <drawing>, mark-parts.ts's
 * <legacyDrawing>, mark-footer.ts's <headerFooter>, mark-print.ts's print setup).
 */
const WORKSHEET_TAIL = [
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
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

/**
 * Where in `sheet` an element `tag` ("<drawing") goes: before the first
 * element that must follow it among the worksheet's own children (an
 * <extLst> inside a conditional format or a filter is not one), else before
 * </worksheet>. Searched from the end of <sheetData>, which they all follow.
 */
export function insertionPoint(sheet: string, tag: string): number {
  const followers = new Set(WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(tag) + 1).map((t) => t.slice(1)));
  const data = /<sheetData\b[^>]*?\/>|<\/sheetData\s*>/.exec(sheet);
  const tags = /<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  tags.lastIndex = data ? data.index + data[0].length : 0;
  let depth = 0;
  for (let m = tags.exec(sheet); m; m = tags.exec(sheet)) {
    if (m[2] === undefined) continue; // a comment or a processing instruction
    if (m[1]) {
      if (depth === 0) return m.index; // </worksheet>
      depth--;
    } else if (depth === 0 && followers.has(m[2])) return m.index;
    else if (!m[3]) depth++;
  }
  return sheet.length;
}
