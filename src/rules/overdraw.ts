import { checkoutSession, notLoan, showTime, tm, vaultRows, whole } from './facts';
import type { Facts } from './facts';
import { neverReturned } from './not-returned';
import type { RuleContext, RuleMeta } from './types';
import { paperCode, shownCode } from '../model/paper-code';
import { intakeLists } from '../model/intake';
import { SIZES } from './later-session-bags';
import { rowTotalWrong } from './row-total';
import { isBlankValue } from '../model/values';
import type { SiteData } from '../model/types';

export const meta: RuleMeta = {
  id: 'overdraw',
  title: { zh: '出库超过入库', en: 'More out of the vault than taken in' },
  severity: 'error',
  forms: [2, 3],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2 备注“此表为各单位入保密室中保密柜的交接单”；（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      over: '试卷 {paper} 在 {time} 出库 {qty} 袋后，同时在库外的共 {out} 袋，但到这时入库清单上这份试卷只有 {in} 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
      overCopies:
        '试卷 {paper} 在 {time} 出库 {qty} 份后，同时在库外的共 {out} 份，但到这时入库清单上这份试卷只有 {in} 份（{bags} 袋，按 31、26、11、5 份装袋数算）。出库份数不能多于已入库的份数，请核对数量、单位（袋/份）或入库清单。',
    },
    en: {
      over: 'After taking out {qty} bags of paper {paper} at {time}, the bags out at once come to {out}, but only {in} had been taken in by then. Check the quantities or the intake time.',
      overCopies:
        'After taking out {qty} copies of paper {paper} at {time}, the copies out at once come to {out}, but the intake lists had taken in only {in} by then ({bags} bags, counted by their sizes of 31, 26, 11 and 5). Check the quantities, the unit (袋/份) or the intake list.',
    },
  },
  docs: 'At some moment more bags of one paper are out of the vault than the intake lists had taken in by then (a supplementary delivery counts from its own 入库时间; dispatches — papers sent on — never come back; a loan whose return was never written, not-returned’s finding, counts as back at its session’s end). Counts in 袋 (or with no unit) are compared with the bags taken in; counts in 份 (the log prints 数量（袋/份）) with the copies the lists’ bags hold (31·a + 26·b + 11·c + 5·d), apart from the bags, and not for a paper whose list gives only its 合计（袋） or a size that cannot be read; the first checkout that goes over is flagged, once a paper (in 袋 first).',
};

/**
 * When a loan whose return was never written is counted back: at its session's end, else just after it was
 * taken. Its bags are not-returned's finding; counted out for good they made every later checkout of the
 * paper an overdraw, the echo of that one unwritten return. Bags taken beyond the vault's are still found at it.
 */
function unwrittenReturn(facts: Facts, row: number, taken: number): number {
  const end = checkoutSession(facts, row)?.end;
  return end !== undefined && end > taken ? end : taken + 1;
}

/** A checkout or its return: `delta` bags or copies out (a return's negative), at minute `t`, of vault-log row `row`. */
interface Movement {
  t: number;
  delta: number;
  row: number;
}

/** What the intake lists had taken in of one paper, each list at its 入库时间 (none readable: from the start). */
type Arrivals = ReadonlyArray<{ t: number; count: number }>;

/**
 * The copies each intake list took in of each paper (31·a + 26·b + 11·c + 5·d), for the checkouts written in 份 (the log
 * prints 数量（袋/份）). A paper one of whose rows does not give its sizes (a size that is no whole number, none written,
 * or only its 合计（袋）) has no copies known: it is left out, its rows in 份 not judged.
 */
function copiesArrivals(data: SiteData): Map<string, Arrivals> {
  const out = new Map<string, Array<{ t: number; count: number }>>();
  const unknown = new Set<string>();
  for (const { list } of intakeLists(data)) {
    const t = tm(list.time);
    for (const item of list.items ?? []) {
      const paper = paperCode(item?.paperNo);
      if (!paper || !item) continue;
      const sizes = [item.bags31, item.bags26, item.bags11, item.bags5];
      // No size written at all is no count of copies (required-field's), as its bags are none to the bag ledger; a size
      // not read, or sizes not adding up to the row's 合计（袋） (row-total's), leave its copies unknown.
      if (sizes.some((v) => !isBlankValue(v) && whole(v) === undefined) || sizes.every(isBlankValue) || rowTotalWrong(item as Record<string, unknown>)) {
        unknown.add(paper);
        continue;
      }
      const copies = sizes.reduce<number>((sum, v, k) => sum + SIZES[k] * (whole(v) ?? 0), 0);
      const arrivals = out.get(paper) ?? [];
      arrivals.push({ t: Number.isNaN(t) ? -Infinity : t, count: copies });
      out.set(paper, arrivals);
    }
  }
  for (const paper of unknown) out.delete(paper);
  for (const arrivals of out.values()) arrivals.sort((a, b) => a.t - b.t);
  return out;
}

