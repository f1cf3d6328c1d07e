import { sessionSpan } from './distribution';
import type { FormLayout, FormRecord } from './layout';

/**
 * 考试安排 as the timetable is published (考试日期 · 考试时间 “9:00-10:30”): the
 * session's start and end, read as 附件4's 日期 and 时间 are. The printed
 * 开考时间 · 结束时间, where a row has them, win.
 */
function fromTimetable(item: FormRecord): void {
  const { date, times } = item;
  delete item.date;
  delete item.times;
  if (item.start !== undefined || item.end !== undefined || (date === undefined && times === undefined)) return;
  Object.assign(item, sessionSpan(date, times));
}

/** 考试安排: the sessions, so that arrival, checkout and return times can be checked. */
export const scheduleForm: FormLayout = {
  id: 'schedule',
  attachment: 0,
  sheetName: '考试安排',
  title: '考试安排',
  titlePattern: /考试安排/,
  header: [],
  table: {
    key: 'rows',
    blankRows: 10,
    columns: [
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, needed: true, dittoAbove: true, width: 10 },
      { key: 'paperName', label: '试卷名称', aliases: ['课程名称', '科目'], type: 'text', needed: true, dittoAbove: true, width: 26 },
      { key: 'start', label: '开考时间', aliases: ['开始时间', '考试开始时间'], type: 'datetime', needed: true, width: 20 },
      { key: 'end', label: '结束时间', aliases: ['考试结束时间'], type: 'datetime', needed: true, width: 20, relativeTo: 'start' },
      { key: 'candidates', label: '报考人数', aliases: ['考生人数', '人数'], type: 'count', width: 10 },
      { key: 'date', label: '考试日期', aliases: ['日期'], type: 'date', width: 12, standsFor: ['start'] },
      { key: 'times', label: '考试时间', aliases: ['时间'], type: 'text', width: 14, standsFor: ['end'] },
    ],
    fromAlternatives: fromTimetable,
    partTotals: { columns: ['candidates'], day: 'start' },
  },
  footer: [],
  notes: ['备注：每场考试一行；报考人数用于核对试卷份数是否足够。'],
  landscape: false,
};
