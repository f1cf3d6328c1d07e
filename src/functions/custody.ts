/**
 * The arithmetic behind the CUSTODY.* custom functions, free of any Office
 * global so that it can be tested (and reused) anywhere. Every function returns
 * either a value or a reason; the custom-function wrappers turn a reason into a
 * #VALUE! error instead of throwing.
 */
import { dateAndHalfDay, isDateWithoutTime, parseWallClock, serialFromWallClock } from '../model/datetime';
import { boxWithBags, parseCount, toHalfWidth, unitOfCount } from '../model/text';
import { isDittoMark, personKey, signaturesIn } from '../model/people';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = <T>(reason: string): Outcome<T> => ({ ok: false, reason });

/** Envelope sizes, copies per bag (附件2). */
export const BAG_SIZES = [31, 26, 11, 5] as const;

/** Above this many copies PACK refuses: no exam paper is printed in such numbers for one site. */
const MAX_COPIES = 10_000_000;

/**
 * A cell's count: a blank is 0; 3, "3", "３", "3袋" are 3; anything else is a reason. `unit`: what the count is in
 * (a bag count, 袋): one written in another (“2箱”), or boxes and bags in one cell (“2箱3袋”), is refused as the
 * validator refuses it in the forms' count columns (invalid-count), by the same readings (model/text.ts).
 */
function readCount(value: unknown, what: string, unit?: '袋'): Outcome<number> {
  if (value === null || value === undefined || value === '') return ok(0);
  if (typeof value === 'boolean') return fail(`${what}不是数字 (not a number)`);
  const boxed = unit ? boxWithBags(value) : undefined;
  if (boxed) {
    const { boxes, bags } = boxed;
    return fail(
      `${what}写的是“${String(value)}”，箱和袋写在了同一格里：看不出是 ${boxes} 箱另加 ${bags} 袋，还是 ${boxes} 箱内共装 ${bags} 袋，此处按${unit}计，算不出总数 (boxes and bags in one cell: ${boxes} boxes and ${bags} more bags, or ${boxes} boxes holding ${bags} bags? Counts here are in bags)`,
    );
  }
  const written = unit ? unitOfCount(value) : undefined;
  if (written !== undefined && written !== unit) {
    const n = parseCount(value);
    return fail(
      `${what}写的是“${String(value)}”：单位写的是“${written}”，此处按${unit}计，不能当作 ${String(n)}${unit} (in ${written}, but counts here are in bags)`,
    );
  }
  const parsed = parseCount(value);
  if (parsed === undefined) return ok(0);
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return fail(`${what}不是数字：${String(value)} (not a number)`);
  if (!Number.isInteger(parsed)) return fail(`${what}须为整数：${String(value)} (must be a whole number)`);
  if (parsed < 0) return fail(`${what}不能为负数：${String(value)} (must not be negative)`);
  return ok(parsed);
}

/** COPIES: 31·a + 26·b + 11·c + 5·d. */
export function copies(b31: unknown, b26: unknown, b11: unknown, b5: unknown): Outcome<number> {
  const counts: number[] = [];
  const names = ['31份装袋数', '26份装袋数', '11份装袋数', '5份装袋数'];
  const args = [b31, b26, b11, b5];
  for (let i = 0; i < 4; i++) {
    const c = readCount(args[i], names[i], '袋');
    if (!c.ok) return c;
    counts.push(c.value);
  }
  return ok(counts.reduce((sum, n, i) => sum + n * BAG_SIZES[i], 0));
}

export interface BagMix {
  /** Bags of 31, 26, 11, 5 copies. */
  bags: [number, number, number, number];
  copies: number;
  waste: number;
  count: number;
}

/**
 * The bag mix that covers `n` copies with the least waste, then the fewest bags,
 * then the larger bags. The least waste is at most 4 (5-copy bags alone come
 * within 4). In a mix with the fewest bags no size below 31 is used 31 times or
 * more (31 bags of k copies are k bags of 31), so b, c, d < 31 bound the search
 * whatever n is.
 */
