/**
 * The zip package of an .xlsx, read from its central directory over a plain
 * Uint8Array (no Node: the browser uses it too). Nothing declared in the file
 * is trusted: entries are counted against LIMITS as they are listed, and a
 * part's bytes are counted while they inflate (fflate's streaming Inflate),
 * so a part that lies about its size is stopped at the limit, not at the end
 * of memory. Only the parts asked for are ever inflated.
 */
import type { AsciiText } from './utf8-slices';
import { Inflate, inflateSync } from 'fflate';
import { LIMITS, beyondLimit, refuse } from '../../model/limits';
import { countShown } from '../../model/count-shown';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The inflated size the central directory declares: a hint for the buffer, never trusted. */
  declaredSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** The CRC-32 the central directory declares (a copy carries it over with the entry's bytes). */
  crc: number;
  /** Where its name's bytes lie in the central directory, and how many: its local header must give the same. */
  nameAt: number;
  nameLength: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Input handed to the inflater per push: bounds each inflated chunk to about 1,032 times this. */
const INPUT_SLICE = 32 * 1024;
/**
 * Parts this small (compressed, and as declared inflated) are inflated at once
 * into a buffer of their declared size, without the streaming inflater's
 * growing and copying: every part of a usual workbook. Whatever a lying part
 * inflates to beyond its buffer is dropped, not held, and the part is then
 * read again by the streaming inflater, which stops it at the limit.
 */
const AT_ONCE = { compressed: 256 * 1024, inflated: 4 * 1024 * 1024 };

const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The end-of-central-directory record: the last one in the last 64 KB + 22
 * bytes whose comment ends where the file does; failing that, the last one
 * (bytes after a record, which some tools append, are let be). A record inside
 * the comment of the true one (review 14a p06: “0 entries”) is not taken.
 */
function findEnd(bytes: Uint8Array, dv: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let last = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] !== 0x50 || dv.getUint32(i, true) !== EOCD) continue;
    if (i + 22 + dv.getUint16(i + 20, true) === bytes.length) return i;
    if (last < 0) last = i;
  }
  if (last < 0) throw refuse('broken');
  return last;
}

/** "xl/worksheets/sheet1.xml", refused when it climbs out of the package or is absolute. */
function entryName(raw: Uint8Array): string {
  const name = utf8.decode(raw).replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '..') || name.includes('\0')) {
    throw refuse('badEntryName');
  }
  return name;
}

/**
 * A name as OPC compares part names: ASCII letters in either case are the
 * same letter ("xl/Sheet1.xml" is "xl/sheet1.xml"); other characters as they are.
 */
const partKey = (name: string): string => name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/**
 * The entries of the package by name, counted against the entry limit. Two
 * entries of one name (or of names differing only in case) are refused: readers
 * differ on which one is the part (LibreOffice takes the last), so the sheet
 * checked could be another than the one a person opens. Empty folder entries
 * (names ending in /) hold nothing to differ on: they are not compared.
 */
