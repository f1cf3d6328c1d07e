/**
 * The WPS adapter reads a workbook into exactly the grid exceljs gives (every
 * template, every fixture), whatever shape the build returns Value2 in and
 * whether members are properties or methods; its number of host calls does not
 * grow with the number of cells; a huge used range is refused with one line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { plainWpsValue, readWpsGrid } from '../../src/io/wps/grid';
import { WorkbookReadError } from '../../src/model/limits';
import { toRows } from '../../src/io/wps/et';
import { CalendarDate, ClockShownDate, HiddenTimeDate, SerialShownDate, type WorkbookGrid } from '../../src/model/grid';
import { FakeApplication, FakeBookState, FakeEtOptions } from './fake-et';
import { ROOT, fakeBookFromXlsx, fixtureBytes, fixtureFiles, templateFiles } from './helpers';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';

/** WPS cannot ask for the autoFilter: the hidden row may be filtered out, and is not called a line to delete. */
const HIDDEN_ROW_8 = '（第 8 行是隐藏的，也可能是被筛选隐藏了：取消隐藏或清除筛选才看得见。）';
const HIDDEN_BY_HAND_8 = '（第 8 行是隐藏的：取消隐藏才看得见；若是误登，请整行删除。）';

const VARIANTS: FakeEtOptions[] = [
  { shape: 'rows', members: 'property' },
  { shape: 'flat', members: 'property' },
  { shape: 'flat-row', members: 'method' },
  { shape: 'nested', members: 'method' },
];

/**
 * WPS cannot tell a cell holding "" from an empty one (Value2 is "" for both),
 * so the exceljs grid's "" is compared as nothing, trailing ones trimmed.
 */
function withoutEmptyText(grid: WorkbookGrid): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => {
        const out = row.map((v) => (v === '' ? null : v));
        const hadEmpty = row.some((v) => v === '');
        let end = out.length;
        while (hadEmpty && end > 0 && out[end - 1] === null) end--;
        return out.slice(0, end);
      }),
    })),
  };
}

async function compare(bytes: Buffer): Promise<void> {
  const expected = withoutEmptyText(await gridFromXlsxBuffer(bytes));
  const book = await fakeBookFromXlsx(bytes);
  for (const options of VARIANTS) {
    const app = new FakeApplication(structuredClone(book), options);
    const { grid } = readWpsGrid(app);
    const sortMerges = (g: typeof grid) => ({ sheets: g.sheets.map((s) => ({ ...s, merges: [...s.merges].sort() })) });
    // What WPS cannot ask for (the autoFilter) it says it could not: each sheet with a hidden row, and no other.
    expect(grid.sheets.filter((s) => s.filterUnknown).map((s) => s.name)).toEqual(grid.sheets.filter((s) => s.hiddenRows?.length).map((s) => s.name));
    const known = { sheets: grid.sheets.map(({ filterUnknown: _, ...s }) => s) };
    expect({ options, grid: sortMerges(known) }).toEqual({ options, grid: sortMerges(expected) });
  }
}

