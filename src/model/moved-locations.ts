/**
 * A location map standing on another, that gives some rows' locations again under other paths: a row read apart
 * (paper-rows.ts) has its 2nd, 3rd … paper's record at the end of its table (`vaultLog[9]`), located at the row's own
 * cells (`vaultLog[2]`'s). Review 22c D1: the map was copied into a plain object (700,000 keys for a 50,000-row log,
 * the cost the compact store avoids) and every key gone through for each row read apart (quadratic). Here nothing is
 * copied or gone through: a path under a moved row is looked up under the row it came from, at the few places its
 * path can name a row. Writes stay in this map; the map below is not changed.
 */
import type { CellLocation, LocationMap } from './location';
import { standsOn } from './location-map';

/** A row's path and the path its record was moved to. */
export interface RowMove {
  from: string;
  to: string;
}

/** The rows a path is under (`distributions[0]`, `distributions[0].rows[9]` of `distributions[0].rows[9].copies`), shortest first. */
function* rowsOf(key: string): Generator<string> {
  for (let close = key.indexOf(']'); close >= 0; close = key.indexOf(']', close + 1)) {
    if (close === key.length - 1 || key[close + 1] === '.') yield key.slice(0, close + 1);
  }
}

/** `base` with each move's row located again at its new path (as `base[to…] = base[from…]` for each of its paths). */
export function withMovedRows(base: LocationMap, moves: readonly RowMove[]): LocationMap {
  const from = new Map(moves.map((m) => [m.to, m.from]));
  const written = new Map<string, CellLocation | undefined>();
  const own = (p: string | symbol): p is string => typeof p === 'string';
  const get = (key: string): CellLocation | undefined => {
    if (written.has(key)) return written.get(key);
    let moved: string | undefined;
    for (const row of rowsOf(key)) {
      const origin = from.get(row);
      if (origin !== undefined) moved = origin + key.slice(row.length);
    }
    return (moved !== undefined ? base[moved] : undefined) ?? base[key];
  };
  // Listing the keys (no check does) goes through the map below once: its keys, then each moved row's again.
  const keys = (): string[] => {
    const listed = Object.keys(base);
    const under = new Map<string, string[]>();
    const rows = new Set(from.values());
    for (const key of listed) {
      for (const row of rowsOf(key)) if (rows.has(row)) (under.get(row) ?? under.set(row, []).get(row)!).push(key);
    }
    const out = new Set(listed);
    for (const { from: row, to } of moves) for (const key of under.get(row) ?? []) out.add(to + key.slice(row.length));
    for (const key of written.keys()) out.add(key);
    return [...out].filter((key) => get(key) !== undefined);
  };
  const map = new Proxy({} as LocationMap, {
    get: (target, p, receiver) => (own(p) ? (get(p) ?? Reflect.get(target, p, receiver)) : Reflect.get(target, p, receiver)),
    has: (target, p) => (own(p) && get(p) !== undefined) || Reflect.has(target, p),
    set: (_, p, value: CellLocation) => (own(p) && written.set(p, value), own(p)),
    deleteProperty: (_, p) => (own(p) && written.set(p, undefined), true),
    defineProperty: (_, p, descriptor) => (own(p) && written.set(p, descriptor.value as CellLocation), own(p)),
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_, p) => {
      const value = own(p) ? get(p) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  standsOn(map, base);
  return map;
}
