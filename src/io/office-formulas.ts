/**
 * The formulas of the open workbook's cells, read by office-grid.ts with the values of each chunk, in the same sync:
 * a value a formula shows is told from one a person typed (forms/filled-formulas.ts: a formula dragged down over a
 * table's empty rows fills it in, it is no record), as the xlsx readers and WPS tell it.
 *
 * `Range.formulas` (ExcelApi 1.1) answers a formula's text for a formula and the value for any other cell, so asked
 * of a whole chunk it doubles the answer. With ExcelApi 1.9 the used-range sync also asks each sheet where its
 * formulas are (getSpecialCellsOrNullObject('Formulas'): its areas' address), and a chunk asks the formulas of those
 * areas alone — a sheet without formulas asks none, a dragged column asks that column. Without 1.9 (Excel 2016/2019,
 * desktop only, where a sync has no size cap) every chunk asks its formulas whole.
 */
import { type CellValue, type RangeBox, type SheetGrid, a1, parseRange } from '../model/grid';

/** Where a sheet's formulas are (rectangles, 0-based); [] none; undefined not known (every chunk asks its own). */
export type FormulaPlaces = RangeBox[] | undefined;

/** The rectangles of a RangeAreas' address ("'附件4'!C7:C13,'附件4'!E5"), single cells kept; sheet names may hold commas. */
function areaBoxes(address: string | null | undefined): RangeBox[] {
  if (!address) return [];
  const out: RangeBox[] = [];
  for (const m of address.matchAll(/!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(?=,|$)/g)) {
    const box = parseRange(m[1].replace(/\$/g, ''));
    if (box) out.push(box);
  }
  return out;
}

/** A sheet's formula areas as answered (isNullObject, address, areaCount loaded): undefined when not asked, or when its address does not give every area. */
export function formulaPlaces(areas: Excel.RangeAreas | undefined): FormulaPlaces {
  if (!areas) return undefined;
  if (areas.isNullObject) return [];
  const boxes = areaBoxes(areas.address);
  return boxes.length === areas.areaCount ? boxes : undefined;
}

/** One rectangle of a chunk whose formulas are asked. */
export interface FormulaRead {
  row: number;
  col: number;
  range: Excel.Range;
}

/** More areas than this in one chunk: its formulas are asked whole, one range rather than many. */
const MOST_AREAS = 64;

/**
 * What a chunk (`box`, its range `whole`) asks for its formulas: the areas of `places` within it, or the chunk whole
 * (places not known, or too many); `cells` asked.
 */
export function formulaReads(
  box: RangeBox,
  whole: Excel.Range,
  places: FormulaPlaces,
  rangeAt: (row: number, col: number, rows: number, cols: number) => Excel.Range,
): { reads: FormulaRead[]; cells: number } {
  const cellsOf = (b: RangeBox) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  const inside: RangeBox[] = [];
  for (const p of places ?? []) {
    const b = { top: Math.max(p.top, box.top), left: Math.max(p.left, box.left), bottom: Math.min(p.bottom, box.bottom), right: Math.min(p.right, box.right) };
    if (b.top <= b.bottom && b.left <= b.right) inside.push(b);
  }
  if (places === undefined || inside.length > MOST_AREAS) return { reads: [{ row: box.top, col: box.left, range: whole }], cells: cellsOf(box) };
  return {
    reads: inside.map((b) => ({ row: b.top, col: b.left, range: rangeAt(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1) })),
    cells: inside.reduce((n, b) => n + cellsOf(b), 0),
  };
}

/**
 * The formulas answered into the grid, as the xlsx reader gives them: a formula showing a value in shownFormulas;
 * one showing nothing, 0 or FALSE (which the xlsx reader, as exceljs, reads as no cached value) in formulas — its
 * cell kept in its row, its value (0, FALSE) as Excel worked it out. A text typed as '=… is a value, not a formula.
 */
export function takeFormulas(reads: readonly FormulaRead[] | undefined, grid: SheetGrid): void {
  for (const read of reads ?? []) {
    (read.range.formulas as unknown[][]).forEach((line, r) =>
      line.forEach((f, c) => {
        if (typeof f !== 'string' || !f.startsWith('=')) return;
        const row = (grid.rows[read.row + r] ??= []);
        const col = read.col + c;
        const v: CellValue = row[col] ?? null;
        if (v === f) return;
        const key = a1(read.row + r, col);
        if (v === null || v === 0 || v === false) {
          (grid.formulas ??= {})[key] = f.slice(1);
          while (row.length <= col) row.push(null);
        } else (grid.shownFormulas ??= {})[key] = f.slice(1);
      }),
    );
  }
}
