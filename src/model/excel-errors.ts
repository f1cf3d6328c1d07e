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

/**
 * Why a formula shows each error value, as an officer can look for it: the cause of the value the cell shows, not a
 * list of any (review 20a D5: #N/A was explained by a deleted cell and a division by zero, neither of which gives it).
 */
const CAUSES: ReadonlyMap<string, { zh: string; en: string }> = new Map([
  ['#N/A', { zh: '它要查找的值没有找到', en: 'a value it looks up was not found' }],
  ['#REF!', { zh: '它引用的格子已被删除', en: 'a cell it refers to was deleted' }],
  ['#DIV/0!', { zh: '它在除以 0 或空格', en: 'it divides by zero or by a blank cell' }],
  ['#VALUE!', { zh: '它把文字当作数字来算', en: 'it does arithmetic on text' }],
  ['#NAME?', { zh: '它用了 Excel 不认识的函数名或名称', en: 'it uses a function or name Excel does not know' }],
  ['#NUM!', { zh: '它算出的数无效或太大', en: 'the number it works out is invalid or too large' }],
  ['#NULL!', { zh: '它引用的两个区域没有交叉', en: 'two ranges it refers to do not meet' }],
  ['#SPILL!', { zh: '它的结果要占的格子里已有内容', en: 'the cells its result spills into are not empty' }],
]);
const ANY_CAUSE = { zh: '公式出了错', en: 'the formula fails' };

/** The params an error value's message says it with: the value and its cause (“{cause}” / “{causeEn}”). */
export function errorParams(value: unknown): { value: string; cause: string; causeEn: string } {
  const shown = String(value);
  const cause = CAUSES.get(shown) ?? ANY_CAUSE;
  return { value: shown, cause: cause.zh, causeEn: cause.en };
}
