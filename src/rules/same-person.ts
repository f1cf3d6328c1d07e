import { namedIn, signedOnBothSides } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'same-person',
  title: { zh: '交接双方不得同一人', en: 'Two different people at each handover' },
  severity: 'error',
  forms: [1, 3, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“涉卷人员在涉卷期间不得少于两人同时在场，进入保密室须严格落实‘双人双锁’制度”',
  messages: {
    zh: {
      handover: '“{name}”同时签在移交方和接收方。交接须由不同的人分别代表双方，请核对签字。',
      vault: '“{field}”和“{other}”是同一个人（{name}）。出入库须两人当面交接（双人双锁），请由另一名保管员签字。',
      duty: '交班人和接班人是同一个人（{name}）。交接班须由两人当面办理，请核对签字。',
    },
    en: {
      handover: '"{name}" signs for both the sending and the receiving side. Each side must be different people: check the signatures.',
      vault: '"{field}" and "{other}" are the same person ({name}). A vault movement needs two people (双人双锁); have another keeper sign.',
      duty: 'The outgoing and incoming duty officer are the same person ({name}). A shift is handed over between two people: check the signatures.',
    },
  },
  docs: 'One person on both sides of one handover, a taker who is also the keeper who issued the papers (or a returner who also received them), a shift handed over to oneself (the very people who hand over take over: one who stays on beside another taking over does hand over). A cell may name two people (李强、赵敏): each counts. A ditto mark (同上, 〃) is no person (signature-not-a-name says so).',
};

/** The people who sign both cells (either may hold two names; `people`: the cells' peopleIn where known already). */
function shared(a: unknown, b: unknown, people?: readonly [readonly string[], readonly string[]]): string[] {
  const other = namedIn(b, people?.[1]);
  return namedIn(a, people?.[0]).filter((n) => other.includes(n));
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const { taker, issuedBy, returner, receivedBy } = facts.vaultPeople;
  (data.handovers ?? []).forEach((h, i) => {
    const both = signedOnBothSides(h);
    if (both.length) report(`handovers[${i}].toSigners`, 'handover', { name: both });
  });
  (data.vaultLog ?? []).forEach((r, i) => {
    if (!r) return;
    const out = shared(r.taker, r.issuedBy, [taker[i], issuedBy[i]]);
    if (out.length) report(`vaultLog[${i}].issuedBy`, 'vault', { other: '取卷人', name: out });
    const back = shared(r.returner, r.receivedBy, [returner[i], receivedBy[i]]);
    if (back.length) report(`vaultLog[${i}].receivedBy`, 'vault', { other: '还卷人', name: back });
  });
  // One who stays on beside another taking over (陈静 → 刘洋、陈静) hands over all the same: only the very same people are no handover.
  (data.duty?.shifts ?? []).forEach((s, i) => {
    if (!s) return;
    const from = namedIn(s.handedOverBy);
    const to = namedIn(s.takenOverBy);
    if (from.length && from.length === to.length && from.every((n) => to.includes(n))) report(`duty.shifts[${i}].takenOverBy`, 'duty', { name: from });
  });
}
