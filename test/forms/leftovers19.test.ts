/**
 * Review 17a N1, 17b and 18a leftovers (fix-leftovers19), on workbooks as officers lay them out: read as the CLI reads
 * them and validated; the whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { ClockShownDate, type CellValue, type WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'layouts');
const grid = (name: string) => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const rowsOf = (g: WorkbookGrid, sheet: string): CellValue[][] => g.sheets.find((s) => s.name === sheet)!.rows as CellValue[][];

describe('review 17a N1: a date-time under a format that shows its time alone (h:mm)', () => {
  test('取卷日期 | 取卷时间: the time under h:mm beside its date’s own column prints its day there; no finding', () => {
    const g = grid('c3-date-time-columns');
    const rows = rowsOf(g, '出入库记录');
    rows[3][6] = new ClockShownDate('2024-06-15T07:45:00Z');
    const model = readWorkbook(g);
    expect(model.data.vaultLog![0].takenAt).toBe('2024-06-15T07:45');
    expect([model.dateNotShown, validateSite(model).map(full)]).toEqual([undefined, []]);
  });
});
