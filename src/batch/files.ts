/**
 * Node file helpers for the CLI, written so that no input is ever lost:
 * workbooks found in folders without leaving the tree or walking in circles,
 * only regular files opened, an output that is an input refused before any
 * work, outputs written atomically beside their target.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fs,
  readSync,
  realpath as realpathByCallback,
  stat as statByCallback,
  statSync,
  Stats,
} from 'fs';
import * as path from 'path';
import { isLockFileName, isTextTableName, isWorkbookName, passedByReason } from '../check/passed-by';
import { Refusal, printable } from '../check/refusal';
import { LIMITS } from '../model/limits';
import { naturalOrder } from '../model/file-order';
import { sweepLeftovers, temporaryName, track } from './cleanup';

/**
 * Writes `file` through a temporary file beside it and a rename, so a reader
 * never sees half a file; `write` fills the path it is given, opened with
 * `flag`. A target that is a device or a pipe (/dev/null, a FIFO another
 * program reads) is written into as it is: a rename would put a plain file in
 * its place.
 */
export async function writeAtomically(file: string, write: (into: string, flag: 'w' | 'wx') => Promise<void>): Promise<void> {
  const target = await statOrNull(file);
  if (target && (target.isCharacterDevice() || target.isFIFO() || target.isSocket() || target.isBlockDevice())) return write(file, 'w');
  const dir = path.dirname(path.resolve(file));
  const made = await fs.mkdir(dir, { recursive: true });
  await sweepLeftovers(dir);
  const tmp = temporaryName(file);
  const untrack = track(tmp);
  try {
    await write(tmp, 'wx');
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    await removeEmptyFolders(made, dir);
    // The user named the target, not the temporary file beside it.
    const e = error as NodeJS.ErrnoException;
    if (e && e.path === tmp) e.path = file;
    throw error;
  } finally {
    untrack();
  }
}

/**
 * The folders a failed write made for its file (`made`, the first mkdir made,
 * down to `dir`) removed again, deepest first: a full disk leaves no empty
 * folder behind. One that holds anything (another file written there since) is kept.
 */
async function removeEmptyFolders(made: string | undefined, dir: string): Promise<void> {
  if (!made) return;
  for (let folder = dir; ; folder = path.dirname(folder)) {
    // rmdir removes an empty folder only: one that holds anything stops the climb.
    if (
      !(await fs.rmdir(folder).then(
        () => true,
        () => false,
      )) ||
      folder === made ||
      path.dirname(folder) === folder
    )
      return;
  }
}

/** `data` written to `file` as writeAtomically writes. */
export function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  return writeAtomically(file, (into, flag) => fs.writeFile(into, data, { flag }));
}

/** Whether a file exists (so that a command can say it replaces it). */
export async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** A one-line refusal of an output path that would replace something being read. */
class OutputOverInput extends Refusal {}

/** An output path that is a folder: every command that writes one file says it so. */
export const outputIsFolder = (output: string): Refusal =>
  new OutputOverInput(`输出位置是一个文件夹，不能写成文件：${printable(output)}`, `the output is a folder, not a file: ${printable(output)}`);

const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * A path's stat, or null where there is none. Asked through fs.stat's callback, still off the main thread:
 * fs/promises' stat cost the main thread three times the CPU (3,000 workbooks: some 90 ms, at the start of a
 * summary, while its worker threads waited for their first files).
 */
function statOrNull(file: string): Promise<Stats | null> {
  return new Promise((resolve) => statByCallback(file, (error, stats) => resolve(error ? null : stats)));
}

/** Runs of this many files or more are read in worker threads (fewer are not worth starting them). */
export const THREADS_FROM = 4;

/**
 * Each path's stat looked up once in a command that compares an output with
 * its inputs more than once (`summary`: is the output a summary found among
 * them, is it any of them; 3,000 inputs took 50 ms a pass).
 */
export type StatMemo = Map<string, Promise<Stats | null>>;

/** A file's stat (null: none), taken once per memo. */
export const statFrom = (memo: StatMemo | undefined) => (file: string) => {
  if (!memo) return statOrNull(file);
  let stat = memo.get(file);
  if (!stat) memo.set(file, (stat = statOrNull(file)));
  return stat;
};

/**
 * Refuses outputs that are, or resolve to (links, `./`, a name in another
 * case on a case-insensitive disk, a hard link), any input: the files named
 * and the workbooks found under the folders named. Compared by device and
 * inode, so every spelling of one file is caught. Throws OutputOverInput.
 */
