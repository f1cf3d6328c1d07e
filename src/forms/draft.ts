/**
 * A sheet as drawn, before any spreadsheet library sees it: cells with a named
 * style, merges, widths, data validation, number formats that follow other
 * cells and page setup. src/io turns a draft into an exceljs worksheet;
 * nothing here knows exceljs or Office.js.
 */
import { type CellValue, columnLetter } from '../model/grid';
import type { FormId } from './layout';

export type DraftStyle =
  | 'caption'
  | 'title'
  | 'subtitle'
  | 'label'
  | 'value'
  | 'header'
  | 'cell'
  | 'cellCenter'
  | 'total'
  | 'side'
  | 'note'
  /** Text inside an outlined box, from its top: no borders of its own. */
  | 'boxText'
  /** A tall value (an opinion, a 情况记录), bordered, its text from the top. */
  | 'area'
  /** A label or value without borders of its own (a line drawn as one cell, or no cell at all). */
  | 'open';

/** How each style's text prints: what the widths and heights are chosen from. */
export interface TextLook {
  size: number;
  bold: boolean;
  /** Wraps onto more lines (else the column is widened to fit it). */
  wrap: boolean;
  /** Characters stacked top to bottom (a side label). */
  vertical?: boolean;
}

export const TEXT_LOOKS: Record<DraftStyle, TextLook> = {
  caption: { size: 11, bold: true, wrap: false },
  title: { size: 16, bold: true, wrap: true },
  subtitle: { size: 11, bold: false, wrap: false },
  label: { size: 11, bold: false, wrap: true },
  value: { size: 11, bold: false, wrap: true },
  header: { size: 11, bold: true, wrap: true },
  cell: { size: 10.5, bold: false, wrap: true },
  cellCenter: { size: 10.5, bold: false, wrap: false },
  total: { size: 11, bold: true, wrap: false },
  side: { size: 11, bold: true, wrap: false, vertical: true },
  note: { size: 10, bold: false, wrap: true },
  boxText: { size: 11, bold: false, wrap: true },
  open: { size: 11, bold: false, wrap: true },
  area: { size: 11, bold: false, wrap: true },
};

export interface DraftCell {
  row: number;
  col: number;
  value: CellValue;
  /** A formula (without "="), written with `value` as its cached result. */
  formula?: string;
  style: DraftStyle;
  numFmt?: string;
  /**
   * Text the cell must also hold on one line, filled or not: the widest its
   * field takes (the longest date in its format, the blank the empty form
   * prints), so that a date typed or filled later fits (附件4's 日期).
   */
  holds?: string;
}

export interface DraftValidation {
  /** A1 range. */
  range: string;
  /** `prompt`: no rule, only an input prompt Excel shows when the cell is selected. */
  type: 'whole' | 'date' | 'list' | 'prompt';
  options?: readonly string[];
  prompt?: string;
  /** A stop alert (refuse) rather than a warning (ask). */
  strict: boolean;
}

/** The page every form prints on, in every host: A4, margins in inches, a page footer. */
export const PAGE = {
  paperA4: 9,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  footer: '第 &P 页，共 &N 页',
} as const;

/** A validation as every host writes it: the rule, its words and how a wrong entry is met. */
export interface ValidationRule {
  kind: 'whole' | 'date' | 'list' | 'textLength';
  operator?: 'greaterThanOrEqual' | 'greaterThan' | 'lessThanOrEqual';
  /** The bound (whole: 0; date: 2000-01-01 as a wall clock in UTC; textLength: 255) or the list's options. */
  bound?: number | Date;
  options?: readonly string[];
  prompt?: string;
  /** Tells a wrong entry at all (a prompt alone tells nothing). */
  showError: boolean;
  /** Refuses a wrong entry (else asks whether to keep it). */
  stop: boolean;
  error?: string;
}

export const PROMPT_TITLE = '填写提示';
export const ERROR_TITLE = '输入有误';

/** What a drafted validation means in every host (exceljs' template files, WPS's inserted forms); undefined: nothing to write. */
export function validationRule(v: DraftValidation): ValidationRule | undefined {
  const common = { prompt: v.prompt, showError: v.strict, stop: v.strict };
  switch (v.type) {
    case 'whole':
      return { ...common, kind: 'whole', operator: 'greaterThanOrEqual', bound: 0, error: '请填写不小于0的整数' };
    case 'date':
      // A date is never refused (a time typed as text is read too), only questioned.
      return {
        ...common,
        kind: 'date',
        operator: 'greaterThan',
        bound: new Date(Date.UTC(2000, 0, 1)),
        showError: true,
        stop: false,
        error: '请填写日期时间，如 2024年1月6日 8:30',
      };
    case 'list':
      return v.options && v.options.length > 0 ? { ...common, kind: 'list', options: v.options, error: `请从列表中选择：${v.options.join('、')}` } : undefined;
    case 'prompt':
      // No rule to enforce: a permissive length check only carries the prompt.
      return { ...common, kind: 'textLength', operator: 'lessThanOrEqual', bound: 255, showError: false };
  }
}

/**
 * A number format that follows another cell (a conditional format): a cell of
 * `range` shows `numFmt` while the cell of column `whenColumn` in its own row
 * holds `equals`. 附件1's and 附件3's 数量 print the unit picked in the 单位
 * column beside the form ("2箱"), typed by hand or filled, the number staying
 * a number. Each host writes the condition as its formula.
 */
export interface DraftFormatRule {
  /** A1 range. */
  range: string;
  /** 0-based column, read in each cell's own row. */
  whenColumn: number;
  equals: string;
  numFmt: string;
}

/**
 * A rule's condition as a formula (without "=") for the cell in `row`
 * (0-based): its column fixed, its row relative (`$F8="箱"`, read by Excel in
 * each cell's own row across the rule's range) or, `fixedRow`, fixed (`$F$8`).
 */
export function formatRuleFormula(rule: DraftFormatRule, row: number, fixedRow = false): string {
  return `$${columnLetter(rule.whenColumn)}${fixedRow ? '$' : ''}${row + 1}="${rule.equals.replace(/"/g, '""')}"`;
}

export interface SheetDraft {
  name: string;
  form: FormId;
  cells: DraftCell[];
  merges: string[];
  /** Column widths in characters. */
  widths: number[];
  /** Row heights in points, by 0-based row. */
  heights: Record<number, number>;
  validations: DraftValidation[];
  /** A1 ranges drawn as one outlined box, without lines inside. */
  boxes?: string[];
  /** Number formats that follow other cells, in order of priority. */
  formatRules?: DraftFormatRule[];
  print: {
    landscape: boolean;
    /** A1 range of the whole form. */
    area: string;
    /** Rows repeated on every printed page ("5:6"), 1-based. */
    titleRows?: string;
    /** 1: the form fits one page tall; 0: as many pages as it needs. */
    fitToHeight: number;
    /** 0-based rows a page ends with, where it runs over pages (page-breaks.ts). */
    rowBreaks?: number[];
  };
}
