/**
 * A marked copy made by patching the workbook's package in place: only the
 * styles part (a fill and a cell format per marked look), the marked sheets
 * (each marked cell's style index; a cell the sheet lacks is added), their
 * notes (a comments part and its VML drawing, as Excel writes them) and the
 * content types change; every other part is carried over as it was. Some
 * milliseconds a workbook and memory of a few times its XML, where a round
 * trip through exceljs took tens of milliseconds and, for a sheet of 200,000
 * findings, gigabytes; and nothing exceljs does not know is lost.
 *
 * A sheet with notes already keeps them, ours merged in (mark-notes.ts).
 * What this does not handle gives undefined, and the caller marks through
 * exceljs as before: threaded comments, a package it does not recognise.
 * Pure TypeScript over a Uint8Array: no Node, so the browser runs it too.
 */
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync, type ZipInputFile } from 'fflate';
import { type CellMark, MARK_BORDERS } from '../../check/marks';
import { MarkStyles, argb, borderStyle } from './mark-styles';
import { a1, parseA1 } from '../../model/grid';
import { type PackageParts, packageParts, relsOf } from './reader';
import { insertionPoint } from './worksheet-order';
import { withNameInFooter } from './mark-footer';
import { joinBytes } from './zip';
import { withSheetsShown } from './mark-sheets-shown';
import { LIMITS } from '../../model/limits';
import { Refusal } from '../../check/refusal';
import { type FindingsList, listParts } from './mark-list';
import {
  R_NS,
  Unhandled,
  XML_HEAD,
  type NoteText,
  type Placed,
  attr,
  beforeClose,
  commentsXml,
  grownVml,
  mergedComments,
  mergedVml,
  newBlocks,
  notesIn,
  takenBlocks,
  vmlXml,
} from './mark-notes';
import { countShown } from '../../model/count-shown';
import { mergedAreas, outlineCells } from '../../check/mark-outline';

const TYPES_PART = '[Content_Types].xml';
const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_WORKBOOK_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_REL = `${R_NS}/comments`;
const VML_REL = `${R_NS}/vmlDrawing`;
/** A sheet's columns and rows (XFD1048576). */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

/** Adds `item` to the list at `key` (in place: a sheet may have hundreds of thousands of marks). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** A start tag's hidden attribute, quoted either way. */
const HIDDEN_ATTR = /\shidden\s*=\s*(?:"[^"]*"|'[^']*')/;

/** A start tag's s attribute, quoted either way. */
const STYLE_ATTR = /\ss\s*=\s*(?:"[^"]*"|'[^']*')/;

/** The style a column gives its empty cells (<cols>), by 0-based column. */
function columnStyles(xml: string, sheetDataAt: number): (col: number) => number {
  // One slot a column (a sheet has 16,384): a lookup per added cell, however many <col>s.
  const styles = new Int32Array(MAX_COLUMNS);
  for (const m of xml.slice(0, sheetDataAt).matchAll(/<col\b[^>]*>/g)) {
    const style = Number(attr(m[0], 'style') ?? 0);
    const min = Math.max(1, Number(attr(m[0], 'min')));
    const max = Math.min(MAX_COLUMNS, Number(attr(m[0], 'max')));
    if (style > 0 && Number.isInteger(style)) for (let c = min; c <= max; c++) styles[c - 1] = style;
  }
  return (col) => styles[col] ?? 0;
}

/** A cell given a mark's look: a finding's own, or one on the outline of the merged area a finding's cell is in (check/mark-outline.ts). */
type Framed = Pick<Placed, 'row' | 'col' | 'address' | 'color' | 'border'> & { outline?: true };

/** The marks' cells and the cells on the outline of each merged area one falls in, each given that mark's look. */
function framedCells(xml: string, placed: readonly Placed[]): Framed[] {
  const areas = mergedAreas([...xml.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => attr(m[0], 'ref') ?? ''));
  const edges = outlineCells(placed, areas, (a, b) => a.severity === 'error' && b.severity !== 'error');
  return [
    ...placed,
    ...edges.map(({ row, col, mark }) => ({ row, col, address: a1(row, col), color: mark.color, border: mark.border, outline: true as const })),
  ];
}

/**
 * The sheet's XML with each framed cell given its marked format: one
 * pass over <sheetData>, cells the sheet lacks added in their row (and rows
 * it lacks in their place), with the style their row or column gives them.
 */
