/**
 * A location map that stores a table's cells compactly — the table's path,
 * row offset, sheet and the reader's rows and columns — instead of one
 * string-keyed entry per cell. A workbook with 50,000 vault-log rows has about
 * 700,000 cell locations; building a plain object of them cost seconds and
 * ~100 MB, and even a site workbook's 600 cost half a millisecond (a new
 * string key on a plain object is dear), while the rules look up a handful.
 * Each location is computed when asked for; enumerating the map (extract
 * --locations, the spool) lists every entry once, with the same keys in the
 * same order as before.
 *
 * To everyone else it is an ordinary `LocationMap`: indexing, `in`,
 * assignment, `delete`, `Object.entries`, JSON all behave as on a plain object.
 */
import { a1, parseA1 } from './grid';
import type { CellLocation, FormNumber, LocationMap } from './location';

/** One cell as a form reader found it: `path` within a row of table item `item`. */
interface TableCell {
  path: string;
  item?: number;
  row: number;
  col: number;
  seq: number | null;
}

/**
 * A table whose rows all have the same columns, as a form's table is read: row `item` stands at sheet row `rows[item]`,
 * its own location in column `rowCol`, then one per column; two numbers a row instead of an object a cell.
 */
export interface TableGrid {
  rows: number[];
  seqs: number[];
  rowCol: number;
  columns: ReadonlyArray<{ path: string; col: number }>;
  /**
   * From row `from` on (an item), other columns: the rows under a header pasted again with its columns moved
   * (forms/table-header.ts `moved`). Absent for most tables.
   */
  moved?: Array<{ from: number; rowCol: number; columns: ReadonlyArray<{ path: string; col: number }> }>;
}

/** Row `item`'s columns: the grid's own, or a moved header's above it. */
function columnsAt(cells: TableGrid, item: number): Pick<TableGrid, 'rowCol' | 'columns'> {
  let found: Pick<TableGrid, 'rowCol' | 'columns'> = cells;
  for (const m of cells.moved ?? []) if (m.from <= item) found = m;
  return found;
}

/** The cells of one sheet's table: row `item` of the sheet is `${rowsAt}[${item + offset}]`. */
export interface TableLocations {
  rowsAt: string;
  offset: number;
  sheet: string;
  form: FormNumber;
  /** Rows without a printed 序号 (blocks): a row's number is its place in the whole table. */
  numbered: boolean;
  cells: readonly TableCell[] | TableGrid;
}

interface Table extends TableLocations {
  /** A list's cells by row (a grid finds its own). */
  byItem: TableCell[][];
}

function isGrid(cells: TableLocations['cells']): cells is TableGrid {
  return !Array.isArray(cells);
}

/** Every cell of a table, in the reader's order. */
function eachCell(cells: TableLocations['cells'], visit: (cell: TableCell) => void): void {
  if (!isGrid(cells)) {
    for (const cell of cells) if (cell.item !== undefined) visit(cell);
    return;
  }
  for (let item = 0; item < cells.rows.length; item++) {
    const row = cells.rows[item];
    const seq = cells.seqs[item];
    const { rowCol, columns } = cells.moved ? columnsAt(cells, item) : cells;
    visit({ path: '', item, row, col: rowCol, seq });
    for (const { path, col } of columns) visit({ path, item, row, col, seq });
  }
}

/** eachCell's cells one at a time (eachCell stays a loop: it serves every read of a site). */
function* cellsOf(cells: TableLocations['cells']): Generator<TableCell> {
  if (!isGrid(cells)) {
    for (const cell of cells) if (cell.item !== undefined) yield cell;
    return;
  }
  for (let item = 0; item < cells.rows.length; item++) {
    const [row, seq] = [cells.rows[item], cells.seqs[item]];
    const { rowCol, columns } = columnsAt(cells, item);
    yield { path: '', item, row, col: rowCol, seq };
    for (const { path, col } of columns) yield { path, item, row, col, seq };
  }
}