describe('readWpsGrid equals the exceljs grid', () => {
  test.each(templateFiles())('template %s', async (file) => {
    await compare(fs.readFileSync(path.join(ROOT, 'templates', file)));
  });

  test.each(fixtureFiles())('fixture %s (filled by custody fill)', async (file) => {
    await compare(await fixtureBytes(file));
  });

  test('a hidden sheet is hidden in the grid (review 6: the hidden draft of 出入库记录)', async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'review6', 'xlsx', 'v-hidden-draft-sheet.xlsx'));
    await compare(bytes);
    const { grid } = readWpsGrid(new FakeApplication(await fakeBookFromXlsx(bytes), VARIANTS[0]));
    expect(grid.sheets.filter((s) => s.state).map((s) => [s.name, s.state])).toEqual([['出入库记录（草稿）', 'hidden']]);
  });

  test('a hidden row is hidden in the grid, and a finding on it says so (review 6: 4405’s mistaken line hidden as row 8)', async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'review6', 'xlsx', 'v-hidden-row.xlsx'));
    await compare(bytes);
    for (const options of VARIANTS) {
      const { grid } = readWpsGrid(new FakeApplication(await fakeBookFromXlsx(bytes), options));
      expect(grid.sheets.filter((s) => s.hiddenRows).map((s) => [s.name, s.hiddenRows])).toEqual([['出入库记录', [7]]]);
      const findings = validateSite(readWorkbook(grid));
      expect(findings.map((f) => [f.rule, f.sheet, f.cell, f.message.endsWith(HIDDEN_ROW_8)])).toEqual([
        ['spare-bag-out', '出入库记录', 'D8', true],
        // F8 written under Excel's default date format (m/d/yyyy): its print shows no time (review 13a D2).
        ['time-not-shown', '出入库记录', 'F8', true],
        ['checkout-window', '出入库记录', 'F8', true],
        ['not-returned', '出入库记录', 'I8', true],
      ]);
      // The same findings, word for word, as the workbook read from its file, but for the note: from the file the
      // reader knows the row is not filtered out (review 16a D3).
      const fromFile = validateSite(readWorkbook(await gridFromXlsxBuffer(bytes)));
      expect(findings).toEqual(fromFile.map((f) => ({ ...f, message: f.message.replace(HIDDEN_BY_HAND_8, HIDDEN_ROW_8) })));
      expect(fromFile.every((f) => f.message.endsWith(HIDDEN_BY_HAND_8))).toBe(true);
    }
  });

  test.each(['c4-hidden-old-column', 'c5-hidden-old-column-filled'])(
    'an old column kept hidden (review 17b D7: %s): hiddenCols as the xlsx reader gives them',
    async (name) => {
      const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'layouts', `${name}.xlsx`));
      await compare(bytes);
      const { grid } = readWpsGrid(new FakeApplication(await fakeBookFromXlsx(bytes), VARIANTS[0]));
      expect(grid.sheets.flatMap((s) => (s.hiddenCols ? [[s.name, s.hiddenCols]] : []))).toEqual([['出入库记录', [5]]]);
    },
  );

  test('hidden rows and columns cost a few probes: one each for a sheet without, a handful for one row of 20,000', () => {
    const shown = new FakeApplication(logBook(20_000));
    readWpsGrid(shown);
    // EntireRow.Hidden once, EntireColumn.Hidden once.
    expect(shown.log.filter((m) => m === 'Hidden')).toHaveLength(2);
    const book = logBook(20_000);
    book.sheets[0].hiddenRows = [9_000];
    const app = new FakeApplication(book);
    expect(readWpsGrid(app).grid.sheets[0].hiddenRows).toEqual([8_999]);
    expect(app.log.filter((m) => m === 'Hidden').length).toBeLessThan(40);
  });
});

/** A 附件3-like log of `rows` rows: header merges, a date column, a formula total, text and numbers. */
function logBook(rows: number): FakeBookState {
  const cells: FakeBookState['sheets'][0]['cells'] = {
    A1: { v: '保密室试卷出入库记录表' },
    A2: { v: '序号' },
    B2: { v: '时间' },
    C2: { v: '科目' },
    D2: { v: '份数' },
  };
  for (let r = 0; r < rows; r++) {
    const row = r + 3;
    cells[`A${row}`] = { v: r + 1 };
    cells[`B${row}`] = { v: 45292.35 + r / 24, fmt: 'yyyy"年"m"月"d"日" hh:mm' };
    cells[`C${row}`] = { v: r % 2 ? '高等数学' : '大学英语' };
    cells[`D${row}`] = { v: 30 };
  }
  cells[`D${rows + 3}`] = { f: `SUM(D3:D${rows + 2})` };
  return { sheets: [{ name: '出入库记录', cells, merges: ['A1:D1'] }] };
}

