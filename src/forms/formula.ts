/**
 * A small evaluator for the formulas our templates carry (SUM, SUMIF, COUNT, IF,
 * AND, OR, NOT, MID, + - * /, & and comparisons), used when a workbook comes back with formulas but no cached
 * values — as files written by scripts, or saved by some WPS versions, do.
 * Anything it does not know evaluates to undefined, never throws; unsolvedCell says why a cell has no value.
 * Each formula is worked out once (values and failures kept), a long chain from its far end (any length
 * within LIMITS.formulaSteps); a formula that reaches a cycle of references, or takes more than
 * LIMITS.formulaSteps steps, has no value, at once.
 */
import { CellValue, SheetGrid, a1, cellAt, columnIndex, parseA1, parseRange } from '../model/grid';
import { isExcelError } from '../model/excel-errors';
import { LIMITS } from '../model/limits';
import { serialFromDate } from '../model/number-format';
import { type Value, callFunction, fail, num, scalar, text, truthy } from './formula-functions';
/** Formulas nested through references in one go; a deeper chain is worked out from its far end, 64 at a time. */
const MAX_DEPTH = 64;

/**
 * Why a formula cell has no value worked out: `unknown`, a function or form the evaluator does not know (VLOOKUP),
 * or a cell it refers to that shows an error; `cycle`, the formula refers to itself (through others, or its chain
 * never ends within the steps allowed). Excel or WPS works the first out on opening; the second is the officer's.
 */
export type Unsolved = 'unknown' | 'cycle';

class Failure {
  constructor(readonly why: Unsolved) {}
}
const UNKNOWN = new Failure('unknown');
const CYCLE = new Failure('cycle');

/** One evaluation's bookkeeping: its steps, the formula cells being evaluated (a cycle revisits one) and how deep. */
interface Evaluation {
  steps: number;
  active: Set<string>;
  /** The cells of the chains set aside while a deeper part is worked out first: reaching one is a cycle too. */
  outer: Set<string>;
  depth: number;
}

/** The evaluation cannot finish: a cycle, too long. Caught where the evaluation began; made once (no stack each time). */
class Unbounded extends Error {}
const UNBOUNDED = new Unbounded();
/** Not known (a function, a cell that shows an error, a formula not worked out): the formula has no value. */
class NotKnown extends Error {}
const NOT_KNOWN = new NotKnown();
/** The chain is deeper than MAX_DEPTH at this cell (row, col): it is worked out first, and the evaluation tried again. */
class TooDeep extends Error {
  row = 0;
  col = 0;
}

/**
 * What is worked out, by sheet: values and failures alike (a success does not depend on the path that led to it, and
 * every failure fails the whole evaluation, so both are kept: each formula is worked out once).
 */
type Solved = Map<string, CellValue | Failure>;
const SOLVED = new WeakMap<SheetGrid, Solved>();

/**
 * The sheets of the workbook being read, by name, while readWorkbook reads it: a region or a copy cut out of a sheet
 * (form-regions.ts, repeated.ts: new grids, their other cells emptied) works its formulas out on the whole sheet, as
 * Excel does, and shares what is worked out with every other part of it. `asked`: the cells a form read whose formula
 * has no value here (askedCell), by sheet, for the reader to say so (unsolved.ts).
 */
let book: { sheets: Map<string, SheetGrid>; asked: UnsolvedCells } | undefined;

/** Cells whose formula, saved without its value, a form read and could not work out: sheet → A1 → why. */
export type UnsolvedCells = Map<string, Map<string, Unsolved>>;

/** Runs `read` with the formulas of these sheets worked out once for all the parts cut out of them; gives it the cells asked. */
export function withWholeSheets<T>(sheets: readonly SheetGrid[], read: (asked: UnsolvedCells) => T): T {
  const before = book;
  book = { sheets: new Map(sheets.map((s) => [s.name, s])), asked: new Map() };
  try {
    return read(book.asked);
  } finally {
    book = before;
  }
}

/** resolvedCell for a form reading the cell: one whose formula cannot be worked out is noted (withWholeSheets' `asked`). */
export function askedCell(sheet: SheetGrid, row: number, col: number): CellValue {
  const v = solve(sheet, row, col);
  if (v === undefined) return cellAt(sheet, row, col);
  if (!(v instanceof Failure)) return v;
  if (book) {
    let cells = book.asked.get(sheet.name);
    if (!cells) book.asked.set(sheet.name, (cells = new Map()));
    cells.set(a1(row, col), v.why);
  }
  return null;
}

/**
 * How much work formulas have taken since the process began: `evaluated`, formulas whose evaluation began (a cell's,
 * or one given; a chain too deep is begun again once its far end is worked out); `solved`, cells whose formula was
 * worked out to a value or to why it has none (each once per sheet).
 */
