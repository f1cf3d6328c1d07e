/**
 * Which paper each item of a handover (附件1) is for, and its bags, paper by paper. The form has no 试卷号 column: the
 * paper is written in the item's 备注 (`custody fill` writes “1001 高等数学基础”; 试卷归属 now and then), where
 * arrival-too-early, dispatch-without-handover and the pairing of intake lists with deliveries read it too. An item
 * naming several papers, each with its count beside it (“1001（3袋）、2045（1袋）”), is read apart as a vault line is
 * (paper-rows.ts papersApart); one naming several without their counts stands for them together.
 *
 * Where people add a 试卷号 or 试卷名称 column beside the form (forms/handover.ts), the row's own cell names its paper. A
 * paper written by name only (“高等数学基础” in 备注 or in that column) is the 试卷号 the workbook's 考试安排 gives the
 * name, where it gives it one (`PaperNames`); a name no schedule maps is compared as written (paper-code.ts paperNameKey)
 * where both sides name every paper so (round 23).
 *
 * The two copies of a handover (pairing.ts) and an intake list against what it received (rules/inventory-mismatch.ts)
 * are compared paper by paper where every item names its paper: 1001 3 袋 and 2045 1 袋 on one copy against 1001 1 袋
 * and 2045 3 袋 on the other differ, though the counts are the same (review 22a D1); one line for two papers against two
 * lines of the same bags agree (D5).
 */
import { unitKey } from './custody';
import { TextMemo } from './memo';
import { paperCode, paperNameKey, paperOf } from './paper-code';
import { countsForPapers, type CountsForPapers, papersApart } from './paper-rows';
import { toHalfWidth } from './text';
import type { SiteModel } from './site-model';
import type { VaultLogEntry } from './types';
import { norm, whole } from './values';

/**
 * A 试卷归属 as compared: the unit it names, however written — a 考点 alone or
 * under its 分校 (“宁乡考点”, “长沙分校宁乡考点”, “长沙分校（宁乡考点）”), a 分校
 * with or without the university before it or （学院） after it. One unit, one
 * key, as `sameUnitWritten` (pairing.ts) reads 移交/接收单位; a 分校 and its 考点 keep two keys.
 * (item-for-another-unit asks another question: whether an item belongs to the
 * receiver, where a 考点 under a 分校 belongs to that 分校.)
 */
export function destinationKey(destination: unknown): string {
  return DESTINATION_KEYS.get(unitKey(destination));
}
// Every item of every handover copy asks it, of the few units a workbook names.
const DESTINATION_KEYS = new TextMemo((key: string): string => {
  const name = key.replace(/[()]/g, '');
  const unit = /^.*(?:分校|学院|大学)(.+考点)$/.exec(name) ?? /^.*大学(.+(?:分校|学院))$/.exec(name);
  return unit ? unit[1] : name;
});

/** An item as read here: its 试卷归属, count, unit and 备注, and the 试卷号 / 试卷名称 columns people add beside the form. */
export interface ItemText {
  destination?: unknown;
  quantity?: unknown;
  unit?: unknown;
  note?: unknown;
  paperNo?: unknown;
  paperName?: unknown;
  /**
   * Its 试卷号 cell as typed, where its workbook read no paper of it (“1001 9999”, 9999 on no 考试安排: unread-papers.ts):
   * the row's paper as compared is that text, as written, never the papers it parts.
   */
  paperNoUnread?: string;
  /**
   * Its 试卷号 cell as typed, where its workbook read it as papers parted by white space (“3310 9999”, each on its
   * 考试安排): compared as that text with a copy whose workbook read the same text as no paper (unread-papers.ts itemsAlike).
   */
  paperNoSpaced?: string;
}

