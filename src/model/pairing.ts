/**
 * The two copies of one handover (附件1 备注 1: 一式两份, 双方签字有效, 押运方和接收方
 * 分别存档), found across workbooks, and what differs between them. One
 * definition for the validator (handover-copies-disagree) and the consolidated
 * summary's 交接配对 table, so that they cannot disagree about a handover.
 */
import { sameUnit, unitKey } from './custody';
import { type ItemText, type PaperNames, destinationKey, papersKey } from './item-papers';
import type { Direction } from './custody';
import { TextMemo } from './memo';
import { personKey } from './people';
import { totalKey } from './unit-total';
import { toHalfWidth } from './text';
import { norm, tm, whole } from './values';

/** A copy as pairing needs it: where it is kept, which way it goes for its holder, its units and time. */
export interface CopyKey {
  /** The workbook (file or id) that holds the copy. */
  holder: string;
  /** The name of the unit whose workbook it is. */
  holderUnit: string;
  direction: Direction;
  from: unknown;
  to: unknown;
  time: unknown;
  /** `copyFields(…).content`: copies with identical content are preferred when times tie. */
  content: string;
  /**
   * The holder's semester as a key (`semesterKey` of 基本信息's 学期); undefined when it names none that can
   * be read. Copies of two semesters are never one handover's: last year's 1月6日 copy is not this year's.
   */
  semester?: string;
  /** Its compared fields: of them, those it holds no value of (`CopyFields.unknown`, a formula saved without it). */
  fields?: { unknown?: readonly CopyField[] };
}

/** The fields compared between two copies. */
export type CopyField = 'time' | 'from' | 'to' | 'address' | 'contact' | 'items' | 'total' | 'fromSigners' | 'toSigners';
export const COPY_FIELDS: readonly CopyField[] = ['time', 'from', 'to', 'address', 'contact', 'items', 'total', 'fromSigners', 'toSigners'];

/** The parts of a handover two copies are compared on (a Handover, or a summary's brief of one). */
export interface CopyContent {
  time?: unknown;
  from?: unknown;
  to?: unknown;
  address?: unknown;
  contact?: unknown;
  total?: unknown;
  items?: ReadonlyArray<ItemText | null | undefined> | null;
  fromSigners?: readonly unknown[] | null;
  toSigners?: readonly unknown[] | null;
}

/**
 * A 联系人 or 地址 as compared: without spaces, brackets or punctuation —
 * “周立新 0731-87881234” and “周立新（0731-87881234）” are one contact, as a
 * name with its role in brackets is one person (people.ts). Another name,
 * another digit or another word is still a difference.
 */
const LOOSE = new TextMemo((text) => norm(text).replace(/[\p{P}\p{S}]/gu, ''));
function looseText(value: unknown): string {
  return value === undefined || value === null ? '' : LOOSE.get(String(value));
}

/**
 * The words people put before a number in a 联系人 (电话, 手机：, 联系电话, Tel:):
 * “周立新 电话0731-87881234” and “周立新 手机：0731-87881234” name one person at
 * one number. Longest first, so that 联系电话 goes whole.
 */
const NUMBER_WORDS = /联系电话|联系方式|电话号码|办公电话|手机号码|手机号|电话|手机|座机|tel|phone|mobile/giu;
const CONTACT = new TextMemo((text) => looseText(norm(text).replace(NUMBER_WORDS, '')));
/** A 联系人 as compared: `looseText`, without the words for its number. */
function contactText(value: unknown): string {
  return value === undefined || value === null ? '' : CONTACT.get(String(value));
}

type ItemContent = { destination?: unknown; quantity?: unknown; unit?: unknown } | null | undefined;

/** A count cell that is no one number, as compared: numbers parted by a space are counts apart, as “2、1” (fix-counts26: “2 1” was 21). */
const countText = (quantity: unknown): string => norm(toHalfWidth(String(quantity ?? '')).replace(/(\d)\s+(?=\d)/g, '$1、'));

