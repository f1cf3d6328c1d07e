/**
 * Which rows of a later copy of a table form are which of the first (forms/row-alignment.ts, review 11 D2): a copy
 * with a row typed again or left out is still a copy; rows replaced (a continuation page, review 11 D1) are not.
 */
import { copySteps } from '../../src/forms/row-alignment';

/** A vault log row of one paper: its own count, taker and times (another paper's row differs in most cells); `at` changes its time only. */
const row = (paper: string, at?: string) => {
  const n = Number(paper.slice(-1));
  return {
    paperNo: paper,
    paperName: `卷${paper}`,
    quantity: n,
    taker: `取卷人${n}`,
    takenAt: `2024-06-15T${at ?? `0${n}:45`}`,
    returnedAt: `2024-06-15T1${n}:20`,
    issuedBy: '陈静',
  };
};
const [A, B, C, D, E] = ['1001', '2042', '3313', '4404', '5505'].map((p) => row(p));

test('d1: the first’s rows, row 2 at another time, row 1 typed again as a 4th — three pairs and a row only in the copy', () => {
  expect(copySteps([A, B, C], [A, row('2042', '09:50'), C, A])).toEqual([{ first: 0, copy: 0 }, { first: 1, copy: 1 }, { first: 2, copy: 2 }, { copy: 3 }]);
});

test('a row left out of the copy: a row only in the first, in its place', () => {
  expect(copySteps([A, B, C], [A, C])).toEqual([{ first: 0, copy: 0 }, { first: 1 }, { first: 2, copy: 1 }]);
});

test('an identical copy: every row paired in place', () => {
  expect(copySteps([A, B], [A, B])).toEqual([
    { first: 0, copy: 0 },
    { first: 1, copy: 1 },
  ]);
});

test('not copies: rows replaced (c1), one row and another (a continuation begun from page 1), more than a few rows more, most rows changed', () => {
  expect(copySteps([A, B], [A, C])).toBeUndefined();
  expect(copySteps([A], [A, B])).toBeUndefined();
  expect(copySteps([A, B, C, D, E], [A, B, C, D, E, row('6006'), row('7007'), row('8008'), row('9009')])).toBeUndefined();
  expect(copySteps([A, B, C], [A, B, C, D, E])).toBeUndefined();
  expect(copySteps([A, B, C, D], [A, B, row('3313', '08:00'), row('4404', '08:00'), E])).toBeUndefined();
  expect(copySteps([A, B, C], [D, E, row('6006')])).toBeUndefined();
  expect(copySteps([], [A])).toBeUndefined();
});
