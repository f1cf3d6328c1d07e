/**
 * A marked copy of a workbook with exceljs (the CLI's `validate --mark` and
 * the browser face's 下载已标记副本): exactly the finding cells get a fill and
 * a note saying the finding; nothing else changes.
 *
 * exceljs shares one style object among the cells that had one style in the
 * file, and `cell.fill = …` writes into that shared object — colouring every
 * cell of that style. So each marked cell gets its own copy of its style,
 * with the fill replaced, and the shared one is left alone.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding';
import { type CellMark, MARK_BORDERS, MARK_COLORS, cellMarks } from '../../check/marks';
import { fieldLabels, findingCopies, findingSheets } from '../../check/finding-list';
import { namedAsItsForm } from '../../forms/form-place';
import { absoluteRows } from './exceljs-writer';
import { strFromU8, strToU8 } from 'fflate';
import { type Deflater, markParts, notesBySheet, rezipped, withNotesShown, withWorkbookTypeOf } from './mark-parts';
import { argb, borderStyle } from './mark-styles';
import { type FindingsList, listParts } from './mark-list';
import { Unhandled } from './mark-notes';
import { type PackageParts, packageParts, readXlsx } from './reader';
import { encodingOf } from './utf8-slices';
import { inflatedUpTo } from './zip';
import { a1 } from '../../model/grid';
import { refuseManyNotes, refuseNotesNotPatchable } from './mark-notes-limit';
import { footerWithName } from './mark-footer';
import { mergedAreas, outlineCells } from '../../check/mark-outline';
import { withPrintOf } from './mark-print';

function noteTextOf(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** A mark's look given to a cell: its severity's fill and frame, in a style of its own (the shared one keeps colouring only what it coloured before). */
function framed(cell: ExcelJS.Cell, severity: CellMark['severity']): void {
  const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MARK_COLORS[severity]) } };
  const line = { style: borderStyle(MARK_BORDERS[severity]) as ExcelJS.BorderStyle };
  cell.style = { ...cell.style, fill, border: { left: line, right: line, top: line, bottom: line } };
}

type SheetMark = { row: number; col: number; severity: CellMark['severity'] };

/** Marks the finding cells of an exceljs workbook (in place), and the outline of a merged area one is in (check/mark-outline.ts); returns how many findings' cells were marked. */
function markWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): number {
  let marked = 0;
  const bySheet = new Map<ExcelJS.Worksheet, SheetMark[]>();
  for (const mark of cellMarks(findings, lang)) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    // Hidden (by hand or by a filter), its mark would be seen neither on screen nor in print (review 13a D1).
    ws.getRow(Number(cell.row)).hidden = false;
    // A hidden sheet alike: shown for its marks (mark-sheets-shown.ts, review 24 D8).
    ws.state = 'visible';
    framed(cell, mark.severity);
    const prior = noteTextOf(cell.note);
    cell.note = prior ? `${prior}\n\n${mark.text}` : mark.text;
    marked++;
    const marks = bySheet.get(ws) ?? [];
    marks.push({ row: Number(cell.row) - 1, col: Number(cell.col) - 1, severity: mark.severity });
    bySheet.set(ws, marks);
  }
  for (const [ws, marks] of bySheet) {
    const edges = outlineCells(marks, mergedAreas(ws.model.merges ?? []), (a, b) => a.severity === 'error' && b.severity !== 'error');
    for (const { row, col, mark } of edges) framed(ws.getCell(a1(row, col)), mark.severity);
    nameInFooters(ws);
  }
  return marked;
}

/** The sheet's name in each footer it prints, as the patched copy has it (mark-footer.ts). */
function nameInFooters(ws: ExcelJS.Worksheet): void {
  // A sheet read without a <headerFooter> has none (null) in exceljs.
  const hf = (ws.headerFooter ??= {} as ExcelJS.HeaderFooter);
  hf.oddFooter = footerWithName(hf.oddFooter, ws.name);
  if (hf.evenFooter) hf.evenFooter = footerWithName(hf.evenFooter, ws.name);
  if (hf.firstFooter) hf.firstFooter = footerWithName(hf.firstFooter, ws.name);
}

