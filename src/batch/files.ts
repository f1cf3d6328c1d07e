/** Node file helpers for the CLI: write atomically, never touch an input. */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/** Refuses to write over a file the command is reading. */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const out = path.resolve(output);
  if (inputs.some((i) => path.resolve(i) === out)) {
    throw new Error(`输出文件不能与输入文件相同：${output}（输入文件从不被改写）`);
  }
}
