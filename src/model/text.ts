/**
 * How people type into these forms: full-width digits and punctuation, names
 * separated by 、，/ or spaces, 是/否 ticks, counts with their unit attached.
 * Pure functions; the readers and the custom functions share them.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const SPACE = /[\s\u3000]/;

/** Full-width ASCII (０-９, Ａ-Ｚ, ：, （, …) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A label or value as compared: half-width, no white space, no trailing colon, none of the marks bareLabel drops. */
export function normalizeLabel(text: string): string {
  return bareLabel(withoutEndColons(toHalfWidth(text).replace(/\s+/g, '')));
}

/**
 * `text` without the colons it ends with (: and ：, or `halfOnly` : alone), by a walk back from its end: `/[:：]+$/`
 * tried the run again from each colon of it (review 22c: 32,767 colons in a cell took 2 s a pattern).
 */
export function withoutEndColons(text: string, halfOnly = false): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || (!halfOnly && text[end - 1] === '：'))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A required mark before a label: *考点, ＊日期 (half-width by then). */
const REQUIRED_MARK = /^\*+/;
/** A footnote mark after a label: 日期①, 日期¹, 日期注1, 日期（注1）, 日期[1] — not 备注1. */
const FOOTNOTE_MARK = /(?:[\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]|\(注\d{1,2}\)|(?<!备)注\d{1,2}|\[\d{1,2}\])$/;
/**
 * A hint in brackets after a label saying how to fill it in, not what it is: 日期（年月日）, 入库时间（年月日时分）,
 * 保管员（签字）, 考点（必填）, 日期（请填写） (review 18a D6: a filled 基本信息 so labelled read as blank). A bracket that names the field (分校（学院）, 值班时间（起）, 数量（袋/份）, 移交人签字（两人）) is kept.
 */
const FILL_HINT =
  /\((?:[年月日时分秒:.\-/]+|签字|签名|盖章|签章|签字盖章|签名盖章|手签|本人签字|本人签名|亲笔签字|亲笔签名|必填|必填项|选填|请填写|请填|必须填写|如实填写|手写|请手写|如有)\)$/;

/**
 * A label without the marks people add around it that do not change it (review 17b D3): a leading required mark, a
 * trailing footnote mark, a trailing hint of how to fill it in. The text of a normalised label (half-width, no white
 * space, no trailing colon); a text that is nothing but marks is kept as it is.
 */
export function bareLabel(norm: string): string {
  let bare = norm;
  for (let before = ''; before !== bare;) {
    before = bare;
    bare = bare.replace(REQUIRED_MARK, '').replace(FOOTNOTE_MARK, '').replace(FILL_HINT, '');
    bare = withoutEndColons(bare, true);
  }
  return bare === '' ? norm : bare;
}

