/**
 * The browser face's reader, off the page's thread: a Web Worker that turns a
 * workbook's bytes into the plain grid (or a refusal in the reader's words), so
 * the page keeps answering while a large workbook or many files are read.
 * Built as its own script (read-worker.js); the offline page carries it inline
 * and starts it from a Blob URL (file:// pages may not load worker scripts).
 */
import { BrowserReadError, openWorkbook } from '../io/xlsx/browser';
import type { ReadReply, ReadRequest } from './worker-reader';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage(reply: ReadReply): void };

scope.onmessage = (event) => {
  const { id, name, bytes } = event.data;
  openWorkbook(name, bytes).then(
    (opened) => scope.postMessage({ id, grid: opened.grid }),
    (error: unknown) =>
      scope.postMessage({
        id,
        error:
          error instanceof BrowserReadError
            ? { code: error.code, message: error.message }
            : { code: null, message: error instanceof Error ? error.message : String(error) },
      }),
  );
};
