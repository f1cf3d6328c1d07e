/**
 * Review 22a (test/fixtures/review22a: its cases b2, b3, b4, b5, b6, g1, g2 remade here on one 分校 and one 考点) — the
 * two copies of a handover compared paper by paper, and an intake list against what it received:
 * - D1: copies that swap which paper got how many bags (1001 3 / 2045 1 against 1001 1 / 2045 3), or name another paper
 *   on a row (3301 for 3310), were 一致: items were compared by 试卷归属 and 数量 only, never by the paper their 备注 names.
 * - D5: one item “1001（3袋）、2045（1袋）” 4 袋 against the other copy's two rows of the same bags was 4 false errors.
 * - D6: a 合计 with rows below it (a part's total) and none at the foot was quoted “（空）” at the title cell.
 * - D8: 交接配对 quoted the items as “岳麓考点:1；岳麓考点:2”, no paper.
 * - D4: a unit's copy with other bags per paper than its 入库清单, the same total, gave no inventory-mismatch.
 * On the faces across workbooks: `validate` of the two files (slim models) and `summary` (spooled copies, 交接配对).
 * Workbooks: test/fixtures/fenxiao.json (长沙分校, its 交接单2 to 岳麓考点: items rows 8–10) and kaodian.json (岳麓考点, its
 * 交接单), each item's 备注 naming its paper as `custody fill` writes it (“1001 高等数学基础”; the third row's, 3310, added).
 */
import { type PairEdit, checkPair } from './pair-books';

jest.setTimeout(120_000);

const check = (edit: PairEdit) => checkPair(edit, 'custody-pair22-');

