/**
 * Range, Interior and Comment of the independent ET fake (see independent-fake.ts):
 * Value2 in the shape the build returns, VBA's "one value or null" for
 * per-range members, merges, fills as BGR with xlNone, comments.
 */
import type { Box, CellJson, EtProfile, FakeLog, Obj, SheetJson } from './independent-fake-model';
import { MAX_COL, MAX_ROW, WHITE, XL_NONE, addressOf, key, parseAddress } from './independent-fake-model';

/** What a range needs of the application it belongs to. */
export interface FakeCore {
  profile: EtProfile;
  log: FakeLog;
  book: { sheets: SheetJson[] };
  activeSheet: number;
  selection: string;
  readonly none: null | undefined;
  emptyValue(): unknown;
  watch(kind: string, target: Obj): Obj;
  member(obj: Obj, name: string, read: () => unknown, write?: (v: unknown) => void): void;
  method(obj: Obj, name: string, fn: (...args: never[]) => unknown): void;
  worksheet(sheet: SheetJson): Obj;
}

function cellsOf(box: Box): [number, number][] {
  const out: [number, number][] = [];
  for (let r = box[0]; r <= box[2]; r++) for (let c = box[1]; c <= box[3]; c++) out.push([r, c]);
  return out;
}

/** A grid read in the shape this build returns. */
function shaped(core: FakeCore, box: Box, at: (r: number, c: number) => unknown): unknown {
  const rows: unknown[][] = [];
  for (let r = box[0]; r <= box[2]; r++) {
    const row: unknown[] = [];
    for (let c = box[1]; c <= box[3]; c++) row.push(at(r, c));
    rows.push(row);
  }
  const single = rows.length === 1 && rows[0].length === 1;
  const shape = core.profile.value2;
  if (shape === 'always2d') return rows;
  if (single) return rows[0][0];
  if (shape === 'vba') return rows;
  if (rows.length === 1) return rows[0];
  if (shape === 'line1d' && rows[0].length === 1) return rows.map((row) => row[0]);
  return rows;
}

