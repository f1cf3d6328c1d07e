/**
 * Round 23: a day's heading written “6-21” or “6.21” over a table's rows (and Excel's number 6.21) was a paper off every
 * list and a row half filled, and the rows below it had no day. It heads them where the exam's days tell its day
 * (forms/day-headings.ts); where they cannot, it is said at its cell (invalid-datetime), not guessed.
 * 岳麓考点 (test/fixtures/kaodian.json): sessions on 6月15日 and 6月16日, the vault log's row 3 (3310) on 6月16日.
 */
import type { Finding } from '../../src/model/finding';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from './tester';

const tuple = (f: Finding) => [f.rule, messageIdOf(f), f.severity, f.form, f.sheet, f.cell, f.row, f.message];

/** 岳麓考点 with `heading` typed alone in 出入库记录 B6 (a row inserted between rows 2 and 3), row 3's times alone. */
function withHeading(heading: CellValue, edit: (d: SiteData) => void = () => undefined, retype: (g: WorkbookGrid) => void = () => undefined) {
  const d = base('kaodian');
  edit(d);
  const grid = gridFromDrafts(draftWorkbook(d));
  grid.sheets.find((s) => s.name === '出入库记录')!.rows.splice(5, 0, [null, heading]);
  typeInto(grid, '出入库记录', 'F7', '7:50');
  typeInto(grid, '出入库记录', 'I7', '10:15');
  retype(grid);
  return readWorkbook(grid);
}

const timeAlone = (cell: string, value: string) => [
  'invalid-datetime',
  'datetime',
  'error',
  3,
  '出入库记录',
  cell,
  3,
  `“${cell === 'F7' ? '取卷时间' : '还卷时间'}”写的是“${value}”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。`,
];

describe('a day’s heading written “6.16” over the vault log’s rows', () => {
  it('heads the rows below: 3310 taken out at 2024-06-16 07:50 and back at 10:15', () => {
    const model = withHeading('6.16');
    expect(model.data.vaultLog!.map((r) => [r.paperNo, r.takenAt, r.returnedAt])).toEqual([
      ['1001', '2024-06-15T07:45', '2024-06-15T10:20'],
      ['2045', '2024-06-15T09:45', '2024-06-15T12:15'],
      ['3310', '2024-06-16T07:50', '2024-06-16T10:15'],
    ]);
    expect(validateSite(model)).toEqual([]);
  });

  it('“6.1” (the 1st or the 10th), neither an exam day: said at its cell, the time below it with no day said too', () => {
    const model = withHeading(6.1);
    expect(validateSite(model).map(tuple)).toEqual([
      [
        'invalid-datetime',
        'heading',
        'error',
        3,
        '出入库记录',
        'B6',
        null,
        '这一行只写了“6.1”，像是下面几行的日期标题，但读不准是哪一天：它可能是6月1日或6月10日，而考试安排的考试期间（首场前两天起）是6月13日至6月16日，都不在其中。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“6月1日”。',
      ],
      timeAlone('F7', '7:50'),
    ]);
  });

  it('both days among the exam’s (6.1: sessions from 6月1日 to 6月10日): said, not guessed', () => {
    const model = withHeading(6.1, (d) => {
      Object.assign(d.schedule![0], { start: '2024-06-01T08:30', end: '2024-06-01T10:00' });
      Object.assign(d.schedule![2], { start: '2024-06-10T08:30', end: '2024-06-10T10:00' });
    });
    const said = validateSite(model).filter((f) => f.cell === 'B6');
    expect(said.map(tuple)).toEqual([
      [
        'invalid-datetime',
        'heading',
        'error',
        3,
        '出入库记录',
        'B6',
        null,
        '这一行只写了“6.1”，像是下面几行的日期标题，但读不准是哪一天：它可能是6月1日或6月10日，而考试安排的考试期间（首场前两天起）是5月30日至6月15日，两天都在其中。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“6月1日”。',
      ],
    ]);
    expect(model.data.vaultLog![2].takenAt).toBe('7:50');
  });

  it('no 考试安排 to tell its day by: said so', () => {
    const model = withHeading('6.16', undefined, (g) => {
      g.sheets = g.sheets.filter((s) => s.name !== '考试安排');
    });
    expect(
      validateSite(model)
        .filter((f) => f.rule === 'invalid-datetime')
        .map(tuple),
    ).toEqual([
      [
        'invalid-datetime',
        'headingNoSchedule',
        'error',
        3,
        '出入库记录',
        'B6',
        null,
        '这一行只写了“6.16”，像是下面几行的日期标题，但读不准是哪一天：它可能是6月16日，考试安排里没有考试日期可以对照。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“6月16日”。',
      ],
      timeAlone('F7', '7:50'),
    ]);
  });

  it('in English', () => {
    const model = withHeading('6-5');
    expect(validateSite(model, { lang: 'en' }).map((f) => [f.cell, f.message])).toEqual([
      [
        'B6',
        'This row holds "6-5" alone, like a heading giving the rows below their day, but which day cannot be told: it may be 2024-06-05, and the exams (from two days before the first session) run 2024-06-13 to 2024-06-16, not within. The times written alone below it have no day. Write the heading as a whole date, e.g. "6月5日".',
      ],
      ['F7', expect.stringContaining('"7:50"')],
    ]);
  });

  it('a count is no heading: “6.16” beside other values on its row is a record, as before', () => {
    const model = withHeading('6.16', undefined, (g) => typeInto(g, '出入库记录', 'E6', '李强'));
    expect(model.data.vaultLog![2]).toEqual({ paperNo: '6.16', taker: '李强' });
  });
});
