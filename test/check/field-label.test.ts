/**
 * The label of the field a finding of no row is at (finding-list.ts fieldLabel), shown in the 问题清单 beside the
 * cell: a printed page shows no addresses, so “交接单3 D17” alone could not be found on paper; “合计” can.
 */
import { fieldLabel, fieldLabels } from '../../src/check/finding-list';
import type { Finding } from '../../src/model/finding';
import type { SheetGrid } from '../../src/model/grid';

/** 交接单's total row, 值班记录's signer row and 交接单's signature row, as the forms lay them out (merge slaves null). */
const sheet: SheetGrid = {
  name: '表',
  merges: [],
  rows: [
    ['交接明细', '合计', null, 4, null],
    ['负责人签字：', null, null, '欧阳名', null],
    ['移交人签字（两人）：张伟、孙丽', null, null, '接收人签字（两人）：李强', null],
    ['数量（袋）：', 5, '入库时间：', '2025-01-10 08:30', null],
    ['这一行写的是一句很长的说明而不是一个栏目的名字', 3, null, null, null],
    [1, 2, null, null, null],
  ],
};

test.each([
  ['D1', '合计'],
  ['$D$1', '合计'],
  ['D2', '负责人签字'],
  ['D3', '接收人签字'],
  ['B4', '数量'],
  ['D4', '入库时间'],
  // A cell holding its label alone (a field left empty in the label's cell).
  ['A2', '负责人签字'],
  // What is left of the cell is a field with its own value, a sentence, a number, or nothing: no label.
  ['E3', undefined],
  ['B5', undefined],
  ['B6', undefined],
  ['C9', undefined],
])('%s: %s', (cell, label) => {
  expect(fieldLabel(sheet, cell)).toBe(label);
});

test('only findings of no row get a label (a table row has its 序号), on the sheet they name', () => {
  const at = (cell: string, row: number | null, sheetName = '表'): Finding => ({
    rule: 'x',
    severity: 'error',
    form: 1,
    sheet: sheetName,
    cell,
    row,
    message: '',
    clause: '',
  });
  const [total, inRow, elsewhere, noCell] = [at('D1', null), at('D1', 3), at('D1', null, '别的表'), { ...at('D1', null), cell: null }];
  expect([...fieldLabels([total, inRow, elsewhere, noCell], { sheets: [sheet] })]).toEqual([[total, '合计']]);
});
