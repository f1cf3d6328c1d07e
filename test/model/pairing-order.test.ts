/**
 * A route's copies are paired from the list of all their candidate pairs when
 * the group is small, by offers when it is large (model/pairing.ts): the two
 * must pair alike — the same pairs, in the same order — whatever the times
 * (the same minute, a day apart, unreadable), contents, holders and copies
 * already used; and a group of thousands on one route and minute is paired
 * without a list of its square.
 */
import fc from 'fast-check';
import type { CopyKey } from '../../src/model/pairing';
import { pairByList, pairByOffers, pairCopies } from '../../src/model/pairing';

type Copy = CopyKey & { id: number };

const DAY0 = Date.UTC(2024, 5, 15);
const iso = (minutes: number) => new Date(DAY0 + minutes * 60_000).toISOString().slice(0, 16);

/** Times a few minutes, a day, or more than a day apart; some unreadable. */
const time = fc.oneof(fc.constantFrom(0, 1, 2, 5, 60, 1439, 1440, 1441, 2000, 2880, 3000, -1, -1440, -1441).map(iso), fc.constantFrom('abc', '', null));

const copy = fc.record({
  holder: fc.constantFrom('f1', 'f2', 'f3', 'f4'),
  holderUnit: fc.constantFrom('长沙分校', '湖南开放大学长沙分校', '岳麓考点', '天心考点', ''),
  direction: fc.constantFrom<'in' | 'out'>('in', 'out'),
  time,
  content: fc.constantFrom('a', 'b'),
  usedBefore: fc.boolean(),
});

const group = fc
  .array(copy, { minLength: 2, maxLength: 40 })
  .map((list) => list.map(({ usedBefore, ...c }, id) => ({ copy: { ...c, from: '长沙分校', to: '岳麓考点', id } as Copy, usedBefore })));

function paired(by: typeof pairByList, list: ReadonlyArray<{ copy: Copy; usedBefore: boolean }>, sameMinute: boolean): number[][] {
  const copies = list.map((x) => x.copy);
  const used = new Set(list.filter((x) => x.usedBefore).map((x) => x.copy));
  const pairs: Array<{ sender: Copy; receiver: Copy }> = [];
  by(copies, used, pairs, sameMinute);
  return pairs.map((p) => [p.sender.id, p.receiver.id]);
}

describe('pairing a route by list and by offers', () => {
  it('pair alike, in the same order, nearest in time, identical content first (random groups)', () => {
    fc.assert(
      fc.property(group, fc.boolean(), (list, sameMinute) => {
        expect(paired(pairByOffers, list, sameMinute)).toEqual(paired(pairByList, list, sameMinute));
      }),
      { numRuns: 3000 },
    );
  });

  it('both: a minute nearer before identical content; an unreadable time counts a day off, ties to the earlier receiver', () => {
    const at = (id: number, direction: 'in' | 'out', minutes: number | null, content: string, holder = `f${id}`): Copy => ({
      id,
      holder,
      holderUnit: holder,
      direction,
      from: '长沙分校',
      to: '岳麓考点',
      time: minutes === null ? '' : iso(minutes),
      content,
    });
    const list = [
      at(0, 'out', 0, 'a'),
      at(1, 'in', 1, 'b'),
      at(2, 'in', 2, 'a'),
      at(3, 'in', null, 'a'),
      at(4, 'out', 1440, 'a'),
      at(5, 'in', 3000, 'a'),
      at(6, 'out', null, 'a'),
    ];
    for (const by of [pairByList, pairByOffers]) {
      const pairs: Array<{ sender: Copy; receiver: Copy }> = [];
      by(list, new Set(), pairs, false);
      // Scores, twice the minutes plus one for other content: 0–1 3 before 0–2 4; 4–2 2,876 (1,438 minutes);
      // 6 (unreadable) is a day from each (2,880): 3 and 5 tie, the earlier taken.
      expect(pairs.map((p) => [p.sender.id, p.receiver.id])).toEqual([
        [0, 1],
        [4, 2],
        [6, 3],
      ]);
    }
  });

  it('3,000 senders and 3,000 receivers of one route and minute: each sender the first receiver left, in order', () => {
    const copies: Copy[] = [];
    for (let i = 0; i < 6000; i++)
      copies.push({
        id: i,
        holder: `f${i}`,
        holderUnit: `单位${i}`,
        direction: i % 2 ? 'out' : 'in',
        from: '长沙分校',
        to: '岳麓考点',
        time: iso(0),
        content: 'a',
      });
    const { pairs, unpaired } = pairCopies(copies);
    expect(unpaired).toEqual([]);
    expect(pairs.map((p) => [p.sender.id, p.receiver.id])).toEqual(Array.from({ length: 3000 }, (_, k) => [2 * k + 1, 2 * k]));
  });
});
