/**
 * The 合计 row's cells named with the form's words (review round 10a D5): “合计行的合计（袋）”, not “合计行合计”,
 * in both languages (the label is the sheet's, quoted as printed).
 */
import * as fs from 'fs';
import * as path from 'path';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';
import { base, gridFromDrafts, typeInto } from '../rules/tester';

const file = path.join(__dirname, '..', 'fixtures', 'review10a', 'xlsx', 'e-totals-text-planted.xlsx');
const findingsIn = (lang: 'zh' | 'en'): Finding[] => validateSite(readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(file)))), { lang });
const tuple = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

describe('e-totals-text-planted: the 附件2 合计 cell named as the form prints it', () => {
  test('zh', () => {
    expect(findingsIn('zh').map(tuple)).toEqual([
      ['column-total', 'error', '入库清单', 'H14', '“合计行的合计（袋）”写的是 5，但上面各行相加是 4。合计须等于本栏各行之和，请核对后改正。'],
    ]);
  });

  test('en', () => {
    expect(findingsIn('en').map(tuple)).toEqual([
      [
        'column-total',
        'error',
        '入库清单',
        'H14',
        '"合计（袋）" on the "合计" row is 5, but the rows above add up to 4. A total must equal the sum of its column: check and correct it.',
      ],
    ]);
  });
});

test('a part’s total in English quotes the form’s words alone, not the Chinese phrase “本页合计行的…” (review 22b D7)', () => {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  typeInto(grid, '入库清单', 'B7', '本页合计');
  [2, 1, 2, 1, 5].forEach((n, k) => typeInto(grid, '入库清单', `${'DEFGH'[k]}7`, n));
  const model = readWorkbook(grid);
  expect(validateSite(model, { lang: 'en' }).map(tuple)).toEqual([
    [
      'column-total',
      'error',
      '入库清单',
      'H7',
      '"合计（袋）" on the "本页合计" row is 5, but the rows it totals (Nos. 1–3) add up to 6. A total written inside a table (小计, 本页合计) must equal the sum of the rows it covers, a running total (累计) or 以上合计 that of every row from the first: check and correct it.',
    ],
  ]);
  expect(validateSite(model).map((f) => f.message)).toEqual([
    '“本页合计行的合计（袋）”写的是 5，但它合计的各行（序号 1–3）相加是 6。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
  ]);
});
