/**
 * Node: a workbook's bytes → the grid, with the one reader (reader.ts), its
 * small parts inflated by Node's zlib (native, several times fflate's speed).
 * No exceljs: it is loaded only where a workbook is written.
 */
import { inflateRawSync } from 'zlib';
import type { WorkbookGrid } from '../../model/grid';
import { readXlsx } from './reader';

/** Throws beyond maxLength: such a part goes to the bounded streaming inflater, which refuses it in plain words. */
function inflateAtOnce(data: Uint8Array, maxLength: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: maxLength });
}

/** Reads a workbook's bytes into the grid the readers take; throws WorkbookReadError with one line. */
export function readXlsxInNode(bytes: Uint8Array): WorkbookGrid {
  return readXlsx(bytes, { inflateAtOnce });
}

/** The same, for callers that await. */
export async function gridFromXlsxBuffer(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsxInNode(buffer);
}
