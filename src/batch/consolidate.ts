/**
 * Node only: the consolidated summary over workbook files and folders, on
 * every core. Each file is read, validated and summarised in a worker thread
 * (piscina); only its compact outcome comes back (a per-site row, its papers,
 * findings, and its handovers for pairing), so memory does not grow with the
 * size of the workbooks and stays small per file. Unreadable files are listed
 * with a one-line reason, never fatal.
 */
import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SiteModel } from '../model/site-model';
import { checkWorkbook } from '../check/service';
import { refusalLine } from '../check/refusal';
import { LIMITS, overTime } from '../model/limits';
import type { WorkerTask } from './worker';
import { Consolidated, FileOutcome, applyAcross, buildConsolidated, slimModel } from '../summary/consolidate';
import { summarizeSite } from '../summary/site';
import { nodeCheckOptions, workbookFile } from './workbook-file';

export { findWorkbooks } from './files';

export interface ProcessedFile {
  outcome: FileOutcome;
  /** Not a unit's workbook (a summary this tool wrote): left out, with the reason. */
  skipped?: string;
  /** What the checks across workbooks need (site + handovers), absent when unreadable. */
  slim?: SiteModel;
}

/** Reads, validates (the check service) and summarises one workbook file; never throws. */
export async function processFile(file: string, lang?: 'zh' | 'en'): Promise<ProcessedFile> {
  const checked = await checkWorkbook(workbookFile(file), nodeCheckOptions(lang));
  const { sha256, findings, error } = checked.report;
  if (checked.skipped) return { outcome: { file, sha256, findings: [] }, skipped: checked.skipped };
  if (!checked.model) return { outcome: { file, sha256, error, findings: [] } };
  return {
    outcome: { file, site: checked.report.site, sha256, findings, summary: summarizeSite(checked.model, findings, { file, sha256 }) },
    slim: slimModel(checked.model),
  };
}

export interface ConsolidateFilesOptions {
  lang?: 'zh' | 'en';
  /** Worker threads; default: one per core. 0 runs everything in this thread. */
  threads?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The compiled worker, when running from the build (not from ts-jest sources). */
function workerFile(): string | undefined {
  const js = path.join(__dirname, 'worker.js');
  return existsSync(js) ? js : undefined;
}

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Reads, checks and summarises every file, on every core, and hands each
 * result to `take` in the order of `files` (whatever order the threads finish
 * in): results that arrive early wait in a window of a few per thread, and no
 * file further than that window ahead is started, so what waits stays small.
 * `onProgress` is called as each file is done.
 */
export async function processInWorkers<T = ProcessedFile>(
  files: readonly string[],
  options: ConsolidateFilesOptions,
  take: (r: T) => void,
  /** What each result becomes before it leaves the worker (`node-worker.ts` applies the same for `spool`). */
  as?: { spool: true; convert: (r: ProcessedFile) => T },
): Promise<void> {
  const convert = as?.convert ?? ((r: ProcessedFile) => r as unknown as T);
  let done = 0;
  const progress = (file: string) => options.onProgress?.(++done, files.length, file);
  const threads = Math.max(0, options.threads ?? defaultThreads());
  const worker = workerFile();
  if (!(threads > 0 && worker && files.length >= 4)) {
    for (const file of files) {
      const r = convert(await processFile(file, options.lang));
      progress(file);
      take(r);
    }
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: worker,
    maxThreads: Math.min(threads, files.length),
    minThreads: Math.min(threads, files.length),
    idleTimeout: 1000,
  });
  const seconds = fileSeconds();
  const budget = fileBudget(seconds * 1000);
  try {
    // A few tasks per thread in flight: the queue stays short, results are folded in as they come.
    const limit = pool.options.maxThreads * 4;
    // Results finished ahead of the next one due wait here, at most `window` of them.
    const window = Math.max(64, pool.options.maxThreads * 16);
    const ready = new Map<number, T>();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let due = 0;
      let inFlight = 0;
      let failed = false;
      const settle = (i: number, r: T) => {
        if (failed) return;
        inFlight--;
        try {
          progress(files[i]);
          ready.set(i, r);
          while (ready.has(due)) {
            const first = ready.get(due)!;
            ready.delete(due++);
            take(first);
          }
          if (due >= files.length) resolve();
          else pump();
        } catch (error) {
          failed = true;
          reject(error);
        }
      };
      const pump = () => {
        while (inFlight < limit && next < files.length && next < due + window) {
          const i = next++;
          const file = files[i];
          inFlight++;
          const timed = budget.start();
          const task: WorkerTask = { file, lang: options.lang, spool: Boolean(as?.spool), started: timed.started };
          (pool.run(task, { signal: timed.signal }) as Promise<T>).then(
            (r) => {
              timed.done();
              settle(i, r);
            },
            (error: unknown) => {
              timed.done();
              try {
                const line = timed.signal.aborted ? overTime(seconds) : refusalLine(error, options.lang);
                settle(i, convert({ outcome: { file, sha256: null, error: line, findings: [] } }));
              } catch (e) {
                failed = true;
                reject(e);
              }
            },
          );
        }
      };
      if (files.length === 0) resolve();
      else pump();
    });
  } finally {
    budget.stop();
    await pool.destroy();
  }
}

/** LIMITS.fileSeconds, or CUSTODY_FILE_SECONDS when an operator (or a test) sets another. */
function fileSeconds(): number {
  const set = Number(process.env.CUSTODY_FILE_SECONDS);
  return Number.isFinite(set) && set > 0 ? set : LIMITS.fileSeconds;
}

/**
 * The time budget of each file in a worker: counted from when its worker
 * starts it (a flag the worker sets in shared memory), and past it the task is
 * aborted, which stops its worker thread (piscina starts a fresh one), so one
 * file that never ends cannot hold up the others.
 */
function fileBudget(ms: number) {
  const running = new Set<{ started: Int32Array; since?: number; abort: AbortController }>();
  const timer = setInterval(
    () => {
      const now = Date.now();
      for (const t of running) {
        if (t.since === undefined) {
          if (Atomics.load(t.started, 0) === 1) t.since = now;
        } else if (now - t.since > ms) {
          running.delete(t);
          t.abort.abort();
        }
      }
    },
    Math.max(10, Math.min(250, ms / 4)),
  );
  timer.unref();
  return {
    start() {
      const t = { started: new Int32Array(new SharedArrayBuffer(4)), abort: new AbortController() };
      running.add(t);
      return { started: t.started, signal: t.abort.signal, done: () => running.delete(t) };
    },
    stop: () => clearInterval(timer),
  };
}

/** Reads, checks and summarises every file, on every core, and consolidates (all in memory: `node-spool.ts` for thousands). */
export async function consolidateFiles(files: readonly string[], options: ConsolidateFilesOptions = {}): Promise<Consolidated> {
  const outcomes: FileOutcome[] = [];
  const slim: Array<{ id: string; model: SiteModel }> = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  await processInWorkers(files, options, (r) => {
    if (r.skipped) skipped.push({ file: r.outcome.file, reason: r.skipped });
    else outcomes.push(r.outcome);
    if (r.slim) slim.push({ id: r.outcome.file, model: r.slim });
  });
  applyAcross(outcomes, slim, options.lang);
  const c = buildConsolidated(outcomes);
  if (skipped.length) c.skipped = skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return c;
}
