/**
 * Counts in more than one unit (附件1 数量（袋/箱）): a total per unit, the
 * larger first, how a written 合计 reads and whether it states the rows.
 */
import { countsByUnit, totalAgrees, totalAsRead, totalKey, totalReadings, unitTotalText } from '../../src/model/unit-total';

const rows = (...r: Array<[unknown, string?]>) => r.map(([quantity, unit]) => ({ quantity, unit }));

describe('the total of rows in units', () => {
  test('added up by unit, blank counts left out; a count that is not a whole number has none', () => {
    expect(countsByUnit(rows([2, '箱'], [3, '袋'], [4, '袋'], [null, '袋'], [12]))).toEqual(
      new Map([
        ['箱', 2],
        ['袋', 7],
        ['', 12],
      ]),
    );
    expect(countsByUnit(rows([2, '箱'], ['三', '袋']))).toBeUndefined();
    expect(countsByUnit(rows([1.5, '袋']))).toBeUndefined();
  });

  test('written the larger unit first, joined by 、, the count of no known unit last and bare; nothing for no rows', () => {
    expect(unitTotalText(countsByUnit(rows([3, '袋'], [2, '箱']))!)).toBe('2箱、3袋');
    expect(unitTotalText(countsByUnit(rows([3, '袋'], [2, '箱'], [12]))!)).toBe('2箱、3袋、12');
    expect(unitTotalText(countsByUnit(rows([3, '袋'], [3, '袋']))!)).toBe('6袋');
    expect(unitTotalText(countsByUnit(rows([3], [2]))!)).toBe('5');
    expect(unitTotalText(countsByUnit(rows([31, '份'], [2, '袋']))!)).toBe('2袋、31份');
    expect(unitTotalText(new Map())).toBe('');
  });
});

describe('a 合计 as written', () => {
  test('reads by unit however it is joined; “2箱3袋” also as a box with its bags inside (people write a box so)', () => {
    expect(totalReadings(5)).toEqual([new Map([['', 5]])]);
    expect(totalReadings('2箱、3袋')).toEqual([
      new Map([
        ['箱', 2],
        ['袋', 3],
      ]),
    ]);
    const byUnit = new Map([
      ['箱', 2],
      ['袋', 3],
    ]);
    expect(totalReadings('2箱+3袋')).toEqual([byUnit]);
    for (const runTogether of ['2箱3袋', '２箱 ３袋']) expect(totalReadings(runTogether)).toEqual([byUnit, new Map([['箱', 2]])]);
    expect(totalReadings('1箱（内装5袋）')).toEqual([new Map([['箱', 1]])]);
    // Counts in words, as the rows' are read (text.ts parseCount): 二箱三袋 as 2箱3袋, 五袋 as 5袋.
    expect(totalReadings('二箱三袋')).toEqual([byUnit, new Map([['箱', 2]])]);
    expect(totalReadings('贰箱、叁袋')).toEqual([byUnit]);
    expect(totalReadings('五袋')).toEqual([new Map([['袋', 5]])]);
    expect(totalReadings('十二')).toEqual([new Map([['', 12]])]);
    // The words around a total (共, 合计, 整, a note in brackets) are nothing.
    for (const worded of ['共五袋', '合计：5袋', '五袋整', '5袋（含补考1袋）']) expect(totalReadings(worded)).toEqual([new Map([['袋', 5]])]);
    expect(totalReadings('共2箱、3袋')).toEqual([byUnit]);
    // A note after a comma that says it is part of the count, too (5袋，含补考1袋).
    for (const worded of ['5袋，含补考1袋', '共五袋；其中补考1袋']) expect(totalReadings(worded)).toEqual([new Map([['袋', 5]])]);
    expect(totalReadings('2箱、3袋，含补考1袋')).toEqual([byUnit]);
    // A unit named twice is two counts of one thing, not a total by unit.
    for (const twice of ['5袋，6袋', '2箱、3袋、1袋', '5、6']) expect(totalReadings(twice)).toEqual([]);
    for (const unreadable of ['约5', '约5袋', '共约5袋', '5-6袋', '一二袋', -1, 2.5, '', null]) expect(totalReadings(unreadable)).toEqual([]);
  });

  test('agrees with rows of one unit as a plain count; over rows of two units only per unit', () => {
    const bags = countsByUnit(rows([3, '袋'], [3, '袋']))!;
    expect([6, '6', '6袋'].map((t) => totalAgrees(t, bags))).toEqual([true, true, true]);
    expect([5, '6箱'].map((t) => totalAgrees(t, bags))).toEqual([false, false]);
    const mixed = countsByUnit(rows([2, '箱'], [3, '袋']))!;
    expect(['2箱、3袋', '3袋、2箱', '2箱3袋', '2箱 3袋'].map((t) => totalAgrees(t, mixed))).toEqual([true, true, true, true]);
    expect([5, '5袋', '2箱、4袋', '2箱'].map((t) => totalAgrees(t, mixed))).toEqual([false, false, false, false]);
    // The rows' unit not known: a plain count, or one count in a unit, that adds up.
    expect([5, '5袋'].map((t) => totalAgrees(t, countsByUnit(rows([3], [2]))!))).toEqual([true, true]);
    // One row of 1箱 with its bags in 备注, the total written as that row is.
    expect(totalAgrees('1箱5袋', countsByUnit(rows([1, '箱']))!)).toBe(true);
  });

  test('the reader keeps a total in more than one unit as written, and any other as a count', () => {
    expect([
      totalAsRead('2箱、3袋'),
      totalAsRead('２箱3袋'),
      totalAsRead('6袋'),
      totalAsRead(6),
      totalAsRead('五袋'),
      totalAsRead('若干袋'),
      totalAsRead('1箱（内装5袋）'),
      totalAsRead('二箱三袋'),
      totalAsRead('共五袋'),
      totalAsRead('共2箱、3袋（含补考1袋）'),
    ]).toEqual(['2箱、3袋', '2箱3袋', 6, 6, 5, '若干袋', 1, '二箱三袋', 5, '共2箱、3袋(含补考1袋)']);
  });

  test('compared across two copies as the counts it states', () => {
    expect(totalKey('2箱3袋')).toBe(totalKey('2箱、3袋'));
    expect(totalKey(' 6 ')).toBe(totalKey(6));
    expect(totalKey('2箱、4袋')).not.toBe(totalKey('2箱、3袋'));
    expect(totalKey('二箱三袋')).toBe(totalKey('2箱、3袋'));
    expect(totalKey('五袋')).toBe(totalKey('5袋'));
    expect(totalKey('共五袋整')).toBe(totalKey('5袋'));
    expect(totalKey('若干袋')).toBe('若干袋');
  });
});
