import { showTime, tm } from './facts';
import { onDayOf } from '../model/values';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'time-order',
  title: { zh: '时间先后颠倒', en: 'End before start' },
  severity: 'error',
  forms: [0, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件3“取卷时间”“还卷时间”；附件4“领取时间”“回收时间”；附件5“值班时间：…时至…时”',
  messages: {
    zh: {
      order: '“{field}”是 {end}，早于{startLabel} {start}。结束不能早于开始，请核对这两个时间。',
      shift: '这一班的结束时间 {end} 不晚于开始时间 {start}。值班时间须先起后止，请核对（跨夜班的结束日期应是第二天）。',
    },
    en: {
      order: '"{field}" is {end}, before {startLabel} {start}. An end cannot come before its start; check both times.',
      shift: 'This shift ends at {end}, not after it starts at {start}. Check the times (a night shift ends the next day).',
    },
  },
  docs: 'An end before its start: a return before its checkout (附件3, 附件4), a shift that ends before it starts (附件5), a session that ends before it begins (考试安排). Unreadable times are invalid-datetime only. Where the table keeps the day in a date column of its own (取卷日期 | 取卷时间, 还卷日期 | 还卷时间) and the finding would not hold on the day compared (the time of day is right, the day is not), it points at the date’s cell.',
};

export function check({ model, report }: RuleContext): void {
  const data = model.data;
  const pair = (start: unknown, endPath: string, end: unknown, startLabel: string) => {
    const a = tm(start);
    const b = tm(end);
    // On the start's day the end would follow it: its date is what is wrong (at its date's cell, where it has one).
    if (!Number.isNaN(a) && !Number.isNaN(b) && b < a)
      report(endPath, 'order', { start: showTime(a), end: showTime(b), startLabel }, { onDay: onDayOf(b, a) >= a });
  };
  (data.schedule ?? []).forEach((s, i) => pair(s?.start, `schedule[${i}].end`, s?.end, '开考时间'));
  (data.vaultLog ?? []).forEach((r, i) => pair(r?.takenAt, `vaultLog[${i}].returnedAt`, r?.returnedAt, '取卷时间'));
  (data.distributions ?? []).forEach((d, i) => {
    pair(d?.start, `distributions[${i}].end`, d?.end, '开始时间');
    (d?.rows ?? []).forEach((r, j) => pair(r?.issuedAt, `distributions[${i}].rows[${j}].returnedAt`, r?.returnedAt, '领取时间'));
  });
  (data.duty?.shifts ?? []).forEach((s, i) => {
    const a = tm(s?.from);
    const b = tm(s?.to);
    if (!Number.isNaN(a) && !Number.isNaN(b) && b <= a) report(`duty.shifts[${i}].to`, 'shift', { start: showTime(a), end: showTime(b) });
  });
}
