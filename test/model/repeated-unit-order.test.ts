/**
 * repeatedUnits puts in order only each unit's own workbooks (and the repeats found), not every workbook: the same
 * repeats, the same first workbook of each unit and the same order of the list as a sort of them all gave
 * (`allSorted`, the way it was worked out before), over workbooks named every way the order reads (corrected, before
 * correction, versions, copies, folders), units shared or not, and in every order given.
 */
import { byBaseName } from '../../src/model/file-order';
import { type CountedWhy, type RepeatedUnit, repeatedUnits } from '../../src/model/repeated-unit';

interface Book {
  file: string;
  unit?: string;
}

/** The order of repeated-unit.ts, the file's rank and version as it works them out (what its tests hold). */
const RANK = (file: string) => {
  const name = file
    .split('/')
    .pop()!
    .replace(/\.[^.]*$/, '');
  return /修改前|原稿/.test(name) ? 2 : /修改后|最终版|v\d/.test(name) ? 0 : 1;
};
const VERSION = (file: string) => Number(/v(\d)/.exec(file)?.[1] ?? 0);

/** The repeats as worked out before: every workbook sorted, then each after the first of its unit. */
function allSorted(books: readonly Book[]): Array<RepeatedUnit<Book>> {
  const order = (a: Book, b: Book) => RANK(a.file) - RANK(b.file) || VERSION(b.file) - VERSION(a.file) || byBaseName(a.file, b.file);
  const first = new Map<string, Book>();
  const out: Array<RepeatedUnit<Book>> = [];
  for (const w of [...books].sort(order)) {
    if (w.unit === undefined) continue;
    const earlier = first.get(w.unit);
    if (!earlier) first.set(w.unit, w);
    else {
      const why: CountedWhy =
        RANK(earlier.file) !== RANK(w.file) ? (RANK(earlier.file) === 0 ? 'revised' : 'older') : VERSION(earlier.file) > VERSION(w.file) ? 'newer' : 'name';
      out.push({ repeat: w, first: earlier, why });
    }
  }
  return out;
}

/** A little random generator of its own (mulberry32): the same books on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['岳麓考点', '浏阳考点', '长沙分校', '宁乡考点', '天心考点'];
const TAILS = ['', '(1)', ' - 副本', '（修改后）', '（修改前）', '原稿', '最终版', 'v2', 'v3', '（修改后）v2'];
const FOLDERS = ['', 'a/', 'b/', '2024春/'];

function books(seed: number, count: number): Book[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const seen = new Set<string>();
  const out: Book[] = [];
  while (out.length < count) {
    const file = `${pick(FOLDERS)}${pick(NAMES)}${pick(TAILS)}.xlsx`;
    if (seen.has(file)) continue;
    seen.add(file);
    // Most of a unit's own; some a unit that cannot be told.
    out.push(r() < 0.15 ? { file } : { file, unit: `考点|${pick(NAMES.slice(0, 3 + Math.floor(r() * 3)))}` });
  }
  return out;
}

describe('repeatedUnits, only each unit’s workbooks sorted', () => {
  it('the rank and version of these names are those repeated-unit.ts reads', () => {
    const found = repeatedUnits(
      [{ file: 'x/岳麓考点原稿.xlsx' }, { file: 'y/岳麓考点v3.xlsx' }, { file: '岳麓考点v2.xlsx' }, { file: '岳麓考点.xlsx' }].map((b) => ({
        ...b,
        unit: 'u',
      })),
      (b) => b.file,
      (b) => b.unit,
    );
    expect(found.map((x) => [x.repeat.file, x.first.file, x.why])).toEqual([
      ['岳麓考点v2.xlsx', 'y/岳麓考点v3.xlsx', 'newer'],
      ['岳麓考点.xlsx', 'y/岳麓考点v3.xlsx', 'revised'],
      ['x/岳麓考点原稿.xlsx', 'y/岳麓考点v3.xlsx', 'revised'],
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('give the repeats, their firsts and their order a sort of all of them gave (books %i)', (seed) => {
    const given = books(seed, 30);
    for (const order of [given, [...given].reverse(), [...given].sort((a, b) => (a.file < b.file ? 1 : -1))]) {
      const expected = allSorted(order);
      expect(expected.length).toBeGreaterThan(0);
      expect(
        repeatedUnits(
          order,
          (b) => b.file,
          (b) => b.unit,
        ),
      ).toEqual(expected);
    }
  });
});
