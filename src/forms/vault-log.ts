import type { FormLayout } from './layout';

/** 附件3 保密室试卷出入库记录表: every movement in or out of the vault. */
export const vaultLogForm: FormLayout = {
  id: 'vaultLog',
  attachment: 3,
  sheetName: '出入库记录',
  caption: '附件3',
  title: '{semester}学期国家开放大学{branch}{school}分校（学院）{examSite}考点纸质试卷出入库记录表',
  titlePattern: /出入库记录/,
  header: [],
  table: {
    key: 'rows',
    blankRows: 10,
    columns: [
      { key: 'paperNo', label: '试卷号', type: 'text', code: true, needed: true, dittoAbove: true, width: 8 },
      { key: 'paperName', label: '试卷名称', type: 'text', needed: true, dittoAbove: true, width: 18 },
      { key: 'quantity', label: '数量（袋/份）', aliases: ['数量'], type: 'count', needed: true, width: 14, unitFrom: 'unit' },
      { key: 'taker', label: '取卷人签字', aliases: ['取卷人'], type: 'text', needed: true, width: 11 },
      { key: 'takenAt', label: '取卷时间', type: 'datetime', needed: true, width: 18 },
      { key: 'issuedBy', label: '卷库保管员出库签字', aliases: ['出库保管员', '出库签字'], type: 'text', needed: true, width: 11 },
      { key: 'returner', label: '还卷人签字', aliases: ['还卷人'], type: 'text', needed: true, width: 11 },
      { key: 'returnedAt', label: '还卷时间', type: 'datetime', needed: true, width: 18, relativeTo: 'takenAt' },
      { key: 'receivedBy', label: '保管员入库签字', aliases: ['入库保管员', '入库签字'], type: 'text', needed: true, width: 11 },
      // Bags or copies: the source writes it in the header; each row's own unit is kept beside the form.
      { key: 'unit', label: '单位', aliases: ['袋/份'], type: 'enum', options: ['袋', '份'], width: 6, helper: true },
    ],
    noteBeside: 'note',
  },
  footer: [],
  notes: [
    '备注：1.此表为考试期间考务人员将试卷运送至考务办公室（考试值班室）前，与卷库保管员（值班人员）在保密室内履行出入库交接。',
    '2.考务人员须为本单位正式职工。',
    '3.监考人员不得参与此环节领卷。',
  ],
  landscape: true,
};
