/**
 * The one table-driven mechanism behind all forms: a form's layout (title,
 * labelled fields, a table with its columns, 合计 row, signature lines, 备注)
 * is declared once, in its own file under src/forms/, and this module both
 * draws it as a sheet and reads it back from a grid however people typed it.
 */
import type { FormNumber } from '../model/location';
import type { YesNoWords } from '../model/text';
import type { FormId } from '../model/site-model';

type FieldType =
  /** Free text. */
  | 'text'
  /** A date-time: written as a real Excel date, read from every common Chinese form. */
  | 'datetime'
  /** A date without a time (附件4's session 日期). */
  | 'date'
  /** A whole number of bags, copies, candidates. */
  | 'count'
  /** One or more names, written "张三、李四", read split on 、，/ and spaces. */
  | 'signers'
  /** One value from `options`, offered as a drop-down list. */
  | 'enum'
  /** 是/否. */
  | 'bool'
  /** Several values from `options`, written "主考、考务人员". */
  | 'multi';

export interface FieldSpec {
  /** The model's field name (docs/领域说明.md). */
  key: string;
  /** The label as printed on the form. */
  label: string;
  /** Other labels people use for it, matched as well as `label`. */
  aliases?: readonly string[];
  type: FieldType;
  options?: readonly string[];
  /**
   * Other ways people write an option, as compared (half-width, no spaces): read
   * as that option, and a value, never another field's label (分校（学院） typed in
   * 单位级别 is the level 分校, not the label of 分校（学院）).
   */
  words?: ReadonlyMap<string, string>;
  /** An input prompt shown by Excel when the cell is selected. */
  prompt?: string;
  /** Tall value cell (a description, an opinion). */
  lines?: number;
  /** An identifier (试卷号, 考场号): read with full-width letters and digits made half-width. */
  code?: boolean;
  /** A 试卷号 column of a form where one cell may write several papers (附件1–4, not 考试安排): “2207 2208” read as 2207、2208. */
  severalPapers?: boolean;
  /**
   * A 是/否 column's own words (涉卷人员's 在编, 已签字, 无亲属), read beside the
   * common 是/否. Such a column keeps what it cannot read as typed, so that the
   * checks say “写的是…，读不出是或否” at its cell rather than 没有填写.
   */
  yesNo?: YesNoWords;
  /** A date-time column whose `次日8时`/`当日20时` counts from this column of the same row (值班时间止 from 起). */
  relativeTo?: string;
  /** A count's unit, which people write after it ("90分钟" in 最早领卷（开考前分钟）): read as the number. */
  units?: readonly string[];
  /** Excel number format for a date-time column (附件4 shows times only). */
  numFmt?: string;
  /** What the empty form prints where the value goes, as the source does: "    年  月  日  时  分". */
  blank?: string;
  /** The label this form prints, where it differs from `label` (附件1 prints 移交单位 as 移交单位及意见). */
  printAs?: string;
  /** The value stands under its label, in an area (附件1's opinions); looked for there first. */
  under?: boolean;
  /** Printed without a colon (the 至 of 附件5's 值班时间). */
  bare?: boolean;
  /** A date-time written short ("15日8时") continues this field's date (附件5's 至 after 值班时间). */
  after?: string;
}

export interface ColumnSpec extends FieldSpec {
  /** Column width in characters. */
  width: number;
  /**
   * The headers of a date column people keep before this time column (取卷日期 | 取卷时间, review 17b D6): where the
   * header has one, a time of day in this column is read on that column's date, and found at this column's cell.
   */
  dateColumn?: readonly string[];
  /** A parent header spanning several columns on the row above (附件4 试卷发放情况). */
  group?: string;
  /**
   * A two-row header people print with a group word over generic words (出库 over 取卷人 · 时间 · 保管员, review 17b
   * D8): the group words this column may stand under, and the generic words that head it there. Read only together.
   */
  underGroup?: { groups: readonly string[]; words: readonly string[] };
  /** Not on the printed form: kept right of the print area for the reader (附件1's and 附件3's 单位). */
  helper?: boolean;
  /** The row's field whose word prints after the number ("3袋"), the number staying a number. */
  unitFrom?: string;
  /**
   * The form cannot do without this column (涉卷人员's 是/否, 附件3's 还卷时间). A
   * header that lacks it is located once, at the header's first cell
   * (`staff.formalStaff`, `vaultLog.returnedAt`), so that its rule says so there
   * rather than at each row's 序号.
   */
  needed?: boolean;
  /**
   * A ditto mark here (同上, 〃) stands for the value of the row above (a paper's
   * 试卷号 and 试卷名称): read as that value, so that nothing else is misjudged, and
   * kept (FormRead.carried) for its rule to ask that it be written out.
   */
  dittoAbove?: boolean;
  /**
   * Not on the printed form, nor asked for: one of the columns people keep
   * instead of printed ones (考试安排 as the timetable is published, 考试日期 ·
   * 考试时间 “9:00-10:30”, for 开考时间 · 结束时间). Read only where the header has
   * all of them: the row's printed values come from them
   * (TableSpec.fromAlternatives), located at this column's cell.
   */
  standsFor?: readonly string[];
  /**
   * A column people add to a form that prints none (附件1's 试卷号 and 试卷名称 beside its 试卷归属): read where the
   * header has it, never drawn, asked for, nor counted in finding the header or scoring the form.
   */
  beside?: boolean;
}