/** What parts an item's text into words: white space, brackets, quotes and the marks between names. */
export const ITEM_WORD_BREAK = /[\s,，、;；/()（）《》“”"':：]+/;

/** An item's text as its papers are looked for in it (here and rules/arrival-too-early.ts): its 试卷归属 and 备注, half-width. */
export const itemText = (item: Pick<ItemText, 'destination' | 'note'> | null | undefined): string =>
  toHalfWidth(`${item?.destination ?? ''} ${item?.note ?? ''}`);
/** A word that is a 试卷号 with the paper's name run on after it (“1001高等数学基础”), not a date or a count (2024年, 301考场). */
const CODE_BEFORE_NAME = /^(\d{3,6}[A-Da-d]?)(?=[\u4e00-\u9fff])(?![年月日时点号袋份箱本张册套个人考场室楼])/;

const startsWithDigit = (word: string): boolean => word.charCodeAt(0) >= 0x30 && word.charCodeAt(0) <= 0x39;

/** A word as a 试卷号: the paper's code (paper-code.ts: 1304A is 1304) and the code as written, or undefined. */
function codeIn(word: string): { code: string; shown: string } | undefined {
  // Most words are names (高等数学基础, 第64开福考点): a code, and one run on before a name, begin with a digit.
  if (!startsWithDigit(word)) return undefined;
  const p = paperOf(word);
  if (/^\d{3,6}$/.test(p.written)) return { code: p.code, shown: p.written };
  const run = CODE_BEFORE_NAME.exec(word);
  if (!run) return undefined;
  const q = paperOf(run[1]);
  return { code: q.code, shown: q.written };
}

/** The papers a text names by their 试卷号, each once, in the order written. */
function codesIn(text: string): Named[] {
  const seen = new Map<string, Named>();
  for (const word of text.split(ITEM_WORD_BREAK)) {
    const c = word ? codeIn(word) : undefined;
    if (c && !seen.has(c.code)) seen.set(c.code, { key: c.code, shown: c.shown });
  }
  return [...seen.values()];
}

/**
 * A workbook's papers by name, from its 考试安排 (`paperNamesOf`): each name as written there (half-width, no white
 * space) with its 试卷号 as compared; '' where the schedule gives one name two papers (no paper is guessed from it). A
 * plain record, kept with a workbook's copies for the summary (`handoverPaperNames`).
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
function byKey(names: PaperNames): Map<string, { code: string; names: string[] }> {
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
 * out of the text before a shorter one is looked for (here and rules/arrival-too-early.ts).
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

/** Where an item writes its paper: its own 试卷号 or 试卷名称 column, or its 备注 (and 试卷归属). */
type ItemPart = 'paperNo' | 'paperName' | 'note';
/** Where a row of several papers writes each one's count: beside its 试卷号 (in that cell), or one each in 数量 (“2、1”). */
type CountsPart = ItemPart | 'quantity';

/** A paper as an item names it: its key as compared (a code, or a name: `paperNameKey`) and as written. */
interface Named {
  key: string;
  shown: string;
}

/** What an item says of its paper: by code (written, or its name through the schedule) and by name, and where. */
interface ItemNaming {
  codes: Named[];
  codesAt: ItemPart;
  names: Named[];
  namesAt: ItemPart;
}

/**
 * What an item says of its paper. Its 试卷号: the row's own 试卷号 cell, else the codes its 试卷归属 and 备注 write, else
 * its names through the workbook's 考试安排 (`names`), where each is one paper's. Its names: the row's 试卷名称 cell,
 * else the schedule's names its 试卷归属 and 备注 write whole.
 */
function namingOf(item: ItemText, names: PaperNames | undefined, mode: PaperMode): ItemNaming {
  const columnNo = norm(item.paperNo);
  // “1001 9999” its workbook did not read (unread-papers.ts): one paper, its text — no 试卷号 is ever made of it.
  const unread = item.paperNoUnread === undefined ? undefined : toHalfWidth(item.paperNoUnread).replace(/\s+/g, ' ').trim();
  let codes = unread ? [{ key: unread, shown: item.paperNoUnread!.trim() }] : columnNo ? codesIn(toHalfWidth(String(item.paperNo))) : [];
  let codesAt: ItemPart = 'paperNo';
  if (codes.length === 0) {
    codes = codesIn(itemText(item));
    codesAt = 'note';
  }
  // Compared by 试卷号 and writing some: its names are not asked (they only give codes where none is written).
  if (mode === 'code' && codes.length > 0) return { codes, codesAt, names: [], namesAt: 'note' };
  const columnName = norm(item.paperName);
  let found: Array<Named & { code: string }>;
  let namesAt: ItemPart = 'paperName';
  if (columnName) {
    const known = names ? byKey(names).get(paperNameKey(columnName)) : undefined;
    found = [{ key: paperNameKey(columnName), shown: String(item.paperName).trim(), code: known?.code ?? '' }];
  } else {
    found = names ? namesIn(itemText(item), names).map((n) => ({ key: paperNameKey(n), shown: n, code: names[n] })) : [];
    namesAt = 'note';
  }
  if (codes.length === 0 && found.length > 0 && found.every((n) => n.code !== '')) {
    codes = [...new Map(found.map((n) => [n.code, { key: n.code, shown: n.shown }])).values()];
    codesAt = namesAt;
  }
  return { codes, codesAt, names: found.map(({ key, shown }) => ({ key, shown })), namesAt };
}

/** The 试卷号 an item names, as written (its own 试卷号 cell, the codes its text writes, its names through the schedule). */
export function itemCodes(item: ItemText, names: PaperNames | undefined): string[] {
  return namingOf(item, names, 'code').codes.map((c) => c.shown);
}

/**
 * An item's count cell beside the papers it names (itemCodes): one count per paper (“2、1” beside 1001、2045), pairing
 * with them or not (paper-rows countsForPapers, in the item's unit, 袋 where none is picked); undefined for one count.
 * invalid-count and column-total read an item's counts by it alike.
 */
export function itemCounts(item: ItemText, names: PaperNames | undefined): CountsForPapers | undefined {
  return countsForPapers(item.quantity, item.unit || '袋', itemCodes(item, names).length);
}

/**
 * The schedule's names (`paperNamesOf`) the items of a workbook's handovers write, in a 试卷名称 cell or whole in their text:
 * all the comparison of a copy asks of its workbook's schedule (kept with the copies a summary pairs); undefined for none.
 */
function handoverPaperNames(
  handovers: ReadonlyArray<{ items?: ReadonlyArray<ItemText | null | undefined> | null } | null | undefined> | undefined,
  schedule: Parameters<typeof paperNamesOf>[0],
): PaperNames | undefined {
  const names = paperNamesOf(schedule);
  if (Object.keys(names).length === 0) return undefined;
  const used: Record<string, string> = {};
  const keys = byKey(names);
  for (const h of handovers ?? [])
    for (const it of h?.items ?? []) {
      if (!it) continue;
      const column = norm(it.paperName);
      const written = column ? (keys.get(paperNameKey(column))?.names ?? []) : namesIn(itemText(it), names);
      for (const n of written) used[n] = names[n];
    }
  return Object.keys(used).length > 0 ? used : undefined;
}

/** A workbook's papers by the names its handover items write: a slim model's own (SiteModel.paperNames), else from its data. */
export function workbookPaperNames(model: Pick<SiteModel, 'data' | 'paperNames'>): PaperNames | undefined {
  return model.paperNames ?? handoverPaperNames(model.data.handovers, model.data.schedule);
}

/** One paper of an item: its key as compared (a code; or a name, by names), as written, its count in the item's unit, and where it is written. */
export interface ItemPaper {
  code: string;
  shown: string;
  count: number;
  at: ItemPart;
  /** Several papers on the row, each count beside its 试卷号 (“1001（3袋）、2045（1袋）”) or one each in 数量 (“2、1”): the cell where the counts are. */
  countsAt?: CountsPart;
}

/** How two copies' papers are told apart: by 试卷号, or by the names written where a name stands for no known 试卷号. */
export type PaperMode = 'code' | 'name';

/** A row left out of every comparison: its 试卷归属 and 数量 both blank (pairing.ts copyFields). */
export const blankItem = (item: ItemText | null | undefined): boolean => !item || (norm(item.destination) === '' && norm(item.quantity) === '');

/**
 * Each item's papers with their counts, by row (undefined for a blank row), by 试卷号 (`mode` code: its own 试卷号 cell,
 * the codes its text writes, its names through the schedule `names`) or by name (its 试卷名称 cell, the schedule's names
 * its text writes: `paperNameKey`): a row naming one paper, that paper with the row's count; a row naming several by code
 * with each one's count beside it, adding up to the row's (“1001（3袋）、2045（1袋）” 4 袋), or one count each in its 数量
 * (“2、1”, as many as its papers), each paper with its own (papersApart); several without, one entry for them together
 * (“1001、2045”), the row's count. Null where some row names no paper or its count is not a whole number (nor one per
 * paper): then the items are not told apart by paper.
 */
export function itemPapers(
  items: ReadonlyArray<ItemText | null | undefined>,
  names?: PaperNames,
  mode: PaperMode = 'code',
): Array<ItemPaper[] | undefined> | null {
  const rows: Array<ItemPaper[] | undefined> = [];
  // The rows naming several papers, read apart as vault lines are: the cell writing their codes as the line's 试卷号.
  const several: VaultLogEntry[] = [];
  const severalAt = new Map<number, { at: number; part: ItemPart; countsAt: ItemPart | 'quantity' }>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (blankItem(it)) {
      rows.push(undefined);
      continue;
    }
    const naming = namingOf(it!, names, mode);
    const named = mode === 'code' ? naming.codes : naming.names;
    const at = mode === 'code' ? naming.codesAt : naming.namesAt;
    const unit = norm(it!.unit) || '袋';
    // 数量 “2、1” beside several 试卷号: one count per paper, read apart as a vault line's (round 25).
    const each = named.length > 1 && mode === 'code' && at !== 'paperName' ? countsForPapers(it!.quantity, unit, named.length) : undefined;
    const count = whole(it!.quantity) ?? (each?.paired ? each.counts.reduce((a, c) => a + c, 0) : undefined);
    if (count === undefined || named.length === 0) return null;
    if (named.length > 1 && mode === 'code' && at !== 'paperName') {
      severalAt.set(k, { at: several.length, part: at, countsAt: each ? 'quantity' : at });
      const written = at === 'paperNo' ? it!.paperNo : it!.note;
      several.push({ paperNo: toHalfWidth(String(written ?? '')).trim(), quantity: each ? String(it!.quantity) : count, unit });
    }
    rows.push(
      named.length === 1
        ? [{ code: named[0].key, shown: named[0].shown, count, at }]
        : [{ code: named.map((n) => n.key).join('+'), shown: named.map((n) => n.shown).join('、'), count, at }],
    );
  }
  if (several.length === 0) return rows;
  const apart = papersApart({ data: { vaultLog: several }, locations: {}, sheets: [] }).several;
  for (const [k, { at, part, countsAt }] of severalAt) {
    const read = apart.get(`vaultLog[${at}]`)?.apart;
    if (read) rows[k] = read.map((p) => ({ code: paperOf(p.paperNo).code, shown: paperOf(p.paperNo).written, count: p.count, at: part, countsAt }));
  }
  return rows;
}

