/**
 * Node: a workbook's bytes → the grid, with the one reader (reader.ts). No
 * exceljs: it is loaded only where a workbook is written.
 */
import type { WorkbookGrid } from '../../model/grid';
import { readXlsx } from './reader';

/** Reads a workbook buffer into the grid the readers take; throws WorkbookReadError with one line. */
export async function gridFromXlsxBuffer(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsx(buffer);
}
