/**
 * A 考点 whose 基本信息 names a 分校 from which none of its papers came (review round 10a D4): 桃源考点's workbook
 * says 岳阳分校 while its only handover is from 常德分校. A summary lists it, and counts its papers, under 岳阳分校
 * (站点汇总) while 交接配对 pairs it with 常德分校, and no check said so. One warning at 基本信息's 分校 cell, naming
 * the 分校 the handovers came from. A 考点 may serve two 分校 (review round 2's 醴陵考点): nothing is said while any
 * incoming handover is from the 分校 named; nor when none came from a 分校 at all (no handover, or only from the
 * 分部 or the printer: 附件1 备注 1 lets the 分部 send to a 考点).
 */
import { fromBranchOrPrinter, sameUnit, unitKey } from '../model/custody';
import { locate } from '../model/location';
import { toHalfWidth } from '../model/text';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'school-not-sender',
  title: { zh: '所属分校不是送卷单位', en: 'Branch school is not the sender' },
  severity: 'warning',
  forms: [0, 1],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“试卷由分校（学院）分发给考点，双方签写附件1”',
  messages: {
    zh: {
      other:
        '基本信息写的分校是“{school}”，但本考点的试卷都是从{senders}接收的（{sheets}），没有一张交接单来自“{school}”。汇总时本考点按基本信息列在“{school}”下。请核对：若本考点属于{first}，请把分校改成“{first}”；若确属“{school}”，请核对交接单的移交单位。',
    },
    en: {
      other:
        'The 分校 on 基本信息 is "{school}", but this exam site received all its papers from {senders} ({sheets}); no handover came from "{school}". A summary lists this site under "{school}", as 基本信息 says. Check: if this site belongs to {first}, correct the 分校 to "{first}"; if it does belong to "{school}", check the handovers’ sending unit.',
    },
  },
  docs: 'A 考点 whose 基本信息 names a 分校（学院） from which none of its incoming handovers came, while some came from another 分校: 桃源考点 naming 岳阳分校, its papers from 常德分校. A summary lists and counts the 考点 under the 分校 基本信息 names, and pairs its handovers with the other. Said once, at 基本信息’s 分校, naming the 分校 the papers came from and the 移交单位 cells. Nothing when any incoming handover is from the 分校 named (a 考点 serving two 分校), when there is no incoming handover, or when the papers came only from the 分部 or the printer (附件1 备注 1: the 分部 may send to a 考点). Names are compared as units are elsewhere: “湖南开放大学长沙分校” is 长沙分校.',
};

/** The 移交单位 cells listed in the message: the rest are the same 分校's. */
const LISTED = 3;

/** A sender that is a 分校（学院）: named so, and not the 分部, the 省校 or the printer (the unit's own 分部 either). */
function isSchool(from: string, branch: unknown): boolean {
  return /分校|学院/.test(toHalfWidth(from)) && !fromBranchOrPrinter(from, branch);
}

export function check({ model, facts, report }: RuleContext): void {
  const site = model.data.site;
  if (facts.level !== '考点' || unitKey(site?.school) === '') return;
  const incoming = (model.data.handovers ?? []).flatMap((h, i) =>
    h && facts.custody.direction[i] === 'in' && unitKey(h.from) !== '' ? [{ from: String(h.from).trim(), index: i }] : [],
  );
  if (incoming.some((h) => sameUnit(h.from, site?.school))) return;
  const fromSchools = incoming.filter((h) => isSchool(h.from, site?.branch));
  if (fromSchools.length === 0) return;
  const senders = [...new Map(fromSchools.map((h) => [unitKey(h.from), h.from])).values()];
  const cells = fromSchools.slice(0, LISTED).map(({ index }) => {
    const at = locate(model.locations, `handovers[${index}].from`);
    return at ? `${at.sheet} ${at.cell}` : `handovers[${index}]`;
  });
  if (fromSchools.length > LISTED) cells.push('…');
  report('site.school', 'other', {
    school: String(site?.school).trim(),
    senders,
    first: senders[0],
    sheets: cells,
  });
}
