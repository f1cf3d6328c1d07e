/**
 * A workbook's papers by name, from its 考试安排 (`PaperNames`), and the schedule's names a text writes whole (`namesIn`):
 * how a handover item naming its paper by name only is read (item-papers.ts), and arrival-too-early's items.
 */
import { paperCode, paperNameKey } from './paper-code';
import { norm } from './values';

/** What parts an item's text into words: white space, brackets, quotes and the marks between names. */
export const ITEM_WORD_BREAK = /[\s,，、;；/()（）《》“”"':：]+/;

/**
 * A workbook's papers by name, from its 考试安排 (`paperNamesOf`): each name as written there (half-width, no white
 * space) with its 试卷号 as compared; '' where the schedule gives one name two papers (no paper is guessed from it). A
 * plain record, kept with a workbook's copies for the summary (item-papers.ts `handoverPaperNames`).
 */
export type PaperNames = Readonly<Record<string, string>>;

const has = (names: PaperNames, name: string): boolean => Object.prototype.hasOwnProperty.call(names, name);

/** The schedule's names and their papers (`PaperNames`). */
export function paperNamesOf(schedule: ReadonlyArray<{ paperNo?: unknown; paperName?: unknown } | null | undefined> | undefined): PaperNames {
  const out: Record<string, string> = {};
  for (const row of schedule ?? []) {
    const name = norm(row?.paperName);
    const code = paperCode(row?.paperNo);
    if (!name || !code) continue;
    out[name] = !has(out, name) || out[name] === code ? code : '';
  }
  return out;
}

/** The papers by their names as compared (`paperNameKey`): a name written “语文(一)” in a 试卷名称 cell is the schedule's “语文（一）”. */
const BY_KEY = new WeakMap<PaperNames, Map<string, { code: string; names: string[] }>>();
export function byKey(names: PaperNames): Map<string, { code: string; names: string[] }> {
  let known = BY_KEY.get(names);
  if (!known) {
    known = new Map();
    for (const name of Object.keys(names)) {
      const key = paperNameKey(name);
      const k = known.get(key);
      if (k) {
        k.names.push(name);
        if (k.code !== names[name]) k.code = '';
      } else known.set(key, { code: names[name], names: [name] });
    }
    BY_KEY.set(names, known);
  }
  return known;
}

/**
 * Longer names first (“大学英语（补考）” read whole before “大学英语”), ties by the name: the one order of every list of
 * names here, whatever order the schedule lists them in — of two names of one length that a text writes overlapping
 * (“语文、数学” and “数学、英语” in “语文、数学、英语”), the one first by this order is read.
 */
const longerFirst = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
const LONGEST = new WeakMap<PaperNames, string[]>();
function longestFirst(names: PaperNames): string[] {
  let list = LONGEST.get(names);
  if (!list) LONGEST.set(names, (list = Object.keys(names).sort(longerFirst)));
  return list;
}

/** Where `name` stands in `text` as words of its own (a word break or an end on each side), else -1. */
function wholeAt(text: string, name: string): number {
  const breaks = (ch: string | undefined) => ch === undefined || ITEM_WORD_BREAK.test(ch);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (breaks(text[at - 1]) && breaks(text[at + name.length])) return at;
  }
  return -1;
}

/** The schedule's names by their first two characters (a name of one, by it), longest first (`longestFirst`'s order). */
const BY_START = new WeakMap<PaperNames, Map<string, string[]>>();
function namesByStart(names: PaperNames): Map<string, string[]> {
  let starts = BY_START.get(names);
  if (!starts) {
    starts = new Map();
    for (const name of longestFirst(names)) {
      const key = name.slice(0, 2);
      const list = starts.get(key);
      if (list) list.push(name);
      else starts.set(key, [name]);
    }
    BY_START.set(names, starts);
  }
  return starts;
}

/**
 * The schedule's names that stand anywhere in a text, in `longestFirst`'s order: looked up by the two characters at each
 * place (a schedule of 5,000 papers was asked whole of every item: 0.4 s of a 50,000-row log's check).
 */
function namesWithin(text: string, names: PaperNames): string[] {
  const starts = namesByStart(names);
  const within = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (const key of [text.slice(i, i + 2), text[i]]) for (const name of starts.get(key) ?? []) if (text.startsWith(name, i)) within.add(name);
  }
  return [...within].sort(longerFirst);
}

/**
 * The schedule's names a text writes whole, longest first (names of one length by the name: `longerFirst`), each taken
 * out of the text before a shorter one is looked for (item-papers.ts and rules/arrival-too-early.ts).
 */
export function namesIn(text: string, names: PaperNames): string[] {
  let rest = text;
  const found: string[] = [];
  for (const name of namesWithin(text, names)) {
    const at = wholeAt(rest, name);
    if (at < 0) continue;
    found.push(name);
    rest = `${rest.slice(0, at)} ${rest.slice(at + name.length)}`;
  }
  return found;
}
