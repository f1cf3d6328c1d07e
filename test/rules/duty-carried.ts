/** Test sites' 值班记录 carried on to a later day, as the sites' own shifts run (day 08–18, night 18–08). */
import type { Shift } from '../../src/model/types';

const pad = (n: number) => String(n).padStart(2, '0');
/** `2025-01-18T08:00` → the minutes since the epoch (UTC, as a wall clock). */
const minutesOf = (t: string) => Date.parse(`${t}:00Z`) / 60_000;
const wallClock = (m: number) => {
  const d = new Date(m * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/**
 * The shifts with the last one (which must begin at 08:00 or 18:00) carried on, day and night, to `until` (as they are
 * when they reach it already): the last shift's 交班人 hands over as before, and `keepers` take over in turn.
 */
export function dutyUntil(shifts: readonly Shift[], keepers: readonly string[], until: string): Shift[] {
  const last = shifts[shifts.length - 1];
  if (minutesOf(until) <= minutesOf(last.to!)) return [...shifts];
  const more: Shift[] = [];
  let by = last.handedOverBy!;
  const end = minutesOf(until);
  for (let from = minutesOf(last.from!); from < end;) {
    const day = new Date(from * 60_000).getUTCHours() === 8;
    const to = Math.min(from + (day ? 600 : 840), end);
    const next = keepers[(keepers.indexOf(by) + 1) % keepers.length];
    more.push({ kind: day ? '日间' : '夜间', from: wallClock(from), to: wallClock(to), record: '无异常', handedOverBy: by, takenOverBy: next });
    [by, from] = [next, to];
  }
  return [...shifts.slice(0, -1), ...more];
}
