/**
 * The per-site custody summary (docs/领域说明.md):
 * per paper — bags by envelope size, copies (31·a + 26·b + 11·c + 5·d),
 * candidates, checkouts and returns, rooms served, what is still out of the
 * vault; per site — handovers in and out, duty coverage of the custody period
 * and its gaps, findings by severity, and whether it is ready to submit.
 *
 * Pure: no Node, no Office. The figures are what the forms say; a value that cannot be read (a text count, a
 * text time) is left out of a sum and counted in `unreadable`, because flagging it is the validator's job.
 *
 * Definitions used (and printed on the 汇总 sheet):
 * - A paper's bags and copies come from the intake list (附件2); copies are
 *   31·bags31 + 26·bags26 + 11·bags11 + 5·bags5. Only papers received from
 *   above count: a list of papers a 考点 sent back after the exam is not new stock.
 * - A checkout is a vault-log row (附件3); it is returned when its 还卷时间 is
 *   filled in. Rows in 袋 (or with no unit) count bags; rows in 份 count loose
 *   copies, kept apart. A checkout that sends papers on — a 分校's to its
 *   考点, the 省校's to its 分校, a 考点's back to its 分校 after the exam, on
 *   an outgoing handover (model/custody.ts, the validator's own definition) —
 *   is not a loan: it is counted as dispatched, never as still out. Nor is
 *   one taken out to be destroyed (its 备注 says 销毁, 监销: model/disposal.ts):
 *   its bags are destroyed, out of the vault for good, not still out.
 * - The custody period runs from the intake time (入库时间; else the first
 *   incoming handover) to the last checkout (docs/领域说明.md: "from intake to the last
 *   checkout the vault is guarded day and night"). Coverage is the part of it
 *   inside the union of the duty shifts (附件5); gaps are the rest.
 */
import type { SheetForm, SiteModel } from '../model/site-model';
import { minutesOf } from '../model/datetime';
import { countedSite } from '../model/semester';
import type { Finding, Severity } from '../model/finding';
import { toHalfWidth } from '../model/text';
import { candidatesCountedBefore, paperCode, shownCode } from '../model/paper-code';
import { custodyOf } from '../model/custody';
import { takenBackLists } from '../model/deliveries';
import { intakeLists } from '../model/intake';
import { roomsIn } from '../model/rooms';
import { papersApart } from '../model/paper-rows';
import type { Count, Handover, SiteData } from '../model/types';
import { Counter, DutyCoverage, custodyNeedsSchedule, dutyCoverage } from './duty';
import { oncePerHandover } from './once-per-handover';
import { type UnreadCause, type UnreadOf, type UnreadSheet, itemsUnreadAt, noneFlagsOf, unreadForms, unreadOf } from './none-figures';
import { type UnnamedSite, errorCellsOf, siteShown, withoutErrorCells, withoutErrorSite } from './error-cells';
import { paperUnknowns, wholeForms } from './row-unknowns';
import { fieldCellsOf } from './field-cells';
import { returnWritten } from '../model/where-it-went';

export { dutyCoverage, type DutyCoverage } from './duty';

interface BagFigures {
  bags31: number;
  bags26: number;
  bags11: number;
  bags5: number;
  /** Sum of the four sizes (not the 合计 as written, which the validator checks). */
  totalBags: number;
}

export interface OutstandingCheckout {
  /** 序号 of the vault-log row (1-based). */
  row: number;
  paperNo: string;
  quantity: number | null;
  unit: string;
  taker: string;
  takenAt: string;
}

