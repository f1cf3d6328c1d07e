/**
 * A 交接单 sheet holding a second handover copied down below the first, its table's header over two rows (数量 /
 * （袋/箱）), one of them cleared by the user (fix-stacked25): the second copy is read where its remaining row still
 * heads the table, and said at its title where it does not — never dropped without a word.
 */
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { unsolvedCopyFields } from '../../src/model/copy-unknowns';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { canonical, fixture, readBack, stacked } from '../helpers';
import { scratchDir } from '../scratch';

const SHEET = '交接单';
/** The second copy's rows: its title on row 25 (the first copy ends on row 21, two rows left between). */
const TITLE_ROW = 25;
const HEADER_ROW = 30;

/** kaodian's workbook with a second handover (one item, the next day) copied below the first on its 交接单. */
async function withSecondCopy(): Promise<{ wb: ExcelJS.Workbook; data: SiteData; second: SiteData }> {
  const data: SiteData = fixture('kaodian.json');
  const second: SiteData = JSON.parse(JSON.stringify(data));
  const handover = second.handovers![0];
  Object.assign(handover, { time: '2024-06-15T09:30', items: handover.items!.slice(0, 1), total: 3 });
  const wb = await stacked(data, second, SHEET);
  const sheet = wb.getWorksheet(SHEET)!;
  expect(sheet.getCell(TITLE_ROW, 1).value).toBe('2024春学期国家开放大学纸质试卷交接单');
  expect(sheet.getCell(HEADER_ROW, 2).value).toBe('序号');
  // The date shown to the minute, as the first copy's (the copy carried values, not formats).
  sheet.getCell(TITLE_ROW + 1, 3).numFmt = sheet.getCell(3, 3).numFmt;
  // The header over two rows: 数量 on the header row, （袋/箱） on a row inserted under it.
  sheet.getCell(HEADER_ROW, 4).value = '数量';
  sheet.spliceRows(HEADER_ROW + 1, 0, [null, null, null, '（袋/箱）']);
  return { wb, data, second };
}

function clearRow(wb: ExcelJS.Workbook, row: number): void {
  const sheet = wb.getWorksheet(SHEET)!;
  for (let col = 2; col <= 6; col++) sheet.getCell(row, col).value = null;
}

/** required-field's finding at the second copy's title (A25), in each language. */
const UNREAD = {
  zh: '工作表“交接单”上有几份附件1 纸质试卷交接单，从这一格起的第 2 份找不到表头行（试卷归属、数量（袋/箱）、备注…），这一份表里的各行都读不出来，没有检查（这张工作表上的其他几份和其他表照常检查）。请按空白表恢复这一份的表头行（各栏名称写在表格上方的同一行），再检查一次。',
  en: 'Sheet "交接单" holds the handover sheet (附件1) more than once: the header row (试卷归属, 数量（袋/箱）, 备注…) of copy 2, from this cell on, is not found, so none of its rows can be read and this copy is not checked (the other copies on the sheet and the other forms are). Restore its header row as the blank form has it (the column names on one row above the table) and check again.',
};

const findingsOf = (model: Awaited<ReturnType<typeof readBack>>, lang: 'zh' | 'en' = 'zh') =>
  validateSite(model, { lang }).map(({ rule, sheet, cell, row, message }) => ({ rule, sheet, cell, row, message }));

