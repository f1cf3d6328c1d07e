/**
 * Review 24 D3: a count corrected beside itself in brackets (“2（实为3）”) was read as 2, its bracket taken for a note
 * about the count (as “5袋（含补考1袋）” is), and the 3 the receiver wrote passed unseen. It is two counts: neither is
 * taken, invalid-count says which two, and the totals over it are unchecked.
 */
import { countCorrection, parseCount } from '../../src/model/text';
import { findingsFor, typeInto } from './tester';

test.each([
  ['2（实为3）', '2（实为3）', { written: '2', corrected: '3' }],
  ['5袋（应为4袋）', '5袋（应为4袋）', { written: '5', corrected: '4' }],
  ['三袋（实收二袋）', '三袋（实收二袋）', { written: '三', corrected: '二' }],
  ['2 (实际:3)', '2 (实际:3)', { written: '2', corrected: '3' }],
  ['5袋（含补考1袋）', 5, undefined],
  ['2（袋）', 2, undefined],
] as const)('%s: read as %p, a correction %p', (typed, read, correction) => {
  expect([parseCount(typed), countCorrection(typed)]).toEqual([read, correction]);
});

test('岳麓考点’s handover, 序号 3’s 数量 “2（实为3）”: invalid-count at D10, the 合计 at D17 unchecked — nothing else', () => {
  const found = findingsFor({ name: '', retype: (g) => typeInto(g, '交接单', 'D10', '2（实为3）') });
  expect(found.map((f) => [f.rule, f.severity, f.form, f.sheet, f.cell, f.row, f.message])).toEqual([
    [
      'invalid-count',
      'error',
      1,
      '交接单',
      'D10',
      3,
      '“数量”写的是“2（实为3）”：写了 2，又在括号里注明是 3，看不出这一行实有的是 2 还是 3（本工具没有按哪个数核对）。表上须写实有的数目：请核对实物后只写一个数（是 3 的写“3”），需要说明更正经过的写在备注里。',
    ],
    [
      'column-total',
      'error',
      1,
      '交接单',
      'D17',
      null,
      '“合计”写的是 6，但它合计的行中，序号 3 的“数量”写的是“2（实为3）”，读不出一个数，这一合计无从核对。请先改正序号 3 的“数量”，再核对这一合计。',
    ],
  ]);
});
