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
import { showTime, tm } from '../model/values';
import type { FormRecord } from './layout';
import type { SheetRead } from './other-semester';

/** A later copy on a sheet, and the first copy on that sheet it repeats. */
export interface CopyPair {
  first: SheetRead;
  copy: SheetRead;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

const rowsOf = (record: FormRecord): FormRecord[] => (record.rows as FormRecord[] | undefined) ?? [];

/** The fields either of two rows has. */
const fieldsOf = (a: FormRecord, b: FormRecord): string[] => [...new Set([...Object.keys(a), ...Object.keys(b)])];

/** The fields of two rows that differ. */
const differing = (a: FormRecord, b: FormRecord): string[] => fieldsOf(a, b).filter((k) => !sameValue(a[k], b[k]));

/**
 * Whether a later copy's rows are the first copy's again: as many rows, at least half the same at the same place,
 * and every other one the same row with a few cells changed (at most half its cells). A row of another paper, time
 * and taker is another movement: a continuation page begun from a copy of the first, one row left in, is read as
 * more rows, not set aside as a copy (review 11 D1: 3310's only checkout went unread).
 */
export function isCopyOf(first: FormRecord, later: FormRecord): boolean {
  const a = rowsOf(first);
  const b = rowsOf(later);
  if (a.length === 0 || a.length !== b.length) return false;
  const changed = a.map((row, i) => ({ fields: differing(row, b[i]).length, of: fieldsOf(row, b[i]).length }));
  const same = changed.filter((c) => c.fields === 0).length;
  return same * 2 >= a.length && changed.every((c) => c.fields * 2 <= c.of);
}

/**
 * Whether the copy's rows differ from the first's in `field` alone (考试安排's 报考人数): schedule-copies-disagree says
 * that one, with which count the papers were checked against, wherever the copy is (review 11 D4: one fact, two verdicts).
 */
export function differsOnlyIn(first: FormRecord, later: FormRecord, field: string): boolean {
  const a = rowsOf(first);
  return rowsOf(later).every((row, i) => differing(a[i], row).every((k) => k === field));
}

/** A time as read (2026-01-11T07:30) as the messages write times (1月11日 07:30); names joined; 是/否; else as read. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空白）';
  if (Array.isArray(value)) return value.map(shown).join('、');
  // The roster's 正式职工 · 考生亲属 · 保密承诺书, as the sheet writes them.
  if (typeof value === 'boolean') return value ? '是' : '否';
  return Number.isNaN(tm(value)) ? String(value) : showTime(tm(value));
}

/**
 * Notes each row of a later copy that differs from the first copy's row at its place. `locate` gives where a
 * copy's values sit, as if it were bound alone (`vaultLog[2].takenAt`).
 */
export function noteSheetCopies(model: SiteModel, pairs: readonly CopyPair[], locateAlone: (read: SheetRead) => LocationMap): void {
  for (const { first, copy } of pairs) {
    const key = copy.entry.key;
    const firstRows = rowsOf(first.record);
    const copyRows = rowsOf(copy.record);
    const firstAt = locateAlone(first);
    const copyAt = locateAlone(copy);
    // Where the copy begins: its title's cell (else its first row's).
    const title = copy.read.title;
    const copyStart = title ? a1(title.row, title.col) : locate(copyAt, `${key}[0]`)?.cell;
    copyRows.forEach((row, j) => {
      const before = firstRows[j];
      const fields = differing(before, row);
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
      const firstSheet = first.sheet.name !== copy.sheet.name ? { firstSheet: first.sheet.name } : {};
      notes.push({ form: key, sheet: copy.sheet.name, copyCell: copyStart ?? at.cell, diffs, ...firstSheet });
    });
  }
}