describe('a second handover stacked below the first, one of its two header rows cleared', () => {
  test.each([
    ['both header rows kept', undefined],
    ['its （袋/箱） row cleared: 数量 heads the column alone', HEADER_ROW + 1],
  ])('%s: the second copy is read, its item at its own cell', async (_how, cleared) => {
    const { wb, data, second } = await withSecondCopy();
    if (cleared) clearRow(wb, cleared);
    const model = await readBack(wb);
    expect(canonical(model.data.handovers)).toEqual(canonical([data.handovers![0], second.handovers![0]]));
    expect(model.locations['handovers[1].items[0].quantity'].cell).toBe('D32');
    expect(model.unreadRows).toBeUndefined();
    // Its 3 bags are counted: received on 6月15日, after the unit's last intake list.
    expect(findingsOf(model).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['inventory-mismatch', SHEET, 'C26']]);
    expect(findingsOf(model)[0].message).toContain('（共 3 袋）');
  });

  test('its header row cleared, （袋/箱） left alone: said at the copy’s title, which copy, the first copy still read and compared', async () => {
    const { wb, data, second } = await withSecondCopy();
    clearRow(wb, HEADER_ROW);
    const model = await readBack(wb);
    // The second copy's own fields and signatures are read; its items and 合计 could not be.
    const { items: _items, total: _total, ...fields } = second.handovers![0];
    expect(canonical(model.data.handovers)).toEqual(canonical([data.handovers![0], { ...fields, items: [] }]));
    expect(model.unreadRows).toEqual([
      { sheet: SHEET, form: 'handover', labels: ['试卷归属', '数量（袋/箱）', '备注'], blocks: false, copy: { number: 2, cell: 'A25' } },
    ]);
    expect(findingsOf(model)).toEqual([
      {
        rule: 'required-field',
        sheet: SHEET,
        cell: 'A25',
        row: null,
        message: UNREAD.zh,
      },
    ]);
    expect(findingsOf(model, 'en').map((f) => f.message)).toEqual([UNREAD.en]);
    // Across workbooks only the unread copy's items and 合计 are left out of the comparison, not the first copy's.
    expect(unsolvedCopyFields(model)).toEqual([[1, ['items', 'total']]]);
    // In the summary only that copy's 交接明细 are 未能读取; the first copy's 6 bags stand.
    const summary = summarizeSite(model);
    expect(summary.handovers.in.map((h) => [h.time, h.quantity, h.itemsUnread])).toEqual([
      ['2024-06-14T09:30', 6, undefined],
      ['2024-06-15T09:30', 0, true],
    ]);
    expect(summary.unread).toEqual([{ form: 'handover', sheet: SHEET, cell: 'A25', copy: true }]);
  });

  test('the first copy’s header row cleared instead: the first said at its title (A2), the second read as its own handover', async () => {
    const { wb, data, second } = await withSecondCopy();
    clearRow(wb, 7);
    const model = await readBack(wb);
    // Was the first copy's fields over the second copy's item, the second handover gone.
    const { items: _items, total: _total, ...fields } = data.handovers![0];
    expect(canonical(model.data.handovers)).toEqual(canonical([{ ...fields, items: [] }, second.handovers![0]]));
    expect(model.unreadRows).toEqual([
      { sheet: SHEET, form: 'handover', labels: ['试卷归属', '数量（袋/箱）', '备注'], blocks: false, copy: { number: 1, cell: 'A2' } },
    ]);
    expect(findingsOf(model).map((f) => [f.rule, f.cell])).toEqual([
      ['required-field', 'A2'],
      ['inventory-mismatch', 'C26'],
    ]);
    expect(findingsOf(model)[0].message).toBe(UNREAD.zh.replace('第 2 份', '第 1 份'));
  });

  test.each([
    ['zh', '：'],
    ['en', ': '],
  ] as const)('extract --lang %s: the unread copy said on stderr at its cell, in validate’s words', async (lang, colon) => {
    const { wb } = await withSecondCopy();
    clearRow(wb, HEADER_ROW);
    const file = path.join(scratchDir('custody-stacked25-'), 'stacked.xlsx');
    await wb.xlsx.writeFile(file);
    const io = memoryIO();
    expect(await main(['node', 'custody', 'extract', file, '--lang', lang], io)).toBe(0);
    expect(io.stderr.replace(file, 'stacked.xlsx')).toBe(`stacked.xlsx${colon}交接单!A25${colon}${UNREAD[lang]}\n`);
    expect((JSON.parse(io.stdout) as SiteData).handovers!.map((h) => h.items!.length)).toEqual([3, 0]);
  });

  test('a cell holding the title alone under the form, no form under it, is no copy: the sheet is the one handover, as before', async () => {
    const data: SiteData = fixture('kaodian.json');
    const { wb } = await withSecondCopy();
    const sheet = wb.getWorksheet(SHEET)!;
    for (let row = TITLE_ROW - 1; row <= sheet.rowCount; row++) for (let col = 1; col <= 6; col++) sheet.getCell(row, col).value = null;
    sheet.getCell(TITLE_ROW, 1).value = '2024春学期国家开放大学纸质试卷交接单';
    const model = await readBack(wb);
    expect(canonical(model.data.handovers)).toEqual(canonical(data.handovers));
    expect(model.unreadRows).toBeUndefined();
    expect(findingsOf(model)).toEqual([]);
  });
});
