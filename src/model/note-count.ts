/**
 * A 备注 that says its row's count is another (“3310 实为3袋” beside 数量 2: review 24 D3), as the check (rules/note-count.ts)
 * and the summary's pairing of a handover's two copies (review 25a D2) both read it: one reading of such a note.
 */
import { COUNT_WORD, CORRECTION_WORDS, countOf, toHalfWidth } from './text';
import { whole } from './values';
import { paperCode } from './paper-code';

/**
 * 3310 实为3袋, 实收三袋, 应为：2, 改为3袋: the paper it names (if any), the count said and its unit (if written). The count
 * ends where a count ends — at its unit, a stop or the note's end — so that 考场改为3号 or 改为8:30 is no count.
 */
const CORRECTION = new RegExp(
  `(?:(\\d{3,6})\\s*)?(?:${CORRECTION_WORDS})\\s*[:：]?\\s*${COUNT_WORD}\\s*(袋|箱|份)?(?=(?<=[袋箱份])|\\s*(?:[,，。;；、)）]|$))`,
);

/** A row with a 备注 beside its 数量 (附件1's item, 附件3's checkout). */
export interface NotedRow {
  note?: unknown;
  quantity?: unknown;
  unit?: unknown;
  paperNo?: unknown;
}

/** What a row's note says: the count said (in the row's unit), the paper it names (if any), the note without it. */
export interface NoteSays {
  said: number;
  paper?: string;
  rest: string;
}

/** The count a row's note says, in the row's unit `unitOfRow`; undefined where it says none (or one in another unit). */
export function noteSays(row: NotedRow, unitOfRow: string): NoteSays | undefined {
  if (typeof row.note !== 'string') return undefined;
  const note = toHalfWidth(row.note);
  const m = CORRECTION.exec(note);
  const said = m ? countOf(m[2]) : undefined;
  if (!m || said === undefined || (m[3] && m[3] !== unitOfRow)) return undefined;
  return { said, paper: m[1] && paperCode(m[1]), rest: note.slice(0, m.index) + note.slice(m.index + m[0].length) };
}

/** The note's count where it is not the row's 数量 (`count`); undefined where they agree or 数量 is not one count. */
export function differsFrom(row: NotedRow, said: number): { said: number; count: number } | undefined {
  const count = whole(row.quantity);
  return count === undefined || said === count ? undefined : { said, count };
}

/**
 * The count a row's note says the row itself holds, where that is not its 数量; undefined otherwise — no such note, a
 * 数量 not read as one count, the note's count in another unit, or another paper than the row's named (its 试卷号, or
 * on 附件1, which has none, the first number its 备注 names: 1001 高等数学基础).
 */
export function noteCount(row: NotedRow, unitOfRow: string): { said: number; count: number } | undefined {
  const says = noteSays(row, unitOfRow);
  if (!says) return undefined;
  const own = paperCode(row.paperNo) || /\d{3,6}/.exec(toHalfWidth(String(row.note)))?.[0];
  if (says.paper && own && says.paper !== own) return undefined;
  return differsFrom(row, says.said);
}
