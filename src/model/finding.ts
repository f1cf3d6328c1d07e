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

/** One workbook's result in a `validate --format json` run. */
export interface FileReport {
  file: string;
  site: string | null;
  sha256: string | null;
  error?: string;
  findings: Finding[];
}

export interface RunReport {
  files: FileReport[];
}
