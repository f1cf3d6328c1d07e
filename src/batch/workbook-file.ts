/**
 * Node only: a workbook file as the check service takes it. The bytes are read
 * with the same refusals for every command (missing, not a regular file, too large), the
 * grid with the fast reader (exceljs for what it does not take), the SHA-256
 * with Node's crypto.
 */
import { createHash } from 'crypto';
import type { CheckOptions, WorkbookInput } from '../check/service';
import type { WorkbookGrid } from '../model/grid';
import { fastGridFromXlsx } from '../io/xlsx/fast-grid';
import { checkXlsxBuffer, gridFromXlsxBuffer } from '../io/xlsx/node-workbook';
import { readRegularFile } from './files';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The grid of a workbook buffer: the same checks as every command, then the
 * fast reader, or exceljs for anything the fast reader does not take.
 */
export async function readGrid(buffer: Buffer): Promise<WorkbookGrid> {
  await checkXlsxBuffer(buffer);
  try {
    return fastGridFromXlsx(buffer);
  } catch {
    return gridFromXlsxBuffer(buffer);
  }
}

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** A workbook file, read only when the service asks. */
export function workbookFile(file: string): WorkbookInput {
  return {
    file,
    bytes: () => readRegularFile(file),
    grid: (bytes) => readGrid(asBuffer(bytes ?? new Uint8Array())),
  };
}

/** The service's options in Node: its hash. */
export function nodeCheckOptions(lang?: 'zh' | 'en'): CheckOptions {
  return { lang, hash: sha256Hex };
}
