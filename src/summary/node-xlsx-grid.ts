/**
 * Node only: a fast .xlsx → grid reader for consolidation over thousands of
 * workbooks. It gives exactly the grid that `gridFromWorkbook(exceljs)` gives
 * (merged slave cells null, rich text joined, formulas as cached results or
 * null plus the formula, numbers in a date format as Dates holding the wall
 * clock in UTC), at a fraction of the cost: it inflates only the parts it needs
 * and reads cells, not styles, fonts or drawings.
 *
 * It takes only what it fully understands; anything else (ZIP64, an encrypted
 * or strange package) throws, and the caller falls back to exceljs. The file
 * must already have passed `checkXlsxBuffer` (size and zip-bomb limits).
 */
import { inflateRawSync } from 'zlib';
import type { CellValue, SheetGrid, WorkbookGrid } from '../io/grid';

/* ------------------------------------------------------------------ zip */

interface ZipEntry {
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new Error('zip64');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { method, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readEntry(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | undefined {
  const e = entries.get(name);
  if (!e) return undefined;
  if (buf.readUInt32LE(e.offset) !== 0x04034b50) throw new Error('bad local header');
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressed);
  let text: string;
  if (e.method === 0) text = data.toString('utf8');
  else if (e.method === 8) text = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) }).toString('utf8');
  else throw new Error(`compression method ${e.method}`);
  // XML end-of-line handling, as every XML parser (and so exceljs) does.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/* ------------------------------------------------------------------ xml */

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

/** exceljs decodes Excel's _xHHHH_ escapes in text. */
function unescapeText(text: string): string {
  const t = decode(text);
  return t.includes('_x') ? t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/** One attribute's value, without building them all (the hot path: every cell). */
function attr(text: string, name: string): string | undefined {
  const key = ` ${name}="`;
  let at = text.indexOf(key);
  if (at < 0) {
    // Unusual spacing (line breaks, tabs, spaces around "="): the general parser.
    return /[\t\n\r]|\s=|=\s/.test(text) ? attrs(text)[name] : undefined;
  }
  at += key.length;
  const end = text.indexOf('"', at);
  return end < 0 ? undefined : text.slice(at, end);
}

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Text of the <t> elements of a string item, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ? unescapeText(m[1]) : '';
  return out;
}

/* ------------------------------------------------------------------ workbook */

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** exceljs's built-in formats that carry a plain code (ids 0–22, 37–49). */
const BUILTIN: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** Which style ids (cellXfs index) are date formats. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!stylesXml) return dates;
  expectRoot(stylesXml, 'styleSheet');
  const custom = new Map<number, string>();
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(stylesXml)?.[1] ?? '';
  for (const m of numFmts.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    custom.set(Number(a.numFmtId), decode(a.formatCode ?? ''));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const id = Number(attrs(m[1]).numFmtId ?? 0);
    if (id && isDateFmt(custom.get(id) ?? BUILTIN[id])) dates.add(i);
    i++;
  }
  return dates;
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

interface Context {
  shared: string[];
  dates: Set<number>;
  date1904: boolean;
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Parts written with namespace prefixes (<x:c>, as some generators do) are left to exceljs. */
function expectRoot(xml: string, root: string): void {
  if (!new RegExp(`<${root}[\\s>/]`).test(xml.slice(0, 2000))) throw new Error(`no <${root}> root (prefixed XML?)`);
}

function readSheet(name: string, xml: string, ctx: Context): SheetGrid {
  expectRoot(xml, 'worksheet');
  const merges: string[] = [];
  const slaves = new Set<string>();
  const mergeXml = /<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/.exec(xml)?.[1] ?? '';
  for (const m of mergeXml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const ref = m[1].toUpperCase();
    const [from, to] = ref.split(':');
    if (!to) continue;
    merges.push(ref);
    const a = /^([A-Z]+)(\d+)$/.exec(from);
    const b = /^([A-Z]+)(\d+)$/.exec(to);
    if (!a || !b) continue;
    const [r0, r1] = [Number(a[2]) - 1, Number(b[2]) - 1].sort((x, y) => x - y);
    const [c0, c1] = [colIndex(a[1]), colIndex(b[1])].sort((x, y) => x - y);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) slaves.add(`${r},${c}`);
  }

