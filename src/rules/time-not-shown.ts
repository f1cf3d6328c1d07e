/**
 * A date-time whose cell's format shows the day alone (review 13a D2): `yyyy/m/d` over 2024-06-15 09:45 prints
 * 2024/6/15, so the signed form shows no 时分 although the workbook holds it. The time is read and every other
 * rule uses it; this says, as a warning, that the paper does not show it.
 */
import { formatWallClock, parseWallClock } from '../model/datetime';
import { readFromTimetable } from '../model/labels';
import { meta as invalidDatetime } from './invalid-datetime';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'time-not-shown',
  title: { zh: '表上不显示时分', en: 'Time not shown on the form' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: invalidDatetime.clause,
  messages: {
    zh: {
      hidden:
        '“{field}”这一格里是“{value}”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：请选中这一格，设置单元格格式 → 日期 → 选“2024/3/14 13:30”（或在“自定义”里写 yyyy/m/d h:mm）。',
    },
    en: {
      hidden:
        '"{field}" holds {value}, but the cell’s format shows the date only: the form on screen and the printed, signed copy show no hour and minute. The forms ask for year, month, day, hour and minute: set the cell’s format to show them (Format Cells → Date → “2024/3/14 13:30”, or Custom: yyyy/m/d h:mm).',
    },
  },
  docs: 'A date-time in a cell whose number format shows the day alone (a date-time cell given yyyy/m/d or yyyy年m月d日, or a program’s output under Excel’s default date format): the workbook holds the time and every other rule uses it, but the screen and the printed, signed form show only the date. Said once at the cell, for each field that asks for a time of day (交接单 日期, 入库时间, 取卷时间, 还卷时间, 开考时间, 结束时间, 领取时间, 回收时间, 值班时间), with how to set the format to show 时分. A field that asks for the date alone (附件4’s 日期, 考试日期) is not said. A date with no time at all in such a cell is a date typed alone, and invalid-datetime says it has no time; a date’s serial under the Text format (文本), which prints as the number, is invalid-datetime’s, as a serial kept as text is.',
};

/** The fields that ask for a time of day, as invalid-datetime reads them (附件4's 日期 and a timetable's 考试日期 do not). */
const TIME_FIELD =
  /^(?:schedule\[(\d+)\]\.(?:start|end)|handovers\[\d+\]\.time|intake(?:\[\d+\])?\.time|vaultLog\[\d+\]\.(?:takenAt|returnedAt)|distributions\[\d+\]\.rows\[\d+\]\.(?:issuedAt|returnedAt)|duty\.shifts\[\d+\]\.(?:from|to))$/;

export function check({ model, report }: RuleContext): void {
  for (const path of model.timeNotShown ?? []) {
    const m = TIME_FIELD.exec(path);
    if (!m || (m[1] !== undefined && readFromTimetable(model.locations, Number(m[1])))) continue;
    const t = parseWallClock(valueAt(model.data, path));
    if (t) report(path, 'hidden', { value: formatWallClock(t).replace('T', ' ') });
  }
}

/** The model's value at a path (`vaultLog[1].takenAt`). */
function valueAt(data: unknown, path: string): unknown {
  let at = data;
  for (const key of path.split(/[.[\]]+/).filter(Boolean)) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}
