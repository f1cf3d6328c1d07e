/**
 * CUSTODY.* custom functions: values, and #VALUE! errors (never a throw) for bad arguments.
 */
import { BAG_SIZES, bestMix, copies, dateTime, pack, signers } from '../../src/functions/custody';

class FakeCfError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeCfError,
  ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
};

const fns = require('../../src/functions/functions') as typeof import('../../src/functions/functions');

describe('PACK', () => {
  test('57 → 31×1 + 26×1 (no waste, two bags)', () => {
    expect(fns.packFunction(57)).toBe('31×1 + 26×1');
  });

  test.each([
    [0, ''],
    [1, '5×1'],
    [5, '5×1'],
    [10, '5×2'],
    [11, '11×1'],
    [26, '26×1'],
    [31, '31×1'],
    [62, '31×2'],
    [52, '26×2'],
    [36, '31×1 + 5×1'],
  ])('%p copies → %p', (n, mix) => {
    expect(fns.packFunction(n)).toBe(mix);
  });

  test('least waste first, then fewest bags, for every count up to 400', () => {
    for (let n = 0; n <= 400; n++) {
      const mix = bestMix(n);
      const total = mix.bags.reduce((s, c, i) => s + c * BAG_SIZES[i], 0);
      expect(total).toBe(mix.copies);
      expect(total).toBeGreaterThanOrEqual(n);
      // brute force over every mix
      let bestWaste = Infinity;
      let bestCount = Infinity;
      for (let a = 0; a * 31 <= n + 31; a++)
        for (let b = 0; b * 26 <= n + 26; b++)
          for (let c = 0; c * 11 <= n + 11; c++)
            for (let d = 0; d * 5 <= n + 5; d++) {
              const t = 31 * a + 26 * b + 11 * c + 5 * d;
              if (t < n) continue;
              const w = t - n;
              const k = a + b + c + d;
              if (w < bestWaste || (w === bestWaste && k < bestCount)) {
                bestWaste = w;
                bestCount = k;
              }
            }
      expect([n, mix.waste, mix.count]).toEqual([n, bestWaste, bestCount]);
    }
  });

  // A search over every mix would not end: jest's timeout guards the way it is found (speed is the benchmark's).
  test('large counts stay exact', () => {
    const mix = bestMix(123_457);
    expect(mix.waste).toBe(0);
  }, 20_000);

  test('full-width and unit-suffixed text', () => {
    expect(fns.packFunction('５７')).toBe('31×1 + 26×1');
    expect(fns.packFunction('57份')).toBe('31×1 + 26×1');
  });

  test.each([
    [-1, '份数不能为负数：-1 (must not be negative)'],
    [2.5, '份数须为整数：2.5 (must be a whole number)'],
    ['abc', '份数不是数字：abc (not a number)'],
    [true, '份数不是数字 (not a number)'],
    ['', '缺少份数 (copies missing)'],
    [null, '缺少份数 (copies missing)'],
    [Number.NaN, '份数不是数字：NaN (not a number)'],
    [1e12, '份数过大：1000000000000 (more than 10000000)'],
  ])('bad argument %p → #VALUE! saying why', (bad, message) => {
    const result = fns.packFunction(bad);
    expect(result).toBeInstanceOf(FakeCfError);
    expect((result as FakeCfError).code).toBe('#VALUE!');
    expect((result as FakeCfError).message).toBe(message);
    expect(pack(bad).ok).toBe(false);
  });
});

describe('COPIES', () => {
  test('31·a + 26·b + 11·c + 5·d', () => {
    expect(fns.copiesFunction(1, 1, 0, 1)).toBe(62);
    expect(fns.copiesFunction(2, 1, 2, 1)).toBe(62 + 26 + 22 + 5);
  });
  test('blank cells count as 0, full-width and 袋 are read', () => {
    expect(fns.copiesFunction(null, '', undefined, 0)).toBe(0);
    expect(fns.copiesFunction('２', '1袋', 0, 0)).toBe(88);
  });
  test('a count in Chinese numerals is read as the forms read it: 三 (袋), 贰袋', () => {
    expect(fns.copiesFunction(0, 0, 0, '三')).toBe(15);
    expect(fns.copiesFunction('贰袋', 0, 0, 0)).toBe(62);
  });
  test.each([
    [-1, 0, 0, 0],
    [1.5, 0, 0, 0],
    [0, 'x', 0, 0],
    [0, 0, true, 0],
    [0, 0, 0, '若干'],
  ])('bad arguments %p %p %p %p → #VALUE!', (a, b, c, d) => {
    const result = fns.copiesFunction(a, b, c, d);
    expect(result).toBeInstanceOf(FakeCfError);
    expect((result as FakeCfError).code).toBe('#VALUE!');
    expect(copies(a, b, c, d).ok).toBe(false);
  });
});

