/**
 * Who signs a vault log row (附件3 取卷人, 还卷人), and whose roster judges
 * them. A dispatch where papers are handed down — the 省校's to a 分校, a
 * 分校's to a 考点 — is collected by the receiving unit's people
 * (《实施方案》（四）“各考点考务人员与分校（学院）卷库保管员（值班人员）在保密室内
 * 履行出入库交接”), whether or not they sign the outgoing handover that
 * carries it as its 接收人: its collector is the receiving unit's person,
 * judged by that unit's roster (across workbooks), not by a namesake on this
 * unit's — unless they sign that day's sheet as 移交人. Also what the
 * checks across workbooks need of a workbook's vault log and roster, small
 * enough to keep in a slim model (`VaultPeople`).
 */
import { carries, custodyOf, handsPapersDown } from './custody';
import type { CellLocation } from './location';
import { peopleIn, personKey, splitSignatures } from './people';
import { roleOf } from './roles';
import { toHalfWidth } from './text';
import type { SiteModel } from './site-model';
import type { SiteData } from './types';
import { norm, tm } from './values';

/** The two signatures of a vault log row that someone brings or takes papers with. */
export type VaultSigner = 'taker' | 'returner';

/** A proctor on the roster: the roster's own word for it (监考, 监考员 …) and the row that says so. */
interface RosterProctor {
  role: string;
  index: number;
}

/** A vault log row as a message names it: its 序号 on the sheet and its paper (试卷号, else 试卷名称). */
export interface RowLabel {
  row: number;
  seq: number;
  paper: string;
}

/**
 * Rows of one dispatch signed at once (a taking: `takingKey`) by people who
 * sign for the receiving unit, as the checks across workbooks judge them.
 */
export interface ReceivingTaking {
  key: VaultSigner;
  rows: RowLabel[];
  /** The cell's people of the receiving unit, each with the outgoing handover that carries the row (`handovers` index). */
  names: Array<{ name: string; handover: number }>;
}

/** What the checks across workbooks read of a workbook's vault log and roster (kept in its slim model). */
export interface VaultPeople {
  /** Its dispatches collected or brought back by the receiving unit's people, on rows this workbook does not already fault. */
  receiving: ReceivingTaking[];
  /** Its roster's proctors, by name (`personKey`): the word for the role, where the name is written and its model path. */
  proctors: Array<{ name: string; role: string; sheet: string; cell: string; path: string }>;
  /** Everyone on its roster (`personKey`): whether a dispatch's collector is this unit's person at all. */
  roster: string[];
}

/** The time a signature is made at: 取卷时间 for the taker, 还卷时间 for the returner. */
export const TIME_OF: Record<VaultSigner, 'takenAt' | 'returnedAt'> = { taker: 'takenAt', returner: 'returnedAt' };

/**
 * The rows signed at once: the same readable time and the same people in
 * the cell (several papers taken out together by one taker). Undefined when
 * the time cannot be read: nobody can tell that row went with another.
 */
export function takingKey(data: SiteData, row: number, key: VaultSigner): string | undefined {
  const r = data.vaultLog?.[row];
  const t = tm(r?.[TIME_OF[key]]);
  if (Number.isNaN(t)) return undefined;
  return `${key}|${t}|${[...peopleIn(r?.[key])].sort().join('、')}`;
}

/** Items in groups of equal key, each group where its first item is; an item without a key is a group of its own. */
export function groupsOf<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined): T[][] {
  const groups: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const known = key === undefined || key === null ? undefined : byKey.get(key);
    if (known) {
      known.push(item);
      continue;
    }
    const fresh = [item];
    groups.push(fresh);
    if (key !== undefined && key !== null) byKey.set(key, fresh);
  }
  return groups;
}

/** The roster's word for 监考人员 on one of its rows (监考, 监考员 …); null for a row in other roles only, undefined for one without a role. */
function proctorWord(data: SiteData, index: number): string | null | undefined {
  let other: null | undefined;
  for (const role of data.staff?.[index]?.roles ?? NO_ROLES) {
    const read = roleOf(role);
    if (read === '监考人员') return role;
    if (read) other = null;
  }
  return other;
}

/**
 * The roster's word for `name` being a proctor (their first row that says so), undefined when none says so — or
 * when another row of that name is in other roles only: two people of one name, a proctor and, say, a 考务人员,
 * whose signature no one can tell apart, so not judged a proctor's (附件3 备注 3 bars proctors, not their namesakes).
 */
function rosterProctor(data: SiteData, name: string): RosterProctor | undefined {
  // Asked of every signature of a log: no array or closure made for a name off the roster or a row without roles.
  const rows = custodyOf(data).roster.get(name);
  if (!rows) return undefined;
  let proctor: RosterProctor | undefined;
  for (const index of rows) {
    const role = proctorWord(data, index);
    if (role === null) return undefined;
    if (role !== undefined && !proctor) proctor = { role, index };
  }
  return proctor;
}