/** Each paper's movements in one unit (袋: rows with no unit too; 份). */
interface UnitMovements {
  bags: Map<string, Movement[]>;
  copies: Map<string, Movement[]>;
}

/**
 * The vault-log rows of each paper, by unit — in bags those of a paper with bags taken in (facts.intakeBags), in copies
 * those of a paper whose copies are known (`copies`) — as checkouts and their returns: a dispatch never comes back; a
 * loan whose return was never written counts as back at its session's end. One walk of the log for both units (a walk
 * for each read every row of 50,000 twice).
 */
function movementsIn(model: RuleContext['model'], facts: Facts, copies: ReadonlyMap<string, Arrivals>): UnitMovements {
  const events: UnitMovements = { bags: new Map(), copies: new Map() };
  const rows = vaultRows(facts);
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r) return;
    const p = rows.paper[i];
    const q = whole(r.quantity);
    const t = rows.taken[i];
    const unit = r.unit?.trim() || '袋';
    const byPaper = unit === '袋' && facts.intakeBags.has(p) ? events.bags : unit === '份' && copies.has(p) ? events.copies : undefined;
    if (!byPaper || q === undefined || Number.isNaN(t)) return;
    const list = byPaper.get(p) ?? [];
    list.push({ t, delta: q, row: i });
    const back = neverReturned(facts, r, i) ? unwrittenReturn(facts, i, t) : rows.returned[i];
    if (!notLoan(facts, i) && !Number.isNaN(back) && back >= t) list.push({ t: back, delta: -q, row: i });
    byPaper.set(p, list);
  });
  return events;
}

/** The first checkout after which more is out at once than had been taken in by then, with the two figures. */
function firstOver(list: Movement[], arrivals: Arrivals): { e: Movement; out: number; limit: number } | undefined {
  const inBy = (t: number) => arrivals.reduce((sum, a) => (a.t <= t ? sum + a.count : sum), 0);
  list.sort((a, b) => a.t - b.t || a.delta - b.delta);
  let out = 0;
  for (const e of list) {
    out += e.delta;
    const limit = inBy(e.t);
    // Out before any of it came in is checkout-before-intake's finding: one fact, one finding.
    const beforeIntake = e.t < arrivals[0].t;
    if (e.delta > 0 && out > limit && !beforeIntake) return { e, out, limit };
  }
  return undefined;
}

export function check({ model, facts, report }: RuleContext): void {
  // Said as the row writes its 试卷号 (0304), not as compared (304).
  const shown = (row: number) => shownCode(model.data.vaultLog![row]?.paperNo);
  const over = new Set<string>();
  const copies = copiesArrivals(model.data);
  // Only papers with bags taken in have events in bags, so each has its arrivals.
  const moves = movementsIn(model, facts, copies);
  for (const [paper, list] of moves.bags) {
    const arrivals = facts.intakeArrivals.get(paper)!.map((a) => ({ t: a.t, count: a.bags }));
    const found = firstOver(list, arrivals);
    if (!found) continue;
    over.add(paper);
    report(`vaultLog[${found.e.row}].quantity`, 'over', {
      paper: shown(found.e.row),
      time: showTime(found.e.t),
      qty: found.e.delta,
      out: found.out,
      in: found.limit,
    });
  }
  // Loose copies (份) against the copies the lists' bags hold; a paper already over in bags is one fact, said once.
  for (const [paper, list] of moves.copies) {
    if (over.has(paper)) continue;
    const found = firstOver(list, copies.get(paper)!);
    if (!found) continue;
    const bags = facts.intakeBags.get(paper) ?? 0;
    report(`vaultLog[${found.e.row}].quantity`, 'overCopies', {
      paper: shown(found.e.row),
      time: showTime(found.e.t),
      qty: found.e.delta,
      out: found.out,
      in: found.limit,
      bags,
    });
  }
}
