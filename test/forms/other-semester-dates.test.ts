/**
 * 基本信息's 学期 told a slip by the forms' dates where no title names a semester (the template's “______学期” left
 * blank): forms/other-semester.ts slipByDates. The forms here are the least the judgement reads: each one's layout,
 * title and record.
 */
import { otherSemesterSheets, type SheetRead } from '../../src/forms/other-semester';

/** A form's sheet as read: its layout id, its title as typed, the record's dates. */
const form = (id: string, title: string, ...dates: string[]): SheetRead =>
  ({
    entry: { layout: { id } },
    sheet: { name: id },
    read: { title: { row: 1, col: 0, text: title, norm: title } },
    record: { rows: dates.map((at) => ({ at })) },
  }) as unknown as SheetRead;

const BLANK = '______学期国家开放大学纸质试卷交接单';

describe('基本信息’s 学期 a slip, told by the dates of forms whose titles name no semester', () => {
  test.each([
    // Last semester's workbook copied and filled anew: every form's dates in the next semester.
    ['2024秋', [form('handover', BLANK, '2025-06-14T14:40'), form('vaultLog', '出入库记录表', '2025-06-15T08:00', '2025-06-15T11:00')], '2025春'],
    // Full dates of an earlier semester than the 学期 (2025秋 typed over 2025春's forms).
    ['2025秋', [form('handover', BLANK, '2025-06-14T14:40'), form('duty', '值班记录', '2025-06-14T20:00')], '2025春'],
    // A spring 学期 over December handovers and January exams: the autumn semester that runs into them.
    ['2025春', [form('handover', BLANK, '2025-12-30T09:00'), form('vaultLog', '出入库记录表', '2026-01-10T08:00')], '2025秋'],
  ])('学期 %s, the forms’ dates all of one other semester: the slip, that semester', (own, forms, semester) => {
    expect(otherSemesterSheets(own, forms)).toEqual({ sheets: new Map(), site: semester });
  });

  test.each([
    ['one dated form alone (a mistyped year)', '2024秋', [form('handover', BLANK, '2025-06-14T14:40'), form('duty', '值班记录')]],
    ['the forms’ dates of two semesters', '2024秋', [form('handover', BLANK, '2025-06-14T14:40'), form('duty', '值班记录', '2024-12-20T08:00')]],
    ['every date of the 学期 itself', '2025春', [form('handover', BLANK, '2025-06-14T14:40'), form('duty', '值班记录', '2025-06-14T20:00')]],
    // January's dates typed without a year took 2025 from the 学期: they may be 2025秋's as well as 2024秋's.
    [
      'dates an earlier semester only as read without their year',
      '2025春',
      [form('handover', BLANK, '2025-01-04T09:00'), form('vaultLog', '出入库记录表', '2025-01-10T08:00')],
    ],
    [
      'a title naming the 学期 itself',
      '2024秋',
      [form('handover', '2024秋学期国家开放大学纸质试卷交接单', '2025-06-14T14:40'), form('duty', '值班记录', '2025-06-14T20:00')],
    ],
  ])('%s: no slip', (_, own, forms) => {
    expect(otherSemesterSheets(own, forms).site).toBeUndefined();
  });
});
