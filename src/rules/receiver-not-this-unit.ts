import { receiverMisnamed } from '../model/receiver';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'receiver-not-this-unit',
  title: { zh: '接收单位不是本单位', en: 'Receiver is not this unit' },
  severity: 'error',
  forms: [0, 1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“1.……一式两份，双方签字有效，押运方和接收方分别存档”',
  messages: {
    zh: {
      other:
        '这张交接单的接收单位写的是“{to}”，而本单位（基本信息的{label}）是“{own}”。接收方存档的这一份，接收单位应是本单位；它在本单位的工作簿里，已当作本单位接收的交接单检查，交接明细的试卷归属按“{own}”核对。请把接收单位改成“{own}”；如果这张交接单确实是交给别的单位的，请把它移出本工作簿。',
    },
    en: {
      other:
        'This handover\'s receiving unit reads "{to}", but this unit ({label} on 基本信息) is "{own}". The receiver\'s copy names the receiver; this one is in this unit\'s workbook and was checked as a handover this unit received (its items against "{own}"). Correct the receiving unit to "{own}"; if the handover really went to another unit, move it out of this workbook.',
    },
  },
  docs: 'A handover this unit received (it is in this unit’s workbook and read as incoming) whose 接收单位 names another unit than 基本信息’s (考点 for a 考点, 分校 for a 分校, 分部 for the 省校): “宁乡县考点” on 宁乡考点’s receipt. Reported once, at 接收单位; the sheet is still judged as this unit’s receipt, and its items are checked against this unit (item-for-another-unit does not blame each row), nor is the 接收单位 a difference from the sender’s copy when the two are checked together (handover-copies-disagree).',
};

/** The 基本信息 field the unit's own name comes from (custody.ts, ownNameOf). */
const LABEL = { 考点: '考点', 分校: '分校（学院）', 省校: '分部' } as const;

export function check({ model, facts, report }: RuleContext): void {
  (model.data.handovers ?? []).forEach((h, i) => {
    if (!h || !facts.level || !receiverMisnamed(facts.custody, h, i)) return;
    const label = facts.level === '省校' && !model.data.site?.branch ? LABEL.分校 : LABEL[facts.level];
    report(`handovers[${i}].to`, 'other', { to: String(h.to), own: String(facts.ownName), label });
  });
}
