/**
 * What 交接配对 shows of the items of a handover's two copies that disagree (review 22a D8): the papers and bags people
 * find on each form, not the keys they are compared by.
 */
import { type PaperBags, type PaperNames, blankItem, paperDifferences, rowPaper } from '../model/item-papers';
import { norm } from '../model/values';
import { noteCount } from '../model/note-count';
import type { HandoverBrief } from './site';

/** A copy's item rows as written, and each as compared (pairing.ts itemLine). */
interface ItemRows {
  items: HandoverBrief['items'];
  itemLines: readonly string[];
  /** Its workbook's papers by the names its items write (item-papers.ts workbookPaperNames). */
  names?: PaperNames;
}

/**
 * The items that differ as people find them on each form (review 22a D8: not “雨花考点:1；雨花考点:2”): paper by paper
 * where both copies name every item's paper — each paper whose bags differ, with its bags on that copy (“1001 3袋”; one
 * the copy lacks, “3310 无”) —, else the rows one copy has and the other not, as written (“雨花考点 3袋（备注）”).
 */
export function itemsShown(s: ItemRows, r: ItemRows): { sender: string; receiver: string } {
  const papers = paperDifferences(s.items, r.items, s.names, r.names);
  if (papers) {
    const several = new Set(papers.flatMap((d) => [d.a?.destination, d.b?.destination]).filter((x) => x !== undefined)).size > 1;
    const bags = (p: PaperBags | undefined, other: PaperBags | undefined) => {
      const paper = (p ?? other)!;
      const where = several ? `${paper.destination} ` : '';
      return p ? `${where}${p.shown} ${p.count}${p.unit}` : `${where}${paper.shown} 无`;
    };
    // Another paper on the same row (3310 against 3301): each copy's own paper; a paper one copy lacks: 无 on it.
    return { sender: papers.map((d) => bags(d.a, d.b)).join('；'), receiver: papers.map((d) => bags(d.b, d.a)).join('；') };
  }
  return { sender: rowsOnlyIn(s, r).join('；'), receiver: rowsOnlyIn(r, s).join('；') };
}

/**
 * The item rows of `c` that `other` has not, as written: rows alike with their 备注 first, then by their lines as
 * compared (a 备注 written otherwise is no difference in itself), each row of `other` used once.
 */
function rowsOnlyIn(c: ItemRows, other: ItemRows): string[] {
  const keys = (x: ItemRows) => x.items.flatMap((it, k) => (blankItem(it) ? [] : [{ k, line: x.itemLines[k], full: `${x.itemLines[k]}|${norm(it.note)}` }]));
  const mine = keys(c);
  const theirs = keys(other);
  const count = (list: typeof theirs, key: 'line' | 'full') => {
    const n = new Map<string, number>();
    for (const r of list) n.set(r[key], (n.get(r[key]) ?? 0) + 1);
    return n;
  };
  // Each pass takes the rows the other copy still has, counted by key.
  const pass = (rows: typeof mine, left: typeof theirs, key: 'line' | 'full') => {
    const n = count(left, key);
    const taken = new Map<string, number>();
    const kept = rows.filter((r) => {
      const have = n.get(r[key]) ?? 0;
      if (have === 0) return true;
      n.set(r[key], have - 1);
      taken.set(r[key], (taken.get(r[key]) ?? 0) + 1);
      return false;
    });
    const rest = left.filter((r) => {
      const t = taken.get(r[key]) ?? 0;
      if (t === 0) return true;
      taken.set(r[key], t - 1);
      return false;
    });
    return [kept, rest] as const;
  };
  const [afterFull, theirsLeft] = pass(mine, theirs, 'full');
  const [onlyMine] = pass(afterFull, theirsLeft, 'line');
  return onlyMine.map(({ k }) => rowShown(c.items[k]));
}

/** An item row as written: its unit, count, paper (its own 试卷号 and 试卷名称 cells) and 备注, as handover-copies-disagree quotes it. */
function rowShown(it: HandoverBrief['items'][number]): string {
  const row = `${it.destination} ${it.quantity ?? ''}${it.unit || '袋'}`.trim();
  const said = [rowPaper(it), it.note].filter(Boolean);
  return said.length > 0 ? `${row}（${said.join('；')}）` : row;
}

/**
 * Of two copies whose rows are alike, the rows one copy's 备注 says hold another count than its 数量 (“3310 实为3袋” beside
 * 2: model/note-count.ts, as note-count reads it) and the other's does not say so, as each copy writes them (review 25a
 * D2): the receiver wrote that 3 came where both copies keep 2 — the two copies do not agree on what was handed over
 * (附件1 备注1: 一式两份). Undefined where no note says so, or both say the same.
 */
export function noteCountsShown(s: ItemRows, r: ItemRows): { sender: string; receiver: string } | undefined {
  const says = (x: ItemRows) =>
    x.items.flatMap((it, k) => {
      const n = blankItem(it) ? undefined : noteCount(it, norm(it.unit) || '袋');
      return n ? [`${x.itemLines[k]}|${n.said}`] : [];
    });
  const [mine, theirs] = [says(s), says(r)];
  const lines = new Set([...mine.filter((x) => !theirs.includes(x)), ...theirs.filter((x) => !mine.includes(x))].map((x) => x.slice(0, x.lastIndexOf('|'))));
  if (!lines.size) return undefined;
  const shown = (x: ItemRows) => x.items.flatMap((it, k) => (lines.has(x.itemLines[k]) ? [rowShown(it)] : [])).join('；') || '（无此行）';
  return { sender: shown(s), receiver: shown(r) };
}