describe('review 22a: a handover’s two copies paper by paper', () => {
  it('base: each row’s 备注 names its paper, the copies alike — no finding, 一致', async () => {
    const c = await check({});
    expect(c.validated).toEqual([
      ['f.xlsx', []],
      ['k.xlsx', []],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['matched', 'A2', 'A2', []]);
  });

  const G1 = {
    B10: null,
    C10: '合计',
    D10: 4,
    E10: null,
    F10: null,
    B11: 3,
    C11: '岳麓考点',
    D11: 2,
    E11: '3310 中国现代文学',
    F11: '袋',
    B17: null,
    C17: null,
    D17: null,
  };
  const TWO = { destination: '岳麓考点', quantity: 4, unit: '袋' as const, note: '1001（3袋）、2045（1袋）' };
  /** A row said as it is written on each copy (handover-copies-disagree's item message). */
  const row = (n: number, paper: string, a: string, b: string, other: string, file: string, sheet: string) =>
    `这张交接单的“交接明细第 ${n} 行”写的是“岳麓考点 ${a}（${paper}）”，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${sheet}）写的是“岳麓考点 ${b}（${paper}）”。一式两份须内容一致，请双方核对后改正。`;
  const mismatch = (papers: string) =>
    `按试卷核对，入库清单与交接单上接收到的袋数不符：${papers}（总数都是 6 袋）。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对交接单和入库清单。`;

  it('D1: the receiver’s copy swaps the bags of 1001 and 2045 (1 and 3 for 3 and 1): said at D8 and D9 on both, 不一致; inventory-mismatch on the receiver (was 一致, nothing)', async () => {
    const c = await check({ k: (it) => ((it[0].quantity = 1), (it[1].quantity = 3)) });
    expect(c.validated).toEqual([
      [
        'f.xlsx',
        [
          ['handover-copies-disagree', '交接单2!D8', 1, row(1, '1001 高等数学基础', '3袋', '1袋', '岳麓考点', 'k.xlsx', '交接单 D8')],
          ['handover-copies-disagree', '交接单2!D9', 2, row(2, '2045 管理学基础', '1袋', '3袋', '岳麓考点', 'k.xlsx', '交接单 D9')],
        ],
      ],
      [
        'k.xlsx',
        [
          ['handover-copies-disagree', '交接单!D8', 1, row(1, '1001 高等数学基础', '1袋', '3袋', '长沙分校', 'f.xlsx', '交接单2 D8')],
          ['handover-copies-disagree', '交接单!D9', 2, row(2, '2045 管理学基础', '3袋', '1袋', '长沙分校', 'f.xlsx', '交接单2 D9')],
          ['inventory-mismatch', '入库清单!H4', 1, mismatch('1001 入库 3 袋、接收 1 袋；2045 入库 1 袋、接收 3 袋')],
        ],
      ],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D8', 'D8', [{ field: 'items', label: '交接明细', sender: '1001 3袋；2045 1袋', receiver: '1001 1袋；2045 3袋' }]]);
  });

  it('D1: the receiver’s copy names 3301 on the row of 3310, the same bags: once on each side at E10, the 备注 (was 一致)', async () => {
    const c = await check({ k: (it) => (it[2].note = '3301 中国当代文学') });
    const said = (a: string, b: string, other: string, file: string, sheet: string) =>
      `这张交接单的“交接明细第 3 行”写的是“岳麓考点 2袋（${a}）”，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${sheet}）写的是“岳麓考点 2袋（${b}）”。一式两份须内容一致，请双方核对后改正。`;
    expect(c.validated).toEqual([
      ['f.xlsx', [['handover-copies-disagree', '交接单2!E10', 3, said('3310 中国现代文学', '3301 中国当代文学', '岳麓考点', 'k.xlsx', '交接单 E10')]]],
      ['k.xlsx', [['handover-copies-disagree', '交接单!E10', 3, said('3301 中国当代文学', '3310 中国现代文学', '长沙分校', 'f.xlsx', '交接单2 E10')]]],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'E10', 'E10', [{ field: 'items', label: '交接明细', sender: '3310 2袋', receiver: '3301 2袋' }]]);
  });

  it('D5: the sender’s one row “1001（3袋）、2045（1袋）” 4 袋 against the receiver’s two rows 3 and 1: no finding, 一致 (were 4 errors)', async () => {
    const c = await check({ f: (it) => it.splice(0, 2, TWO) });
    expect(c.validated).toEqual([
      ['f.xlsx', []],
      ['k.xlsx', []],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['matched', 'A2', 'A2', []]);
  });

  it('D5: that row against 2 and 2: each paper said once on each side, by the paper and its bags; the receiver’s list per paper', async () => {
    const c = await check({ f: (it) => it.splice(0, 2, TWO), k: (it) => ((it[0].quantity = 2), (it[1].quantity = 2)) });
    const paper = (p: string, a: string, b: string, other: string, file: string, sheet: string) =>
      `这张交接单的交接明细中，试卷 ${p} 写的是 ${a}，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${sheet}）写的是 ${b}。一式两份每种试卷的袋数须一致，请双方核对后改正。`;
    expect(c.validated).toEqual([
      [
        'f.xlsx',
        [
          ['handover-copies-disagree', '交接单2!E8', 1, paper('1001', '3袋（第 1 行）', '2袋（第 1 行）', '岳麓考点', 'k.xlsx', '交接单 D8')],
          ['handover-copies-disagree', '交接单2!E8', 1, paper('2045', '1袋（第 1 行）', '2袋（第 2 行）', '岳麓考点', 'k.xlsx', '交接单 D9')],
        ],
      ],
      [
        'k.xlsx',
        [
          ['handover-copies-disagree', '交接单!D8', 1, paper('1001', '2袋（第 1 行）', '3袋（第 1 行）', '长沙分校', 'f.xlsx', '交接单2 E8')],
          ['handover-copies-disagree', '交接单!D9', 2, paper('2045', '2袋（第 2 行）', '1袋（第 1 行）', '长沙分校', 'f.xlsx', '交接单2 E8')],
          ['inventory-mismatch', '入库清单!H4', 1, mismatch('1001 入库 3 袋、接收 2 袋；2045 入库 1 袋、接收 2 袋')],
        ],
      ],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'E8', 'D8', [{ field: 'items', label: '交接明细', sender: '1001 3袋；2045 1袋', receiver: '1001 2袋；2045 2袋' }]]);
  });

  it('D6: the sender’s “合计” 4 on row 10 with 3310 below it, nothing at the foot (D17): no finding, 一致 (was 合计 “（空）” at A2 on both)', async () => {
    const c = await check({ fCells: G1 });
    expect(c.validated).toEqual([
      ['f.xlsx', []],
      ['k.xlsx', []],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['matched', 'A2', 'A2', []]);
  });

  it('D6: that sheet against a copy without the 3310 row, 合计 4: the row said on both (on the copy lacking it at its 合计 D17, review 25a D3), no 合计 “（空）”; inventory-mismatch by totals, naming 3310 (round 23)', async () => {
    const c = await check({ fCells: G1, k: (it) => it.splice(2, 1), kCells: { D17: 4 } });
    const missing = '岳麓考点 2袋（3310 中国现代文学）';
    expect(c.validated).toEqual([
      [
        'f.xlsx',
        [
          [
            'handover-copies-disagree',
            '交接单2!D11',
            3,
            `这张交接单的“交接明细第 3 行”写的是“${missing}”，而对方“岳麓考点”留存的同一张交接单（文件“k.xlsx”的 交接单 D17）没有这一行。一式两份须内容一致，请双方核对后改正。`,
          ],
        ],
      ],
      [
        'k.xlsx',
        [
          [
            'handover-copies-disagree',
            '交接单!D17',
            null,
            `这张交接单（接收方的副本）的交接明细没有“${missing}”这一行，而对方“长沙分校”留存的同一张交接单（文件“f.xlsx”的 交接单2 D11）有这一行。一式两份须内容一致，请双方核对后改正。`,
          ],
          [
            'inventory-mismatch',
            '入库清单!H14',
            null,
            // Round 23: the totals and the paper that makes them differ, in one finding.
            '入库清单共 6 袋，但交接单上接收到的是 4 袋；按试卷核对：3310 入库 2 袋、接收 0 袋。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对两张表。',
          ],
        ],
      ],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D11', 'A2', [{ field: 'quantity', label: '数量（明细之和）', sender: '6', receiver: '4' }]]);
  });

  it('D8: copies whose third row names no paper are compared row by row as before; 交接配对 quotes the rows that differ as written', async () => {
    const c = await check({ f: (it) => delete it[2].note, k: (it) => ((it[0].quantity = 2), (it[1].quantity = 2), delete it[2].note) });
    expect(c.validated.map(([file, found]) => [file, (found as unknown[][]).map((x) => x.slice(0, 3))])).toEqual([
      [
        'f.xlsx',
        [
          ['handover-copies-disagree', '交接单2!D8', 1],
          ['handover-copies-disagree', '交接单2!D9', 2],
        ],
      ],
      [
        'k.xlsx',
        [
          ['handover-copies-disagree', '交接单!D8', 1],
          ['handover-copies-disagree', '交接单!D9', 2],
        ],
      ],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual([
      'disagree',
      'D8',
      'D8',
      [
        {
          field: 'items',
          label: '交接明细',
          sender: '岳麓考点 3袋（1001 高等数学基础）；岳麓考点 1袋（2045 管理学基础）',
          receiver: '岳麓考点 2袋（1001 高等数学基础）；岳麓考点 2袋（2045 管理学基础）',
        },
      ],
    ]);
  });
});
