/**
 * Worker thread of the benchmarks' yardsticks (bench/yardstick.ts): one task =
 * a batch of files, read the cheapest way there is (the floor: unzip and decode
 * every XML part, fflate) or the way exceljs reads them (a bare `xlsx.load`).
 */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'fs';

/** Reads each file, inflates every part and decodes its XML to text: what any reader must at least do. Returns the characters decoded. */
export function unzipDecode(bytes: Uint8Array): number {
  let chars = 0;
  const parts = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  for (const name in parts) chars += strFromU8(parts[name]).length;
  return chars;
}

export function floor(files: readonly string[]): number {
  let chars = 0;
  for (const file of files) chars += unzipDecode(readFileSync(file));
  return chars;
}

export async function exceljsLoad(files: readonly string[]): Promise<number> {
  // Loaded here, not above: the floor's cold process must not pay for it.
  const { default: ExcelJS } = await import('exceljs');
  let sheets = 0;
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    sheets += wb.worksheets.length;
  }
  return sheets;
}
