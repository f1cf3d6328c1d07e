/**
 * A date's format code is kept for the page's preview alone (review 20a D7): the page's reader (openWorkbook) keeps it,
 * the reader of the CLI and the summary's workers does not — one weak-map entry a date cell is work and memory the
 * checks never use.
 */
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/io/xlsx/browser';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { formatOfDate } from '../../src/model/number-format';
import type { WorkbookGrid } from '../../src/model/grid';

const CODE = 'yyyy"年"m"月"d"日" hh:mm';
let bytes: Uint8Array;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('出入库记录').getCell('F4');
  cell.value = new Date(Date.UTC(2024, 5, 15, 7, 45));
  cell.numFmt = CODE;
  bytes = new Uint8Array(await wb.xlsx.writeBuffer());
});

const dateIn = (grid: WorkbookGrid): Date => grid.sheets[0].rows[3][5] as Date;

test('the page reads the date with its format code', async () => {
  const { grid } = await openWorkbook('a.xlsx', bytes);
  expect(dateIn(grid).toISOString()).toBe('2024-06-15T07:45:00.000Z');
  expect(formatOfDate(dateIn(grid))).toBe(CODE);
});

test('the command line reads the same date, and keeps no format code', () => {
  const grid = readXlsxInNode(bytes);
  expect(dateIn(grid).toISOString()).toBe('2024-06-15T07:45:00.000Z');
  expect(formatOfDate(dateIn(grid))).toBeUndefined();
});
