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
const COLUMNS = 16384;
const ROWS = 1048576;

/** A reference in the master's formula: its column (0-based) and row (1-based), and which of them move. */
interface Reference {
  col: number;
  row: number;
  colMoves: boolean;
  rowMoves: boolean;
}

/**
 * A shared formula's master read once (review 18a D1: each other cell moved its text again, character by character):
 * `at` gives its formula moved by rows and cols, undefined when a reference would leave the sheet (Excel shows #REF!).
 */
export interface SharedFormula {
  at(rows: number, cols: number): string | undefined;
  /** Moved so, every reference stays on the sheet. */
  fits(rows: number, cols: number): boolean;
}

export function sharedFormula(formula: string): SharedFormula {
  /** The text between the references (one more than them), and the references. */
  const texts: string[] = [];
  const refs: Reference[] = [];
  let from = 0;
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
      i = j + 1;
      continue;
    }
    REF.lastIndex = i;
    const m = i > 0 && NAME_CHAR.test(formula[i - 1]) ? null : REF.exec(formula);
    // Past column XFD it is a name (XYZ1), no reference.
    if (!m || columnIndex(m[2]) >= COLUMNS) {
      i += m ? m[0].length : 1;
      continue;
    }
    texts.push(formula.slice(from, i));
    refs.push({ colMoves: !m[1], col: columnIndex(m[2]), rowMoves: !m[3], row: Number(m[4]) });
    i += m[0].length;
    from = i;
  }
  texts.push(formula.slice(from));
  // How far the formula may move before a reference leaves the sheet.
  const moving = (pick: (r: Reference) => number | undefined, size: number) => {
    const at = refs.map(pick).filter((n): n is number => n !== undefined);
    return { least: at.length ? -Math.min(...at) : -Infinity, most: at.length ? size - Math.max(...at) : Infinity };
  };
  const rowRoom = moving((r) => (r.rowMoves ? r.row - 1 : undefined), ROWS - 1);
  const colRoom = moving((r) => (r.colMoves ? r.col : undefined), COLUMNS - 1);
  const fits = (rows: number, cols: number) => rows >= rowRoom.least && rows <= rowRoom.most && cols >= colRoom.least && cols <= colRoom.most;
  return {
    fits,
    at(rows, cols) {
      if (!fits(rows, cols)) return undefined;
      let out = texts[0];
      for (let k = 0; k < refs.length; k++) {
        const { col, row, colMoves, rowMoves } = refs[k];
        out += `${colMoves ? '' : '$'}${columnLetter(colMoves ? col + cols : col)}${rowMoves ? '' : '$'}${rowMoves ? row + rows : row}${texts[k + 1]}`;
      }
      return out;
    },
  };
}

/** The master's formula moved by rows and cols; undefined when a reference would leave the sheet (Excel shows #REF!). */
export function shiftFormula(formula: string, rows: number, cols: number): string | undefined {
  return sharedFormula(formula).at(rows, cols);
}
