import type { CellLocation, LocationMap } from '../../src/model/location';
import {
  TableGrid,
  TableLocations,
  addLocation,
  addTableLocations,
  compactLocationMap,
  locationEntries,
  locationsUnder,
  packLocationsUnder,
  renameToFirst,
  unpackLocations,
} from '../../src/model/location-map';

const field = (cell: string): CellLocation => ({ sheet: '入库清单', cell, form: 2, row: null });
const items: TableLocations = {
  rowsAt: 'intake.items',
  offset: 0,
  sheet: '入库清单',
  form: 2,
  numbered: false,
  cells: [
    { path: '', item: 0, row: 4, col: 0, seq: 1 },
    { path: 'paperNo', item: 0, row: 4, col: 1, seq: 1 },
    { path: 'paperNo', item: 0, row: 4, col: 5, seq: 1 }, // a second cell for the same path: the first one stays
    { path: '', item: 1, row: 5, col: 0, seq: 2 },
    { path: 'paperNo', item: 1, row: 5, col: 1, seq: 2 },
  ],
};
const shifts: TableLocations = {
  rowsAt: 'duty.shifts',
  offset: 2,
  sheet: '值班记录',
  form: 5,
  numbered: true,
  cells: [{ path: 'to', item: 0, row: 3, col: 4, seq: null }],
};

/** The same edits on a plain object and on the compact map. */
function build(map: LocationMap): LocationMap {
  addLocation(map, 'intake', field('A1'));
  addTableLocations(map, items);
  addLocation(map, 'intake.time', field('C9'));
  addLocation(map, 'intake.time', field('D9')); // already there: kept as it was
  addLocation(map, 'intake.items[1]', field('Z1')); // already there from the table: kept
  addTableLocations(map, shifts);
  renameToFirst(map, 'intake');
  map['intake[0].items[1].paperNo'] = field('B99');
  map['handovers[0].semester'] = field('A1');
  return map;
}

