/**
 * A table row the officer struck out by writing 作废 in its 备注 (“作废（误登，见第4行）”,
 * 此行作废, 已作废): not a movement, a count or a signature. Checked as a live row it
 * gave errors on itself and on the right rows around it (an overdraw on the
 * correct 4405 row), and its bags counted in every total; so the reader leaves
 * it out of the table, and keeps where it is for voided-row to ask once that it
 * be deleted. Any table's 备注 column: the form's own (附件1, 附件4) or one the
 * officer added to the header. 作废 typed where there is room is read alike on
 * every form, 备注 or none: in the row's 序号 cell, or beside the row, right of the
 * table (review 24 D4: on 附件3, which prints no 备注, read as a live checkout it gave
 * not-returned on itself and an overdraw on the correct row; fix-left29: on 附件1
 * and 附件4 the row stayed live, its bags in the 合计). A row struck through as on
 * paper (every filled cell in a strikethrough font, review 12 D2) is void too:
 * voided-row then says that it was taken so, and how to make it plain.
 */
import { a1, isBlank, type CellValue, type SheetGrid } from '../model/grid';
import { normalizeLabel } from '../model/text';
import { addLocation } from '../model/location-map';
import type { FormNumber } from '../model/location';
import type { SiteModel } from '../model/site-model';
import type { SheetIndex } from './sheet-index';
import type { TableHeader } from './table-header';

/** A struck-out row: where its 作废 is (for a row struck through, its first struck cell), and its 序号. */
export interface VoidedRead {
  row: number;
  col: number;
  seq: number;
  /** Struck through (a strikethrough font on every filled cell), not marked 作废. */
  struck?: true;
  /** The table has no 备注 column: 作废 to keep the row on record goes beside it (voided-row's advice). */
  noNoteColumn?: true;
}

/** Each sheet's struck cells (SheetGrid.struck) as a set, made once. */
const STRUCK = new WeakMap<SheetGrid, ReadonlySet<string>>();

/**
 * A row struck out as on paper (review 12 D2): every filled cell of the table's columns (left..right, its 序号 aside,
 * which the form prints) has a strikethrough font, and one at least is filled. The first struck cell, or undefined.
 */
function struckRow(sheet: SheetGrid, row: number, left: number, right: number, seqCol: number | undefined): number | undefined {
  if (!sheet.struck?.length) return undefined;
  let struck = STRUCK.get(sheet);
  if (!struck) STRUCK.set(sheet, (struck = new Set(sheet.struck)));
  const values = sheet.rows[row] ?? [];
  let first: number | undefined;
  let filled = 0;
  for (let c = left, end = Math.min(right, values.length - 1); c <= end; c++) {
    if (isBlank(values[c])) continue;
    const isStruck = struck.has(a1(row, c));
    if (c === seqCol) {
      if (isStruck) first ??= c;
      continue;
    }
    if (!isStruck) return undefined;
    filled++;
    first ??= c;
  }
  return filled > 0 ? first : undefined;
}

/**
 * 作废 opening the note, after 此行/本行 and 已: the whole note says the row is void. 作废 going on with
 * a word (作废试卷2袋, 作废卷) names papers, and leaves the row as it is; so does a count or 无 after a colon
 * or bracket (作废：0份, 作废（2份）, 作废：无): the row's spoilt papers, noted on a correct row.
 */
const VOID_NOTE =
  /^(?:此行|本行|该行|这行|此条|本条|该条)?已?作废(?:$|[(（[【,，.。、;；:：!！](?!无|没有|[\d零〇一二两三四五六七八九十]+(?:份|袋|张|本|套|卷|[)）\]】]|$)))/;

export function isVoidNote(value: CellValue): boolean {
  return typeof value === 'string' && VOID_NOTE.test(normalizeLabel(value));
}

/**
 * Where 作废 is typed for a row: its 备注 (at noteCol), else its 序号 cell, else the first filled cell right of the
 * table (and of its 备注) on its row — the nearest: a note beside the row that says something else is no 作废. Every
 * table alike, whether it has a 备注 or not. Undefined: nowhere.
 */
function voidTyped(index: SheetIndex, header: TableHeader, noteCol: number | undefined, row: number, right: number): number | undefined {
  if (noteCol !== undefined && isVoidNote(index.tableValue(row, noteCol, header.dataStart))) return noteCol;
  if (header.seqCol !== undefined && isVoidNote(index.value(row, header.seqCol))) return header.seqCol;
  const values = index.sheet.rows[row] ?? [];
  for (let c = Math.max(right, noteCol ?? right) + 1; c < values.length; c++) if (!isBlank(values[c])) return isVoidNote(values[c]) ? c : undefined;
  return undefined;
}

/**
 * A table row struck out — 作废 in its 备注 (at noteCol), its 序号 cell or beside it, or every filled cell from left to
 * right struck through — or undefined.
 */
export function voidedRow(
  index: SheetIndex,
  header: TableHeader,
  noteCol: number | undefined,
  { row, left, right }: { row: number; left: number; right: number },
  seq: number,
): VoidedRead | undefined {
  const typed = voidTyped(index, header, noteCol, row, right);
  if (typed !== undefined) return { row, col: typed, seq };
  const struck = struckRow(index.sheet, row, left, right, header.seqCol);
  if (struck === undefined) return undefined;
  return noteCol === undefined ? { row, col: struck, seq, struck: true, noNoteColumn: true } : { row, col: struck, seq, struck: true };
}

/** The table's 备注 column: the form's own (key `note`), else a header cell that says 备注 and nothing else. */
export function noteColumn(index: SheetIndex, header: TableHeader): number | undefined {
  const own = header.columns.get('note');
  if (own !== undefined) return own;
  for (let row = header.top; row < header.dataStart; row++) for (const t of index.rowTexts(row)) if (t.norm === '备注') return t.col;
  return undefined;
}

/** A struck-out row (not in the data), listed with its 作废 cell or first struck cell (`voided[i]`) for voided-row to say so once. */
export function noteVoided(model: SiteModel, sheet: string, { row, col, seq, struck, noNoteColumn }: VoidedRead, form: FormNumber): void {
  const list = (model.voided ??= []);
  const cell = a1(row, col);
  addLocation(model.locations, `voided[${list.length}]`, { sheet, cell, form, row: seq });
  list.push(struck ? { sheet, cell, struck, ...(noNoteColumn && { noNoteColumn }) } : { sheet, cell });
}
