import { tm } from './facts';

const readable = (v: unknown): boolean => !Number.isNaN(tm(v));
import { isBlankValue } from './facts';
import {
  dateAndHalfDay,
  formatWallClock,
  isDateWithoutTime,
  isPeriodText,
  isTimeOfDay,
  parseWallClock,
  readsOnItsRowsDay,
  splitTimeRange,
} from '../model/datetime';
import { datePartOf, labelAt, readFromTimetable, TIMETABLE_LABELS } from '../model/labels';
import { errorParams, isExcelError } from '../model/excel-errors';
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
      noTimeNumber:
        '“{field}”这一格显示的是 {number}，这是日期“{value}”在 Excel 里的内部数值（这一格的格式是“常规”或数值），只有日期，没有几时几分。表上的时间须写到年、月、日、时、分：请把这一格的格式设为日期（设置单元格格式 → 日期 → 选“2024/3/14 13:30”），再补上时分，如“{value} 8:30”。',
      noTimeNumberClock:
        '“{field}”这一格显示的是 {number}，这是日期“{value}”在 Excel 里的内部数值（这一格的格式是“常规”或数值），不是几时几分。这一栏只填时分，日期是表头的“日期”（{day}）：请把这一格的格式设为时间（设置单元格格式 → 时间 → 选“13:30”），再填上时分，如“8:05”。',
      halfDay: '“{field}”写的是“{value}”，只写了日期和“{half}”，没有写几时几分。表上的时间须写到年、月、日、时、分，请写明几点几分，如“{example}”。',
      date: '“{field}”写的是“{value}”，读不出日期。请写成如“2024年6月15日”。',
      range: '“{field}”写的是“{value}”，读不出考试的起止时间。请写成如“08:30—10:00”。',
      serial:
        '“{field}”写的是“{value}”，这是日期时间“{shown}”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“{shown}”。',
      error:
        '“{field}”这一格显示的是“{value}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{value}”，不是日期时间。请改正公式，或删去公式直接填写，如“2024年6月15日8时30分”。',
      dotTime: '“{field}”写的是“{value}”，时和分之间用了小数点，读不出是几时几分。请改成“{fixed}”（时和分之间用冒号），或写成如“8时30分”。',
      dateBlank: '“{field}”只写了时分“{time}”，它的日期写在这一格，这一格却没有填写，读不出是哪一天。请在这一格填上日期，如“2024/6/15”或“2024年6月15日”。',
      dateUnread: '“{field}”的日期写在这一格，写的是“{date}”，读不出是哪一天（时分“{time}”在它后面的时间格里）。请改成如“2024/6/15”或“2024年6月15日”。',
      heading:
        '这一行只写了“{value}”，像是下面几行的日期标题，但读不准是哪一天：它可能是{days}，而考试安排的考试期间（首场前两天起）是{span}，{why}。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“{example}”。',
      headingNoSchedule:
        '这一行只写了“{value}”，像是下面几行的日期标题，但读不准是哪一天：它可能是{days}，考试安排里没有考试日期可以对照。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“{example}”。',
      period:
        '“{field}”写的是“{value}”，读不出值班的起止时间。请按表上的格式写成如“2025年1月6日16时至6日20时”（开始写到年月日时，结束写到日时，或写“次日8时”），或把开始和结束分别填在“{field}”和“至”后的格子里。',
    },
    en: {
      datetime: '"{field}" reads "{value}", which is not a date and time. Write year, month, day, hour and minute, e.g. "2024-06-15 08:30".',
      noTime: '"{field}" gives the date "{value}" but no time of day. Write the hour and minute too, e.g. "2024-06-15 08:30".',
      noTimeNumber:
        '"{field}" shows {number}: the number Excel keeps for the date {value} (the cell is formatted General or as a number), a date with no time of day. Set the cell’s format to a date and time (Format Cells → Date → "2024/3/14 13:30") and add the hour and minute, e.g. "{value} 8:30".',
      noTimeNumberClock:
        '"{field}" shows {number}: the number Excel keeps for the date {value} (the cell is formatted General or as a number), not a time of day. This column takes the time alone, its day is the header’s 日期 ({day}): set the cell’s format to a time (Format Cells → Time → "13:30") and enter the time, e.g. "8:05".',
      halfDay: '"{field}" reads "{value}": a date and the part of the day ({half}), but no hour. Write the hour and minute, e.g. "{example}".',
      date: '"{field}" reads "{value}", which is not a date. Write e.g. "2024-06-15".',
      range: '"{field}" reads "{value}", which is not a time range. Write e.g. "08:30—10:00".',
      serial:
        '"{field}" reads "{value}": the number Excel keeps for the date and time {shown}, shown so when a date cell is set to Text and typed again; on paper no one can read it. Set the cell’s format to a date (or General) and enter {shown} again.',
      error:
        '"{field}" shows "{value}", an Excel error value: the formula in the cell cannot be worked out ({causeEn}), and the form shows and prints "{value}", not a date and time. Correct the formula, or delete it and type the date and time, e.g. "2024-06-15 08:30".',
      dotTime: '"{field}" reads "{value}": a dot between hour and minute does not read as a time. Write "{fixed}" (a colon between them), or e.g. "8时30分".',
      dateBlank:
        '"{field}" gives the time "{time}" only; its date goes in this cell, which is blank, so the day cannot be known. Write the date here, e.g. "2024-06-15".',
      dateUnread:
        'The date of "{field}" goes in this cell, which reads "{date}": not a day (the time "{time}" is in the time cell after it). Write e.g. "2024-06-15".',
      heading:
        'This row holds "{value}" alone, like a heading giving the rows below their day, but which day cannot be told: it may be {daysEn}, and the exams (from two days before the first session) run {spanEn}, {whyEn}. The times written alone below it have no day. Write the heading as a whole date, e.g. "{example}".',
      headingNoSchedule:
        'This row holds "{value}" alone, like a heading giving the rows below their day, but which day cannot be told: it may be {daysEn}, and 考试安排 gives no exam dates to tell by. The times written alone below it have no day. Write the heading as a whole date, e.g. "{example}".',
      period:
        '"{field}" reads "{value}", which does not read as the shift\'s start and end. Write it as the form prints it, e.g. "2025年1月6日16时至6日20时" (the start to the hour, the end as day and hour, or "次日8时"), or put the start and the end in their own cells, either side of 至.',
    },
  },
  docs: 'A date or time that cannot be read as a date and time of day (a cell showing an Excel error value such as #REF! or #DIV/0!, its formula not worked out, is told so); a date with no time (typed so, or an Excel date shown without its time) is named as such — a whole date serial under 常规 (45459) quoted as the number the cell shows, with the day it stands for (in a column that takes the time alone under its header’s day, 附件4’s 领取时间, told to make the cell a time and write the time, the header’s day beside). Rules that compare times skip the value, so an unreadable time gives this finding only; a time written short on its row (还卷时间 “21:15”, 值班 “至 6日20时”) whose day is to come from an unreadable or blank cell is not said again (that cell is: here, or as required-field). On 考试安排 kept as the timetable is published (考试日期 · 考试时间), a row with one of the two blank is required-field’s alone, named by the printed label. A date with only the part of the day after it (“6月14日晚”, “1月11日上午”) is told to write the hour (a field that asks for the date alone reads it as the date). A time with a dot between hour and minute (“21.15”) is told to use a colon. A date serial kept as text (“45458.3229166667”: a date cell set to 文本 and typed again, which prints as that number) is told the date and time it stands for and how to make the cell a date again. A time column kept with its date in the column before it (附件3 取卷日期 | 取卷时间, 附件4 领取日期 | 领取时间): a time of day whose date cell is blank or no day (“2024/6/31”) is said at the date’s cell, quoting it (a blank 还卷日期 reads on the row’s 取卷 day, as a 还卷时间 written short does); a time that is no time is said at its own cell. A 值班时间 written as the whole period in one cell, as 附件5 prints its line (“2025年1月6日16时至6日20时”, “2025.1.6 16:00-20:00”), is read as the shift’s start and end; where it cannot be, one finding at that cell says how to write it. A day’s heading above a table’s rows (6月21日, 6/21, a date alone) gives the rows below it their day: a time typed alone there (取卷时间 “7:50”, its 取卷日期 blank) is that day’s. One written “6-21” or “6.21” (which Excel may keep as the number 6.21) alone in the table’s first text column is read as one where the exam’s dates tell its day (from two days before the first session on 考试安排 to the last); where they cannot — 6.2 kept as a number is the 2nd or, typed 6.20, the 20th, and both or neither fall in them, or there is no 考试安排 — it is no record and no day, and is said at its cell with the days it may be. Alone in 序号 or in a time column (附件3, 附件4) it heads the rows below where one of the days it may be is an exam’s, and is said so where two are; where none is, it is read as before (a 序号 of 1.5 is no day; a time column’s 6.1 is that row’s date, with no time).',
};

const isBareDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A 考试安排 row read from 考试日期 · 考试时间 with a part unreadable: a bare date kept as the start, or a time range as the end. */
function isTimetable(start: unknown, end: unknown): boolean {
  return !isBlankValue(end) && !readable(end) && (isBareDate(start) || (typeof end === 'string' && splitTimeRange(end) !== undefined));
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  // The path is written only for a value reported: a log of 50,000 rows has 100,000 times.
  // `day`: the header's day of a column that takes the time alone (附件4's 领取时间 under its 日期), as y/m/d.
  const dt = (path: () => string, v: unknown, day?: string) => {
    if (isBlankValue(v) || readable(v)) return;
    const fixed = dotTime(v);
    const half = halfDayExample(v);
    const serial = serialText(v);
    // A time of day whose date column (取卷日期 | 取卷时间) is blank or no day: said at the date's cell (review 17b D6's leftover).
    const onDate = typeof v === 'string' ? unreadDate(v) : undefined;
    const at = onDate ? path() : '';
    if (onDate && model.locations[datePartOf(at)])
      report(datePartOf(at), onDate.date === '' ? 'dateBlank' : 'dateUnread', { ...onDate, field: labelAt(model.locations, at) });
    // #REF!, #DIV/0!: the cell's formula failed, and the form prints the error (review 17a D1).
    else if (isExcelError(v)) report(path(), 'error', errorParams(v));
    else if (serial) report(path(), 'serial', { value: String(v), shown: serial });
    else if (fixed) report(path(), 'dotTime', { value: String(v), fixed });
    else if (half) report(path(), 'halfDay', { value: String(v), ...half });
    else if (!isDateWithoutTime(v)) report(path(), 'datetime', { value: String(v) });
    else {
      // A whole serial under 常规 (45459) is read as its day: the cell shows the number, which the officer looks for (review 21b D7).
      const at = path();
      const number = model.timeShownAsNumber?.[at];
      // Under a header's day (附件4's 时分 column) the cell takes the time alone: a date-time there is not what the form asks (review 22b D4).
      if (number === undefined) report(at, 'noTime', { value: String(v) });
      else report(at, day ? 'noTimeNumberClock' : 'noTimeNumber', { value: String(v), number, ...(day ? { day } : {}) });
    }
  };
  // `dayFrom`: the cell a time written short ("21:15") takes its day from. When that one is unreadable or blank, the
  // short time is not wrong, its day cannot be known: that cell alone is said (here, or blank by required-field).
  const dtOnDayOf = (path: () => string, v: unknown, dayFrom: unknown) => {
    if (!readable(dayFrom) && readsOnItsRowsDay(v)) return;
    dt(path, v);
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
    // A row read so with one part blank: the part written is judged alone (the blank one is required-field's).
    if (isTimetable(s?.start, s?.end) || readFromTimetable(model.locations, i)) return void session(`schedule[${i}]`, s?.start, s?.end, TIMETABLE_LABELS);
    dt(() => `schedule[${i}].start`, s?.start);
    dtOnDayOf(() => `schedule[${i}].end`, s?.end, s?.start);
  });
  (data.handovers ?? []).forEach((h, i) => dt(() => `handovers[${i}].time`, h?.time));
  for (const { list, path } of facts.intakes) dt(() => `${path}.time`, list.time);
  (data.vaultLog ?? []).forEach((r, i) => {
    dt(() => `vaultLog[${i}].takenAt`, r?.takenAt);
    dtOnDayOf(() => `vaultLog[${i}].returnedAt`, r?.returnedAt, r?.takenAt);
  });
  (data.distributions ?? []).forEach((d, i) => {
    const p = `distributions[${i}]`;
    const startOk = readable(d?.start);
    // Bare row times ("8:05") take their day from the header: when that is unreadable, only the header is reported.
    const bare = (v: unknown) => !startOk && readsOnItsRowsDay(v);
    session(p, d?.start, d?.end);
    const day = startOk ? slashDay(String(d!.start)) : undefined;
    (d?.rows ?? []).forEach((r, j) => {
      if (!bare(r?.issuedAt)) dt(() => `${p}.rows[${j}].issuedAt`, r?.issuedAt, day);
      if (!bare(r?.returnedAt)) dt(() => `${p}.rows[${j}].returnedAt`, r?.returnedAt, day);
    });
  });
  // “6.2” over a table's rows (day-headings.ts): which day it heads cannot be told.
  (model.unclearHeadings ?? []).forEach(({ typed, days, span }, i) => {
    const said = { value: typed, days: days.map(chineseDay).join('或'), daysEn: days.join(' or '), example: chineseDay(days[0]) };
    if (!span) return report(`unclearHeadings[${i}]`, 'headingNoSchedule', said);
    const inSpan = days.filter((d) => d >= span.from && d <= span.to).length;
    const [why, whyEn] = inSpan > 1 ? ['两天都在其中', 'both within'] : days.length > 1 ? ['都不在其中', 'neither within'] : ['不在其中', 'not within'];
    report(`unclearHeadings[${i}]`, 'heading', {
      ...said,
      span: `${chineseDay(span.from)}至${chineseDay(span.to)}`,
      spanEn: `${span.from} to ${span.to}`,
      why,
      whyEn,
    });
  });
  (data.duty?.shifts ?? []).forEach((s, i) => {
    // The whole period in the 值班时间 cell, unreadable: once there, with how to write it (the 至 cell is not empty, it is in there).
    if (isBlankValue(s?.to) && !readable(s?.from) && isPeriodText(s?.from)) report(`duty.shifts[${i}].from`, 'period', { value: String(s?.from) });
    else dt(() => `duty.shifts[${i}].from`, s?.from);
    dtOnDayOf(() => `duty.shifts[${i}].to`, s?.to, s?.from);
  });
}

