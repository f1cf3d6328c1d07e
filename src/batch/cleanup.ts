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
  answerTerm();
  return () => {
    tracked.delete(file);
    answerTerm();
  };
}

/** Progress bars drawn (holdTerminal): while one is, the terminal is not as the user left it. */
let terminalHeld = 0;

/**
 * Marks the terminal as changed (a progress bar hides the cursor) until the
 * returned function is called: a SIGTERM meanwhile gives it back before the
 * process ends.
 */
export function holdTerminal(): () => void {
  terminalHeld++;
  answerTerm();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    terminalHeld--;
    answerTerm();
  };
}

/** A temporary name beside `target`: `target.custody-PID-RANDOM.tmp`. */
export function temporaryName(target: string): string {
  return `${target}.custody-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * The file a temporary folder of this tool holds from the moment it is made:
 * the next run removes a dead run's folder only when it finds it, so that a
 * folder of the user's whose name merely looks like ours (custody-archive-2023-spring)
 * is never touched.
 */
const FOLDER_MARK = '.custody-temporary';

/**
 * A new temporary folder of this process in `dir`, marked as this tool's:
 * `custody-KIND-PID-XXXXXX`, and the function that stops tracking it. It is
 * tracked from the moment it exists, before its mark is written: an interrupt
 * in between (a signal's handler runs between two awaits) left it behind.
 */
export async function makeTemporaryFolder(dir: string, kind: string): Promise<{ folder: string; untrack: () => void }> {
  const folder = await fs.mkdtemp(path.join(dir, `custody-${kind}-${process.pid}-`));
  const untrack = track(folder);
  await fs.writeFile(path.join(folder, FOLDER_MARK), `试卷保密助手的临时文件夹（进程 ${process.pid}），运行结束即删除\n`);
  return { folder, untrack };
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

/** Temporary folders (makeTemporaryFolder's, any kind; mkdtemp's six characters) and files (temporaryName's eight hex digits) of this tool, by name: the process id that made them. */
const LEFTOVER_FOLDER = /^custody-[a-z]+-(\d+)-[A-Za-z0-9]{6}$/;
const LEFTOVER_FILE = /\.custody-(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * Whether `name` in `dir` is a temporary entry this tool made and whose run is
 * gone: a marked folder, or a file; or a folder of the name with nothing in
 * it, which a run killed between making it and marking it leaves (removing an
 * empty folder loses nothing).
 */
async function isLeftover(dir: string, name: string): Promise<boolean> {
  const folder = LEFTOVER_FOLDER.exec(name);
  const file = folder ? null : LEFTOVER_FILE.exec(name);
  const pid = Number((folder ?? file)?.[1]);
  if (!pid || alive(pid)) return false;
  const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined);
  if (file) return stat?.isFile() ?? false;
  if (!stat?.isDirectory()) return false;
  if ((await fs.lstat(path.join(dir, name, FOLDER_MARK)).catch(() => undefined))?.isFile()) return true;
  return (await fs.readdir(path.join(dir, name)).catch(() => undefined))?.length === 0;
}

/**
 * Removes in `dir` the temporary files and folders left by runs of this tool
 * that are no longer alive: only what carries this tool's marks, never a
 * user's file or folder of a like name.
 */
export async function sweepLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!(await isLeftover(dir, name))) continue;
    await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** ANSI: show the cursor, turn line wrap back on (a progress bar hides and turns off both). */
const RESTORE_TERMINAL = '\x1b[?25h\x1b[?7h';

/** The SIGTERM handler of the real process (installCleanup), undefined in-process (tests). */
let onTerm: (() => void) | undefined;

/**
 * SIGTERM is answered by our handler only while there is something to undo
 * (a temporary path, a progress bar): else it takes its default action and
 * ends the process at once. A handler waited for a workbook checked on the
 * main thread to end, up to its whole time budget (review rounds 9b D5, 14a):
 * Ctrl-C stops that check (time-budget.ts), nothing can stop it for a SIGTERM.
 */
function answerTerm(): void {
  if (!onTerm) return;
  const needed = tracked.size > 0 || terminalHeld > 0;
  const listening = process.listeners('SIGTERM').includes(onTerm);
  if (needed && !listening) process.on('SIGTERM', onTerm);
  if (!needed && listening) process.off('SIGTERM', onTerm);
}

/**
 * Installs the exit and signal handlers (once, for the real process — not for
 * commands run in-process by tests). On SIGINT, and on SIGTERM while there is
 * something to undo (answerTerm), the temporary files go, the terminal is
 * restored, and the process ends with 130/143.
 */
export function installCleanup(stream: NodeJS.WriteStream = process.stderr): void {
  if (onTerm) return;
  process.on('exit', removeTracked);
  const onSignal = (signal: NodeJS.Signals, code: number) => () => {
    removeTracked();
    if (stream.isTTY) stream.write(RESTORE_TERMINAL);
    stream.write(signal === 'SIGINT' ? '\n已中断，临时文件已清除，输入文件未改动。\n' : '\n已终止，临时文件已清除，输入文件未改动。\n');
    process.exit(code);
  };
  process.on('SIGINT', onSignal('SIGINT', 130));
  onTerm = onSignal('SIGTERM', 143);
  answerTerm();
}
