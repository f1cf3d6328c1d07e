/**
 * A site workbook as the readers give it to the rules and summaries: the data
 * model, where each value sits, and which sheet holds which form.
 */
import type { FormNumber, LocationMap } from './location';
import type { SiteData } from './types';
import type { VaultPeople } from './vault-signers';
import type { PaperNames } from './item-papers';
import type { PackedCopyFields } from './packed-fields';

/** The forms a sheet can be: the three workbook-wide sheets and 附件1–5. */
export type FormId = 'site' | 'schedule' | 'staff' | 'handover' | 'intake' | 'vaultLog' | 'distribution' | 'duty';

/** A form on a sheet whose rows could not be read: the labels they are found by (a header row's, or 附件5's 值班时间). */
interface UnreadRows {
  sheet: string;
  form: FormId;
  /** The first labels of its header row; for blocks (附件5), the label each block starts with. */
  labels: string[];
  /** The form prints blocks, not a table: it has no header row to restore. */
  blocks: boolean;
  /**
   * Where the sheet holds the form more than once (forms/repeated.ts): which copy this is (1, 2, …) and its title's
   * cell. The other copies on the sheet were read.
   */
  copy?: { number: number; cell: string };
}

/**
 * Formula cells of one sheet with no value here: `unknown`, not known to the evaluator (VLOOKUP: Excel or WPS works it
 * out on opening); `cycle`, referring to itself (through others).
 */
interface UnsolvedFormulas {
  sheet: string;
  why: 'unknown' | 'cycle';
  /** A1 addresses, in reading order. */
  cells: string[];
}

/**
 * Where a form stands on a sheet holding more than one (forms/form-regions.ts): from row `from` (0-based) to before
 * row `to` (to the sheet's end without it), or columns when the forms stand side by side (`across`).
 */
export interface FormSpan {
  from: number;
  to?: number;
  across: boolean;
  /** Side by side within these rows alone (a band of forms beside each other, with others above or below). */
  rows?: { from: number; to?: number };
}

/** A sheet read (a form, or none), or a form's region of a sheet holding several (`span`). */
export interface SheetForm {
  sheet: string;
  form: FormId | null;
  span?: FormSpan;
}

