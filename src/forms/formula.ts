/**
 * A small evaluator for the formulas our templates carry (SUM, COUNT, IF, + - * /,
 * comparisons), used when a workbook comes back with formulas but no cached
 * values — as files written by scripts, or saved by some WPS versions, do.
 * Anything it does not know evaluates to undefined, never throws.
 */
import { CellValue, SheetGrid, a1, cellAt, parseA1, parseRange } from '../model/grid';

type Value = number | string | boolean | null | Value[];

interface Parser {
  text: string;
  pos: number;
}

export function evaluateFormula(sheet: SheetGrid, formula: string, depth = 0): CellValue | undefined {
  if (depth > 8) return undefined;
  try {
    const p: Parser = { text: formula.replace(/^=/, ''), pos: 0 };
    const v = parseComparison(p, sheet, depth);
    skipSpace(p);
    if (p.pos !== p.text.length) return undefined;
    if (Array.isArray(v)) return undefined;
    return v;
  } catch {
    return undefined;
  }
}

/** The value of a cell, evaluating its formula when the cached value is missing. */
export function resolvedCell(sheet: SheetGrid, row: number, col: number, depth = 0): CellValue {
  const v = cellAt(sheet, row, col);
  if (v !== null || !sheet.formulas) return v;
  const f = sheet.formulas[a1(row, col)];
  if (!f) return null;
  const r = evaluateFormula(sheet, f, depth + 1);
  return r === undefined ? null : r;
}

function skipSpace(p: Parser): void {
  while (p.pos < p.text.length && /\s/.test(p.text[p.pos])) p.pos++;
}

function fail(): never {
  throw new Error('unsupported formula');
}

function parseComparison(p: Parser, sheet: SheetGrid, depth: number): Value {
  const left = parseSum(p, sheet, depth);
  skipSpace(p);
  const m = /^(<>|>=|<=|=|<|>)/.exec(p.text.slice(p.pos));
  if (!m) return left;
  p.pos += m[1].length;
  const right = parseSum(p, sheet, depth);
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

function parseSum(p: Parser, sheet: SheetGrid, depth: number): Value {
  let v = parseProduct(p, sheet, depth);
  for (;;) {
    skipSpace(p);
    const op = p.text[p.pos];
    if (op !== '+' && op !== '-') return v;
    p.pos++;
    const r = parseProduct(p, sheet, depth);
    v = op === '+' ? num(scalar(v)) + num(scalar(r)) : num(scalar(v)) - num(scalar(r));
  }
}

function parseProduct(p: Parser, sheet: SheetGrid, depth: number): Value {
  let v = parseAtom(p, sheet, depth);
  for (;;) {
    skipSpace(p);
    const op = p.text[p.pos];
    if (op !== '*' && op !== '/') return v;
    p.pos++;
    const r = parseAtom(p, sheet, depth);
    v = op === '*' ? num(scalar(v)) * num(scalar(r)) : num(scalar(v)) / num(scalar(r));
  }
}

function parseAtom(p: Parser, sheet: SheetGrid, depth: number): Value {
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
    return -num(scalar(parseAtom(p, sheet, depth)));
  }
  if (rest[0] === '(') {
    p.pos++;
    const v = parseComparison(p, sheet, depth);
    expect(p, ')');
    return v;
  }
  if ((m = /^([A-Za-z]+)\s*\(/.exec(rest))) {
    p.pos += m[0].length;
    const args: Value[] = [];
    skipSpace(p);
    if (p.text[p.pos] !== ')') {
      for (;;) {
        args.push(parseComparison(p, sheet, depth));
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
    return reference(sheet, m[0].replace(/\$/g, ''), depth);
  }
  return fail();
}

function expect(p: Parser, ch: string): void {
  skipSpace(p);
  if (p.text[p.pos] !== ch) fail();
  p.pos++;
}

function reference(sheet: SheetGrid, ref: string, depth: number): Value {
  if (!ref.includes(':')) {
    const at = parseA1(ref);
    if (!at) return fail();
    return toValue(resolvedCell(sheet, at.row, at.col, depth));
  }
  const box = parseRange(ref);
  if (!box || (box.bottom - box.top + 1) * (box.right - box.left + 1) > 100_000) return fail();
  const out: Value[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) out.push(toValue(resolvedCell(sheet, r, c, depth)));
  }
  return out;
}

function toValue(v: CellValue): Value {
  if (v instanceof Date) return null;
  return v;
}

function flatten(args: Value[]): Value[] {
  return args.flatMap((a) => (Array.isArray(a) ? flatten(a) : [a]));
}

function callFunction(name: string, args: Value[]): Value {
  const values = flatten(args);
  switch (name) {
    case 'SUM':
      return values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'COUNT':
      return values.filter((v) => typeof v === 'number').length;
    case 'COUNTA':
      return values.filter((v) => v !== null && v !== '').length;
    case 'IF':
      return truthy(scalar(args[0] ?? null)) ? args[1] ?? true : args[2] ?? false;
    default:
      return fail();
  }
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