export const formulaWork = { evaluated: 0, solved: 0 };

function step(ev: Evaluation): void {
  if (++ev.steps > LIMITS.formulaSteps) throw UNBOUNDED;
}

interface Parser {
  text: string;
  pos: number;
  /**
   * Inside the branch of an IF not taken: read past, not worked out — as Excel does, whose IF(A5="","",VLOOKUP(…)) has a
   * value wherever A5 is empty, though VLOOKUP is not known here.
   */
  skip: boolean;
}

function newEvaluation(): Evaluation {
  return { steps: 0, active: new Set(), outer: new Set(), depth: 0 };
}

export function evaluateFormula(sheet: SheetGrid, formula: string): CellValue | undefined {
  const ev = newEvaluation();
  try {
    return settle(sheet, ev, () => evaluate(sheet, formula, ev));
  } catch {
    return undefined;
  }
}

/**
 * Runs `first`; a chain deeper than MAX_DEPTH is worked out from where it got too deep (its cells kept as the
 * outer ones, so that reaching one is a cycle), then `first` is tried again: a chain of any length within the
 * steps allowed, at a bounded depth of the stack. Throws Unbounded or NotKnown as the evaluation does.
 */
function settle<T>(sheet: SheetGrid, ev: Evaluation, first: () => T): T {
  const frames: Array<{ run: () => unknown; added: string[] }> = [{ run: first, added: [] }];
  for (;;) {
    const frame = frames[frames.length - 1];
    ev.active = new Set();
    ev.depth = 0;
    try {
      const v = frame.run();
      if (frames.length === 1) return v as T;
    } catch (error) {
      if (error instanceof TooDeep) {
        const added = [...ev.active].filter((k) => !ev.outer.has(k));
        for (const k of added) ev.outer.add(k);
        const { row, col } = error;
        frames.push({ run: () => resolve(sheet, row, col, ev), added });
        continue;
      }
      // A deeper cell not known: it is remembered so; the chain above it finds it so when tried again.
      if (!(error instanceof NotKnown) || frames.length === 1) throw error;
    }
    frames.pop();
    for (const k of frame.added) ev.outer.delete(k);
  }
}

/** A formula's value, or undefined for one it does not know; throws Unbounded and TooDeep up to where the evaluation began. */
function evaluate(sheet: SheetGrid, formula: string, ev: Evaluation): CellValue | undefined {
  formulaWork.evaluated++;
  try {
    const p: Parser = { text: formula.charCodeAt(0) === 61 ? formula.slice(1) : formula, pos: 0, skip: false };
    const v = parseComparison(p, sheet, ev);
    skipSpace(p);
    if (p.pos !== p.text.length) return undefined;
    if (Array.isArray(v)) return undefined;
    return v;
  } catch (error) {
    if (error instanceof Unbounded || error instanceof TooDeep) throw error;
    // The stack ran out: no cycle found, but no end either.
    if (error instanceof RangeError) throw UNBOUNDED;
    return undefined;
  }
}

/** The sheet a grid's formulas are worked out on: the whole sheet it was cut from, while its workbook is read. */
function wholeSheet(sheet: SheetGrid, key: string): SheetGrid {
  const whole = book?.sheets.get(sheet.name);
  // Asked by `in`: a shared formula's other cell makes its text when asked for it (io/xlsx/sheet-reader.ts).
  return whole && whole !== sheet && whole.formulas !== undefined && key in whole.formulas ? whole : sheet;
}

/** The cell's formula worked out: its value, or why it has none; undefined for a cell with no formula to work out. */
function solve(sheet: SheetGrid, row: number, col: number): CellValue | Failure | undefined {
  if (cellAt(sheet, row, col) !== null || !sheet.formulas) return undefined;
  const key = a1(row, col);
  if (!(key in sheet.formulas)) return undefined;
  const whole = wholeSheet(sheet, key);
  const known = SOLVED.get(whole)?.get(key);
  if (known !== undefined) return known;
  const ev = newEvaluation();
  try {
    return settle(whole, ev, () => resolve(whole, row, col, ev));
  } catch (error) {
    if (error instanceof NotKnown) return UNKNOWN;
    // A cycle, or no end within the steps allowed: every cell on the way depends on it, and is remembered so.
    const solved = solvedOf(whole);
    for (const k of new Set([...ev.active, ...ev.outer, key])) {
      solved.set(k, CYCLE);
      formulaWork.solved++;
    }
    return CYCLE;
  }
}

/** The value of a cell, evaluating its formula when the cached value is missing (null when it cannot be worked out). */
export function resolvedCell(sheet: SheetGrid, row: number, col: number): CellValue {
  const v = solve(sheet, row, col);
  if (v === undefined) return cellAt(sheet, row, col);
  return v instanceof Failure ? null : v;
}

