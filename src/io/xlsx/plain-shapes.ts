/**
 * The commonest shapes of a worksheet's rows and cells, scanned by hand for
 * the sheet reader's fast path (sheet-reader.ts): no match array and no
 * string is made for a row or a cell (regular expressions made both, a
 * quarter of what a workbook allocated). Compared code by code: a call of
 * startsWith for each part cost more than the regular expression did.
 *
 * No read goes past the text's end: a shape that could reach it (within
 * PLAIN_ROOM of the end of a chunk of text) goes the general way. V8 compiles
 * a scanner whose charCodeAt once read past its string's end (giving NaN) to
 * a path about twice as slow, and the chunks the reader decodes end in the
 * middle of a cell as a rule.
 * Pure: no Node.
 */

/** The codes of the characters the scanner compares. */
const [LT, GT, SLASH, QUOTE, EQ, SPACE, AMP, CR] = [60, 62, 47, 34, 61, 32, 38, 13];
const [C, O, R, S, T, V, W] = [99, 111, 114, 115, 116, 118, 119];

/**
 * The most a plain cell or row tag reads from where it starts: a cell's parts
 * take at most 60 characters and its value at most PLAIN_VALUE; a row tag's
 * attributes stop short of it.
 */
export const PLAIN_ROOM = 512;
const PLAIN_VALUE = 400;

/** The number rowNumberAt read last. */
let rowNumber = 0;

/**
 * A row number as a reference or a row writes it, 1–7 digits not led by 0,
 * and the quote that closes it: puts the number in `rowNumber` and returns
 * where the quote is; -1 for anything else.
 */
function rowNumberAt(s: string, at: number): number {
  let i = at;
  let ch = s.charCodeAt(i);
  if (!(ch >= 49 && ch <= 57)) return -1;
  let n = 0;
  while (i - at < 7 && ch >= 48 && ch <= 57) {
    n = n * 10 + (ch - 48);
    ch = s.charCodeAt(++i);
  }
  if (ch !== QUOTE) return -1;
  rowNumber = n;
  return i;
}

/** Where scanPlainCell puts a cell's parts: PLAIN_STRIDE numbers a cell, -1 for a part it has not. */
export const enum Plain {
  /** 1-based, as written. */
  Row,
  Col,
  Style,
  TypeStart,
  TypeEnd,
  /** 1 when the cell has a body (`>…</c>`), 0 when it closes itself. */
  Body,
  ValueStart,
  ValueEnd,
  RefStart,
  RefEnd,
}
export const PLAIN_STRIDE = 10;

/**
 * <c r="B5" s="3" t="s"><v>12</v></c>, <c r="B6" s="3"/> and the like: reference
 * (1–3 capitals, then 1–7 digits not starting with 0), style (1–9 digits) and
 * type (1–9 letters) in this order, a value of plain text (no <, & or CR) or
 * none. Its parts are kept as numbers and positions in `out` from `k`.
 * Returns where the cell ends, or -1 for any other shape, which goes the
 * general way.
 */
export function scanPlainCell(s: string, at: number, out: number[], k: number): number {
  if (s.length - at < PLAIN_ROOM) return -1;
  let i = at;
  if (s.charCodeAt(i) !== LT || s.charCodeAt(i + 1) !== C || s.charCodeAt(i + 2) !== SPACE) return -1;
  if (s.charCodeAt(i + 3) !== R || s.charCodeAt(i + 4) !== EQ || s.charCodeAt(i + 5) !== QUOTE) return -1;
  i += 6;
  const refStart = i;
  let col = 0;
  let ch = s.charCodeAt(i);
  while (i - refStart < 3 && ch >= 65 && ch <= 90) {
    col = col * 26 + (ch - 64);
    ch = s.charCodeAt(++i);
  }
  if (i === refStart) return -1;
  const refEnd = rowNumberAt(s, i);
  if (refEnd < 0) return -1;
  const row = rowNumber;
  i = refEnd;
  ch = s.charCodeAt(++i);
  let style = -1;
  if (ch === SPACE && s.charCodeAt(i + 1) === S && s.charCodeAt(i + 2) === EQ && s.charCodeAt(i + 3) === QUOTE) {
    i += 4;
    const from = i;
    style = 0;
    ch = s.charCodeAt(i);
    while (i - from < 9 && ch >= 48 && ch <= 57) {
      style = style * 10 + (ch - 48);
      ch = s.charCodeAt(++i);
    }
    if (i === from || ch !== QUOTE) return -1;
    ch = s.charCodeAt(++i);
  }
  let typeStart = -1;
  let typeEnd = -1;
  if (ch === SPACE && s.charCodeAt(i + 1) === T && s.charCodeAt(i + 2) === EQ && s.charCodeAt(i + 3) === QUOTE) {
    i += 4;
    typeStart = i;
    ch = s.charCodeAt(i);
    while (i - typeStart < 9 && ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122))) ch = s.charCodeAt(++i);
    typeEnd = i;
    if (i === typeStart || ch !== QUOTE) return -1;
    ch = s.charCodeAt(++i);
  }
  let body = 0;
  let valueStart = -1;
  let valueEnd = -1;
  if (ch === SLASH && s.charCodeAt(i + 1) === GT) i += 2;
  else if (ch === GT) {
    body = 1;
    i++;
    if (s.charCodeAt(i) === LT && s.charCodeAt(i + 1) === V && s.charCodeAt(i + 2) === GT) {
      valueStart = i += 3;
      // Up to the first <, & or CR; a longer value goes the general way.
      const last = valueStart + PLAIN_VALUE;
      for (ch = s.charCodeAt(i); ch !== LT && ch !== AMP && ch !== CR; ch = s.charCodeAt(++i)) if (i === last) return -1;
      if (ch !== LT || s.charCodeAt(i + 1) !== SLASH || s.charCodeAt(i + 2) !== V || s.charCodeAt(i + 3) !== GT) return -1;
      valueEnd = i;
      i += 4;
    }
    if (s.charCodeAt(i) !== LT || s.charCodeAt(i + 1) !== SLASH || s.charCodeAt(i + 2) !== C || s.charCodeAt(i + 3) !== GT) return -1;
    i += 4;
  } else return -1;
  out[k + Plain.Row] = row;
  out[k + Plain.Col] = col;
  out[k + Plain.Style] = style;
  out[k + Plain.TypeStart] = typeStart;
  out[k + Plain.TypeEnd] = typeEnd;
  out[k + Plain.Body] = body;
  out[k + Plain.ValueStart] = valueStart;
  out[k + Plain.ValueEnd] = valueEnd;
  out[k + Plain.RefStart] = refStart;
  out[k + Plain.RefEnd] = refEnd;
  return i;
}

