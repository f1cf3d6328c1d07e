/**
 * The outside review round 12 (test/fixtures/review12/), part A: D1 (a formula with no cached value adding to a date:
 * =F4+155/1440 read as 02:35 of the row's day), D4 (a date serial kept as text), D5 (a 考点 passing a bag to another
 * 考点, 调拨: the other's clerk who collects it is not this unit's signer) and D7 (the sending pair signing as
 * receivers too: one finding, not three). Each of the review's workbooks read as the CLI reads it and validated: the
 * whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx');
const read = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

test('D1: 还卷时间 =F4+155/1440 with no cached value is F4’s time plus 2 h 35 min (6月15日 10:20), as with its cached value', () => {
  for (const name of ['t7-formula-nocache', 't6-formula-cached']) {
    const model = read(name);
    expect(model.data.vaultLog![0].returnedAt).toBe('2024-06-15T10:20');
    expect(validateSite(model).map(full)).toEqual([]);
  }
});

test('D4: a date serial kept as text in 取卷时间 is told for the date and time it stands for', () => {
  expect(validateSite(read('t5-serial-as-text')).map(full)).toEqual([
    [
      'invalid-datetime',
      'error',
      '出入库记录',
      'F4',
      '“取卷时间”写的是“45458.3229166667”，这是日期时间“2024-06-15 07:45”在 Excel 里的内部数值：日期格式的格子改成“文本”后再输入，就会显示成这样，打印出来没人看得懂。请把这一格的格式设为日期（或“常规”），再填写“2024-06-15 07:45”。',
    ],
  ]);
});

test('D5: 岳麓考点 passes a bag of 1001 to 天心考点, whose 刘明 takes it and signs the outgoing sheet as receiver: no finding', () => {
  expect(validateSite(read('p2-transfer-out')).map(full)).toEqual([]);
  // Planted: 3 bags out where 3 were taken in and one is already out: the overdraw alone, 刘明 still not said.
  expect(validateSite(read('p2-transfer-out-planted')).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['overdraw', '出入库记录', 'D5']]);
});

test('D7: the sending pair (张伟、孙丽) signing as receivers too: one same-person finding at D20, none for the roster', () => {
  expect(validateSite(read('s2-three-signers-planted')).map(full)).toEqual([
    ['same-person', 'error', '交接单', 'D20', '“张伟、孙丽”同时签在移交方和接收方。交接须由不同的人分别代表双方，请核对签字。'],
  ]);
  expect(validateSite(read('s2-three-signers')).map(full)).toEqual([]);
});