interface TotalSpec {
  /** Where the 合计 row's values go: `total` (one column) or `totals` (several). */
  key: string;
  columns: readonly string[];
}

export interface TableSpec {
  /** The record's array of rows: `items`, `rows`, `shifts` (a form that is only a table uses `rows`). */
  key: string;
  columns: readonly ColumnSpec[];
  /** Blank numbered rows on the printed form. */
  blankRows: number;
  /** A vertical label to the table's left (附件1 交接明细). */
  sideLabel?: string;
  total?: TotalSpec;
  /**
   * A table with no 合计 row of its own whose counts people total all the same, inside it or at its foot (附件3
   * “6月15日小计”, a 合计 under the log): the columns such a row is checked on (column-total), and the row's time
   * whose day a day's 小计 covers (`day`: 取卷时间). Kept as part totals (part-totals.ts), not in the record.
   */
  partTotals?: { columns: readonly string[]; day?: string };
  /** A column that is the sum of others in the same row (附件2 合计（袋）). */
  rowSum?: { key: string; of: readonly string[] };
  /** A row's printed values worked out from its alternative columns (ColumnSpec.standsFor), where the sheet has those instead. */
  fromAlternatives?: (item: FormRecord) => void;
  /**
   * The row's field a 备注 column holds where people keep one beside a form that prints none (附件3: an approved
   * spare's use noted on its checkout row); read as text, never drawn.
   */
  noteBeside?: string;
}

/** A header or footer line: one or more labelled fields side by side. */
export type FieldLine = readonly FieldSpec[];

/**
 * Outlined boxes side by side, each a stack of fields printed "label：value" in
 * one cell, or a label over an area (附件1's 移交/接收 boxes).
 */
export type BoxRow = ReadonlyArray<readonly FieldSpec[]>;

/**
 * A form whose records are blocks rather than table rows (附件5: a 日间 and a
 * 夜间 block per page, one page per day). Each block has its kind down its left
 * side and its fields as lines; a field with `lines` is an area.
 */
export interface BlockSpec {
  /** The record's array of blocks (`shifts`). */
  key: string;
  /** The field the block's side label holds (`kind`). */
  kindKey: string;
  /** The blocks on each page, in order. */
  kinds: readonly string[];
  /** A vertical label left of all blocks (值班情况记录表). */
  sideLabel?: string;
  lines: readonly FieldLine[];
  /** Width of the kind's column (its label stacked a character a line), in characters. */
  kindWidth: number;
  /** Width of each column right of the kind, in characters. */
  widths: readonly number[];
}

export interface FormLayout {
  id: FormId;
  attachment: FormNumber;
  /** The sheet's default name. */
  sheetName: string;
  /** The caption above the title ("附件1"), if the seed has one. */
  caption?: string;
  /** Title as printed; `{semester}`, `{branch}`, `{school}`, `{examSite}` are filled from the data. */
  title: string;
  /** A line under the title naming the unit, in the same placeholders. */
  subtitle?: string;
  /**
   * The subtitle takes the left of the first header line's row, in this many
   * columns, its fields the rest (附件4 prints the unit and 日期/时间 on one line).
   */
  subtitleColumns?: number;
  /** Recognises the title however it was edited (placeholders filled, spaces changed). */
  titlePattern: RegExp;
  header: readonly FieldLine[];
  table?: TableSpec;
  /** The records as blocks, instead of a table. */
  blocks?: BlockSpec;
  /** A table layout this form had before, still read (附件5's one-row-per-shift grid). */
  formerTable?: TableSpec;
  /** Outlined boxes after the table (附件1). */
  boxes?: BoxRow;
  footer: readonly FieldLine[];
  /** 备注 lines, printed as cell text (templates carry no comments: PLATFORM.md). */
  notes: readonly string[];
  landscape: boolean;
  /**
   * How header and footer lines look: `cells`, a bordered label and value
   * (default); `boxed`, one outlined cell as the source prints "接收单位：…";
   * `plain`, no lines at all (附件4's line above and below its table).
   */
  fieldLines?: 'cells' | 'boxed' | 'plain';
  /** Total width in columns when the table does not set it. */
  columns?: number;
  /** Where the model's record and the printed fields differ (附件4 prints one 日期 and a 时间 range). */
  adapt?: FormAdapter; /**
   * A label people give the unit's own name (单位名称) where the form asks it by the unit's level (基本信息: 考点, 分校,
   * 分部): read into the field its level names, or, the level unread, the one its name ends with — only where that
   * field's own label is not on the sheet (review 17b D3's leftover).
   */
  unitName?: UnitNameSpec;
}

