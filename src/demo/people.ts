/** The people of a sample unit (its roster) and its day and night duty shifts. */
import { isoFromMinutes, minutesOf } from '../model/datetime';
import type { Shift, StaffMember } from '../model/types';
import { makeNamer } from './random';

export interface SitePeople {
  chief: string;
  affairs: [string, string];
  keeper: string;
  guard: string;
  proctors: string[];
  escorts: [string, string];
}

export function roster(p: SitePeople): StaffMember[] {
  const member = (name: string, roles: string[]): StaffMember => ({
    name,
    roles,
    formalStaff: true,
    candidateRelative: false,
    pledgeSigned: true,
  });
  return [
    member(p.chief, ['主考']),
    member(p.affairs[0], ['考务人员', '交接人员']),
    member(p.affairs[1], ['考务人员', '交接人员']),
    member(p.escorts[0], ['押运人员', '交接人员']),
    member(p.escorts[1], ['押运人员', '交接人员']),
    member(p.keeper, ['卷库保管员', '值班人员']),
    member(p.guard, ['值班人员', '监控人员']),
    ...p.proctors.map((name) => member(name, ['监考人员'])),
  ];
}

export function people(random: () => number, proctors: number): SitePeople {
  const name = makeNamer(random, new Set());
  return {
    chief: name(),
    affairs: [name(), name()],
    keeper: name(),
    guard: name(),
    escorts: [name(), name()],
    proctors: Array.from({ length: Math.max(2, proctors) }, name),
  };
}

/* ------------------------------------------------------------------ duty */

/** Day (08:00–20:00) and night (20:00–08:00) shifts from `from` (rounded down to the hour) past `until`. */
export function dutyShifts(from: string, until: string, pair: [string, string]): Shift[] {
  const shifts: Shift[] = [];
  let start = Math.floor(minutesOf(from) / 60) * 60;
  const end = minutesOf(until);
  let turn = 0;
  while (start < end || shifts.length === 0) {
    const hour = Math.floor((start % 1440) / 60);
    const day = hour >= 8 && hour < 20;
    const dayStart = start - (start % 1440);
    const next = day ? dayStart + 20 * 60 : hour >= 20 ? dayStart + 1440 + 8 * 60 : dayStart + 8 * 60;
    shifts.push({
      kind: day ? '日间' : '夜间',
      from: isoFromMinutes(start),
      to: isoFromMinutes(next),
      record: shifts.length === 0 ? '试卷入库，双人在场，保密柜已上锁并贴封条' : day ? '按场次出入库，监控正常，无异常' : '夜间巡查，监控正常，无异常',
      handedOverBy: pair[turn % 2],
      takenOverBy: pair[(turn + 1) % 2],
    });
    turn++;
    start = next;
  }
  return shifts;
}