export async function refuseOutputsOverInputs(outputs: readonly string[], inputs: readonly string[], memo?: StatMemo): Promise<void> {
  const stat = statFrom(memo);
  // The inputs are looked at only when an output exists already (a new file replaces nothing).
  let read: Stats[] | undefined;
  for (const output of outputs) {
    const target = await stat(output);
    if (!target) continue;
    if (target.isDirectory()) throw outputIsFolder(output);
    read ??= (await Promise.all(inputs.map(stat))).filter((s): s is Stats => s !== null && !s.isDirectory());
    if (read.some((s) => sameFile(s, target))) {
      throw new OutputOverInput(
        `输出文件就是正在读取的输入文件之一，已拒绝（输入文件从不被改写）：${printable(output)}，请换一个输出文件名`,
        `the output file is one of the files being read: refused (input files are never written over): ${printable(output)}; choose another output name`,
      );
    }
  }
}

/** The first of `files` that is `target` (links, `./`, case, hard links); undefined when none is, or target is missing. */
export async function sameFileIn(target: string, files: readonly string[], memo?: StatMemo): Promise<string | undefined> {
  const stat = statFrom(memo);
  const t = await stat(target);
  if (!t) return undefined;
  const stats = await Promise.all(files.map(stat));
  const i = stats.findIndex((s) => s !== null && sameFile(s, t));
  return i < 0 ? undefined : files[i];
}

/** A path that is no workbook file: what it is, and that the workbook file itself is to be named. */
const notAWorkbook = (what: string, whatEn: string) =>
  new Refusal(`这是${what}，不是工作簿文件，未读取；请指定 .xlsx 工作簿文件`, `this is ${whatEn}, not a workbook file; not read. Name the .xlsx workbook file`);

/** Why a path that is not a regular file cannot be read as a workbook. */
function notRegular(stat: Stats): Refusal | null {
  if (stat.isDirectory()) return FOLDER();
  if (stat.isFIFO()) return notAWorkbook('一个命名管道（FIFO）', 'a named pipe (FIFO)');
  if (stat.isSocket()) return notAWorkbook('一个套接字', 'a socket');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return notAWorkbook('一个设备文件', 'a device file');
  return stat.isFile() ? null : notAWorkbook('一个特殊文件（不是普通文件）', 'a special file (not a regular one)');
}

/** Whether `file` is a folder (a folder's walk lists one it cannot read, for its line). */
function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const FOLDER = () => notAWorkbook('一个文件夹', 'a folder');

/** No permission to read a file or a folder: someone who has it can open it, or the workbooks can be copied. */
const noPermission = (what: '文件' | '文件夹', whatEn: 'file' | 'folder') =>
  new Refusal(
    `没有读取这个${what}的权限，请让管理员开放读取权限，或把工作簿复制到自己能读的位置后再检查`,
    `no permission to read this ${whatEn}; ask for read permission, or copy the workbooks somewhere you can read and check again`,
  );

/**
 * The bytes of a workbook file; only a regular file is read (a FIFO, a
 * device or a socket is refused without waiting on it), up to the size limit.
 * Throws a Refusal with one line.
 *
 * Read with synchronous calls: a workbook is a few kilobytes to a few
 * megabytes already in the page cache, and the worker threads of `summary`
 * otherwise sat idle on three round trips to libuv's pool per file (a tenth
 * of their time).
 */
