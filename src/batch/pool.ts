/**
 * Node only: worker threads that read files in batches. Each worker is sent a
 * few files at a time (one message per batch, not per file) and answers them
 * a few at a time too (worker.ts), each with its compact result. A file's time budget counts from when its worker
 * starts it: the worker says which file it is on in shared memory, and a
 * worker past the budget is stopped, the file refused in one line, a fresh
 * worker started and the rest of its files handed out again. A worker that
 * dies refuses only the file it was on, the same way. Workers may be started
 * before their files are known (`EarlyWorkers`): their setup is their first
 * message, not their `workerData`.
 */
import { Worker } from 'worker_threads';
import type { FileWork } from './consolidate';

/** What a worker is told first, before its first batch. */
export interface WorkerSetup {
  lang?: 'zh' | 'en';
  /** What each file becomes (a spool entry's quota is shared by the threads). */
  work: FileWork;
  /** [0]: 1 + the run's index of the file the worker is on; 0 between files. */
  state: Int32Array;
}

/** A batch of files, each with its index in the run. */
type WorkerBatch = Array<[index: number, file: string]>;

/** What a worker is sent: its setup, once, first; then batches. */
export type WorkerMessage = { setup: WorkerSetup } | WorkerBatch;

/** One file's answer: its result, or the line that refuses it (the check threw). A worker sends them a few at a time, in an array. */
export type WorkerAnswer = { index: number; result: unknown } | { index: number; refusal: string };

interface PoolRun {
  files: readonly string[];
  threads: number;
  /** The compiled worker script. */
  worker: string;
  setup: Omit<WorkerSetup, 'state'>;
  /** Each file's time budget, milliseconds. */
  budgetMs: number;
  /** Whether file `index` may be started now (the results waiting to be taken in order stay few). */
  mayStart(index: number): boolean;
  /** A file's answer from its worker. */
  answer(a: WorkerAnswer): void;
  /** The line of a file whose worker was stopped (`over`: past its budget) or died. */
  lost(index: number, over: boolean, error: unknown): void;
  /** Workers started already, taken before any is started anew. */
  early?: EarlyWorkers;
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  /** Files sent to this worker and not answered yet, in the order it works on them. */
  pending: number[];
  /** The file last seen started, and since when. */
  seen: number;
  since: number;
  gone: boolean;
}

/**
 * Each worker's young generation, MB. Reading thousands of small workbooks,
 * a thread at V8's default held some 20 MB it did not need. Measured on the
 * summary of 3,000 workbooks: at 24 MB the peak is about 40 MB lower than at
 * the default (32 MB gives the default's peak) in the same time, within the
 * noise of a few percent; at 8 MB it is 6 % slower. The old generation, which
 * a large workbook needs, is not limited.
 */
const YOUNG_MB = 24;

function newWorker(script: string): Worker {
  return new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
}

/**
 * Worker threads started before their files are known, while the folders are
 * searched: a thread takes some 100 ms to start, load and compile its script,
 * time the search would otherwise wait for at the start of every run. The
 * next `runPool` of the same script takes them; those it does not take (fewer
 * files than threads, or none worth threads) are stopped by `stop()`, which
 * the starter calls in any case (whatever happens: until stopped or taken
 * they keep the process alive). One that fails to start is only left out.
 */
export class EarlyWorkers {
  /** The workers still well and not taken, in the order started, each with its listener of its 'error' and 'exit'. */
  private readonly waiting = new Map<Worker, () => void>();
  /** How many have been taken. */
  taken = 0;

  constructor(
    readonly script: string,
    count: number,
  ) {
    for (let i = 0; i < count; i++) {
      const worker = newWorker(script);
      // Until taken, an error only leaves it out: runPool attaches its own listeners when it takes it.
      const failed = () => void this.waiting.delete(worker);
      worker.on('error', failed);
      worker.on('exit', failed);
      this.waiting.set(worker, failed);
    }
  }

  /** A started worker of `script` still well, if one is left; it is then the caller's. */
  take(script: string): Worker | undefined {
    const first = this.waiting.entries().next();
    if (script !== this.script || first.done) return undefined;
    const [worker, failed] = first.value;
    this.waiting.delete(worker);
    worker.off('error', failed);
    worker.off('exit', failed);
    this.taken++;
    return worker;
  }

