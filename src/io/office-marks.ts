/**
 * Marks in the open workbook: 标记 colours and frames each finding's cell and
 * adds a note; 清除标记 puts back exactly the fill, borders and note each cell
 * had before.
 *
 * The prior state is stored in the workbook itself (workbook settings, key
 * MARKS_SETTING) before anything is changed, so clearing still works after the
 * workbook is saved, closed and reopened. Marking again over old marks keeps
 * the first prior state of a cell (never our own mark) and restores the cells
 * no longer flagged. Marking three syncs up to CELLS_PER_BATCH cells (two more
 * over marks of before: where they are now, office-marks-now.ts; one more for
 * the merged areas a mark frames, office-marks-frame.ts, where no mark of before
 * asks one: the outline cells read depend on them), clearing four; more cells go a batch per request, since Excel on the web refuses a
 * request or a response over 5 MB.
 *
 * Marking also writes the printable list of findings at the end of the
 * workbook (office-list.ts), its rows batched with the cells; its name is
 * stored with the cells, so that clearing removes it, and marking again
 * replaces it.
 */
import type { Finding } from '../model/finding';
import { sheetStateOf } from '../model/grid';
import type { RangeBox, SheetState } from '../model/grid';
import type { SheetForm } from '../model/site-model';
import type { MarkRecord } from '../taskpane/old-marks';
import { CellMark, MARKED_CELLS_MAX, MARK_BORDERS, MARK_COLORS, type MarkBorder, cellMarks } from '../check/marks';
import { ListWrite, PriorList, listWriter, loadPriorList } from './office-list';
import { type NotPutBack, markKey, markingTold, movedTo, notPutBack, noteFingerprint, partition, toldApart } from '../check/mark-clear';
import { CELLS_PER_BATCH, type PriorState, counted, inBatches, marksNow, sheetFinder } from './office-marks-now';
import { framedSheets, loadMergedAreas } from './office-marks-frame';
import { type AreaAt, areaIn, frameKept, frameNow, knownBorders, outlinesOf } from '../check/mark-outline';
import { packLooks, unpackLooks } from '../check/mark-looks';

export { MARKED_CELLS_MAX, MARK_COLORS, cellMarks } from '../check/marks';

export const MARKS_SETTING = 'custody.marks.v1';
export { CELLS_PER_BATCH } from './office-marks-now';

/** The edges a mark frames. */
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** A mark's frame on each edge, in Office.js' words: thick continuous, medium dashed; black. */
const markEdges = (border: MarkBorder): Array<readonly [string, string, string]> =>
  EDGES.map(() => [border.line === 'dashed' ? 'Dash' : 'Continuous', border.weight === 'thick' ? 'Thick' : 'Medium', '#000000'] as const);

/** Each edge of a cell's borders, loaded (read after the sync). */
function loadBorders(range: Excel.Range): Excel.RangeBorder[] {
  return EDGES.map((edge) => {
    const border = range.format.borders.getItem(edge);
    border.load('style,weight,color');
    return border;
  });
}

/** Sets each edge of a cell's borders: a [style, weight, colour] per edge; style None takes it away. */
function setBorders(range: Excel.Range, edges: ReadonlyArray<readonly [string, string, string]>): void {
  EDGES.forEach((edge, i) => {
    const [style, weight, color] = edges[i];
    const line = range.format.borders.getItem(edge);
    line.style = style as Excel.RangeBorder['style'];
    if (style === 'None') return;
    line.weight = weight as Excel.RangeBorder['weight'];
    line.color = color;
  });
}

export interface MarkOptions {
  /** ExcelApi 1.18 (notes) available; without it only the fill is set. */
  notes: boolean;
  /** ExcelApi 1.13 (merged areas) available: a mark on a merged cell frames the area's outline (office-marks-frame.ts). */
  merges?: boolean;
  /** ExcelApi 1.9 (page layout) available: the list of findings is set up for printing. */
  print?: boolean;
  lang?: 'zh' | 'en';
  /** The model's sheets (SiteModel.sheets): 问题清单 names the form beside a sheet holding several. */
  sheets?: readonly SheetForm[];
}

