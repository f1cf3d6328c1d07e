/**
 * The small formula evaluator: the totals our templates carry, and bounded on
 * formulas that refer to each other in a cycle or fan out without end.
 */
import { evaluateFormula, formulaWork, resolvedCell, unsolvedCell, withWholeSheets } from '../../src/forms/formula';
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

test('a long chain without a cycle is worked out, however deep', () => {
  const chain = (length: number) => {
    const formulas: Record<string, string> = {};
    for (let i = 1; i < length; i++) formulas[a1(i, 0)] = `${a1(i - 1, 0)}+1`;
    return sheet([[1], ...Array.from({ length: length - 1 }, () => [null])], formulas);
  };
  expect(resolvedCell(chain(40), 39, 0)).toBe(40);
  // Deeper than 64 levels: worked out from its far end, 64 at a time (review 18a D2).
  expect(resolvedCell(chain(200), 199, 0)).toBe(200);
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

/** The work `run` takes: formulas begun, and cells worked out (to a value or to why they have none). */
function workOf(run: () => void): { evaluated: number; solved: number } {
  const before = { ...formulaWork };
  run();
  return { evaluated: formulaWork.evaluated - before.evaluated, solved: formulaWork.solved - before.solved };
}

/** 序号 taken each from the row below (=A5-1), the last typed: read from the top, a chain as deep as the column is long. */
function bottomUp(length: number, last: string | number = length): SheetGrid {
  const formulas: Record<string, string> = {};
  for (let i = 0; i < length - 1; i++) formulas[a1(i, 0)] = `${a1(i + 1, 0)}-1`;
  if (typeof last === 'string') formulas[a1(length - 1, 0)] = last;
  return sheet(
    Array.from({ length }, (_, i) => [i === length - 1 && typeof last === 'number' ? last : null]),
    formulas,
  );
}

describe('review 18a D2: each formula worked out once, failures remembered', () => {
  test('a chain of 20,000 from the row below, read from the top: every row right, each formula worked out once', () => {
    const s = bottomUp(20_000);
    const values: unknown[] = [];
    const work = workOf(() => {
      for (let r = 0; r < 20_000; r++) values.push(resolvedCell(s, r, 0));
    });
    expect(values).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    // 19,999 formulas, each worked out once; a part too deep is begun again once its far end is known (at most twice).
    expect(work.solved).toBe(19_999);
    expect(work.evaluated).toBeLessThanOrEqual(2 * 19_999);
    // Asked again: nothing is worked out again.
    expect(workOf(() => expect(resolvedCell(s, 0, 0)).toBe(1))).toEqual({ evaluated: 0, solved: 0 });
  });

  test('a chain ending in a formula not known here (VLOOKUP): each cell said not worked out, once', () => {
    const s = bottomUp(5_000, 'VLOOKUP(B1,C:D,2,FALSE)');
    const why: unknown[] = [];
    const work = workOf(() => {
      for (let r = 0; r < 5_000; r++) why.push([resolvedCell(s, r, 0), unsolvedCell(s, r, 0)]);
    });
    expect(why).toEqual(Array.from({ length: 5_000 }, () => [null, 'unknown']));
    expect(work.solved).toBe(5_000);
    expect(work.evaluated).toBeLessThanOrEqual(2 * 5_000);
  });

  test('a cycle, a cell that refers to itself, and a cell that depends on a cycle: said as a cycle, each worked out once', () => {
    const s = sheet([[null, null, null, null, 5, null]], { A1: 'B1+1', B1: 'A1+1', C1: 'C1+SUM(E1:E1)', D1: 'A1*2', F1: 'E1*2' });
    const work = workOf(() => {
      for (let round = 0; round < 3; round++) {
        expect([0, 1, 2, 3, 4, 5].map((c) => unsolvedCell(s, 0, c))).toEqual(['cycle', 'cycle', 'cycle', 'cycle', undefined, undefined]);
        expect([0, 1, 2, 3, 4, 5].map((c) => resolvedCell(s, 0, c))).toEqual([null, null, null, null, 5, 10]);
      }
    });
    // A1 and B1 found in one go; C1, D1 (on A1's, remembered) and F1 once each.
    expect(work.solved).toBe(5);
  });

  test('a cycle longer than 64 cells is found as one, its chain worked out from its far end', () => {
    const formulas: Record<string, string> = {};
    for (let i = 0; i < 300; i++) formulas[a1(i, 0)] = `${a1((i + 1) % 300, 0)}+1`;
    const s = sheet(
      Array.from({ length: 300 }, () => [null]),
      formulas,
    );
    const work = workOf(() => {
      for (let r = 0; r < 300; r++) expect(unsolvedCell(s, r, 0)).toBe('cycle');
    });
    expect(work.solved).toBe(300);
  });

  test('a running total =SUM($A$1:A1) down 2,000 rows: each row worked out once, in steps linear in its range', () => {
    const formulas: Record<string, string> = {};
    for (let i = 0; i < 2_000; i++) formulas[a1(i, 1)] = `SUM($A$1:${a1(i, 0)})`;
    const s = sheet(
      Array.from({ length: 2_000 }, () => [1, null]),
      formulas,
    );
    const work = workOf(() => {
      for (let r = 0; r < 2_000; r++) expect(resolvedCell(s, r, 1)).toBe(r + 1);
    });
    expect(work).toEqual({ evaluated: 2_000, solved: 2_000 });
  });
});

describe('review 18a D1: the parts of one sheet share what is worked out', () => {
  test('two regions cut from a sheet (new grids, each with its own formulas): a formula is worked out once, on the whole sheet', () => {
    const whole = sheet(
      [
        [2, null],
        [3, null],
        [null, null],
      ],
      { B1: 'A1*10', B2: 'A1+A2', A3: 'B1+B2' },
    );
    // As partOf cuts it: the rows outside the part emptied, its formulas kept within.
    const top: SheetGrid = { name: 'S', rows: [whole.rows[0], [], []], merges: [], formulas: { B1: 'A1*10' } };
    const bottom: SheetGrid = { name: 'S', rows: [[], whole.rows[1], whole.rows[2]], merges: [], formulas: { B2: 'A1+A2', A3: 'B1+B2' } };
    const work = workOf(() =>
      withWholeSheets([whole], () => {
        // B2 refers to A1, outside its part: worked out on the whole sheet, as Excel shows it (5, not 3).
        expect([resolvedCell(bottom, 1, 1), resolvedCell(bottom, 2, 0), resolvedCell(top, 0, 1), resolvedCell(whole, 0, 1)]).toEqual([5, 25, 20, 20]);
        // Outside its part a cell has no formula: nothing worked out there.
        expect(resolvedCell(top, 1, 1)).toBeNull();
      }),
    );
    expect(work).toEqual({ evaluated: 3, solved: 3 });
  });

  test('AND, OR and NOT, as a unit column’s long formula uses them (=IF(OR(B4="1000",…),"袋","份"))', () => {
    const papers = Array.from({ length: 700 }, (_, i) => `B1="${1000 + i}"`).join(',');
    const s = sheet(
      [
        [null, '1699', null],
        [null, '2001', null],
      ],
      { A1: `IF(OR(${papers}),"袋","份")`, A2: `IF(OR(${papers.replace(/B1/g, 'B2')}),"袋","份")` },
    );
    expect([resolvedCell(s, 0, 0), resolvedCell(s, 1, 0)]).toEqual(['袋', '份']);
    expect(evaluateFormula(s, 'AND(1,TRUE())')).toBeUndefined();
    expect(evaluateFormula(s, 'AND(1>0,2>1)')).toBe(true);
    expect(evaluateFormula(s, 'NOT(OR(1>2,0))')).toBe(true);
    expect(evaluateFormula(s, 'OR(B1:B2)')).toBeUndefined();
    expect(evaluateFormula(s, 'OR("x")')).toBeUndefined();
  });
});

test('IF works out only the branch its condition takes, as Excel does: a lookup not known here in the other one is no matter', () => {
  // =IF(A1="","",VLOOKUP(…)) — the usual guard of a lookup column: blank rows have a value, filled ones are not known.
  const s = sheet(
    [
      [null, null, null, null, null],
      ['1001', null, null, null, null],
    ],
    {
      B1: 'IF(A1="","",VLOOKUP(A1,考试安排!A:B,2,0))',
      B2: 'IF(A2="","",VLOOKUP(A2,考试安排!A:B,2,0))',
      C1: 'IF(A1<>"",1/0,"空"&"行")',
      D1: 'IF(A1="",-E1+2*3,C1)',
      E1: 'IF(A2="1001",4,VLOOKUP(1,A1:A2,1,0))',
    },
  );
  expect([resolvedCell(s, 0, 1), unsolvedCell(s, 0, 1)]).toEqual(['', undefined]);
  expect([resolvedCell(s, 1, 1), unsolvedCell(s, 1, 1)]).toEqual([null, 'unknown']);
  expect([resolvedCell(s, 0, 2), resolvedCell(s, 0, 3), resolvedCell(s, 0, 4)]).toEqual(['空行', 2, 4]);
  // A condition not known leaves the IF unknown; nested IFs take their own branches.
  expect(evaluateFormula(s, 'IF(VLOOKUP(1,A1:A2,1,0),1,2)')).toBeUndefined();
  expect(evaluateFormula(s, 'IF(A1="",IF(A2="",FOO(),"内"),FOO())&"!"')).toBe('内!');
  expect(evaluateFormula(s, 'IF(A2="",FOO(A1:B2),IF(TRUE1,1,2)')).toBeUndefined();
});

test('= compares as Excel does: an empty cell equals "" and 0, text in any case, a number never its text', () => {
  const s = sheet([[null, 'Ab', 3]], {});
  const said = ['A1=""', 'A1=0', '""=A1', 'A1<>""', 'B1="aB"', 'C1="3"', 'C1=3', 'A1=FALSE'].map((f) => evaluateFormula(s, f));
  expect(said).toEqual([true, true, true, false, true, false, true, true]);
});
