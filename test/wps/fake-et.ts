/**
 * A fake of WPS Spreadsheets' (ET) JavaScript object model, written from the
 * documented, VBA-like API: `Application.ActiveWorkbook.Worksheets` with a
 * 1-based `.Item(i)` and `.Count`, `Worksheet.UsedRange/.Range(a1)`,
 * `Range.Value2` (dates as serial numbers, formula errors as CVErr numbers),
 * `.Formula`, `.HasFormula`/`.MergeCells` (true, false, or null when mixed),
 * `.MergeArea`, `.NumberFormat` (null when mixed), `.Font.Strikethrough` (true, false, or null when
 * mixed), `.EntireRow`, `.EntireColumn`, `.Hidden`
 * (of whole rows or whole columns only: true, false, or null when some are hidden), `.Interior.Color` as a BGR
 * integer with `.ColorIndex`/`.Pattern` -4142 for no fill,
 * `.FormatConditions.Add(type, operator, formula)` with the condition's
 * `.NumberFormat` (kept in the sheet's `conditions`),
 * `.Validation.Delete()/.Add(type, alertStyle, operator, formula1)` with its
 * settable words (kept in the sheet's `validations`), `Worksheet.PageSetup`
 * (its settable properties kept in the sheet's `pageSetup`; any other name
 * refused, as a build without it would), comments
 * (`AddComment` refuses a cell that has one, `Comment.Text()`,
 * `ClearComments`, `Worksheet.Comments` with `.Count`, `.Item(i).Parent`, `.Text()`), `Select`, `Application.Goto`, `Application.InchesToPoints`,
 * `Application.ActiveWindow` (its SplitRow, SplitColumn, FreezePanes, ScrollRow
 * kept in the active sheet's `window`),
 * and `ApiEvent.AddApiEventListener`.
 *
 * Builds differ, so it can answer a multi-cell Value2 as rows, as one flat
 * array, as a flat array for a single row, or always nested; and it can expose
 * every member as a property or as a method. It counts every member access
 * (each one is a round trip to WPS).
 *
 * Self-contained on purpose (no imports): the chromium test transpiles this
 * file and injects it into the pane page as window.FakeEt.
 */

export interface Interior {
  color: number;
  colorIndex: number;
  pattern: number;
  patternColor: number;
}

export interface FakeCell {
  v?: string | number | boolean;
  /** Formula text without "=". */
  f?: string;
  fmt?: string;
  fill?: Interior;
  note?: string;
  style?: Record<string, unknown>;
  /** Its font struck through (Font.Strikethrough). */
  strike?: boolean;
}

export interface FakeSheetState {
  name: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  visible?: number;
  /** Hidden rows, numbered as the sheet numbers them (1-based). */
  hiddenRows?: number[];
  /** Hidden columns, numbered as Range.Column numbers them (1-based: A is 1). */
  hiddenCols?: number[];
  charts?: Array<{ source: string; type: number; title?: string }>;
  widths?: Record<string, number>;
  heights?: Record<string, number>;
  /** Conditional formats added by `Range.FormatConditions.Add`, in order: the formula as given, the number format set on it. */
  conditions?: Array<{ range: string; type: number; formula: string; numFmt?: string }>;
  /** Data validation added by `Range.Validation.Add`, in order, with the properties set on it after. */
  validations?: Array<{ range: string; type: number; alertStyle: number; operator?: number; formula1?: string; set: Record<string, unknown> }>;
  /** `PageSetup` properties set, by name. */
  pageSetup?: Record<string, unknown>;
  /** `Application.ActiveWindow` properties set (SplitRow, FreezePanes…) while this sheet was active, by name. */
  window?: Record<string, unknown>;
}

export interface FakeBookState {
  name?: string;
  sheets: FakeSheetState[];
  date1904?: boolean;
  active?: string;
  selection?: { sheet: string; address: string } | null;
}

export interface FakeEtOptions {
  /** How a multi-cell Value2/Formula comes back. */
  shape?: 'rows' | 'flat' | 'flat-row' | 'nested';
  /** Members as properties (VBA-like) or as methods. */
  members?: 'property' | 'method';
  /** Members and methods this build lacks (read as undefined, as in a build without them): 'PageSetup', 'Validation', 'Delete'… */
  without?: readonly string[];
}

