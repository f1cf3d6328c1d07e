/**
 * Where the marks of the open workbook are now, for 清除标记, 标记 again and a check (check/mark-clear.ts planClear):
 * each stored cell at its address while our mark is there, else found by its note — moved by rows inserted or deleted,
 * or on its sheet renamed (found by its id, or, gone by its name, on any sheet) — in two syncs, whatever the number of
 * marks (marksNow). The batching every marks write shares (inBatches: Excel on the web refuses a request over 5 MB).
 */
import { MARK_COLORS } from '../check/marks';
import type { Frame } from '../check/mark-outline';
import { type CellNow, type ClearPlan, type FoundNote, markKey, planClear } from '../check/mark-clear';

/** What a cell looked like before we marked it. */
export interface PriorState {
  sheet: string;
  cell: string;
  fill: { color: string | null; pattern: string | null; patternColor: string | null };
  /** Its four edges' [style, weight, colour], as EDGES; absent in a record of before marks were framed (none changed). */
  borders?: Array<[string, string, string]>;
  /** The note it had; null for none. */
  note: string | null;
  /** The merged area whose outline it frames, with the four edges before of each cell on it (check/mark-outline.ts); absent for none. */
  frame?: Frame<Array<[string, string, string]>>;
  /** The sheet's id (survives a rename); absent in a record of before it was kept. */
  sheetId?: string;
  /** The fingerprint of the note we wrote (absent in a record of before it was kept, or without the notes API): how 清除标记 knows the mark is still there, or finds it moved. */
  mark?: string;
}

export interface SyncCounter {
  syncs: number;
}

export async function counted(context: Excel.RequestContext, counter: SyncCounter): Promise<void> {
  counter.syncs++;
  await context.sync();
}

/** Cells one request reads or writes: a mark with its note is some 1 KB of request, and Excel on the web refuses more than 5 MB. */
export const CELLS_PER_BATCH = 1000;

/**
 * Queues the work of each item, a batch at a time, with a sync after each
 * batch; one sync at least (as the work it replaces). `first` goes into the
 * first batch, `last` into the last (the same one when there is one);
 * `flush`, at the end of each batch, queues what its items gathered.
 */
export async function inBatches<T>(
  context: Excel.RequestContext,
  counter: SyncCounter,
  items: readonly T[],
  queue: (item: T) => void,
  hooks: { first?: () => void; last?: () => void; flush?: () => void } = {},
): Promise<void> {
  hooks.first?.();
  for (let at = 0; at < items.length || at === 0; at += CELLS_PER_BATCH) {
    for (let i = at; i < Math.min(items.length, at + CELLS_PER_BATCH); i++) queue(items[i]);
    hooks.flush?.();
    if (at + CELLS_PER_BATCH >= items.length) hooks.last?.();
    await counted(context, counter);
  }
}

const MARK_FILLS = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

/** A stored mark's sheet now: by its name, else (renamed) by its id; undefined for a sheet not found. */
export function sheetFinder(worksheets: Excel.WorksheetCollection): { names: Set<string>; sheetOf: (p: PriorState) => string | undefined } {
  const names = new Set(worksheets.items.map((w) => w.name));
  const nameById = new Map(worksheets.items.map((w) => [w.id, w.name]));
  return { names, sheetOf: (p) => (names.has(p.sheet) ? p.sheet : p.sheetId !== undefined ? nameById.get(p.sheetId) : undefined) };
}

/** What marksNow is given: the stored cells, their sheets now, the workbook's sheet names, the list we wrote, and whether notes can be read. */
interface Marked {
  stored: readonly PriorState[];
  sheetOf: (p: PriorState) => string | undefined;
  names: ReadonlySet<string>;
  list: string | undefined;
  notes: boolean;
}

/**
 * Where each stored mark is now (planClear), in two syncs whatever their number: first each stored cell's fill and the
 * notes of every sheet a mark may be on (its own; where a sheet is gone by its name, every sheet but the list), then
 * where each of those notes is. A stored address holds the note found there (none: null); a mark not there is looked
 * for among the same notes. Only the fill is asked cell by cell, some 0.5 KB of request a cell: the 5,000 cells of
 * MARKED_CELLS_MAX stay well under the 5 MB Excel on the web takes. `hasNote`: the stored address holds a note.
 * No sync when there is nothing to ask and nothing else (`first`) rides along.
 */
export async function marksNow(
  context: Excel.RequestContext,
  counter: SyncCounter,
  { stored, sheetOf, names, list, notes }: Marked,
  first?: () => void,
): Promise<{ plan: ClearPlan<PriorState>; hasNote: (p: PriorState) => boolean }> {
  const worksheets = context.workbook.worksheets;
  const on = stored.filter((p) => sheetOf(p) !== undefined);
  const anywhere = stored.some((p) => sheetOf(p) === undefined && p.mark !== undefined);
  const noteSheets = !notes ? [] : anywhere ? [...names].filter((n) => n !== list) : [...new Set(on.map((p) => sheetOf(p)!))];
  // What each stored address holds now: its fill; and the notes of the sheets the marks may be on.
  const fills = new Map<PriorState, Excel.RangeFill>();
  const collections = new Map<string, Excel.NoteCollection>();
  if (on.length > 0 || noteSheets.length > 0 || first) {
    first?.();
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet = (name: string): Excel.Worksheet => sheets.get(name) ?? sheets.set(name, worksheets.getItem(name)).get(name)!;
    for (const p of on) {
      const fill = sheet(sheetOf(p)!).getRange(p.cell).format.fill;
      fill.load('color');
      fills.set(p, fill);
    }
    for (const name of noteSheets) {
      const collection = sheet(name).notes;
      collection.load('items/content');
      collections.set(name, collection);
    }
    await counted(context, counter);
  }
  // Where each of those notes is: one sync more, when there are any.
  const located = [...collections].map(([name, collection]) => ({
    name,
    items: collection.items.map((note) => {
      const at = note.getLocation();
      at.load('address');
      return { at, text: String(note.content ?? '') };
    }),
  }));
  if (located.some(({ items }) => items.length > 0)) await counted(context, counter);
  const found = new Map(
    located.map(({ name, items }): [string, FoundNote[]] => [
      name,
      items.map(({ at, text }) => ({ sheet: name, cell: at.address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase(), text })),
    ]),
  );
  const noteAt = new Map([...found.values()].flat().map((n) => [markKey(n.sheet, n.cell), n.text]));
  const noteOf = (p: PriorState): string | null => noteAt.get(markKey(sheetOf(p)!, p.cell)) ?? null;
  const now = (_sheet: string, p: PriorState): CellNow => {
    const color = fills.get(p)!.color;
    return { note: notes ? noteOf(p) : undefined, ourFill: typeof color === 'string' && MARK_FILLS.has(color.toUpperCase()) };
  };
  const everywhere = (): FoundNote[] => [...found].flatMap(([name, items]) => (name === list ? [] : items));
  const plan = planClear(stored, sheetOf, now, (sheet) => (sheet !== undefined ? (found.get(sheet) ?? []) : everywhere()));
  return { plan, hasNote: (p) => notes && sheetOf(p) !== undefined && noteOf(p) !== null };
}
