/**
 * Host-agnostic checking: grids in (one per workbook: the open workbook in
 * Excel, each chosen file in the browser), findings out, grouped the way the
 * pane shows them. No Office.js and no exceljs here.
 */
import { CheckedWorkbook, checkWorkbooks } from '../check/service';
import { passedByReason } from '../check/passed-by';
import { Refusal, notCustody } from '../check/refusal';
import type { WorkbookGrid } from '../model/grid';
import type { FileReport, Finding } from '../model/finding';
import type { SiteModel } from '../model/site-model';
import { readWorkbook } from '../forms/workbook';
import { countedOnce } from '../summary/same-bytes';
import { SiteSummary, summarizeSite } from '../summary/site';
import { Lang, t } from './i18n';
import type { OldMarks } from './old-marks';

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
  /** The workbook open in Excel or WPS (no file was chosen): one with no forms yet is told where to insert them. */
  open?: boolean;
}

export interface SiteResult {
  id: string;
  label: string;
  grid?: WorkbookGrid;
  model?: SiteModel;
  findings: Finding[];
  error?: string;
  /** Not a unit's workbook (a summary this tool wrote, a marked copy): passed by, with the reason, as the CLI passes it by. */
  skipped?: string;
  /** Its entry in the findings report of the JSON contract; absent for a workbook left out (a summary). */
  report?: FileReport;
  /** Its custody summary (the 汇总 tab), for a workbook that has a model. */
  summary?: SiteSummary;
  /** The open workbook (Excel, WPS) is empty or holds none of the forms yet: nothing was read wrong. */
  noForms?: boolean;
  /** The open workbook (Excel, WPS) still holds marks of an earlier 标记 whose findings are gone (old-marks.ts). */
  oldMarks?: OldMarks;
}

/** An empty workbook, or one with none of the forms. */
function hasNoForms(grid: WorkbookGrid): boolean {
  return grid.sheets.length === 0 || readWorkbook(grid).sheets.every((s) => s.form === null);
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
    ...(w.report.error !== undefined ? { error: w.report.error } : {}),
    ...(w.skipped ? { skipped: w.skipped } : { report: w.report }),
    ...(w.model ? { summary: summarizeSite(w.model, w.report.findings, { file: inputs[i].label, lang }) } : {}),
    ...(inputs[i].open && w.report.error !== undefined && !w.model && w.grid && hasNoForms(w.grid) ? { noForms: true } : {}),
  }));
}

export interface SheetGroup {
  /** As shown (`shown`: “Sheet1（出入库记录）” in a sheet of several forms); null: workbook-wide findings. */
  sheet: string | null;
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Findings by sheet as `shown` names it (forms/form-place.ts sheetShown: each form of a sheet of several apart), in the order met. */
export function groupBySheet(findings: readonly Finding[], shown: (f: Finding) => string | null = (f) => f.sheet): SheetGroup[] {
  const groups: SheetGroup[] = [];
  const bySheet = new Map<string | null, SheetGroup>();
  for (const f of findings) {
    const sheet = shown(f);
    let g = bySheet.get(sheet);
    if (!g) {
      g = { sheet, findings: [], errors: 0, warnings: 0 };
      bySheet.set(sheet, g);
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

/**
 * Why a file picked is passed by unread, as the CLI's walk of a folder passes
 * it by (passedByReason: a marked copy, a text table); undefined for a file to read.
 */
export function skipReasonOf(name: string, lang: Lang): string | undefined {
  return passedByReason(name)?.[lang];
}

/** A workbook given again (the same bytes): its result's id, the id of the one counted, and its line. */
export interface CopyOf {
  id: string;
  of: string;
  file: string;
  reason: string;
}

/**
 * The readable results that are copies of another (the same bytes under
 * another name): the 校验 list shows the workbook once with a line for each
 * copy, and the status line counts it once; the 汇总 view and the consolidated
 * summary list a copy as its unit's second workbook (同单位第二本, 两本内容相同).
 */
export function copiesIn(results: readonly SiteResult[], lang: Lang): CopyOf[] {
  const files = results.map((r) => ({ file: r.label, id: r.id, digest: r.model ? r.report?.sha256 : undefined }));
  const { counted, copies } = countedOnce(files, (f) => f.digest, lang);
  const byLabel = new Map(files.map((f) => [f.file, f]));
  return copies.map(({ file, reason }) => {
    const copy = byLabel.get(file)!;
    return { id: copy.id, of: counted.find((f) => f.digest === copy.digest)!.id, file, reason };
  });
}

/**
 * The consolidated summary's button: the workbooks it counts, how many of them could not be read, and how many hold
 * none of the forms (不是试卷保密表单, not among 无法读取), as `custody summary` says it.
 */
export function consolidatedLabel(results: readonly SiteResult[], lang: Lang): string {
  // A copy of another (the same bytes) is one of them, its unit's second workbook, as the download lists it.
  const counted = results.filter((r) => r.skipped === undefined);
  const notOurs = counted.filter((r) => r.error !== undefined && notCustody(r.error)).length;
  const unreadable = counted.filter((r) => r.error !== undefined).length - notOurs;
  const key =
    notOurs > 0
      ? unreadable > 0
        ? 'downloadConsolidatedBoth'
        : 'downloadConsolidatedNotCustody'
      : unreadable > 0
        ? 'downloadConsolidatedUnreadable'
        : 'downloadConsolidated';
  return t(lang, key, { n: counted.length, unreadable, notCustody: notOurs });
}
