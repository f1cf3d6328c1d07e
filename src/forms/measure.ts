/**
 * How wide and how tall a cell's text prints, in Excel's own units: column
 * widths in characters (the width of a digit of the workbook's Normal font,
 * Calibri 11: 7 px), row heights in points. A CJK character or full-width sign
 * is two units wide, a space one, a digit or Latin letter one (宋体's half width)
 * or, in a form, 4/3 (FORM_LATIN_UNITS). Used to choose widths and heights when drawing a form, and by the print
 * tests to check that no text is wider than its cell.
 */
import { wallClockFromDate } from '../model/datetime';

/** Space Excel leaves inside a cell, left and right together, in width units. */
export const CELL_PADDING = 1;
/** Space above and below a cell's lines, in points. */
const ROW_PADDING = 3;

/**
 * A digit or Latin letter of a form's 宋体 cell, in width units: where 宋体 is missing (LibreOffice on Linux) its Latin
 * text prints in the system's sans, DejaVu Sans, a digit 0.64 em — 9.3 px at 11 points, against the 7 px of Calibri's
 * digit (宋体's own: 0.5 em, 1.05 units). Measured at 1, a date filled in (附件4's 2024年6月15日) wrapped once LibreOffice
 * had Calibri's metrics (Carlito).
 */
const FORM_LATIN_UNITS = 4 / 3;

/** Widths of text, a digit or Latin letter taken as `latin` units (a space one, a CJK character two). */
export interface TextMeasure {
  /** Width of the widest line of the text. */
  textUnits(text: string, size?: number, bold?: boolean): number;
  /** Lines the text takes when wrapped into `units` of width (Chinese text breaks between any two characters). */
  wrappedLines(text: string, units: number, size?: number, bold?: boolean): number;
}

function measureWith(latin: number): TextMeasure {
  /** Width of one character at 11 points, in width units. */
  const charUnits = (ch: string): number => {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) return 0;
    if (ch === ' ') return 1;
    if (code < 0x7f) return /[WM@%&]/.test(ch) ? 1.3 * latin : latin;
    // Latin-1 letters and the like print half width; quotation marks in 宋体 print full width.
    if (code < 0x2000) return 1;
    return 2;
  };
  /** Width of one line of text at `size` points, in width units. */
  const lineUnits = (line: string, size = 11, bold = false): number => {
    let units = 0;
    for (const ch of line) units += charUnits(ch);
    return units * (size / 11) * (bold ? 1.06 : 1);
  };
  return {
    textUnits: (text, size = 11, bold = false) => Math.max(0, ...text.split('\n').map((line) => lineUnits(line, size, bold))),
    wrappedLines(text, units, size = 11, bold = false) {
      const room = Math.max(units - CELL_PADDING, 1);
      let lines = 0;
      for (const paragraph of text.split('\n')) {
        let line = 0;
        let count = 1;
        for (const ch of paragraph) {
          const w = lineUnits(ch, size, bold);
          if (line + w > room && line > 0) {
            count++;
            line = 0;
          }
          line += w;
        }
        lines += count;
      }
      return lines;
    },
  };
}

/** 宋体's own measure, a digit or Latin letter half a CJK character: the summary's widths. */
export const { textUnits } = measureWith(1);

/** The forms' measure: their widths and heights, the list of findings printed with them (问题清单), the print tests' check. */
export const formText = measureWith(FORM_LATIN_UNITS);

/** Height of one line of text at `size` points (CJK fonts print taller than their size). */
export function lineHeight(size = 11): number {
  return size * 1.45;
}

/** The height a cell needs for this many lines, in points. */
export function linesHeight(lines: number, size = 11): number {
  return lines * lineHeight(size) + ROW_PADDING;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A cell's value as it prints under its number format: dates by the formats
 * the forms use (年月日, 时分, hh:mm), numbers as typed, a zero hidden by `0;-0;;@`.
 */
export function displayText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const t = wallClockFromDate(value);
    const format = (numFmt ?? 'yyyy-mm-dd').replace(/"([^"]*)"/g, (_, s: string) => `\u0001${s}\u0002`);
    // Literal text stays as written; the codes between are date parts.
    return format.replace(/\u0001([^\u0002]*)\u0002|yyyy|hh|h|mm|m|dd|d|ss/g, (code: string, literal?: string) => {
      if (literal !== undefined) return literal;
      switch (code) {
        case 'yyyy':
          return String(t.year);
        case 'hh':
          return pad2(t.hour);
        case 'h':
          return String(t.hour);
        case 'mm':
          return pad2(t.minute);
        case 'm':
          return String(t.month);
        case 'dd':
          return pad2(t.day);
        case 'd':
          return String(t.day);
        default:
          return '00';
      }
    });
  }
  if (typeof value === 'number' && value === 0 && numFmt && /^0;-0;;/.test(numFmt)) return '';
  // A count with its word after it: 0"袋" prints "3袋".
  const word = typeof value === 'number' && numFmt ? /^0"([^"]*)"$/.exec(numFmt) : null;
  if (word) return `${value}${word[1]}`;
  if (typeof value === 'object') return '';
  return String(value);
}
