/**
 * How a summary table declares its columns, once, for every face that draws
 * it (the CLI's workbook, the pane's 汇总 sheet and table): key, header in
 * both languages, width, number format, how a cell is shown, and where its
 * value comes from. Also what the layout needs to know about text: how wide
 * it is, how many lines it wraps to, and how a table prints on A4 landscape.
 *
 * Pure: no exceljs, no Node.
 */
import type { Lang } from '../rules/types';
import { parseIso, serialFromWallClock } from '../model/datetime';
import { baseName } from '../model/text';

export type { Lang };

export type Cell = string | number | null;

/**
 * How a raw cell value is shown, decided when it is written, not when the row
 * is made: rows may be made in a worker thread long before the language and
 * the set of files are known.
 * - `file`: a path, shown relative to the folder given (never absolute);
 * - `rule`: a rule id, shown as the rule's title;
 * - `datetime`: an ISO local time, shown as 2024年6月15日 08:30; a sheet
 *   holds it as a date (`sheetValue`), shown so by its number format;
 * - `duration`: a length of time in hours (the model's, to 2 decimals), shown
 *   as 40小时40分; a sheet holds it as a length of time (days), shown so by
 *   its number format, to be sorted and summed.
 */
type CellKind = 'file' | 'rule' | 'datetime' | 'duration';

export interface Column<T = never> {
  key: string;
  header: Record<Lang, string>;
  /** Excel column width (characters of the default font). */
  width: number;
  /** Excel number format (a `datetime` or `duration` column has its kind's, a `count` column COUNT_FORMAT: `numFmtOf`). */
  numFmt?: string;
  /**
   * A count (bags, copies, candidates, papers, findings): its numbers grouped by thousands (6,001) as every other face
   * shows them (countShown). Not a 序号 nor a 试卷号 stored as a number (1001 is no “1,001”); a word in it shows as written.
   */
  count?: boolean;
  /** Long text: wraps, and its row grows to show it whole. */
  wrap?: boolean;
  /** A list of names (listOf): wrapped after a separator only, a name never broken (杨柳、/ 陈刚, not 杨柳、陈 / 刚). */
  names?: boolean;
  kind?: CellKind;
  /** A raw value that is a key (a status, a severity): shown as its word in the language written. */
  words?: Readonly<Record<string, Record<Lang, string>>>;
  /** The most lines each of its words (`words`) shown in a table may take: the column as wide as that needs (Latin words whole; widthWithin). */
  wordsLines?: number;
  /**
   * Its word (`words`) is not wrapped: it runs on over the empty cells to its right, which the row leaves empty
   * for it (无保密室记录 across the figures of a vault that keeps no record), and does not widen the column.
   */
  runsOn?: boolean;
  /**
   * Of a column that runs on (`runsOn`), the raw values whose word does not: it wraps in its own cell, the row grown
   * for it (附件3 未能读取 in every cell made from a form not read, review 21b D2: run on, it read as 附件3 | 未能读取).
   */
  wrapped?: readonly string[];
  /** The raw value of an item; `lang` only for text made of several facts (most values are language-neutral). */
  value?: (item: T, lang: Lang) => Cell;
}

/** Whether a raw cell's word runs on over the empty cells beside it (runsOn), not wrapped in its own cell. */
export const runsOnAt = (column: Pick<Column, 'runsOn' | 'words' | 'wrapped'>, raw: Cell | undefined): boolean =>
  Boolean(column.runsOn && column.words?.[String(raw)] && !column.wrapped?.includes(String(raw)));

/** What a cell's raw value needs to be shown. */
export interface ShowContext {
  lang: Lang;
  /** A file's name as shown (relative to the folder given). */
  fileName?: (file: string) => string;
  ruleTitle: (id: string, lang: Lang) => string;
}

/** The row of one item, raw, in column order. */
export function rowOf<T>(columns: ReadonlyArray<Column<T>>, item: T, lang: Lang = 'zh'): Cell[] {
  return columns.map((c) => (c.value ? c.value(item, lang) : null));
}

/** A raw cell as it is shown in its column. */
export function show(column: Pick<Column, 'kind' | 'words'>, value: Cell | undefined, ctx: ShowContext): Cell {
  if (value === null || value === undefined || value === '') return value ?? null;
  const word = column.words?.[String(value)];
  if (word) return word[ctx.lang];
  switch (column.kind) {
    case 'file':
      return ctx.fileName ? ctx.fileName(String(value)) : baseName(String(value));
    case 'rule':
      return ctx.ruleTitle(String(value), ctx.lang);
    case 'datetime':
      return showDateTime(String(value), ctx.lang);
    case 'duration':
      return typeof value === 'number' ? showDuration(value, ctx.lang) : value;
    default:
      return value;
  }
}

