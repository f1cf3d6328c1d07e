import { deliveriesOf } from '../model/deliveries';
import { showTime, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'intake-before-receipt',
  title: { zh: '入库早于接收', en: 'Intake before receipt' },
  severity: 'error',
  forms: [1, 2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“分校（学院）或考点接收试卷后及时入库清点，并签写附件2”',
  messages: {
    zh: { early: '入库时间 {intake} 早于试卷交接到本单位的时间 {received}（交接单“{sheet2}”）。试卷须先交接接收、后入库清点，请核对入库时间或交接时间。' },
    en: {
      early:
        'Intake time {intake} is before the papers were received at {received} (handover sheet "{sheet2}"). Papers are received first, then taken into the vault: check the intake time or the handover time.',
    },
  },
  docs: 'An intake list’s 入库时间 is earlier than its own delivery, the first incoming handover it took in: papers cannot be locked in before they arrive. Each list is paired with its delivery by the papers the sheets name and their bags as well as by time (one list per delivery), so a list whose time was typed early — between two deliveries, or before its only one — is paired with the delivery it records, and the time is said here, once: the delivery is not also said to have no list, nor the list counted against another delivery, nor the days before it taken for unguarded custody (duty-gap counts its custody from the delivery).',
};

export function check({ model, facts, report }: RuleContext): void {
  // Each intake list against its own delivery (model/intake.ts deliveriesOf).
  const deliveries = deliveriesOf(model.data, tm).lists;
  facts.intakes.forEach(({ list, path }, k) => {
    const t = tm(list.time);
    if (Number.isNaN(t)) return;
    let first = Number.NaN;
    let at = -1;
    for (const i of deliveries[k]) {
      const ht = tm(model.data.handovers?.[i]?.time);
      if (!Number.isNaN(ht) && (Number.isNaN(first) || ht < first)) {
        first = ht;
        at = i;
      }
    }
    if (!Number.isNaN(first) && t < first) {
      report(`${path}.time`, 'early', { intake: showTime(t), received: showTime(first), sheet2: model.locations[`handovers[${at}]`]?.sheet ?? '' });
    }
  });
}
