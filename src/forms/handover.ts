import type { FormLayout } from './layout';

/** 日期：    年    月    日    时    分, as the source prints it. */
const BLANK_TIME = '        年     月     日     时     分';
const DATE_TIME_FMT = 'yyyy"年"m"月"d"日" h"时"mm"分"';

/** 附件1 纸质试卷交接单: one sheet per handover, one copy kept by each side. */
export const handoverForm: FormLayout = {
  id: 'handover',
  attachment: 1,
  sheetName: '交接单',
  caption: '附件1',
  title: '{semester}学期国家开放大学纸质试卷交接单',
  titlePattern: /纸质试卷交接单/,
  header: [
    [{ key: 'time', label: '日期', aliases: ['交接时间', '交接日期'], type: 'datetime', numFmt: DATE_TIME_FMT, blank: BLANK_TIME }],
    [{ key: 'to', label: '接收单位', type: 'text' }],
    [{ key: 'address', label: '接收地址', type: 'text' }],
    [{ key: 'contact', label: '联系人（负责人）', aliases: ['联系人', '负责人'], type: 'text' }],
  ],
  table: {
    key: 'items',
    blankRows: 9,
    sideLabel: '交接明细',
    columns: [
      { key: 'destination', label: '试卷归属', type: 'text', needed: true, dittoAbove: true, width: 30, prompt: '填写“**分校（学院）（或考点）”' },
      { key: 'quantity', label: '数量（袋/箱）', aliases: ['数量'], type: 'count', needed: true, width: 14, unitFrom: 'unit' },
      { key: 'note', label: '备注', type: 'text', width: 22 },
      // The source writes 袋 or 箱 in the column's header; each row's own unit is kept beside the form.
      { key: 'unit', label: '单位', aliases: ['袋/箱'], type: 'enum', options: ['袋', '箱'], width: 7, helper: true },
      // The paper of a row, where people add its columns (the source prints none: the paper goes in 备注, model/item-papers.ts).
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, severalPapers: true, width: 8, beside: true },
      { key: 'paperName', label: '试卷名称', aliases: ['课程名称'], type: 'text', width: 20, beside: true },
    ],
    total: { key: 'total', columns: ['quantity'] },
  },
  boxes: [
    [
      // The sending unit is named in its box, as the source prints it: “移交单位及意见：长沙分校”.
      { key: 'from', label: '移交单位', printAs: '移交单位及意见', type: 'text' },
      { key: 'fromOpinion', label: '移交单位及意见', aliases: ['移交意见'], type: 'text', under: true, lines: 3 },
      { key: 'fromSigners', label: '移交人签字（两人）', aliases: ['移交人签字', '移交人'], type: 'signers' },
    ],
    [
      { key: 'toOpinion', label: '接收单位及意见', aliases: ['接收意见'], type: 'text', under: true, lines: 3 },
      { key: 'toSigners', label: '接收人签字（两人）', aliases: ['接收人签字', '接收人'], type: 'signers' },
    ],
  ],
  footer: [],
  notes: [
    '备注：1.此表用于印刷厂分发给分部（学院）或分部（学院）分发给分校（学院）（考点）或分校（学院）分发给考点的试卷交接单，一式两份，双方签字有效，押运方和接收方分别存档。',
    '2.试卷归属应填写“**分校（学院）（或考点）”。',
  ],
  fieldLines: 'boxed',
  landscape: false,
};
