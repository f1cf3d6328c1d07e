/**
 * Temporary folders a test file makes, removed when its tests are done (they
 * had piled up in the temp folder, dozens a run). Imported, this registers one
 * afterAll in the test file that imports it (jest loads modules per test file).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** A fresh folder in the temp folder, named from `prefix`, removed after this file's tests. */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
