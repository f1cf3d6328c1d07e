/**
 * Node only: a workbook file as the check service takes it. The bytes are read
 * with the same refusals for every command (missing, not a regular file, too large), the
 * grid with the one reader every face uses, the SHA-256 with Node's crypto.
 */
import { createHash } from 'crypto';
import type { CheckOptions, WorkbookInput } from '../check/service';
import { readXlsxInNode } from '../io/xlsx/node-workbook';
import { readRegularFileSync } from './files';

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A workbook file, read only when the service asks. */
export function workbookFile(file: string): WorkbookInput {
  return {
    file,
    bytes: () => readRegularFileSync(file),
    grid: (bytes) => readXlsxInNode(bytes ?? new Uint8Array()),
  };
}

/**
 * A file's SHA-256 read here again, for a file whose check was lost (its
 * worker thread stopped over its time or dead): the report names it as every
 * other file's; null when it cannot be read (the line then says why).
 */
export function fileDigest(file: string): string | null {
  try {
    return sha256Hex(readRegularFileSync(file));
  } catch {
    return null;
  }
}

/** The service's options in Node: its hash. */
export function nodeCheckOptions(lang?: 'zh' | 'en'): CheckOptions {
  return { lang, hash: sha256Hex };
}
