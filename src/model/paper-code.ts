/**
 * Which paper a 试卷号 names. An AB卷 — one paper printed in two versions — is
 * written either as one code with the version in the name (1304,
 * “计算机应用基础（A卷）”) or as the code with the version after it (1304A,
 * 1304B; 1304-B, 1304（B卷）, 1304甲). Either way the officer has one paper:
 * its candidates counted once, its copies added over the versions. Every
 * comparison of paper codes (rules, custody periods, summaries) goes through
 * paperCode, so a 1304A intake row, a 1304 vault row and a 1304B room row are
 * the same paper.
 *
 * A code of digits is compared without its leading zeros: Excel drops them from a
 * cell that is not text, so one form's “0304” (typed as text) is another's 304.
 * What is shown — messages, the summaries' 试卷号 — is the code as written
 * (`written`), never the compared one.
 */
import { TextMemo } from './memo';
import { norm } from './values';
import { toHalfWidth } from './text';

/** A version letter: A–D as the name's （A卷） writes them, or 甲乙丙丁. */
const VERSION_LETTER = 'A-Da-d甲乙丙丁';

/** A code of digits (paper codes are numbers) and a version after it, bracketed or not, with or without 卷. */
const VERSIONED = new RegExp(`^(\\d{3,})[-_]?[（(]?([${VERSION_LETTER}])卷?[）)]?$`);

/**
 * A spare paper's mark at the end of a name: 备用卷 — the few copies kept sealed in the vault beside a
 * paper's exam bags (000 二.5–二.6) — written “（备用卷）”, “备用”, “(备用试卷)” or “备份卷” as people do.
 * A bare 备份 is no mark: course names use the word (数据备份与恢复).
 */
const SPARE_MARK = '[-_—·]?[（(]?备(?:用试?卷?|份卷)[）)]?';

/** An AB卷's version mark at the end of a name: “（A卷）”, “B卷”, “(甲卷)”. */
const VERSION_MARK = `[（(]?[${VERSION_LETTER}]卷[）)]?`;

/**
 * A session's mark at the end of a name: the 补考 (or 重考) sitting of a paper, written “高等数学基础（补考）” on its rows,
 * the same 试卷号 as the first sitting — the session it is, not another paper (review 25b D6; 5503（补考） beside a
 * code is read so too, NOTE_AFTER_CODE).
 */
const SESSION_MARK = '[（(]?(?:补考|重考)卷?[）)]?';

/** One mark a paper's name may end with that names no other paper: a version, a spare or a session (at most 7 characters). */
const LAST_MARK = new RegExp(`(?:${VERSION_MARK}|${SPARE_MARK}|${SESSION_MARK})$`);
const MARK_MAX = 7;

/**
 * Where the marks `name` ends with begin, versions and spares in either order (name.length when none): the last mark
 * taken off again and again, each found in the name's last 7 characters. Review 22c D6: `(?:mark)+$` tried every start
 * of a long name again (quadratic); a mark never ends in what may begin one (（, -), so the longest last mark first
 * finds the same run.
 */
function marksStart(name: string): number {
  let end = name.length;
  for (;;) {
    const mark = LAST_MARK.exec(name.slice(Math.max(0, end - MARK_MAX), end));
    if (!mark) return end;
    end -= mark[0].length;
  }
}

/**
 * A paper's name without the marks that keep it the same paper: an AB卷's version (“计算机应用基础（A卷）”), a
 * spare bag's (“计算机应用基础（备用卷）”) and a 补考's (“计算机应用基础（补考）”) are rows of 计算机应用基础, one paper,
 * not other names.
 */
export function nameWithoutMarks(name: string): string {
  return name.slice(0, marksStart(name));
}

/** A name marked as a spare paper's (“大学英语（备用卷）”, “…备用”, “…（备份卷）（A卷）”): its end marks say 备. */
export function isSpareName(name: string): boolean {
  return name.slice(marksStart(name)).includes('备');
}

/**
 * A spare bag's mark after a code of digits: “1304备用”, “1304（备用）”, “1304(备用卷)”, “1304备份卷”, and a bare
 * “1304备” (after a code the character says nothing else). The bag is the paper's, as a name's mark says (SPARE_MARK).
 */