describe('dates as WPS shows them', () => {
  test('a date typed alone under a format with no time of day is a calendar date, as the xlsx reader gives it; with a time, or a time hidden, a moment', () => {
    const cells: FakeBookState['sheets'][0]['cells'] = {
      A1: { v: 45458, fmt: 'yyyy"年"m"月"d"日"' },
      B1: { v: 45458, fmt: 'yyyy/m/d h:mm' },
      C1: { v: 45458.5, fmt: 'yyyy/m/d' },
      D1: { v: 45458 },
    };
    for (const options of VARIANTS) {
      const row = readWpsGrid(new FakeApplication({ sheets: [{ name: '日期', cells, merges: [] }] }, options)).grid.sheets[0].rows[0];
      expect(row).toEqual([new Date('2024-06-15T00:00:00Z'), new Date('2024-06-15T00:00:00Z'), new Date('2024-06-15T12:00:00Z'), 45458]);
      expect(row.map((v) => v instanceof CalendarDate)).toEqual([true, false, false, false]);
      // C1: 12:00 under yyyy/m/d prints no time (review 13a D2).
      expect(row.map((v) => v instanceof HiddenTimeDate)).toEqual([false, false, true, false]);
    }
  });

  test('review 13a D2: a date’s serial under 文本 (@) is the text it shows, as the xlsx reader gives it; a count under @ stays a number', () => {
    const cells: FakeBookState['sheets'][0]['cells'] = {
      A1: { v: 45458.40625, fmt: '@' },
      B1: { v: 45458, fmt: '@' },
      C1: { v: 12, fmt: '@' },
      D1: { v: 45458.40625, fmt: 'yyyy/m/d h:mm' },
    };
    for (const options of VARIANTS) {
      const row = readWpsGrid(new FakeApplication({ sheets: [{ name: '日期', cells, merges: [] }] }, options)).grid.sheets[0].rows[0];
      expect(row).toEqual(['45458.40625', '45458', 12, new Date('2024-06-15T09:45:00Z')]);
    }
  });
  test('a date-time under 常规 (G/通用格式) or a number format is a SerialShownDate, as the xlsx reader gives it; a whole serial there stays a number', () => {
    const cells: FakeBookState['sheets'][0]['cells'] = {
      A1: { v: 45458.40625, fmt: 'G/通用格式' },
      B1: { v: 45458.40625, fmt: '0.00' },
      C1: { v: 45458, fmt: 'G/通用格式' },
      D1: { v: 45458.40625, fmt: 'yyyy/m/d h:mm' },
    };
    for (const options of VARIANTS) {
      const row = readWpsGrid(new FakeApplication({ sheets: [{ name: '日期', cells, merges: [] }] }, options)).grid.sheets[0].rows[0];
      const at = new Date('2024-06-15T09:45:00Z');
      expect(row).toEqual([at, at, 45458, at]);
      expect(row.map((v) => v instanceof SerialShownDate)).toEqual([true, true, false, false]);
    }
  });
  test('review 17a N1: a date-time under a format that shows its time alone (h:mm, [h]:mm) is a ClockShownDate, as the xlsx reader gives it; a time alone there a plain Date', () => {
    const cells: FakeBookState['sheets'][0]['cells'] = {
      A1: { v: 45458.40625, fmt: 'h:mm' },
      B1: { v: 45458.40625, fmt: '[h]:mm:ss' },
      C1: { v: 0.40625, fmt: 'h:mm' },
      D1: { v: 45458.40625, fmt: 'yyyy/m/d h:mm' },
    };
    for (const options of VARIANTS) {
      const row = readWpsGrid(new FakeApplication({ sheets: [{ name: '日期', cells, merges: [] }] }, options)).grid.sheets[0].rows[0];
      const at = new Date('2024-06-15T09:45:00Z');
      expect(row).toEqual([at, at, new Date('1899-12-30T09:45:00Z'), at]);
      expect(row.map((v) => v instanceof ClockShownDate)).toEqual([true, true, false, false]);
    }
  });
});