const isNameStart = (ch: number): boolean => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
/** [\w.:-] */
const isNameChar = (ch: number): boolean => isNameStart(ch) || (ch >= 48 && ch <= 57) || ch === 46 || ch === 58 || ch === 45;
/** A character an attribute's plain value may hold: not ", <, &, tab, LF or CR. */
const isPlainValueChar = (ch: number): boolean => ch !== QUOTE && ch !== LT && ch !== AMP && ch !== 9 && ch !== 10 && ch !== CR;

/** Where scanPlainRow puts a row's attribute names, as [start, end) pairs: kept, it only grows. */
const names: number[] = [];

/** Whether the name at [start, end) of s is "r" or one already in `names` (the first `count`). */
function nameTaken(s: string, start: number, end: number, count: number): boolean {
  const length = end - start;
  if (length === 1 && s.charCodeAt(start) === R) return true;
  for (let k = 0; k < count; k += 2) {
    const other = names[k];
    if (names[k + 1] - other !== length) continue;
    let j = 0;
    while (j < length && s.charCodeAt(start + j) === s.charCodeAt(other + j)) j++;
    if (j === length) return true;
  }
  return false;
}

/**
 * <row r="5" spans="1:6" ht="20" …> as writers write it: its number (1–7
 * digits, not starting with 0) first, then attributes with plain values in
 * double quotes, no name twice (nor "r" again: not well formed, which the
 * general way refuses). Puts in `out` its number, 1 when it closes itself
 * (0 when its cells follow) and 1 when it is hidden (hidden="1" or "true");
 * returns where the tag ends, or -1 for any other shape, which goes the
 * general way.
 */
export function scanPlainRow(s: string, at: number, out: number[]): number {
  if (s.length - at < PLAIN_ROOM) return -1;
  // Its attributes stop short of the room: nothing below reads more than four past `last`.
  const last = at + PLAIN_ROOM - 8;
  let i = at;
  if (s.charCodeAt(i) !== LT || s.charCodeAt(i + 1) !== R || s.charCodeAt(i + 2) !== O || s.charCodeAt(i + 3) !== W) return -1;
  if (s.charCodeAt(i + 4) !== SPACE || s.charCodeAt(i + 5) !== R || s.charCodeAt(i + 6) !== EQ || s.charCodeAt(i + 7) !== QUOTE) return -1;
  i = rowNumberAt(s, i + 8);
  if (i < 0) return -1;
  const row = rowNumber;
  let ch = s.charCodeAt(++i);
  let count = 0;
  let hidden = 0;
  while (ch === SPACE) {
    const start = ++i;
    if (!isNameStart(s.charCodeAt(i))) return -1;
    do ch = s.charCodeAt(++i);
    while (isNameChar(ch) && i < last);
    if (ch !== EQ || s.charCodeAt(i + 1) !== QUOTE) return -1;
    if (nameTaken(s, start, i, count)) return -1;
    names[count++] = start;
    names[count++] = i;
    const nameEnd = i;
    i += 2;
    for (ch = s.charCodeAt(i); isPlainValueChar(ch) && i < last; ch = s.charCodeAt(++i));
    if (ch !== QUOTE || i >= last) return -1;
    if (nameEnd - start === 6 && s.startsWith('hidden', start)) hidden = isTrue(s, nameEnd + 2, i) ? 1 : 0;
    ch = s.charCodeAt(++i);
  }
  let empty = 0;
  if (ch === SLASH) {
    empty = 1;
    ch = s.charCodeAt(++i);
  }
  if (ch !== GT) return -1;
  out[0] = row;
  out[1] = empty;
  out[2] = hidden;
  return i + 1;
}

/** Whether the attribute value at [from, to) of s is "1" or "true", as exceljs reads a boolean. */
function isTrue(s: string, from: number, to: number): boolean {
  return (to - from === 1 && s.charCodeAt(from) === 49) || (to - from === 4 && s.startsWith('true', from));
}
