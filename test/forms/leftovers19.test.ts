/**
 * Review 17a N1, 17b and 18a leftovers (fix-leftovers19), on workbooks as officers lay them out: read as the CLI reads
 * them and validated; the whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { CalendarDate, ClockShownDate, type CellValue, type WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts } from '../rules/tester';

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

describe('checkout-before-intake where 取卷日期 has a column of its own (取卷日期 | 取卷时间)', () => {
  const vault = (edit: (rows: CellValue[][]) => void) => {
    const g = grid('c3-date-time-columns');
    edit(rowsOf(g, '出入库记录'));
    return readWorkbook(g);
  };
  const early = (cell: string, taken: string, intake: string, date: boolean) => [
    'checkout-before-intake',
    'error',
    '出入库记录',
    cell,
    date
      ? `试卷 1001 的取卷时间 ${taken} 早于入库时间 ${intake}，取卷日期在入库之前。试卷须先入库、后出库，请核对这一格的取卷日期或入库时间。`
      : `试卷 1001 的取卷时间 ${taken} 早于入库时间 ${intake}。试卷须先入库、后出库，请核对取卷时间或入库时间。`,
  ];

  test('取卷日期 a year early (2023/6/15): at F4, the date’s cell, both years shown', () => {
    const model = vault((rows) => void (rows[3][5] = new CalendarDate('2023-06-15T00:00:00Z')));
    expect(validateSite(model).map(full)).toEqual([early('F4', '2023年6月15日 07:45', '2024年6月14日 10:10', true)]);
  });

  test('取卷日期 the day before the intake (2024/6/13): at F4; no year', () => {
    const model = vault((rows) => void (rows[3][5] = new CalendarDate('2024-06-13T00:00:00Z')));
    expect(validateSite(model).map(full)).toEqual([early('F4', '6月13日 07:45', '6月14日 10:10', true)]);
  });

  test('on the intake’s own day, 7:45 before its 10:10: at G4, the time’s cell, as before', () => {
    const model = vault((rows) => void (rows[3][5] = new CalendarDate('2024-06-14T00:00:00Z')));
    expect(validateSite(model).map(full)).toEqual([early('G4', '6月14日 07:45', '6月14日 10:10', false)]);
  });

  test('the form’s own layout (one 取卷时间 cell) a year early: at that cell, both years shown', () => {
    const data = base('kaodian');
    data.vaultLog![0].takenAt = '2023-06-15T07:45';
    expect(validateSite(readWorkbook(gridFromDrafts(draftWorkbook(data)))).map(full)).toEqual([
      early('F4', '2023年6月15日 07:45', '2024年6月14日 10:10', false),
    ]);
  });
});
