/**
 * A second fake of the WPS表格 (ET) object model, written only from the facts in
 * shared/PLATFORM.md and the VBA semantics ET copies — not from our adapter or
 * our first fake — so that the two cannot share a wrong assumption unnoticed.
 *
 * Self-contained (no imports): the e2e test transpiles this file into a page
 * script. What varies between WPS builds is a profile: the shape of a
 * multi-cell Value2 (2-D, 1-D for one row, scalar for one cell, or always 2-D),
 * whether readable members are properties or methods, what "nothing" is, and
 * how CreateTaskPane is spelled. VBA behaviour kept on purpose: Select on a
 * sheet that is not active fails, AddComment on a commented cell fails, an
 * unfilled cell reads Color 16777215 with ColorIndex/Pattern xlNone (-4142),
 * and a white fill is not "no fill".
 */

import type { BookJson, Box, EtProfile, FakeLog, Obj, SheetJson } from './independent-fake-model';
import { MAX_COL, MAX_ROW, addressOf, key, parseAddress } from './independent-fake-model';
import { FakeCore, fakeRange } from './independent-fake-range';

export class IndependentEtApplication implements FakeCore {
  book: BookJson;
  log: FakeLog = { calls: 0, selections: [], unknownMembers: [], errors: [] };
  activeSheet = 0;
  selection = '';
  storage = new Map<string, string>();
  listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  panes: Obj[] = [];
  /** The page's view of the object model: reads through it are logged and counted. */
  api: Obj;

  constructor(
    book: BookJson,
    readonly profile: EtProfile,
  ) {
    this.book = JSON.parse(JSON.stringify(book)) as BookJson;
    this.activeSheet = Math.max(
      0,
      this.book.sheets.findIndex((s) => s.visible === -1),
    );
    this.api = this.application();
  }

  // ---- test hooks (not ET members) ----

  /** A copy of the whole workbook as it would be saved. */
  snapshot(): BookJson {
    return JSON.parse(JSON.stringify(this.book)) as BookJson;
  }

  /** A person types into a cell: the value changes and SheetChange fires. */
  edit(sheetName: string, address: string, value: string | number): void {
    const sheet = this.sheetByName(sheetName);
    const { box } = parseAddress(address);
    const cell = (sheet.cells[key(box[0], box[1])] ??= {});
    cell.v = value;
    delete cell.f;
    for (const fn of this.listeners.get('SheetChange') ?? []) fn(this.worksheet(sheet), fakeRange(this, sheet, box));
  }

  // ---- member plumbing ----

  private styleOf(member: string): 'property' | 'method' {
    if (this.profile.members !== 'mixed') return this.profile.members;
    let h = 0;
    for (const ch of member) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return h % 2 ? 'method' : 'property';
  }

  /** Wraps an object so unknown reads are recorded (and read as undefined, as a COM bridge would). */
  watch(kind: string, target: Obj): Obj {
    return new Proxy(target, {
      get: (t, p) => {
        if (typeof p !== 'string' || p in t || p === 'then' || p === 'toJSON') return Reflect.get(t, p);
        const name = `${kind}.${p}`;
        if (!this.log.unknownMembers.includes(name)) this.log.unknownMembers.push(name);
        return undefined;
      },
      set: (t, p, v) => Reflect.set(t, p, v),
    });
  }

  /** A readable (and optionally writable) member, as a property or as a method depending on the build. */
  member(obj: Obj, name: string, read: () => unknown, write?: (v: unknown) => void): void {
    const style = this.styleOf(name);
    Object.defineProperty(obj, name, {
      enumerable: true,
      get: () => {
        if (style === 'property') {
          this.log.calls++;
          return read();
        }
        return (...args: unknown[]) => {
          this.log.calls++;
          if (args.length && write && name !== 'Address') {
            write(args[0]);
            return undefined;
          }
          return read();
        };
      },
      set: (v: unknown) => {
        this.log.calls++;
        if (!write) throw new Error(`fake ET: ${name} is read-only`);
        write(v);
      },
    });
  }

