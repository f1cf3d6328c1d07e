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
import { labelOf } from '../model/labels';
import { valueAt } from '../model/location';
import { intakeRowBags, isBlankValue, norm, notLoan, tm, whole } from './facts';
import { BAG_SIZES, seqOf, shownValue, UNSAVED_FORMULA } from './uncounted';
import { UNSAVED_COUNT } from './unknown-counts';
import type { Params, RuleContext } from './types';

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

/** A paper's bags still in the vault by its records; `unread`: an intake row or a dispatch of it writes bags that cannot be read. */
interface PaperLeft {
  paper: string;
  bags: number;
  unread: boolean;
}

/** An intake row: its list's rows (`intake.items`, `intake[1].items`) and its place there. */
interface IntakeRowAt {
  rowsAt: string;
  j: number;
}

/** The vault's papers by its records, and the first intake row of a paper whose bags cannot be read, if any. */
interface VaultLeft {
  left: Map<string, PaperLeft>;
  intakeUnread?: IntakeRowAt;
}

/**
 * The bags of each paper still in the vault by its records: taken in (the lists of deliveries from above) less
 * dispatched — not known (`unread`) where a dispatch of it writes a 数量 that cannot be read (blank, words, a formula
 * saved without its value: fix-left28, it was taken as 0 and the vault said to hold every bag of it), or an intake row
 * of it its bags (fix-left29: the row was passed over, and a vault log sending the other rows' bags out was taken to
 * have sent every bag out). Undefined where the workbook keeps no vault log — its sheets are its only record.
 */
function bagsLeft({ model, facts }: Pick<RuleContext, 'model' | 'facts'>): VaultLeft | undefined {
  const data = model.data;
  if (!(data.vaultLog ?? []).some((r) => r)) return undefined;
  const vault: VaultLeft = { left: new Map() };
  const { left } = vault;
  const back = takenBackLists(data, tm);
  intakeLists(data).forEach(({ list, path }, k) => {
    if (back.has(k)) return;
    (list.items ?? []).forEach((item, j) => {
      const code = paperCode(item?.paperNo);
      if (!code) return;
      const bags = intakeRowBags(item);
      const p = left.get(code) ?? left.set(code, { paper: shownCode(item.paperNo), bags: 0, unread: false }).get(code)!;
      if (bags !== undefined) p.bags += bags;
      else {
        p.unread = true;
        vault.intakeUnread ??= { rowsAt: `${path}.items`, j };
      }
    });
  });
  (data.vaultLog ?? []).forEach((r, i) => {
    const p = left.get(paperCode(r?.paperNo));
    if (!p || !notLoan(facts, i) || (norm(r.unit) || '袋') !== '袋') return;
    const out = whole(r.quantity);
    if (out === undefined) p.unread = true;
    else p.bags -= out;
  });
  return vault;
}

/**
 * An intake row whose bags cannot be read, as shortIntake names it: its sheet and 序号, the cell read for its bags (its
 * 合计（袋）, or where that is blank a size not read), what it holds, and what to do.
 */
function intakeRowSaid({ model }: Pick<RuleContext, 'model'>, { rowsAt, j }: IntakeRowAt): Params {
  const item = (valueAt(model.data, `${rowsAt}[${j}]`) ?? {}) as Record<string, unknown>;
  const key = isBlankValue(item.totalBags) ? (BAG_SIZES.find((k) => !isBlankValue(item[k])) ?? 'totalBags') : 'totalBags';
  const value = item[key];
  const said = { intakeSheet: model.locations[`${rowsAt}[${j}]`]?.sheet ?? '', seq: seqOf(model.locations, rowsAt, j), label: labelOf(`${rowsAt}.${key}`) };
  if (value === UNSAVED_COUNT) {
    return {
      ...said,
      shown: UNSAVED_FORMULA.zh,
      shownEn: UNSAVED_FORMULA.en.trim(),
      fix: '请用 Excel 或 WPS 打开这个工作簿保存一次',
      fixEn: 'open the workbook in Excel or WPS and save it first',
    };
  }
  if (isBlankValue(value)) {
    return {
      ...said,
      shown: '没有填写',
      shownEn: 'is empty',
      fix: `请先补填入库清单序号 ${said.seq} 这一行的袋数`,
      fixEn: `fill in the bags of No. ${said.seq} on the intake list first`,
    };
  }
  const { shown, shownEn } = shownValue(value);
  return {
    ...said,
    shown: `${shown}，读不出袋数`,
    shownEn: `${shownEn}, which is not a number of bags`,
    fix: `请先改正入库清单序号 ${said.seq} 的“${said.label}”`,
    fixEn: `correct No. ${said.seq}’s "${said.label}" on the intake list first`,
  };
}

