/**
 * Date-times whose cell's format does not show their time (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, General prints 45458.40625. The readers give such a value as a HiddenTimeDate or a SerialShownDate
 * (model/number-format.ts); it is read with its time like any date, and the paths read from those cells are listed
 * for time-not-shown to say what the print shows.
 */
import { a1, HiddenTimeDate, SerialShownDate, type WorkbookGrid } from '../model/grid';
import { isWholeDateSerial } from '../model/number-format';
import { readFromTimetable } from '../model/labels';
import type { SiteModel } from '../model/site-model';

/** The fields that ask for a day alone: 附件4's 日期, and 考试安排's 考试日期 where the timetable has its own 考试时间. */
const DAY_FIELD = /^(?:distributions\[\d+\]\.start|schedule\[(\d+)\]\.start)$/;

/**
 * Lists in `model.timeNotShown` every path read from a cell holding a HiddenTimeDate, in `model.serialShown` every
 * one from a cell holding a SerialShownDate, in `model.dayShownAsNumber` every field asking for a day alone read from
 * a whole serial (45458: a datetime field reads it as a day without its time, invalid-datetime's); none: nothing listed.
 */
export function noteTimesNotShown(model: SiteModel, grid: WorkbookGrid): void {
  const hidden = new Set<string>();
  const serial = new Set<string>();
  const whole = new Set<string>();
  for (const sheet of grid.sheets) {
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof HiddenTimeDate) hidden.add(`${sheet.name}!${a1(r, c)}`);
        else if (v instanceof SerialShownDate) serial.add(`${sheet.name}!${a1(r, c)}`);
        else if (isWholeDateSerial(v)) whole.add(`${sheet.name}!${a1(r, c)}`);
      }
    }
  }
  // Rare: the locations (700,000 for a log of 50,000 rows) are gone through only when there is such a cell.
  if (hidden.size + serial.size + whole.size === 0) return;
  const timeNotShown: string[] = [];
  const serialShown: string[] = [];
  const dayShownAsNumber: string[] = [];
  for (const [path, loc] of Object.entries(model.locations)) {
    const at = `${loc.sheet}!${loc.cell}`;
    if (hidden.has(at)) timeNotShown.push(path);
    else if (serial.has(at)) serialShown.push(path);
    else if (whole.has(at) && isDayField(model, path)) dayShownAsNumber.push(path);
  }
  if (timeNotShown.length) model.timeNotShown = timeNotShown;
  if (serialShown.length) model.serialShown = serialShown;
  if (dayShownAsNumber.length) model.dayShownAsNumber = dayShownAsNumber;
}

/** A field that asks for a day alone (a 考试日期 only where its row's times come from 考试时间: else it holds the start). */
function isDayField(model: SiteModel, path: string): boolean {
  const m = DAY_FIELD.exec(path);
  return m !== null && (m[1] === undefined || readFromTimetable(model.locations, Number(m[1])));
}