/** A site workbook as read: the data, where each value sits, and which sheet is which form. */
export interface SiteModel {
  data: SiteData;
  locations: LocationMap;
  /** In reading order; a sheet holding several forms once for each, with its span. */
  sheets: SheetForm[];
  /**
   * Forms whose rows could not be read (a table's header row not found; 附件5 without its 值班时间 labels), by sheet:
   * the rest of the workbook is checked all the same (review 17b D2); `unreadRows[i]` is located at the form's title
   * (or the sheet's A1), for required-field to say it there, with the labels its rows are found by.
   */
  unreadRows?: UnreadRows[];
  /** Cells read as another cell's value: a ditto mark (同上, 〃) in a paper's cell, read as the row above's. */
  carried?: CarriedCell[];
  /** 试卷号 cells writing a short number after the paper (“2207 2”): read as the paper, the cell kept to be said (unknown-paper). */
  codeStrays?: CodeStray[];
  /** 试卷号 cells writing papers parted by a space or a line break (“2207 2208”): read as “2207、2208”, kept to be judged (paper-rows.ts spacedUnread). */
  codeSpaced?: CodeSpaced[];
  /**
   * Day headings written “6.21” whose day cannot be told (forms/day-headings.ts): no record, no day for the rows below;
   * `unclearHeadings[i]` is located at its cell, for invalid-datetime to say so.
   */
  unclearHeadings?: UnclearHeading[];
  /**
   * Sheets that name, or whose dates fall in, another semester than 基本信息's
   * (forms/other-semester.ts); `otherSemester[i]` is located at the sheet's title.
   * Left out of `data`, unless `kept`: its title names another but all its dates fall in this one.
   */
  otherSemester?: OtherSemesterSheet[];
  /**
   * Table rows struck out with 作废 in their 备注, or struck through (forms/voided.ts): left out of `data`;
   * `voided[i]` is located at the row's 备注 cell (a table with none: the 序号 cell or the cell beside the row that
   * says 作废; a row struck through: its first struck cell), for voided-row
   * to ask once that it be deleted.
   */
  voided?: VoidedRow[];
  /** Cells corrected in place, the old text struck through (forms/struck-text.ts): `struckText[i]` at the cell, for struck-text. */
  struckText?: Array<{ sheet: string; cell: string; struck: string; read: string }>;
  /**
   * Tables closed by 以下空白 (以下无, 完 …) with rows filled in below it (forms/read-table.ts): those rows are read
   * as the table's; `rowsAfterClosing[i]` is located at the closing word's cell, for rows-after-closing to say so once.
   */
  rowsAfterClosing?: RowsAfterClosing[];
  /** Totals of part of a table (小计, 本页合计, a 合计 with rows below it: forms/part-totals.ts), each figure located at `partTotals[i].KEY`. */
  partTotals?: PartTotal[];
  /**
   * Sheets the workbook hides that are taken for a form (forms/hidden-sheets.ts): not read when a shown sheet
   * holds the same form, read when none does; `hiddenSheets[i]` is located at the sheet's A1, for hidden-sheet to say so once.
   */
  hiddenSheets?: HiddenSheet[];
  /**
   * Rows the workbook hides, by sheet (1-based row numbers, as a cell's address writes them): a finding on one says so.
   */
  hiddenRows?: Record<string, number[]>;
  /**
   * Of those, the rows hidden inside the sheet's autoFilter range (under its header row), by sheet: filtered out,
   * which 取消隐藏 does not show; a finding on one speaks of the filter.
   */
  filteredRows?: Record<string, number[]>;
  /** The sheets whose autoFilter the reader could not ask for (SheetGrid.filterUnknown): a hidden row there may be filtered out. */
  filterUnknown?: string[];
  /**
   * The fields asking for a time of day (forms/time-shown.ts) read from a cell holding a date-time its format shows as
   * a day alone (`yyyy/m/d` over 09:45: model/grid.ts HiddenTimeDate): read with their time, printed without it
   * (review 13a D2), for time-not-shown to say so. Absent: none.
   */
  timeNotShown?: string[];
  /**
   * The fields asking for a time of day read from a cell holding a date-time its format shows as a number (常规 /
   * General over 2024-06-15 09:45 prints 45458.40625: model/grid.ts SerialShownDate): read as the date-time, printed
   * as its serial, for time-not-shown to say so. Absent: none.
   */
  serialShown?: string[];
  /**
   * The fields asking for a date and its time of day read from a cell holding a date-time its format shows the time of
   * alone (`h:mm`, `[h]:mm` over 2024-06-15 09:45 prints 9:45: model/grid.ts ClockShownDate): read with their date,
   * printed without it (review 17a N1), for time-not-shown to say so. Not 附件4's rows (their day is the header's 日期),
   * nor a time whose date has a column of its own (取卷日期 | 取卷时间). Absent: none.
   */
  dateNotShown?: string[];
  /**
   * The paths of fields that ask for a day alone (附件4's 日期, 考试安排's 考试日期) read from a cell holding a whole
   * date serial under 常规 / General or a number format (45458): read as that day, printed as the number, for
   * time-not-shown to say so. Absent: none.
   */
  dayShownAsNumber?: string[];
  /**
   * Fields asking for a date and its time of day read from a cell holding a whole date serial under 常规 (45459): read
   * as that day with no time (invalid-datetime's), shown and printed as the number; by path, the number. Absent: none.
   */
  timeShownAsNumber?: Record<string, number>;
  /**
   * Cells a form read whose formula was saved without its value and cannot be worked out here (forms/unsolved.ts): by
   * sheet and why, in reading order; `unsolvedFormulas[i]` is located at its first cell, for formula-not-saved and
   * formula-cycle to say each group once, and no other check calls such a cell empty (rules/engine.ts). Absent: none.
   */
  unsolvedFormulas?: UnsolvedFormulas[];
  /**
   * 报考人数 that a copy of 考试安排 (the sheet copied, not read: forms/schedule-copies.ts) writes otherwise than
   * the first; `scheduleCopy[i]` is located at the copy's cell.
   */
  scheduleCopies?: ScheduleCopyNote[];
  /**
   * Rows of a table form's second copy on one sheet (the form pasted twice: forms/sheet-copies.ts, not read)
   * that differ from the first copy's, or are only in one of them; `sheetCopy[i]` is located at the copy's first
   * differing cell, or at the row only in one copy.
   */
  sheetCopies?: SheetCopyNote[];
  /**
   * A slim model's (check/service.ts) digest of its vault log and roster for
   * the checks across workbooks (model/vault-signers.ts); a full model has
   * none, and it is worked out from `data`.
   */
  vaultPeople?: VaultPeople;
  /**
   * A slim model's digest of its full data (model/repeated-unit.ts `contentDigest`), to tell a
   * re-saved copy of a unit's workbook from another version of it; a full model has none.
   */
  contentDigest?: string;
  /**
   * A slim model's papers by the names its handover items write (model/item-papers.ts `handoverPaperNames`, from its
   * 考试安排), for the comparison of a handover's two copies; a full model has none, and it is worked out from `data`.
   */
  paperNames?: PaperNames;
  /**
   * A slim model's handover copies' compared fields (model/pairing.ts `copyFields`, packed: `packCopyFields`) by
   * handover index, null for a handover left empty: worked out in the thread that read the workbook, where the
   * consolidated summary's copies take them too, not again by the checks across workbooks; a full model has none.
   */
  copyFields?: Array<PackedCopyFields | null>;
}

/**
 * A sheet of another semester: the semester as its title writes it (without
 * 学期), known by its title or, with none there, by its dates (the first of
 * them); or (`site`) 基本信息's 学期 cell, when every form is of that one other semester.
 */