/** Row `item`'s first cell at `path`, as the first location of a path is kept. */
function cellOf(table: Table, item: number, path: string): TableCell | undefined {
  const cells = table.cells;
  if (!isGrid(cells)) return table.byItem[item]?.find((c) => c.path === path);
  if (item < 0 || item >= cells.rows.length) return undefined;
  const { rowCol, columns } = cells.moved ? columnsAt(cells, item) : cells;
  const col = path === '' ? rowCol : columns.find((c) => c.path === path)?.col;
  return col === undefined ? undefined : { path, item, row: cells.rows[item], col, seq: cells.seqs[item] };
}

type Chunk = { key: string } | { table: Table };

/**
 * What `under` and `packUnder` ask of a key and of a table's path. A table's
 * keys all begin `${rowsAt}[`: it is wholly in (its path starts with a
 * prefix), wholly out, or (a prefix running past its path) decided key by key.
 */
function underTests(prefixes: readonly string[]) {
  return {
    starts: (key: string) => prefixes.some((p) => key.startsWith(p)),
    tableMay: (rowsAt: string) => prefixes.some((p) => rowsAt.startsWith(p) || p.startsWith(rowsAt)),
  };
}

class CompactLocations {
  private chunks: Chunk[] = [];
  private fields = new Map<string, CellLocation>();
  /** Table cells given another location by assignment. */
  private overrides = new Map<string, CellLocation>();
  private tables = new Map<string, Table[]>();
  /** Every entry, once the map has been enumerated: lookups in it until the next change. */
  private snapshot: Map<string, CellLocation> | null = null;

  get(key: string): CellLocation | undefined {
    if (this.snapshot) return this.snapshot.get(key);
    return this.overrides.get(key) ?? this.fields.get(key) ?? this.fromTables(key);
  }

  /** A path's location unless it has one already: the first cell found for a path is where it sits. */
  add(key: string, location: CellLocation): void {
    if (this.get(key) !== undefined) return;
    this.snapshot = null;
    this.fields.set(key, location);
    this.chunks.push({ key });
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, location: CellLocation): void {
    this.snapshot = null;
    if (this.fields.has(key)) this.fields.set(key, location);
    else if (this.fromTables(key)) this.overrides.set(key, location);
    else {
      this.fields.set(key, location);
      this.chunks.push({ key });
    }
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    if (!this.fields.has(key)) this.flatten();
    this.snapshot = null;
    this.fields.delete(key);
    this.chunks = this.chunks.filter((c) => !('key' in c) || c.key !== key);
  }

  addTable(locations: TableLocations): void {
    this.snapshot = null;
    const byItem: TableCell[][] = [];
    if (!isGrid(locations.cells)) eachCell(locations.cells, (cell) => (byItem[cell.item as number] ??= []).push(cell));
    const { rowsAt, offset, sheet, form, numbered, cells } = locations;
    const table: Table = { rowsAt, offset, sheet, form, numbered, cells, byItem };
    this.chunks.push({ table });
    this.index(table);
  }

