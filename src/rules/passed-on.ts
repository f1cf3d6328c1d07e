/**
 * Bags received for a unit below and not all handed on to it (dispatch-without-handover, message `short`): at a
 * unit that hands papers down, the incoming sheets' items name whom their bags are for (试卷归属, 附件1 备注 2);
 * every bag received for a 考点 (at the 省校, a 分校) goes on to it, on a sheet signed by both sides. Checked
 * alone, a 分校 whose sheet to a 考点 is a bag short — and whose vault log agrees with that sheet — shows nothing
 * else: the bag sits in the vault past its exam.
 */
import { fromBelow, handoverBags, itemBags, sameUnitKey, unitKey } from '../model/custody';
import { intakeLists } from '../model/intake';
import { takenBackLists } from '../model/deliveries';
import { paperCode, shownCode } from '../model/paper-code';
import { intakeRowBags, norm, notLoan, tm, whole } from './facts';
import type { RuleContext } from './types';

/** One unit handed papers: the bags received for it and the bags on the sheets that hand them on. */
interface Recipient {
  key: string;
  /** The unit as the last sheet to it writes it. */
  name: string;
  sheets: number[];
  received: number;
  /** The incoming sheets whose items name it. */
  from: number[];
  /** Some count (received or sent) cannot be read: not compared. */
  unknown: boolean;
}

/** The units this one hands papers on to (its outgoing sheets' 接收单位), each with the sheets that do. */
function recipientsOf({ model, facts }: Pick<RuleContext, 'model' | 'facts'>): Recipient[] {
  const byKey = new Map<string, Recipient>();
  (model.data.handovers ?? []).forEach((h, i) => {
    const key = unitKey(h?.to);
    if (facts.direction[i] !== 'out' || !key || sameUnitKey(key, unitKey(facts.ownName))) return;
    const r = byKey.get(key) ?? byKey.set(key, { key, name: '', sheets: [], received: 0, from: [], unknown: false }).get(key)!;
    r.sheets.push(i);
    r.name = norm(h.to);
  });
  return [...byKey.values()];
}

/** Adds each incoming item (from above) to the one recipient its 试卷归属 names; an item naming several is nobody's. */
function countReceived({ model, facts }: Pick<RuleContext, 'model' | 'facts'>, recipients: Recipient[]): void {
  const data = model.data;
  for (const i of facts.incoming) {
    const h = data.handovers![i];
    if (!h || fromBelow(h, data.site, facts.level)) continue;
    for (const item of h.items ?? []) {
      const dest = unitKey(item?.destination);
      const named = dest ? recipients.filter((r) => sameUnitKey(dest, r.key)) : [];
      if (named.length !== 1) continue;
      const bags = itemBags(item);
      named[0].received += bags ?? 0;
      named[0].unknown ||= bags === undefined;
      if (!named[0].from.includes(i)) named[0].from.push(i);
    }
  }
}

/** A paper's bags still in the vault by the records; `unread`: a dispatch of it writes a 数量 that cannot be read. */
interface PaperLeft {
  paper: string;
  bags: number;
  unread: boolean;
}

/**
 * The bags of each paper still in the vault by its records: taken in (the lists of deliveries from above) less
 * dispatched — not known (`unread`) where a dispatch of it writes a 数量 that cannot be read (blank, words, a formula
 * saved without its value: fix-left28, it was taken as 0 and the vault said to hold every bag of it). Undefined where
 * the workbook keeps no vault log — its sheets are its only record.
 */
function bagsLeft({ model, facts }: Pick<RuleContext, 'model' | 'facts'>): Map<string, PaperLeft> | undefined {
  const data = model.data;
  if (!(data.vaultLog ?? []).some((r) => r)) return undefined;
  const left = new Map<string, PaperLeft>();
  const back = takenBackLists(data, tm);
  intakeLists(data).forEach(({ list }, k) => {
    if (back.has(k)) return;
    for (const item of list.items ?? []) {
      const code = paperCode(item?.paperNo);
      const bags = item ? intakeRowBags(item) : undefined;
      if (!code || bags === undefined) continue;
      const p = left.get(code) ?? left.set(code, { paper: shownCode(item!.paperNo), bags: 0, unread: false }).get(code)!;
      p.bags += bags;
    }
  });
  (data.vaultLog ?? []).forEach((r, i) => {
    const p = left.get(paperCode(r?.paperNo));
    if (!p || !notLoan(facts, i) || (norm(r.unit) || '袋') !== '袋') return;
    const out = whole(r.quantity);
    if (out === undefined) p.unread = true;
    else p.bags -= out;
  });
  return left;
}

/** The sheets carrying a dispatch whose 数量 cannot be read (undefined: one no sheet carries): their bags are not compared. */
function sheetsOfUnread({ model, facts }: Pick<RuleContext, 'model' | 'facts'>): Set<number | undefined> {
  const sheets = new Set<number | undefined>();
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (r && facts.dispatch[i] && (norm(r.unit) || '袋') === '袋' && whole(r.quantity) === undefined) sheets.add(facts.custody.movement[i]);
  });
  return sheets;
}

/** Reports, at the 合计 of the last sheet to it, each unit handed fewer bags than were received for it — where the vault still holds bags by its records. */
export function checkPassedOn({ model, facts, report }: RuleContext): void {
  const recipients = recipientsOf({ model, facts });
  countReceived({ model, facts }, recipients);
  const short = recipients.filter((r) => r.from.length > 0 && !r.unknown);
  if (short.length === 0) return;
  const left = bagsLeft({ model, facts });
  const kept = left && [...left.values()].filter((p) => !p.unread && p.bags > 0);
  const unread = kept?.length === 0 ? sheetsOfUnread({ model, facts }) : undefined;
  const sheetOf = (h: number) => model.locations[`handovers[${h}]`]?.sheet ?? '';
  for (const r of short) {
    // A vault log that sends every bag it took in out again agrees with the sheets' bags or is said against them
    // (`bags`) — but where a dispatch on them (or on no sheet) has a 数量 not read, which is not compared: `short`.
    if (unread && !unread.has(undefined) && !r.sheets.some((h) => unread.has(h))) continue;
    const sent = r.sheets.map((h) => handoverBags(model.data.handovers![h]));
    if (sent.some((b) => b === undefined)) continue;
    const total = sent.reduce<number>((a, b) => a + b!, 0);
    if (total >= r.received) continue;
    const last = r.sheets[r.sheets.length - 1];
    const at = facts.located(`handovers[${last}].total`) ? `handovers[${last}].total` : `handovers[${last}].items[0].quantity`;
    const froms = [...new Set(r.from.map((i) => norm(model.data.handovers![i].from)))];
    report(at, kept?.length ? 'shortKept' : 'short', {
      from: froms.join('、'),
      sheet1: [...new Set(r.from.map(sheetOf))].join('、'),
      sheet2: [...new Set(r.sheets.map(sheetOf))].join('、'),
      dest: r.name,
      received: r.received,
      sent: total,
      kept: (kept ?? []).map((p) => `${p.paper} ${p.bags} 袋`).join('、'),
      keptEn: (kept ?? []).map((p) => `${p.bags} bags of ${p.paper}`).join(', '),
    });
  }
}
