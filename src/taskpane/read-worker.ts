/**
 * The browser face's workbook worker, off the page's thread: turns a
 * workbook's bytes into the plain grid and checks it on its own (or gives a
 * refusal in the reader's words), and writes a marked copy, so the page keeps
 * answering while a large workbook or many files are read and checked,
 * thousands of cells are marked, or many sites consolidated.
 * Built as its own script (read-worker.js); the offline page carries it inline
 * and starts it from a Blob URL (file:// pages may not load worker scripts).
 */
import { BrowserReadError } from '../io/xlsx/browser';
import { HeldChecks, ReadAndChecked, checkHeld, consolidatedWorkbook, markWorkbook, readChecked } from './workbook-jobs';
import type { WorkerReply, WorkerRequest } from './worker-reader';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
};

function errorReply(id: number, error: unknown): WorkerReply {
  return {
    id,
    error:
      error instanceof BrowserReadError
        ? { code: error.code, message: error.message }
        : { code: null, message: error instanceof Error ? error.message : String(error) },
  };
}

/** Each file read, by name, as the checks across take it (a file read again under its name replaces it). */
const held = new Map<string, HeldChecks>();

async function read(name: string, bytes: Uint8Array): Promise<ReadAndChecked> {
  held.delete(name);
  const { read, held: checks } = await readChecked(name, bytes);
  held.set(name, checks);
  return read;
}

function run(job: WorkerRequest): Promise<void> {
  // A workbook written (a marked copy, a consolidated summary): its bytes handed over, not copied.
  const written = (bytes: Uint8Array) => scope.postMessage({ id: job.id, written: bytes }, [bytes.buffer]);
  const done =
    job.kind === 'read'
      ? read(job.name, job.bytes).then((read) => scope.postMessage({ id: job.id, read }))
      : job.kind === 'check'
        ? checkHeld(job.entries, (name) => held.get(name), job.lang).then((checked) => scope.postMessage({ id: job.id, checked }))
        : job.kind === 'mark'
          ? markWorkbook(job.bytes, job.findings, job.lang).then(written)
          : consolidatedWorkbook(job.sites, job.lang).then(written);
  return done.catch((error: unknown) => scope.postMessage(errorReply(job.id, error)));
}

// One job at a time, in the order asked: a check waits for the reading before it.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const job = event.data;
  queue = queue.then(() => run(job));
};