export const NO_FILL: Interior = { color: 16777215, colorIndex: -4142, pattern: -4142, patternColor: 0 };
/** The default 56-colour palette (BGR), for ColorIndex. */
const PALETTE = [
  0x000000, 0xffffff, 0x0000ff, 0x00ff00, 0xff0000, 0x00ffff, 0xff00ff, 0xffff00, 0x000080, 0x008000, 0x800000, 0x008080, 0x800080, 0x808000, 0xc0c0c0,
  0x808080, 0xff9999, 0x663399, 0xccffff, 0xffffcc, 0x660066, 0x8080ff, 0xcc6600, 0xffcccc, 0x800000, 0xff00ff, 0x00ffff, 0xffff00, 0x800080, 0x000080,
  0x808000, 0xff0000, 0xffcc00, 0xffffcc, 0xccffcc, 0x99ffff, 0xffcc99, 0xcc99ff, 0xff99cc, 0x99ccff, 0xff6633, 0xcccc33, 0x00cc99, 0x00ccff, 0x0099ff,
  0x0066ff, 0x996666, 0x969696, 0x663300, 0x669933, 0x003300, 0x003333, 0x003399, 0x663399, 0x993333, 0x333333,
];

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
/** Column XFD: a range of entire rows runs from A to it. */
const LAST_COLUMN = 16_383;
/** Row 1048576: a range of entire columns runs from row 1 to it. */
const LAST_ROW = 1_048_575;
const cellName = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`fake ET: bad cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseBox(ref: string): Box {
  const [a, b = a] = ref.replace(/^.*!/, '').split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const boxName = (b: Box): string =>
  b.top === b.bottom && b.left === b.right ? cellName(b.top, b.left) : `${cellName(b.top, b.left)}:${cellName(b.bottom, b.right)}`;
const area = (b: Box): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);
function overlap(a: Box, b: Box): number {
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  return h > 0 && w > 0 ? h * w : 0;
}

export function nearestIndex(color: number): number {
  let best = 0;
  let dist = Infinity;
  PALETTE.forEach((p, i) => {
    const d = Math.abs((p & 255) - (color & 255)) + Math.abs(((p >> 8) & 255) - ((color >> 8) & 255)) + Math.abs(((p >> 16) & 255) - ((color >> 16) & 255));
    if (d < dist) {
      dist = d;
      best = i + 1;
    }
  });
  return best;
}

/** Defines a counted member: a property, or in 'method' mode a getter that returns a function. */
function member(app: FakeApplication, obj: object, name: string, read: (...args: unknown[]) => unknown, write?: (v: unknown) => void): void {
  if (app.options.without?.includes(name)) return;
  Object.defineProperty(obj, name, {
    enumerable: true,
    get: () => {
      app.calls++;
      app.log.push(name);
      return app.options.members === 'method' ? (...args: unknown[]) => read(...args) : read();
    },
    set: write
      ? (v: unknown) => {
          app.calls++;
          app.log.push(`${name}=`);
          write(v);
        }
      : () => {
          throw new Error(`fake ET: ${name} is read-only`);
        },
  });
}

/** A method: always a function (absent in a build `without` it); counted when called. */
function method(app: FakeApplication, obj: object, name: string, fn: (...args: unknown[]) => unknown): void {
  if (app.options.without?.includes(name)) return;
  Object.defineProperty(obj, name, {
    enumerable: true,
    value: (...args: unknown[]) => {
      app.calls++;
      app.log.push(`${name}()`);
      return fn(...args);
    },
  });
}

/** An object whose properties `names` are set into `record` (counted like every member); sealed, it refuses any other property. */
function settable(app: FakeApplication, names: readonly string[], record: () => Record<string, unknown>): object {
  const obj = {};
  for (const name of names) {
    member(
      app,
      obj,
      name,
      () => record()[name] ?? null,
      (v) => (record()[name] = v),
    );
  }
  return obj;
}

const VALIDATION_WORDS = ['IgnoreBlank', 'InCellDropdown', 'ShowInput', 'InputTitle', 'InputMessage', 'ShowError', 'ErrorTitle', 'ErrorMessage'];
const PAGE_SETUP_WORDS = [
  'PaperSize',
  'Orientation',
  'PrintArea',
  'PrintTitleRows',
  'Zoom',
  'FitToPagesWide',
  'FitToPagesTall',
  'CenterHorizontally',
  'LeftMargin',
  'RightMargin',
  'TopMargin',
  'BottomMargin',
  'HeaderMargin',
  'FooterMargin',
  'CenterFooter',
];

const WINDOW_WORDS = ['SplitRow', 'SplitColumn', 'FreezePanes', 'ScrollRow'];

function coerce(v: unknown, fmt: string | undefined): FakeCell['v'] | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'string' && fmt !== '@' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export class FakeRange {
  areas?: string;
  constructor(
    readonly app: FakeApplication,
    readonly sheet: FakeWorksheet,
    readonly box: Box,
  ) {
    const s = sheet.state;
    member(app, this, 'Row', () => box.top + 1);
    member(app, this, 'Column', () => box.left + 1);
    member(app, this, 'Rows', () => this.counted(box.bottom - box.top + 1));
    member(app, this, 'Columns', () => this.counted(box.right - box.left + 1));
    member(app, this, 'Count', () => area(box));
    member(app, this, 'Worksheet', () => sheet);
    method(app, this, 'Address', () => boxName(box).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'));
    member(
      app,
      this,
      'Value2',
      () => this.read((c) => c?.v ?? ''),
      (v) => this.write(v, (cell, x) => this.setValue(cell, x)),
    );
    member(
      app,
      this,
      'Formula',
      () => this.read((c) => (c?.f !== undefined ? `=${c.f}` : c?.v === undefined ? '' : String(c.v))),
      (v) => this.write(v, (cell, x) => this.setValue(cell, x)),
    );
    member(app, this, 'HasFormula', () => this.tri((c) => c?.f !== undefined));
    member(
      app,
      this,
      'NumberFormat',
      () => this.uniform((c) => c?.fmt ?? 'General'),
      (v) => this.each((c) => (c.fmt = String(v))),
    );
    member(app, this, 'MergeCells', () => {
      const covered = s.merges.reduce((n, m) => n + overlap(box, parseBox(m)), 0);
      return covered === 0 ? false : covered === area(box) ? true : null;
    });
    member(app, this, 'MergeArea', () => {
      const m = s.merges.map(parseBox).find((b) => overlap(b, { ...box, bottom: box.top, right: box.left }) > 0);
      return new FakeRange(app, sheet, m ?? { ...box, bottom: box.top, right: box.left });
    });
    member(app, this, 'EntireRow', () => new FakeRange(app, sheet, { ...box, left: 0, right: LAST_COLUMN }));
    member(app, this, 'EntireColumn', () => new FakeRange(app, sheet, { ...box, top: 0, bottom: LAST_ROW }));
    member(app, this, 'Hidden', () => {
      // As Range.Hidden: of entire rows or entire columns only (the whole sheet is both: which would it answer?).
      const rows = box.left === 0 && box.right === LAST_COLUMN;
      const cols = box.top === 0 && box.bottom === LAST_ROW;
      if (rows === cols) throw new Error('fake ET: Hidden of a range that is not entire rows or entire columns');
      const [lines, lo, hi] = rows ? [s.hiddenRows, box.top, box.bottom] : [s.hiddenCols, box.left, box.right];
      const hidden = (lines ?? []).filter((n) => n - 1 >= lo && n - 1 <= hi).length;
      return hidden === 0 ? false : hidden === hi - lo + 1 ? true : null;
    });
    member(app, this, 'Interior', () => this.interior());
    member(app, this, 'FormatConditions', () => {
      const collection = {};
      method(app, collection, 'Add', (type, _operator, formula) => {
        const added: NonNullable<FakeSheetState['conditions']>[number] = { range: boxName(box), type: Number(type), formula: String(formula) };
        (s.conditions = s.conditions ?? []).push(added);
        const condition = {};
        member(
          app,
          condition,
          'NumberFormat',
          () => added.numFmt ?? null,
          (v) => (added.numFmt = String(v)),
        );
        return condition;
      });
      return collection;
    });
    member(app, this, 'Validation', () => {
      const mine = () => (s.validations ?? []).filter((v) => v.range === boxName(box));
      const validation = settable(app, VALIDATION_WORDS, () => {
        const added = mine().pop();
        if (!added) throw new Error('fake ET: Validation has no rule to set (Add first)');
        return added.set;
      });
      method(app, validation, 'Delete', () => (s.validations = (s.validations ?? []).filter((v) => v.range !== boxName(box))));
      method(app, validation, 'Add', (type, alertStyle, operator, formula1) => {
        if (mine().length > 0) throw new Error('fake ET: the range has a validation already (Delete first)');
        const added = { range: boxName(box), type: Number(type), alertStyle: Number(alertStyle), set: {} } as NonNullable<
          FakeSheetState['validations']
        >[number];
        if (operator !== undefined) added.operator = Number(operator);
        if (formula1 !== undefined) added.formula1 = String(formula1);
        (s.validations = s.validations ?? []).push(added);
      });
      return Object.preventExtensions(validation);
    });
    member(app, this, 'Comment', () => {
      const cell = s.cells[cellName(box.top, box.left)];
      if (cell?.note === undefined) return null;
      const comment = {};
      method(app, comment, 'Text', () => cell.note);
      method(app, comment, 'Delete', () => delete cell.note);
      return comment;
    });
    method(app, this, 'AddComment', (text) => {
      const cell = this.cell(box.top, box.left);
      if (cell.note !== undefined) throw new Error('fake ET: the cell has a comment already');
      cell.note = String(text ?? '');
    });
    method(app, this, 'ClearComments', () => this.each((c) => delete c.note, false));
    method(app, this, 'Select', () => {
      if (app.state.active !== s.name) throw new Error('fake ET: Select on a sheet that is not active');
      app.state.selection = { sheet: s.name, address: boxName(box) };
    });
    method(app, this, 'Merge', () => {
      s.merges = s.merges.filter((m) => overlap(parseBox(m), box) === 0);
      s.merges.push(boxName(box));
    });
    member(app, this, 'Font', () => this.font());
    member(app, this, 'Borders', () => this.borders());
    for (const key of ['HorizontalAlignment', 'VerticalAlignment', 'WrapText', 'Orientation']) {
      member(
        app,
        this,
        key,
        () => this.uniform((c) => c?.style?.[key] ?? null),
        (v) => this.each((c) => (c.style = { ...c.style, [key]: v })),
      );
    }
    member(
      app,
      this,
      'ColumnWidth',
      () => null,
      (v) => {
        s.widths = s.widths ?? {};
        for (let c = box.left; c <= box.right; c++) s.widths[colLetters(c)] = Number(v);
      },
    );
    member(
      app,
      this,
      'RowHeight',
      () => null,
      (v) => {
        s.heights = s.heights ?? {};
        for (let r = box.top; r <= box.bottom; r++) s.heights[String(r + 1)] = Number(v);
      },
    );
  }

  private counted(n: number): object {
    const obj = {};
    member(this.app, obj, 'Count', () => n);
    method(this.app, obj, 'AutoFit', () => undefined);
    return obj;
  }

  cell(row: number, col: number): FakeCell {
    const key = cellName(row, col);
    return (this.sheet.state.cells[key] = this.sheet.state.cells[key] ?? {});
  }

  private each(fn: (c: FakeCell) => void, create = true): void {
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      for (let c = this.box.left; c <= this.box.right; c++) {
        const cell = create ? this.cell(r, c) : this.sheet.state.cells[cellName(r, c)];
        if (cell) fn(cell);
      }
    }
  }

  private read(of: (c: FakeCell | undefined) => unknown): unknown {
    const rows: unknown[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(of(this.sheet.state.cells[cellName(r, c)]));
      rows.push(row);
    }
    const shape = this.app.options.shape ?? 'rows';
    if (rows.length === 1 && rows[0].length === 1 && shape !== 'nested') return rows[0][0];
    if (shape === 'flat') return rows.flat();
    if (shape === 'flat-row' && (rows.length === 1 || rows[0].length === 1)) return rows.flat();
    return rows;
  }

  private write(v: unknown, set: (cell: FakeCell, x: unknown) => void): void {
    const rows = Array.isArray(v) ? (Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]]) : undefined;
    this.each(() => undefined);
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      for (let c = this.box.left; c <= this.box.right; c++) {
        const x = rows ? rows[r - this.box.top]?.[c - this.box.left] : v;
        set(this.cell(r, c), x === undefined ? '' : x);
      }
    }
  }

  private setValue(cell: FakeCell, x: unknown): void {
    if (typeof x === 'string' && x.startsWith('=') && cell.fmt !== '@') {
      cell.f = x.slice(1);
      delete cell.v;
      return;
    }
    delete cell.f;
    const v = coerce(x, cell.fmt);
    if (v === undefined) delete cell.v;
    else cell.v = v;
  }

  private tri(test: (c: FakeCell | undefined) => boolean): boolean | null {
    let yes = 0;
    for (let r = this.box.top; r <= this.box.bottom; r++)
      for (let c = this.box.left; c <= this.box.right; c++) if (test(this.sheet.state.cells[cellName(r, c)])) yes++;
    return yes === 0 ? false : yes === area(this.box) ? true : null;
  }

  private uniform(of: (c: FakeCell | undefined) => unknown): unknown {
    let first: unknown;
    let seen = false;
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      for (let c = this.box.left; c <= this.box.right; c++) {
        const v = of(this.sheet.state.cells[cellName(r, c)]);
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    }
    return first;
  }

  /** Font: Bold, Size, Name as set; Strikethrough as VBA answers it (true, false, null when some cells are struck). */
  private font(): object {
    const obj = this.styleObject(['Bold', 'Size', 'Name'], 'font');
    member(
      this.app,
      obj,
      'Strikethrough',
      () => this.tri((c) => c?.strike === true),
      (v) => this.each((c) => (c.strike = v === true)),
    );
    return obj;
  }

  private interior(): object {
    const app = this.app;
    const fill = (c: FakeCell | undefined): Interior => c?.fill ?? NO_FILL;
    const set = (change: (f: Interior) => Interior) => this.each((c) => (c.fill = change({ ...fill(c) })));
    const obj = {};
    member(
      app,
      obj,
      'Color',
      () => this.uniform((c) => fill(c).color),
      (v) => set((f) => ({ ...f, color: Number(v), colorIndex: nearestIndex(Number(v)), pattern: f.pattern === -4142 ? 1 : f.pattern })),
    );
    member(
      app,
      obj,
      'ColorIndex',
      () => this.uniform((c) => fill(c).colorIndex),
      (v) =>
        set((f) =>
          Number(v) === -4142
            ? { ...NO_FILL }
            : { ...f, colorIndex: Number(v), color: PALETTE[Number(v) - 1] ?? 0, pattern: f.pattern === -4142 ? 1 : f.pattern },
        ),
    );
    member(
      app,
      obj,
      'Pattern',
      () => this.uniform((c) => fill(c).pattern),
      (v) =>
        set((f) =>
          Number(v) === -4142 ? { ...NO_FILL } : { ...f, pattern: Number(v), colorIndex: f.colorIndex === -4142 ? nearestIndex(f.color) : f.colorIndex },
        ),
    );
    member(
      app,
      obj,
      'PatternColor',
      () => this.uniform((c) => fill(c).patternColor),
      (v) => set((f) => ({ ...f, patternColor: Number(v) })),
    );
    return obj;
  }

  /**
   * Borders: LineStyle and Weight set on all of them at once (kept as border.*), and Item(edge) each edge's
   * LineStyle, Weight and Color (kept as edge7.* …), read as ET reads an edge never set (xlNone, thin, black);
   * LineStyle xlNone takes the edge away. As ET, Item(edge) of a range of many cells is its outer edge (xlEdgeLeft:
   * the left edges of its first column's cells, …) and xlInsideVertical (11), xlInsideHorizontal (12) the edges
   * between its cells (each cell's sides there); it reads a value where all those edges have it, else null.
   */
  private borders(): object {
    const obj = this.styleObject(['LineStyle', 'Weight'], 'border') as Record<string, unknown>;
    const defaults: Record<string, number> = { LineStyle: -4142, Weight: 2, Color: 0 };
    const b = this.box;
    // The cell edges Item(edge) stands for: [row, column, edge kept].
    const edgesOf = (edge: number): Array<[number, number, number]> => {
      const out: Array<[number, number, number]> = [];
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) {
          if (edge === 7 && c === b.left) out.push([r, c, 7]);
          if (edge === 8 && r === b.top) out.push([r, c, 8]);
          if (edge === 9 && r === b.bottom) out.push([r, c, 9]);
          if (edge === 10 && c === b.right) out.push([r, c, 10]);
          if (edge === 11 && c > b.left) out.push([r, c, 7]);
          if (edge === 11 && c < b.right) out.push([r, c, 10]);
          if (edge === 12 && r > b.top) out.push([r, c, 8]);
          if (edge === 12 && r < b.bottom) out.push([r, c, 9]);
        }
      return out;
    };
    obj.Item = (edge: number) => {
      const item = {};
      const cells = edgesOf(edge);
      for (const key of Object.keys(defaults)) {
        member(
          this.app,
          item,
          key,
          () => {
            const values = new Set(
              cells.map(([r, c, e]) => (this.sheet.state.cells[cellName(r, c)]?.style?.[`edge${e}.${key}`] as number | undefined) ?? defaults[key]),
            );
            return values.size === 1 ? [...values][0] : null;
          },
          (v) => {
            for (const [r, c, e] of cells) {
              const cell = this.cell(r, c);
              const style = { ...cell.style, [`edge${e}.${key}`]: v };
              if (key === 'LineStyle' && v === -4142) for (const k of Object.keys(defaults)) delete style[`edge${e}.${k}`];
              cell.style = style;
              if (Object.keys(style).length === 0) delete cell.style;
            }
          },
        );
      }
      return item;
    };
    return obj;
  }

  private styleObject(keys: string[], prefix: string): object {
    const obj = {};
    for (const key of keys) {
      const name = `${prefix}.${key}`;
      member(
        this.app,
        obj,
        key,
        () => this.uniform((c) => c?.style?.[name] ?? null),
        (v) => this.each((c) => (c.style = { ...c.style, [name]: v })),
      );
    }
    return obj;
  }
}

export class FakeWorksheet {
  constructor(
    readonly app: FakeApplication,
    readonly state: FakeSheetState,
  ) {
    member(
      app,
      this,
      'Name',
      () => state.name,
      (v) => {
        const name = String(v);
        if (app.state.sheets.some((s) => s !== state && s.name === name)) throw new Error(`fake ET: a sheet named ${name} exists`);
        if (app.state.active === state.name) app.state.active = name;
        state.name = name;
      },
    );
    member(app, this, 'Index', () => app.state.sheets.indexOf(state) + 1);
    member(
      app,
      this,
      'Visible',
      () => state.visible ?? -1,
      (v) => (state.visible = Number(v)),
    );
    member(app, this, 'UsedRange', () => new FakeRange(app, this, this.usedBox()));
    // Worksheet.Comments: Count, Item(i) (1-based, by row then column) → the comment's Text() and Parent (its cell).
    member(app, this, 'Comments', () => {
      const cells = Object.keys(state.cells)
        .filter((key) => state.cells[key].note !== undefined)
        .map(parseCell)
        .sort((a, b) => a.row - b.row || a.col - b.col);
      const comments = {};
      member(app, comments, 'Count', () => cells.length);
      method(app, comments, 'Item', (i) => {
        const at = cells[Number(i) - 1];
        if (!at) throw new Error(`fake ET: no comment ${String(i)}`);
        const comment = {};
        method(app, comment, 'Text', () => state.cells[cellName(at.row, at.col)]?.note);
        member(app, comment, 'Parent', () => new FakeRange(app, this, { top: at.row, left: at.col, bottom: at.row, right: at.col }));
        return comment;
      });
      return comments;
    });
    method(app, this, 'Range', (ref) => {
      // A multi-area reference ("A4:A9,I4:I9") is kept as written, its first area as the box.
      const areas = String(ref).split(',');
      const range = new FakeRange(app, this, parseBox(areas[0]));
      if (areas.length > 1) range.areas = String(ref);
      return range;
    });
    method(app, this, 'Activate', () => {
      // As VBA's Worksheet.Activate: a hidden sheet cannot be the active one (error 1004).
      if ((state.visible ?? -1) !== -1) throw new Error('fake ET: Activate of a hidden sheet');
      app.state.active = state.name;
    });
    member(app, this, 'PageSetup', () => Object.preventExtensions(settable(app, PAGE_SETUP_WORDS, () => (state.pageSetup = state.pageSetup ?? {}))));
    method(app, this, 'Delete', () => {
      if (app.displayAlerts) throw new Error('fake ET: Delete asks the user first (DisplayAlerts is on)');
      app.state.sheets.splice(app.state.sheets.indexOf(state), 1);
    });
    method(app, this, 'ChartObjects', () => {
      const objects = {};
      method(app, objects, 'Add', () => {
        const record = { source: '', type: 0, title: undefined as string | undefined };
        (state.charts = state.charts ?? []).push(record);
        const chart = {};
        method(app, chart, 'SetSourceData', (range) => (record.source = (range as FakeRange).areas ?? boxName((range as FakeRange).box)));
        member(
          app,
          chart,
          'ChartType',
          () => record.type,
          (v) => (record.type = Number(v)),
        );
        member(
          app,
          chart,
          'HasTitle',
          () => record.title !== undefined,
          () => undefined,
        );
        member(app, chart, 'ChartTitle', () => {
          const title = {};
          member(
            app,
            title,
            'Text',
            () => record.title,
            (v) => (record.title = String(v)),
          );
          return title;
        });
        const holder = {};
        member(app, holder, 'Chart', () => chart);
        return holder;
      });
      return objects;
    });
  }

  /** Every cell that holds anything (value, formula, format, fill, comment), and the merges: as WPS's UsedRange. */
  usedBox(): Box {
    let box: Box | undefined;
    const grow = (b: Box): void => {
      box = box
        ? { top: Math.min(box.top, b.top), left: Math.min(box.left, b.left), bottom: Math.max(box.bottom, b.bottom), right: Math.max(box.right, b.right) }
        : b;
    };
    for (const key of Object.keys(this.state.cells)) {
      const p = parseCell(key);
      grow({ top: p.row, left: p.col, bottom: p.row, right: p.col });
    }
    for (const m of this.state.merges) grow(parseBox(m));
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
}

class FakeSheets {
  constructor(readonly app: FakeApplication) {
    member(app, this, 'Count', () => app.state.sheets.length);
    method(app, this, 'Item', (key) => {
      const state = typeof key === 'number' ? app.state.sheets[key - 1] : app.state.sheets.find((s) => s.name === key);
      if (!state) throw new Error(`fake ET: no sheet ${String(key)}`);
      return app.sheet(state);
    });
    method(app, this, 'Add', (before, after) => {
      let name = '';
      for (let n = app.state.sheets.length + 1; !name || app.state.sheets.some((s) => s.name === name); n++) name = `Sheet${n}`;
      const state: FakeSheetState = { name, cells: {}, merges: [] };
      const anchor = (before ?? after) as FakeWorksheet | undefined;
      const at = anchor ? app.state.sheets.indexOf(anchor.state) + (before ? 0 : 1) : 0;
      app.state.sheets.splice(at, 0, state);
      app.state.active = name;
      return app.sheet(state);
    });
  }
}

export class FakeApplication {
  calls = 0;
  log: string[] = [];
  displayAlerts = true;
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  readonly panes: Array<{ url: string; visible: boolean; dock: number }> = [];
  private readonly storage = new Map<string, string>();
  private readonly sheets = new Map<FakeSheetState, FakeWorksheet>();

  constructor(
    readonly state: FakeBookState,
    readonly options: FakeEtOptions = {},
  ) {
    if (!state.active && state.sheets[0]) state.active = state.sheets[0].name;
    const workbook = {};
    const collection = new FakeSheets(this);
    member(this, workbook, 'Worksheets', () => collection);
    member(this, workbook, 'Sheets', () => collection);
    member(this, workbook, 'Name', () => state.name ?? '工作簿1.xlsx');
    member(this, workbook, 'Date1904', () => state.date1904 === true);
    member(this, this, 'ActiveWorkbook', () => workbook);
    member(this, this, 'ActiveSheet', () => this.sheet(state.sheets.find((s) => s.name === state.active) ?? state.sheets[0]));
    member(
      this,
      this,
      'DisplayAlerts',
      () => this.displayAlerts,
      (v) => (this.displayAlerts = Boolean(v)),
    );
    member(
      this,
      this,
      'ScreenUpdating',
      () => true,
      () => undefined,
    );
    // The window's panes are the active sheet's: what is set is kept on that sheet.
    const activeState = () => state.sheets.find((s) => s.name === state.active) ?? state.sheets[0];
    const window = Object.preventExtensions(settable(this, WINDOW_WORDS, () => (activeState().window = activeState().window ?? {})));
    member(this, this, 'ActiveWindow', () => window);
    method(this, this, 'InchesToPoints', (inches) => Number(inches) * 72);
    method(this, this, 'Goto', (ref) => {
      const range = ref as FakeRange;
      state.active = range.sheet.state.name;
      state.selection = { sheet: range.sheet.state.name, address: boxName(range.box) };
    });
    const events = {};
    method(this, events, 'AddApiEventListener', (name, fn) => {
      const list = this.listeners.get(String(name)) ?? [];
      list.push(fn as (...args: unknown[]) => void);
      this.listeners.set(String(name), list);
    });
    method(this, events, 'RemoveApiEventListener', (name, fn) => {
      this.listeners.set(
        String(name),
        (this.listeners.get(String(name)) ?? []).filter((f) => f !== fn),
      );
    });
    member(this, this, 'ApiEvent', () => events);
    const storage = {};
    method(this, storage, 'getItem', (k) => this.storage.get(String(k)) ?? null);
    method(this, storage, 'setItem', (k, v) => this.storage.set(String(k), String(v)));
    member(this, this, 'PluginStorage', () => storage);
    method(this, this, 'CreateTaskPane', (url) => this.pane(String(url)));
    method(this, this, 'GetTaskPane', (id) => this.paneObject(Number(id)));
  }

  sheet(state: FakeSheetState): FakeWorksheet {
    let ws = this.sheets.get(state);
    if (!ws) {
      ws = new FakeWorksheet(this, state);
      this.sheets.set(state, ws);
    }
    return ws;
  }

  private pane(url: string): object {
    this.panes.push({ url, visible: false, dock: 0 });
    return this.paneObject(this.panes.length);
  }

  private paneObject(id: number): object {
    const record = this.panes[id - 1];
    if (!record) return null as unknown as object;
    const pane = {};
    member(this, pane, 'ID', () => id);
    member(
      this,
      pane,
      'Visible',
      () => record.visible,
      (v) => (record.visible = Boolean(v)),
    );
    member(
      this,
      pane,
      'DockPosition',
      () => record.dock,
      (v) => (record.dock = Number(v)),
    );
    return pane;
  }

  /** Test side (not counted): a user edit, as WPS reports it to SheetChange listeners. */
  edit(sheet: string, ref: string, value: FakeCell['v']): void {
    const state = this.state.sheets.find((s) => s.name === sheet);
    if (!state) throw new Error(`fake ET: no sheet ${sheet}`);
    const key = cellName(parseBox(ref).top, parseBox(ref).left);
    state.cells[key] = { ...state.cells[key], v: value };
    const ws = this.sheet(state);
    for (const fn of this.listeners.get('SheetChange') ?? []) fn(ws, new FakeRange(this, ws, parseBox(ref)));
  }
}
