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

/**
 * Round 24: the heading in 序号 (A6: 6.16 kept as a number, or the text) or alone in a time column (取卷时间 F6) heads the
 * rows below as in 试卷号 — it was passed over (序号) or read as a record of a day with no time (partial-row, noTime) —
 * where one of the days it may be is an exam's day; where none is, read as before.
 */
function withRowAbove(row: CellValue[], edit: (d: SiteData) => void = () => undefined) {
  const d = base('kaodian');
  edit(d);
  const grid = gridFromDrafts(draftWorkbook(d));
  grid.sheets.find((s) => s.name === '出入库记录')!.rows.splice(5, 0, row);
  typeInto(grid, '出入库记录', 'F7', '7:50');
  typeInto(grid, '出入库记录', 'I7', '10:15');
  return readWorkbook(grid);
}
const inF = (v: CellValue): CellValue[] => [null, null, null, null, null, v];

describe('a day’s heading “6.16” in 序号 or a time column', () => {
  it.each([
    ['6.16 kept as a number in 序号', [6.16]],
    ['the text “6.16” in 序号', ['6.16']],
    ['“6.16” alone in 取卷时间', inF('6.16')],
    ['6.16 kept as a number in 取卷时间', inF(6.16)],
    ['“6-16” alone in 还卷时间', [null, null, null, null, null, null, null, null, '6-16']],
  ])('%s: heads the rows below, no record', (_name, row) => {
    const model = withRowAbove(row);
    expect(model.data.vaultLog!.map((r) => [r.paperNo, r.takenAt, r.returnedAt])).toEqual([
      ['1001', '2024-06-15T07:45', '2024-06-15T10:20'],
      ['2045', '2024-06-15T09:45', '2024-06-15T12:15'],
      ['3310', '2024-06-16T07:50', '2024-06-16T10:15'],
    ]);
    expect(validateSite(model)).toEqual([]);
  });

  it('6.1 in 序号, neither the 1st nor the 10th an exam day: passed over as before, the time below said', () => {
    const model = withRowAbove([6.1]);
    expect(model.data.vaultLog).toHaveLength(3);
    expect(validateSite(model).map(tuple)).toEqual([timeAlone('F7', '7:50')]);
  });

  it('“6.1” in 取卷时间, no exam day: a record as before (a date with no time, a row half filled)', () => {
    const model = withRowAbove(inF('6.1'));
    expect(model.data.vaultLog![2]).toEqual({ takenAt: '6.1' });
    expect(validateSite(model).map((f) => [f.rule, messageIdOf(f), f.cell, f.row])).toEqual([
      ['partial-row', 'row', 'B6', 3],
      ['invalid-datetime', 'noTime', 'F6', 3],
      ['invalid-datetime', 'datetime', 'F7', 3],
    ]);
  });

  it('6.1 in 序号, both the 1st and the 10th exam days: said at its cell, not guessed', () => {
    const model = withRowAbove([6.1], (d) => {
      Object.assign(d.schedule![0], { start: '2024-06-01T08:30', end: '2024-06-01T10:00' });
      Object.assign(d.schedule![2], { start: '2024-06-10T08:30', end: '2024-06-10T10:00' });
    });
    expect(
      validateSite(model)
        .filter((f) => f.cell === 'A6')
        .map(tuple),
    ).toEqual([
      [
        'invalid-datetime',
        'heading',
        'error',
        3,
        '出入库记录',
        'A6',
        null,
        '这一行只写了“6.1”，像是下面几行的日期标题，但读不准是哪一天：它可能是6月1日或6月10日，而考试安排的考试期间（首场前两天起）是5月30日至6月15日，两天都在其中。下面几行只写了时分的时间，因此不知道是哪一天。请把标题写成完整的日期，如“6月1日”。',
      ],
    ]);
    expect(model.data.vaultLog![2].takenAt).toBe('7:50');
  });

  it('beside other values (a 序号 6.16 on a row with its paper): a record, as before', () => {
    const model = withRowAbove([6.16, '3310']);
    expect(model.data.vaultLog![2]).toEqual({ paperNo: '3310' });
  });
});

/**
 * 附件4: a distribution register whose 日期 was left blank, the day written over its rows instead (round 24 item 3: no
 * test had it). 分发登记2 (2045, 10:30–12:00 on 6月15日): its row under the heading, times alone.
 */
describe('a day’s heading on a distribution register (附件4)', () => {
  function register(heading: CellValue[]) {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    const sheet = grid.sheets.find((s) => s.name === '分发登记2')!;
    sheet.rows[5] = [...heading, ...Array(10 - heading.length).fill(null)];
    sheet.rows[6] = [1, '2045', '管理学基础', 31, '01', '10:05', '周涛', '12:06', '周涛', null];
    typeInto(grid, '分发登记2', 'G3', null);
    return readWorkbook(grid);
  }
  const dateBlank = ['required-field', 'field', 'error', 4, '分发登记2', 'G3', null, '“日期”没有填写。这是附件4 试卷分发登记表必填的一项，请补填后再提交。'];

  it.each([
    ['“6.15” in 试卷号', [null, '6.15']],
    ['6.15 kept as a number in 序号', [6.15]],
    ['“6.15” in 领取时间', [null, null, null, null, null, '6.15']],
    ['“6月15日” in 试卷号', [null, '6月15日']],
  ])('%s: the row below it handed out and back on 6月15日', (_name, heading) => {
    const model = register(heading);
    expect(model.data.distributions![1].rows).toEqual([
      {
        paperNo: '2045',
        paperName: '管理学基础',
        copies: 31,
        room: '01',
        issuedAt: '2024-06-15T10:05',
        collector: '周涛',
        returnedAt: '2024-06-15T12:06',
        returner: '周涛',
      },
    ]);
    expect(validateSite(model).map(tuple)).toEqual([dateBlank]);
  });

  it('with no heading the times alone have no day: kept as typed, not checked (the blank 日期 said)', () => {
    const model = register([null]);
    expect(model.data.distributions![1].rows![0]).toMatchObject({ issuedAt: '10:05', returnedAt: '12:06' });
    expect(validateSite(model).map(tuple)).toEqual([dateBlank]);
  });
});
