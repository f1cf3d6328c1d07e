/**
 * Node only: the consolidated summary over workbook files and folders, on
 * every core. Each file is read, validated and summarised in a worker thread
 * (piscina); only its compact outcome comes back (a per-site row, its papers,
 * findings, and its handovers for pairing), so memory does not grow with the
 * size of the workbooks and stays small per file. Unreadable files are listed
 * with a one-line reason, never fatal.
 */
import * as os from 'os';
import type { SiteModel } from '../model/site-model';
import { spacedCellsOf } from '../model/unread-papers';
import { CheckedWorkbook, type CheckOptions, checkWorkbook, checkWorkbookIn, fileReport, slimModel, slimPlaces, slimmed } from '../check/service';
import { refusalLine } from '../check/refusal';
import { overTime } from '../model/limits';
import { fileBudget, fileSeconds } from './time-budget';
import { EarlyWorkers, runPool } from './pool';
import { Consolidated, FileOutcome, applyAcross, buildConsolidated, unknownFieldsOf } from '../summary/consolidate';
import type { PackedLocations } from '../model/location-map';
import { summarizeSite } from '../summary/site';
import { byFileName } from '../model/file-order';
import { fileDigest, nodeCheckOptions, workbookFile } from './workbook-file';
import { type SummaryQuota, spoolEntryOf } from './spool-entry';
import { type StatMemo, statFrom, THREADS_FROM } from './files';
import { workerScript } from './worker-script';

export { findWorkbooks } from './files';

export interface ProcessedFile {
  outcome: FileOutcome;
  /** Not a unit's workbook (a summary this tool wrote): left out, with the reason. */
  skipped?: string;
  /** What the checks across workbooks need (site + handovers), absent when unreadable. */
  slim?: SiteModel;
  /** The slim model's locations packed, when asked for (its own `locations` are then empty). */
  places?: PackedLocations;
}

/** A file's time budget, for work on the main thread (a worker thread is stopped by the pool instead). */
type Budgeted = Pick<CheckOptions, 'budget'>;

/**
 * Reads, validates (the check service) and summarises one workbook file; never
 * throws. `packPlaces`: the slim model's locations packed (the spool writes
 * them so, at a fraction of the cost of listing them).
 */
export async function processFile(file: string, lang?: 'zh' | 'en', packPlaces = false, bounded: Budgeted = {}): Promise<ProcessedFile> {
  const checked = await checkWorkbook(workbookFile(file), { ...nodeCheckOptions(lang), ...bounded });
  const { sha256, findings, error } = checked.report;
  if (checked.skipped) return { outcome: { file, sha256, findings: [] }, skipped: checked.skipped };
  if (!checked.model) return { outcome: { file, sha256, error, findings: [] } };
  const slim = packPlaces ? slimModel(checked.model, {}) : slimModel(checked.model);
  const summary = summarizeSite(checked.model, findings, { file, sha256, lang });
  const unknownFields = unknownFieldsOf(checked.model);
  const paperNames = slim.paperNames;
  const spacedCells = spacedCellsOf(checked.model);
  const outcome = {
    file,
    site: checked.report.site,
    sha256,
    findings,
    summary,
    digest: slim.contentDigest,
    ...(unknownFields ? { unknownFields } : {}),
    ...(paperNames ? { paperNames } : {}),
    ...(spacedCells ? { spacedCells } : {}),
  };
  return packPlaces ? { outcome, slim, places: slimPlaces(checked.model) } : { outcome, slim };
}

export interface ConsolidateFilesOptions {
  lang?: 'zh' | 'en';
  /** Worker threads; default: one per core. 0 runs everything in this thread. */
  threads?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Worker threads started already (`startEarlyWorkers`): taken first, the others stopped once the files are handed out. */
  early?: EarlyWorkers;
}

/**
 * The threads a run uses: as asked, but no more than the machine has cores
 * (two at least): more read no faster, and thousands asked for took minutes
 * and gigabytes to start, before any file was read.
 */
const threadsOf = (options: ConsolidateFilesOptions): number => Math.min(Math.max(0, options.threads ?? defaultThreads()), Math.max(2, defaultThreads()));

/**
 * The worker file when `count` files go to worker threads: threads asked for,
 * a built worker, and files enough to be worth starting threads; undefined:
 * they are read in this thread.
 */
export function threadWorker(options: ConsolidateFilesOptions, count: number): string | undefined {
  return threadsOf(options) > 0 && count >= THREADS_FROM ? workerScript() : undefined;
}

/**
 * Worker threads started while `inputs` are searched, when one of them is a
 * folder (whose files are likely many) and threads are asked for; the caller
 * stops them (`stop()`) whatever happens, taken or not. The inputs' stats go
 * into `memo`, for the caller's own checks of them.
 */
