import { parseIso, splitTimeRange } from '../model/datetime';
import type { FormAdapter, FormLayout, FormRecord } from './layout';

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (iso: unknown): string | undefined => {
  const t = typeof iso === 'string' ? parseIso(iso) : undefined;
  return t ? `${pad(t.hour)}:${pad(t.minute)}` : undefined;
};
const datePart = (iso: unknown): string | undefined => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined);

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
    if (startTime || endTime) times = `${startTime ?? ''}—${endTime ?? ''}`;
    else if (typeof end === 'string') times = end;
    return { ...rest, date, times };
  },
  fromSheet(record: FormRecord): FormRecord {
    const { date, times, ...rest } = record;
    const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;
    const range = typeof times === 'string' ? splitTimeRange(times) : undefined;
    const out: FormRecord = { ...rest };
    if (day && range) {
      out.start = `${day}T${range[0]}`;
      out.end = `${day}T${range[1]}`;
    } else {
      if (date !== undefined) out.start = date;
      if (times !== undefined) out.end = times;
    }
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
    columns: [
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, width: 8 },
      { key: 'paperName', label: '试卷名称', type: 'text', width: 16 },
      { key: 'copies', label: '试卷份数', aliases: ['份数'], type: 'count', width: 7 },
      { key: 'room', label: '考场号', aliases: ['考场'], type: 'text', code: true, width: 7 },
      { key: 'issuedAt', label: '领取时间', type: 'datetime', width: 10, group: '试卷发放情况', numFmt: 'hh:mm' },
      { key: 'collector', label: '领卷人签字', aliases: ['领卷人'], type: 'text', width: 10, group: '试卷发放情况' },
      { key: 'returnedAt', label: '回收时间', type: 'datetime', width: 10, group: '试卷回收情况', numFmt: 'hh:mm' },
      { key: 'returner', label: '还卷人签字', aliases: ['还卷人'], type: 'text', width: 10, group: '试卷回收情况' },
      { key: 'note', label: '备注', type: 'text', width: 12 },
    ],
  },
  footer: [
    [
      { key: 'issuer', label: '发卷人', type: 'text' },
      { key: 'receiver', label: '收卷人', type: 'text' },
    ],
  ],
  notes: ['备注：此表为考试当天，试卷经由考务办公室（考试值班室）分发至考场及回收的试卷交接单。'],
  fieldLines: 'plain',
  landscape: true,
  adapt: sessionAdapter,
};
