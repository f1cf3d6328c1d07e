/** The saved state the independent ET fake works on, and A1 addresses: see independent-fake.ts. */
export type Value2Shape = 'vba' | 'row1d' | 'always2d' | 'line1d';
export type MemberStyle = 'property' | 'method' | 'mixed';

export interface EtProfile {
  value2: Value2Shape;
  members: MemberStyle;
  /** What an empty cell reads as inside a Value2 array, and what Range.Comment is without a comment. */
  nothing: 'undefined' | 'null';
  emptyCell: 'undefined' | 'null' | 'empty-string';
  taskPane: 'CreateTaskPane' | 'CreateTaskpane';
  /** NumberFormat of a multi-cell range: one code or null when mixed (VBA), or every cell's code shaped as Value2. */
  numberFormat: 'vba' | 'grid';
  /** 'documented': only the members PLATFORM.md names (no Range.Address, no Item(name), Sheets.Add only, no Worksheet.Delete). */
  surface: 'full' | 'documented';
}

export interface CellJson {
  v?: string | number | boolean;
  f?: string;
  nf?: string;
  /** Fill as BGR; absent = no fill. */
  fill?: number;
  comment?: string;
  /** Display text of an error value (#DIV/0!). */
  err?: string;
}

export interface SheetJson {
  name: string;
  visible: number;
  cells: Record<string, CellJson>;
  merges: string[];
  /** Rows hidden (1-based), as the file keeps them. */
  hiddenRows?: number[];
  /** Columns hidden (1-based: A is 1), as the file keeps them. */
  hiddenCols?: number[];
}

export interface BookJson {
  name: string;
  sheets: SheetJson[];
  names: { name: string; refersTo: string }[];
}

export const XL_NONE = -4142;
export const WHITE = 16777215;
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCellRef(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`fake ET: bad cell reference ${ref}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), c];
}

/** "A1", "$A$1:$C$3", "'Sheet'!A1:B2" → sheet name (or undefined) and box. */
export function parseAddress(address: string): { sheet?: string; box: [number, number, number, number] } {
  let rest = address;
  let sheet: string | undefined;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    rest = address.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const [r1, c1] = parseCellRef(a);
  const [r2, c2] = b ? parseCellRef(b) : [r1, c1];
  return { sheet, box: [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)] };
}

export const key = (r: number, c: number): string => `${r},${c}`;

/** Everything the fake records: host calls, selections, members the page asked for that the fake does not model. */
export interface FakeLog {
  calls: number;
  selections: { sheet: string; address: string; via: string }[];
  unknownMembers: string[];
  errors: string[];
}

export type Box = [number, number, number, number];
export type Obj = Record<string, unknown>;

/** "$A$1" or "$A$1:$C$3", as VBA's Address gives it. */
export function addressOf(box: Box): string {
  const a = `$${colName(box[1])}$${box[0]}`;
  return box[0] === box[2] && box[1] === box[3] ? a : `${a}:$${colName(box[3])}$${box[2]}`;
}
