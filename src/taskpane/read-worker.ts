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
import { consolidatedWorkbook, markWorkbook, readAndCheck } from './workbook-jobs';
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
  // A workbook written (a marked copy, a consolidated summary): its bytes handed over, not copied.
  const written = (bytes: Uint8Array) => scope.postMessage({ id: job.id, written: bytes }, [bytes.buffer]);
  const done =
    job.kind === 'read'
      ? readAndCheck(job.name, job.bytes).then((read) => scope.postMessage({ id: job.id, read }))
      : job.kind === 'mark'
        ? markWorkbook(job.bytes, job.findings, job.lang).then(written)
        : consolidatedWorkbook(job.sites, job.lang).then(written);
  done.catch((error: unknown) => scope.postMessage(errorReply(job.id, error)));
};