/** The sheets carrying a dispatch whose 数量 cannot be read (undefined: one no sheet carries): their bags are not compared. */
function sheetsOfUnread({ model, facts }: Pick<RuleContext, 'model' | 'facts'>): Set<number | undefined> {
  const sheets = new Set<number | undefined>();
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (r && facts.dispatch[i] && (norm(r.unit) || '袋') === '袋' && whole(r.quantity) === undefined) sheets.add(facts.custody.movement[i]);
  });
  return sheets;
}

/**
 * Reports, at the 合计 of the last sheet to it, each unit handed fewer bags than were received for it — where the vault
 * still holds bags by its records, or where an intake row's bags cannot be read, which leaves that unchecked (无从核对).
 */
export function checkPassedOn({ model, facts, report }: RuleContext): void {
  const recipients = recipientsOf({ model, facts });
  countReceived({ model, facts }, recipients);
  const short = recipients.filter((r) => r.from.length > 0 && !r.unknown);
  if (short.length === 0) return;
  const vault = bagsLeft({ model, facts });
  const kept = vault && [...vault.left.values()].filter((p) => !p.unread && p.bags > 0);
  const unread = kept?.length === 0 ? sheetsOfUnread({ model, facts }) : undefined;
  // No bag of a paper read as kept, and an intake row's bags not read: whether the vault still holds bags is not known.
  const intakeUnread = kept?.length === 0 && vault!.intakeUnread !== undefined ? intakeRowSaid({ model }, vault!.intakeUnread) : undefined;
  const sheetOf = (h: number) => model.locations[`handovers[${h}]`]?.sheet ?? '';
  for (const r of short) {
    // A vault log that sends every bag it took in out again agrees with the sheets' bags or is said against them
    // (`bags`) — but where a dispatch on them (or on no sheet) has a 数量 not read, which is not compared: `short`; or
    // an intake row's bags are not read, so every bag taken in is not known: `shortIntake`.
    if (unread && !intakeUnread && !unread.has(undefined) && !r.sheets.some((h) => unread.has(h))) continue;
    const sent = r.sheets.map((h) => handoverBags(model.data.handovers![h]));
    if (sent.some((b) => b === undefined)) continue;
    const total = sent.reduce<number>((a, b) => a + b!, 0);
    if (total >= r.received) continue;
    const last = r.sheets[r.sheets.length - 1];
    const at = facts.located(`handovers[${last}].total`) ? `handovers[${last}].total` : `handovers[${last}].items[0].quantity`;
    const froms = [...new Set(r.from.map((i) => norm(model.data.handovers![i].from)))];
    report(at, kept?.length ? 'shortKept' : intakeUnread ? 'shortIntake' : 'short', {
      from: froms.join('、'),
      sheet1: [...new Set(r.from.map(sheetOf))].join('、'),
      sheet2: [...new Set(r.sheets.map(sheetOf))].join('、'),
      dest: r.name,
      received: r.received,
      sent: total,
      kept: (kept ?? []).map((p) => `${p.paper} ${p.bags} 袋`).join('、'),
      keptEn: (kept ?? []).map((p) => `${p.bags} bags of ${p.paper}`).join(', '),
      ...intakeUnread,
    });
  }
}
