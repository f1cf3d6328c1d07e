/**
 * The functions formula.ts knows (SUM, SUMIF, COUNT, COUNTA, IF, AND, OR, NOT, MID) and how a value is taken as a
 * number, text or truth, as Excel takes it. A form it does not know fails (fail()): the formula has no value here.
 */

/** A formula's value as it is worked out: a range is an array of its cells' values. */
export type Value = number | string | boolean | null | Value[];

export function fail(): never {
  throw new Error('unsupported formula');
}

function flatten(args: Value[]): Value[] {
  return args.flatMap((a) => (Array.isArray(a) ? flatten(a) : [a]));
}

export function callFunction(name: string, args: Value[]): Value {
  if (name === 'SUMIF') return sumIf(args);
  switch (name) {
    case 'SUM':
      return flatten(args).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'COUNT':
      return flatten(args).filter((v) => typeof v === 'number').length;
    case 'COUNTA':
      return flatten(args).filter((v) => v !== null && v !== '').length;
    case 'AND':
      return logicals(args).every(truthy);
    case 'OR':
      return logicals(args).some(truthy);
    case 'NOT':
      return args.length === 1 ? !truthy(logical(scalar(args[0]))) : fail();
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
export function text(v: number | string | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function scalar(v: Value): number | string | boolean | null {
  if (Array.isArray(v)) return fail();
  return v;
}

export function num(v: number | string | boolean | null): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : fail();
}

/** A value AND, OR and NOT take: a number or TRUE/FALSE (text they do not: Excel's #VALUE!). */
function logical(v: Value): number | boolean | null {
  if (typeof v === 'string' || Array.isArray(v)) return fail();
  return v;
}

/** AND's and OR's values: each argument's, a range's numbers and TRUE/FALSE (its text and blanks passed by). */
function logicals(args: Value[]): Array<number | boolean | null> {
  const out: Array<number | boolean | null> = [];
  for (const a of args) {
    if (!Array.isArray(a)) out.push(logical(a));
    else for (const v of flatten(a)) if (typeof v === 'number' || typeof v === 'boolean') out.push(v);
  }
  return out.length > 0 ? out : fail();
}

export function truthy(v: number | string | boolean | null): boolean {
  if (typeof v === 'string') return v !== '';
  return Boolean(v);
}
