import { isDittoMark, norm, signedOnBothSides } from './facts';
import type { Handover } from '../model/types';
import { isExcelError } from '../model/excel-errors';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'staff-not-on-roster',
  title: { zh: '签字人不在名单上', en: 'Signer not on the roster' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“涉卷人员采用主考负责制，须严格落实所有涉卷人员保密承诺书签订……涉卷人员包括主考、考务人员、值班人员、押运人员、交接人员、监控人员、监考人员等”',
  messages: {
    zh: {
      missing: '签字人“{name}”不在涉卷人员名单上{more}。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
    },
    en: {
      missing:
        'Signer "{name}" is not on the staff roster{more}. Everyone who signs for this unit must be on the roster with a signed pledge: add this person to the roster or check the signature.',
    },
  },
  docs: 'A person signing on this unit’s side (receiving pair of an incoming handover, sending pair of an outgoing one, every signer of forms 2–5 except a 考点’s takers at a 分校’s vault and the receiver who takes a dispatch out of the vault and signs, as its receiver, the outgoing sheet that carries it (a 考点 passing a bag on to another 考点); the proctors collecting papers on 附件4 too: they are 涉卷人员) who is not on 涉卷人员. One finding per person and sheet, at the first signature there; none for one who signs both sides of one handover (same-person’s finding: one fact, one finding). A cell where two sign (李强、赵敏, or 李强和赵敏 — told from a name with 和 in it, 李和平, by the roster) names each; a date or time written beside a name (李娜 1.10, 刘洋 1月11日, 李娜 1。10, 刘洋 8点半, 1.10下午, 1月10日 下午) is when the person signed, no second signer; a name’s middle dot may be typed as •, ・ or a full stop, and a roster name with a middle dot (阿依古丽·买买提) signed with a space for the dot or without it is that person (not two people off the roster), and so is one the roster writes with a space for the dot (阿依古丽 买买提) signed with the dot. A signer on the roster whose role cannot be read is staff-ineligible’s finding (the person is on the list). A signature that is a ditto mark (同上, 〃) or shows an Excel error value (#N/A) names no one: signature-not-a-name says so at its cell, not as a person off the roster. A 还卷人 saying where the bag went (“退回分校”, “下发岳麓考点”) is a note, no signer. None while a sheet of the roster could not be read (its header row lost: required-field says so at its title): who is on it is not known.',
};

/** Who signs both sides of a handover, as `path|person` of each side: same-person's finding, not one more here. */
function signersOnBothSides(handovers: ReadonlyArray<Handover | undefined>): Set<string> {
  const both = new Set<string>();
  handovers.forEach((h, i) => {
    for (const n of signedOnBothSides(h)) both.add(`handovers[${i}].toSigners|${n}`).add(`handovers[${i}].fromSigners|${n}`);
  });
  return both;
}

export function check({ model, facts, report }: RuleContext): void {
  // A ditto mark (同上, 〃) or an error value (#N/A) names no one: signature-not-a-name asks for the name at its cell.
  if (facts.roster.size === 0) return;
  // A roster sheet whose rows could not be read (required-field says so at its title): who is on the roster is not known.
  if (model.unreadRows?.some((u) => u.form === 'staff')) return;
  // A roster row without a name is required-field's finding; whose it was cannot be known, so signers are not checked against it.
  if ((model.data.staff ?? []).some((m) => m && !norm(m.name))) return;
  const bothSides = signersOnBothSides(model.data.handovers ?? []);
  // Who signs both sides somewhere: only their signatures' paths are written out to be looked up (a log holds 200,000).
  const bothNames = new Set([...bothSides].map((key) => key.slice(key.indexOf('|') + 1)));
  // Indexed: a vault log's signers are tens of thousands, and a for-of made an iterator for each.
  const signers = facts.ownSigners;
  // One finding per person and sheet, at the first signature there; none for one who signs both sides of one handover (same-person’s finding: one fact, one finding).
  const seen = new Map<string, { name: string; path: string; count: number }>();
  for (let k = 0; k < signers.length; k++) {
    const s = signers[k];
    if (facts.roster.has(s.name) || isDittoMark(s.name) || isExcelError(s.name) || (bothNames.has(s.name) && bothSides.has(`${s.path}|${s.name}`))) continue;
    const key = `${s.name}|${model.locations[s.path]?.sheet ?? s.path.split(/[.[]/)[0]}`;
    const e = seen.get(key);
    if (e) e.count++;
    else seen.set(key, { name: s.name, path: s.path, count: 1 });
  }
  for (const e of seen.values()) report(e.path, 'missing', { name: e.name, more: e.count > 1 ? `（本表另有 ${e.count - 1} 处签字）` : '' });
}
