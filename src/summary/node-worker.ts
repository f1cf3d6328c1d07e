/**
 * Node only: the worker thread of `consolidateFiles`. One task = one workbook
 * file → its compact outcome (summary, findings, the slim model the checks
 * across workbooks need). Nothing else of the workbook leaves the thread.
 */
import { processFile, ProcessedFile } from './node-consolidate';

export default function task(input: { file: string; lang?: 'zh' | 'en' }): Promise<ProcessedFile> {
  return processFile(input.file, input.lang);
}
