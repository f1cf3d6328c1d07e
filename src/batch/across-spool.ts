/**
 * Node only: the checks across workbooks of a spooled consolidation
 * (spool.ts), over the slim models its worker threads spooled. Run in a
 * worker thread of its own while the main thread pairs the handover copies
 * (`acrossInWorker`), or in the calling thread (`acrossOfSpool`): the same
 * code either way, and the same findings.
 */
import { closeSync, openSync } from 'fs';
import { Worker } from 'worker_threads';
import type { SiteModel } from '../model/site-model';
import type { Finding } from '../model/finding';
import { type PackedLocations, unpackLocations } from '../model/location-map';
import { findAcross } from '../check/service';
import { readLineAt, readLines } from './ndjson';

/** What the checks across workbooks read: the spools of the slim models and of their locations. */
export interface AcrossJob {
  /** The `slim` spool: a line per readable file, its slim model without its locations. */
  slim: string;
  /** The `places` spool, and where each slim model's line is in it: [offset, bytes], in the order of `slim`. */
  places: string;
  offsets: Array<[number, number]>;
  lang?: 'zh' | 'en';
}

/** The findings across workbooks by file (only files with some), and those files' sheets (their findings' reading order). */
export interface AcrossResult {
  found: Array<[string, Finding[]]>;
  sheets: Array<[string, SiteModel['sheets']]>;
}

/**
 * One copy of each repeated string (files made from one template repeat most),
 * put in place in what JSON.parse made: a copy of every model allocated as
 * much again, and most of this thread's time went to collecting it. (Property
 * names need no sharing: JSON.parse internalizes them.)
 */
function sharer() {
  const texts = new Map<string, string>();
  const text = (t: string): string => {
    if (t.length > 64) return t;
    const known = texts.get(t);
    if (known !== undefined) return known;
    texts.set(t, t);
    return t;
  };
  const shared = (v: unknown): unknown => (typeof v === 'string' ? text(v) : v !== null && typeof v === 'object' ? deep(v as object) : v);
  /** Shares the strings inside a value parsed from JSON (plain arrays and objects only), in place. */
  const deep = <T extends object>(value: T): T => {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = shared(value[i]);
    else {
      const record = value as Record<string, unknown>;
      for (const k in record) record[k] = shared(record[k]);
    }
    return value;
  };
  return { deep };
}

/**
 * The checks across workbooks compare every pair of copies: the slim models
 * (site and handovers) are read back all at once, with their repeated strings
 * shared; a model's locations are read from disk only if a finding needs them.
 */
export async function acrossOfSpool(job: AcrossJob): Promise<AcrossResult> {
  const slim: Array<{ id: string; model: SiteModel }> = [];
  const share = sharer();
  const places = openSync(job.places, 'r');
  let placesClosed = false;
  try {
    let k = 0;
    for await (const x of readLines<{ id: string; model: Omit<SiteModel, 'locations'> }>(job.slim)) {
      const [at, size] = job.offsets[k++];
      let locations: SiteModel['locations'] | undefined;
      const model = { ...x.model, data: share.deep(x.model.data) } as SiteModel;
      const read = () => {
        // Asked for once the spool is closed, the descriptor may name another file by then.
        if (placesClosed) throw new Error('slim model locations asked for after the checks across workbooks');
        return unpackLocations(readLineAt<PackedLocations>(places, at, size));
      };
      Object.defineProperty(model, 'locations', { enumerable: true, get: () => (locations ??= read()) });
      slim.push({ id: x.id, model });
    }
    const found = [...findAcross(slim, job.lang)].filter(([, f]) => f.length > 0);
    const withFindings = new Set(found.map(([id]) => id));
    return { found, sheets: slim.filter((x) => withFindings.has(x.id)).map((x) => [x.id, x.model.sheets]) };
  } finally {
    closeSync(places);
    placesClosed = true;
  }
}

/**
 * The young generation of the thread of the checks across workbooks, MB. It
 * runs while the main thread pairs the copies, both after the worker threads
 * of the files: at V8's default the run's peak moved there, 25 MB higher; at 8
 * MB it stays where it was (measured over 3,000 workbooks, 4 to 32 MB).
 */
const ACROSS_YOUNG_MB = 8;

/**
 * `acrossOfSpool` in a worker thread started from `workerFile` (worker.ts
 * runs the job it is given in `workerData.across`), so that the main thread
 * pairs the handover copies meanwhile: the two were 0.45 and 0.2 s, one after
 * the other, at the end of a summary of 3,000 workbooks (0.15 s saved). A
 * thread that fails to answer (it could not start, or died) leaves the job to
 * this thread.
 */
export function acrossInWorker(job: AcrossJob, workerFile: string): Promise<AcrossResult> {
  return new Promise<AcrossResult | undefined>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { across: job }, resourceLimits: { maxYoungGenerationSizeMb: ACROSS_YOUNG_MB } });
    } catch {
      return resolve(undefined);
    }
    // The first of these settles it: an answer, or undefined for a thread that errs or ends without one.
    worker.once('message', (m: { across?: AcrossResult }) => {
      resolve(m.across);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  }).then((r) => r ?? acrossOfSpool(job));
}
