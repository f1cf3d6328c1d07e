/**
 * The two copies of one handover (附件1 备注 1: 一式两份, 双方签字有效, 押运方和接收方
 * 分别存档), found across workbooks, and what differs between them. One
 * definition for the validator (handover-copies-disagree) and the consolidated
 * summary's 交接配对 table, so that they cannot disagree about a handover.
 */
import { sameUnit, unitKey } from './custody';
import type { Direction } from './custody';
import { personKey } from './people';
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
}

/** The fields compared between two copies. */
export type CopyField = 'time' | 'from' | 'to' | 'address' | 'contact' | 'items' | 'total' | 'fromSigners' | 'toSigners';
const COPY_FIELDS: readonly CopyField[] = ['time', 'from', 'to', 'address', 'contact', 'items', 'total', 'fromSigners', 'toSigners'];

/** The parts of a handover two copies are compared on (a Handover, or a summary's brief of one). */
export interface CopyContent {
  time?: unknown;
  from?: unknown;
  to?: unknown;
  address?: unknown;
  contact?: unknown;
  total?: unknown;
  items?: ReadonlyArray<{ destination?: unknown; quantity?: unknown; unit?: unknown } | null | undefined> | null;
  fromSigners?: readonly unknown[] | null;
  toSigners?: readonly unknown[] | null;
}

/** One item line as compared: 试卷归属, 数量 and 单位 (袋 when blank); its 序号 and 备注 are not compared. */
export function itemLine(item: { destination?: unknown; quantity?: unknown; unit?: unknown } | null | undefined): string {
  if (!item) return '';
  return `${norm(item.destination)}|${whole(item.quantity) ?? norm(item.quantity)}|${norm(item.unit || '袋')}`;
}

const signers = (list: readonly unknown[] | null | undefined): string => [...new Set((list ?? []).map(personKey).filter(Boolean))].sort().join('、');

/** Each compared field of a copy in the form compared: equal strings, equal field. */
export function copyFields(h: CopyContent): Record<CopyField, string> & { content: string } {
  const t = tm(h.time);
  const fields: Record<CopyField, string> = {
    time: Number.isNaN(t) ? norm(h.time) : String(t),
    from: norm(h.from),
    to: norm(h.to),
    address: norm(h.address),
    contact: norm(h.contact),
    items: (h.items ?? [])
      .filter((i) => i && !(norm(i.destination) === '' && norm(i.quantity) === ''))
      .map(itemLine)
      .sort()
      .join('；'),
    total: whole(h.total) !== undefined ? String(whole(h.total)) : norm(h.total),
    fromSigners: signers(h.fromSigners),
    toSigners: signers(h.toSigners),
  };
  return { ...fields, content: [fields.items, fields.total, fields.fromSigners, fields.toSigners, fields.address, fields.contact].join('#') };
}

/**
 * One unit written short on one copy and in full on the other ("耒阳考点" /
 * "衡阳分校耒阳考点", "衡阳分校（学院）" / "衡阳分校"); a 分校 and its 考点 are two units.
 */
function sameUnitWritten(a: string, b: string): boolean {
  const x = unitKey(a);
  const y = unitKey(b);
  return sameUnit(x, y) && x.endsWith('考点') === y.endsWith('考点');
}

/** The fields on which two copies differ, in the order of COPY_FIELDS; a unit written two ways (`sameUnitWritten`) is no difference. */
export function differingFields(a: Record<CopyField, string>, b: Record<CopyField, string>): CopyField[] {
  return COPY_FIELDS.filter((f) => a[f] !== b[f] && !((f === 'from' || f === 'to') && sameUnitWritten(a[f], b[f])));
}

const DAY = 24 * 60;

/**
 * Pairs sender's copies (direction out) with receiver's copies (direction in)
 * kept in other workbooks of other units. First by the same 移交单位 and
 * 接收单位 (`unitKey`), nearest in time, identical content first; then copies
 * whose 移交单位 or 接收单位 was written differently, by the other unit and
 * the same minute. Each copy is used once; the rest are returned unpaired.
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
    if (used.has(c) || Number.isNaN(t) || !unitKey(c.from) || !unitKey(c.to)) continue;
    push(byOneUnit, `from:${unitKey(c.from)}@${t}`, c);
    push(byOneUnit, `to:${unitKey(c.to)}@${t}`, c);
  }
  for (const group of byOneUnit.values()) pairWithin(group, used, pairs, true);
  return { pairs, unpaired: copies.filter((c) => !used.has(c)) };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The two copies could be one handover's: kept by its two sides, in two workbooks. */
function oppositeSides(s: CopyKey, r: CopyKey): boolean {
  if (s.direction !== 'out' || r.direction !== 'in' || s.holder === r.holder) return false;
  // Two workbooks of the same unit (two versions of one file) hold the same side's copy twice.
  const a = unitKey(s.holderUnit);
  return !a || a !== unitKey(r.holderUnit);
}

function pairWithin<T extends CopyKey>(group: readonly T[], used: Set<T>, pairs: Array<{ sender: T; receiver: T }>, sameMinute: boolean): void {
  if (group.length < 2) return;
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
