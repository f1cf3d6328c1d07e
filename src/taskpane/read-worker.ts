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
import { CheckEntry, CheckedFile, HeldChecks, ReadAndChecked, checkHeld, consolidatedWorkbook, heldFromSeed, markWorkbook, readChecked } from './workbook-jobs';
import type { Lang } from './i18n';
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
        ? { code: error.code, message: error.message, ...(error.en !== undefined ? { en: error.en } : {}) }
        : { code: null, message: error instanceof Error ? error.message : String(error) },
  };
}

/** Each file read, by the key the page gives it, as the checks across take it (a file read again under its key replaces it). */
const held = new Map<string, HeldChecks>();

async function read(key: string, name: string, bytes: Uint8Array): Promise<ReadAndChecked> {
  held.delete(key);
  const { read, held: checks } = await readChecked(name, bytes);
  held.set(key, checks);
  return read;
}

/** The checks across the files open: the page names them all, and what it no longer has open (a file replaced) is let go. */
function check(entries: readonly CheckEntry[], lang: Lang): Promise<CheckedFile[]> {
  const open = new Set(entries.map((e) => e.key));
  for (const key of held.keys()) if (!open.has(key)) held.delete(key);
  // Files read by a worker ended by 停止: the page gives what it holds of them.
  for (const entry of entries) if (entry.error === undefined && entry.seed) held.set(entry.key, heldFromSeed(entry.seed));
  return checkHeld(entries, (key) => held.get(key), lang);
}

function run(job: WorkerRequest): Promise<void> {
  // A workbook written (a marked copy, a consolidated summary): its bytes handed over, not copied.
  const written = (bytes: Uint8Array) => scope.postMessage({ id: job.id, written: bytes }, [bytes.buffer]);
  const done =
    job.kind === 'read'
      ? read(job.key, job.name, job.bytes).then((read) => scope.postMessage({ id: job.id, read }))
      : job.kind === 'check'
        ? check(job.entries, job.lang).then((checked) => scope.postMessage({ id: job.id, checked }))
        : job.kind === 'mark'
          ? markWorkbook(job.bytes, job.findings, job.lang).then(written)
          : consolidatedWorkbook(job.sites, (key) => held.get(key), job.lang).then(written);
  return done.catch((error: unknown) => scope.postMessage(errorReply(job.id, error)));
}

// One job at a time, in the order asked: a check waits for the reading before it.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const job = event.data;
  queue = queue.then(() => run(job));
};
