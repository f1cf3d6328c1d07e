/**
 * Live checking: after edits the findings refresh on their own. Edits arrive
 * as sheet names (WPS's SheetChange, Excel's onChanged); they are gathered
 * until the typing stops for `quietMs`, but never held longer than `maxWaitMs`
 * after the first, then one re-check runs over just those sheets. A re-check
 * never overlaps another: edits during one wait for the next.
 *
 * SheetCache keeps the grids of the last read so that a re-check reads only
 * the changed sheets (and any sheet it has not seen), the rest from memory.
 */
import type { SheetGrid, WorkbookGrid } from '../model/grid';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const REAL_TIMERS: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LiveOptions {
  quietMs?: number;
  maxWaitMs?: number;
  timers?: Timers;
}

export class LiveCheck {
  enabled = true;
  private pending = new Set<string>();
  private timer: unknown;
  private firstAt: number | undefined;
  private running: Promise<void> | undefined;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: Timers;

  constructor(
    private readonly recheck: (sheets: readonly string[]) => Promise<void>,
    options: LiveOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 900;
    this.timers = options.timers ?? REAL_TIMERS;
  }

  /** Sheets were edited. */
  changed(sheets: readonly string[]): void {
    if (!this.enabled || sheets.length === 0) return;
    for (const s of sheets) this.pending.add(s);
    const now = this.timers.now();
    this.firstAt = this.firstAt ?? now;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    // Wait for quiet, but no longer than maxWaitMs after the first edit of this batch.
    const wait = Math.max(0, Math.min(this.quietMs, this.firstAt + this.maxWaitMs - now));
    this.timer = this.timers.set(() => void this.flush(), wait);
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    if (!on) {
      if (this.timer !== undefined) this.timers.clear(this.timer);
      this.timer = undefined;
      this.pending.clear();
      this.firstAt = undefined;
    }
  }

  /** Resolves when no re-check is running or waiting (for tests and for closing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    this.firstAt = undefined;
    if (this.running) {
      // One at a time: this batch goes after the running one.
      await this.running;
      if (this.timer !== undefined || this.pending.size === 0) return;
    }
    const sheets = [...this.pending];
    this.pending.clear();
    if (sheets.length === 0 || !this.enabled) return;
    this.running = this.recheck(sheets).finally(() => {
      this.running = undefined;
    });
    await this.running;
  }
}

/** The grids of the last read, by sheet, to re-read only what changed. */
export class SheetCache {
  private readonly sheets = new Map<string, SheetGrid>();

  /** Which sheets a read must fetch: all without `changed`, else the changed ones and any not cached. */
  reader(changed?: readonly string[]): ((name: string) => boolean) | undefined {
    if (!changed) return undefined;
    const wanted = new Set(changed);
    return (name) => wanted.has(name) || !this.sheets.has(name);
  }

  /** Stores what was read and returns the whole workbook in `names` order (sheets gone are forgotten). */
  update(names: readonly string[], read: readonly SheetGrid[]): WorkbookGrid {
    for (const s of read) this.sheets.set(s.name, s);
    for (const name of [...this.sheets.keys()]) if (!names.includes(name)) this.sheets.delete(name);
    return { sheets: names.map((n) => this.sheets.get(n)).filter((s): s is SheetGrid => s !== undefined) };
  }
}
