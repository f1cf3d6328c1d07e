/**
 * A part's UTF-8 bytes, inflated whole, decoded a slice at a time: each slice
 * cut where a character starts, so that decoding each on its own gives the
 * text of one decode (see sliceEnd).
 */

/**
 * The encoding of a part, by its first bytes: UTF-16 (which OPC allows beside
 * UTF-8, and LibreOffice reads) has a byte-order mark, or, where that is
 * missing, a first "<" of two bytes, one of them 0; anything else is UTF-8,
 * read by decodeWhole when it comes whole.
 */
export function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [a, b] = [head[0], head[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) return 'utf-16be';
  return 'utf-8';
}

/** Is a UTF-8 byte one that continues a character (10xxxxxx)? */
const continuesCharacter = (byte: number): boolean => (byte & 0xc0) === 0x80;

/** The longest a UTF-8 character is, in bytes. */
const LONGEST_CHARACTER = 4;

/**
 * Where a slice of a whole part that should end at `want` ends: at the first
 * byte from there that starts a character, or past four bytes that continue
 * one (not UTF-8: no character is still open there). A decode of each slice on
 * its own then gives what one streaming decode gives (which holds a
 * character's first bytes until its last come, and no more than that), at the
 * speed of a decode at once: a streaming decode goes through ICU, some three
 * times slower (140 ms of a 50,000-row vault log's 40 MB sheet).
 */
function sliceEnd(chunk: Uint8Array, want: number): number {
  let continued = 0;
  for (let i = want - 1; i >= 0 && continued < LONGEST_CHARACTER && continuesCharacter(chunk[i]); i--) continued++;
  let end = want;
  while (end < chunk.length && continued < LONGEST_CHARACTER && continuesCharacter(chunk[end])) {
    end++;
    continued++;
  }
  return Math.min(end, chunk.length);
}

/** The first slice as a decode strips a byte-order mark at the start; the others keep what they start with. */
const KEEPS_BOM = new TextDecoder('utf-8', { ignoreBOM: true });

/** A whole part's bytes decoded a slice (of about `slice` bytes) at a time, each slice's text handed to `write`. */
export function decodeWhole(chunk: Uint8Array, write: (text: string) => void, slice: number, asciiText?: AsciiText): void {
  for (let at = 0; at < chunk.length;) {
    const end = sliceEnd(chunk, at + slice);
    const bytes = chunk.subarray(at, end);
    write(asciiText?.(bytes) ?? (at === 0 ? FIRST_SLICE : KEEPS_BOM).decode(bytes));
    at = end;
  }
}

const FIRST_SLICE = new TextDecoder('utf-8');

/**
 * The text of bytes that are all ASCII, undefined for any others: where the
 * host has a quick test and copy for them (Node's isAscii and latin1, several
 * times UTF-8 decoding's speed), a sheet's XML, ASCII but for its inline
 * strings, is read so. ASCII reads the same either way, and holds no byte-order mark.
 */
export type AsciiText = (bytes: Uint8Array) => string | undefined;
