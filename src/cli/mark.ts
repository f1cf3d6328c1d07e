/**
 * `custody validate FILE… --mark DIR`: a marked copy of each workbook with
 * findings, written into DIR — the finding cells coloured and noted, nothing
 * else changed, never over an input (refused before any work).
 */
import * as path from 'path';
import { refuseOutputsOverInputs, writeFileAtomic } from '../batch/files';
import { markerFor } from '../batch/mark-thread';
import type { CheckRun } from '../check/service';
import { printable, refusalLine } from '../check/refusal';
import { markedName } from '../check/marks';
import type { Lang } from '../rules/types';
import { counted } from '../rules/plural';
import { describeError, type CliIO } from './io';
import { fileLine } from './manners';

/** Where each workbook's marked copy goes: DIR/name（已标记）.xlsx, numbered when two inputs share a name. */
export function markedPaths(files: readonly string[], dir: string, lang: Lang): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    let candidate = markedName(path.basename(file), lang);
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = markedName(path.basename(file), lang, n);
    used.add(candidate.toLowerCase());
    return path.join(dir, candidate);
  });
}

/** Refuses, before any work, a --mark folder whose marked copies would replace an input. */
export async function refuseMarksOverInputs(files: readonly string[], inputs: readonly string[], dir: string, lang: Lang): Promise<void> {
  await refuseOutputsOverInputs(markedPaths(files, dir, lang), [...inputs, ...files]);
}

/** A marked copy made but not written: its line says why, in the words of a file-system error. */
class MarkedCopyNotWritten extends Error {}

/**
 * Writes the marked copies of the checked workbooks that have findings; says
 * what it wrote. A copy that cannot be made or written (the file changed
 * since, a full disk) gets one line and the others are still written;
 * returns how many failed.
 */
export async function writeMarkedCopies(run: CheckRun, dir: string, lang: Lang, io: CliIO): Promise<number> {
  // The same paths as refused before the work: one per input, in order.
  const targets = markedPaths(
    run.workbooks.map((w) => w.report.file),
    dir,
    lang,
  );
  let failed = 0;
  // Each copy made in a worker thread, within its file's time budget: Ctrl-C and SIGTERM are heard while it works.
  const marker = markerFor(lang);
  try {
    for (const [i, w] of run.workbooks.entries()) {
      const { file, findings, error } = w.report;
      if (w.skipped || error !== undefined || findings.length === 0) continue;
      try {
        const copy = await marker.copy(file, findings);
        // The workbook was read and marked: a failure now is the folder's (no such folder, no permission, disk full).
        await writeFileAtomic(targets[i], copy.bytes).catch((error: unknown) => {
          throw new MarkedCopyNotWritten(describeError(error, lang));
        });
        io.err(
          lang === 'zh'
            ? `已写出标记副本 ${printable(targets[i])}（标记 ${copy.marked} 个单元格）`
            : `marked copy written: ${printable(targets[i])} (${counted(copy.marked, 'cells')})`,
        );
      } catch (error) {
        failed++;
        const why = error instanceof MarkedCopyNotWritten ? error.message : refusalLine(error, lang);
        io.err(fileLine(file, lang === 'zh' ? `无法写出标记副本：${why}` : `marked copy not written: ${why}`, lang));
      }
    }
  } finally {
    await marker.close();
  }
  return failed;
}
