/**
 * Review 14a D1: `validate --mark` made its copies on the main thread — a copy of 120,000 findings ran for minutes,
 * past the file's time budget, and Ctrl-C and SIGTERM waited for it. The copies are now made in a worker thread
 * (mark-thread.ts): the main thread stays free (its signal handlers run at once), a copy over the budget is stopped
 * with one line, and the next copy is made in a fresh thread. Here with a stand-in worker script.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { markOverTime, markerFor } from '../../src/batch/mark-thread';
import { refusalLine } from '../../src/check/refusal';

let dir: string;
let script: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mark-thread-'));
  script = path.join(dir, 'worker.js');
  // A file named “…slow” never ends; “…refused” is refused; any other is copied as two bytes, one cell marked.
  fs.writeFileSync(
    script,
    `const { parentPort, workerData } = require('worker_threads');
if (!workerData || workerData.mark !== true) throw new Error('not started as the marking thread');
parentPort.on('message', (job) => {
  if (job.file.endsWith('slow')) for (;;);
  if (job.file.endsWith('refused')) parentPort.postMessage({ refusal: '不是工作簿' });
  else parentPort.postMessage({ bytes: new Uint8Array([job.findings.length, 7]), marked: 1 });
});`,
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const finding = { rule: 'x', severity: 'error' as const, form: 3 as const, sheet: '出入库记录', cell: 'F4', row: 1, message: '有问题', clause: '' };

test('review14a D1: a copy over its budget is stopped with one line, the main thread free meanwhile; the next copy is made in a fresh thread', async () => {
  const marker = markerFor('zh', 1, script);
  try {
    const started = Date.now();
    // The main thread's timers (and so its signal handlers) run while the thread works.
    let ticks = 0;
    const tick = setInterval(() => ticks++, 50);
    const error = await marker.copy('a.xlsx.slow', [finding]).catch((e: unknown) => e);
    clearInterval(tick);
    expect(refusalLine(error, 'zh')).toBe(
      '制作超过 1 秒仍未完成，已停止（上面列出的问题不受影响；疑似异常文件），重新保存不能解决。请按上面列出的问题逐个改正，或把文件交给信息技术人员检查',
    );
    expect(refusalLine(error, 'en')).toBe(markOverTime(1, 'en'));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ticks).toBeGreaterThanOrEqual(10);
    // The next file is still done, in a fresh thread.
    expect(await marker.copy('b.xlsx', [finding, finding])).toEqual({ bytes: new Uint8Array([2, 7]), marked: 1 });
    // A refusal from the thread is the file's one line.
    expect(refusalLine(await marker.copy('c.xlsx.refused', [finding]).catch((e: unknown) => e), 'zh')).toBe('不是工作簿');
    expect(await marker.copy('d.xlsx', [finding])).toEqual({ bytes: new Uint8Array([1, 7]), marked: 1 });
  } finally {
    await marker.close();
  }
});

test('review14a D1: the over-time line in English', () => {
  expect(markOverTime(30, 'en')).toBe(
    'making it took over 30 s and was stopped (the findings above stand; a suspect file); saving it again does not help. Correct the cells the list above names, or send the file to your IT staff',
  );
});
