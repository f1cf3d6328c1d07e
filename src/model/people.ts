/**
 * People as they sign: a signer may add a role or title in brackets —
 * `曾建军（考务组长）`, `欧阳红(主考)` — or after a space (`李明 主考`); the person
 * is the name without it (docs/领域说明.md, 校验规则). One reading for every rule
 * and summary that compares people, and for the reader that splits a cell of
 * signers into names.
 */
import { isExcelError } from './excel-errors';
import { toHalfWidth } from './text';
import { norm } from './values';
import { TextMemo } from './memo';
import { ROLE_WORD_LIST } from './roles';

/**
 * Roles and titles people write after a name. A word after a space is a title
 * (not a second signer) when it is one of these, or ends in one with a short
 * department before it (办公室主任, 考务组长).
 */
const TITLES = [
  // The roles, as the roster reads them (roles.ts): 李明 监考员 is one person.
  ...ROLE_WORD_LIST,
  '组长',
  '副组长',
  '负责人',
  '主任',
  '副主任',
  '校长',
  '副校长',
  '处长',
  '副处长',
  '科长',
  '副科长',
  '书记',
  '干事',
  '老师',
  '教师',
  '司机',
  '工作人员',
  '巡考',
  '巡视员',
];
const TITLE_ENDING = new RegExp(`^[\\u4e00-\\u9fff]{0,4}(${[...TITLES].sort((a, b) => b.length - a.length).join('|')})$`);

/** A word written after a name that is a role or title, not a second person. */
function isTitle(word: string): boolean {
  return TITLE_ENDING.test(norm(word));
}

const BRACKETED = /[（(][^（()）]*[)）]/g;

/**
 * What a date or time is written with: 1.10, 1。10 (the full stop of a Chinese input method), 1/10, 1-10, 1月11日,
 * 11号, 8:10, 8时10分, 8点半.
 */
const DATE_MARKS = '\\d.。:/\\-年月日号时点分半';
/** The half of the day written before or after a time (上午8:10, 1.10下午, 10日晚), or alone after a date (1月10日 下午). */
const DAY_HALF = '(?:上午|下午|中午|晚上|早上|凌晨|傍晚|早|晚)';
/** A date or time alone, with a digit in it, perhaps with the half of the day: 李娜 1.10 signs on 1月10日. */
const DATE_WORD = new RegExp(`^${DAY_HALF}?[${DATE_MARKS}]*\\d[${DATE_MARKS}]*${DAY_HALF}?$`);
/** The same in Chinese numerals: 一月十一日, 十点, 八点半, 十点四十五. */
const CHINESE_DATE_WORD = new RegExp(`^${DAY_HALF}?(?:[〇零一二两三四五六七八九十]{1,3}[月日号时点分]半?)+[〇零一二三四五六七八九十]{0,3}${DAY_HALF}?$`);
/** The half of the day alone, two characters (下午): no one's name. */
const DAY_HALF_WORD = /^(?:上午|下午|中午|晚上|早上|凌晨|傍晚)$/;
/** A date written on to a name with no space (刘洋1.11, 刘洋1月11日): a digit and then a mark, so that 王芳2 stays a name. */
const DATE_ON_NAME = new RegExp(`([\\u4e00-\\u9fff])\\d+[.。:/\\-年月日号时点][${DATE_MARKS}]*${DAY_HALF}?$`);

/**
 * A word that is a date, a time or digits (李娜 1.10, 刘洋 1月11日, 8:10): when someone signed, never a person
 * (docs/领域说明.md, names as people write them).
 */
function isDateWord(word: string): boolean {
  const text = toHalfWidth(word).trim();
  return DATE_WORD.test(text) || CHINESE_DATE_WORD.test(text) || DAY_HALF_WORD.test(text);
}

/**
 * The dots people type inside a name written the Uyghur or foreign way
 * (阿依古丽·买买提): bullets, the Japanese dot, a full stop (．, half-width by
 * then). Between two letters of a name, each is the one middle dot, so that one
 * person is never two; between digits (1.10, a date) it is no name's dot.
 */
const NAME_DOTS = /([^\s·\d])[•・‧∙⋅･.](?=[^\s·\d])/g;

/**
 * A word of Latin letters (John, O'Brien, Jean-Luc, J.): a name written the Latin way is written with spaces between
 * its words, so a space between two of them is inside one person's name (John Smith, review 15a D1); two people are
 * parted by 、，, / ; or a line, as Chinese names are.
 */
