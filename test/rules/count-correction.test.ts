/**
 * Review 24 D3: a count corrected beside itself in brackets (“2（实为3）”) was read as 2, its bracket taken for a note
 * about the count (as “5袋（含补考1袋）” is), and the 3 the receiver wrote passed unseen. It is two counts: neither is
 * taken, invalid-count says which two, and that the totals over it wait for it (review 25a D4: said there alone, not
 * again as column-total's 合计行不符 at the total).
 */
import { countCorrection, parseCount } from '../../src/model/text';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import { base, findingsFor, gridFromDrafts, typeInto } from './tester';

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

test('岳麓考点’s handover, 序号 3’s 数量 “2（实为3）”: invalid-count at D10, saying the 合计 waits for it — nothing else (review 25a D4: no column-total at D17)', () => {
  const found = findingsFor({ name: '', retype: (g) => typeInto(g, '交接单', 'D10', '2（实为3）') });
  expect(found.map((f) => [f.rule, f.severity, f.form, f.sheet, f.cell, f.row, f.message])).toEqual([
    [
      'invalid-count',
      'error',
      1,
      '交接单',
      'D10',
      3,
      '“数量”写的是“2（实为3）”：写了 2，又在括号里注明是 3，看不出这一行实有的是 2 还是 3（本工具没有按哪个数核对，也没有把它计入合计：合计等这一格改正后再核对）。表上须写实有的数目：请核对实物后只写一个数（是 3 的写“3”），需要说明更正经过的写在备注里。',
    ],
  ]);
});

test('beside another row not counted (序号 1’s 数量 “三袋半”): the 合计 unchecked names that row alone; the corrected row is invalid-count’s', () => {
  const found = findingsFor({
    name: '',
    retype: (g) => (typeInto(g, '交接单', 'D8', '三袋半'), typeInto(g, '交接单', 'D10', '2（实为3）')),
  });
  expect(found.filter((f) => f.rule === 'column-total').map((f) => [f.rule, f.severity, f.cell, f.row, f.message])).toEqual([
    [
      'column-total',
      'error',
      'D17',
      null,
      '“合计”写的是 6，但它合计的行中，序号 1 的“数量”写的是“三袋半”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
    ],
  ]);
  expect(found.filter((f) => f.rule === 'invalid-count').map((f) => f.cell)).toEqual(['D8', 'D10']);
});

test('in English, the count’s finding says the totals wait for it', () => {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  typeInto(grid, '交接单', 'D10', '2（实为3）');
  const found = validateSite(readWorkbook(grid), { lang: 'en' });
  expect(found.map((f) => [f.rule, f.cell, f.message])).toEqual([
    [
      'invalid-count',
      'D10',
      '"数量" reads "2（实为3）": 2, with 3 noted in brackets as the true count, so whether the row holds 2 or 3 cannot be told (it was checked as neither, nor counted in any total: the totals over it are checked once it is corrected). The form holds the number there is: check the papers and write one number (for 3, write "3"); a note of the correction goes in 备注.',
    ],
  ]);
});