/** Trimmed text with white space runs folded; empty string for nothing. */
export function cleanText(text: string): string {
  if (!SPACE.test(text)) return text;
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

const SIGNER_SEPARATORS = /[、，,／/;；\s\u3000]+/;

/** "张三、李四" / "张三，李四" / "张三/李四" / "张三 李四" → ["张三", "李四"]. */
export function splitSigners(text: string): string[] {
  return text
    .split(SIGNER_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** The words every 是/否 cell reads; a column's own words come beside them (YesNoWords). */
const YES = new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', '对']);
const NO = new Set(['否', '无', '没有', '不是', '非', '×', '✗', '✘', 'n', 'no', 'false', '0']);

/**
 * The words one 是/否 column reads besides the common ones, as people answer
 * its own question: 在编 answers “正式职工?” and nothing else, 已签 “保密承诺书?”
 * — read in 考生亲属, 已签 would make a candidate's relative of a colleague.
 */
export interface YesNoWords {
  yes: readonly string[];
  no: readonly string[];
}

/** 涉卷人员 正式职工: 编制 as people say it. */
export const FORMAL_STAFF_WORDS: YesNoWords = {
  yes: ['在编', '编内', '在编在岗', '在职在编', '正式', '正式职工', '正式员工', '正式教职工', '正式教职员工', '本单位正式职工', '事业编', '事业编制'],
  no: [
    '编外',
    '非在编',
    '不在编',
    '非编',
    '聘用',
    '聘用人员',
    '合同工',
    '合同制',
    '临聘',
    '临聘人员',
    '临时工',
    '临时聘用',
    '外聘',
    '劳务派遣',
    '派遣',
    '非正式',
    '非正式职工',
    '返聘',
    '退休返聘',
  ],
};

/** 涉卷人员 考生亲属. */
export const CANDIDATE_RELATIVE_WORDS: YesNoWords = {
  yes: ['是考生亲属', '有亲属', '有直系亲属', '亲属'],
  no: ['无亲属', '没有亲属', '无直系亲属', '无考生亲属', '非考生亲属', '不是考生亲属'],
};

/** 涉卷人员 保密承诺书. */
/** 待签, 尚未交: a pledge still to be signed is not signed (003 (六)), said as staff-ineligible's, not as an unreadable answer. */
const STILL_TO_SIGN = ['待签', '待签订', '待签字', '待交', '待提交', '尚未签', '尚未签订', '尚未交', '暂未签', '暂未交'];

export const PLEDGE_WORDS: YesNoWords = {
  yes: ['已签', '已签订', '已签字', '已签署', '已签名', '签了', '签订', '已交', '已上交', '已提交'],
  no: ['未签', '未签订', '未签字', '未签署', '没签', '没有签', '没签订', '未交', '没交', '未提交', ...STILL_TO_SIGN],
};

function answerOf(key: string, words: YesNoWords | undefined): boolean | undefined {
  if (YES.has(key) || words?.yes.includes(key)) return true;
  if (NO.has(key) || words?.no.includes(key)) return false;
  return undefined;
}

const BRACKETED = /\(([^()]*)\)/g;

/**
 * 是/否 and their usual ticks, and a column's own words; undefined when it says
 * neither. A note in brackets beside the answer (是（在编）) is read with it:
 * the answer is what the readable parts agree on, none when they disagree.
 */
export function parseYesNo(value: unknown, words?: YesNoWords): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const key = normalizeLabel(value).toLowerCase();
  const whole = answerOf(key, words);
  if (whole !== undefined || !key.includes('(')) return whole;
  const parts = [key.replace(BRACKETED, ''), ...[...key.matchAll(BRACKETED)].map((m) => m[1])];
  const answers = new Set(parts.map((part) => answerOf(part, words)).filter((a) => a !== undefined));
  return answers.size === 1 ? [...answers][0] : undefined;
}

/**
 * A 是/否 cell of a column with its own words: true or false; what says
 * neither (不详, —) as typed, so that it is reported as such rather than as
 * left empty; undefined for nothing.
 */
export function readYesNo(value: unknown, words: YesNoWords): boolean | string | undefined {
  const answer = parseYesNo(value, words);
  if (answer !== undefined || (typeof value !== 'string' && typeof value !== 'number')) return answer;
  return cleanText(String(value)) || undefined;
}

/** A unit in brackets after its count, as the header prints it (数量（袋/箱）): "2(袋)" reads as "2袋". Half-width text. */
const BRACKETED_UNIT = /\s*\(\s*(袋|箱|份|个|包|人|名)\s*\)\s*$/;
const unbracketUnit = (text: string) => text.replace(BRACKETED_UNIT, '$1');

/** 共/合计/总计/计 before a count (共5袋, 合计：五袋): they say it is the whole, not how many. */
const COUNT_LEAD = /^(?:合计|总计|共计|一共|总共|共|计)\s*:?\s*(?=\S)/;
/** 整 after a count (五袋整), as amounts are written out in full. */
const COUNT_WHOLE = /(\S)\s*整$/;
/**
 * A note in brackets after a count (5袋（含补考1袋））: the count is the number before it. One character in
 * brackets is a unit as the header prints it (2（件）), not a note: the unit is judged (BRACKETED_UNIT).
 */
const NOTE_AFTER = /(\S)\s*\([^()]{2,}\)$/;
/**
 * A note after a comma that says it is part of the count (5袋，含补考1袋; 5袋, 其中补考1袋; 5袋；包括补考1袋): read as
 * the same note in brackets. Only these words: after a comma without them (5袋，6袋; 5袋，补考1袋) it may be a second
 * count, and the cell stays no count.
 */
const NOTE_AFTER_COMMA = /^(.*?\S)(?:\s*[,;、]\s*|\s+)((?:其中|含|内含|包含|包括)[^()]*)$/;

/**
 * The count of a cell without the words people write around it: “共5袋”, “合计：五袋”, “五袋整”,
 * “5袋（含补考1袋）”, “5袋，含补考1袋” → “5袋”, “五袋”, “五袋”, “5袋”, “5袋”. A box with its bags in brackets (1箱（内装5袋）) keeps
 * them: that bracket is part of the count (`boxWithBags`). What is really no count (若干, 约5袋, 5-6袋)
 * keeps its words and stays no count. Half-width, cleaned text.
 */
export function countCore(text: string): string {
  const bare = text.replace(COUNT_LEAD, '').replace(NOTE_AFTER_COMMA, '$1($2)').replace(COUNT_WHOLE, '$1');
  if (BOX_WITH_BAGS.test(bare) || CORRECTED.test(bare)) return bare;
  return bare.replace(NOTE_AFTER, '$1').replace(COUNT_WHOLE, '$1');
}

/**
 * A count as typed: 3, "3", "３", "3袋", "3 份", "2（袋）", "20人" (报考人数), "共3袋", "3袋（含补考1袋）" → 3. Anything else (a fraction,
 * a negative, words) comes back as the text typed (as written, trimmed), for the validator to quote and flag.
 */
export function parseCount(value: unknown, units: readonly string[] = []): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  const typed = countCore(cleanText(unbracketUnit(toHalfWidth(String(value)))));
  if (typed === '') return undefined;
  // The field's own unit after the number ("90分钟", "2H"): the number alone; what is then no number stays as typed.
  const unit = units.find((u) => typed.toLowerCase().endsWith(u) && /\d\s*$/.test(typed.slice(0, -u.length)));
  const text = unit ? typed.slice(0, -unit.length).trim() : typed;
  const boxed = boxWithBags(text);
  if (boxed) return boxed.boxes;
  const m = /^([+-]?\d+(?:\.\d+)?)\s*(袋|箱|份|个|包|人|名)?$/.exec(text);
  if (m) return Number(m[1]);
  const chinese = CHINESE_COUNT.exec(text);
  return (chinese && chineseNumber(chinese[1])) ?? cleanText(String(value));
}

/** The digits officers write in words, 小写 and 大写 (两 as in 两袋), by their value: 零〇 0, 一壹 1, … */
const DIGIT_WRITINGS = ['零〇', '一壹', '二两贰貳', '三叁參', '四肆', '五伍', '六陆陸', '七柒', '八捌', '九玖'];
const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map(DIGIT_WRITINGS.flatMap((chars, n) => [...chars].map((c) => [c, n] as const)));
const CHINESE_NUMERAL = `[${DIGIT_WRITINGS.join('')}十拾]`;
/** The unit written after a count's last digit, either kind: 3袋, 三袋. */
const UNIT_AFTER_COUNT = new RegExp(`(?:\\d|${CHINESE_NUMERAL})\\s*(袋|箱|份)\\s*$`);
/** A count in Chinese numerals, with or without its unit: 三袋, 贰袋, 十二袋, 四十五人. */
const CHINESE_COUNT = new RegExp(`^(${CHINESE_NUMERAL}{1,3})\\s*(?:袋|箱|份|个|包|人|名)?$`);

/**
 * A whole number 0–99 written in Chinese numerals: 三 → 3, 十二 → 12, 贰拾 → 20, 九十九 → 99 (the ways a
 * bag or copy count is written); undefined for anything else (一二, 十十), which stays as typed for invalid-count.
 */
export function chineseNumber(text: string): number | undefined {
  const digit = (ch: string | undefined) => (ch === undefined ? undefined : CHINESE_DIGITS.get(ch));
  const chars = [...text.replace(/拾/g, '十')];
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.length === 1 ? digit(chars[0]) : undefined;
  const [before, after] = [chars.slice(0, ten), chars.slice(ten + 1)];
  if (before.length > 1 || after.length > 1) return undefined;
  const tens = before.length ? digit(before[0]) : 1;
  const ones = after.length ? digit(after[0]) : 0;
  if (tens === undefined || ones === undefined || tens === 0 || (after.length > 0 && ones === 0)) return undefined;
  return tens * 10 + ones;
}

/** The unit written after a count ("3袋" → "袋"), if any. */
export function unitOfCount(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (boxWithBags(value)) return '箱';
  const m = UNIT_AFTER_COUNT.exec(countCore(cleanText(unbracketUnit(toHalfWidth(value)))));
  return m ? m[1] : undefined;
}

/** A count in digits or in Chinese numerals (三, 十二): a regex source with one group. */
export const COUNT_WORD = `(\\d+|${CHINESE_NUMERAL}{1,3})`;

/**
 * The words that say a count is really another (3310 实为3袋, 实收三袋, 改为3袋): a correction's, beside a count or in its
 * 备注 (note-count) — one list for both, so that a note and a count cell read the same words.
 */
export const CORRECTION_WORDS = '实为|实际为?|实收|实到|实点|应为|更正为|改为';

/**
 * A note in brackets that corrects the count before it (2（实为3）, 5袋（应为4袋）): not a note about the count, but a
 * second count — which of the two the row holds cannot be told (review 24 D3: read as 2, the 3 written beside it unseen).
 */
const CORRECTED = new RegExp(`^${COUNT_WORD}\\s*(?:袋|箱|份)?\\s*\\((?:${CORRECTION_WORDS})\\s*:?\\s*${COUNT_WORD}\\s*(?:袋|箱|份)?\\)$`);

/** A count corrected in brackets beside it (2（实为3）): the number written and the one said to be right; undefined otherwise. */
export function countCorrection(value: unknown): { written: string; corrected: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = CORRECTED.exec(cleanText(toHalfWidth(value)));
  return m ? { written: m[1], corrected: m[2] } : undefined;
}
const BOX_WITH_BAGS = new RegExp(`^${COUNT_WORD}\\s*箱\\s*[(（]?\\s*(?:内装|内含|装有|共|含)?\\s*${COUNT_WORD}\\s*袋\\s*[)）]?$`);

/** The count a COUNT_WORD match writes: 12, 十二 → 12; undefined for numerals that are no count (一二). */
export const countOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : chineseNumber(word));

