/**
 * The pane in a plain browser (no Office host): for staff on WPS Spreadsheets
 * or without Microsoft Excel. Workbooks are opened from disk, read in a Web
 * Worker by the one reader and checked there, on their own and across the
 * files, each with its summary; a marked copy is written in that worker and
 * downloaded. Nothing is sent anywhere. This
 * module is loaded by dynamic import() only when there is no Office host.
 */
import { fileBytes, markedName, saveBytes } from '../io/xlsx/browser';
import { readErrorLine } from './read-error';
import { siteSummaryXlsx } from '../io/xlsx/summary';
import { SiteResult, skipReasonOf } from './check';
import type { Host } from './host';
import { t } from './i18n';
import { reportStatus } from '../summary/words';
import { workbookWorker } from './worker-reader';
import { ReadingStopped } from './reading-stop';
import { CheckEntry, OpenedWorkbookChecks, checkHeld, consolidatedWorkbook, markWorkbook, readAndCheck, seedOf, unpacked } from './workbook-jobs';

/** How far the reading of the chosen files has come: `done` of `total`, `name` being read next. */
export interface ReadProgress {
  done: number;
  total: number;
  name: string;
}

/** A file read: its bytes (kept for the marked copy and the SHA-256), its grid, and its checks on its own. */
interface OpenedFile extends OpenedWorkbookChecks {
  bytes: Uint8Array;
  /** The worker that read it (jobs.generation): one ended by 停止 since holds it no more, and is given it again at the next check. */
  heldBy: number;
}

/**
 * A file picked: read, or why not (and its bytes, when it was not too large to
 * take). `name` is the file's own name (the findings report gives it); `key`
 * names it to the worker and in the results, and `label` in the list: both are
 * the name, unless another unit's workbook of the same name is open.
 */
interface PickedFile {
  key: string;
  name: string;
  label: string;
  opened?: OpenedFile;
  bytes?: Uint8Array;
  error?: unknown;
  /** Passed by unread: a marked copy, a text table (skipReasonOf). */
  skipped?: boolean;
}

/**
 * What opening a file did besides adding it: it replaced an open file of the
 * same name (the same unit's workbook, or one that could not be told apart),
 * or it was kept beside one that is another unit's, under `label`.
 */
export interface OpenNote {
  kind: 'replaced' | 'keptBoth';
  /** The file picked. */
  name: string;
  /** What it replaced; what it is listed as, kept. */
  label: string;
}

export interface BrowserHost extends Host {
  /**
   * Opens files, added to those open (a file of an open file's name: see OpenNote); says what it replaced or renamed.
   * `stop` aborted (停止): the file being read is given up (its worker ended) and no more are read; it throws
   * ReadingStopped, with what the files read did and how many were not read.
   */
  addFiles(files: readonly File[], progress?: (p: ReadProgress) => void, stop?: AbortSignal): Promise<OpenNote[]>;
  opened(): string[];
}

/** The unit a workbook read is of, as its findings report names it; null when it cannot be told. */
function unitOf(file: PickedFile): string | null {
  return file.opened?.checks.zh.report.site ?? null;
}

/**
 * Staff often name their workbooks alike (every 考点 sends "试卷保管.xlsx"):
 * one picked under an open file's name replaces it only when it is the same
 * unit's (a corrected copy) or either cannot be told; another unit's is kept.
 */
function replacesOpen(open: PickedFile, picked: PickedFile): boolean {
  const [was, is] = [unitOf(open), unitOf(picked)];
  return was === null || is === null || was === is;
}