/** Why the cell's formula, saved without its value, cannot be worked out here; undefined for any other cell. */
export function unsolvedCell(sheet: SheetGrid, row: number, col: number): Unsolved | undefined {
  const v = solve(sheet, row, col);
  return v instanceof Failure ? v.why : undefined;
}

function solvedOf(sheet: SheetGrid): Solved {
  let solved = SOLVED.get(sheet);
  if (!solved) SOLVED.set(sheet, (solved = new Map()));
  return solved;
}

function resolve(sheet: SheetGrid, row: number, col: number, ev: Evaluation): CellValue {
  step(ev);
  const v = cellAt(sheet, row, col);
  if (v !== null || !sheet.formulas) return v;
  const key = a1(row, col);
  const solved = solvedOf(sheet);
  const known = solved.get(key);
  if (known !== undefined) {
    if (!(known instanceof Failure)) return known;
    throw known.why === 'cycle' ? UNBOUNDED : NOT_KNOWN;
  }
  const f = sheet.formulas[key];
  if (!f) return null;
  if (ev.active.has(key) || ev.outer.has(key)) throw UNBOUNDED;
  if (ev.depth >= MAX_DEPTH) throw Object.assign(new TooDeep(), { row, col });
  ev.active.add(key);
  ev.depth++;
  const r = evaluate(sheet, f, ev);
  ev.active.delete(key);
  ev.depth--;
  formulaWork.solved++;
  if (r === undefined) {
    solved.set(key, UNKNOWN);
    throw NOT_KNOWN;
  }
  solved.set(key, r);
  return r;
}

const SPACE = /\s/;
function skipSpace(p: Parser): void {
  // Most tokens have no space before them: a character code compared, a regular expression only past ASCII's spaces.
  for (;;) {
    const c = p.text.charCodeAt(p.pos);
    if (c === 32 || ((c > 127 || (c >= 9 && c <= 13)) && SPACE.test(p.text[p.pos]))) p.pos++;
    else return;
  }
}

function parseComparison(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  const left = parseConcat(p, sheet, ev);
  skipSpace(p);
  const m = at(COMPARISON, p);
  if (!m) return left;
  const right = parseConcat(p, sheet, ev);
  if (p.skip) return null;
  const a = scalar(left);
  const b = scalar(right);
  switch (m[1]) {
    case '=':
      return same(a, b);
    case '<>':
      return !same(a, b);
    case '<':
      return num(a) < num(b);
    case '>':
      return num(a) > num(b);
    case '<=':
      return num(a) <= num(b);
    default:
      return num(a) >= num(b);
  }
}

/** = as Excel compares: an empty cell is "" beside text, 0 beside a number, FALSE beside TRUE/FALSE; text in any case. */
function same(a: number | string | boolean | null, b: number | string | boolean | null): boolean {
  const x = a ?? blankAs(b);
  const y = b ?? blankAs(a);
  return typeof x === 'string' && typeof y === 'string' ? x.toLowerCase() === y.toLowerCase() : x === y;
}
const blankAs = (other: number | string | boolean | null): number | string | boolean | null =>
  typeof other === 'string' ? '' : typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : null;

/** Text joined with &, which binds looser than + and -: "、"&2+3 is "、5". */
function parseConcat(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  let v = parseSum(p, sheet, ev);
  for (;;) {
    skipSpace(p);
    if (p.text[p.pos] !== '&') return v;
    p.pos++;
    const r = parseSum(p, sheet, ev);
    v = p.skip ? null : text(scalar(v)) + text(scalar(r));
  }
}

function parseSum(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  let v = parseProduct(p, sheet, ev);
  for (;;) {
    skipSpace(p);
    const op = p.text[p.pos];
    if (op !== '+' && op !== '-') return v;
    p.pos++;
    const r = parseProduct(p, sheet, ev);
    if (p.skip) continue;
    v = op === '+' ? num(scalar(v)) + num(scalar(r)) : num(scalar(v)) - num(scalar(r));
  }
}

function parseProduct(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  let v = parseAtom(p, sheet, ev);
  for (;;) {
    skipSpace(p);
    const op = p.text[p.pos];
    if (op !== '*' && op !== '/') return v;
    p.pos++;
    const r = parseAtom(p, sheet, ev);
    if (p.skip) continue;
    if (op === '*') v = num(scalar(v)) * num(scalar(r));
    else {
      // A division by zero is no number: Excel shows #DIV/0! (review 17a D1), never Infinity.
      const divisor = num(scalar(r));
      if (divisor === 0) return fail();
      v = num(scalar(v)) / divisor;
    }
  }
}

