/**
 * fix-counts26: counts read one way by the totals and by the rows of several papers.
 * 岳麓考点 (test/fixtures/kaodian.json): 交接单 rows 1–3 (D8:D10) 3, 1, 2 袋, 合计 6 (D17); 入库清单 rows 1–3 (4–6) 1001
 * 1/1/0/1 = 3, 2045 1/0/0/0 = 1, 3310 0/0/2/0 = 2, 合计 2/1/2/1/6 (row 14); 出入库记录 rows 1–3 (4–6) 1001 3 袋 (taken
 * 06-15 07:45), 2045 1 袋 (09:45), 3310 2 袋, each with its one 试卷名称. Each case lists every finding the workbook gives.
 */
import { validateAcross } from '../../src/rules/engine';
import { base, modelOf } from './tester';
import { found, inEnglish, OF_2045, twoParts, type Typed } from './counts-cells';

describe('入库清单: a row’s 合计（袋） left blank beside its bags', () => {
  test('counts the bags the row shows (3), as every check reads them: the 合计 of 6 is right (was “相加是 3”)', () => {
    expect(found([['入库清单', 'H4', null]])).toEqual([]);
  });

  test('a 合计 that is wrong is said against them: 9, the rows 6', () => {
    expect(
      found([
        ['入库清单', 'H4', null],
        ['入库清单', 'H14', 9],
      ]),
    ).toEqual([
      ['column-total', 'sum', 2, '入库清单', 'H14', null, '“合计行的合计（袋）”写的是 9，但上面各行相加是 6。合计须等于本栏各行之和，请核对后改正。'],
    ]);
  });
});

