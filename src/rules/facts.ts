/**
 * What several rules need to know about a site, worked out once per run with
 * maps (rules stay near-linear): the unit and its own name, the roster, the
 * sessions of each paper, the intake of each paper, which way each handover
 * goes, which vault checkouts are dispatches (papers sent on), and who signs
 * on this unit's side.
 */
import type { CarriedCell, SiteModel } from '../model/site-model';
import { Custody, custodyOf, Direction, handsPapersDown, Level } from '../model/custody';
import { isDittoMark, peopleIn, personKey } from '../model/people';
import { isExcelError } from '../model/excel-errors';
import { IntakeList, intakeLists } from '../model/intake';
import { siteTables } from './columns';
import { labelOf } from '../model/labels';
import { roleOf } from '../model/roles';
import { dayOf, isBlankValue, norm, showTime, tm, whole } from '../model/values';
import { DEFAULT_SETTINGS, Handover, Role, Settings, SiteData, StaffMember } from '../model/types';
import { paperCode } from '../model/paper-code';
import { saysWhereItWent } from '../model/where-it-went';
import { type PaperNames, paperNamesOf } from '../model/item-papers';
import { type PapersApart, onSchedule } from '../model/paper-rows';

export { dayOf, isBlankValue, isDittoMark, labelOf, norm, peopleIn, personKey, showTime, tm, whole };
export { showDuration, showDurationEn } from '../model/values';

/**
 * A ditto mark (同上, 〃) or an Excel error value (#N/A: a lookup that found no one; alone or beside a name: 李强、#N/A)
 * names no one — signature-not-a-name says so at its cell, and no other rule takes it for a person (review 19a D3:
 * two failed lookups were “the same person”).
 */
const namesNoOne = (signature: unknown): boolean => isDittoMark(signature) || isExcelError(signature);

/**
 * The people a signature cell names to compare with another's: none for a ditto mark or an error value (namesNoOne).
 * `people`: the cell's peopleIn where it is known already (a vault log row's: Facts.vaultPeople).
 */
export function namedIn(signature: unknown, people: readonly string[] = peopleIn(signature)): readonly string[] {
  if (isExcelError(signature)) return [];
  return people.some(namesNoOne) ? people.filter((n) => !namesNoOne(n)) : people;
}

/** Who signs both sides of one handover (same-person's finding; staff-not-on-roster leaves them to it), each once. */
export function signedOnBothSides(h: Handover | undefined): string[] {
  const named = (signers: readonly string[] | undefined) => (signers ?? []).filter((n) => !namesNoOne(n)).map(personKey);
  const from = new Set(named(h?.fromSigners).filter((n) => n));
  return [...new Set(named(h?.toSigners).filter((n) => from.has(n)))];
}

/** This unit's side of a handover going `d`: the receivers of a sheet coming in, the senders of one going out. */
export const ownSide = (d: Direction | undefined): 'toSigners' | 'fromSigners' | undefined =>
  d === 'in' ? 'toSigners' : d === 'out' ? 'fromSigners' : undefined;

export interface SessionFact {
  index: number;
  paperNo: string;
  start: number;
  end: number;
}

export interface SignerFact {
  name: string;
  /** Model path of the cell where it is signed. */
  path: string;
  /** The vault log row, when it is a taker or returner there (proctor check). */
  takerRow?: number;
  /** A proctor's signature collecting or returning room papers on 附件4: eligibility applies (and the roster check, as to every own signer). */
  proctor?: boolean;
  /** Signed after the papers were opened (附件4's 还卷人, returning a room's papers after the exam): not 试卷启封前. */
  afterOpening?: boolean;
}

