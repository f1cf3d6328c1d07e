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
import { base, gridFromDrafts, typeInto } from './tester';
import { peopleIn } from '../../src/model/people';

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

describe('an Excel error value beside a name in a signature cell (李强、#N/A)', () => {
  const signed = (sheet: string, cell: string, value: string) => {
    const g = gridFromDrafts(draftWorkbook(base('kaodian')));
    typeInto(g, sheet, cell, value);
    return validateSite(readWorkbook(g)).map(full);
  };
  const among = (field: string, text: string, name: string, signer: string) =>
    `“${field}”写的是“${text}”，其中“${name}”是 Excel 的错误值（多半是公式算不出结果时复制过来的），不是签名：这一格只读出“${signer}”签了字，另一处看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请把“${name}”换成签字人的姓名，没有第二人签字的就删去它。`;

  test('the error is one word, not cut at its slash: #N/A, #DIV/0! beside a name', () => {
    expect([peopleIn('李强、#N/A'), peopleIn('#N/A、刘洋'), peopleIn('陈静 #DIV/0!'), peopleIn('#N/A')]).toEqual([
      ['李强', '#N/A'],
      ['#N/A', '刘洋'],
      ['陈静', '#DIV/0!'],
      ['#N/A'],
    ]);
  });

  test('取卷人签字 “李强、#N/A”: one finding at E4 quoting the cell, 李强 the one taker; no “#N”, “A” off the roster', () => {
    expect(signed('出入库记录', 'E4', '李强、#N/A')).toEqual([
      ['signature-not-a-name', 'error', '出入库记录', 'E4', among('取卷人签字', '李强、#N/A', '#N/A', '李强')],
    ]);
  });

  test('接收人签字 “李强、#N/A” on a handover: the error said naming 李强 the one receiver — one slip, one finding (review 19a D9)', () => {
    expect(signed('交接单', 'D20', '接收人签字（两人）：李强、#N/A')).toEqual([
      ['signature-not-a-name', 'error', '交接单', 'D20', among('接收人签字', '李强、#N/A', '#N/A', '李强')],
    ]);
  });

  test('接班人签字 “#N/A、刘洋” and 卷库保管员 “陈静，#REF!”: each said once, the name read kept', () => {
    expect(signed('值班记录1', 'D6', '#N/A、刘洋')).toEqual([
      ['signature-not-a-name', 'error', '值班记录1', 'D6', among('接班人签字', '#N/A、刘洋', '#N/A', '刘洋')],
    ]);
    expect(signed('入库清单', 'D18', '陈静，#REF!')).toEqual([
      ['signature-not-a-name', 'error', '入库清单', 'D18', among('卷库保管员', '陈静，#REF!', '#REF!', '陈静')],
    ]);
  });

  test('#N/A alone: said as before (error)', () => {
    expect(signed('出入库记录', 'E4', '#N/A')).toEqual([
      [
        'signature-not-a-name',
        'error',
        '出入库记录',
        'E4',
        '“取卷人签字”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果，表上和打印出来的都是“#N/A”，不是签名，看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请删去公式，在这里写上签字人的姓名。',
      ],
    ]);
  });
});

describe('review 18a fr01: a handover’s 学期 (its title’s) where the forms share one sheet', () => {
  test.each([
    ['every form on Sheet1', 'a5-all-on-sheet1'],
    ['交接单 over 入库清单 (交接入库 sheet)', 'a4-handover-intake-stacked'],
  ])('%s: 2024春, at the title’s cell, as on a sheet of its own', (_, name) => {
    const model = readWorkbook(grid(name));
    const own = readWorkbook(gridFromDrafts(draftWorkbook(base('kaodian'))));
    expect(own.data.handovers![0].semester).toBe('2024春');
    expect(model.data.handovers!.map((h) => h.semester)).toEqual(own.data.handovers!.map((h) => h.semester));
    expect(model.locations['handovers[0].semester']).toEqual(model.locations['handovers[0]']);
  });
});
