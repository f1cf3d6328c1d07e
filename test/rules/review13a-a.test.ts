/**
 * The outside review round 13a (test/fixtures/review13a/), D2: a filled date cell whose number format hides its
 * date-time. s1 (出入库记录 F5) and s2 (考试安排 D4) formatted 文本 afterwards print the serial (45458.40625); s3
 * (F5 under yyyy/m/d) prints 2024/6/15, no 时分. Each read as the CLI reads it and validated: exactly one finding,
 * the whole tuple (rule, severity, sheet, cell, message), and the model otherwise the 岳麓考点 it was made from.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'review13a', 'xlsx');
const read = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

/** The 岳麓考点 the three were made from (`custody fill` of test/fixtures/kaodian.json), as read. */
async function base(): Promise<SiteData> {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;
  return readWorkbook(readXlsxInNode(new Uint8Array(await fillWorkbook(json)))).data;
}

test('D2 s1: 取卷时间 formatted 文本 after it was filled is told as a serial kept as text, at F5, and nothing else', async () => {
  const model = read('s1-date-cell-text-format');
  expect(validateSite(model).map(full)).toEqual([
    [
      'invalid-datetime',
      'error',
      '出入库记录',
      'F5',
      '“取卷时间”写的是“45458.40625”，这是日期时间“2024-06-15 09:45”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“2024-06-15 09:45”。',
    ],
  ]);
  const data = await base();
  data.vaultLog![1].takenAt = '45458.40625';
  expect(model.data).toEqual(data);
});

test('D2 s2: 考试安排 开考时间 formatted 文本 is told the same, at D4, and nothing else', async () => {
  const model = read('s2-schedule-cell-text-format');
  expect(validateSite(model).map(full)).toEqual([
    [
      'invalid-datetime',
      'error',
      '考试安排',
      'D4',
      '“开考时间”写的是“45458.4375”，这是日期时间“2024-06-15 10:30”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“2024-06-15 10:30”。',
    ],
  ]);
  const data = await base();
  data.schedule![1].start = '45458.4375';
  expect(model.data).toEqual(data);
});

test('D2 s3: 取卷时间 under yyyy/m/d (prints 2024/6/15) is a warning at F5; its 09:45 is still read, the model unchanged', async () => {
  const model = read('s3-date-cell-no-time-format');
  expect(validateSite(model).map(full)).toEqual([
    [
      'time-not-shown',
      'warning',
      '出入库记录',
      'F5',
      '“取卷时间”这一格里是“2024-06-15 09:45”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：请选中这一格，设置单元格格式 → 日期 → 选“2024/3/14 13:30”（或在“自定义”里写 yyyy/m/d h:mm）。',
    ],
  ]);
  expect(validateSite(model, { lang: 'en' }).map((f) => f.message)).toEqual([
    '"取卷时间" holds 2024-06-15 09:45, but the cell’s format shows the date only: the form on screen and the printed, signed copy show no hour and minute. The forms ask for year, month, day, hour and minute: set the cell’s format to show them (Format Cells → Date → “2024/3/14 13:30”, or Custom: yyyy/m/d h:mm).',
  ]);
  expect(model.data).toEqual(await base());
  expect(model.timeNotShown).toEqual(['vaultLog[1].takenAt']);
});
