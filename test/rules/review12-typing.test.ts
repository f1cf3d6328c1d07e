/**
 * The outside review's round 12 (test/fixtures/review12/), how people type: D2, D6, D3.
 * D2: a mistaken 附件3 line struck through (strikethrough font) instead of 作废 typed was checked as live: an
 * overdraw on the correct row, checkout-window and not-returned on itself. It is void, as a row marked 作废, and said
 * once at the row with how to make it plain.
 * D6: a row hidden by the sheet's autoFilter got the hidden-row note “取消隐藏才看得见；若是误登，请整行删除”: a
 * filtered-out row is not shown by 取消隐藏 and is a record; its note speaks of the filter.
 * D3: 入库时间 with its date in C17 and its time typed beside it in E17 (the merge C17:H17 undone) read as a date
 * alone (“没有写几时几分”): read as that date at that time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { CalendarDate, parseA1, type CellValue, type SheetGrid, type WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { slimModel } from '../../src/check/service';
import { wholeFinding as whole } from './tester';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const XLSX = path.join(ROOT, 'test', 'fixtures', 'review12', 'xlsx');
const gridOf = (name: string): Promise<WorkbookGrid> => gridFromXlsxBuffer(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)));
const sheetOf = (grid: WorkbookGrid, name: string): SheetGrid => grid.sheets.find((s) => s.name === name)!;
const kaodian = (): SiteData => JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;

function put(sheet: SheetGrid, cell: string, value: CellValue): void {
  const { row, col } = parseA1(cell)!;
  const line = (sheet.rows[row] ??= []);
  while (line.length <= col) line.push(null);
  line[col] = value;
}

const V = '出入库记录';

describe('D2: a 附件3 row struck through (t9-strikethrough)', () => {
  const STRUCK_ZH =
    '此行填了的格子都划了删除线，已当作作废的行，不参与检查。删除线打印或换个软件打开时可能看不出：若是误登，请整行删除；要留作记录，请在这一行表格右边的空格里写“作废”（这张表没有备注栏）。';
  const STRUCK_EN =
    'Every filled cell of this row is struck through: it is taken as void and not checked. A strikethrough may not show in print or in another program: if the row was entered by mistake, delete the whole row; to keep it on record, write 作废 in the empty cell right of the table on this row (the form has no 备注 column).';

  test('one warning at the struck row, and no finding on it or on the correct 1001 row', async () => {
    const model = readWorkbook(await gridOf('t9-strikethrough'));
    expect(validateSite(model).map(whole)).toEqual([['voided-row', 'warning', V, 'A7', 4, STRUCK_ZH]]);
    expect(validateSite(model, { lang: 'en' }).map(whole)).toEqual([['voided-row', 'warning', V, 'A7', 4, STRUCK_EN]]);
    expect(model.voided).toEqual([{ sheet: V, cell: 'A7', struck: true, noNoteColumn: true }]);
  });

  test('the struck row is in no part of the record: the vault log reads as the workbook it was edited from', async () => {
    const clean = readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(kaodian())));
    const struck = readWorkbook(await gridOf('t9-strikethrough'));
    expect(struck.data.vaultLog).toEqual(clean.data.vaultLog);
    expect(struck.data.vaultLog).toHaveLength(3);
  });

  test('its 序号 not struck (the form prints it): still void, said at its first struck cell', async () => {
    const grid = await gridOf('t9-strikethrough');
    const sheet = sheetOf(grid, V);
    sheet.struck = sheet.struck!.filter((c) => c !== 'A7');
    expect(validateSite(readWorkbook(grid)).map(whole)).toEqual([['voided-row', 'warning', V, 'B7', 4, STRUCK_ZH]]);
  });

  test('every row of 附件3 struck through: the form is asked for as struck through (not as marked 作废), each row warned', async () => {
    const grid = await gridOf('t9-strikethrough');
    const sheet = sheetOf(grid, V);
    const letters = 'ABCDEFGHIJK';
    sheet.struck = [4, 5, 6, 7].flatMap((r) => [...letters].map((c) => `${c}${r}`).filter((a) => sheet.rows[r - 1]?.[letters.indexOf(a[0])] != null));
    expect(validateSite(readWorkbook(grid)).map(whole)).toEqual([
      [
        'required-field',
        'error',
        V,
        'A2',
        null,
        '附件3 保密室试卷出入库记录表的 4 行都划了删除线，已当作作废，没有一行有效的记录（作废的行不参与检查）。本单位须签写此表：如其中有仍然有效的记录，请取消它的删除线；否则请删除这些行，填上有效的记录。',
      ],
      ...[4, 5, 6, 7].map((r) => ['voided-row', 'warning', V, `A${r}`, r - 3, STRUCK_ZH]),
    ]);
  });

  test('one filled cell not struck: the row is live, its three errors as before the fix', async () => {
    const grid = await gridOf('t9-strikethrough');
    const sheet = sheetOf(grid, V);
    sheet.struck = sheet.struck!.filter((c) => c !== 'F7');
    expect(validateSite(readWorkbook(grid)).map((f) => [f.rule, f.severity, f.sheet, f.cell, f.row])).toEqual([
      ['overdraw', 'error', V, 'D4', 1],
      ['checkout-window', 'error', V, 'F7', 4],
      ['not-returned', 'error', V, 'I7', 4],
    ]);
  });
});

describe('D6: a row hidden by the autoFilter (t8-autofilter-planted)', () => {
  const FINDING = '试卷 2045 在 6月15日 08:45 出库，比它这场考试开考（6月15日 10:30）早了 1小时45分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。';
  const FINDING_EN =
    'Paper 2045 was taken out at Jun 15 08:45, 105 minutes before its session starts (Jun 15 10:30). Exam-day checkouts are at most 60 minutes before the session: check the time it was taken out.';
  const FILTERED = '（第 5 行被筛选隐藏了：清除筛选才看得见——Excel 点“数据”→“清除”，WPS 在筛选里选“全部显示”。）';
  const FILTERED_EN = " (Row 5 is hidden by the sheet's filter: clear the filter to see it — Excel: Data → Clear; WPS: 全部显示 in the filter.)";
  const BY_HAND = '（第 5 行是隐藏的：取消隐藏才看得见；若是误登，请整行删除。）';

  test('the finding on the filtered-out row speaks of the filter, not of 取消隐藏 or deleting the row', async () => {
    const model = readWorkbook(await gridOf('t8-autofilter-planted'));
    expect(model.hiddenRows).toEqual({ [V]: [5] });
    expect(model.filteredRows).toEqual({ [V]: [5] });
    expect(validateSite(model).map(whole)).toEqual([['checkout-window', 'error', V, 'F5', 2, FINDING + FILTERED]]);
    expect(validateSite(model, { lang: 'en' }).map(whole)).toEqual([['checkout-window', 'error', V, 'F5', 2, FINDING_EN + FILTERED_EN]]);
  });

  test('the slim model of the checks across workbooks keeps the filtered rows', async () => {
    const model = readWorkbook(await gridOf('t8-autofilter-planted'));
    expect(slimModel(model).filteredRows).toEqual({ [V]: [5] });
  });

  test('a row hidden by hand keeps today’s note: no autoFilter, or one whose range ends above it', async () => {
    for (const autoFilter of [undefined, 'A3:K4']) {
      const grid = await gridOf('t8-autofilter-planted');
      sheetOf(grid, V).autoFilter = autoFilter;
      const model = readWorkbook(grid);
      expect(model.filteredRows).toBeUndefined();
      expect(validateSite(model).map(whole)).toEqual([['checkout-window', 'error', V, 'F5', 2, FINDING + BY_HAND]]);
    }
  });

  test('the filter’s header row hidden is not filtered out (only the rows under it are)', async () => {
    const grid = await gridOf('t8-autofilter-planted');
    sheetOf(grid, V).autoFilter = 'A5:K13';
    expect(readWorkbook(grid).filteredRows).toBeUndefined();
  });
});

describe('D3: a header date with its time typed in the next cell (t4-split-date-time)', () => {
  const NO_TIME = '“入库时间”只写了日期“2024/6/14”，没有写几时几分。表上的时间须写到年、月、日、时、分，请补上时间，如“2024年6月15日8时30分”。';

  test('入库清单 C17 2024/6/14 and E17 10:10 read as 2024-06-14 10:10, no finding', async () => {
    const model = readWorkbook(await gridOf('t4-split-date-time'));
    expect((model.data.intake as { time?: string }).time).toBe('2024-06-14T10:10');
    expect(validateSite(model).map(whole)).toEqual([]);
  });

  test('the time as Excel keeps a time typed into a time cell (a Date on its day 0) reads alike', async () => {
    const grid = await gridOf('t4-split-date-time');
    put(sheetOf(grid, '入库清单'), 'E17', new Date(Date.UTC(1899, 11, 30, 10, 10)));
    expect((readWorkbook(grid).data.intake as { time?: string }).time).toBe('2024-06-14T10:10');
  });

  test('not a time beside the date (a count, a label before it): the date alone, said as before', async () => {
    for (const [cell, value] of [
      ['E17', 3],
      ['E17', '陈静'],
      ['D17', '保管员：'],
    ] as const) {
      const grid = await gridOf('t4-split-date-time');
      put(sheetOf(grid, '入库清单'), cell, value);
      const found = validateSite(readWorkbook(grid)).filter((f) => f.rule === 'invalid-datetime');
      expect([cell, value, found.map(whole)]).toEqual([cell, value, [['invalid-datetime', 'error', '入库清单', 'C17', null, NO_TIME]]]);
    }
  });

  test('附件1 日期 (C3:E3 unmerged): the date in C3, 9:30 in D3, read as 2024-06-14 09:30, no finding', async () => {
    const grid = await gridOf('t4-split-date-time');
    const sheet = sheetOf(grid, '交接单');
    sheet.merges = sheet.merges.filter((m) => m !== 'C3:E3');
    put(sheet, 'C3', new CalendarDate(Date.UTC(2024, 5, 14)));
    put(sheet, 'D3', '9:30');
    const model = readWorkbook(grid);
    expect(model.data.handovers?.[0].time).toBe('2024-06-14T09:30');
    expect(validateSite(model).map(whole)).toEqual([]);
  });
});