/** A per-range property that VBA reports as one value when every cell agrees, else null. */
function uniform(box: Box, at: (r: number, c: number) => unknown): unknown {
  const values = cellsOf(box).map(([r, c]) => at(r, c));
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function mergeOf(sheet: SheetJson, r: number, c: number): Box | undefined {
  for (const m of sheet.merges) {
    const { box } = parseAddress(m);
    if (r >= box[0] && r <= box[2] && c >= box[1] && c <= box[3]) return box;
  }
  return undefined;
}

function value2At(core: FakeCore, sheet: SheetJson, r: number, c: number): unknown {
  const v = sheet.cells[key(r, c)]?.v;
  return v === undefined ? core.emptyValue() : v;
}

function textAt(sheet: SheetJson, r: number, c: number): string {
  const cell = sheet.cells[key(r, c)];
  if (!cell || cell.v === undefined) return '';
  if (cell.err) return cell.err;
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE';
  return String(cell.v);
}

export function fakeRange(core: FakeCore, sheet: SheetJson, box: Box): Obj {
  const single = box[0] === box[2] && box[1] === box[3];
  const rg: Obj = { __box: [sheet, box] };
  const cell = (r: number, c: number): CellJson => (sheet.cells[key(r, c)] ??= {});
  const writeGrid = (v: unknown, put: (r: number, c: number, x: unknown) => void): void => {
    const rows = Array.isArray(v) ? (Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]]) : undefined;
    for (const [r, c] of cellsOf(box)) put(r, c, rows ? rows[r - box[0]]?.[c - box[1]] : v);
  };
  core.member(rg, 'Row', () => box[0]);
  core.member(rg, 'Column', () => box[1]);
  core.member(rg, 'Count', () => (box[2] - box[0] + 1) * (box[3] - box[1] + 1));
  if (core.profile.surface !== 'documented') core.member(rg, 'Address', () => addressOf(box));
  const lines = (kind: string, n: number): Obj => {
    const o: Obj = {};
    core.member(o, 'Count', () => n);
    return core.watch(kind, o);
  };
  Object.defineProperty(rg, 'Rows', { enumerable: true, get: () => lines('Rows', box[2] - box[0] + 1) });
  Object.defineProperty(rg, 'Columns', { enumerable: true, get: () => lines('Columns', box[3] - box[1] + 1) });
  Object.defineProperty(rg, 'Worksheet', { enumerable: true, get: () => core.worksheet(sheet) });
  Object.defineProperty(rg, 'Parent', { enumerable: true, get: () => core.worksheet(sheet) });
  core.member(
    rg,
    'Value2',
    () => shaped(core, box, (r, c) => value2At(core, sheet, r, c)),
    (v) =>
      writeGrid(v, (r, c, x) => {
        const target = cell(r, c);
        delete target.f;
        delete target.err;
        if (x === undefined || x === null || x === '') delete target.v;
        else target.v = x as string | number | boolean;
      }),
  );
  core.member(rg, 'Text', () => (single ? textAt(sheet, box[0], box[1]) : uniform(box, (r, c) => textAt(sheet, r, c))));
  core.member(
    rg,
    'Formula',
    () => shaped(core, box, (r, c) => sheet.cells[key(r, c)]?.f ?? (sheet.cells[key(r, c)]?.v === undefined ? '' : String(sheet.cells[key(r, c)]?.v))),
    (v) => writeGrid(v, (r, c, x) => (String(x).startsWith('=') ? (cell(r, c).f = String(x)) : (cell(r, c).v = x as string))),
  );
  core.member(rg, 'HasFormula', () => uniform(box, (r, c) => sheet.cells[key(r, c)]?.f !== undefined));
  core.member(
    rg,
    'NumberFormat',
    () =>
      core.profile.numberFormat === 'grid'
        ? shaped(core, box, (r, c) => sheet.cells[key(r, c)]?.nf ?? 'General')
        : uniform(box, (r, c) => sheet.cells[key(r, c)]?.nf ?? 'General'),
    (v) => writeGrid(v, (r, c, x) => (cell(r, c).nf = String(x))),
  );
  core.member(rg, 'MergeCells', () => uniform(box, (r, c) => mergeOf(sheet, r, c) !== undefined));
  // VBA's Range.Hidden of whole rows or whole columns: true when every one is hidden, false when none is, null when
  // some are; of any other range VBA fails (error 1004: unable to get the Hidden property).
  core.member(rg, 'Hidden', () => {
    const wholeRows = box[1] === 1 && box[3] === MAX_COL;
    const wholeCols = box[0] === 1 && box[2] === MAX_ROW;
    if (wholeRows === wholeCols) throw new Error('fake ET: Hidden of a range that is neither whole rows nor whole columns');
    const [hidden, lo, hi] = wholeRows ? [sheet.hiddenRows, box[0], box[2]] : [sheet.hiddenCols, box[1], box[3]];
    const each = Array.from({ length: hi - lo + 1 }, (_, i) => (hidden ?? []).includes(lo + i));
    return each.every((h) => h === each[0]) ? each[0] : null;
  });
  Object.defineProperty(rg, 'EntireRow', { enumerable: true, get: () => (core.log.calls++, fakeRange(core, sheet, [box[0], 1, box[2], MAX_COL])) });
  Object.defineProperty(rg, 'EntireColumn', { enumerable: true, get: () => (core.log.calls++, fakeRange(core, sheet, [1, box[1], MAX_ROW, box[3]])) });
  Object.defineProperty(rg, 'MergeArea', {
    enumerable: true,
    get: () => (core.log.calls++, fakeRange(core, sheet, mergeOf(sheet, box[0], box[1]) ?? [box[0], box[1], box[0], box[1]])),
  });
  core.method(rg, 'Merge', () => void sheet.merges.push(addressOf(box).replace(/\$/g, '')));
  core.method(rg, 'UnMerge', () => {
    sheet.merges = sheet.merges.filter((m) => {
      const b = parseAddress(m).box;
      return b[2] < box[0] || b[0] > box[2] || b[3] < box[1] || b[1] > box[3];
    });
  });
  Object.defineProperty(rg, 'Interior', { enumerable: true, get: () => (core.log.calls++, interior(core, sheet, box)) });
  Object.defineProperty(rg, 'Comment', {
    enumerable: true,
    get: () => {
      core.log.calls++;
      const target = sheet.cells[key(box[0], box[1])];
      return target?.comment === undefined ? core.none : comment(core, target);
    },
  });
  core.method(rg, 'AddComment', (text?: string) => {
    if (!single) throw new Error('fake ET: AddComment on more than one cell');
    const target = cell(box[0], box[1]);
    if (target.comment !== undefined) throw new Error('fake ET: AddComment on a cell that has a comment (Range.AddComment failed)');
    target.comment = text === undefined ? '' : String(text);
    return comment(core, target);
  });
  core.method(rg, 'ClearComments', () => {
    for (const [r, c] of cellsOf(box)) if (sheet.cells[key(r, c)]) delete sheet.cells[key(r, c)].comment;
  });
  core.method(rg, 'ClearContents', () => {
    for (const [r, c] of cellsOf(box)) {
      const target = sheet.cells[key(r, c)];
      if (target) {
        delete target.v;
        delete target.f;
      }
    }
  });
  core.method(rg, 'Select', () => {
    if (core.book.sheets[core.activeSheet] !== sheet)
      throw new Error('fake ET: Range.Select on a sheet that is not active (Select method of Range class failed)');
    core.selection = addressOf(box);
    core.log.selections.push({ sheet: sheet.name, address: core.selection, via: 'Select' });
  });
  core.method(rg, 'Activate', () => {
    if (core.book.sheets[core.activeSheet] !== sheet) throw new Error('fake ET: Range.Activate on a sheet that is not active');
    core.selection = addressOf(box);
    core.log.selections.push({ sheet: sheet.name, address: core.selection, via: 'Activate' });
  });
  core.method(rg, 'Item', (r: number, c?: number) => {
    const rr = box[0] + r - 1;
    const cc = box[1] + (c ?? 1) - 1;
    return fakeRange(core, sheet, [rr, cc, rr, cc]);
  });
  Object.defineProperty(rg, 'Cells', { enumerable: true, get: () => fakeRange(core, sheet, box) });
  core.method(rg, 'Offset', (dr = 0, dc = 0) => fakeRange(core, sheet, [box[0] + dr, box[1] + dc, box[2] + dr, box[3] + dc]));
  core.method(rg, 'Resize', (rows?: number, cols?: number) =>
    fakeRange(core, sheet, [box[0], box[1], box[0] + (rows ?? box[2] - box[0] + 1) - 1, box[1] + (cols ?? box[3] - box[1] + 1) - 1]),
  );
  return core.watch('Range', rg);
}

