/**
 * The commonest shape of a worksheet cell, scanned by hand for the sheet
 * reader's fast path (sheet-reader.ts). Pure: no Node.
 */

/** The codes of the characters the scanner compares. */
const [LT, GT, SLASH, QUOTE, EQ, SPACE, AMP, CR] = [60, 62, 47, 34, 61, 32, 38, 13];
const [C, R, S, T, V] = [99, 114, 115, 116, 118];

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
 * none. Scanned by hand, its parts kept as numbers and positions in `out` from
 * `k`: no match array and no string is made for a cell (a regular expression
 * made both, a quarter of what a workbook allocated). Returns where the cell
 * ends, or -1 for any other shape, which goes the general way.
 */
export function scanPlainCell(s: string, at: number, out: number[], k: number): number {
  // Compared code by code: a call of startsWith for each part cost more than the regular expression did.
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
  if (i === refStart || !(ch >= 49 && ch <= 57)) return -1;
  const digits = i;
  let row = 0;
  while (i - digits < 7 && ch >= 48 && ch <= 57) {
    row = row * 10 + (ch - 48);
    ch = s.charCodeAt(++i);
  }
  if (ch !== QUOTE) return -1;
  const refEnd = i;
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
      // Up to the first <, & or CR (NaN: the text ended).
      for (ch = s.charCodeAt(i); ch !== LT && ch !== AMP && ch !== CR && ch === ch; ch = s.charCodeAt(++i));
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
