/**
 * The little of WPS Spreadsheets' (ET) object model the adapter uses, and the
 * tolerance it needs: the API is synchronous and VBA-like, but builds differ
 * in whether a member is a property or a method (`Range.Address` vs
 * `Range.Address()`, `Sheets.Count` vs `Sheets.Count()`), and in the shape a
 * multi-cell `Value2` comes back in (array of rows, one flat array, a scalar
 * for one cell). Everything here probes rather than trusts.
 *
 * Numeric constants only: the et-jsapi-declare typings declare `Et.*` enums in
 * a namespace that does not exist at run time.
 */

/** An ET object seen from JavaScript: members looked up by name, each look-up a round trip to WPS. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EtObject = any;

export const XL = {
  /** Interior.ColorIndex / Pattern: no fill. */
  none: -4142,
  /** Interior.Pattern: solid. */
  solid: 1,
  /** Worksheet.Visible. */
  sheetVisible: -1,
  sheetVeryHidden: 2,
  /** Borders.LineStyle continuous, dashed; Borders.Weight thin, medium, thick. */
  continuous: 1,
  dash: -4115,
  thin: 2,
  medium: -4138,
  thick: 4,
  /** Horizontal/VerticalAlignment. */
  center: -4108,
  left: -4131,
  top: -4160,
  /** Chart type: clustered column. */
  columnClustered: 51,
  /** FormatConditions.Add: a condition given by a formula. */
  expression: 2,
  /** PageSetup.Orientation. */
  portrait: 1,
  landscape: 2,
} as const;

