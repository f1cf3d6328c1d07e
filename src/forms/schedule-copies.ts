/**
 * 考试安排 kept twice: the sheet copied (“考试安排 (2)”), or the timetable typed again under its title. A copy
 * that lists no session of its own is not read (forms/workbook.ts notSchedule): the first 考试安排 is the one
 * judged. Where the copy writes another 报考人数 for a session, the officer holds two timetables that disagree
 * — one of them is wrong, and copies-short may have judged by that one — so each such cell is noted
 * (`scheduleCopy[i]`, at the copy's cell) for schedule-copies-disagree to say, naming the first's cell.
 */
import type { LocationMap } from '../model/location';
import { addLocation } from '../model/location-map';
import { paperCode } from '../model/paper-code';
import type { ScheduleCopyNote, SiteModel } from '../model/site-model';
import type { Session } from '../model/types';
import { isBlankValue, norm } from '../model/values';
import type { SheetRead } from './other-semester';

/** The first 考试安排's row of a copy's session: the same paper at the same start, or the paper's only row. */
function firstRowOf(schedule: readonly (Session | undefined)[], row: Session): number {
  const paper = paperCode(row.paperNo);
  const rows = schedule.map((s, i) => ({ s, i })).filter(({ s }) => paperCode(s?.paperNo) === paper);
  if (rows.length === 1) return rows[0].i;
  return rows.find(({ s }) => norm(s?.start) === norm(row.start))?.i ?? -1;
}

/**
 * Notes each 报考人数 of a copy of 考试安排 that differs from the first's. `locate` gives where the copy's
 * values sit, as if it were bound alone (`schedule[j].candidates`).
 */
export function noteScheduleCopies(model: SiteModel, copies: readonly SheetRead[], locate: (copy: SheetRead) => LocationMap): void {
  const schedule = model.data.schedule ?? [];
  for (const copy of copies) {
    const at = locate(copy);
    ((copy.record.rows as Session[] | undefined) ?? []).forEach((row, j) => {
      const i = firstRowOf(schedule, row);
      const first = schedule[i]?.candidates;
      if (i < 0 || isBlankValue(first) || isBlankValue(row.candidates) || norm(first) === norm(row.candidates)) return;
      const cell = at[`schedule[${j}].candidates`];
      const firstCell = model.locations[`schedule[${i}].candidates`];
      if (!cell || !firstCell) return;
      const note: ScheduleCopyNote = {
        paper: norm(row.paperNo),
        value: norm(row.candidates),
        firstSheet: firstCell.sheet,
        firstCell: firstCell.cell,
        firstValue: norm(first),
      };
      const notes = (model.scheduleCopies ??= []);
      addLocation(model.locations, `scheduleCopy[${notes.length}]`, { ...cell });
      notes.push(note);
    });
  }
}
