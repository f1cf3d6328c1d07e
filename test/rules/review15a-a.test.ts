/**
 * The outside review round 15a (test/fixtures/review15a/), part A: D3 — a 分校 that runs an exam room of its own
 * (长沙分校 takes a bag of 1001 out at 07:50 on the exam day and back at 10:15, no dispatch down the chain) and keeps no
 * 附件4 for that session: session-without-register judged only a 考点, and said nothing. Each of the review's workbooks
 * read as the CLI reads it and validated: the whole finding (rule, severity, sheet, cell, message), nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';

const XLSX = path.join(__dirname, '..', 'fixtures', 'review15a', 'xlsx');
const read = (name: string) => readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)))));
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

test('D3: the 分校’s own exam-day loan with no register is one session-without-register at its row', () => {
  expect(validateSite(read('x8-fenxiao-also-kaodian-noregister-planted')).map(full)).toEqual([
    [
      'session-without-register',
      'error',
      '出入库记录',
      'B9',
      '试卷 1001 在 6月15日 07:50 出库，供 6月15日 08:30 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。',
    ],
  ]);
});

test('D3: the same 分校 with its register for that session: no finding; taken out too early: checkout-window alone', () => {
  expect(validateSite(read('x8-fenxiao-also-kaodian')).map(full)).toEqual([]);
  expect(validateSite(read('x8-fenxiao-also-kaodian-early-planted')).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['checkout-window', '出入库记录', 'F9']]);
});