  method(obj: Obj, name: string, fn: (...args: never[]) => unknown): void {
    obj[name] = (...args: never[]) => {
      this.log.calls++;
      try {
        return fn(...args);
      } catch (error) {
        this.log.errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
  }

  /** Only the members PLATFORM.md names: no Range.Address, no Item(name), no Worksheets.Add, no Worksheet.Delete. */
  get documentedOnly(): boolean {
    return this.profile.surface === 'documented';
  }

  get none(): null | undefined {
    return this.profile.nothing === 'null' ? null : undefined;
  }

  emptyValue(): unknown {
    return this.profile.emptyCell === 'null' ? null : this.profile.emptyCell === 'empty-string' ? '' : undefined;
  }

  private sheetByName(name: string): SheetJson {
    const sheet = this.book.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`fake ET: no sheet ${name}`);
    return sheet;
  }

  // ---- Application ----

  private application(): Obj {
    const app: Obj = {};
    this.member(app, 'Name', () => 'WPS 表格');
    this.member(app, 'Version', () => '12.1.0.16120');
    Object.defineProperty(app, 'ActiveWorkbook', { enumerable: true, get: () => (this.log.calls++, this.workbook()) });
    Object.defineProperty(app, 'Workbooks', {
      enumerable: true,
      get: () =>
        this.collection(
          'Workbooks',
          () => [this.workbook()],
          () => undefined,
        ),
    });
    Object.defineProperty(app, 'ActiveSheet', { enumerable: true, get: () => (this.log.calls++, this.worksheet(this.book.sheets[this.activeSheet])) });
    Object.defineProperty(app, 'Selection', {
      enumerable: true,
      get: () => (this.log.calls++, fakeRange(this, this.book.sheets[this.activeSheet], parseAddress(this.selection || 'A1').box)),
    });
    for (const flag of ['ScreenUpdating', 'EnableEvents', 'DisplayAlerts']) {
      let on = true;
      Object.defineProperty(app, flag, {
        enumerable: true,
        get: () => on,
        set: (v: boolean) => {
          on = v;
        },
      });
    }
    this.method(app, 'Goto', (ref: unknown) => {
      const target = typeof ref === 'string' ? this.rangeFromAddress(ref) : (ref as Obj);
      const inner = (target as { __box?: [SheetJson, Box] }).__box;
      if (!inner) throw new Error('fake ET: Goto needs a Range or an address');
      this.activeSheet = this.book.sheets.indexOf(inner[0]);
      this.selection = addressOf(inner[1]);
      this.log.selections.push({ sheet: inner[0].name, address: this.selection, via: 'Goto' });
    });
    this.method(app, 'Range', (address: string) => this.rangeFromAddress(address));
    const storage: Obj = {};
    this.method(storage, 'getItem', (k: string) => this.storage.get(k) ?? null);
    this.method(storage, 'setItem', (k: string, v: string) => void this.storage.set(k, String(v)));
    this.method(storage, 'removeItem', (k: string) => void this.storage.delete(k));
    app.PluginStorage = this.watch('PluginStorage', storage);
    const events: Obj = {};
    this.method(events, 'AddApiEventListener', (name: string, fn: (...args: unknown[]) => void) => {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    });
    this.method(events, 'RemoveApiEventListener', (name: string, fn?: (...args: unknown[]) => void) => {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((f) => fn && f !== fn),
      );
    });
    app.ApiEvent = this.watch('ApiEvent', events);
    this.method(app, this.profile.taskPane, (url: string) => {
      const pane: Obj = { ID: `pane-${this.panes.length + 1}`, Visible: false, DockPosition: 2, url };
      this.panes.push(pane);
      return pane;
    });
    this.method(app, 'GetTaskPane', (id: string) => this.panes.find((p) => p.ID === id) ?? this.none);
    return this.watch('Application', app);
  }

  private rangeFromAddress(address: string): Obj {
    const parsed = parseAddress(address);
    const sheet = parsed.sheet ? this.sheetByName(parsed.sheet) : this.book.sheets[this.activeSheet];
    return fakeRange(this, sheet, parsed.box);
  }

  private collection<T>(kind: string, items: () => T[], byName: (name: string) => T | undefined, extra?: (c: Obj) => unknown): Obj {
    this.log.calls++;
    const c: Obj = {};
    this.member(c, 'Count', () => items().length);
    this.method(c, 'Item', (i: number | string) => {
      if (typeof i !== 'number' && this.documentedOnly) throw new Error(`fake ET: ${kind}.Item takes a 1-based number here, not "${String(i)}"`);
      const found = typeof i === 'number' ? items()[i - 1] : byName(String(i));
      if (found === undefined) throw new Error(`fake ET: ${kind}.Item(${String(i)}) out of range (collections are 1-based)`);
      return found;
    });
    extra?.(c);
    return this.watch(kind, c);
  }

  // ---- Workbook ----

