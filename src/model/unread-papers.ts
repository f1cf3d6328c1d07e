/**
 * A handover item whose 试卷号 cell its workbook did not read as papers (round 24: “1001 9999”, numbers parted by a space
 * or a line break, 9999 on no 考试安排 — paper-rows.ts spacedUnread; unknown-paper says it at the cell). Where the two
 * copies of a handover are compared paper by paper (pairing.ts, item-papers.ts), such a row's paper is its cell as
 * written (`ItemText.paperNoUnread`): never the papers 1001 and 9999 its workbook's own reading refused; where its intake
 * list is compared with it (rules/inventory-mismatch.ts), it names no paper.
 *
 * A cell of the same text the other copy's workbook did read as papers (every part on its 考试安排: `paperNoSpaced`) is
 * compared with it as that text too (`itemsAlike`, round 25): copies that typed the same cell agree, whatever each
 * workbook's 考试安排 lists; a copy writing “3310、9999” still differs from one whose “3310 9999” was not read.
 */
import { spacedUnread } from './paper-rows';
import type { ItemText } from './item-papers';
import type { SiteModel } from './site-model';
import { toHalfWidth } from './text';

/** Each such cell of a workbook's handovers: the handover's index, the item's, and the cell as typed (a line break as a space). */
export type UnreadPapers = ReadonlyArray<readonly [handover: number, item: number, typed: string]>;

/** Every handover 试卷号 cell of papers parted by white space: as `UnreadPapers`, and whether its workbook read it as papers. */
export type SpacedCells = ReadonlyArray<readonly [handover: number, item: number, typed: string, read: boolean]>;

const ITEM_PAPER_NO = /^handovers\[(\d+)\]\.items\[(\d+)\]\.paperNo$/;

/** A workbook's handover 试卷号 cells of papers parted by white space (`SpacedCells`); undefined for none. */
export function spacedCellsOf(model: Pick<SiteModel, 'codeSpaced' | 'data'>): SpacedCells | undefined {
  if (!model.codeSpaced?.length) return undefined;
  const unread = spacedUnread(model);
  const out: Array<[number, number, string, boolean]> = [];
  for (const { path, typed } of model.codeSpaced) {
    const m = ITEM_PAPER_NO.exec(path);
    if (m) out.push([Number(m[1]), Number(m[2]), typed, !unread.has(path)]);
  }
  return out.length > 0 ? out : undefined;
}

/** A workbook's handover 试卷号 cells not read as papers (`UnreadPapers`); undefined for none. */
export function unreadPapersOf(model: Pick<SiteModel, 'codeSpaced' | 'data'>): UnreadPapers | undefined {
  const out = (spacedCellsOf(model) ?? []).filter(([, , , read]) => !read).map(([h, k, typed]) => [h, k, typed] as const);
  return out.length > 0 ? out : undefined;
}

/**
 * A handover's items as compared: each of its spaced `cells` kept as typed, as `paperNoUnread` where its workbook read
 * no paper of it, else as `paperNoSpaced`; the same array where none.
 */
export function itemsAsCompared<T extends ItemText | null | undefined>(items: readonly T[], handover: number, cells: SpacedCells | undefined): readonly T[] {
  const mine = cells?.filter(([h, k]) => h === handover && items[k]);
  if (!mine?.length) return items;
  const out = [...items];
  for (const [, k, typed, read] of mine) out[k] = { ...out[k], [read ? 'paperNoSpaced' : 'paperNoUnread']: typed } as T;
  return out;
}

/** A workbook's handovers as compared (`itemsAsCompared`): the same array where no item's 试卷号 cell is spaced. */
export function handoversAsCompared<H extends { items?: ReadonlyArray<ItemText | null | undefined> | null } | null | undefined>(
  handovers: readonly H[] | undefined,
  cells: SpacedCells | undefined,
): readonly H[] | undefined {
  if (!handovers || !cells) return handovers;
  return handovers.map((h, i) => {
    const items = h?.items ? itemsAsCompared(h.items, i, cells) : undefined;
    return h && items && items !== h.items ? { ...h, items } : h;
  });
}

/** A spaced cell's text as compared: half-width, each run of white space one space. */
const spacedText = (typed: string): string => toHalfWidth(typed).replace(/\s+/g, ' ').trim();

/** `items` with each cell read as papers whose text is among `texts` compared as that text (`paperNoUnread`); the same array where none. */
function asText<T extends ItemText | null | undefined>(items: readonly T[], texts: ReadonlySet<string>): readonly T[] {
  if (texts.size === 0 || !items.some((it) => it?.paperNoSpaced !== undefined && texts.has(spacedText(it.paperNoSpaced)))) return items;
  return items.map((it) => (it?.paperNoSpaced !== undefined && texts.has(spacedText(it.paperNoSpaced)) ? { ...it, paperNoUnread: it.paperNoSpaced } : it));
}

/**
 * Two copies' items as compared with each other: a cell one copy's workbook read as papers (`paperNoSpaced`) whose text
 * the other's read as no paper (`paperNoUnread`) is that text on both; undefined where no cell is so (compare as they are).
 */
export function itemsAlike<T extends ItemText | null | undefined>(a: readonly T[], b: readonly T[]): [readonly T[], readonly T[]] | undefined {
  const unread = (items: readonly T[]) => new Set(items.flatMap((it) => (it?.paperNoUnread !== undefined ? [spacedText(it.paperNoUnread)] : [])));
  const [x, y] = [asText(a, unread(b)), asText(b, unread(a))];
  return x === a && y === b ? undefined : [x, y];
}
