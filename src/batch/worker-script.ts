/**
 * Node only: the script a worker thread starts from. Built by tsc, the compiled worker beside this module; bundled
 * (dist/cli), bin/worker.js, which runs the bundle's worker from V8's code cache; none when run from the sources
 * (ts-jest), where the work is done in this thread.
 */
import { existsSync } from 'fs';
import * as path from 'path';

export function workerScript(): string | undefined {
  const js = path.join(__dirname, 'worker.js');
  if (!existsSync(js)) return undefined;
  const boot = path.join(__dirname, '..', '..', 'bin', 'worker.js');
  return path.basename(__dirname) === 'cli' && existsSync(boot) ? boot : js;
}
