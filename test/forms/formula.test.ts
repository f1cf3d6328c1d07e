/**
 * The small formula evaluator: the totals our templates carry, and bounded on
 * formulas that refer to each other in a cycle or fan out without end.
 */
import { evaluateFormula, resolvedCell } from '../../src/forms/formula';
import { a1, CalendarDate, type SheetGrid } from '../../src/model/grid';

function sheet(rows: SheetGrid['rows'], formulas: Record<string, string>): SheetGrid {
  return { name: 'S', rows, merges: [], formulas };
}

test('totals, counts and IF over cells and other formulas', () => {
  const s = sheet(
    [
      [1, 2, null],
      [3, 'x', null],
      [null, null, null],
    ],
    { C1: 'SUM(A1:B1)', C2: 'A2*2+C1', C3: 'IF(C2>8,COUNT(A1:C2),"少")' },
  );
  expect([resolvedCell(s, 0, 2), resolvedCell(s, 1, 2), resolvedCell(s, 2, 2)]).toEqual([3, 9, 5]);
  expect(evaluateFormula(s, '=COUNTA(A1:B2)')).toBe(4);
  expect(evaluateFormula(s, 'VLOOKUP(A1)')).toBeUndefined();
});

test('text joined with &, MID, and SUMIF over the rows whose unit is one word (附件1’s 合计 per unit)', () => {
  const s = sheet(
    [
      [2, '箱'],
      [3, '袋'],
      [12, null],
      [4, '袋'],
    ],
    {},
  );
  expect(evaluateFormula(s, 'SUMIF(B1:B4,"袋",A1:A4)')).toBe(7);
  expect(evaluateFormula(s, 'SUMIF(B1:B4,"箱",A1:A4)&"箱"&"、"&1+2')).toBe('2箱、3');
  expect(evaluateFormula(s, 'MID("、2箱、7袋",2,99)')).toBe('2箱、7袋');
  expect(evaluateFormula(s, 'MID("",2,99)')).toBe('');
  // Criteria with an operator, and ranges of different sizes, are not known here.
  expect(evaluateFormula(s, 'SUMIF(A1:A4,">2",A1:A4)')).toBeUndefined();
  expect(evaluateFormula(s, 'SUMIF(B1:B4,"袋",A1:A3)')).toBeUndefined();
});

test('a date or time in a formula is its serial, as in Excel: a time plus 155 minutes, days between two dates', () => {
  const taken = new Date(Date.UTC(2024, 5, 15, 7, 45));
  const s = sheet([[taken, null, new CalendarDate(Date.UTC(2024, 5, 14)), null]], { B1: 'A1+155/1440', D1: 'A1-C1' });
  // 2024-06-15 10:20 (serial 45458.43055…): read by the form as that date and time, not 02:35 of the row's day.
  expect(resolvedCell(s, 0, 1)).toBeCloseTo(45458 + (10 * 60 + 20) / 1440, 9);
  expect(resolvedCell(s, 0, 3)).toBeCloseTo(1 + (7 * 60 + 45) / 1440, 9);
  expect(evaluateFormula(s, 'IF(A1>C1,"后","前")')).toBe('后');
});

test('a cycle of two cells, or a cell that refers to itself, has no value', () => {
  const s = sheet([[null, null, null]], { A1: 'B1+1', B1: 'A1+1', C1: 'C1' });
  expect([resolvedCell(s, 0, 0), resolvedCell(s, 0, 1), resolvedCell(s, 0, 2)]).toEqual([null, null, null]);
  expect(evaluateFormula(s, 'A1+5')).toBeUndefined();
});

test('100 cells that each total all the others (a cycle fanning out) end at once, with no value', () => {
  const n = 100;
  const formulas: Record<string, string> = {};
  for (let i = 0; i < n; i++) formulas[a1(i, 0)] = `SUM(A1:A${n})+${i}`;
  const s = sheet(
    Array.from({ length: n }, () => [null]),
    formulas,
  );
  for (let i = 0; i < n; i++) expect(resolvedCell(s, i, 0)).toBeNull();
});

test('9 cells that refer to the next ones by ranges and pairs (a fan-out over a cycle) have no value', () => {
  const formulas: Record<string, string> = {};
  for (let i = 0; i < 9; i++) formulas[a1(0, i)] = `A1:I1+${a1(0, (i + 1) % 9)}*${a1(0, (i + 2) % 9)}`;
  const s = sheet([Array(9).fill(null)], formulas);
  for (let i = 0; i < 9; i++) expect(resolvedCell(s, 0, i)).toBeNull();
});

test('a long chain without a cycle is worked out when shallow, and has no value beyond 64 levels', () => {
  const chain = (length: number) => {
    const formulas: Record<string, string> = {};
    for (let i = 1; i < length; i++) formulas[a1(i, 0)] = `${a1(i - 1, 0)}+1`;
    return sheet([[1], ...Array.from({ length: length - 1 }, () => [null])], formulas);
  };
  expect(resolvedCell(chain(40), 39, 0)).toBe(40);
  expect(resolvedCell(chain(200), 199, 0)).toBeNull();
});

test('a wide tree of formulas is worked out once per cell (not once per path)', () => {
  // Row r totals row r+1 twice: without remembering what is worked out, 2^30 evaluations.
  const formulas: Record<string, string> = {};
  const rows: SheetGrid['rows'] = [];
  for (let r = 0; r < 30; r++) {
    rows.push([null, null]);
    formulas[a1(r, 0)] = `${a1(r + 1, 0)}+${a1(r + 1, 1)}`;
    formulas[a1(r, 1)] = `${a1(r + 1, 0)}+${a1(r + 1, 1)}`;
  }
  rows.push([1, 1]);
  const s = sheet(rows, formulas);
  expect(resolvedCell(s, 29, 0)).toBe(2);
  expect(resolvedCell(s, 0, 0)).toBe(2 ** 30);
});

test('a division by zero, or a cell showing an error, gives no value (Excel shows #DIV/0!, the error): never Infinity (review 17a D1)', () => {
  const s = sheet([[0, '#REF!', 4, null, null, null]], { D1: '1/A1', E1: 'SUM(A1:C1)', F1: 'C1/2' });
  expect([resolvedCell(s, 0, 3), resolvedCell(s, 0, 4), resolvedCell(s, 0, 5)]).toEqual([null, null, 2]);
  expect(evaluateFormula(s, '1/0')).toBeUndefined();
  expect(evaluateFormula(s, 'C1/(A1*3)')).toBeUndefined();
  expect(evaluateFormula(s, 'B1&"x"')).toBeUndefined();
  expect(evaluateFormula(s, '0/4')).toBe(0);
});
