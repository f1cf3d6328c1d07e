import { isBlankValue, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { labelOf } from '../model/labels';
import { UNCHECKED_UNSAVED, UNSAVED_FORMULA } from './uncounted';
import { UNSAVED_COUNT } from './unknown-counts';

const SIZES = ['bags31', 'bags26', 'bags11', 'bags5'];

export const meta: RuleMeta = {
  id: 'row-total',
  title: { zh: '入库清单行合计不符', en: 'Intake row total wrong' },
  severity: 'error',
  // A 合计（袋） beside a size whose formula was saved without its value: nothing written is wrong, saved again it is checked.
  warnings: ['unreadFormula'],
  forms: [2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件2 纸质试卷入库清单：“31份装（袋）26份装（袋）11份装（袋）5份装（袋）合计（袋）”',
  messages: {
    zh: {
      sum: '序号 {seq} 这一行“合计（袋）”写的是 {total}，但 31、26、11、5 份装四栏相加是 {sum} 袋（{parts}）。合计须等于四栏之和，请核对袋数后改正。',
      unreadFormula: `序号 {seq} 这一行“合计（袋）”写的是 {total}，但这一行的“{label}”${UNSAVED_FORMULA.zh}{more}，${UNCHECKED_UNSAVED.zh}`,
    },
    en: {
      sum: 'Row No. {seq}: "合计（袋）" is {total}, but the four envelope sizes add up to {sum} bags ({parts}). Correct the bag counts or the total.',
      unreadFormula: `Row No. {seq}: "合计（袋）" is {total}, but the row’s "{label}"${UNSAVED_FORMULA.en}{moreEn}${UNCHECKED_UNSAVED.en}`,
    },
  },
  docs: 'On the intake list, a row’s 合计（袋） must equal its 31-, 26-, 11- and 5-copy bags added up. Blank size cells count as 0; unreadable ones are invalid-count instead. A size whose formula was saved without its value is not known (formula-not-saved says that cell): the row is not judged, and its 合计（袋）, where one is written, is said unchecked (无从核对) in column-total’s words, naming the size — a warning, as nothing written is wrong: saved again in Excel or WPS, the row is checked. A 合计（袋） that is itself such a formula is formula-not-saved’s alone.',
};

export function rowTotalWrong(item: Record<string, unknown>): { total: number; sum: number; parts: string } | undefined {
  const total = whole(item.totalBags);
  if (total === undefined) return undefined;
  if (!SIZES.every((k) => isBlankValue(item[k]) || whole(item[k]) !== undefined)) return undefined;
  const vals = SIZES.map((k) => whole(item[k]) ?? 0);
  const sum = vals.reduce((a, b) => a + b, 0);
  return sum === total ? undefined : { total, sum, parts: vals.join('+') };
}

/**
 * A written 合计（袋） beside sizes whose formula was saved without its value (unknown-counts.ts): the sizes' words, the
 * first named and the others after it; undefined where none is, or the 合计（袋） itself is not read.
 */
function unsavedSizes(item: Record<string, unknown>, rowsAt: string): { label: string; more: string; moreEn: string } | undefined {
  const total = whole(item.totalBags);
  const labels = SIZES.filter((k) => item[k] === UNSAVED_COUNT).map((k) => labelOf(`${rowsAt}.${k}`));
  if (total === undefined || labels.length === 0) return undefined;
  const rest = labels.slice(1);
  return {
    label: labels[0],
    more: rest.length ? `；${rest.map((l) => `“${l}”`).join('、')}也是这样` : '',
    moreEn: rest.length ? `; so ${rest.length > 1 ? 'do' : 'does'} ${rest.map((l) => `"${l}"`).join(' and ')}` : '',
  };
}

export function check({ model, facts, report }: RuleContext): void {
  for (const { list, path } of facts.intakes) {
    (list.items ?? []).forEach((it, i) => {
      if (!it) return;
      const item = it as Record<string, unknown>;
      const at = `${path}.items[${i}].totalBags`;
      const seq = model.locations[`${path}.items[${i}]`]?.row ?? i + 1;
      const wrong = rowTotalWrong(item);
      if (wrong) return report(at, 'sum', { seq, ...wrong });
      const unsaved = unsavedSizes(item, `${path}.items`);
      if (unsaved) report(at, 'unreadFormula', { seq, total: whole(item.totalBags), ...unsaved });
    });
  }
}
