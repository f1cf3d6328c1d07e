/**
 * Date-times whose cell's format does not show their time (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, General prints 45458.40625. The readers give such a value as a HiddenTimeDate or a SerialShownDate
 * (model/number-format.ts); it is read with its time like any date, and the paths read from those cells are listed
 * for time-not-shown to say what the print shows.
 */
import { a1, HiddenTimeDate, SerialShownDate, parseA1, type WorkbookGrid } from '../model/grid';
import { isWholeDateSerial } from '../model/number-format';
import { readFromTimetable } from '../model/labels';
import type { SiteModel } from '../model/site-model';

/**
 * Lists in `model.timeNotShown` every path read from a cell holding a HiddenTimeDate, in `model.serialShown` every
 * one from a cell holding a SerialShownDate, in `model.dayShownAsNumber` every field asking for a day alone read from
 * a whole serial (45458: a datetime field reads it as a day without its time, invalid-datetime's); none: nothing listed.
 */
export function noteTimesNotShown(model: SiteModel, grid: WorkbookGrid): void {
  const hidden = new Set<string>();
  const serial = new Set<string>();
  for (const sheet of grid.sheets) {
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof HiddenTimeDate) hidden.add(`${sheet.name}!${a1(r, c)}`);
        else if (v instanceof SerialShownDate) serial.add(`${sheet.name}!${a1(r, c)}`);
      }
    }
  }
  noteDaysShownAsNumbers(model, grid);
  // Rare: the locations (700,000 for a log of 50,000 rows) are gone through only when there is such a cell.
  if (hidden.size + serial.size === 0) return;
  const timeNotShown: string[] = [];
  const serialShown: string[] = [];
  for (const [path, loc] of Object.entries(model.locations)) {
    const at = `${loc.sheet}!${loc.cell}`;
    if (hidden.has(at)) timeNotShown.push(path);
    else if (serial.has(at)) serialShown.push(path);
  }
  if (timeNotShown.length) model.timeNotShown = timeNotShown;
  if (serialShown.length) model.serialShown = serialShown;
}

/**
 * Lists in `model.dayShownAsNumber` the fields asking for a day alone whose cell holds a whole serial: asked of those
 * few fields' cells, not of every cell (a 序号 column of a long log runs through such numbers: 36526 and on).
 */
function noteDaysShownAsNumbers(model: SiteModel, grid: WorkbookGrid): void {
  const days: string[] = [];
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const ask = (path: string) => {
    const at = model.locations[path];
    const cell = at?.cell ? parseA1(at.cell) : undefined;
    if (cell && isWholeDateSerial(sheets.get(at!.sheet)?.rows[cell.row]?.[cell.col])) days.push(path);
  };
  (model.data.distributions ?? []).forEach((_d, i) => ask(`distributions[${i}].start`));
  // A 考试日期 only where its row's times come from 考试时间: else the cell holds the start itself.
  (model.data.schedule ?? []).forEach((_s, i) => readFromTimetable(model.locations, i) && ask(`schedule[${i}].start`));
  if (days.length) model.dayShownAsNumber = days;
}
