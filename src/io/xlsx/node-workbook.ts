/**
 * Node: a workbook's bytes → the grid, with the one reader (reader.ts), its
 * small parts inflated by Node's zlib (native, several times fflate's speed).
 * No exceljs: it is loaded only where a workbook is written.
 */
import { inflateRawSync } from 'zlib';
import type { WorkbookGrid } from '../../model/grid';
import { readXlsx } from './reader';

/** Refuses to inflate beyond the buffer asked for: a part lying about its size goes to the bounded streaming inflater. */
function inflateAtOnce(data: Uint8Array, size: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: size });
}

/** Reads a workbook's bytes into the grid the readers take; throws WorkbookReadError with one line. */
export function readXlsxInNode(bytes: Uint8Array): WorkbookGrid {
  return readXlsx(bytes, { inflateAtOnce });
}

/** The same, for callers that await. */
export async function gridFromXlsxBuffer(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsxInNode(buffer);
}
