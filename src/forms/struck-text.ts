/**
 * Cells of a form corrected in place — the old text struck through, the new typed after it (“~~2~~ 3”,
 * “~~李强~~赵敏”): the reader takes the text not struck (SheetGrid.struckText, review 24 D5), and each such cell the
 * form read as one of its values is listed here for struck-text to ask that it be cleaned: a strikethrough may not
 * show in print or in another program, and the two texts then read as one.
 */
import { parseA1, type SheetGrid } from '../model/grid';
import { addLocation } from '../model/location-map';
import type { FormNumber } from '../model/location';
import type { SiteModel } from '../model/site-model';
import type { FormRead } from './read';
import { noteVoided } from './voided';

/** The 序号 of the form's value at (row, col): a field's, or its table row's; undefined for a cell the form did not read. */
function seqAt(read: FormRead, row: number, col: number): number | null | undefined {
  const field = read.locations.find((l) => l.row === row && l.col === col);
  if (field) return field.seq;
  const grid = read.table?.grid;
  const item = grid ? grid.rows.indexOf(row) : -1;
  if (item < 0 || !grid) return undefined;
  const columns = [...grid.columns, ...(grid.moved ?? []).flatMap((m) => m.columns)];
  return columns.some((c) => c.col === col) ? grid.seqs[item] : undefined;
}

/** Lists each cell of `sheet` corrected in place that the form read (`struckText[i]`, located at the cell). */
function noteStruckText(model: SiteModel, sheet: SheetGrid, read: FormRead, form: FormNumber): void {
  for (const [cell, struck] of Object.entries(sheet.struckText ?? {})) {
    const at = parseA1(cell);
    const seq = at ? seqAt(read, at.row, at.col) : undefined;
    if (!at || seq === undefined) continue;
    const list = (model.struckText ??= []);
    addLocation(model.locations, `struckText[${list.length}]`, { sheet: sheet.name, cell, form, row: seq });
    list.push({ sheet: sheet.name, cell, struck, read: String(sheet.rows[at.row]?.[at.col] ?? '') });
  }
}

/** What of a form read is struck: its rows struck out (voided.ts, for voided-row) and its cells corrected in place. */
export function noteStruck(model: SiteModel, sheet: SheetGrid, read: FormRead, form: FormNumber): void {
  for (const voided of read.voided) noteVoided(model, sheet.name, voided, form);
  noteStruckText(model, sheet, read, form);
}
