/**
 * Opens a workbook file for reading, in Node, refusing what is not one with a
 * one-line reason a person can act on: not a zip, a truncated zip, an old .xls,
 * an encrypted workbook, a zip that inflates far beyond its size. The file is
 * only ever read.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as yauzl from 'yauzl';
import { gridFromWorkbook } from './exceljs-grid';
import type { WorkbookGrid } from '../../model/grid';

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** Limits that keep one bad file from taking the machine down. */
export const LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  inflatedBytes: 1024 * 1024 * 1024,
  /** Inflated ÷ compressed beyond this, for a large archive, is a zip bomb, not a workbook. */
  ratio: 200,
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

interface ZipEntrySummary {
  names: string[];
  inflated: number;
}

function listZip(buffer: Buffer): Promise<ZipEntrySummary> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const summary: ZipEntrySummary = { names: [], inflated: 0 };
      zip.on('entry', (entry: yauzl.Entry) => {
        summary.names.push(entry.fileName);
        summary.inflated += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(summary));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Checks that a buffer is a readable .xlsx before any spreadsheet library inflates it. */
export async function checkXlsxBuffer(buffer: Buffer): Promise<void> {
  if (buffer.length === 0) throw new WorkbookReadError('文件是空的（0 字节），不是 Excel 工作簿');
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) {
    if (buffer.includes(ENCRYPTION_INFO)) {
      throw new WorkbookReadError('工作簿设置了打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再检查');
    }
    throw new WorkbookReadError('这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查');
  }
  if (buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookReadError('不是 .xlsx 工作簿（文件内容不是 Excel 格式）');
  }
  let summary: ZipEntrySummary;
  try {
    summary = await listZip(buffer);
  } catch {
    throw new WorkbookReadError('文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件');
  }
  if (!summary.names.includes('xl/workbook.xml')) {
    throw new WorkbookReadError('压缩包里没有 Excel 工作簿内容（xl/workbook.xml），不是 .xlsx 文件');
  }
  const ratio = summary.inflated / buffer.length;
  if (summary.inflated > LIMITS.inflatedBytes || (summary.inflated > 100 * 1024 * 1024 && ratio > LIMITS.ratio)) {
    throw new WorkbookReadError(
      `文件解压后过大（${Math.round(summary.inflated / 1024 / 1024)} MB，压缩比 ${Math.round(ratio)}:1），疑似异常文件，已拒绝读取`,
    );
  }
}

/** Reads a workbook buffer into the grid the readers take. */
export async function gridFromXlsxBuffer(buffer: Buffer): Promise<WorkbookGrid> {
  await checkXlsxBuffer(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WorkbookReadError(`无法读取工作簿内容（${reason.slice(0, 120)}），请用 Excel 或 WPS 打开后重新保存为 .xlsx`);
  }
  return gridFromWorkbook(wb);
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
  if (stat.size > LIMITS.fileBytes) {
    throw new WorkbookReadError(`文件过大（${Math.round(stat.size / 1024 / 1024)} MB），超过 ${LIMITS.fileBytes / 1024 / 1024} MB 的上限`);
  }
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new WorkbookReadError(`无法读取文件（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
}

/** Reads a workbook file; throws WorkbookReadError with a one-line reason. */
export async function loadWorkbookFile(file: string): Promise<WorkbookGrid> {
  return gridFromXlsxBuffer(await readWorkbookBytes(file));
}
