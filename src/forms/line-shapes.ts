/**
 * The shapes of a line written on a table's rows that is not a record (read-table.ts asks them of every row's first
 * text): a label ending in its colon, a note, a day's heading. Review 22c D2, D5: asked of a whole cell, their patterns
 * backtracked on a long one (a heading with 600 spaces stopped a file at 30 s; a 32,767-character note took seconds).
 * Each is now asked in time linear in the cell: a label by one walk back from its colon, a note and a heading by their
 * pattern on the cell's first characters with white space runs as one space (a note's words and a heading are short),
 * the patterns written with one `\s*` between fixed words.
 */

/** White space as a pattern's `\s` takes it (the characters String.prototype.trim removes). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text`'s first characters with each run of white space as one space: at most `max + 1` of them (more than `max` says
 * the text is longer). Linear in the characters walked, each looked at once.
 */
export function shortForm(text: string, max: number): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (isSpace(ch.charCodeAt(0))) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
    if (out.length > max) return out;
  }
  return space ? `${out} ` : out;
}

const CJK = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const COLON = (ch: string): boolean => ch === ':' || ch === '：';

/**
 * A label with its colon and nothing after it (收卷人签字：): a line under the table, not a row of it. The text ends in
 * its colon and a Chinese character stands between it and the colon before (what `/[\u4e00-\u9fff][^:：]*[:：]\s*$/`
 * says, asked by one walk back instead of from every Chinese character).
 */
export function isLabelWithColon(text: string): boolean {
  const t = text.trimEnd();
  if (t.length === 0 || !COLON(t[t.length - 1])) return false;
  for (let i = t.length - 2; i >= 0; i--) {
    if (COLON(t[i])) return false;
    if (CJK(t.charCodeAt(i))) return true;
  }
  return false;
}

/** The longest start a note's pattern reads (（注意）12 ：, 核对人：莫琳桂's first 9), white space as one space. */
const NOTE_PREFIX = 16;

/**
 * A line of its own written on the table's rows, not a record: a note (注：6月16日下午无考试, 说明1、…) or a label with
 * what it names (核对人：莫琳桂). Read as a row it was a paper number off every list and a row half filled in.
 */
const NOTE_LINE =
  /^[(（]?(?:注|说明|附注|注意)[)）]?\s?(?:[0-9０-９一二三四五六七八九十]{1,2}\s?)?[:：.．、]|^[\u4e00-\u9fff]{1,6}[:：]\s?\S|^(?:以上|上述|本表)/;

/** Whether `text` (trimmed) is a note's line: NOTE_LINE on its first characters, white space as one space. */
export const isNoteLine = (text: string): boolean => NOTE_LINE.test(shortForm(text, NOTE_PREFIX).slice(0, NOTE_PREFIX));

/**
 * A sentence typed alone on a table's row (李强代赵敏领取3310，陈静在场; （3310由李强代赵敏领取）): a note without its 注：
 * (review 24 D6: read as a record, a 试卷号 off every list and a row half filled in). A sentence has its Chinese comma,
 * full stop or semicolon between words, or stands wholly in brackets; no paper's name or number is written so.
 */
const NOTE_SENTENCE = /[\u4e00-\u9fff][^，。；]*[，。；]\s*\S|^[(（][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]$/;

/** The longest sentence read as a note: its whole is asked (a bracket closing it), so the pattern never sees a long cell. */
const SENTENCE_MAX = 80;

/** Whether `text` (trimmed) is a sentence of a note (NOTE_SENTENCE), six to SENTENCE_MAX characters long. */
export const isNoteSentence = (text: string): boolean => text.length >= 6 && text.length <= SENTENCE_MAX && NOTE_SENTENCE.test(text);

/** The longest day heading, white space as one space: 二〇二四年十二月三十一日 礼拜日 全天场 （…12…） ： is 42. */
const SECTION_MAX = 48;

/** A month and a day of a date written with slashes: 6/21, 06/21 (a 试卷号 has three digits or more, a time its colon). */
const MONTH = '(?:0?[1-9]|1[0-2])';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
/**
 * A day or session heading the rows below it (6月22日（第二天）, 第二天, 6月22日下午): in a text column, no paper. Also
 * with its weekday, 上午场, a date with slashes or in Chinese numerals (6月16日 星期日, 6月16日上午场, 2024/6/16,
 * 六月十六日（星期日）: review 21a D9; 6/21, 24/6/21 with no 4-digit year), and with its colon after it (6月16日：, 第二天：:
 * D3). Each optional part carries the white space before it: no two `\s*` meet (review 22c D2).
 */
const SECTION_LINE = new RegExp(
  String.raw`^(?:(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|(?:\d{4}|\d{2})\s*[/.．-]\s*${MONTH}\s*[/.．-]\s*${DAY}|${MONTH}\s*[/／]\s*${DAY}|第\s*[一二三四五六七八九十\d]{1,3}\s*(?:天|日|场|批))(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:\s*(?:上午|下午|晚上|晚间|全天)场?)?(?:\s*[（(][^（()）]{0,12}[）)])?\s*[:：]?$`,
);

/** Whether `text` (trimmed) is a day's heading: SECTION_LINE on it with white space as one space, when it is short. */
export function isSectionLine(text: string): boolean {
  const short = shortForm(text, SECTION_MAX);
  return short.length <= SECTION_MAX && SECTION_LINE.test(short);
}
