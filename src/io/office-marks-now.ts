/**
 * Where the marks of the open workbook are now, for 清除标记, 标记 again and a check (check/mark-clear.ts planClear):
 * each stored cell at its address while our mark is there, else found by its note — moved by rows inserted or deleted,
 * or on its sheet renamed (found by its id, or, gone by its name, on any sheet). With the batching every marks request
 * shares (Excel on the web refuses a request over 5 MB).
 */
import { MARK_COLORS } from '../check/marks';
import { type CellNow, type ClearPlan, type FoundNote, markStillHere, planClear } from '../check/mark-clear';

/** What a cell looked like before we marked it. */
export interface PriorState {
  sheet: string;
  cell: string;
  fill: { color: string | null; pattern: string | null; patternColor: string | null };
  /** Its four edges' [style, weight, colour], as EDGES; absent in a record of before marks were framed (none changed). */
  borders?: Array<[string, string, string]>;
  /** The note it had; null for none. */
  note: string | null;
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

/** The notes of the sheets given (undefined: a sheet gone by its name, so every sheet but the list), each with its cell: two syncs. */
async function notesOf(
  context: Excel.RequestContext,
  counter: SyncCounter,
  sheets: ReadonlyArray<string | undefined>,
  names: ReadonlySet<string>,
  list: string | undefined,
): Promise<Map<string, FoundNote[]>> {
  const wanted = sheets.includes(undefined) ? [...names].filter((n) => n !== list) : [...new Set(sheets as string[])];
  const collections = wanted.map((name) => {
    const notes = context.workbook.worksheets.getItem(name).notes;
    notes.load('items/content');
    return { name, notes };
  });
  await counted(context, counter);
  const located = collections.map(({ name, notes }) => ({
    name,
    items: notes.items.map((note) => {
      const at = note.getLocation();
      at.load('address');
      return { at, text: note.content };
    }),
  }));
  await counted(context, counter);
  return new Map(
    located.map(({ name, items }) => [name, items.map(({ at, text }) => ({ sheet: name, cell: at.address.replace(/^.*!/, '').replace(/\$/g, ''), text }))]),
  );
}

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
 * Where each stored mark is now (planClear): what each stored address holds (fill, note) in batches, then, for the
 * marks not there, the notes of the sheets they may be on (two more syncs). `hasNote`: the stored address holds a note.
 * No sync when nothing is stored and nothing else (`first`) rides along.
 */
export async function marksNow(
  context: Excel.RequestContext,
  counter: SyncCounter,
  { stored, sheetOf, names, list, notes }: Marked,
  first?: () => void,
): Promise<{ plan: ClearPlan<PriorState>; hasNote: (p: PriorState) => boolean }> {
  const worksheets = context.workbook.worksheets;
  // What each stored address holds now: its fill, and its note.
  const here = new Map<PriorState, { fill: Excel.RangeFill; note?: Excel.Note }>();
  const on = stored.filter((p) => sheetOf(p) !== undefined);
  if (on.length > 0 || first) {
    await inBatches(
      context,
      counter,
      on,
      (p) => {
        const ws = worksheets.getItem(sheetOf(p)!);
        // eslint-disable-next-line office-addins/load-object-before-read -- loaded on the next line, then synced before it is read
        const fill = ws.getRange(p.cell).format.fill;
        fill.load('color');
        const note = notes ? ws.notes.getItemOrNullObject(p.cell) : undefined;
        note?.load('isNullObject,content');
        here.set(p, { fill, note });
      },
      { first },
    );
  }
  const now = (_sheet: string, p: PriorState): CellNow => {
    const { fill, note } = here.get(p)!;
    return {
      note: note === undefined ? undefined : note.isNullObject ? null : String(note.content ?? ''),
      ourFill: typeof fill.color === 'string' && MARK_FILLS.has(fill.color.toUpperCase()),
    };
  };
  // A mark not where it was put: the notes of the sheets it may be on, found in two more syncs.
  const away = stored.filter((p) => sheetOf(p) === undefined || !markStillHere(p, now(sheetOf(p)!, p)));
  const found =
    notes && away.some((p) => p.mark !== undefined) ? await notesOf(context, counter, away.map(sheetOf), names, list) : new Map<string, FoundNote[]>();
  const plan = planClear(stored, sheetOf, now, (sheet) => (sheet !== undefined ? (found.get(sheet) ?? []) : [...found.values()].flat()));
  return { plan, hasNote: (p) => Boolean(here.get(p)?.note && !here.get(p)!.note!.isNullObject) };
}