export interface Facts {
  data: SiteData;
  /** The custody vocabulary (model/custody.ts): direction, dispatches, the unit's names, shared with the summaries. */
  custody: Custody;
  settings: Required<Settings>;
  /** The unit's level; undefined when 基本信息 writes one that cannot be read — the rules that hang on it then say nothing. */
  level: Level | undefined;
  /** The unit's own name: the 考点 for a 考点, the 分校 for a 分校, the 分部 for the 省校. */
  ownName: string | undefined;
  roster: Map<string, RosterEntry>;
  sessions: SessionFact[];
  sessionsByPaper: Map<string, SessionFact[]>;
  /** The schedule's names and their papers (item-papers.ts paperNamesOf), once for every rule that reads items by name. */
  paperNames: PaperNames;
  /** Earliest readable session start, NaN when none. */
  firstSessionStart: number;
  /** Bags taken in per paper (intake rows summed), where readable. */
  intakeBags: Map<string, number>;
  /** Each paper's intakes in time order (one list per delivery): when, and how many bags; a list whose time cannot be read counts from the start. */
  intakeArrivals: Map<string, Array<{ t: number; bags: number }>>;
  intakePapers: Set<string>;
  /** When each paper was taken in: the time of the first intake list (by time) that holds it, where readable. */
  intakeTimes: Map<string, number>;
  /** The workbook's intake lists (附件2), one per delivery. */
  intakes: IntakeList[];
  schedulePapers: Set<string>;
  direction: Array<Direction | undefined>;
  /** Indices of the incoming handovers. */
  incoming: number[];
  /** Vault log rows that send papers on (model/custody.ts): not loans, not expected back. */
  dispatch: boolean[];
  /** Vault log rows taken out to be destroyed (model/disposal.ts): not loans, not dispatches. */
  disposal: boolean[];
  /** Signatures on this unit's side (roster and eligibility rules). */
  ownSigners: SignerFact[];
  /** Each vault log row's people, by signature cell (peopleIn, row by row): read once, not by each rule that compares them. */
  vaultPeople: VaultPeople;
  /**
   * Table cells whose column the sheet's header lacks (`staff[3].formalStaff`,
   * `vaultLog[2].returnedAt`): the header's own location says so once
   * (staff-ineligible for the roster's 是/否, required-field for the others), not each row as left empty.
   */
  headerlessCells: ReadonlySet<string>;
  /** Whether the reader found a cell for this path (a row's 单位 exists only on a sheet that keeps the column). */
  located: (path: string) => boolean;
  /** The header paths of those columns (`vaultLog.returnedAt`, located at the header row), each with the form that lacks it. */
  missingColumns: ReadonlyArray<{ path: string; form: keyof SiteData }>;
  /**
   * Paper cells holding a ditto mark (同上, 〃), by path: read as the value above
   * (forms/ditto.ts), asked once to be written out (required-field), otherwise
   * judged as that value; no name was written there to compare (paper-name-mismatch).
   */
  carried: ReadonlyMap<string, CarriedCell>;
  /**
   * 考试安排's 试卷号 cells writing several codes parted by white space (“2045 3310”, forms/code-cells.ts): read as no
   * paper, said by unknown-paper, not as left empty.
   */
  scheduleSpaced: ReadonlySet<string>;
  /** Rows writing several 试卷号 (“2207、2210”), by row path, read apart where the row gives each paper's count. */
  several: PapersApart['several'];
  /** The records a row read apart added at its table's end (its 2nd, 3rd … paper): the row's own cells, said once. */
  addedRows: PapersApart['added'];
  /** The 试卷名称 cells of records read apart whose row writes one name for its several papers: given to none, not left empty. */
  namesUnpaired: PapersApart['namesUnpaired'];
}

/** A person on 涉卷人员: every row that names them (a roster may list someone twice, each row with other roles). */
interface RosterEntry {
  /** The first row, where a finding about the person is reported unless another row is the one at fault. */
  index: number;
  rows: ReadonlyArray<{ index: number; member: StaffMember }>;
  /** The catalogue roles of all the person's rows, however typed (保管员 is 卷库保管员); a word that is no role is left out (staff-ineligible says so at its cell). */
  roles: readonly Role[];
}

/** A signature on this unit's side; its path is written out only when a rule reports it (a log of 50,000 rows holds 200,000 signatures). */
class OwnSigner implements SignerFact {
  constructor(
    readonly name: string,
    private readonly where: () => string,
    readonly takerRow?: number,
    readonly proctor?: boolean,
    readonly afterOpening?: boolean,
  ) {}

  get path(): string {
    return this.where();
  }
}

/** A vault log row's signature cells. */
type VaultSignature = 'taker' | 'issuedBy' | 'returner' | 'receivedBy';
type VaultPeople = Readonly<Record<VaultSignature, ReadonlyArray<readonly string[]>>>;

