/**
 * A form on a sheet whose rows could not be read (its table's header row not found; 附件5 without the 值班时间 its
 * shifts start with): noted in the model at the form's title, so that the rest of the workbook is checked all the
 * same and this sheet is said at its own place (review 17b D2: one sheet's unread rows had refused the whole workbook).
 * One of several copies on a sheet (`copy`, 1-based, forms/repeated.ts) is that copy alone, at its title (fix-stacked25).
 */
import { a1 } from '../model/grid';
import { addLocation } from '../model/location-map';
import type { SiteModel } from '../model/site-model';
import type { FormEntry } from './index';
import { FormRead, rowLabels } from './read';

export function noteUnreadRows(model: SiteModel, entry: FormEntry, sheet: string, read: FormRead, copy?: number): void {
  if (!read.rowsUnread) return;
  const list = (model.unreadRows ??= []);
  const cell = read.title ? a1(read.title.row, read.title.col) : 'A1';
  addLocation(model.locations, `unreadRows[${list.length}]`, { sheet, cell, form: entry.layout.attachment, row: null });
  list.push({ sheet, form: entry.layout.id, ...rowLabels(entry.layout), ...(copy ? { copy: { number: copy, cell } } : {}) });
}
