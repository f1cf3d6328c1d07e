/**
 * Different forms kept on one sheet (review 17b D1): 基本信息 over 考试安排, 交接单 over 入库清单, every form on Sheet1
 * one under the other, or 附件2 in A–H with 附件3 from J beside it. A sheet was read as the one form it is most like,
 * the others “not filled in” and their mistakes missed. Where the titles of two or more forms stand on a sheet, each
 * form is read from its own region: from its title (with its 附件N caption just above) to the next title of another
 * form — rows when they stand one under the other, columns when side by side — the rest of the sheet emptied, so
 * that every value keeps its real cell. Copies of one form in a region are repeated.ts's. Both at once (附件2 beside
 * 附件3, 附件5 under both): cut by rows first, then the band of forms side by side by columns within its rows.
 *
 * A title heads a region only where its form follows in that region — its table's header, or (a form without a
 * table) one of its labels — as repeated.ts asks each copy for its header (review 18a D4): a row holding only
 * “6月15日下午考试安排” (a session separator) or “考试安排” inside a vault log is a note in the log, and cut it in two.
 */
import type { SheetGrid } from '../model/grid';
import type { FormSpan } from '../model/site-model';
import { FORMS, FormEntry } from './index';
import { cheapScore } from './read';
import { partOf, titlesOn } from './repeated';
import type { SheetIndex } from './sheet-index';
import { tableScore } from './table-header';

/** Titles this many rows apart or fewer stand side by side. */
const SAME_ROW = 2;
/** A cell's place as one number (row × COLUMNS + column): a sheet has no more columns than Excel's 16,384. */
const COLUMNS = 16_384;
/** The caption printed above a form's title (附件3). */
const CAPTION = /^\s*附件\s*\d+\s*$/;
/**
 * More forms in turn than this on one sheet (a 目录 of titles, every cell a form's name) is no sheet of forms a person
 * keeps: it is read whole, and no region is made and indexed for each title (review 18a D8: 4,000 regions, 740 MB).
 */
const MAX_REGIONS = 200;

interface TitleAt {
  entry: FormEntry;
  row: number;
  col: number;
}

/** A region of the sheet: its part, and the index the readers look it up by (made here, where it was asked already). */
export interface Region {
  sheet: SheetGrid;
  index: SheetIndex;
  /** Where on its sheet the region is, when the sheet holds more than one form (model/site-model.ts FormSpan). */
  span?: FormSpan;
}

/** Where a run of one form's titles begins (row, or column when side by side), and its form. */
interface Run {
  entry: FormEntry;
  start: number;
  /** A band of different forms' titles side by side among forms stacked: its region is split by columns in turn. */
  band?: TitleAt[];
}

/**
 * The regions of a sheet holding two or more different forms, in reading order; the sheet alone when it holds one.
 * `indexOf` indexes a region as the readers do.
 */
export function formRegions(sheet: SheetGrid, indexOf: (part: SheetGrid) => SheetIndex): Region[] {
  // Indexed first: its one pass notes the titles, and a sheet of one form (most) is read by this index.
  const index = indexOf(sheet);
  const whole = () => [{ sheet, index }];
  const found: TitleAt[] = titlesOn(index, FORMS);
  if (new Set(found.map((t) => t.entry)).size < 2) return whole();
  // A title heads a form on a row of its own (or beside another form's title): 出入库记录 in a list's 工作表 column,
  // a 备注 naming 考试安排, a table cell, stand among other values and start no region.
  const alone = titleRows(sheet, found);
  const titles = found.filter((t) => alone.has(t.row));
  if (new Set(titles.map((t) => t.entry)).size < 2) return whole();
  const bands = rowBands(titles);
  // A region that is the whole sheet (the last run kept asked there) is looked up by its index, not indexed again.
  const indexed = (part: SheetGrid): SheetIndex => (part === sheet ? index : indexOf(part));
  const regions = bands.length === 1 ? regionsOf(sheet, runsAcross(titles), true, indexed) : regionsOf(sheet, runsDown(sheet, bands), false, indexed);
  return regions ?? whole();
}

/**
 * Titles within SAME_ROW rows of a band's first, each in a column of its own, stand side by side in it; the next title
 * below (or one under another in the band's column) begins the next band.
 */
function rowBands(titles: readonly TitleAt[]): TitleAt[][] {
  const bands: TitleAt[][] = [];
  for (const t of [...titles].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const band = bands[bands.length - 1];
    if (band && t.row - band[0].row <= SAME_ROW && band.every((b) => b.col !== t.col)) band.push(t);
    else bands.push([t]);
  }
  return bands;
}

/** Side by side, left to right. Titles of one form in turn are copies of it (repeated.ts): one run, one region. */
function runsAcross(titles: readonly TitleAt[]): Run[] {
  const runs: Run[] = [];
  for (const t of [...titles].sort((a, b) => a.col - b.col || a.row - b.row)) {
    if (runs.length === 0 || runs[runs.length - 1].entry !== t.entry) runs.push({ entry: t.entry, start: t.col });
  }
  return runs;
}

/**
 * One under the other, a band at a time (with its 附件N caption just above); a band of different forms side by side
 * (附件2 beside 附件3, with 附件5 under both) is a run of its own, split by columns once its rows are known.
 */
