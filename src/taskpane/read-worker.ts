/**
 * The browser face's workbook worker, off the page's thread: turns a
 * workbook's bytes into the plain grid and checks it on its own (or gives a
 * refusal in the reader's words), and writes a marked copy, so the page keeps
 * answering while a large workbook or many files are read and checked, or
 * thousands of cells are marked.
 * Built as its own script (read-worker.js); the offline page carries it inline
 * and starts it from a Blob URL (file:// pages may not load worker scripts).
 */
import { BrowserReadError } from '../io/xlsx/browser';
import { markWorkbook, readAndCheck } from './workbook-jobs';
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

scope.onmessage = (event) => {
  const job = event.data;
  const done =
    job.kind === 'read'
      ? readAndCheck(job.name, job.bytes).then((read) => scope.postMessage({ id: job.id, read }))
      : markWorkbook(job.bytes, job.findings, job.lang).then((marked) => scope.postMessage({ id: job.id, marked }, [marked.buffer]));
  done.catch((error: unknown) => scope.postMessage(errorReply(job.id, error)));
};
