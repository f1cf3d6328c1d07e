/**
 * Node only: a fast .xlsx → grid reader for consolidation over thousands of
 * workbooks. It gives exactly the grid that `gridFromWorkbook(exceljs)` gives
 * (merged slave cells null, rich text joined, formulas as cached results or
 * null plus the formula, numbers in a date format as Dates holding the wall
 * clock in UTC), at a fraction of the cost: it inflates only the parts it needs
 * (fflate) and reads cells, not styles, fonts or drawings, from SAX events
 * (saxes, a strict parser: the one exceljs itself uses).
 *
 * It takes only what it fully understands; anything else (an encrypted or
 * strange package, XML that is not well formed, parts written with namespace
 * prefixes) throws, and the caller falls back to exceljs. The file must already
 * have passed `checkXlsxBuffer` (size and zip-bomb limits).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { a1, type CellValue, type SheetGrid, type WorkbookGrid } from '../../model/grid';
import { dateFromSerial, isDateFmt } from '../../model/number-format';

/* ------------------------------------------------------------------ zip */

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

/** The parts we read: the workbook, its rels, shared strings, styles and the worksheets. Nothing else is inflated. */
function wanted(name: string): boolean {
  return (
    name === WORKBOOK ||
    name === WORKBOOK_RELS ||
    name === SHARED_STRINGS ||
    name === STYLES ||
    (name.includes('/worksheets/') && !name.includes('/_rels/') && !name.endsWith('/'))
  );
}

function text(parts: Record<string, Uint8Array>, name: string): string | undefined {
  const data = parts[name];
  return data && Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

/* ------------------------------------------------------------------ xml */

interface Handlers {
  open(tag: SaxesTagPlain): void;
  close?(tag: SaxesTagPlain): void;
  text?(text: string): void;
}

/**
 * Runs a part through saxes (strict: anything not well formed throws). Its
 * first element must be `root`: parts written with namespace prefixes
 * (<x:worksheet>, as some generators do) are left to exceljs.
 */
function sax(xml: string, root: string, h: Handlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let seenRoot = false;
  parser.on('opentag', (tag) => {
    if (seenRoot) return h.open(tag);
    if (tag.name !== root) throw new Error(`no <${root}> root (prefixed XML?): <${tag.name}>`);
    seenRoot = true;
  });
  if (h.close) parser.on('closetag', h.close);
  if (h.text) parser.on('text', h.text);
  parser.on('cdata', cdata);
  parser.write(xml).close();
}

/** exceljs drops or blanks CDATA in cells and strings: such a part is left to it. */
function cdata(): never {
  throw new Error('CDATA');
}

/** exceljs decodes Excel's _xHHHH_ escapes in the text of shared strings and rich runs (not in str values or plain inline strings). */
function unescapeText(t: string): string {
  return t.includes('_x') ? t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/**
 * Collects the text of a string item (<si>, <is>): its <t> elements, phonetic
 * runs (<rPh>) left out. Feed it the events inside the item.
 */
class ItemText {
  value = '';
  /** Seen: a rich run (<r>), a phonetic run (<rPh>), a <t> of the item itself (not in a run). */
  runs = false;
  phonetic = false;
  plain = false;
  /** The plain <t> text without the _xHHHH_ escapes decoded (as exceljs reads inline strings). */
  raw = '';
  private inT = false;
  private buf = '';
  private rPh = 0;
  private inR = false;

  reset(): void {
    this.value = '';
    this.raw = '';
    this.inT = false;
    this.inR = false;
    this.rPh = 0;
    this.runs = this.phonetic = this.plain = false;
  }

  open(name: string): void {
    if (name === 't') {
      if (this.rPh === 0) {
        this.inT = true;
        this.buf = '';
        if (!this.inR) this.plain = true;
      }
    } else if (name === 'r') {
      this.inR = true;
      this.runs = true;
    } else if (name === 'rPh') {
      this.rPh++;
      this.phonetic = true;
    }
  }

  close(name: string): void {
    if (name === 't') {
      if (this.inT) {
        this.value += unescapeText(this.buf);
        if (!this.inR) this.raw += this.buf;
        this.inT = false;
      }
    } else if (name === 'r') this.inR = false;
    else if (name === 'rPh') this.rPh--;
  }

  text(t: string): void {
    if (this.inT) this.buf += t;
  }
}

/* ------------------------------------------------------------------ workbook */

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

/** Which style ids (cellXfs index) are date formats: dates[s] is true. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  const dates: boolean[] = [];
  if (!stylesXml) return dates;
  const custom = new Map<number, string>();
  let inNumFmts = false;
  let inCellXfs = false;
  let xf = 0;
  sax(stylesXml, 'styleSheet', {
    open(tag) {
      const a = tag.attributes;
      switch (tag.name) {
        case 'numFmts':
          inNumFmts = !tag.isSelfClosing;
          break;
        case 'numFmt':
          if (inNumFmts) custom.set(Number(a.numFmtId), a.formatCode ?? '');
          break;
        case 'cellXfs':
          inCellXfs = !tag.isSelfClosing;
          break;
        case 'xf':
          if (inCellXfs) {
            const id = Number(a.numFmtId ?? 0);
            if (id && isDateFmt(custom.get(id) ?? BUILTIN[id])) dates[xf] = true;
            xf++;
          }
          break;
      }
    },
    close(tag) {
      if (tag.name === 'numFmts') inNumFmts = false;
      else if (tag.name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

function sharedStrings(xml: string | undefined): (string | undefined)[] {
  const shared: (string | undefined)[] = [];
  let empty = false;
  if (!xml) return shared;
  const item = new ItemText();
  sax(xml, 'sst', {
    open(tag) {
      if (tag.name === 'si') {
        item.reset();
        // exceljs reads an empty <si/> as "[object Object]": a cell that uses it is left to exceljs.
        if (tag.isSelfClosing) empty = true;
      } else item.open(tag.name);
    },
    close(tag) {
      if (tag.name === 'si') {
        shared.push(empty ? undefined : item.value);
        empty = false;
      }
      else item.close(tag.name);
    },
    text: (t) => item.text(t),
  });
  return shared;
}

/** Rels Id → part name in the package. */
function relTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  sax(xml, 'Relationships', {
    open(tag) {
      if (tag.name !== 'Relationship') return;
      const { Id: id, Target: target } = tag.attributes;
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    },
  });
  return targets;
}

interface Context {
  shared: (string | undefined)[];
  dates: boolean[];
  date1904: boolean;
}

/** A cell's reference "AB12" → its 0-based row and column, without a regex or a substring per cell. */
function parseRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32; // lower case, as exceljs takes it
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  REF.row = row - 1;
  REF.col = col - 1;
  return REF;
}
/** parseRef's one result object, reused: a cell reference is read and dropped at once. */
const REF = { row: 0, col: 0 };

