import { isoFromMinutes, minutesOf, nextDayIfOvernight, parseIso, splitTimeRange } from '../model/datetime';
import type { FormAdapter, FormLayout, FormRecord } from './layout';

const pad = (n: number): string => String(n).padStart(2, '0');
const nextDayOf = (iso: string): string => isoFromMinutes(minutesOf(iso) + 24 * 60);
const hhmm = (iso: unknown): string | undefined => {
  const t = typeof iso === 'string' ? parseIso(iso) : undefined;
  return t ? `${pad(t.hour)}:${pad(t.minute)}` : undefined;
};
const datePart = (iso: unknown): string | undefined => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined);

/** The longest an exam session, and the handing back of its papers, runs on past midnight. */
const SESSION_HOURS = 6;

/** The times of a session's rows read on its day that are past its midnight (a room handing back at "0:33" after a 22:30 start). */
function rowsPastMidnight(rows: unknown, start: string): unknown {
  if (!Array.isArray(rows)) return rows;
  return rows.map((row: unknown) => {
    if (!row || typeof row !== 'object') return row;
    const r = { ...(row as FormRecord) };
    for (const key of ['issuedAt', 'returnedAt']) if (typeof r[key] === 'string') r[key] = nextDayIfOvernight(r[key] as string, start, SESSION_HOURS);
    return r;
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A session written as people publish it, one 日期 and a 时间 range
 * (2025-01-11 and “9:00—10:30”, “22:30—次日00:30”): its start and end. When a
 * part cannot be read, the text typed is kept (the date as the start, the range
 * as the end), for the checks to say so at its cell.
 */
export function sessionSpan(date: unknown, times: unknown): { start?: unknown; end?: unknown } {
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;
  const range = typeof times === 'string' ? splitTimeRange(times) : undefined;
  if (!day || !range) return { ...(date !== undefined && { start: date }), ...(times !== undefined && { end: times }) };
  const start = `${day}T${range[0]}`;
  const end = `${day}T${range[1]}`;
  return { start, end: range[2] ? nextDayOf(end) : nextDayIfOvernight(end, start, SESSION_HOURS) };
}

/**
 * The model keeps a session as `start`/`end`; the printed form has one 日期 and a
 * 时间 range. When a part cannot be read, the text typed is kept in the model.
 */
const sessionAdapter: FormAdapter = {
  toSheet(record: FormRecord): FormRecord {
    const { start, end, ...rest } = record;
    const startTime = hhmm(start);
    const endTime = hhmm(end);
    const date = datePart(start) ?? datePart(end) ?? (typeof start === 'string' && !startTime ? start : undefined);
    let times: string | undefined;
    // An end on a later day than the start says so: the form has one 日期.
    const nextDay = datePart(start) && datePart(end) && datePart(end)! > datePart(start)! ? '次日' : '';
    if (startTime || endTime) times = `${startTime ?? ''}—${nextDay}${endTime ?? ''}`;
    else if (typeof end === 'string') times = end;
    return { ...rest, date, times };
  },
  fromSheet(record: FormRecord): FormRecord {
    const { date, times, ...rest } = record;
    const out: FormRecord = { ...rest, ...sessionSpan(date, times) };
    if (typeof out.start === 'string' && ISO.test(out.start)) out.rows = rowsPastMidnight(out.rows, out.start);
    return out;
  },
  fieldPaths: { date: 'start', times: 'end' },
  rowDate(record: FormRecord): string | undefined {
    return typeof record.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(record.date) ? record.date.slice(0, 10) : undefined;
  },
};

/** 附件4 考务办公室（考试值班室）试卷分发登记表: one sheet per session. */
export const distributionForm: FormLayout = {
  id: 'distribution',
  attachment: 4,
  sheetName: '分发登记',
  caption: '附件4',
  title: '国家开放大学试卷分发登记表',
  subtitle: '{branch}{school}分校（学院）{examSite}考点',
  // As the source: 湖南分部  分校（学院）  考点  日期：  年  月  日  时间：（  ：  —  ：  ）
  subtitleColumns: 5,
  titlePattern: /试卷分发登记表/,
  header: [
    [
      { key: 'date', label: '日期', type: 'date', blank: '    年  月  日' },
      { key: 'times', label: '时间', type: 'text', prompt: '如：08:30—10:00', blank: '（     ：   —     ：   ）' },
    ],
  ],
  table: {
    key: 'rows',
    blankRows: 7,
    partTotals: { columns: ['copies'], day: 'issuedAt' },
    columns: [
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, severalPapers: true, needed: true, dittoAbove: true, width: 8 },
      { key: 'paperName', label: '试卷名称', type: 'text', needed: true, dittoAbove: true, width: 16 },
      { key: 'copies', label: '试卷份数', aliases: ['份数'], type: 'count', needed: true, width: 7 },
      { key: 'room', label: '考场号', aliases: ['考场'], type: 'text', code: true, needed: true, width: 7 },
      {
        key: 'issuedAt',
        label: '领取时间',
        type: 'datetime',
        needed: true,
        width: 10,
        group: '试卷发放情况',
        numFmt: 'hh:mm',
        dateColumn: ['领取日期', '发放日期'],
        underGroup: { groups: ['试卷发放情况', '发放', '领取', '发卷'], words: ['时间'] },
      },
      {
        key: 'collector',
        label: '领卷人签字',
        aliases: ['领卷人'],
        type: 'text',
        needed: true,
        width: 10,
        group: '试卷发放情况',
        underGroup: { groups: ['试卷发放情况', '发放', '领取', '发卷'], words: ['签字', '签名'] },
      },
      {
        key: 'returnedAt',
        label: '回收时间',
        type: 'datetime',
        needed: true,
        width: 10,
        group: '试卷回收情况',
        numFmt: 'hh:mm',
        dateColumn: ['回收日期'],
        underGroup: { groups: ['试卷回收情况', '回收', '还卷', '收卷'], words: ['时间'] },
      },
      {
        key: 'returner',
        label: '还卷人签字',
        aliases: ['还卷人'],
        type: 'text',
        needed: true,
        width: 10,
        group: '试卷回收情况',
        underGroup: { groups: ['试卷回收情况', '回收', '还卷', '收卷'], words: ['签字', '签名'] },
      },
      { key: 'note', label: '备注', type: 'text', width: 12 },
    ],
  },
  footer: [
    [
      { key: 'issuer', label: '发卷人', aliases: ['发卷人签字'], type: 'text' },
      { key: 'receiver', label: '收卷人', aliases: ['收卷人签字'], type: 'text' },
    ],
  ],
  notes: ['备注：此表为考试当天，试卷经由考务办公室（考试值班室）分发至考场及回收的试卷交接单。'],
  fieldLines: 'plain',
  landscape: true,
  adapt: sessionAdapter,
};
