/**
 * The pane's frame (App) while it is busy, in Node with a few stand-in elements (the views that draw lists are
 * replaced: what is tested is the order work runs in and what the status line says):
 * - work asked for while other work runs waits its turn and runs after it, in order (review 10b D6): the language
 *   switched during a long 标记 brings the findings back in that language; a live re-check arriving during 标记 runs
 *   after it, over the sheets edited; the same work asked twice runs twice (nothing is merged);
 * - 停止 (or Escape) while files are read (review 10b D8): the files read are kept and checked, the status line says
 *   how many were not read, and the next files chosen are read again.
 */
import { App, SLOW_FILE_MS } from '../../src/taskpane/app';
import type { Host } from '../../src/taskpane/host';
import type { SiteResult } from '../../src/taskpane/check';
import type { OpenNote, ReadProgress } from '../../src/taskpane/browser-face';
import { ReadingStopped } from '../../src/taskpane/reading-stop';
import type { Lang } from '../../src/taskpane/i18n';
import { findingAt } from '../findings';

jest.mock('../../src/taskpane/findings-view', () => ({ renderResults: jest.fn() }));
jest.mock('../../src/taskpane/forms-view', () => ({ renderTemplates: jest.fn(async () => undefined) }));
jest.mock('../../src/taskpane/summary-view', () => ({ renderSummaries: jest.fn(), wireSummary: jest.fn() }));
jest.mock('../../src/taskpane/check-view', () => ({ wireCheck: jest.fn() }));

type Listener = (e: { key?: string; preventDefault(): void }) => void;

/** An element as the frame uses it: text, data, hidden, a class list, listeners. */
class Node {
  textContent = '';
  hidden = false;
  lang = '';
  max = 0;
  /** Attributes taken away (the progress bar's value: indeterminate); setting value puts it back, as in the DOM. */
  readonly removed = new Set<string>();
  private shown = 0;
  get value(): number {
    return this.shown;
  }
  set value(v: number) {
    this.shown = v;
    this.removed.delete('value');
  }
  removeAttribute(name: string): void {
    this.removed.add(name);
  }
  dataset: Record<string, string> = {};
  readonly listeners = new Map<string, Listener[]>();
  readonly classes = new Set<string>();
  classList = { add: (c: string) => this.classes.add(c), remove: (c: string) => this.classes.delete(c), contains: (c: string) => this.classes.has(c) };
  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  fire(type: string, e: { key?: string } = {}): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ ...e, preventDefault: () => undefined });
  }
}

let nodes: Map<string, Node>;
let doc: Node & { body: Node };

beforeEach(() => {
  nodes = new Map(['status', 'lang-switch', 'progress', 'progress-bar', 'progress-text', 'stop-btn', 'results'].map((id) => [id, new Node()]));
  nodes.get('progress')!.hidden = true;
  doc = Object.assign(new Node(), {
    body: new Node(),
    getElementById: (id: string) => nodes.get(id) ?? null,
    querySelectorAll: () => [],
  });
  (globalThis as unknown as { document: unknown }).document = doc;
});

afterAll(() => {
  delete (globalThis as { document?: unknown }).document;
});

/** A promise and the hand that settles it. */
function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const statusText = () => nodes.get('status')!.textContent;
const MESSAGE: Record<Lang, string> = { zh: '合计与明细不符', en: 'The total does not match the rows' };

/** A host whose one workbook has one finding, its message in the language asked; every check written down. */
function fakeHost(extra: Partial<Host> = {}): Host & { checks: string[] } {
  const checks: string[] = [];
  return {
    kind: 'office',
    checks,
    async check(lang, changed) {
      checks.push(`${lang}${changed ? `:${changed.join(',')}` : ''}`);
      return [{ id: 'wb', label: '当前工作簿', findings: [findingAt('附件2 入库', 'C9', 'column-total', { message: MESSAGE[lang] })] } as SiteResult];
    },
    async useTemplate() {
      return '';
    },
    async select() {
      return undefined;
    },
    async writeSummary() {
      return '';
    },
    ...extra,
  };
}

