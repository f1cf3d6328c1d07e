/** Worker thread of the benchmark corpus: one task = one workbook written. */
import { promises as fs } from 'fs';
import { fillWorkbook } from '../src/cli/fill';
import { CorpusTask, corpusData } from './corpus';

export async function writeCorpusFile(task: CorpusTask): Promise<void> {
  await fs.writeFile(task.file, await fillWorkbook(corpusData(task.branch, task.site)));
}