/** A paper's bags on a copy: where it is (its 试卷归属 as compared, its code, the unit), its count, and the rows that carry it. */
export interface PaperBags {
  key: string;
  destination: string;
  code: string;
  shown: string;
  unit: string;
  count: number;
  rows: number[];
  /** Where its first row writes the paper: its 试卷号 or 试卷名称 cell, or its 备注. */
  at: ItemPart;
  /** Its first row carries other papers too, each count beside its 试卷号 (“1001（3袋）、2045（1袋）”) or in 数量 (“2、1”): the cell the count is in. */
  countsAt?: CountsPart;
}

/** Each paper's bags over the items (`itemPapers`), by 试卷归属, paper and unit, in the order first written; null as itemPapers. */
function bagsByPaper(items: ReadonlyArray<ItemText | null | undefined>, names: PaperNames | undefined, mode: PaperMode): Map<string, PaperBags> | null {
  const rows = itemPapers(items, names, mode);
  if (!rows || rows.every((r) => r === undefined)) return null;
  const out = new Map<string, PaperBags>();
  rows.forEach((papers, k) => {
    const it = items[k];
    for (const p of papers ?? []) {
      const destination = destinationKey(it?.destination);
      const unit = norm(it?.unit) || '袋';
      const key = `${destination}|${p.code}|${unit}`;
      const known = out.get(key);
      if (known) {
        known.count += p.count;
        if (!known.rows.includes(k)) known.rows.push(k);
      } else
        out.set(key, {
          key,
          destination,
          code: p.code,
          shown: p.shown,
          unit,
          count: p.count,
          rows: [k],
          at: p.at,
          ...(p.countsAt && { countsAt: p.countsAt }),
        });
    }
  });
  return out;
}

