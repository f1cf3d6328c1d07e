/**
 * Where 交接配对 and 问题清单 point a handover whose two copies disagree: at
 * the differing field's cell in each copy, as validate and the marked copy do
 * (handover-copies-disagree), not at the slip's 附件1 label.
 */
import { parseA1 } from '../model/grid';
import { type copyFields, differingFields } from '../model/pairing';

/** What of a copy the cells are found from. */
export interface CopyCells {
  /** The handover's own cell: where a copy whose fields' cells are not known is pointed. */
  cell: string | null;
  fields: ReturnType<typeof copyFields>;
  /** Each item row as compared (`itemLine`), in the sheet's order. */
  itemLines: readonly string[];
  /** The cell of each compared field and item row (`items[k]`): HandoverBrief.fieldCells. */
  fieldCells: Readonly<Record<string, string>>;
}

/**
 * The cell of each copy a disagreement is pointed at, as the validator lists its findings first: the topmost,
 * leftmost of the differing fields' cells (an item row's at the first row whose line differs). A copy whose
 * cells are not known keeps its handover's cell.
 */
export function firstDifferingCells(s: CopyCells, r: CopyCells): [string | null, string | null] {
  const fields: string[] = differingFields(s.fields, r.fields).filter((f) => f !== 'items');
  if (s.fields.items !== r.fields.items) {
    let k = 0;
    while (k < Math.max(s.itemLines.length, r.itemLines.length) - 1 && s.itemLines[k] === r.itemLines[k]) k++;
    fields.push(`items[${k}]`);
  }
  return [topmost(fields, s), topmost(fields, r)];
}

/** The topmost, leftmost cell of `fields` in copy `c`, or its handover's cell. */
function topmost(fields: readonly string[], c: CopyCells): string | null {
  const cells = fields.flatMap((f) => {
    const at = c.fieldCells[f] ? parseA1(c.fieldCells[f]) : undefined;
    return at ? [{ at, cell: c.fieldCells[f] }] : [];
  });
  cells.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  return cells[0]?.cell ?? c.cell;
}
