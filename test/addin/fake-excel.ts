/**
 * A strict stand-in for Excel's Office.js object model, for the adapter's
 * tests. office-addin-mock (used in office-host.test.ts) mocks objects that
 * exist up front; the adapter creates proxies on the fly (a range per chunk, a
 * note per cell) and relies on Office.js' batch semantics, so this fake
 * implements those semantics: every read and write is queued and runs, in
 * order, at context.sync(); a property read before the sync that loads it
 * throws, as Office.js does (PropertyNotLoaded); a missing item fails the whole
 * batch (ItemNotFound). It counts syncs.
 */
import { a1, parseA1, parseRange } from '../../src/model/grid';

export type Value = string | number | boolean;

export interface FillState {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface FakeSheet {
  id: string;
  name: string;
  /** rows[r][c]; undefined is an empty cell. A formula's cell holds the value it shows. */
  rows: Value[][];
  /** Formulas by A1 address, as Range.formulas answers them ("=B5"). */
  formulas?: Map<string, string>;
  /** Number formats by A1 address; General where none. */
  formats?: Map<string, string>;
  merges: string[];
  fills: Map<string, FillState>;
  /** Each edge's border a cell was given (“B5 EdgeTop”); none where it has none. */
  borders?: Map<string, BorderState>;
  notes: Map<string, string>;
  charts: Array<{ type: string; series: string[]; title?: string }>;
  /** Column widths set, in points, by column letter. */
  widths?: Map<string, number>;
  /** Its tab hidden (Worksheet.visibility); Visible where none. */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Rows hidden, 0-based. */
  hiddenRows?: number[];
  /** Columns hidden, 0-based. */
  hiddenCols?: number[];
  /** Cells whose font is struck through (A1). */
  struck?: string[];
  /** The autoFilter's range (ExcelApi 1.9: worksheet.autoFilter). */
  autoFilter?: string;
  /** The page layout set (pageLayout.set's properties, the footer, the print title rows); the rows frozen. */
  print?: { layout?: Record<string, unknown>; centerFooter?: string; titleRows?: string; frozenRows?: number };
}

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export const NO_BORDER: BorderState = { style: 'None', weight: 'Thin', color: '#000000' };

export const NO_FILL: FillState = { color: '#FFFFFF', pattern: 'None', patternColor: null };

export interface FakeState {
  sheets: FakeSheet[];
  settings: Map<string, string>;
  /** '1.1': the methods Excel 2016 lacks throw, as they would there. */
  apiLevel?: '1.1';
  active?: string;
  selected?: string;
  inserted: string[];
  /** The worksheets.onChanged listeners added (ExcelApi 1.9). */
  changed?: Array<(e: { worksheetId: string }) => Promise<void>>;
  /** Sheet names a base64 file holds (the test says what each template contains). */
  sheetsOf?: (base64: string) => string[];
}

let nextId = 1;

export function fakeSheet(name: string, rows: Value[][] = [], merges: string[] = []): FakeSheet {
  return { id: `{sheet-${nextId++}}`, name, rows, merges, fills: new Map(), notes: new Map(), charts: [] };
}

type Op = () => void;

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: ${prop}`);
  }
}

/** Base of every proxy: load() queues a read whose values land at sync. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected abstractRead(_prop: string): unknown {
    throw new Error('not loadable');
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue(() => {
      for (const p of list) this.loaded.set(p, this.abstractRead(p));
    });
    this.ctx.loads++;
    return this;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop) as T;
  }
}

export class FakeContext {
  syncs = 0;
  /** The most operations one sync carried: Excel on the web refuses a request over 5 MB. */
  maxOpsPerSync = 0;
  /** This sync (1, 2, …) fails, none of its batch done, as a request Excel refuses. */
  failAtSync?: number;
  loads = 0;
  cellsRead = 0;
  /** Cells whose Range.formulas were read. */
  formulaCellsRead = 0;
  maxCellsPerRead = 0;
  private ops: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly state: FakeState) {
    this.workbook = new FakeWorkbook(this);
  }
  queue(op: Op): void {
    this.ops.push(op);
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.maxOpsPerSync = Math.max(this.maxOpsPerSync, this.ops.length);
    const ops = this.ops;
    this.ops = [];
    if (this.syncs === this.failAtSync) throw new Error('RequestPayloadSizeLimitExceeded');
    for (const op of ops) op();
  }
  sheetByName(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name === name || x.id === name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.settings = new FakeSettings(ctx);
  }
  insertWorksheetsFromBase64(base64: string, _options?: unknown): { value: string[] } {
    const result = { value: [] as string[] };
    this.ctx.queue(() => {
      this.ctx.state.inserted.push(base64);
      for (const wanted of this.ctx.state.sheetsOf?.(base64) ?? ['Sheet1']) {
        let name = wanted;
        for (let n = 2; this.ctx.state.sheets.some((s) => s.name === name); n++) name = `${wanted} (${n})`;
        const sheet = fakeSheet(name);
        this.ctx.state.sheets.push(sheet);
        result.value.push(sheet.id);
      }
    });
    return result;
  }
}

class FakeWorksheets extends Proxy {
  protected abstractRead(prop: string): unknown {
    if (prop === 'items/name' || prop === 'items') {
      return this.ctx.state.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.preload('name', s.name);
        return ws;
      });
    }
    if (prop === 'items/visibility') return this.ctx.state.sheets.map((s) => s.visibility ?? 'Visible');
    if (prop === 'items/id') return this.ctx.state.sheets.map((s) => s.id);
    throw new Error(`cannot load ${prop}`);
  }
  get items(): FakeWorksheet[] {
    const items = this.get<FakeWorksheet[]>('items/name');
    if (this.loaded.has('items/visibility')) items.forEach((ws, i) => ws.preload('visibility', this.get<string[]>('items/visibility')[i]));
    if (this.loaded.has('items/id')) items.forEach((ws, i) => ws.preload('id', this.get<string[]>('items/id')[i]));
    return items;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key);
  }
  /** ExcelApi 1.9: a listener is kept on the state (`changed`), for the test to call with a sheet's id as Excel would. */
  get onChanged(): { add(fn: (e: { worksheetId: string }) => Promise<void>): { context: undefined; remove(): void } } {
    const state = this.ctx.state;
    return {
      add: (fn) => {
        (state.changed ??= []).push(fn);
        return { context: undefined, remove: () => (state.changed = state.changed?.filter((f) => f !== fn)) };
      },
    };
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.state.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.state.sheets.push(fakeSheet(name));
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Proxy {
  readonly notes: FakeNotes;
  readonly charts: FakeCharts;
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.notes = new FakeNotes(ctx, () => this.sheet());
    this.charts = new FakeCharts(ctx, () => this.sheet());
  }
  /** ExcelApi 1.9: what is set is kept on the sheet's `print`. */
  get pageLayout() {
    const ctx = this.ctx;
    const print = (change: NonNullable<FakeSheet['print']>) =>
      ctx.queue(() => {
        const sheet = this.sheet();
        sheet.print = { ...sheet.print, ...change };
      });
    return {
      set: (layout: Record<string, unknown>) => print({ layout }),
      setPrintTitleRows: (titleRows: string) => print({ titleRows }),
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(centerFooter: string) {
            print({ centerFooter });
          },
        },
      },
    };
  }
  get freezePanes() {
    return {
      freezeRows: (frozenRows: number) =>
        this.ctx.queue(() => {
          const sheet = this.sheet();
          sheet.print = { ...sheet.print, frozenRows };
        }),
    };
  }
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  sheet(): FakeSheet {
    return this.ctx.sheetByName(this.key);
  }
  private find(): FakeSheet | undefined {
    return this.ctx.state.sheets.find((s) => s.name === this.key || s.id === this.key);
  }
  protected abstractRead(prop: string): unknown {
    if (prop === 'isNullObject') return this.orNull ? !this.find() : false;
    if (prop === 'name') return this.sheet().name;
    if (prop === 'visibility') return this.sheet().visibility ?? 'Visible';
    throw new Error(`cannot load ${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get id(): string {
    return this.get('id');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  /** ExcelApi 1.9: the range the sheet's autoFilter covers, a null object where it has none. */
  get autoFilter() {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('autoFilter needs ExcelApi 1.9');
    return {
      getRangeOrNullObject: () =>
        new FakeRange(
          this.ctx,
          () => this.sheet(),
          () => (this.sheet().autoFilter ? boxOf(this.sheet().autoFilter!) : null),
          true,
        ),
    };
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('getUsedRangeOrNullObject needs ExcelApi 1.4');
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => usedBox(this.sheet(), Boolean(valuesOnly)),
      true,
    );
  }
  /** ExcelApi 1.1: never null; an empty sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (this.ctx.state.apiLevel === '1.1' && valuesOnly !== undefined) throw new Error('getUsedRange(valuesOnly) needs ExcelApi 1.2');
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => usedBox(this.sheet(), Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => (address ? boxOf(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 }),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('getRangeByIndexes needs ExcelApi 1.7');
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
    );
  }
  activate(): void {
    this.ctx.queue(() => {
      // As Excel: a hidden sheet cannot be the active one; the batch fails.
      if ((this.sheet().visibility ?? 'Visible') !== 'Visible') throw new Error('InvalidOperation: a hidden sheet cannot be activated');
      this.ctx.state.active = this.sheet().name;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
    });
  }
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(address: string): Box {
  const a = address.replace(/\$/g, '');
  if (/^[A-Z]+:[A-Z]+$/i.test(a)) {
    const [l, r] = a.split(':');
    return { top: 0, left: parseA1(`${l}1`)!.col, bottom: 1048575, right: parseA1(`${r}1`)!.col };
  }
  const box = parseRange(a);
  if (!box) throw new Error(`InvalidArgument: ${address}`);
  return box;
}

function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.rows.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (v === undefined || v === null || v === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      const b = boxOf(m);
      top = Math.min(top, b.top);
      left = Math.min(left, b.left);
      bottom = Math.max(bottom, b.bottom);
      right = Math.max(right, b.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

class FakeRange extends Proxy {
  readonly format: FakeFormat;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box | null,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, sheet, () => this.mustBox());
  }
  private mustBox(): Box {
    const b = this.box();
    if (!b) throw new Error('ItemNotFound: null range');
    return b;
  }
  protected abstractRead(prop: string): unknown {
    if (prop === 'isNullObject') return this.orNull && this.box() === null;
    // A null object's properties load as null, as in Office.js.
    if (this.orNull && this.box() === null) return null;
    const b = this.mustBox();
    switch (prop) {
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'rowHidden':
        return this.linesHidden(this.sheet().hiddenRows, b.top, b.bottom);
      case 'columnHidden':
        return this.linesHidden(this.sheet().hiddenCols, b.left, b.right);
      case 'address':
        return `${this.sheet().name}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
      case 'values': {
        const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
        this.ctx.cellsRead = (this.ctx.cellsRead ?? 0) + cells;
        this.ctx.maxCellsPerRead = Math.max(this.ctx.maxCellsPerRead ?? 0, cells);
        const rows: Value[][] = [];
        const source = this.sheet().rows;
        for (let r = b.top; r <= b.bottom; r++) {
          const line: Value[] = [];
          const from = source[r];
          for (let c = b.left; c <= b.right; c++) line.push(from?.[c] ?? '');
          rows.push(line);
        }
        return rows;
      }
      case 'formulas': {
        // As Office.js: a formula's text, any other cell's value ('' for an empty one).
        this.ctx.formulaCellsRead += (b.bottom - b.top + 1) * (b.right - b.left + 1);
        const { rows, formulas } = this.sheet();
        const out: Value[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const line: Value[] = [];
          for (let c = b.left; c <= b.right; c++) line.push(formulas?.get(a1(r, c)) ?? rows[r]?.[c] ?? '');
          out.push(line);
        }
        return out;
      }
      case 'numberFormat': {
        const formats = this.sheet().formats;
        const rows: string[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const line: string[] = [];
          for (let c = b.left; c <= b.right; c++) line.push(formats?.get(a1(r, c)) ?? 'General');
          rows.push(line);
        }
        return rows;
      }
      default:
        throw new Error(`cannot load ${prop}`);
    }
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.get('columnHidden');
  }
  /** As Office.js' rowHidden and columnHidden (ExcelApi 1.2): true when every row (column) from..to is hidden, false when none is, null when some are. */
  private linesHidden(hidden: readonly number[] = [], from: number, to: number): boolean | null {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('rowHidden and columnHidden need ExcelApi 1.2');
    const count = hidden.filter((i) => i >= from && i <= to).length;
    return count === 0 ? false : count === to - from + 1 ? true : null;
  }
  get address(): string {
    return this.get('address');
  }
  get values(): Value[][] {
    return this.get('values');
  }
  get formulas(): Value[][] {
    return this.get('formulas');
  }
  /**
   * ExcelApi 1.9, for the one type asked here ('Formulas'): the cells of the range holding a formula, as areas (a run
   * of a column each); of one cell, of the whole sheet, as Excel looks; a null object where there is none.
   */
  getSpecialCellsOrNullObject(type: string): FakeSpecialCells {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('getSpecialCellsOrNullObject needs ExcelApi 1.9');
    if (type !== 'Formulas') throw new Error(`cannot ask special cells ${type}`);
    return new FakeSpecialCells(this.ctx, this.sheet, () => {
      const b = this.mustBox();
      return b.top === b.bottom && b.left === b.right ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : b;
    });
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  /** As Office.js takes it: one code per cell of the range, rows by columns (another shape is refused). */
  set numberFormat(formats: string[][]) {
    this.ctx.queue(() => {
      const b = this.mustBox();
      const shape = [b.bottom - b.top + 1, b.right - b.left + 1];
      if (formats.length !== shape[0] || formats.some((line) => line.length !== shape[1]))
        throw new Error(`InvalidArgument: numberFormat of ${formats.length} rows for a range of ${shape.join('×')}`);
      const sheet = this.sheet();
      sheet.formats ??= new Map();
      formats.forEach((line, r) => line.forEach((f, c) => sheet.formats!.set(a1(b.top + r, b.left + c), f)));
    });
  }
  /**
   * As Office.js writes values: a text that reads as a number, written into a cell not formatted as text ('@'), is
   * stored as that number, as Excel parses what is typed (“01” becomes 1).
   */
  set values(values: Value[][]) {
    this.ctx.queue(() => {
      const b = this.mustBox();
      const formats = this.sheet().formats;
      values.forEach((line, r) =>
        line.forEach((v, c) => {
          const rows = this.sheet().rows;
          rows[b.top + r] = rows[b.top + r] ?? [];
          const asText = formats?.get(a1(b.top + r, b.left + c)) === '@';
          rows[b.top + r][b.left + c] = typeof v === 'string' && !asText && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
        }),
      );
    });
  }
  /** ExcelApi 1.9, for the one property asked here: each cell's format.font.strikethrough, at sync. */
  getCellProperties(_spec: unknown): { value: Array<Array<{ format: { font: { strikethrough: boolean } } }>> } {
    if (this.ctx.state.apiLevel === '1.1') throw new Error('getCellProperties needs ExcelApi 1.9');
    const result = { value: [] as Array<Array<{ format: { font: { strikethrough: boolean } } }>> };
    this.ctx.queue(() => {
      const b = this.mustBox();
      const struck = new Set(this.sheet().struck ?? []);
      this.ctx.cellsRead += (b.bottom - b.top + 1) * (b.right - b.left + 1);
      for (let r = b.top; r <= b.bottom; r++) {
        const line: Array<{ format: { font: { strikethrough: boolean } } }> = [];
        for (let c = b.left; c <= b.right; c++) line.push({ format: { font: { strikethrough: struck.has(a1(r, c)) } } });
        result.value.push(line);
      }
    });
    return result;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheet);
  }
  select(): void {
    this.ctx.queue(() => {
      const b = this.mustBox();
      this.ctx.state.selected = `${this.sheet().name}!${a1(b.top, b.left)}`;
    });
  }
  merge(): void {
    this.ctx.queue(() => {
      const b = this.mustBox();
      this.sheet().merges.push(`${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
    });
  }
  /** The one cell a note or fill belongs to. */
  cellAddress(): string {
    const b = this.mustBox();
    return a1(b.top, b.left);
  }
}

class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected abstractRead(prop: string): unknown {
    const merges = this.sheet().merges;
    if (prop === 'isNullObject') return merges.length === 0;
    if (prop === 'address') {
      if (merges.length === 0) return null;
      const name = /[^A-Za-z0-9_]/.test(this.sheet().name) ? `'${this.sheet().name}'` : this.sheet().name;
      return merges.map((m) => `${name}!${m}`).join(', ');
    }
    throw new Error(`cannot load ${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
}

/** A range's formula cells (getSpecialCellsOrNullObject('Formulas')): each column's runs of formulas, left to right. */
class FakeSpecialCells extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box,
  ) {
    super(ctx);
  }
  private areas(): string[] {
    const b = this.box();
    const cells = [...(this.sheet().formulas?.keys() ?? [])]
      .map((ref) => parseA1(ref)!)
      .filter(({ row, col }) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)
      .sort((x, y) => x.col - y.col || x.row - y.row);
    const areas: Array<{ col: number; top: number; bottom: number }> = [];
    for (const { row, col } of cells) {
      const last = areas[areas.length - 1];
      if (last && last.col === col && last.bottom === row - 1) last.bottom = row;
      else areas.push({ col, top: row, bottom: row });
    }
    return areas.map((a) => (a.top === a.bottom ? a1(a.top, a.col) : `${a1(a.top, a.col)}:${a1(a.bottom, a.col)}`));
  }
  protected abstractRead(prop: string): unknown {
    const areas = this.areas();
    if (prop === 'isNullObject') return areas.length === 0;
    if (areas.length === 0) return null;
    const name = /[^A-Za-z0-9_]/.test(this.sheet().name) ? `'${this.sheet().name}'` : this.sheet().name;
    if (prop === 'address') return areas.map((a) => `${name}!${a}`).join(',');
    if (prop === 'areaCount') return areas.length;
    throw new Error(`cannot load ${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

/** A range's font: set (as the adapters write it) and, read, whether it is struck through (true all, false none, null some). */
class FakeFont extends Proxy {
  bold = false;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box,
  ) {
    super(ctx);
  }
  set(_v: unknown): void {}
  protected abstractRead(prop: string): unknown {
    if (prop !== 'strikethrough') throw new Error(`cannot load ${prop}`);
    const b = this.box();
    const inside = (this.sheet().struck ?? [])
      .map((ref) => parseA1(ref)!)
      .filter(({ row, col }) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
    return inside.length === 0 ? false : inside.length === (b.bottom - b.top + 1) * (b.right - b.left + 1) ? true : null;
  }
  get strikethrough(): boolean | null {
    return this.get('strikethrough');
  }
}

class FakeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  readonly borders: { getItem(edge: string): FakeBorder };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box,
  ) {
    this.fill = new FakeFill(ctx, sheet, box);
    this.font = new FakeFont(ctx, sheet, box);
    this.borders = { getItem: (edge: string) => new FakeBorder(ctx, sheet, box, edge) };
  }
  /** Kept for a whole column (A:A), as the adapters set it. */
  set columnWidth(points: number) {
    this.ctx.queue(() => {
      const b = this.box();
      const sheet = this.sheet();
      sheet.widths ??= new Map();
      for (let c = b.left; c <= b.right; c++) sheet.widths.set(a1(0, c).replace(/\d+$/, ''), points);
    });
  }
  autofitColumns(): void {
    this.ctx.queue(() => undefined);
  }
  autofitRows(): void {
    this.ctx.queue(() => undefined);
  }
}

function eachCell(box: Box, f: (addr: string) => void): void {
  for (let r = box.top; r <= Math.min(box.bottom, box.top + 200); r++) for (let c = box.left; c <= Math.min(box.right, box.left + 50); c++) f(a1(r, c));
}

class FakeFill extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box,
  ) {
    super(ctx);
  }
  private state(): FillState {
    const b = this.box();
    return this.sheet().fills.get(a1(b.top, b.left)) ?? NO_FILL;
  }
  private update(change: Partial<FillState>): void {
    this.ctx.queue(() =>
      eachCell(this.box(), (addr) => {
        const prior = this.sheet().fills.get(addr) ?? NO_FILL;
        const next = { ...prior, ...change };
        if (change.color !== undefined && prior.pattern === 'None' && change.pattern === undefined) next.pattern = 'Solid';
        this.sheet().fills.set(addr, next);
      }),
    );
  }
  protected abstractRead(prop: string): unknown {
    const s = this.state();
    if (prop === 'color') return s.color;
    if (prop === 'pattern') return s.pattern;
    if (prop === 'patternColor') return s.patternColor;
    throw new Error(`cannot load ${prop}`);
  }
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.update({ color });
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(pattern: string) {
    this.update({ pattern });
  }
  get patternColor(): string | null {
    return this.get('patternColor');
  }
  set patternColor(patternColor: string | null) {
    this.update({ patternColor });
  }
  clear(): void {
    this.ctx.queue(() => eachCell(this.box(), (addr) => this.sheet().fills.delete(addr)));
  }
}

/** One edge of a range's cells' borders (RangeBorder): style, weight, colour; style None takes the border away. */
class FakeBorder extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box,
    private readonly edge: string,
  ) {
    super(ctx);
  }
  private state(): BorderState {
    const b = this.box();
    return this.sheet().borders?.get(`${a1(b.top, b.left)} ${this.edge}`) ?? NO_BORDER;
  }
  private update(change: Partial<BorderState>): void {
    this.ctx.queue(() =>
      eachCell(this.box(), (addr) => {
        const key = `${addr} ${this.edge}`;
        const next = { ...(this.sheet().borders?.get(key) ?? NO_BORDER), ...change };
        const sheet = this.sheet();
        if (next.style !== 'None') (sheet.borders ??= new Map()).set(key, next);
        else if (sheet.borders?.delete(key) && sheet.borders.size === 0) delete sheet.borders;
      }),
    );
  }
  protected abstractRead(prop: string): unknown {
    const s = this.state();
    if (prop === 'style' || prop === 'weight' || prop === 'color') return s[prop];
    throw new Error(`cannot load ${prop}`);
  }
  get style(): string {
    return this.get('style');
  }
  set style(style: string) {
    this.update({ style });
  }
  get weight(): string {
    return this.get('weight');
  }
  set weight(weight: string) {
    this.update({ weight });
  }
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.update({ color });
  }
}

class FakeNotes {
  private loadedItems?: FakeNote[];
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  /** ExcelApi 1.18: `items/content`, each note with its content. */
  load(_props: string): this {
    this.ctx.queue(() => {
      this.loadedItems = [...this.sheet().notes].map(([cell, content]) => {
        const note = new FakeNote(this.ctx, this.sheet, cell, false);
        note.preload('content', content);
        return note;
      });
    });
    this.ctx.loads++;
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw new NotLoaded('items');
    return this.loadedItems;
  }
  getItemOrNullObject(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell.toUpperCase(), true);
  }
  getItem(cell: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, cell.toUpperCase(), false);
  }
  add(cell: FakeRange | string, content: string): FakeNote {
    const address = (): string => (typeof cell === 'string' ? cell.toUpperCase() : cell.cellAddress());
    this.ctx.queue(() => {
      if (this.sheet().notes.has(address())) throw new Error(`InvalidArgument: a note exists at ${address()}`);
      this.sheet().notes.set(address(), content);
    });
    return new FakeNote(this.ctx, this.sheet, typeof cell === 'string' ? cell : '?', false);
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly cell: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  protected abstractRead(prop: string): unknown {
    const has = this.sheet().notes.has(this.cell);
    if (prop === 'isNullObject') return this.orNull && !has;
    if (!has && this.orNull) return null;
    if (!has) throw new Error(`ItemNotFound: note ${this.cell}`);
    if (prop === 'content') return this.sheet().notes.get(this.cell);
    throw new Error(`cannot load ${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  preload(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  /** The note's cell, its address sheet-qualified as Office.js gives it. */
  getLocation(): { load(p: string): void; address: string } {
    const location = new FakeNoteLocation(this.ctx, () => `'${this.sheet().name}'!${this.cell}`);
    return location;
  }
  get content(): string {
    return this.get('content');
  }
  set content(content: string) {
    this.ctx.queue(() => {
      if (!this.sheet().notes.has(this.cell)) throw new Error(`ItemNotFound: note ${this.cell}`);
      this.sheet().notes.set(this.cell, content);
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      if (!this.sheet().notes.delete(this.cell)) throw new Error(`ItemNotFound: note ${this.cell}`);
    });
  }
}

class FakeNoteLocation extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly where: () => string,
  ) {
    super(ctx);
  }
  protected abstractRead(prop: string): unknown {
    if (prop === 'address') return this.where();
    throw new Error(`cannot load ${prop}`);
  }
  get address(): string {
    return this.get('address');
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  add(key: string, value: string): void {
    this.ctx.queue(() => this.ctx.state.settings.set(key, value));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

class FakeSetting extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected abstractRead(prop: string): unknown {
    if (prop === 'isNullObject') return !this.ctx.state.settings.has(this.key);
    if (prop === 'value') return this.ctx.state.settings.get(this.key) ?? null;
    throw new Error(`cannot load ${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.ctx.queue(() => {
      this.ctx.state.settings.delete(this.key);
    });
  }
}

class FakeCharts {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, _source: FakeRange, _by: string) {
    const chart = { type, series: ['(first column)'] as string[], title: undefined as string | undefined };
    this.ctx.queue(() => this.sheet().charts.push(chart));
    const ctx = this.ctx;
    const series = (name: string) => ({
      setValues: (_r: FakeRange) => ctx.queue(() => undefined),
      setXAxisValues: (_r: FakeRange) => ctx.queue(() => undefined),
      delete: () => ctx.queue(() => (chart.series = chart.series.filter((s) => s !== name))),
    });
    return {
      series: {
        getItemAt: (_i: number) => series(chart.series[0]),
        add: (name: string) => {
          ctx.queue(() => chart.series.push(name));
          return series(name);
        },
      },
      title: {
        set text(text: string) {
          ctx.queue(() => (chart.title = text));
        },
      },
      setPosition: () => ctx.queue(() => undefined),
    };
  }
}

/** The fake as the adapter sees it. */
/** What marking changes in a workbook, comparable: each sheet's fills, borders and notes, and the settings. */
export function snapshot(state: FakeState): unknown {
  return {
    sheets: state.sheets.map((s) => ({
      name: s.name,
      fills: Object.fromEntries([...s.fills.entries()].sort()),
      borders: Object.fromEntries([...(s.borders ?? new Map())].sort()),
      notes: Object.fromEntries([...s.notes.entries()].sort()),
    })),
    settings: Object.fromEntries(state.settings),
  };
}

export function asExcel(ctx: FakeContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

/** Office.js enums the adapter uses at run time. */
export function installExcelEnums(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    WorksheetPositionType: { end: 'End', none: 'None', before: 'Before', after: 'After', beginning: 'Beginning' },
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { columns: 'Columns', rows: 'Rows', auto: 'Auto' },
  };
}