/** An item's 试卷归属 and its count as compared (`destinationKey`; a count with no 单位 is in 袋, as the form's 数量（袋/箱） counts). */
export function itemParts(item: ItemContent): { destination: string; count: string } {
  return { destination: destinationKey(item?.destination), count: `${whole(item?.quantity) ?? countText(item?.quantity)}|${norm(item?.unit || '袋')}` };
}

/**
 * One item line as compared: 试卷归属, 数量 and 单位 (`itemParts`); its 序号 and 备注 are not compared as lines (the papers its
 * 备注 names are, where both copies name every item's: `CopyFields.papers`).
 */
export function itemLine(item: ItemContent): string {
  if (!item) return '';
  const { destination, count } = itemParts(item);
  return `${destination}|${count}`;
}

/** An item line (`itemLine`) taken apart again: its 试卷归属 up to the first “|”, its count after it. */
export function lineParts(line: string): { destination: string; count: string } {
  const cut = line.indexOf('|');
  return { destination: line.slice(0, cut), count: line.slice(cut + 1) };
}

/**
 * Where two item rows that differ are pointed at, by the check and by the summary alike: `.quantity` where only the
 * count (数量, 单位) differs, `.destination` where only the 试卷归属 does, else '' (the row's 序号).
 */
export function differingItemPart(a: { destination: string; count: string }, b: { destination: string; count: string }): '' | '.destination' | '.quantity' {
  const destination = a.destination !== b.destination;
  if (destination === (a.count !== b.count)) return '';
  return destination ? '.destination' : '.quantity';
}

/**
 * Signers as compared, each name's parts apart: a copy whose unit read 阿依古丽·买买提 against its roster and the other
 * unit's copy that, without her on its roster, keeps “阿依古丽 买买提” as written (model/dotted-names.ts) sign alike.
 */
const signers = (list: readonly unknown[] | null | undefined): string =>
  [...new Set((list ?? []).flatMap((s) => personKey(s).split('·')).filter(Boolean))].sort().join('、');

/**
 * Each compared field of a copy in the form compared: equal strings, equal field; `unknown`, fields it holds no value of
 * (`unsolvedCopyFields`); `names`, its workbook's papers by name (item-papers.ts handoverPaperNames).
 */
export function copyFields(h: CopyContent, unknown?: readonly CopyField[], names?: PaperNames): CopyFields {
  const t = tm(h.time);
  const fields: Record<CopyField, string> = {
    time: Number.isNaN(t) ? norm(h.time) : String(t),
    from: norm(h.from),
    to: norm(h.to),
    address: looseText(h.address),
    contact: contactText(h.contact),
    items: (h.items ?? [])
      .filter((i) => i && !(norm(i.destination) === '' && norm(i.quantity) === ''))
      .map(itemLine)
      .sort()
      .join('；'),
    // “2箱3袋” and “2箱、3袋” are one total (unit-total.ts).
    total: totalKey(h.total),
    fromSigners: signers(h.fromSigners),
    toSigners: signers(h.toSigners),
  };
  // The bags paper by paper, where every item names its paper (item-papers.ts): compared instead of the lines when both copies have them.
  return withContent(fields, papersKey(h.items ?? [], names), papersKey(h.items ?? [], names, 'name'), unknown);
}

/** The fields as compared with their `content` (what copies of identical content are told by), and the rest when any. */
export function withContent(fields: Record<CopyField, string>, papers?: string, paperNames?: string, unknown?: readonly CopyField[]): CopyFields {
  const content = [papers ?? paperNames ?? fields.items, fields.total, fields.fromSigners, fields.toSigners, fields.address, fields.contact].join('#');
  const rest = { ...(papers !== undefined && { papers }), ...(paperNames !== undefined && { paperNames }), ...(unknown?.length ? { unknown } : {}) };
  return { ...fields, content, ...rest };
}

