/**
 * Node: opens a workbook file for reading with the one reader (reader.ts),
 * refusing what is not one with a one-line reason a person can act on. The
 * file is only ever read; exceljs is not loaded.
 */
import { promises as fs } from 'fs';
import type { WorkbookGrid } from '../../model/grid';
import { LIMITS, WorkbookReadError, beyondLimit } from '../../model/limits';
import { readXlsx } from './reader';

export { LIMITS, WorkbookReadError };

/** Reads a workbook buffer into the grid the readers take. */
export async function gridFromXlsxBuffer(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsx(buffer);
}

/** The bytes of a workbook file, refused with a one-line reason when it is missing, a folder or too large. */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new WorkbookReadError('找不到文件');
  }
  if (stat.isDirectory()) throw new WorkbookReadError('这是一个文件夹，不是工作簿文件');
  if (stat.size > LIMITS.fileBytes) throw beyondLimit('fileBytes', stat.size);
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new WorkbookReadError(`无法读取文件（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
}

/** Reads a workbook file; throws WorkbookReadError with a one-line reason. */
export async function loadWorkbookFile(file: string): Promise<WorkbookGrid> {
  return readXlsx(await readWorkbookBytes(file));
}