/** How far below its last cell a sheet's merges may reach before the sheet is left to exceljs. */
const MERGE_REACH = 100_000;

/**
 * Blanks the slave cells of the merges (their values and formulas), as exceljs
 * does; merges come after the cells, so this runs once the cells are read.
 * exceljs also gives every row a merge reaches down to (its slave cells make
 * the row), so the sheet grows to the bottom of its lowest merge.
 */
function applyMerges(rows: (CellValue | undefined)[][], merges: string[], formulas: Record<string, string>, hasFormulas: boolean): void {
  let bottom = -1;
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const a = parseRef(from);
    if (!a) continue;
    const [ar, ac] = [a.row, a.col];
    const b = parseRef(to);
    if (!b) continue;
    const r0 = Math.min(ar, b.row);
    const r1 = Math.max(ar, b.row);
    const c0 = Math.min(ac, b.col);
    const c1 = Math.max(ac, b.col);
    if (r1 > r0 || c1 > c0) bottom = Math.max(bottom, r1);
    for (let r = r0, last = Math.min(r1, rows.length - 1); r <= last; r++) {
      const row = rows[r];
      if (!row) continue;
      let trim = false;
      for (let c = c0, end = Math.min(c1, row.length - 1); c <= end; c++) {
        if ((r === r0 && c === c0) || row[c] === undefined) continue;
        row[c] = undefined;
        trim = true;
        if (hasFormulas) delete formulas[a1(r, c)];
      }
      // A row ends at its last cell that is kept.
      if (trim) while (row.length && row[row.length - 1] === undefined) row.length--;
    }
  }
  if (bottom >= rows.length) {
    if (bottom - rows.length > MERGE_REACH) throw new Error(`merge reaching row ${bottom + 1}`);
    rows.length = bottom + 1;
  }
}

