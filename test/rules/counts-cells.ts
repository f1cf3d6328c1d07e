/**
 * The counts tests' shared cells and readings (counts26, counts27): 岳麓考点 (test/fixtures/kaodian.json) drawn, cells
 * typed over it, and every finding it then gives.
 */
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, findingsFor, gridFromDrafts, typeInto } from './tester';

export type Typed = Array<[sheet: string, cell: string, value: CellValue]>;
const typed = (cells: Typed) => (g: WorkbookGrid) => cells.forEach(([sheet, cell, v]) => typeInto(g, sheet, cell, v));

/** 岳麓考点's findings with `cells` typed over its drawn workbook: rule, message id, form, sheet, cell, 序号, message. */
export const found = (cells: Typed) =>
  findingsFor({ name: '', retype: typed(cells) }).map((f) => [f.rule, messageIdOf(f), f.form, f.sheet, f.cell, f.row, f.message]);

/** The same findings' cells and English messages. */
export const inEnglish = (cells: Typed) => {
  const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
  typed(cells)(grid);
  return validateSite(readWorkbook(grid), { lang: 'en' }).map((f) => [f.cell, f.message]);
};

/** 交接单 row 3 (D10) made a 小计 of `subtotal`, row 3's 2 袋 typed below it (row 11), and a `word` (小计, 累计 …) of `total` under those. */
export const twoParts = (subtotal: number, word: string, total: number): Typed => [
  ['交接单', 'B10', '小计'],
  ['交接单', 'C10', null],
  ['交接单', 'D10', subtotal],
  ['交接单', 'F10', null],
  ['交接单', 'B11', 3],
  ['交接单', 'C11', '岳麓考点'],
  ['交接单', 'D11', 2],
  ['交接单', 'F11', '袋'],
  ['交接单', 'B12', word],
  ['交接单', 'D12', total],
];

/** 出入库记录 row 1 writing 1001、2045: what it says of 2045, taken out at 07:45 with 1001 (its session 10:30) while row 2 takes it out again. */
export const OF_2045 = [
  [
    'checkout-window',
    'later',
    3,
    '出入库记录',
    'F4',
    1,
    '试卷 2045 在 6月15日 07:45 就出库了，而它的考试 6月15日 10:30 才开考，中间还有 6月15日 08:30 开考的另一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对取卷时间。',
  ],
  [
    'overdraw',
    'over',
    3,
    '出入库记录',
    'D5',
    2,
    '试卷 2045 在 6月15日 09:45 出库 1 袋后，同时在库外的共 2 袋，但到这时入库清单上这份试卷只有 1 袋。出库袋数不能多于已入库的袋数，请核对数量或入库时间。',
  ],
];
