import { isBlankValue, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'row-total',
  title: { zh: '入库清单行合计不符', en: 'Intake row total wrong' },
  severity: 'error',
  forms: [2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2 纸质试卷入库清单：“31份装（袋）26份装（袋）11份装（袋）5份装（袋）合计（袋）”',
  messages: {
    zh: { sum: '序号 {seq} 这一行“合计（袋）”写的是 {total}，但 31、26、11、5 份装四栏相加是 {sum} 袋（{parts}）。合计须等于四栏之和，请核对袋数后改正。' },
    en: { sum: 'Row No. {seq}: "合计（袋）" is {total}, but the four envelope sizes add up to {sum} bags ({parts}). Correct the bag counts or the total.' },
  },
  docs: 'On the intake list, a row’s 合计（袋） must equal its 31-, 26-, 11- and 5-copy bags added up. Blank size cells count as 0; unreadable ones are invalid-count instead, and a size whose formula was saved without its value is not known (formula-not-saved): the row is not judged.',
};

export function rowTotalWrong(item: Record<string, unknown>): { total: number; sum: number; parts: string } | undefined {
  const sizes = ['bags31', 'bags26', 'bags11', 'bags5'];
  const total = whole(item.totalBags);
  if (total === undefined) return undefined;
  if (!sizes.every((k) => isBlankValue(item[k]) || whole(item[k]) !== undefined)) return undefined;
  const vals = sizes.map((k) => whole(item[k]) ?? 0);
  const sum = vals.reduce((a, b) => a + b, 0);
  return sum === total ? undefined : { total, sum, parts: vals.join('+') };
}

export function check({ model, facts, report }: RuleContext): void {
  for (const { list, path } of facts.intakes) {
    (list.items ?? []).forEach((it, i) => {
      const wrong = it ? rowTotalWrong(it as Record<string, unknown>) : undefined;
      if (wrong) report(`${path}.items[${i}].totalBags`, 'sum', { seq: model.locations[`${path}.items[${i}]`]?.row ?? i + 1, ...wrong });
    });
  }
}
