/**
 * The formula of a shared formula's other cells (<f t="shared" si="0"/>): the
 * master's, each relative reference moved by the cell's distance from the
 * master, as Excel works it out ($-anchored parts stay; text in quotes, a
 * quoted sheet's name and a function's name are left as they are).
 */
import { columnIndex, columnLetter } from '../../model/grid';

/** A1-style reference: its column and row, each with or without $. */
const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/y;
/** What may come before a reference's first character (not part of a name or number). */
const NAME_CHAR = /[\w.$]/;

/** The master's formula moved by rows and cols; undefined when a reference would leave the sheet (Excel shows #REF!). */
export function shiftFormula(formula: string, rows: number, cols: number): string | undefined {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Text, or a sheet's quoted name: up to its closing quote (doubled quotes inside).
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    REF.lastIndex = i;
    const m = i > 0 && NAME_CHAR.test(formula[i - 1]) ? null : REF.exec(formula);
    if (!m) {
      out += ch;
      i++;
      continue;
    }
    const [whole, colAnchor, colLetters, rowAnchor, rowDigits] = m;
    i += whole.length;
    // Past column XFD it is a name (XYZ1), no reference.
    if (columnIndex(colLetters) >= 16384) {
      out += whole;
      continue;
    }
    const col = columnIndex(colLetters) + (colAnchor ? 0 : cols);
    const row = Number(rowDigits) + (rowAnchor ? 0 : rows);
    if (col < 0 || col >= 16384 || row < 1 || row > 1048576) return undefined;
    out += `${colAnchor}${columnLetter(col)}${rowAnchor}${row}`;
  }
  return out;
}
