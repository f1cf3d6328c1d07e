/** Shared test helpers: the fixture workbook as bytes, as an exceljs grid, as a fake Excel workbook. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { CalendarDate, HiddenTimeDate, a1, type WorkbookGrid } from '../../src/model/grid';
import { serialFromWallClock, wallClockFromDate } from '../../src/model/datetime';
import type { SiteData } from '../../src/model/types';
import { FakeSheet, Value, fakeSheet } from './fake-excel';

export const ROOT = path.join(__dirname, '..', '..');

export function fixture(name = 'kaodian.json'): SiteData {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8')) as SiteData;
}

export async function workbookBytes(data: SiteData): Promise<Buffer> {
  return fillWorkbook(data);
}

export async function exceljsGrid(bytes: Buffer): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return gridFromWorkbook(wb);
}

/** What Excel would hold for a grid: its formulas, dates as serial numbers (a date typed alone, or one whose time is hidden, shown without its time), blanks empty. */
export function fakeSheetsFromGrid(grid: WorkbookGrid): FakeSheet[] {
  return grid.sheets.map((s) => {
    const formats = new Map<string, string>();
    const rows: Value[][] = s.rows.map((row, r) =>
      (row ?? []).map((v, c) => {
        if (v === null) return undefined as unknown as Value;
        if (!(v instanceof Date)) return v;
        // A day alone, or a date-time shown without its time (review 13a D2), under a format of the day alone.
        formats.set(a1(r, c), v instanceof CalendarDate ? 'yyyy"年"m"月"d"日"' : v instanceof HiddenTimeDate ? 'yyyy/m/d' : 'yyyy/m/d h:mm');
        return serialFromWallClock(wallClockFromDate(v));
      }),
    );
    const visibility = s.state === 'veryHidden' ? 'VeryHidden' : s.state === 'hidden' ? 'Hidden' : undefined;
    // Its formulas as Range.formulas answers them (a shared formula's other cell its own, moved): those whose cached value the file lacks show nothing here.
    const formulas = new Map(Object.entries({ ...s.formulas, ...s.shownFormulas }).map(([cell, f]) => [cell, `=${f}`]));
    return {
      ...fakeSheet(s.name, rows, [...s.merges]),
      formats,
      ...(formulas.size ? { formulas } : {}),
      ...(visibility ? { visibility } : {}),
      ...(s.hiddenRows ? { hiddenRows: [...s.hiddenRows] } : {}),
      ...(s.hiddenCols ? { hiddenCols: [...s.hiddenCols] } : {}),
      ...(s.struck ? { struck: [...s.struck] } : {}),
      ...(s.autoFilter ? { autoFilter: s.autoFilter } : {}),
    };
  });
}
