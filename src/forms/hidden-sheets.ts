/**
 * Sheets the workbook hides (review 6, D2). Officers keep an old draft of a
 * form as a hidden sheet: read as a second copy of the form, its bags were
 * added to the real record (false overdraws on the visible, correct sheet) and
 * its findings pointed at a sheet nobody could see. A hidden sheet of a form
 * that a shown sheet also holds is therefore not read; a hidden sheet that is
 * the only one of its form is read (it is the record there is). Either way the
 * officer is told once, at the sheet (hidden-sheet).
 */
import { addLocation } from '../model/location-map';
import { parseRange, type SheetGrid } from '../model/grid';
import type { HiddenSheet, SiteModel } from '../model/site-model';
import type { FormEntry } from './index';

interface Recognised {
  sheet: SheetGrid;
  entry: FormEntry | null;
}

/**
 * The hidden sheets taken for a form, each with whether it is read; those not read lose their form
 * (`entry` null), so that nothing reads them.
 */
export function setAsideHiddenSheets(recognised: Recognised[]): HiddenSheet[] {
  const shown = new Set(recognised.filter((r) => r.entry && !r.sheet.state).map((r) => r.entry!.layout.id));
  const notes: HiddenSheet[] = [];
  for (const r of recognised) {
    if (!r.entry || !r.sheet.state) continue;
    const read = !shown.has(r.entry.layout.id);
    notes.push({ sheet: r.sheet.name, cell: 'A1', form: r.entry.layout.attachment, formId: r.entry.layout.id, read });
    if (!read) r.entry = null;
  }
  return notes;
}

/** Lists the hidden sheets in the model, `hiddenSheets[i]` located at the sheet's first cell, for hidden-sheet to say each once. */
export function noteHiddenSheets(model: SiteModel, notes: readonly HiddenSheet[]): void {
  if (notes.length === 0) return;
  model.hiddenSheets = [...notes];
  notes.forEach(({ sheet, cell, form }, i) => addLocation(model.locations, `hiddenSheets[${i}]`, { sheet, cell, form, row: null }));
}

/**
 * The rows each sheet hides, 1-based, for a finding on one to say so (kept per sheet, not per cell); those of
 * them under the header row of the sheet's autoFilter also as filtered out (review 12 D6): 取消隐藏 does not
 * show them, clearing the filter does, and they are records, not lines to delete.
 */
export function noteHiddenRows(model: SiteModel, grid: { sheets: readonly SheetGrid[] }): void {
  for (const sheet of grid.sheets) {
    if (!sheet.hiddenRows?.length) continue;
    (model.hiddenRows ??= {})[sheet.name] = sheet.hiddenRows.map((r) => r + 1);
    const filter = sheet.autoFilter ? parseRange(sheet.autoFilter) : undefined;
    const filtered = filter ? sheet.hiddenRows.filter((r) => r > filter.top && r <= filter.bottom) : [];
    if (filtered.length) (model.filteredRows ??= {})[sheet.name] = filtered.map((r) => r + 1);
    if (sheet.filterUnknown) (model.filterUnknown ??= []).push(sheet.name);
  }
}
