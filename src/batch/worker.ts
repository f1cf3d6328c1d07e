/**
 * Node only: the worker thread of `consolidateFiles` and `spoolFiles`. One
 * task = one workbook file → its compact outcome (summary, findings, the slim
 * model the checks across workbooks need), or, for the spooled consolidation,
 * the same already turned into the lines of the temporary files and a few
 * numbers (`SpoolEntry`). Nothing else of the workbook leaves the thread.
 */
import { processFile, ProcessedFile } from './consolidate';
import { SpoolEntry, spoolEntryOf } from './spool';

export default async function task(input: { file: string; lang?: 'zh' | 'en'; spool?: boolean }): Promise<ProcessedFile | SpoolEntry> {
  const r = await processFile(input.file, input.lang);
  return input.spool ? spoolEntryOf(r) : r;
}
