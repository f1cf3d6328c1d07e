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
    return mark && mark[0].length < part.length ? [part.slice(mark[0].length), 1] : [part, 0];
  });
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Where the run of digits that starts at `from` ends. */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Where a run of digits starts once its leading zeros are passed by (its last digit kept: “000” is 0). */
function zerosEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end - 1 && text.charCodeAt(i) === 48) i++;
  return i;
}

/** Two runs of digits compared by their value (“9” before “10”, “07” as “7”), however long. */
function compareNumbers(a: string, i: number, iEnd: number, b: string, j: number, jEnd: number): number {
  const [x, y] = [zerosEnd(a, i, iEnd), zerosEnd(b, j, jEnd)];
  if (iEnd - x !== jEnd - y) return iEnd - x - (jEnd - y);
  for (let k = 0; k < iEnd - x; k++) {
    const d = a.charCodeAt(x + k) - b.charCodeAt(y + k);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Names in the order Explorer and WPS show them: numbers by their value (“考点 2”
 * before “考点 10”), everything else character by character (review 10c D11). 0
 * for names that differ only in leading zeros (“01”, “1”): the caller parts them.
 */
export function naturalOrder(a: string, b: string): number {
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    const [p, q] = [a.charCodeAt(i), b.charCodeAt(j)];
    if (isDigit(p) && isDigit(q)) {
      const [iEnd, jEnd] = [digitsEnd(a, i), digitsEnd(b, j)];
      const byValue = compareNumbers(a, i, iEnd, b, j, jEnd);
      if (byValue !== 0) return byValue;
      [i, j] = [iEnd, jEnd];
    } else if (p !== q) {
      return p - q;
    } else {
      [i, j] = [i + 1, j + 1];
    }
  }
  return a.length - i - (b.length - j);
}

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
    const byName = naturalOrder(x[i][0], y[i][0]);
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
  const byName = naturalOrder(p[0], q[0]);
  if (byName !== 0) return byName;
  if (p[1] !== q[1]) return p[1] - q[1];
  return byFileName(a, b);
}
