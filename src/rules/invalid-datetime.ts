import { tm } from './facts';

const readable = (v: unknown): boolean => !Number.isNaN(tm(v));
import { isBlankValue } from './facts';
import { isDateWithoutTime, splitTimeRange } from '../model/datetime';
import { toHalfWidth } from '../model/text';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'invalid-datetime',
  title: { zh: '日期时间无法识别', en: 'Unreadable date or time' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1“日期：年 月 日 时 分”；附件2“入库时间：年 月 日 时 分”；附件3“取卷时间”“还卷时间”；附件4“日期”“时间”“领取时间”“回收时间”；附件5“值班时间：年 月 日 时至 日 时”',
  messages: {
    zh: {
      datetime:
        '“{field}”写的是“{value}”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。',
      noTime: '“{field}”只写了日期“{value}”，没有写几时几分。表上的时间须写到年、月、日、时、分，请补上时间，如“2024年6月15日8时30分”。',
      date: '“{field}”写的是“{value}”，读不出日期。请写成如“2024年6月15日”。',
      range: '“{field}”写的是“{value}”，读不出考试的起止时间。请写成如“08:30—10:00”。',
    },
    en: {
      datetime: '"{field}" reads "{value}", which is not a date and time. Write year, month, day, hour and minute, e.g. "2024-06-15 08:30".',
      noTime: '"{field}" gives the date "{value}" but no time of day. Write the hour and minute too, e.g. "2024-06-15 08:30".',
      date: '"{field}" reads "{value}", which is not a date. Write e.g. "2024-06-15".',
      range: '"{field}" reads "{value}", which is not a time range. Write e.g. "08:30—10:00".',
    },
  },
  docs: 'A date or time that cannot be read as a date and time of day; a date with no time (typed so, or an Excel date shown without its time) is named as such. Rules that compare times skip the value, so an unreadable time gives this finding only.',
};

/** The timetable's own columns, as its findings name them. */
const TIMETABLE = { start: '考试日期', end: '考试时间' };

const isBareDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A 考试安排 row read from 考试日期 · 考试时间 with a part unreadable: a bare date kept as the start, or a time range as the end. */
function isTimetable(start: unknown, end: unknown): boolean {
  return !isBlankValue(end) && !readable(end) && (isBareDate(start) || (typeof end === 'string' && splitTimeRange(end) !== undefined));
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  // The path is written only for a value reported: a log of 50,000 rows has 100,000 times.
  const dt = (path: () => string, v: unknown) => {
    if (isBlankValue(v)) return;
    if (!readable(v)) report(path(), isDateWithoutTime(v) ? 'noTime' : 'datetime', { value: String(v) });
  };
  /** A session written as one date and a time range (附件4's 日期 · 时间): the part that cannot be read, once. */
  const session = (p: string, start: unknown, end: unknown, fields: { start?: string; end?: string } = {}) => {
    const startOk = readable(start);
    const endOk = typeof end === 'string' && (readable(end) || (!startOk && splitTimeRange(end) !== undefined));
    if (startOk && endOk) return;
    if (!isBlankValue(start) && !startOk && !isBareDate(start)) report(`${p}.start`, 'date', { value: String(start), field: fields.start });
    if (!isBlankValue(end) && !endOk) report(`${p}.end`, 'range', { value: String(end), field: fields.end });
  };
  (data.schedule ?? []).forEach((s, i) => {
    // 考试安排 as the timetable is published (考试日期 · 考试时间, forms/schedule.ts): a part that cannot be read is kept
    // as typed, the date as the start and the range as the end; judged as 附件4's 日期 and 时间, one finding at the part.
    if (isTimetable(s?.start, s?.end)) return void session(`schedule[${i}]`, s?.start, s?.end, TIMETABLE);
    dt(() => `schedule[${i}].start`, s?.start);
    dt(() => `schedule[${i}].end`, s?.end);
  });
  (data.handovers ?? []).forEach((h, i) => dt(() => `handovers[${i}].time`, h?.time));
  for (const { list, path } of facts.intakes) dt(() => `${path}.time`, list.time);
  (data.vaultLog ?? []).forEach((r, i) => {
    dt(() => `vaultLog[${i}].takenAt`, r?.takenAt);
    dt(() => `vaultLog[${i}].returnedAt`, r?.returnedAt);
  });
  (data.distributions ?? []).forEach((d, i) => {
    const p = `distributions[${i}]`;
    const startOk = readable(d?.start);
    // Bare row times ("8:05") take their day from the header: when that is unreadable, only the header is reported.
    const bare = (v: unknown) => !startOk && typeof v === 'string' && /^\s*\d{1,2}\s*[:：时点]\s*\d{0,2}\s*分?\s*$/.test(toHalfWidth(v));
    session(p, d?.start, d?.end);
    (d?.rows ?? []).forEach((r, j) => {
      if (!bare(r?.issuedAt)) dt(() => `${p}.rows[${j}].issuedAt`, r?.issuedAt);
      if (!bare(r?.returnedAt)) dt(() => `${p}.rows[${j}].returnedAt`, r?.returnedAt);
    });
  });
  (data.duty?.shifts ?? []).forEach((s, i) => {
    dt(() => `duty.shifts[${i}].from`, s?.from);
    dt(() => `duty.shifts[${i}].to`, s?.to);
  });
}