/** A copy's compared fields as compared (`copyFields`). */
export type CopyFields = Record<CopyField, string> & {
  content: string;
  /**
   * Its items' bags paper by paper (item-papers.ts papersKey), where every item names its paper: two copies that both
   * have them are compared on them, not on their lines — 1001 3 袋 and 2045 1 袋 against 1001 1 袋 and 2045 3 袋 differ,
   * one line “1001（3袋）、2045（1袋）” against two of the same bags agrees (review 22a D1, D5).
   */
  papers?: string;
  /**
   * The same by the names its items write (a 试卷名称 cell, the schedule's names in its text), where every item names
   * its paper so: compared where either copy does not give every item's 试卷号 (a name no schedule maps, as written).
   */
  paperNames?: string;
  /** The fields the copy holds no value of (a formula saved without it: `unsolvedCopyFields`), left out of every comparison. */
  unknown?: readonly CopyField[];
};

/**
 * One unit written short on one copy and in full on the other ("耒阳考点" /
 * "衡阳分校耒阳考点", "衡阳分校（学院）" / "衡阳分校"); a 分校 and its 考点 are two units.
 */
function sameUnitWritten(a: string, b: string): boolean {
  const x = unitKey(a);
  const y = unitKey(b);
  return sameUnit(x, y) && x.endsWith('考点') === y.endsWith('考点');
}

/**
 * The fields on which two copies differ, in the order of COPY_FIELDS; a unit written two ways (`sameUnitWritten`) is no
 * difference, nor a field one copy holds no value of (`CopyFields.unknown`: a formula saved without its value).
 */
export function differingFields(a: CopyFields, b: CopyFields): CopyField[] {
  return COPY_FIELDS.filter(
    (f) => differ(a, b, f) && !((f === 'from' || f === 'to') && sameUnitWritten(a[f], b[f])) && !a.unknown?.includes(f) && !b.unknown?.includes(f),
  );
}

/**
 * The field differs as written; the items, paper by paper where both copies name every item's paper: by 试卷号
 * (`CopyFields.papers`), else by name (`paperNames`), as item-papers.ts paperDifferences tells them apart.
 */
function differ(a: CopyFields, b: CopyFields, f: CopyField): boolean {
  if (f === 'items' && a.papers !== undefined && b.papers !== undefined) return a.papers !== b.papers;
  if (f === 'items' && a.paperNames !== undefined && b.paperNames !== undefined) return a.paperNames !== b.paperNames;
  return a[f] !== b[f];
}

const DAY = 24 * 60;

/**
 * Pairs sender's copies (direction out) with receiver's copies (direction in)
 * kept in other workbooks of other units. First by the same 移交单位 and
 * 接收单位 (`unitKey`), nearest in time, identical content first; then copies
 * whose 移交单位 or 接收单位 was written differently, or holds a formula saved without
 * its value (`fields.unknown`), by the other unit and the same minute; last, copies of
 * one minute with both written another way (`pairBothWrittenOtherwise`). Each copy is
 * used once; the rest are returned unpaired.
 */
export function pairCopies<T extends CopyKey>(copies: readonly T[]): { pairs: Array<{ sender: T; receiver: T }>; unpaired: T[] } {
  const used = new Set<T>();
  const pairs: Array<{ sender: T; receiver: T }> = [];
  const byRoute = new Map<string, T[]>();
  for (const c of copies) {
    if (!unitKey(c.from) || !unitKey(c.to)) continue;
    push(byRoute, `${unitKey(c.from)}→${unitKey(c.to)}`, c);
  }
  for (const group of byRoute.values()) pairWithin(group, used, pairs, false);
  const byOneUnit = new Map<string, T[]>();
  for (const c of copies) {
    const t = tm(c.time);
    if (used.has(c) || Number.isNaN(t)) continue;
    const [from, to] = [unitKey(c.from), unitKey(c.to)];
    // A unit field holding no value (a formula saved without it) is not known: the copy is paired by the other.
    const unknown = c.fields?.unknown ?? [];
    if (from && (to || unknown.includes('to'))) push(byOneUnit, `from:${from}@${t}`, c);
    if (to && (from || unknown.includes('from'))) push(byOneUnit, `to:${to}@${t}`, c);
  }
  for (const group of byOneUnit.values()) pairWithin(group, used, pairs, true);
  pairBothWrittenOtherwise(copies, used, pairs);
  return { pairs, unpaired: copies.filter((c) => !used.has(c)) };
}

