/**
 * The Office.js adapter reads a workbook into the grid in a constant number of
 * syncs (3) whatever its size, reads big ranges in chunks, and gives the
 * readers the same site data as exceljs does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { readXlsx } from '../../src/io/xlsx/reader';
import { DESKTOP_READ_OPTIONS, WEB_READ_OPTIONS, mergeAddresses, plainOfficeValue, readOfficeGrid } from '../../src/io/office-grid';
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, parseA1 } from '../../src/model/grid';
import { WorkbookReadError } from '../../src/model/limits';
import { FakeContext, Value, asExcel, fakeSheet } from './fake-excel';
import { exceljsGrid, fakeSheetsFromGrid, fixture, workbookBytes } from './helpers';

function bigSheet(name: string, rows: number, cols: number): ReturnType<typeof fakeSheet> {
  const data: Value[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Value[] = [];
    for (let c = 0; c < cols; c++) line.push(c === 0 ? r + 1 : `张${r % 97}`);
    data.push(line);
  }
  return fakeSheet(name, data, ['A1:D1']);
}

describe('readOfficeGrid', () => {
  test('a used range over the limit (A1 to XFD1048576) is refused with the one line every host gives, before a value is read', async () => {
    const far: Value[] = [];
    far[16_383] = '末';
    const rows: Value[][] = [['首']];
    rows[1_048_575] = far;
    const ctx = new FakeContext({ sheets: [fakeSheet('附件1', [['考点']]), fakeSheet('巨表', rows)], settings: new Map(), inserted: [] });
    await expect(readOfficeGrid(asExcel(ctx), WEB_READ_OPTIONS)).rejects.toThrow(
      new WorkbookReadError(
        '工作簿超出读取上限：工作表“巨表”的已用区域 1,048,576 行 × 16,384 列（17,179,869,184 个单元格），上限 3,000,000 个单元格。疑似异常文件，已拒绝读取；如是正常工作簿，请删去表格下方和右侧多余的行列后再检查',
      ),
    );
    expect(ctx.syncs).toBe(2);
    expect(ctx.cellsRead ?? 0).toBe(0);
  });

  test("small workbook (the 考点 fixture): 4 syncs (3, and the formats of its dates typed alone: 附件4's 日期), same site data as exceljs", async () => {
    const grid = await exceljsGrid(await workbookBytes(fixture()));
    const ctx = new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx));
    expect(result.syncs).toBe(4);
    expect(ctx.syncs).toBe(4);
    expect(result.grid.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    expect(result.grid.sheets.map((s) => [...s.merges].sort())).toEqual(grid.sheets.map((s) => [...s.merges].sort()));
    const viaOffice = readWorkbook(result.grid);
    const viaExceljs = readWorkbook(grid);
    expect(viaOffice.data).toEqual(viaExceljs.data);
    expect(viaOffice.locations).toEqual(viaExceljs.locations);
    expect(viaOffice.unreadRows).toEqual(viaExceljs.unreadRows);
  });

  test('Excel 2016 (ExcelApi 1.1 only): the same grid through getUsedRange and ranges by address, still 4 syncs', async () => {
    const grid = await exceljsGrid(await workbookBytes(fixture()));
    const sheets = [...fakeSheetsFromGrid(grid), fakeSheet('空白', [], [])];
    const modern = await readOfficeGrid(asExcel(new FakeContext({ sheets, settings: new Map(), inserted: [] })), { ...DESKTOP_READ_OPTIONS, merges: false });
    const ctx = new FakeContext({ sheets, settings: new Map(), inserted: [], apiLevel: '1.1' });
    const legacy = await readOfficeGrid(asExcel(ctx), { ...DESKTOP_READ_OPTIONS, merges: false, legacy: true });
    expect(legacy.syncs).toBe(4);
    expect(legacy.grid).toEqual(modern.grid);
    expect(legacy.grid.sheets[legacy.grid.sheets.length - 1]).toEqual({ name: '空白', rows: [], merges: [] });
    // and the modern calls really are refused at that level
    await expect(
      readOfficeGrid(asExcel(new FakeContext({ sheets, settings: new Map(), inserted: [], apiLevel: '1.1' })), DESKTOP_READ_OPTIONS),
    ).rejects.toThrow(/ExcelApi 1\.4/);
  });

  test('large workbook (3 × 40,000 rows × 12 columns = 1.44 M cells): still 4 syncs on desktop, chunked reads', async () => {
    const sheets = [bigSheet('大表1', 40_000, 12), bigSheet('大表2', 40_000, 12), bigSheet('大表3', 40_000, 12)];
    const ctx = new FakeContext({ sheets, settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx), DESKTOP_READ_OPTIONS);
    // 3, and one for the formats of column A from 序号 36,526 on (whole numbers that a date of 2000–2099 would be).
    expect(result.syncs).toBe(4);
    expect(ctx.syncs).toBe(4);
    expect(result.cells).toBe(3 * 40_000 * 12);
    expect(ctx.maxCellsPerRead).toBeLessThanOrEqual(DESKTOP_READ_OPTIONS.cellsPerChunk);
    expect(result.grid.sheets[2].rows).toHaveLength(40_000);
    expect(result.grid.sheets[2].rows[39_999][0]).toBe(40_000);
    expect(result.grid.sheets[0].merges).toEqual(['A1:D1']);
    console.log(`sync counts: small 3, large (1.44 M cells) desktop ${result.syncs}`);
  });

  test('the same large workbook on Excel on the web: every sync stays under the 5 MB budget', async () => {
    const sheets = [bigSheet('大表1', 40_000, 12), bigSheet('大表2', 40_000, 12), bigSheet('大表3', 40_000, 12)];
    const ctx = new FakeContext({ sheets, settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx), WEB_READ_OPTIONS);
    // 2 fixed syncs + ⌈1.44 M / 400 k⌉ value syncs + 1 for the formats of 3 × 3,475 whole numbers that may be dates.
    expect(result.syncs).toBe(2 + Math.ceil((3 * 40_000 * 12) / WEB_READ_OPTIONS.cellsPerSync) + 1);
    expect(ctx.maxCellsPerRead).toBeLessThanOrEqual(WEB_READ_OPTIONS.cellsPerChunk);
    console.log(`sync counts: large (1.44 M cells) on the web ${result.syncs}`);
  });

  test('a workbook up to 400,000 cells reads in 3 syncs on the web too', async () => {
    const ctx = new FakeContext({ sheets: [bigSheet('S', 33_000, 12)], settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx), WEB_READ_OPTIONS);
    expect(result.syncs).toBe(3);
  });

  test('a date typed alone (a whole serial, its cell showing no time) is a day, as the xlsx reader gives it; under a date-time format that date-time (fix-words21: it stayed the serial, previewed as one), under General the serial; no formats read without a number a date may be', async () => {
    const sheet = fakeSheet('日期', [[45458, 45458, 45458, 45458.5, 12]]);
    sheet.formats = new Map([
      ['A1', 'yyyy"年"m"月"d"日"'],
      ['B1', 'yyyy/m/d h:mm'],
      ['D1', 'yyyy/m/d'],
    ]);
    const ctx = new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx));
    const row = result.grid.sheets[0].rows[0];
    // D1: 12:00 under yyyy/m/d, its time hidden (review 13a D2).
    expect(row).toEqual([new Date('2024-06-15T00:00:00Z'), new Date('2024-06-15T00:00:00Z'), 45458, new Date('2024-06-15T12:00:00Z'), 12]);
    expect(row[0]).toBeInstanceOf(CalendarDate);
    expect(row[3]).toBeInstanceOf(HiddenTimeDate);
    expect(result.syncs).toBe(4);
    const plain = new FakeContext({ sheets: [fakeSheet('数', [[12, 3000.5, '2024年6月15日']])], settings: new Map(), inserted: [] });
    expect((await readOfficeGrid(asExcel(plain))).syncs).toBe(3);
  });

  test('review 13a D2: a date’s serial under 文本 (@) is the text it shows, a date-time under yyyy/m/d a HiddenTimeDate, as the xlsx reader gives them; a count under @ stays a number', async () => {
    const sheet = fakeSheet('日期', [[45458.40625, 45458, 45458.40625, 12, 45458.40625]]);
    sheet.formats = new Map([
      ['A1', '@'],
      ['B1', '@'],
      ['C1', 'yyyy/m/d'],
      ['D1', '@'],
      ['E1', 'yyyy/m/d h:mm'],
    ]);
    const result = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })));
    const row = result.grid.sheets[0].rows[0];
    expect(row).toEqual(['45458.40625', '45458', new Date('2024-06-15T09:45:00Z'), 12, new Date('2024-06-15T09:45:00Z')]);
    expect(row[2]).toBeInstanceOf(HiddenTimeDate);
    expect(result.syncs).toBe(4);
    // The review's workbooks themselves, through the pane: the same site data as the xlsx reader.
    const cases: Array<[string, string, string, number | undefined]> = [
      ['s1-date-cell-text-format', '出入库记录', 'F5', 45458.40625],
      ['s2-schedule-cell-text-format', '考试安排', 'D4', 45458.4375],
      ['s3-date-cell-no-time-format', '出入库记录', 'F5', undefined],
    ];
    for (const [name, sheetName, cell, serial] of cases) {
      const bytes = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review13a', 'xlsx', `${name}.xlsx`));
      const sheets = fakeSheetsFromGrid(await exceljsGrid(bytes));
      if (serial !== undefined) {
        // What Excel holds there: the number, its format 文本 (the grid gives the text it shows).
        const fake = sheets.find((s) => s.name === sheetName)!;
        const { row, col } = parseA1(cell)!;
        fake.rows[row][col] = serial;
        fake.formats!.set(cell, '@');
      }
      const viaOffice = (await readOfficeGrid(asExcel(new FakeContext({ sheets, settings: new Map(), inserted: [] })))).grid;
      const viaXlsx = readWorkbook(readXlsx(bytes));
      expect([name, readWorkbook(viaOffice).data]).toEqual([name, viaXlsx.data]);
      expect([name, readWorkbook(viaOffice).timeNotShown]).toEqual([name, viaXlsx.timeNotShown]);
    }
  });

  test('a date-time under General or a number format (it shows 45458.40625) is a SerialShownDate, as the xlsx reader gives it; a whole serial there stays a number', async () => {
    const sheet = fakeSheet('日期', [[45458.40625, 45458.40625, 45458, 45458.40625]]);
    sheet.formats = new Map([
      ['A1', 'General'],
      ['B1', '0.00'],
      ['C1', 'General'],
      ['D1', 'yyyy/m/d h:mm'],
    ]);
    const result = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })));
    const row = result.grid.sheets[0].rows[0];
    const at = new Date('2024-06-15T09:45:00Z');
    // D1: under a format that shows the date and time, that date-time, as the xlsx reader gives it (fix-words21: it was the serial).
    expect(row).toEqual([at, at, 45458, at]);
    expect(row.map((v) => v instanceof SerialShownDate)).toEqual([true, true, false, false]);
    expect(result.syncs).toBe(4);
  });

  test('review 17a N1: a date-time under a format that shows its time alone (h:mm, [h]:mm) is a ClockShownDate, as the xlsx reader gives it', async () => {
    const sheet = fakeSheet('日期', [[45458.40625, 45458.40625, 45458.40625, 45458.40625]]);
    sheet.formats = new Map([
      ['A1', 'h:mm'],
      ['B1', '[h]:mm:ss'],
      ['C1', 'h"时"mm"分"'],
      ['D1', 'yyyy/m/d h:mm'],
    ]);
    const result = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })));
    const row = result.grid.sheets[0].rows[0];
    const at = new Date('2024-06-15T09:45:00Z');
    expect(row).toEqual([at, at, at, at]);
    expect(row.map((v) => v instanceof ClockShownDate)).toEqual([true, true, true, false]);
    expect(result.syncs).toBe(4);
  });

  test('the sync count does not grow with the number of sheets', async () => {
    const few = new FakeContext({ sheets: [bigSheet('a', 10, 5)], settings: new Map(), inserted: [] });
    const many = new FakeContext({ sheets: Array.from({ length: 60 }, (_, i) => bigSheet(`s${i}`, 200, 8)), settings: new Map(), inserted: [] });
    expect((await readOfficeGrid(asExcel(few))).syncs).toBe(3);
    expect((await readOfficeGrid(asExcel(many))).syncs).toBe(3);
  });

  test('empty sheets and a used range that starts away from A1', async () => {
    const rows: Value[][] = [];
    rows[4] = [];
    rows[4][3] = '接收单位：岳麓考点';
    const ctx = new FakeContext({ sheets: [fakeSheet('空'), fakeSheet('偏移', rows)], settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx));
    expect(result.syncs).toBe(3);
    expect(result.grid.sheets[0]).toEqual({ name: '空', rows: [], merges: [] });
    expect(result.grid.sheets[1].rows[4]).toEqual([null, null, null, '接收单位：岳麓考点']);
    expect(result.grid.sheets[1].rows[0]).toEqual([]);
  });

  test('hidden sheets and hidden rows (review 6): the grid the xlsx reader gives, in the same syncs; a sheet whose rows are all hidden asks no row alone', async () => {
    for (const name of ['v-hidden-draft-sheet', 'v-hidden-row']) {
      const grid = readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review6', 'xlsx', `${name}.xlsx`)));
      const ctx = new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] });
      const result = await readOfficeGrid(asExcel(ctx));
      expect(result.grid.sheets.map(({ name, state, hiddenRows }) => ({ name, state, hiddenRows }))).toEqual(
        grid.sheets.map(({ name, state, hiddenRows }) => ({ name, state, hiddenRows })),
      );
      expect(readWorkbook(result.grid).data).toEqual(readWorkbook(grid).data);
      expect(result.syncs).toBe(4);
    }
    const sheet = fakeSheet('全隐藏', [['a'], ['b']]);
    sheet.hiddenRows = [0, 1];
    sheet.visibility = 'VeryHidden';
    const ctx = new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] });
    const loads = ctx.loads;
    const all = await readOfficeGrid(asExcel(ctx));
    expect(all.grid.sheets[0]).toEqual({ name: '全隐藏', rows: [['a'], ['b']], merges: [], state: 'veryHidden', hiddenRows: [0, 1] });
    // The sheets, the used range, its merges, its autoFilter, where its formulas are (none: no formula asked), its values
    // and its font's strikethrough: every row hidden is known from the used range, none is asked alone.
    expect(ctx.loads - loads).toBe(7);
  });

  test('cells struck through and the autoFilter (review 12 D2, D6): the grid the xlsx reader gives; one sync more only where a range is struck in part', async () => {
    for (const [name, syncs] of [
      ['t9-strikethrough', 5],
      ['t8-autofilter-planted', 4],
    ] as const) {
      const grid = readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx', `${name}.xlsx`)));
      const ctx = new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] });
      const result = await readOfficeGrid(asExcel(ctx));
      const marks = (g: typeof grid) => g.sheets.map(({ name, struck, autoFilter, hiddenRows }) => ({ name, struck, autoFilter, hiddenRows }));
      expect(marks(result.grid)).toEqual(marks(grid));
      expect(readWorkbook(result.grid).voided).toEqual(readWorkbook(grid).voided);
      expect(readWorkbook(result.grid).filteredRows).toEqual(readWorkbook(grid).filteredRows);
      expect([name, result.syncs]).toEqual([name, syncs]);
    }
    expect(readWorkbook(readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx', 't9-strikethrough.xlsx')))).voided).toEqual([
      { sheet: '出入库记录', cell: 'A7', struck: true, noNoteColumn: true },
    ]);
  });

  test('without ExcelApi 1.9 (Excel 2016/2019): a row a filter hides is not told to be deleted — the autoFilter could not be asked (review 16a D3)', async () => {
    const grid = readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx', 't8-autofilter-planted.xlsx')));
    const ctx = new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx), { ...DESKTOP_READ_OPTIONS, cellProperties: false });
    const hidden = result.grid.sheets.filter((s) => s.hiddenRows?.length);
    expect(hidden.map((s) => [s.name, s.hiddenRows, s.filterUnknown, s.autoFilter])).toEqual([['出入库记录', [4], true, undefined]]);
    const notes = validateSite(readWorkbook(result.grid)).map((f) => [f.rule, f.cell, /（第 \d+ 行[^）]*）$/.exec(f.message)?.[0]]);
    expect(notes).toEqual([['checkout-window', 'F5', '（第 5 行是隐藏的，也可能是被筛选隐藏了：取消隐藏或清除筛选才看得见。）']]);
    // With 1.9 the same row is told as filtered out (review 12 D6).
    const with19 = validateSite(
      readWorkbook((await readOfficeGrid(asExcel(new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] })))).grid),
    );
    expect(with19.map((f) => /（第 \d+ 行[^）]*）$/.exec(f.message)?.[0])).toEqual([
      '（第 5 行被筛选隐藏了：清除筛选才看得见——Excel 点“数据”→“清除”，WPS 在筛选里选“全部显示”。）',
    ]);
  });

  test('without ExcelApi 1.9 (Excel 2016/2019): a row struck through is void, as read from the file (review 16a D3: it gave three errors)', async () => {
    const grid = readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx', 't9-strikethrough.xlsx')));
    for (const legacy of [false, true]) {
      const ctx = new FakeContext({ sheets: fakeSheetsFromGrid(grid), settings: new Map(), inserted: [] });
      const result = await readOfficeGrid(asExcel(ctx), { ...DESKTOP_READ_OPTIONS, cellProperties: false, legacy });
      expect(result.grid.sheets.map((s) => s.struck)).toEqual(grid.sheets.map((s) => s.struck));
      expect(validateSite(readWorkbook(result.grid)).map((f) => [f.rule, f.severity, f.cell])).toEqual([['voided-row', 'warning', 'A7']]);
    }
  });

  test('without ExcelApi 1.9: a range struck through whole is read, one struck in part row by row (review 16a D3), the autoFilter not', async () => {
    const sheet = fakeSheet('表', [
      ['甲', '乙'],
      ['丙', '丁'],
    ]);
    sheet.struck = ['A1', 'B1', 'A2', 'B2'];
    sheet.autoFilter = 'A1:B2';
    const whole = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })), {
      ...DESKTOP_READ_OPTIONS,
      cellProperties: false,
    });
    expect(whole.grid.sheets[0]).toEqual({
      name: '表',
      rows: [
        ['甲', '乙'],
        ['丙', '丁'],
      ],
      merges: [],
      struck: ['A1', 'B1', 'A2', 'B2'],
    });
    sheet.struck = ['A2', 'B2'];
    const part = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })), {
      ...DESKTOP_READ_OPTIONS,
      cellProperties: false,
    });
    // Row 2 asked whole (struck), row 1 too (not): one sync more, none for cells.
    expect(part.grid.sheets[0]).toEqual({
      name: '表',
      rows: [
        ['甲', '乙'],
        ['丙', '丁'],
      ],
      merges: [],
      struck: ['A2', 'B2'],
    });
    expect(part.syncs).toBe(4);
    // A row whose filled cells are struck and an empty cell beside them is not: its cells asked one by one.
    const wide = fakeSheet('宽', [
      ['甲', '乙', '备注'],
      ['丙', '丁', ''],
    ]);
    wide.struck = ['A2', 'B2'];
    const cells = await readOfficeGrid(asExcel(new FakeContext({ sheets: [wide], settings: new Map(), inserted: [] })), {
      ...DESKTOP_READ_OPTIONS,
      cellProperties: false,
    });
    expect([cells.grid.sheets[0].struck, cells.syncs]).toEqual([['A2', 'B2'], 5]);
    const with19 = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })));
    expect(with19.grid.sheets[0]).toEqual({
      name: '表',
      rows: [
        ['甲', '乙'],
        ['丙', '丁'],
      ],
      merges: [],
      struck: ['A2', 'B2'],
      autoFilter: 'A1:B2',
    });
    expect(with19.syncs).toBe(4);
  });

  test('without ExcelApi 1.13 merges are skipped, not fatal', async () => {
    const ctx = new FakeContext({ sheets: [bigSheet('a', 3, 3)], settings: new Map(), inserted: [] });
    const result = await readOfficeGrid(asExcel(ctx), { ...DESKTOP_READ_OPTIONS, merges: false });
    expect(result.grid.sheets[0].merges).toEqual([]);
  });
});

test('Excel values become grid values: blanks are nothing, an error value the text the cell shows (review 17a D1)', () => {
  expect(plainOfficeValue('')).toBeNull();
  expect(plainOfficeValue('#N/A')).toBe('#N/A');
  expect(plainOfficeValue('#DIV/0!')).toBe('#DIV/0!');
  expect(plainOfficeValue(3)).toBe(3);
  expect(plainOfficeValue('张三')).toBe('张三');
  expect(plainOfficeValue(true)).toBe(true);
});

test('merged-area addresses, with quoted sheet names', () => {
  expect(mergeAddresses("'附件1 交接单'!A1:H1, '附件1 交接单'!$B$3:$C$3")).toEqual(['A1:H1', 'B3:C3']);
  expect(mergeAddresses('Sheet1!A1:B2')).toEqual(['A1:B2']);
  expect(mergeAddresses('')).toEqual([]);
  expect(mergeAddresses(null)).toEqual([]);
});
