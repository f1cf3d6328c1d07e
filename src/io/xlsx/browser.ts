/**
 * The browser face's workbook I/O: .xlsx files a person picks (no Office host,
 * e.g. staff on WPS Spreadsheets) read by the one reader (reader.ts) into the
 * same grid the CLI reads, and a marked copy written back for download, the
 * only place exceljs is loaded (lazily).
 */
import type { Finding } from '../../model/finding';
import type { WorkbookGrid } from '../../model/grid';
import { LIMITS, WorkbookReadError, beyondLimit } from '../../model/limits';
import { readXlsx } from './reader';

export { markedName } from '../../check/marks';

const MAX_FILE_BYTES = LIMITS.fileBytes;

export class BrowserReadError extends Error {
  constructor(
    public readonly code: 'tooBig' | 'notXlsx' | 'oldXls' | 'broken',
    message: string,
    /** The same line in English, where the reader has it (an empty file, an encrypted one: the code alone words them wrongly). */
    public readonly en?: string,
  ) {
    super(message);
    this.name = 'BrowserReadError';
  }
}

export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
}

/** The refusal of the one reader, in the codes the pane words its notices by. */
function browserError(error: WorkbookReadError): BrowserReadError {
  const code =
    error.reason === 'limit'
      ? 'tooBig'
      : error.reason === 'oldXls' || error.reason === 'encrypted'
        ? 'oldXls'
        : error.reason === 'empty' || error.reason === 'notXlsx' || error.reason === 'noWorkbook' || error.reason === 'openDocument'
          ? 'notXlsx'
          : 'broken';
  return new BrowserReadError(code, error.message, error.en);
}

/** Reads a picked file's bytes with the one reader every face uses (bounded by LIMITS), refusing in the CLI's words. */
export async function openWorkbook(name: string, data: ArrayBuffer | Uint8Array): Promise<OpenedWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    // The page's preview shows a date as its cell's format does (review 20a D7).
    return { name, bytes, grid: readXlsx(bytes, { dateFormats: true }) };
  } catch (error) {
    throw error instanceof WorkbookReadError ? browserError(error) : error;
  }
}

/** A chosen file's bytes, refused before they are read when the file is too large. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) throw browserError(beyondLimit('fileBytes', file.size));
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * A marked copy of an opened workbook (the original bytes are re-read, never
 * changed): the one marking of src/io/xlsx/mark.ts, which marks exactly the
 * finding cells. Loaded here only, where a workbook is written, so that
 * exceljs stays out of the pane's first bundle.
 */
export async function markedCopy(opened: Pick<OpenedWorkbook, 'bytes'>, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): Promise<Uint8Array> {
  const { markedCopy: copyWithMarks } = await import('./mark');
  return (await copyWithMarks(opened.bytes, findings, lang)).bytes;
}

export function saveBytes(name: string, bytes: Uint8Array, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
