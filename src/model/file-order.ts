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
    if (x[i][0] !== y[i][0]) return x[i][0] < y[i][0] ? -1 : 1;
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
  if (p[0] !== q[0]) return p[0] < q[0] ? -1 : 1;
  if (p[1] !== q[1]) return p[1] - q[1];
  return byFileName(a, b);
}