describe('work asked for while the pane is busy (review 10b D6)', () => {
  test('the language switched during a long 标记: the 标记 ends, then the findings are checked again in English and the status line is English', async () => {
    const host = fakeHost();
    const app = new App({ host, templates: async () => [] });
    app.start();
    await app.guarded(() => app.runCheck());
    expect(statusText()).toBe('完成：1 个错误，0 个警告');
    const marking = deferred<string>();
    const order: string[] = [];
    const mark = app.guarded(async () => {
      await app.runCheck();
      order.push('标记 began');
      const said = await marking.promise;
      order.push('标记 ended');
      return said;
    });
    await flush();
    nodes.get('lang-switch')!.fire('click');
    expect(app.lang).toBe('en');
    // Still busy with the 标记: the check in English waits.
    expect(host.checks).toEqual(['zh', 'zh']);
    expect(doc.body.classes.has('busy')).toBe(true);
    marking.resolve('已标记 1 个单元格。');
    await mark;
    await flush();
    await flush();
    expect(order).toEqual(['标记 began', '标记 ended']);
    expect(host.checks).toEqual(['zh', 'zh', 'en']);
    expect(app.results[0].findings.map((f) => f.message)).toEqual([MESSAGE.en]);
    expect(statusText()).toBe('Done: 1 error, 0 warnings');
    expect(doc.body.classes.has('busy')).toBe(false);
  });

  test('a live re-check arriving during 标记 runs after it, over the sheet edited, and is not lost', async () => {
    let onChange: (sheets: readonly string[]) => void = () => undefined;
    const host = fakeHost({ watch: (fn) => ((onChange = fn), () => undefined) });
    const app = new App({ host, templates: async () => [] });
    app.start();
    await app.guarded(() => app.runCheck());
    const marking = deferred<string>();
    const mark = app.guarded(() => marking.promise);
    onChange(['附件2 入库']);
    // The live check waits 0.4 s for quiet, then asks; the pane is still busy marking.
    await new Promise((r) => setTimeout(r, 600));
    expect(host.checks).toEqual(['zh']);
    marking.resolve('已标记 1 个单元格。');
    await mark;
    await app.live!.idle();
    expect(host.checks).toEqual(['zh', 'zh:附件2 入库']);
    expect(statusText()).toBe('完成：1 个错误，0 个警告');
  });

  test('work asked for twice while busy runs twice, in the order asked, each promise ending when its work has run', async () => {
    const host = fakeHost();
    const app = new App({ host, templates: async () => [] });
    app.start();
    const first = deferred<string>();
    const ran: string[] = [];
    const a = app.guarded(async () => {
      ran.push('a');
      return first.promise;
    });
    const again = () =>
      app.guarded(async () => {
        ran.push('again');
        return `第 ${ran.length} 件`;
      });
    const b = again();
    const c = again();
    await flush();
    expect(ran).toEqual(['a']);
    expect(statusText()).toBe('处理中…');
    first.resolve('a 完成');
    await Promise.all([a, b, c]);
    // Nothing is merged: the same work asked twice is done twice (a check twice is a check; nothing is lost).
    expect(ran).toEqual(['a', 'again', 'again']);
    expect(statusText()).toBe('第 3 件');
  });
});