/**
 * The copies left, of one minute, whose 移交单位 and 接收单位 are each one unit written two ways (`sameUnitWritten`):
 * 国家开放大学长沙分校 → 长沙分校浏阳考点 on one, 长沙分校 → 浏阳考点 on the other (review 20b D2). Grouped by the units as
 * items key them (`destinationKey`) and the minute; the senders of each route with the receivers of each route that fits.
 */
function pairBothWrittenOtherwise<T extends CopyKey>(copies: readonly T[], used: Set<T>, pairs: Array<{ sender: T; receiver: T }>): void {
  const groups = new Map<string, Map<string, T[]>>();
  for (const c of copies) {
    const t = tm(c.time);
    if (used.has(c) || Number.isNaN(t) || !unitKey(c.from) || !unitKey(c.to)) continue;
    const key = `${destinationKey(c.from)}→${destinationKey(c.to)}@${t}`;
    if (!groups.has(key)) groups.set(key, new Map());
    push(groups.get(key)!, `${unitKey(c.from)}→${unitKey(c.to)}`, c);
  }
  for (const routes of groups.values()) {
    const written = [...routes.values()];
    for (const a of written)
      for (const b of written) {
        if (a === b || !sameUnitWritten(norm(a[0].from), norm(b[0].from)) || !sameUnitWritten(norm(a[0].to), norm(b[0].to))) continue;
        pairWithin([...a.filter((c) => c.direction === 'out'), ...b.filter((c) => c.direction === 'in')], used, pairs, true);
      }
  }
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The two copies could be one handover's: kept by its two sides, in two workbooks. */
function oppositeSides(s: CopyKey, r: CopyKey): boolean {
  if (s.direction !== 'out' || r.direction !== 'in' || s.holder === r.holder) return false;
  // Two workbooks of the same unit (two versions of one file) hold the same side's copy twice.
  const a = unitKey(s.holderUnit);
  if (a && a === unitKey(r.holderUnit)) return false;
  // A workbook of another semester (workbook-of-another-semester) keeps that semester's copies: its own, unpaired.
  return s.semester === undefined || r.semester === undefined || s.semester === r.semester;
}

/** A copy of a group with its place in it: ties between equally good pairs go to the earlier sender, then the earlier receiver. */
interface Placed<T> {
  copy: T;
  index: number;
  time: number;
}

/** A sender's next receiver to try: pairs are tried from the lowest score (twice the minutes apart, plus one for other content). */
interface Offer<T> {
  score: number;
  sender: Placed<T>;
  receiver: Placed<T>;
  rest: Iterator<[Placed<T>, number]>;
}

const before = <T>(a: Offer<T>, b: Offer<T>): boolean =>
  a.score < b.score || (a.score === b.score && (a.sender.index < b.sender.index || (a.sender.index === b.sender.index && a.receiver.index < b.receiver.index)));

/** The smallest offer first (a binary heap). */
class Offers<T> {
  private readonly heap: Array<Offer<T>> = [];

  get size(): number {
    return this.heap.length;
  }

  push(offer: Offer<T>): void {
    const h = this.heap;
    h.push(offer);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  pop(): Offer<T> {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < h.length && before(h[l], h[least])) least = l;
        if (r < h.length && before(h[r], h[least])) least = r;
        if (least === i) break;
        [h[i], h[least]] = [h[least], h[i]];
        i = least;
      }
    }
    return top;
  }
}

/**
 * Receivers in group order, and where the first not yet used may be: a group
 * of thousands on one route and minute is paired in group order, and each
 * sender would otherwise step over all those already taken.
 */
