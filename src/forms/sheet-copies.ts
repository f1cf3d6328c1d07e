/**
 * A table form pasted twice on one sheet (review round 10a D2): the 一式两份 habit, the form printed twice on one
 * page. The first copy is the record; a later copy with as many rows, at least half of them the same as the
 * first's at the same place, is that form again, not more rows of it (a continuation page lists other
 * movements). It is not read: its rows doubled every bag out (false overdraw). Each of its rows that differs
 * from the first's is noted (`sheetCopy[i]`, at the copy's first differing cell) for form-copies-disagree to
 * say, naming both cells and what each says — as forms/schedule-copies.ts does for a copied 考试安排.
 */
import { a1 } from '../model/grid';
import { labelOf } from '../model/labels';
import { locate, type LocationMap } from '../model/location';
import { addLocation } from '../model/location-map';
import type { SiteModel } from '../model/site-model';
import type { FormRecord } from './layout';
import type { SheetRead } from './other-semester';

/** A later copy on a sheet, and the first copy on that sheet it repeats. */
export interface CopyPair {
  first: SheetRead;
  copy: SheetRead;
}

const rowsOf = (read: SheetRead | FormRecord): FormRecord[] => {
  const record = 'record' in read ? (read.record as FormRecord) : read;
  return (record.rows as FormRecord[] | undefined) ?? [];
};

/** Whether a later copy's rows are the first copy's again: as many rows, at least half the same at the same place. */
export function isCopyOf(first: FormRecord, later: FormRecord): boolean {
  const a = rowsOf(first);
  const b = rowsOf(later);
  if (a.length === 0 || a.length !== b.length) return false;
  const same = a.filter((row, i) => JSON.stringify(row) === JSON.stringify(b[i])).length;
  return same * 2 >= a.length;
}

/** A time as read (2026-01-11T07:30) as the messages write times (1月11日 07:30); names joined; 是/否; else as read. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空白）';
  if (Array.isArray(value)) return value.map(shown).join('、');
  // The roster's 正式职工 · 考生亲属 · 保密承诺书, as the sheet writes them.
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  const m = /^\d{4}-(\d\d)-(\d\d)T(\d\d:\d\d)/.exec(text);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : text;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/**
 * Notes each row of a later copy that differs from the first copy's row at its place. `locate` gives where a
 * copy's values sit, as if it were bound alone (`vaultLog[2].takenAt`).
 */
export function noteSheetCopies(model: SiteModel, pairs: readonly CopyPair[], locateAlone: (read: SheetRead) => LocationMap): void {
  for (const { first, copy } of pairs) {
    const key = copy.entry.key;
    const firstRows = rowsOf(first);
    const copyRows = rowsOf(copy);
    const firstAt = locateAlone(first);
    const copyAt = locateAlone(copy);
    // Where the copy begins: its title's cell (else its first row's).
    const title = copy.read.title;
    const copyStart = title ? a1(title.row, title.col) : locate(copyAt, `${key}[0]`)?.cell;
    copyRows.forEach((row, j) => {
      const before = firstRows[j];
      const fields = [...new Set([...Object.keys(before), ...Object.keys(row)])].filter((k) => !sameValue(before[k], row[k]));
      if (fields.length === 0) return;
      const diffs = fields.map((k) => {
        const path = `${key}[${j}].${k}`;
        return {
          field: labelOf(path),
          cell: locate(copyAt, path)?.cell ?? '',
          value: shown(row[k]),
          firstCell: locate(firstAt, path)?.cell ?? '',
          firstValue: shown(before[k]),
        };
      });
      const at = locate(copyAt, `${key}[${j}].${fields[0]}`);
      if (!at) return;
      const notes = (model.sheetCopies ??= []);
      addLocation(model.locations, `sheetCopy[${notes.length}]`, { ...at });
      notes.push({ form: key, sheet: copy.sheet.name, copyCell: copyStart ?? at.cell, diffs });
    });
  }
}