function parseAtom(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  skipSpace(p);
  let m: RegExpExecArray | null;
  const ch = p.text[p.pos];
  // Each token tried by its first character: a long formula (=IF(OR(B4="1000",…700 papers),…)) is mostly references and text.
  if (ch === '"') return unquote(token(TEXT, p)[1]);
  if (ch >= '0' && ch <= '9') return Number(token(NUMBER, p)[0]);
  if ((m = at(SINGLE, p))) return p.skip ? null : toValue(resolve(sheet, Number(m[2]) - 1, columnIndex(m[1]), ev));
  if (ch === '-') {
    p.pos++;
    const v = parseAtom(p, sheet, ev);
    return p.skip ? null : -num(scalar(v));
  }
  if (ch === '(') {
    p.pos++;
    const v = parseComparison(p, sheet, ev);
    expect(p, ')');
    return v;
  }
  if ((m = at(LOGICAL, p))) return m[1].toUpperCase() === 'TRUE';
  if ((m = at(CALL, p))) return parseCall(m[1].toUpperCase(), p, sheet, ev);
  if ((m = at(REFERENCE, p))) return p.skip ? null : reference(sheet, m[0].replace(/\$/g, ''), ev);
  // In a branch not taken, what is not known here (考试安排!A:B, a name) is read past as Excel would not look at it.
  if (p.skip && at(OTHER_TOKEN, p)) return null;
  return fail();
}

/** A function's arguments and its value; of IF, only the branch its condition takes is worked out. */
function parseCall(name: string, p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  const args: Value[] = [];
  const outer = p.skip;
  skipSpace(p);
  if (p.text[p.pos] !== ')') {
    for (;;) {
      if (name === 'IF' && !outer && args.length > 0) p.skip = truthy(scalar(args[0])) !== (args.length === 1);
      args.push(parseComparison(p, sheet, ev));
      skipSpace(p);
      if (p.text[p.pos] === ',') {
        p.pos++;
        continue;
      }
      break;
    }
  }
  p.skip = outer;
  expect(p, ')');
  return outer ? null : callFunction(name, args);
}

/*
 * Each token is matched where the parser stands (sticky: no copy of the rest of the text, which made parsing a long
 * formula quadratic in its length, review 18a D1).
 */
const COMPARISON = /(<>|>=|<=|=|<|>)/y;
const TEXT = /"((?:[^"]|"")*)"/y;
const NUMBER = /\d+(\.\d+)?/y;
const CALL = /([A-Za-z]+)\s*\(/y;
const REFERENCE = /\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/y;
/** TRUE or FALSE as a value (not TRUE() nor a name that starts so). */
const LOGICAL = /(TRUE|FALSE)(?![\w(.])/iy;
/** Anything up to the next operator, comma or bracket: a sheet's cells ('考试 安排'!A:B), a name, TRUE. */
const OTHER_TOKEN = /(?:'[^']*'|[^\s,()&+\-*/=<>^"'])+/y;
/** One cell's reference (no range after it, no function's name before a bracket): its column letters and row. */
const SINGLE = /\$?([A-Za-z]{1,3})\$?(\d+)(?![:\w(])/y;

const token = (re: RegExp, p: Parser): RegExpExecArray => at(re, p) ?? fail();
const unquote = (text: string): string => (text.includes('"') ? text.replace(/""/g, '"') : text);

/** The token `re` matches where the parser stands, the parser moved past it; null when it does not. */
function at(re: RegExp, p: Parser): RegExpExecArray | null {
  re.lastIndex = p.pos;
  const m = re.exec(p.text);
  if (m) p.pos += m[0].length;
  return m;
}

function expect(p: Parser, ch: string): void {
  skipSpace(p);
  if (p.text[p.pos] !== ch) fail();
  p.pos++;
}

function reference(sheet: SheetGrid, ref: string, ev: Evaluation): Value {
  if (!ref.includes(':')) {
    const at = parseA1(ref);
    if (!at) return fail();
    return toValue(resolve(sheet, at.row, at.col, ev));
  }
  const box = parseRange(ref);
  if (!box || (box.bottom - box.top + 1) * (box.right - box.left + 1) > 100_000) return fail();
  const out: Value[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) out.push(toValue(resolve(sheet, r, c, ev)));
  }
  return out;
}

/**
 * A cell as a formula sees it: a date or time is its serial, as in Excel (=F4+155/1440 is F4's time plus 2 h 35 min).
 * A cell showing an error (#REF!) makes the formula's result that error too: not worked out.
 */
function toValue(v: CellValue): Value {
  if (isExcelError(v)) return fail();
  return v instanceof Date ? serialFromDate(v) : v;
}