/**
 * A raw cell as a sheet holds it: a time as an Excel date serial, which its
 * column's number format (`numFmtOf`) shows as `show` shows it, so that a
 * filter sorts 6月9日 before 6月15日; anything else, and a time the reader
 * could not read (kept as typed), as `show` gives it.
 */
export function sheetValue(column: Pick<Column, 'kind' | 'words'>, value: Cell | undefined, ctx: ShowContext): Cell {
  if (column.kind === 'datetime' && typeof value === 'string') {
    const serial = dateTimeSerial(value);
    if (serial !== undefined) return serial;
  }
  if (column.kind === 'duration' && typeof value === 'number') return minutesOfHours(value) / MINUTES_PER_DAY;
  return show(column, value, ctx);
}

/** A count's number format: grouped by thousands, as countShown writes it (6,001; 0 as 0). */
export const COUNT_FORMAT = '#,##0';

/** The number format of a column's cells in a sheet written in `lang`. */
export function numFmtOf(column: Pick<Column, 'kind' | 'numFmt' | 'count'>, lang: Lang): string | undefined {
  if (column.numFmt) return column.numFmt;
  if (column.count) return COUNT_FORMAT;
  if (column.kind === 'datetime') return DATETIME_FORMAT[lang];
  return column.kind === 'duration' ? DURATION_FORMAT[lang] : undefined;
}

/* ------------------------------------------------------------------ lengths of time */

const MINUTES_PER_DAY = 24 * 60;

/**
 * The whole minutes of a length the model gives in hours to 2 decimals
 * (40.67 for 40 h 40 min): a hundredth of an hour is 0.6 min, so the
 * nearest minute is the one the hours were worked out from.
 */
const minutesOfHours = (hours: number): number => Math.round(hours * 60);

/**
 * Hours and minutes, as staff read a length of time (40.67 hours read as 40
 * hours 67 minutes): [h] counts past a day. The text is `showDuration`'s.
 */
const DURATION_FORMAT: Record<Lang, string> = { zh: '[h]"小时"mm"分"', en: '[h]"h "mm"m"' };

/** 40.67 hours → 40小时40分 (zh) or 40h 40m (en), as DURATION_FORMAT shows it. */
export function showDuration(hours: number, lang: Lang = 'zh'): string {
  const minutes = minutesOfHours(hours);
  const [h, m] = [Math.floor(minutes / 60), String(minutes % 60).padStart(2, '0')];
  return lang === 'zh' ? `${h}小时${m}分` : `${h}h ${m}m`;
}

/**
 * A column of lengths of time, wide enough for 999小时59分 (six weeks) on one
 * line: 11 units of 宋体 11, and a cell's padding one more.
 */
export const DURATION_WIDTH = 12;

/* ------------------------------------------------------------------ dates */

/** YYYY-MM-DDTHH:mm: a time of day with its date. */
const ISO_DATETIME_LENGTH = 16;

/** What showDateTime writes, as a number format: 2024年6月15日 08:30, 2024-06-15 08:30. */
const DATETIME_FORMAT: Record<Lang, string> = { zh: 'yyyy"年"m"月"d"日" hh:mm', en: 'yyyy-mm-dd hh:mm' };

/**
 * A column of times, wide enough for the longest one on one line (a number
 * does not wrap: too narrow, Excel shows ####): 2024年12月31日 23:59 is 20
 * units of 宋体 11, and a cell's padding one more.
 */
export const DATETIME_WIDTH = 21;

/**
 * The Excel serial of an ISO wall-clock time (2024-06-15T08:30 → 45458.354…),
 * worked out from the figures alone: the site's wall clock, the same reading
 * on a machine in any time zone. Undefined for anything else (a date alone
 * is shown as text, as before: it has no time to show).
 */
function dateTimeSerial(iso: string): number | undefined {
  const t = iso.length === ISO_DATETIME_LENGTH ? parseIso(iso) : undefined;
  return t ? serialFromWallClock(t) : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** 2024-06-15T08:30 → 2024年6月15日 08:30 (zh) or 2024-06-15 08:30 (en); anything else as it is. */
export function showDateTime(iso: string | null | undefined, lang: Lang = 'zh'): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const time = h === undefined ? '' : ` ${h}:${mi}`;
  return lang === 'zh' ? `${y}年${Number(mo)}月${Number(d)}日${time}` : `${y}-${mo}-${d}${time}`;
}

/* ------------------------------------------------------------------ file names */

const parts = (file: string): string[] => file.split(/[\\/]+/);

