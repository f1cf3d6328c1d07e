/**
 * Who signs a vault log row (附件3 取卷人, 还卷人), and whose roster judges
 * them. A dispatch where papers are handed down — the 省校's to a 分校, a
 * 分校's to a 考点 — is collected by the receiving unit's people
 * (《实施方案》（四）“各考点考务人员与分校（学院）卷库保管员（值班人员）在保密室内
 * 履行出入库交接”), who sign the outgoing handover that carries it as its
 * 接收人: such a signer is the receiving unit's person, judged by that unit's
 * roster (across workbooks), not by a namesake on this unit's. Also what the
 * checks across workbooks need of a workbook's vault log and roster, small
 * enough to keep in a slim model (`VaultPeople`).
 */
import { carries, custodyOf, handsPapersDown } from './custody';
import type { CellLocation } from './location';
import { peopleIn } from './people';
import { roleOf } from './roles';
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
  /** The cell's people who sign the receiving side, each with that outgoing handover (`handovers` index). */
  names: Array<{ name: string; handover: number }>;
}

/** What the checks across workbooks read of a workbook's vault log and roster (kept in its slim model). */
export interface VaultPeople {
  /** Its dispatches signed by the receiving unit's people, on rows this workbook's own roster does not already fault. */
  receiving: ReceivingTaking[];
  /** Its roster's proctors, by name (`personKey`): the word for the role, and where the name is written. */
  proctors: Array<{ name: string; role: string; sheet: string; cell: string }>;
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

/** The roster's word for `name` being a proctor (any of their rows), undefined when none says so. */
function rosterProctor(data: SiteData, name: string): RosterProctor | undefined {
  for (const index of custodyOf(data).roster.get(name) ?? []) {
    const role = (data.staff?.[index]?.roles ?? []).find((word) => roleOf(word) === '监考人员');
    if (role !== undefined) return { role, index };
  }
  return undefined;
}

const RECEIVERS = new WeakMap<SiteData, Map<string, Array<{ handover: number; t: number }>>>();

/** Who signs each outgoing handover as its 接收人, by name, worked out once per workbook. */
function receiversOf(data: SiteData): Map<string, Array<{ handover: number; t: number }>> {
  const known = RECEIVERS.get(data);
  if (known) return known;
  const { direction } = custodyOf(data);
  const byName = new Map<string, Array<{ handover: number; t: number }>>();
  (data.handovers ?? []).forEach((h, handover) => {
    if (direction[handover] !== 'out' || !h) return;
    const t = tm(h.time);
    for (const name of (h.toSigners ?? []).flatMap((n) => peopleIn(n))) byName.set(name, [...(byName.get(name) ?? []), { handover, t }]);
  });
  RECEIVERS.set(data, byName);
  return byName;
}

/**
 * The outgoing handover `name` signs as 接收人 for vault log row `row`, when
 * the row is a dispatch where papers are handed down: one that carries the
 * checkout (the same day, or the day after an evening checkout), or where
 * either time cannot be read, any. Undefined otherwise: the person is judged
 * by this unit's roster.
 */
function receivingHandover(data: SiteData, row: number, name: string): number | undefined {
  const { level, dispatch } = custodyOf(data);
  if (!handsPapersDown(level) || !dispatch[row]) return undefined;
  const signed = receiversOf(data).get(name);
  if (!signed) return undefined;
  const t = tm(data.vaultLog?.[row]?.takenAt);
  return signed.find((s) => Number.isNaN(t) || Number.isNaN(s.t) || carries(s.t, t))?.handover;
}

/**
 * The first person a signature cell names who is a proctor on this unit's
 * roster and does not sign for the receiving unit (`receivingHandover`):
 * the one this workbook alone can fault.
 */
export function proctorHere(data: SiteData, row: number, key: VaultSigner): { name: string; role: string } | undefined {
  for (const name of peopleIn(data.vaultLog?.[row]?.[key])) {
    const proctor = rosterProctor(data, name);
    if (proctor && receivingHandover(data, row, name) === undefined) return { name, role: proctor.role };
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
  const people = { receiving: receivingTakings(model), proctors: proctorsOf(model) };
  MEMO.set(model.data, people);
  return people;
}

/**
 * The model paths the checks across workbooks may report at (`vaultLog[3].taker`): a taking's first row; every row
 * of a return, which is reported at the first row whose taker is not faulted. A slim model keeps their locations.
 */
export function vaultPeoplePaths(people: VaultPeople): string[] {
  return people.receiving.flatMap(({ key, rows }) => (key === 'taker' ? rows.slice(0, 1) : rows).map(({ row }) => `vaultLog[${row}].${key}`));
}

/** Locations of `paths` in `model`, for a slim model that keeps no table. */
export function locationsOf(model: Pick<SiteModel, 'locations'>, paths: readonly string[]): Array<[string, CellLocation]> {
  return paths.flatMap((path): Array<[string, CellLocation]> => (model.locations[path] ? [[path, model.locations[path]]] : []));
}

/** The dispatches signed by the receiving unit's people, by taking, on rows this roster does not fault (one finding a row). */
function receivingTakings(model: Pick<SiteModel, 'data' | 'locations'>): ReceivingTaking[] {
  const data = model.data;
  const { level, dispatch } = custodyOf(data);
  if (!handsPapersDown(level)) return [];
  const signatures: Array<{ key: VaultSigner; row: number; names: ReceivingTaking['names'] }> = [];
  (data.vaultLog ?? []).forEach((r, row) => {
    if (!r || !dispatch[row] || proctorHere(data, row, 'taker') || proctorHere(data, row, 'returner')) return;
    for (const key of ['taker', 'returner'] as const) {
      const names = peopleIn(r[key]).flatMap((name) => {
        const handover = receivingHandover(data, row, name);
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
    const at = model.locations[`staff[${proctor.index}].name`] ?? model.locations[`staff[${proctor.index}]`];
    out.push({ name, role: proctor.role, sheet: at?.sheet ?? '', cell: at?.cell ?? '' });
  }
  return out;
}