  /** As deleting every `key` and `key.…` entry and adding it back as `key[0]…`, in the same order. */
  renameToFirst(key: string): void {
    this.snapshot = null;
    const moves = (k: string) => k === key || k.startsWith(`${key}.`);
    const renamed = (k: string) => `${key}[0]${k.slice(key.length)}`;
    const kept: Chunk[] = [];
    const moved: Chunk[] = [];
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        if (!moves(chunk.key)) kept.push(chunk);
        else {
          this.fields.set(renamed(chunk.key), this.fields.get(chunk.key) as CellLocation);
          this.fields.delete(chunk.key);
          moved.push({ key: renamed(chunk.key) });
        }
      } else if (moves(chunk.table.rowsAt)) {
        chunk.table.rowsAt = renamed(chunk.table.rowsAt);
        moved.push(chunk);
      } else kept.push(chunk);
    }
    for (const [k, v] of [...this.overrides]) {
      if (!moves(k)) continue;
      this.overrides.delete(k);
      this.overrides.set(renamed(k), v);
    }
    this.chunks = [...kept, ...moved];
    this.tables = new Map();
    for (const chunk of this.chunks) if ('table' in chunk) this.index(chunk.table);
  }

  /** The first key located at `sheet`!(`row`, `col`): only that sheet's tables' cells gone through. */
  pathAt(sheet: string, row: number, col: number): string | undefined {
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        const at = this.fields.get(chunk.key);
        if (at?.sheet === sheet && at.cell === a1(row, col)) return chunk.key;
      } else if (chunk.table.sheet === sheet) {
        for (const c of cellsOf(chunk.table.cells)) if (c.row === row && c.col === col) return keyOf(chunk.table, c);
      }
    }
    return undefined;
  }

  /** Every key, in the order a plain object built cell by cell (the first location of a path kept) would list them. */
  keys(): string[] {
    return [...this.entries().keys()];
  }

  /**
   * The entries of `keys()` in its order, one at a time, none kept: a vault log of 900,000 rows has some nine million,
   * too many to hold as strings at once (`extract --locations` ended in an abort at 6.5 GB).
   */
  *lazyEntries(): Generator<[string, CellLocation]> {
    if (this.snapshot) {
      yield* this.snapshot;
      return;
    }
    // A field is listed once; a table cell is not listed where a field, or an earlier table at the same path, has its key.
    const fieldsSeen = new Set<string>();
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        if (fieldsSeen.has(chunk.key)) continue;
        fieldsSeen.add(chunk.key);
        yield [chunk.key, this.fields.get(chunk.key) as CellLocation];
        continue;
      }
      const t = chunk.table;
      const atPath = this.tables.get(t.rowsAt) ?? [];
      const earlier = atPath.slice(0, atPath.indexOf(t));
      // A second cell of the same row and path in this table: the first is where the path sits
      // (in a grid, the row's own cell first, then its columns; in a list, the first listed).
      let rowItem = -1;
      const rowPaths = new Set<string>();
      for (const cell of cellsOf(t.cells)) {
        if (!isGrid(t.cells)) {
          if (cellOf(t, cell.item as number, cell.path) !== cell) continue;
        } else {
          if (cell.item !== rowItem) {
            rowItem = cell.item as number;
            rowPaths.clear();
          }
          if (rowPaths.has(cell.path)) continue;
          rowPaths.add(cell.path);
        }
        const key = keyOf(t, cell);
        if (this.fields.has(key)) continue;
        const item = (cell.item as number) + t.offset;
        if (earlier.some((e) => cellOf(e, item - e.offset, cell.path) !== undefined)) continue;
        yield [key, this.overrides.get(key) ?? locationOf(t, cell)];
      }
    }
  }

  private entries(): Map<string, CellLocation> {
    if (this.snapshot) return this.snapshot;
    const out = new Map<string, CellLocation>();
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        if (!out.has(chunk.key)) out.set(chunk.key, this.fields.get(chunk.key) as CellLocation);
        continue;
      }
      const t = chunk.table;
      eachCell(t.cells, (cell) => {
        const key = keyOf(t, cell);
        if (!out.has(key)) out.set(key, this.overrides.get(key) ?? locationOf(t, cell));
      });
    }
    this.snapshot = out;
    return out;
  }

  /**
   * The entries whose key starts with one of `prefixes`, in the order of `keys()`: only the tables and fields under them
   * are enumerated (the slim model of a site keeps its handovers' few dozen of its hundreds of locations).
   */
  under(prefixes: readonly string[]): LocationMap {
    const { starts, tableMay } = underTests(prefixes);
    const out: LocationMap = {};
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        if (starts(chunk.key) && !(chunk.key in out)) out[chunk.key] = this.fields.get(chunk.key) as CellLocation;
        continue;
      }
      const t = chunk.table;
      if (!tableMay(t.rowsAt)) continue;
      eachCell(t.cells, (cell) => {
        const key = keyOf(t, cell);
        if (starts(key) && !(key in out)) out[key] = this.overrides.get(key) ?? locationOf(t, cell);
      });
    }
    return out;
  }

  /** `under(prefixes)` as packLocationsUnder gives it. */
  packUnder(prefixes: readonly string[]): PackedLocations {
    const { starts, tableMay } = underTests(prefixes);
    const chunks: PackedLocations['chunks'] = [];
    const whole: string[] = [];
    for (const chunk of this.chunks) {
      if ('key' in chunk) {
        if (starts(chunk.key)) chunks.push([chunk.key, this.fields.get(chunk.key) as CellLocation]);
        continue;
      }
      const t = chunk.table;
      if (!tableMay(t.rowsAt)) continue;
      if (starts(t.rowsAt)) {
        // Every key of the table begins with its path: the table goes as it is kept.
        const { rowsAt, offset, sheet, form, numbered, cells } = t;
        chunks.push({ rowsAt, offset, sheet, form, numbered, cells });
        whole.push(`${rowsAt}[`);
        continue;
      }
      // A prefix running past the table's path: its cells one by one, as under() decides them.
      eachCell(t.cells, (cell) => {
        const key = keyOf(t, cell);
        if (starts(key)) chunks.push([key, this.overrides.get(key) ?? locationOf(t, cell)]);
      });
    }
    const overrides = [...this.overrides].filter(([k]) => whole.some((rows) => k.startsWith(rows)));
    return { chunks, overrides };
  }

  /** Every table cell becomes a field: for the rare edit the compact form cannot express. */
  private flatten(): void {
    const all = this.entries();
    this.chunks = [...all.keys()].map((key) => ({ key }));
    this.fields = new Map(all);
    this.overrides = new Map();
    this.tables = new Map();
  }

  private index(table: Table): void {
    const list = this.tables.get(table.rowsAt) ?? [];
    list.push(table);
    this.tables.set(table.rowsAt, list);
  }

  /** `vaultLog[14].taker` → the first table at `vaultLog` holding row 14's `taker`. */
  private fromTables(key: string): CellLocation | undefined {
    if (this.tables.size === 0) return undefined;
    for (let open = key.lastIndexOf('['); open > 0; open = key.lastIndexOf('[', open - 1)) {
      const tables = this.tables.get(key.slice(0, open));
      if (!tables) continue;
      const close = key.indexOf(']', open);
      if (close < 0) continue;
      const digits = key.slice(open + 1, close);
      const n = Number(digits);
      if (!/^\d+$/.test(digits) || String(n) !== digits) continue;
      const rest = close === key.length - 1 ? '' : key[close + 1] === '.' ? key.slice(close + 2) : null;
      if (rest === null) continue;
      for (const t of tables) {
        const cell = cellOf(t, n - t.offset, rest);
        if (cell) return locationOf(t, cell);
      }
    }
    return undefined;
  }
}

