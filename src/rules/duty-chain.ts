import { namedIn, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'duty-chain',
  title: { zh: '交接班不衔接', en: 'Broken duty chain' },
  severity: 'warning',
  forms: [5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件5“交班人签字”“接班人签字”：每一班交接给下一班；（三）“保密室值班人员应认真填写保密室值班记录”',
  messages: {
    zh: { chain: '这一班的交班人是“{name}”，但上一班的接班人是“{prev}”。接班的人就是下一班交班的人，请核对签字。' },
    en: {
      chain:
        'This shift is handed over by "{name}", but the previous shift was taken over by "{prev}". The one who takes over hands over next: check the signatures.',
    },
  },
  docs: 'In time order, each shift’s 交班人 should be the previous shift’s 接班人; where two sign in one cell (刘洋、陈静), the chain holds when someone is on both.',
};

export function check({ model, report }: RuleContext): void {
  const shifts = (model.data.duty?.shifts ?? []).map((s, i) => ({ s, i, from: tm(s?.from) }));
  const ordered = shifts.every((x) => !Number.isNaN(x.from)) ? [...shifts].sort((a, b) => a.from - b.from || a.i - b.i) : shifts;
  for (let k = 1; k < ordered.length; k++) {
    // Shifts that do not meet (a gap or an overlap) are duty-gap's finding; the chain is checked where they meet.
    const end = tm(ordered[k - 1].s?.to);
    if (!Number.isNaN(end) && !Number.isNaN(ordered[k].from) && end !== ordered[k].from) continue;
    // Two may take over together and either hand over next: the chain holds where someone is on both.
    // A ditto mark (同上) names no one: signature-not-a-name asks for the name, the chain is not judged on it.
    const prev = namedIn(ordered[k - 1].s?.takenOverBy);
    const name = namedIn(ordered[k].s?.handedOverBy);
    if (prev.length && name.length && !name.some((n) => prev.includes(n))) report(`duty.shifts[${ordered[k].i}].handedOverBy`, 'chain', { name, prev });
  }
}
