/**
 * The marks record (Excel's document setting, WPS's very hidden sheet) as it is stored: each border look once. A
 * marked cell keeps its four edges before, and each framed merged area its cells' (check/mark-outline.ts): some 110
 * characters a look, and the same few looks — no border, a form's thin box — over and over. Stored, each look is
 * written once in the record's `looks` and every cell's borders and every frame's looks are its number there. Measured
 * in the fakes, 5,000 marks each on a 1×6 merged area: 1.0 MB in Excel, 0.98 MB in WPS (2.0 and 1.5 MB with each
 * frame's looks but not the cells' shared; 4.2 and 2.5 MB when each frame cell kept its own) — well under the 5 MB
 * Excel on the web takes in the request that writes the record with the first cells.
 */

/** A stored cell: its borders before and its frame's looks, as looks (in use) or as their numbers (stored). */
interface Looked<L> {
  borders?: L;
  frame?: unknown;
}

/** A frame kept by its area (not a record of before's array of cells): its looks to number. */
const framed = (frame: unknown): frame is { looks: unknown[] } =>
  typeof frame === 'object' && frame !== null && Array.isArray((frame as { looks?: unknown }).looks);

/** The record's cells with each look numbered, and the looks. */
export function packLooks<T extends Looked<unknown>>(cells: readonly T[]): { looks: unknown[]; cells: T[] } {
  const looks: unknown[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (look: unknown): number => {
    const key = JSON.stringify(look);
    if (!numbers.has(key)) numbers.set(key, looks.push(look) - 1);
    return numbers.get(key)!;
  };
  const packed = cells.map((c) => ({
    ...c,
    ...(c.borders !== undefined && { borders: numberOf(c.borders) }),
    ...(framed(c.frame) && { frame: { ...c.frame, looks: c.frame.looks.map(numberOf) } }),
  }));
  return { looks, cells: packed };
}

/** The record's cells as stored, each look given back for its number (a record of before the looks were numbered: as it is). */
export function unpackLooks<T extends Looked<unknown>>(looks: unknown, cells: readonly T[]): T[] {
  if (!Array.isArray(looks)) return [...cells];
  const look = (n: unknown): unknown => (typeof n === 'number' ? looks[n] : n);
  return cells.map((c) => ({
    ...c,
    ...(c.borders !== undefined && { borders: look(c.borders) }),
    ...(framed(c.frame) && { frame: { ...c.frame, looks: c.frame.looks.map(look) } }),
  }));
}