function interior(core: FakeCore, sheet: SheetJson, box: Box): Obj {
  const fillAt = (r: number, c: number): number | undefined => sheet.cells[key(r, c)]?.fill;
  const setFill = (fill: number | undefined): void => {
    for (const [r, c] of cellsOf(box)) {
      if (fill === undefined) {
        if (sheet.cells[key(r, c)]) delete sheet.cells[key(r, c)].fill;
      } else (sheet.cells[key(r, c)] ??= {}).fill = fill;
    }
  };
  const it: Obj = {};
  core.member(
    it,
    'Color',
    () => uniform(box, (r, c) => fillAt(r, c) ?? WHITE),
    (v) => setFill(Number(v)),
  );
  core.member(
    it,
    'ColorIndex',
    () => uniform(box, (r, c) => (fillAt(r, c) === undefined ? XL_NONE : 1)),
    (v) => (Number(v) === XL_NONE || Number(v) === 0 ? setFill(undefined) : setFill(0)),
  );
  core.member(
    it,
    'Pattern',
    () => uniform(box, (r, c) => (fillAt(r, c) === undefined ? XL_NONE : 1)),
    (v) => {
      if (Number(v) === XL_NONE) setFill(undefined);
      else for (const [r, c] of cellsOf(box)) if (fillAt(r, c) === undefined) (sheet.cells[key(r, c)] ??= {}).fill = WHITE;
    },
  );
  return core.watch('Interior', it);
}

function comment(core: FakeCore, target: CellJson): Obj {
  const cm: Obj = {};
  // Comment.Text is a method in VBA and in PLATFORM.md: Text() reads, Text(s) replaces.
  core.method(cm, 'Text', (text?: string) => {
    if (text !== undefined) target.comment = String(text);
    return target.comment ?? '';
  });
  core.method(cm, 'Delete', () => void delete target.comment);
  core.member(cm, 'Author', () => 'WPS');
  return core.watch('Comment', cm);
}
