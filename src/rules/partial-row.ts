import { labelAt } from '../model/labels';
import { rowGaps, seqOf } from './rows';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'partial-row',
  title: { zh: '行只填了一部分', en: 'Row only partly filled' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“规范履行试卷交接手续”；（六）“保密室值班人员要重点检查试卷袋存放、密封情况、出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      row: '序号 {seq} 这一行只填了一部分：{missing}都没有填写。一行记录须填全，请补上（若这行作废，请整行删除）。',
      returned: '序号 {seq} 这一行的还卷部分只填了一部分：{missing}没有填写。还卷人、还卷时间、入库保管员须一起填写。',
    },
    en: {
      row: 'Row No. {seq} is only partly filled: {missing} are empty. Fill the whole row (or delete it if void).',
      returned: 'The return part of row No. {seq} is only partly filled: {missing} are empty. Returner, return time and receiving keeper go together.',
    },
  },
  docs: 'A table row with two or more required cells empty; one finding per row, at the first empty cell. (A single empty cell in a row is required-field.) The vault log’s return part (还卷人, 还卷时间, 入库签字) is all or nothing: none of it is not-returned; a 还卷人 saying where the bag went (“退回分校”) with no 入库签字 is a note, no return part to fill in.',
};

export function check({ model, facts, report }: RuleContext): void {
  for (const gap of rowGaps(facts)) {
    if (gap.missing.length < 2) continue;
    report(`${gap.path}.${gap.missing[0]}`, gap.returnPart ? 'returned' : 'row', {
      seq: seqOf(model, gap.path),
      missing: gap.missing.map((k) => `“${labelAt(model.locations, `${gap.path}.${k}`)}”`),
    });
  }
}
