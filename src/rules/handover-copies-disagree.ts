import type { Handover } from '../model/types';
import { norm, showTime, tm, whole } from './facts';
import type { CrossReport, CrossSite, RuleMeta } from './types';
import type { Facts } from './facts';

export const meta: RuleMeta = {
  id: 'handover-copies-disagree',
  title: { zh: '交接单两份不一致', en: 'Handover copies disagree' },
  severity: 'error',
  forms: [1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效，押运方和接收方分别存档”',
  messages: {
    zh: {
      field: '这张交接单的“{field}”写的是“{mine}”，而对方“{other}”留存的同一张交接单（{otherFile} {otherCell}）写的是“{theirs}”。一式两份须内容一致，请双方核对后改正。',
    },
    en: {
      field: '"{field}" on this handover sheet reads "{mine}", but the other side\'s copy ({other}: {otherFile} {otherCell}) reads "{theirs}". Both copies must agree.',
    },
  },
  docs: 'When workbooks are checked together, the two copies of one handover (same 移交单位 and 接收单位, kept by each side) must agree field by field: date, units, address, contact, each item (the same item at another 序号 is no difference), the total and both pairs of signers. Reported on both files.',
};

type Site = CrossSite & { facts: Facts };

const FIELDS: Array<[string, (h: Handover) => string]> = [
  ['time', (h) => (Number.isNaN(tm(h.time)) ? norm(h.time) : String(tm(h.time)))],
  ['from', (h) => norm(h.from)],
  ['to', (h) => norm(h.to)],
  ['address', (h) => norm(h.address)],
  ['contact', (h) => norm(h.contact)],
  ['total', (h) => (whole(h.total) !== undefined ? String(whole(h.total)) : norm(h.total))],
  ['fromSigners', (h) => [...new Set((h.fromSigners ?? []).map(norm))].sort().join('、')],
  ['toSigners', (h) => [...new Set((h.toSigners ?? []).map(norm))].sort().join('、')],
];

function shown(h: Handover, key: string): string {
  const v = (h as Record<string, unknown>)[key];
  if (key === 'time' && !Number.isNaN(tm(v))) return showTime(tm(v));
  if (Array.isArray(v)) return v.join('、');
  return v === undefined || v === null ? '（空）' : String(v);
}

export function check(sites: ReadonlyArray<Site>, report: (r: CrossReport) => void): void {
  // Index every handover by its two units.
  const byUnits = new Map<string, Array<{ site: Site; i: number; h: Handover }>>();
  for (const site of sites) {
    (site.model.data.handovers ?? []).forEach((h, i) => {
      if (!h || !norm(h.from) || !norm(h.to)) return;
      const key = `${norm(h.from)}→${norm(h.to)}`;
      if (!byUnits.has(key)) byUnits.set(key, []);
      byUnits.get(key)!.push({ site, i, h });
    });
  }
  const paired = new Set<string>();
  const groups: Array<Array<{ site: Site; i: number; h: Handover }>> = [...byUnits.values()];
  pairGroups(groups, paired, report);
  // Copies whose 移交单位 or 接收单位 was written differently: paired by the other unit and the same time.
  const rest = new Map<string, Array<{ site: Site; i: number; h: Handover }>>();
  for (const list of byUnits.values())
    for (const x of list) {
      if (paired.has(`${x.site.id}#${x.i}`) || Number.isNaN(tm(x.h.time))) continue;
      for (const key of [`from:${norm(x.h.from)}@${tm(x.h.time)}`, `to:${norm(x.h.to)}@${tm(x.h.time)}`]) {
        if (!rest.has(key)) rest.set(key, []);
        rest.get(key)!.push(x);
      }
    }
  // Only a sender's copy with a receiver's: two 考点 that received at the same minute are not one handover.
  pairGroups([...rest.values()], paired, report, true);
}

function pairGroups(
  groups: Array<Array<{ site: Site; i: number; h: Handover }>>,
  used: Set<string>,
  report: (r: CrossReport) => void,
  oppositeSides = false,
): void {
  for (const list of groups) {
    const siteIds = new Set(list.map((x) => x.site.id));
    if (siteIds.size < 2) continue;
    // Pair each copy with the nearest-in-time copy in another workbook, each used once.
    const candidates: Array<{ a: (typeof list)[0]; b: (typeof list)[0]; d: number }> = [];
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        if (list[x].site.id === list[y].site.id) continue;
        if (!keptByOppositeSides(list[x], list[y], oppositeSides)) continue;
        const ta = tm(list[x].h.time);
        const tb = tm(list[y].h.time);
        candidates.push({ a: list[x], b: list[y], d: Number.isNaN(ta) || Number.isNaN(tb) ? 1e9 : Math.abs(ta - tb) });
      }
    candidates.sort((p, q) => p.d - q.d);
    for (const { a, b } of candidates) {
      const ka = `${a.site.id}#${a.i}`;
      const kb = `${b.site.id}#${b.i}`;
      if (used.has(ka) || used.has(kb)) continue;
      used.add(ka);
      used.add(kb);
      compare(a, b, report);
    }
  }
}

