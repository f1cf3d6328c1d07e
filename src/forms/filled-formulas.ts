/**
 * A formula dragged down a table's empty rows shows a value where nobody typed one (round 22): a lookup of an empty
 * key guarded to show a name (=IF(B9="","",VLOOKUP(…)) over another key), a fixed cell (=$C$5, the paper's name) —
 * each row of it was a record (试卷号/数量 missing). Whether a row is a record is decided from what the person typed:
 * a value a formula shows is filled down when the formula is the one above or below it moved a row (as dragging or
 * filling down writes it) and refers to a cell — a formula with no reference (数量 =3) is a value typed as one —
 * and, in the table's 试卷号 column, when it shows what that row shows: a table whose every row looks its
 * paper up row by row (=考试安排!B5, B6 …) is a table of records. A row of nothing else is no record (read-table.ts).
 * Part of the reader.
 */
import { type CellValue, type SheetGrid, a1 } from '../model/grid';
import type { SheetIndex } from './sheet-index';

/** The formula a cell holds (without =), its value shown or not; undefined for a value typed. */
function formulaAt(sheet: SheetGrid, row: number, col: number): string | undefined {
  if (row < 0) return undefined;
  const key = a1(row, col);
  return sheet.shownFormulas?.[key] ?? sheet.formulas?.[key];
}

/** A reference to a cell in a formula (C5, $C$5, 考试安排!B5): its row's $ and number. */
const REFERENCE = /(?<![\w.$])(\$?[A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(])/g;

/** Rows without the formula a run is followed across (0-based, from ≤ to): a block inserted into it. */
interface Gap {
  from: number;
  to: number;
}

/** The distance from `row` to `to` (0-based), the rows of `gap` between them not counted. */
function distance(row: number, to: number, gap: Gap | undefined): number {
  const d = to - row;
  if (!gap) return d;
  const inside = Math.min(gap.to, Math.max(row, to) - 1) - Math.max(gap.from, Math.min(row, to) + 1) + 1;
  return inside > 0 ? d - Math.sign(d) * inside : d;
}

/**
 * The formula with each relative row of its references written as its distance from the cell's row (B9 on row 9 is
 * B[0], $C$5 stays) — the rows of `gap` between them not counted —, its quoted texts as they are; undefined for a
 * formula referring to no cell (=3).
 */
function relative(formula: string, row: number, gap: Gap | undefined): string | undefined {
  let refers = false;
  const moved = formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (_all, col: string, anchored: string, n: string) => {
            refers = true;
            return anchored ? `${col}$${n}` : `${col}[${distance(row, Number(n) - 1, gap)}]`;
          }),
    )
    .join('');
  return refers ? moved : undefined;
}

/** The formula at (row, col) as relative(), undefined for none or one referring to no cell. */
function relativeAt(sheet: SheetGrid, row: number, col: number, gap?: Gap): string | undefined {
  const formula = formulaAt(sheet, row, col);
  return formula === undefined ? undefined : relative(formula, row, gap);
}

const sameValue = (a: CellValue, b: CellValue): boolean => a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

/**
 * The value at (row, col) is a formula's filled down the rows: the formula, referring to a cell, is the one above or
 * below it moved a row (dragged, filled down) — so the first row of a run too. In the 试卷号 column (`codeCol`), only
 * when it shows what that row does: a paper looked up row by row is the row's own.
 */
export function formulaFilledDown(index: SheetIndex, row: number, col: number, value: CellValue, codeCol: number | undefined): boolean {
  const sheet = index.sheet;
  if (!sheet.shownFormulas && !sheet.formulas) return false;
  const own = relativeAt(sheet, row, col);
  if (own === undefined) return false;
  for (const next of [row - 1, row + 1]) {
    if (relativeAt(sheet, next, col) === own && (col !== codeCol || sameValue(index.value(next, col), value))) return true;
  }
  return acrossGap(index, row, col, value, codeCol, -1) || acrossGap(index, row, col, value, codeCol, 1);
}

/**
 * The run goes on beyond rows without the formula (`step` up or down): a day's heading inserted into it (round 23), or
 * a block of rows of any length typed into it (round 24: more than 3 broke the run, and the row below them was a
 * record) — a row inserted moves the references below it that point above it, so that the row after it refers two
 * rows up (=IF(B10="",C8,…)) where its neighbours refer one. Compared with the formula beyond those rows, each
 * reference counted without them: the run goes on only where the formula resumes there as it is here.
 */
function acrossGap(index: SheetIndex, row: number, col: number, value: CellValue, codeCol: number | undefined, step: -1 | 1): boolean {
  const sheet = index.sheet;
  const last = sheet.rows.length - 1;
  let next = row + step;
  while (next >= 0 && next <= last && formulaAt(sheet, next, col) === undefined) next += step;
  if (next === row + step || formulaAt(sheet, next, col) === undefined) return false;
  const gap = step < 0 ? { from: next + 1, to: row - 1 } : { from: row + 1, to: next - 1 };
  const own = relativeAt(sheet, row, col, gap);
  return own !== undefined && relativeAt(sheet, next, col, gap) === own && (col !== codeCol || sameValue(index.value(next, col), value));
}