  const rows: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  const sheetData = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let rowNo = -1;
  for (const rm of sheetData.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rAttr = attr(rm[1], 'r');
    rowNo = rAttr ? Number(rAttr) - 1 : rowNo + 1;
    if (!rm[2]) continue;
    let colNo = -1;
    let out: CellValue[] | undefined;
    for (const cm of rm[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = cm[1];
      const ref = attr(head, 'r');
      let row = rowNo;
      if (ref) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
        if (!m) throw new Error(`cell reference ${ref}`);
        colNo = colIndex(m[1]);
        row = Number(m[2]) - 1;
        if (row !== rowNo) throw new Error('cell outside its row');
      } else {
        colNo++;
      }
      const body = cm[2];
      if (!body) continue;
      if (slaves.has(`${row},${colNo}`)) continue;
      const t = attr(head, 't') ?? 'n';
      const fm = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const vm = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
      // An empty <v></v> gives exceljs no value at all.
      const raw = vm && vm[1] !== '' ? vm[1] : undefined;
      const style = Number(attr(head, 's') ?? 0);
      let value: CellValue = null;
      let has = false;
      if (fm) {
        // A formula: its cached result, or null and the formula (none for a shared formula's slave).
        const fa = attrs(fm[1]);
        const formulaText = fm[2] !== undefined ? decode(fm[2]) : '';
        const slave = fa.t === 'shared' && !fa.ref;
        let result: CellValue | undefined;
        if (raw !== undefined) {
          if (t === 'str' || t === 's') result = t === 's' ? ctx.shared[Number(raw)] ?? null : unescapeText(raw);
          else if (t === 'b') result = raw === '1';
          else if (t === 'e') result = undefined;
          else {
            const n = parseFloat(raw);
            result = style && ctx.dates.has(style) ? excelToDate(n, ctx.date1904) : n;
          }
        }
        // exceljs keeps a cached result only when it is truthy: 0, '' and FALSE read as no result.
        if (result === undefined || result === null || result === 0 || result === '' || result === false) {
          value = null;
          if (!slave && formulaText) formulas[a1(row, colNo)] = formulaText;
        } else value = result;
        has = true;
      } else if (t === 's') {
        if (raw === undefined) continue;
        value = ctx.shared[Number(raw)] ?? null;
        if (value === null) throw new Error('shared string out of range');
        has = true;
      } else if (t === 'inlineStr') {
        const is = /<is>([\s\S]*?)<\/is>/.exec(body);
        if (!is) continue;
        value = itemText(is[1]);
        has = true;
      } else if (t === 'str') {
        if (raw === undefined) continue;
        value = unescapeText(raw);
        has = true;
      } else if (t === 'b') {
        if (raw === undefined) continue;
        value = raw === '1';
        has = true;
      } else if (t === 'e') {
        if (raw === undefined) continue;
        value = null;
        has = true;
      } else if (t === 'n') {
        if (raw === undefined || raw === '') continue;
        const n = parseFloat(raw);
        value = style && ctx.dates.has(style) ? excelToDate(n, ctx.date1904) : n;
        has = true;
      } else {
        throw new Error(`cell type ${t}`);
      }
      if (!has) continue;
      if (!out) {
        out = rows[row] ?? [];
        rows[row] = out;
      }
      out[colNo] = value;
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return { name, rows, merges, ...(Object.keys(formulas).length ? { formulas } : {}) };
}

/** Reads the grid of an .xlsx buffer; throws on anything it does not fully understand. */
export function fastGridFromXlsx(buf: Buffer): WorkbookGrid {
  const entries = zipEntries(buf);
  const workbook = readEntry(buf, entries, 'xl/workbook.xml');
  const rels = readEntry(buf, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('no workbook part');
  expectRoot(workbook, 'workbook');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target.replace(/^\.\//, '')}`);
  }
  const sharedXml = readEntry(buf, entries, 'xl/sharedStrings.xml');
  const shared: string[] = [];
  if (sharedXml) {
    expectRoot(sharedXml, 'sst');
    for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? itemText(m[1]) : '');
  }
  const ctx: Context = {
    shared,
    dates: dateStyles(readEntry(buf, entries, 'xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
  };
  const sheets: SheetGrid[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const target = targets.get(a['r:id']);
    if (!target) throw new Error('sheet without target');
    if (!/\/worksheets\//.test(target)) continue;
    const xml = readEntry(buf, entries, target);
    if (xml === undefined) throw new Error(`missing ${target}`);
    sheets.push(readSheet(decode(a.name ?? ''), xml, ctx));
  }
  return { sheets };
}
