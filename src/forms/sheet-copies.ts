/**
 * A table form pasted twice on one sheet (review round 10a D2): the 一式两份 habit, the form printed twice on one
 * page. The first copy is the record; a later copy that is the first's rows again — in their order, most of them the
 * same, the others the same row with a few cells changed, a few typed again or left out (forms/row-alignment.ts) —
 * is that form again, not more rows of it (a continuation page lists other movements). It is not read: its rows
 * doubled every bag out (false overdraw). Each of its rows that differs from the first's is noted (`sheetCopy[i]`,
 * at the copy's first differing cell), each row only in the copy at that row, each row only in the first at the
 * first's row, for form-copies-disagree to say, naming the cells and what each says — as forms/schedule-copies.ts
 * does for a copied 考试安排.
 */
import { a1 } from '../model/grid';
import { labelOf } from '../model/labels';
import { locate, type CellLocation, type LocationMap } from '../model/location';
import { addLocation } from '../model/location-map';
import type { SheetCopyNote, SiteModel } from '../model/site-model';
import { showTime, tm } from '../model/values';
import type { FormRecord } from './layout';
import type { SheetRead } from './other-semester';
import { RowStep, copySteps, differing } from './row-alignment';

/** A later copy of a table form, the first copy it repeats, and which row of the one is which of the other. */
export interface CopyPair {
  first: SheetRead;
  copy: SheetRead;
  steps: RowStep[];
  /** A sheet of a form read whole (交接单, 入库清单 …) that is an earlier sheet's form again, unchanged (sameSheetSetAside). */
  same?: true;
}

const rowsOf = (record: FormRecord): FormRecord[] => (record.rows as FormRecord[] | undefined) ?? [];

/**
 * The pair when a later copy's rows are the first copy's again (row-alignment.ts `copySteps`). A row of another
 * paper, time and taker is another movement: a continuation page begun from a copy of the first, one row left in,
 * is read as more rows, not set aside as a copy (review 11 D1: 3310's only checkout went unread).
 */
export function copyPair(first: SheetRead | undefined, copy: SheetRead): CopyPair | undefined {
  const steps = first && copySteps(rowsOf(first.record), rowsOf(copy.record));
  return steps && first && { first, copy, steps };
}

/**
 * Whether the copy's rows are the first's, differing in `field` alone (考试安排's 报考人数): schedule-copies-disagree
 * says that one, with which count the papers were checked against, wherever the copy is (review 11 D4: one fact,
 * two verdicts). A row more or fewer is form-copies-disagree's.
 */
export function differsOnlyIn({ first, copy, steps }: CopyPair, field: string): boolean {
  const a = rowsOf(first.record);
  const b = rowsOf(copy.record);
  return steps.every((s) => s.first !== undefined && s.copy !== undefined && differing(a[s.first], b[s.copy]).every((k) => k === field));
}

/**
 * A sheet of a form read whole (交接单, 分发登记, 入库清单, 值班记录) that reads exactly as an earlier sheet of it — a
 * sheet copied (移动或复制 → 建立副本: “交接单 (2)”) and left unchanged — set aside in `pairs` as that sheet's copy
 * (true): read as another handover or register, its bags were counted twice, and the findings of the double count never
 * said it was a copy (review 24 D7); a copied 入库清单 its bags twice (an inventory mismatch at the first), a copied
 * 值班记录 its shifts twice (duty-gap: each shift overlapping itself) — fix-left29. One note names both sheets. False:
 * another record, to be read. (A table form's sheet copied — 出入库记录 (2) — is its first copy's rows again, read once:
 * copyPair.)
 */
export function sameSheetSetAside(reads: readonly SheetRead[], read: SheetRead, pairs: CopyPair[]): boolean {
  const same = recordText(read.record);
  const first = reads.find((r) => r.entry.key === read.entry.key && r.sheet.name !== read.sheet.name && recordText(r.record) === same);
  if (first) pairs.push({ first, copy: read, steps: [], same: true });
  return first !== undefined;
}

