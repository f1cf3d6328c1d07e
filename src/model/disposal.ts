/**
 * A vault checkout taken out to be destroyed: a 备注 beside the row (the column people keep right of 附件3) saying the
 * papers left for disposal — “备用卷，考后经主考批准监督销毁”, “监销”, “送销毁”, “销毁处理” (review 15a D7). Such a row is
 * no loan: nothing is to come back and the exam-day window does not apply (not-returned, checkout-window and the
 * exam-checkout rules leave it), and the summaries count its bags destroyed, not still out. The words are decided here
 * once, for the validator and the summaries alike.
 *
 * A 备注 naming papers (“2045备用卷考后销毁”) speaks of those papers only: on a row of another paper it excuses nothing.
 * A negated word (“未销毁”, “不得销毁”) is no disposal; nor is a row with its return written (a loan that came back);
 * nor a row taken out before its paper's last session on 考试安排 has ended: papers are destroyed after their exam,
 * and a 备注 must not excuse a bag missing on the exam day (the row is judged as any loan).
 */
import { paperCode } from './paper-code';
import { isBlankValue, norm, tm } from './values';
import type { SiteData, VaultLogEntry } from './types';
import { returnWritten } from './where-it-went';

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

/** A vault-log row whose 备注 says disposal (`saysDisposal`) and nothing of a return is written. */
function saidDisposal(row: VaultLogEntry | null | undefined): boolean {
  if (!row || isBlankValue(row.note)) return false;
  if (returnWritten(row)) return false;
  return saysDisposal(row.note, row.paperNo);
}

/** When each paper's exams are over by 考试安排: the latest end (or, unreadable, start) of its sessions. */
function examsOver(data: SiteData): Map<string, number> {
  const over = new Map<string, number>();
  for (const s of data.schedule ?? []) {
    const paper = paperCode(s?.paperNo);
    const end = tm(s?.end);
    const t = Number.isNaN(end) ? tm(s?.start) : end;
    if (paper && !Number.isNaN(t)) over.set(paper, Math.max(over.get(paper) ?? t, t));
  }
  return over;
}

const ROWS = new WeakMap<SiteData, boolean[]>();

/**
 * The vault-log rows out for disposal, by index (a row's `saidDisposal`, taken
 * out once its paper's exams were over when 考试安排 says when): the one
 * answer the validator and the summaries share.
 */
export function disposalRows(data: SiteData): readonly boolean[] {
  let rows = ROWS.get(data);
  if (rows) return rows;
  const log = data.vaultLog ?? [];
  const said = log.map(saidDisposal);
  const over = said.includes(true) ? examsOver(data) : new Map<string, number>();
  rows = log.map((row, i) => {
    if (!said[i]) return false;
    const end = over.get(paperCode(row.paperNo));
    const taken = tm(row.takenAt);
    return end === undefined || Number.isNaN(taken) || taken >= end;
  });
  ROWS.set(data, rows);
  return rows;
}
