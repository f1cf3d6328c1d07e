/**
 * A small evaluator for the formulas our templates carry (SUM, SUMIF, COUNT, IF,
 * MID, + - * /, & and comparisons), used when a workbook comes back with formulas but no cached
 * values — as files written by scripts, or saved by some WPS versions, do.
 * Anything it does not know evaluates to undefined, never throws. Bounded:
 * a formula that reaches a cycle of references, a chain deeper than
 * MAX_DEPTH or more than LIMITS.formulaSteps steps evaluates to undefined, at once.
 */
import { CellValue, SheetGrid, a1, cellAt, parseA1, parseRange } from '../model/grid';
import { isExcelError } from '../model/excel-errors';
import { LIMITS } from '../model/limits';
import { serialFromDate } from '../model/number-format';
/** Formulas nested through references, at most. */
const MAX_DEPTH = 64;

/** One evaluation's bookkeeping: its steps, and the formula cells being evaluated (a cycle revisits one). */
interface Evaluation {
  steps: number;
  active: Set<string>;
}

/** The evaluation cannot finish: a cycle, too deep, too long. Caught where the evaluation began. */
class Unbounded extends Error {}

/**
 * Values worked out, by sheet: a success does not depend on the path that led
 * to it (every failure fails the whole evaluation), so it is kept.
 */
const SOLVED = new WeakMap<SheetGrid, Map<string, CellValue>>();

function step(ev: Evaluation): void {
  if (++ev.steps > LIMITS.formulaSteps) throw new Unbounded();
}

type Value = number | string | boolean | null | Value[];

interface Parser {
  text: string;
  pos: number;
}

export function evaluateFormula(sheet: SheetGrid, formula: string): CellValue | undefined {
  try {
    return evaluate(sheet, formula, { steps: 0, active: new Set() });
  } catch {
    return undefined;
  }
}

/** A formula's value, or undefined for one it does not know; throws Unbounded up to where the evaluation began. */
function evaluate(sheet: SheetGrid, formula: string, ev: Evaluation): CellValue | undefined {
  try {
    const p: Parser = { text: formula.replace(/^=/, ''), pos: 0 };
    const v = parseComparison(p, sheet, ev);
    skipSpace(p);
    if (p.pos !== p.text.length) return undefined;
    if (Array.isArray(v)) return undefined;
    return v;
  } catch (error) {
    if (error instanceof Unbounded || error instanceof RangeError) throw new Unbounded();
    return undefined;
  }
}

/** The value of a cell, evaluating its formula when the cached value is missing. */
export function resolvedCell(sheet: SheetGrid, row: number, col: number): CellValue {
  try {
    return resolve(sheet, row, col, { steps: 0, active: new Set() });
  } catch {
    return null;
  }
}

function resolve(sheet: SheetGrid, row: number, col: number, ev: Evaluation): CellValue {
  step(ev);
  const v = cellAt(sheet, row, col);
  if (v !== null || !sheet.formulas) return v;
  const key = a1(row, col);
  const f = sheet.formulas[key];
  if (!f) return null;
  let solved = SOLVED.get(sheet);
  const known = solved?.get(key);
  if (known !== undefined) return known;
  if (ev.active.has(key) || ev.active.size >= MAX_DEPTH) throw new Unbounded();
  ev.active.add(key);
  const r = evaluate(sheet, f, ev);
  ev.active.delete(key);
  const value = r === undefined ? null : r;
  if (!solved) SOLVED.set(sheet, (solved = new Map()));
  solved.set(key, value);
  return value;
}

function skipSpace(p: Parser): void {
  while (p.pos < p.text.length && /\s/.test(p.text[p.pos])) p.pos++;
}

function fail(): never {
  throw new Error('unsupported formula');
}

