/**
 * The held-out faulty workbook for the independent WPS check, and the bridge
 * from an .xlsx file to the independent fake's BookJson (through exceljs, not
 * through our reader): what a person's workbook would hold in WPS表格.
 *
 * The workbook is made fresh by `custody fill` from kaodian.json with its own
 * defects (not those of the other e2e tests), then edited as people do: one
 * form moved down and right so its sheet's used range starts at D4, and fills
 * and comments of their own on some cells, a white fill among them.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { SiteData } from '../../src/model/types';
import type { BookJson, CellJson, SheetJson } from './independent-fake-model';
import { colName, parseAddress } from './independent-fake-model';
import { scratchDir } from '../scratch';

const ROOT = path.join(__dirname, '..', '..');

/** Where the used range of the moved sheet starts: 3 rows down, 3 columns right. */
export const SHIFT = { rows: 3, cols: 3 };

/** CVErr numbers as Value2 gives them (xlErrDiv0 and friends). */
const CVERR: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

function plantDefects(data: SiteData): void {
  const d = data as unknown as {
    vaultLog: Array<Record<string, unknown>>;
    distributions: Array<{ rows: Array<Record<string, unknown>> }>;
    duty: { shifts: Array<Record<string, unknown>> };
  };
  // Returned to the vault before it was taken out.
  d.vaultLog[1].returnedAt = '2024-06-15T09:30';
  // One room's papers never signed back in.
  d.distributions[0].rows[1].returner = '';
  // A shift nobody took over.
  d.duty.shifts[1].takenOverBy = '';
}

async function fill(data: SiteData, dir: string): Promise<string> {
  const json = path.join(dir, 'data.json');
  fs.writeFileSync(json, JSON.stringify(data));
  const out = path.join(dir, 'filled.xlsx');
  const io = memoryIO();
  const code = await main(['node', 'custody', 'fill', json, '-o', out], io);
  if (code !== 0) throw new Error(`custody fill: ${io.stderr}`);
  return out;
}

/** A copy of `from` into a new sheet, every cell moved by SHIFT (merges, formats, fills and widths with it). */
function shiftedCopy(book: ExcelJS.Workbook, from: ExcelJS.Worksheet, name: string): ExcelJS.Worksheet {
  const to = book.addWorksheet(name);
  from.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const target = to.getCell(r + SHIFT.rows, c + SHIFT.cols);
      target.value = cell.value;
      target.style = JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>;
    });
  });
  for (const m of (from.model as { merges?: string[] }).merges ?? []) {
    const { box } = parseAddress(m);
    to.mergeCells(box[0] + SHIFT.rows, box[1] + SHIFT.cols, box[2] + SHIFT.rows, box[3] + SHIFT.cols);
  }
  return to;
}

/** The workbook with sheet `moved` shifted by SHIFT, in its place among the others. */
async function moveSheet(file: string, moved: string, out: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const old = book.getWorksheet(moved);
  if (!old) throw new Error(`no sheet ${moved}`);
  const copy = shiftedCopy(book, old, `${moved}~`);
  // exceljs keeps sheet order in orderNo (not in its typings): the copy takes the original's place.
  (copy as unknown as { orderNo: number }).orderNo = (old as unknown as { orderNo: number }).orderNo;
  book.removeWorksheet(old.id);
  copy.name = moved;
  await book.xlsx.writeFile(out);
}

export interface Decoration {
  sheet: string;
  cell: string;
  /** ARGB as exceljs writes it, or undefined for no fill. */
  argb?: string;
  comment?: string;
}

/** Fills and comments a person put on cells before the check. */
export async function decorate(file: string, decorations: readonly Decoration[], out: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const d of decorations) {
    const cell = book.getWorksheet(d.sheet)!.getCell(d.cell);
    if (d.argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: d.argb } };
    if (d.comment) cell.note = d.comment;
  }
  await book.xlsx.writeFile(out);
}

/** Fills, finds and moves: the held-out workbook before decoration, in a fresh temp folder. */
export async function heldOutWorkbook(moved: string): Promise<{ dir: string; file: string }> {
  const dir = scratchDir('custody-wps-heldout-');
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/kaodian.json'), 'utf8')) as SiteData;
  plantDefects(data);
  const filled = await fill(data, dir);
  const file = path.join(dir, '岳麓考点-另有误.xlsx');
  await moveSheet(filled, moved, file);
  return { dir, file };
}

/** The CLI's findings for a file, as JSON. */
export async function cliFindings(file: string): Promise<Array<Record<string, unknown>>> {
  const io = memoryIO();
  await main(['node', 'custody', 'validate', file, '--format', 'json'], io);
  const out = JSON.parse(io.stdout) as { files?: Array<{ findings: Array<Record<string, unknown>> }> } | Array<{ findings: Array<Record<string, unknown>> }>;
  const files = Array.isArray(out) ? out : (out.files ?? []);
  return files.flatMap((f) => f.findings);
}