/** What the setting holds: each marked cell's prior state, and the list sheet we wrote. */
export interface Stored extends MarkRecord {
  cells: PriorState[];
  list?: string;
}

function parseStored(value: unknown): Stored {
  if (typeof value !== 'string' || value === '') return { cells: [] };
  try {
    const parsed = JSON.parse(value) as Partial<Stored> & { looks?: unknown };
    return {
      cells: Array.isArray(parsed.cells) ? unpackLooks(parsed.looks, parsed.cells) : [],
      list: typeof parsed.list === 'string' ? parsed.list : undefined,
    };
  } catch {
    return { cells: [] };
  }
}

/** The setting's text: the cells (each border look once, check/mark-looks.ts) and the list sheet we wrote. */
const recordText = (cells: readonly PriorState[], list?: string): string => JSON.stringify({ version: 1, ...packLooks(cells), list });

function sheetExists(names: Set<string>, sheet: string): boolean {
  return names.has(sheet);
}
/** A cell of a mark's frame given edges (the mark's look, or its own put back): an item of its own, as a batch counts cells (a frame may hold thousands). */
interface Edged {
  sheet: string;
  cell: string;
  edges: ReadonlyArray<readonly [string, string, string]>;
}

/** A stored mark's frame put back where the mark is now, on its merged area as it is now (areaAt), each cell an item. */
const frameBack = (prior: PriorState, sheet: string, cell: string, areaAt: AreaAt): Edged[] =>
  frameNow(prior, sheet, cell, areaAt).map((c) => ({ sheet, cell: c.cell, edges: c.borders }));

/** Puts back a cell's prior fill, borders and note at `cell` (where our mark is now); `hasNote`: the cell has a note now. */
function restoreCell(ws: Excel.Worksheet, prior: PriorState, cell: string, hasNote: boolean, notes: boolean): void {
  const range = ws.getRange(cell);
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const fill = range.format.fill;
  if (!prior.fill.pattern || prior.fill.pattern === 'None' || prior.fill.color === null) {
    fill.clear();
  } else {
    fill.color = prior.fill.color;
    if (prior.fill.pattern !== 'Solid') fill.pattern = prior.fill.pattern as Excel.FillPattern;
    if (prior.fill.patternColor && prior.fill.pattern !== 'Solid') fill.patternColor = prior.fill.patternColor;
  }
  if (prior.borders) setBorders(range, prior.borders);
  if (!notes) return;
  if (prior.note === null) {
    if (hasNote) ws.notes.getItem(cell).delete();
  } else if (hasNote) {
    ws.notes.getItem(cell).content = prior.note;
  } else {
    ws.notes.add(range, prior.note);
  }
}

export interface MarkResult extends NotPutBack {
  marked: number;
  restored: number;
  syncs: number;
  /** Cells with findings left unmarked beyond MARKED_CELLS_MAX. */
  leftOut: number;
  /** Marking: the sheet the findings are listed on (none without findings); clearing: the list sheet removed. */
  list?: string;
  /** Marking with no findings left: the list sheet of the marking before, removed and not replaced. */
  listRemoved?: string;
  /** Marking: of the cells put back, those whose findings are gone (the others are beyond MARKED_CELLS_MAX now). */
  gone?: number;
}

/** What a cell to mark looks like now, once loaded: its fill, and its note when notes are written. */
interface LoadedState {
  mark: CellMark;
  fill: Excel.RangeFill;
  borders: Excel.RangeBorder[];
  note: Excel.Note | undefined;
}

/**
 * Colours and annotates every finding's cell (the first MARKED_CELLS_MAX of
 * them, in reading order), storing each cell's prior state first.
 */
