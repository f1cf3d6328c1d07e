/**
 * 停止 in the browser face (review 10b D8), through the host and its worker: the worker reading is ended
 * (terminated), the file it was reading is given up (not listed as unreadable), the files read before stay open and
 * are checked in the worker started next (which is given what the page holds of them: it holds nothing), and files
 * chosen after are read again. The worker here is read-worker.ts itself, loaded afresh for each worker started, its
 * messages cloned as a real worker's are.
 */
import { browserHost } from '../../src/taskpane/browser-face';
import { ReadingStopped } from '../../src/taskpane/reading-stop';
import { JobStopped, workbookWorker } from '../../src/taskpane/worker-reader';
import { validateFiles } from '../../src/cli/validate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture, workbookBytes } from './helpers';

type Handler = ((e: { data: unknown }) => void) | null;

/** A Web Worker running read-worker.ts in this process; `hold` keeps the messages sent to it from arriving. */
class FakeWorker {
  static started = 0;
  static terminated = 0;
  static hold = false;
  onmessage: Handler = null;
  onerror: Handler = null;
  private dead = false;
  private readonly scope: { onmessage: Handler; postMessage(reply: unknown): void; setImmediate: typeof setImmediate };
  private readonly held: unknown[] = [];

  constructor() {
    FakeWorker.started++;
    this.scope = {
      onmessage: null,
      postMessage: (reply) => {
        const data = structuredClone(reply);
        setTimeout(() => !this.dead && this.onmessage?.({ data }), 0);
      },
      // What jszip's setImmediate polyfill looks for on `self` (else it takes this for a browser page).
      setImmediate,
    };
    (globalThis as unknown as { self: unknown }).self = this.scope;
    jest.isolateModules(() => require('../../src/taskpane/read-worker'));
  }

  postMessage(request: unknown): void {
    if (FakeWorker.hold) this.held.push(request);
    else setTimeout(() => !this.dead && this.scope.onmessage?.({ data: structuredClone(request) }), 0);
  }

  terminate(): void {
    this.dead = true;
    FakeWorker.terminated++;
  }
}

const NAME = (n: string) => `${n}.xlsx`;
const picked = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);
let kaodian: Uint8Array;
let fenxiao: Uint8Array;

beforeAll(async () => {
  kaodian = new Uint8Array(await workbookBytes(fixture('kaodian.json')));
  fenxiao = new Uint8Array(await workbookBytes(fixture('fenxiao.json')));
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
  (globalThis as unknown as { document: unknown }).document = { getElementById: () => null, baseURI: 'http://127.0.0.1/taskpane.html' };
});

afterAll(() => {
  for (const name of ['Worker', 'document', 'self']) delete (globalThis as Record<string, unknown>)[name];
});

beforeEach(() => {
  FakeWorker.started = 0;
  FakeWorker.terminated = 0;
  FakeWorker.hold = false;
});

/** `custody validate` of these workbooks together, each file's findings. */
async function validated(files: Array<[string, Uint8Array]>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-stop-'));
  try {
    const paths = files.map(([name, bytes]) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    });
    return (await validateFiles(paths, { lang: 'zh' })).files.map((f) => f.findings);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('stop() ends the worker and rejects the job it had with JobStopped; the next job starts another worker', async () => {
  const onPage = { read: jest.fn(), check: jest.fn(), mark: jest.fn(), consolidate: jest.fn() };
  const jobs = workbookWorker(onPage);
  FakeWorker.hold = true;
  const reading = jobs.read('a', 'a.xlsx', kaodian);
  expect([FakeWorker.started, jobs.generation]).toEqual([1, 0]);
  jobs.stop();
  await expect(reading).rejects.toBeInstanceOf(JobStopped);
  expect([FakeWorker.terminated, jobs.generation]).toEqual([1, 1]);
  FakeWorker.hold = false;
  const read = await jobs.read('a', 'a.xlsx', kaodian);
  expect(read.checks.zh.report.site).toBe('长沙分校 岳麓考点');
  expect([FakeWorker.started, FakeWorker.terminated]).toEqual([2, 1]);
  // Nothing was done on the page.
  expect(onPage.read).not.toHaveBeenCalled();
});

test('停止 while the second file is read: the first stays open and is checked by the new worker; the two not read are said; a file chosen after is read', async () => {
  const host = browserHost();
  expect(await host.addFiles([picked(kaodian, NAME('岳麓考点'))])).toEqual([]);
  const stop = new AbortController();
  FakeWorker.hold = true;
  const said: string[] = [];
  const reading = host.addFiles(
    [picked(fenxiao, NAME('长沙分校')), picked(kaodian, NAME('另一个'))],
    (p) => said.push(`${p.done}/${p.total} ${p.name}`),
    stop.signal,
  );
  await new Promise((r) => setTimeout(r, 50));
  stop.abort();
  const error = await reading.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReadingStopped);
  expect({ notes: (error as ReadingStopped).notes, notRead: (error as ReadingStopped).notRead }).toEqual({
    notes: [],
    notRead: ['长沙分校.xlsx', '另一个.xlsx'],
  });
  expect(said).toEqual(['0/2 长沙分校.xlsx']);
  expect(host.opened()).toEqual([NAME('岳麓考点')]);
  expect([FakeWorker.started, FakeWorker.terminated]).toEqual([1, 1]);

  FakeWorker.hold = false;
  const results = await host.check('zh');
  expect(FakeWorker.started).toBe(2);
  expect(results.map((r) => [r.label, r.error, r.report?.site])).toEqual([[NAME('岳麓考点'), undefined, '长沙分校 岳麓考点']]);
  expect(results.map((r) => r.findings)).toEqual(await validated([[NAME('岳麓考点'), kaodian]]));

  // 选择工作簿… again: read by the new worker, and checked across the one read before.
  expect(await host.addFiles([picked(fenxiao, NAME('长沙分校'))])).toEqual([]);
  const both = await host.check('zh');
  expect(both.map((r) => r.label)).toEqual([NAME('岳麓考点'), NAME('长沙分校')]);
  expect(both.map((r) => r.findings)).toEqual(
    await validated([
      [NAME('岳麓考点'), kaodian],
      [NAME('长沙分校'), fenxiao],
    ]),
  );
  expect(FakeWorker.started).toBe(2);
});
