import type { FormLayout } from './layout';

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
    ],
  },
  footer: [],
  notes: ['备注：每场考试一行；报考人数用于核对试卷份数是否足够。'],
  landscape: false,
};