export async function applyMarks(context: Excel.RequestContext, findings: readonly Finding[], options: MarkOptions): Promise<MarkResult> {
  const counter = { syncs: 0 };
  const marks = cellMarks(findings, options.lang);

  // 1. what is stored already, and which sheets exist
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  setting.load('isNullObject,value');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await counted(context, counter);
  const { names, sheetOf } = sheetFinder(worksheets);
  const ids = new Map(worksheets.items.map((w) => [w.name, w.id]));
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const record = setting.isNullObject ? { cells: [] } : parseStored(setting.value);
  const storedList = record.list;
  const onSheets = marks.filter((m) => sheetExists(names, m.sheet));
  // Notes that would be the same text each say where they were put: 清除标记 tells the marks apart by their notes.
  const live = toldApart(onSheets.slice(0, MARKED_CELLS_MAX), options.lang);
  // A cell beyond the cap that was marked before is put back like one no longer flagged.
  const beyond = new Set(onSheets.slice(MARKED_CELLS_MAX).map((m) => markKey(m.sheet, m.cell)));
  const markKeys = new Set(marks.map((m) => markKey(m.sheet, m.cell)).filter((k) => !beyond.has(k)));
  // Each mark where it is now (rows inserted or deleted above it, its sheet renamed): its prior state is that cell's.
  // One not found (taken away by hand) is left alone, as 清除标记 leaves it. The merged areas of the marks' sheets and of
  // the framed marks of before ride along: the outline cells whose borders before are read next depend on them (a sheet
  // asked for is known to be there now).
  let areasOf: (() => Map<string, RangeBox[]>) | undefined;
  const areaSheets = framedSheets(live, record.cells, sheetOf);
  const askAreas = options.merges && areaSheets.size > 0 ? () => (areasOf = loadMergedAreas(worksheets, areaSheets)) : undefined;
  const { plan } = await marksNow(context, counter, { stored: record.cells, sheetOf, names, list: storedList, notes: options.notes }, askAreas);
  const stored = movedTo(plan);
  const storedByKey = new Map(stored.map((p) => [markKey(p.sheet, p.cell), p]));
  const areas = areasOf?.() ?? new Map<string, RangeBox[]>();
  const areaAt = areaIn(areas);
  const outlines = outlinesOf(live, areas);
  const known = knownBorders(stored, areaAt);

  // 2. the current state of every cell to mark (that we have not marked before) and every note we touch
  const fresh = live.filter((m) => !storedByKey.has(markKey(m.sheet, m.cell)));
  const stale = stored.filter((p) => !markKeys.has(markKey(p.sheet, p.cell)) && sheetExists(names, p.sheet));
  const kept = live.filter((m) => storedByKey.has(markKey(m.sheet, m.cell)));
  const freshState: LoadedState[] = [];
  const staleNotes = new Map<string, Excel.Note>();
  const keptNotes = new Map<string, Excel.Note>();
  const noteOf = (sheet: string, cell: string, withContent: boolean): Excel.Note => {
    const note = worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
    // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
    if (withContent) note.load('isNullObject,content');
    // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
    else note.load('isNullObject');
    return note;
  };
  // A cell kept from a record of before marks were framed: its borders now are its own (that mark left them).
  const unframed = kept.filter((m) => !storedByKey.get(markKey(m.sheet, m.cell))!.borders);
  const keptBorders = new Map<string, Excel.RangeBorder[]>();
  // An outline cell's borders before: the record's where it knows them (our frame is on it now), else as they are.
  const outlineBorders = new Map<string, Excel.RangeBorder[]>();
  const toRead = live.flatMap((m) => (outlines.get(markKey(m.sheet, m.cell))?.cells ?? []).map((cell) => ({ sheet: m.sheet, cell })));
  type Load = { fresh: CellMark } | { stale: PriorState } | { kept: CellMark } | { unframed: CellMark } | { outline: { sheet: string; cell: string } };
  const loads: Load[] = [
    ...fresh.map((m) => ({ fresh: m })),
    ...stale.map((p) => ({ stale: p })),
    ...(options.notes ? kept.map((m) => ({ kept: m })) : []),
    ...unframed.map((m) => ({ unframed: m })),
    ...toRead.filter((c) => !known.has(markKey(c.sheet, c.cell))).map((c) => ({ outline: c })),
  ];
  let priorList: PriorList | undefined;
  await inBatches(
    context,
    counter,
    loads,
    (load) => {
      if ('fresh' in load) {
        const m = load.fresh;
        const fill = worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        fill.load('color,pattern,patternColor');
        const borders = loadBorders(worksheets.getItem(m.sheet).getRange(m.cell));
        freshState.push({ mark: m, fill, borders, note: options.notes ? noteOf(m.sheet, m.cell, true) : undefined });
      } else if ('outline' in load) {
        const { sheet, cell } = load.outline;
        outlineBorders.set(markKey(sheet, cell), loadBorders(worksheets.getItem(sheet).getRange(cell)));
      } else if ('unframed' in load) {
        const m = load.unframed;
        keptBorders.set(markKey(m.sheet, m.cell), loadBorders(worksheets.getItem(m.sheet).getRange(m.cell)));
      } else if ('stale' in load) {
        if (options.notes) staleNotes.set(markKey(load.stale.sheet, load.stale.cell), noteOf(load.stale.sheet, load.stale.cell, false));
      } else keptNotes.set(markKey(load.kept.sheet, load.kept.cell), noteOf(load.kept.sheet, load.kept.cell, false));
    },
    { first: () => (priorList = loadPriorList(worksheets, names, storedList)) },
  );

  // 3. store first, then write: the first batch carries the store, so that what is marked can always be
  // cleared. Cells put back in a later batch stay in the store until the last: a batch that fails on the
  // way leaves none marked without its prior state.
  const priors: PriorState[] = [];
  const edgesOf = (borders: Excel.RangeBorder[]): Array<[string, string, string]> => borders.map((b) => [b.style, b.weight, b.color]);
  for (const p of stored) {
    const key = markKey(p.sheet, p.cell);
    const borders = keptBorders.get(key);
    if (markKeys.has(key)) priors.push(borders ? { ...p, borders: edgesOf(borders) } : p);
  }
  for (const { mark, fill, borders, note } of freshState) {
    priors.push({
      sheet: mark.sheet,
      cell: mark.cell,
      fill: { color: fill.color ?? null, pattern: (fill.pattern as string | undefined) ?? null, patternColor: fill.patternColor ?? null },
      // A cell our frame of before is on (a merged area's outline): its borders before, as the record kept them.
      borders: known.get(markKey(mark.sheet, mark.cell)) ?? edgesOf(borders),
      note: note && !note.isNullObject ? String(note.content ?? '') : null,
    });
  }
  // Each stored with its sheet's id and the note it gets: 清除标记 finds a renamed sheet and a moved mark by them.
  const textOf = new Map(live.map((m) => [markKey(m.sheet, m.cell), m.text]));
  const bordersBefore = (key: string): Array<[string, string, string]> => known.get(key) ?? edgesOf(outlineBorders.get(key)!);
  for (const p of priors) {
    const outline = outlines.get(markKey(p.sheet, p.cell));
    if (outline) p.frame = frameKept(p, outline, (cell) => bordersBefore(markKey(p.sheet, cell)));
    else delete p.frame;
    const text = textOf.get(markKey(p.sheet, p.cell))!;
    p.sheetId = ids.get(p.sheet);
    if (options.notes) p.mark = noteFingerprint(p.note ? `${p.note}\n\n${text}` : text);
    else delete p.mark;
  }
  // The list replaces the one we wrote before; its new name is stored before its sheet is added.
  const replaced = priorList?.ours() ? priorList.name : undefined;
  let storedName = replaced;
  const store = (cells: PriorState[]) => context.workbook.settings.add(MARKS_SETTING, recordText(cells, storedName));
  const lists = listWriter(worksheets, findings, {
    names,
    replaced,
    lang: options.lang ?? 'zh',
    print: options.print ?? false,
    ...(options.sheets ? { sheets: options.sheets } : {}),
    rename: (name) => {
      storedName = name;
      store(firstStore);
    },
  });
  const priorByKey = new Map(priors.map((p) => [markKey(p.sheet, p.cell), p]));
  const freshNotes = new Map(freshState.map((s) => [markKey(s.mark.sheet, s.mark.cell), s.note]));
  type Write = { restore: PriorState } | { mark: CellMark } | { edged: Edged } | ListWrite;
  const framedBy = (m: CellMark): Edged[] => {
    const edges = markEdges(MARK_BORDERS[m.severity]);
    return (outlines.get(markKey(m.sheet, m.cell))?.cells ?? []).map((cell) => ({ sheet: m.sheet, cell, edges }));
  };
  const edged = (cells: Edged[]): Write[] => cells.map((e) => ({ edged: e }));
  const writes: Write[] = [
    ...stale.flatMap((p) => [{ restore: p }, ...edged(frameBack(p, p.sheet, p.cell, areaAt))]),
    ...live.flatMap((m) => [{ mark: m }, ...edged(framedBy(m))]),
    ...lists.items,
  ];
  const firstStore = writes.length > CELLS_PER_BATCH ? [...priors, ...stale] : priors;
  await inBatches(
    context,
    counter,
    writes,
    (write) => {
      if ('restore' in write) {
        const p = write.restore;
        const note = staleNotes.get(markKey(p.sheet, p.cell));
        restoreCell(worksheets.getItem(p.sheet), p, p.cell, Boolean(note && !note.isNullObject), options.notes);
        return;
      }
      if ('edged' in write) {
        setBorders(worksheets.getItem(write.edged.sheet).getRange(write.edged.cell), write.edged.edges);
        return;
      }
      if (!('mark' in write)) {
        lists.queue(write);
        return;
      }
      const m = write.mark;
      const ws = worksheets.getItem(m.sheet);
      const range = ws.getRange(m.cell);
      range.format.fill.color = MARK_COLORS[m.severity];
      setBorders(range, markEdges(MARK_BORDERS[m.severity]));
      if (!options.notes) return;
      const key = markKey(m.sheet, m.cell);
      const prior = priorByKey.get(key);
      const content = prior?.note ? `${prior.note}\n\n${m.text}` : m.text;
      const existing = freshNotes.get(key) ?? keptNotes.get(key);
      if (existing && !existing.isNullObject) existing.content = content;
      else ws.notes.add(range, content);
    },
    {
      first: () => store(firstStore),
      flush: () => lists.flush(),
      last: () => {
        if (writes.length > CELLS_PER_BATCH) store(priors);
      },
    },
  );
  const told = markingTold(stale, new Set(marks.map((m) => markKey(m.sheet, m.cell))), lists.name === undefined ? replaced : undefined);
  return { marked: live.length, restored: stale.length, syncs: counter.syncs, leftOut: onSheets.length - live.length, list: lists.name, ...told };
}