describe('compact location map', () => {
  const plain = build({});
  const compact = build(compactLocationMap());

  it('lists the same entries in the same order as a plain object built cell by cell', () => {
    expect(Object.entries(compact)).toEqual(Object.entries(plain));
    expect(JSON.stringify(compact)).toBe(JSON.stringify(plain));
    expect(Object.keys(plain)).toEqual([
      'duty.shifts[2].to',
      'intake[0]',
      'intake[0].items[0]',
      'intake[0].items[0].paperNo',
      'intake[0].items[1]',
      'intake[0].items[1].paperNo',
      'intake[0].time',
      'handovers[0].semester',
    ]);
  });

  it('finds each location by its path, and nothing else', () => {
    expect(compact['intake[0].items[0].paperNo']).toEqual({ sheet: '入库清单', cell: 'B5', form: 2, row: 1 });
    expect(compact['intake[0].items[1].paperNo']).toEqual(field('B99'));
    expect(compact['duty.shifts[2].to']).toEqual({ sheet: '值班记录', cell: 'E4', form: 5, row: 3 });
    expect(compact['intake[0].time']).toEqual(field('C9'));
    for (const missing of ['intake.items[0]', 'intake[0].items[2]', 'intake[0].items[01]', 'duty.shifts[0].to', 'intake[0].items[0].note', 'toString']) {
      expect(Object.prototype.hasOwnProperty.call(compact, missing)).toBe(false);
    }
    expect('intake[0].items[1]' in compact).toBe(true);
    expect('intake.items[1]' in compact).toBe(false);
  });

  it('gives the entries under some paths as a plain object would, in the same order', () => {
    for (const prefixes of [['intake[0].items'], ['handovers', 'duty'], ['intake[0].items[1]'], ['intake[0].i', 'nothing'], ['duty.shifts[2]'], []]) {
      const expected = Object.fromEntries(Object.entries(plain).filter(([k]) => prefixes.some((p) => k.startsWith(p))));
      expect(Object.entries(locationsUnder(compact, prefixes))).toEqual(Object.entries(expected));
      expect(Object.entries(locationsUnder(plain, prefixes))).toEqual(Object.entries(expected));
    }
    expect(Object.keys(locationsUnder(compact, ['intake[0].items[1]']))).toEqual(['intake[0].items[1]', 'intake[0].items[1].paperNo']);
  });

  it('packs the entries under some paths and unpacks them, through JSON, into the map locationsUnder gives', () => {
    const prefixesTried = [['intake[0].items'], ['handovers', 'duty'], ['intake[0].items[1]'], ['intake[0].i', 'nothing'], ['duty.shifts[2]'], ['intake'], []];
    for (const prefixes of prefixesTried) {
      const expected = locationsUnder(plain, prefixes);
      for (const map of [compact, plain]) {
        const packed = JSON.parse(JSON.stringify(packLocationsUnder(map, prefixes))) as ReturnType<typeof packLocationsUnder>;
        const back = unpackLocations(packed);
        expect(Object.entries(back)).toEqual(Object.entries(expected));
        for (const key of [...Object.keys(plain), 'intake.items[0]', 'nothing']) expect(back[key]).toEqual(expected[key]);
      }
    }
    // Whole tables stay tables (two numbers a row), and a location given by assignment goes with its table.
    const packed = packLocationsUnder(compact, ['intake']);
    expect(packed.chunks.filter((c) => !Array.isArray(c))).toHaveLength(1);
    expect(packed.overrides).toEqual([['intake[0].items[1].paperNo', field('B99')]]);
  });

  it('deletes a table cell as a plain object would', () => {
    const a = build({});
    const b = build(compactLocationMap());
    delete a['intake[0].items[0].paperNo'];
    delete b['intake[0].items[0].paperNo'];
    expect(Object.entries(b)).toEqual(Object.entries(a));
    expect(b['intake[0].items[0].paperNo']).toBeUndefined();
  });

  it('keeps a table read as rows × columns as it keeps the same cells listed one by one', () => {
    const rowsAt = { rowsAt: 'vaultLog', offset: 3, sheet: '出入库记录', form: 3 as const, numbered: false };
    const grid: TableGrid = {
      rows: [4, 6],
      seqs: [1, 7],
      rowCol: 0,
      columns: [
        { path: 'paperNo', col: 1 },
        { path: 'taker', col: 3 },
      ],
    };
    const listed: TableLocations['cells'] = [
      { path: '', item: 0, row: 4, col: 0, seq: 1 },
      { path: 'paperNo', item: 0, row: 4, col: 1, seq: 1 },
      { path: 'taker', item: 0, row: 4, col: 3, seq: 1 },
      { path: '', item: 1, row: 6, col: 0, seq: 7 },
      { path: 'paperNo', item: 1, row: 6, col: 1, seq: 7 },
      { path: 'taker', item: 1, row: 6, col: 3, seq: 7 },
    ];
    const byGrid = compactLocationMap();
    addTableLocations(byGrid, { ...rowsAt, cells: grid });
    const byList: LocationMap = {};
    addTableLocations(byList, { ...rowsAt, cells: listed });
    const plainGrid: LocationMap = {};
    addTableLocations(plainGrid, { ...rowsAt, cells: grid });

    expect(byGrid['vaultLog[4].taker']).toEqual({ sheet: '出入库记录', cell: 'D7', form: 3, row: 7 });
    expect(byGrid['vaultLog[3]']).toEqual({ sheet: '出入库记录', cell: 'A5', form: 3, row: 1 });
    for (const missing of ['vaultLog[2]', 'vaultLog[5]', 'vaultLog[3].note', 'vaultLog[-1]']) expect(missing in byGrid).toBe(false);
    expect(Object.entries(byGrid)).toEqual(Object.entries(byList));
    expect(Object.entries(plainGrid)).toEqual(Object.entries(byList));
    expect(Object.keys(byList)).toEqual(['vaultLog[3]', 'vaultLog[3].paperNo', 'vaultLog[3].taker', 'vaultLog[4]', 'vaultLog[4].paperNo', 'vaultLog[4].taker']);
  });

  it('lists its entries one at a time (locationEntries) as Object.entries lists them, also where cells repeat a path', () => {
    const grid = (offset: number, rows: number[], columns: TableGrid['columns']): TableLocations => ({
      rowsAt: 'vaultLog',
      offset,
      sheet: '出入库记录',
      form: 3,
      numbered: false,
      cells: { rows, seqs: rows.map((r) => r - 3), rowCol: 0, columns },
    });
    /** Edits whose entries a plain object lists with some keys given twice: a field before a table, tables that overlap, a column twice. */
    const crowded = (map: LocationMap): LocationMap => {
      addLocation(map, 'vaultLog[4].taker', field('Q1'));
      addTableLocations(
        map,
        grid(
          3,
          [4, 6, 8],
          [
            { path: 'paperNo', col: 1 },
            { path: 'taker', col: 3 },
            { path: 'paperNo', col: 5 },
          ],
        ),
      );
      addTableLocations(map, grid(4, [10, 12, 14], [{ path: 'taker', col: 2 }]));
      // The same column twice, and a column at the row's own cell: each row listed once, each path once.
      addTableLocations(map, {
        ...grid(
          0,
          [20],
          [
            { path: 'x', col: 3 },
            { path: 'x', col: 3 },
            { path: '', col: 0 },
          ],
        ),
        rowsAt: 'other',
      });
      addTableLocations(map, items);
      addLocation(map, 'site.school', field('B2'));
      map['vaultLog[5].paperNo'] = field('B98');
      return map;
    };
    const edited = (map: LocationMap) => {
      delete build(map)['intake[0].items[0].paperNo'];
      return map;
    };
    for (const make of [build, crowded, edited]) {
      const expected = Object.entries(make({}));
      // Never enumerated before: listed from its tables, not from a snapshot.
      expect([...locationEntries(make(compactLocationMap()))]).toEqual(expected);
      const enumerated = make(compactLocationMap());
      expect(Object.keys(enumerated)).toHaveLength(expected.length);
      expect([...locationEntries(enumerated)]).toEqual(expected);
      expect([...locationEntries(make({}))]).toEqual(expected);
    }
    expect(Object.keys(crowded({}))).toEqual([
      'vaultLog[4].taker',
      'vaultLog[3]',
      'vaultLog[3].paperNo',
      'vaultLog[3].taker',
      'vaultLog[4]',
      'vaultLog[4].paperNo',
      'vaultLog[5]',
      'vaultLog[5].paperNo',
      'vaultLog[5].taker',
      'vaultLog[6]',
      'vaultLog[6].taker',
      'other[0]',
      'other[0].x',
      'intake.items[0]',
      'intake.items[0].paperNo',
      'intake.items[1]',
      'intake.items[1].paperNo',
      'site.school',
    ]);
  });
});