const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}'’.-]*$/u;
/** Its role in brackets after it (Smith（主考）) set aside. */
const isLatinWord = (word: string): boolean => LATIN_WORD.test(word.replace(BRACKETED, ''));
const latinParts = (before: string, word: string): boolean => isLatinWord(before) && isLatinWord(word);

/** A word of a Latin name in capitals as names are written: a capital, then small letters, a capital again after ' or - (O'Brien, Jean-Luc). */
function capitalized(word: string): string {
  return norm(word)
    .toLowerCase()
    .replace(/(^|['’.-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** A word all in capitals, two letters or more (SMITH, O’BRIEN): the family name where the others are not (SMITH John). */
const isCapitals = (word: string): boolean => /\p{Lu}.*\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);

/**
 * A name written the Latin way, as compared and quoted: each word capitalized, one space between them, and the family
 * name last where it is written first in capitals as passports and rosters print it — a roster's “SMITH John”, a
 * signature's “John Smith” and “JOHN SMITH” are one person, John Smith (review 15a D1's leftover). The words keep their
 * order otherwise, so a name is quoted as written (Zoe Adams); Chinese names are not touched.
 */
function latinName(words: readonly string[]): string {
  const caps = words.filter(isCapitals);
  const family = caps.length > 0 && caps.length < words.length ? caps : [];
  return [...words.filter((w) => !family.includes(w)), ...family].map(capitalized).join(' ');
}

/** The person a signature names: without a bracketed role, a title after a space or a date beside it. */
function personName(signature: unknown): string {
  if (signature === undefined || signature === null) return '';
  const text = toHalfWidth(String(signature)).replace(BRACKETED, ' ').replace(NAME_DOTS, '$1·').trim();
  const all = text.split(/[\s\u3000]+/).filter(Boolean);
  const named = all.filter((word) => !isDateWord(word)).map((word) => word.replace(DATE_ON_NAME, '$1'));
  // A cell holding nothing but a date keeps it, as written: it is no one, and the rules say so with what it says.
  const words = named.length > 0 ? named : all;
  while (words.length > 1 && isTitle(words[words.length - 1])) words.pop();
  // A name of Latin words only is one person however its words are cased or ordered (latinName).
  if (words.length > 0 && words.every(isLatinWord)) return latinName(words);
  // The words of a Latin name keep one space between them (John Smith), as they are written and quoted.
  let name = '';
  words.forEach((word, i) => {
    const w = norm(word);
    name += i > 0 && latinParts(words[i - 1], word) ? ` ${w}` : w;
  });
  return name;
}

const PERSON_KEYS = new TextMemo(personName);

/** A person's name as compared: the name without role or title, half-width, no spaces (but one between the words of a Latin name). */
export function personKey(signature: unknown): string {
  if (signature === undefined || signature === null) return '';
  return PERSON_KEYS.get(String(signature));
}

const PEOPLE = new TextMemo((text): readonly string[] => [...new Set(signaturesSplit(text).map(personKey).filter(Boolean))]);

/**
 * The people one signature cell names, each as `personKey` gives them: a
 * cell where two sign together ("李强、赵敏", "刘洋 陈静") names both, a
 * title after a name ("李明 主考") is no second person. Shared: not to be changed.
 */
export function peopleIn(signature: unknown): readonly string[] {
  if (signature === undefined || signature === null) return [];
  return PEOPLE.get(String(signature));
}

/** Ditto marks: 同上, 同左, 仝上, 〃, ″, " — what people write under a name instead of signing again. */
const DITTO = /^(?:同上|同左|同前|仝上|[〃″"“”]+)$/;

/** A signature that is a ditto mark, not a name: no one can tell from it who signed. */
export function isDittoMark(signature: unknown): boolean {
  return typeof signature === 'string' && DITTOS.get(signature);
}

/** Asked of every signature by several rules: a log's few hundred names, each worked out once. */
const DITTOS = new TextMemo((signature) => DITTO.test(toHalfWidth(signature).replace(/\s+/g, '')));

const SEPARATORS = /[、，,／/;；]/;
/** What splitSignatures puts between the words it cuts: a space, a line break, or one of SEPARATORS. */
const SPACE = ' ';
const LINE = '\n';
const SEPARATOR = '、';
/** One Chinese character: no one signs with it alone, so it is half of a name padded to the width of three (李\u3000强). */
const ONE_HAN = /^[\u4e00-\u9fff]$/;
/** The compound surnames: with them a Chinese name runs to four characters (欧阳娜娜), without them to three. */
const COMPOUND_SURNAMES = [
  ...['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '司空', '夏侯'],
  ...['轩辕', '令狐', '钟离', '端木', '独孤', '南宫', '西门', '呼延', '申屠', '澹台', '太史', '闻人', '百里', '万俟'],
];
const COMPOUND_SURNAME = new RegExp(`^(?:${COMPOUND_SURNAMES.join('|')})`);
/** A given name after a surname: one or two characters (欧阳 明, 司马 林林). */
const GIVEN_NAME = /^[\u4e00-\u9fff]{1,2}$/;
/**
 * A compound surname alone, then its given name after a space (`欧阳 明`, as `胡 斌` is padded): one person, as
 * 欧阳 alone is no one's signature. 欧阳明 李娜 stays two: the word before the space is a whole name.
 */
const surnameThenGivenName = (before: string, word: string): boolean => COMPOUND_SURNAMES.includes(before) && GIVEN_NAME.test(word);

/**
 * Part of a name written the Uyghur or foreign way (阿依古丽 of 阿依古丽·买买提): four Chinese characters
 * or more that begin with no compound surname, so no Chinese name. A space beside it joins the next part of
 * the one name, not a second person, where no roster tells (CUSTODY.SIGNERS); 欧阳娜娜 李强 and 黄志刚 刘春香 stay two.
 */
const isForeignNamePart = (word: string): boolean => /^[\u4e00-\u9fff]{4,}$/.test(word) && !COMPOUND_SURNAME.test(word);
const HAN_WORD = /^[\u4e00-\u9fff]{2,}$/;
const onePersonsParts = (before: string, word: string): boolean =>
  HAN_WORD.test(before) && HAN_WORD.test(word) && (isForeignNamePart(before) || isForeignNamePart(word));

/** A space between `lastWord` (ending the signature `last`) and `word` that is inside one person's name. */
const spaceWithinName = (last: string, lastWord: string, word: string): boolean =>
  onePersonsParts(lastWord, word) || latinParts(lastWord, word) || surnameThenGivenName(last, word);

/** The error values written with a slash (#N/A, #DIV/0!), which splitSignatures does not cut at it. */
const SLASHED_ERRORS = /#N\/A|#DIV\/0!/g;
const SLASHED_ERROR = /#N\/A|#DIV\/0!/;
/** A slash kept inside an error value while the cell is cut (a character of the Private Use Area: typed by no one). */
const KEPT_SLASH = '\uE000';
const unkept = (word: string): string => word.replace(/\uE000/g, '/');

/** What splitSignatures cuts at or looks into: a separator, a space, a bracket. */
const CUTS_OR_BRACKETS = /[、，,／/;；\s\u3000（()）]/;

/**
 * A cell of signers → the signatures, as written: split on 、，, / ; and on
 * spaces, except inside brackets, where the word after a space is a title
 * ("李明 主考、王芳" → ["李明 主考", "王芳"]), and within a two-character name
 * padded with a space ("李\u3000强、赵\u3000敏" → ["李 强", "赵 敏"]).
 */
export function splitSignatures(text: string): string[] {
  // #N/A where a name should be is what the cell shows, not two names cut at its slash (review 17a D1).
  if (isExcelError(text)) return [text];
  // Nor beside a name (李强、#N/A): the error is one word, a name's place no one signed.
  if (text.includes('#') && SLASHED_ERROR.test(text)) return splitSignatures(text.replace(SLASHED_ERRORS, (e) => e.replace('/', KEPT_SLASH))).map(unkept);
  // Most cells are one name and nothing to cut at: read at once (each character and word is made anew below).
  if (!CUTS_OR_BRACKETS.test(text)) return text === '' ? [] : [text];
  const out: string[] = [];
  let current = '';
  let depth = 0;
  const flush = () => {
    const word = current.trim();
    if (word) out.push(word);
    current = '';
  };
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.test(ch)) {
      flush();
      out.push(SEPARATOR);
    } else if (depth === 0 && /[\s\u3000]/.test(ch)) {
      flush();
      out.push(ch === '\n' || ch === '\r' ? LINE : SPACE);
    } else current += ch;
  }
  flush();
  // A space joins a title, the second half of a padded name, the next part of a foreign name or the given name after
  // a compound surname to the word before it, and separates two names otherwise; a line break only the first two
  // (each line is one person's name).
  const names: string[] = [];
  /** What stands between the last word and the next: nothing, spaces only, a line break, or a separator. */
  let gap: 'none' | 'space' | 'line' | 'separator' = 'none';
  let lastWord = '';
  for (const word of out) {
    if (word === SEPARATOR) gap = 'separator';
    else if (word === SPACE) gap = gap === 'none' ? 'space' : gap;
    else if (word === LINE) gap = gap === 'separator' ? gap : 'line';
    else {
      const last = names.length - 1;
      const joins = last >= 0 && gap !== 'none' && gap !== 'separator';
      // A date is when the signer before it signed (李娜 1.10), or, first in the cell, the one after it (1.10 李娜).
      const dated = last >= 0 && (isDateWord(word) || names[last].split(SPACE).every(isDateWord));
      if (dated || (joins && (isTitle(word) || ONE_HAN.test(names[last]) || (gap === 'space' && spaceWithinName(names[last], lastWord, word))))) {
        names[last] += ` ${word}`;
      } else names.push(word);
      gap = 'none';
      lastWord = word;
    }
  }
  return names;
}

const NO_ROSTER: ReadonlySet<string> = new Set();

/**
 * The signatures a cell of signers holds, as the workbook reads it: cut at 、，/ ; and spaces (splitSignatures),
 * then two people joined by 和 or 与 told apart by the roster's names (splitJoinedSigners; without a roster, a
 * name of 2–4 characters either side). One reading for the reader and for CUSTODY.SIGNERS.
 */
export function signaturesIn(text: string, roster: ReadonlySet<string> = NO_ROSTER): string[] {
  return splitJoinedSigners(signaturesSplit(text), roster);
}

/** A cell's signatures cut as splitSignatures cuts its half-width text: each distinct text once (a log repeats its signers). */
const SPLIT = new TextMemo((text): readonly string[] => splitSignatures(toHalfWidth(text)));
export function signaturesSplit(text: string): readonly string[] {
  return SPLIT.get(text);
}

/** The words people join two signers with in one cell: 黄志刚和刘春香, 曾志平与罗晓东. */
const JOINING = /[和与]/g;
/** A Chinese name as the join is judged: two to four characters. */
const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;

/** The ways a signature splits at a 和 or 与 into the two people before and after it. */
function joinings(signature: string): Array<[string, string]> {
  return [...signature.matchAll(JOINING)].map((m): [string, string] => [signature.slice(0, m.index).trim(), signature.slice(m.index! + 1).trim()]);
}

/**
 * Two signers written in one cell joined by 和 or 与 (“黄志刚和刘春香”), where
 * the form asks for two people: both, when both are on the roster (`roster`:
 * its names as `personKey` gives them), or when each is a name of 2–4
 * characters and the whole is no one on the roster. A name with 和 in it
 * (李和平, on the roster or not) stays one person.
 */
export function splitJoinedSigners(signatures: readonly string[], roster: ReadonlySet<string>): string[] {
  const signers: string[] = [];
  for (const signature of signatures) {
    // Most signatures hold no 和 or 与: each is one signer, with no array made for it.
    if (HAS_JOINING.test(signature)) signers.push(...joinedSigners(signature, roster));
    else signers.push(signature);
  }
  return signers;
}

const HAS_JOINING = /[和与]/;

/** Some of these signatures holds a 和 or 与: splitJoinedSigners may part it into two people. */
export function mayPartTwo(signatures: readonly string[]): boolean {
  for (let i = 0; i < signatures.length; i++) if (HAS_JOINING.test(signatures[i])) return true;
  return false;
}

/** splitJoinedSigners of one signature with a 和 or 与 in it. */
function joinedSigners(signature: string, roster: ReadonlySet<string>): string[] {
  // “黄志刚 和 刘春香”: the 和 between two names written apart is no one (read as “和 刘春香”, a name padded with a space).
  const after = /^[和与][\s\u3000]+(.+)$/.exec(signature.trim());
  if (after && !roster.has(personKey(signature)) && HAN_NAME.test(personKey(after[1]))) return [after[1]];
  const ways = joinings(signature);
  const onRoster = ways.find(([a, b]) => roster.has(personKey(a)) && roster.has(personKey(b)));
  if (onRoster) return onRoster;
  if (roster.has(personKey(signature))) return [signature];
  return ways.find(([a, b]) => HAN_NAME.test(personKey(a)) && HAN_NAME.test(personKey(b))) ?? [signature];
}
