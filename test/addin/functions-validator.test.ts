/**
 * CUSTODY.* refuse what the validator refuses (review round 10b D7), by the same readings: a bag count in
 * another unit or with boxes and bags in one cell, a ditto mark for a signer; DATETIME says a missing year is
 * what is missing and takes “2024年” as the year; PACK(" ") is PACK("").
 */
import { copies, dateTime, pack, signers } from '../../src/functions/custody';

describe('COPIES: a bag count as 附件2 reads it', () => {
  test('“2箱”: in boxes, not bags', () => {
    expect(copies('2箱', 0, 0, 0)).toEqual({
      ok: false,
      reason: '31份装袋数写的是“2箱”：单位写的是“箱”，此处按袋计，不能当作 2袋 (in 箱, but counts here are in bags)',
    });
  });

  test('“2箱3袋”: boxes and bags in one cell', () => {
    expect(copies(0, '2箱3袋', 0, 0)).toEqual({
      ok: false,
      reason:
        '26份装袋数写的是“2箱3袋”，箱和袋写在了同一格里：看不出是 2 箱另加 3 袋，还是 2 箱内共装 3 袋，此处按袋计，算不出总数 (boxes and bags in one cell: 2 boxes and 3 more bags, or 2 boxes holding 3 bags? Counts here are in bags)',
    });
  });

  test('bags as before: “3袋”, “三袋”, 3', () => {
    expect(copies('3袋', '三袋', 3, 0)).toEqual({ ok: true, value: 3 * 31 + 3 * 26 + 3 * 11 });
  });
});

describe('SIGNERS: a ditto mark is no signature', () => {
  test.each(['同上', '〃', '龚梅、同上'])('%s', (text) => {
    const ditto = text.endsWith('同上') ? '同上' : '〃';
    expect(signers(text)).toEqual({ ok: false, reason: `写的是“${ditto}”，不是签名：签字栏须由签字人本人签写姓名 (a ditto mark is not a signature)` });
  });

  test('names as before', () => {
    expect(signers('龚梅、李强')).toEqual({ ok: true, value: 2 });
  });
});

describe('DATETIME and its year', () => {
  test('a date without a year: the year is asked for', () => {
    expect(dateTime('6月14日 9:30')).toEqual({
      ok: false,
      reason: '日期没有年份：6月14日 9:30，请在第二个参数写上年份，如 2024 (no year: give it as the second argument)',
    });
  });

  test('“2024年” as the year, as 2024', () => {
    expect(dateTime('6月14日 9:30', '2024年')).toEqual(dateTime('6月14日 9:30', 2024));
    expect(dateTime('6月14日 9:30', 2024).ok).toBe(true);
  });

  test('text that is no date at all: unreadable, as before', () => {
    expect(dateTime('明天')).toEqual({ ok: false, reason: '无法识别的日期时间：明天 (unreadable date-time)' });
  });
});

test('PACK(" ") as PACK("")', () => {
  expect(pack(' ')).toEqual({ ok: false, reason: '缺少份数 (copies missing)' });
  expect(pack(' ')).toEqual(pack(''));
});