/**
 * Queues the load of the marks record (MARKS_SETTING), to ride on the caller's next sync (the read's: no sync of its
 * own); what it returns reads it after that sync: the cells marked and the list sheet written, none when nothing is.
 */
export function loadMarkRecord(context: Excel.RequestContext): () => Stored {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced by the caller before it is read
  setting.load('isNullObject,value');
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- read by the caller after the sync that loads it
  return () => (setting.isNullObject ? { cells: [] } : parseStored(setting.value));
}

/**
 * The marks record for a check, each mark where it is now (marksNow), so that a mark moved with its cell (rows inserted
 * above it, its sheet renamed) is not said to be left behind: the marks at a cell flagged now as they are; the others
 * looked for in `place` (a request of its own, asked only when there are any). One not found anywhere (taken away by
 * hand) is no mark left.
 */
export async function marksLeft(
  record: Stored,
  findings: readonly Finding[],
  place: (find: (context: Excel.RequestContext) => Promise<PriorState[]>) => Promise<PriorState[]>,
  notes: boolean,
): Promise<Stored> {
  const flagged = new Set(cellMarks(findings).map((m) => markKey(m.sheet, m.cell)));
  const [here, away] = partition(record.cells, (p) => flagged.has(markKey(p.sheet, p.cell)));
  if (away.length === 0) return record;
  const moved = await place(async (context) => {
    const counter = { syncs: 0 };
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/id');
    await counted(context, counter);
    const { names, sheetOf } = sheetFinder(worksheets);
    return movedTo((await marksNow(context, counter, { stored: away, sheetOf, names, list: record.list, notes })).plan);
  });
  return { cells: [...here, ...moved], ...(record.list !== undefined && { list: record.list }) };
}

