/**
 * The browser face's workbook I/O: .xlsx files a person picks (no Office host,
 * e.g. staff on WPS Spreadsheets) read with exceljs into the same grid the
 * readers take, and a marked copy written back for download.
 *
 * This module is only ever reached through a dynamic import() from the task
 * pane, so exceljs stays out of the bundle that Excel loads.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Finding } from '../../model/finding';
import { gridFromWorkbook } from './exceljs-grid';
import type { WorkbookGrid } from '../../model/grid';
import { MARK_COLORS, cellMarks } from '../office-marks';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Inflated size beyond which a "workbook" is a zip bomb (the CLI's limit too). */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

export class BrowserReadError extends Error {
  constructor(public readonly code: 'tooBig' | 'notXlsx' | 'oldXls' | 'broken', message: string) {
    super(message);
    this.name = 'BrowserReadError';
  }
}

export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array;
  workbook: ExcelJS.Workbook;
  grid: WorkbookGrid;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function includes(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Refuses what is not an .xlsx before exceljs inflates it, in the CLI's words (src/io/node-workbook.ts). */
export function checkXlsxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new BrowserReadError('notXlsx', '文件是空的（0 字节），不是 Excel 工作簿');
  if (bytes.length > MAX_FILE_BYTES) throw new BrowserReadError('tooBig', `文件过大（${Math.round(bytes.length / 1048576)} MB）`);
  if (bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b)) {
    if (includes(bytes, ENCRYPTION_INFO)) {
      throw new BrowserReadError('oldXls', '工作簿设置了打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再检查');
    }
    throw new BrowserReadError('oldXls', '这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new BrowserReadError('notXlsx', '不是 .xlsx 工作簿（文件内容不是 Excel 格式）');
  }
}

/** Looks inside the zip (without inflating it) the way the CLI does: a workbook part, a sane inflated size. */
export async function checkXlsxZip(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new BrowserReadError('broken', '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件');
  }
  if (!zip.file('xl/workbook.xml')) throw new BrowserReadError('notXlsx', '压缩包里没有 Excel 工作簿内容（xl/workbook.xml），不是 .xlsx 文件');
  let inflated = 0;
  zip.forEach((_path, entry) => {
    // JSZip keeps each entry's declared size from the central directory.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === 'number') inflated += size;
  });
  if (inflated > MAX_INFLATED_BYTES) {
    throw new BrowserReadError('tooBig', `文件解压后过大（${Math.round(inflated / 1048576)} MB），疑似异常文件，已拒绝读取`);
  }
}

export async function openWorkbook(name: string, data: ArrayBuffer | Uint8Array): Promise<OpenedWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkXlsxBytes(bytes);
  await checkXlsxZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BrowserReadError('broken', `无法读取工作簿内容（${reason.slice(0, 120)}），请用 Excel 或 WPS 打开后重新保存为 .xlsx`);
  }
  return { name, bytes, workbook, grid: gridFromWorkbook(workbook) };
}

/** A chosen file's bytes, refused before they are read when the file is too large. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) throw new BrowserReadError('tooBig', `文件过大（${Math.round(file.size / 1048576)} MB）`);
  return new Uint8Array(await file.arrayBuffer());
}

export async function openFile(file: File): Promise<OpenedWorkbook> {
  return openWorkbook(file.name, await fileBytes(file));
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** The marks written into an exceljs workbook: fill plus a note on each finding's cell. */
export function markWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): number {
  let n = 0;
  for (const mark of cellMarks(findings, lang)) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MARK_COLORS[mark.severity]) } };
    const prior = noteTextOf(cell.note);
    cell.note = prior ? `${prior}\n\n${mark.text}` : mark.text;
    n++;
  }
  return n;
}

function noteTextOf(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** A marked copy of an opened workbook (the original bytes are re-read, never changed). */
export async function markedCopy(opened: Pick<OpenedWorkbook, 'bytes'>, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): Promise<Uint8Array> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(opened.bytes.slice().buffer as ArrayBuffer);
  markWorkbook(copy, findings, lang);
  return new Uint8Array(await copy.xlsx.writeBuffer());
}

/** "岳麓考点.xlsx" → "岳麓考点（已标记）.xlsx". */
export function markedName(name: string, lang: 'zh' | 'en' = 'zh'): string {
  const base = name.replace(/\.xlsx$/i, '');
  return lang === 'zh' ? `${base}（已标记）.xlsx` : `${base} (marked).xlsx`;
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

export { ExcelJS };