interface Bucket<T> {
  items: Array<Placed<T>>;
  start: number;
}

/** Receivers of a group, by time: each distinct time with its receivers in group order; those without a readable time apart. */
interface Receivers<T> {
  times: number[];
  at: Array<Bucket<T>>;
  untimed: Bucket<T>;
  all: Bucket<T>;
}

function receiversOf<T extends CopyKey>(placed: ReadonlyArray<Placed<T>>): Receivers<T> {
  const all = placed.filter((p) => p.copy.direction === 'in');
  const byTime = new Map<number, Array<Placed<T>>>();
  for (const p of all) if (!Number.isNaN(p.time)) push(byTime, p.time, p);
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const bucket = (items: Array<Placed<T>>): Bucket<T> => ({ items, start: 0 });
  return { times, at: times.map((t) => bucket(byTime.get(t)!)), untimed: bucket(all.filter((p) => Number.isNaN(p.time))), all: bucket(all) };
}

/** Steps `b.start` past the receivers already used at its front. */
function skipUsed<T>(b: Bucket<T>, used: ReadonlySet<T>): number {
  while (b.start < b.items.length && used.has(b.items[b.start].copy)) b.start++;
  return b.start;
}

/**
 * The receivers of these buckets, in group order, those used at a bucket's
 * front stepped over as they are used (one bucket) or when asked (several:
 * two times as far on either side, or the untimed a day off; rare).
 */
function* inGroupOrder<T>(buckets: ReadonlyArray<Bucket<T>>, used: ReadonlySet<T>): Generator<Placed<T>> {
  if (buckets.length === 1) {
    const [b] = buckets;
    for (let i = skipUsed(b, used); i < b.items.length; i = Math.max(i + 1, skipUsed(b, used))) yield b.items[i];
    return;
  }
  yield* buckets.flatMap((b) => b.items.slice(skipUsed(b, used))).sort((a, b) => a.index - b.index);
}

/**
 * A sender's receivers in the order pairing tries them, with the score of
 * each: nearest in time first (a receiver or sender without a readable time
 * counts a day apart), at one distance those of identical content first, then
 * in group order; only the same minute when `sameMinute`.
 */
function* offersTo<T extends CopyKey>(s: Placed<T>, receivers: Receivers<T>, used: ReadonlySet<T>, sameMinute: boolean): Generator<[Placed<T>, number]> {
  function* shell(dt: number, buckets: ReadonlyArray<Bucket<T>>): Generator<[Placed<T>, number]> {
    for (const r of inGroupOrder(buckets, used)) if (s.copy.content === r.copy.content && oppositeSides(s.copy, r.copy)) yield [r, dt * 2];
    for (const r of inGroupOrder(buckets, used)) if (s.copy.content !== r.copy.content && oppositeSides(s.copy, r.copy)) yield [r, dt * 2 + 1];
  }
  const { times, at, untimed } = receivers;
  if (Number.isNaN(s.time)) {
    if (!sameMinute) yield* shell(DAY, [receivers.all]);
    return;
  }
  // The first time not before the sender's (a binary search), and the last before it.
  let hi = 0;
  for (let end = times.length; hi < end;) {
    const mid = (hi + end) >> 1;
    if (times[mid] < s.time) hi = mid + 1;
    else end = mid;
  }
  let lo = hi - 1;
  let untimedDone = sameMinute || untimed.items.length === 0;
  while (lo >= 0 || hi < times.length) {
    const dt = Math.min(hi < times.length ? times[hi] - s.time : Infinity, lo >= 0 ? s.time - times[lo] : Infinity);
    if (sameMinute && dt > 0) return;
    if (!untimedDone && dt > DAY) {
      untimedDone = true;
      yield* shell(DAY, [untimed]);
    }
    const buckets: Array<Bucket<T>> = [];
    if (lo >= 0 && s.time - times[lo] === dt) buckets.push(at[lo--]);
    if (hi < times.length && times[hi] - s.time === dt) buckets.push(at[hi++]);
    if (!untimedDone && dt === DAY) {
      untimedDone = true;
      buckets.push(untimed);
    }
    yield* shell(dt, buckets);
  }
  if (!untimedDone) yield* shell(DAY, [untimed]);
}

