import type { FormLayout } from './layout';

/**
 * 附件5 保密室值班记录: day and night shifts from intake to the last checkout (or a never-taken-out paper's session end),
 * printed as the source does, one page per day: a 日间 and a 夜间 block, each
 * with its 值班时间, its 情况记录 and the two signatures.
 */
export const dutyForm: FormLayout = {
  id: 'duty',
  attachment: 5,
  sheetName: '值班记录',
  caption: '附件5',
  title: '{branch}{school}分校（学院）{examSite}考点保密室值班记录',
  titlePattern: /保密室值班记录/,
  header: [],
  blocks: {
    key: 'shifts',
    kindKey: 'kind',
    kinds: ['日间', '夜间'],
    sideLabel: '值班情况记录表',
    // 日 / 间 with a character's room either side: at 5, with Calibri's metrics (Carlito), 日 printed 10 pt from 情况记录
    // and was read as one line with it.
    kindWidth: 7,
    widths: [13, 22, 4, 17],
    lines: [
      [
        {
          key: 'from',
          label: '值班时间',
          aliases: ['值班开始时间', '开始时间'],
          type: 'datetime',
          numFmt: 'yyyy"年"m"月"d"日"h"时"mm"分"',
          blank: '   年   月   日   时',
        },
        {
          key: 'to',
          label: '值班结束时间',
          printAs: '至',
          bare: true,
          after: 'from',
          aliases: ['结束时间'],
          type: 'datetime',
          numFmt: 'd"日"h"时"mm"分"',
          blank: '    日    时',
        },
      ],
      [{ key: 'record', label: '情况记录', type: 'text', lines: 9 }],
      [{ key: 'handedOverBy', label: '交班人签字', aliases: ['交班人'], type: 'text' }],
      [{ key: 'takenOverBy', label: '接班人签字', aliases: ['接班人'], type: 'text' }],
    ],
  },
  // The one-row-per-shift grid the forms had before, still read.
  formerTable: {
    key: 'shifts',
    blankRows: 10,
    sideLabel: '值班情况记录表',
    columns: [
      { key: 'kind', label: '班次（日间/夜间）', aliases: ['班次', '日间/夜间'], type: 'enum', options: ['日间', '夜间'], width: 9 },
      { key: 'from', label: '值班时间（起）', aliases: ['值班开始时间', '开始时间'], type: 'datetime', width: 15 },
      { key: 'to', label: '值班时间（止）', aliases: ['值班结束时间', '结束时间'], type: 'datetime', width: 15, relativeTo: 'from' },
      { key: 'record', label: '情况记录', type: 'text', width: 26 },
      { key: 'handedOverBy', label: '交班人签字', aliases: ['交班人'], type: 'text', width: 9 },
      { key: 'takenOverBy', label: '接班人签字', aliases: ['接班人'], type: 'text', width: 9 },
    ],
  },
  footer: [[{ key: 'supervisor', label: '负责人签字', aliases: ['负责人'], type: 'text' }]],
  notes: ['备注：1.此表为保密室值班人员填写。', '2. 情况记录包括何人何故何时到达、何时离开试卷保密室；试卷及物品出库、入库，以及其他异常情况记录。'],
  fieldLines: 'boxed',
  landscape: false,
};
