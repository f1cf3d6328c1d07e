import { Facts, checkoutProblem, norm, notLoan, showTime, tm, vaultRows } from './facts';
import { roomNo, roomPhrase } from '../model/rooms';
import type { RuleContext, RuleMeta } from './types';
import { paperCode } from '../model/paper-code';

export const meta: RuleMeta = {
  id: 'distribution-outside-custody',
  title: { zh: '分发不在出库期间', en: 'Handout outside the checkout' },
  severity: 'error',
  forms: [3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“考试当天，各考点考务人员与考点卷库保管员（值班人员）在保密室内履行出入库交接，并签写附件3；……试卷经由考务工作人员分发至考场及回收，签写附件4”',
  messages: {
    zh: {
      before: '试卷 {paper} 在 {issued} 发给{room}，但它 {taken} 才从保密室出库（出入库记录第 {vrow} 行）。试卷须先出库、后分发，请核对领取时间或取卷时间。',
      after: '试卷 {paper} 在 {returned} 才从{room}回收，但出入库记录第 {vrow} 行写它 {back} 已还回保密室。须先回收、后入库，请核对回收时间或还卷时间。',
      none: '试卷 {paper} 发到了{room}，但出入库记录里没有它这一天的出库记录。分发的试卷须先从保密室出库并登记，请补记或核对试卷号。',
      between:
        '试卷 {paper} 在 {issued} 发给{room}，但那时它已还回保密室（出入库记录第 {vrow} 行，{back} 还回），{next} 才再次出库。试卷须在出库期间分发，请核对领取时间或出入库时间。',
    },
    en: {
      before:
        'Paper {paper} was handed to room {roomNo} at {issued}, but left the vault only at {taken} (vault log No. {vrow}). Papers leave the vault before they are handed out: check the handout or checkout time.',
      after:
        'Paper {paper} was collected from room {roomNo} at {returned}, but vault log No. {vrow} has it back in the vault at {back}. Papers are collected before they go back: check the collection or return time.',
      none: 'Paper {paper} was handed to room {roomNo}, but the vault log has no checkout of it that day. Papers handed out must first be checked out of the vault and logged: add the checkout or check the paper number.',
      between:
        'Paper {paper} was handed to room {roomNo} at {issued}, but it was back in the vault then (vault log No. {vrow}, returned at {back}) and left again only at {next}. Check the handout or vault times.',
    },
  },
  docs: 'A room handout (附件4) before the paper left the vault (附件3), a handout while it was back in the vault between two trips of that day (out 07:40, back 07:55, out again 08:05: a handout at 07:58), a collection after it went back, or a handout of a paper with no checkout that day.',
};

/**
 * A paper's checkouts on one day, as its handouts that day are judged against
 * them: out from the earliest, back by the latest return.
 */
interface DayCheckouts {
  /** The row of the earliest checkout (the first such row on a tie). */
  first: number;
  /** The row of the latest return (the first such row on a tie); -1: none returned yet. */
  last: number;
  allBack: boolean;
  /** A checkout whose times another rule reports (returned before taken: time-order; taken after its session: checkout-window). */
  reported: boolean;
  /** The day's trips out, [taken, back, row], by time taken (back NaN: not returned). */
  trips: Array<[number, number, number]>;
  /** For each trip, the latest return of it and those before it (Infinity: one not returned), and that return's trip. */
  reach: Array<[number, number]>;
}

/** A paper's vault-log rows, grouped by the day they were taken out. */
interface PaperCheckouts {
  /** A row whose checkout time is unreadable: invalid-datetime / partial-row report it, and no handout of the paper is judged. */
  unreadable: boolean;
  rowsByDay: Map<number, number[]>;
  /** Each day's judgement, worked out once however many handouts ask (a paper handed to 50,000 rooms stays linear). */
  days: Map<number, DayCheckouts>;
}

const dayOfMinutes = (minutes: number) => Math.floor(minutes / 1440);

function checkoutsOn(facts: Facts, paper: PaperCheckouts, day: number): DayCheckouts | undefined {
  const known = paper.days.get(day);
  if (known) return known;
  const rows = paper.rowsByDay.get(day);
  if (!rows) return undefined;
  const read = vaultRows(facts);
  const c: DayCheckouts = { first: -1, last: -1, allBack: true, reported: false, trips: [], reach: [] };
  let firstTaken = NaN;
  let lastBack = NaN;
  for (const k of rows) {
    const t = read.taken[k];
    const back = read.returned[k];
    // checkout-window: a late checkout's handouts come before it.
    if ((!Number.isNaN(back) && back < t) || checkoutProblem(facts, k)?.kind === 'late') c.reported = true;
    c.trips.push([t, back, k]);
    if (c.first < 0 || t < firstTaken) [c.first, firstTaken] = [k, t];
    if (Number.isNaN(back)) c.allBack = false;
    else if (c.last < 0 || back > lastBack) [c.last, lastBack] = [k, back];
  }
  c.trips.sort((a, b) => a[0] - b[0]);
  let reach: [number, number] = [-Infinity, -1];
  for (const [, back, k] of c.trips) c.reach.push((reach = Number.isNaN(back) ? [Infinity, k] : back > reach[0] ? [back, k] : reach));
  paper.days.set(day, c);
  return c;
}

/**
 * The trips a handout at `issued` falls between, when the paper was back in
 * the vault then: the latest return before it, and the next trip out. Found by
 * halving (a paper taken out thousands of times a day stays quick).
 */
function backInVaultAt(c: DayCheckouts, issued: number): { back: number; row: number; next: number } | undefined {
  let lo = 0;
  let hi = c.trips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.trips[mid][0] <= issued) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1; // the last trip out at or before the handout
  if (j < 0 || lo >= c.trips.length || c.reach[j][0] >= issued) return undefined;
  return { back: c.reach[j][0], row: c.reach[j][1], next: c.trips[lo][0] };
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  if (!data.vaultLog || data.vaultLog.length === 0) return;
  const byPaper = new Map<string, PaperCheckouts>();
  // A mistyped paper number in the vault log is unknown-paper's finding; do not also report its handouts as unlogged.
  // Each row's paper and time read once, for both.
  let allKnown = true;
  const log = data.vaultLog;
  const read = vaultRows(facts);
  for (let i = 0; i < log.length; i++) {
    const r = log[i];
    const p = read.paper[i];
    const t = read.taken[i];
    if (allKnown && !(p && (facts.intakePapers.has(p) || facts.schedulePapers.has(p)) && !Number.isNaN(t))) allKnown = false;
    if (!r || !p || notLoan(facts, i)) continue;
    let paper = byPaper.get(p);
    if (!paper) byPaper.set(p, (paper = { unreadable: false, rowsByDay: new Map(), days: new Map() }));
    if (Number.isNaN(t)) {
      paper.unreadable = true;
      continue;
    }
    const day = dayOfMinutes(t);
    const rows = paper.rowsByDay.get(day);
    if (rows) rows.push(i);
    else paper.rowsByDay.set(day, [i]);
  }
  (data.distributions ?? []).forEach((d, i) => {
    const sessionStart = tm(d?.start);
    (d?.rows ?? []).forEach((row, j) => {
      if (!row) return;
      const p = paperCode(row.paperNo);
      const issued = tm(row.issuedAt);
      const returned = tm(row.returnedAt);
      const anchor = !Number.isNaN(issued) ? issued : sessionStart;
      if (!p || Number.isNaN(anchor)) return;
      if (!facts.intakePapers.has(p) && !facts.schedulePapers.has(p)) return; // unknown-paper
      const paper = byPaper.get(p);
      const path = `distributions[${i}].rows[${j}]`;
      // The paper as written (1304A, though compared as 1304), the room as written when it says 考场/室 (第3考场, 101室),
      // else 第 N 考场: never 第 第3考场 考场. Made only for a finding: most rows have none.
      const shown = () => ({ paper: norm(row.paperNo), room: roomPhrase(row.room), roomNo: roomNo(row.room) });
      if (!paper) {
        if (allKnown) report(`${path}.issuedAt`, 'none', shown());
        return;
      }
      if (paper.unreadable) return;
      // Only other days' checkouts: a wrong date is reported where it is.
      const c = checkoutsOn(facts, paper, dayOfMinutes(anchor));
      if (!c || c.reported) return;
      const rowOf = (k: number) => model.locations[`vaultLog[${k}]`]?.row ?? k + 1;
      const taken = tm(data.vaultLog![c.first].takenAt);
      if (!Number.isNaN(issued) && issued < taken) {
        report(`${path}.issuedAt`, 'before', { ...shown(), issued: showTime(issued), taken: showTime(taken), vrow: rowOf(c.first) });
      }
      const gap = Number.isNaN(issued) ? undefined : backInVaultAt(c, issued);
      if (gap) {
        const { back, row: k, next } = gap;
        report(`${path}.issuedAt`, 'between', { ...shown(), issued: showTime(issued), back: showTime(back), next: showTime(next), vrow: rowOf(k) });
      }
      if (c.allBack && c.last >= 0 && !Number.isNaN(returned) && (Number.isNaN(issued) || returned >= issued)) {
        const back = tm(data.vaultLog![c.last].returnedAt);
        if (returned > back) report(`${path}.returnedAt`, 'after', { ...shown(), returned: showTime(returned), back: showTime(back), vrow: rowOf(c.last) });
      }
    });
  });
}
