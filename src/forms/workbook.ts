/** A whole site workbook: drawn from the data model (fill, templates) and read back from a grid (extract, validate), each form found by its content. */
import { isFindingsListTitle } from '../model/finding';
import { semesterDates } from '../model/datetime';
import { paperCode } from '../model/paper-code';
import { normalizeLabel } from '../model/text';
import { TableLocations, addLocation, addTableLocations, compactLocationMap, renameToFirst } from '../model/location-map';
import type { FormSpan, SiteModel } from '../model/site-model';
import type { SiteData } from '../model/types';
import { splitJoinedSignatures } from './joined-signers';
import { joinDottedNamesIn } from '../model/dotted-names';
import { SheetGrid, WorkbookGrid, a1, cellAt, parseA1 } from '../model/grid';
import type { SheetDraft } from './draft';
import { FORMS, FormEntry, recordsOf } from './index';

export type { SiteModel };
import { FormRecord, rowsKey } from './layout';
import { FormRead, ReadContext, SheetIndex, cheapScore, readForm, scoreBound, scoreForm } from './read';
import { vocabularyOf } from './sheet-index';
import { renderForm } from './render';
import { copiesOnSheet, withoutRowsSeen } from './repeated';
import { formRegions } from './form-regions';
import { noteScheduleCopies } from './schedule-copies';
import { CopyPair, copyPair, differsOnlyIn, noteSheetCopies, sameSheetSetAside } from './sheet-copies';
import { tidySenderBoxes } from './sender-box';
import { OtherSemester, SheetRead, otherSemesterSheets } from './other-semester';
import { noteHiddenRows, noteHiddenSheets, setAsideHiddenSheets } from './hidden-sheets';
import { noteTimesNotShown } from './time-shown';
import { noteStruck } from './struck-text';
import { noteClosedAbove } from './read-table';
import { noteRowCells } from './ditto';
import { notePartTotals, renameNotedPaths } from './part-totals';
import { noteUnreadRows } from './unread-rows';
import { readWithFormulas } from './unsolved';
import { noteUnclearHeadings, withExamSpan } from './day-headings';

/** A sheet must score at least this to be taken for a form (a title alone, or most of a table's labels). */
export const MIN_SCORE = 6;

function sheetNames(entry: FormEntry, count: number): string[] {
  if (count <= 1) return [entry.layout.sheetName];
  return Array.from({ length: count }, (_, i) => `${entry.layout.sheetName}${i + 1}`);
}

/** Every sheet of a site workbook; without data, the blank workbook (one sheet per form). */
export function draftWorkbook(data?: SiteData): SheetDraft[] {
  const drafts: SheetDraft[] = [];
  for (const entry of FORMS) {
    const records = data ? recordsOf(entry, data) : [];
    const names = sheetNames(entry, records.length);
    if (records.length === 0) drafts.push(renderForm(entry.layout, names[0], data?.site));
    records.forEach((record, i) => drafts.push(renderForm(entry.layout, names[i], data?.site, record)));
  }
  return drafts;
}

/** One blank form, for the per-form template files. */
export function draftBlankForm(entry: FormEntry): SheetDraft {
  return renderForm(entry.layout, entry.layout.sheetName);
}

/** Every label and column of the forms: what a sheet's index keeps. */
const VOCABULARY = vocabularyOf(FORMS.map((entry) => entry.layout));

/** A sheet's index, as the readers look at it. */
export function indexSheet(sheet: SheetGrid): SheetIndex {
  return new SheetIndex(sheet, VOCABULARY);
}

/**
 * The form a sheet is: the one of the highest score of at least MIN_SCORE, the
 * first in FORMS of those that tie; null for a sheet that is none of them. The
 * table headers, the costly part of a score, are looked for from the most
 * promising form down, and not for a form whose score could at most reach that
 * of the best so far (scoreBound): the choice is the one scoring every form makes.
 */
