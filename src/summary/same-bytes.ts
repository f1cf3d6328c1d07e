/**
 * A workbook given twice — a copy under another name ("01 - 副本.xlsx",
 * "01(1).xlsx"), the same file in two folders — would count its unit twice in
 * a summary, every bag and copy of it. Files are told apart by their SHA-256:
 * a readable file with the same bytes as one before it (byFileName) is left
 * out, with a line naming the first. Two different workbooks of one unit both count (each
 * may hold a part of its records), as before.
 */
export class SameBytes {
  private readonly first = new Map<string, string>();

  constructor(private readonly lang: 'zh' | 'en' = 'zh') {}

  /** Why `file` is left out: the same bytes as a file before it; undefined for the first (or a file without a digest). */
  repeatOf(file: string, sha256: string | null | undefined): string | undefined {
    if (!sha256) return undefined;
    const earlier = this.first.get(sha256);
    if (earlier === undefined) {
      this.first.set(sha256, file);
      return undefined;
    }
    return this.lang === 'en' ? `the same bytes as ${earlier}: a workbook is counted once` : `与 ${earlier} 内容完全相同，同一工作簿只计一次`;
  }
}

/**
 * Files (any order) in the order a summary lists them, the copies of a readable
 * one (`digest` given) left out with their reasons: what the browser's
 * consolidation counts and what its page says it leaves out.
 */
export function countedOnce<T extends { file: string }>(
  files: readonly T[],
  digest: (f: T) => string | null | undefined,
  lang: 'zh' | 'en' = 'zh',
): { counted: T[]; copies: Array<{ file: string; reason: string }> } {
  const same = new SameBytes(lang);
  const copies: Array<{ file: string; reason: string }> = [];
  const counted = [...files]
    .sort((a, b) => byFileName(a.file, b.file))
    .filter((f) => {
      const reason = same.repeatOf(f.file, digest(f));
      if (reason) copies.push({ file: f.file, reason });
      return !reason;
    });
  return { counted, copies };
}

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

/**
 * The order a summary lists its files in: folder by folder, each file by its
 * name without the extension, so that a workbook comes before its copies
 * ("01.xlsx" before "01 - 副本.xlsx", "01(1).xlsx", "复件 01.xlsx"; a folder
 * before its copy "考点 - 副本") and is the one SameBytes counts.
 */
export function byFileName(a: string, b: string): number {
  const x = sortKey(a);
  const y = sortKey(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i][0] !== y[i][0]) return x[i][0] < y[i][0] ? -1 : 1;
    if (x[i][1] !== y[i][1]) return x[i][1] - y[i][1];
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
