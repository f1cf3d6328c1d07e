/**
 * Review 22c D1: a row read apart (“1001（2袋）、2045（1袋）”, 数量 3) made papersApart copy the whole location map into
 * a plain object and go through every key for each such row: 2,000 rows took 28 s, one such row in a 50,000-row log
 * ×3.3 memory. The records added are now located through a map standing on the workbook's (moved-locations.ts): the
 * workbook's map is never listed, and every path gives what the copy gave (the copy is the slow reference here).
 */
import { papersApart } from '../../src/model/paper-rows';
import { pathAt } from '../../src/model/location-map';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { LocationMap } from '../../src/model/location';
import type { SiteModel } from '../../src/model/site-model';
import { filledWorkbook, fixture, gridOf } from '../helpers';

jest.setTimeout(60_000);

let base: WorkbookGrid;
beforeAll(async () => {
  base = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** 岳麓考点's vault log as `n` rows like its first, every `every`th one (from the first) writing “1001（2袋）、2045（1袋）”, 数量 3. */
function logApart(n: number, every = 1): SiteModel {
  const sheets = base.sheets.map((s) => {
    if (s.name !== '出入库记录') return s;
    const first = s.rows[3]!;
    const rows: CellValue[][] = s.rows.slice(0, 3).map((r) => [...(r ?? [])]);
    for (let i = 0; i < n; i++)
      rows.push(i % every === 0 ? [i + 1, '1001（2袋）、2045（1袋）', '高等数学基础、管理学基础', 3, ...first.slice(4)] : [i + 1, ...first.slice(1)]);
    return { ...s, rows: [...rows, ...s.rows.slice(13).map((r) => [...(r ?? [])])], merges: [] };
  });
  return readWorkbook({ ...base, sheets });
}

/** The model with its locations counted: how many were looked up, and how often the map was listed. */
function counted(model: SiteModel): { model: SiteModel; asked: () => number; listed: () => number } {
  let [asked, listed] = [0, 0];
  const locations = new Proxy(model.locations, {
    get: (target, key, receiver) => (typeof key === 'string' && asked++, Reflect.get(target, key, receiver)),
    ownKeys: (target) => (listed++, Reflect.ownKeys(target)),
  });
  return { model: { ...model, locations }, asked: () => asked, listed: () => listed };
}

/** The copy papersApart made before (at 5d70c79): every key, then each moved row's keys again under its new path. */
function slowReference(locations: LocationMap, moves: Array<{ from: string; to: string }>): LocationMap {
  const copy = { ...locations };
  const keys = Object.keys(locations);
  for (const { from, to } of moves) {
    for (const key of keys) if (key === from || key.startsWith(`${from}.`)) copy[to + key.slice(from.length)] = copy[key];
  }
  return copy;
}

test('every row of a log read apart: papersApart neither lists nor looks up the workbook’s locations; the checks never list them', () => {
  const { model, asked, listed } = counted(logApart(200));
  const apart = papersApart(model);
  expect([apart.added.size, asked(), listed()]).toEqual([200, 0, 0]);
  // The rules over it: locations looked up where they say something, never listed (before: listed and copied).
  validateSite(model);
  expect(listed()).toBe(0);
});

test.each([
  ['every row', 1],
  ['every third row', 3],
])('%s read apart (30 rows): every path located as the copy located it, in its order; a cell’s path the same', (_name, every) => {
  const model = logApart(30, every);
  const apart = papersApart(model);
  const rows = Array.from({ length: 30 }, (_v, i) => i).filter((i) => i % every === 0);
  const moves = rows.map((i, k) => ({ from: `vaultLog[${i}]`, to: `vaultLog[${30 + k}]` }));
  expect([...apart.added]).toEqual(moves.map((m) => m.to));
  const reference = slowReference(model.locations, moves);
  const located = apart.model.locations;
  expect(Object.keys(located)).toEqual(Object.keys(reference));
  for (const key of Object.keys(reference)) expect([key, located[key]]).toEqual([key, reference[key]]);
  expect(['vaultLog[30].takenAt', 'vaultLog[30]', 'vaultLog[40].paperNo', 'vaultLog[2].quantity'].map((k) => k in located)).toEqual(
    ['vaultLog[30].takenAt', 'vaultLog[30]', 'vaultLog[40].paperNo', 'vaultLog[2].quantity'].map((k) => k in reference),
  );
  for (const cell of ['B4', 'F4', 'D10', 'K33']) expect(pathAt(located, '出入库记录', cell)).toBe(pathAt(reference, '出入库记录', cell));
  // The workbook's own map is untouched.
  expect('vaultLog[30]' in model.locations).toBe(false);
});

test('a location written to the map read apart stays there; the workbook’s map is not changed', () => {
  const model = logApart(3);
  const located = papersApart(model).model.locations;
  const at = { sheet: '出入库记录', cell: 'Z1', form: 3 as const, row: null };
  located['vaultLog[3].note'] = at;
  delete located['vaultLog[0].taker'];
  expect([located['vaultLog[3].note'], located['vaultLog[0].taker'], 'vaultLog[0].taker' in located]).toEqual([at, undefined, false]);
  expect([model.locations['vaultLog[3].note'], model.locations['vaultLog[0].taker']?.cell]).toEqual([undefined, 'E4']);
});
