import { byFileName } from '../model/file-order';

/**
 * A workbook given twice — a copy under another name ("01 - 副本.xlsx",
 * "01(1).xlsx"), the same file in two folders — is shown once in the page's
 * list of checks (taskpane/check.ts copiesIn): told apart by their SHA-256, a
 * readable file with the same bytes as one before it (byFileName) is a line
 * under the first. A summary (`custody summary`, consolidateModels) leaves no
 * file out: a byte copy is its unit's second workbook there, the same records
 * (unit-workbook-twice, model/repeated-unit.ts), listed and in no figure (fix-copy25).
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
 * one (`digest` given) left out with their reasons: what the page's list of
 * checks shows once and says it leaves out.
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
