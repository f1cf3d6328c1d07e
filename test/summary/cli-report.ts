/** The CLI run in-process with its JSON report read back, for the summary tests that compare files' findings. */
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, io };
};

export type Report = { files: Array<{ file: string; findings: Array<Record<string, unknown>> }> };

export const findingsOf = (report: Report, file: string) => report.files.find((f) => f.file === file)!.findings;
