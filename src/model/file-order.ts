/** The order workbooks given together are listed and counted in: a workbook before its copies. */
import { TextMemo } from './memo';

/** What a copy's name starts with where the system puts its mark first (Windows XP's 复件, English Copy of). */
const COPY_MARK = /^(?:复件|副本|Copy of)\s*/i;

/** A path's parts as the order compares them: each folder, then the file's name without its extension; a copy's leading mark after. */
function sortKey(file: string): Array<[string, number]> {
  const parts = file.split(/[\\/]/);
  parts[parts.length - 1] = parts[parts.length - 1].replace(/\.[^.]*$/, '');
  return parts.map((part) => {
    const mark = COPY_MARK.exec(part);
    return mark && mark[0].length < part.length ? [naturalKey(part.slice(mark[0].length)), 1] : [naturalKey(part), 0];
  });
}

/**
 * A name as natural order compares it, with `<`: each run of digits written as "0", its length (leading zeros
 * dropped) and its digits, so that “考点 2” sorts before “考点 10” and “07” as “7”. The "0" keeps a number's place
 * against any other character (no other character lies among the digits); the length compares only with another
 * run's, as two keys agree up to there. Worked out once per name: a comparison costs a `<`, not a walk of both names.
 */
const naturalKey = (name: string): string =>
  name.replace(/\d+/g, (digits) => {
    const value = digits.replace(/^0+(?=\d)/, '');
    return `0${String.fromCharCode(0x100 + value.length)}${value}`;
  });

const byKey = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Names in the order Explorer and WPS show them: numbers by their value (“考点 2”
 * before “考点 10”), everything else character by character (review 10c D11). 0
 * for names that differ only in leading zeros (“01”, “1”): the caller parts them.
 */
export const naturalOrder = (a: string, b: string): number => byKey(NATURAL_KEYS.get(a), NATURAL_KEYS.get(b));

/** Each name's key once: a folder walk sorts a folder's names with it (n log n comparisons). */
const NATURAL_KEYS = new TextMemo(naturalKey);

/** Each file's key worked out once, not at each of the comparisons a sort of thousands of files makes (n log n). */
const SORT_KEYS = new TextMemo(sortKey);

/**
 * The order a summary lists its files in: folder by folder, each file by its
 * name without the extension, so that a workbook comes before its copies
 * ("01.xlsx" before "01 - 副本.xlsx", "01(1).xlsx", "复件 01.xlsx"; a folder
 * before its copy "考点 - 副本") and is the one SameBytes counts.
 */
export function byFileName(a: string, b: string): number {
  const x = SORT_KEYS.get(a);
  const y = SORT_KEYS.get(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const byName = byKey(x[i][0], y[i][0]);
    if (byName !== 0) return byName;
    if (x[i][1] !== y[i][1]) return x[i][1] - y[i][1];
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order in which a unit's workbooks given twice are weighed (model/repeated-unit.ts): by the file's own name
 * (its key as `byFileName` compares it: a workbook before its copies), the folders only to part two files of one
 * name. Folders are no part of the choice: the CLI is given paths (“demo/岳麓考点.xlsx”, “in/many-600.xlsx”), the
 * page bare names, and both must count the workbook that “按文件名排在前面” (review round 10b D1).
 */
export function byBaseName(a: string, b: string): number {
  const x = SORT_KEYS.get(a);
  const y = SORT_KEYS.get(b);
  const [p, q] = [x[x.length - 1], y[y.length - 1]];
  const byName = byKey(p[0], q[0]);
  if (byName !== 0) return byName;
  if (p[1] !== q[1]) return p[1] - q[1];
  return byFileName(a, b);
}