function runsDown(sheet: SheetGrid, bands: readonly TitleAt[][]): Run[] {
  const runs: Run[] = [];
  for (const band of bands) {
    const left = [...band].sort((a, b) => a.col - b.col);
    const mixed = new Set(band.map((t) => t.entry)).size > 1;
    const start = band[0].row - (captionAbove(sheet, band[0].row) ? 1 : 0);
    const last = runs[runs.length - 1];
    if (!mixed && last && !last.band && last.entry === left[0].entry) continue;
    runs.push({ entry: left[0].entry, start, ...(mixed ? { band } : {}) });
  }
  return runs;
}

/** The regions of `runs` (null: the sheet is read whole), each with its span; a band's region split by columns. */
function regionsOf(sheet: SheetGrid, runs: readonly Run[], across: boolean, indexOf: (part: SheetGrid) => SheetIndex): Region[] | null {
  if (runs.length > MAX_REGIONS) return null;
  const kept = keptRuns(sheet, runs, across, indexOf);
  const forms = new Set(kept.flatMap((k) => (k.run.band ?? [k.run]).map((t) => t.entry)));
  if (forms.size < 2) return kept.length === 1 && kept[0].region.sheet === sheet ? [kept[0].region] : null;
  // The first region from the sheet's start: what stands above or left of the first title is its.
  return kept.flatMap((k, i) => {
    const from = i === 0 ? 0 : k.run.start;
    const to = i + 1 < kept.length ? kept[i + 1].run.start : Number.MAX_SAFE_INTEGER;
    const span: FormSpan = { from, ...(i + 1 < kept.length ? { to } : {}), across };
    const region = k.from === from && k.to === to ? { ...k.region, span } : regionOf(sheet, from, to, across, span, indexOf);
    const split = k.run.band && regionsOf(region.sheet, runsAcross(k.run.band), true, indexOf);
    if (!split) return [region];
    const rows = { from: span.from, ...(span.to === undefined ? {} : { to: span.to }) };
    return split.map((r) => ({ ...r, span: { ...r.span!, rows } }));
  });
}

function regionOf(sheet: SheetGrid, from: number, to: number, across: boolean, span: FormSpan, indexOf: (part: SheetGrid) => SheetIndex): Region {
  const part = withHidden(sheet, partOf(sheet, from, to, across));
  return { sheet: part, index: indexOf(part), span };
}

/**
 * The runs whose form follows their title, from the last up: each asked on its region — up to the next run kept
 * (a run not kept is part of the region above it), the first from the sheet's start. A run of the form of the next
 * run kept heads one region with it. With the region each was asked on, reused when it is the region read.
 */
function keptRuns(
  sheet: SheetGrid,
  runs: readonly Run[],
  across: boolean,
  indexOf: (part: SheetGrid) => SheetIndex,
): Array<{ run: Run; region: Region; from: number; to: number }> {
  const kept: Array<{ run: Run; region: Region; from: number; to: number }> = [];
  let to = Number.MAX_SAFE_INTEGER;
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    const from = i === 0 ? 0 : run.start;
    // Two titles of different forms on one row (stacked): one region, read as the form it is most like.
    if (from >= to) continue;
    // The first run asked on the whole sheet (no other kept): the sheet itself, as read when it is one form.
    const part = from === 0 && to === Number.MAX_SAFE_INTEGER ? sheet : withHidden(sheet, partOf(sheet, from, to, across));
    const index = indexOf(part);
    if (!followsTitle(index, run.entry)) continue;
    if (kept.length > 0 && kept[0].run.entry === run.entry && !kept[0].run.band && !run.band) kept.shift();
    kept.unshift({ run, region: { sheet: part, index }, from, to });
    to = run.start;
  }
  return kept;
}

/** The form stands in the region under its title: its table's header, or (a form without a table) one of its labels. */
function followsTitle(index: SheetIndex, entry: FormEntry): boolean {
  if (tableScore(index, entry.layout) > 0) return true;
  return !entry.layout.table && cheapScore(index, entry.layout).fields > 0;
}

/**
 * The rows on which every filled cell is a form's title (found) or a 附件N caption. Each found title's row is
 * gone through once, its cells looked up in a set: a 50,000-row log whose 备注 says 按考试安排领取 on every row
 * compared each cell with every note found (review 18a D8).
 */
function titleRows(sheet: SheetGrid, found: readonly TitleAt[]): Set<number> {
  const titleCells = new Set<number>();
  for (const t of found) titleCells.add(t.row * COLUMNS + t.col);
  const rows = new Set<number>();
  for (const row of new Set(found.map((t) => t.row))) {
    const cells = sheet.rows[row] ?? [];
    let alone = true;
    for (let col = 0; col < cells.length && alone; col++) {
      const v = cells[col];
      alone = v === null || v === undefined || v === '' || titleCells.has(row * COLUMNS + col) || (typeof v === 'string' && CAPTION.test(v));
    }
    if (alone) rows.add(row);
  }
  return rows;
}

/** The row above a title holds its 附件N caption alone. */
function captionAbove(sheet: SheetGrid, row: number): boolean {
  const cells = (sheet.rows[row - 1] ?? []).filter((v) => v !== null && v !== undefined && v !== '');
  return cells.length > 0 && cells.every((v) => typeof v === 'string' && CAPTION.test(v));
}

/** A region keeps what the sheet says of itself: its state, hidden rows and columns, struck cells, filter. */
function withHidden(sheet: SheetGrid, part: SheetGrid): SheetGrid {
  const { rows: _rows, merges: _merges, formulas: _formulas, ...rest } = sheet;
  return { ...rest, ...part };
}