/** A group with more sender–receiver candidates than this is paired by offers (`pairByOffers`), not from a list of them all. */
const LISTED_CANDIDATES = 4096;

/**
 * Pairs within a group, the best pairs first: the lowest score (twice the
 * minutes apart, plus one for other content), then the earlier sender, then
 * the earlier receiver; each copy used once. A usual group (a route's few
 * deliveries) from the list of all its candidate pairs; one of thousands of
 * copies on one route (a set of files made to be so) by offers, which make no
 * list of its square: 1,000 senders and 1,000 receivers of one route took
 * 1.4 s and 100 MB as a list. The two pair alike (test/model/pairing-order.test.ts).
 */
function pairWithin<T extends CopyKey>(group: readonly T[], used: Set<T>, pairs: Array<{ sender: T; receiver: T }>, sameMinute: boolean): void {
  if (group.length < 2) return;
  let senders = 0;
  let receivers = 0;
  for (const c of group) {
    if (used.has(c)) continue;
    if (c.direction === 'out') senders++;
    else receivers++;
  }
  if (senders * receivers <= LISTED_CANDIDATES) pairByList(group, used, pairs, sameMinute);
  else pairByOffers(group, used, pairs, sameMinute);
}

/** `pairWithin` from the list of every candidate pair, sorted. */
export function pairByList<T extends CopyKey>(group: readonly T[], used: Set<T>, pairs: Array<{ sender: T; receiver: T }>, sameMinute: boolean): void {
  const candidates: Array<{ s: T; r: T; score: number; order: number }> = [];
  let order = 0;
  for (const s of group) {
    if (used.has(s) || s.direction !== 'out') continue;
    for (const r of group) {
      if (used.has(r) || !oppositeSides(s, r)) continue;
      const ts = tm(s.time);
      const tr = tm(r.time);
      const dt = Number.isNaN(ts) || Number.isNaN(tr) ? DAY : Math.abs(ts - tr);
      if (sameMinute && dt !== 0) continue;
      candidates.push({ s, r, score: dt * 2 + (s.content === r.content ? 0 : 1), order: order++ });
    }
  }
  candidates.sort((a, b) => a.score - b.score || a.order - b.order);
  for (const { s, r } of candidates) {
    if (used.has(s) || used.has(r)) continue;
    used.add(s);
    used.add(r);
    pairs.push({ sender: s, receiver: r });
  }
}

/**
 * `pairWithin` by offers: each sender offers its receivers one at a time, in
 * the order it would take them (`offersTo`); the best offer is taken, one of a
 * receiver taken meanwhile is replaced by the sender's next.
 */
export function pairByOffers<T extends CopyKey>(group: readonly T[], used: Set<T>, pairs: Array<{ sender: T; receiver: T }>, sameMinute: boolean): void {
  const placed = group.map((copy, index) => ({ copy, index, time: tm(copy.time) })).filter((p) => !used.has(p.copy));
  const receivers = receiversOf(placed);
  const offers = new Offers<T>();
  const offerNext = (sender: Placed<T>, rest: Iterator<[Placed<T>, number]>) => {
    for (let next = rest.next(); !next.done; next = rest.next()) {
      const [receiver, score] = next.value;
      if (!used.has(receiver.copy)) return offers.push({ score, sender, receiver, rest });
    }
  };
  for (const s of placed) if (s.copy.direction === 'out') offerNext(s, offersTo(s, receivers, used, sameMinute));
  while (offers.size > 0) {
    const { sender, receiver, rest } = offers.pop();
    if (used.has(receiver.copy)) {
      offerNext(sender, rest);
      continue;
    }
    used.add(sender.copy);
    used.add(receiver.copy);
    pairs.push({ sender: sender.copy, receiver: receiver.copy });
  }
}