/**
 * Each file's name relative to the folder all of them are in (the folder
 * given), so that no absolute path is printed: `/home/a/考点/x.xlsx` and
 * `/home/a/考点/sub/y.xlsx` → `x.xlsx`, `sub/y.xlsx`.
 */
export function relativeNames(files: Iterable<string>): (file: string) => string {
  const list = [...files];
  let common: string[] | null = null;
  for (const f of list) {
    const dir = parts(f).slice(0, -1);
    if (common === null) common = dir;
    else {
      let i = 0;
      while (i < common.length && i < dir.length && common[i] === dir[i]) i++;
      common = common.slice(0, i);
    }
  }
  const depth = common?.length ?? 0;
  return (file: string) => {
    const p = parts(file);
    const rest = p.slice(Math.min(depth, p.length - 1)).filter(Boolean);
    return rest.join('/') || baseName(file);
  };
}

/* ------------------------------------------------------------------ text and print */

/** Width of a text in Excel width units at `size` pt (a Chinese character is about two units). */
function textUnits(text: string, size = 11): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : ch === '\n' || ch === WORD_BREAK ? 0 : 1.05;
  return (units * size) / 11;
}

/**
 * A column's width, widened so that the longest English word of its headers
 * fits (a Latin word does not break where a Chinese header wraps anywhere).
 */
export function widthFor(width: number, headers: readonly string[]): number {
  const words = headers.flatMap((h) => h.split(/\s+/)).filter((w) => /^[\x20-\x7e]+$/.test(w));
  const longest = Math.max(0, ...words.map((w) => textUnits(w, HEADER_PT)));
  return Math.max(width, Math.ceil(longest + 2));
}

/** Lines a text needs in a column of this width when wrapped. */
export function linesOf(text: string, width: number, size = 11): number {
  // Most cells are short: no need to measure a text that would fit even if all of it were Chinese.
  if (text.length * 2 * (size / 11) <= roomOf(width) && !text.includes('\n')) return 1;
  return wrappedLines(lineUnits(text, size), width);
}

/** What a column of this width holds on a line, in width units (its padding taken off). */
const roomOf = (width: number): number => Math.max(1, width - 1.5);

/** The width units of each of a text's lines (as typed, at its line breaks): measured once, wrapped at many widths. */
export function lineUnits(text: string, size = 11): number[] {
  return text.split('\n').map((line) => textUnits(line, size));
}

/**
 * Lines a short text needs in a column of this width as a spreadsheet wraps it: between its words where it has
 * spaces (Not a custody / workbook), a Latin word never broken, Chinese anywhere (不是试卷 / 保密表单).
 */
export function wordWrapLines(text: string, width: number): number {
  const room = roomOf(width);
  const space = textUnits(' ');
  let lines = 0;
  let used = Infinity;
  for (const word of text.split(' ')) {
    const units = textUnits(word);
    if (used + space + units <= room + 1e-9) {
      used += space + units;
      continue;
    }
    // A word on a new line; one longer than the line, over as many as it takes (Chinese breaks anywhere).
    const over = Math.max(1, Math.ceil(units / room - 1e-9));
    lines += over;
    used = units - (over - 1) * room;
  }
  return lines;
}

/** The least width, `from` on, at which each of `texts` takes `most` lines or fewer (wordWrapLines). */
export function widthWithin(texts: Iterable<string>, most: number, from: number): number {
  const all = [...texts];
  let width = from;
  while (all.some((t) => wordWrapLines(t, width) > most)) width++;
  return width;
}

/** Lines that text of these line widths (lineUnits) needs in a column of this width: linesOf, the text measured already. */
export function wrappedLines(units: readonly number[], width: number): number {
  const room = roomOf(width);
  let lines = 0;
  // Less a hair: ten Latin letters (10 × 1.05) are 10.500000000000002 units, and fill a room of 10.5.
  for (const u of units) lines += Math.max(1, Math.ceil(u / room - 1e-9));
  return lines;
}

/** A list's items, each with the separator after it (listOf's 、 or , and its space). */
const LIST_ITEM = /[^、,]+(?:、|, *)?|[、,]/g;

/** A text ending in a bracketed Chinese word: Branch school (分校), Exam site (考点). */
const BRACKETED_END = /^(.*\S) ((?:\(|（)[\u2e80-\uffff]{1,4}(?:\)|）))$/;

/**
 * A text too long for a column of this width that ends in a bracketed Chinese word: the word put on a line of its
 * own (Branch school / (分校)), for a spreadsheet breaks between any two Chinese characters (Branch school (分 / 校),
 * review round 13a D8). Any other text as it is.
 */