/** An ISO day (2024-06-15) as people write it in Chinese: 6月15日. */
const chineseDay = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** An ISO day (2024-06-15…) as the forms' dates are quoted beside it: 2024/6/15. */
function slashDay(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}/${Number(m[2])}/${Number(m[3])}` : undefined;
}

/**
 * A time of day read with no day (“7:45”), or after a date that is no day (“2024/6/31 7:45”: forms/time-beside.ts
 * timeOnUnreadDate): the date's text ('' for none) and the time. Where the time has its own date column, the date is
 * what is wrong.
 */
function unreadDate(v: string): { date: string; time: string } | undefined {
  const text = v.trim();
  if (isTimeOfDay(text)) return { date: '', time: text };
  const cut = text.lastIndexOf(' ');
  return cut > 0 && isTimeOfDay(text.slice(cut + 1)) ? { date: text.slice(0, cut).trim(), time: text.slice(cut + 1) } : undefined;
}

/**
 * A date serial kept as text (“45458.3229166667”: a date cell set to Text and typed again): the date and time it stands
 * for (“2024-06-15 07:45”, a date alone for a whole number), for dates from 1950 to 2150 as a bare serial is read.
 */
function serialText(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^\s*(\d{5})(\.\d+)?\s*$/.exec(v) : null;
  // Read as the number it is: parseWallClock bounds a bare serial to those years.
  const t = m ? parseWallClock(Number(m[0])) : undefined;
  if (!t) return undefined;
  const iso = formatWallClock(t).replace('T', ' ');
  return m![2] ? iso : iso.slice(0, 10);
}

/** A time with a dot between hour and minute ("21.15", "1月8日18.10"): the text with a colon there, when that reads. */
function dotTime(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const fixed = v.replace(/(\d{1,2})[.．](\d{2})\s*$/, '$1:$2');
  return fixed !== v && readsOnItsRowsDay(fixed) && !isDateWithoutTime(v) ? fixed.trim() : undefined;
}

/** A time of each part of the day, for the example of how to write it (全天 has none: a date with no time). */
const TIME_OF_HALF_DAY: Record<string, string> = {
  ...Object.fromEntries(['上午', '早上', '早晨', '早'].map((w) => [w, '08:30'])),
  中午: '12:30',
  下午: '14:30',
  傍晚: '18:30',
  ...Object.fromEntries(['晚上', '晚间', '晚'].map((w) => [w, '20:30'])),
  ...Object.fromEntries(['夜里', '夜间', '深夜', '半夜', '夜'].map((w) => [w, '23:30'])),
  凌晨: '05:30',
};

/** “6月14日晚” where a time is asked for: the part of the day written, and the date with a time of that part as the example. */
function halfDayExample(v: unknown): { half: string; example: string } | undefined {
  const written = dateAndHalfDay(v);
  const time = written && TIME_OF_HALF_DAY[written.half];
  return time ? { half: written.half, example: `${written.date} ${time}` } : undefined;
}
