/**
 * Node only: temporary files and folders that never outlive the run. Each is
 * tracked while it exists and removed on a normal exit, an error, SIGINT and
 * SIGTERM; its name carries the process id, so that what a killed run
 * (SIGKILL) left behind is recognised by the next run — its process is gone —
 * and removed. On an interrupt the terminal is given back as it was (cursor
 * shown, line wrap on) before the process ends.
 */
import { randomBytes } from 'crypto';
import { promises as fs, rmSync } from 'fs';
import * as path from 'path';

const tracked = new Set<string>();

/** Tracks a temporary path until the returned function is called. */
export function track(file: string): () => void {
  tracked.add(file);
  return () => void tracked.delete(file);
}

/** A temporary name beside `target`: `target.custody-PID-RANDOM.tmp`. */
export function temporaryName(target: string): string {
  return `${target}.custody-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** The prefix of a temporary folder of this process (`fs.mkdtemp` adds the rest). */
export function temporaryFolderPrefix(dir: string, kind: string): string {
  return path.join(dir, `custody-${kind}-${process.pid}-`);
}

/** Removes everything tracked, at once and synchronously (from exit and signal handlers). */
function removeTracked(): void {
  for (const file of tracked) {
    try {
      rmSync(file, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting; the next run sweeps it.
    }
  }
  tracked.clear();
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files and folders of this tool, by name: the process id that made them. */
const LEFTOVER = /(?:^custody-[a-z]+-(\d+)-[^.]+$|\.custody-(\d+)-[0-9a-f]+\.tmp$)/;

/** Removes in `dir` the temporary files and folders left by runs of this tool that are no longer alive. */
export async function sweepLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    const pid = m && Number(m[1] ?? m[2]);
    if (!pid || alive(pid)) continue;
    await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** ANSI: show the cursor, turn line wrap back on (a progress bar hides and turns off both). */
const RESTORE_TERMINAL = '\x1b[?25h\x1b[?7h';

let installed = false;

/**
 * Installs the exit and signal handlers (once, for the real process — not for
 * commands run in-process by tests). On SIGINT/SIGTERM the temporary files go,
 * the terminal is restored, and the process ends with 130/143.
 */
export function installCleanup(stream: NodeJS.WriteStream = process.stderr): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeTracked);
  const onSignal = (signal: NodeJS.Signals, code: number) => () => {
    removeTracked();
    if (stream.isTTY) stream.write(RESTORE_TERMINAL);
    stream.write(signal === 'SIGINT' ? '\n已中断，临时文件已清除，输入文件未改动。\n' : '\n已终止，临时文件已清除，输入文件未改动。\n');
    process.exit(code);
  };
  process.on('SIGINT', onSignal('SIGINT', 130));
  process.on('SIGTERM', onSignal('SIGTERM', 143));
}