/**
 * Puts back the prior fill, borders and note of every marked cell where our mark still is (check/mark-clear.ts): a
 * mark moved by rows inserted or deleted is found by its note, a renamed sheet by its id; a cell not ours is never
 * touched. Removes the list of findings we wrote, and forgets the marks but those of a sheet not found.
 */
export async function clearMarks(context: Excel.RequestContext, options: Pick<MarkOptions, 'notes' | 'merges'>): Promise<MarkResult> {
  const counter = { syncs: 0 };
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  setting.load('isNullObject,value');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await counted(context, counter);
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  if (setting.isNullObject) return { marked: 0, restored: 0, syncs: counter.syncs, leftOut: 0 };
  const { names, sheetOf } = sheetFinder(worksheets);
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const { cells: stored, list } = parseStored(setting.value);

  let priorList: PriorList | undefined;
  // The merged areas of the framed marks' sheets ride along: a frame goes back on its area as the host reports it now.
  let areasOf: (() => Map<string, RangeBox[]>) | undefined;
  const areaSheets = options.merges ? framedSheets([], stored, sheetOf) : new Set<string>();
  const { plan, hasNote } = await marksNow(context, counter, { stored, sheetOf, names, list, notes: options.notes }, () => {
    priorList = loadPriorList(worksheets, names, list);
    if (areaSheets.size > 0) areasOf = loadMergedAreas(worksheets, areaSheets);
  });
  const areaAt = areaIn(areasOf?.() ?? new Map<string, RangeBox[]>());
  const removed = priorList?.ours() ? priorList.name : undefined;
  // The setting goes with the last batch: a clearing cut short can be done again (putting a cell back twice is putting it back).
  await inBatches(
    context,
    counter,
    plan.restore.flatMap((r) => [r, ...frameBack(r.prior, r.sheet, r.cell, areaAt)]),
    (r) => {
      if ('edges' in r) setBorders(worksheets.getItem(r.sheet).getRange(r.cell), r.edges);
      else
        restoreCell(
          worksheets.getItem(r.sheet),
          r.prior,
          r.cell,
          r.cell === r.prior.cell && r.sheet === sheetOf(r.prior) ? hasNote(r.prior) : true,
          options.notes,
        );
    },
    {
      last: () => {
        if (removed) worksheets.getItem(removed).delete();
        if (plan.missing.length > 0) context.workbook.settings.add(MARKS_SETTING, recordText(plan.missing));
        else setting.delete();
      },
    },
  );
  return { marked: 0, restored: plan.restore.length, syncs: counter.syncs, leftOut: 0, list: removed, ...notPutBack(plan) };
}

/**
 * Activates a finding's sheet and selects its cell, in one sync; returns whether the sheet is hidden, read in the
 * same sync (undefined: shown). Excel will not show a hidden sheet's cell (Office.js refuses to activate it, or
 * leaves it hidden): where the refusal fails the batch, one more sync reads the visibility, so that the pane says the
 * sheet is hidden and how to show it rather than a bare error. Any other failure is thrown as it came.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<SheetState | undefined> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('visibility');
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
    return sheetStateOf(ws.visibility);
  } catch (error) {
    const again = context.workbook.worksheets.getItem(sheet);
    again.load('visibility');
    await context.sync();
    const state = sheetStateOf(again.visibility);
    if (!state) throw error;
    return state;
  }
}