  /** Stops the workers not taken. */
  async stop(): Promise<void> {
    const rest = [...this.waiting.keys()];
    this.waiting.clear();
    await Promise.all(rest.map((w) => w.terminate()));
  }
}

/** Files per batch: 8 while there are many left, fewer towards the end, so that the threads finish together. */
const batchSize = (left: number, threads: number): number => Math.max(1, Math.min(8, Math.floor(left / (threads * 4))));

/** Runs every file of `run` on `run.threads` workers; resolves when each has been answered or lost. */
export function runPool(run: PoolRun): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const total = run.files.length;
    let next = 0;
    let settled = 0;
    let ended = false;
    /** Files handed back by a stopped worker, to go first. */
    const again: number[] = [];
    const slots: Slot[] = [];

    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      clearInterval(timer);
      for (const s of slots) void stop(s);
      if (error === undefined) resolve();
      else reject(error);
    };
    const guard = (f: () => void) => {
      if (ended) return;
      try {
        f();
      } catch (error) {
        end(error);
      }
    };
    const stop = (s: Slot): Promise<unknown> => {
      s.gone = true;
      s.worker.removeAllListeners('message');
      return s.worker.terminate();
    };
    const count = () => {
      if (++settled === total) end();
    };

    const feed = (s: Slot) => {
      const left = total - next + again.length;
      if (s.gone || left === 0) return;
      const size = batchSize(left, slots.length || run.threads);
      if (s.pending.length >= size) return;
      const batch: WorkerBatch = [];
      while (batch.length < size) {
        if (again.length) batch.push(pick(again.shift()!));
        else if (next < total && run.mayStart(next)) batch.push(pick(next++));
        else break;
      }
      if (batch.length) {
        for (const [i] of batch) s.pending.push(i);
        s.worker.postMessage(batch);
      }
    };
    const pick = (i: number): [number, string] => [i, run.files[i]];
    const feedAll = () => slots.forEach(feed);

    /** A worker gone wrong: its current file lost, the others handed out again, a new worker in its place. */
    const replace = (s: Slot, over: boolean, error: unknown) => {
      if (s.gone) return;
      void stop(s);
      // The file it was on, as it said in shared memory: files it finished may not have been answered yet (sent a few at a time).
      const on = over ? s.seen : Atomics.load(s.state, 0);
      const current = on > 0 ? on - 1 : (s.pending[0] ?? -1);
      const rest = s.pending.filter((i) => i !== current);
      again.push(...rest);
      again.sort((a, b) => a - b);
      slots[slots.indexOf(s)] = start();
      if (current >= 0) {
        run.lost(current, over, error);
        count();
      }
      feedAll();
    };

    const start = (): Slot => {
      const state = new Int32Array(new SharedArrayBuffer(4));
      const worker = run.early?.take(run.worker) ?? newWorker(run.worker);
      worker.postMessage({ setup: { ...run.setup, state } } satisfies WorkerMessage);
      const s: Slot = { worker, state, pending: [], seen: 0, since: 0, gone: false };
      worker.on('message', (answers: WorkerAnswer[]) =>
        guard(() => {
          for (const a of answers) {
            s.pending.splice(s.pending.indexOf(a.index), 1);
            run.answer(a);
            count();
          }
          feedAll();
        }),
      );
      worker.on('error', (error) => guard(() => replace(s, false, error)));
      worker.on('exit', (code) => guard(() => replace(s, false, new Error(`worker exited (${code})`))));
      return s;
    };

    const timer = setInterval(
      () =>
        guard(() => {
          const now = Date.now();
          for (const s of [...slots]) {
            const on = Atomics.load(s.state, 0);
            if (on !== s.seen) {
              s.seen = on;
              s.since = now;
            } else if (on > 0 && now - s.since > run.budgetMs) replace(s, true, undefined);
          }
        }),
      Math.max(10, Math.min(250, run.budgetMs / 4)),
    );
    timer.unref();

    if (total === 0) return end();
    guard(() => {
      for (let t = 0; t < Math.min(run.threads, total); t++) slots.push(start());
      feedAll();
    });
  });
}