describe('host calls', () => {
  test('flat in the number of cells: the same calls for 200 rows and 20,000 rows', () => {
    const small = new FakeApplication(logBook(200));
    const large = new FakeApplication(logBook(20_000));
    const a = readWpsGrid(small);
    const b = readWpsGrid(large);
    expect(small.calls).toBe(large.calls);
    expect(small.calls).toBeLessThan(80);
    expect(b.grid.sheets[0].rows).toHaveLength(20_003);
    expect(b.grid.sheets[0].rows[2][1]).toEqual(new Date(Date.UTC(2024, 0, 1, 8, 24)));
    expect(b.grid.sheets[0].formulas).toEqual({ D20003: 'SUM(D3:D20002)' });
    expect(a.grid.sheets[0].merges).toEqual(['A1:D1']);
    console.log(`WPS host calls per read: ${small.calls} for 200 rows, ${large.calls} for 20,000 rows`);
  });

  test('a used range larger than a chunk is read in bounded pieces', () => {
    const app = new FakeApplication(logBook(30_000));
    const { grid } = readWpsGrid(app, { cellsPerChunk: 10_000 });
    expect(app.log.filter((m) => m === 'Value2')).toHaveLength(Math.ceil(30_003 / 2_500));
    expect(grid.sheets[0].rows[30_001]).toEqual([30_000, new Date(Math.round((45292.35 + 29_999 / 24 - 25569) * 86_400_000)), '高等数学', 30]);
  });

  test('a used range over the limit is refused with one line, not read', () => {
    const app = new FakeApplication(logBook(1_000));
    expect(() => readWpsGrid(app, { maxCells: 2_000 })).toThrow(WorkbookReadError);
    // The same line as the Office.js adapter and the xlsx reader give (LIMITS.cells unless set).
    expect(() => readWpsGrid(app, { maxCells: 2_000 })).toThrow(
      '工作簿超出读取上限：工作表“出入库记录”的已用区域 1,003 行 × 4 列（4,012 个单元格），上限 2,000 个单元格。疑似异常文件，已拒绝读取；如是正常工作簿，请删去表格下方和右侧多余的行列后再检查',
    );
    expect(app.log).not.toContain('Value2');
  });
});

describe('partial reads and skipped sheets', () => {
  test('only the named sheets are read; names lists every sheet but the skipped', () => {
    const book = logBook(5);
    book.sheets.push({ name: '基本信息', cells: { A1: { v: '学期' }, B1: { v: '2024春' } }, merges: [] });
    book.sheets.push({ name: '试卷保密助手_标记', cells: { A1: { v: 'x' } }, merges: [], visible: 2 });
    const app = new FakeApplication(book);
    const result = readWpsGrid(app, { read: (name) => name === '基本信息', skip: new Set(['试卷保密助手_标记']) });
    expect(result.names).toEqual(['出入库记录', '基本信息']);
    expect(result.grid).toEqual({ sheets: [{ name: '基本信息', rows: [['学期', '2024春']], merges: [] }] });
  });
});