describe('a 小计 judged over its own rows, whatever waits above the 小计 before it', () => {
  test('交接单: row 2’s 数量 blank under the first 小计 (it waits); the second 小计, 5 over row 3’s 2, is wrong (was passed)', () => {
    const cells: Typed = [['交接单', 'D9', null], ...twoParts(3, '小计', 5)];
    expect(found(cells)).toEqual([
      ['required-field', 'cell', 1, '交接单', 'D9', 2, '序号 2 这一行的“数量”没有填写。附件1 纸质试卷交接单每行都须填写此项，请补填后再提交。'],
      [
        'column-total',
        'part',
        1,
        '交接单',
        'D12',
        null,
        '“小计行的数量”写的是 5，但它合计的各行（序号 3）相加是 2。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });

  test('入库清单: row 2 with no bags under the first 小计; the second 小计’s 合计（袋）, 9 over 3310’s 2, is wrong (was passed)', () => {
    const cells: Typed = [
      ...['D5', 'E5', 'F5', 'G5', 'H5'].map((cell): Typed[number] => ['入库清单', cell, null]),
      ['入库清单', 'A6', null],
      ['入库清单', 'B6', '小计'],
      ['入库清单', 'C6', null],
      ...[1, 1, 0, 1, 3].map((n, k): Typed[number] => ['入库清单', `${'DEFGH'[k]}6`, n]),
      ...([3, '3310', '中国现代文学', 0, 0, 2, 0, 2] as const).map((v, k): Typed[number] => ['入库清单', `${'ABCDEFGH'[k]}7`, v]),
      ['入库清单', 'A8', null],
      ['入库清单', 'B8', '小计'],
      ...[0, 0, 2, 0, 9].map((n, k): Typed[number] => ['入库清单', `${'DEFGH'[k]}8`, n]),
    ];
    expect(found(cells)).toEqual([
      ['required-field', 'cell', 2, '入库清单', 'D5', 2, '序号 2 这一行的“31份装”没有填写。附件2 纸质试卷入库清单每行都须填写此项，请补填后再提交。'],
      [
        'copies-short',
        'short',
        2,
        '入库清单',
        'H5',
        2,
        '试卷 2045 入库 0 袋共 0 份（31×0+26×0+11×0+5×0），少于报考人数 31 人。试卷份数须够每位考生一份，请核对袋数或报考人数，不足的须及时向上级报告补发。',
      ],
      [
        'column-total',
        'part',
        2,
        '入库清单',
        'H8',
        null,
        '“小计行的合计（袋）”写的是 9，但它合计的各行（序号 3）相加是 2。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });

  test('交接单: row 1 shows #N/A under the first 小计 (unchecked); the second 小计 is wrong over its own row 3 (was “unchecked” naming row 1)', () => {
    const cells: Typed = [['交接单', 'D8', '#N/A'], ...twoParts(4, '小计', 5)];
    const unchecked = (cell: string, field: string, total: number) => [
      'column-total',
      'unread',
      1,
      '交接单',
      cell,
      null,
      `“${field}”写的是 ${total}，但它合计的行中，序号 1 的“数量”显示的是错误值“#N/A”，读不出一个数，这一合计无从核对。请先改正序号 1 的“数量”，再核对这一合计。`,
    ];
    expect(found(cells)).toEqual([
      [
        'invalid-count',
        'error',
        1,
        '交接单',
        'D8',
        1,
        '“数量”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果（它要查找的值没有找到），表上和打印出来的都是“#N/A”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      ],
      unchecked('D10', '小计行的数量', 4),
      [
        'column-total',
        'part',
        1,
        '交接单',
        'D12',
        null,
        '“小计行的数量”写的是 5，但它合计的各行（序号 3）相加是 2。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
      unchecked('D17', '合计', 6),
    ]);
  });

  test('a wrong 累计 is said against every row from the first (序号 1–3: 6), not its part since the 小计 (was “序号 3 … 2”)', () => {
    const cells = twoParts(4, '累计', 9);
    expect(found(cells)).toEqual([
      [
        'column-total',
        'part',
        1,
        '交接单',
        'D12',
        null,
        '“累计行的数量”写的是 9，但它合计的各行（序号 1–3）相加是 6。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      ],
    ]);
  });

  test('a 累计 is judged from the first row: over the blank row, it waits (not “wrong” against row 3 alone)', () => {
    const cells: Typed = [['交接单', 'D9', null], ...twoParts(3, '累计', 6)];
    expect(found(cells)).toEqual([
      ['required-field', 'cell', 1, '交接单', 'D9', 2, '序号 2 这一行的“数量”没有填写。附件1 纸质试卷交接单每行都须填写此项，请补填后再提交。'],
    ]);
  });
});

describe('出入库记录 “1001、2045” with 数量 “2、1” and one 试卷名称 (高等数学基础)', () => {
  const SPLIT =
    '这一行写了 2 个试卷号“1001、2045”，2 种试卷登记在同一行。各试卷的数量已写明（1001 2 袋、2045 1 袋），本工具已按 2 条记录分别核对、汇总了这一行；但表上应一行一种试卷。请分成 2 行，每行写一个试卷号和它自己的数量。';
  /** The same, its one name given to none said so (fix-counts27). */
  const SPLIT_ONE_NAME =
    '这一行写了 2 个试卷号“1001、2045”，2 种试卷登记在同一行。各试卷的数量已写明（1001 2 袋、2045 1 袋），本工具已按 2 条记录分别核对、汇总了这一行（试卷名称“高等数学基础”和这 2 种试卷对不上，没有当作其中哪一种试卷的名称）；但表上应一行一种试卷。请分成 2 行，每行写一个试卷号和它自己的数量，试卷名称也各写各的。';
  const row: Typed = [
    ['出入库记录', 'B4', '1001、2045'],
    ['出入库记录', 'D4', '2、1'],
  ];

  test('read apart by its 试卷号, as a handover item naming several papers is: each paper checked, the name given to none (not “left empty”)', () => {
    expect(found(row)).toEqual([['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, SPLIT_ONE_NAME], ...OF_2045]);
  });

  test('a 合计 under it counts both papers (2 + 1): 6 over the three rows is right', () => {
    expect(found([...row, ['出入库记录', 'B7', '合计'], ['出入库记录', 'D7', 6]])).toEqual([
      ['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, SPLIT_ONE_NAME],
      ...OF_2045,
    ]);
  });

  test('with a name each (高等数学基础、管理学基础), read apart before too: the 合计 counted the first paper alone (“相加是 5”)', () => {
    expect(found([...row, ['出入库记录', 'C4', '高等数学基础、管理学基础'], ['出入库记录', 'B7', '合计'], ['出入库记录', 'D7', 6]])).toEqual([
      ['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, SPLIT],
      ...OF_2045,
    ]);
  });

  test('数量 “2 1” (a space between) beside the two papers: read as “2、1” is, never as 21', () => {
    expect(
      found([
        ['出入库记录', 'B4', '1001、2045'],
        ['出入库记录', 'D4', '2 1'],
      ]),
    ).toEqual([['unknown-paper', 'severalApart', 3, '出入库记录', 'B4', 1, SPLIT_ONE_NAME], ...OF_2045]);
  });
});

describe('数量 “2 1”: two numbers parted by a space', () => {
  test('交接单 row 1 naming 1001、2045: 2 袋 and 1 袋, their sum under the 合计 (was “不是整数” and the 合计 unchecked)', () => {
    expect(
      found([
        ['交接单', 'E8', '1001、2045'],
        ['交接单', 'D8', '2 1'],
      ]),
    ).toEqual([]);
  });

  test('beside one paper: said at its cell as maybe one number with a space typed in (zh, en), never read as 21', () => {
    const cells: Typed = [['出入库记录', 'D4', '2 1']];
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
    ]);
    expect(inEnglish(cells)).toEqual([
      [
        'D4',
        '"数量" reads "2 1": 2 numbers parted by a space, so it cannot be told whether these are 2 counts or one number with a space typed into it (it was not read as 21, nor checked as any of them), and the row writes 1 paper ("1001"), so the row’s count is not checked. Check the papers: if it is one number, delete the space; if they are the counts of several papers, write one paper a row, each with its paper number and its own count.',
      ],
    ]);
  });
});

describe('the two copies of a handover: one writes 数量 “2 1”, the other 21', () => {
  test('they differ, said on both files at that 数量 (was read alike, as 21 and 21)', () => {
    const k = base('kaodian');
    const f = base('fenxiao');
    k.handovers![0].items![0].quantity = '2 1';
    f.handovers![1].items![0].quantity = 21;
    const out = validateAcross([
      { id: 'kaodian', model: modelOf(k) },
      { id: 'fenxiao', model: modelOf(f) },
    ]);
    const at = (id: string) => out.get(id)!.map((x) => [x.rule, x.sheet, x.cell, x.row]);
    expect(at('kaodian')).toEqual([['handover-copies-disagree', '交接单', 'D8', 1]]);
    expect(at('fenxiao')).toEqual([['handover-copies-disagree', '交接单2', 'D8', 1]]);
  });
});