function parseComparison(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  const left = parseConcat(p, sheet, ev);
  skipSpace(p);
  const m = /^(<>|>=|<=|=|<|>)/.exec(p.text.slice(p.pos));
  if (!m) return left;
  p.pos += m[1].length;
  const right = parseConcat(p, sheet, ev);
  const a = scalar(left);
  const b = scalar(right);
  switch (m[1]) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
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

/** Text joined with &, which binds looser than + and -: "、"&2+3 is "、5". */
function parseConcat(p: Parser, sheet: SheetGrid, ev: Evaluation): Value {
  let v = parseSum(p, sheet, ev);
  for (;;) {
    skipSpace(p);
    if (p.text[p.pos] !== '&') return v;
    p.pos++;
    v = text(scalar(v)) + text(scalar(parseSum(p, sheet, ev)));
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
  const rest = p.text.slice(p.pos);
  let m: RegExpExecArray | null;
  if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
    p.pos += m[0].length;
    return m[1].replace(/""/g, '"');
  }
  if ((m = /^\d+(\.\d+)?/.exec(rest))) {
    p.pos += m[0].length;
    return Number(m[0]);
  }
  if (rest[0] === '-') {
    p.pos++;
    return -num(scalar(parseAtom(p, sheet, ev)));
  }
  if (rest[0] === '(') {
    p.pos++;
    const v = parseComparison(p, sheet, ev);
    expect(p, ')');
    return v;
  }
  if ((m = /^([A-Za-z]+)\s*\(/.exec(rest))) {
    p.pos += m[0].length;
    const args: Value[] = [];
    skipSpace(p);
    if (p.text[p.pos] !== ')') {
      for (;;) {
        args.push(parseComparison(p, sheet, ev));
        skipSpace(p);
        if (p.text[p.pos] === ',') {
          p.pos++;
          continue;
        }
        break;
      }
    }
    expect(p, ')');
    return callFunction(m[1].toUpperCase(), args);
  }
  if ((m = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest))) {
    p.pos += m[0].length;
    return reference(sheet, m[0].replace(/\$/g, ''), ev);
  }
  return fail();
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

function flatten(args: Value[]): Value[] {
  return args.flatMap((a) => (Array.isArray(a) ? flatten(a) : [a]));
}

function callFunction(name: string, args: Value[]): Value {
  if (name === 'SUMIF') return sumIf(args);
  const values = flatten(args);
  switch (name) {
    case 'SUM':
      return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'COUNT':
      return values.filter((v) => typeof v === 'number').length;
    case 'COUNTA':
      return values.filter((v) => v !== null && v !== '').length;
    case 'IF':
      return truthy(scalar(args[0] ?? null)) ? (args[1] ?? true) : (args[2] ?? false);
    case 'MID': {
      const start = num(scalar(args[1] ?? null));
      if (args.length !== 3 || start < 1) return fail();
      return text(scalar(args[0])).substr(start - 1, Math.max(0, num(scalar(args[2]))));
    }
    default:
      return fail();
  }
}

/**
 * SUMIF(range, criterion, sum range) with a plain criterion (附件1's 合计 per
 * unit: the 数量 of the rows whose 单位 is 箱): the cells equal to it, as
 * text or number; a criterion with an operator (">5") is not known.
 */
function sumIf(args: Value[]): Value {
  const [range, criterion, sums] = args;
  if (!Array.isArray(range) || !Array.isArray(sums) || range.length !== sums.length) return fail();
  const wanted = text(scalar(criterion ?? null));
  if (/^[<>=]/.test(wanted)) return fail();
  return range.reduce<number>((s, v, i) => {
    const add = sums[i];
    return !Array.isArray(v) && text(v).toLowerCase() === wanted.toLowerCase() && typeof add === 'number' ? s + add : s;
  }, 0);
}

/** A value as & joins it: a number as Excel shows it in General (3, 2.5), TRUE/FALSE, nothing as "". */
function text(v: number | string | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function scalar(v: Value): number | string | boolean | null {
  if (Array.isArray(v)) return fail();
  return v;
}

function num(v: number | string | boolean | null): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail();
}

function truthy(v: number | string | boolean | null): boolean {
  if (typeof v === 'string') return v !== '';
  return Boolean(v);
}
