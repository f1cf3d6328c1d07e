/**
 * The one .xlsx reader every face uses (`validate`, `extract`, consolidation,
 * the browser face): bytes → the plain grid the form readers take, exactly
 * the grid exceljs gives, at a fraction of its cost. It inflates only the parts
 * it needs (fflate), reads cells — of the styles only which show a date and which strike their text through, no
 * drawings — from events (xml.ts) while each part inflates, and finds every part through the
 * package's relationships, never by its name. Everything is bounded by LIMITS;
 * whatever it cannot read is refused with one plain line (WorkbookReadError).
 * Pure TypeScript over a Uint8Array: no Node, so the browser runs it too.
 */
import type { AsciiText } from './utf8-slices';
import { sheetStateOf, type SheetGrid, type SheetState, type WorkbookGrid } from '../../model/grid';
import { type DateKind, dateKindOf, isTextFmt } from '../../model/number-format';
import { LIMITS, WorkbookReadError, beyondLimit, refuse } from '../../model/limits';
import { readSheet, type WorkbookContext } from './sheet-reader';
import { readXmlPart } from './xml';
import { ItemText, plainStringItem } from './string-items';
import { SamePartMemo } from './same-part';
import { inflateEntry, joinBytes, listEntries, storedBytes, type Crc32, type InflateAtOnce, type InflateBudget, type ZipEntry } from './zip';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream an encrypted workbook's OLE container holds. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function includes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Refuses what is not an .xlsx at all, from its first bytes: empty, too large, an old .xls, an encrypted workbook. */
function checkXlsxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw refuse('empty');
  if (bytes.length > LIMITS.fileBytes) throw beyondLimit('fileBytes', bytes.length);
  if (startsWith(bytes, OLE_MAGIC)) throw refuse(includes(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'oldXls');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw refuse('notXlsx');
}

/* ------------------------------------------------------------------ package */

interface Relationship {
  type: string;
  /** The part it points to, as a name in the package. */
  target: string;
}

/** "xl/" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" → "xl/x.xml"; ".." resolved. */
function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The parts workbooks made from one template share byte for byte, each kind read once per thread (same-part.ts). */
const SAME = {
  relationships: new SamePartMemo<ReadonlyMap<string, Relationship>>(),
  workbook: new SamePartMemo<WorkbookInfo>(),
  styles: new SamePartMemo<CellStyles>(),
};

class Package {
  readonly entries: Map<string, ZipEntry>;
  readonly budget: InflateBudget;

  constructor(
    readonly bytes: Uint8Array,
    host: ReadOptions,
  ) {
    this.entries = listEntries(bytes);
    this.budget = { total: 0, atOnce: host.inflateAtOnce, asciiText: host.asciiText, crc32: host.crc32 };
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** The part read by `read`, or as it was read from a workbook that stores it as the same bytes. */
  sharedRead<T>(memo: SamePartMemo<T>, entry: ZipEntry, read: () => T): T {
    return memo.get(this.bytes, entry, this.budget, read);
  }

  /** The relationships of a part by Id (none when it has no rels part). */
  relationships(part: string): ReadonlyMap<string, Relationship> {
    const entry = this.entry(relsOf(part));
    if (!entry) return new Map();
    return this.sharedRead(SAME.relationships, entry, () => {
      const rels = new Map<string, Relationship>();
      const dir = part.slice(0, part.lastIndexOf('/') + 1);
      readXmlPart(this.bytes, entry, this.budget, {
        open(tag, name) {
          if (name !== 'Relationship') return;
          const id = tag.attr('Id');
          const target = tag.attr('Target');
          if (id && target && tag.attr('TargetMode') !== 'External') rels.set(id, { type: tag.attr('Type') ?? '', target: resolvePart(dir, target) });
        },
      });
      return rels;
    });
  }

  /** The workbook part: the package's officeDocument, or xl/workbook.xml. */
  workbookPart(): string {
    for (const rel of this.relationships('').values()) {
      if (rel.type.endsWith('/officeDocument') && this.entry(rel.target)) return rel.target;
    }
    if (this.entry('xl/workbook.xml')) return 'xl/workbook.xml';
    throw refuse(this.isOpenDocument() ? 'openDocument' : 'noWorkbook');
  }

  /** An OpenDocument package (an .ods renamed .xlsx): its first entry, `mimetype`, stored as it is, names the kind. */
  private isOpenDocument(): boolean {
    const entry = this.entry('mimetype');
    if (!entry || entry.method !== 0 || entry.compressedSize > 100) return false;
    return /^application\/vnd\.oasis\.opendocument\.spreadsheet/.test(new TextDecoder().decode(storedBytes(this.bytes, entry)));
  }
}

/* ------------------------------------------------------------------ workbook parts */

/**
 * The built-in formats the reader needs: the dates exceljs knows, the East
 * Asian ones (27–36, 50–58) that Chinese Excel and WPS write without a format
 * code — 31 is 2024年6月15日, 32 is 8时05分 — which exceljs reads as bare
 * numbers (a time of day then quoted as 0.336…), here as Chinese Excel shows them;
 * and Text (49), under which a date's serial shows as a number.
 */
const BUILTIN: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
  // Text (文本): no date, but a date's serial under it shows as the number (isTextFmt).
  49: '@',
};