const NO_ONE: readonly string[] = [];

/**
 * peopleIn of each signature cell of each row, once a run: a log of 50,000 rows had its cells looked up 700,000
 * times, rule after rule (facts, same-person, keeper-not-custodian).
 */
function peopleOnRows(log: SiteData['vaultLog'] = []): VaultPeople {
  // A 还卷人 saying where the bag went (退回分校) is a note, no one who signed (model/where-it-went.ts).
  const cells = (key: VaultSignature) => log.map((r) => (!r || (key === 'returner' && saysWhereItWent(r.returner)) ? NO_ONE : peopleIn(r[key])));
  return { taker: cells('taker'), issuedBy: cells('issuedBy'), returner: cells('returner'), receivedBy: cells('receivedBy') };
}

/** A signature on a vault log row: the commonest kind, kept without a closure. */
class VaultLogSigner implements SignerFact {
  constructor(
    readonly name: string,
    private readonly row: number,
    private readonly key: VaultSignature,
    readonly takerRow?: number,
  ) {}

  get path(): string {
    return `vaultLog[${this.row}].${this.key}`;
  }
}

function settingsOf(data: SiteData): Required<Settings> {
  const s = data.site?.settings ?? {};
  const pick = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    arrivalDaysBefore: pick(s.arrivalDaysBefore, DEFAULT_SETTINGS.arrivalDaysBefore),
    checkoutLeadMinutes: pick(s.checkoutLeadMinutes, DEFAULT_SETTINGS.checkoutLeadMinutes),
    returnGraceMinutes: pick(s.returnGraceMinutes, DEFAULT_SETTINGS.returnGraceMinutes),
    intakeWithinHours: pick(s.intakeWithinHours, DEFAULT_SETTINGS.intakeWithinHours),
    proctorsFormalStaff: typeof s.proctorsFormalStaff === 'boolean' ? s.proctorsFormalStaff : DEFAULT_SETTINGS.proctorsFormalStaff,
  };
}

/** Bags of one intake row: the sum of the four envelope sizes when readable, else its 合计（袋）. */
export function intakeRowBags(item: { bags31?: unknown; bags26?: unknown; bags11?: unknown; bags5?: unknown; totalBags?: unknown }): number | undefined {
  const sizes = [item.bags31, item.bags26, item.bags11, item.bags5];
  if (sizes.every((v) => isBlankValue(v) || whole(v) !== undefined) && sizes.some((v) => whole(v) !== undefined)) {
    return sizes.reduce<number>((a, v) => a + (whole(v) ?? 0), 0);
  }
  return whole(item.totalBags);
}

/** The most bags an intake row may hold: where its sizes and its 合计 disagree (row-total), the larger, so nothing else is reported for it. */
function intakeRowBagsAtMost(item: { bags31?: unknown; bags26?: unknown; bags11?: unknown; bags5?: unknown; totalBags?: unknown }): number | undefined {
  const bags = intakeRowBags(item);
  const total = whole(item.totalBags);
  if (bags === undefined) return total;
  return total === undefined ? bags : Math.max(bags, total);
}

