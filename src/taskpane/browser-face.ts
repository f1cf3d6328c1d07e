/**
 * The pane in a plain browser (no Office host): for staff on WPS Spreadsheets
 * or without Microsoft Excel. Workbooks are opened from disk, read in a Web
 * Worker by the one reader and checked there, on their own and across the
 * files, each with its summary; a marked copy is written in that worker and
 * downloaded. Nothing is sent anywhere. This
 * module is loaded by dynamic import() only when there is no Office host.
 */
import { BrowserReadError, fileBytes, markedName, saveBytes } from '../io/xlsx/browser';
import { siteSummaryXlsx } from '../io/xlsx/summary';
import type { SiteResult } from './check';
import type { Host } from './host';
import { Lang, t } from './i18n';
import { workbookWorker } from './worker-reader';
import { CheckEntry, OpenedWorkbookChecks, checkHeld, consolidatedWorkbook, markWorkbook, readAndCheck, unpacked } from './workbook-jobs';
import { packModel } from '../check/service';

/** How far the reading of the chosen files has come: `done` of `total`, `name` being read next. */
export interface ReadProgress {
  done: number;
  total: number;
  name: string;
}

/** A file read: its bytes (kept for the marked copy and the SHA-256), its grid, and its checks on its own. */
interface OpenedFile extends OpenedWorkbookChecks {
  bytes: Uint8Array;
}

/** A file picked: read, or why not (and its bytes, when it was not too large to take). */
interface PickedFile {
  name: string;
  opened?: OpenedFile;
  bytes?: Uint8Array;
  error?: unknown;
}

export interface BrowserHost extends Host {
  /** Opens files (added to those already open; a file of the same name replaces the old one). */
  addFiles(files: readonly File[], progress?: (p: ReadProgress) => void): Promise<void>;
  opened(): string[];
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Why a file cannot be read: the CLI's own words in Chinese, a short reason in English. */
function readError(error: unknown, lang: Lang): string {
  if (error instanceof BrowserReadError) {
    if (lang === 'zh') return error.message;
    if (error.code === 'oldXls') return t(lang, 'oldXls');
    if (error.code === 'notXlsx') return t(lang, 'notXlsx');
    if (error.code === 'tooBig') return t(lang, 'fileTooBig');
    return t(lang, 'brokenFile');
  }
  return error instanceof Error ? error.message : String(error);
}

export function browserHost(): BrowserHost {
  const files: PickedFile[] = [];
  const find = (id: string) => files.find((f) => f.name === id);
  // Read, checked and marked off the page's thread, so that the page answers while a large workbook is.
  const jobs = workbookWorker({
    read: readAndCheck,
    check: (entries, lang) => checkHeld(entries, (name) => find(name)?.opened, lang),
    mark: markWorkbook,
    consolidate: consolidatedWorkbook,
  });
  return {
    kind: 'browser',
    async addFiles(list, progress) {
      for (const [i, file] of list.entries()) {
        progress?.({ done: i, total: list.length, name: file.name });
        let entry: PickedFile;
        let bytes: Uint8Array | undefined;
        try {
          bytes = await fileBytes(file);
          entry = { name: file.name, opened: { bytes, ...unpacked(await jobs.read(file.name, bytes)) } };
        } catch (error) {
          // Its bytes kept for its SHA-256, which the report gives for a file it cannot read too.
          entry = { name: file.name, bytes, error };
        }
        const same = files.findIndex((f) => f.name === file.name);
        if (same >= 0) files[same] = entry;
        else files.push(entry);
      }
    },
    opened: () => files.map((f) => f.name),
    async useTemplate(template) {
      saveBytes(template.file, base64ToBytes(template.base64));
      return template.file;
    },
    async check(lang) {
      const entries = files.map((f): CheckEntry => (f.opened ? { name: f.name } : { name: f.name, bytes: f.bytes, error: readError(f.error, lang) }));
      const checked = await jobs.check(entries, lang);
      // The grid and model stay on the page (the preview, the marks, the summary); they do not cross again.
      return checked.map((result): SiteResult => {
        const opened = find(result.id)?.opened;
        return opened ? { ...result, grid: opened.grid, ...(opened.model ? { model: opened.model } : {}) } : result;
      });
    },
    async select() {
      // The pane shows where the cell is; there is no spreadsheet to move in.
    },
    async downloadMarked(site, lang) {
      const entry = find(site.id);
      if (!entry?.opened) return;
      saveBytes(markedName(entry.name, lang), await jobs.mark(entry.opened.bytes, site.findings, lang));
    },
    async exportJson(sites, lang) {
      // The check service's report, as `custody validate --format json` prints it.
      const files = sites.filter((site) => site.report).map((site) => site.report);
      const name = t(lang, 'findingsFile');
      saveBytes(name, new TextEncoder().encode(`${JSON.stringify({ files }, null, 2)}\n`), 'application/json');
      return name;
    },
    async downloadConsolidated(sites, lang) {
      // Written in the worker; the SHA-256 as the check found it (of a file it could not read too, as the CLI gives it).
      const inputs = sites.map((site) => ({
        file: site.label,
        sha256: site.report?.sha256 ?? null,
        ...(site.model ? { model: packModel(site.model) } : {}),
        ...(site.error !== undefined ? { error: site.error } : {}),
      }));
      const name = t(lang, 'consolidatedFile');
      saveBytes(name, await jobs.consolidate(inputs, lang));
      return name;
    },
    async writeSummary(site, summary, lang) {
      const name = `${site.label.replace(/\.xlsx$/i, '')}${lang === 'zh' ? '（汇总）' : ' (summary)'}.xlsx`;
      saveBytes(name, await siteSummaryXlsx(summary, site.findings, lang));
      return name;
    },
  };
}