function keyOf(t: TableLocations, cell: TableCell): string {
  const row = `${t.rowsAt}[${(cell.item as number) + t.offset}]`;
  return cell.path ? `${row}.${cell.path}` : row;
}

function locationOf(t: TableLocations, cell: TableCell): CellLocation {
  const row = t.numbered ? (cell.item as number) + t.offset + 1 : cell.seq;
  return { sheet: t.sheet, cell: a1(cell.row, cell.col), form: t.form, row };
}

const stores = new WeakMap<LocationMap, CompactLocations>();

/**
 * A location map's entries under some paths in a form that is cheap to make and to write as JSON (`summary` spools one
 * per workbook): its fields with their locations and its tables as they are kept, two numbers a row, rather than an
 * object per cell whose path and address must first be spelt out. `unpackLocations` makes the map back.
 */
export interface PackedLocations {
  /** In the map's order: a field as [path, location], or a table. */
  chunks: Array<[string, CellLocation] | TableLocations>;
  /** Locations given to table cells by assignment. */
  overrides: Array<[string, CellLocation]>;
}

/** `locationsUnder(map, prefixes)`, packed. */
export function packLocationsUnder(map: LocationMap, prefixes: readonly string[]): PackedLocations {
  const store = stores.get(map);
  if (store) return store.packUnder(prefixes);
  return { chunks: Object.entries(locationsUnder(map, prefixes)), overrides: [] };
}

