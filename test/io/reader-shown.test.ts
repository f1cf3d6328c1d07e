/**
 * A cell reads as Excel shows it (review 17a): an error value (#REF!, #DIV/0!,
 * #N/A), cached as a formula's result or typed, is that text, quoted by the
 * checks — never blank, never worked out again; a shared formula's other cells
 * without a cached value take the master's formula moved to them; a TRUE/FALSE
 * cell is quoted TRUE/FALSE. The lean reader and exceljs' grid agree on each,
 * except where exceljs cannot keep the error (a formula's error result under a
 * date format: exceljs makes it an Invalid Date).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/check/service';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { readXlsx } from '../../src/io/xlsx/reader';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { shiftFormula } from '../../src/io/xlsx/shared-formula';
import type { WorkbookGrid } from '../../src/model/grid';
import { handMade, withRow2 } from './hand-made';

jest.setTimeout(60_000);

const READING = path.join(__dirname, '..', 'fixtures', 'reading');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(READING, name)));

async function viaExceljs(buf: Uint8Array): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return gridFromWorkbook(wb);
}

const sheetOf = (grid: WorkbookGrid, name: string) => grid.sheets.find((s) => s.name === name)!;

/** Every finding of a workbook read by the lean reader, as (rule, severity, sheet, cell, message). */
async function findingsOf(name: string) {
  const checked = await checkWorkbook({ file: name, bytes: bytesOf(name), sha256: null, grid: (b) => readXlsx(b!) });
  return checked.report.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.message]);
}

/** Each error value's cause, as the message says it (review 20a D5). */
const CAUSE: Record<string, string> = { '#REF!': '它引用的格子已被删除', '#DIV/0!': '它在除以 0 或空格', '#N/A': '它要查找的值没有找到' };
const ERROR_COUNT = (field: string, value: string) =>
  `“${field}”这一格显示的是“${value}”，这是 Excel 的错误值：格子里的公式算不出结果（${CAUSE[value]}），表上和打印出来的都是“${value}”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。`;

/** The findings of the demo's faulty 考点 workbook (h00) its edits leave as they are. */
const TWO_SIGNERS = ['two-signers', 'error', '交接单', 'D20', '“接收人签字”只有 1 人签字（龚梅）。交接单每一方须两人签字，请由另一名在场人员补签。'];
const CHECKOUT_WINDOW = [
  'checkout-window',
  'error',
  '出入库记录',
  'F4',
  '试卷 1001 在 6月15日 06:30 出库，比它这场考试开考（6月15日 08:30）早了 2小时。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
];
const RETURN_TIME = [
  'invalid-datetime',
  'error',
  '出入库记录',
  'I5',
  '“还卷时间”写的是“6月15日 十点多”，读不出是哪年哪月哪日几时几分。表上的时间须写到年、月、日、时、分，请改成如“2024年6月15日8时30分”或“2024-06-15 08:30”。',
];
const PROCTOR = [
  'proctor-takes-papers',
  'error',
  '出入库记录',
  'E6',
  '取卷人“贺红怡”在涉卷人员名单上是“监考人员”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。',
];
const NOT_RETURNED = [
  'not-returned',
  'error',
  '出入库记录',
  'I7',
  '试卷 1112 于 6月15日 13:15 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
];
const DUTY_GAP = [
  'duty-gap',
  'error',
  '值班记录2',
  'D3',
  '上一班到 6月15日 06:00 结束，这一班 6月15日 08:00 才开始，中间 2小时无人值班。试卷在库期间须 24 小时昼夜值班，请补记这段值班或核对时间。',
];

