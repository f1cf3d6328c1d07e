/**
 * What several rules need to know about a site, worked out once per run with
 * maps (rules stay near-linear): the unit and its own name, the roster, the
 * sessions of each paper, the intake of each paper, which way each handover
 * goes, which vault checkouts are a 分校's dispatches, and who signs on this
 * unit's side.
 */
import type { SiteModel } from '../model/site-model';
import { FORMS } from '../forms/index';
import { ISO_DATETIME, parseIso } from '../model/datetime';
import { toHalfWidth } from '../model/text';
import { DEFAULT_SETTINGS, Settings, SiteData, StaffMember } from '../model/types';

/** Minutes since the epoch of a `YYYY-MM-DDTHH:mm` value; NaN for anything else (unreadable, missing). */
export function tm(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const known = TIMES.get(value);
  if (known !== undefined) return known;
  let m = Number.NaN;
  if (ISO_DATETIME.test(value)) {
    const t = parseIso(value);
    if (t) m = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) / 60_000;
  }
  if (TIMES.size > 200_000) TIMES.clear();
  TIMES.set(value, m);
  return m;
}

/** Parsed times by text: a workbook repeats the same few thousand times many times over. */
const TIMES = new Map<string, number>();

/** Day number (days since the epoch) of a readable date-time; NaN otherwise. */
export function dayOf(value: unknown): number {
  const m = tm(value);
  return Number.isNaN(m) ? Number.NaN : Math.floor(m / 1440);
}

/** A whole number ≥ 0, else undefined. */
export function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export function isBlankValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => isBlankValue(v));
  return false;
}

/** A name or number as compared: half-width, no white space. */
export function norm(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const known = NORMS.get(text);
  if (known !== undefined) return known;
  const out = toHalfWidth(text).replace(/[\s\u3000]+/g, '');
  if (NORMS.size > 200_000) NORMS.clear();
  NORMS.set(text, out);
  return out;
}

const NORMS = new Map<string, string>();

/** Two unit names refer to the same unit: equal, or one contains the other. */
export function sameUnit(a: unknown, b: unknown): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  return x === y || x.includes(y) || y.includes(x);
}

/** Printed labels of each model field, by form key and field key. */
export const FIELD_LABELS: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  for (const entry of FORMS) {
    const layout = entry.layout;
    const clean = (label: string) => label.replace(/[（(].*$/, '').replace(/[:：]$/, '') || label;
    for (const f of [...layout.header.flat(), ...layout.footer.flat()]) out[`${entry.key}.${f.key}`] = clean(f.label);
    for (const c of layout.table?.columns ?? []) out[`${entry.key}.${layout.table!.key}.${c.key}`] = clean(c.label);
  }
  out['distributions.start'] = '日期';
  out['distributions.end'] = '时间';
  out['handovers.items.quantity'] = '数量';
  out['handovers.total'] = '合计';
  out['intake.totals'] = '合计';
  for (const k of ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags']) out[`intake.totals.${k}`] = `合计行${out[`intake.items.${k}`]}`;
  // rows-bound forms keep their rows at the top level of the key
  for (const key of ['schedule', 'staff', 'vaultLog']) {
    for (const k of Object.keys(out)) if (k.startsWith(`${key}.rows.`)) out[`${key}.${k.slice(key.length + 6)}`] = out[k];
  }
  return out;
})();

/** The printed label of a field named by its model path (`vaultLog[3].takenAt` → 取卷时间). */
export function labelOf(path: string): string {
  const generic = path.replace(/\[\d+\]/g, '');
  return FIELD_LABELS[generic] ?? generic.split('.').pop() ?? path;
}

export const SHEET_OF_FORM: Record<string, string> = {
  site: '基本信息',
  schedule: '考试安排',
  staff: '涉卷人员',
  handovers: '附件1 纸质试卷交接单',
  intake: '附件2 纸质试卷入库清单',
  vaultLog: '附件3 保密室试卷出入库记录表',
  distributions: '附件4 试卷分发登记表',
  duty: '附件5 保密室值班记录',
};

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
  /** A proctor's signature collecting or returning room papers on 附件4: eligibility applies, the roster check does not. */
  proctor?: boolean;
}

export type Direction = 'in' | 'out';

