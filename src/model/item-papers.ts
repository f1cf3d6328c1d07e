/**
 * Which paper each item of a handover (附件1) is for, and its bags, paper by paper. The form has no 试卷号 column: the
 * paper is written in the item's 备注 (`custody fill` writes “1001 高等数学基础”; 试卷归属 now and then), where
 * arrival-too-early, dispatch-without-handover and the pairing of intake lists with deliveries read it too. An item
 * naming several papers, each with its count beside it (“1001（3袋）、2045（1袋）”), is read apart as a vault line is
 * (paper-rows.ts papersApart); one naming several without their counts stands for them together.
 *
 * The two copies of a handover (pairing.ts) and an intake list against what it received (rules/inventory-mismatch.ts)
 * are compared paper by paper where every item names its paper: 1001 3 袋 and 2045 1 袋 on one copy against 1001 1 袋
 * and 2045 3 袋 on the other differ, though the counts are the same (review 22a D1); one line for two papers against two
 * lines of the same bags agree (D5).
 */
import { unitKey } from './custody';
import { TextMemo } from './memo';
import { paperOf } from './paper-code';
import { papersApart } from './paper-rows';
import { toHalfWidth } from './text';
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

/** An item as read here: its 试卷归属, count, unit and 备注. */
export interface ItemText {
  destination?: unknown;
  quantity?: unknown;
  unit?: unknown;
  note?: unknown;
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

/** The papers an item's 试卷归属 and 备注 name (by their 试卷号), each once, in the order written. */
function papersNamed(item: ItemText): Array<{ code: string; shown: string }> {
  const seen = new Map<string, { code: string; shown: string }>();
  for (const word of itemText(item).split(ITEM_WORD_BREAK)) {
    const c = word ? codeIn(word) : undefined;
    if (c && !seen.has(c.code)) seen.set(c.code, c);
  }
  return [...seen.values()];
}

/** One paper of an item: its code as compared, as written, and its count in the item's unit. */
export interface ItemPaper {
  code: string;
  shown: string;
  count: number;
}

/** A row left out of every comparison: its 试卷归属 and 数量 both blank (pairing.ts copyFields). */
export const blankItem = (item: ItemText | null | undefined): boolean => !item || (norm(item.destination) === '' && norm(item.quantity) === '');

/**
 * Each item's papers with their counts, by row (undefined for a blank row): a row naming one paper, that paper with
 * the row's count; a row naming several with each one's count beside it, adding up to the row's (“1001（3袋）、2045（1袋）”
 * 4 袋), each paper with its own (papersApart); several without, one entry for them together (“1001、2045”), the
 * row's count. Null where some row names no paper or its count is not a whole number: then the items are not told apart
 * by paper.
 */
export function itemPapers(items: ReadonlyArray<ItemText | null | undefined>): Array<ItemPaper[] | undefined> | null {
  const rows: Array<ItemPaper[] | undefined> = [];
  // The rows naming several papers, read apart as vault lines are: their 备注 as the line's 试卷号.
  const several: VaultLogEntry[] = [];
  const severalAt = new Map<number, number>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (blankItem(it)) {
      rows.push(undefined);
      continue;
    }
    const count = whole(it!.quantity);
    const named = papersNamed(it!);
    if (count === undefined || named.length === 0) return null;
    if (named.length > 1) {
      severalAt.set(k, several.length);
      several.push({ paperNo: toHalfWidth(String(it!.note ?? '')).trim(), quantity: count, unit: norm(it!.unit) || '袋' });
    }
    rows.push(
      named.length === 1 ? [{ ...named[0], count }] : [{ code: named.map((n) => n.code).join('+'), shown: named.map((n) => n.shown).join('、'), count }],
    );
  }
  if (several.length === 0) return rows;
  const apart = papersApart({ data: { vaultLog: several }, locations: {}, sheets: [] }).several;
  for (const [k, at] of severalAt) {
    const read = apart.get(`vaultLog[${at}]`)?.apart;
    if (read) rows[k] = read.map((p) => ({ code: paperOf(p.paperNo).code, shown: paperOf(p.paperNo).written, count: p.count }));
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
  /** Its first row carries other papers too, each count beside its 试卷号 in the 备注 (“1001（3袋）、2045（1袋）”): the count is there. */
  inNote: boolean;
}

/** Each paper's bags over the items (`itemPapers`), by 试卷归属, paper and unit, in the order first written; null as itemPapers. */
function bagsByPaper(items: ReadonlyArray<ItemText | null | undefined>): Map<string, PaperBags> | null {
  const rows = itemPapers(items);
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
      } else out.set(key, { key, destination, code: p.code, shown: p.shown, unit, count: p.count, rows: [k], inNote: papers!.length > 1 });
    }
  });
  return out;
}

/** The items' bags paper by paper as compared (`bagsByPaper`), one string; undefined where they are not told apart by paper. */
export function papersKey(items: ReadonlyArray<ItemText | null | undefined>): string | undefined {
  const bags = bagsByPaper(items);
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
 * difference, that row's paper (3310 on one, 3301 on the other: one slip, said once). Undefined where either copy's
 * items are not told apart by paper (`bagsByPaper`).
 */
export function paperDifferences(
  ia: ReadonlyArray<ItemText | null | undefined>,
  ib: ReadonlyArray<ItemText | null | undefined>,
): PaperDifference[] | undefined {
  const a = bagsByPaper(ia);
  const b = bagsByPaper(ib);
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
export const oneRow = (p: PaperBags | undefined): boolean => p === undefined || (p.rows.length === 1 && !p.inNote);

/**
 * Where a paper whose bags differ is pointed at on each copy (`pathA` on copy `a`, `pathB` on `b`). A paper on a row of
 * its own on each copy (`oneRow`), as rows are: the cell that differs where one does — its 数量, 试卷归属, or 备注 (another
 * paper, 3310 against 3301) —, else the row's 序号. A paper over several rows, or on a row with others (its count in the
 * 备注: “1001（3袋）、2045（1袋）”), its first row's 数量 or 备注. A paper one copy lacks, at the 序号 it has in the other.
 */
export function differencePaths(d: PaperDifference): [string, string] {
  const { a, b } = d;
  if (a && b && oneRow(a) && oneRow(b)) {
    const parts = [a.destination !== b.destination && '.destination', (a.count !== b.count || a.unit !== b.unit) && '.quantity', a.code !== b.code && '.note'];
    const differing = parts.filter((x): x is string => x !== false);
    const part = differing.length === 1 ? differing[0] : '';
    return [`items[${a.rows[0]}]${part}`, `items[${b.rows[0]}]${part}`];
  }
  const at = (p: PaperBags) => `items[${p.rows[0]}]${p.inNote ? '.note' : '.quantity'}`;
  return [a ? at(a) : `items[${b!.rows[0]}]`, b ? at(b) : `items[${a!.rows[0]}]`];
}
