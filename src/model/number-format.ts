/**
 * Number formats as spreadsheets keep them: which format codes show a date or
 * time, and a date serial as the wall-clock Date the grid holds. One place for
 * every reader of serials (the fast xlsx reader, the WPS adapter), the way
 * exceljs does it, so all faces give the same grid.
 */

/** A format code that shows a date or time ("yyyy年m月d日", "h:mm"), quoted text and [colour] sections aside. */
export function isDateFmt(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** A date serial (days since 1899-12-30, or since 1904-01-01) → its wall clock as a UTC Date. */
export function dateFromSerial(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
