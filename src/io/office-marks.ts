/**
 * Marks in the open workbook: 标记 colours each finding's cell and adds a note;
 * 清除标记 puts back exactly the fill and note each cell had before.
 *
 * The prior state is stored in the workbook itself (workbook settings, key
 * MARKS_SETTING) before anything is changed, so clearing still works after the
 * workbook is saved, closed and reopened. Marking again over old marks keeps
 * the first prior state of a cell (never our own mark) and restores the cells
 * no longer flagged. Three syncs each way, whatever the number of findings.
 */
import type { Finding } from '../model/finding';
import { MARK_COLORS, cellMarks } from '../check/marks';

export { MARK_COLORS, cellMarks } from '../check/marks';

export const MARKS_SETTING = 'custody.marks.v1';

/** What a cell looked like before we marked it. */
interface PriorState {
  sheet: string;
  cell: string;
  fill: { color: string | null; pattern: string | null; patternColor: string | null };
  /** The note it had; null for none. */
  note: string | null;
}

export interface MarkOptions {
  /** ExcelApi 1.18 (notes) available; without it only the fill is set. */
  notes: boolean;
  lang?: 'zh' | 'en';
}

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell.toUpperCase()}`;

function parseStored(value: unknown): PriorState[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value) as { cells?: PriorState[] };
    return Array.isArray(parsed.cells) ? parsed.cells : [];
  } catch {
    return [];
  }
}

interface SyncCounter {
  syncs: number;
}

async function counted(context: Excel.RequestContext, counter: SyncCounter): Promise<void> {
  counter.syncs++;
  await context.sync();
}

function sheetExists(names: Set<string>, sheet: string): boolean {
  return names.has(sheet);
}

function restoreCell(ws: Excel.Worksheet, prior: PriorState, currentNote: Excel.Note | undefined, notes: boolean): void {
  const range = ws.getRange(prior.cell);
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const fill = range.format.fill;
  if (!prior.fill.pattern || prior.fill.pattern === 'None' || prior.fill.color === null) {
    fill.clear();
  } else {
    fill.color = prior.fill.color;
    if (prior.fill.pattern !== 'Solid') fill.pattern = prior.fill.pattern as Excel.FillPattern;
    if (prior.fill.patternColor && prior.fill.pattern !== 'Solid') fill.patternColor = prior.fill.patternColor;
  }
  if (!notes) return;
  if (prior.note === null) {
    if (currentNote && !currentNote.isNullObject) currentNote.delete();
  } else if (currentNote && !currentNote.isNullObject) {
    currentNote.content = prior.note;
  } else {
    ws.notes.add(range, prior.note);
  }
}

export interface MarkResult {
  marked: number;
  restored: number;
  syncs: number;
}

/** Colours and annotates every finding's cell, storing each cell's prior state first. */
export async function applyMarks(context: Excel.RequestContext, findings: readonly Finding[], options: MarkOptions): Promise<MarkResult> {
  const counter = { syncs: 0 };
  const marks = cellMarks(findings, options.lang);

  // 1. what is stored already, and which sheets exist
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  setting.load('isNullObject,value');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await counted(context, counter);
  const names = new Set(worksheets.items.map((w) => w.name));
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const stored = setting.isNullObject ? [] : parseStored(setting.value);
  const storedByKey = new Map(stored.map((p) => [keyOf(p.sheet, p.cell), p]));
  const markKeys = new Set(marks.map((m) => keyOf(m.sheet, m.cell)));
  const live = marks.filter((m) => sheetExists(names, m.sheet));

  // 2. the current state of every cell to mark (that we have not marked before) and every note we touch
  const fresh = live.filter((m) => !storedByKey.has(keyOf(m.sheet, m.cell)));
  const freshState = fresh.map((m) => {
    const ws = worksheets.getItem(m.sheet);
    // eslint-disable-next-line office-addins/load-object-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
    const fill = ws.getRange(m.cell).format.fill;
    fill.load('color,pattern,patternColor');
    let note: Excel.Note | undefined;
    if (options.notes) {
      note = ws.notes.getItemOrNullObject(m.cell);
      // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
      note.load('isNullObject,content');
    }
    return { mark: m, fill, note };
  });
  const stale = stored.filter((p) => !markKeys.has(keyOf(p.sheet, p.cell)) && sheetExists(names, p.sheet));
  const notesFor = (list: Array<{ sheet: string; cell: string }>): Map<string, Excel.Note> => {
    const map = new Map<string, Excel.Note>();
    if (!options.notes) return map;
    for (const p of list) {
      const note = worksheets.getItem(p.sheet).notes.getItemOrNullObject(p.cell);
      // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
      note.load('isNullObject');
      map.set(keyOf(p.sheet, p.cell), note);
    }
    return map;
  };
  const staleNotes = notesFor(stale);
  const keptNotes = notesFor(live.filter((m) => storedByKey.has(keyOf(m.sheet, m.cell))));
  await counted(context, counter);

  // 3. store, then write, in one batch
  const priors: PriorState[] = [];
  for (const p of stored) if (markKeys.has(keyOf(p.sheet, p.cell))) priors.push(p);
  for (const { mark, fill, note } of freshState) {
    priors.push({
      sheet: mark.sheet,
      cell: mark.cell,
      fill: { color: fill.color ?? null, pattern: (fill.pattern as string | undefined) ?? null, patternColor: fill.patternColor ?? null },
      note: note && !note.isNullObject ? String(note.content ?? '') : null,
    });
  }
  context.workbook.settings.add(MARKS_SETTING, JSON.stringify({ version: 1, cells: priors }));
  for (const p of stale) restoreCell(worksheets.getItem(p.sheet), p, staleNotes.get(keyOf(p.sheet, p.cell)), options.notes);
  const priorByKey = new Map(priors.map((p) => [keyOf(p.sheet, p.cell), p]));
  const freshNotes = new Map(freshState.map((s) => [keyOf(s.mark.sheet, s.mark.cell), s.note]));
  for (const m of live) {
    const ws = worksheets.getItem(m.sheet);
    const range = ws.getRange(m.cell);
    range.format.fill.color = MARK_COLORS[m.severity];
    if (!options.notes) continue;
    const key = keyOf(m.sheet, m.cell);
    const prior = priorByKey.get(key);
    const content = prior?.note ? `${prior.note}\n\n${m.text}` : m.text;
    const existing = freshNotes.get(key) ?? keptNotes.get(key);
    if (existing && !existing.isNullObject) existing.content = content;
    else ws.notes.add(range, content);
  }
  await counted(context, counter);
  return { marked: live.length, restored: stale.length, syncs: counter.syncs };
}

/** Puts back the prior fill and note of every marked cell and forgets the marks. */
export async function clearMarks(context: Excel.RequestContext, options: Pick<MarkOptions, 'notes'>): Promise<MarkResult> {
  const counter = { syncs: 0 };
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  setting.load('isNullObject,value');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await counted(context, counter);
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  if (setting.isNullObject) return { marked: 0, restored: 0, syncs: counter.syncs };
  const names = new Set(worksheets.items.map((w) => w.name));
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  const stored = parseStored(setting.value).filter((p) => sheetExists(names, p.sheet));

  const notes = new Map<string, Excel.Note>();
  if (options.notes) {
    for (const p of stored) {
      const note = worksheets.getItem(p.sheet).notes.getItemOrNullObject(p.cell);
      // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
      note.load('isNullObject');
      notes.set(keyOf(p.sheet, p.cell), note);
    }
  }
  await counted(context, counter);

  for (const p of stored) restoreCell(worksheets.getItem(p.sheet), p, notes.get(keyOf(p.sheet, p.cell)), options.notes);
  setting.delete();
  await counted(context, counter);
  return { marked: 0, restored: stored.length, syncs: counter.syncs };
}

/** Activates a finding's sheet and selects its cell. One sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