export function bestForm(index: SheetIndex): FormEntry | null {
  const candidates = FORMS.map((entry, order) => {
    const cheap = cheapScore(index, entry.layout);
    return { entry, order, cheap, bound: scoreBound(entry.layout, cheap) };
  }).sort((a, b) => b.bound - a.bound || a.order - b.order);
  let best: (typeof candidates)[number] | null = null;
  let bestScore = MIN_SCORE - 0.001;
  for (const c of candidates) {
    if (c.bound < bestScore || (c.bound === bestScore && (!best || c.order > best.order))) continue;
    const score = scoreForm(index, c.entry.layout, c.cheap);
    if (score > bestScore || (best && score === bestScore && c.order < best.order)) {
      best = c;
      bestScore = score;
    }
  }
  return best?.entry ?? null;
}

/**
 * Which form each sheet is, by its content; null for a sheet that is none of them. `titled`: the sheet has
 * the form's title (考试安排), not only its table's labels.
 */
function recogniseSheets(grid: WorkbookGrid): Array<{ sheet: SheetGrid; entry: FormEntry | null; index: SheetIndex | null; titled: boolean; span?: FormSpan }> {
  return grid.sheets.flatMap((sheet) => {
    // A marked copy's 问题清单 quotes the forms' words and names their sheets: it is no form, nor cut into regions.
    if (isFindingsListTitle(sheet.rows[0]?.[0])) return [{ sheet, entry: null, index: null, titled: false }];
    // Different forms on one sheet (基本信息 over 考试安排, 附件2 beside 附件3): each read from its own region (form-regions.ts).
    return formRegions(sheet, indexSheet).map(({ sheet: region, index, span }) => {
      const entry = bestForm(index);
      return { sheet: region, entry, index: entry ? index : null, titled: !!entry && cheapScore(index, entry.layout).title > 0, ...(span ? { span } : {}) };
    });
  });
}

/**
 * The order sheets are read in: 基本信息 first (its semester dates every partial date elsewhere), then a 考试安排
 * with its title before a sheet that only has its columns (the unit's own 监考安排, the published timetable
 * pasted beside it), so that the form is read first and such a sheet judged against it (notSchedule).
 */
function readingRank(r: { entry: FormEntry | null; titled: boolean }): number {
  if (r.entry?.layout.id === 'site') return 0;
  return r.entry?.layout.id === 'schedule' && r.titled ? 1 : 2;
}

/**
 * A later sheet read as 考试安排 that is not its continuation. Either its sessions (paper and start) are all
 * on the 考试安排 read before it: the unit's own 监考安排 (a row per room), the published timetable pasted beside the form, or the
 * form copied — the same sessions, not more of them: read as a continuation it doubled every paper's
 * candidates (false copies-short) and asked it for the form's columns. Or it has a name of its own
 * (ownSheetName): 监考安排, 考场安排, 考试时间表 list sessions for their own ends, and one paper more there is no
 * session of 考试安排's. Only a sheet with the form's title, or one named as the form (考试安排（续）) or not at all
 * (Sheet2), continues the form.
 */
function notSchedule(
  entry: FormEntry,
  record: FormRecord,
  earlier: readonly SheetRead[],
  sheet: { name: string; titled: boolean },
): 'own' | 'copy' | undefined {
  if (entry.layout.id !== 'schedule') return undefined;
  const before = earlier.filter((r) => r.entry === entry);
  if (before.length === 0) return undefined;
  if (!sheet.titled && ownSheetName(sheet.name, entry)) return 'own';
  const listed = new Map<string, string[]>();
  for (const { paper, start } of before.flatMap((r) => sessionsOf(r.record))) listed.set(paper, [...(listed.get(paper) ?? []), start]);
  const sessions = sessionsOf(record);
  return sessions.length > 0 && sessions.every((s) => isListed(s, listed)) ? 'copy' : undefined;
}

/** A schedule record's sessions: each row's paper as compared, and its start as read ('' for none). */
const sessionsOf = (r: FormRecord) =>
  ((r.rows as FormRecord[] | undefined) ?? [])
    .map((row) => ({ paper: paperCode(row.paperNo), start: typeof row.start === 'string' ? row.start : '' }))
    .filter(({ paper }) => paper !== '');