/** The items' bags paper by paper as compared (`bagsByPaper`, by code or by name), one string; undefined where they are not told apart so. */
export function papersKey(items: ReadonlyArray<ItemText | null | undefined>, names?: PaperNames, mode: PaperMode = 'code'): string | undefined {
  const bags = bagsByPaper(items, names, mode);
  return bags
    ? [...bags.values()]
        .map((b) => `${b.key}|${b.count}`)
        .sort()
        .join('；')
    : undefined;
}

/** A paper whose bags differ between two copies: its bags on each (none: the copy has no such paper) and where. */
export interface PaperDifference {
  a?: PaperBags;
  b?: PaperBags;
}

/**
 * The papers whose bags differ between two copies' items, in the order of their first rows on copy `a` (then `b`'s
 * own). A paper on one copy only whose rows carry the same 试卷归属 and bags as a paper on the other copy only is one
 * difference, that row's paper (3310 on one, 3301 on the other: one slip, said once). By 试卷号 where both copies give
 * every item's (`na`, `nb`: each copy's workbook's names, `handoverPaperNames`), else by name where both name every
 * item's paper (a name no schedule maps, compared as written); undefined where neither (`bagsByPaper`).
 */
export function paperDifferences(
  ia: ReadonlyArray<ItemText | null | undefined>,
  ib: ReadonlyArray<ItemText | null | undefined>,
  na?: PaperNames,
  nb?: PaperNames,
): PaperDifference[] | undefined {
  let a = bagsByPaper(ia, na, 'code');
  let b = a && bagsByPaper(ib, nb, 'code');
  if (!a || !b) {
    a = bagsByPaper(ia, na, 'name');
    b = a && bagsByPaper(ib, nb, 'name');
  }
  if (!a || !b) return undefined;
  const diffs: PaperDifference[] = [];
  const onlyB = [...b.values()].filter((y) => !a.has(y.key));
  for (const x of a.values()) {
    const y = b.get(x.key);
    if (y) {
      if (y.count !== x.count) diffs.push({ a: x, b: y });
      continue;
    }
    // Another paper, or another 试卷归属, written on the same row: the other copy's alone with these bags and the rest alike.
    const alike = (z: PaperBags) => z.unit === x.unit && z.count === x.count;
    let j = onlyB.findIndex((z) => alike(z) && z.destination === x.destination);
    if (j < 0) j = onlyB.findIndex((z) => alike(z) && z.code === x.code);
    diffs.push(j >= 0 ? { a: x, b: onlyB.splice(j, 1)[0] } : { a: x });
  }
  for (const y of onlyB) diffs.push({ b: y });
  const first = (d: PaperDifference) => (d.a ? d.a.rows[0] : (d.b?.rows[0] ?? 0));
  return diffs.sort((p, q) => first(p) - first(q));
}

