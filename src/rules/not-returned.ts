import { checkoutSession, isBlankValue, norm, notLoan, sessionFor, showDuration, showDurationEn, showTime, tm, vaultRows } from './facts';
import type { Facts } from './facts';
import type { VaultLogEntry } from '../model/types';
import { onDayOf } from '../model/values';
import { returnWritten } from '../model/where-it-went';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'not-returned',
  title: { zh: '试卷未按时还回', en: 'Papers not returned in time' },
  severity: 'error',
  forms: [0, 3],
  clause:
    '参照《沙洋县普通高校招生全国统一考试试卷保密工作方案》二.5“考试结束，回收的试卷、答卷、草稿纸，必须及时送回考区保密室”；依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3“还卷人签字 还卷时间 保管员入库签字”',
  messages: {
    zh: {
      never: '试卷 {paper} 于 {taken} 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
      late: '试卷 {paper} 在 {returned} 才还回保密室，这场考试 {end} 已结束 {span}。考后须及时送回（时限 {limit}），请核对还卷时间并说明原因。',
    },
    en: {
      never: 'Paper {paper}, taken out at {taken}, has no return. Papers go back to the vault promptly after the exam; fill in the return or find the papers.',
      late: 'Paper {paper} was returned at {returned}, {spanEn} after its session ended ({end}); the limit is {limitEn}. Check the return time and note why it was late.',
    },
  },
  docs: 'A vault checkout with no return at all, or returned more than the set minutes (default 120) after its session ended. A half-filled return is partial-row instead. A 还卷人 saying where the bag went (“退回分校”, “下发岳麓考点”: model/where-it-went.ts), with no keeper’s 入库签字, writes no return: the row is a checkout never taken back (sent on where a sheet carries it). Not a dispatch — papers sent on, not lent: a checkout carried on an outgoing handover of the unit (the 省校 to a 分校, a 考点 sending its papers back to its 分校 after the exam), or, at the 省校 or a 分校, one never taken back (dispatch-without-handover asks for its sheet). Nor a row taken out to be destroyed: its 备注 beside 附件3 says 销毁 or 监销 (“备用卷，考后经主考批准监督销毁”), naming no paper or this row’s, the bag taken out once its paper’s sessions on 考试安排 were over — a 备注 naming another paper, or saying 未销毁, or on a bag taken out before its exam was over, excuses nothing — and nothing while 单位级别 cannot be read (which checkouts are dispatches hangs on it). Where the table keeps the day in a date column of its own (取卷日期 | 取卷时间, 还卷日期 | 还卷时间) and the finding would not hold on the day compared (the time of day is right, the day is not), it points at the date’s cell.',
};

/**
 * A loan (not a dispatch) with nothing of its return written: not-returned's finding, said once at its 还卷时间.
 * Not judged while the level cannot be read, nor for a row whose checkout is incomplete (partial-row, invalid-datetime).
 */
export function neverReturned(facts: Facts, r: VaultLogEntry | undefined, i: number): boolean {
  if (!r || facts.level === undefined || notLoan(facts, i)) return false;
  if (returnWritten(r)) return false;
  return !Number.isNaN(tm(r.takenAt)) && !isBlankValue(r.paperNo);
}

export function check({ model, facts, report }: RuleContext): void {
  // Which checkouts are loans hangs on the level: not guessed (required-field says the level cannot be read).
  if (facts.level === undefined) return;
  const grace = facts.settings.returnGraceMinutes;
  const rows = vaultRows(facts);
  (model.data.vaultLog ?? []).forEach((r, i) => {
    if (!r || notLoan(facts, i)) return;
    const t = rows.taken[i];
    if (!returnWritten(r)) {
      // A row whose checkout itself is incomplete or unreadable is partial-row / invalid-datetime first.
      if (neverReturned(facts, r, i)) report(`vaultLog[${i}].returnedAt`, 'never', { paper: norm(r.paperNo), taken: showTime(t) });
      return;
    }
    const back = rows.returned[i];
    if (Number.isNaN(back) || (!Number.isNaN(t) && back < t)) return;
    const s = Number.isNaN(t) ? sessionFor(facts, r.paperNo, back) : checkoutSession(facts, i);
    if (!s) return;
    if (back - s.end > grace)
      report(
        `vaultLog[${i}].returnedAt`,
        'late',
        {
          paper: norm(r.paperNo),
          returned: showTime(back),
          end: showTime(s.end),
          span: showDuration(back - s.end),
          spanEn: showDurationEn(back - s.end),
          limit: showDuration(grace),
          limitEn: showDurationEn(grace),
        },
        // Back in time on the session's day: the 还卷日期 is what is wrong (at its cell, where it has one).
        { onDay: onDayOf(back, s.end) - s.end <= grace },
      );
  });
}
