/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any` as the "any" parameter type of functions.json */
/**
 * CUSTODY.* custom functions. The metadata (functions.json) is generated at
 * build time from the JSDoc below by custom-functions-metadata-plugin, which
 * also appends the CustomFunctions.associate calls to this file.
 *
 * A bad argument gives a #VALUE! error with a reason, never an exception.
 */
import { Outcome, copies, dateTime, pack, signers } from './custody';

function guard<T>(run: () => Outcome<T>): T | CustomFunctions.Error {
  let outcome: Outcome<T>;
  try {
    outcome = run();
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return outcome.ok ? outcome.value : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, outcome.reason);
}

/**
 * 试卷份数：31份装、26份装、11份装、5份装袋数合计的份数。Copies in bags of 31, 26, 11 and 5.
 * @customfunction COPIES COPIES
 * @param {any} b31 31份装袋数 (bags of 31)
 * @param {any} b26 26份装袋数 (bags of 26)
 * @param {any} b11 11份装袋数 (bags of 11)
 * @param {any} b5 5份装袋数 (bags of 5)
 * @returns {any} 份数 (copies)
 */
export function copiesFunction(b31: any, b26: any, b11: any, b5: any): any {
  return guard(() => copies(b31, b26, b11, b5));
}

/**
 * 装袋方案：覆盖份数且浪费最少、袋数最少的组合，如 57 → 31×1 + 26×1。The bag mix with the least waste, then the fewest bags.
 * @customfunction PACK PACK
 * @param {any} copies 份数 (copies)
 * @returns {any} 装袋方案 (bag mix)
 */
export function packFunction(copies: any): any {
  return guard(() => pack(copies));
}

/**
 * 签名人数：一个签名格里不同的人数（、，/、“和”或空格分隔，人名后的职务不算一人）。Distinct signers in a signature cell.
 * @customfunction SIGNERS SIGNERS
 * @param {any} text 签名 (signatures)
 * @returns {any} 人数 (number of distinct signers)
 */
export function signersFunction(text: any): any {
  return guard(() => signers(text));
}

/**
 * 日期时间：把“2024年1月6日8时30分”等中文日期文字转为 Excel 日期时间。An Excel date-time from Chinese date text.
 * @customfunction DATETIME DATETIME
 * @param {any} text 日期文字 (date text)
 * @param {any} [year] 年份，补全“1月6日 8:30”这样的日期 (year for partial dates)
 * @returns {any} Excel 日期时间 (date-time serial)
 */
export function dateTimeFunction(text: any, year?: any): any {
  return guard(() => dateTime(text, year));
}