export interface OtherSemesterSheet {
  sheet: string;
  cell: string;
  form: FormNumber;
  semester: string;
  by: 'title' | 'dates' | 'site';
  first?: string;
  /** Judged with this semester: its title names another, but its dates (from `first`) are all this semester's. */
  kept?: boolean;
}

/** A hidden sheet taken for a form: where it is, which form, and whether it was read (no shown sheet holds that form). */
export interface HiddenSheet {
  sheet: string;
  cell: string;
  form: FormNumber;
  formId: FormId;
  read: boolean;
}

/** A closing word with rows under it: the word as typed, its row, and the rows filled in below it (1-based, as a cell's address writes them). */
interface RowsAfterClosing {
  word: string;
  row: number;
  rows: number[];
  /** The rows' 序号 (a row without one: its place in the table). */
  seqs: number[];
}

/**
 * A total of part of a table: the rows it covers are `rowsAt[from]` up to (not with) `rowsAt[to]` — or, summed from
 * `start` (its sheet's first row) or from the list's first, 累计's running total; its figures by the total's column keys.
 */
export interface PartTotal {
  rowsAt: string;
  word: string;
  from: number;
  to: number;
  start: number;
  values: Record<string, unknown>;
  /** A 合计 at the foot of a table with no 合计 row of its own (附件3): over every row above it, said as a 合计 is. */
  foot?: true;
  /** The rows' time whose day a day's 小计 (6月15日小计, 本日小计) covers: 附件3's 取卷时间 (forms' TableSpec.partTotals). */
  day?: string;
  /**
   * The first row (index in `rowsAt`) under the last day's heading above it on its sheet (6月21日, 第二天: forms/day-headings.ts):
   * a day's 小计 (本日小计, 第二天小计, a 小计 after the heading) covers the rows from it. Absent: no heading above.
   */
  dayFrom?: number;
}

/** A struck-out table row: its sheet and the 备注 cell that says 作废. */
interface VoidedRow {
  sheet: string;
  cell: string;
  /** Struck through (a strikethrough font on every filled cell: forms/voided.ts), not marked 作废. */
  struck?: true;
  /** Struck through on a table with no 备注 column (附件3): 作废 to keep it on record goes beside the row. */
  noNoteColumn?: true;
}

/** A table cell holding a ditto mark: its path (`vaultLog[3].paperName`), the mark as typed, the value read for it (none when no row is above). */
/** A 试卷号 cell read as its paper with a stray number after it: its path (`vaultLog[3].paperNo`), as typed, the paper, the stray. */
/** A day heading whose day cannot be told: as typed, the days it may be (YYYY-MM-DD), the exam's days where 考试安排 gives them. */
interface UnclearHeading {
  typed: string;
  days: string[];
  span?: { from: string; to: string };
}

/** A 试卷号 cell writing papers parted by white space: its path, as typed (a line break as a space), its papers, whether a line break parts them. */
interface CodeSpaced {
  path: string;
  typed: string;
  papers: readonly string[];
  lineBreak: boolean;
}

interface CodeStray {
  path: string;
  typed: string;
  paper: string;
  stray: string;
}

export interface CarriedCell {
  path: string;
  typed: string;
  value?: unknown;
}

/** A session's 报考人数 on a copy of 考试安排, as written there and on the first 考试安排 (its sheet and cell). */
export interface ScheduleCopyNote {
  paper: string;
  value: string;
  firstSheet: string;
  firstCell: string;
  firstValue: string;
}

/** A row of a form's second copy on one sheet that differs from the first copy's: each differing cell, both copies' cells and values. */
export interface SheetCopyNote {
  /** The form's model key (`vaultLog`, `staff`, `schedule`). */
  form: string;
  sheet: string;
  /** Where the second copy begins (its title's cell). */
  copyCell: string;
  /** The sheet of the first copy, when the second is a sheet of its own (Excel's 移动或复制 → 建立副本: “出入库记录 (2)”). */
  firstSheet?: string;
  /**
   * A row only in the copy (located at it), or only in the first (located at the first's row); a sheet the same as the
   * first's throughout (located at its title); none: a row that differs.
   */
  kind?: 'extraRow' | 'missingRow' | 'sameSheet';
  /** Each differing cell, both copies' cells and values ('' a blank cell). */
  diffs: Array<{ field: string; cell: string; value: string; firstCell: string; firstValue: string }>;
  /** A row only in one copy: its first filled cells, as a message names the row. */
  cells?: Array<{ field: string; value: string }>;
  /** A row only in the copy that is another of its rows typed again: that row's 序号. */
  sameAs?: number;
}

/**
 * The cells (sheet!A1) whose formula has no value here (model.unsolvedFormulas): read as empty, but not blank — the
 * officer sees a value or a circular-reference warning — so no check may call them empty or judge them (review 18a D3).
 */
export function unsolvedCells(model: Pick<SiteModel, 'unsolvedFormulas'>): Set<string> | undefined {
  if (!model.unsolvedFormulas?.length) return undefined;
  return new Set(model.unsolvedFormulas.flatMap(({ sheet, cells }) => cells.map((cell) => `${sheet}!${cell}`)));
}
