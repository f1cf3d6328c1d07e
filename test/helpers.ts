/** Shared test helpers: fill data into a real .xlsx, read it back, reshape it as people do. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { fillWorkbook } from '../src/cli/fill';
import { readWorkbook, SiteModel } from '../src/forms/workbook';
import { gridFromWorkbook } from '../src/io/xlsx/exceljs-grid';
import { gridFromXlsxBuffer } from '../src/io/xlsx/node-workbook';
import type { CellValue, WorkbookGrid } from '../src/model/grid';
import type { SiteData } from '../src/model/types';

export function fixture(name: string): SiteData {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as SiteData;
}

/** The bytes of every blank template the project ships (templates/). */
export function templateBytes(): Uint8Array[] {
  const dir = path.join(__dirname, '..', 'templates');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => new Uint8Array(fs.readFileSync(path.join(dir, f))));
}

/** Every fixture's data: the three sites, then the sites of other shapes (fixtures/shapes). */
export function allFixtures(): SiteData[] {
  return ['', 'shapes'].flatMap((dir) =>
    fs
      .readdirSync(path.join(__dirname, 'fixtures', dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => fixture(path.join(dir, f))),
  );
}

/**
 * A one-sheet workbook (a template file) with values typed into its empty
 * cells as Excel saves them: each cell's value written into the sheet's XML,
 * its style and every other part as they were (a round trip through exceljs
 * would rewrite them).
 */
export async function typedByHand(bytes: Uint8Array, typed: Record<string, number | string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  for (const [ref, value] of Object.entries(typed)) {
    const body = typeof value === 'number' ? `><v>${value}</v></c>` : ` t="inlineStr"><is><t>${value}</t></is></c>`;
    const empty = new RegExp(`<c r="${ref}"( s="\\d+")?/>`);
    if (!empty.test(xml)) throw new Error(`${ref} is not an empty cell of ${part}`);
    xml = xml.replace(empty, (_m, style: string | undefined) => `<c r="${ref}"${style ?? ''}${body}`);
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function loadBuffer(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

export async function writeBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** fill → bytes → exceljs → grid. */
export async function filledWorkbook(data: SiteData): Promise<ExcelJS.Workbook> {
  return loadBuffer(await fillWorkbook(data));
}

/** The form `sheetName` of `second` copied onto the same sheet of `first`, two rows below its end (a copy down the sheet). */
export async function stacked(first: SiteData, second: SiteData, sheetName: string): Promise<ExcelJS.Workbook> {
  const wb = await filledWorkbook(first);
  const below = (await filledWorkbook(second)).getWorksheet(sheetName)!;
  const sheet = wb.getWorksheet(sheetName)!;
  const offset = sheet.rowCount + 2;
  below.eachRow((row, r) => row.eachCell((cell, c) => void ((!cell.isMerged || cell.master === cell) && (sheet.getCell(r + offset, c).value = cell.value))));
  for (const range of (below as unknown as { model: { merges: string[] } }).model.merges) {
    const [a, b] = range.split(':').map((ref) => below.getCell(ref));
    sheet.mergeCells(Number(a.row) + offset, Number(a.col), Number(b.row) + offset, Number(b.col));
  }
  return wb;
}

export async function gridOf(wb: ExcelJS.Workbook): Promise<WorkbookGrid> {
  // Through bytes, as a file on disk would be.
  return gridFromWorkbook(await loadBuffer(await writeBuffer(wb)));
}

export async function readBack(wb: ExcelJS.Workbook): Promise<SiteModel> {
  return readWorkbook(await gridOf(wb));
}

/** JSON with keys sorted and empty strings dropped, for comparing data models. */
export function canonical(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        return Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== '' && x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        );
      }
      return v;
    },
    1,
  );
}

/**
 * A copy of every sheet pasted as values into a fresh workbook at an offset:
 * no merges, no styles, no formulas — what "选择性粘贴 → 数值" gives.
 */
export function pastedAsValues(source: ExcelJS.Workbook, rowOffset: number, colOffset: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  source.worksheets.forEach((ws, i) => {
    const out = wb.addWorksheet(`Sheet${i + 1}`);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        let v: ExcelJS.CellValue = cell.value;
        if (v && typeof v === 'object' && 'formula' in v) v = (v as ExcelJS.CellFormulaValue).result as CellValue;
        out.getCell(r + rowOffset, c + colOffset).value = v;
      });
    });
  });
  return wb;
}

/** Every cell value of the workbook passed through `f` (null to clear). */
export function mapCells(wb: ExcelJS.Workbook, f: (value: ExcelJS.CellValue, cell: ExcelJS.Cell) => ExcelJS.CellValue): void {
  wb.worksheets.forEach((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        cell.value = f(cell.value, cell);
      }),
    ),
  );
}

export const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A date as people type it, in turn: 2024年6月14日9时30分, 2024/6/14 9:30. */
function chineseDate(d: Date, i: number): string {
  const [y, mo, da, h, mi] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  const p = (n: number) => String(n).padStart(2, '0');
  return i % 2 === 0 ? `${y}年${mo}月${da}日${h}时${mi}分` : `${y}/${mo}/${da} ${h}:${p(mi)}`;
}

/** As a person retypes a workbook: values pasted at an offset into renamed sheets, dates as Chinese text, full-width digits. */
export async function retyped(buffer: Buffer): Promise<Buffer> {
  const source = await loadBuffer(buffer);
  const copy: ExcelJS.Workbook = pastedAsValues(source, 2, 1);
  copy.worksheets.forEach((ws, i) => {
    ws.name = `表${i + 1}（重录）`;
  });
  let k = 0;
  mapCells(copy, (v) => {
    if (v instanceof Date) return FULL_WIDTH(chineseDate(v, k++));
    if (typeof v === 'number') return FULL_WIDTH(String(v));
    return v;
  });
  return writeBuffer(copy);
}

/**
 * 岳麓考点's workbook with 入库清单's `formulas` saved without their values (a VLOOKUP a program wrote, no cached result)
 * and `typed` typed over, written and read back.
 */
export async function intakeWithUnsavedFormulas(formulas: readonly string[], typed: Record<string, string | number> = {}): Promise<SiteModel> {
  return withUnsavedFormulas('入库清单', formulas, typed);
}

/** As intakeWithUnsavedFormulas, on `sheet` of a fixture's workbook (岳麓考点's unless another is named). */
export async function withUnsavedFormulas(
  sheet: string,
  formulas: readonly string[],
  typed: Record<string, string | number> = {},
  data = 'kaodian.json',
): Promise<SiteModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture(data))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  for (const cell of formulas) ws.getCell(cell).value = { formula: `VLOOKUP(B${ws.getCell(cell).row},考试安排!A:D,4,0)` } as ExcelJS.CellFormulaValue;
  for (const [cell, v] of Object.entries(typed)) ws.getCell(cell).value = v;
  return readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
}
