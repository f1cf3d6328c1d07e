/**
 * Where 交接配对 and 问题清单 point a handover whose two copies disagree: at
 * the differing field's cell in each copy, as validate and the marked copy do
 * (handover-copies-disagree), not at the slip's 附件1 label.
 */
import { parseA1 } from '../model/grid';
import { type CopyFields, differingFields, differingItemPart, lineParts } from '../model/pairing';
import { type ItemText, type PaperNames, differencePaths, paperDifferences } from '../model/item-papers';

/** What of a copy the cells are found from. */
export interface CopyCells {
  /** The handover's own cell: where a copy whose fields' cells are not known is pointed. */
  cell: string | null;
  fields: CopyFields;
  /** Each item row as compared (`itemLine`), in the sheet's order. */
  itemLines: readonly string[];
  /** The item rows as written (their papers are in their 备注: item-papers.ts). */
  items: readonly ItemText[];
  /** The cell of each compared field and item row (`items[k]`): HandoverBrief.fieldCells. */
  fieldCells: Readonly<Record<string, string>>;
  /** Its workbook's papers by the names its items write (item-papers.ts workbookPaperNames). */
  names?: PaperNames;
}

/**
 * The cell of each copy a disagreement is pointed at, as the validator lists its findings first: the topmost,
 * leftmost of the differing fields' cells (an item row's at the first row whose line differs: its 数量 or
 * 试卷归属 where only that differs, else its 序号; paper by paper, each paper whose bags differ, as
 * handover-copies-disagree points at it: item-papers.ts differencePaths). A copy whose
 * cells are not known keeps its handover's cell.
 */
export function firstDifferingCells(s: CopyCells, r: CopyCells): [string | null, string | null] {
  const differing = differingFields(s.fields, r.fields);
  const fields: string[] = differing.filter((f) => f !== 'items');
  // Paper by paper where both copies name every item's paper (pairing.ts CopyFields.papers): each paper that differs.
  const papers = differing.includes('items') ? paperDifferences(s.items, r.items, s.names, r.names) : undefined;
  if (papers?.length) {
    const paths = papers.map(differencePaths);
    return [topmost([...fields, ...paths.map((p) => p[0])], s), topmost([...fields, ...paths.map((p) => p[1])], r)];
  }
  if (differing.includes('items')) {
    let k = 0;
    while (k < Math.max(s.itemLines.length, r.itemLines.length) - 1 && s.itemLines[k] === r.itemLines[k]) k++;
    fields.push(`items[${k}]${differingPart(s.itemLines[k], r.itemLines[k])}`);
  }
  return [topmost(fields, s), topmost(fields, r)];
}

/** The part of an item row that differs (`differingItemPart`, as handover-copies-disagree points at it), from the copies' item lines. */
function differingPart(a: string | undefined, b: string | undefined): string {
  return a && b ? differingItemPart(lineParts(a), lineParts(b)) : '';
}

/** The topmost, leftmost cell of `fields` in copy `c`, or its handover's cell. */
function topmost(fields: readonly string[], c: CopyCells): string | null {
  const cells = fields.flatMap((f) => {
    // An item's 数量 or 试卷归属 whose cell is not known: its row's 序号.
    const cell = c.fieldCells[f] ?? c.fieldCells[f.split('.')[0]];
    const at = cell ? parseA1(cell) : undefined;
    return at ? [{ at, cell }] : [];
  });
  cells.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  return cells[0]?.cell ?? c.cell;
}