export interface PaperSummary {
  paperNo: string;
  paperName: string;
  /** First session of the paper (考试安排), if any. */
  sessionStart: string | null;
  sessionEnd: string | null;
  bags: BagFigures;
  /** 31·a + 26·b + 11·c + 5·d. */
  copies: number;
  /** 报考人数 from the schedule; null when not given. */
  candidates: number | null;
  /** copies − candidates; null without candidates, or at a site that keeps no intake list or no vault record (no copies to count). */
  spareCopies: number | null;
  /** Vault checkouts of this paper (dispatches excluded). */
  checkouts: number;
  /** Of those, returned (还卷时间 filled in). */
  returns: number;
  /** Bags taken out and returned (rows in 袋, or with no unit). */
  bagsOut: number;
  bagsReturned: number;
  /** Loose copies taken out, returned and still out (rows in 份). */
  copiesOut: number;
  copiesReturned: number;
  copiesStillOut: number;
  /** Dispatches to 考点 (分校 only): rows and bags. */
  dispatches: number;
  bagsDispatched: number;
  /** Bags taken out to be destroyed (a 备注 saying 销毁, model/disposal.ts): out of the vault for good, not still out. */
  bagsDestroyed: number;
  /** Rooms (考场号) the paper was handed to on 附件4, in order; a row serving two (01、02) gives both. */
  rooms: string[];
  copiesDistributed: number;
  /** Bags of checkouts not returned. */
  bagsStillOut: number;
  /** Bags taken back from below on their own intake list (a 考点's papers after the exam): in the vault again, not stock (`bags`). */
  bagsTakenBack: number;
  /** Bags the vault should hold now: intake + taken back − still out − dispatched − destroyed. */
  bagsInVault: number;
  /** The site keeps no vault record (SiteSummary.noVault): the vault's figures above are none, not 0. */
  noVault?: boolean;
  /** The site keeps no intake list (SiteSummary.noIntake): bags, copies, spare and bags in the vault are none, not 0. */
  noIntake?: boolean;
  /** The site's forms not read (SiteSummary.unread), or read but unknown for a `cause`: the figures made from them are none, not 0. */
  unread?: UnreadOf[];
  /**
   * Its figures (PAPER_COLUMNS keys) a cell of its own row leaves unknown (an error value, a count corrected beside it:
   * row-unknowns.ts), each with its form and why.
   */
  unknown?: Record<string, UnreadOf>;
}

export interface HandoverBrief {
  index: number; // in the workbook's handovers
  direction: 'in' | 'out';
  sheet: string | null;
  cell: string | null;
  time: string;
  from: string;
  to: string;
  address: string;
  contact: string;
  /** Sum of the item quantities that can be read. */
  quantity: number;
  /**
   * The cell of each compared field the sheet has (time, from, …, toSigners) and of each item row (`items[k]`,
   * at its 序号; `items[k].destination`, `items[k].quantity`, `items[k].note`): where the pairing points a disagreement, as the
   * validator does (not at the sheet's 附件1 label).
   */
  fieldCells: Record<string, string>;
  /** 合计 as written (number or text), null when empty. */
  total: Count | null;
  /** Its 交接明细 could not be read (its header row lost: SiteSummary.unread): `quantity` and `items` are none, not 0. */
  itemsUnread?: true | UnreadCause;
  items: Array<{ destination: string; quantity: Count | null; unit: string; note: string; paperNo?: string; paperName?: string }>;
  fromSigners: string[];
  toSigners: string[];
}

export interface SiteSummary {
  file: string | null;
  sha256: string | null;
  site: {
    semester: string;
    branch: string;
    school: string;
    examSite: string;
    level: string;
    /** How the unit is named: the 考点, else the 分校, else the 分部. */
    name: string;
    /** A 考点 whose 考点 is blank or shows an error value (#N/A): `name` is its 分校's, not said as the unit's (error-cells.ts). */
    unnamed?: UnnamedSite;
  };
  papers: PaperSummary[];
  totals: {
    papers: number;
    sessions: number;
    bags: BagFigures;
    copies: number;
    candidates: number;
    checkouts: number;
    returns: number;
    dispatches: number;
    bagsDispatched: number;
    /** 考场次: the rooms each session handed a paper (附件4), a room once a session and paper. */
    roomsServed: number;
    copiesDistributed: number;
    bagsStillOut: number;
    copiesStillOut: number;
  };
  outstanding: OutstandingCheckout[];
  handovers: { in: HandoverBrief[]; out: HandoverBrief[] };
  duty: DutyCoverage;
  findings: { errors: number; warnings: number; byRule: Record<string, { severity: Severity; count: number }> };
  /** Values left out of the figures because they could not be read (text counts, text times). */
  unreadable: number;
  /**
   * The workbook keeps no vault record: no row of 附件2 (intake), 附件3 (vault log) or 附件5 (duty). Its
   * vault's figures (bags, copies, spare, checkouts, custody and duty cover) are then not known, not 0 or
   * 100 %: the tables say 无保密室记录 where they would be (words.ts NO_VAULT), and the totals count none of its stock.
   */
  noVault: boolean;
  /**
   * The workbook keeps a vault record (附件3 or 5) but no intake list: no row of 附件2, of papers from above or
   * taken back from below. The figures made from it (bags, copies, spare, bags in the vault) are then not known,
   * not 0 and a spare below nothing: the tables say 无入库清单 where they would be (none-figures.ts), and the
   * totals count none of its stock; its checkouts, returns, rooms and duty are as 附件3, 4 and 5 say.
   */
  noIntake: boolean;
  /**
   * Sheets of 附件2–5 whose rows could not be read (SiteModel.unreadRows), at required-field's finding, or a figure's cell
   * showing an error value (`shows`: #N/A, error-cells.ts): their figures are none, not 0 or 100 % (附件3 未能读取,
   * none-figures.ts), in no total. Absent when every form was read.
   */
  unread?: UnreadSheet[];
  /** Where each form stands on a sheet holding several (SiteModel.sheets' spans), to name it beside the sheet (review 19a D12). */
  formSpans?: SheetForm[];
  /** Its custody runs on to a session's end its 考试安排, not read, would give (duty.ts custodyNeedsSchedule): custody and cover unknown. */
  custodySchedule?: boolean;
  /** No errors and every part read: the workbook can be handed upward. */
  ready: boolean;
}

