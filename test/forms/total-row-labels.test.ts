/**
 * The 合计 row's cells named with the form's words (review round 10a D5): “合计行的合计（袋）”, not “合计行合计”,
 * in both languages (the label is the sheet's, quoted as printed).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';

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
        '"合计行的合计（袋）" is 5, but the rows above add up to 4. A total must equal the sum of its column: check and correct it.',
      ],
    ]);
  });
});