export function computeFacts(
  model: SiteModel,
  apart: Pick<PapersApart, 'several' | 'added' | 'namesUnpaired'> = { several: new Map(), added: new Set(), namesUnpaired: new Set() },
): Facts {
  const data = model.data;
  const custody = custodyOf(model);
  const { level, ownName, direction, dispatch, disposal } = custody;

  const roster = new Map<string, RosterEntry>();
  for (const [key, indices] of custody.roster) {
    const rows = indices.map((index) => ({ index, member: data.staff![index] }));
    const roles = [...new Set(rows.flatMap((r) => (r.member.roles ?? []).flatMap((word) => roleOf(word) ?? [])))];
    roster.set(key, { index: indices[0], rows, roles });
  }

  const sessions: SessionFact[] = [];
  const sessionsByPaper = new Map<string, SessionFact[]>();
  const schedulePapers = new Set<string>();
  let firstSessionStart = Number.NaN;
  (data.schedule ?? []).forEach((s, index) => {
    const paperNo = paperCode(s?.paperNo);
    if (paperNo) schedulePapers.add(paperNo);
    const start = tm(s?.start);
    const end = tm(s?.end);
    if (Number.isNaN(start)) return;
    // A session that ends before it starts is time-order's finding; nothing is measured against it.
    if (!Number.isNaN(end) && end < start) return;
    const fact = { index, paperNo, start, end: Number.isNaN(end) ? start : end };
    sessions.push(fact);
    if (paperNo) {
      if (!sessionsByPaper.has(paperNo)) sessionsByPaper.set(paperNo, []);
      sessionsByPaper.get(paperNo)!.push(fact);
    }
    if (Number.isNaN(firstSessionStart) || start < firstSessionStart) firstSessionStart = start;
  });
  for (const list of sessionsByPaper.values()) list.sort((a, b) => a.start - b.start);
  sessions.sort((a, b) => a.start - b.start);

  const intakeBags = new Map<string, number>();
  const intakePapers = new Set<string>();
  const intakeTimes = new Map<string, number>();
  const intakeArrivals = new Map<string, Array<{ t: number; bags: number }>>();
  const intakes = intakeLists(data);
  for (const { list, item } of intakes.flatMap(({ list }) => (list.items ?? []).map((item) => ({ list, item })))) {
    const p = paperCode(item?.paperNo);
    if (!p) continue;
    intakePapers.add(p);
    const t = tm(list.time);
    if (!Number.isNaN(t) && !(t >= (intakeTimes.get(p) ?? Infinity))) intakeTimes.set(p, t);
    const bags = intakeRowBagsAtMost(item ?? {});
    if (bags === undefined) continue;
    intakeBags.set(p, (intakeBags.get(p) ?? 0) + bags);
    const arrivals = intakeArrivals.get(p);
    const arrival = { t: Number.isNaN(t) ? -Infinity : t, bags };
    if (arrivals) arrivals.push(arrival);
    else intakeArrivals.set(p, [arrival]);
  }
  for (const arrivals of intakeArrivals.values()) arrivals.sort((a, b) => a.t - b.t);

  const ownSigners: SignerFact[] = [];
  const vaultPeople = peopleOnRows(data.vaultLog);
  // Each person a cell names: two may sign in one cell (李强、赵敏).
  const add = (name: unknown, path: () => string, takerRow?: number, proctor?: boolean, afterOpening?: boolean) => {
    for (const n of peopleIn(name)) ownSigners.push(new OwnSigner(n, path, proctor ? undefined : takerRow, proctor || undefined, afterOpening || undefined));
  };
  (data.handovers ?? []).forEach((h, i) => {
    const key = ownSide(direction[i]);
    if (h && key) (h[key] ?? []).forEach((n) => add(n, () => `handovers[${i}].${key}`));
  });
  for (const { list, path } of intakes) add(list.keeper, () => `${path}.keeper`);
  // Who takes a dispatch where papers are handed down is the receiving unit's (a 考点's people at a 分校's vault);
  // when the level cannot be read, nobody knows whose the takers are.
  // So is one who takes a dispatch and signs, as its receiver, the outgoing sheet that carries it (a 考点 passing a bag
  // to another 考点, 调拨: the other's clerk collects it).
  const takerReceives = (i: number) => {
    const sheet = custody.movement[i] === undefined ? undefined : data.handovers?.[custody.movement[i]!];
    const takers = vaultPeople.taker[i];
    const receivers = (sheet?.toSigners ?? []).map(personKey);
    return takers.length > 0 && takers.every((n) => receivers.includes(n));
  };
  const takersElsewhere = (i: number) => level === undefined || (dispatch[i] && (handsPapersDown(level) || takerReceives(i)));
  // Made once, not for each row of a long log.
  const sign = (i: number, key: VaultSignature, takerRow?: number) => {
    for (const n of vaultPeople[key][i]) ownSigners.push(new VaultLogSigner(n, i, key, takerRow));
  };
  (data.vaultLog ?? []).forEach((row, i) => {
    if (!row) return;
    if (!takersElsewhere(i)) sign(i, 'taker', i);
    sign(i, 'issuedBy');
    if (!takersElsewhere(i)) sign(i, 'returner', i);
    sign(i, 'receivedBy');
  });
  (data.distributions ?? []).forEach((d, i) => {
    if (!d) return;
    add(d.issuer, () => `distributions[${i}].issuer`);
    add(d.receiver, () => `distributions[${i}].receiver`);
    // Proctors are 涉卷人员 too (《湖南开放大学试卷安全保密管理专项整治实施方案》（六））.
    (d.rows ?? []).forEach((r, j) => {
      add(r?.collector, () => `distributions[${i}].rows[${j}].collector`, undefined, true);
      add(r?.returner, () => `distributions[${i}].rows[${j}].returner`, undefined, true, true);
    });
  });
  if (data.duty) {
    (data.duty.shifts ?? []).forEach((s, i) => {
      if (!s) return;
      add(s.handedOverBy, () => `duty.shifts[${i}].handedOverBy`);
      add(s.takenOverBy, () => `duty.shifts[${i}].takenOverBy`);
    });
    add(data.duty.supervisor, () => 'duty.supervisor');
  }

  const headerless = headerlessCells(model, intakes);
  return {
    data,
    headerlessCells: headerless.cells,
    located: (path) => model.locations[path] !== undefined,
    missingColumns: headerless.missingColumns,
    carried: new Map((model.carried ?? []).map((c) => [c.path, c])),
    scheduleSpaced: new Set((model.codeSpaced ?? []).map((c) => c.path).filter(onSchedule)),
    several: apart.several,
    addedRows: apart.added,
    namesUnpaired: apart.namesUnpaired,
    custody,
    settings: settingsOf(data),
    level,
    ownName,
    roster,
    sessions,
    sessionsByPaper,
    paperNames: paperNamesOf(data.schedule),
    firstSessionStart,
    intakeBags,
    intakeArrivals,
    intakePapers,
    intakeTimes,
    intakes,
    schedulePapers,
    direction,
    incoming: direction.flatMap((d, i) => (d === 'in' ? [i] : [])),
    dispatch,
    disposal,
    ownSigners,
    vaultPeople,
  };
}

