/**
 * A handover item whose 试卷号 cell its workbook did not read as papers (round 24: “1001 9999”, numbers parted by a space
 * or a line break, 9999 on no 考试安排 — paper-rows.ts spacedUnread; unknown-paper says it at the cell). Where the two
 * copies of a handover are compared paper by paper (pairing.ts, item-papers.ts), such a row's paper is its cell as
 * written (`ItemText.paperNoUnread`): never the papers 1001 and 9999 its workbook's own reading refused; where its intake
 * list is compared with it (rules/inventory-mismatch.ts), it names no paper.
 */
import { spacedUnread } from './paper-rows';
import type { ItemText } from './item-papers';
import type { SiteModel } from './site-model';

/** Each such cell of a workbook's handovers: the handover's index, the item's, and the cell as typed (a line break as a space). */
export type UnreadPapers = ReadonlyArray<readonly [handover: number, item: number, typed: string]>;

const ITEM_PAPER_NO = /^handovers\[(\d+)\]\.items\[(\d+)\]\.paperNo$/;

/** A workbook's handover 试卷号 cells not read as papers (`UnreadPapers`); undefined for none. */
export function unreadPapersOf(model: Pick<SiteModel, 'codeSpaced' | 'data'>): UnreadPapers | undefined {
  if (!model.codeSpaced?.length) return undefined;
  const unread = spacedUnread(model);
  const out: Array<[number, number, string]> = [];
  for (const { path, typed } of model.codeSpaced) {
    const m = unread.has(path) ? ITEM_PAPER_NO.exec(path) : null;
    if (m) out.push([Number(m[1]), Number(m[2]), typed]);
  }
  return out.length > 0 ? out : undefined;
}

/** A handover's items as compared: each of its `unread` cells kept as typed (`ItemText.paperNoUnread`); the same array where none. */
export function itemsAsCompared<T extends ItemText | null | undefined>(items: readonly T[], handover: number, unread: UnreadPapers | undefined): readonly T[] {
  const mine = unread?.filter(([h, k]) => h === handover && items[k]);
  if (!mine?.length) return items;
  const out = [...items];
  for (const [, k, typed] of mine) out[k] = { ...out[k], paperNoUnread: typed } as T;
  return out;
}

/** A workbook's handovers as compared (`itemsAsCompared`): the same array where no item's 试卷号 cell is unread. */
export function handoversAsCompared<H extends { items?: ReadonlyArray<ItemText | null | undefined> | null } | null | undefined>(
  handovers: readonly H[] | undefined,
  unread: UnreadPapers | undefined,
): readonly H[] | undefined {
  if (!handovers || !unread) return handovers;
  return handovers.map((h, i) => {
    const items = h?.items ? itemsAsCompared(h.items, i, unread) : undefined;
    return h && items && items !== h.items ? { ...h, items } : h;
  });
}