const SPARE_AFTER_CODE = new RegExp(`^(\\d{3,}(?:[-_]?[（(]?[${VERSION_LETTER}]卷?[）)]?)?)[-_—·]?[（(]?备(?:用试?卷?|份卷)?[）)]?$`);

/** A code's last character when it could end a version or a spare mark (most codes end in a digit: no regex for them). */
const MAY_END_MARK = new RegExp(`[${VERSION_LETTER}卷）)备用]$`);

export interface PaperCode {
  /** The paper's code as compared (half-width, no white space, a digits code without leading zeros), without a version. */
  code: string;
  /** The code as the cell writes it (half-width, no white space), without a version: what messages and summaries show. */
  written: string;
  /** The version as written after the code (“A”, “乙”), upper-case; '' when none is. */
  version: string;
  /** The code is marked as a spare bag's (“1304备用”, “1304（备用卷）”): a bag of the paper kept back, not another paper. */
  spare: boolean;
}

/** Leading zeros of a code of digits (not of a lone 0): what a number cell cannot hold. */
const LEADING_ZEROS = /^0+(?=\d+$)/;

/**
 * A note in brackets after a code of digits (“5503（补考）”, “2207(重考)”): the paper 5503, the note said of its row
 * (review 20b D5). Not a version's or a spare's mark (“1304（B卷）”, “1304（备用）”: NOT_A_NOTE), read as such below.
 */
const NOTE_AFTER_CODE = /^(\d{3,}[A-Da-d甲乙丙丁]?)[（(]([^（）()]+)[）)]$/;
const NOT_A_NOTE = new RegExp(`^(?:[${VERSION_LETTER}]卷?|备(?:用试?卷?|份卷)?)$`);

const CODES: TextMemo<PaperCode> = new TextMemo<PaperCode>((text): PaperCode => {
  const noted = NOTE_AFTER_CODE.exec(text);
  if (noted && !NOT_A_NOTE.test(noted[2])) return CODES.get(noted[1]);
  const spare = MAY_END_MARK.test(text) ? SPARE_AFTER_CODE.exec(text) : null;
  const unmarked = spare ? spare[1] : text;
  const m = MAY_END_MARK.test(unmarked) ? VERSIONED.exec(unmarked) : null;
  const written = m ? m[1] : unmarked;
  return { code: written.replace(LEADING_ZEROS, ''), written, version: m ? m[2].toUpperCase() : '', spare: spare !== null };
});

/** The paper a written 试卷号 names, and the version it writes after the code. */
export function paperOf(written: unknown): PaperCode {
  return CODES.get(norm(written));
}

/** Between the 试卷号 one line writes of several papers: 、，,;； / and white space. */
const BETWEEN_CODES = /[、，,;；/／\s]+/;

/**
 * The 试卷号 a cell writes when it writes more than one (“2207、2210”, “2207，2210”: two papers of one session taken
 * out on one vault line, review 20b D5), each as written — a count written after one with a space as in brackets
 * (“2207 2袋、2210 1袋” gives 2207(2袋), 2210(1袋)); [] for a cell of one paper, or of anything else. One line's
 * bags (袋数) are then not told apart by paper.
 */
export function papersWritten(written: unknown): readonly string[] {
  // Asked of every row of every table with a 试卷号 (rules/engine.ts papersApart), whose texts repeat: worked out once each.
  return typeof written === 'string' ? PAPERS_WRITTEN.get(written) : NONE;
}

/** Between the papers of a cell that writes each one's count after it with a space (“2207 2袋、2210 1袋”). */
const BETWEEN_COUNTED = /[、，,;；/／]+/;
/** A 试卷号, white space, and its count with its unit (“2207 2袋”, round 22): no other reading of it. */
const CODE_THEN_COUNT = /^(\S+)\s+(\S+)$/;

/**
 * “2207 2袋、2210 1袋”: each paper as with its count in brackets (“2207(2袋)”); undefined for any other cell. The reader
 * writes such a 试卷号 cell so (forms/convert.ts), since a code's white space is dropped.
 */
