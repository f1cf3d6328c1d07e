/**
 * Node only: each file's time budget where no worker thread can be stopped
 * for it — a run of a few files, read on the main thread. The reading and the
 * checks are synchronous, so no timer could end them; V8 can: the work runs
 * as a script with vm's timeout, which stops it wherever it is once the
 * budget is spent. The file then gets one line (`overTime`), and the others
 * are still read, as in the worker threads (pool.ts stops a thread instead).
 */
import * as vm from 'vm';
import { Refusal } from '../check/refusal';
import type { Within } from '../check/service';
import { LIMITS, overTime } from '../model/limits';

/** The longest timeout vm and Node's timers take (a 32-bit count of milliseconds). */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** LIMITS.fileSeconds, or CUSTODY_FILE_SECONDS when an operator (or a test) sets another. */
export function fileSeconds(): number {
  const set = Number(process.env.CUSTODY_FILE_SECONDS);
  // Timers count milliseconds in 32 bits: a longer budget (some 24 days) is that long.
  return Number.isFinite(set) && set > 0 ? Math.min(set, LONGEST_TIMEOUT_MS / 1000) : LIMITS.fileSeconds;
}

/**
 * The work, handed to the script through a global only this module names — on
 * the global the script sees: where this module runs in a context of its own
 * (a test runner's), that is not its own globalThis.
 */
const WORK = Symbol.for('custody.timeBudget.work');
const CALL_WORK = new vm.Script(`globalThis[Symbol.for(${JSON.stringify(WORK.description)})]()`);
const SCRIPT_GLOBAL = new vm.Script('globalThis').runInThisContext() as Record<symbol, unknown>;

/** The refusal of a file over its budget, in both languages (refusalLine picks one). */
function overBudget(seconds: number): Refusal {
  return new Refusal(overTime(seconds, 'zh'), overTime(seconds, 'en'));
}

/** `work` run to its end, or stopped at `deadline` (ms since the epoch) with the file's refusal. */
function runBefore<T>(deadline: number, seconds: number, work: () => T): T {
  const left = Math.floor(deadline - Date.now());
  if (left <= 0) throw overBudget(seconds);
  const global = SCRIPT_GLOBAL;
  const outer = global[WORK];
  global[WORK] = work;
  try {
    // Ctrl-C stops the work too: Node's own handlers wait for it to end, up to the whole budget (30 s).
    return CALL_WORK.runInThisContext({ timeout: Math.min(left, LONGEST_TIMEOUT_MS), breakOnSigint: true }) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw overBudget(seconds);
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') interrupted();
    throw error;
  } finally {
    global[WORK] = outer;
  }
}

/**
 * The Ctrl-C that stopped a file's work, handed on as if it had come now: to the run's handlers
 * (cleanup.ts: temporary files removed, exit 130), or, with none, to the process (ended as by Ctrl-C).
 */
function interrupted(): void {
  if (process.listenerCount('SIGINT') > 0) process.emit('SIGINT', 'SIGINT');
  else process.kill(process.pid, 'SIGINT');
}

/** A fresh budget for each file (the check service asks one per file): its parts share `seconds` in all. */
export function fileBudget(seconds = fileSeconds()): () => Within {
  return () => {
    const deadline = Date.now() + seconds * 1000;
    return (work) => runBefore(deadline, seconds, work);
  };
}
