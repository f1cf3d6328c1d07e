/**
 * A date-time whose cell's format does not show its time (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, General prints 45458.40625, so the signed form shows no 时分 although the workbook holds it; or its date
 * (review 17a N1): `h:mm` prints 9:45. The time is read and every other rule uses it; this says, as a warning, that
 * the paper does not show it.
 */
import { type WallClock, formatDate, formatWallClock, parseWallClock, serialFromWallClock } from '../model/datetime';
import { locate, valueAt } from '../model/location';
import { meta as invalidDatetime } from './invalid-datetime';
import type { RuleContext, RuleMeta } from './types';
import { cellsNamed } from './plural';

const HIDDEN_ZH =
  '“{field}”这一格里是“{value}”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：';
const NUMBER_ZH = '“{field}”这一格里是“{value}”，但它的格式是“常规”或数值，不是日期：表上显示、打印出来签字的是一个数（如“{shown}”），看不出是哪天几时几分。';
const SET_FORMAT_ZH = '设置单元格格式 → 日期 → 选“2024/3/14 13:30”（或在“自定义”里写 yyyy/m/d h:mm）。';
const DAY_ZH = '“{field}”这一格里是 {value}，但它的格式是“常规”或数值，不是日期：表上显示、打印出来签字的是一个数“{shown}”，看不出是哪一天。';
const SET_DAY_ZH = '设置单元格格式 → 日期 → 选“2024年3月14日”（或在“自定义”里写 yyyy"年"m"月"d"日"），不必重新填写。';
const CLOCK_ZH = '“{field}”这一格里是“{value}”，但它的格式只显示时间、不显示日期（如 h:mm）：表上显示、打印出来签字的没有年月日，看不出是哪一天。';
const SET_DATE_TIME_ZH = '设置单元格格式 → 自定义 → 写 yyyy-mm-dd hh:mm（日期+时间），不必重新填写。';
const HIDDEN_EN =
  '"{field}" holds {value}, but the cell’s format shows the date only: the form on screen and the printed, signed copy show no hour and minute. The forms ask for year, month, day, hour and minute: ';
const NUMBER_EN =
  '"{field}" holds {value}, but the cell’s format is General or a number, not a date: the form on screen and the printed, signed copy show a number ({shown}), not the date and time. ';
const SET_FORMAT_EN = '(Format Cells → Date → “2024/3/14 13:30”, or Custom: yyyy/m/d h:mm).';
const DAY_EN =
  '"{field}" holds {value}, but the cell’s format is General or a number, not a date: the form on screen and the printed, signed copy show the number {shown}, not the day. ';
const CLOCK_EN =
  '"{field}" holds {value}, but the cell’s format shows the time only, not the date (such as h:mm): the form on screen and the printed, signed copy show no year, month and day. ';
const SET_DATE_TIME_EN = '(Format Cells → Custom: yyyy-mm-dd hh:mm, a date and time). No need to type it again.';
const SET_DAY_EN = '(Format Cells → Date → “2024/3/14”, or Custom: yyyy/m/d). No need to type it again.';