/**
 * The columns a table's reader located at a header that lacks them
 * (forms/workbook.ts: `vaultLog.returnedAt`), and the cells of the rows read
 * without them; a few lookups a table unless a column is missing.
 */
function headerlessCells(model: SiteModel, intakes: readonly IntakeList[]): Pick<Facts, 'missingColumns'> & { cells: Set<string> } {
  const cells = new Set<string>();
  const columns: Array<{ path: string; form: keyof SiteData }> = [];
  for (const { rowsAt, rows, form, required } of siteTables(model.data, intakes)) {
    const keys = required.filter((key) => model.locations[`${rowsAt}.${key}`]);
    if (keys.length === 0) continue;
    const found = new Set<string>();
    rows.forEach((_, i) => {
      if (!model.locations[`${rowsAt}[${i}]`]) return;
      for (const key of keys) {
        if (model.locations[`${rowsAt}[${i}].${key}`]) continue;
        cells.add(`${rowsAt}[${i}].${key}`);
        found.add(key);
      }
    });
    for (const key of keys) if (found.has(key)) columns.push({ path: `${rowsAt}.${key}`, form });
  }
  return { cells, missingColumns: columns };
}

/**
 * A vault checkout that is no loan: a dispatch (papers sent on) or a disposal (taken out to be destroyed, its 备注
 * says: model/disposal.ts). Neither is expected back, and the exam-day rules leave both.
 */
export function notLoan(facts: Facts, index: number): boolean {
  return facts.dispatch[index] || facts.disposal[index];
}

/**
 * Each vault log row as a dozen rules compare it, read once a run: its paper (paperCode: '' for none), when it was
 * taken out and taken back (tm: NaN for unreadable), and the session its checkout is for (checkoutSession). A log of
 * 50,000 rows had its papers looked up 400,000 times and its times read 300,000 times, rule after rule.
 */
interface VaultRows {
  paper: string[];
  taken: Float64Array;
  returned: Float64Array;
  /** checkoutSession's answers, row by row (undefined: not asked yet; null: none). */
  session: Array<SessionFact | null | undefined>;
}

const VAULT_ROWS = new WeakMap<Facts, VaultRows>();