/** A name on two or more roster rows, some a proctor's and some in other roles only: who signs as it cannot be told. */
export interface Namesakes {
  name: string;
  /** The first row that names a proctor (`staff` index). */
  proctor: RosterProctor;
  /** Every row of the name (`staff` indexes). */
  rows: readonly number[];
  /** The vault log rows where the name takes or returns papers as this unit's person. */
  signed: readonly number[];
}

/**
 * The roster's names shared by a proctor and someone in other roles only (rosterProctor judges neither a proctor),
 * where the name takes or returns papers at this unit's vault: the signatures no one can tell apart.
 */
export function proctorNamesakes(data: SiteData): Namesakes[] {
  const out: Namesakes[] = [];
  for (const [name, rows] of custodyOf(data).roster) {
    if (rows.length < 2) continue;
    const words = rows.map((index) => proctorWord(data, index));
    const first = words.findIndex((word) => typeof word === 'string');
    if (first < 0 || !words.includes(null)) continue;
    const signed = (data.vaultLog ?? []).flatMap((r, row) =>
      r && (['taker', 'returner'] as const).some((key) => peopleIn(r[key]).includes(name)) && receivingSide(data, row, name) === undefined ? [row] : [],
    );
    if (signed.length > 0) out.push({ name, proctor: { role: words[first] as string, index: rows[first] }, rows, signed });
  }
  return out;
}

const NO_ROLES: readonly string[] = [];

type Side = 'fromSigners' | 'toSigners';
const SIGNERS: Record<Side, WeakMap<SiteData, Map<string, Array<{ handover: number; t: number }>>>> = {
  fromSigners: new WeakMap(),
  toSigners: new WeakMap(),
};

/** Who signs each outgoing handover on `side` (移交人, 接收人), by name, worked out once per workbook. */
function outgoingSigners(data: SiteData, side: Side): Map<string, Array<{ handover: number; t: number }>> {
  const known = SIGNERS[side].get(data);
  if (known) return known;
  const { direction } = custodyOf(data);
  const byName = new Map<string, Array<{ handover: number; t: number }>>();
  (data.handovers ?? []).forEach((h, handover) => {
    if (direction[handover] !== 'out' || !h) return;
    const t = tm(h.time);
    for (const name of (h[side] ?? []).flatMap((n) => peopleIn(n))) byName.set(name, [...(byName.get(name) ?? []), { handover, t }]);
  });
  SIGNERS[side].set(data, byName);
  return byName;
}

/**
 * Whose person `name` is on vault log row `row`. On a dispatch where papers
 * are handed down, whoever collects it (or brings it back) is the receiving
 * unit's (《实施方案》（四）“各考点考务人员与分校（学院）卷库保管员……履行出入库
 * 交接”; DOMAIN: a 考点's takers at a 分校's vault are not the 分校's people),
 * unless they sign an outgoing sheet that carries it (the same day, or the
 * day after an evening checkout; either time unreadable, any) as 移交人:
 * then they are this unit's. For the receiving unit's person, the handover
 * that carries the row, to find that unit's roster across workbooks: the one
 * they sign as 接收人, else the dispatch's own sheet (custody.ts `movement`),
 * undefined when it has none. Undefined for this unit's people.
 */
function receivingSide(data: SiteData, row: number, name: string): { handover: number | undefined } | undefined {
  const { level, dispatch, movement } = custodyOf(data);
  if (!handsPapersDown(level) || !dispatch[row]) return undefined;
  const t = tm(data.vaultLog?.[row]?.takenAt);
  const carrying = (s: { t: number }) => Number.isNaN(t) || Number.isNaN(s.t) || carries(s.t, t);
  if (outgoingSigners(data, 'fromSigners').get(name)?.some(carrying)) return undefined;
  return { handover: outgoingSigners(data, 'toSigners').get(name)?.find(carrying)?.handover ?? movement[row] };
}

const ROLE_AFTER = /[(]([^()]*)[)]|\s+(\S+)/g;

/** The proctor's word a signature cell writes after `name` (何军（监考）, 何军 监考员), undefined when it writes none. */
function writtenProctor(cell: unknown, name: string): string | undefined {
  if (cell === undefined || cell === null) return undefined;
  // Every word for 监考人员 (model/roles.ts) has 监 in it: a cell without one writes none (50,000 rows: 40 ms saved).
  if (!String(cell).includes('监')) return undefined;
  // Quoted as written: split as typed (splitSignatures reads both bracket widths), the role read half-width.
  for (const signature of splitSignatures(String(cell))) {
    if (personKey(signature) !== name) continue;
    for (const m of toHalfWidth(signature).matchAll(ROLE_AFTER)) if (roleOf(m[1] ?? m[2]) === '监考人员') return signature;
  }
  return undefined;
}

/** A signer this workbook alone faults: a proctor by its roster (`role`, the roster's word), or by the cell's own word (`written`, the signature). */
export type ProctorHere = { name: string; role: string; written?: undefined } | { name: string; role?: undefined; written: string };

