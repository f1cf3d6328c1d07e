/**
 * Handovers sent to units whose workbooks are not in the run (review round 10a D3): a 省校 summarising with two
 * 考点 workbooks missing read “仅移交方副本 2” on 总览 and 考点 4 袋 beside 分校 14 袋 with no word of which; only
 * 交接配对, pages on, named them. Each sender and receiver is listed once with the bags it handed over, on the
 * CLI's closing lines and under 总览's figures, as the workbooks of another semester and a unit's second are.
 */
import { unitKey } from '../model/custody';
import { singularOfOne } from '../rules/plural';
import type { ConsolidatedTotals, HandoverPair } from './consolidate';
import type { Lang } from './columns';
import { ABSENT_RECEIVER_WORDS } from './words';

/** A unit's handovers to a unit whose workbook is not in the run: the names as the first slip writes them, how many slips, how many bags. */
export interface AbsentReceiver {
  from: string;
  to: string;
  handovers: number;
  bags: number;
}

/**
 * The one-sided pairs whose receiving unit gave no workbook (status sender-only, `counterpartProvided` false),
 * one entry per sender and receiver (their names as `unitKey` reads them), in the pairs' order.
 */
function absentReceiversOf(pairs: readonly HandoverPair[]): AbsentReceiver[] {
  const by = new Map<string, AbsentReceiver>();
  for (const p of pairs) {
    if (p.status !== 'sender-only' || p.counterpartProvided) continue;
    const key = `${unitKey(p.from)}\u0000${unitKey(p.to)}`;
    const entry = by.get(key) ?? { from: p.from.trim(), to: p.to.trim(), handovers: 0, bags: 0 };
    entry.handovers++;
    entry.bags += p.sender?.quantity ?? 0;
    by.set(key, entry);
  }
  return [...by.values()];
}

/** The run's pairs counted by status, and those sent to a unit whose workbook is not in the run listed (`absentReceivers`). */
export function countPairs(t: ConsolidatedTotals, pairs: readonly HandoverPair[]): void {
  for (const p of pairs) t.pairs[p.status]++;
  t.absentReceivers = absentReceiversOf(pairs);
}

/** The senders and receivers the CLI's line names; the rest are on 交接配对. */
const NAMED = 10;

/**
 * The CLI's line on handovers to units whose workbooks are not in the run (`absentReceivers`): each sender, its
 * receiver and the bags; nothing when every receiver gave its workbook.
 */
export function absentReceiverLinesOf(t: Pick<ConsolidatedTotals, 'absentReceivers'>, lang: Lang): string[] {
  const all = t.absentReceivers;
  if (all.length === 0) return [];
  const words = ABSENT_RECEIVER_WORDS[lang];
  const named = all.slice(0, NAMED).map(words.item);
  return [singularOfOne(words.line(named, all.length - named.length))];
}
