import type { Handover } from '../model/types';
import { custodyOf } from '../model/custody';
import { namesThisUnit, receiverMisnamed } from '../model/receiver';
import { nameBeside } from '../model/text';
import { copyFields, differingFields, differingItemPart, itemLine, itemParts } from '../model/pairing';
import { itemsAlike } from '../model/unread-papers';
import { type PaperBags, type PaperDifference, blankItem, differencePaths, oneRow, paperDifferences, rowPaper } from '../model/item-papers';
import { norm, showTime, tm, whole } from './facts';
import type { AcrossRun, CrossReport, CrossSite, RuleMeta } from './types';
import type { Copy } from './handover-pairs';

export const meta: RuleMeta = {
  id: 'handover-copies-disagree',
  title: { zh: '交接单两份不一致', en: 'Handover copies disagree' },
  severity: 'error',
  forms: [1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效，押运方和接收方分别存档”',
  messages: {
    zh: {
      field:
        '这张交接单的“{field}”写的是“{mine}”，而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）写的是“{theirs}”。一式两份须内容一致，请双方核对后改正。',
      item: '这张交接单的“交接明细第 {row} 行”写的是“{mine}”，而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）写的是“{theirs}”。一式两份须内容一致，请双方核对后改正。',
      lacks:
        '这张交接单（{side}的副本）的交接明细没有“{theirs}”这一行，而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）有这一行。一式两份须内容一致，请双方核对后改正。',
      only: '这张交接单的“交接明细第 {row} 行”写的是“{mine}”，而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）没有这一行。一式两份须内容一致，请双方核对后改正。',
      paper:
        '这张交接单的交接明细中，试卷 {paper} {mine}，而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）{theirs}。一式两份每种试卷的袋数须一致，请双方核对后改正。',
      split:
        '这张交接单的交接明细分 {rows} 行写（{mine}），而对方“{other}”留存的同一张交接单（文件“{otherFile}”的 {otherSheet} {otherCell}）分 {otherRows} 行写（{theirs}）。两份的袋数合计一致（{bags}），只是分行不同，而且看不出每行各是哪种试卷，无法逐种核对。一式两份须内容一致，请双方按同样的行写，每行写明试卷号。',
    },
    en: {
      field:
        '"{field}" on this handover sheet reads "{mineEn}", but the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}) reads "{theirsEn}". Both copies must agree: check them together with the other side and correct.',
      item: 'Row No. {row} of the items on this handover sheet reads "{mineEn}", but the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}) reads "{theirsEn}". Both copies must agree: check them together with the other side and correct.',
      lacks:
        'The items of this handover sheet (the {sideEn}\'s copy) have no row "{theirsEn}", which the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}) has. Both copies must agree: check them together with the other side and correct.',
      only: 'Row No. {row} of the items on this handover sheet reads "{mineEn}", a row the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}) does not have. Both copies must agree: check them together with the other side and correct.',
      paper:
        'Paper {paper} on the items of this handover sheet: {mineEn}; on the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}): {theirsEn}. Both copies must give each paper the same bags: check them together with the other side and correct.',
      split:
        'The items of this handover sheet are written on {rows} rows ({mineEn}), those of the other side\'s copy ({other}: file "{otherFile}", {otherSheet} {otherCell}) on {otherRows} ({theirsEn}). The bags add up alike ({bagsEn}); only the rows are split differently, and which paper each row is cannot be told, so the papers cannot be compared one by one. Both copies must agree: write the same rows on both, each with its paper number.',
    },
  },
  docs: 'When workbooks are checked together, the two copies of one handover (same 移交单位 and 接收单位, kept by each side; either unit or both may be written in full on one copy and short on the other, 国家开放大学长沙分校 → 长沙分校浏阳考点 / 长沙分校 → 浏阳考点, when the copies give the same minute) must agree field by field: date, units, address, contact (spaces, brackets and punctuation aside, and in 联系人 the words for its number: 电话, 手机, 联系电话, Tel), each item (the same item at another 序号 is no difference; a 试卷归属 names one unit however written, 宁乡考点 or 长沙分校宁乡考点; a count with no 单位 is in 袋) — paper by paper where every item of both copies names its paper by its 试卷号 (in 备注 or 试卷归属, as `custody fill` writes “1001 高等数学基础”, or in a 试卷号 column people add beside the form; a paper written by name only — in an added 试卷名称 column, or a name of the workbook’s 考试安排 in 备注 — is the 试卷号 its 考试安排 gives that name, where it gives it one), or else by name where every item of both copies names its paper so (a name no 考试安排 maps, compared as written: half-width, without spaces, brackets or an AB卷’s mark; a 试卷号 cell its workbook reads as no paper — numbers parted by a space or a line break, one on no 考试安排, “3310 9999”, said by unknown-paper — is compared as written, never as the papers 3310 and 9999, and so is a cell of the same text the other copy’s workbook reads as papers — 9999 on its 考试安排 — so that copies typing one cell agree): each paper’s bags must agree, however the rows are split (one row “1001（3袋）、2045（1袋）” 4 袋 is 1001 3 袋 and 2045 1 袋), and a paper whose bags differ, or that one copy has and the other not, is said once on each side: as its row where it has one of its own, else naming the paper, its bags and rows (another paper, or 试卷归属, on the same row with the same bags — 3310 against 3301 — once, at that cell); a row or paper one copy lacks is said on that copy at its 合计 (its title where it has none), as a row it does not have — never at its row of that 序号, which holds another item, nor as “（无此行）” — and on the other copy at the row; where the papers cannot be compared so (a row of one copy names none) and the copies split the same bags of each 试卷归属 into a different number of rows (one row “岳麓考点 6袋” against 3, 1 and 2 袋), it is said once on each side, at its first row, as rows split differently with the bags alike, not as each row missing — the total (a copy whose 合计 is written inside its table, with rows below it, and none at its foot, is compared by its items only) and both pairs of signers. Reported on both files, each naming the other’s file, sheet and cell. A receiver’s copy whose 接收单位 names another unit than its workbook’s is receiver-not-this-unit’s, said once at that cell: the 接收单位 is then no difference here (on the sender’s file too, when its copy names the receiving unit; a sender’s copy naming yet another unit is told so on the sender’s file).',
};

interface Difference {
  /** The path in each copy: item rows may sit at different 序号 in the two copies. */
  pathA: string;
  pathB: string;
  mine: Said;
  theirs: Said;
  /** Said on the sender's copy only (`withoutMisnamedReceiver`). */
  senderOnly?: boolean;
  /** A paper whose bags differ (item-papers.ts): the message names it, each copy's bags said as `mine` and `theirs`. */
  paper?: string;
  /** The items split into rows differently, their bags alike (`splitDifferently`): each copy's rows and the bags. */
  split?: { rowsA: number; rowsB: number; bags: Said };
  /**
   * A row (or paper) one copy has and the other not: said on the copy lacking it at its 合计 (`lackingAt`), never at a
   * row of its own, which holds another item (review 25a D3); on the other copy at the row.
   */
  lacking?: 'A' | 'B';
}

type Item = NonNullable<Handover['items']>[number] | undefined;

/** A value as each language's message quotes it: the sheet's own words alike, the tool's words (“（空）”) in each. */
interface Said {
  zh: string;
  en: string;
}

const alike = (text: string): Said => ({ zh: text, en: text });

/** A field as a message quotes it; a time with its year when the `other` copy's is of another year. */
function shown(h: Handover, key: string, other?: Handover): Said {
  const v = (h as Record<string, unknown>)[key];
  if (key === 'time' && !Number.isNaN(tm(v))) return alike(showTime(tm(v), otherYear(tm(v), tm(other?.time))));
  // Names as a form writes them (“龚梅、肖晨”), in English too: found with Ctrl-F (review 10c D5).
  if (Array.isArray(v)) return alike(v.join('、'));
  return v === undefined || v === null ? { zh: '（空）', en: '(blank)' } : alike(String(v));
}

/**
 * An item row as a message quotes it, with its paper (its own 试卷号 and 试卷名称 cells, then its 备注, in brackets); a bare
 * count is shown in 袋, as it is compared (“3” beside “3袋” would suggest a difference that is none).
 */
function shownItem(it: Item): Said {
  if (!it) return { zh: '（无此行）', en: '(no such row)' };
  const unit = it.unit || (whole(it.quantity) === undefined ? '' : '袋');
  const row = `${it.destination ?? ''} ${it.quantity ?? ''}${unit}`.trim();
  const said = [rowPaper(it), norm(it.note) ? String(it.note) : ''].filter(Boolean);
  return said.length > 0 ? { zh: `${row}（${said.join('；')}）`, en: `${row} (${said.join('; ')})` } : alike(row);
}

/** Two readable times of different years: 2024年1月6日 and 2025年1月6日 must not both read 1月6日 in a message. */
function otherYear(a: number, b: number): boolean {
  const year = (minutes: number) => new Date(minutes * 60_000).getUTCFullYear();
  return !Number.isNaN(a) && !Number.isNaN(b) && year(a) !== year(b);
}

export function check(_sites: ReadonlyArray<CrossSite>, report: (r: CrossReport) => void, run: AcrossRun): void {
  // Every handover copy of every workbook, paired as the consolidated summary pairs them (model/pairing.ts).
  for (const { sender, receiver } of run.handoverPairs()) compare(sender, receiver, report);
}

function compare(copyA: Copy, copyB: Copy, report: (r: CrossReport) => void): void {
  const [sender, receiver] = comparedAlike(copyA, copyB);
  const differing = differingFields(sender.fields, receiver.fields);
  const diffs: Difference[] = differing
    .filter((key) => key !== 'items')
    .map((key) => ({ pathA: key, pathB: key, mine: shown(sender.h, key, receiver.h), theirs: shown(receiver.h, key, sender.h) }));
  if (differing.includes('items')) {
    // Paper by paper where both copies name every item's paper (model/pairing.ts CopyFields.papers), else row by row.
    const papers = paperDifferences(sender.h.items ?? [], receiver.h.items ?? [], sender.names, receiver.names);
    const [ia, ib] = [sender.h.items ?? [], receiver.h.items ?? []];
    const split = papers ? undefined : splitDifferently(ia, ib);
    const items = papers ? papers.map((d) => paperDifference(d, ia, ib)) : split ? [split] : itemDifferences(ia, ib);
    diffs.push(...items.map(lackingAt));
  }
  reportBoth(sender, receiver, withoutMisnamedReceiver(sender, receiver, diffs), report);
}

/**
 * The two copies as compared with each other (unread-papers.ts itemsAlike): a 试卷号 cell one read as papers and the
 * other, of the same text, as none is that text on both — their items and fields worked out again; else as they are.
 */
function comparedAlike(a: Copy, b: Copy): [Copy, Copy] {
  const alike = itemsAlike(a.h.items ?? [], b.h.items ?? []);
  if (!alike) return [a, b];
  const again = (c: Copy, items: readonly Item[]): Copy => {
    const h = { ...c.h, items: items as Handover['items'] };
    return { ...c, h, fields: copyFields(h, c.fields.unknown, c.names) };
  };
  return [again(a, alike[0]), again(b, alike[1])];
}

/** A paper's bags on a copy as a message says them: “写的是 3袋（第 1 行）”, or none. */
function paperSaid(p: PaperBags | undefined): Said {
  if (!p) return { zh: '一行也没有', en: 'no row' };
  const rows = p.rows.map((k) => k + 1);
  return { zh: `写的是 ${p.count}${p.unit}（第 ${rows.join('、')} 行）`, en: `${p.count} ${p.unit} (row No. ${rows.join(', ')})` };
}

/**
 * One paper whose bags differ between the copies (item-papers.ts paperDifferences), pointed at as `differencePaths`
 * says. A paper on a row of its own on each copy (or lacking on one: `lacking`) is said as that row (“交接明细第 1 行”写的是
 * “雨花考点 3袋（1001 高等数学基础）”): the row names the paper; another paper or 试卷归属 on the same row
 * with the same bags, once. A paper over several rows, or on a row with others (“1001（3袋）、2045（1袋）”), is said by
 * the paper: its bags on each copy and their rows.
 */
function paperDifference(d: PaperDifference, ia: readonly Item[], ib: readonly Item[]): Difference {
  const { a, b } = d;
  const [pathA, pathB] = differencePaths(d);
  const lacking = a ? (b ? {} : { lacking: 'B' as const }) : { lacking: 'A' as const };
  if (oneRow(a) && oneRow(b)) return { pathA, pathB, mine: shownItem(a && ia[a.rows[0]]), theirs: shownItem(b && ib[b.rows[0]]), ...lacking };
  return { pathA, pathB, mine: paperSaid(a), theirs: paperSaid(b), paper: (a ?? b)!.shown, ...lacking };
}

/**
 * A row one copy lacks, pointed at there by its 合计 (the form's title where it has none): its own row of that 序号, if
 * any, holds another item, and a row it does not have has no cell (review 25a D3: B9, holding 2045 1袋, was said to
 * read “（无此行）”, and two rows the copy lacked were put on its title).
 */
function lackingAt(d: Difference): Difference {
  if (d.lacking === 'A') return { ...d, pathA: 'total' };
  if (d.lacking === 'B') return { ...d, pathB: 'total' };
  return d;
}

/**
 * A receiver's copy whose 接收单位 names another unit is said once, at that
 * cell, by receiver-not-this-unit, which says what to write there: the
 * 接收单位 is not a difference on the receiver's file, nor on the sender's
 * when its copy names the receiving unit (the correction makes the two agree).
 * A sender's copy naming yet another unit is still told so.
 */
function withoutMisnamedReceiver(sender: Copy, receiver: Copy, diffs: readonly Difference[]): Difference[] {
  const custody = custodyOf(receiver.site.model);
  if (!receiverMisnamed(custody, receiver.h, receiver.i)) return [...diffs];
  const senderRight = namesThisUnit(custody, sender.h.to);
  return diffs.flatMap((d) => (d.pathA !== 'to' ? [d] : senderRight ? [] : [{ ...d, senderOnly: true }]));
}

/**
 * The first row of `keys` with this key and not in `used`, asked many times:
 * each key's rows are indexed once and stepped over once they are used, so
 * that two copies of thousands of rows are matched in linear time (a search
 * of the other copy per row took 8 s for 4,000 rows).
 */
function firstUnused(keys: readonly string[], used: ReadonlySet<number>): (key: string) => number {
  const rows = new Map<string, { at: number[]; next: number }>();
  keys.forEach((key, j) => {
    const known = rows.get(key);
    if (known) known.at.push(j);
    else rows.set(key, { at: [j], next: 0 });
  });
  return (key) => {
    const r = rows.get(key);
    if (!r) return -1;
    while (r.next < r.at.length && used.has(r.at[r.next])) r.next++;
    return r.next < r.at.length ? r.at[r.next] : -1;
  };
}

/** Rows a split message lists (the rest: 等). */
const SPLIT_ROWS_SAID = 6;

/**
 * Each 试卷归属's bags on a copy (`itemParts`: the unit as written, a bare count in 袋), in the order first written; undefined
 * where a row's count is no whole number.
 */
function bagsByDestination(items: readonly Item[]): Map<string, { shown: string; count: number; unit: string }> | undefined {
  const out = new Map<string, { shown: string; count: number; unit: string }>();
  for (const it of items) {
    if (blankItem(it)) continue;
    const count = whole(it!.quantity);
    if (count === undefined) return undefined;
    const { destination } = itemParts(it);
    const unit = norm(it!.unit) || '袋';
    const key = `${destination}|${unit}`;
    const known = out.get(key);
    if (known) known.count += count;
    else out.set(key, { shown: String(it!.destination ?? '').trim(), count, unit });
  }
  return out;
}

/**
 * The two copies' items written on rows split differently — one row “岳麓考点 6袋（1001 3袋、2045 1袋、3310 2袋）” against
 * three of 3, 1 and 2 袋 — where neither tells every row's paper (else they are compared paper by paper) and each
 * 试卷归属 has the same bags on both (review 23 D4): said once, at each copy's first row, as rows split differently, the
 * bags alike; not as each row “（无此行）”, which reads as bags missing. Undefined for any other difference.
 */
function splitDifferently(ia: readonly Item[], ib: readonly Item[]): Difference | undefined {
  const [a, b] = [bagsByDestination(ia), bagsByDestination(ib)];
  if (!a || !b || a.size === 0 || a.size !== b.size) return undefined;
  for (const [key, bags] of a) if (b.get(key)?.count !== bags.count) return undefined;
  const rowsOf = (items: readonly Item[]) => items.flatMap((it, k) => (blankItem(it) ? [] : [k]));
  const [ra, rb] = [rowsOf(ia), rowsOf(ib)];
  if (ra.length === rb.length) return undefined;
  const listed = (items: readonly Item[], rows: readonly number[]): Said => {
    const said = rows.slice(0, SPLIT_ROWS_SAID).map((k) => shownItem(items[k]));
    const more = rows.length > SPLIT_ROWS_SAID;
    return { zh: `${said.map((x) => x.zh).join('；')}${more ? ' 等' : ''}`, en: `${said.map((x) => x.en).join('; ')}${more ? ' …' : ''}` };
  };
  const totals = [...a.values()];
  return {
    pathA: `items[${ra[0]}]`,
    pathB: `items[${rb[0]}]`,
    mine: listed(ia, ra),
    theirs: listed(ib, rb),
    split: {
      rowsA: ra.length,
      rowsB: rb.length,
      bags: { zh: totals.map((t) => `${t.shown} ${t.count}${t.unit}`).join('、'), en: totals.map((t) => `${t.shown} ${t.count} ${t.unit}`).join(', ') },
    },
  };
}

/** The item rows that differ, each reported at its own 序号 in each copy. */
function itemDifferences(ia: readonly Item[], ib: readonly Item[]): Difference[] {
  const diffs: Difference[] = [];
  const line = itemLine;
  // The same item (归属, 数量, 单位 and 备注 alike) listed at another 序号 is the same line, not a difference.
  const full = (it: Item) => (it ? `${line(it)}|${norm(it.note)}` : '');
  // Pair the two copies' item rows: the same item (归属, 数量, 单位, 备注 alike) wherever it is listed; then
  // rows of the same 备注 (the same paper, a count differs); then what is left, in order.
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<[number | undefined, number | undefined]> = [];
  const take = (k: number, j: number) => (usedA.add(k), usedB.add(j), pairs.push([k, j]));
  const fullA = ia.map(full);
  const fullB = ib.map(full);
  ia.forEach((_x, k) => {
    if (k < ib.length && fullA[k] === fullB[k]) take(k, k);
  });
  // The same row elsewhere, then the same 备注: the first such row of the other copy not yet paired.
  const sameRow = firstUnused(fullB, usedB);
  ia.forEach((_x, k) => {
    if (usedA.has(k)) return;
    const j = sameRow(fullA[k]);
    if (j >= 0) take(k, j);
  });
  const sameNote = firstUnused(
    ib.map((y) => norm(y?.note)),
    usedB,
  );
  ia.forEach((x, k) => {
    const note = norm(x?.note);
    if (usedA.has(k) || !note) return;
    const j = sameNote(note);
    if (j >= 0) take(k, j);
  });
  const leftA = ia.map((_x, k) => k).filter((k) => !usedA.has(k));
  const leftB = ib.map((_y, j) => j).filter((j) => !usedB.has(j));
  for (let m = 0; m < Math.max(leftA.length, leftB.length); m++) pairs.push([leftA[m], leftB[m]]);
  pairs.sort((p, q) => (p[0] ?? p[1] ?? 0) - (q[0] ?? q[1] ?? 0));
  for (const [pa, pb] of pairs) {
    const ka = pa ?? pb!;
    const kb = pb ?? pa!;
    const x = pa !== undefined ? ia[pa] : undefined;
    const y = pb !== undefined ? ib[pb] : undefined;
    if (line(x) === line(y)) continue;
    // Point at the cell that differs when only one does.
    const sub = x && y ? differingItemPart(itemParts(x), itemParts(y)) : '';
    const lacking = x ? (y ? {} : { lacking: 'B' as const }) : { lacking: 'A' as const };
    diffs.push({ pathA: `items[${ka}]${sub}`, pathB: `items[${kb}]${sub}`, mine: shownItem(x), theirs: shownItem(y), ...lacking });
  }
  return diffs;
}

function reportBoth(a: Copy, b: Copy, diffs: readonly Difference[], report: (r: CrossReport) => void): void {
  for (const d of diffs) {
    const rows = d.split ? [d.split.rowsA, d.split.rowsB] : [];
    const sides = [
      [a, b, d.mine, d.theirs, d.pathA, d.pathB, rows, 'A'],
      [b, a, d.theirs, d.mine, d.pathB, d.pathA, [...rows].reverse(), 'B'],
    ] as const;
    for (const [me, other, mine, theirs, myPath, otherPath, [myRows, otherRows], side] of d.senderOnly ? sides.slice(0, 1) : sides) {
      const otherLoc = other.site.model.locations[`handovers[${other.i}].${otherPath}`] ?? other.site.model.locations[`handovers[${other.i}]`];
      // An item row has no label of its own on the sheet: its message names the row (a paper's, the paper and its rows).
      const item = d.paper === undefined && !d.split ? /^items\[(\d+)\]/.exec(myPath) : null;
      report({
        site: me.site.id,
        path: `handovers[${me.i}].${myPath}`,
        messageId: d.split ? 'split' : d.paper !== undefined ? 'paper' : d.lacking ? (d.lacking === side ? 'lacks' : 'only') : item ? 'item' : 'field',
        params: {
          mine: mine.zh,
          mineEn: mine.en,
          theirs: theirs.zh,
          theirsEn: theirs.en,
          other: custodyOf(other.site.model).ownName ?? other.site.id,
          otherFile: nameBeside(other.site.file ?? other.site.id, me.site.file ?? me.site.id),
          otherSheet: otherLoc?.sheet ?? '',
          otherCell: otherLoc?.cell ?? '',
          ...(item ? { row: Number(item[1]) + 1 } : {}),
          ...(d.lacking === side ? (side === 'A' ? { side: '移交方', sideEn: 'sender' } : { side: '接收方', sideEn: 'receiver' }) : {}),
          ...(d.paper !== undefined ? { paper: d.paper } : {}),
          ...(d.split ? { rows: myRows, otherRows, bags: d.split.bags.zh, bagsEn: d.split.bags.en } : {}),
        },
      });
    }
  }
}