function markCells(xml: string, placed: readonly Framed[], styles: MarkStyles): string {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Unhandled();
  const start = open.index + open[0].length;
  const end = open[1] ? start : xml.indexOf('</sheetData>', start);
  if (end < 0) throw new Unhandled();
  const colStyle = columnStyles(xml, open.index);
  const byRow = new Map<number, Framed[]>();
  for (const p of placed) pushTo(byRow, p.row, p);
  const rowsLeft = [...byRow.keys()].sort((a, b) => a - b);
  // The next of rowsLeft (an index, not shift(): a sheet may have a hundred thousand marked rows).
  let nextRow = 0;
  const out: string[] = [];
  const newCell = (p: Framed, base: number) => `<c r="${p.address}" s="${styles.formatFor(base, p.color, p.border)}"/>`;
  // Rows before `row` that the sheet lacks: written whole.
  const rowsBefore = (row: number) => {
    while (nextRow < rowsLeft.length && rowsLeft[nextRow] < row) {
      const r = rowsLeft[nextRow++];
      const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
      out.push(`<row r="${r + 1}">${cells.map((p) => newCell(p, colStyle(p.col))).join('')}</row>`);
    }
  };
  const body = xml.slice(start, end);
  const tags = /<row\b[^>]*?(\/?)>|<\/row>|<c\b[^>]*?(\/?)>/g;
  let at = 0;
  let row = -1;
  let col = -1;
  /** The row's own style (customFormat), else undefined: its cells take their column's. */
  let rowStyle: number | undefined;
  let pending: Framed[] = [];
  const cellsBefore = (c: number) => {
    while (pending.length && pending[0].col < c) {
      const p = pending.shift()!;
      out.push(newCell(p, rowStyle ?? colStyle(p.col)));
    }
  };
  for (let m = tags.exec(body); m; m = tags.exec(body)) {
    const tag = m[0];
    out.push(body.slice(at, m.index));
    at = m.index + tag.length;
    if (tag.startsWith('<row')) {
      const r = attr(tag, 'r');
      const next = r === undefined ? row + 1 : Number(r) - 1;
      // Rows out of order (which Excel does not write) would be placed wrong: exceljs then.
      if (!Number.isInteger(next) || next <= row) throw new Unhandled();
      row = next;
      col = -1;
      rowStyle = attr(tag, 'customFormat') === '1' || attr(tag, 'customFormat') === 'true' ? Number(attr(tag, 's') ?? 0) : undefined;
      rowsBefore(row);
      pending = rowsLeft[nextRow] === row ? byRow.get(rowsLeft[nextRow++])!.sort((a, b) => a.col - b.col) : [];
      // Shown for a finding's own cell; a row hidden across a merged area is the sheet's own.
      const shown = pending.some((p) => !p.outline) ? shownRow(tag) : tag;
      if (m[1] && pending.length) {
        // <row …/>: opened, its new cells, closed.
        out.push(shown.slice(0, -2) + '>');
        cellsBefore(Infinity);
        out.push('</row>');
      } else out.push(shown);
    } else if (tag === '</row>') {
      cellsBefore(Infinity);
      out.push(tag);
    } else {
      const ref = attr(tag, 'r');
      const where = ref === undefined ? { row, col: col + 1 } : parseA1(ref);
      if (!where || where.row !== row || where.col <= col) throw new Unhandled();
      col = where.col;
      cellsBefore(col);
      if (pending[0]?.col === col) {
        const p = pending.shift()!;
        const s = styles.formatFor(Number(attr(tag, 's') ?? 0), p.color, p.border);
        out.push(STYLE_ATTR.test(tag) ? tag.replace(STYLE_ATTR, ` s="${s}"`) : tag.replace(/^<c\b/, `<c s="${s}"`));
      } else out.push(tag);
    }
  }
  out.push(body.slice(at));
  rowsBefore(Infinity);
  const data = out.join('');
  const head = open[1] ? `${open[0].slice(0, -2)}>` : xml.slice(open.index, start);
  return xml.slice(0, open.index) + head + data + (open[1] ? '</sheetData>' : '') + xml.slice(end);
}

/** A row tag hidden (by hand or by a filter) made shown: a mark on a hidden row is seen neither on screen nor in print (review 13a D1). */
function shownRow(tag: string): string {
  return tag.replace(HIDDEN_ATTR, '');
}

/** A drawing's text, for the blocks of shape ids it takes: one the reader never read (broken, beyond the limits) is left to exceljs. */
function readDrawing(pkg: PackageParts, name: string): string {
  try {
    return strFromU8(pkg.bytes(name));
  } catch {
    throw new Unhandled();
  }
}

const THREADED_COMMENTS_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';