/** A str value as exceljs reads it: it decodes entities a second time, so text with '&' is left to exceljs. */
function strValue(raw: string): string {
  if (raw.includes('&')) throw new Error('str value with &');
  return raw;
}

const enum Capture {
  None,
  Value,
  Formula,
}

// Tag names compared by their first character and length before the string itself (the hot path: every cell).
const C = 99;
const V = 118;
const F = 102;

function readSheet(name: string, xml: string, ctx: Context): SheetGrid {
  const { shared, dates, date1904 } = ctx;
  const rows: (CellValue | undefined)[][] = [];
  const merges: string[] = [];
  const formulas: Record<string, string> = {};
  let hasFormulas = false;

  let seenRoot = false;
  let inData = false;
  let rowNo = -1;
  let colNo = -1;
  let out: (CellValue | undefined)[] | undefined;

  // The cell being read (plain variables, no object per cell).
  let inCell = false;
  let body = false;
  let type = 'n';
  let style: string | undefined;
  let capture = Capture.None;
  let buf = '';
  let raw: string | undefined;
  let formula: string | undefined;
  let sharedSlave = false;
  let formulaType: string | undefined;
  let inIs = false;
  let hasIs = false;
  const item = new ItemText();

  const numeric = (v: string): number | Date => {
    const n = parseFloat(v);
    return style !== undefined && dates[+style] ? dateFromSerial(n, date1904) : n;
  };

  const endCell = (): void => {
    inCell = false;
    if (!body) return;
    // An empty <v></v> gives exceljs no value at all.
    if (raw === '') raw = undefined;
    let value: CellValue;
    if (formula || formulaType !== undefined) {
      // A formula: its cached result, or null and the formula (none for a shared formula's slave).
      let result: CellValue | undefined;
      if (raw !== undefined) {
        // As exceljs reads a cached result: a shared-string result stays the number it holds.
        if (type === 'str') result = strValue(raw);
        else if (type === 'b') result = parseInt(raw, 10) !== 0;
        else if (type === 'e') result = undefined;
        else result = numeric(raw);
      }
      // exceljs keeps a cached result only when it is truthy: 0, '' and FALSE read as no result.
      if (result === undefined || result === null || result === 0 || result === '' || result === false) {
        value = null;
        if (!sharedSlave && formula) {
          formulas[a1(rowNo, colNo)] = formula;
          hasFormulas = true;
        }
      } else value = result;
    } else if (type === 's') {
      if (raw === undefined) return;
      const text = shared[parseInt(raw, 10)];
      if (text === undefined) throw new Error('shared string out of range');
      value = text;
    } else if (type === 'n') {
      if (raw === undefined) return;
      value = numeric(raw);
    } else if (type === 'inlineStr') {
      if (!hasIs || !(item.runs || item.plain)) return;
      // exceljs joins rich runs (escapes decoded) or plain <t> text (as is); a mix or phonetic runs it reads otherwise.
      if (item.phonetic || (item.runs && item.plain)) throw new Error('inline string with phonetic runs, or runs and plain text');
      value = item.runs ? item.value : item.raw;
    } else if (type === 'str') {
      if (raw === undefined) return;
      value = strValue(raw);
    } else if (type === 'b') {
      if (raw === undefined) return;
      value = parseInt(raw, 10) !== 0;
    } else if (type === 'e') {
      if (raw === undefined) return;
      value = null;
    } else {
      throw new Error(`cell type ${type}`);
    }
    if (!out) {
      out = rows[rowNo] ?? [];
      rows[rowNo] = out;
    }
    out[colNo] = value;
  };

  const openCell = (tag: SaxesTagPlain): void => {
    const a = tag.attributes;
    const ref = a.r;
    if (ref !== undefined) {
      const at = parseRef(ref);
      if (!at) throw new Error(`cell reference ${ref}`);
      if (at.row !== rowNo) throw new Error('cell outside its row');
      colNo = at.col;
    } else colNo++;
    if (tag.isSelfClosing) return; // no value: only its place counts
    inCell = true;
    body = false;
    type = a.t ?? 'n';
    style = a.s;
    raw = undefined;
    formula = undefined;
    sharedSlave = false;
    formulaType = undefined;
    inIs = false;
    hasIs = false;
  };

  const openInCell = (tag: SaxesTagPlain): void => {
    body = true;
    const tagName = tag.name;
    if (tagName.length === 1) {
      const ch = tagName.charCodeAt(0);
      if (ch === V) {
        capture = Capture.Value;
        buf = '';
        return;
      }
      if (ch === F) {
        const fa = tag.attributes;
        formulaType = fa.t;
        sharedSlave = fa.t === 'shared' && !fa.ref;
        capture = Capture.Formula;
        buf = '';
        return;
      }
    }
    if (tagName === 'is') {
      inIs = true;
      hasIs = true;
      item.reset();
    } else if (inIs) item.open(tagName);
  };

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => {
    if (inCell) return openInCell(tag);
    if (inData) {
      const tagName = tag.name;
      if (tagName.length === 1 && tagName.charCodeAt(0) === C) openCell(tag);
      else if (tagName === 'row') {
        const r = tag.attributes.r;
        rowNo = r ? Number(r) - 1 : rowNo + 1;
        colNo = -1;
        out = undefined;
      }
      return;
    }
    if (!seenRoot) {
      // Parts written with namespace prefixes (<x:worksheet>, as some generators do) are left to exceljs.
      if (tag.name !== 'worksheet') throw new Error(`no <worksheet> root (prefixed XML?): <${tag.name}>`);
      seenRoot = true;
    } else if (tag.name === 'sheetData') inData = !tag.isSelfClosing;
    else if (tag.name === 'mergeCell') {
      const ref = tag.attributes.ref;
      if (ref && ref.split(':')[1]) merges.push(ref.toUpperCase());
    } else if (tag.name === 'hyperlink' && tag.attributes['r:id'] !== undefined) {
      // exceljs turns a cell with a link into { text, hyperlink }, and the grid into its text ("42" for 42).
      throw new Error('hyperlinks');
    }
  });
  parser.on('closetag', (tag) => {
    if (!inCell) {
      if (inData && tag.name === 'sheetData') inData = false;
      return;
    }
    const tagName = tag.name;
    if (tagName.length === 1) {
      const ch = tagName.charCodeAt(0);
      if (ch === V) {
        if (capture === Capture.Value && raw === undefined) raw = buf;
        capture = Capture.None;
        return;
      }
      if (ch === C) return endCell();
      if (ch === F) {
        if (capture === Capture.Formula && formula === undefined) formula = buf;
        capture = Capture.None;
        return;
      }
    }
    if (tagName === 'is') inIs = false;
    else if (inIs) item.close(tagName);
  });
  const onText = (t: string): void => {
    if (capture !== Capture.None) buf += t;
    else if (inIs) item.text(t);
    else if (inCell) body = true;
  };
  parser.on('text', onText);
  parser.on('cdata', cdata);
  parser.write(xml).close();

  applyMerges(rows, merges, formulas, hasFormulas);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return { name, rows: rows as CellValue[][], merges, ...(hasFormulas ? { formulas } : {}) };
}

