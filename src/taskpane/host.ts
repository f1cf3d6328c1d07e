/** What the pane needs from where it runs: Excel (Office.js) or a plain browser (files). */
import type { Finding } from '../model/finding';
import type { SiteSummary } from '../summary/site';
import type { SiteResult } from './check';
import type { Lang } from './i18n';

export interface TemplateInfo {
  /** File name in templates/, e.g. "附件1 纸质试卷交接单.xlsx". */
  file: string;
  /** Shown name, e.g. "附件1 纸质试卷交接单". */
  name: string;
  /** Sheets it holds. */
  sheets: string[];
  base64: string;
}

export interface Host {
  kind: 'office' | 'browser';
  /** Office: insert the template's sheets, returning a status line; browser: download the file, returning its name. */
  useTemplate(template: TemplateInfo, lang: Lang): Promise<string>;
  /**
   * Office: reads the open workbook; browser: the files opened so far.
   * `changed`: only these sheets were edited since the last check (live checking): the others may come from the last read.
   */
  check(lang: Lang, changed?: readonly string[]): Promise<SiteResult[]>;
  /** Office, WPS: activates the sheet and selects the cell; a status line where it cannot (the sheet is hidden). */
  select(site: SiteResult, finding: Finding, lang: Lang): Promise<string | undefined>;
  /** Office only. */
  mark?(site: SiteResult, lang: Lang): Promise<string>;
  clearMarks?(lang: Lang): Promise<string>;
  /** Browser only: the marked copy, downloaded; its name. */
  downloadMarked?(site: SiteResult, lang: Lang): Promise<string>;
  /** Browser only: the findings of every file in `custody validate --format json`'s shape, downloaded; its name. */
  exportJson?(sites: readonly SiteResult[], lang: Lang): Promise<string>;
  /** Browser only: the consolidated summary of every readable workbook open (`custody summary`'s workbook), downloaded; its name. */
  downloadConsolidated?(sites: readonly SiteResult[], lang: Lang): Promise<string>;
  /** Browser only: takes these files (by result id) out of those open: a file picked by mistake, or all of them. */
  remove?(ids: readonly string[]): void;
  /** Live checking where the host reports edits: calls back with the edited sheets; returns a function that stops it. */
  watch?(onChange: (sheets: readonly string[]) => void): () => void;
  /**
   * Office: writes the 汇总 sheet, returning a status line; browser: downloads a workbook with it, returning its name.
   * `aside`: the workbook is set aside among those open (another semester, its unit's second): its status line's words.
   */
  writeSummary(site: SiteResult, summary: SiteSummary, lang: Lang, aside?: string): Promise<string>;
}

/** Where the offline page carries the templates inline (no fetch from file://). */
const INLINE_TEMPLATES_ID = 'custody-templates';

/** The committed templates, base64-encoded into the build (webpack emits templates.json; the offline page holds them inline). */
export async function loadTemplates(): Promise<TemplateInfo[]> {
  const inline = document.getElementById(INLINE_TEMPLATES_ID);
  if (inline?.textContent) return (JSON.parse(inline.textContent) as { templates: TemplateInfo[] }).templates;
  const response = await fetch('templates.json', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`templates.json: HTTP ${response.status}`);
  const body = (await response.json()) as { templates: TemplateInfo[] };
  return body.templates;
}