/**
 * The comments part and VML drawing of a sheet's notes, when it has notes as
 * Excel writes them (both, the drawing the one its <legacyDrawing> names);
 * undefined when it has none at all. Anything else (threaded comments, whose
 * notes mirror them; a drawing of header images alone; half of the pair) is
 * left to exceljs.
 */
function notesOf(pkg: PackageParts, part: string, relsXml: string, xml: string): { comments: string; vml: string } | undefined {
  const legacy = /<legacyDrawing\b[^>]*>/.exec(xml);
  const hasComments = relsXml.includes(`Type="${COMMENTS_REL}"`);
  if (!legacy && !hasComments && !relsXml.includes(`Type="${VML_REL}"`)) return undefined;
  const rels = [...pkg.relationships(part).entries()];
  const comments = rels.filter(([, r]) => r.type === COMMENTS_REL);
  const drawing = legacy ? pkg.relationships(part).get(attr(legacy[0], 'r:id') ?? '') : undefined;
  if (comments.length !== 1 || drawing?.type !== VML_REL || rels.some(([, r]) => r.type === THREADED_COMMENTS_REL)) throw new Unhandled();
  if (!pkg.names.includes(comments[0][1].target) || !pkg.names.includes(drawing.target)) throw new Unhandled();
  return { comments: comments[0][1].target, vml: drawing.target };
}

/** The first free number n for which `name(n)` is not a part yet. */
function freeNumber(parts: ReadonlySet<string>, name: (n: number) => string): number {
  // Part names are compared without case (a package may hold xl/Comments1.xml).
  const taken = new Set([...parts].map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(name(n).toLowerCase())) n++;
  return n;
}

/** The target of a relationship from a part in `fromPart`'s folder to the part `to`. */
function relativeTarget(fromPart: string, to: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const target = to.split('/');
  let same = 0;
  while (same < from.length && same < target.length - 1 && from[same] === target[same]) same++;
  return [...from.slice(same).map(() => '..'), ...target.slice(same)].join('/');
}

