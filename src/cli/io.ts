/** What a command prints and how it ends, so that tests can run commands in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** 0: fine; 1: errors found; 2: a file could not be read or the call was wrong. */
  exitCode: number;
  /** True when standard error is a terminal (progress bars). */
  interactive: boolean;
}

export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
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

/** The one line a user sees for an error: no stack trace. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim() || '未知错误';
}
