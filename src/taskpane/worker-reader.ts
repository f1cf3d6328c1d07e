/**
 * The browser face's slow work (workbook-jobs.ts) done in a Web Worker
 * (read-worker.ts), one job at a time, in the order asked: reading a workbook
 * and checking it on its own (a vault log of 50,000 rows held the page for
 * over a second), the checks across the files read and their summaries (the
 * worker keeps what it read, by key), writing a marked copy (exceljs: seconds
 * for thousands of marked cells), and writing the consolidated summary of many. Where no worker
 * can be started (no Worker, a policy that forbids it, its script missing) or
 * it dies, the same code runs on the page instead: slower to answer, same result.
 * 停止 (stop) ends the worker and what it was doing: the next job starts another.
 */
import { BrowserReadError } from '../io/xlsx/browser';
import type { Finding } from '../model/finding';
import type { CheckEntry, CheckedFile, ConsolidatedSite, ReadAndChecked } from './workbook-jobs';
import type { Lang } from './i18n';

type WorkerJob =
  | { kind: 'read'; key: string; name: string; bytes: Uint8Array }
  | { kind: 'check'; entries: readonly CheckEntry[]; lang: Lang }
  | { kind: 'mark'; bytes: Uint8Array; findings: readonly Finding[]; lang: Lang }
  | { kind: 'consolidate'; sites: readonly ConsolidatedSite[]; lang: Lang };

export type WorkerRequest = WorkerJob & { id: number };

export type WorkerReply =
  | { id: number; read: ReadAndChecked }
  | { id: number; checked: CheckedFile[] }
  | { id: number; written: Uint8Array }
  | { id: number; error: { code: BrowserReadError['code'] | null; message: string; en?: string } };

export interface WorkbookJobs {
  /** Reads and checks file `name`, held under `key` for the checks. */
  read(key: string, name: string, bytes: Uint8Array): Promise<ReadAndChecked>;
  /** The checks across the files read (by key) and each one's summary; a file not read is given with why. Every file open is given: the worker lets go of the others. */
  check(entries: readonly CheckEntry[], lang: Lang): Promise<CheckedFile[]>;
  mark(bytes: Uint8Array, findings: readonly Finding[], lang: Lang): Promise<Uint8Array>;
  consolidate(sites: readonly ConsolidatedSite[], lang: Lang): Promise<Uint8Array>;
}

/** A job given up by stop(): the worker doing it was ended. */
export class JobStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'JobStopped';
  }
}

/** The jobs, and stop(): ends the worker and every job it had (each rejected with JobStopped); the next job starts a new worker, which holds nothing. */
export interface StoppableJobs extends WorkbookJobs {
  stop(): void;
  /** Counts the workers ended by stop(): a new number, a worker that holds none of the files read before. */
  readonly generation: number;
}

/** The worker script beside the page; the offline page carries it inline instead. */
const WORKER_SCRIPT = 'read-worker.js';
const INLINE_WORKER_ID = 'custody-read-worker';

function workerUrl(): string {
  const inline = document.getElementById(INLINE_WORKER_ID);
  if (inline?.textContent) return URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
  return new URL(WORKER_SCRIPT, document.baseURI).href;
}

type JobResult = ReadAndChecked | CheckedFile[] | Uint8Array;

interface Pending {
  job: WorkerJob;
  resolve(result: JobResult): void;
  reject(error: unknown): void;
}

function onPageJob(onPage: WorkbookJobs, job: WorkerJob): Promise<JobResult> {
  if (job.kind === 'read') return onPage.read(job.key, job.name, job.bytes);
  if (job.kind === 'check') return onPage.check(job.entries, job.lang);
  return job.kind === 'mark' ? onPage.mark(job.bytes, job.findings, job.lang) : onPage.consolidate(job.sites, job.lang);
}

function settle(p: Pending, reply: WorkerReply): void {
  if ('read' in reply) p.resolve(reply.read);
  else if ('checked' in reply) p.resolve(reply.checked);
  else if ('written' in reply) p.resolve(reply.written);
  else p.reject(reply.error.code ? new BrowserReadError(reply.error.code, reply.error.message, reply.error.en) : new Error(reply.error.message));
}

/** The jobs done in the worker, or by `onPage` where it cannot run. */
export function workbookWorker(onPage: WorkbookJobs): StoppableJobs {
  let worker: Worker | null | undefined;
  let nextId = 0;
  let generation = 0;
  const pending = new Map<number, Pending>();

  /** The worker could not start or died: what it held is done on the page, and so is everything after. */
  const giveUp = (): void => {
    worker?.terminate();
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) onPageJob(onPage, p.job).then(p.resolve, p.reject);
  };

  const start = (): Worker | null => {
    if (typeof Worker === 'undefined') return null;
    try {
      const w = new Worker(workerUrl());
      w.onmessage = (event: MessageEvent<WorkerReply>) => {
        const p = pending.get(event.data.id);
        if (!p) return;
        pending.delete(event.data.id);
        settle(p, event.data);
      };
      w.onerror = (event) => {
        event.preventDefault();
        console.warn('The workbook worker failed; working on the page instead:', event.message);
        giveUp();
      };
      return w;
    } catch (error) {
      console.warn('No workbook worker; working on the page instead:', error);
      return null;
    }
  };

  const run = (job: WorkerJob): Promise<JobResult> => {
    if (worker === undefined) worker = start();
    if (!worker) return onPageJob(onPage, job);
    const id = nextId++;
    const w = worker;
    return new Promise((resolve, reject) => {
      pending.set(id, { job, resolve, reject });
      // The page keeps its bytes (for the SHA-256 and a later marked copy): they are copied, not transferred.
      w.postMessage({ ...job, id } satisfies WorkerRequest);
    });
  };

  /** Ends the worker (where one runs) and rejects what it held; work on the page cannot be ended (it stops between jobs). */
  const stop = (): void => {
    if (!worker) return;
    worker.terminate();
    worker = undefined;
    generation++;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) p.reject(new JobStopped());
  };

  return {
    stop,
    get generation() {
      return generation;
    },
    read: (key, name, bytes) => run({ kind: 'read', key, name, bytes }) as Promise<ReadAndChecked>,
    check: (entries, lang) => run({ kind: 'check', entries, lang }) as Promise<CheckedFile[]>,
    mark: (bytes, findings, lang) => run({ kind: 'mark', bytes, findings, lang }) as Promise<Uint8Array>,
    consolidate: (sites, lang) => run({ kind: 'consolidate', sites, lang }) as Promise<Uint8Array>,
  };
}