describe('SIGNERS', () => {
  test.each([
    ['张三、李四', 2],
    ['张三，李四，张三', 2],
    ['张三/李四 王五', 3],
    ['张三', 1],
    // As a workbook with no roster reads the cell (people.ts signaturesIn): 和 between two names, a foreign name's parts.
    ['黄志刚和易敏', 2],
    ['阿依古丽 买买提', 1],
    ['黄志刚 刘春香', 2],
    // A date beside a name is when the person signed, no second signer (the review's round 5, D1).
    ['李娜 1.10', 1],
    ['刘洋 1月11日', 1],
    ['刘洋 1.11、李娜 1.11', 2],
    ['', 0],
    [null, 0],
    ['  ', 0],
  ])('%p → %p', (text, n) => {
    expect(fns.signersFunction(text)).toBe(n);
  });
  test.each([[42], [true]])('bad argument %p → #VALUE!', (bad) => {
    const result = fns.signersFunction(bad);
    expect(result).toBeInstanceOf(FakeCfError);
    expect(signers(bad).ok).toBe(false);
  });
});

describe('DATETIME', () => {
  // 2024-01-06 08:30 → 45297 + 8.5/24
  const serial = 45297 + 8.5 / 24;
  test.each([['2024年1月6日8时30分'], ['2024/1/6 8:30'], ['２０２４年１月６日 ８:３０'], ['2024-01-06T08:30'], ['2024年1月6日上午8点半']])('%p', (text) => {
    expect(fns.dateTimeFunction(text)).toBeCloseTo(serial, 8);
  });
  test('a partial date takes the year given', () => {
    expect(fns.dateTimeFunction('1月6日 8:30', 2024)).toBeCloseTo(serial, 8);
  });
  test('a date without its time of day is #VALUE!, as the validator says it has no 时分 (review 14b D6)', () => {
    for (const text of ['2024年1月6日', '2024/1/6', '2024年1月6日上午']) {
      expect(dateTime(text)).toEqual({
        ok: false,
        reason: `只有日期，没有几时几分：${text}，表上的时间须写到时分，如“2024年6月15日8时30分” (a date without its hour and minute)`,
      });
      expect(fns.dateTimeFunction(text)).toBeInstanceOf(FakeCfError);
    }
  });
  test('a serial passes through; a number no date-time is (a count, a fraction of a day) is #VALUE!', () => {
    expect(fns.dateTimeFunction(45297.5)).toBe(45297.5);
    expect([dateTime(3), dateTime(0.5)]).toEqual([
      { ok: false, reason: '不是日期时间：3 (not a date-time serial)' },
      { ok: false, reason: '不是日期时间：0.5 (not a date-time serial)' },
    ]);
  });
  test.each([['明天'], [''], [null], ['2024年13月6日'], ['1月6日 8:30'], [true], [-3]])('bad argument %p → #VALUE!', (bad) => {
    const result = fns.dateTimeFunction(bad);
    expect(result).toBeInstanceOf(FakeCfError);
    expect((result as FakeCfError).code).toBe('#VALUE!');
    expect(dateTime(bad).ok).toBe(false);
  });
  test('a bad year → #VALUE!', () => {
    expect(fns.dateTimeFunction('1月6日 8:30', 'abc')).toBeInstanceOf(FakeCfError);
  });
});

test('no function throws, whatever it is given', () => {
  const odd: unknown[] = [undefined, null, {}, [], Symbol.iterator, () => 1, Number.POSITIVE_INFINITY, 'x'.repeat(10000)];
  for (const v of odd) {
    expect(() => fns.packFunction(v)).not.toThrow();
    expect(() => fns.copiesFunction(v, v, v, v)).not.toThrow();
    expect(() => fns.signersFunction(v)).not.toThrow();
    expect(() => fns.dateTimeFunction(v, v)).not.toThrow();
  }
});
