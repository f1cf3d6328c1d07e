/**
 * Node: a workbook's bytes → the grid, with the one reader (reader.ts), its
 * small parts inflated by Node's zlib (native, several times fflate's speed).
 * No exceljs: it is loaded only where a workbook is written.
 */
import * as buffer from 'buffer';
import * as zlib from 'zlib';
import type { AsciiText } from './utf8-slices';
import type { Crc32 } from './zip';
import type { Deflater } from './mark-parts';
import type { WorkbookGrid } from '../../model/grid';
import { listWorksheets, readXlsx } from './reader';

/** zlib's least chunk. */
const LEAST_CHUNK = 64;

/**
 * Throws beyond maxLength: such a part goes to the bounded streaming inflater, which refuses it in plain words.
 * Inflated into one chunk of the length expected: zlib's chunks of 16 KB were joined into one copy at the end
 * (75 ms of a 50,000-row vault log's 40 MB sheet); a part longer than expected is still read whole, in chunks.
 */
// Left as found (no cheap way round it): a file's time budget that ends in the few microseconds Node takes to make an
// inflater, between its handle and the handle's init, leaves a half-made handle that aborts the process when it is
// collected (node_zlib.cc “close before init”) — a stopped worker thread's, when the thread is torn down. Some 5 µs
// for each part of 4 KB or more: about once in a million files over a budget of seconds; tests with budgets of a
// millisecond read stored parts (test/cli/keep-unit.test.ts). fflate alone is safe but 40 % slower on the grid.
function inflateAtOnce(data: Uint8Array, maxLength: number, expectedLength: number): Uint8Array {
  return zlib.inflateRawSync(data, { maxOutputLength: maxLength, chunkSize: Math.max(LEAST_CHUNK, expectedLength) });
}

/** Node's isAscii (18.15 and 19.6 on): without it, every part is decoded as UTF-8. */
const isAscii = (buffer as { isAscii?: (bytes: Uint8Array) => boolean }).isAscii;

/** A slice's text read as latin1 (a copy, byte for byte) when it is all ASCII: some ten times UTF-8 decoding's speed. */
const asciiText: AsciiText | undefined = isAscii
  ? (bytes) => (isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1') : undefined)
  : undefined;

/** Node's CRC-32 (20.15 and 22.2 on; a 40 MB part in some 15 ms, the JavaScript one's 150): without it, zip.ts's. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value: number) => number }).crc32;
const crc32: Crc32 | undefined = zlibCrc32 ? (data, value) => zlibCrc32(data, value) : undefined;

/** Reads a workbook's bytes into the grid the readers take; throws WorkbookReadError with one line. */
export function readXlsxInNode(bytes: Uint8Array): WorkbookGrid {
  return readXlsx(bytes, { inflateAtOnce, asciiText, crc32 });
}

/** A workbook's worksheets, names and states, none of their cells read (listWorksheets); throws as readXlsxInNode. */
export function worksheetsInNode(bytes: Uint8Array): ReturnType<typeof listWorksheets> {
  return listWorksheets(bytes, { inflateAtOnce, asciiText, crc32 });
}

/** The same, for callers that await. */
export async function gridFromXlsxBuffer(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsxInNode(buffer);
}

/** Node's zlib as a marked copy's deflater, where this Node has zlib.crc32 (20.15 on); undefined: fflate deflates. */
export function nodeDeflater(): Deflater | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return crc32 ? { deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }), crc32: (data) => crc32(data) } : undefined;
}
