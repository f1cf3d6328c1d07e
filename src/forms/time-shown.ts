/**
 * Date-times whose cell's format does not show their time (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, General prints 45458.40625. The readers give such a value as a HiddenTimeDate or a SerialShownDate
 * (model/number-format.ts); it is read with its time like any date, and the paths read from those cells are listed
 * for time-not-shown to say what the print shows.
 */
import { type CellValue, ClockShownDate, HiddenTimeDate, SerialShownDate, parseA1, type SheetGrid, type WorkbookGrid } from '../model/grid';
import { isWholeDateSerial } from '../model/number-format';
import { datePartOf, readFromTimetable } from '../model/labels';
import type { SiteModel } from '../model/site-model';
import { isDateWithoutTime } from '../model/datetime';

/**
 * Lists in `model.timeNotShown` every field asking for a time of day (timeOfDayPaths) read from a cell holding a
 * HiddenTimeDate, in `model.serialShown` every one read from a cell holding a SerialShownDate, in `model.dateNotShown`
 * every one read from a cell holding a ClockShownDate (but 附件4's rows, whose day is the header's 日期, and a time whose
 * date has a column of its own: 取卷日期 | 取卷时间), in
 * `model.dayShownAsNumber` every field asking for a day alone read from a whole serial (45458: a datetime field reads
 * it as a day without its time, invalid-datetime's); none: nothing listed.
 */
export function noteTimesNotShown(model: SiteModel, grid: WorkbookGrid): void {
  // Which 考试安排 rows were read from a timetable's 考试日期 · 考试时间: asked once, for the three passes below.
  const timetable = (model.data.schedule ?? []).map((_s, i) => readFromTimetable(model.locations, i));
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const daySheets = noteDaysShownAsNumbers(model, sheets, timetable);
  noteTimesShownAsNumbers(model, sheets, timetable);
  // Rare: the time fields' cells are asked only when the workbook has such a cell — and only they, not every location
  // (1.4 million for a log of 100,000 rows: one such cell made it 14.5 s and 1.1 GB, review 18a D10). A time shown
  // alone on 附件4 (our own template's hh:mm there: every filled workbook) is no such cell: its day is the sheet's 日期.
  if (!grid.sheets.some((s) => matters(shownDatesIn(s), s.name, daySheets))) return;
  const timeNotShown: string[] = [];
  const serialShown: string[] = [];
  const dateNotShown: string[] = [];
  for (const path of timeOfDayPaths(model, timetable)) {
    const v = cellValueOf(model, sheets, path);
    if (v instanceof HiddenTimeDate) timeNotShown.push(path);
    else if (v instanceof SerialShownDate) serialShown.push(path);
    else if (v instanceof ClockShownDate && !dayShownElsewhere(model, sheets, path)) dateNotShown.push(path);
  }
  if (timeNotShown.length) model.timeNotShown = timeNotShown;
  if (serialShown.length) model.serialShown = serialShown;
  if (dateNotShown.length) model.dateNotShown = dateNotShown;
}

/**
 * Whether the form prints the day of the time at `path` in another cell, so its own cell may show the time alone:
 * 附件4's rows (the header's 日期), a time whose date has a column of its own (取卷日期 | 取卷时间), a session's 结束时间
 * beside a 开考时间 that shows its date.
 */
function dayShownElsewhere(model: SiteModel, sheets: ReadonlyMap<string, SheetGrid>, path: string): boolean {
  if (path.startsWith('distributions[') || model.locations[datePartOf(path)]) return true;
  const end = /^(schedule\[\d+\])\.end$/.exec(path);
  if (!end) return false;
  // A 开考时间 typed as text (2024-06-15 08:30) shows its day too; one under h:mm is said itself.
  const start = cellValueOf(model, sheets, `${end[1]}.start`);
  return start !== undefined && start !== null && start !== '' && !(start instanceof ClockShownDate);
}

/**
 * What a sheet holds of dates its format does not show in full: `all` a date whose time (HiddenTimeDate) or date and
 * time (SerialShownDate) it does not show, else `clock` one whose date it does not show (ClockShownDate); none: neither.
 */
function shownDatesIn(sheet: SheetGrid): 'all' | 'clock' | undefined {
  let clock = false;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (const v of row) {
      if (!(v instanceof Date)) continue;
      if (v instanceof HiddenTimeDate || v instanceof SerialShownDate) return 'all';
      if (v instanceof ClockShownDate) clock = true;
    }
  }
  return clock ? 'clock' : undefined;
}

/** Whether what a sheet holds (shownDatesIn) may be said: not times shown alone on 附件4 (`daySheets`: its sheets). */
const matters = (held: 'all' | 'clock' | undefined, sheet: string, daySheets: ReadonlySet<string>): boolean =>
  held === 'all' || (held === 'clock' && !daySheets.has(sheet));

