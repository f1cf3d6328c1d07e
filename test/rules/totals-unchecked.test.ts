/**
 * fix-totals25: a total over a row it cannot count says so (无从核对) at the total's cell, naming that row and why —
 * the printed 合计 of 附件1/附件2 as a 小计 already did (it was silent); a formula saved without its value (it was
 * passed over); “6袋” on a row counting 箱 (it was “读不出一个数”: the number is 6, the unit another). A blank count is
 * said by its row's own finding where the form asks for it — a 附件2 row with no bags is not summed as 0 — and, where
 * nothing else says it (考试安排's 报考人数), by the total. Each case lists every finding the workbook then gives.
 */
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { intakeWithUnsavedFormulas } from '../helpers';
import { base, findingsFor, gridFromDrafts, typeInto } from './tester';

jest.setTimeout(120_000);

type Typed = Array<[sheet: string, cell: string, value: CellValue]>;
const typed = (cells: Typed) => (g: WorkbookGrid) => cells.forEach(([sheet, cell, v]) => typeInto(g, sheet, cell, v));
/** 岳麓考点's findings with `cells` typed over its drawn workbook: rule, form, sheet, cell, 序号, message. */
const found = (cells: Typed) => findingsFor({ name: '', retype: typed(cells) }).map((f) => [f.rule, f.form, f.sheet, f.cell, f.row, f.message]);

const NA_ZH = (field: string) =>
  `“${field}”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。`;