export interface Facts {
  data: SiteData;
  settings: Required<Settings>;
  level: '考点' | '分校' | '省校';
  /** The unit's own name: the 考点 for a 考点, the 分校 for a 分校. */
  ownName: string | undefined;
  roster: Map<string, { index: number; member: StaffMember }>;
  sessions: SessionFact[];
  sessionsByPaper: Map<string, SessionFact[]>;
  /** Earliest readable session start, NaN when none. */
  firstSessionStart: number;
  /** Bags taken in per paper (intake rows summed), where readable. */
  intakeBags: Map<string, number>;
  intakePapers: Set<string>;
  schedulePapers: Set<string>;
  direction: Array<Direction | undefined>;
  /** Vault log rows that are a 分校's dispatches to its 考点 (not loans). */
  dispatch: boolean[];
  /** Signatures on this unit's side (roster and eligibility rules). */
  ownSigners: SignerFact[];
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
export function intakeRowBagsAtMost(item: { bags31?: unknown; bags26?: unknown; bags11?: unknown; bags5?: unknown; totalBags?: unknown }): number | undefined {
  const bags = intakeRowBags(item);
  const total = whole(item.totalBags);
  if (bags === undefined) return total;
  return total === undefined ? bags : Math.max(bags, total);
}

export function computeFacts(model: SiteModel): Facts {
  const data = model.data;
  const site = data.site ?? {};
  const levelText = norm(site.level);
  const level: Facts['level'] =
    levelText === '考点' || levelText === '分校' || levelText === '省校'
      ? levelText
      : norm(site.examSite)
        ? '考点'
        : '分校';
  const ownName = level === '考点' ? site.examSite : site.school;

  const roster = new Map<string, { index: number; member: StaffMember }>();
  (data.staff ?? []).forEach((member, index) => {
    const key = norm(member?.name);
    if (key && !roster.has(key)) roster.set(key, { index, member });
  });

  const sessions: SessionFact[] = [];
  const sessionsByPaper = new Map<string, SessionFact[]>();
  const schedulePapers = new Set<string>();
  let firstSessionStart = Number.NaN;
  (data.schedule ?? []).forEach((s, index) => {
    const paperNo = norm(s?.paperNo);
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
  for (const item of data.intake?.items ?? []) {
    const p = norm(item?.paperNo);
    if (!p) continue;
    intakePapers.add(p);
    const bags = intakeRowBagsAtMost(item ?? {});
    if (bags !== undefined) intakeBags.set(p, (intakeBags.get(p) ?? 0) + bags);
  }

  const direction = (data.handovers ?? []).map((h): Direction | undefined => {
    if (!h) return undefined;
    const toOwn = sameUnit(h.to, ownName);
    const fromOwn = sameUnit(h.from, ownName);
    if (toOwn && !fromOwn) return 'in';
    if (fromOwn && !toOwn) return 'out';
    if (toOwn && fromOwn) {
      // "长沙分校" → "长沙分校岳麓考点": the side whose name is closer to the unit's own.
      const own = norm(ownName).length;
      const dTo = Math.abs(norm(h.to).length - own);
      const dFrom = Math.abs(norm(h.from).length - own);
      return dTo < dFrom ? 'in' : dFrom < dTo ? 'out' : undefined;
    }
    if (level === '考点') return 'in';
    if (level === '分校') {
      if (norm(h.to).includes('考点')) return 'out';
      return 'in';
    }
    return undefined;
  });

  const outgoingDays = new Set<number>();
  (data.handovers ?? []).forEach((h, i) => {
    if (direction[i] === 'out') outgoingDays.add(dayOf(h?.time));
  });
  const dispatch = (data.vaultLog ?? []).map((row) => {
    if (level !== '分校' || !row) return false;
    const returned = !isBlankValue(row.returnedAt) || !isBlankValue(row.returner) || !isBlankValue(row.receivedBy);
    if (!returned) return true;
    const taker = norm(row.taker);
    if (taker && roster.size > 0 && !roster.has(taker)) return true;
    return outgoingDays.has(dayOf(row.takenAt));
  });

  const ownSigners: SignerFact[] = [];
  const add = (name: unknown, path: string, takerRow?: number, proctor?: boolean) => {
    const n = norm(name);
    if (n) ownSigners.push(proctor ? { name: n, path, proctor } : { name: n, path, takerRow });
  };
  (data.handovers ?? []).forEach((h, i) => {
    if (!h) return;
    const d = direction[i];
    const list = d === 'in' ? h.toSigners : d === 'out' ? h.fromSigners : undefined;
    const key = d === 'in' ? 'toSigners' : 'fromSigners';
    (list ?? []).forEach((n) => add(n, `handovers[${i}].${key}`));
  });
  if (data.intake) add(data.intake.keeper, 'intake.keeper');
  (data.vaultLog ?? []).forEach((row, i) => {
    if (!row) return;
    if (!dispatch[i]) add(row.taker, `vaultLog[${i}].taker`, i);
    add(row.issuedBy, `vaultLog[${i}].issuedBy`);
    if (!dispatch[i]) add(row.returner, `vaultLog[${i}].returner`, i);
    add(row.receivedBy, `vaultLog[${i}].receivedBy`);
  });
  (data.distributions ?? []).forEach((d, i) => {
    if (!d) return;
    add(d.issuer, `distributions[${i}].issuer`);
    add(d.receiver, `distributions[${i}].receiver`);
    // Proctors are 涉卷人员 too (《湖南开放大学试卷安全保密管理专项整治实施方案》（六））.
    (d.rows ?? []).forEach((r, j) => {
      add(r?.collector, `distributions[${i}].rows[${j}].collector`, undefined, true);
      add(r?.returner, `distributions[${i}].rows[${j}].returner`, undefined, true);
    });
  });
  if (data.duty) {
    (data.duty.shifts ?? []).forEach((s, i) => {
      if (!s) return;
      add(s.handedOverBy, `duty.shifts[${i}].handedOverBy`);
      add(s.takenOverBy, `duty.shifts[${i}].takenOverBy`);
    });
    add(data.duty.supervisor, 'duty.supervisor');
  }

  return {
    data,
    settings: settingsOf(data),
    level,
    ownName,
    roster,
    sessions,
    sessionsByPaper,
    firstSessionStart,
    intakeBags,
    intakePapers,
    schedulePapers,
    direction,
    dispatch,
    ownSigners,
  };
}

/** The session a checkout at `t` belongs to: the first of its paper's sessions not yet over, else the last. */
export function sessionFor(facts: Facts, paperNo: unknown, t: number): SessionFact | undefined {
  const list = facts.sessionsByPaper.get(norm(paperNo));
  if (!list || list.length === 0 || Number.isNaN(t)) return undefined;
  return list.find((s) => s.end >= t) ?? list[list.length - 1];
}

/** `2024-06-15T08:30` → `6月15日 08:30`, for messages. */
export function showTime(minutes: number): string {
  if (Number.isNaN(minutes)) return '';
  const d = new Date(minutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export function showTimeEn(minutes: number): string {
  if (Number.isNaN(minutes)) return '';
  return new Date(minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export type CheckoutProblem =
  | { kind: 'late' | 'early'; session: SessionFact }
  | { kind: 'later'; session: SessionFact; between: SessionFact };

/**
 * What is wrong with an exam-day checkout's time (checkout-window): taken after
 * its session began, too long before it, or with an earlier session. Nothing
 * for a dispatch, an unreadable or inconsistent row, or a checkout before
 * intake (checkout-before-intake reports that).
 */
export function checkoutProblem(facts: Facts, index: number): CheckoutProblem | undefined {
  const r = facts.data.vaultLog?.[index];
  if (!r || facts.dispatch[index]) return undefined;
  const t = tm(r.takenAt);
  const s = sessionFor(facts, r.paperNo, t);
  if (!s) return undefined;
  const back = tm(r.returnedAt);
  if (!Number.isNaN(back) && back < t) return undefined; // time-order
  const intake = tm(facts.data.intake?.time);
  if (!Number.isNaN(intake) && t < intake && facts.intakePapers.has(norm(r.paperNo))) return undefined;
  if (t > s.start) return { kind: 'late', session: s };
  if (s.start - t > facts.settings.checkoutLeadMinutes) {
    const between = facts.sessions.find((o) => o.start > t && o.start < s.start && o.paperNo !== s.paperNo);
    return between ? { kind: 'later', session: s, between } : { kind: 'early', session: s };
  }
  return undefined;
}
