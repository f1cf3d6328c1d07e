/**
 * Which rows of a later copy of a table form are which rows of the first (review 11 D2): a copy with a row typed
 * again, or one left out, is still the first's rows in their order. The rows are aligned by their content, as a
 * longest common subsequence aligns lines: a pair is the same row (identical) or that row with a few cells changed
 * (at most half its cells); a row of another paper, time and taker pairs with none.
 */
import type { FormRecord } from './layout';

/** The first's row `first` is the copy's row `copy` (its cells compared); a side missing: a row only in the other. */
export interface RowStep {
  first?: number;
  copy?: number;
}

/** Tables larger than this (rows of the first × rows of the copy) are compared place by place, not aligned. */
const MAX_CELLS = 1_000_000;

/** A copy has at most this many rows more (or fewer) than the first: “a few”, not a continued log. */
const MAX_UNPAIRED = 3;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/** The fields either of two rows has. */
const fieldsOf = (a: FormRecord, b: FormRecord): string[] => [...new Set([...Object.keys(a), ...Object.keys(b)])];

/** The fields of two rows that differ. */
export const differing = (a: FormRecord, b: FormRecord): string[] => fieldsOf(a, b).filter((k) => !sameValue(a[k], b[k]));

/** 2: the same row; 1: that row with at most half its cells changed; 0: another row. */
function likeness(a: FormRecord, b: FormRecord, keyA: string, keyB: string): number {
  if (keyA === keyB) return 2;
  return differing(a, b).length * 2 <= fieldsOf(a, b).length ? 1 : 0;
}

/** The rows aligned in order, with the most likeness in all (a same row 2, a changed one 1), ties to the earlier pair. */
function aligned(a: readonly FormRecord[], b: readonly FormRecord[]): RowStep[] {
  const keysA = a.map((row) => JSON.stringify(row));
  const keysB = b.map((row) => JSON.stringify(row));
  const n = a.length;
  const m = b.length;
  const like = (i: number, j: number) => likeness(a[i], b[j], keysA[i], keysB[j]);
  // best[i][j]: the most likeness of rows i.. of the first with rows j.. of the copy.
  const best = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const l = like(i, j);
      best[at(i, j)] = Math.max(best[at(i + 1, j)], best[at(i, j + 1)], l > 0 ? l + best[at(i + 1, j + 1)] : 0);
    }
  }
  const steps: RowStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const l = i < n && j < m ? like(i, j) : 0;
    if (l > 0 && best[at(i, j)] === l + best[at(i + 1, j + 1)]) steps.push({ first: i++, copy: j++ });
    else if (j >= m || (i < n && best[at(i, j)] === best[at(i + 1, j)])) steps.push({ first: i++ });
    else steps.push({ copy: j++ });
  }
  return steps;
}

/** How many rows of the copy can be the same as rows of the first: the rows both have, each as often as both have it. */
function sameRowsAtMost(a: readonly FormRecord[], b: readonly FormRecord[]): number {
  const left = new Map<string, number>();
  for (const key of a.map((row) => JSON.stringify(row))) left.set(key, (left.get(key) ?? 0) + 1);
  let same = 0;
  for (const row of b) {
    const key = JSON.stringify(row);
    const n = left.get(key) ?? 0;
    if (n === 0) continue;
    left.set(key, n - 1);
    same++;
  }
  return same;
}

/** The same count of rows compared place by place (a table too large to align). */
const inPlace = (a: readonly FormRecord[], b: readonly FormRecord[]): RowStep[] | undefined =>
  a.length === b.length ? a.map((_, i) => ({ first: i, copy: i })) : undefined;

/**
 * The steps from the first copy's rows to a later copy's when the later is a copy of the first, else undefined.
 * A copy: at least half its rows (and half the first's) the same rows, every other pair the same row with at most
 * half its cells changed, and rows only on one side — a few (at most 3, and at most half as many as the pairs): rows
 * typed again or left out. Rows only in the copy and others only in the first are rows replaced: a continuation page
 * begun from a copy of the first, one row left in, is read as more rows (review 11 D1: 3310's only checkout).
 */
export function copySteps(a: readonly FormRecord[], b: readonly FormRecord[]): RowStep[] | undefined {
  if (a.length === 0 || b.length === 0 || Math.abs(a.length - b.length) > MAX_UNPAIRED) return undefined;
  // Too few rows the same, however aligned (a continuation page, another sheet of the log): no alignment to work out.
  if (sameRowsAtMost(a, b) * 2 < Math.max(a.length, b.length)) return undefined;
  const steps = a.length * b.length > MAX_CELLS ? inPlace(a, b) : aligned(a, b);
  if (!steps) return undefined;
  const pairs = steps.filter((s) => s.first !== undefined && s.copy !== undefined);
  const firstOnly = steps.filter((s) => s.copy === undefined).length;
  const copyOnly = steps.filter((s) => s.first === undefined).length;
  const same = pairs.filter((s) => differing(a[s.first!], b[s.copy!]).length === 0).length;
  const unpaired = firstOnly + copyOnly;
  if (firstOnly > 0 && copyOnly > 0) return undefined;
  if (unpaired > MAX_UNPAIRED || unpaired * 2 > pairs.length) return undefined;
  if (same * 2 < Math.max(a.length, b.length)) return undefined;
  return pairs.every((s) => differing(a[s.first!], b[s.copy!]).length * 2 <= fieldsOf(a[s.first!], b[s.copy!]).length) ? steps : undefined;
}
