/**
 * A level's English word in a narrow column (review round 13a D8): a spreadsheet breaks between any two Chinese
 * characters, so “Branch school (分校)” printed “Branch school (分 / 校)”. bracketLine puts the bracketed word on a
 * line of its own when the text does not fit on one line, and leaves any other text as it is.
 */
import { bracketLine, linesOf } from '../../src/summary/columns';

describe('bracketLine', () => {
  it('a text that wraps: its bracketed Chinese word on a line of its own', () => {
    expect(bracketLine('Branch school (分校)', 9)).toBe('Branch school\n(分校)');
    expect(bracketLine('Exam site (考点)', 11)).toBe('Exam site\n(考点)');
    expect(linesOf(bracketLine('Exam site (考点)', 11), 11)).toBe(2);
  });

  it('a text that fits, one without a bracketed Chinese word, or a word the column cannot hold: as it is', () => {
    expect(bracketLine('Exam site (考点)', 20)).toBe('Exam site (考点)');
    expect(bracketLine('长沙分校（分校）.xlsx', 6)).toBe('长沙分校（分校）.xlsx');
    expect(bracketLine('Ready to submit', 6)).toBe('Ready to submit');
    expect(bracketLine('Exam site (考点)', 4)).toBe('Exam site (考点)');
  });
});
