/**
 * Node only: the consolidated summary over workbook files and folders, on
 * every core. Each file is read, validated and summarised in a worker thread
 * (piscina); only its compact outcome comes back (a per-site row, its papers,
 * findings, and its handovers for pairing), so memory does not grow with the
 * size of the workbooks and stays small per file. Unreadable files are listed
 * with a one-line reason, never fatal.
 */
import { createHash } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook, SiteModel } from '../forms/workbook';
import type { WorkbookGrid } from '../model/grid';
import { beyondLimit, LIMITS, WorkbookReadError } from '../model/limits';
import { readXlsx } from '../io/xlsx/reader';
import { validateSite } from '../rules/engine';
import { Consolidated, FileOutcome, applyAcross, buildConsolidated, slimModel } from '../summary/consolidate';
import { summarizeSite } from '../summary/site';

/** The grid of a workbook buffer, read as every command reads it. */
export async function readGrid(buffer: Uint8Array): Promise<WorkbookGrid> {
  return readXlsx(buffer);
}

export interface ProcessedFile {
  outcome: FileOutcome;
  /** Not a unit's workbook (a summary this tool wrote): left out, with the reason. */
  skipped?: string;
  /** What the checks across workbooks need (site + handovers), absent when unreadable. */
  slim?: SiteModel;
}

function reason(error: unknown): string {
  if (error instanceof WorkbookReadError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `读取或检查时出错（${message.split('\n')[0].slice(0, 160)}）`;
}

/** Reads, validates and summarises one workbook file; never throws. */
export async function processFile(file: string, lang?: 'zh' | 'en'): Promise<ProcessedFile> {
  let buffer: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { outcome: { file, sha256: null, error: '这是一个文件夹，不是工作簿文件', findings: [] } };
    if (stat.size > LIMITS.fileBytes) {
      return { outcome: { file, sha256: null, error: beyondLimit('fileBytes', stat.size).message, findings: [] } };
    }
    buffer = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { outcome: { file, sha256: null, error: code === 'ENOENT' ? '找不到文件' : `无法读取文件（${code ?? '未知原因'}）`, findings: [] } };
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  try {
    const grid = await readGrid(buffer);
    if (isSummaryWorkbook(grid.sheets.map((x) => x.name))) {
      return { outcome: { file, sha256, findings: [] }, skipped: '这是试卷保管汇总表（custody summary 生成），不是单位工作簿' };
    }
    const model = readWorkbook(grid);
    const findings = validateSite(model, lang ? { lang } : undefined);
    return {
      outcome: { file, sha256, findings, summary: summarizeSite(model, findings, { file, sha256 }) },
      slim: slimModel(model),
    };
  } catch (error) {
    return { outcome: { file, sha256, error: reason(error), findings: [] } };
  }
}

/** A consolidated summary written by `consolidatedXlsx`, recognised by its sheets. */
export function isSummaryWorkbook(sheetNames: readonly string[]): boolean {
  return ['总览', '站点汇总', '交接配对', '问题清单'].every((n) => sheetNames.includes(n));
}

/**
 * The .xlsx files named or found (recursively) in folders, sorted, without
 * Office lock files (~$…), hidden folders and the files in `exclude` (the
 * output). A named path that does not exist is kept, so that it is reported.
 */
export async function findWorkbooks(inputs: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  const skip = new Set(exclude.map((e) => path.resolve(e)));
  // Keyed by the resolved path, so that a file named twice (dir/x.xlsx and ./dir) is read once.
  const byPath = new Map<string, string>();
  const found = { add: (file: string) => void (byPath.has(path.resolve(file)) || byPath.set(path.resolve(file), file)) };
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(full);
      } else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$') && !skip.has(path.resolve(full))) {
        found.add(full);
      }
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      found.add(input);
      continue;
    }
    if (stat.isDirectory()) await walk(input);
    else if (!skip.has(path.resolve(input))) found.add(input);
  }
  return [...byPath.values()].sort();
}