function whole(value: Count | undefined | null, counter?: Counter): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(toHalfWidth(value))) return Number(toHalfWidth(value));
  if (counter) counter.unreadable++;
  return null;
}

const emptyBags = (): BagFigures => ({ bags31: 0, bags26: 0, bags11: 0, bags5: 0, totalBags: 0 });
const copiesOf = (b: BagFigures): number => 31 * b.bags31 + 26 * b.bags26 + 11 * b.bags11 + 5 * b.bags5;

function handoverBrief(h: Handover, index: number, direction: 'in' | 'out', model?: SiteModel): HandoverBrief {
  const loc = model?.locations[`handovers[${index}]`];
  const items = (h.items ?? []).map((i) => ({
    destination: i.destination ?? '',
    quantity: i.quantity ?? null,
    unit: i.unit ?? '',
    note: i.note ?? '',
    ...(i.paperNo !== undefined && { paperNo: i.paperNo }), // 试卷号 and 试卷名称: columns people add beside the form
    ...(i.paperName !== undefined && { paperName: i.paperName }),
  }));
  return {
    index,
    direction,
    sheet: loc?.sheet ?? null,
    cell: loc?.cell ?? null,
    time: h.time ?? '',
    from: h.from ?? '',
    to: h.to ?? '',
    address: h.address ?? '',
    contact: h.contact ?? '',
    quantity: items.reduce((s, i) => s + (whole(i.quantity) ?? 0), 0),
    fieldCells: fieldCellsOf(model, index, items.length),
    total: h.total ?? null,
    items,
    fromSigners: h.fromSigners ?? [],
    toSigners: h.toSigners ?? [],
  };
}

/* ------------------------------------------------------------------ summary */

export interface SummarizeOptions {
  file?: string | null;
  sha256?: string | null;
  /** The language of the parts that could not be read (`problems`); Chinese unless asked. */
  lang?: 'zh' | 'en';
}

function isModel(x: SiteModel | SiteData): x is SiteModel {
  return typeof (x as SiteModel).data === 'object' && typeof (x as SiteModel).locations === 'object' && Array.isArray((x as SiteModel).sheets);
}

