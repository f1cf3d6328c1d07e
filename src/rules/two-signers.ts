import { isDittoMark, ownSide, personKey } from './facts';
import { isExcelError } from '../model/excel-errors';
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
  docs: 'Each side of a handover signs with two different people. An empty signature line is required-field instead. A signature showing an Excel error value (#N/A: its formula not worked out) or a ditto mark (同上, 〃) is no signer: on this unit’s side signature-not-a-name says such a cell, naming the one signer read beside it (李强、同上: one slip, one finding), so this leaves that side to it; on the other unit’s side, which signature-not-a-name does not check, one name beside it is one signer, said here.',
};

export function check({ model, facts, report }: RuleContext): void {
  // A side of this unit's with 同上 or #N/A beside one name is one slip, said by signature-not-a-name at the cell
  // (naming the one signer read): not again here (review 19a D9). The other unit's side it does not check: said here.
  const { direction } = facts.custody;
  (model.data.handovers ?? []).forEach((h, i) => {
    for (const key of ['fromSigners', 'toSigners'] as const) {
      const path = `handovers[${i}].${key}`;
      if (ownSide(direction[i]) === key && (h?.[key] ?? []).some((n) => isExcelError(n) || isDittoMark(n))) continue;
      // #N/A or 同上 where a name should be names no one (signature-not-a-name says so at the cell).
      const names = [
        ...new Set(
          (h?.[key] ?? [])
            .filter((n) => !isExcelError(n) && !isDittoMark(n))
            .map(personKey)
            .filter(Boolean),
        ),
      ];
      if (names.length === 1) report(path, 'two', { count: names.length, names });
    }
  });
}
