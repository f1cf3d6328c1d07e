/**
 * The pool of worker threads (src/batch/pool.ts) with a stand-in worker that
 * speaks its protocol: every file is answered once; a worker that dies costs
 * only the file it was on, the rest of its batch going to a fresh worker —
 * the files it had finished but not yet answered (answers go a few at a
 * time) included.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runPool, type WorkerAnswer } from '../../src/batch/pool';

/** Answers each file with its own name, three at a time and at the end of a batch; ends its thread on a file named "die…". */
const STAND_IN = `
const { parentPort } = require('worker_threads');
let setup;
let answers = [];
parentPort.on('message', (message) => {
  if (!Array.isArray(message)) return void (setup = message.setup);
  for (const [index, file] of message) {
    Atomics.store(setup.state, 0, index + 1);
    if (file.startsWith('die')) process.exit(3);
    Atomics.store(setup.state, 0, 0);
    answers.push({ index, result: file });
    if (answers.length === 3) parentPort.postMessage(answers.splice(0));
  }
  if (answers.length) parentPort.postMessage(answers.splice(0));
});
`;

let dir: string;
let script: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-pool-'));
  script = path.join(dir, 'stand-in.js');
  fs.writeFileSync(script, STAND_IN);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(files: string[], threads: number) {
  const answered: WorkerAnswer[] = [];
  const lost: Array<{ index: number; over: boolean }> = [];
  await runPool({
    files,
    threads,
    worker: script,
    setup: { work: { answer: 'processed' } },
    budgetMs: 60_000,
    mayStart: () => true,
    answer: (a) => answered.push(a),
    lost: (index, over) => lost.push({ index, over }),
  });
  return { answered: answered.sort((a, b) => a.index - b.index), lost };
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);

describe('runPool', () => {
  it('answers every file once', async () => {
    const files = names(40);
    const { answered, lost } = await run(files, 2);
    expect(answered).toEqual(files.map((file, index) => ({ index, result: file })));
    expect(lost).toEqual([]);
  });

  it('a worker that dies mid-batch loses the file it was on; the rest of its batch, answered or not, is answered by the next', async () => {
    const files = names(30);
    files[5] = 'die-5';
    files[21] = 'die-21';
    const { answered, lost } = await run(files, 1);
    expect(lost).toEqual([
      { index: 5, over: false },
      { index: 21, over: false },
    ]);
    expect(answered).toEqual(files.map((file, index) => ({ index, result: file })).filter((a) => a.index !== 5 && a.index !== 21));
  });
});