export function listEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length < 22) throw refuse('broken');
  const dv = view(bytes);
  const end = findEnd(bytes, dv);
  const declared = dv.getUint16(end + 10, true);
  const size = dv.getUint32(end + 12, true);
  const offset = dv.getUint32(end + 16, true);
  if (declared === 0xffff || offset === 0xffffffff) throw refuse('unsupportedZip');
  if (declared > LIMITS.zipEntries) throw beyondLimit('zipEntries', declared);
  if (offset + size > end) throw refuse('broken');
  const entries = new Map<string, ZipEntry>();
  const keys = new Set<string>();
  let count = 0;
  for (let p = offset; p < offset + size;) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL) throw refuse('broken');
    if (++count > LIMITS.zipEntries) throw beyondLimit('zipEntries', `超过 ${countShown(LIMITS.zipEntries)}`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const declaredSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLength > end) throw refuse('broken');
    const name = entryName(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw refuse('encrypted');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw refuse('unsupportedZip');
    // An empty folder entry (xl/WORKSHEETS/ beside xl/worksheets/) holds no part for readers to differ on (review 17a N3).
    if (!(name.endsWith('/') && declaredSize === 0)) {
      const key = partKey(name);
      if (keys.has(key)) throw refuse('duplicateEntry');
      keys.add(key);
    }
    entries.set(name, { name, method, compressedSize, declaredSize, localOffset, crc, nameAt: p + 46, nameLength });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Bytes inflated so far across the parts of one workbook. */
/**
 * A whole part inflated by the host's own inflater (Node's zlib, several times
 * fflate's speed), given the part's raw deflate data and the most it may
 * inflate to; it throws beyond that or on broken data, and fflate's streaming
 * inflater then reads the part instead, to refuse it in plain words.
 */
export type InflateAtOnce = (data: Uint8Array, maxLength: number, expectedLength: number) => Uint8Array;

/** CRC-32 of `data` continued from `crc` (0 to start): the host's own where it has one (Node's zlib.crc32). */
export type Crc32 = (data: Uint8Array, crc: number) => number;

/** The CRC-32 tables of slicing by 8: table k (at 256 k) takes a byte k places before the last of 8. */
let crcTables: Int32Array | undefined;

function makeCrcTables(): Int32Array {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[256 * k + n] = (t[256 * (k - 1) + n] >>> 8) ^ t[t[256 * (k - 1) + n] & 0xff];
  return t;
}

/**
 * CRC-32 in JavaScript, for a host without its own (the browser), 8 bytes at a
 * step (slicing by 8: some 3 times a byte at a time, so that checking a part
 * costs a few per cent of reading it).
 */
const crc32Here: Crc32 = (data, value) => {
  const t = (crcTables ??= makeCrcTables());
  let crc = ~value;
  const n = data.length;
  let i = 0;
  for (const last = n - 8; i <= last; i += 8) {
    const a = crc ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    crc =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < n; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
};

/** What the parts of one workbook inflate to so far, and the host's inflater if it has one. */
export interface InflateBudget {
  total: number;
  atOnce?: InflateAtOnce;
  /** The host's CRC-32 (crc32Here otherwise): each part read is checked against the CRC-32 its entry declares. */
  crc32?: Crc32;
  /** The host's quick reading of text that is all ASCII (utf8-slices.ts `AsciiText`), if it has one. */
  asciiText?: AsciiText;
}

/** Chunks joined into one array. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The bytes an entry is stored as (deflated or not), found through its local
 * header. A local header that names another part than the central directory
 * does is refused (review 14a D5): Python refuses such a zip, LibreOffice drops
 * the part, so the sheet checked could be one that a person never sees.
 */
export function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) throw refuse('broken');
  const nameLength = dv.getUint16(at + 26, true);
  if (!sameName(bytes, at + 30, nameLength, entry)) throw refuse('entryNameMismatch');
  const start = at + 30 + nameLength + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw refuse('broken');
  return bytes.subarray(start, end);
}

/** Whether the local header's name (`length` bytes at `at`) is byte for byte the one the central directory gives. */
function sameName(bytes: Uint8Array, at: number, length: number, entry: ZipEntry): boolean {
  if (length !== entry.nameLength || at + length > bytes.length) return false;
  for (let i = 0; i < length; i++) if (bytes[at + i] !== bytes[entry.nameAt + i]) return false;
  return true;
}

/** The part inflated at once when it is small and inflates to exactly its declared size; undefined: stream it instead. */
function inflatedAtOnce(data: Uint8Array, entry: ZipEntry, host: InflateAtOnce | undefined): Uint8Array | undefined {
  const atOnceHere = data.length <= AT_ONCE.compressed && entry.declaredSize <= (host ? HOST_FROM : AT_ONCE.inflated);
  const inflated = atOnceHere ? inflatedHere(data, entry) : undefined;
  if (inflated || !host) return inflated;
  return inflatedByHost(data, entry, host);
}

/**
 * A part said to be this small is inflated here even where the host has an inflater: making the host's
 * (Node's zlib handle) costs more than inflating it (a site workbook's 8 parts under 1 KB: 6 µs each by
 * zlib, 2.5 µs here; from 4 KB on, zlib is the quicker).
 */
const HOST_FROM = 4 * 1024;

function inflatedHere(data: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  try {
    // One byte more than declared: a part that fills it inflates to more than it says.
    const inflated = inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) });
    return inflated.length === entry.declaredSize ? inflated : undefined;
  } catch {
    // Broken, or more than its buffer: the host's inflater or the streaming one says which, in plain words.
    return undefined;
  }
}

/**
 * Deflate makes at most some 1,032 bytes of one: a size declared beyond that
 * of its data is a lie, and is not taken as what to expect.
 */
const MOST_INFLATED_PER_BYTE = 1032;

/**
 * The part inflated by the host, whatever size it declares, up to the limit of a part: its size is counted as
 * it is taken. The size it declares, when it can be true, is what the host expects (one byte more: a part that
 * fills it inflates to more than it says).
 */
