import { isRefusal, printable, refusalLine } from '../check/refusal';

/** What a command prints and how it ends, so that tests can run commands in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** 0: fine; 1: errors found; 2: a file could not be read or the call was wrong. */
  exitCode: number;
  /** True when standard error is a terminal (progress bars). */
  interactive: boolean;
}

/**
 * A stream whose reader went away (`custody validate --help | head`): the rest
 * of what we would print is dropped quietly and the command still ends with its
 * own exit code, instead of Node's stack trace for EPIPE.
 */
const closedStreams = new Set<NodeJS.WriteStream>();

function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  if (!stream.listeners('error').includes(markClosed)) stream.on('error', markClosed);
  return (text) => {
    if (!closedStreams.has(stream)) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

function markClosed(this: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  closedStreams.add(this);
}

export function processIO(): CliIO {
  return {
    out: quietWhenClosed(process.stdout),
    err: quietWhenClosed(process.stderr),
    exitCode: 0,
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** Captures output, for tests. */
export function memoryIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    exitCode: 0,
    interactive: false,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
  };
  return io;
}

const FILE_ERRORS: Record<string, { zh: string; en: string }> = {
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '没有权限', en: 'permission denied' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EROFS: { zh: '磁盘是只读的', en: 'the disk is read-only' },
  ENOENT: { zh: '找不到文件或文件夹', en: 'no such file or folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  EEXIST: { zh: '已有同名文件', en: 'a file of that name exists' },
  EMFILE: { zh: '同时打开的文件过多', en: 'too many open files' },
};

/**
 * The line for an error that ends a command: a refusal written for people as
 * it is; a file-system error in plain words with its path; anything else a
 * plain line — never a library's wording or a stack.
 */
export function describeError(error: unknown, lang: 'zh' | 'en' = 'zh'): string {
  if (isRefusal(error)) return refusalLine(error, lang);
  const e = error as NodeJS.ErrnoException;
  const known = e && typeof e.code === 'string' ? FILE_ERRORS[e.code] : undefined;
  if (known) {
    const where = e.path ? `${lang === 'zh' ? '：' : ': '}${printable(e.path)}` : '';
    return lang === 'zh' ? `无法读写文件（${known.zh}）${where}` : `cannot read or write a file (${known.en})${where}`;
  }
  return lang === 'zh'
    ? '出现了意外的问题，命令未完成；输入文件没有被改动'
    : 'something unexpected happened; the command did not finish and no input was changed';
}
