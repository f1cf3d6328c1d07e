/**
 * A checkout still out is named by its printed 序号, as every list names a row (fix-words21): the pane's 未归还 /
 * Not returned and 站点汇总's 出入库记录序号 / Log No. column. It was the row's place in the data (i + 1): on a
 * continuation page numbered from 21 it named 3 for 23; and English said “(row 3)”, read as the sheet's row 3.
 */
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { summarizeSite } from '../../src/summary/site';
import { OUTSTANDING_COLUMNS } from '../../src/summary/tables-site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from '../rules/tester';

function summaryOf(seqs?: number[]) {
  const data = base('kaodian');
  delete data.vaultLog![2].returnedAt;
  delete data.vaultLog![2].returner;
  delete data.vaultLog![2].receivedBy;
  const grid = gridFromDrafts(draftWorkbook(data));
  // 附件3 a continuation page: its 序号 go on from the first page's.
  seqs?.forEach((seq, i) => typeInto(grid, '出入库记录', `A${4 + i}`, seq));
  const model = readWorkbook(grid);
  return summarizeSite(model, validateSite(model), { file: 'x.xlsx' });
}

const notReturned = (s: ReturnType<typeof summaryOf>) => [
  summaryTable(s, 'zh').facts.find(([k]) => k === '未归还'),
  summaryTable(s, 'en').facts.find(([k]) => k === 'Not returned'),
];

test('序号 1–3: 3310 still out is 序号 3, “No. 3” in English', () => {
  const s = summaryOf();
  expect(s.outstanding.map((o) => [o.row, o.paperNo])).toEqual([[3, '3310']]);
  expect(notReturned(s)).toEqual([
    ['未归还', '3310（序号3）'],
    ['Not returned', '3310 (No. 3)'],
  ]);
});

test('a continuation page numbered 21–23: 3310 still out is 序号 23, not the data’s third row', () => {
  const s = summaryOf([21, 22, 23]);
  expect(s.outstanding.map((o) => [o.row, o.paperNo])).toEqual([[23, '3310']]);
  expect(notReturned(s)).toEqual([
    ['未归还', '3310（序号23）'],
    ['Not returned', '3310 (No. 23)'],
  ]);
});

test('站点汇总’s column of checkouts still out is headed by 序号 in both languages', () => {
  const { zh, en } = OUTSTANDING_COLUMNS[0].header as { zh: string; en: string };
  expect([zh.replace(/\u200b/g, ''), en]).toEqual(['出入库记录序号', 'Log No.']);
});