/** The map packLocationsUnder packed: the same entries, in the same order, as `locationsUnder` gives. */
export function unpackLocations(packed: PackedLocations): LocationMap {
  const map = compactLocationMap();
  for (const chunk of packed.chunks) {
    if (Array.isArray(chunk)) addLocation(map, chunk[0], chunk[1]);
    else addTableLocations(map, chunk);
  }
  for (const [key, location] of packed.overrides) map[key] = location;
  return map;
}

/** An empty location map that keeps tables compactly (addTableLocations). */
export function compactLocationMap(): LocationMap {
  const store = new CompactLocations();
  const own = (p: string | symbol): p is string => typeof p === 'string';
  const map = new Proxy({} as LocationMap, {
    get: (target, p, receiver) => (own(p) ? (store.get(p) ?? Reflect.get(target, p, receiver)) : Reflect.get(target, p, receiver)),
    has: (target, p) => (own(p) && store.has(p)) || Reflect.has(target, p),
    set: (_, p, value: CellLocation) => {
      if (own(p)) store.set(p, value);
      return own(p);
    },
    deleteProperty: (_, p) => {
      if (own(p)) store.delete(p);
      return true;
    },
    defineProperty: (_, p, descriptor) => {
      if (own(p)) store.set(p, descriptor.value as CellLocation);
      return own(p);
    },
    ownKeys: () => store.keys(),
    getOwnPropertyDescriptor: (_, p) => {
      const value = own(p) ? store.get(p) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  stores.set(map, store);
  return map;
}

/** A location map's entries in the order of its keys, one at a time (a compact map never holds them all). */
export function* locationEntries(map: LocationMap): Generator<[string, CellLocation]> {
  const store = stores.get(map);
  if (store) yield* store.lazyEntries();
  else for (const key of Object.keys(map)) yield [key, map[key]];
}

/** Maps standing on another (moved-locations.ts): what is located at a cell there is what the map below says. */
const below = new WeakMap<LocationMap, LocationMap>();
export const standsOn = (map: LocationMap, base: LocationMap): void => void below.set(map, base);

/** The path located at `sheet`!`cell` (the first so listed), if any: a compact map goes through that sheet's tables alone. */
export function pathAt(map: LocationMap, sheet: string, cell: string): string | undefined {
  const base = below.get(map);
  if (base) return pathAt(base, sheet, cell);
  const at = parseA1(cell);
  const store = stores.get(map);
  if (store) return at && store.pathAt(sheet, at.row, at.col);
  return Object.keys(map).find((key) => map[key].sheet === sheet && map[key].cell === cell);
}

/** Adds a path's location unless the path already has one (the first cell found for a path is where it sits). */
export function addLocation(map: LocationMap, path: string, location: CellLocation): void {
  const store = stores.get(map);
  if (store) store.add(path, location);
  else if (!(path in map)) map[path] = location;
}

/** Adds a table's cells; compactly where the map allows it, else one entry per cell. */
export function addTableLocations(map: LocationMap, table: TableLocations): void {
  const store = stores.get(map);
  if (store) return store.addTable(table);
  eachCell(table.cells, (cell) => addLocation(map, keyOf(table, cell), locationOf(table, cell)));
}

/** The entries of `map` whose path starts with one of `prefixes`, as a plain object, in the map's order. */
export function locationsUnder(map: LocationMap, prefixes: readonly string[]): LocationMap {
  const store = stores.get(map);
  if (store) return store.under(prefixes);
  const out: LocationMap = {};
  for (const path of Object.keys(map)) if (prefixes.some((p) => path.startsWith(p))) out[path] = map[path];
  return out;
}

/** Renames every `key` and `key.…` path to `key[0]…` (a one-per-workbook form that turned out to be a list). */
export function renameToFirst(map: LocationMap, key: string): void {
  const store = stores.get(map);
  if (store) return store.renameToFirst(key);
  for (const path of Object.keys(map)) {
    if (path !== key && !path.startsWith(`${key}.`)) continue;
    map[`${key}[0]${path.slice(key.length)}`] = map[path];
    delete map[path];
  }
}