export function readRegularFileSync(file: string, limit = LIMITS.fileBytes): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new Refusal('找不到文件，请检查文件名和路径是否写对', 'file not found; check the file name and its path');
    if (code === 'ELOOP')
      throw new Refusal(
        '这是一个循环的符号链接，找不到真正的文件；请指定工作簿文件本身',
        'a symbolic link that loops: there is no real file. Name the workbook file itself',
      );
    if (code === 'EACCES' || code === 'EPERM') throw isFolder(file) ? noPermission('文件夹', 'folder') : noPermission('文件', 'file');
    if (code === 'EISDIR') throw FOLDER();
    throw new Refusal(
      `无法打开文件（${code ?? '未知原因'}），请关闭正在使用它的程序，或把它复制到本机后再试`,
      `the file cannot be opened (${code ?? 'unknown reason'}); close any program using it, or copy it to this computer, and try again`,
    );
  }
  try {
    const stat = fstatSync(fd);
    const why = notRegular(stat);
    if (why) throw why;
    if (stat.size > limit) {
      const [size, cap] = [Math.round(stat.size / 1024 / 1024), limit / 1024 / 1024];
      throw new Refusal(
        `文件过大（${size} MB），超过 ${cap} MB 的上限，请确认选对了文件`,
        `the file is too large (${size} MB), over the ${cap} MB limit; check that it is the right file`,
      );
    }
    // Its own memory (allocUnsafe gives a small file a slice of a shared pool, which a caller's `.buffer` would expose).
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const bytesRead = readSync(fd, bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new Refusal(
      `无法读取文件（${code ?? '未知原因'}），请把它复制到本机后再试`,
      `the file cannot be read (${code ?? 'unknown reason'}); copy it to this computer and try again`,
    );
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFileSync` for callers that await. */
export async function readRegularFile(file: string, limit = LIMITS.fileBytes): Promise<Buffer> {
  return readRegularFileSync(file, limit);
}

/** A file a folder's walk passes by unread, and why (a line in each language). */
export interface PassedBy {
  file: string;
  reason: { readonly zh: string; readonly en: string };
}

/**
 * The workbook files named, and the spreadsheet files found (recursively,
 * sorted) in folders named (`isWorkbookName`), without Office lock files (~$…), hidden folders and node_modules.
 * Named files keep the order given; a named path that does not exist is kept,
 * so that it is reported; a file reached twice is listed once. Links to
 * folders are followed only when they stay inside that folder's tree, and a
 * folder is never walked twice (no loops); a link to a workbook file is
 * followed wherever it leads. Anything with a workbook's name that is not a
 * regular file (a link to nothing, a link in a loop) and a folder that cannot
 * be read are listed, so that each gets its one-line refusal.
 */
export async function findWorkbooks(inputs: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  return (await findWorkbookFiles(inputs, exclude)).files;
}

/**
 * findWorkbooks, and the files the folders' walks passed by (passedByReason):
 * the marked copies (`validate --mark`, named by markedName), each its workbook
 * again with fills and notes, which read as a unit's own would count that
 * unit twice; text tables (.csv, .tsv). Said to the user as skipped; one named
 * on its own is read.
 */
export async function findWorkbookFiles(inputs: readonly string[], exclude: readonly string[] = []): Promise<{ files: string[]; passedBy: PassedBy[] }> {
  const excluded = new Set(exclude.map((e) => path.resolve(e)));
  const listed = new Map<string, string>();
  const passedBy = new Map<string, PassedBy>();
  /** Each file once, by its real path, in the order given. */
  const add = (files: readonly Found[]) => {
    for (const { file, real } of files) if (!excluded.has(path.resolve(file)) && !listed.has(real)) listed.set(real, file);
  };
  for (const input of inputs) {
    const stat = await statOrNull(input);
    if (stat?.isDirectory()) {
      const root = await fs.realpath(input);
      const workbooks: Found[] = [];
      for (const f of await walk(input, root, root, new Set([root]))) {
        const reason = passedByReason(path.basename(f.file));
        if (reason) passedBy.set(f.real, { file: f.file, reason });
        else workbooks.push(f);
      }
      add(workbooks);
    } else if (isLockFileName(path.basename(input))) {
      // Named on its own a marked copy or a text table is read as asked; a lock file is nothing to read.
      passedBy.set(await realOrResolved(input), { file: input, reason: passedByReason(path.basename(input))! });
    } else {
      add([{ file: input, real: await realOrResolved(input) }]);
    }
  }
  return { files: [...listed.values()], passedBy: [...passedBy].filter(([real]) => !listed.has(real)).map(([, p]) => p) };
}

/** A workbook found, and its real path (what tells two spellings of one file apart). */
interface Found {
  file: string;
  real: string;
}

/**
 * A file's real path, or its path resolved where it has none. Asked through realpath's callback (the same
 * lookup as fs/promises'), as statOrNull: a `validate` of files named loads no fs/promises (some 3 ms of a cold start).
 */
const realOrResolved = (file: string): Promise<string> =>
  new Promise((resolve) => realpathByCallback.native(file, (error, real) => resolve(error ? path.resolve(file) : real)));

const inside = (root: string, real: string): boolean => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * The workbooks under `dir`, whose real path is `realDir`. The real path of an
 * entry that is not a link is its folder's and its name: only links are
 * looked up (a lookup per file took a tenth of a second for 3,000).
 */
async function walk(dir: string, realDir: string, root: string, seen: Set<string>): Promise<Found[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    // A folder that cannot be read (no permission) is listed: its line says so, rather than its workbooks missing without a word.
    return [{ file: dir, real: realDir }];
  }
  entries.sort((a, b) => naturalOrder(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: Found[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let real = path.join(realDir, e.name);
    if (e.isSymbolicLink()) {
      const target = await fs.realpath(full).catch(() => null);
      if (!target) {
        // A link to nothing, or in a loop: listed under a workbook's name, so that its line says which.
        if (isWorkbookName(e.name)) found.push({ file: full, real: path.resolve(full) });
        continue;
      }
      real = target;
      isDir = (await statOrNull(real))?.isDirectory() ?? false;
      // A folder is walked only inside the tree, once; a linked workbook file is read wherever it is (one file, read as any other).
      if (isDir) {
        if (!inside(root, real) || seen.has(real)) continue;
        seen.add(real);
      }
    } else if (isDir) {
      if (seen.has(real)) continue;
      seen.add(real);
    }
    if (isDir) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') for (const f of await walk(full, real, root, seen)) found.push(f);
    } else if (isWorkbookName(e.name) || isTextTableName(e.name)) {
      found.push({ file: full, real });
    }
  }
  return found;
}
