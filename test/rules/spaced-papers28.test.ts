/**
 * fix-left28: “2 1” in a count cell beside papers it does not pair with — three papers for two numbers, two for three —
 * may be one number with a space typed into it as much as several papers' counts (the catalogue: invalid-count says so
 * at the cell, countsSpaced). The total over it said it was several papers' counts (unreadCounts); it now says what
 * invalid-count says, as it did beside one paper or none (fix-counts27, counts27.test.ts). 岳麓考点's 交接单 rows 1–3
 * (D8:D10) 3, 1, 2 袋, 合计 6 (D17); each case lists every finding the workbook gives.
 */
import { found, inEnglish, type Typed } from './counts-cells';

const AT_CELL = (value: string, counts: number, joined: string, papers: number, paper: string) =>
  `“数量”写的是“${value}”：${counts} 个数之间隔着空格，看不出是 ${counts} 个数量，还是一个数中间多了空格（本工具没有把它读成 ${joined}，也没有按哪个数核对），而这一行写的是 ${papers} 个试卷号（“${paper}”），这一行的数量无法核对。请核对实物：是一个数的，删去空格；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量。`;
const AT_TOTAL = (value: string, counts: number, joined: string, papers: number, paper: string) =>
  `“合计”写的是 6，但它合计的行中，序号 1 的“数量”写的是“${value}”：${counts} 个数之间隔着空格，而这一行写的是 ${papers} 个试卷号（“${paper}”），数量和试卷对不上，读不出是多少（本工具没有把它读成 ${joined}），这一合计无从核对。请先把序号 1 的“数量”改写成一个数（是一个数中间多了空格的，删去空格；不是的，核对后写实有的数目）；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量，再核对这一合计。`;

describe('“2 1” beside papers it does not pair with: the 合计 over it says what the cell says', () => {
  const three: Typed = [
    ['交接单', 'E8', '1001、2045、3310'],
    ['交接单', 'D8', '2 1'],
  ];

  test('交接单 row 1 naming three papers (was unreadCounts “是几种试卷各自的数量，却和这一行写的试卷对不上”)', () => {
    expect(found(three)).toEqual([
      ['invalid-count', 'countsSpaced', 1, '交接单', 'D8', 1, AT_CELL('2 1', 2, '21', 3, '1001、2045、3310')],
      ['column-total', 'unreadSpaced', 1, '交接单', 'D17', null, AT_TOTAL('2 1', 2, '21', 3, '1001、2045、3310')],
    ]);
  });

  test('in English', () => {
    expect(inEnglish(three)[1]).toEqual([
      'D17',
      '"合计" is 6, but among the rows it totals, No. 1’s "数量" reads "2 1": 2 numbers parted by a space, where the row writes 3 papers ("1001、2045、3310"), which they do not pair with, so how many it is cannot be told (it was not read as 21), and this total cannot be checked. Write No. 1’s "数量" as one number first (if it is one number with a space typed into it, delete the space; if not, check and write the number there is); if they are the counts of several papers, write one paper a row, each with its paper number and its own count, then check this total.',
    ]);
  });

  test('“2 1 1” beside two papers (was unreadCounts too)', () => {
    expect(
      found([
        ['交接单', 'E8', '1001、2045'],
        ['交接单', 'D8', '2 1 1'],
      ]),
    ).toEqual([
      ['invalid-count', 'countsSpaced', 1, '交接单', 'D8', 1, AT_CELL('2 1 1', 3, '211', 2, '1001、2045')],
      ['column-total', 'unreadSpaced', 1, '交接单', 'D17', null, AT_TOTAL('2 1 1', 3, '211', 2, '1001、2045')],
    ]);
  });
});
