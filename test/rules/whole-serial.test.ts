/**
 * A whole date serial (45458) under 常规 / General, where a field asks for a date (review 16a's leftover, fix-words17
 * item 4): the form on screen and on paper shows the number. In 附件4's 日期 (a day alone) it is read as that day and
 * time-not-shown says what the print shows; in 交接单's 日期 (a date and time) it is a day without its time —
 * invalid-datetime's “只写了日期” — never its midnight, read silently. Each the whole finding tuple, nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

/** 岳麓考点 (test/fixtures/kaodian.json) filled, with `cells` of `sheet` made the whole serial 45458 under General. */
async function withSerial(sheet: string, cells: string[]): Promise<ReturnType<typeof readWorkbook>> {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(json)) as unknown as ArrayBuffer);
  for (const address of cells) {
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    expect(cell.value).toBeInstanceOf(Date);
    cell.style = { ...cell.style, numFmt: 'General' };
    cell.value = 45458;
  }
  return readWorkbook(readXlsxInNode(new Uint8Array(await wb.xlsx.writeBuffer())));
}

const DAY = (cell: string) =>
  `“日期”这一格里是 2024-06-15，但它的格式是“常规”或数值，不是日期：表上显示、打印出来签字的是一个数“45458”，看不出是哪一天。${cell}`;

test('附件4 日期 showing 45458 under General: one warning at its cell, the day read', async () => {
  const model = await withSerial('分发登记1', ['G3']);
  expect(validateSite(model).map(full)).toEqual([
    [
      'time-not-shown',
      'warning',
      '分发登记1',
      'G3',
      DAY('请选中这一格，设置单元格格式 → 日期 → 选“2024年3月14日”（或在“自定义”里写 yyyy"年"m"月"d"日"），不必重新填写。'),
    ],
  ]);
  expect(model.data.distributions![0].start).toBe('2024-06-15T08:30');
  expect(validateSite(model, { lang: 'en' }).map((f) => f.message)).toEqual([
    '"日期" holds 2024-06-15, but the cell’s format is General or a number, not a date: the form on screen and the printed, signed copy show the number 45458, not the day. Set the cell’s format to a date (Format Cells → Date → “2024/3/14”, or Custom: yyyy/m/d). No need to type it again.',
  ]);
});

test('交接单 日期 showing 45458 under General: a date without its time, not its midnight', async () => {
  const model = await withSerial('交接单', ['C3']);
  expect(validateSite(model).map(full)).toEqual([
    [
      'invalid-datetime',
      'error',
      '交接单',
      'C3',
      '“日期”这一格显示的是 45458，这是日期“2024/6/15”在 Excel 里的内部数值（这一格的格式是“常规”或数值），只有日期，没有几时几分。表上的时间须写到年、月、日、时、分：请把这一格的格式设为日期（设置单元格格式 → 日期 → 选“2024/3/14 13:30”），再补上时分，如“2024/6/15 8:30”。',
    ],
  ]);
});