describe('an error value reads as the cell shows it (review 17a D1)', () => {
  it('a formula whose cached result is an error, and an error cell, are the error text: no formula kept to work out again, on both paths', async () => {
    const buf = await handMade(
      withRow2(
        '<c r="A2" t="e"><f>SUM(B1:B1)+#REF!</f><v>#REF!</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="e"><v>#N/A</v></c>' +
          '<c r="D2" t="e"><f>VLOOKUP(1,A1:A1,2)</f><v>#VALUE!</v></c><c r="E2" t="e"><f>FOO()</f><v>#NAME?</v></c><c r="F2" t="e"><f t="shared" ref="F2:G2" si="0">1/0</f><v>#DIV/0!</v></c><c r="G2" t="e"><f t="shared" si="0"/><v>#DIV/0!</v></c>',
      ),
    );
    const grid = readXlsx(buf);
    expect(grid.sheets[0].rows[1]).toEqual(['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#DIV/0!', '#DIV/0!']);
    expect(grid.sheets[0].formulas).toBeUndefined();
    expect(readXlsxInNode(buf)).toEqual(grid);
    expect(await viaExceljs(buf)).toEqual(grid);
  });

  it('h35: a 合计 showing #REF!, a 数量 showing #DIV/0! and one showing #N/A are each said to show an Excel error, at their cells', async () => {
    const grid = readXlsx(bytesOf('h35-cached-error-results.xlsx'));
    expect(sheetOf(grid, '交接单').rows[16][3]).toBe('#REF!');
    expect(sheetOf(grid, '出入库记录').rows[3][3]).toBe('#DIV/0!');
    expect(sheetOf(grid, '出入库记录').rows[4][3]).toBe('#N/A');
    expect(sheetOf(grid, '交接单').formulas?.D17).toBeUndefined();
    expect(sheetOf(grid, '出入库记录').formulas?.D4).toBeUndefined();
    // Before: no finding at D17 (the 合计 taken as not filled in), D4 “写的是‘Infinity’”, D5 “没有填写”.
    expect(await findingsOf('h35-cached-error-results.xlsx')).toEqual([
      ['invalid-count', 'error', '交接单', 'D17', ERROR_COUNT('合计', '#REF!')],
      TWO_SIGNERS,
      ['invalid-count', 'error', '出入库记录', 'D4', ERROR_COUNT('数量', '#DIV/0!')],
      CHECKOUT_WINDOW,
      ['invalid-count', 'error', '出入库记录', 'D5', ERROR_COUNT('数量', '#N/A')],
      RETURN_TIME,
      PROCTOR,
      NOT_RETURNED,
      DUTY_GAP,
    ]);
  });

  it('h23: a 取卷时间 showing #DIV/0! (=1/0 under a date format) is quoted as #DIV/0!, not “Infinity”; a TRUE 数量 as TRUE (N2)', async () => {
    const grid = readXlsx(bytesOf('h23-error-bool-cells.xlsx'));
    const log = sheetOf(grid, '出入库记录');
    expect([log.rows[4][5], log.rows[5][5], log.rows[4][3]]).toEqual(['#DIV/0!', '#N/A', true]);
    // The str result “2024-06-15 13:15” under a date format stays its text (exceljs: an Invalid Date).
    expect(log.rows[6][5]).toBe('2024-06-15 13:15');
    expect(readXlsxInNode(bytesOf('h23-error-bool-cells.xlsx'))).toEqual(grid);
    expect(await findingsOf('h23-error-bool-cells.xlsx')).toEqual([
      ['column-total', 'error', '交接单', 'D17', '“合计”写的是 11，但上面各行相加是 10。合计须等于本栏各行之和，请核对后改正。'],
      TWO_SIGNERS,
      CHECKOUT_WINDOW,
      ['invalid-count', 'error', '出入库记录', 'D5', '“数量”写的是“TRUE”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。'],
      // A date-time showing an Excel error is said to be one, as a count is.
      [
        'invalid-datetime',
        'error',
        '出入库记录',
        'F5',
        '“取卷时间”这一格显示的是“#DIV/0!”，这是 Excel 的错误值：格子里的公式算不出结果（它在除以 0 或空格），表上和打印出来的都是“#DIV/0!”，不是日期时间。请改正公式，或删去公式直接填写，如“2024年6月15日8时30分”。',
      ],
      RETURN_TIME,
      PROCTOR,
      [
        'invalid-datetime',
        'error',
        '出入库记录',
        'F6',
        '“取卷时间”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是日期时间。请改正公式，或删去公式直接填写，如“2024年6月15日8时30分”。',
      ],
      NOT_RETURNED,
      DUTY_GAP,
    ]);
  });
});