export function bracketLine(text: string, width: number): string {
  const m = BRACKETED_END.exec(text);
  if (!m || linesOf(text, width) === 1 || linesOf(m[2], width) > 1) return text;
  return `${m[1]}\n${m[2]}`;
}

/** A figure known at least (至少 1,373, at least 1,373): its words, then its number. */
const AT_LEAST = /^(至少|at least) ([\d,]+)$/;

/**
 * A figure's word (附件3 未能读取, 考试安排 not read) too long for its column on one line, its two pieces on their own
 * lines — 附件3 / 未能读取, 考试安排 / not read: a spreadsheet breaks Chinese between any two characters (附件3 未能读 / 取,
 * 考试安 / 排 not / read, review 22b D5). The column is to be as wide as its longer piece (wordsWidth).
 */
export function wordLines(text: string, width: number): string {
  // Two words said together (附件3 未能读取；附件3 显示错误值) left as they are: not broken after the first alone.
  return linesOf(text, width) === 1 || /；|; /.test(text) ? text : wordPieces(text).join('\n');
}

/**
 * A figure's word in its two pieces: the form (附件3, 考试安排) and what of it (未能读取, not read); a figure known at
 * least (at least 1,373) its words and its number; a word of one piece, itself.
 */
const wordPieces = (text: string): string[] => {
  const atLeast = AT_LEAST.exec(text);
  if (atLeast) return [atLeast[1], atLeast[2]];
  const at = text.indexOf(' ');
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
};

/** The least width a column holding these words (wordLines) needs for each of their pieces whole on a line (未能读取, not read: 10). */
export const wordsWidth = (texts: Iterable<string>): number => Math.max(0, ...[...texts].flatMap(wordPieces).map((piece) => Math.ceil(textUnits(piece) + 1.5)));

/**
 * A list (listOf) broken into the lines a column of this width holds, after its separators only: as many
 * items on a line as it holds, an item longer than a line on a line of its own.
 */
export function listLines(text: string, width: number): string {
  return packedLines(text.match(LIST_ITEM) ?? [], (line) => linesOf(line.trimEnd(), width) === 1);
}

/** Pieces of a text put on lines in their order, as many on a line as `holds` lets it take (a piece too long: a line of its own). */
function packedLines(pieces: Iterable<string>, holds: (line: string) => boolean): string {
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.length - 1;
    if (last >= 0 && holds(lines[last] + piece)) lines[last] += piece;
    else lines.push(piece);
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Punctuation a line does not start with: it stays at the end of the line before. */
const CLOSING = /^[，。、；：！？）》」』”’,.;:!?)\]]/u;
/** Characters of a word after a space that a line break does not split. */
const SHORT_WORD = 3;
/** A Latin word with the spaces after it, a run of spaces, or any other single character. */
const TOKEN = /[\x21-\x7e]+ *| +|[^]/gu; // [^]: any character, a newline too (WPS's older engine has no s flag)

/** A Latin word a Chinese character follows with no space (2024秋, 5袋): the two are one word to a reader. */
const GLUED = /(?:^|[^\x21-\x7e])([\x21-\x7e]+)$/;

/** What of a full line goes on to the next with `token`: a short word after a space (序号 in 出入库记录!F4 序号 1), or a Latin word the token is glued to. */
function carriedOver(line: string, token: string): string {
  const glued = token.length === 1 && token > '\u2e7f' ? GLUED.exec(line) : null;
  if (glued && glued[1].length < line.length) return glued[1];
  const space = line.lastIndexOf(' ');
  return space > 0 && line.length - space <= SHORT_WORD + 1 ? line.slice(space + 1) : '';
}

/**
 * A text broken into lines of at most `room` units, for text that is not
 * wrapped by the spreadsheet (a line a row): between Latin words, anywhere in
 * Chinese but before closing punctuation. A word longer than a line is a line.
 */