/** A record as compared for sameness, serialised once: each later sheet of the form is compared with every earlier one. */
function recordText(record: FormRecord): string {
  let text = RECORD_TEXTS.get(record);
  if (text === undefined) RECORD_TEXTS.set(record, (text = JSON.stringify(record)));
  return text;
}
const RECORD_TEXTS = new WeakMap<FormRecord, string>();

/** A time as read (2026-01-11T07:30) as the messages write times (1月11日 07:30); names joined; 是/否; else as read; '' blank. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map(shown).join('、');
  // The roster's 正式职工 · 考生亲属 · 保密承诺书, as the sheet writes them.
  if (typeof value === 'boolean') return value ? '是' : '否';
  return Number.isNaN(tm(value)) ? String(value) : showTime(tm(value));
}

/** A row only in one copy, as a message names it: its first filled cells (试卷号, 试卷名称, 数量, 取卷人, 取卷时间). */
const CELLS_NAMED = 5;

function cellsOf(key: string, row: FormRecord): Array<{ field: string; value: string }> {
  return Object.keys(row)
    .map((k) => ({ field: labelOf(`${key}[0].${k}`), value: shown(row[k]) }))
    .filter((c) => c.value !== '')
    .slice(0, CELLS_NAMED);
}

/**
 * Notes each row of a later copy that differs from the first copy's row it repeats, and each row only in one of
 * them. `locateAlone` gives where a copy's values sit, as if it were bound alone (`vaultLog[2].takenAt`).
 */
export function noteSheetCopies(model: SiteModel, pairs: readonly CopyPair[], locateAlone: (read: SheetRead) => LocationMap): void {
  for (const { first, copy, steps, same } of pairs) {
    const key = copy.entry.key;
    const firstRows = rowsOf(first.record);
    const copyRows = rowsOf(copy.record);
    const firstAt = locateAlone(first);
    const copyAt = locateAlone(copy);
    // Where the copy begins: its title's cell (else its first row's).
    const title = copy.read.title;
    const copyStart = title ? a1(title.row, title.col) : locate(copyAt, `${key}[0]`)?.cell;
    const firstSheet = first.sheet.name !== copy.sheet.name ? { firstSheet: first.sheet.name } : {};
    const note = (at: CellLocation | undefined, rest: Omit<SheetCopyNote, 'form' | 'sheet' | 'copyCell'>) => {
      if (!at) return;
      const notes = (model.sheetCopies ??= []);
      addLocation(model.locations, `sheetCopy[${notes.length}]`, { ...at });
      notes.push({ form: key, sheet: copy.sheet.name, copyCell: copyStart ?? at.cell, ...rest, ...firstSheet });
    };
    if (same) {
      const cell = copyStart ?? 'A1';
      note({ sheet: copy.sheet.name, cell, form: copy.entry.layout.attachment, row: null }, { kind: 'sameSheet', diffs: [] });
      continue;
    }
    const copyKeys = copyRows.map((row) => JSON.stringify(row));
    for (const { first: i, copy: j } of steps) {
      if (i === undefined) {
        // A row only in the copy; when it is another of the copy's rows typed again, which.
        const again = copyKeys.findIndex((k, other) => other !== j && k === copyKeys[j!]);
        const sameAs = again < 0 ? {} : { sameAs: locate(copyAt, `${key}[${again}]`)?.row ?? again + 1 };
        note(locate(copyAt, `${key}[${j}]`), { kind: 'extraRow', diffs: [], cells: cellsOf(key, copyRows[j!]), ...sameAs });
        continue;
      }
      if (j === undefined) {
        note(locate(firstAt, `${key}[${i}]`), { kind: 'missingRow', diffs: [], cells: cellsOf(key, firstRows[i]) });
        continue;
      }
      const fields = differing(firstRows[i], copyRows[j]);
      if (fields.length === 0) continue;
      const diffs = fields.map((k) => ({
        field: labelOf(`${key}[${j}].${k}`),
        cell: locate(copyAt, `${key}[${j}].${k}`)?.cell ?? '',
        value: shown(copyRows[j][k]),
        firstCell: locate(firstAt, `${key}[${i}].${k}`)?.cell ?? '',
        firstValue: shown(firstRows[i][k]),
      }));
      note(locate(copyAt, `${key}[${j}].${fields[0]}`), { diffs });
    }
  }
}
