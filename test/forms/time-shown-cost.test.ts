/**
 * review 18a D10: one cell whose format hides its time made time-shown go through every location of the workbook
 * (1.4 million for a log of 100,000 rows: 14.5 s and 1.1 GB against 5.5 s and 247 MB). Only the fields that ask for
 * a time of day are asked now, each by its own location, and only when the workbook holds such a cell.
 */
import { readWorkbook } from '../../src/forms/workbook';
import { noteTimesNotShown } from '../../src/forms/time-shown';
import { ClockShownDate, HiddenTimeDate, parseA1, type WorkbookGrid } from '../../src/model/grid';
import type { SiteModel } from '../../src/model/site-model';
import { filledWorkbook, fixture, gridOf } from '../helpers';

let grid: WorkbookGrid;
beforeAll(async () => {
  grid = await gridOf(await filledWorkbook(fixture('kaodian.json')));
});

/** The model read from `grid`, its locations counted: how many were looked up, and whether they were gone through. */
function counted(model: SiteModel): { model: SiteModel; asked: () => number; listed: () => number } {
  let asked = 0;
  let listed = 0;
  const locations = new Proxy(model.locations, {
    get: (target, key, receiver) => (typeof key === 'string' && asked++, Reflect.get(target, key, receiver)),
    ownKeys: (target) => (listed++, Reflect.ownKeys(target)),
  });
  return { model: { ...model, locations, timeNotShown: undefined, serialShown: undefined, dateNotShown: undefined }, asked: () => asked, listed: () => listed };
}

/** The value of `cell` on the vault log, as its format shows it: 取卷时间 under yyyy/m/d (or, `shown`, another). */
function hideTimeAt(g: WorkbookGrid, cell: string, sheet = '出入库记录', shown: typeof HiddenTimeDate = HiddenTimeDate): WorkbookGrid {
  const sheets = g.sheets.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r) => [...(r ?? [])]) } : s));
  const log = sheets.find((s) => s.name === sheet)!;
  const { row, col } = parseA1(cell)!;
  log.rows[row][col] = new shown((log.rows[row][col] as Date).getTime());
  return { ...g, sheets };
}

/** The fields that ask a time of day (each looked up once), and 附件4's 日期 and the timetable's 考试日期 (noteDaysShownAsNumbers). */
function timeFieldsOf(read: SiteModel): number {
  const timeFields =
    2 * (read.data.schedule ?? []).length +
    (read.data.handovers ?? []).length +
    1 +
    2 * (read.data.vaultLog ?? []).length +
    2 * (read.data.distributions ?? []).reduce((n, d) => n + (d.rows ?? []).length, 0) +
    2 * (read.data.duty?.shifts ?? []).length;
  return timeFields + (read.data.distributions ?? []).length + 2 * (read.data.schedule ?? []).length;
}

test('one hidden time: the fields that ask a time are looked up, the locations never gone through; the one path listed', () => {
  const hidden = hideTimeAt(grid, 'F5');
  const read = readWorkbook(hidden);
  const { model, asked, listed } = counted(read);
  noteTimesNotShown(model, hidden);
  expect(model.timeNotShown).toEqual(['vaultLog[1].takenAt']);
  expect(model.serialShown).toBeUndefined();
  expect(listed()).toBe(0);
  expect(asked()).toBeLessThanOrEqual(timeFieldsOf(read));
});

test('review 17a N1: a 取卷时间 and a 领取时间 under h:mm: each field looked up once, and the one 取卷时间’s date column asked; the locations never gone through', () => {
  const clocks = hideTimeAt(hideTimeAt(grid, 'F5', '出入库记录', ClockShownDate), 'F6', '分发登记1', ClockShownDate);
  const read = readWorkbook(clocks);
  const { model, asked, listed } = counted(read);
  noteTimesNotShown(model, clocks);
  expect([model.dateNotShown, model.timeNotShown, model.serialShown, listed()]).toEqual([['vaultLog[1].takenAt'], undefined, undefined, 0]);
  // 附件4's row takes its day from the sheet's 日期: not asked for a date column.
  expect(asked()).toBeLessThanOrEqual(timeFieldsOf(read) + 1);
});

test('no hidden time: not even the time fields are looked up', () => {
  const { model, asked, listed } = counted(readWorkbook(grid));
  noteTimesNotShown(model, grid);
  expect([model.timeNotShown, model.serialShown, listed()]).toEqual([undefined, undefined, 0]);
  expect(asked()).toBeLessThanOrEqual((model.data.distributions ?? []).length + 2 * (model.data.schedule ?? []).length);
});