/**
 * The first person a signature cell names who is a proctor on this unit's
 * roster and is this unit's person (`receivingSide`), else the first the
 * cell itself writes as a proctor (何军（监考）): the one this workbook alone
 * can fault. A dispatch's collector is not faulted by a namesake on this roster.
 */
export function proctorHere(data: SiteData, row: number, key: VaultSigner): ProctorHere | undefined {
  const cell = data.vaultLog?.[row]?.[key];
  const names = peopleIn(cell);
  for (const name of names) {
    const proctor = rosterProctor(data, name);
    if (proctor && receivingSide(data, row, name) === undefined) return { name, role: proctor.role };
  }
  for (const name of names) {
    const written = writtenProctor(cell, name);
    if (written) return { name, written };
  }
  return undefined;
}

/** The vault log row's 序号 as the sheet numbers it, and its paper as a message names it. */
export function rowLabel(model: Pick<SiteModel, 'data' | 'locations'>, row: number): RowLabel {
  const r = model.data.vaultLog?.[row];
  // A row without its paper (required-field asks for it) is still one the message counts.
  return { row, seq: model.locations[`vaultLog[${row}]`]?.row ?? row + 1, paper: norm(r?.paperNo) || norm(r?.paperName) || '（未填）' };
}

const MEMO = new WeakMap<SiteData, VaultPeople>();

/**
 * What the checks across workbooks need of a workbook's vault log and roster:
 * kept in its slim model, else worked out from the model (once per workbook).
 */
export function vaultPeopleOf(model: Pick<SiteModel, 'data' | 'locations' | 'vaultPeople'>): VaultPeople {
  if (model.vaultPeople) return model.vaultPeople;
  const known = MEMO.get(model.data);
  if (known) return known;
  const people = { receiving: receivingTakings(model), proctors: proctorsOf(model), roster: [...custodyOf(model.data).roster.keys()] };
  MEMO.set(model.data, people);
  return people;
}

/**
 * The model paths the checks across workbooks may report at (`vaultLog[3].taker`): a taking's first row; every row
 * of a return, which is reported at the first row whose taker is not faulted. A slim model keeps their locations.
 */
export function vaultPeoplePaths(people: VaultPeople): string[] {
  const rows = people.receiving.flatMap(({ key, rows }) => (key === 'taker' ? rows.slice(0, 1) : rows).map(({ row }) => `vaultLog[${row}].${key}`));
  // A proctor who collects another unit's papers is said on their own unit's roster row too.
  return [...rows, ...people.proctors.map((p) => p.path)];
}

/** Locations of `paths` in `model`, for a slim model that keeps no table. */
export function locationsOf(model: Pick<SiteModel, 'locations'>, paths: readonly string[]): Array<[string, CellLocation]> {
  return paths.flatMap((path): Array<[string, CellLocation]> => (model.locations[path] ? [[path, model.locations[path]]] : []));
}

/** The dispatches collected by the receiving unit's people, by taking, on rows this workbook does not fault (one finding a row). */
function receivingTakings(model: Pick<SiteModel, 'data' | 'locations'>): ReceivingTaking[] {
  const data = model.data;
  const { level, dispatch } = custodyOf(data);
  if (!handsPapersDown(level)) return [];
  const signatures: Array<{ key: VaultSigner; row: number; names: ReceivingTaking['names'] }> = [];
  (data.vaultLog ?? []).forEach((r, row) => {
    if (!r || !dispatch[row] || proctorHere(data, row, 'taker') || proctorHere(data, row, 'returner')) return;
    for (const key of ['taker', 'returner'] as const) {
      const names = peopleIn(r[key]).flatMap((name) => {
        const handover = receivingSide(data, row, name)?.handover;
        return handover === undefined ? [] : [{ name, handover }];
      });
      if (names.length > 0) signatures.push({ key, row, names });
    }
  });
  // The rows of one taking have the same people at the same time: the same handover carries them.
  return groupsOf(signatures, (s) => takingKey(data, s.row, s.key)).map((group) => ({
    key: group[0].key,
    rows: group.map((s) => rowLabel(model, s.row)),
    names: group[0].names,
  }));
}

/** The roster's proctors (each person once), with where their name is written. */
function proctorsOf(model: Pick<SiteModel, 'data' | 'locations'>): VaultPeople['proctors'] {
  const out: VaultPeople['proctors'] = [];
  for (const name of custodyOf(model.data).roster.keys()) {
    const proctor = rosterProctor(model.data, name);
    if (!proctor) continue;
    const named = `staff[${proctor.index}].name`;
    const path = model.locations[named] ? named : `staff[${proctor.index}]`;
    const at = model.locations[path];
    out.push({ name, role: proctor.role, sheet: at?.sheet ?? '', cell: at?.cell ?? '', path });
  }
  return out;
}