describe('an error value in a name field (review 17a D1)', () => {
  it('a 取卷人 showing #N/A is said to show an Excel error where a name should be, once, at its cell', async () => {
    const zip = await JSZip.loadAsync(bytesOf('h35-cached-error-results.xlsx'));
    const part = 'xl/worksheets/sheet6.xml';
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace('<c r="E4" s="6" t="s"><v>45</v></c>', '<c r="E4" s="6" t="e"><f>VLOOKUP(A4,名单!A:B,2,0)</f><v>#N/A</v></c>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const checked = await checkWorkbook({ file: 'e4.xlsx', bytes, sha256: null, grid: (b) => readXlsx(b!) });
    const all = checked.report.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.message]);
    // Before: “签字人‘#N’不在涉卷人员名单上” and “签字人‘A’…”, the error cut at its slash into two people.
    expect(all.filter((f) => f[3] === 'E4')).toEqual([
      [
        'signature-not-a-name',
        'error',
        '出入库记录',
        'E4',
        '“取卷人签字”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果，表上和打印出来的都是“#N/A”，不是签名，看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请删去公式，在这里写上签字人的姓名。',
      ],
    ]);
    // Nothing else changes: the findings of h35 as it is.
    expect(all.filter((f) => f[3] !== 'E4')).toEqual(await findingsOf('h35-cached-error-results.xlsx'));
  });
});

describe("a shared formula's other cells without a cached value (review 17a D2)", () => {
  it("take the master's formula with its relative references moved to their cell, $-anchored parts kept, on both paths", async () => {
    const buf = await handMade(
      withRow2(
        '<c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B5" si="0">A2*$B$1+A$2</f><v>86</v></c>' +
          '<c r="C2"><f t="shared" ref="C2:D2" si="1">SUM($A2:B2)</f></c><c r="D2"><f t="shared" si="1"/></c></row>' +
          '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c></row><row r="4"><c r="B4"><f t="shared" si="0"/><v>2</v></c></row>' +
          '<row r="5"><c r="A5"><v>5</v></c><c r="B5"><f t="shared" si="0"/></c>',
      ),
    );
    const grid = readXlsx(buf);
    expect(grid.sheets[0].rows.slice(1)).toEqual([
      [2, 86, null, null],
      [3, null],
      [null, 2],
      [5, null],
    ]);
    expect(grid.sheets[0].formulas).toEqual({ C2: 'SUM($A2:B2)', D2: 'SUM($A2:C2)', B3: 'A3*$B$1+A$2', B5: 'A5*$B$1+A$2' });
    expect(readXlsxInNode(buf)).toEqual(grid);
    expect(await viaExceljs(buf)).toEqual(grid);
  });

  it('h06: 数量 D5 and D7 (=0+2 shared, no cached value) read as 2, as Excel shows them, not “没有填写”', async () => {
    const grid = readXlsx(bytesOf('h06-shared-formulas.xlsx'));
    expect(sheetOf(grid, '出入库记录').formulas).toEqual({ D5: '0+2', D7: '0+2' });
    // Each other cell's text is made when asked, not kept: 20,000 copies of a 2.9 KB formula cost a gigabyte (review 18a D1).
    const formulas = sheetOf(grid, '出入库记录').formulas!;
    expect(['D5', 'D7'].map((cell) => typeof Object.getOwnPropertyDescriptor(formulas, cell)?.get)).toEqual(['function', 'function']);
    const findings = await findingsOf('h06-shared-formulas.xlsx');
    expect(findings.filter((f) => f[0] === 'required-field')).toEqual([]);
    // The workbook with every one of them cached (<v>2</v>) gives the same findings.
    expect(findings.map((f) => f.slice(0, 4))).toEqual([
      ['column-total', 'error', '交接单', 'D17'],
      TWO_SIGNERS.slice(0, 4),
      CHECKOUT_WINDOW.slice(0, 4),
      RETURN_TIME.slice(0, 4),
      PROCTOR.slice(0, 4),
      ['overdraw', 'error', '出入库记录', 'D7'],
      NOT_RETURNED.slice(0, 4),
      ['handed-out-beyond-checkout', 'error', '分发登记1', 'D10'],
      DUTY_GAP.slice(0, 4),
    ]);
  });

  it('shiftFormula moves A1 references only: not text in quotes, a quoted sheet name, a function or a name past XFD', () => {
    expect(shiftFormula('IF(A1="B2",\'Sheet A1\'!C3,LOG10(D4)+XYZ1)', 2, 1)).toBe('IF(B3="B2",\'Sheet A1\'!D5,LOG10(E6)+XYZ1)');
    expect(shiftFormula('Sheet1!A1+$A$1', 1, 1)).toBe('Sheet1!B2+$A$1');
    expect(shiftFormula('A1', -1, 0)).toBeUndefined();
  });
});
