import { sameUnit, unitKey } from '../model/custody';
import { receiverMisnamed } from '../model/receiver';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'item-for-another-unit',
  title: { zh: '试卷归属不是接收单位', en: 'Item for another unit' },
  severity: 'error',
  forms: [1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 备注“2.试卷归属应填写“**分校（学院）（或考点）”。”',
  messages: {
    zh: {
      other:
        '序号 {seq} 这一行的试卷归属是“{dest}”，而这张交接单的接收单位是“{to}”。试卷归属应是接收单位（交给分部的也可以是它的分校、考点；交给分校的也可以是它所辖的考点{sites}），请核对这一行的试卷是否交错了单位。',
    },
    en: {
      other:
        'Row No. {seq}: the papers belong to "{dest}", but this handover goes to "{to}". An item belongs to the receiving unit (or, for the provincial school (分部), one of its branch schools or exam sites; for a branch school (分校), one of its exam sites); check whether these papers went to the wrong unit.',
    },
  },
  docs: 'An item on a handover whose 试卷归属 is neither the receiving unit nor — when the receiver is a 分校 — its own exam site (本部考点, 校本部: the 分校 itself) or one of its 考点 (in a 分校’s own workbook: a 考点 it hands papers on to; elsewhere any 考点 not named under another 分校), nor — when the receiver is the 分部 (省校), as on the printer’s sheet (附件1 备注 1 “印刷厂分发给分部”) — any 分校 or 考点. On this unit’s receipt whose 接收单位 names another unit (receiver-not-this-unit, said once there), an item may name this unit or the unit written.',
};

function levelOfName(name: string): '考点' | '分校' | '省校' | undefined {
  if (name.includes('考点')) return '考点';
  if (/分校|学院/.test(name)) return '分校';
  if (/分部|省校|开放大学/.test(name)) return '省校';
  return undefined;
}

/** The item belongs to the receiver: names it, or is named within it at the same level ("雨湖考点" of "湘潭分校雨湖考点"). */
function namesReceiver(dest: string, to: string): boolean {
  if (dest.includes(to)) return true;
  const level = levelOfName(dest);
  return to.includes(dest) && (level === undefined || level === levelOfName(to));
}

/**
 * The 分校's own exam site (本部考点, 校本部): the 分校 itself, which sits exams in its own rooms from its own vault —
 * no outgoing sheet names it (review 25b D2), so it is no 考点 the 分校 hands papers on to.
 */
const OWN_SITE = /^校?本部(?:考点)?$/;

/**
 * The units a 试卷归属 may name: as written, and — the source prints it
 * “**分校（学院）（或考点）” — with its brackets read as part of the name
 * ("衡阳分校(耒阳考点)" → 衡阳分校耒阳考点), without them, or as their content alone.
 */
function readingsOf(dest: string): string[] {
  if (!dest.includes('(') && !dest.includes(')')) return dest ? [dest] : [];
  const inside = [...dest.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]);
  return [...new Set([dest, dest.replace(/[()]/g, ''), dest.replace(/\([^()]*\)/g, ''), ...inside].filter(Boolean))];
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  // A 分校's own 考点: those it hands papers on to.
  // Each named once, though it received several deliveries.
  const ownSites =
    facts.level === '分校'
      ? [
          ...new Set(
            (data.handovers ?? [])
              .filter((_, i) => facts.direction[i] === 'out')
              .map((h) => unitKey(h?.to))
              .filter(Boolean),
          ),
        ]
      : [];
  (data.handovers ?? []).forEach((h, i) => {
    const written = unitKey(h?.to);
    if (!h || !written || facts.direction[i] === undefined) return;
    const incoming = facts.direction[i] === 'in';
    // A receipt whose 接收单位 names another unit is said once at 接收单位 (receiver-not-this-unit); its items
    // belong to the unit that received them — or to the unit written, the same slip copied onto the rows.
    const receivers = receiverMisnamed(facts.custody, h, i) ? [written, unitKey(facts.ownName)] : [written];
    const belongsTo = (to: string) => {
      const toBranch = levelOfName(to) === '分校' || (incoming && facts.level === '分校' && levelOfName(to) !== '考点');
      // Received by the 分部 (the 省校) from the printer: the province's 分校 and 考点 are what 试卷归属 names
      // (附件1 备注 1, 2) — any of them, whether or not this workbook sends to it yet.
      const toProvince = levelOfName(to) === '省校' || (incoming && facts.level === '省校' && levelOfName(to) === undefined);
      return (d: string) =>
        namesReceiver(d, to) ||
        (toBranch && OWN_SITE.test(d)) ||
        (toBranch &&
          levelOfName(d) === '考点' &&
          !/分校|学院/.test(d.replace(/考点.*$/, '')) &&
          (ownSites.length === 0 || ownSites.some((s) => sameUnit(s, d)))) ||
        (toProvince && (levelOfName(d) === '分校' || levelOfName(d) === '考点'));
    };
    const belongs = receivers.map(belongsTo);
    (h.items ?? []).forEach((item, j) => {
      const dest = unitKey(item?.destination);
      if (!dest || readingsOf(dest).some((d) => belongs.some((b) => b(d)))) return;
      const seq = model.locations[`handovers[${i}].items[${j}]`]?.row ?? j + 1;
      report(`handovers[${i}].items[${j}].destination`, 'other', {
        seq,
        dest: String(item?.destination ?? ''),
        to: String(h.to ?? ''),
        sites: ownSites.length ? `：${ownSites.join('、')}` : '',
      });
    });
  });
}
