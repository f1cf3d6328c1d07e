/**
 * Date-times whose cell's format does not show their time (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, General prints 45458.40625. The readers give such a value as a HiddenTimeDate or a SerialShownDate
 * (model/number-format.ts); it is read with its time like any date, and the paths read from those cells are listed
 * for time-not-shown to say what the print shows.
 */
import { a1, HiddenTimeDate, SerialShownDate, type WorkbookGrid } from '../model/grid';
import type { SiteModel } from '../model/site-model';

/**
 * Lists in `model.timeNotShown` every path read from a cell holding a HiddenTimeDate, in `model.serialShown` every
 * one from a cell holding a SerialShownDate (none: nothing listed).
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
