import { isBlankValue, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { DEFAULT_SETTINGS } from '../model/types';
import { totalReadings } from '../model/unit-total';

export const meta: RuleMeta = {
  id: 'invalid-count',
  title: { zh: '数量不是整数', en: 'Count not a whole number' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1“数量（袋/箱）”；附件2“31份装（袋）……合计（袋）”；附件3“数量（袋/份）”；附件4“试卷份数”',
  messages: {
    zh: {
      count: '“{field}”写的是“{value}”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。',
      setting: '“{field}”写的是“{value}”，读不出一个不小于 0 的数，检查时只好按默认的 {default} 计。请只写数字，如“{default}”。',
    },
    en: {
      count: '"{field}" reads "{value}", which is not a whole number ≥ 0. Bag, box and copy counts are whole numbers; write e.g. "3".',
      setting: '"{field}" reads "{value}", which is not a number ≥ 0, so the checks use the default, {default}. Write the number alone, e.g. "{default}".',
    },
  },
  docs: 'A bag, quantity, copy or candidate count that is not a whole number ≥ 0 (text, a fraction, a negative); a handover’s 合计 may be written per unit (“2箱、3袋”). Totals that depend on it are not checked. A threshold on 基本信息 that cannot be read (the checks then use its default) is said too.',
};

/** The thresholds of 基本信息 that are counts, with the default the checks use when one cannot be read. */
const COUNT_SETTINGS = ['arrivalDaysBefore', 'checkoutLeadMinutes', 'returnGraceMinutes', 'intakeWithinHours'] as const;

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const c = (path: string, v: unknown) => {
    if (isBlankValue(v)) return;
    if (whole(v) === undefined) report(path, 'count', { value: String(v) });
  };
  (data.schedule ?? []).forEach((s, i) => c(`schedule[${i}].candidates`, s?.candidates));
  (data.handovers ?? []).forEach((h, i) => {
    (h?.items ?? []).forEach((it, j) => c(`handovers[${i}].items[${j}].quantity`, it?.quantity));
    // 合计 over rows of both units is written per unit (“2箱、3袋”): a count all the same.
    if (totalReadings(h?.total).length === 0) c(`handovers[${i}].total`, h?.total);
  });
  const keys = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const;
  for (const { list, path } of facts.intakes) {
    (list.items ?? []).forEach((it, i) => keys.forEach((k) => c(`${path}.items[${i}].${k}`, it?.[k])));
    if (list.totals) keys.forEach((k) => c(`${path}.totals.${k}`, list.totals![k]));
  }
  (data.vaultLog ?? []).forEach((r, i) => c(`vaultLog[${i}].quantity`, r?.quantity));
  (data.distributions ?? []).forEach((d, i) => (d?.rows ?? []).forEach((r, j) => c(`distributions[${i}].rows[${j}].copies`, r?.copies)));
  const settings = (data.site?.settings ?? {}) as Record<string, unknown>;
  for (const key of COUNT_SETTINGS) {
    const v = settings[key];
    // As the checks take a threshold (facts.ts settingsOf): any number from 0; else its default — which "默认" asks for.
    if (isBlankValue(v) || (typeof v === 'string' && /^默认/.test(v.trim()))) continue;
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      report(`site.settings.${key}`, 'setting', { value: String(v), default: String(DEFAULT_SETTINGS[key]) });
    }
  }
}