export function vaultRows(facts: Facts): VaultRows {
  let known = VAULT_ROWS.get(facts);
  if (known) return known;
  const log = facts.data.vaultLog ?? [];
  const n = log.length;
  known = { paper: new Array<string>(n), taken: new Float64Array(n), returned: new Float64Array(n), session: new Array(n).fill(undefined) };
  for (let i = 0; i < n; i++) {
    const r = log[i];
    known.paper[i] = paperCode(r?.paperNo);
    known.taken[i] = tm(r?.takenAt);
    known.returned[i] = tm(r?.returnedAt);
  }
  VAULT_ROWS.set(facts, known);
  return known;
}

/** The session vault log row `index`'s checkout is for: sessionFor its paper at its time taken out, asked once a row. */
export function checkoutSession(facts: Facts, index: number): SessionFact | undefined {
  const rows = vaultRows(facts);
  let s = rows.session[index];
  if (s === undefined) rows.session[index] = s = sessionAt(facts.sessionsByPaper.get(rows.paper[index]), rows.taken[index]) ?? null;
  return s ?? undefined;
}

/** The session a checkout at `t` belongs to: the first of its paper's sessions not yet over, else the last. */
export function sessionFor(facts: Facts, paperNo: unknown, t: number): SessionFact | undefined {
  return sessionAt(facts.sessionsByPaper.get(paperCode(paperNo)), t);
}

/** Of a paper's sessions in time order, the one a time comes for: the first not over by then, else the last. */
export function sessionAt(sessions: readonly SessionFact[] | undefined, t: number): SessionFact | undefined {
  if (!sessions || sessions.length === 0 || Number.isNaN(t)) return undefined;
  return sessions.find((s) => s.end >= t) ?? sessions[sessions.length - 1];
}

export type CheckoutProblem = { kind: 'late' | 'early'; session: SessionFact } | { kind: 'later'; session: SessionFact; between: SessionFact };

/**
 * What is wrong with an exam-day checkout's time (checkout-window): taken after
 * its session began that day, too long before it, or with an earlier session.
 * Nothing for a dispatch, an unreadable or inconsistent row, a checkout on a
 * day after the paper's sessions, or a checkout before intake
 * (checkout-before-intake reports that).
 */
export function checkoutProblem(facts: Facts, index: number): CheckoutProblem | undefined {
  // Asked by several rules, and row by row for each handout: worked out once per row and run.
  let known = CHECKOUT_PROBLEMS.get(facts);
  if (!known) CHECKOUT_PROBLEMS.set(facts, (known = []));
  if (index in known) return known[index];
  return (known[index] = findCheckoutProblem(facts, index));
}

const CHECKOUT_PROBLEMS = new WeakMap<Facts, Array<CheckoutProblem | undefined>>();

/**
 * A loan taken out on a day with no session of its paper, after them (a spare sent back up the day after, review 25b
 * D4): no exam-day checkout, not late for a session of another day; and, as a spare kept, it ends no custody (duty-gap).
 */
export function afterItsSessions(facts: Facts, index: number): boolean {
  const s = checkoutSession(facts, index);
  const t = vaultRows(facts).taken[index];
  return !notLoan(facts, index) && s !== undefined && t > s.start && Math.floor(t / 1440) !== Math.floor(s.start / 1440);
}

function findCheckoutProblem(facts: Facts, index: number): CheckoutProblem | undefined {
  const r = facts.data.vaultLog?.[index];
  if (!r || notLoan(facts, index)) return undefined;
  const rows = vaultRows(facts);
  const t = rows.taken[index];
  const s = checkoutSession(facts, index);
  if (!s) return undefined;
  const back = rows.returned[index];
  if (!Number.isNaN(back) && back < t) return undefined; // time-order
  if (t < (facts.intakeTimes.get(rows.paper[index]) ?? Number.NaN)) return undefined;
  if (t > s.start) return afterItsSessions(facts, index) ? undefined : { kind: 'late', session: s };
  if (s.start - t > facts.settings.checkoutLeadMinutes) {
    const between = facts.sessions.find((o) => o.start > t && o.start < s.start && o.paperNo !== s.paperNo);
    return between ? { kind: 'later', session: s, between } : { kind: 'early', session: s };
  }
  return undefined;
}