/** The notes exceljs dropped as it loaded (those of cells without a value), put back as their text. */
function keepNotes(workbook: ExcelJS.Workbook, bytes: Uint8Array): void {
  for (const [sheet, notes] of notesBySheet(bytes)) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    for (const note of notes) {
      const cell = ws.getCell(a1(note.row, note.col));
      if (!cell.note) cell.note = note.text;
    }
  }
}

/**
 * exceljs reads a print area `$A$1:$E$22` as "A1:E22" and would write it back
 * as `$A1:$E22`, which LibreOffice does not print as an area: the copy would
 * print the columns kept beside the form (附件1's 单位). Rows made absolute again.
 */
function keepPrintAreas(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (area) ws.pageSetup.printArea = area.split('&&').map(absoluteRows).join('&&');
  }
}

interface WithConditionalFormats {
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

/**
 * exceljs reads a conditional format's number format (`<dxf><numFmt>`) as
 * `{ id, formatCode }` and writes that object back as "[object Object]": the
 * copy's 数量 would print garbage where the original printed "2箱". Each is put
 * back as its code.
 */
function keepConditionalNumberFormats(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    // Worksheet.conditionalFormattings exists at run time but is missing from exceljs' typings.
    for (const cf of (ws as unknown as WithConditionalFormats).conditionalFormattings ?? []) {
      for (const rule of cf.rules) {
        const numFmt = rule.style?.numFmt as unknown;
        if (numFmt && typeof numFmt === 'object' && 'formatCode' in numFmt) rule.style = { ...rule.style, numFmt: String(numFmt.formatCode) };
      }
    }
  }
}

/** A copy written by exceljs with the list of findings added as its last sheet, as markParts adds it; as it was when it cannot be. */
function withFindingsList(copy: Uint8Array, list: FindingsList, host?: Deflater): Uint8Array {
  const pkg = packageParts(copy);
  if (list.findings.length === 0 || !pkg.styles) return copy;
  const changed = new Map<string, Uint8Array>();
  const text = (part: string) => strFromU8(changed.get(part) ?? pkg.bytes(part));
  try {
    for (const [part, xml] of listParts(pkg.names, pkg.sheets.keys(), text, pkg.styles, list, MARK_COLORS)) changed.set(part, strToU8(xml));
  } catch (error) {
    if (error instanceof Unhandled) return copy;
    throw error;
  }
  return rezipped(pkg, changed, host);
}

/**
 * The marked copy of a workbook's bytes (the bytes themselves are never
 * changed): its package patched in place (mark-parts.ts; `host`: the parts
 * it writes deflated by the host's zlib), or, for what that does not handle
 * (notes there already), a round trip through exceljs.
 */
export async function markedCopy(
  bytes: Uint8Array,
  findings: readonly Finding[],
  lang: 'zh' | 'en' = 'zh',
  host?: Deflater,
): Promise<{ bytes: Uint8Array; marked: number }> {
  const pkg = readablePackage(bytes);
  // Notes that neither the patching in place nor exceljs may mark, refused from the sizes the zip declares.
  if (pkg) refuseNotesNotPatchable(pkg);
  const input = pkg ? inUtf8(pkg, bytes, host) : bytes;
  return markParts(input, cellMarks(findings, lang), MARK_COLORS, host, listOf(input, findings, lang)) ?? markedThroughExceljs(input, findings, lang, host);
}

