import { intakeLists } from '../model/intake';
import { SIZES } from './later-session-bags';
import { roomNo, roomPhrase } from '../model/rooms';
import { checkoutSession, norm, notLoan, sessionFor, SessionFact, tm, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import type { SiteData } from '../model/types';
import { paperCode, shownCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'handed-out-beyond-checkout',
  title: { zh: '分发份数超过领出份数', en: 'More copies handed out than taken out' },
  severity: 'error',
  forms: [2, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“各考点考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接，并签写附件3；……试卷经由考务工作人员分发至考场及回收，签写附件4”；附件3“数量（袋/份）”；附件4“试卷份数”',
  messages: {
    zh: {
      over: '{room}领取试卷 {paper} {copies} 份后，这一场共发出 {handed} 份，而这一场从保密室领出的最多只有 {capacity} 份{how}。发到考场的试卷不能多于出库的试卷，请核对试卷份数或出入库记录的数量。',
    },
    en: {
      over: 'With {copies} copies of paper {paper} to room {roomNo}, the session’s handouts come to {handed} copies, but at most {capacity} left the vault for it{howEn}. Rooms cannot receive more copies than were taken out; check the copies or the vault log quantity.',
    },
  },
  docs: 'Copies of a paper handed to rooms in one session (附件4 试卷份数) exceed the copies taken out of the vault for that session (附件3: a count in 份 as written; in 袋, the largest bags of that paper on the intake list, the session’s rows together). At the register row where the total goes over. Not when a count cannot be read, or the paper has no checkout for the session (distribution-outside-custody).',
};

/** The paper's bags on the intake list: how many of each size (31, 26, 11, 5). */
function bagSizes(data: SiteData): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const it of intakeLists(data).flatMap(({ list }) => list.items ?? [])) {
    const paper = paperCode(it?.paperNo);
    if (!paper || !it) continue;
    const counts = out.get(paper) ?? [0, 0, 0, 0];
    [it.bags31, it.bags26, it.bags11, it.bags5].forEach((v, k) => (counts[k] += whole(v) ?? 0));
    out.set(paper, counts);
  }
  return out;
}

/** The most copies `bags` bags of the paper can hold: its largest bags first; beyond the list (overdraw), 31 each. */
function copiesIn(bags: number, counts: number[]): number {
  let left = bags;
  let total = 0;
  SIZES.forEach((size, k) => {
    const n = Math.min(left, counts[k]);
    total += n * size;
    left -= n;
  });
  return total + left * 31;
}

interface Taken {
  capacity: number;
  bags: number;
  copies: number;
  known: boolean;
}

function takenPerSession(data: SiteData, facts: RuleContext['facts']): Map<SessionFact, Taken> {
  const sizes = bagSizes(data);
  const out = new Map<SessionFact, Taken>();
  (data.vaultLog ?? []).forEach((r, i) => {
    if (!r || notLoan(facts, i)) return;
    const session = checkoutSession(facts, i);
    if (!session) return;
    const e = out.get(session) ?? { capacity: 0, bags: 0, copies: 0, known: true };
    out.set(session, e);
    const q = whole(r.quantity);
    const unit = norm(r.unit) || '袋';
    const paperSizes = sizes.get(session.paperNo) ?? [0, 0, 0, 0];
    if (q === undefined || (unit !== '袋' && unit !== '份') || (unit === '袋' && paperSizes.every((n) => n === 0))) {
      e.known = false;
      return;
    }
    if (unit === '份') e.copies += q;
    else e.bags += q;
  });
  // The session's bags together: taken out on two rows (2 袋 + 1 袋), the largest bags are not counted twice.
  for (const [session, e] of out) e.capacity = e.copies + copiesIn(e.bags, sizes.get(session.paperNo) ?? [0, 0, 0, 0]);
  return out;
}

/**
 * What left the vault for the session, bracketed in the words of the message's language: “（2 袋 + 5 份）”,
 * “ (2 bags + 5 copies)”; nothing where only loose copies left it (their count is the capacity said before it).
 */
function takenIn(out: Taken, words: { bags: string; copies: string; open: string; close: string }): string {
  if (!out.bags) return '';
  const parts = [`${out.bags} ${words.bags}`, out.copies ? `${out.copies} ${words.copies}` : ''].filter(Boolean).join(' + ');
  return `${words.open}${parts}${words.close}`;
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  const taken = takenPerSession(data, facts);
  const handed = new Map<SessionFact, { total: number; reported: boolean; known: boolean }>();
  const rows: Array<{ path: string; session: SessionFact; copies: number | undefined; room: unknown; paper: string }> = [];
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) => {
      const issued = tm(r?.issuedAt);
      const session = sessionFor(facts, r?.paperNo, Number.isNaN(issued) ? tm(d?.start) : issued);
      if (!session) return;
      rows.push({ path: `distributions[${i}].rows[${j}].copies`, session, copies: whole(r?.copies), room: r?.room, paper: shownCode(r?.paperNo) });
      const h = handed.get(session) ?? { total: 0, reported: false, known: true };
      if (whole(r?.copies) === undefined) h.known = false;
      handed.set(session, h);
    }),
  );
  for (const row of rows) {
    const out = taken.get(row.session);
    const h = handed.get(row.session)!;
    if (!out || !out.known || !h.known || h.reported || row.copies === undefined) continue;
    h.total += row.copies;
    if (h.total <= out.capacity) continue;
    h.reported = true;
    report(row.path, 'over', {
      paper: row.paper,
      room: roomPhrase(row.room),
      roomNo: roomNo(row.room),
      copies: row.copies,
      handed: h.total,
      capacity: out.capacity,
      how: takenIn(out, { bags: '袋', copies: '份', open: '（', close: '）' }),
      howEn: takenIn(out, { bags: 'bags', copies: 'copies', open: ' (', close: ')' }),
    });
  }
}