describe('the printed 合计 over a row whose count cannot be read', () => {
  test('交接单 row 1’s 数量 shows #N/A: invalid-count at D8, and the 合计 at D17 (6) said unchecked naming row 1 (was silent)', () => {
    expect(found([['交接单', 'D8', '#N/A']])).toEqual([
      ['invalid-count', 1, '交接单', 'D8', 1, NA_ZH('数量')],
      [
        'column-total',
        1,
        '交接单',
        'D17',
        null,
        '“合计”写的是 6，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。',
      ],
    ]);
  });

  test('three rows not read (#N/A, -2, 四袋半; 三袋 reads as 3): one finding at the 合计, the first row’s cause and the others named', () => {
    const cells: Typed = [
      ['交接单', 'D8', '#N/A'],
      ['交接单', 'D9', '三袋'],
      ['交接单', 'D10', '-2'],
      ['交接单', 'D11', '四袋半'],
      ['交接单', 'C11', '岳麓考点'],
      ['交接单', 'F11', '袋'],
    ];
    const count = (cell: string, row: number, value: string) => [
      'invalid-count',
      1,
      '交接单',
      cell,
      row,
      `“数量”写的是“${value}”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。`,
    ];
    expect(found(cells)).toEqual([
      ['invalid-count', 1, '交接单', 'D8', 1, NA_ZH('数量')],
      count('D10', 3, '-2'),
      count('D11', 4, '四袋半'),
      [
        'column-total',
        1,
        '交接单',
        'D17',
        null,
        '“合计”写的是 6，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数；另有序号 3–4 的“数量”也计不进合计，这一合计无从核对。请先改正序号 1、3–4 的“数量”，再核对这一合计。',
      ],
    ]);
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    typed(cells)(grid);
    expect(validateSite(readWorkbook(grid), { lang: 'en', only: ['column-total'] }).map((f) => f.message)).toEqual([
      '"合计" is 6, but among the rows it totals, No. 1’s "数量" shows the error value "#N/A", which is not a number; Nos. 3–4’s "数量" cannot be counted either, so this total cannot be checked. Correct Nos. 1, 3–4’s "数量" first, then check this total.',
    ]);
  });

  test('the 合计 itself showing #N/A (its =SUM over that row): invalid-count at each cell, no second finding at D17', () => {
    expect(
      found([
        ['交接单', 'D8', '#N/A'],
        ['交接单', 'D17', '#N/A'],
      ]),
    ).toEqual([
      ['invalid-count', 1, '交接单', 'D8', 1, NA_ZH('数量')],
      ['invalid-count', 1, '交接单', 'D17', null, NA_ZH('合计')],
    ]);
  });

  test('入库清单 row 1’s 31份装 shows #N/A: the 合计’s 31份装 at D14 said unchecked; its other columns checked (right)', () => {
    expect(found([['入库清单', 'D4', '#N/A']])).toEqual([
      ['invalid-count', 2, '入库清单', 'D4', 1, NA_ZH('31份装')],
      [
        'column-total',
        2,
        '入库清单',
        'D14',
        null,
        '“合计行的31份装（袋）”写的是 2，但它合计的行中，序号 1 的“31份装”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
    ]);
  });
});

describe('“6袋” on a row counting 箱', () => {
  /** 交接单 row 1 (3 bags) made “6袋” in 箱, with a 小计 (6) under rows 1–3: both totals over it. */
  const boxRow: Typed = [
    ['交接单', 'D8', '6袋'],
    ['交接单', 'F8', '箱'],
    ['交接单', 'B11', '小计'],
    ['交接单', 'D11', 6],
  ];

  test('zh: the 小计 and the 合计 each say the number is 6 and its unit 袋, not the row’s 箱 (was “读不出一个数”)', () => {
    const total = (field: string) =>
      `“${field}”写的是 6，但它合计的行中，序号 1 的“数量”写的是“6袋”：数是 6，单位却是“袋”，而这一行按“箱”计，6袋不能当作 6箱，这一合计无从核对。请先按“箱”改写序号 1 的“数量”，再核对这一合计。`;
    expect(found(boxRow)).toEqual([
      [
        'invalid-count',
        1,
        '交接单',
        'D8',
        1,
        '“数量”写的是“6袋”：单位写的是“袋”，本表此处按“箱”计，不能当作 6箱。检查时暂不计入，请核对实物后按“箱”改写（是 6箱的只写“6”）；确是 6袋的，把本行的单位改为“袋”。',
      ],
      ['column-total', 1, '交接单', 'D11', null, total('小计行的数量')],
      ['column-total', 1, '交接单', 'D17', null, total('合计')],
    ]);
  });

  test('en: the units named in English words too', () => {
    const grid = gridFromDrafts(draftWorkbook(base('kaodian')));
    typed(boxRow)(grid);
    expect(validateSite(readWorkbook(grid), { lang: 'en', only: ['invalid-count', 'column-total'] }).map((f) => [f.cell, f.message])).toEqual([
      [
        'D8',
        '"数量" reads "6袋": in 袋 (bags), but here counts are in 箱 (boxes), so it is not 6 箱. It is left out of the checks until corrected: check the papers and write it in 箱 (boxes) (for 6 箱, write "6"); if it is 6 袋, pick 袋 as the row’s unit.',
      ],
      [
        'D11',
        '"数量" on the "小计" row is 6, but among the rows it totals, No. 1’s "数量" reads "6袋": the number 6 in 袋 (bags), but that row counts 箱 (boxes), and 6 袋 cannot be taken for 6 箱, so this total cannot be checked. Write No. 1’s "数量" in 箱 (boxes) first, then check this total.',
      ],
      [
        'D17',
        '"合计" is 6, but among the rows it totals, No. 1’s "数量" reads "6袋": the number 6 in 袋 (bags), but that row counts 箱 (boxes), and 6 袋 cannot be taken for 6 箱, so this total cannot be checked. Write No. 1’s "数量" in 箱 (boxes) first, then check this total.',
      ],
    ]);
  });
});

describe('blank counts under a total', () => {
  /** 入库清单 with a 小计 (`figures`: 31份装 … 合计（袋）) under its rows 1–3, row 2 (2045) left with no bags at all. */
  const noBags = (figures: number[]): Typed => [
    ...['D5', 'E5', 'F5', 'G5', 'H5'].map((cell): Typed[number] => ['入库清单', cell, null]),
    ['入库清单', 'B7', '小计'],
    ...figures.map((n, k): Typed[number] => ['入库清单', `${'DEFGH'[k]}7`, n]),
  ];
  const ROW_2_BLANK = [
    ['required-field', 2, '入库清单', 'D5', 2, '序号 2 这一行的“31份装”没有填写。附件2 纸质试卷入库清单每行都须填写此项，请补填后再提交。'],
    [
      'copies-short',
      2,
      '入库清单',
      'H5',
      2,
      '试卷 2045 入库 0 袋共 0 份（31×0+26×0+11×0+5×0），少于报考人数 31 人。试卷份数须够每位考生一份，请核对袋数或报考人数，不足的须及时向上级报告补发。',
    ],
  ];

  test('入库清单 row 2 with no bags: its own finding, the 小计 and the 合计 not summed over it as 0 (were 4 findings “相加是 1”, “5”)', () => {
    expect(found(noBags([2, 1, 2, 1, 6]))).toEqual(ROW_2_BLANK);
  });

  test('入库清单 row 2 with no bags, the 小计 the other rows’ sum: the same, no finding on either total', () => {
    expect(found(noBags([1, 1, 2, 1, 5]))).toEqual(ROW_2_BLANK);
  });

  test('交接单 row 2’s 数量 blank under a 小计 (wrong or not) and the 合计: required-field alone, the totals wait for it', () => {
    const blankUnder = (figure: number): Typed => [
      ['交接单', 'D9', null],
      ['交接单', 'B11', '小计'],
      ['交接单', 'D11', figure],
    ];
    const ROW_2 = [['required-field', 1, '交接单', 'D9', 2, '序号 2 这一行的“数量”没有填写。附件1 纸质试卷交接单每行都须填写此项，请补填后再提交。']];
    expect(found(blankUnder(9))).toEqual(ROW_2);
    expect(found(blankUnder(5))).toEqual(ROW_2);
  });

  test('考试安排 row 2’s 报考人数 (asked for by no rule) blank under a 合计: the 合计 said unchecked naming it (was silent)', () => {
    const schedule = (figure: number): Typed => [
      ['考试安排', 'F4', null],
      ['考试安排', 'B6', '合计'],
      ['考试安排', 'F6', figure],
    ];
    expect(found(schedule(108))).toEqual([
      [
        'column-total',
        0,
        '考试安排',
        'F6',
        null,
        '“合计行的报考人数”写的是 108，但它合计的行中，序号 2 的“报考人数”没有填写，这一合计无从核对。请先补填序号 2 的“报考人数”（确实没有的写 0），再核对这一合计。',
      ],
    ]);
    expect(
      found([
        ['考试安排', 'B6', '合计'],
        ['考试安排', 'F6', 108],
      ]),
    ).toEqual([]);
  });
});

/**
 * A formula saved without its value (a VLOOKUP a program wrote, no cached result): formula-not-saved says the cell, once
 * a sheet; a total over it is said unchecked naming that row — a 小计 had been passed over in silence.
 */
describe('a total over a formula saved without its value', () => {
  async function findingsWith(formulas: string[], cells: Record<string, string | number>) {
    return validateSite(await intakeWithUnsavedFormulas(formulas, cells)).map((f) => [f.rule, f.form, f.sheet, f.cell, f.row, f.message]);
  }
  const UNSOLVED = (field: string) =>
    `“${field}”写的是 3，但它合计的行中，序号 1 的“合计”是公式，文件里却没有存下它算出的结果，本工具也算不出，这一合计无从核对。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。`;

  test('入库清单 H4 unsaved under a 小计 of rows 1–3 (合计（袋） 3): the 小计 at H7 said unchecked, naming row 1', async () => {
    const subtotal = { B7: '小计', D7: 2, E7: 1, F7: 2, G7: 1, H7: 3 };
    const findings = await findingsWith(['H4'], { ...subtotal, H14: 3 });
    expect(findings).toEqual([
      [
        'formula-not-saved',
        2,
        '入库清单',
        'H4',
        1,
        '“合计”这一格里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出这个公式，所以没有检查它——它并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。',
      ],
      ['column-total', 2, '入库清单', 'H7', null, UNSOLVED('小计行的合计（袋）')],
      ['column-total', 2, '入库清单', 'H14', null, UNSOLVED('合计行的合计（袋）')],
    ]);
  });
});