/** The package's parts; undefined for one the reader refuses, left to the marking, which says so in its own words. */
function readablePackage(bytes: Uint8Array): PackageParts | undefined {
  try {
    return packageParts(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether the list must say which copy of a form some finding is in: two findings of one sheet at one 序号 in two
 * rows of the sheet (both copies' row 1, review 11 D8), or a finding about a copy (form-copies-disagree).
 */
function copiesToSay(findings: readonly Finding[]): boolean {
  const rowsAt = new Map<string, string>();
  for (const f of findings) {
    if (f.rule === 'form-copies-disagree') return true;
    if (f.row === null || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.form}\u0000${f.row}`;
    const sheetRow = /\d+$/.exec(f.cell)?.[0] ?? '';
    if ((rowsAt.get(key) ?? sheetRow) !== sheetRow) return true;
    rowsAt.set(key, sheetRow);
  }
  return false;
}

/**
 * The list of a copy's findings, each at a header or footer field with the field's label (合计), each in a later copy
 * of its form on its sheet saying which, each on a sheet of several forms with its form (findingSheets): read from the
 * workbook, only when some finding needs it; none from a workbook the reader refuses.
 */
function listOf(bytes: Uint8Array, findings: readonly Finding[], lang: 'zh' | 'en'): FindingsList {
  const labels = findings.some((f) => f.row === null && f.cell);
  const copies = copiesToSay(findings);
  const placed = findings.some((f) => f.sheet !== null && f.cell && !namedAsItsForm(f));
  if (!labels && !copies && !placed) return { findings, lang };
  try {
    const grid = readXlsx(bytes);
    const sheets = placed ? findingSheets(findings, grid) : [];
    return {
      findings,
      lang,
      ...(labels ? { labels: fieldLabels(findings, grid) } : {}),
      ...(copies ? { copies: findingCopies(findings, grid) } : {}),
      ...(sheets.length ? { sheets } : {}),
    };
  } catch {
    return { findings, lang };
  }
}

/** XML parts, by name: a part in UTF-16 is one of these. */
const XML_PART = /\.(xml|rels|vml)$/i;
/** A part's first two bytes, inflated no further than that, to tell its encoding (a broken part: none). */
function headOf(data: Uint8Array, method: number): Uint8Array {
  if (method !== 8) return data.subarray(0, 2);
  try {
    return inflatedUpTo(data, method, 1).bytes;
  } catch {
    // Broken: the marking refuses it in its own words.
    return new Uint8Array(0);
  }
}

/**
 * The package with its parts in UTF-16 (which the reader reads, OPC allowing
 * them) written in UTF-8, which the marking and exceljs read and write; the
 * same bytes when it has none. Only those parts are inflated, within the
 * reading limits; every other part is carried over as it is stored.
 */
function inUtf8(pkg: PackageParts, bytes: Uint8Array, host: Deflater | undefined): Uint8Array {
  const changed = new Map<string, Uint8Array>();
  for (const name of pkg.names.filter((n) => XML_PART.test(n))) {
    const { entry, data } = pkg.stored(name);
    const encoding = encodingOf(headOf(data, entry.method));
    if (encoding === 'utf-8') continue;
    const text = new TextDecoder(encoding).decode(pkg.bytes(name));
    changed.set(name, strToU8(text.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2')));
  }
  return changed.size > 0 ? rezipped(pkg, changed, host) : bytes;
}

/** The marked copy by exceljs: loaded, marked, written again (refused first when its notes are beyond the limits). */
export async function markedThroughExceljs(
  bytes: Uint8Array,
  findings: readonly Finding[],
  lang: 'zh' | 'en' = 'zh',
  host?: Deflater,
): Promise<{ bytes: Uint8Array; marked: number }> {
  refuseManyNotes(packageParts(bytes));
  const copy = new ExcelJS.Workbook();
  // A copy of exactly these bytes: a Node Buffer's slice() is a view, whose buffer may be Node's shared pool.
  await copy.xlsx.load(Uint8Array.prototype.slice.call(bytes).buffer as ArrayBuffer);
  keepNotes(copy, bytes);
  const marked = markWorkbook(copy, findings, lang);
  keepPrintAreas(copy);
  keepConditionalNumberFormats(copy);
  const written = withFindingsList(
    withPrintOf(bytes, withNotesShown(new Uint8Array(await copy.xlsx.writeBuffer()), host), host),
    listOf(bytes, findings, lang),
    host,
  );
  return { bytes: withWorkbookTypeOf(bytes, written), marked };
}