/** A paper on one row of its own (not several rows, not one row with other papers): said as that row, as rows are compared. */
export const oneRow = (p: PaperBags | undefined): boolean => p === undefined || (p.rows.length === 1 && !p.countsAt);

/**
 * Where a paper whose bags differ is pointed at on each copy (`pathA` on copy `a`, `pathB` on `b`). A paper on a row of
 * its own on each copy (`oneRow`), as rows are: the cell that differs where one does — its 数量, 试卷归属, or the cell
 * naming its paper (another paper, 3310 against 3301: its 备注, or its own 试卷号 or 试卷名称 cell) —, else the row's 序号.
 * A paper over several rows, or on a row with others (its count beside it: “1001（3袋）、2045（1袋）”), its first row's
 * 数量 or the cell with the counts. A paper one copy lacks, at the 序号 it has in the other.
 */
export function differencePaths(d: PaperDifference): [string, string] {
  const { a, b } = d;
  if (a && b && oneRow(a) && oneRow(b)) {
    const parts = [a.destination !== b.destination && 'destination', (a.count !== b.count || a.unit !== b.unit) && 'quantity', a.code !== b.code && 'paper'];
    const differing = parts.filter((x): x is string => x !== false);
    const part = (p: PaperBags) => (differing.length !== 1 ? '' : differing[0] === 'paper' ? `.${p.at}` : `.${differing[0]}`);
    return [`items[${a.rows[0]}]${part(a)}`, `items[${b.rows[0]}]${part(b)}`];
  }
  const at = (p: PaperBags) => `items[${p.rows[0]}].${p.countsAt ?? 'quantity'}`;
  return [a ? at(a) : `items[${b!.rows[0]}]`, b ? at(b) : `items[${a!.rows[0]}]`];
}

/** The paper a row writes in its own 试卷号 (as typed, where unread) and 试卷名称 cells (“1001 高等数学基础”), '' for none: quoted with the row. */
export function rowPaper(item: Pick<ItemText, 'paperNo' | 'paperName' | 'paperNoUnread'> | null | undefined): string {
  return [item?.paperNoUnread ?? item?.paperNo, item?.paperName]
    .map((v) => (v === undefined || v === null ? '' : String(v).trim()))
    .filter(Boolean)
    .join(' ');
}