/** The host's own deflater (Node's zlib, several times fflate's speed): raw deflate and CRC-32. */
export interface Deflater {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/**
 * A copy of more entries than the reader reads (LIMITS.zipEntries) is not written: the copy's notes and 问题清单 add
 * parts, and a workbook of exactly 10,000 entries gave a copy of 10,004, which the tool then refused to read (review
 * 14a D6). The limit stays the reader's; the copy is refused up front in one line that says why.
 */
function refuseBeyondEntries(pkg: PackageParts, changed: ReadonlyMap<string, Uint8Array>): void {
  const known = new Set(pkg.names);
  const kept = pkg.names.filter((name) => !name.endsWith('/')).length;
  const added = [...changed.keys()].filter((name) => !known.has(name)).length;
  const total = kept + added;
  if (total <= LIMITS.zipEntries) return;
  const n = (x: number) => countShown(x);
  // After “无法写出标记副本：” / “marked copy not written: ”.
  throw new Refusal(
    `要新增 ${n(added)} 个部件（批注、问题清单），共 ${n(total)} 个压缩包条目，超出读取上限 ${n(LIMITS.zipEntries)}，写出后本工具将无法再检查它；工作簿原有 ${n(kept)} 个部件，疑似异常文件，请用 Excel 或 WPS 打开后重新保存为 .xlsx 再试`,
    `it would add ${n(added)} parts (notes, the findings list) to the workbook's ${n(kept)}: ${n(total)} zip entries, over the reading limit of ${n(LIMITS.zipEntries)}, and the tool could not check it again. A suspect file: open it in Excel or WPS and save it again as .xlsx`,
  );
}

/**
 * The package again: each part in its place (folders' entries left out), those `changed` deflated anew
 * (new ones after the others), every other one copied as it was stored,
 * never inflated.
 */
export function rezipped(pkg: PackageParts, changed: ReadonlyMap<string, Uint8Array>, host: Deflater | undefined): Uint8Array {
  refuseBeyondEntries(pkg, changed);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const deflated = (name: string, data: Uint8Array) => {
    if (host) {
      const file: ZipInputFile = { filename: name, size: data.length, crc: host.crc32(data), compression: 8 };
      zip.add(file);
      file.ondata!(null, host.deflateRaw(data) as Uint8Array<ArrayBuffer>, true);
      return;
    }
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  };
  for (const name of pkg.names) {
    // A folder's entry holds nothing a workbook reads (Excel writes none); its data descriptor would be one on a stored entry.
    if (name.endsWith('/')) continue;
    const data = changed.get(name);
    const { entry, data: stored } = pkg.stored(name);
    // fflate's Zip gives every entry a data descriptor, which some readers refuse on a stored (method 0) entry: deflated
    // anew, from the bytes as stored — never through the reading limits, which are for what is inflated: a 95 MB
    // picture stored as it is made the copy refused (review 14a D7).
    if (data || entry.method === 0) deflated(name, data ?? stored);
    else {
      const copy: ZipInputFile = { filename: name, size: entry.declaredSize, crc: entry.crc, compression: entry.method };
      zip.add(copy);
      copy.ondata!(null, stored as Uint8Array<ArrayBuffer>, true);
    }
  }
  const known = new Set(pkg.names);
  for (const [name, data] of changed) if (!known.has(name)) deflated(name, data);
  zip.end();
  return joinBytes(chunks);
}

/** The sheet part with its <legacyDrawing> to the notes' VML, and the r: namespace if it lacked it. */
function withLegacyDrawing(xml: string, rid: string): string {
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Unhandled();
  let sheet = xml;
  const bound = attr(root[0], 'xmlns:r');
  if (bound === undefined) sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${R_NS}"`);
  else if (bound !== R_NS) throw new Unhandled();
  const at = insertionPoint(sheet, '<legacyDrawing');
  return `${sheet.slice(0, at)}<legacyDrawing r:id="${rid}"/>${sheet.slice(at)}`;
}

/**
 * The marked copy of `bytes` by patching its package, with how many cells
 * were marked; undefined when the package is not one this handles (the
 * caller then marks through exceljs). Refuses, as the reader does, what is
 * not a readable .xlsx.
 */
export function markParts(
  bytes: Uint8Array,
  marks: readonly CellMark[],
  colors: Record<CellMark['severity'], string>,
  host?: Deflater,
  list?: FindingsList,
): { bytes: Uint8Array; marked: number } | undefined {
  const pkg = packageParts(bytes);
  const bySheet = new Map<string, Placed[]>();
  const seen = new Set<string>();
  for (const m of marks) {
    const part = pkg.sheets.get(m.sheet);
    const where = parseA1(m.cell);
    if (!part || !where || where.row >= MAX_ROWS || where.col >= MAX_COLUMNS) continue;
    // The address as the sheet writes it ($A$1 → A1); one written two ways is one cell, which exceljs merges.
    const address = a1(where.row, where.col);
    if (seen.has(`${part}!${address}`)) return undefined;
    seen.add(`${part}!${address}`);
    pushTo(bySheet, part, {
      ...where,
      address,
      severity: m.severity,
      color: argb(colors[m.severity]),
      border: borderStyle(MARK_BORDERS[m.severity]),
      text: m.text,
    });
  }
  const typesPart = TYPES_PART;
  if (!pkg.styles || !pkg.names.includes(typesPart)) return undefined;
  const names = new Set(pkg.names);
  const changed = new Map<string, Uint8Array>();
  const text = (part: string) => strFromU8(changed.get(part) ?? pkg.bytes(part));
  const put = (part: string, xml: string) => {
    changed.set(part, strToU8(xml));
    names.add(part);
  };
  try {
    const styles = new MarkStyles(text(pkg.styles));
    let types = text(typesPart);
    let marked = 0;
    const blocks = takenBlocks(pkg.names, (name) => readDrawing(pkg, name));
    const nameOf = new Map([...pkg.sheets].map(([name, part]) => [part, name]));
    for (const [part, placed] of bySheet) {
      const rels = relsOf(part);
      const relsXml = names.has(rels) ? text(rels) : `${XML_HEAD}<Relationships xmlns="${REL_NS}"></Relationships>`;
      const xml = withNameInFooter(text(part), nameOf.get(part)!);
      const notes = notesOf(pkg, part, relsXml, xml);
      if (notes) {
        // Notes there already: ours merged into their parts, the sheet's drawing and relationships as they were.
        const { xml: comments, fresh, grown } = mergedComments(text(notes.comments), placed);
        put(notes.comments, comments);
        if (fresh.length > 0 || grown.length > 0) {
          const vml = grownVml(text(notes.vml), grown);
          put(notes.vml, fresh.length > 0 ? mergedVml(vml, fresh, newBlocks(blocks, fresh.length)) : vml);
        }
        put(part, markCells(xml, framedCells(xml, placed), styles));
        marked += placed.length;
        continue;
      }
      const no = freeNumber(names, (n) => `xl/comments${n}.xml`);
      const vmlNo = freeNumber(names, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      let id = 1;
      while (relsXml.includes(`Id="rIdNotes${id}"`)) id++;
      const comments = `xl/comments${no}.xml`;
      const vml = `xl/drawings/vmlDrawing${vmlNo}.vml`;
      put(comments, commentsXml(placed));
      put(vml, vmlXml(placed, newBlocks(blocks, placed.length)));
      put(
        rels,
        beforeClose(
          relsXml,
          '</Relationships>',
          `<Relationship Id="rIdNotes${id}" Type="${COMMENTS_REL}" Target="${relativeTarget(part, comments)}"/><Relationship Id="rIdNotes${id + 1}" Type="${VML_REL}" Target="${relativeTarget(part, vml)}"/>`,
        ),
      );
      put(part, withLegacyDrawing(markCells(xml, framedCells(xml, placed), styles), `rIdNotes${id + 1}`));
      types = beforeClose(
        types,
        '</Types>',
        `<Override PartName="/${comments}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`,
      );
      marked += placed.length;
    }
    const workbook = text(pkg.workbook);
    const shown = withSheetsShown(workbook, new Set(marks.filter((m) => pkg.sheets.has(m.sheet)).map((m) => m.sheet)));
    if (shown !== workbook) put(pkg.workbook, shown);
    if (!/Extension="vml"/i.test(types))
      types = beforeClose(types, '</Types>', '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    put(typesPart, types);
    put(pkg.styles, styles.written());
    if (list && list.findings.length > 0) for (const [p, xml] of listParts([...names], pkg.sheets.keys(), text, pkg.styles, list, colors)) put(p, xml);
    return { bytes: rezipped(pkg, changed, host), marked };
  } catch (error) {
    if (error instanceof Unhandled) return undefined;
    throw error;
  }
}

/**
 * A macro workbook's copy written anew (by exceljs, which keeps no macros)
 * typed as a macro workbook still: its name keeps .xlsm (markedName), and
 * Excel opens a file of that name only when its package says it is one.
 */
export function withWorkbookTypeOf(original: Uint8Array, copy: Uint8Array): Uint8Array {
  const pkg = packageParts(original);
  if (!pkg.names.includes(TYPES_PART) || !strFromU8(pkg.bytes(TYPES_PART)).includes(MACRO_WORKBOOK_TYPE)) return copy;
  const parts = unzipSync(copy);
  const types = parts[TYPES_PART];
  if (!types) return copy;
  parts[TYPES_PART] = strToU8(strFromU8(types).replace(WORKBOOK_TYPE, MACRO_WORKBOOK_TYPE));
  return zipSync(parts);
}

/**
 * exceljs writes every note in a box of one size (two columns, four rows),
 * whatever its text, and forgets the boxes the file gave: in its copy each box
 * is grown to show its note (grownVml), the findings and the notes it kept.
 * A sheet whose notes are not as Excel writes them is left as exceljs wrote it.
 */
export function withNotesShown(copy: Uint8Array, host?: Deflater): Uint8Array {
  const pkg = packageParts(copy);
  const changed = new Map<string, Uint8Array>();
  for (const part of new Set(pkg.sheets.values())) {
    const rels = relsOf(part);
    if (!pkg.names.includes(rels)) continue;
    let notes: ReturnType<typeof notesOf>;
    try {
      notes = notesOf(pkg, part, strFromU8(pkg.bytes(rels)), strFromU8(pkg.bytes(part)));
    } catch (error) {
      if (error instanceof Unhandled) continue;
      throw error;
    }
    if (!notes) continue;
    const vml = strFromU8(pkg.bytes(notes.vml));
    const grown = grownVml(vml, notesIn(strFromU8(pkg.bytes(notes.comments))));
    if (grown !== vml) changed.set(notes.vml, strToU8(grown));
  }
  return changed.size > 0 ? rezipped(pkg, changed, host) : copy;
}

/**
 * The notes of each sheet of a package, by sheet name, as their comments part
 * holds them (a sheet with threaded comments too: the notes mirror them).
 * exceljs drops the note of a cell that holds no value when it loads a
 * workbook; its copy gets them back from here. A part that cannot be read
 * gives none.
 */
export function notesBySheet(bytes: Uint8Array): Map<string, NoteText[]> {
  const found = new Map<string, NoteText[]>();
  try {
    const pkg = packageParts(bytes);
    for (const [sheet, part] of pkg.sheets) {
      const comments = [...pkg.relationships(part).values()].filter((r) => r.type === COMMENTS_REL && pkg.names.includes(r.target));
      if (comments.length === 1) found.set(sheet, notesIn(strFromU8(pkg.bytes(comments[0].target))));
    }
  } catch {
    // A package the reader refuses: exceljs reads what it can of it.
  }
  return found;
}
