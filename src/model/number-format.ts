/**
 * Number formats as spreadsheets keep them: which format codes show a date or
 * time, and a date serial as the wall-clock Date the grid holds. One place for
 * every reader of serials (the fast xlsx reader, the WPS adapter), the way
 * exceljs does it, so all faces give the same grid.
 */

/** A format code that shows a date or time ("yyyy年m月d日", "h:mm"), quoted text and [colour] sections aside. */
export function isDateFmt(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(withoutSections(withoutSections(fmt, '[', ']'), '"', '"'));
}

/**
 * The text less its `open`…`close` sections, as `/\[[^\]]*]/g` removes them,
 * in one pass: a format code of a million "[" (a hostile styles part) costs a
 * million steps, not a million squared.
 */
function withoutSections(text: string, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, at)) {
    const end = text.indexOf(close, start + 1);
    // No section closes after this one: none after it does either.
    if (end < 0) break;
    out += text.slice(at, start);
    at = end + 1;
  }
  return out + text.slice(at);
}

/** A date serial (days since 1899-12-30, or since 1904-01-01) → its wall clock as a UTC Date. */
export function dateFromSerial(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
