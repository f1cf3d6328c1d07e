/**
 * Node only: the worker thread of `consolidateFiles` and `spoolFiles`. One
 * task = one workbook file → its compact outcome (summary, findings, the slim
 * model the checks across workbooks need), or, for the spooled consolidation,
 * the same already turned into the lines of the temporary files and a few
 * numbers (`SpoolEntry`). Nothing else of the workbook leaves the thread.
 */
import { processFile, ProcessedFile } from './consolidate';
import { SpoolEntry, spoolEntryOf } from './spool';

export interface WorkerTask {
  file: string;
  lang?: 'zh' | 'en';
  spool?: boolean;
  /** Set to 1 when the task starts, so that the main thread times the file from then, not from when it was queued. */
  started?: Int32Array;
}

export default async function task(input: WorkerTask): Promise<ProcessedFile | SpoolEntry> {
  if (input.started) Atomics.store(input.started, 0, 1);
  const r = await processFile(input.file, input.lang);
  return input.spool ? spoolEntryOf(r, input.lang) : r;
}
