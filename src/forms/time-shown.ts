/**
 * Date-times whose cell's format shows the day alone (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15. The readers give such a value as a HiddenTimeDate (model/number-format.ts asShown); it is read with its
 * time like any date, and the paths read from those cells are listed for time-not-shown to say the print hides it.
 */
import { a1, HiddenTimeDate, type WorkbookGrid } from '../model/grid';
import type { SiteModel } from '../model/site-model';

/** Lists in `model.timeNotShown` every path read from a cell holding a HiddenTimeDate (none: nothing listed). */
export function noteTimesNotShown(model: SiteModel, grid: WorkbookGrid): void {
  const cells = new Set<string>();
  for (const sheet of grid.sheets) {
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c] instanceof HiddenTimeDate) cells.add(`${sheet.name}!${a1(r, c)}`);
    }
  }
  // Rare: the locations (700,000 for a log of 50,000 rows) are gone through only when there is such a cell.
  if (cells.size === 0) return;
  const paths = Object.entries(model.locations)
    .filter(([, loc]) => cells.has(`${loc.sheet}!${loc.cell}`))
    .map(([path]) => path);
  if (paths.length) model.timeNotShown = paths;
}
