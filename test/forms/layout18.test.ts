/**
 * Review 17b's leftovers on forms laid out as other units lay them out (fix-layout18): 单位名称 as the label of the
 * unit's own name in 基本信息; a date column before its time column (取卷日期 | 取卷时间) whose date is wrong; two visible
 * columns headed alike (one empty: the filled one read; both filled otherwise: said, column-headed-twice). Workbooks from test/fixtures/layouts/ (the review's) or drawn from the fixtures, edited
 * as the officer typed them, read as the CLI reads them and validated: the whole finding (rule, severity, sheet, cell,
 * message), nothing else; and what was read, where.
 */
import * as fs from 'fs';
import * as path from 'path';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { CalendarDate, type CellValue, type WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from '../rules/tester';

const XLSX = path.join(__dirname, '..', 'fixtures', 'layouts');
const grid = (name: string) => readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const rowsOf = (g: WorkbookGrid, sheet: string): CellValue[][] => g.sheets.find((s) => s.name === sheet)!.rows as CellValue[][];

describe('单位名称: the unit’s own name where 基本信息 asks it by the unit’s level', () => {
  test('a 考点 typing “单位名称：” for “考点：” (A5, its value in B5): read as its 考点, at B5; no finding', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[4][0] = '单位名称：';
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.locations['site.examSite']]).toEqual(['岳麓考点', { sheet: '基本信息', cell: 'B5', form: 0, row: null }]);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('“单位名称：岳麓考点” in one cell: read at A5; no finding', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[4] = ['单位名称：岳麓考点'];
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.locations['site.examSite']?.cell]).toEqual(['岳麓考点', 'A5']);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('a 分校 typing “单位名称：” for “分校（学院）：”: read as its 分校; no finding', () => {
    const g = gridFromDrafts(draftWorkbook(base('fenxiao')));
    const info = rowsOf(g, '基本信息');
    const at = info.findIndex((r) => r?.[0] === '分校（学院）：');
    expect(at).toBeGreaterThan(0);
    typeInto(g, '基本信息', `A${at + 1}`, '单位名称：');
    const model = readWorkbook(g);
    expect([model.data.site?.school, model.data.site?.examSite ?? '']).toEqual(['长沙分校', '']);
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('单位级别 left blank: 单位名称 岳麓考点 is read as the 考点 its name ends with; only the blank level is said', () => {
    const g = grid('b8-value-below');
    const info = rowsOf(g, '基本信息');
    info[4][0] = '单位名称：';
    info[5][1] = null;
    const model = readWorkbook(g);
    expect(model.data.site?.examSite).toBe('岳麓考点');
    expect(validateSite(model).map(full)).toEqual([
      ['required-field', 'error', '基本信息', 'B6', '“单位级别”没有填写。这是基本信息必填的一项，请补填后再提交。'],
    ]);
  });

  test('“考点：岳麓考点” kept and a 单位名称 naming the 分校 in place of 分校（学院）: the 考点 stands, the 分校 is still not found', () => {
    const g = grid('b8-value-below');
    rowsOf(g, '基本信息')[3][0] = '单位名称：';
    const model = readWorkbook(g);
    expect([model.data.site?.examSite, model.data.site?.school]).toEqual(['岳麓考点', undefined]);
    expect(validateSite(model).map(full)).toEqual([
      [
        'required-field',
        'error',
        '基本信息',
        'A1',
        '表上找不到“分校”这一项，所以它也没有填写。这是基本信息必填的一项：请按空白表在表上写出“分校：”并填写（已有这一项、只是写法不同的，把它改成“分校：”）。',
      ],
    ]);
  });
});

describe('取卷日期 | 取卷时间: a date that gives no day is said at the date’s cell (review 17b D6’s leftover)', () => {
  const vault = (edit: (rows: CellValue[][]) => void) => {
    const g = grid('c3-date-time-columns');
    edit(rowsOf(g, '出入库记录'));
    return readWorkbook(g);
  };

  test('取卷日期 typed “2024/6/31”: one finding at F4, the date’s cell, quoting it — not “取卷时间写的是 7:45” at G4', () => {
    const model = vault((rows) => void (rows[3][5] = '2024/6/31'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'invalid-datetime',
        'error',
        '出入库记录',
        'F4',
        '“取卷时间”的日期写在这一格，写的是“2024/6/31”，读不出是哪一天（时分“7:45”在它后面的时间格里）。请改成如“2024/6/15”或“2024年6月15日”。',
      ],
    ]);
    expect(model.locations['vaultLog[0].takenAt']?.cell).toBe('G4');
  });

  test('还卷日期 left blank on row 2: its 12:15 is read on the row’s 取卷 day, as a 还卷时间 written short is; no finding', () => {
    const model = vault((rows) => void (rows[4][9] = null));
    expect(model.data.vaultLog![1].returnedAt).toBe('2024-06-15T12:15');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('取卷日期 blank on row 3: at F6; its 还卷 (on its own date) is judged as before', () => {
    const model = vault((rows) => void (rows[5][5] = null));
    expect(validateSite(model).map(full)).toEqual([
      [
        'invalid-datetime',
        'error',
        '出入库记录',
        'F6',
        '“取卷时间”只写了时分“7:50”，它的日期写在这一格，这一格却没有填写，读不出是哪一天。请在这一格填上日期，如“2024/6/15”或“2024年6月15日”。',
      ],
    ]);
  });

  test('a time that is no time (“七点四五”) under a good date: said at the time’s cell G4, as before', () => {
    const model = vault((rows) => void (rows[3][6] = '七点四五'));
    expect(validateSite(model).map(full)).toEqual([
      [
        'invalid-datetime',
        'error',
        '出入库记录',
        'G4',
        '“取卷时间”写的是“七点四五”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。',
      ],
    ]);
  });

  test('a date typed into a cell formatted 日期时间 (2024/6/15 0:00): its day with the time beside it; no finding', () => {
    const model = vault((rows) => void (rows[3][5] = new Date(Date.UTC(2024, 5, 15))));
    expect(model.data.vaultLog![0].takenAt).toBe('2024-06-15T07:45');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('the date’s cell of each time is located under the time’s path (`vaultLog[0].takenAt.date`)', () => {
    const model = vault(() => undefined);
    expect([model.locations['vaultLog[0].takenAt.date']?.cell, model.locations['vaultLog[2].returnedAt.date']?.cell]).toEqual(['F4', 'J6']);
  });
});

describe('取卷日期 | 取卷时间: a date that reads but is the wrong day is said at the date’s cell', () => {
  const day = (d: number) => new CalendarDate(Date.UTC(2024, 5, d));
  const vault = (edit: (rows: CellValue[][]) => void) => {
    const g = grid('c3-date-time-columns');
    edit(rowsOf(g, '出入库记录'));
    return validateSite(readWorkbook(g)).map(full);
  };

  test('还卷日期 6/14 for a 6/15 07:45 checkout (10:20 would follow it that day): time-order at J4, the date — not K4', () => {
    expect(vault((rows) => void (rows[3][9] = day(14)))).toEqual([
      ['time-order', 'error', '出入库记录', 'J4', '“还卷时间”是 6月14日 10:20，早于取卷时间 6月15日 07:45。结束不能早于开始，请核对这两个时间。'],
    ]);
  });

  test('还卷日期 6/17 for a session ended 6/15 10:00 (10:20 that day is in time): not-returned at J4', () => {
    expect(vault((rows) => void (rows[3][9] = day(17)))).toEqual([
      [
        'not-returned',
        'error',
        '出入库记录',
        'J4',
        '试卷 1001 在 6月17日 10:20 才还回保密室，这场考试 6月15日 10:00 已结束 48小时20分。考后须及时送回（时限 2小时），请核对还卷时间并说明原因。',
      ],
    ]);
  });

  test('3310’s 取卷日期 6/15 for its 6/16 08:30 session (07:50 that day is in the window): checkout-window at F6', () => {
    expect(vault((rows) => void (rows[5][5] = day(15)))).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F6',
        '试卷 3310 在 6月15日 07:50 就出库了，而它的考试 6月16日 08:30 才开考，中间还有 6月15日 08:30 开考的另一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对取卷时间。',
      ],
    ]);
  });

  test('a time that is wrong on the right day (还卷时间 16:30): not-returned at the time’s cell K4, as before', () => {
    expect(vault((rows) => void (rows[3][10] = new Date(Date.UTC(1899, 11, 30, 16, 30))))).toEqual([
      [
        'not-returned',
        'error',
        '出入库记录',
        'K4',
        '试卷 1001 在 6月15日 16:30 才还回保密室，这场考试 6月15日 10:00 已结束 6小时30分。考后须及时送回（时限 2小时），请核对还卷时间并说明原因。',
      ],
    ]);
  });
});

describe('two visible columns headed 取卷时间 (review 17b D7’s leftover)', () => {
  test('the old column F left visible and empty beside the one in use (G): G is read; no finding — not “取卷时间没有填写” at F4–F6', () => {
    const g = grid('c4-hidden-old-column');
    const vault = g.sheets.find((s) => s.name === '出入库记录')!;
    delete vault.hiddenCols;
    const model = readWorkbook(g);
    expect(model.data.vaultLog!.map((r) => r.takenAt)).toEqual(['2024-06-15T07:45', '2024-06-15T09:45', '2024-06-16T07:50']);
    expect(model.locations['vaultLog[0].takenAt']?.cell).toBe('G4');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('the column in use first (G empty after F filled): F is read, as before; no finding', () => {
    const g = grid('c4-hidden-old-column');
    const vault = g.sheets.find((s) => s.name === '出入库记录')!;
    delete vault.hiddenCols;
    for (const row of vault.rows.slice(3, 6) as CellValue[][]) [row[5], row[6]] = [row[6], null];
    const model = readWorkbook(g);
    expect(model.locations['vaultLog[2].takenAt']?.cell).toBe('F6');
    expect(validateSite(model).map(full)).toEqual([]);
  });

  test('both filled, otherwise (F last term’s 1月13日, G this term’s times): F read, as the first; G3 says so, naming F', () => {
    const g = grid('c5-hidden-old-column-filled');
    delete g.sheets.find((s) => s.name === '出入库记录')!.hiddenCols;
    const found = validateSite(readWorkbook(g)).map(full);
    expect(found[0]).toEqual([
      'column-headed-twice',
      'warning',
      '出入库记录',
      'G3',
      '表头里有两栏都叫“取卷时间”：检查读的是 F 栏，这一栏（G 栏）没有读，两栏填的又不一样。同一张表每一项只能有一栏：请核对哪一栏是对的，删去不用的一栏（或把它的表头改成别的名字，如“备注”），再检查一次。',
    ]);
    // What F's times give, each at its F cell (the officer sees which column is read).
    expect(found.slice(1).map((f) => [f[0], f[3]])).toEqual([
      ['checkout-before-intake', 'F4'],
      ['checkout-before-intake', 'F5'],
      ['checkout-before-intake', 'F6'],
    ]);
  });
});
