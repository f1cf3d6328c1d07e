/**
 * Excel's error values (#REF!, #DIV/0!, #N/A …): what a cell shows when its
 * formula cannot be worked out. Every reader keeps them as that text, as Excel
 * shows and prints it, so that the checks quote it rather than take the cell
 * as blank (review 17a D1); WPS gives them as CVErr numbers (xlErrDiv0 2007).
 */

/** Each error value by its CVErr number (xlErrNull 2000 …), as WPS's Value2 gives it. */
const BY_CODE: ReadonlyMap<number, string> = new Map([
  [2000, '#NULL!'],
  [2007, '#DIV/0!'],
  [2015, '#VALUE!'],
  [2023, '#REF!'],
  [2029, '#NAME?'],
  [2036, '#NUM!'],
  [2042, '#N/A'],
  [2043, '#GETTING_DATA'],
  [2045, '#SPILL!'],
  [2046, '#CONNECT!'],
  [2047, '#BLOCKED!'],
  [2048, '#UNKNOWN!'],
  [2049, '#FIELD!'],
  [2050, '#CALC!'],
]);

const ERRORS: ReadonlySet<string> = new Set([...BY_CODE.values(), '#BUSY!', '#PYTHON!', '#EXTERNAL!']);

/** The text is one of Excel's error values (as a cell shows it: #REF!, #N/A). */
export function isExcelError(value: unknown): boolean {
  return typeof value === 'string' && value.charCodeAt(0) === 35 && ERRORS.has(value);
}

/** A CVErr number's error value (-2146826281 → #DIV/0!); #VALUE! for one Excel does not name. */
export function errorOfCode(code: number): string {
  return BY_CODE.get(code) ?? '#VALUE!';
}
