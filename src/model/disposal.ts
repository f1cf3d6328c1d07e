/**
 * A vault checkout taken out to be destroyed: a 备注 beside the row (the column people keep right of 附件3) saying the
 * papers left for disposal — “备用卷，考后经主考批准监督销毁”, “监销”, “送销毁”, “销毁处理” (review 15a D7). Such a row is
 * no loan: nothing is to come back and the exam-day window does not apply (not-returned, checkout-window and the
 * exam-checkout rules leave it), and the summaries count its bags destroyed, not still out. The words are decided here
 * once, for the validator and the summaries alike.
 *
 * A 备注 naming papers (“2045备用卷考后销毁”) speaks of those papers only: on a row of another paper it excuses nothing.
 * A negated word (“未销毁”, “不得销毁”) is no disposal; nor is a row with its return written (a loan that came back).
 */
import { paperCode } from './paper-code';
import { isBlankValue, norm } from './values';

/** The words of disposal: 销毁 (监督销毁, 销毁处理), 监销 (supervised destruction), 焚毁, 粉碎, 化浆 (pulped). */
const DISPOSAL = /(?<![未不没勿禁]|不得|不准|不可|不要)(?:销毁|监销|焚毁|粉碎|化浆)/;

/** Codes of digits a 备注 names (paper codes are numbers of three digits or more). */
const CODES = /\d{3,}[A-Da-d]?/g;

/** Whether a row's 备注 says its papers were taken out to be destroyed: disposal words, and the row's paper if it names any. */
export function saysDisposal(note: unknown, paperNo: unknown): boolean {
  const text = norm(note);
  if (!DISPOSAL.test(text)) return false;
  const named = (text.match(CODES) ?? []).map((code) => paperCode(code));
  return named.length === 0 || named.includes(paperCode(paperNo));
}

/** A vault-log row out for disposal: its 备注 says so (`saysDisposal`) and nothing of a return is written. */
export function isDisposal(
  row: { paperNo?: unknown; note?: unknown; returnedAt?: unknown; returner?: unknown; receivedBy?: unknown } | null | undefined,
): boolean {
  if (!row || isBlankValue(row.note)) return false;
  if (!isBlankValue(row.returnedAt) || !isBlankValue(row.returner) || !isBlankValue(row.receivedBy)) return false;
  return saysDisposal(row.note, row.paperNo);
}
