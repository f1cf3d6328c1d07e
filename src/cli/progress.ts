/**
 * The progress bar of a command over many workbooks (`summary`, `validate`):
 * on standard error, only when it is a terminal, from PROGRESS_FROM files on;
 * cleared when done, so that the report below it reads as without it.
 */
import type { CliIO } from './io';
import { holdTerminal } from '../batch/cleanup';

/** A progress bar is drawn from this many files on. */
const PROGRESS_FROM = 20;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const FORMATS = {
  zh: (what: string) => `${what} [{bar}] {value}/{total} 个工作簿 {percentage}% 剩余 {eta_formatted}`,
  en: (what: string) => `${what} [{bar}] {value}/{total} workbooks {percentage}% {eta_formatted} left`,
};

/** A started bar over `total` files, or none (not a terminal, or too few files to need one). */
export async function progressBar(io: CliIO, total: number, what: { zh: string; en: string }, lang: 'zh' | 'en' = 'zh'): Promise<Progress | undefined> {
  if (!io.interactive || total < PROGRESS_FROM) return undefined;
  // Loaded only when drawn: a command over a few files starts without it.
  const progress = await import('cli-progress');
  const bar = new progress.SingleBar(
    { format: FORMATS[lang](what[lang]), stream: process.stderr, hideCursor: true, clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  const release = holdTerminal();
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => {
      bar.stop();
      release();
    },
  };
}