export interface ConsolidateFilesOptions {
  lang?: 'zh' | 'en';
  /** Worker threads; default: one per core. 0 runs everything in this thread. */
  threads?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** The compiled worker, when running from the build (not from ts-jest sources). */
function workerFile(): string | undefined {
  const js = path.join(__dirname, 'worker.js');
  return existsSync(js) ? js : undefined;
}

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Reads, checks and summarises every file, on every core, and hands each
 * result to `take` in the order of `files` (whatever order the threads finish
 * in): results that arrive early wait in a window of a few per thread, and no
 * file further than that window ahead is started, so what waits stays small.
 * `onProgress` is called as each file is done.
 */
export async function processInWorkers<T = ProcessedFile>(
  files: readonly string[],
  options: ConsolidateFilesOptions,
  take: (r: T) => void,
  /** What each result becomes before it leaves the worker (`node-worker.ts` applies the same for `spool`). */
  as?: { spool: true; convert: (r: ProcessedFile) => T },
): Promise<void> {
  const convert = as?.convert ?? ((r: ProcessedFile) => r as unknown as T);
  let done = 0;
  const progress = (file: string) => options.onProgress?.(++done, files.length, file);
  const threads = Math.max(0, options.threads ?? defaultThreads());
  const worker = workerFile();
  if (!(threads > 0 && worker && files.length >= 4)) {
    for (const file of files) {
      const r = convert(await processFile(file, options.lang));
      progress(file);
      take(r);
    }
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: worker,
    maxThreads: Math.min(threads, files.length),
    minThreads: Math.min(threads, files.length),
    idleTimeout: 1000,
  });
  try {
    // A few tasks per thread in flight: the queue stays short, results are folded in as they come.
    const limit = pool.options.maxThreads * 4;
    // Results finished ahead of the next one due wait here, at most `window` of them.
    const window = Math.max(64, pool.options.maxThreads * 16);
    const ready = new Map<number, T>();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let due = 0;
      let inFlight = 0;
      let failed = false;
      const settle = (i: number, r: T) => {
        if (failed) return;
        inFlight--;
        try {
          progress(files[i]);
          ready.set(i, r);
          while (ready.has(due)) {
            const first = ready.get(due)!;
            ready.delete(due++);
            take(first);
          }
          if (due >= files.length) resolve();
          else pump();
        } catch (error) {
          failed = true;
          reject(error);
        }
      };
      const pump = () => {
        while (inFlight < limit && next < files.length && next < due + window) {
          const i = next++;
          const file = files[i];
          inFlight++;
          (pool.run({ file, lang: options.lang, spool: Boolean(as?.spool) }) as Promise<T>).then(
            (r) => settle(i, r),
            (error: unknown) => {
              try {
                settle(i, convert({ outcome: { file, sha256: null, error: reason(error), findings: [] } }));
              } catch (e) {
                failed = true;
                reject(e);
              }
            },
          );
        }
      };
      if (files.length === 0) resolve();
      else pump();
    });
  } finally {
    await pool.destroy();
  }
}

/** Reads, checks and summarises every file, on every core, and consolidates (all in memory: `node-spool.ts` for thousands). */
export async function consolidateFiles(files: readonly string[], options: ConsolidateFilesOptions = {}): Promise<Consolidated> {
  const outcomes: FileOutcome[] = [];
  const slim: Array<{ id: string; model: SiteModel }> = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  await processInWorkers(files, options, (r) => {
    if (r.skipped) skipped.push({ file: r.outcome.file, reason: r.skipped });
    else outcomes.push(r.outcome);
    if (r.slim) slim.push({ id: r.outcome.file, model: r.slim });
  });
  applyAcross(outcomes, slim, options.lang);
  const c = buildConsolidated(outcomes);
  if (skipped.length) c.skipped = skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return c;
}