describe('停止 while files are read (review 10b D8)', () => {
  /** addFiles as the browser face does it: a file at a time, said by `progress`, each reading held until let go; stopped between or during files. */
  function fakeReading() {
    const read: string[] = [];
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    const addFiles = async (files: readonly File[], progress: (p: ReadProgress) => void, stop: AbortSignal) => {
      for (const [i, file] of files.entries()) {
        if (stop.aborted)
          throw new ReadingStopped(
            [],
            files.slice(i).map((f) => f.name),
          );
        progress({ done: i, total: files.length, name: file.name });
        const gate = deferred();
        gates.push(gate);
        stop.addEventListener('abort', () => gate.resolve());
        await gate.promise;
        if (stop.aborted)
          throw new ReadingStopped(
            [],
            files.slice(i).map((f) => f.name),
          );
        read.push(file.name);
      }
      return [];
    };
    return { read, gates, addFiles };
  }

  const file = (name: string) => new File([new Uint8Array([1])], name);

  test('停止 during the second of four files: the first kept and checked, the status says 3 not read, the progress hidden; then files are read again', async () => {
    const host = fakeHost({ kind: 'browser' });
    const reading = fakeReading();
    const app = new App({ host, templates: async () => [], addFiles: reading.addFiles });
    app.start();
    const opened = app.openFiles(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'].map(file));
    await flush();
    reading.gates[0].resolve();
    await flush();
    expect(nodes.get('progress')!.hidden).toBe(false);
    expect(nodes.get('progress-text')!.textContent).toBe('正在读取 2/4：b.xlsx');
    nodes.get('stop-btn')!.fire('click');
    await opened;
    expect(reading.read).toEqual(['a.xlsx']);
    expect(nodes.get('progress')!.hidden).toBe(true);
    expect(host.checks).toEqual(['zh']);
    // The three named (review 20a D6), and kept for the 汇总 tab to name.
    expect(statusText()).toBe('已停止：3 个文件未读取（b.xlsx、c.xlsx、d.xlsx）；完成：1 个错误，0 个警告');
    expect(app.notRead).toEqual(['b.xlsx', 'c.xlsx', 'd.xlsx']);
    expect(doc.body.classes.has('busy')).toBe(false);

    // The page works on: files chosen again are read, and 停止 is not remembered.
    const again = app.openFiles([file('e.xlsx')]);
    await flush();
    reading.gates[reading.gates.length - 1].resolve();
    await again;
    expect(reading.read).toEqual(['a.xlsx', 'e.xlsx']);
    expect(statusText()).toBe('完成：1 个错误，0 个警告');
    expect(app.notRead).toEqual(['b.xlsx', 'c.xlsx', 'd.xlsx']);
    // One of those not read, given again and read: no longer said as not read.
    const c = app.openFiles([file('c.xlsx')]);
    await flush();
    reading.gates[reading.gates.length - 1].resolve();
    await c;
    expect(app.notRead).toEqual(['b.xlsx', 'd.xlsx']);
  });

  test('Escape while reading does the same, in English; files waiting are counted as not read; Escape when nothing is read does nothing', async () => {
    const host = fakeHost({ kind: 'browser' });
    const reading = fakeReading();
    const app = new App({ host, templates: async () => [], addFiles: reading.addFiles, storage: { getItem: () => 'en', setItem: () => undefined } });
    app.start();
    doc.fire('keydown', { key: 'Escape' });
    expect(statusText()).toBe('');
    const opened = app.openFiles([file('a.xlsx'), file('b.xlsx')]);
    await flush();
    // Picked while a.xlsx is read: it waits.
    void app.openFiles([file('c.xlsx')]);
    expect(nodes.get('progress-text')!.textContent).toBe('Reading 1 of 2: a.xlsx (1 more file waiting: read next)');
    doc.fire('keydown', { key: 'Escape' });
    await opened;
    expect(reading.read).toEqual([]);
    expect(statusText()).toBe('Stopped: 3 files not read (a.xlsx, b.xlsx, c.xlsx); Done: 1 error, 0 warnings');
  });
});

test('a file that takes long to read sets the bar moving on its own until the next file (review 14b D8)', async () => {
  const host = fakeHost({ kind: 'browser' });
  const gates = [deferred(), deferred()];
  const addFiles = async (files: readonly File[], progress: (p: ReadProgress) => void) => {
    for (const [i, f] of files.entries()) {
      progress({ done: i, total: files.length, name: f.name });
      await gates[i].promise;
    }
    return [];
  };
  const app = new App({ host, templates: async () => [], addFiles });
  app.start();
  const opened = app.openFiles(['huge-50000.xlsx', 'b.xlsx'].map((n) => new File([new Uint8Array([1])], n)));
  await flush();
  const bar = nodes.get('progress-bar')!;
  expect([bar.max, bar.value, bar.removed.has('value')]).toEqual([2, 0, false]);
  await new Promise((r) => setTimeout(r, SLOW_FILE_MS + 200));
  // Still reading the first: the bar is indeterminate (it moves), the text still says which file of how many.
  expect(bar.removed.has('value')).toBe(true);
  expect(nodes.get('progress-text')!.textContent).toBe('正在读取 1/2：huge-50000.xlsx');
  gates[0].resolve();
  await flush();
  expect([bar.value, bar.removed.has('value')]).toEqual([1, false]);
  gates[1].resolve();
  await opened;
  expect(nodes.get('progress')!.hidden).toBe(true);
  // Its timer ended with the reading: the bar is not set moving after.
  await new Promise((r) => setTimeout(r, SLOW_FILE_MS + 200));
  expect(bar.removed.has('value')).toBe(false);
});

describe('the same files picked again (review 14b D4)', () => {
  const file = (name: string) => new File([new Uint8Array([1])], name);
  const names = Array.from({ length: 50 }, (_, i) => `娄底分校-${String(i + 1).padStart(2, '0')}.xlsx`);
  /** addFiles that says each file replaced an open one of its name, and `kept` kept beside another unit's. */
  const replacing =
    (kept: readonly string[] = []) =>
    async (files: readonly File[]): Promise<OpenNote[]> =>
      files.map((f) =>
        kept.includes(f.name)
          ? { kind: 'keptBoth', name: f.name, label: f.name.replace('.xlsx', '（2）.xlsx') }
          : { kind: 'replaced', name: f.name, label: f.name },
      );

  test('50 replaced: one sentence with the count before the tally, not 50; one replaced: named', async () => {
    const app = new App({ host: fakeHost({ kind: 'browser' }), templates: async () => [], addFiles: replacing() });
    app.start();
    await app.openFiles(names.map(file));
    expect(statusText()).toBe('已用新选的文件替换先前打开的 50 个同名工作簿。完成：1 个错误，0 个警告');
    await app.openFiles([file(names[0])]);
    expect(statusText()).toBe('已用新选的 娄底分校-01.xlsx 替换先前打开的 娄底分校-01.xlsx。完成：1 个错误，0 个警告');
  });

  test('in English alike; a file kept beside another unit’s namesake keeps its own sentence', async () => {
    const app = new App({
      host: fakeHost({ kind: 'browser' }),
      templates: async () => [],
      addFiles: replacing([names[2]]),
      storage: { getItem: () => 'en', setItem: () => undefined },
    });
    app.start();
    await app.openFiles(names.slice(0, 3).map(file));
    expect(statusText()).toBe(
      'The files just chosen replace the 2 open workbooks of the same names. ' +
        "娄底分校-03.xlsx is another unit's workbook than the open file of that name: both are kept, the new one listed as 娄底分校-03（2）.xlsx. " +
        'Done: 1 error, 0 warnings',
    );
  });
});

describe('a file picked by mistake taken out (review 14b D5)', () => {
  /** A browser host holding files by name, each with one finding; remove() takes them out. */
  function holding(names: string[]) {
    const open = [...names];
    return fakeHost({
      kind: 'browser',
      async check(lang) {
        return open.map((id) => ({ id, label: id, findings: [findingAt('附件2 入库', 'C9', 'column-total', { message: MESSAGE[lang] })] }) as SiteResult);
      },
      remove(ids) {
        for (const id of ids) open.splice(open.indexOf(id), 1);
      },
    });
  }

  test('× on one: the others checked again, the status says which went; 全部清除: nothing left, the status says so alone', async () => {
    const app = new App({ host: holding(['a.xlsx', 'b.xlsx', 'c.xlsx']), templates: async () => [] });
    app.start();
    await app.guarded(() => app.runCheck());
    expect(statusText()).toBe('完成：3 个错误，0 个警告');
    await app.removeFiles(['b.xlsx']);
    expect(app.results.map((r) => r.id)).toEqual(['a.xlsx', 'c.xlsx']);
    expect(statusText()).toBe('已移除 b.xlsx。完成：2 个错误，0 个警告');
    await app.removeFiles(app.results.map((r) => r.id));
    expect(app.results).toEqual([]);
    expect(statusText()).toBe('已清除全部 2 个文件，可以重新选择工作簿。');
  });

  test('in English; a host that cannot take files out (Excel) does nothing', async () => {
    const app = new App({ host: holding(['a.xlsx', 'b.xlsx']), templates: async () => [], storage: { getItem: () => 'en', setItem: () => undefined } });
    app.start();
    await app.guarded(() => app.runCheck());
    await app.removeFiles(['a.xlsx']);
    expect(statusText()).toBe('Removed a.xlsx. Done: 1 error, 0 warnings');
    const office = new App({ host: fakeHost(), templates: async () => [] });
    office.start();
    await office.guarded(() => office.runCheck());
    await office.removeFiles(['wb']);
    expect(office.results.map((r) => r.id)).toEqual(['wb']);
  });
});