/**
 * The two copies of one handover are kept by its two sides: one in the sender's
 * workbook, one in the receiver's. Two workbooks of the same unit (two versions
 * of one file, say) hold the same side's copy twice and are not a pair.
 */
function keptByOppositeSides(a: { site: Site; i: number }, b: { site: Site; i: number }, strict: boolean): boolean {
  const ownA = norm(a.site.facts.ownName);
  const ownB = norm(b.site.facts.ownName);
  if (ownA && ownB && ownA === ownB) return false;
  const da = a.site.facts.direction[a.i];
  const db = b.site.facts.direction[b.i];
  if (da && db) return da !== db;
  return !strict;
}

function compare(a: { site: Site; i: number; h: Handover }, b: { site: Site; i: number; h: Handover }, report: (r: CrossReport) => void): void {
  // A difference: the path in each copy (item rows may sit at different 序号 in the two copies).
  const diffs: Array<{ pathA: string; pathB: string; mine: string; theirs: string }> = [];
  for (const [key, get] of FIELDS) {
    if (get(a.h) !== get(b.h)) diffs.push({ pathA: key, pathB: key, mine: shown(a.h, key), theirs: shown(b.h, key) });
  }
  type Item = NonNullable<Handover['items']>[number] | undefined;
  const ia = a.h.items ?? [];
  const ib = b.h.items ?? [];
  const line = (it: Item) => (it ? `${norm(it.destination)}|${whole(it.quantity) ?? norm(it.quantity)}|${norm(it.unit || '袋')}` : '');
  // The same item (归属, 数量, 单位 and 备注 alike) listed at another 序号 is the same line, not a difference.
  const full = (it: Item) => (it ? `${line(it)}|${norm(it.note)}` : '');
  // Pair the two copies' item rows: the same item (归属, 数量, 单位, 备注 alike) wherever it is listed; then
  // rows of the same 备注 (the same paper, a count differs); then what is left, in order.
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<[number | undefined, number | undefined]> = [];
  const take = (k: number, j: number) => (usedA.add(k), usedB.add(j), pairs.push([k, j]));
  ia.forEach((x, k) => {
    if (k < ib.length && full(x) === full(ib[k])) take(k, k);
  });
  ia.forEach((x, k) => {
    if (usedA.has(k)) return;
    const j = ib.findIndex((y, jj) => !usedB.has(jj) && full(y) === full(x));
    if (j >= 0) take(k, j);
  });
  ia.forEach((x, k) => {
    if (usedA.has(k) || !norm(x?.note)) return;
    const j = ib.findIndex((y, jj) => !usedB.has(jj) && norm(y?.note) === norm(x?.note));
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
    const show = (it: Item) => (it ? `${it.destination ?? ''} ${it.quantity ?? ''}${it.unit ?? ''}`.trim() + (norm(it.note) ? `（${it.note}）` : '') : '（无此行）');
    // Point at the cell that differs when only one does.
    let sub = '';
    if (x && y) {
      const dest = norm(x.destination) !== norm(y.destination);
      const qty = `${whole(x.quantity) ?? norm(x.quantity)}|${norm(x.unit || '袋')}` !== `${whole(y.quantity) ?? norm(y.quantity)}|${norm(y.unit || '袋')}`;
      if (dest && !qty) sub = '.destination';
      if (qty && !dest) sub = '.quantity';
    }
    // A row missing from one copy is reported there at the 序号 it has in the other.
    diffs.push({ pathA: `items[${ka}]${sub}`, pathB: `items[${kb}]${sub}`, mine: show(x), theirs: show(y) });
  }
  for (const d of diffs) {
    for (const [me, other, mine, theirs, myPath, otherPath] of [
      [a, b, d.mine, d.theirs, d.pathA, d.pathB],
      [b, a, d.theirs, d.mine, d.pathB, d.pathA],
    ] as const) {
      const otherLoc = other.site.model.locations[`handovers[${other.i}].${otherPath}`] ?? other.site.model.locations[`handovers[${other.i}]`];
      const field = myPath.startsWith('items') ? `交接明细第 ${Number(/\d+/.exec(myPath)![0]) + 1} 行` : undefined;
      report({
        site: me.site.id,
        path: `handovers[${me.i}].${myPath}`,
        messageId: 'field',
        params: {
          mine,
          theirs,
          other: other.site.facts.ownName ?? other.site.id,
          otherFile: otherLoc?.sheet ?? '',
          otherCell: otherLoc?.cell ?? '',
          ...(field ? { field } : {}),
        },
      });
    }
  }
}
