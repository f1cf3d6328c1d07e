/**
 * Worker threads started before their files are known (`EarlyWorkers`,
 * src/batch/pool.ts): `custody summary` starts them while it searches the
 * folders. The pool takes them instead of starting its own; those it does not
 * need are stopped; one that fails before it is taken is left out. Runs the
 * built worker (`npx tsc -p tsconfig.cli.json`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { sampleNetwork } from '../../src/demo/sample';
import { consolidateFiles } from '../../src/batch/consolidate';

const DIST = path.join(__dirname, '../../dist/src/batch');
const built = fs.existsSync(path.join(DIST, 'worker.js'));
const maybe = built ? it : it.skip;
const SCRIPT = path.join(DIST, 'worker.js');

let dir: string;
let tmp: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-early-'));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-early-tmp-'));
  const net = sampleNetwork({ sites: 3, papers: 2, sessions: 2 });
  files = [];
  for (const [i, data] of [net.branch, ...net.sites].entries()) {
    const file = path.join(dir, `${i}.xlsx`);
    fs.writeFileSync(file, await fillWorkbook(data));
    files.push(file);
  }
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

const load = () => ({
  pool: require(path.join(DIST, 'pool.js')) as typeof import('../../src/batch/pool'),
  spool: require(path.join(DIST, 'spool.js')) as typeof import('../../src/batch/spool'),
  consolidate: require(path.join(DIST, 'consolidate.js')) as typeof import('../../src/batch/consolidate'),
});

/** Whether a worker of `script` was still waiting (stopped here, so that a failing test does not hang). */
function leftWaiting(early: import('../../src/batch/pool').EarlyWorkers, script = SCRIPT): boolean {
  const worker = early.take(script);
  void worker?.terminate();
  return worker !== undefined;
}

describe('worker threads started before their files are known', () => {
  maybe('are taken by the pool, which starts none of its own; the result is the same', async () => {
    const { pool, spool } = load();
    const early = new pool.EarlyWorkers(SCRIPT, 2);
    const c = await spool.spoolFiles(files, { threads: 2, tmpDir: tmp, early });
    try {
      expect(early.taken).toBe(2);
      expect(leftWaiting(early)).toBe(false);
      expect(c.totals).toEqual((await consolidateFiles([...files].sort(), { threads: 0 })).totals);
    } finally {
      await c.dispose();
      await early.stop();
    }
  });

  maybe('those the pool does not need are stopped: more than the threads asked for, or too few files for threads', async () => {
    const { pool, consolidate } = load();
    const three = new pool.EarlyWorkers(SCRIPT, 3);
    const threaded = await consolidate.consolidateFiles(files, { threads: 2, early: three });
    expect(three.taken).toBe(2);
    expect(leftWaiting(three)).toBe(false);
    const unused = new pool.EarlyWorkers(SCRIPT, 2);
    const inProcess = await consolidate.consolidateFiles(files.slice(0, 2), { threads: 2, early: unused });
    expect(unused.taken).toBe(0);
    expect(leftWaiting(unused)).toBe(false);
    expect(threaded.totals).toEqual((await consolidateFiles(files, { threads: 0 })).totals);
    expect(inProcess.totals).toEqual((await consolidateFiles(files.slice(0, 2), { threads: 0 })).totals);
  });

  maybe('a worker of another script is not taken; one that fails before it is taken is left out, without an uncaught error', async () => {
    const { pool } = load();
    const broken = path.join(tmp, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('broken on purpose');\n");
    const early = new pool.EarlyWorkers(broken, 1);
    expect(leftWaiting(early)).toBe(false);
    // It fails as it loads: within a second, on any machine this runs on.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(leftWaiting(early, broken)).toBe(false);
    expect(early.taken).toBe(0);
    await early.stop();
  });

  maybe('no more are started than the machine has cores (two at least), however many are asked for', async () => {
    const { consolidate } = load();
    const early = (await consolidate.startEarlyWorkers([dir], { threads: 1000 }))!;
    let started = 0;
    while (leftWaiting(early)) started++;
    expect(started).toBe(Math.max(2, consolidate.defaultThreads()));
    await early.stop();
  });
});
