/**
 * The cells of a worksheet part once read (sheet-reader.ts): references parsed
 * within LIMITS, the slave cells of merges blanked, links made text, and the
 * struck cells that keep a value listed, as exceljs gives them.
 */
import { a1, type CellValue } from '../../model/grid';
import { LIMITS, beyondLimit } from '../../model/limits';
import type { WorkbookContext } from './sheet-reader';
import { countShown } from '../../model/count-shown';

/** parseRef's one result object, reused: a cell reference is read and dropped at once. */
const REF = { row: 0, col: 0 };

/** A cell's reference "AB12" → its 0-based row and column (lower case taken as exceljs takes it), refused beyond the sheet's limits. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > LIMITS.columnNumber) throw beyondLimit('columnNumber', `超过 ${LIMITS.columnNumber}（${ref.slice(0, 20)}）`);
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (row > LIMITS.rowNumber) throw beyondLimit('rowNumber', row);
  if (row < 1) return undefined;
  REF.row = row - 1;
  REF.col = col - 1;
  return REF;
}

/** A merged range "A5:C6" → its box, refused when it covers more cells than a merge may. */
function mergeBox(ref: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  // Its corners are what comes before the first colon and after it (up to a second one): no array
  // is made for them, as split would, for the 150 merges of every sheet of a template.
  const colon = ref.indexOf(':');
  if (colon < 0) return undefined;
  const a = parseRef(ref.slice(0, colon));
  if (!a) return undefined;
  const ar = a.row;
  const ac = a.col;
  const end = ref.indexOf(':', colon + 1);
  const b = parseRef(ref.slice(colon + 1, end < 0 ? ref.length : end));
  if (!b) return undefined;
  const box = { r0: Math.min(ar, b.row), c0: Math.min(ac, b.col), r1: Math.max(ar, b.row), c1: Math.max(ac, b.col) };
  const area = (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1);
  if (area > LIMITS.mergeArea) throw beyondLimit('mergeArea', `${countShown(area)}（${ref.slice(0, 40)}）`);
  return box;
}

export type Rows = (CellValue | undefined)[][];

/**
 * Blanks the slave cells of the merges (their values and formulas), as exceljs
 * does; merges come after the cells, so this runs once the cells are read.
 * exceljs also gives every row a merge reaches down to (its slave cells make
 * the row), so the sheet grows to the bottom of its lowest merge.
 */
export function applyMerges(rows: Rows, merges: string[], formulas: Record<string, string> | undefined, ctx: WorkbookContext): void {
  let bottom = -1;
  for (const ref of merges) {
    const box = mergeBox(ref);
    if (!box) continue;
    const { r0, c0, r1, c1 } = box;
    if (r1 > r0 || c1 > c0) bottom = Math.max(bottom, r1);
    // The work of a merge is the part of it over rows that exist.
    ctx.tally.merged += Math.max(0, Math.min(r1, rows.length - 1) - r0 + 1) * (c1 - c0 + 1);
    if (ctx.tally.merged > LIMITS.mergedCells) throw beyondLimit('mergedCells', ctx.tally.merged);
    for (let r = r0, last = Math.min(r1, rows.length - 1); r <= last; r++) {
      const row = rows[r];
      if (!row) continue;
      let trim = false;
      for (let c = c0, end = Math.min(c1, row.length - 1); c <= end; c++) {
        if ((r === r0 && c === c0) || row[c] === undefined) continue;
        row[c] = undefined;
        trim = true;
        if (formulas) delete formulas[a1(r, c)];
      }
      // A row ends at its last cell that is kept.
      if (trim) while (row.length && row[row.length - 1] === undefined) row.length--;
    }
  }
  if (bottom >= rows.length) {
    grow(ctx, bottom + 1 - rows.length);
    rows.length = bottom + 1;
  }
}

export function grow(ctx: WorkbookContext, slots: number): void {
  ctx.tally.slots += slots;
  if (ctx.tally.slots > LIMITS.gridSlots) throw beyondLimit('gridSlots', `超过 ${countShown(LIMITS.gridSlots)}`);
}

/**
 * exceljs turns a linked cell into { text, hyperlink }, and the grid into its
 * text ("42" for 42). A date stays the date: its text would be the machine's
 * own ("Sat Jun 15 2024 16:30:00 GMT+0800"), which no reader could take back.
 */
export function applyLinks(rows: Rows, links: string[]): void {
  for (const ref of links) {
    const at = parseRef(ref);
    if (!at) continue;
    const v = rows[at.row]?.[at.col];
    if (v !== undefined && v !== null && !(v instanceof Date)) rows[at.row][at.col] = String(v);
  }
}

/** The struck cells that hold a value once merges are applied (a slave's is gone), by row then column, each once. */
export function struckOf(rows: CellValue[][], at: readonly number[]): string[] {
  const cells: Array<[number, number]> = [];
  for (let i = 0; i < at.length; i += 2) {
    const v = rows[at[i]]?.[at[i + 1]];
    if (v !== null && v !== undefined) cells.push([at[i], at[i + 1]]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: string[] = [];
  for (const [r, c] of cells) {
    const ref = a1(r, c);
    if (out[out.length - 1] !== ref) out.push(ref);
  }
  return out;
}
