/**
 * The rooms one 附件4 row serves, as its 考场号 cell writes them. A proctor may
 * collect for two rooms on one row: `01、02`, `01,02`, `01／02`, or a range
 * `01至03`, `01—03`, `01~03` (the form's own range dash, as in its 时间). A
 * hyphen is not read as a range: `3-201` and `A-105` name one room by building
 * and number, so `01-02` is one room as typed. Spaces split nothing either
 * (`第 1 考场`). A room is kept without its 第 / 考场 (`第3考场` is room 3,
 * as `第1、2考场` gives 1 and 2), so one room written two ways is counted once
 * and a list of rooms reads alike however each row wrote it.
 */
import { toHalfWidth } from './text';

const LIST = /[、，,；;/]/;
const RANGE = /^(\d+)\s*(?:至|到|—+|–|~|～)\s*(\d+)$/;
/** A range longer than this is no row's rooms: kept as typed. */
const LONGEST_RANGE = 30;

/** One room as compared in a list: without 第 before and 考场 / 号 after (`第01` and `02考场` of `第01、02考场`). */
function bare(room: string): string {
  return room
    .replace(/^第\s*/, '')
    .replace(/\s*(?:号?考场|号)$/, '')
    .trim();
}

/** `01至03` → 01, 02, 03 (the width of the first kept); undefined for no range. */
function rangeOf(text: string): string[] | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (!(to > from) || to - from >= LONGEST_RANGE) return undefined;
  return Array.from({ length: to - from + 1 }, (_, k) => String(from + k).padStart(m[1].length, '0'));
}

const textOf = (room: unknown) => toHalfWidth(typeof room === 'number' ? String(room) : typeof room === 'string' ? room : '').trim();

/** The rooms a 考场号 cell names: one (without 第 / 考场) unless it lists or ranges several; none for an empty cell. */
export function roomsIn(room: unknown): string[] {
  const text = textOf(room);
  if (text === '') return [];
  const parts = text
    .split(LIST)
    .map(bare)
    .filter((part) => part !== '');
  if (parts.length > 1) return parts.flatMap((part) => rangeOf(part) ?? [part]);
  const one = bare(text);
  return rangeOf(one) ?? [one === '' ? text : one];
}

/** A room that names itself: 第3考场, 101室, 3号考场, 第1、2考场 — quoted as written, never wrapped in 第…考场 again. */
const NAMED = /考场|室/;

/** A 考场号 of numbers only (3, 03, 1、2, 1-3): read as 第 N 考场. */
const NUMBERED = /^[\d\s、,，\-—~～至]+$/;

/**
 * The room of a 考场号 cell as a Chinese message names it: as written when it already says 考场 or 室, 第 N 考场 for a
 * number (3号考场 for 3号), else quoted — 考场“本部01”, not 第 本部01 考场 (review 25b D8).
 */
export function roomPhrase(room: unknown): string {
  const text = textOf(room);
  if (NAMED.test(text)) return text;
  if (/^\d+号$/.test(text)) return `${text}考场`;
  return NUMBERED.test(text) ? `第 ${text} 考场` : `考场“${text}”`;
}

/** The room as an English message names it (room {no}): each room without 第 / 考场 / 号 / 室. */
export function roomNo(room: unknown): string {
  return roomsIn(room)
    .map((one) => one.replace(/\s*室$/, ''))
    .join('、');
}