/** exceljs ARGB "FFRRGGBB" → the BGR integer Interior.Color reads. */
function bgrOfArgb(argb: string): number {
  const rgb = parseInt(argb.slice(-6), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** Days since 1899-12-30, as Value2 gives a date (exceljs Dates are wall clocks in UTC). */
const serial = (d: Date): number => d.getTime() / 86_400_000 + 25569;

function cellJson(cell: ExcelJS.Cell): CellJson | undefined {
  const out: CellJson = {};
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: Array<{ text: string }>; error?: string; text?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      out.f = `=${o.formula ?? cell.formula}`;
      v = o.result;
    } else if (o.richText) v = o.richText.map((t) => t.text).join('');
    else if (o.error) v = { error: o.error };
    else if (o.text !== undefined) v = o.text;
  }
  if (v && typeof v === 'object' && 'error' in (v as object)) {
    const code = String((v as { error: string }).error);
    out.v = CVERR[code] ?? CVERR['#VALUE!'];
    out.err = code;
  } else if (v instanceof Date) out.v = serial(v);
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    if (v !== '') out.v = v;
  }
  if (cell.numFmt && cell.numFmt !== 'General') out.nf = cell.numFmt;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === 'pattern' && fill.pattern && fill.pattern !== 'none' && fill.fgColor?.argb) out.fill = bgrOfArgb(fill.fgColor.argb);
  const note = cell.note as string | { texts?: Array<{ text: string }> } | undefined;
  if (note) out.comment = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  return Object.keys(out).length > 0 ? out : undefined;
}

/** What WPS表格 would hold after opening the file: every sheet's cells, merges, fills, comments, visibility. */
export async function bookFromXlsx(file: string): Promise<BookJson> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetJson[] = wb.worksheets.map((ws) => {
    const cells: Record<string, CellJson> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const json = cellJson(cell);
        if (json) cells[`${r},${c}`] = json;
      }),
    );
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => m.replace(/\$/g, ''));
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => void (row.hidden && hiddenRows.push(r)));
    const hiddenCols: number[] = [];
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c);
    return { name: ws.name, visible: ws.state === 'veryHidden' ? 2 : ws.state === 'hidden' ? 0 : -1, cells, merges, hiddenRows, hiddenCols };
  });
  return { name: path.basename(file), sheets, names: [] };
}

/** A cell of a BookJson sheet by A1 address. */
export function cellAt(book: BookJson, sheet: string, a1: string): CellJson | undefined {
  const { box } = parseAddress(a1);
  return book.sheets.find((s) => s.name === sheet)?.cells[`${box[0]},${box[1]}`];
}

/** The saved state of a book as people see it: empty cell records dropped, so "no entry" and "{}" compare equal. */
export function normalised(book: BookJson): BookJson {
  return {
    ...book,
    sheets: book.sheets.map((s) => ({
      ...s,
      cells: Object.fromEntries(Object.entries(s.cells).filter(([, c]) => Object.values(c).some((v) => v !== undefined))),
    })),
  };
}

/** Every cell that differs between two books: "sheet!A1 field: before → after". */
export function differences(before: BookJson, after: BookJson): string[] {
  const out: string[] = [];
  const a = normalised(before);
  const b = normalised(after);
  const names = [...new Set([...a.sheets.map((s) => s.name), ...b.sheets.map((s) => s.name)])];
  for (const name of names) {
    const sa = a.sheets.find((s) => s.name === name);
    const sb = b.sheets.find((s) => s.name === name);
    if (!sa || !sb) {
      out.push(`${name}: sheet ${sa ? 'removed' : 'added'}`);
      continue;
    }
    if (sa.visible !== sb.visible) out.push(`${name}: visible ${sa.visible} → ${sb.visible}`);
    if (JSON.stringify([...sa.merges].sort()) !== JSON.stringify([...sb.merges].sort())) out.push(`${name}: merges changed`);
    for (const k of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)])) {
      const [r, c] = k.split(',').map(Number);
      const ca = (sa.cells[k] ?? {}) as Record<string, unknown>;
      const cb = (sb.cells[k] ?? {}) as Record<string, unknown>;
      for (const field of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
        if (JSON.stringify(ca[field]) !== JSON.stringify(cb[field])) {
          out.push(`${name}!${colName(c)}${r} ${field}: ${JSON.stringify(ca[field])} → ${JSON.stringify(cb[field])}`);
        }
      }
    }
  }
  if (JSON.stringify(a.names) !== JSON.stringify(b.names)) out.push('names changed');
  return out;
}
