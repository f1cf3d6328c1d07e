import { personKey } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'two-signers',
  title: { zh: '交接单两人签字', en: 'Two signers on a handover' },
  severity: 'error',
  forms: [1],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1“移交人签字（两人）”“接收人签字（两人）”；（四）“每车不得少于两人（不含司机）”；（六）“涉卷人员在涉卷期间不得少于两人同时在场”',
  messages: {
    zh: { two: '“{field}”只有 {count} 人签字（{names}）。交接单每一方须两人签字，请由另一名在场人员补签。' },
    en: { two: '"{field}" has only {count} distinct signers ({names}). Each side of a handover signs with two people; have the second person sign.' },
  },
  docs: 'Each side of a handover signs with two different people. An empty signature line is required-field instead.',
};

export function check({ model, report }: RuleContext): void {
  (model.data.handovers ?? []).forEach((h, i) => {
    for (const key of ['fromSigners', 'toSigners'] as const) {
      const names = [...new Set((h?.[key] ?? []).map(personKey).filter(Boolean))];
      if (names.length === 1) report(`handovers[${i}].${key}`, 'two', { count: names.length, names });
    }
  });
}