export const meta: RuleMeta = {
  id: 'time-not-shown',
  title: { zh: '表上日期时间显示不全', en: 'Date or time not shown in full on the form' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: invalidDatetime.clause,
  messages: {
    zh: {
      hidden: `${HIDDEN_ZH}请选中这一格，${SET_FORMAT_ZH}`,
      hiddenColumn: `${HIDDEN_ZH}本列另有 {count} 格也是这样（{cells}）：请选中这一列有日期的各格，${SET_FORMAT_ZH}`,
      number: `${NUMBER_ZH}请选中这一格，${SET_FORMAT_ZH}不必重新填写。`,
      numberColumn: `${NUMBER_ZH}本列另有 {count} 格也是这样（{cells}）：请选中这一列有日期的各格，${SET_FORMAT_ZH}不必重新填写。`,
      day: `${DAY_ZH}请选中这一格，${SET_DAY_ZH}`,
      dayColumn: `${DAY_ZH}本列另有 {count} 格也是这样（{cells}）：请选中这一列有日期的各格，${SET_DAY_ZH}`,
      clock: `${CLOCK_ZH}请选中这一格，${SET_DATE_TIME_ZH}`,
      clockColumn: `${CLOCK_ZH}本列另有 {count} 格也是这样（{cells}）：请选中这一列有日期的各格，${SET_DATE_TIME_ZH}`,
    },
    en: {
      hidden: `${HIDDEN_EN}set the cell’s format to show them ${SET_FORMAT_EN}`,
      hiddenColumn: `${HIDDEN_EN}The same in {count} more cells of this column ({cellsEn}): select them together and set their format to show them ${SET_FORMAT_EN}`,
      number: `${NUMBER_EN}Set the cell’s format to a date and time ${SET_FORMAT_EN} No need to type it again.`,
      numberColumn: `${NUMBER_EN}The same in {count} more cells of this column ({cellsEn}): select them together and set their format to a date and time ${SET_FORMAT_EN} No need to type them again.`,
      day: `${DAY_EN}Set the cell’s format to a date ${SET_DAY_EN}`,
      dayColumn: `${DAY_EN}The same in {count} more cells of this column ({cellsEn}): select them together and set their format to a date ${SET_DAY_EN}`,
      clock: `${CLOCK_EN}Set the cell’s format to a date and time ${SET_DATE_TIME_EN}`,
      clockColumn: `${CLOCK_EN}The same in {count} more cells of this column ({cellsEn}): select them together and set their format to a date and time ${SET_DATE_TIME_EN}`,
    },
  },
  docs: 'A date-time in a cell whose number format shows the day alone (a date-time cell given yyyy/m/d or yyyy年m月d日, or a program’s output under Excel’s default date format): the workbook holds the time and every other rule uses it, but the screen and the printed, signed form show only the date. Said at the cell, for each field that asks for a time of day (交接单 日期, 入库时间, 取卷时间, 还卷时间, 开考时间, 结束时间, 领取时间, 回收时间, 值班时间), with how to set the format to show 时分; several such cells in one column of a sheet are one finding at the first, naming the others (the first five, counting the rest). A field that asks for the date alone (附件4’s 日期, 考试日期) is not said. A date-time in a cell formatted 常规 (General) or as a number shows and prints as its serial (45458.40625): said the same way, with the number it shows (a whole serial there, 45458, stays a number where a field asks for a code or a count, which may be as large; in a field that asks for a date and time it is a day without its time, invalid-datetime’s). A field that asks for a day alone (附件4’s 日期, 考试日期) holding a whole serial under 常规 or a number format (45458) is read as that day and said the same way: the form shows the number, not the day. A date-time in a cell whose format shows the time alone (h:mm, [h]:mm, hh:mm:ss: Excel’s 时间 formats) prints no date: said the same way, with how to set the format to a date and time (yyyy-mm-dd hh:mm) — but not for 附件4’s 领取时间 and 回收时间 (their day is the sheet’s 日期), a time whose date has a column of its own (取卷日期 | 取卷时间), or a 结束时间 whose row’s 开考时间 shows the date. A date with no time at all in a date-only cell is a date typed alone, and invalid-datetime says it has no time; a date’s serial under the Text format (文本), which prints as the number, is invalid-datetime’s, as a serial kept as text is.',
};

/**
 * What a cell shows of the date-time it holds: the day alone (`hidden`), its serial (`number`), its time alone
 * (`clock`); of a day it holds, its whole serial (`day`).
 */
type Shown = 'hidden' | 'number' | 'clock' | 'day';

interface Noted {
  path: string;
  value: string;
  cell: string;
  shown: string;
}

export function check({ model, report }: RuleContext): void {
  // A column formatted date-only (a sheet written by a program under Excel's default date format) is one finding at
  // its first such cell naming the others, not one a row: fifteen alike warnings on a duty log said one thing.
  const columns = new Map<string, { kind: Shown; cells: Noted[] }>();
  const add = (kind: Shown, at: { sheet: string }, noted: Noted): void => {
    const key = `${kind} ${at.sheet}!${noted.cell.replace(/\d+/g, '')}`;
    (columns.get(key) ?? columns.set(key, { kind, cells: [] }).get(key)!).cells.push(noted);
  };
  const note = (kind: Shown, paths: readonly string[] | undefined): void => {
    for (const path of paths ?? []) {
      const t = parseWallClock(valueAt(model.data, path));
      const at = locate(model.locations, path);
      if (!t || !at?.cell) continue;
      add(kind, at, { path, value: formatWallClock(t).replace('T', ' '), cell: at.cell, shown: shownSerial(t) });
    }
  };
  note('hidden', model.timeNotShown);
  note('number', model.serialShown);
  note('clock', model.dateNotShown);
  // A day field read from its whole serial (forms/time-shown.ts picked the fields): the day, and the number it prints.
  for (const path of model.dayShownAsNumber ?? []) {
    const t = parseWallClock(valueAt(model.data, path));
    const at = locate(model.locations, path);
    if (t && at?.cell) add('day', at, { path, value: formatDate(t), cell: at.cell, shown: String(Math.round(serialFromWallClock(t))) });
  }
  for (const { kind, cells } of columns.values()) {
    const [first, ...others] = cells;
    if (others.length === 0) report(first.path, kind, { value: first.value, shown: first.shown });
    else {
      report(first.path, `${kind}Column`, { value: first.value, shown: first.shown, count: others.length, ...cellsNamed(others.map((o) => o.cell)) });
    }
  }
}

/** The serial as General shows it in a column of the usual width: five decimals (45458.40625, 45458.32292). */
const shownSerial = (t: WallClock): string => String(Number(serialFromWallClock(t).toFixed(5)));