/** "#FFC7CE" → the BGR integer Interior.Color takes. */
export function bgrOf(hex: string): number {
  const rgb = parseInt(hex.replace('#', ''), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** A member that is a property in one build and a method in another: read it either way. */
export function get(obj: EtObject, name: string, ...args: unknown[]): EtObject {
  if (obj === null || obj === undefined) return undefined;
  const member = obj[name];
  return typeof member === 'function' ? member.apply(obj, args) : member;
}

/** Runs `set`; false when this build refused it (a member it lacks, a value it does not take). */
export function tried(set: () => void): boolean {
  try {
    set();
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets each property on its own, so that one a build lacks or refuses does not
 * cost the others; how many were refused (all of them when `obj` is missing:
 * a build without Font, Borders or PageSetup).
 */
export function setEach(obj: EtObject, properties: ReadonlyArray<readonly [string, unknown]>): number {
  if (obj === null || obj === undefined) return properties.length;
  return properties.filter(([name, value]) => !tried(() => (obj[name] = value))).length;
}

/** Item i (1-based) or by name of a collection; `.Item(i)` in every build seen, an indexer as a fallback. */
function item(collection: EtObject, key: number | string): EtObject {
  const member = collection?.Item;
  return typeof member === 'function' ? member.call(collection, key) : collection?.[key];
}

function count(collection: EtObject): number {
  const n = Number(get(collection, 'Count'));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** A range's address without `$`, "A1:C3" (a method in most builds: Address(RowAbsolute, ColumnAbsolute)). */
export function address(range: EtObject): string {
  const member = range?.Address;
  const text = typeof member === 'function' ? member.call(range, false, false) : member;
  return String(text ?? '')
    .replace(/\$/g, '')
    .replace(/^.*!/, '');
}

/**
 * A range read (Value2, Formula) as rows × cols, whatever shape the build gave:
 * an array of rows, one flat row-major array (or a single row or column), a
 * scalar for one cell. Anything else is refused rather than misread.
 */
export function toRows(raw: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(raw)) {
    if (rows * cols === 1) return [[raw]];
    if (raw === null || raw === undefined || raw === '') return Array.from({ length: rows }, () => Array(cols).fill(null));
    throw new Error(`WPS 返回的区域数据形状不对：${rows}×${cols} 的区域只给了一个值`);
  }
  if (raw.length === rows && raw.every((r) => Array.isArray(r))) return raw as unknown[][];
  if (raw.length === 1 && Array.isArray(raw[0]) && rows === 1) return raw as unknown[][];
  const flat = raw.every((r) => !Array.isArray(r)) ? raw : undefined;
  if (flat && flat.length === rows * cols) {
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) out.push(flat.slice(r * cols, (r + 1) * cols));
    return out;
  }
  // A column read as an array of one-element arrays, or rows given as [[...]] per row.
  if (raw.length === rows * cols && cols === 1) return raw.map((v) => (Array.isArray(v) ? v : [v]));
  throw new Error(`WPS 返回的区域数据形状不对：需要 ${rows}×${cols}，得到 ${raw.length} 行`);
}

/**
 * Where a range is (0-based box), from Row, Column, Rows.Count and
 * Columns.Count: the documented members, for a build or object model whose
 * Range has no Address.
 */
export function rangeBox(range: EtObject): { top: number; left: number; bottom: number; right: number } | undefined {
  const top = Number(get(range, 'Row'));
  const left = Number(get(range, 'Column'));
  const rows = Number(get(get(range, 'Rows'), 'Count'));
  const cols = Number(get(get(range, 'Columns'), 'Count'));
  if ([top, left, rows, cols].every((n) => Number.isInteger(n) && n > 0))
    return { top: top - 1, left: left - 1, bottom: top + rows - 2, right: left + cols - 2 };
  return undefined;
}

/** The sheets collection: Worksheets, or Sheets in a build (or fake) without it. */
function sheetsOf(workbook: EtObject): EtObject {
  return get(workbook, 'Worksheets') ?? get(workbook, 'Sheets');
}

/** A new worksheet after `after` (Worksheets.Add, else Sheets.Add). */
export function addWorksheet(workbook: EtObject, after: EtObject): EtObject {
  for (const name of ['Worksheets', 'Sheets']) {
    const sheets = get(workbook, name);
    if (typeof sheets?.Add === 'function') return sheets.Add(undefined, after);
  }
  throw new Error('WPS 表格不能在此工作簿中新建工作表');
}

/** A new worksheet named `name` after the last one; the sheet that was active stays so (Add activates the new one). */
export function addSheetAtEnd(app: EtObject, workbook: EtObject, name: string): EtObject {
  const active = get(app, 'ActiveSheet');
  const all = worksheets(workbook);
  const sheet = addWorksheet(workbook, all[all.length - 1]);
  sheet.Name = name;
  if (active) get(active, 'Activate');
  return sheet;
}

/**
 * Deletes a sheet without asking (Delete asks the user first unless alerts
 * are off); a hidden one is made visible first, as it must be to go. False
 * where the build has no Worksheet.Delete or refused it.
 */
export function deleteWorksheet(app: EtObject, sheet: EtObject, hidden = false): boolean {
  if (typeof sheet?.Delete !== 'function') return false;
  const alerts = get(app, 'DisplayAlerts');
  app.DisplayAlerts = false;
  try {
    if (hidden) sheet.Visible = XL.sheetVisible;
    sheet.Delete();
    return true;
  } catch {
    return false;
  } finally {
    app.DisplayAlerts = alerts !== false;
  }
}

/** The workbook's worksheets, in order, 1-based underneath. */
export function worksheets(workbook: EtObject): EtObject[] {
  const sheets = sheetsOf(workbook);
  const out: EtObject[] = [];
  const n = count(sheets);
  for (let i = 1; i <= n; i++) out.push(item(sheets, i));
  return out;
}

export function sheetName(sheet: EtObject): string {
  return String(get(sheet, 'Name') ?? '');
}

/** A range of a sheet by A1 address. */
export function rangeOf(sheet: EtObject, a1: string): EtObject {
  return get(sheet, 'Range', a1);
}

/** The active workbook of an ET Application, or a refusal a person understands. */
export function activeWorkbook(app: EtObject): EtObject {
  const wb = get(app, 'ActiveWorkbook');
  if (!wb) throw new Error('WPS 表格中没有打开的工作簿：请先打开要检查的工作簿');
  return wb;
}
