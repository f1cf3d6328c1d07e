/**
 * 清除标记's decision, shared by Excel (io/office-marks.ts) and WPS
 * (io/wps/marks.ts): a cell is put back only where our mark still is. Rows
 * inserted or deleted since 标记 move the marked cell; restoring by the stored
 * address would then wipe another cell's own note and fill (review 10b D2).
 * So each stored cell is checked first: its note is the one we wrote (or,
 * without a note, its fill is our colour). A mark not found there is looked
 * for by its note, on its own sheet (or, where the sheet is gone by its name,
 * on any sheet), and put back where it is; one not found anywhere is left
 * alone and counted. Marks whose notes would be the very same text are told
 * apart before they are written (toldApart): else a row deleted above two of
 * them in one column put each cell's fill and frame back on its neighbour.
 */
import { parseA1 } from '../model/grid';
import type { CellMark } from './marks';

/** The first line our notes begin with (after the officer's own note, when the cell had one), in either language. */
const OUR_HEADER = /(^|\n\n)(【试卷保密助手】|\[Exam Paper Custody Assistant\])\n/;

/** Whether a note holds our mark's text. */
function isOurNote(note: string): boolean {
  return OUR_HEADER.test(note);
}

/**
 * A note's fingerprint, kept in the record instead of the note (a record of
 * 5,000 cells stays small): its length and FNV-1a hash.
 */
export function noteFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

/** A stored cell: where it was marked, and the fingerprint of the note we wrote there (absent in a record of before it was kept). */
export interface MarkedPlace {
  sheet: string;
  cell: string;
  mark?: string;
}

/** A cell as it is now: its note (null: none; undefined: notes cannot be read), and whether its fill is a mark's colour. */
export interface CellNow {
  note: string | null | undefined;
  ourFill: boolean;
}

/**
 * Whether our mark is still at the stored address. Our note, as written, says
 * so; another note (the officer's, or another mark's moved here) says no. A
 * cell without a note (ours deleted by hand, or notes unreadable) is ours when
 * its fill is our colour.
 */
function markStillHere(place: MarkedPlace, now: CellNow): boolean {
  if (now.note === undefined || now.note === null) return now.ourFill;
  if (place.mark !== undefined) return noteFingerprint(now.note) === place.mark;
  return isOurNote(now.note) && now.ourFill;
}

/** The line that tells apart marks whose notes would be the same: where the mark was put. */
const PLACED = { zh: (cell: string) => `（标记于 ${cell}）`, en: (cell: string) => `(marked at ${cell})` };

/**
 * Marks of one workbook with the very same note (the same finding on cells of one column, say, and no note of the
 * officer's before) are told apart only by where they are; rows deleted or inserted since 标记 move them, and the
 * mark found at a stored address may be its neighbour's, whose fill and frame would then be put back there. Each such
 * note ends with the address the mark was put at, so that no two are the same; a note of its own is left as it is.
 */
export function toldApart(marks: readonly CellMark[], lang: 'zh' | 'en' = 'zh'): CellMark[] {
  const times = new Map<string, number>();
  for (const m of marks) times.set(m.text, (times.get(m.text) ?? 0) + 1);
  return marks.map((m) => (times.get(m.text)! > 1 ? { ...m, text: `${m.text}\n${PLACED[lang](m.cell.toUpperCase())}` } : m));
}

/** A note found on a sheet. */
export interface FoundNote {
  sheet: string;
  cell: string;
  text: string;
}