/** `name` itself, or with （2）, （3）… before its extension: the first not taken. */
function freeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem}（${n}）${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function browserHost(): BrowserHost {
  const files: PickedFile[] = [];
  const find = (key: string) => files.find((f) => f.key === key);
  // Read, checked and marked off the page's thread, so that the page answers while a large workbook is.
  const jobs = workbookWorker({
    read: (_key, name, bytes) => readAndCheck(name, bytes),
    check: (entries, lang) => checkHeld(entries, (key) => find(key)?.opened, lang),
    mark: markWorkbook,
    consolidate: (sites, lang) => consolidatedWorkbook(sites, (key) => find(key)?.opened, lang),
  });

  /** Reads a file under `key` (its findings report under its own name); a marked copy or a text table is not read (skipReasonOf). */
  const pick = async (file: File, key: string): Promise<PickedFile> => {
    const picked = { key, name: file.name, label: file.name };
    if (skipReasonOf(file.name, 'zh') !== undefined) return { ...picked, skipped: true };
    let bytes: Uint8Array | undefined;
    try {
      bytes = await fileBytes(file);
      const heldBy = jobs.generation;
      return { ...picked, opened: { bytes, heldBy, ...unpacked(await jobs.read(key, file.name, bytes)) } };
    } catch (error) {
      // Its bytes kept for its SHA-256, which the report gives for a file it cannot read too.
      return { ...picked, bytes, error };
    }
  };

  /** Adds a file read; what it did to an open file of its name, if any. (The worker lets go of a file replaced at the next check, which names every file open.) */
  const add = (entry: PickedFile): OpenNote | undefined => {
    const same = files.find((f) => f.name === entry.name && replacesOpen(f, entry));
    if (same) {
      entry.label = same.label;
      files[files.indexOf(same)] = entry;
      return { kind: 'replaced', name: entry.name, label: entry.label };
    }
    files.push(entry);
    // Listed under its name unless another is (a namesake of another unit's, or a file listed as "x（2）.xlsx" already).
    entry.label = freeName(entry.name, (label) => files.some((f) => f !== entry && f.label === label));
    return entry.label === entry.name ? undefined : { kind: 'keptBoth', name: entry.name, label: entry.label };
  };

  return {
    kind: 'browser',
    async addFiles(list, progress, stop) {
      const notes: OpenNote[] = [];
      // 停止 ends the worker: the file it was reading is given up, not listed as one it could not read.
      const end = () => jobs.stop();
      stop?.addEventListener('abort', end);
      try {
        for (const [i, file] of list.entries()) {
          if (stop?.aborted)
            throw new ReadingStopped(
              notes,
              list.slice(i).map((f) => f.name),
            );
          progress?.({ done: i, total: list.length, name: file.name });
          // Read under a key of its own: an open file of its name is still held while it is told apart from this one.
          const key = freeName(file.name, (k) => files.some((f) => f.key === k));
          const picked = await pick(file, key);
          if (stop?.aborted)
            throw new ReadingStopped(
              notes,
              list.slice(i).map((f) => f.name),
            );
          const note = add(picked);
          if (note) notes.push(note);
        }
        return notes;
      } finally {
        stop?.removeEventListener('abort', end);
      }
    },
    opened: () => files.map((f) => f.label),
    remove(ids) {
      // The worker lets go of them at the next check, which names every file still open.
      const gone = new Set(ids);
      for (let i = files.length - 1; i >= 0; i--) if (gone.has(files[i].key)) files.splice(i, 1);
    },
    async useTemplate(template) {
      saveBytes(template.file, base64ToBytes(template.base64));
      return template.file;
    },
    async check(lang) {
      const entries = files
        .filter((f) => !f.skipped)
        .map((f): CheckEntry => {
          const entry = { key: f.key, label: f.label };
          if (!f.opened) return { ...entry, bytes: f.bytes, error: readErrorLine(f.error, lang) };
          // Read by a worker ended since (停止): the one now running is given what the page holds of it, once.
          if (f.opened.heldBy === jobs.generation) return entry;
          f.opened.heldBy = jobs.generation;
          return { ...entry, seed: seedOf(f.opened) };
        });
      const checked = new Map((await jobs.check(entries, lang)).map((result) => [result.id, result]));
      // The grid and model stay on the page (the preview, the marks, the summary); they do not cross again.
      return files.map((f): SiteResult => {
        const result = checked.get(f.key);
        if (!result) return { id: f.key, label: f.label, findings: [], skipped: skipReasonOf(f.name, lang) };
        return f.opened ? { ...result, grid: f.opened.grid, ...(f.opened.model ? { model: f.opened.model } : {}) } : result;
      });
    },
    async select() {
      // The pane shows where the cell is; there is no spreadsheet to move in.
      return undefined;
    },
    async downloadMarked(site, lang) {
      const entry = find(site.id);
      // Offered only for a file read and with findings.
      if (!entry?.opened) throw new Error(site.label);
      const name = markedName(entry.label, lang);
      saveBytes(name, await jobs.mark(entry.opened.bytes, site.findings, lang));
      return name;
    },
    async exportJson(sites, lang) {
      // The check service's report, as `custody validate --format json` prints it.
      // Each with its status as the check has it now (a file's findings redrawn after an edit: its own status again).
      const files = sites.filter((site) => site.report).map((site) => ({ ...site.report!, status: reportStatus(site.report!) }));
      const name = t(lang, 'findingsFile');
      saveBytes(name, new TextEncoder().encode(`${JSON.stringify({ files }, null, 2)}\n`), 'application/json');
      return name;
    },
    async downloadConsolidated(sites, lang) {
      // Written in the worker, from the models it holds; the SHA-256 as the check found it (of a file it could not read too, as the CLI gives it).
      // A file passed by (a summary, a marked copy) is no unit's: not in the summary, as `custody summary` leaves it out.
      const inputs = sites
        .filter((site) => site.skipped === undefined)
        .map((site) => ({
          file: site.label,
          sha256: site.report?.sha256 ?? null,
          key: site.id,
          ...(site.error !== undefined ? { error: site.error } : {}),
        }));
      const name = t(lang, 'consolidatedFile');
      saveBytes(name, await jobs.consolidate(inputs, lang));
      return name;
    },
    async writeSummary(site, summary, lang, aside) {
      const name = `${site.label.replace(/\.xlsx$/i, '')}${lang === 'zh' ? '（汇总）' : ' (summary)'}.xlsx`;
      // A workbook set aside says so, as its section's status line and the consolidated summary's sheet of it do.
      saveBytes(name, await siteSummaryXlsx(summary, site.findings, lang, aside));
      return name;
    },
  };
}