/** Reads the grid of an .xlsx buffer; throws on anything it does not fully understand. */
export function fastGridFromXlsx(buf: Buffer): WorkbookGrid {
  const parts = unzipSync(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), { filter: (f) => wanted(f.name) });
  const workbook = text(parts, WORKBOOK);
  const rels = text(parts, WORKBOOK_RELS);
  if (!workbook || !rels) throw new Error('no workbook part');
  const targets = relTargets(rels);
  let date1904 = false;
  const sheetRefs: Array<{ name: string; rid: string }> = [];
  sax(workbook, 'workbook', {
    open(tag) {
      const a = tag.attributes;
      if (tag.name === 'sheet') sheetRefs.push({ name: a.name ?? '', rid: a['r:id'] });
      else if (tag.name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const ctx: Context = {
    shared: sharedStrings(text(parts, SHARED_STRINGS)),
    dates: dateStyles(text(parts, STYLES)),
    date1904,
  };
  const sheets: SheetGrid[] = [];
  for (const { name, rid } of sheetRefs) {
    const target = targets.get(rid);
    if (!target) throw new Error('sheet without target');
    if (!target.includes('/worksheets/')) continue;
    const xml = text(parts, target);
    if (xml === undefined) throw new Error(`missing ${target}`);
    sheets.push(readSheet(name, xml, ctx));
  }
  return { sheets };
}
