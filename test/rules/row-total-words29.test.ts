/**
 * fix-left29, decided: a 附件2 size that cannot be read (words such as 约一袋, an error value) beside a typed 合计（袋）
 * leaves row-total silent, pinned here. invalid-count says the cell, with what it reads there (words, another unit
 * “2箱”, two numbers “2 1”: counts27, totals-inside), and column-total the column's 合计 unchecked, naming the row; a
 * third finding at the row's 合计（袋） would only say again that the size is no number, in cruder words. (A size whose
 * formula was saved without its value is another matter: nothing written is wrong there, and row-total's warning
 * unreadFormula tells the 合计（袋） waits for the workbook to be saved.)
 *
 * 岳麓考点 (test/fixtures/kaodian.json): 入库清单 row 4 (序号 1) is 1001, sizes 1 1 0 1 (D4:G4), 合计（袋） 3 (H4).
 */
import type { CellValue } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from './tester';

function found(cells: Record<string, CellValue>, lang: 'zh' | 'en' = 'zh') {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  for (const [cell, value] of Object.entries(cells)) typeInto(grid, '入库清单', cell, value);
  return validateSite(readWorkbook(grid), { lang }).map((f) => [f.rule, messageIdOf(f), f.severity, f.sheet, f.cell, f.row, f.message]);
}

const INVALID = (cell: string, label: string, value: string) => [
  'invalid-count',
  'count',
  'error',
  '入库清单',
  cell,
  1,
  `“${label}”写的是“${value}”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。`,
];

test('31份装 “约一袋” beside 合计（袋） 3: invalid-count at D4, column-total’s 31份装 合计 unchecked; no row-total at H4', () => {
  expect(found({ D4: '约一袋' })).toEqual([
    INVALID('D4', '31份装', '约一袋'),
    [
      'column-total',
      'unread',
      'error',
      '入库清单',
      'D14',
      null,
      '“合计行的31份装（袋）”写的是 2，但它合计的行中，序号 1 的“31份装”写的是“约一袋”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
    ],
  ]);
});

test('two sizes not read, one an error value: each its own invalid-count, each column’s 合计 unchecked; no row-total', () => {
  expect(found({ D4: '#N/A', G4: '见备注' }).map((f) => `${f[0] as string} ${f[1] as string} ${f[4] as string}`)).toEqual([
    'invalid-count error D4',
    'invalid-count count G4',
    'column-total unread D14',
    'column-total unread G14',
  ]);
});

test('a size in words the reader counts (一袋) is read: the row checked, no finding', () => {
  expect(found({ D4: '一袋' })).toEqual([]);
  expect(found({ D4: '两袋' }).map((f) => `${f[0] as string} ${f[4] as string}`)).toEqual(['row-total H4']);
});