test('Value2 shapes: rows, flat, one row, one column, one cell', () => {
  expect(
    toRows(
      [
        [1, 2],
        [3, 4],
      ],
      2,
      2,
    ),
  ).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(toRows([1, 2, 3, 4], 2, 2)).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(toRows([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
  expect(toRows([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
  expect(toRows([[1], [2], [3]], 3, 1)).toEqual([[1], [2], [3]]);
  expect(toRows(7, 1, 1)).toEqual([[7]]);
  expect(toRows([[7]], 1, 1)).toEqual([[7]]);
  expect(() => toRows([1, 2, 3], 2, 2)).toThrow('WPS 返回的区域数据形状不对');
  expect(() => toRows(5, 2, 2)).toThrow('WPS 返回的区域数据形状不对');
});

test('WPS values become grid values: CVErr numbers and error text the error the cell shows (review 17a D1), blanks nothing', () => {
  expect(plainWpsValue(-2146826281)).toBe('#DIV/0!');
  expect(plainWpsValue(-2146826246)).toBe('#N/A');
  expect(plainWpsValue(-2146826265)).toBe('#REF!');
  expect(plainWpsValue(-2146828288 + 2099)).toBe('#VALUE!');
  expect(plainWpsValue('#DIV/0!')).toBe('#DIV/0!');
  expect(plainWpsValue('')).toBeNull();
  expect(plainWpsValue(undefined)).toBeNull();
  expect(plainWpsValue(-3)).toBe(-3);
  expect(plainWpsValue('张三')).toBe('张三');
});

describe('strikethrough (review 12 D2, left for WPS in 16a D3)', () => {
  const STRUCK_ROW =
    '此行填了的格子都划了删除线，已当作作废的行，不参与检查。删除线打印或换个软件打开时可能看不出：若是误登，请整行删除；要留作记录，请在这一行表格右边的空格里写“作废”（这张表没有备注栏）。';

  test('t9: the row struck through is void, as read from the file: voided-row’s one warning, not three errors', async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'review12', 'xlsx', 't9-strikethrough.xlsx'));
    const fromFile = await gridFromXlsxBuffer(bytes);
    expect(fromFile.sheets.filter((s) => s.struck).map((s) => [s.name, s.struck?.length])).toEqual([['出入库记录', 8]]);
    await compare(bytes);
    for (const options of VARIANTS) {
      const { grid } = readWpsGrid(new FakeApplication(await fakeBookFromXlsx(bytes), options));
      expect(grid.sheets.map((s) => s.struck)).toEqual(fromFile.sheets.map((s) => s.struck));
      const findings = validateSite(readWorkbook(grid));
      expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.message])).toEqual([['voided-row', 'warning', '出入库记录', 'A7', STRUCK_ROW]]);
      expect(findings).toEqual(validateSite(readWorkbook(fromFile)));
    }
  });

  test('a few probes: one for a sheet without, a handful for one struck row of 20,000, cell by cell only in a row struck in part', () => {
    const plain = new FakeApplication(logBook(20_000));
    expect(readWpsGrid(plain).grid.sheets[0].struck).toBeUndefined();
    expect(plain.log.filter((m) => m === 'Strikethrough')).toHaveLength(1);
    const book = logBook(20_000);
    // Row 9,003 (序号 9,001) struck through, and an empty cell beside it not: the row asked cell by cell.
    for (const col of ['A', 'B', 'C', 'D']) book.sheets[0].cells[`${col}9003`].strike = true;
    book.sheets[0].cells.E9003 = {};
    const app = new FakeApplication(book);
    expect(readWpsGrid(app).grid.sheets[0].struck).toEqual(['A9003', 'B9003', 'C9003', 'D9003']);
    expect(app.log.filter((m) => m === 'Strikethrough').length).toBeLessThan(50);
    // A cell struck alone in a row is listed as such (forms/voided.ts judges whether the row is void).
    const one = logBook(200);
    one.sheets[0].cells.C50.strike = true;
    expect(readWpsGrid(new FakeApplication(one)).grid.sheets[0].struck).toEqual(['C50']);
    // A whole used range struck: one probe; its empty cells are not listed.
    const all = logBook(3);
    for (let row = 1; row <= 6; row++) for (const col of 'ABCD') all.sheets[0].cells[`${col}${row}`] = { ...all.sheets[0].cells[`${col}${row}`], strike: true };
    const allApp = new FakeApplication(all);
    const allStruck = readWpsGrid(allApp).grid.sheets[0].struck;
    expect(allStruck).toEqual(['A1', 'A2', 'B2', 'C2', 'D2', 'A3', 'B3', 'C3', 'D3', 'A4', 'B4', 'C4', 'D4', 'A5', 'B5', 'C5', 'D5']);
    expect(allApp.log.filter((m) => m === 'Strikethrough')).toHaveLength(1);
  });

  test('a build without Font.Strikethrough: nothing said struck, no probe row by row', async () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'review12', 'xlsx', 't9-strikethrough.xlsx'));
    const app = new FakeApplication(await fakeBookFromXlsx(bytes), { without: ['Strikethrough'] });
    expect(readWpsGrid(app).grid.sheets.every((s) => s.struck === undefined)).toBe(true);
    expect(app.log).not.toContain('Strikethrough');
  });
});
