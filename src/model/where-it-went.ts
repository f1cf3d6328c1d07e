/**
 * A vault-log 还卷人 cell that says where the bag went, not who brought it back: “退回分校”, “下发岳麓考点”,
 * “移交天心考点” (review 25b D3). 附件3 has no 备注 column, so people write there that a bag left for another unit
 * and never came back. Such a cell is a note: no signer (not checked against the roster) and no return — the row
 * is a checkout never taken back, a dispatch or a send-back when a handover sheet carries it (model/custody.ts),
 * and its 还卷时间, if any, says when it went. Only a keeper's 入库签字 beside it writes a return. Decided here once,
 * for the validator and the summaries alike.
 */
import { isBlankValue, norm } from './values';
import type { VaultLogEntry } from './types';

/** A movement to another unit, at the head of the text (已 before it: “已退回分校”). */
const SENT = /^已?(?:退回|退还|退交|上交|上缴|下发|发往|发给|送往|送交|送至|移交|转交|交给)/;

/** What such a note may name after the word: a unit, never a room or the vault (“下发01考场” is the exam's loan). */
const UNIT = /分校|考点|省校|分部|学院|大学|本部|教学点/;
const NOT_A_UNIT = /考场|试室|保密室|卷库/;

/** Whether a 还卷人 text says where the bag went: a word of sending, alone or with the unit it went to. */
export function saysWhereItWent(text: unknown): boolean {
  const written = norm(text);
  const sent = SENT.exec(written);
  if (!sent) return false;
  const rest = written.slice(sent[0].length);
  return rest === '' || (UNIT.test(rest) && !NOT_A_UNIT.test(rest));
}

/**
 * Whether a vault-log row writes its return: a 还卷人, 还卷时间 or 入库签字 — but a 还卷人 saying where the bag went,
 * with no keeper signing it back in, writes none (its 还卷时间 is when it went).
 */
export function returnWritten(row: VaultLogEntry | null | undefined): boolean {
  if (!row) return false;
  if (!isBlankValue(row.receivedBy)) return true;
  if (saysWhereItWent(row.returner)) return false;
  return !isBlankValue(row.returnedAt) || !isBlankValue(row.returner);
}