export function countedAfter(text: string): readonly string[] | undefined {
  const parts = text
    .split(BETWEEN_COUNTED)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const papers: string[] = [];
  for (const part of parts) {
    const m = CODE_THEN_COUNT.exec(part);
    const [code, count] = m ? [norm(m[1]), norm(m[2])] : ['', ''];
    if (!/^\d{3,}$/.test(paperOf(code).written) || !/^\d+(?:袋|份|箱)$/.test(count)) return undefined;
    papers.push(`${code}(${count})`);
  }
  return Object.freeze(papers);
}

const NONE: readonly string[] = Object.freeze([]);
const PAPERS_WRITTEN = new TextMemo((text): readonly string[] => {
  const counted = countedAfter(text);
  if (counted) return counted;
  const parts = norm(text).split(BETWEEN_CODES).filter(Boolean);
  return parts.length > 1 && parts.every((p) => /^\d{3,}$/.test(paperOf(p).written)) ? Object.freeze(parts) : NONE;
});

/**
 * A cell of parts each beginning with 3 digits, parted by 、，,;；/ or white space — anchored, each character looked at
 * once (a long note is passed by at its first character, review 22c) — and the runs between them.
 */
const CODES_SHAPE = /^\d{3}[^、，,;；/／\s]*(?:[、，,;；/／\s]+\d{3}[^、，,;；/／\s]*)+$/;
const BETWEEN_RUNS = /[、，,;；/／\s]+/g;
const WHITE_ONLY = /^\s+$/;

/**
 * The 试卷号 a cell writes parted by white space or a line break (“2207 2208”, “2207\n2208”, “2207 2208、2210”: round
 * 24), each as written (a code of 3 digits or more, a version or a note after it); undefined for any other cell — one
 * code, codes parted by 、，/ alone (“2207、 2208” too), a count after a code (“2207 2”, “2207 2袋、2210 1袋”). The reader
 * drops a code's white space, which ran such a cell into one paper that does not exist (22072208).
 */
export function spacedCodes(typed: string): readonly string[] | undefined {
  const t = toHalfWidth(typed).trim();
  if (!CODES_SHAPE.test(t) || !(t.match(BETWEEN_RUNS) ?? []).some((run) => WHITE_ONLY.test(run))) return undefined;
  const parts = t.split(BETWEEN_CODES);
  return parts.every((p) => /^\d{3,}$/.test(paperOf(p).written)) ? parts : undefined;
}

/** The code of the paper a written 试卷号 names, as compared: 1304A, 1304（B卷） and 1304 are 1304; 0304 and 304 are 304. */
export function paperCode(written: unknown): string {
  return paperOf(written).code;
}

/** The code a written 试卷号 shows, as the cell writes it, without a version: 0304A shows 0304 (compared: 304). */
export function shownCode(written: unknown): string {
  return paperOf(written).written;
}

/** A row of a paper's spare bag: its name marked (“大学英语（备用卷）”) or its 试卷号 (“5501备用”). */
export function isSpareRow(row: { paperNo?: unknown; paperName?: unknown }): boolean {
  return paperOf(row.paperNo).spare || isSpareName(norm(row.paperName));
}

interface ScheduleRow {
  paperNo?: unknown;
  start?: unknown;
  candidates?: unknown;
}

/**
 * The schedule rows whose 报考人数 another row has counted already: a timetable that lists an AB卷 as its
 * versions (1304A, 1304B) at one start, each with the same number, writes the paper's candidates on each
 * version's row — they sit once. Different numbers (1304A 31, 1304B 29) are each version's share, added.
 */
export function candidatesCountedBefore(schedule: readonly (ScheduleRow | null | undefined)[]): Set<number> {
  const seen = new Map<string, string>();
  const repeated = new Set<number>();
  schedule.forEach((row, i) => {
    const { code, version } = paperOf(row?.paperNo);
    if (!version) return;
    const key = `${code}|${norm(row?.start)}|${norm(row?.candidates)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== version) repeated.add(i);
    else if (earlier === undefined) seen.set(key, version);
  });
  return repeated;
}

/**
 * A paper's name as compared where it stands for the paper (a handover row naming its paper by name, model/item-papers.ts):
 * half-width, no white space, no version or spare mark at its end, no brackets — “语文（一）”, “语文(一)” and “语文（一）（A卷）”
 * are one name, as paper-name-mismatch compares names.
 */
export const paperNameKey = (name: unknown): string => nameWithoutMarks(norm(name)).replace(/[（）()]/g, '');
