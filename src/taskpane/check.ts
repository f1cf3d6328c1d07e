/**
 * Host-agnostic checking: grids in (one per workbook: the open workbook in
 * Excel, each chosen file in the browser), findings out, grouped the way the
 * pane shows them. No Office.js and no exceljs here.
 */
import { readCheckableWorkbook, SiteModel, UncheckableWorkbook } from '../forms/workbook';
import { parseA1, type WorkbookGrid } from '../model/grid';
import type { Finding } from '../model/finding';
import { validateAcross, validateSite } from '../rules/engine';
import { Key, Lang, t } from './i18n';

export interface SiteInput {
  id: string;
  /** What the person knows it by: the file name, or the open workbook. */
  label: string;
  grid?: WorkbookGrid;
  /** Why it could not be read (then no grid). */
  error?: string;
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
}

const REFUSAL_KEYS: Record<UncheckableWorkbook['reason'], Key> = { empty: 'emptyWorkbook', noForms: 'noForms', headerMissing: 'headerMissing' };

/** Why a workbook cannot be checked: the reader's own words in Chinese, the pane's translation in English. */
function refusal(error: unknown, lang: Lang): string {
  if (error instanceof UncheckableWorkbook && lang !== 'zh') return t(lang, REFUSAL_KEYS[error.reason]);
  return error instanceof Error ? error.message : String(error);
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1 };

/** Reads and validates every workbook; across workbooks too when there are several. */
export function checkSites(inputs: readonly SiteInput[], lang: Lang): SiteResult[] {
  const results: SiteResult[] = inputs.map((input) => {
    if (!input.grid) return { id: input.id, label: input.label, findings: [], error: input.error ?? 'unreadable', problems: [] };
    try {
      const model = readCheckableWorkbook(input.grid);
      const findings = validateSite(model, { lang });
      return { id: input.id, label: input.label, grid: input.grid, model, findings, problems: model.problems };
    } catch (error) {
      return { id: input.id, label: input.label, grid: input.grid, findings: [], error: refusal(error, lang), problems: [] };
    }
  });
  const readable = results.filter((r) => r.model);
  if (readable.length > 1) {
    const across = validateAcross(readable.map((r) => ({ id: r.id, model: r.model! })), { lang });
    for (const r of readable) r.findings.push(...(across.get(r.id) ?? []));
  }
  for (const r of results) r.findings = sortFindings(r.findings, r.grid);
  return results;
}

function sheetOrder(grid: WorkbookGrid | undefined): Map<string, number> {
  return new Map((grid?.sheets ?? []).map((s, i) => [s.name, i]));
}

function cellOrder(cell: string | null): [number, number] {
  const at = cell ? parseA1(cell) : undefined;
  return at ? [at.row, at.col] : [Number.MAX_SAFE_INTEGER, 0];
}

/** Workbook order: sheet, then row, then column, errors before warnings. */
export function sortFindings(findings: Finding[], grid?: WorkbookGrid): Finding[] {
  const order = sheetOrder(grid);
  const rank = (f: Finding): number => (f.sheet === null ? -1 : order.get(f.sheet) ?? Number.MAX_SAFE_INTEGER);
  return [...findings].sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d !== 0) return d;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    if (ra !== rb) return ra - rb;
    if (ca !== cb) return ca - cb;
    return (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || a.rule.localeCompare(b.rule);
  });
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
