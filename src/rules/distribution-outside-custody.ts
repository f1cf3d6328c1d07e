import { checkoutProblem, norm, showTime, tm } from './facts';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'distribution-outside-custody',
  title: { zh: '分发不在出库期间', en: 'Handout outside the checkout' },
  severity: 'error',
  forms: [3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“考试当天，各考点考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接，并签写附件3；……试卷经由考务工作人员分发至考场及回收，签写附件4”',
  messages: {
    zh: {
      before:
        '试卷 {paper} 在 {issued} 发给第 {room} 考场，但它 {taken} 才从保密室出库（出入库记录第 {vrow} 行）。试卷须先出库、后分发，请核对领取时间或取卷时间。',
      after:
        '试卷 {paper} 在 {returned} 才从第 {room} 考场回收，但出入库记录第 {vrow} 行写它 {back} 已还回保密室。须先回收、后入库，请核对回收时间或还卷时间。',
      none: '试卷 {paper} 发到了第 {room} 考场，但出入库记录里没有它这一天的出库记录。分发的试卷须先从保密室出库并登记，请补记或核对试卷号。',
    },
    en: {
      before: 'Paper {paper} was handed to room {room} at {issued}, but left the vault only at {taken} (vault log row {vrow}).',
      after: 'Paper {paper} was collected from room {room} at {returned}, but the vault log (row {vrow}) has it back in the vault at {back}.',
      none: 'Paper {paper} was handed to room {room}, but the vault log has no checkout of it that day.',
    },
  },
  docs: 'A room handout (附件4) before the paper left the vault (附件3), a collection after it went back, or a handout of a paper with no checkout that day.',
};

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  if (!data.vaultLog || data.vaultLog.length === 0) return;
  const byPaper = new Map<string, number[]>();
  data.vaultLog.forEach((r, i) => {
    if (!r || facts.dispatch[i]) return;
    const p = norm(r.paperNo);
    if (!p) return;
    if (!byPaper.has(p)) byPaper.set(p, []);
    byPaper.get(p)!.push(i);
  });
  // A mistyped paper number in the vault log is unknown-paper's finding; do not also report its handouts as unlogged.
  const allKnown = data.vaultLog.every((r) => {
    const p = norm(r?.paperNo);
    return p && (facts.intakePapers.has(p) || facts.schedulePapers.has(p)) && !Number.isNaN(tm(r?.takenAt));
  });
  (data.distributions ?? []).forEach((d, i) => {
    const sessionStart = tm(d?.start);
    (d?.rows ?? []).forEach((row, j) => {
      if (!row) return;
      const p = norm(row.paperNo);
      const issued = tm(row.issuedAt);
      const returned = tm(row.returnedAt);
      const anchor = !Number.isNaN(issued) ? issued : sessionStart;
      if (!p || Number.isNaN(anchor)) return;
      if (!facts.intakePapers.has(p) && !facts.schedulePapers.has(p)) return; // unknown-paper
      const rows = byPaper.get(p) ?? [];
      const path = `distributions[${i}].rows[${j}]`;
      const room = row.room ?? '';
      if (rows.length === 0) {
        if (allKnown) report(`${path}.issuedAt`, 'none', { paper: p, room });
        return;
      }
      // This paper's checkouts on the handout's day: out from the earliest, back by the latest return.
      const day = Math.floor(anchor / 1440);
      let first = -1;
      let last = -1;
      let allBack = true;
      for (const k of rows) {
        const v = data.vaultLog![k];
        const t = tm(v.takenAt);
        const back = tm(v.returnedAt);
        if (Number.isNaN(t)) return; // invalid-datetime / partial-row
        if (Math.floor(t / 1440) !== day) continue;
        if (!Number.isNaN(back) && back < t) return; // time-order
        if (checkoutProblem(facts, k)?.kind === 'late') return; // checkout-window: its handouts come before it
        if (first < 0 || t < tm(data.vaultLog![first].takenAt)) first = k;
        if (Number.isNaN(back)) allBack = false;
        else if (last < 0 || back > tm(data.vaultLog![last].returnedAt)) last = k;
      }
      if (first < 0) return; // only other days' checkouts: a wrong date is reported where it is
      const taken = tm(data.vaultLog![first].takenAt);
      const rowOf = (k: number) => model.locations[`vaultLog[${k}]`]?.row ?? k + 1;
      if (!Number.isNaN(issued) && issued < taken) {
        report(`${path}.issuedAt`, 'before', { paper: p, room, issued: showTime(issued), taken: showTime(taken), vrow: rowOf(first) });
      }
      if (allBack && last >= 0 && !Number.isNaN(returned) && (Number.isNaN(issued) || returned >= issued)) {
        const back = tm(data.vaultLog![last].returnedAt);
        if (returned > back) report(`${path}.returnedAt`, 'after', { paper: p, room, returned: showTime(returned), back: showTime(back), vrow: rowOf(last) });
      }
    });
  });
}
