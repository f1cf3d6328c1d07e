import type { FormNumber } from './location';

export type Severity = 'error' | 'warning';

/** One finding, in the findings JSON format of docs/领域说明.md (固定约定). */
export interface Finding {
  rule: string;
  severity: Severity;
  /** 1–5 for 附件1–5, 0 for 基本信息/考试安排/涉卷人员, null for a workbook-wide finding. */
  form: FormNumber | null;
  sheet: string | null;
  cell: string | null;
  /** 序号 of the table row concerned; null for a header or footer field. */
  row: number | null;
  message: string;
  clause: string;
}

/**
 * A workbook's status, one code a file (summary/words.ts STATUS_WORDS shows each): ready to submit, to be corrected,
 * could not be read, not a custody workbook, or read and set aside (of another semester; a unit's second workbook).
 */
export type FileStatus = 'ready' | 'fix' | 'unreadable' | 'notCustody' | 'otherSemester' | 'repeatedUnit';

/** One workbook's result in a `validate --format json` run. */
export interface FileReport {
  file: string;
  site: string | null;
  sha256: string | null;
  /** Said from `error` and the findings (summary/words.ts reportStatus), once the checks across workbooks are in. */
  status: FileStatus;
  error?: string;
  findings: Finding[];
}

export interface RunReport {
  files: FileReport[];
}

/**
 * A finding's row as people find it on the form: 附件5 prints no 序号, its
 * `row` is the shift's place in the whole duty record (值班记录1's shifts,
 * then 值班记录2's…), so it is said “第3班” / “shift 3”; any other form's row
 * is its printed 序号. null: no row (a header or footer field).
 */
export function rowShown(f: Pick<Finding, 'form' | 'row'>, lang: 'zh' | 'en' = 'zh'): number | string | null {
  if (f.row === null) return null;
  if (f.form !== 5) return f.row;
  return lang === 'zh' ? `第${f.row}班` : `shift ${f.row}`;
}

/** The same with its word: “序号 3”, “第3班”; “No. 3” (the printed 序号, never read as the sheet's row 3: review 20a D4), “shift 3”. */
export function rowWords(f: Pick<Finding, 'form' | 'row'>, lang: 'zh' | 'en' = 'zh'): string {
  const shown = rowShown(f, lang);
  if (shown === null) return '';
  return typeof shown === 'string' ? shown : `${lang === 'zh' ? '序号 ' : 'No. '}${shown}`;
}

/**
 * Table rows named by 序号 in English, as a row's own words say one (rowWords): “No. 4”; several, or a run,
 * “Nos. 4, 7–9” — the printed 序号, never read as the sheet's rows. `seqs` as written: numbers, runs (7–9), “…”.
 */
export function seqsEn(seqs: ReadonlyArray<number | string>): string {
  const several = seqs.length > 1 || seqs.some((s) => !/^\d+$/.test(String(s)));
  return `${several ? 'Nos.' : 'No.'} ${seqs.join(', ')}`;
}

/**
 * How the list of findings a marked copy ends with (问题清单) begins, its A1:
 * the reader knows the sheet by it and reads it as no form, so that a marked
 * copy checked again reads as its original.
 */
export const FINDINGS_LIST_TITLE = { zh: '试卷保密助手检查发现的问题', en: 'Problems found by the custody assistant' } as const;

/** Whether a sheet's first cell is that of a marked copy's list of findings. */
export function isFindingsListTitle(a1: unknown): boolean {
  return typeof a1 === 'string' && (a1.startsWith(FINDINGS_LIST_TITLE.zh) || a1.startsWith(FINDINGS_LIST_TITLE.en));
}