export function breakLines(text: string, room: number, size = 11): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const token of paragraph.match(TOKEN) ?? []) {
      if (line && used + textUnits(token.trimEnd(), size) > room && !CLOSING.test(token)) {
        const tail = carriedOver(line, token);
        lines.push(line.slice(0, line.length - tail.length).trimEnd());
        [line, used] = [tail, textUnits(tail, size)];
      }
      if (!line && !token.trim()) continue;
      line += token;
      used += textUnits(token, size);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * Where a Chinese header may break between its words, written into it where it is declared (`words`):
 * Chinese has no spaces, and a spreadsheet breaks it between any two characters (接收交/接单, 试卷份/数:
 * review round 9). Invisible; a header row breaks only there (headerText), and every other face takes it out (plainHeader).
 */
const WORD_BREAK = '\u200b';

/** A Chinese header of these words: it breaks between them only (接收 / 交接单), never inside one. */
export const words = (...parts: string[]): string => parts.join(WORD_BREAK);

/** A header as shown anywhere but a header row of a summary sheet: its word breaks taken out. */
export const plainHeader = (header: string): string => header.split(WORD_BREAK).join('');

const HAS_CJK = /[\u2e80-\uffff]/;

/** A header's words: as declared (`words`), a bracketed unit (（袋）, （照填）, （文件指纹）) and what follows a slash (序号/ 班次) each a word of its own. */
const headerWords = (header: string): string[] =>
  header
    .replace(/（[^（）]{1,4}）/g, `${WORD_BREAK}$&`)
    .replace(/\//g, `/${WORD_BREAK}`)
    .split(WORD_BREAK)
    .filter(Boolean);

/**
 * Width units a header's line may take in a column of this width: bold 宋体 11 is some 15 px a character,
 * a column 7w + 5 px, a cell's inset a few (linesOf's room, a unit and a half less, put a character
 * fewer on a line than any spreadsheet prints: 试卷 / 份数 in a column 5 wide, not 试 / 卷 / 份 / 数).
 */
const headerRoom = (width: number): number => width - 0.5;

const holds = (line: string, width: number): boolean => textUnits(line.trimEnd(), HEADER_PT) <= headerRoom(width);

/** The least width of a column whose Chinese header prints each of its words whole on a line. */
export function headerWidth(header: string): number {
  if (!HAS_CJK.test(header)) return 0;
  return Math.ceil(Math.max(...headerWords(header).map((w) => textUnits(w.trimEnd(), HEADER_PT))) + 0.5);
}

/**
 * A header as it is written into a column of this width: a Chinese one that does not fit on one line
 * broken between its words (headerWords), as many on a line as it holds, so that a column wraps
 * 接收 / 交接单 and 合计 / （袋）, never 接收交 / 接单 or 合计（袋 / ）. The column must be wide enough
 * for each word (columnWidth: headerWidth; a test holds every table to it). Latin headers are wrapped
 * by the spreadsheet, at their spaces.
 */
export function headerText(header: string, width: number): string {
  const plain = plainHeader(header);
  if (!HAS_CJK.test(plain) || holds(plain, width)) return plain;
  return packedLines(headerWords(header), (line) => holds(line, width));
}

/** Lines a header takes in a column of this width (headerText's; a line that holds is one line, however linesOf measures it). */
export function headerLines(header: string, width: number): number {
  return headerText(header, width)
    .split('\n')
    .reduce((n, line) => n + (holds(line, width) ? 1 : linesOf(line, width, HEADER_PT)), 0);
}

/** Row height (points) for this many lines at `size` pt. */
export const rowHeightFor = (lines: number, size = 11): number => Math.min(409, Math.max(1, lines) * Math.ceil(size * 1.35) + 3);

/** Printable width of an A4 landscape page with 0.25-inch side margins (the summary's print setup), in pixels at 96 dpi. */
export const A4_LANDSCAPE_PX = ((297 - 2 * 0.25 * 25.4) / 25.4) * 96;

/** Printable height of an A4 landscape page with 0.6-inch top and bottom margins, in points. */
const A4_LANDSCAPE_PT = (210 / 25.4 - 2 * 0.6) * 72;

/** A row's height (points) when none is set: Excel's for an 11 pt font. */
export const DEFAULT_ROW_PT = 15;

/**
 * How many points of a sheet's rows print on one A4 landscape page, the sheet
 * scaled to print one page wide (printScale of its widths).
 */
export const pageHeight = (widths: readonly number[]): number => A4_LANDSCAPE_PT / printScale(widths);

/**
 * The scale at which a table of these column widths prints on one A4
 * landscape page width (1 when it fits at 100%): what "fit to 1 page wide"
 * makes of the font. An Excel column of width w is 7w + 5 pixels.
 */
export function printScale(widths: readonly number[]): number {
  return Math.min(1, A4_LANDSCAPE_PX / columnPixels(widths));
}

/** Pixels a row of columns of these widths takes on screen (an Excel column of width w is 7w + 5). */
export const columnPixels = (widths: readonly number[]): number => widths.reduce((n, w) => n + Math.floor(7 * w + 5), 0);

/** The body font of the summary tables, and the least size a printed page may show. */
export const BODY_PT = 11;
/** The size a header is measured at: bold, a little wider than the body. */
export const HEADER_PT = BODY_PT + 0.5;
export const LEAST_PRINTED_PT = 9;
