/**
 * The notes of a marked copy (mark-parts.ts), as Excel writes notes: a
 * comments part (the text) and a VML drawing (the box shown when the cell is
 * pointed at). A sheet without notes gets both, new. A sheet with notes
 * already keeps every one of them as it was: a marked cell that has a note
 * gets the finding below its own text (as exceljs merges them), the other
 * marked cells new notes in the same parts. What is written otherwise than
 * these expect gives Unhandled, and the copy goes through exceljs.
 */
import { a1, parseA1 } from '../../model/grid';
import { decodeEntities } from './xml';

export class Unhandled extends Error {}

/** A mark placed: its cell as numbers (0-based), its severity's colour and its note. */
export interface Placed {
  row: number;
  col: number;
  address: string;
  severity: 'error' | 'warning';
  color: string;
  /** The frame's line, as the styles part names it (thick, mediumDashed). */
  border: string;
  text: string;
}

/** A note as its box is sized: its cell and its whole text. */
export type NoteText = Pick<Placed, 'row' | 'col' | 'text'>;

/** Text as XML: escaped, and without the characters XML cannot hold (a cell's _x0001_ quoted in a note), as exceljs writes it. */
export const escapeXml = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A start tag's attribute, quoted either way. */
export const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** `text` put before the closing tag `close`; a part without it (written otherwise, self-closed) is left to exceljs. */
export function beforeClose(xml: string, close: string, text: string): string {
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Unhandled();
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The declaration every part the marked copy writes begins with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The namespace of a package's relationships (r:id), as parts bind it. */
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const AUTHOR = '试卷保密助手';

const noteXml = (p: Placed, author: number): string =>
  `<comment ref="${p.address}" authorId="${author}"><text><r><t xml:space="preserve">${escapeXml(p.text)}</t></r></text></comment>`;

/** The comments part of a sheet's notes. */
export function commentsXml(placed: readonly Placed[]): string {
  return `${XML_HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${AUTHOR}</author></authors><commentList>${placed.map((p) => noteXml(p, 0)).join('')}</commentList></comments>`;
}

const COMMENT = /<comment\b[^>]*\/>|<comment\b[^>]*>[\s\S]*?<\/comment>/g;

/** The cell a <comment> is on (its ref), 0-based; undefined for a ref that is no cell. */
const cellOf = (comment: string) => parseA1(attr(/^<comment\b[^>]*>/.exec(comment)![0], 'ref') ?? '');

/**
 * A sheet's comments part with the marks merged in: a note already on a
 * marked cell gets the finding as a run after its text; `fresh`, the marks on
 * cells without a note, are new notes after the others, by an author added.
 */
export function mergedComments(xml: string, placed: readonly Placed[]): { xml: string; fresh: Placed[]; grown: Placed[] } {
  const byAddress = new Map(placed.map((p) => [p.address, p]));
  const noted = new Set<string>();
  const grown: Placed[] = [];
  let merged = xml.replace(COMMENT, (comment) => {
    const where = cellOf(comment);
    const mark = where && byAddress.get(a1(where.row, where.col));
    if (!mark) return comment;
    // A cell with two notes (which Excel does not write) or a note without text: exceljs then.
    if (noted.has(mark.address) || comment.endsWith('/>')) throw new Unhandled();
    noted.add(mark.address);
    const end = comment.lastIndexOf('</text>');
    if (end < 0) throw new Unhandled();
    // A run goes before the text's phonetic parts, which close it.
    const phonetic = comment.slice(0, end).search(/<rPh\b|<phoneticPr\b/);
    const at = phonetic >= 0 ? phonetic : end;
    grown.push({ ...mark, text: `${textOf(comment.slice(0, at))}\n\n${mark.text}` });
    return `${comment.slice(0, at)}<r><t xml:space="preserve">\n\n${escapeXml(mark.text)}</t></r>${comment.slice(at)}`;
  });
  const fresh = placed.filter((p) => !noted.has(p.address));
  if (fresh.length > 0) {
    const authors = /<authors\b[^>]*>([\s\S]*?)<\/authors>/.exec(merged);
    if (!authors) throw new Unhandled();
    const author = (authors[1].match(/<author\b/g) ?? []).length;
    merged = beforeClose(merged, '</authors>', `<author>${AUTHOR}</author>`);
    merged = beforeClose(merged, '</commentList>', fresh.map((p) => noteXml(p, author)).join(''));
  }
  return { xml: merged, fresh, grown };
}

/** Each note of a comments part: its cell and its text. */
export function notesIn(xml: string): NoteText[] {
  const notes: NoteText[] = [];
  for (const [comment] of xml.matchAll(COMMENT)) {
    const where = cellOf(comment);
    if (where) notes.push({ ...where, text: textOf(comment) });
  }
  return notes;
}

/** The text of a note's runs (its <t> elements), as a person reads it: how tall its box must be. */
function textOf(comment: string): string {
  let text = '';
  for (const m of comment.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += m[1];
  try {
    return decodeEntities(text);
  } catch {
    // A reference the reader would refuse: the text as written is near enough for a box's size.
    return text;
  }
}

/** Shapes per block of VML shape ids: block b numbers its shapes b × 1024 + 1 on. */
const SHAPES_PER_BLOCK = 1023;

/** The blocks of shape ids a VML drawing takes (<o:idmap data="1,2">). */
const IDMAP = /(<o:idmap\b[^>]*\bdata=)(?:"([^"]*)"|'([^']*)')/;

function blocksOf(vml: string): number[] {
  const m = IDMAP.exec(vml);
  const data = m?.[2] ?? m?.[3] ?? '';
  return data
    .split(',')
    .filter((n) => /^\d+$/.test(n.trim()))
    .map(Number);
}

/**
 * The blocks of shape ids the package's VML drawings take already: each
 * drawing's shapes must be numbered in blocks of their own, or Excel repairs
 * the file. `read` gives a drawing's text (throwing Unhandled when it cannot).
 */
export function takenBlocks(names: readonly string[], read: (name: string) => string): Set<number> {
  const taken = new Set<number>();
  for (const name of names) if (name.toLowerCase().endsWith('.vml')) for (const b of blocksOf(read(name))) taken.add(b);
  return taken;
}

/** Enough blocks not taken for `count` shapes, taken now. */
export function newBlocks(taken: Set<number>, count: number): number[] {
  const blocks: number[] = [];
  for (let b = 1; blocks.length < Math.max(1, Math.ceil(count / SHAPES_PER_BLOCK)); b++) {
    if (taken.has(b)) continue;
    taken.add(b);
    blocks.push(b);
  }
  return blocks;
}

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A note box's columns: what its text is wrapped to. */
const BOX_COLUMNS = 3;
/** Rows of about 14 pt a note box `columns` wide takes to show `text` (some 6 characters a column), at most 40. */
function boxRows(text: string, columns = BOX_COLUMNS): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (6 * columns))), 0);
  return Math.min(40, lines + 1);
}

