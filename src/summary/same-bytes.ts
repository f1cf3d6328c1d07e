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

const stem = (file: string): string => file.replace(/\.[^./\\]*$/, '');

/**
 * The order a summary lists its files in: by name without the extension
 * first, so that a workbook comes before its copies ("01.xlsx" before
 * "01 - 副本.xlsx" and "01(1).xlsx") and is the one SameBytes counts.
 */
export function byFileName(a: string, b: string): number {
  const x = stem(a);
  const y = stem(b);
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
