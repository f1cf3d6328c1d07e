/**
 * Cells a form read whose formula was saved without its value (what scripts and some WPS versions save) and cannot be
 * worked out here (formula.ts: a function it does not know, or a formula referring to itself). Such a cell is not
 * blank — the officer sees a value there, or Excel's circular-reference warning — so it is said as what it is, once a
 * sheet (review 18a D3), and no other check calls it empty.
 */
import { FORM_OF_KEY } from '../model/labels';
import { addLocation, pathAt } from '../model/location-map';
import { type WorkbookGrid, parseA1 } from '../model/grid';
import type { SiteModel } from '../model/site-model';
import { type UnsolvedCells, withWholeSheets } from './formula';

const ATTACHMENT = new Map(Object.values(FORM_OF_KEY).map((f) => [f.form, f.attachment]));

/** `read` over the grid, each formula worked out once on its whole sheet (formula.ts), the cells it could not noted. */
export function readWithFormulas(grid: WorkbookGrid, read: (grid: WorkbookGrid) => SiteModel): SiteModel {
  return withWholeSheets(grid.sheets, (asked) => noteUnsolved(read(grid), asked));
}

/** Notes the cells in `asked` on sheets read as a form (model.unsolvedFormulas), a cycle's first; gives the model. */
function noteUnsolved(model: SiteModel, asked: UnsolvedCells): SiteModel {
  for (const [sheet, cells] of asked) {
    const form = model.sheets.find((s) => s.sheet === sheet && s.form !== null)?.form;
    if (!form) continue;
    for (const why of ['cycle', 'unknown'] as const) {
      const list = [...cells].filter(([, w]) => w === why).map(([cell]) => ({ cell, at: parseA1(cell)! }));
      if (list.length === 0) continue;
      list.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
      const groups = (model.unsolvedFormulas ??= []);
      // In a table row (取卷时间 of 序号 2), that row's 序号, as every finding on a row gives it; a header or footer field's, none.
      const path = pathAt(model.locations, sheet, list[0].cell);
      const row = path === undefined ? null : (model.locations[path]?.row ?? null);
      addLocation(model.locations, `unsolvedFormulas[${groups.length}]`, { sheet, cell: list[0].cell, form: ATTACHMENT.get(form) ?? 0, row });
      groups.push({ sheet, why, cells: list.map((c) => c.cell) });
    }
  }
  return model;
}