/** A time as the reader gives a readable one (2025-01-11T09:00): two such are two sessions when they differ. */
const READ_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/**
 * Whether a later sheet's session is on the 考试安排 read before: its paper is, and not only at other times —
 * the second weekend's 1304 on 考试安排（续） is a session more, not the first weekend's copied. A start
 * either side cannot read is taken as the same.
 */
function isListed(session: { paper: string; start: string }, listed: ReadonlyMap<string, readonly string[]>): boolean {
  const starts = listed.get(session.paper);
  if (!starts) return false;
  return !READ_TIME.test(session.start) || starts.some((start) => start === session.start || !READ_TIME.test(start));
}

/**
 * A sheet name that is neither the form's (考试安排（续）, 考试安排 (2)), nor one a spreadsheet gives a new sheet
 * (Sheet2, 工作表2), nor a part of the timetable by its days (1月11日, 第二周, 周六, 下午): it says what the sheet
 * is for in words of its own (监考安排, 考场安排, 考试时间表).
 */
function ownSheetName(name: string, entry: FormEntry): boolean {
  const n = normalizeLabel(name);
  if (n === '' || entry.layout.titlePattern.test(n) || /^(sheet|工作表)\d*$/i.test(n)) return false;
  const own = n.replace(/考试/g, '').replace(DAY_WORDS, '');
  return (own.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2;
}

/** What names a part of a timetable by when: dates, weekdays, weeks, halves of the day, pages. */
const DAY_WORDS = /[0-9一二三四五六七八九十两年月日号周星期天第续页上下午晚场次及至和、.\-－—~～()（）]/g;

/** A form nobody has typed into: no field and no row (a 合计 formula's 0 does not count). */
function isEmptyRecord(read: FormRead, tableKey: string | undefined, totalKey: string | undefined): boolean {
  const keys = Object.keys(read.record).filter((k) => k !== tableKey && k !== totalKey);
  const rows = tableKey ? (read.record[tableKey] as unknown[] | undefined) : undefined;
  // A table whose rows are all struck out (作废) was filled: the form is there, its rows are voided-row's.
  return keys.length === 0 && (!rows || rows.length === 0) && read.voided.length === 0;
}

/** Reads every form of a workbook into the site model (each formula without its value worked out once, on its whole sheet). */
export const readWorkbook = (grid: WorkbookGrid): SiteModel => readWithFormulas(grid, readForms);

function readForms(grid: WorkbookGrid): SiteModel {
  const model: SiteModel = { data: {}, locations: compactLocationMap(), sheets: [] };
  const recognised = recogniseSheets(grid);
  const hidden = setAsideHiddenSheets(recognised);
  const ctx: ReadContext = { dates: {} };
  const sheetReads: SheetRead[] = [];
  const scheduleCopies: SheetRead[] = [];
  const sheetCopies: CopyPair[] = [];

  const order = [...recognised].sort((a, b) => readingRank(a) - readingRank(b));
  // The first copy of each table form read: a later sheet mostly the same is its copy (“出入库记录 (2)”, review 11 D3).
  const firstOfForm = new Map<string, SheetRead>();
  for (const recognisedSheet of order) {
    const { sheet, entry, index } = recognisedSheet;
    if (!entry || !index) continue;
    recognisedSheet.index = null;
    // Each copy of a list form kept on one sheet (handover sheets one below the other) is read on its own;
    // a copy the same as one before it on that sheet is the form's second copy (一式两份), printed beside the first;
    // a table's copy only mostly the same is that too, its differences said (forms/sheet-copies.ts).
    const copies = copiesOnSheet(sheet, entry, index, indexSheet);
    const seen = copies.length > 1 ? new Set<string>() : undefined;
    const rowsSeen = copies.length > 1 && entry.binding === 'rows' ? new Map<string, number>() : undefined;
    let firstCopy: SheetRead | undefined;
    // A sheet of a name of its own (监考安排), with no title of the form's, is the unit's own, not a copy of an earlier sheet.
    const own = !recognisedSheet.titled && ownSheetName(sheet.name, entry);
    const earlierSheet = entry.binding === 'rows' && !own ? firstOfForm.get(entry.key) : undefined;
    for (const [n, copy] of copies.entries()) {
      let read = readForm(entry.layout, copy.index, ctx);
      // The exam's days, which tell a day's heading written “6.21” in the tables read after (day-headings.ts).
      if (entry.layout.id === 'schedule') ctx.dates = withExamSpan(ctx.dates, read.record);
      // The table pasted again below (一式两份) or copied to a sheet of its own: the first copy is the record, this compared with it.
      const pair = copyPair(firstCopy ?? earlierSheet, { entry, sheet: copy.sheet, read, record: read.record });
      if (pair) {
        if (entry.key === 'schedule' && differsOnlyIn(pair, 'candidates')) {
          scheduleCopies.push({ entry, sheet: copy.sheet, read, record: adapted(entry, read.record) });
        } else sheetCopies.push(pair);
        continue;
      }
      if (rowsSeen) {
        firstCopy ??= { entry, sheet: copy.sheet, read, record: read.record };
        read = withoutRowsSeen(entry, copy, read, rowsSeen, ctx, indexSheet);
      }
      const empty = isEmptyRecord(read, rowsKey(entry.layout), entry.layout.table?.total?.key);
      const record = empty ? undefined : adapted(entry, read.record);
      // Not the form, however like it: the sheet is none (its missing columns are not the form's).
      const aside = record && notSchedule(entry, record, sheetReads, { name: sheet.name, titled: recognisedSheet.titled });
      if (aside) {
        recognisedSheet.entry = null;
        // The form copied, or typed again: its 报考人数 are compared with the first's once that is bound.
        if (aside === 'copy') scheduleCopies.push({ entry, sheet: copy.sheet, read, record: record! });
        continue;
      }
      noteUnreadRows(model, entry, copy.sheet.name, read, copies.length > 1 ? n + 1 : undefined);
      if (!record) continue;
      if (seen) {
        const same = JSON.stringify(record);
        if (seen.has(same)) continue;
        seen.add(same);
      }
      const sheetRead = { entry, sheet: copy.sheet, read, record };
      if (entry.binding === 'rows' && !firstOfForm.has(entry.key)) firstOfForm.set(entry.key, { entry, sheet: copy.sheet, read, record: read.record });
      if (entry.binding !== 'rows' && sameSheetSetAside(sheetReads, sheetRead, sheetCopies)) continue;
      // 基本信息 is bound at once (its semester dates the rest); the forms once it is known which semester each is.
      if (entry.layout.id !== 'site') sheetReads.push(sheetRead);
      else {
        bindSheet(model, sheetRead);
        ctx.dates = semesterDates(model.data.site?.semester);
      }
    }
  }
  const others = otherSemesterSheets(model.data.site?.semester, sheetReads);
  for (const sheetRead of sheetReads) {
    const other = others.sheets.get(sheetRead);
    if (other) noteOtherSemester(model, sheetRead, other);
    if (!other || other.kept) bindSheet(model, sheetRead);
  }
  if (others.site !== undefined) noteSiteSemester(model, others.site);
  noteScheduleCopies(model, scheduleCopies, locatedAlone);
  noteSheetCopies(model, sheetCopies, locatedAlone);
  // A 分校's own workbook has no 考点: say so, rather than leave it out.
  if (model.data.site && model.data.site.examSite === undefined) model.data.site.examSite = '';
  model.sheets = recognised.map(({ sheet, entry, span }) => ({ sheet: sheet.name, form: entry?.layout.id ?? null, ...(span ? { span } : {}) }));
  noteHiddenSheets(model, hidden);
  noteHiddenRows(model, grid);
  noteTimesNotShown(model, grid);
  tidyHandoverSemesters(model, recognised);
  tidySenderBoxes(model.data.handovers, model.locations);
  // 阿依古丽 买买提 signed with a space for the roster's middle dot is one person, before any signers are counted or split.
  joinDottedNamesIn(model.data);
  splitJoinedSignatures(model.data);
  return model;
}

/** A sheet's record as the model holds it (`adapt.fromSheet`: 基本信息's fields, a form's own shape). */
const adapted = (entry: FormEntry, record: FormRecord): FormRecord => (entry.layout.adapt ? entry.layout.adapt.fromSheet(record) : record);

/** Where a sheet's values sit, as if it were the workbook's only sheet (`schedule[0].candidates` of a copy of 考试安排). */
function locatedAlone(sheetRead: SheetRead): SiteModel['locations'] {
  const alone: SiteModel = { data: {}, locations: compactLocationMap(), sheets: [] };
  bindSheet(alone, sheetRead);
  return alone.locations;
}

function bindSheet(model: SiteModel, { entry, sheet, read, record }: SheetRead): void {
  const rowsAt = bind(model, entry, sheet, read, record);
  locateMissingColumns(model, entry, sheet, read, rowsAt);
}

/** A sheet of another semester (not in the data unless `kept`), listed with its title's cell (`otherSemester[i]`) for its rule to say so once. */
function noteOtherSemester(model: SiteModel, { entry, sheet, read }: SheetRead, other: OtherSemester): void {
  const list = (model.otherSemester ??= []);
  const at = { sheet: sheet.name, cell: read.title ? a1(read.title.row, read.title.col) : 'A1', form: entry.layout.attachment };
  addLocation(model.locations, `otherSemester[${list.length}]`, { ...at, row: null });
  list.push({ ...at, ...other });
}

/** Every form of another semester than 基本信息's: its 学期 cell is listed (`otherSemester[0]`), as the sheets of another semester are. */
function noteSiteSemester(model: SiteModel, semester: string): void {
  const at = model.locations['site.semester'];
  if (!at) return;
  addLocation(model.locations, 'otherSemester[0]', { ...at });
  model.otherSemester = [{ sheet: at.sheet, cell: at.cell, form: 0, semester, by: 'site' }];
}

/** Binds a sheet's record into the model; returns the path of its table's rows (`vaultLog`, `distributions[1].rows`). */
function bind(model: SiteModel, entry: FormEntry, sheet: SheetGrid, read: FormRead, record: FormRecord): string {
  const data = model.data as Record<string, unknown>;
  const table = rowsKey(entry.layout);
  let prefix: string;
  let rowOffset = 0;
  if (entry.binding === 'many') {
    const list = (data[entry.key] as FormRecord[] | undefined) ?? [];
    prefix = `${entry.key}[${list.length}]`;
    list.push(record);
    data[entry.key] = list;
  } else if (entry.binding === 'rows') {
    const list = (data[entry.key] as FormRecord[] | undefined) ?? [];
    rowOffset = list.length;
    prefix = entry.key;
    // Not push(...rows): a table of some 125,000 rows or more overflows the call stack as arguments.
    for (const row of (record.rows as FormRecord[]) ?? []) list.push(row);
    data[entry.key] = list;
  } else if (data[entry.key] && entry.binding === 'lists' && ownsList(record, table, entry.layout.table?.total?.key)) {
    // Another 附件2 with its own 入库时间, keeper or description: the list of another delivery.
    prefix = addList(model, entry.key, record);
  } else if (data[entry.key]) {
    // A second sheet of a one-per-workbook form: its rows continue the last one's table.
    const existing = data[entry.key] as FormRecord | FormRecord[];
    const first = Array.isArray(existing) ? existing[existing.length - 1] : existing;
    prefix = Array.isArray(existing) ? `${entry.key}[${existing.length - 1}]` : entry.key;
    if (table) {
      const rows = (first[table] as FormRecord[] | undefined) ?? [];
      rowOffset = rows.length;
      first[table] = [...rows, ...((record[table] as FormRecord[]) ?? [])];
    }
    for (const [k, v] of Object.entries(record)) if (k !== table && first[k] === undefined) first[k] = v;
  } else {
    prefix = entry.key;
    data[entry.key] = record;
  }
  bindLocations(model, entry, sheet, read, prefix, rowOffset);
  const rowsAt = rowsAtOf(entry, prefix);
  noteRowCells(model, read, rowsAt, rowOffset);
  noteStruck(model, sheet, read, entry.layout.attachment);
  if (read.closedAbove) noteClosedAbove(model, sheet.name, read.closedAbove, entry.layout.attachment);
  noteUnclearHeadings(model, sheet.name, read, entry.layout.attachment);
  if (read.partTotals) notePartTotals(model, sheet.name, read.partTotals, entry.layout, rowsAt, rowOffset);
  return rowsAt;
}

/** A table row of a `rows` form is the model's array itself: vaultLog[3]; otherwise intake.items[3]. */
const rowsAtOf = (entry: FormEntry, prefix: string): string => (entry.binding === 'rows' ? prefix : `${prefix}.${rowsKey(entry.layout)}`);

/** Where each value of the sheet sits: fields one by one, the table and each run of block cells as one compact table. */
function bindLocations(model: SiteModel, entry: FormEntry, sheet: SheetGrid, read: FormRead, prefix: string, rowOffset: number): void {
  const fieldPaths = entry.layout.adapt?.fieldPaths ?? {};
  const form = entry.layout.attachment;
  // Blocks print no 序号: a shift is known by its place in the whole record, across its pages.
  const rowsAt = rowsAtOf(entry, prefix);
  const numbered = !!entry.layout.blocks;
  const tableOf = (cells: TableLocations['cells']): TableLocations => ({ rowsAt, offset: rowOffset, sheet: sheet.name, form, numbered, cells });
  const cells = read.locations;
  const gridAt = read.table && read.table.grid.rows.length > 0 ? read.table.at : -1;
  // In the reader's order: the map lists its keys in that order.
  for (let i = 0; i <= cells.length;) {
    if (i === gridAt) addTableLocations(model.locations, tableOf(read.table!.grid));
    if (i === cells.length) break;
    const loc = cells[i];
    if (loc.item !== undefined) {
      let end = i + 1;
      while (end < cells.length && cells[end].item !== undefined && end !== gridAt) end++;
      addTableLocations(model.locations, tableOf(i === 0 && end === cells.length ? cells : cells.slice(i, end)));
      i = end;
      continue;
    }
    const path = fieldPaths[loc.path] ?? loc.path;
    addLocation(model.locations, path === '' ? prefix : `${prefix}.${path}`, { sheet: sheet.name, cell: a1(loc.row, loc.col), form, row: loc.seq });
    i++;
  }
}

/**
 * A column the form cannot do without (ColumnSpec.needed) that the sheet's
 * table header lacks (FormRead.lacking): its header path (`staff.formalStaff`,
 * `vaultLog.returnedAt`, `distributions[1].rows.collector`) is located at the
 * header's first cell, so that the rule needing it says so once, there; its
 * rows' cells have no location of their own.
 */
function locateMissingColumns(model: SiteModel, entry: FormEntry, sheet: SheetGrid, read: FormRead, rowsAt: string): void {
  if (!read.lacking) return;
  const { keys, row, col } = read.lacking;
  for (const key of keys) addLocation(model.locations, `${rowsAt}.${key}`, { sheet: sheet.name, cell: a1(row, col), form: entry.layout.attachment, row: null });
}

/** A sheet that is a list of its own, not a continuation: it has fields besides its table and 合计. */
function ownsList(record: FormRecord, table: string | undefined, totalKey: string | undefined): boolean {
  return Object.entries(record).some(([k, v]) => k !== table && k !== totalKey && v !== undefined && v !== '');
}

/** Adds a list to a `lists` form: the first one becomes `key[0]` (its locations renamed), the new one `key[n]`. */
function addList(model: SiteModel, key: string, record: FormRecord): string {
  const data = model.data as Record<string, unknown>;
  const existing = data[key] as FormRecord | FormRecord[];
  if (!Array.isArray(existing)) {
    data[key] = [existing];
    renameToFirst(model.locations, key);
    renameNotedPaths(model, key);
  }
  const lists = data[key] as FormRecord[];
  lists.push(record);
  return `${key}[${lists.length - 1}]`;
}

/**
 * The handover title carries its semester ("2024春学期国家开放大学纸质试卷交接单");
 * the title prints 学期 once, so a semester that itself ends in 学期 is matched
 * against 基本信息's. Asked of its own region (forms on one sheet: review 18a fr01).
 */
function tidyHandoverSemesters(model: SiteModel, recognised: ReturnType<typeof recogniseSheets>): void {
  const siteSemester = model.data.site?.semester;
  model.data.handovers?.forEach((handover, i) => {
    const loc = model.locations[`handovers[${i}]`];
    const entry = loc && recognised.find((r) => r.sheet.name === loc.sheet && r.entry?.layout.id === 'handover' && textAt(r.sheet, loc.cell) !== '');
    if (!entry) return;
    const title = textAt(entry.sheet, loc.cell);
    const m = /^(.*?)学期\s*国家开放大学纸质试卷交接单/.exec(title.replace(/\s+/g, ' ').trim());
    const prefix = m?.[1].replace(/[_＿\s]/g, '');
    if (!prefix) return;
    handover.semester = siteSemester && siteSemester.replace(/学期$/, '') === prefix ? siteSemester : prefix;
    model.locations[`handovers[${i}].semester`] = loc;
  });
}

/** The text typed in a cell, '' for none. */
function textAt(sheet: SheetGrid, cell: string): string {
  const at = parseA1(cell);
  const v = at ? cellAt(sheet, at.row, at.col) : null;
  return typeof v === 'string' && v.trim() !== '' ? v : '';
}

/** How refusing a workbook read but not ours (empty, no form in it) begins: never 无法读取 (check/refusal.ts notCustody). */
export const NOT_CUSTODY = { zh: '不是试卷保密表单：', en: 'not a custody workbook: ' } as const;

/** Why a workbook cannot be checked at all, in one line a person can act on. */
class UncheckableWorkbook extends Error {
  /** `en`: the same refusal in English, for the faces' English switch (--lang en, the pane). */
  constructor(
    message: string,
    readonly en: string,
  ) {
    super(message);
    this.name = 'UncheckableWorkbook';
  }
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function refuseEmpty(grid: WorkbookGrid): void {
  if (grid.sheets.every((s) => s.rows.every((r) => !r || r.every(isBlank))))
    throw new UncheckableWorkbook(
      `${NOT_CUSTODY.zh}工作簿是空的，没有任何内容可检查，请确认选对了文件`,
      `${NOT_CUSTODY.en}the workbook is empty, there is nothing to check; check that it is the right file`,
    );
}

/**
 * Throws UncheckableWorkbook for a workbook read as `model` that holds none of the forms (an empty one said so); a
 * form whose header is gone is not refused here (extract prints what could be read).
 */
export function refuseFormless(grid: WorkbookGrid, model: SiteModel): void {
  if (model.sheets.every((s) => s.form === null)) {
    refuseEmpty(grid);
    throw new UncheckableWorkbook(
      `${NOT_CUSTODY.zh}工作簿里找不到任何一张试卷保密表单（附件1–5、基本信息、考试安排、涉卷人员），请确认选对了文件`,
      `${NOT_CUSTODY.en}none of the custody forms (Forms 1–5, site information, exam schedule, staff) is in this workbook; check that it is the right file`,
    );
  }
}

/**
 * The site model of a workbook that can be checked; otherwise throws
 * UncheckableWorkbook: an empty workbook, or one with none of the forms. A form
 * whose rows cannot be read (its header row gone) is said at its sheet by
 * required-field, the rest checked (review 17b D2). The CLI and the task pane refuse alike.
 */
export function readCheckableWorkbook(grid: WorkbookGrid): SiteModel {
  const model = readWorkbook(grid);
  refuseFormless(grid, model);
  return model;
}
