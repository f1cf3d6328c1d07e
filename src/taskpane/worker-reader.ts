/**
 * Reads workbooks in a Web Worker (read-worker.ts), one at a time, in the order
 * asked. Where no worker can be started (no Worker, a policy that forbids it,
 * its script missing) the same reader runs on the page instead: slower to
 * answer, same result.
 */
import { BrowserReadError } from '../io/xlsx/browser';
import type { WorkbookGrid } from '../model/grid';

export interface ReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ReadReply = { id: number; grid: WorkbookGrid } | { id: number; error: { code: BrowserReadError['code'] | null; message: string } };

export type ReadGrid = (name: string, bytes: Uint8Array) => Promise<WorkbookGrid>;

/** The worker script beside the page; the offline page carries it inline instead. */
const WORKER_SCRIPT = 'read-worker.js';
const INLINE_WORKER_ID = 'custody-read-worker';

function workerUrl(): string {
  const inline = document.getElementById(INLINE_WORKER_ID);
  if (inline?.textContent) return URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }));
  return new URL(WORKER_SCRIPT, document.baseURI).href;
}

interface Pending {
  name: string;
  bytes: Uint8Array;
  resolve(grid: WorkbookGrid): void;
  reject(error: unknown): void;
}

export function readInWorker(onPage: ReadGrid): ReadGrid {
  let worker: Worker | null | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  /** The worker could not start or died: what it held is read on the page, and so is everything after. */
  const giveUp = (): void => {
    worker?.terminate();
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) onPage(p.name, p.bytes).then(p.resolve, p.reject);
  };

  const start = (): Worker | null => {
    if (typeof Worker === 'undefined') return null;
    try {
      const w = new Worker(workerUrl());
      w.onmessage = (event: MessageEvent<ReadReply>) => {
        const reply = event.data;
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
        if ('grid' in reply) p.resolve(reply.grid);
        else p.reject(reply.error.code ? new BrowserReadError(reply.error.code, reply.error.message) : new Error(reply.error.message));
      };
      w.onerror = (event) => {
        event.preventDefault();
        console.warn('The reading worker failed; reading on the page instead:', event.message);
        giveUp();
      };
      return w;
    } catch (error) {
      console.warn('No reading worker; reading on the page instead:', error);
      return null;
    }
  };

  return (name, bytes) => {
    if (worker === undefined) worker = start();
    if (!worker) return onPage(name, bytes);
    const id = nextId++;
    const w = worker;
    return new Promise<WorkbookGrid>((resolve, reject) => {
      pending.set(id, { name, bytes, resolve, reject });
      w.postMessage({ id, name, bytes } satisfies ReadRequest);
    });
  };
}