/** UnitNameSpec: the label (as a field, never drawn nor asked for), the field by the unit's level, the field by its name's ending. */
export interface UnitNameSpec {
  field: FieldSpec;
  byLevel: Readonly<Record<string, string>>;
  byEnding: ReadonlyArray<readonly [string, string]>;
}

export type FormRecord = Record<string, unknown>;

export interface FormAdapter {
  /** The model's record → the record as the layout's fields name it. */
  toSheet(record: FormRecord): FormRecord;
  /** The fields as read → the model's record. */
  fromSheet(record: FormRecord): FormRecord;
  /** Printed fields that stand for a model field, for pointing findings at them: 日期 → start. */
  fieldPaths?: Record<string, string>;
  /** The date a table row's bare time ("8:30") belongs to, from the header as read. */
  rowDate?(record: FormRecord): string | undefined;
}

export type { FormId };

/** Every field of a layout, in reading order: header, then boxes and footer. */
export function layoutFields(layout: FormLayout): FieldSpec[] {
  return [...layout.header.flat(), ...(layout.boxes ?? []).flat(), ...layout.footer.flat()];
}

/** The fields read below the table: boxes, then footer. */
export function trailingFields(layout: FormLayout): FieldSpec[] {
  return [...(layout.boxes ?? []).flat(), ...layout.footer.flat()];
}

/** The columns printed, left to right (helper columns stand outside the print area). */
export function printedColumns(table: TableSpec): ColumnSpec[] {
  return table.columns.filter((c) => !c.helper && !isAlternative(c) && !c.beside);
}

/** The columns a header is found and a form scored by: none added beside the form (ColumnSpec.beside). */
export function formColumns(columns: readonly ColumnSpec[]): ColumnSpec[] {
  return columns.filter((c) => !c.beside);
}

/** A column read only where people keep it instead of the printed ones (ColumnSpec.standsFor): never drawn, nor counted as the form's. */
export function isAlternative(column: ColumnSpec): boolean {
  return column.standsFor !== undefined;
}

/** How many columns the printed form is wide. */
export function layoutWidth(layout: FormLayout): number {
  if (layout.blocks) return (layout.blocks.sideLabel ? 1 : 0) + 1 + layout.blocks.widths.length;
  if (!layout.table) return layout.columns ?? 4;
  return printedColumns(layout.table).length + 1 + (layout.table.sideLabel ? 1 : 0);
}

/** The key of the record's array of rows or blocks. */
export function rowsKey(layout: FormLayout): string | undefined {
  return layout.table?.key ?? layout.blocks?.key;
}

/**
 * A record of a block form split into pages: each page holds one block of
 * each kind, in order; a record that is not in its kind's place starts a new
 * page, so the order of the records is kept.
 */
export function blockPages(blocks: BlockSpec, record: FormRecord): FormRecord[] {
  const items = (record[blocks.key] as FormRecord[] | undefined) ?? [];
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== blocks.key));
  const pages: Array<Array<FormRecord | undefined>> = [];
  let page: Array<FormRecord | undefined> = [];
  const slotOf = (item: FormRecord): number => {
    const kind = blocks.kinds.indexOf(String(item[blocks.kindKey] ?? ''));
    if (kind >= 0) return kind;
    const free = page.findIndex((slot, i) => slot === undefined && i >= lastFilled(page));
    return free >= 0 ? free : page.length;
  };
  for (const item of items) {
    let slot = slotOf(item);
    if (slot < lastFilled(page) || page[slot] !== undefined || slot >= blocks.kinds.length) {
      pages.push(page);
      page = [];
      slot = slotOf(item);
    }
    page[slot] = item;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages.map((slots) => ({ ...rest, [blocks.key]: blocks.kinds.map((_, i) => slots[i]) }));
}

function lastFilled(page: ReadonlyArray<FormRecord | undefined>): number {
  let last = 0;
  page.forEach((slot, i) => {
    if (slot !== undefined) last = i + 1;
  });
  return last;
}