/** What the reader takes of the styles part, by style id (cellXfs index). */
interface CellStyles {
  /** dates[s]: the kind of date its cells show, none for a style that shows no date. */
  dates: readonly (DateKind | undefined)[];
  /** dateFormats[s]: the format code of a style that shows a date (as `dates`), for the preview to show it so. */
  dateFormats: readonly (string | undefined)[];
  /** struck[s]: its font strikes the text through (<strike/>, review 12 D2), none for one that does not. */
  struck: readonly (true | undefined)[];
  /** text[s]: its format is Text (`@`, built-in 49), under which a date's serial shows as a number (review 13a D2). */
  text: readonly (true | undefined)[];
}

const NO_STYLES: CellStyles = { dates: [], dateFormats: [], struck: [], text: [] };

/** Which style ids are date formats, and which strike their text through. */
function cellStyles(pkg: Package, entry: ZipEntry | undefined): CellStyles {
  return entry ? pkg.sharedRead(SAME.styles, entry, () => readCellStyles(pkg, entry)) : NO_STYLES;
}

function readCellStyles(pkg: Package, entry: ZipEntry): CellStyles {
  const dates: Array<DateKind | undefined> = [];
  const dateFormats: Array<string | undefined> = [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  const xfFonts: number[] = [];
  /** The workbook's fonts (<fonts>, not a conditional format's <dxf><font>) that strike through. */
  const struckFonts = new Set<number>();
  let fonts = -1;
  let inFonts = false;
  let inCellXfs = false;
  // The workbook's formats only: a conditional format's own (<dxf><numFmt>) may reuse an id for another code.
  let inNumFmts = false;
  readXmlPart(pkg.bytes, entry, pkg.budget, {
    open(tag, name) {
      if (name === 'numFmt' && inNumFmts) custom.set(Number(tag.attr('numFmtId')), tag.attr('formatCode') ?? '');
      else if (name === 'numFmts') inNumFmts = !tag.isSelfClosing;
      else if (name === 'fonts') inFonts = !tag.isSelfClosing;
      else if (name === 'font' && inFonts) fonts++;
      else if (name === 'strike' && inFonts) {
        // <strike/> and <strike val="1"/> (LibreOffice: val="true") strike; val="0" or "false" does not.
        const val = tag.attr('val');
        if (val !== '0' && val !== 'false') struckFonts.add(fonts);
      } else if (name === 'cellXfs') inCellXfs = !tag.isSelfClosing;
      else if (name === 'xf' && inCellXfs) {
        xfs.push(Number(tag.attr('numFmtId') ?? 0));
        xfFonts.push(Number(tag.attr('fontId') ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
      else if (name === 'fonts') inFonts = false;
    },
  });
  // Formats may be declared after the styles that use them: decide once all are read, once per format
  // (thousands of styles may share one long format code).
  const kinds = new Map<number, DateKind | undefined>();
  const text: Array<true | undefined> = [];
  xfs.forEach((id, xf) => {
    if (!id) return;
    const code = custom.get(id) ?? BUILTIN[id];
    if (isTextFmt(code)) text[xf] = true;
    if (!kinds.has(id)) kinds.set(id, dateKindOf(code));
    const kind = kinds.get(id);
    if (kind) {
      dates[xf] = kind;
      dateFormats[xf] = code;
    }
  });
  const struck: Array<true | undefined> = [];
  if (struckFonts.size) xfFonts.forEach((font, xf) => struckFonts.has(font) && (struck[xf] = true));
  return { dates, dateFormats, struck, text };
}

/** The shared strings, each corrected in place read as its text not struck (string-items.ts), and those one's struck text by index. */
function sharedStrings(pkg: Package, entry: ZipEntry | undefined): { shared: string[]; sharedStruck?: string[] } {
  const shared: string[] = [];
  if (!entry) return { shared };
  const sharedStruck: string[] = [];
  const item = new ItemText();
  const take = (text: string) => shared.push(text);
  readXmlPart(pkg.bytes, entry, pkg.budget, {
    whole: (s, lt) => plainStringItem(s, lt, take),
    open(tag, name) {
      if (name === 'si') item.reset();
      else item.open(name, name === 'strike' ? tag.attr('val') : undefined);
    },
    close(name) {
      if (name !== 'si') return item.close(name);
      const corrected = item.corrected();
      if (corrected) sharedStruck[shared.length] = corrected.struck;
      shared.push(corrected?.value ?? item.value);
    },
    text: (t) => item.text(t),
  });
  return sharedStruck.length > 0 ? { shared, sharedStruck } : { shared };
}

interface SheetRef {
  name: string;
  rid: string;
  state: SheetState | undefined;
}

interface WorkbookInfo {
  sheets: readonly SheetRef[];
  date1904: boolean;
}

function workbookInfo(pkg: Package, part: string): WorkbookInfo {
  const entry = pkg.entry(part)!;
  return pkg.sharedRead(SAME.workbook, entry, () => readWorkbookInfo(pkg, entry));
}

function readWorkbookInfo(pkg: Package, entry: ZipEntry): WorkbookInfo {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  // Past the limit, the <sheet> elements are counted on (nothing kept), so that the refusal says how many there are.
  let count = 0;
  readXmlPart(pkg.bytes, entry, pkg.budget, {
    open(tag, name) {
      if (name === 'sheet') {
        if (++count > LIMITS.sheets) return;
        const sheetName = tag.attr('name') ?? '';
        if (sheetName.length > LIMITS.sheetNameChars) throw beyondLimit('sheetNameChars', sheetName.length);
        sheets.push({ name: sheetName, rid: tag.attr('r:id') ?? tag.prefixed('id') ?? '', state: sheetStateOf(tag.attr('state')) });
      } else if (name === 'workbookPr') {
        const date1904Attr = tag.attr('date1904');
        date1904 = date1904Attr === '1' || date1904Attr === 'true';
      }
    },
  });
  if (count > LIMITS.sheets) throw beyondLimit('sheets', count);
  return { sheets, date1904 };
}

/** A relationship to a worksheet (one without a type, by where it points). */
function isWorksheet(rel: Relationship): boolean {
  return rel.type.endsWith('/worksheet') || (!rel.type && rel.target.includes('/worksheets/'));
}

/** The part a relationship of this type points to, or the usual name when the rels do not say. */
function partOf(pkg: Package, rels: ReadonlyMap<string, Relationship>, type: string, usual: string): ZipEntry | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(type) && pkg.entry(rel.target)) return pkg.entry(rel.target);
  return pkg.entry(usual);
}

/**
 * A workbook's package as a writer that patches it in place sees it (the
 * marked copy, mark-parts.ts): its parts in the zip's order, each worksheet's
 * part by its sheet's name, the styles part, and each part's bytes inflated
 * within LIMITS, as the reader inflates them. Refuses what readXlsx refuses.
 */
export interface PackageParts {
  names: string[];
  /** The workbook part (xl/workbook.xml), which lists the sheets and their states. */
  workbook: string;
  sheets: ReadonlyMap<string, string>;
  styles: string | undefined;
  bytes(part: string): Uint8Array;
  /** A part's relationships by id (its rels part read), each with its type and the part it points to. */
  relationships(part: string): ReadonlyMap<string, { type: string; target: string }>;
  /** A part as it is stored (to be copied as it is): its entry and its bytes, deflated or not. */
  stored(part: string): { entry: ZipEntry; data: Uint8Array };
}

export function packageParts(bytes: Uint8Array): PackageParts {
  checkXlsxBytes(bytes);
  const pkg = new Package(bytes, {});
  const part = pkg.workbookPart();
  const rels = pkg.relationships(part);
  const sheets = new Map<string, string>();
  for (const { name, rid } of workbookInfo(pkg, part).sheets) {
    const rel = rels.get(rid);
    if (rel && pkg.entry(rel.target) && isWorksheet(rel)) sheets.set(name, rel.target);
  }
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  return {
    names: [...pkg.entries.keys()],
    workbook: part,
    sheets,
    stored: (name) => ({ entry: pkg.entry(name)!, data: storedBytes(bytes, pkg.entry(name)!) }),
    styles: partOf(pkg, rels, '/styles', `${dir}styles.xml`)?.name,
    relationships: (name) => pkg.relationships(name),
    bytes(name: string): Uint8Array {
      const chunks: Uint8Array[] = [];
      inflateEntry(bytes, pkg.entry(name)!, pkg.budget, (chunk) => void chunks.push(chunk.slice()));
      return chunks.length === 1 ? chunks[0] : joinBytes(chunks);
    },
  };
}

export interface ReadOptions {
  /** The host's own inflater for small parts (Node's zlib: node-workbook.ts); fflate otherwise. */
  inflateAtOnce?: InflateAtOnce;
  /** The host's quick reading of ASCII text (Node's: node-workbook.ts); TextDecoder's alone otherwise. */
  asciiText?: AsciiText;
  /** The host's CRC-32 (Node's zlib.crc32, several times quicker): the one in zip.ts otherwise. */
  crc32?: Crc32;
  /**
   * Keep each date's format code (number-format.ts formatOfDate) for the page's preview to show it as the sheet does.
   * Only the page asks: one weak-map entry a date cell is work and memory the checks and the summary have no use for.
   */
  dateFormats?: boolean;
}

/** Reads the grid of an .xlsx file's bytes; refuses, with one plain line, what it cannot or must not read. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): WorkbookGrid {
  return readRefusing(bytes, options, (pkg) => readPackage(pkg, options.dateFormats === true));
}

/**
 * The worksheets' names and states, in order, none of their cells read: what tells a summary this tool wrote (its
 * sheets' names) from anything else, at a fraction of reading the whole (keep-unit.ts). Refuses as readXlsx does.
 */
export function listWorksheets(bytes: Uint8Array, options: ReadOptions = {}): Array<{ name: string; state?: SheetState }> {
  return readRefusing(bytes, options, (pkg) => worksheetRefs(pkg, pkg.workbookPart()).refs.map(({ name, state }) => (state ? { name, state } : { name })));
}

function readRefusing<T>(bytes: Uint8Array, options: ReadOptions, read: (pkg: Package) => T): T {
  checkXlsxBytes(bytes);
  try {
    return read(new Package(bytes, options));
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    // No library's words reach a person ("Invalid array length", "outside buffer bounds" …).
    throw refuse(error instanceof RangeError ? 'broken' : 'badXml');
  }
}

/** The worksheets (chart and dialog sheets hold no cells: exceljs leaves them out too), each with its part. */
function worksheetRefs(
  pkg: Package,
  part: string,
): { refs: Array<SheetRef & { entry: ZipEntry }>; rels: ReadonlyMap<string, Relationship>; date1904: boolean } {
  const rels = pkg.relationships(part);
  const { sheets, date1904 } = workbookInfo(pkg, part);
  const refs: Array<SheetRef & { entry: ZipEntry }> = [];
  for (const ref of sheets) {
    const rel = rels.get(ref.rid);
    if (!rel || !isWorksheet(rel)) continue;
    const entry = pkg.entry(rel.target);
    // A relationship out of the package ("../../etc/passwd", "/etc/passwd") or at a part that is not there.
    if (!entry) throw refuse('missingPart');
    refs.push({ ...ref, entry });
  }
  return { refs, rels, date1904 };
}

function readPackage(pkg: Package, keepDateFormats: boolean): WorkbookGrid {
  const part = pkg.workbookPart();
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const { refs, rels, date1904 } = worksheetRefs(pkg, part);
  const ctx: WorkbookContext = {
    bytes: pkg.bytes,
    budget: pkg.budget,
    ...sharedStrings(pkg, partOf(pkg, rels, '/sharedStrings', `${dir}sharedStrings.xml`)),
    ...cellStyles(pkg, partOf(pkg, rels, '/styles', `${dir}styles.xml`)),
    date1904,
    tally: { cells: 0, slots: 0, merged: 0 },
  };
  if (!keepDateFormats) ctx.dateFormats = undefined;
  const sheets: SheetGrid[] = [];
  for (const { name, entry, state } of refs) {
    const sheet = readSheet(name, entry, ctx);
    sheets.push(state ? { ...sheet, state } : sheet);
  }
  return { sheets };
}