/** The note boxes of `placed` (hidden until the cell is pointed at), numbered in `blocks`, stacked from `z` on. */
function noteShapes(placed: readonly Placed[], blocks: readonly number[], z = 0): string {
  return placed
    .map((p, i) => {
      const height = boxRows(p.text);
      const anchor = [p.col + 1, 15, Math.max(0, p.row - 1), 10, p.col + 1 + BOX_COLUMNS, 15, Math.max(0, p.row - 1) + height, 4].join(', ');
      const id = blocks[Math.floor(i / SHAPES_PER_BLOCK)] * 1024 + (i % SHAPES_PER_BLOCK) + 1;
      return (
        `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:200pt;height:${height * 14}pt;z-index:${z + i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${p.row}</x:Row><x:Column>${p.col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
}

/** The VML drawing of a sheet's new notes, its shapes numbered in `blocks`. */
export function vmlXml(placed: readonly Placed[], blocks: readonly number[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${NOTE_SHAPE_TYPE}${noteShapes(placed, blocks)}</xml>`
  );
}

/** A sheet's VML drawing with the boxes of its new notes (`fresh`) added, numbered in `blocks`, which its idmap then names too. */
export function mergedVml(vml: string, fresh: readonly Placed[], blocks: readonly number[]): string {
  if (fresh.length === 0) return vml;
  const idmap = IDMAP.exec(vml);
  if (!idmap) throw new Unhandled();
  const data = [...blocksOf(vml), ...blocks].join(',');
  const named = vml.slice(0, idmap.index) + `${idmap[1]}"${data}"` + vml.slice(idmap.index + idmap[0].length);
  const shapes = (vml.match(/<v:shape\b/g) ?? []).length;
  const type = /\bid\s*=\s*["']_x0000_t202["']/.test(vml) ? '' : NOTE_SHAPE_TYPE;
  return beforeClose(named, '</xml>', type + noteShapes(fresh, blocks, shapes));
}

const SHAPE = /<v:shape\b[\s\S]*?<\/v:shape>/g;
const ANCHOR = /(<x:Anchor>)([^<]*)(<\/x:Anchor>)/;

/**
 * A sheet's VML drawing with the boxes of the notes the marks were added to
 * (`grown`, their whole text) made big enough to show it: Excel shows a note
 * in the box its drawing gives, so a box sized for a short note hid the
 * finding below it. A box that shows its text is left; another is made larger
 * (to three columns, and the rows its text then takes), never smaller, its
 * place kept; a box whose anchor is not eight numbers is left.
 */
export function grownVml(vml: string, grown: readonly NoteText[]): string {
  if (grown.length === 0) return vml;
  const byCell = new Map(grown.map((p) => [`${p.row},${p.col}`, p]));
  return vml.replace(SHAPE, (shape) => {
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    const note = row !== undefined && col !== undefined ? byCell.get(`${row},${col}`) : undefined;
    const anchor = note && ANCHOR.exec(shape);
    const at = anchor ? anchor[2].split(',').map((n) => Number(n.trim())) : [];
    if (!note || !anchor || at.length !== 8 || at.some((n) => !Number.isInteger(n) || n < 0)) return shape;
    const [left, , top, , right, , bottom] = at;
    if (right > left && bottom - top >= boxRows(note.text, right - left)) return shape;
    const rows = boxRows(note.text, Math.max(right - left, BOX_COLUMNS));
    at[4] = Math.max(right, left + BOX_COLUMNS);
    at[6] = Math.max(bottom, top + rows);
    const sized = shape.replace(ANCHOR, (_, open: string, _old: string, close: string) => `${open}${at.join(', ')}${close}`);
    // The style's size too, which some readers take instead (never made smaller).
    return sized
      .replace(/(\bheight\s*:\s*)([\d.]+)pt/, (whole, name: string, pt: string) => (Number(pt) < rows * 14 ? `${name}${rows * 14}pt` : whole))
      .replace(/(\bwidth\s*:\s*)([\d.]+)pt/, (whole, name: string, pt: string) => (Number(pt) < 200 ? `${name}200pt` : whole));
  });
}