/** The value of the cell a field was read from, as the grid holds it; undefined where it has no cell. */
function cellValueOf(model: SiteModel, sheets: ReadonlyMap<string, SheetGrid>, path: string): CellValue | undefined {
  return cellValueAt(sheets, model.locations[path]);
}

/** The value of the cell at a location, as the grid holds it; undefined where it has no cell. */
function cellValueAt(sheets: ReadonlyMap<string, SheetGrid>, at: { sheet: string; cell?: string } | undefined): CellValue | undefined {
  const cell = at?.cell ? parseA1(at.cell) : undefined;
  return cell ? sheets.get(at!.sheet)?.rows[cell.row]?.[cell.col] : undefined;
}

/**
 * The fields that ask for a time of day, as invalid-datetime reads them: 考试安排's times (not where they were read
 * from a timetable's 考试日期 · 考试时间), 交接单's 日期, 入库时间, 取卷/还卷时间, 附件4's 领取/回收时间, 值班时间. 附件4's
 * 日期 and a timetable's 考试日期 ask for the day alone.
 */
function eachTimeOfDay(model: SiteModel, timetable: readonly boolean[], visit: (value: unknown, path: () => string) => void): void {
  const data = model.data;
  (data.schedule ?? []).forEach((s, i) => {
    if (timetable[i]) return;
    visit(s?.start, () => `schedule[${i}].start`);
    visit(s?.end, () => `schedule[${i}].end`);
  });
  (data.handovers ?? []).forEach((h, i) => visit(h?.time, () => `handovers[${i}].time`));
  if (Array.isArray(data.intake)) data.intake.forEach((list, i) => visit(list?.time, () => `intake[${i}].time`));
  else if (data.intake) visit(data.intake.time, () => 'intake.time');
  const log = data.vaultLog ?? [];
  for (let i = 0; i < log.length; i++) {
    visit(log[i]?.takenAt, () => `vaultLog[${i}].takenAt`);
    visit(log[i]?.returnedAt, () => `vaultLog[${i}].returnedAt`);
  }
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((row, j) => {
      visit(row?.issuedAt, () => `distributions[${i}].rows[${j}].issuedAt`);
      visit(row?.returnedAt, () => `distributions[${i}].rows[${j}].returnedAt`);
    }),
  );
  (data.duty?.shifts ?? []).forEach((shift, i) => {
    visit(shift?.from, () => `duty.shifts[${i}].from`);
    visit(shift?.to, () => `duty.shifts[${i}].to`);
  });
}

function timeOfDayPaths(model: SiteModel, timetable: readonly boolean[]): string[] {
  const paths: string[] = [];
  eachTimeOfDay(model, timetable, (_value, path) => paths.push(path()));
  return paths;
}

/**
 * Lists in `model.timeShownAsNumber` the fields asking for a time of day read from a whole serial under 常规 (45459):
 * read as a day with no time (invalid-datetime says so), shown and printed as the number, which the finding quotes
 * (review 21b D7). Asked only of values read as a date alone — an ISO date-time (its “T”) is passed over unparsed.
 */
function noteTimesShownAsNumbers(model: SiteModel, sheets: ReadonlyMap<string, SheetGrid>, timetable: readonly boolean[]): void {
  const shown: Record<string, number> = {};
  let found = false;
  eachTimeOfDay(model, timetable, (value, path) => {
    if (typeof value !== 'string' || value.charCodeAt(10) === 84 || !isDateWithoutTime(value)) return;
    const at = path();
    const cell = cellValueOf(model, sheets, at);
    if (typeof cell !== 'number' || !isWholeDateSerial(cell)) return;
    shown[at] = cell;
    found = true;
  });
  if (found) model.timeShownAsNumber = shown;
}

/**
 * Lists in `model.dayShownAsNumber` the fields asking for a day alone whose cell holds a whole serial: asked of those
 * few fields' cells, not of every cell (a 序号 column of a long log runs through such numbers: 36526 and on). Gives
 * the sheets of 附件4's 日期 so found (their rows' times may show the time alone).
 */
function noteDaysShownAsNumbers(model: SiteModel, sheets: ReadonlyMap<string, SheetGrid>, timetable: readonly boolean[]): Set<string> {
  const days: string[] = [];
  const daySheets = new Set<string>();
  const ask = (path: string) => isWholeDateSerial(cellValueOf(model, sheets, path)) && days.push(path);
  (model.data.distributions ?? []).forEach((_d, i) => {
    const path = `distributions[${i}].start`;
    const at = model.locations[path];
    if (at) daySheets.add(at.sheet);
    if (isWholeDateSerial(cellValueAt(sheets, at))) days.push(path);
  });
  // A 考试日期 only where its row's times come from 考试时间: else the cell holds the start itself.
  (model.data.schedule ?? []).forEach((_s, i) => timetable[i] && ask(`schedule[${i}].start`));
  if (days.length) model.dayShownAsNumber = days;
  return daySheets;
}