/** The custody summary of one site workbook, given the validator's findings for it. */
export function summarizeSite(source: SiteModel | SiteData, findings: readonly Finding[] = [], options: SummarizeOptions = {}): SiteSummary {
  // A row of several 试卷号 that writes each one's count is counted as the rules check it: one record a paper (model/paper-rows.ts).
  const model = isModel(source) ? papersApart(source).model : undefined;
  const errorCells = model ? errorCellsOf(model.data, model.locations) : [];
  const data: SiteData = withoutErrorSite(withoutErrorCells(model ? model.data : (source as SiteData), errorCells)); // #N/A as empty: error-cells.ts
  const counter: Counter = { unreadable: 0 };
  const s = (model ? countedSite({ data, otherSemester: model.otherSemester }) : data.site) ?? {}; // 学期 a slip: its forms' semester
  const papers = new Map<string, PaperSummary>();
  const paper = (no: string | undefined, name: string | undefined): PaperSummary | undefined => {
    const key = paperCode(no); // versions of one paper (1304A, 1304B) are one row: model/paper-code.ts
    if (!key) return undefined;
    let p = papers.get(key);
    if (!p) {
      p = {
        // Shown as the paper's first row writes it (0304, where a number cell's 304 is the same paper).
        paperNo: shownCode(no),
        paperName: '',
        sessionStart: null,
        sessionEnd: null,
        bags: emptyBags(),
        copies: 0,
        candidates: null,
        spareCopies: null,
        checkouts: 0,
        returns: 0,
        bagsOut: 0,
        bagsReturned: 0,
        copiesOut: 0,
        copiesReturned: 0,
        copiesStillOut: 0,
        dispatches: 0,
        bagsDispatched: 0,
        bagsDestroyed: 0,
        rooms: [],
        copiesDistributed: 0,
        bagsStillOut: 0,
        bagsTakenBack: 0,
        bagsInVault: 0,
      };
      papers.set(key, p);
    }
    if (!p.paperName && name) p.paperName = name.trim();
    return p;
  };

  const sessions = new Set<string>();
  const countedBefore = candidatesCountedBefore(data.schedule ?? []);
  for (const [i, session] of (data.schedule ?? []).entries()) {
    const p = paper(session.paperNo, session.paperName);
    if (session.start) sessions.add(session.start);
    if (!p) continue;
    if (session.start && !Number.isNaN(minutesOf(session.start)) && (!p.sessionStart || session.start < p.sessionStart)) {
      p.sessionStart = session.start;
      p.sessionEnd = session.end ?? null;
    }
    const c = countedBefore.has(i) ? 0 : whole(session.candidates, counter);
    if (c !== null) p.candidates = (p.candidates ?? 0) + c;
  }

  // Stock is what came from above: a list of papers taken back from below (a 考点's, after the exam) holds papers
  // counted when they first came, back in the vault (model/deliveries.ts takenBackLists).
  const back = takenBackLists(data, minutesOf);
  for (const { item, k } of intakeLists(data).flatMap(({ list }, k) => (list.items ?? []).map((item) => ({ item, k })))) {
    const p = paper(item.paperNo, item.paperName);
    if (!p) continue;
    const a = whole(item.bags31, counter) ?? 0;
    const b = whole(item.bags26, counter) ?? 0;
    const c = whole(item.bags11, counter) ?? 0;
    const d = whole(item.bags5, counter) ?? 0;
    if (back.has(k)) {
      p.bagsTakenBack += a + b + c + d;
      continue;
    }
    p.bags.bags31 += a;
    p.bags.bags26 += b;
    p.bags.bags11 += c;
    p.bags.bags5 += d;
    p.bags.totalBags += a + b + c + d;
  }

  const custody = custodyOf(data);
  const outstanding: OutstandingCheckout[] = [];
  (data.vaultLog ?? []).forEach((row, i) => {
    const p = paper(row.paperNo, row.paperName);
    const q = whole(row.quantity, counter);
    // Back by its 还卷时间 — unless its 还卷人 says where it went (退回分校) with no keeper signing it in: then the time
    // is when it left (model/where-it-went.ts), as the checks read it.
    const returned = Boolean(row.returnedAt && String(row.returnedAt).trim()) && returnWritten(row);
    if (!p) return;
    if (custody.dispatch[i]) {
      p.dispatches++;
      p.bagsDispatched += q ?? 0;
      return;
    }
    // Out to be destroyed: no loan, never still out (a spare's supervised destruction after the exams, review 15a D7).
    if (custody.disposal[i]) {
      p.bagsDestroyed += q ?? 0;
      return;
    }
    const loose = toHalfWidth(row.unit ?? '').trim() === '份';
    p.checkouts++;
    if (loose) p.copiesOut += q ?? 0;
    else p.bagsOut += q ?? 0;
    if (returned) {
      p.returns++;
      if (loose) p.copiesReturned += q ?? 0;
      else p.bagsReturned += q ?? 0;
      if (row.returnedAt && Number.isNaN(minutesOf(row.returnedAt))) counter.unreadable++;
    } else {
      if (loose) p.copiesStillOut += q ?? 0;
      else p.bagsStillOut += q ?? 0;
      outstanding.push({
        row: model?.locations[`vaultLog[${i}]`]?.row ?? i + 1, // as printed (a page from 21), not its place in the data
        paperNo: p.paperNo,
        quantity: q,
        unit: row.unit ?? '袋',
        taker: row.taker ?? '',
        takenAt: row.takenAt ?? '',
      });
    }
  });

  const roomSessions = new Set<string>(); // 考场次: each room each session, a make-up in a room used before too (review 20b D6)
  (data.distributions ?? []).forEach((dist, d) => {
    for (const row of dist.rows ?? []) {
      const p = paper(row.paperNo, row.paperName);
      if (!p) continue;
      const copies = whole(row.copies, counter);
      // One row may serve two rooms (01、02): each counts (model/rooms.ts). A row of 0 copies
      // (本考场无此科考生) records that the room got none of this paper: it served no room.
      const rooms = copies === 0 ? [] : roomsIn(row.room);
      for (const room of rooms) if (!p.rooms.includes(room)) p.rooms.push(room);
      for (const room of rooms) roomSessions.add(`${p.paperNo}\u0000${dist.start ?? `#${d}`}\u0000${room}`);
      p.copiesDistributed += copies ?? 0;
    }
  });

  const { noIntake, noVault, unread } = noneFlagsOf(data, model, errorCells);
  const spans = (model?.sheets ?? []).filter((s) => s.span !== undefined);
  const wholes = wholeForms(unread); // a cell of one paper's row: that paper's figures only (row-unknowns.ts)
  const forms = unreadForms(wholes);
  const list = [...papers.values()];
  for (const p of list) {
    p.copies = copiesOf(p.bags);
    const unknown = paperUnknowns(unread, paperCode, p.paperNo);
    p.spareCopies =
      p.candidates === null || noIntake || forms.includes('intake') || forms.includes('schedule') || unknown?.spareCopies ? null : p.copies - p.candidates;
    if (noVault) p.noVault = true;
    else if (noIntake) p.noIntake = true;
    if (forms.length) p.unread = unreadOf(wholes);
    if (unknown) p.unknown = unknown;
    p.bagsInVault = p.bags.totalBags + p.bagsTakenBack - p.bagsStillOut - p.bagsDispatched - p.bagsDestroyed;
  }
  list.sort((a, b) => (a.sessionStart ?? '\uffff').localeCompare(b.sessionStart ?? '\uffff') || a.paperNo.localeCompare(b.paperNo));

  const bags = emptyBags();
  for (const p of list) for (const k of Object.keys(bags) as Array<keyof BagFigures>) bags[k] += p.bags[k];
  const sum = (f: (p: PaperSummary) => number) => list.reduce((acc, p) => acc + f(p), 0);

  const handovers = { in: [] as HandoverBrief[], out: [] as HandoverBrief[] };
  const itemsUnread = itemsUnreadAt(unread);
  (data.handovers ?? []).forEach((h, i) => {
    const direction = custody.direction[i];
    if (!h || !direction) return;
    const brief = handoverBrief(h, i, direction, model);
    const unreadAs = brief.sheet === null ? undefined : itemsUnread(brief.sheet, brief.cell);
    handovers[direction].push(unreadAs === undefined ? brief : { ...brief, itemsUnread: unreadAs });
  });

  const byRule: SiteSummary['findings']['byRule'] = {};
  let errors = 0;
  let warnings = 0;
  for (const f of oncePerHandover(findings)) {
    if (f.severity === 'error') errors++;
    else warnings++;
    const entry = (byRule[f.rule] ??= { severity: f.severity, count: 0 });
    entry.count++;
    if (f.severity === 'error') entry.severity = 'error';
  }
  const duty = dutyCoverage(data, counter);

  return {
    file: options.file ?? null,
    sha256: options.sha256 ?? null,
    site: siteShown(s, custody.name, model),
    papers: list,
    totals: {
      papers: list.length,
      sessions: sessions.size,
      bags,
      copies: copiesOf(bags),
      candidates: sum((p) => p.candidates ?? 0),
      checkouts: sum((p) => p.checkouts),
      returns: sum((p) => p.returns),
      dispatches: sum((p) => p.dispatches),
      bagsDispatched: sum((p) => p.bagsDispatched),
      roomsServed: roomSessions.size,
      copiesDistributed: sum((p) => p.copiesDistributed),
      bagsStillOut: sum((p) => p.bagsStillOut),
      copiesStillOut: sum((p) => p.copiesStillOut),
    },
    outstanding,
    handovers,
    duty,
    findings: { errors, warnings, byRule },
    unreadable: counter.unreadable,
    noVault,
    noIntake: noIntake && !noVault,
    ...(unread.length ? { unread } : {}),
    ...(custodyNeedsSchedule(data, unread) ? { custodySchedule: true } : {}),
    ...(spans.length ? { formSpans: spans } : {}),
    ready: errors === 0,
  };
}

/** Adds findings found later (across workbooks) to a summary's counts. */
export function addFindings(summary: SiteSummary, findings: readonly Finding[]): SiteSummary {
  for (const f of oncePerHandover(findings)) {
    if (f.severity === 'error') summary.findings.errors++;
    else summary.findings.warnings++;
    const entry = (summary.findings.byRule[f.rule] ??= { severity: f.severity, count: 0 });
    entry.count++;
    if (f.severity === 'error') entry.severity = 'error';
  }
  summary.ready = summary.findings.errors === 0;
  return summary;
}