function inflatedByHost(data: Uint8Array, entry: ZipEntry, host: InflateAtOnce): Uint8Array | undefined {
  const most = LIMITS.entryInflatedBytes + 1;
  const expected = Math.min(entry.declaredSize + 1, data.length * MOST_INFLATED_PER_BYTE + 64, most);
  try {
    return host(data, most, expected);
  } catch {
    return undefined;
  }
}

/**
 * Counts `added` bytes of an entry as inflated, `entrySoFar` of it in all
 * with them, and refuses as soon as the entry or the workbook passes its limit.
 */
export function countInflated(budget: InflateBudget, entry: ZipEntry, entrySoFar: number, added: number): void {
  budget.total += added;
  if (entrySoFar > LIMITS.entryInflatedBytes) throw beyondLimit('entryInflatedBytes', `超过 ${LIMITS.entryInflatedBytes / 1024 / 1024} MB（${entry.name}）`);
  if (budget.total > LIMITS.totalInflatedBytes) throw beyondLimit('totalInflatedBytes', `超过 ${LIMITS.totalInflatedBytes / 1024 / 1024} MB`);
}

/**
 * Inflates an entry, handing each piece to `sink` as it comes, and stops with
 * a refusal as soon as the entry or the workbook passes its inflated limit.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  /** `whole`: the chunk is the whole part (stored, or inflated at once), the only one. */
  sink: (chunk: Uint8Array, whole: boolean) => void,
): void {
  const data = storedBytes(bytes, entry);
  const crcOf = budget.crc32 ?? crc32Here;
  let inflated = 0;
  let crc = 0;
  const take = (chunk: Uint8Array, whole = false): void => {
    inflated += chunk.length;
    countInflated(budget, entry, inflated, chunk.length);
    if (!chunk.length) return;
    crc = crcOf(chunk, crc);
    // A part that came whole is checked before it is read; one inflated as a stream, once it has all come.
    if (whole) checkCrc(entry, crc);
    sink(chunk, whole);
  };
  if (entry.method === 0) return take(data, true);
  if (entry.method !== 8) throw refuse('unsupportedZip');
  const whole = inflatedAtOnce(data, entry, budget.atOnce);
  if (whole) return take(whole, true);
  streamInflate(data, take);
  checkCrc(entry, crc);
}

/**
 * A part whose bytes do not give the CRC-32 its entry declares is damaged (review 14a D5: read as if sound, it
 * was checked as what it is not). Node's inflater does not check the CRC of a zip entry, nor does fflate's.
 */
function checkCrc(entry: ZipEntry, crc: number): void {
  if (crc >>> 0 !== entry.crc >>> 0) throw refuse('badCrc');
}

/** Deflated data through fflate's streaming inflater, a slice at a time, each piece inflated handed to `take`. */
function streamInflate(data: Uint8Array, take: (chunk: Uint8Array) => void): void {
  let passOn = false;
  const inflater = new Inflate((chunk) => {
    passOn = true;
    take(chunk);
    passOn = false;
  });
  try {
    for (let i = 0; i < data.length; i += INPUT_SLICE) {
      inflater.push(data.subarray(i, Math.min(data.length, i + INPUT_SLICE)), i + INPUT_SLICE >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    // A refusal, or the sink's own error (XML not well formed), passes through as it is.
    if (passOn || (error instanceof Error && error.name === 'WorkbookReadError')) throw error;
    // fflate's own words ("invalid block type", "unexpected EOF") never reach a person.
    throw refuse('broken');
  }
}

/** Deflated bytes handed to the inflater at a time by inflatedUpTo: it stops within about 1 MB (1,032 × this) of its bound. */
const BOUNDED_SLICE = 1024;

/**
 * A part's stored bytes inflated no further than `most` bytes and one more:
 * `whole` when that was all of it (the stream ended within `most`), otherwise
 * the first `most` + 1 bytes, the rest never inflated. Broken data throws
 * fflate's error; what has been inflated by then is not kept.
 */
export function inflatedUpTo(data: Uint8Array, method: number, most: number): { bytes: Uint8Array; whole: boolean } {
  if (method === 0) return { bytes: data.subarray(0, most + 1), whole: data.length <= most };
  if (method !== 8) throw refuse('unsupportedZip');
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk.slice());
    size += chunk.length;
    ended ||= final;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let at = 0; at < data.length && size <= most && !ended; at += BOUNDED_SLICE) {
    inflater.push(data.subarray(at, at + BOUNDED_SLICE), at + BOUNDED_SLICE >= data.length);
  }
  return { bytes: joinBytes(chunks).subarray(0, most + 1), whole: ended && size <= most };
}
