import { deliveriesOf } from '../model/deliveries';
import { showTime, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'intake-late',
  title: { zh: '入库不及时', en: 'Intake late' },
  severity: 'error',
  forms: [0, 1, 2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“分校（学院）或考点接收试卷后及时入库清点，并签写附件2”',
  messages: {
    zh: {
      late: '入库时间 {intake} 比试卷交接（{received}，{sheet2}）晚了 {gap}。接收试卷后须及时入库清点，本单位的入库时限是交接后 {hours} 小时内；请核对入库时间，或在基本信息“入库时限（接收后小时）”中按本单位规定设定。',
    },
    en: {
      late: 'Intake at {intake} is {gapEn} after the papers were handed over ({received}, {sheet2}). Papers are taken into the vault promptly on receipt, within {hours} hours here; check the intake time, or set 入库时限（接收后小时） on 基本信息.',
    },
  },
  docs: '入库时间 more than the set hours (default 2, 基本信息 入库时限（接收后小时）) after the incoming handover it records: the latest handover of its own delivery (several 入库清单: each list with its delivery) at or before it. An intake before every handover is intake-before-receipt instead; a handover more days ahead of the first session than allowed is arrival-too-early’s.',
};

/** 200 minutes → 3 小时 20 分钟. */
export function hoursAndMinutes(minutes: number, lang: 'zh' | 'en' = 'zh'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'en') return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
  return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ') || '0 分钟';
}

export function check(context: RuleContext): void {
  // Each intake list (one per delivery, model/intake.ts deliveriesOf) against the latest handover of its delivery received before it.
  const { model, facts } = context;
  const deliveries = deliveriesOf(model.data, tm).lists;
  // A list no handover was paired with is measured against every incoming handover.
  facts.intakes.forEach(({ list, path }, k) => checkList(context, tm(list.time), path, deliveries[k].length ? deliveries[k] : facts.incoming));
}

function checkList({ model, facts, report }: RuleContext, intake: number, path: string, delivery: readonly number[]): void {
  if (Number.isNaN(intake)) return;
  let received = Number.NaN;
  let at = -1;
  for (const i of delivery) {
    const t = tm(model.data.handovers?.[i]?.time);
    if (Number.isNaN(t) || t > intake) continue;
    if (Number.isNaN(received) || t > received) {
      received = t;
      at = i;
    }
  }
  // Taken in before its own delivery arrived: intake-before-receipt's finding, not also a late one against an earlier delivery.
  if (Number.isNaN(received)) return;
  // A handover that arrival-too-early questions (its date is likely wrong) is not also measured against.
  const first = facts.firstSessionStart;
  if (!Number.isNaN(first) && Math.floor(first / 1440) - Math.floor(received / 1440) > facts.settings.arrivalDaysBefore) return;
  const gap = intake - received;
  const hours = facts.settings.intakeWithinHours;
  if (gap <= hours * 60) return;
  report(`${path}.time`, 'late', {
    intake: showTime(intake),
    received: showTime(received),
    sheet2: model.locations[`handovers[${at}]`]?.sheet ?? '',
    gap: hoursAndMinutes(gap),
    gapEn: hoursAndMinutes(gap, 'en'),
    hours,
  });
}