/**
 * A count in 箱 with the bags inside written after it, as people fill 附件1's
 * 数量（袋/箱）: "1箱（内装5袋）", "1箱5袋", "一箱五袋" → { boxes: 1, bags: 5 }.
 */
export function boxWithBags(value: unknown): { boxes: number; bags: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = BOX_WITH_BAGS.exec(countCore(cleanText(toHalfWidth(value))));
  const boxes = m ? countOf(m[1]) : undefined;
  const bags = m ? countOf(m[2]) : undefined;
  return boxes !== undefined && bags !== undefined ? { boxes, bags } : undefined;
}

/** A file's own name without its folders (either separator: the pane gives names, the command line paths). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]+/);
  return parts[parts.length - 1] || file;
}

/**
 * `file`'s name as a message on `from` names it: its own name, or, when `from` has the same name (岳麓考点.xlsx in
 * two 分校's folders), its path from the folder where the two part (长沙分校/岳麓考点.xlsx): review 15a D5 read its own
 * file's name in the message.
 */
export function nameBeside(file: string, from: string): string {
  const own = baseName(file);
  if (own !== baseName(from)) return own;
  const parts = file.split(/[\\/]+/);
  const theirs = from.split(/[\\/]+/);
  let common = 0;
  while (common < parts.length - 1 && common < theirs.length - 1 && parts[common] === theirs[common]) common++;
  return parts.slice(common).join('/') || own;
}
