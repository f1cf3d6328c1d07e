/**
 * What a small part of a package was read as, kept for the next workbook that
 * stores the same part as the same bytes. Workbooks made from one template
 * share their relationships, workbook part and styles byte for byte, and
 * `summary` reads thousands of them in each thread: such a part is then
 * inflated and parsed once, not once per workbook.
 *
 * Exact, not a guess: a hit is a part of the same name, stored the same way
 * under the same CRC-32, whose stored bytes equal the kept ones byte for byte, so it would read the
 * same. Its inflated bytes are still counted against the workbook's limits.
 * Bounded: a part stored in more than 64 KB is never kept, nor more than a few
 * variants of one part. What is kept is shared by every workbook that hits it,
 * so it is handed out read-only.
 */
import { countInflated, storedBytes, type InflateBudget, type ZipEntry } from './zip';

const MAX_STORED_BYTES = 64 * 1024;
const VARIANTS = 4;

interface Kept<T> {
  stored: Uint8Array;
  crc: number;
  inflated: number;
  value: T;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class SamePartMemo<T> {
  private readonly known = new Map<string, Kept<T>[]>();

  /** `read` reads the part (inflating it against `budget`); it is not called when the same bytes were read before. */
  get(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, read: () => T): T {
    const stored = storedBytes(bytes, entry);
    if (stored.length > MAX_STORED_BYTES) return read();
    const key = `${entry.method}:${entry.name}`;
    const variants = this.known.get(key) ?? [];
    // The CRC-32 too: the same bytes under another declared CRC-32 are read (and refused) anew.
    const hit = variants.find((k) => k.crc === entry.crc && sameBytes(k.stored, stored));
    if (hit) {
      countInflated(budget, entry, hit.inflated, hit.inflated);
      return hit.value;
    }
    const before = budget.total;
    const value = read();
    if (variants.length >= VARIANTS) variants.shift();
    variants.push({ stored: stored.slice(), crc: entry.crc, inflated: budget.total - before, value });
    this.known.set(key, variants);
    return value;
  }
}