export function bestMix(n: number): BagMix {
  if (n === 0) return { bags: [0, 0, 0, 0], copies: 0, waste: 0, count: 0 };
  for (let waste = 0; waste <= 4; waste++) {
    const target = n + waste;
    let best: [number, number, number, number] | undefined;
    let bestCount = Infinity;
    for (let b = 0; b < 31; b++) {
      for (let c = 0; c < 31; c++) {
        for (let d = 0; d < 31; d++) {
          const rest = target - 26 * b - 11 * c - 5 * d;
          if (rest < 0 || rest % 31 !== 0) continue;
          const a = rest / 31;
          const count = a + b + c + d;
          const mix: [number, number, number, number] = [a, b, c, d];
          if (count < bestCount || (count === bestCount && best && preferLarger(mix, best))) {
            best = mix;
            bestCount = count;
          }
        }
      }
    }
    if (best) return { bags: best, copies: target, waste, count: bestCount };
  }
  // Unreachable: 5-copy bags alone always come within 4 copies.
  const d = Math.ceil(n / 5);
  return { bags: [0, 0, 0, d], copies: d * 5, waste: d * 5 - n, count: d };
}

function preferLarger(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}

/** "31×1 + 26×1"; "" for no bags. */
function formatMix(mix: BagMix): string {
  return mix.bags
    .map((count, i) => (count > 0 ? `${BAG_SIZES[i]}×${count}` : ''))
    .filter(Boolean)
    .join(' + ');
}

/** PACK: the bag mix for a number of copies, as text. */
export function pack(copiesValue: unknown): Outcome<string> {
  // A cell of spaces is as blank as an empty one.
  if (copiesValue === null || copiesValue === undefined || (typeof copiesValue === 'string' && copiesValue.trim() === ''))
    return fail('缺少份数 (copies missing)');
  const n = readCount(copiesValue, '份数');
  if (!n.ok) return n;
  if (n.value > MAX_COPIES) return fail(`份数过大：${n.value} (more than ${MAX_COPIES})`);
  return ok(formatMix(bestMix(n.value)));
}

/** SIGNERS: how many distinct people a signature cell names. */
export function signers(text: unknown): Outcome<number> {
  if (text === null || text === undefined) return ok(0);
  if (typeof text === 'boolean') return fail('签名不是文字 (not text)');
  if (typeof text === 'number') return fail(`签名是数字：${text} (a number, not names)`);
  if (typeof text !== 'string') return fail('签名不是文字 (not text)');
  // The people named as a workbook with no roster reads them: a title after a name (李明 主考) or in brackets is not
  // another person, 黄志刚和刘春香 is two, 阿依古丽 买买提 (a part of four characters, no Chinese name) is one.
  const signatures = signaturesIn(text);
  // A ditto mark (同上, 〃) names no one: the validator says so at the cell (signature-not-a-name).
  const ditto = signatures.find(isDittoMark);
  if (ditto !== undefined) return fail(`写的是“${ditto}”，不是签名：签字栏须由签字人本人签写姓名 (a ditto mark is not a signature)`);
  return ok(new Set(signatures.map(personKey).filter(Boolean)).size);
}

/**
 * DATETIME: an Excel date-time serial from Chinese date text
 * ("2024年1月6日8时30分", "2024/1/6 8:30", "1月6日 8:30" with a year given).
 * As the validator reads the forms' times (review 14b D6): a date without its
 * time of day is #VALUE! (the forms ask for 时分; a 00:00 made up for it would
 * pass the check), and a number is taken as a serial only where the reader
 * takes one (1950–2150), not a count.
 */
export function dateTime(text: unknown, year?: unknown): Outcome<number> {
  if (text === null || text === undefined || text === '') return fail('缺少日期 (date missing)');
  if (typeof text === 'number') {
    if (parseWallClock(text)) return ok(text);
    return fail(`不是日期时间：${text} (not a date-time serial)`);
  }
  if (typeof text !== 'string') return fail('不是日期文字 (not date text)');
  let ctxYear: number | undefined;
  if (year !== null && year !== undefined && year !== '') {
    // “2024年” as well as 2024.
    const y = Number(
      toHalfWidth(String(year))
        .trim()
        .replace(/\s*年$/, ''),
    );
    if (!Number.isInteger(y) || y < 1900 || y > 2200) return fail(`年份无效：${String(year)} (invalid year)`);
    ctxYear = y;
  }
  if (isDateWithoutTime(text) || dateAndHalfDay(text)) {
    return fail(`只有日期，没有几时几分：${text}，表上的时间须写到时分，如“2024年6月15日8时30分” (a date without its hour and minute)`);
  }
  const t = parseWallClock(text, { year: ctxYear });
  // A date that reads once it has a year (6月14日 9:30): the year is what is missing.
  if (!t && ctxYear === undefined && parseWallClock(text, { year: 2000 }))
    return fail(`日期没有年份：${text}，请在第二个参数写上年份，如 2024 (no year: give it as the second argument)`);
  if (!t) return fail(`无法识别的日期时间：${text} (unreadable date-time)`);
  return ok(Math.round(serialFromWallClock(t) * 1440) / 1440);
}
