import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'voided-row',
  title: { zh: '作废的行', en: 'Row marked void' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“规范履行试卷交接手续”；（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: { row: '此行注明作废：请整行删除（作废的行不参与检查）。' },
    en: { row: 'This row is marked void (作废): delete the whole row (a void row is not checked).' },
  },
  docs: 'A table row whose 备注 says it is void — 作废 opening the note: 作废, 此行作废, 已作废, 作废（误登，见第4行）; 作废 going on with a word (作废试卷2袋), or a count or 无 after it (作废：0份, 作废（2份）, 作废：无), names papers and is not this. The 备注 is the form’s own column (附件1, 附件4) or one added to the table’s header (附件3 prints none). The row is left out of every check and every total, and said once, at its 备注 cell: the record keeps one line per movement, and a struck line checked as live gave errors on itself and on the correct rows around it (an overdraw on the right row of the same paper). A sheet whose rows are all struck is still the form, filled: each row is said here, and required-field asks for the form only where no valid record of it is left.',
};

export function check({ model, report }: RuleContext): void {
  (model.voided ?? []).forEach((_, i) => report(`voided[${i}]`, 'row'));
}