  private workbook(): Obj {
    const wb: Obj = {};
    this.member(wb, 'Name', () => this.book.name);
    this.member(wb, 'FullName', () => `C:\\考务\\${this.book.name}`);
    const sheets = (kind: string, canAdd: boolean): Obj =>
      this.collection(
        kind,
        () => this.book.sheets.map((s) => this.worksheet(s)),
        (name) => {
          const s = this.book.sheets.find((x) => x.name === name);
          return s && this.worksheet(s);
        },
        (c) =>
          canAdd &&
          this.method(c, 'Add', (before?: Obj, after?: Obj, count?: number) => {
            let at = this.activeSheet;
            const place = (ref: Obj | undefined, delta: number): void => {
              const s = (ref as { __sheet?: SheetJson } | undefined)?.__sheet;
              if (s) at = this.book.sheets.indexOf(s) + delta;
            };
            place(before ?? undefined, 0);
            place(after ?? undefined, 1);
            let made: SheetJson | undefined;
            for (let n = 0; n < (count ?? 1); n++) {
              let i = this.book.sheets.length + 1;
              while (this.book.sheets.some((s) => s.name === `Sheet${i}`)) i++;
              made = { name: `Sheet${i}`, visible: -1, cells: {}, merges: [] };
              this.book.sheets.splice(at, 0, made);
            }
            this.activeSheet = this.book.sheets.indexOf(made!);
            return this.worksheet(made!);
          }),
      );
    Object.defineProperty(wb, 'Sheets', { enumerable: true, get: () => sheets('Sheets', true) });
    // The documented surface: Sheets.Add only.
    Object.defineProperty(wb, 'Worksheets', { enumerable: true, get: () => sheets('Worksheets', !this.documentedOnly) });
    Object.defineProperty(wb, 'ActiveSheet', { enumerable: true, get: () => (this.log.calls++, this.worksheet(this.book.sheets[this.activeSheet])) });
    Object.defineProperty(wb, 'Names', { enumerable: true, get: () => this.names() });
    this.method(wb, 'Save', () => undefined);
    return this.watch('Workbook', wb);
  }

  private names(): Obj {
    const nameObj = (entry: { name: string; refersTo: string }): Obj => {
      const n: Obj = {};
      this.member(n, 'Name', () => entry.name);
      this.member(
        n,
        'RefersTo',
        () => entry.refersTo,
        (v) => (entry.refersTo = String(v)),
      );
      this.member(n, 'Value', () => entry.refersTo);
      this.method(n, 'Delete', () => void (this.book.names = this.book.names.filter((x) => x !== entry)));
      return this.watch('Name', n);
    };
    return this.collection(
      'Names',
      () => this.book.names.map(nameObj),
      (name) => {
        const e = this.book.names.find((x) => x.name === name);
        return e && nameObj(e);
      },
      (c) =>
        this.method(c, 'Add', (name: string, refersTo: string) => {
          const existing = this.book.names.find((x) => x.name === name);
          if (existing) existing.refersTo = String(refersTo);
          else this.book.names.push({ name, refersTo: String(refersTo) });
          return nameObj(this.book.names.find((x) => x.name === name)!);
        }),
    );
  }

  // ---- Worksheet ----

  worksheet(sheet: SheetJson): Obj {
    const ws: Obj = { __sheet: sheet };
    this.member(
      ws,
      'Name',
      () => sheet.name,
      (v) => (sheet.name = String(v)),
    );
    this.member(ws, 'Index', () => this.book.sheets.indexOf(sheet) + 1);
    this.member(
      ws,
      'Visible',
      () => sheet.visible,
      (v) => (sheet.visible = v === true ? -1 : v === false ? 0 : Number(v)),
    );
    Object.defineProperty(ws, 'UsedRange', { enumerable: true, get: () => (this.log.calls++, fakeRange(this, sheet, this.usedBox(sheet))) });
    Object.defineProperty(ws, 'Cells', { enumerable: true, get: () => fakeRange(this, sheet, [1, 1, MAX_ROW, MAX_COL]) });
    this.method(ws, 'Range', (a: unknown, b?: unknown) => {
      const boxOf = (x: unknown): Box => (typeof x === 'string' ? parseAddress(x).box : (x as { __box: [SheetJson, Box] }).__box[1]);
      const b1 = boxOf(a);
      const b2 = b === undefined || b === null ? b1 : boxOf(b);
      return fakeRange(this, sheet, [Math.min(b1[0], b2[0]), Math.min(b1[1], b2[1]), Math.max(b1[2], b2[2]), Math.max(b1[3], b2[3])]);
    });
    this.method(ws, 'Activate', () => void (this.activeSheet = this.book.sheets.indexOf(sheet)));
    this.method(ws, 'Select', () => void (this.activeSheet = this.book.sheets.indexOf(sheet)));
    if (!this.documentedOnly)
      this.method(ws, 'Delete', () => {
        this.book.sheets.splice(this.book.sheets.indexOf(sheet), 1);
        this.activeSheet = Math.min(this.activeSheet, this.book.sheets.length - 1);
      });
    return this.watch('Worksheet', ws);
  }

  /** Excel's used range: the box of every cell holding a value, a formula, a fill or a comment. */
  private usedBox(sheet: SheetJson): Box {
    let box: Box | undefined;
    for (const [k, cell] of Object.entries(sheet.cells)) {
      if (cell.v === undefined && cell.f === undefined && cell.fill === undefined && cell.comment === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      box = box ? [Math.min(box[0], r), Math.min(box[1], c), Math.max(box[2], r), Math.max(box[3], c)] : [r, c, r, c];
    }
    return box ?? [1, 1, 1, 1];
  }
}
