import type { FormLayout } from './layout';

/** 附件2 纸质试卷入库清单: bags counted by envelope size on arrival. */
export const intakeForm: FormLayout = {
  id: 'intake',
  attachment: 2,
  sheetName: '入库清单',
  caption: '附件2',
  title: '国家开放大学{branch}{school}分校（学院）{examSite}考点{semester}学期纸质试卷入库清单',
  titlePattern: /试卷入库清单/,
  header: [],
  table: {
    key: 'items',
    blankRows: 10,
    columns: [
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, severalPapers: true, needed: true, dittoAbove: true, width: 8 },
      { key: 'paperName', label: '试卷名称', type: 'text', needed: true, dittoAbove: true, width: 24 },
      { key: 'bags31', label: '31份装（袋）', aliases: ['31份装'], type: 'count', width: 12 },
      { key: 'bags26', label: '26份装（袋）', aliases: ['26份装'], type: 'count', width: 12 },
      { key: 'bags11', label: '11份装（袋）', aliases: ['11份装'], type: 'count', width: 12 },
      { key: 'bags5', label: '5份装（袋）', aliases: ['5份装'], type: 'count', width: 12 },
      { key: 'totalBags', label: '合计（袋）', type: 'count', width: 11 },
    ],
    total: { key: 'totals', columns: ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] },
    rowSum: { key: 'totalBags', of: ['bags31', 'bags26', 'bags11', 'bags5'] },
  },
  footer: [
    [
      {
        key: 'description',
        label:
          '入库情况描述：（对试卷数量是否准确、试卷袋包装是否完好、是否按照考试时间单元转入保密柜（做到不同考试时间不混装）、保密柜密封条张贴是否规范等情况做简要概述）',
        aliases: ['入库情况描述'],
        type: 'text',
        lines: 4,
      },
    ],
    [{ key: 'time', label: '入库时间', type: 'datetime', numFmt: 'yyyy"年"m"月"d"日" h"时"mm"分"', blank: '      年    月    日    时    分' }],
    [{ key: 'keeper', label: '卷库保管员（试卷接收人）签字', aliases: ['卷库保管员签字', '卷库保管员', '保管员签字', '保管员'], type: 'text' }],
  ],
  notes: ['备注：此表为各单位入保密室中保密柜的交接单。'],
  fieldLines: 'boxed',
  landscape: false,
};