/** A marked cell's key: its sheet and address (any case), as the marks record, the marking and a check compare them. */
export const markKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell.toUpperCase()}`;

/**
 * Where a moved mark is now: a cell whose note is exactly the one we wrote,
 * not taken by another mark. Of several, the one in the same column nearest
 * the stored row (rows inserted or deleted move a cell up or down); a tie is
 * not guessed. Undefined for a record without its note, or none found.
 */
function findMoved(place: MarkedPlace, notes: readonly FoundNote[], taken: ReadonlySet<string>): FoundNote | undefined {
  if (place.mark === undefined) return undefined;
  const candidates = notes.filter((n) => noteFingerprint(n.text) === place.mark && !taken.has(markKey(n.sheet, n.cell)));
  if (candidates.length <= 1) return candidates[0];
  const at = parseA1(place.cell);
  const distance = (n: FoundNote): number => {
    const p = parseA1(n.cell);
    if (!at || !p || p.col !== at.col) return Infinity;
    return Math.abs(p.row - at.row) + (n.sheet === place.sheet ? 0 : 0.5);
  };
  const sorted = [...candidates].sort((a, b) => distance(a) - distance(b));
  if (distance(sorted[0]) === Infinity || distance(sorted[0]) === distance(sorted[1])) return undefined;
  return sorted[0];
}

/** What a clearing found: each stored cell put back where (a sheet and cell), or not. */
export interface ClearPlan<T extends MarkedPlace> {
  /** Put back at its address or where it moved to. */
  restore: Array<{ prior: T; sheet: string; cell: string }>;
  /** On a sheet there, but the mark is not found: left alone. */
  lost: T[];
  /** On a sheet not found (renamed or deleted): kept in the record, for a later 清除标记. */
  missing: T[];
}

/**
 * Plans a clearing. `sheetOf` gives the sheet a stored cell is on now
 * (undefined: gone); `now` what its stored address holds; `notesOn` the
 * notes of a sheet (or of every sheet, for a sheet gone by its name), asked
 * only when a mark is not where it was put.
 */
export function planClear<T extends MarkedPlace>(
  stored: readonly T[],
  sheetOf: (p: T) => string | undefined,
  now: (sheet: string, p: T) => CellNow,
  notesOn: (sheet: string | undefined) => readonly FoundNote[],
): ClearPlan<T> {
  const plan: ClearPlan<T> = { restore: [], lost: [], missing: [] };
  const taken = new Set<string>();
  const away: Array<{ p: T; sheet: string | undefined }> = [];
  for (const p of stored) {
    const sheet = sheetOf(p);
    if (sheet !== undefined && markStillHere(p, now(sheet, p))) {
      plan.restore.push({ prior: p, sheet, cell: p.cell });
      taken.add(markKey(sheet, p.cell));
    } else away.push({ p, sheet });
  }
  for (const { p, sheet } of away) {
    const found = findMoved(p, notesOn(sheet), taken);
    if (found) {
      plan.restore.push({ prior: p, sheet: found.sheet, cell: found.cell });
      taken.add(markKey(found.sheet, found.cell));
    } else if (sheet === undefined) plan.missing.push(p);
    else plan.lost.push(p);
  }
  return plan;
}

/** The marks a plan found, each at the sheet and cell it is on now (moved, or on a renamed sheet) with its prior state. */
export function movedTo<T extends MarkedPlace>(plan: Pick<ClearPlan<T>, 'restore'>): T[] {
  return plan.restore.map((r) => (r.sheet === r.prior.sheet && r.cell === r.prior.cell ? r.prior : { ...r.prior, sheet: r.sheet, cell: r.cell }));
}

/** The items that pass a test, and those that do not. */
export function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/**
 * What a marking says of the marks of before that it took away (Excel and WPS alike): the cells put back because their
 * findings are gone — not those put back only because they are beyond MARKED_CELLS_MAX now (`flagged`: every cell with
 * a finding) — and the list sheet of before, removed and not replaced.
 */
export function markingTold(
  stale: readonly MarkedPlace[],
  flagged: ReadonlySet<string>,
  listRemoved: string | undefined,
): { gone?: number; listRemoved?: string } {
  const gone = stale.filter((p) => !flagged.has(markKey(p.sheet, p.cell))).length;
  return { ...(listRemoved !== undefined && { listRemoved }), ...(gone > 0 && { gone }) };
}

/** What a clearing could not put back, for the pane to say. */
export interface NotPutBack {
  /** Marks not found where they were put nor (by their note) elsewhere on their sheet: their cells left alone. */
  lost?: number;
  /** The marks of sheets not found (renamed or deleted), kept in the record for a later 清除标记. */
  missing?: Array<{ sheet: string; cells: number }>;
}

/** A plan's cells not put back, by kind (nothing when all went back). */
export function notPutBack(plan: Pick<ClearPlan<MarkedPlace>, 'lost' | 'missing'>): NotPutBack {
  const missing = new Map<string, number>();
  for (const p of plan.missing) missing.set(p.sheet, (missing.get(p.sheet) ?? 0) + 1);
  return {
    ...(plan.lost.length > 0 && { lost: plan.lost.length }),
    ...(missing.size > 0 && { missing: [...missing].map(([sheet, cells]) => ({ sheet, cells })) }),
  };
}
