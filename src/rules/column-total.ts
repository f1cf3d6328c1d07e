import { isBlankValue, whole } from './facts';
import { rowTotalWrong } from './row-total';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'column-total',
  title: { zh: '合计行不符', en: 'Column total wrong' },
  severity: 'error',
  forms: [1, 2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 交接明细“合计”；附件2 入库清单“合计”行',
  messages: {
    zh: {
      sum: '“{field}”写的是 {total}，但上面各行相加是 {sum}。合计须等于本栏各行之和，请核对后改正。',
    },
    en: { sum: '"{field}" is {total}, but the rows above add up to {sum}. A total must equal the sum of its column.' },
  },
  docs: 'A 合计 row must equal the sum of its column: the handover sheet’s quantity column, each column of the intake list. A column with an unreadable count is not totalled (invalid-count reports it); the intake columns are not totalled while a row’s own total is wrong (row-total reports it).',
};

function columnSum(values: unknown[]): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (isBlankValue(v)) continue;
    const n = whole(v);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  (data.handovers ?? []).forEach((h, i) => {
    const total = whole(h?.total);
    if (!h || total === undefined || !h.items || h.items.length === 0) return;
    const units = new Set(h.items.map((it) => (it?.unit ?? '袋').trim() || '袋'));
    if (units.size > 1) return;
    if (h.items.some((it) => isBlankValue(it?.quantity))) return; // required-field
    const sum = columnSum(h.items.map((it) => it?.quantity));
    if (sum !== undefined && sum !== total) report(`handovers[${i}].total`, 'sum', { total, sum, field: '合计' });
  });
  // Each intake list has its own 合计 (one list per delivery).
  for (const { list: intake, path } of facts.intakes) {
    if (!intake.totals || !intake.items) continue;
    // A row that does not add up already has its finding (row-total); its column totals would only repeat it.
    if (intake.items.some((it) => it && rowTotalWrong(it as Record<string, unknown>))) continue;
    for (const k of ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const) {
      const total = whole(intake.totals[k]);
      if (total === undefined) continue;
      const sum = columnSum(intake.items.map((it) => it?.[k]));
      if (sum !== undefined && sum !== total) report(`${path}.totals.${k}`, 'sum', { total, sum });
    }
  }
}
