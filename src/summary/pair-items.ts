/**
 * What 交接配对 shows of the items of a handover's two copies that disagree (review 22a D8): the papers and bags people
 * find on each form, not the keys they are compared by.
 */
import { type PaperBags, type PaperNames, blankItem, paperDifferences, rowPaper } from '../model/item-papers';
import { norm } from '../model/values';
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
  return onlyMine.map(({ k }) => {
    const it = c.items[k];
    const row = `${it.destination} ${it.quantity ?? ''}${it.unit || '袋'}`.trim();
    // Its paper as its own 试卷号 and 试卷名称 cells write it, then its 备注 (handover-copies-disagree quotes a row so).
    const said = [rowPaper(it), it.note].filter(Boolean);
    return said.length > 0 ? `${row}（${said.join('；')}）` : row;
  });
}
