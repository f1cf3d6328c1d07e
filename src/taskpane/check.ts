/**
 * Host-agnostic checking: grids in (one per workbook: the open workbook in
 * Excel, each chosen file in the browser), findings out, grouped the way the
 * pane shows them. No Office.js and no exceljs here.
 */
import { CheckedWorkbook, checkWorkbooks } from '../check/service';
import { Refusal } from '../check/refusal';
import type { WorkbookGrid } from '../model/grid';
import type { FileReport, Finding } from '../model/finding';
import type { SiteModel } from '../model/site-model';
import { SiteSummary, summarizeSite } from '../summary/site';
import type { Lang } from './i18n';

export interface SiteInput {
  id: string;
  /** What the person knows it by: the file name, or the open workbook. */
  label: string;
  grid?: WorkbookGrid;
  /** The file's bytes, for its SHA-256 (browser). */
  bytes?: Uint8Array;
  /** Why it could not be read (then no grid). */
  error?: string;
  /** Already read and checked on its own (the browser face's worker): only the checks across workbooks are left. */
  checked?: CheckedWorkbook;
}

export interface SiteResult {
  id: string;
  label: string;
  grid?: WorkbookGrid;
  model?: SiteModel;
  findings: Finding[];
  error?: string;
  /** Parts the reader could not make out (a table whose header row is gone). */
  problems: string[];
  /** Its entry in the findings report of the JSON contract; absent for a workbook left out (a summary). */
  report?: FileReport;
  /** Its custody summary (the 汇总 tab), for a workbook that has a model. */
  summary?: SiteSummary;
}

/** Reads and validates every workbook, across workbooks too when there are several (the check service), and sums up each that has a model. */
export async function checkSites(inputs: readonly SiteInput[], lang: Lang, hash?: (bytes: Uint8Array) => Promise<string | null>): Promise<SiteResult[]> {
  const run = await checkWorkbooks(
    inputs.map((input) => ({
      file: input.label,
      bytes: input.bytes,
      checked: input.checked,
      grid:
        input.grid ??
        (() => {
          throw new Refusal(input.error ?? 'unreadable');
        }),
    })),
    { lang, hash },
  );
  return run.workbooks.map((w, i) => ({
    id: inputs[i].id,
    label: inputs[i].label,
    grid: w.grid,
    model: w.model,
    findings: w.report.findings,
    error: w.skipped ?? w.report.error,
    problems: w.model?.problems ?? [],
    ...(w.skipped ? {} : { report: w.report }),
    ...(w.model ? { summary: summarizeSite(w.model, w.report.findings, { file: inputs[i].label }) } : {}),
  }));
}

export interface SheetGroup {
  /** null: workbook-wide findings. */
  sheet: string | null;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export function groupBySheet(findings: readonly Finding[]): SheetGroup[] {
  const groups: SheetGroup[] = [];
  const bySheet = new Map<string | null, SheetGroup>();
  for (const f of findings) {
    let g = bySheet.get(f.sheet);
    if (!g) {
      g = { sheet: f.sheet, findings: [], errors: 0, warnings: 0 };
      bySheet.set(f.sheet, g);
      groups.push(g);
    }
    g.findings.push(f);
    if (f.severity === 'error') g.errors++;
    else g.warnings++;
  }
  return groups;
}

export function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
