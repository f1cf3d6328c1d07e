/**
 * Node only: the worker thread of `consolidateFiles` and `spoolFiles`
 * (pool.ts). It is told its setup, then sent batches of workbook files, and answers each file as
 * soon as it is done: its compact outcome (summary, findings, the slim model
 * the checks across workbooks need), or, for the spooled consolidation, the
 * same already turned into the lines of the temporary files and a few numbers
 * (`SpoolEntry`). Nothing else of the workbook leaves the thread. Started
 * with `workerData.across`, it runs the checks across workbooks of a spooled
 * consolidation instead (across-spool.ts), answers once and ends; started
 * with `workerData.mark`, it makes the marked copies of `validate --mark`.
 */
import { type MessagePort, parentPort, workerData } from 'worker_threads';
import { refusalLine } from '../check/refusal';
import { workOn } from './consolidate';
import type { WorkerAnswer, WorkerMessage, WorkerSetup } from './pool';
import type { SpoolEntry } from './spool-entry';
import { setTextMemoSize } from '../model/memo';
import { type AcrossJob, acrossOfSpool } from './across-spool';
import { serveMarks } from './mark-thread';

/**
 * A worker thread reads thousands of workbooks: its text memos are kept at
 * 4,000 texts, not 20,000. Full, the four memos were some 10 MB of the 20–25
 * MB a thread keeps alive, and V8 lets the heap grow to a multiple of that
 * (bin/custody.js caps the multiple for `summary`). Hits barely change: a
 * workbook's texts are a few hundred, and they repeat from one to the next.
 */
const WORKER_TEXT_MEMO = 4_000;

async function answer(index: number, file: string, setup: WorkerSetup): Promise<WorkerAnswer> {
  try {
    return { index, result: await workOn(file, setup.lang, setup.work) };
  } catch (error) {
    return { index, refusal: refusalLine(error, setup.lang) };
  }
}

/**
 * Answers sent a few at a time. Each message wakes the main thread, and on
 * this 2-core machine the first message after a file cost its sender 0.1–0.4
 * ms (600 files: 52–222 ms answered one by one, 9–38 ms eight at a time),
 * some 4 % of a worker's time in a summary's profile. Sent when four are
 * done, when the first has waited 50 ms (slow files), and at the end of each
 * batch, so that the pool, which sends the next batch as answers come in,
 * never leaves the thread without files.
 */
class Answers {
  private waiting: WorkerAnswer[] = [];
  private transfer: ArrayBuffer[] = [];
  private since = 0;

  add(a: WorkerAnswer): void {
    if (this.waiting.length === 0) this.since = Date.now();
    this.waiting.push(a);
    // A spool entry's bytes are handed over, not copied.
    const bytes = 'result' in a ? (a.result as Partial<SpoolEntry>).bytes : undefined;
    if (bytes) this.transfer.push(bytes.buffer as ArrayBuffer);
  }

  due(): boolean {
    return this.waiting.length >= ANSWERS_AT_ONCE || Date.now() - this.since >= ANSWER_WAIT_MS;
  }

  send(port: MessagePort): void {
    if (this.waiting.length === 0) return;
    port.postMessage(this.waiting, this.transfer);
    this.waiting = [];
    this.transfer = [];
  }
}

const ANSWERS_AT_ONCE = 4;
const ANSWER_WAIT_MS = 50;

const across = (workerData as { across?: AcrossJob } | null)?.across;
const marks = (workerData as { mark?: boolean } | null)?.mark;
if (parentPort && marks) {
  // The marked copies of `validate --mark`, one at a time (mark-thread.ts).
  serveMarks(parentPort);
} else if (parentPort && across) {
  const port = parentPort;
  // A failure is thrown here, where the thread's 'error' tells the main thread to run the job itself.
  void acrossOfSpool(across).then((result) => port.postMessage({ across: result }));
} else if (parentPort) {
  setTextMemoSize(WORKER_TEXT_MEMO);
  const port = parentPort;
  // The first message, before any batch (the thread may have been started before its files were known).
  let setup: WorkerSetup;
  // One file at a time, in the order sent, however the batches arrive.
  let queue = Promise.resolve();
  const answers = new Answers();
  port.on('message', (message: WorkerMessage) => {
    if (!Array.isArray(message)) {
      setup = message.setup;
      return;
    }
    const batch = message;
    queue = queue.then(async () => {
      for (const [index, file] of batch) {
        Atomics.store(setup.state, 0, index + 1);
        answers.add(await answer(index, file, setup));
        Atomics.store(setup.state, 0, 0);
        if (answers.due()) answers.send(port);
      }
      answers.send(port);
    });
  });
}