export async function startEarlyWorkers(inputs: readonly string[], options: ConsolidateFilesOptions, memo?: StatMemo): Promise<EarlyWorkers | undefined> {
  const script = workerScript();
  const threads = threadsOf(options);
  if (!script || threads === 0) return undefined;
  const stats = await Promise.all(inputs.map(statFrom(memo)));
  return stats.some((s) => s?.isDirectory()) ? new EarlyWorkers(script, threads) : undefined;
}

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * What each file becomes, in a worker thread or in this one: `processed`, a
 * ProcessedFile (consolidateFiles); `spool`, its spool entry (spoolFiles);
 * `checked`, the check service's checked workbook, slim, with no summary made
 * (`validate`; `digest`: its SHA-256 computed).
 */
export type FileWork = { answer: 'processed' } | { answer: 'spool'; quota?: SummaryQuota } | { answer: 'checked'; digest: boolean };

/** One file as `work` asks (the worker thread's answer); never throws but where the check itself does. */
export async function workOn(file: string, lang: 'zh' | 'en' | undefined, work: FileWork, bounded: Budgeted = {}): Promise<unknown> {
  if (work.answer === 'checked') {
    const [checked] = await checkWorkbookIn(workbookFile(file), [lang ?? 'zh'], { ...(work.digest ? nodeCheckOptions(lang) : { lang }), ...bounded });
    return slimmed(checked);
  }
  const r = await processFile(file, lang, work.answer === 'spool', bounded);
  return work.answer === 'spool' ? spoolEntryOf(r, lang, work.quota) : r;
}

/** A file refused in one line (its worker stopped or dead, or its check threw), as `work` gives it, with its SHA-256 where asked. */
function refusedAs(file: string, error: string, lang: 'zh' | 'en' | undefined, work: FileWork): unknown {
  const sha256 = work.answer === 'checked' && !work.digest ? null : fileDigest(file);
  if (work.answer === 'checked') return { report: fileReport(file, null, sha256, [], error) } satisfies CheckedWorkbook;
  const r: ProcessedFile = { outcome: { file, sha256, error, findings: [] } };
  return work.answer === 'spool' ? spoolEntryOf(r, lang, work.quota) : r;
}

/**
 * Works on every file (`work`), on every core, and hands each result to
 * `take` in the order of `files` (whatever order the threads finish in):
 * results that arrive early wait in a window of a few per thread, and no
 * file further than that window ahead is started, so what waits stays small.
 * `onProgress` is called as each file is done.
 */
export async function processInWorkers<T = ProcessedFile>(
  files: readonly string[],
  options: ConsolidateFilesOptions,
  take: (r: T) => void,
  work: FileWork = { answer: 'processed' },
): Promise<void> {
  let done = 0;
  const progress = (file: string) => options.onProgress?.(++done, files.length, file);
  const threads = threadsOf(options);
  const worker = threadWorker(options, files.length);
  if (!worker) {
    await options.early?.stop();
    const budget = fileBudget();
    for (const file of files) {
      const r = (await workOn(file, options.lang, work, { budget })) as T;
      progress(file);
      take(r);
    }
    return;
  }
  const seconds = fileSeconds();
  // Results finished ahead of the next one due wait here, at most `window` of them.
  const window = Math.max(64, threads * 16);
  const ready = new Map<number, T>();
  let due = 0;
  const settle = (i: number, r: T) => {
    progress(files[i]);
    ready.set(i, r);
    while (ready.has(due)) {
      const first = ready.get(due)!;
      ready.delete(due++);
      take(first);
    }
  };
  const refused = (i: number, error: string) => settle(i, refusedAs(files[i], error, options.lang, work) as T);
  const pool = runPool({
    files,
    threads: Math.min(threads, files.length),
    worker,
    setup: { lang: options.lang, work },
    budgetMs: seconds * 1000,
    mayStart: (i) => i < due + window,
    answer: (a) => ('refusal' in a ? refused(a.index, a.refusal) : settle(a.index, a.result as T)),
    lost: (i, over, error) => refused(i, over ? overTime(seconds, options.lang) : refusalLine(error, options.lang)),
    early: options.early,
  });
  // The pool has taken the early workers it needs: the others are not kept idle while it runs.
  void options.early?.stop();
  await pool;
}

/** Reads, checks and summarises every file, on every core, and consolidates (all in memory: `node-spool.ts` for thousands). */
export async function consolidateFiles(files: readonly string[], options: ConsolidateFilesOptions = {}): Promise<Consolidated> {
  const outcomes: FileOutcome[] = [];
  const slim: Array<{ id: string; model: SiteModel }> = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  // A byte copy of another file is taken like any workbook: unit-workbook-twice sets it aside as its unit's second.
  await processInWorkers([...files].sort(byFileName), options, (r) => {
    if (r.skipped) {
      skipped.push({ file: r.outcome.file, reason: r.skipped });
      return;
    }
    outcomes.push(r.outcome);
    if (r.slim) slim.push({ id: r.outcome.file, model: r.slim });
  });
  applyAcross(outcomes, slim, options.lang);
  const c = buildConsolidated(outcomes);
  if (skipped.length) c.skipped = skipped.sort((a, b) => byFileName(a.file, b.file));
  return c;
}
