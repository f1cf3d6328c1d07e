/**
 * Signature cells that name two people joined by 和 or 与, parted once the workbook is read (workbook.ts),
 * before any signers are counted.
 */
import { intakeLists } from '../model/intake';
import { mayPartTwo, personKey, signaturesSplit, splitJoinedSigners } from '../model/people';
import type { SiteData } from '../model/types';
import { TextMemo } from '../model/memo';

/** The one-person signature cells of forms 2–5, by record (made once: a log has tens of thousands of rows). */
const SIGNED = {
  keeper: ['keeper'],
  vaultLog: ['taker', 'issuedBy', 'returner', 'receivedBy'],
  register: ['issuer', 'receiver'],
  registerRow: ['collector', 'returner'],
  shift: ['handedOverBy', 'takenOverBy'],
  supervisor: ['supervisor'],
} as const;

/** Whether a signature cell's text may part two people (mayPartTwo), asked once a text: a log's 200,000 cells hold a few names. */
const MAY_PART_TWO = new TextMemo((text) => mayPartTwo(signaturesSplit(text)));

/**
 * Two people written in one signature cell joined by 和 (“黄志刚和刘春香”), told apart by the roster
 * (model/people.ts): 附件1's 移交人 and 接收人 (两人) become two signers; a cell of forms 2–5 that one signs
 * (取卷人, 交班人) names the two as “黄志刚、刘春香” does, each then checked as any two signing one cell are.
 */
export function splitJoinedSignatures(data: SiteData): void {
  const roster = new Set((data.staff ?? []).map((s) => personKey(s?.name)).filter(Boolean));
  for (const handover of data.handovers ?? []) {
    for (const key of ['fromSigners', 'toSigners'] as const) {
      const signers = handover?.[key];
      if (Array.isArray(signers)) handover[key] = splitJoinedSigners(signers.map(String), roster);
    }
  }
  const apart = <K extends string>(record: Partial<Record<K, unknown>> | null | undefined, keys: readonly K[]) => {
    for (const key of keys) {
      const text = record?.[key];
      if (typeof text !== 'string') continue;
      // Written again only where a 和 parts two people: most cells are left as they are, with no text made.
      if (!MAY_PART_TWO.get(text)) continue;
      const split = signaturesSplit(text);
      const people = splitJoinedSigners(split, roster);
      if (people.length !== split.length || people.some((p, i) => p !== split[i])) record![key] = people.join('、');
    }
  };
  for (const { list } of intakeLists(data)) apart(list, SIGNED.keeper);
  for (const row of data.vaultLog ?? []) apart(row, SIGNED.vaultLog);
  for (const register of data.distributions ?? []) {
    apart(register, SIGNED.register);
    for (const row of register?.rows ?? []) apart(row, SIGNED.registerRow);
  }
  for (const shift of data.duty?.shifts ?? []) apart(shift, SIGNED.shift);
  apart(data.duty, SIGNED.supervisor);
}
