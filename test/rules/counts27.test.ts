/**
 * fix-counts27: what the checks say of counts they cannot read, and what 以上合计 totals.
 * 岳麓考点 (test/fixtures/kaodian.json): 交接单 rows 1–3 (D8:D10) 3, 1, 2 袋, 合计 6 (D17); 入库清单 rows 1–3 (4–6) 1001
 * 1/1/0/1 = 3, 2045 1/0/0/0 = 1, 3310 0/0/2/0 = 2, 合计 2/1/2/1/6 (row 14); 出入库记录 rows 1–3 (4–6) 1001 3 袋, 2045 1 袋,
 * 3310 2 袋; 考试安排 rows 1–3 (3–5), 报考人数 in F. Each case lists every finding the workbook gives.
 */
import { found, inEnglish, OF_2045, twoParts, type Typed } from './counts-cells';

describe('“2 1” beside one paper: the total over it says what is true of that row', () => {
  const cells: Typed = [
    ['出入库记录', 'D4', '2 1'],
    ['出入库记录', 'B7', '合计'],
    ['出入库记录', 'D7', 6],
  ];

  test('one paper, two numbers parted by a space, write one number (was “是几种试卷各自的数量，却和这一行写的试卷对不上”)', () => {
    expect(found(cells)).toEqual([
      [
        'invalid-count',
        'countsSpaced',
        3,
        '出入库记录',
        'D4',
        1,
        '“数量”写的是“2 1”：2 个数之间隔着空格，看不出是 2 个数量，还是一个数中间多了空格（本工具没有把它读成 21，也没有按哪个数核对），而这一行写的是 1 个试卷号（“1001”），这一行的数量无法核对。请核对实物：是一个数的，删去空格；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      ],
      [
        'column-total',
        'unreadSpaced',
        3,
        '出入库记录',
        'D7',
        null,
        '“合计行的数量”写的是 6，但它合计的行中，序号 1 的“数量”写的是“2 1”：2 个数之间隔着空格，而这一行只写了 1 个试卷号（“1001”），只有一个数量，读不出是多少（本工具没有把它读成 21），这一合计无从核对。请先把序号 1 的“数量”改写成一个数（是一个数中间多了空格的，删去空格；不是的，核对后写实有的数目）；其中有另一种试卷的数量的，给那种试卷另写一行，再核对这一合计。',
      ],
    ]);
  });

  test('in English', () => {
    expect(inEnglish(cells)[1]).toEqual([
      'D7',
      '"数量" on the "合计" row is 6, but among the rows it totals, No. 1’s "数量" reads "2 1": 2 numbers parted by a space, where the row writes 1 paper ("1001"), which has one count, so how many it is cannot be told (it was not read as 21), and this total cannot be checked. Write No. 1’s "数量" as one number first (if it is one number with a space typed into it, delete the space; if not, check and write the number there is); if one of them is another paper’s count, write that paper on a row of its own, then check this total.',
    ]);
  });

  test('交接单: an item naming one paper (1001 in its 备注), the printed 合计 over it', () => {
    expect(found([['交接单', 'D8', '2 1']])).toEqual([
      [
        'invalid-count',
        'countsSpaced',
        1,
        '交接单',
        'D8',
        1,
        '“数量”写的是“2 1”：2 个数之间隔着空格，看不出是 2 个数量，还是一个数中间多了空格（本工具没有把它读成 21，也没有按哪个数核对），而这一行写的是 1 个试卷号（“1001”），这一行的数量无法核对。请核对实物：是一个数的，删去空格；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      ],
      [
        'column-total',
        'unreadSpaced',
        1,
        '交接单',
        'D17',
        null,
        '“合计”写的是 6，但它合计的行中，序号 1 的“数量”写的是“2 1”：2 个数之间隔着空格，而这一行只写了 1 个试卷号（“1001”），只有一个数量，读不出是多少（本工具没有把它读成 21），这一合计无从核对。请先把序号 1 的“数量”改写成一个数（是一个数中间多了空格的，删去空格；不是的，核对后写实有的数目）；其中有另一种试卷的数量的，给那种试卷另写一行，再核对这一合计。',
      ],
    ]);
  });
});

describe('“2 1” in a count cell with no 试卷号 counted one by one: two numbers where one is written', () => {
  const spaced = (field: string) =>
    `“${field}”写的是“2 1”：2 个数之间隔着空格，读不出一个数（本工具没有把它读成 21，也没有按哪个数核对）。这一格只能写一个整数：是一个数中间多了空格的，删去空格；不是的，请核对后改写成实有的数目。`;
  const unchecked = (field: string, total: number, label: string) =>
    `“${field}”写的是 ${total}，但它合计的行中，序号 1 的“${label}”写的是“2 1”：2 个数之间隔着空格，读不出是多少（本工具没有把它读成 21），这一合计无从核对。请先把序号 1 的“${label}”改写成一个数（是一个数中间多了空格的，删去空格；不是的，核对后写实有的数目），再核对这一合计。`;

  test('入库清单 31份装 (was “不是一个不小于 0 的整数” and “是几种试卷各自的数量”)', () => {
    expect(found([['入库清单', 'D4', '2 1']])).toEqual([
      ['invalid-count', 'spaced', 2, '入库清单', 'D4', 1, spaced('31份装')],
      ['column-total', 'unreadSpaced', 2, '入库清单', 'D14', null, unchecked('合计行的31份装（袋）', 2, '31份装')],
    ]);
  });

  test('入库清单 合计（袋）', () => {
    expect(found([['入库清单', 'H4', '2 1']])).toEqual([
      ['invalid-count', 'spaced', 2, '入库清单', 'H4', 1, spaced('合计')],
      ['column-total', 'unreadSpaced', 2, '入库清单', 'H14', null, unchecked('合计行的合计（袋）', 6, '合计')],
    ]);
  });

  test('考试安排 报考人数, a 合计 added under it', () => {
    expect(
      found([
        ['考试安排', 'F3', '2 1'],
        ['考试安排', 'B6', '合计'],
        ['考试安排', 'F6', 90],
      ]),
    ).toEqual([
      ['invalid-count', 'spaced', 0, '考试安排', 'F3', 1, spaced('报考人数')],
      ['column-total', 'unreadSpaced', 0, '考试安排', 'F6', null, unchecked('合计行的报考人数', 90, '报考人数')],
    ]);
  });

  test('in English', () => {
    expect(inEnglish([['入库清单', 'D4', '2 1']])).toEqual([
      [
        'D4',
        '"31份装" reads "2 1": 2 numbers parted by a space, which is not one number (it was not read as 21, nor checked as any of them). This cell holds one whole number: if it is one number with a space typed into it, delete the space; if not, check and write the number there is.',
      ],
      [
        'D14',
        '"31份装（袋）" on the "合计" row is 2, but among the rows it totals, No. 1’s "31份装" reads "2 1": 2 numbers parted by a space, so how many it is cannot be told (it was not read as 21), and this total cannot be checked. Write No. 1’s "31份装" as one number first (if it is one number with a space typed into it, delete the space; if not, check and write the number there is), then check this total.',
      ],
    ]);
  });
});

describe('入库清单: a blank 合计（袋） beside a bag size that cannot be read', () => {
  const cells: Typed = [
    ['入库清单', 'H4', null],
    ['入库清单', 'D4', '三袋半'],
  ];

  test('the 合计（袋） column’s total points at the size to mend (was “请先补填序号 1 的“合计”（确实没有的写 0）”)', () => {
    expect(found(cells)).toEqual([
      [
        'invalid-count',
        'count',
        2,
        '入库清单',
        'D4',
        1,
        '“31份装”写的是“三袋半”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。',
      ],
      [
        'column-total',
        'unread',
        2,
        '入库清单',
        'D14',
        null,
        '“合计行的31份装（袋）”写的是 2，但它合计的行中，序号 1 的“31份装”写的是“三袋半”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
      [
        'column-total',
        'unreadSize',
        2,
        '入库清单',
        'H14',
        null,
        '“合计行的合计（袋）”写的是 6，但它合计的行中，序号 1 的“合计”没有填写，要按这一行各袋型的袋数相加，而它的“31份装”写的是“三袋半”，读不出袋数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
    ]);
  });

  test('in English', () => {
    expect(inEnglish(cells)[2]).toEqual([
      'H14',
      '"合计（袋）" on the "合计" row is 6, but among the rows it totals, No. 1’s "合计" is empty, to be counted as the sum of the row’s bag sizes, and its "31份装" reads "三袋半", which is not a number of bags, so this total cannot be checked. Correct No. 1’s "31份装" first, then check this total.',
    ]);
  });
});

describe('以上合计 totals every row above it, not the rows since the 小计 before it', () => {
  /** column-total's finding at `cell` (D12, twoParts' total) of a `word` of `total` over 序号 `seqs` adding up to `sum`. */
  const wrong = (word: string, total: number, seqs: string, sum: number, cell = 'D12') => [
    'column-total',
    'part',
    1,
    '交接单',
    cell,
    null,
    `“${word}行的数量”写的是 ${total}，但它合计的各行（序号 ${seqs}）相加是 ${sum}。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。`,
  ];

  test('rows, then 以上合计 over the 合计 (no 小计 before it): every row above, 序号 1–3', () => {
    const cells: Typed = [
      ['交接单', 'B11', '以上合计'],
      ['交接单', 'D11', 7],
    ];
    expect(found(cells)).toEqual([wrong('以上合计', 7, '1–3', 6, 'D11')]);
  });

  test('rows, 小计, rows, 以上合计 of every row above (6): right', () => {
    expect(found(twoParts(4, '以上合计', 6))).toEqual([]);
  });

  test('the same, 以上合计 of the rows since the 小计 alone (2): let pass, as a reading that agrees', () => {
    expect(found(twoParts(4, '以上合计', 2))).toEqual([]);
  });

  test('a wrong 以上合计 is said against every row from the first (序号 1–3: 6; was “序号 3 … 2”)', () => {
    expect(found(twoParts(4, '以上合计', 9))).toEqual([wrong('以上合计', 9, '1–3', 6)]);
  });

  test('over a blank row above the 小计 it waits for that row (was “wrong” against row 3 alone)', () => {
    expect(found([['交接单', 'D9', null], ...twoParts(3, '以上合计', 6)])).toEqual([
      ['required-field', 'cell', 1, '交接单', 'D9', 2, '序号 2 这一行的“数量”没有填写。附件1 纸质试卷交接单每行都须填写此项，请补填后再提交。'],
    ]);
  });

  test('以上小计 is still its part’s: a wrong one said against the rows since the 小计 (序号 3: 2)', () => {
    expect(found(twoParts(4, '以上小计', 9))).toEqual([wrong('以上小计', 9, '3', 2)]);
  });
});

describe('出入库记录 “1001、2045” with 数量 “2、1” and one 试卷名称', () => {
  const row: Typed = [
    ['出入库记录', 'B4', '1001、2045'],
    ['出入库记录', 'D4', '2、1'],
  ];
  const split = (name: string) =>
    `这一行写了 2 个试卷号“1001、2045”，2 种试卷登记在同一行。各试卷的数量已写明（1001 2 袋、2045 1 袋），本工具已按 2 条记录分别核对、汇总了这一行（试卷名称“${name}”和这 2 种试卷对不上，没有当作其中哪一种试卷的名称）；但表上应一行一种试卷。请分成 2 行，每行写一个试卷号和它自己的数量，试卷名称也各写各的。`;

  test('the name of one of them (高等数学基础, 1001’s): the split finding says the name is given to none, each row to get its own', () => {
    expect(found(row)).toEqual([['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, split('高等数学基础')], ...OF_2045]);
  });

  test('the name of neither (大学英语): also said at the name cell, with the names the other forms write (was said nowhere)', () => {
    expect(found([...row, ['出入库记录', 'C4', '大学英语']])).toEqual([
      ['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, split('大学英语')],
      [
        'paper-name-mismatch',
        'unpaired',
        3,
        '出入库记录',
        'C4',
        1,
        '这一行写了 2 个试卷号“1001、2045”，试卷名称却写的是“大学英语”，而其他表写 1001 为“高等数学基础”、2045 为“管理学基础”：“大学英语”不是这一行哪一种试卷的名称。请核对是试卷号还是名称写错了；分成 2 行时，每行写它自己的试卷名称。',
      ],
      ...OF_2045,
    ]);
  });

  test('in English', () => {
    expect(inEnglish([...row, ['出入库记录', 'C4', '大学英语']]).slice(0, 2)).toEqual([
      [
        'B4',
        'This row writes 2 paper numbers, "1001、2045": 2 papers on one row. Each paper’s quantity is written (1001 2 bags, 2045 1 bag), so the row was checked and summed up as 2 records (its 试卷名称 "大学英语" does not pair with the 2 papers, and was taken as none of theirs); but the form wants one paper a row. Write it as 2 rows, each with one paper number and its own quantity, and its own paper name.',
      ],
      [
        'C4',
        'This row writes 2 paper numbers, "1001、2045", but its 试卷名称 reads "大学英语", while other forms name 1001 "高等数学基础" and 2045 "管理学基础": "大学英语" is the name of none of the row’s papers. Check whether the paper numbers or the name are wrong; written as 2 rows, each gets its own paper name.',
      ],
    ]);
  });

  test('a name each (高等数学基础、管理学基础): each paper’s own, nothing said of the names', () => {
    expect(found([...row, ['出入库记录', 'C4', '高等数学基础、管理学基础']])).toEqual([
      [
        'unknown-paper',
        'severalApart',
        3,
        '出入库记录',
        'B4',
        1,
        '这一行写了 2 个试卷号“1001、2045”，2 种试卷登记在同一行。各试卷的数量已写明（1001 2 袋、2045 1 袋），本工具已按 2 条记录分别核对、汇总了这一行；但表上应一行一种试卷。请分成 2 行，每行写一个试卷号和它自己的数量。',
      ],
      ...OF_2045,
    ]);
  });
});
