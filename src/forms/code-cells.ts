/**
 * A 试卷号 cell holding more than its code, as people type it — never run into one number by the white space a code's
 * reading drops: “2207 2”, a stray number after the paper (round 23: the paper 2207, the stray kept to be said), and
 * “2207 2208”, “2207↵2208”, papers parted by a space or a line break (round 24: read as “2207、2208” is, several papers
 * on one row, the cell kept so that unknown-paper says it where a part is no paper the workbook's 考试安排 knows). On
 * 考试安排 itself, the reference every other form is checked against, one row is one session of one paper: such a cell is
 * read as no paper at all (round 25: it was the paper 20453310), kept for unknown-paper to ask for one 试卷号 a row.
 * Part of the reader (read-table.ts).
 */
import type { CellValue } from '../model/grid';
import { strayAfterCode } from '../model/paper-rows';
import { spacedCodes } from '../model/paper-code';
import type { ColumnSpec } from './layout';
import type { FormRead } from './read';

/** White space, asked of a trimmed cell (one class: linear in a long text, review 22c D2). */
const SPACE = /\s/;

/**
 * The value a code column's cell is read as where it writes more than one code with white space between (`out` keeps
 * the cell: `strays`, `spaced`): the papers joined by 、 where the column may write several, '' (no paper) on 考试安排;
 * undefined for any other cell, read as before (convert.ts).
 */
export function codeCellValue(column: ColumnSpec, raw: CellValue, item: number, out: FormRead): string | undefined {
  if (!column.code || typeof raw !== 'string') return undefined;
  const typed = raw.trim();
  if (!SPACE.test(typed)) return undefined;
  // A 试卷号's alone: 考场号 is a code too (“301 2” said as a 试卷号 was stop 57's slip).
  const stray = column.key === 'paperNo' ? strayAfterCode(typed) : undefined;
  if (stray) {
    (out.strays ??= []).push({ item, key: column.key, typed, ...stray });
    return stray.paper;
  }
  const papers = column.severalPapers || column.key === 'paperNo' ? spacedCodes(typed) : undefined;
  if (!papers) return undefined;
  // A line break quoted as a space (a message is one line), and said as a line break.
  (out.spaced ??= []).push({ item, key: column.key, typed: typed.replace(/\s*\n\s*/g, ' '), papers, lineBreak: typed.includes('\n') });
  return column.severalPapers ? papers.join('、') : '';
}
