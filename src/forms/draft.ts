/**
 * A sheet as drawn, before any spreadsheet library sees it: cells with a named
 * style, merges, widths, data validation and page setup. src/io turns a draft
 * into an exceljs worksheet; nothing here knows exceljs or Office.js.
 */
import type { CellValue } from '../model/grid';
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
  | 'note';

export interface DraftCell {
  row: number;
  col: number;
  value: CellValue;
  /** A formula (without "="), written with `value` as its cached result. */
  formula?: string;
  style: DraftStyle;
  numFmt?: string;
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
  print: {
    landscape: boolean;
    /** A1 range of the whole form. */
    area: string;
    /** Rows repeated on every printed page ("5:6"), 1-based. */
    titleRows?: string;
    /** 1: the form fits one page tall; 0: as many pages as it needs. */
    fitToHeight: number;
  };
}
