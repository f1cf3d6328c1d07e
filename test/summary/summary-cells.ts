/** The consolidated summary `custody summary` writes for a folder, read back, and its rows as shown: for the tests of units whose figures are none. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';

/** `custody summary DIR/in -o DIR/LANG.xlsx --lang LANG` (its workbooks have errors: exit 1), the workbook and what it printed. */
export async function summaryIn(dir: string, lang: 'zh' | 'en'): Promise<{ wb: ExcelJS.Workbook; stdout: string }> {
  const out = path.join(dir, `${lang}.xlsx`);
  const io = memoryIO();
  expect(await main(['node', 'custody', 'summary', path.join(dir, 'in'), '-o', out, '--lang', lang], io)).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { wb, stdout: io.stdout };
}

/** A row's shown values (cell text; null where empty). */
export const values = (ws: ExcelJS.Worksheet, r: number, n: number): unknown[] =>
  Array.from({ length: n }, (_x, c) => ws.getRow(r).getCell(c + 1).value ?? null);

/** The first row of `ws` whose first `n` values pass `test`. */
export const rowOf = (ws: ExcelJS.Worksheet, n: number, test: (v: unknown[]) => boolean): unknown[] => {
  for (let r = 1; r <= ws.rowCount; r++) if (test(values(ws, r, n))) return values(ws, r, n);
  throw new Error(`no such row on ${ws.name}`);
};
