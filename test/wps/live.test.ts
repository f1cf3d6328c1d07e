/**
 * Live checking: edits are gathered until typing stops (never held past the
 * maximum wait), one re-check at a time, none when switched off; and a
 * re-check after an edit in WPS re-reads only the edited sheet yet finds what
 * a full check finds.
 */
import { LiveCheck, SheetCache, Timers } from '../../src/taskpane/live';
import { wpsHost } from '../../src/wps/face';
import { FakeApplication } from './fake-et';
import { fakeBookFromXlsx, fixtureBytes } from './helpers';

/** A clock the test moves by hand. */
class ManualTimers implements Timers {
  time = 0;
  private queue: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.time + ms, fn, id });
    return id;
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  /** Moves the clock to `to`, running what falls due on the way. */
  advance(to: number): void {
    for (;;) {
      const due = this.queue.filter((t) => t.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = to;
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function recorder(): { runs: string[][]; recheck: (sheets: readonly string[]) => Promise<void> } {
  const runs: string[][] = [];
  return { runs, recheck: async (sheets) => void runs.push([...sheets]) };
}

describe('LiveCheck', () => {
  test('edits are gathered until 400 ms of quiet, then one re-check of the edited sheets', async () => {
    const timers = new ManualTimers();
    const { runs, recheck } = recorder();
    const live = new LiveCheck(recheck, { timers });
    live.changed(['出入库记录']);
    timers.advance(100);
    live.changed(['分发登记']);
    timers.advance(200);
    live.changed(['出入库记录']);
    timers.advance(599);
    await flush();
    expect(runs).toEqual([]);
    timers.advance(600);
    await live.idle();
    expect(runs).toEqual([['出入库记录', '分发登记']]);
  });

  test('steady typing is not held past 900 ms after the first edit', async () => {
    const timers = new ManualTimers();
    const { runs, recheck } = recorder();
    const live = new LiveCheck(recheck, { timers });
    for (let t = 0; t <= 1000; t += 150) {
      timers.advance(t);
      live.changed(['值班记录']);
    }
    await live.idle();
    expect(runs[0]).toEqual(['值班记录']);
    expect(runs).toMatchInlineSnapshot(`
     [
       [
         "值班记录",
       ],
     ]
    `);
    // The first re-check ran at 900 ms, not after the typing stopped.
    const first = new ManualTimers();
    const at: number[] = [];
    const live2 = new LiveCheck(async () => void at.push(first.now()), { timers: first });
    for (let t = 0; t <= 1500; t += 150) {
      first.advance(t);
      live2.changed(['值班记录']);
    }
    await live2.idle();
    expect(at[0]).toBe(900);
  });

  test('switched off, edits are dropped; switched on again, they count', async () => {
    const timers = new ManualTimers();
    const { runs, recheck } = recorder();
    const live = new LiveCheck(recheck, { timers });
    live.changed(['交接单']);
    live.setEnabled(false);
    timers.advance(5_000);
    live.changed(['入库清单']);
    timers.advance(10_000);
    await live.idle();
    expect(runs).toEqual([]);
    live.setEnabled(true);
    live.changed(['入库清单']);
    timers.advance(10_400);
    await live.idle();
    expect(runs).toEqual([['入库清单']]);
  });

  test('one re-check at a time: edits during one are re-checked after it', async () => {
    const timers = new ManualTimers();
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const live = new LiveCheck(
      (sheets) => {
        runs.push([...sheets]);
        return runs.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      { timers },
    );
    live.changed(['A']);
    timers.advance(400);
    await flush();
    live.changed(['B']);
    timers.advance(800);
    await flush();
    expect(runs).toEqual([['A']]);
    release();
    await live.idle();
    await flush();
    await live.idle();
    expect(runs).toEqual([['A'], ['B']]);
  });
});

describe('SheetCache', () => {
  test('reads all at first, then only the changed sheets and new ones; forgets deleted sheets', () => {
    const cache = new SheetCache();
    expect(cache.reader(undefined)).toBeUndefined();
    const s = (name: string, v: string) => ({ name, rows: [[v]], merges: [] });
    expect(cache.update(['a', 'b'], [s('a', '1'), s('b', '1')]).sheets.map((x) => x.rows[0][0])).toEqual(['1', '1']);
    const read = cache.reader(['b'])!;
    expect(['a', 'b', 'c'].map(read)).toEqual([false, true, true]);
    const whole = cache.update(['c', 'b'], [s('b', '2'), s('c', '3')]);
    expect(whole.sheets.map((x) => `${x.name}${x.rows[0][0]}`)).toEqual(['c3', 'b2']);
    expect(cache.reader(['b'])!('a')).toBe(true);
  });
});

describe('live checking in WPS', () => {
  test('an edit in one sheet re-reads that sheet only and finds what a full check finds', async () => {
    const book = await fakeBookFromXlsx(await fixtureBytes('kaodian.json'));
    const app = new FakeApplication(book);
    const host = wpsHost(app);
    const before = await host.check('zh');
    expect(before[0].error).toBeUndefined();

    const timers = new ManualTimers();
    const results: Array<Awaited<ReturnType<typeof host.check>>> = [];
    const live = new LiveCheck(async (sheets) => void results.push(await host.check('zh', sheets)), { timers });
    host.watch!((sheets) => live.changed(sheets));

    // The intake list's 31-copy bags of paper 1001 (D4) become 9: its row and column no longer add up.
    const ref = 'D4';
    app.calls = 0;
    app.log = [];
    app.edit('入库清单', ref, 9);
    timers.advance(400);
    await live.idle();

    expect(results).toHaveLength(1);
    expect(app.log.filter((m) => m === 'UsedRange')).toHaveLength(1);
    const full = await wpsHost(new FakeApplication(book)).check('zh');
    expect(results[0][0].findings).toEqual(full[0].findings);
    expect(results[0][0].findings).not.toEqual(before[0].findings);
    const key = (f: { rule: string; sheet: string | null; cell: string | null }) => `${f.rule}|${f.sheet}|${f.cell}`;
    const old = new Set(before[0].findings.map(key));
    const added = results[0][0].findings.filter((f) => !old.has(key(f)));
    expect(added.map(key)).toMatchInlineSnapshot(`
     [
       "row-total|入库清单|H4",
     ]
    `);
  });
});
