/**
 * The one table-driven mechanism behind all forms: a form's layout (title,
 * labelled fields, a table with its columns, 合计 row, signature lines, 备注)
 * is declared once, in its own file under src/forms/, and this module both
 * draws it as a sheet and reads it back from a grid however people typed it.
 */
import type { FormNumber } from '../model/location';
import type { FormId } from '../model/site-model';

export type FieldType =
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
  /** The model's field name (DOMAIN.md). */
  key: string;
  /** The label as printed on the form. */
  label: string;
  /** Other labels people use for it, matched as well as `label`. */
  aliases?: readonly string[];
  type: FieldType;
  options?: readonly string[];
  /** An input prompt shown by Excel when the cell is selected. */
  prompt?: string;
  /** Tall value cell (a description, an opinion). */
  lines?: number;
  /** An identifier (试卷号, 考场号): read with full-width letters and digits made half-width. */
  code?: boolean;
  /** Excel number format for a date-time column (附件4 shows times only). */
  numFmt?: string;
}

export interface ColumnSpec extends FieldSpec {
  /** Column width in characters. */
  width: number;
  /** A parent header spanning several columns on the row above (附件4 试卷发放情况). */
  group?: string;
}

export interface TotalSpec {
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
  /** A column that is the sum of others in the same row (附件2 合计（袋）). */
  rowSum?: { key: string; of: readonly string[] };
}

/** A header or footer line: one or more labelled fields side by side. */
export type FieldLine = readonly FieldSpec[];

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
  /** Recognises the title however it was edited (placeholders filled, spaces changed). */
  titlePattern: RegExp;
  header: readonly FieldLine[];
  table?: TableSpec;
  footer: readonly FieldLine[];
  /** 备注 lines, printed as cell text (templates carry no comments: PLATFORM.md). */
  notes: readonly string[];
  landscape: boolean;
  /** Total width in columns when the table does not set it. */
  columns?: number;
  /** Where the model's record and the printed fields differ (附件4 prints one 日期 and a 时间 range). */
  adapt?: FormAdapter;
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

/** Every field of a layout, in reading order: header, then footer. */
export function layoutFields(layout: FormLayout): FieldSpec[] {
  return [...layout.header.flat(), ...layout.footer.flat()];
}

/** How many columns the form is wide. */
export function layoutWidth(layout: FormLayout): number {
  if (!layout.table) return layout.columns ?? 4;
  return layout.table.columns.length + 1 + (layout.table.sideLabel ? 1 : 0);
}
