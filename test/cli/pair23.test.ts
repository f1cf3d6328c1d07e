/**
 * Round 23 (after review 22a's leftovers) — a handover's two copies and an intake list compared paper by paper where
 * the rows name their papers otherwise than by a 试卷号 in the 备注:
 * 1. a 试卷号 / 试卷名称 column people add beside the form (附件1 prints none): the row's paper, at its cell;
 * 2. a paper written by its name only (“高等数学基础”, “语文（一）”): the 试卷号 the workbook's 考试安排 gives that name, or,
 *    where no schedule maps it, the name as written (half-width, brackets aside) on both copies;
 * 3. an intake list whose total differs from what it received, and whose papers differ too: one finding saying both.
 * On the faces across workbooks, as test/cli/pair22.test.ts: `validate` of the two files and `summary` (交接配对).
 * Workbooks: test/fixtures/fenxiao.json (长沙分校, its 交接单2 to 岳麓考点: items rows 8–10, 单位 in F) and kaodian.json
 * (岳麓考点, its 交接单), filled by `custody fill`; the added columns typed in G (试卷号) and H (试卷名称) with exceljs.
 */
import type ExcelJS from 'exceljs';
import { type Items, type PairEdit, checkPair } from './pair-books';

jest.setTimeout(120_000);

const check = (edit: PairEdit) => checkPair(edit, 'custody-pair23-');

/** No 备注 on the three rows (each names its paper elsewhere). */
const noNotes = (it: Items) => it.forEach((x) => delete x.note);
/** The 试卷号 and 试卷名称 columns added in G and H, rows 8–10 as given (a cell left out is left blank). */
const columns = (rows: Array<[string | null, string | null]>): Record<string, ExcelJS.CellValue> => ({
  G7: '试卷号',
  H7: '试卷名称',
  ...Object.fromEntries(
    rows.flatMap(([no, name], k) => [
      [`G${8 + k}`, no],
      [`H${8 + k}`, name],
    ]),
  ),
});
const PAPERS: Array<[string, string]> = [
  ['1001', '高等数学基础'],
  ['2045', '管理学基础'],
  ['3310', '中国现代文学'],
];
/** The receiver's copy giving 1001 1 袋 and 2045 3 袋 (the sender's 3 and 1). */
const swapped = (it: Items) => ((it[0].quantity = 1), (it[1].quantity = 3));
/** A row said as it is written on each copy (handover-copies-disagree's item message). */
const row = (n: number, a: string, b: string, other: string, file: string, at: string) =>
  `这张交接单的“交接明细第 ${n} 行”写的是“${a}”，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${at}）写的是“${b}”。一式两份须内容一致，请双方核对后改正。`;

const mismatch = (papers: string) =>
  `按试卷核对，入库清单与交接单上接收到的袋数不符：${papers}（总数都是 6 袋）。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对交接单和入库清单。`;
const SWAP_MISMATCH = ['inventory-mismatch', '入库清单!H4', 1, mismatch('1001 入库 3 袋、接收 1 袋；2045 入库 1 袋、接收 3 袋')];
/** The swap said on both copies at D8 and D9, each row quoted as its copy writes it (`a1`, `a2` the sender's, `b1`, `b2` the receiver's). */
const swapSaid = (a1: string, a2: string, b1: string, b2: string, receiverAlso: unknown[][] = []) => [
  [
    'f.xlsx',
    [
      ['handover-copies-disagree', '交接单2!D8', 1, row(1, a1, b1, '岳麓考点', 'k.xlsx', '交接单 D8')],
      ['handover-copies-disagree', '交接单2!D9', 2, row(2, a2, b2, '岳麓考点', 'k.xlsx', '交接单 D9')],
    ],
  ],
  [
    'k.xlsx',
    [
      ['handover-copies-disagree', '交接单!D8', 1, row(1, b1, a1, '长沙分校', 'f.xlsx', '交接单2 D8')],
      ['handover-copies-disagree', '交接单!D9', 2, row(2, b2, a2, '长沙分校', 'f.xlsx', '交接单2 D9')],
      ...receiverAlso,
    ],
  ],
];
const NONE = [
  ['f.xlsx', []],
  ['k.xlsx', []],
];
const MATCHED = ['matched', 'A2', 'A2', []];
const items = (sender: string, receiver: string) => [{ field: 'items', label: '交接明细', sender, receiver }];

describe('round 23 (1): a 试卷号 / 试卷名称 column added beside 附件1 names the row’s paper', () => {
  it('both copies keep the papers in G and H, no 备注; the receiver’s swaps 1001 and 2045: said at D8, D9 on both, 不一致; inventory-mismatch per paper (was 一致, nothing)', async () => {
    const c = await check({ f: noNotes, k: (it) => (noNotes(it), swapped(it)), fCells: columns(PAPERS), kCells: columns(PAPERS) });
    expect(c.validated).toEqual(
      swapSaid('岳麓考点 3袋（1001 高等数学基础）', '岳麓考点 1袋（2045 管理学基础）', '岳麓考点 1袋（1001 高等数学基础）', '岳麓考点 3袋（2045 管理学基础）', [
        SWAP_MISMATCH,
      ]),
    );
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D8', 'D8', items('1001 3袋；2045 1袋', '1001 1袋；2045 3袋')]);
  });

  it('the receiver’s G10 names 3301 for 3310, the same bags: once on each side, at the 试卷号 cell G10 (was 一致)', async () => {
    const other: Array<[string, string]> = [PAPERS[0], PAPERS[1], ['3301', '中国当代文学']];
    const c = await check({ f: noNotes, k: noNotes, fCells: columns(PAPERS), kCells: columns(other) });
    const [mine, theirs] = ['岳麓考点 2袋（3310 中国现代文学）', '岳麓考点 2袋（3301 中国当代文学）'];
    expect(c.validated).toEqual([
      ['f.xlsx', [['handover-copies-disagree', '交接单2!G10', 3, row(3, mine, theirs, '岳麓考点', 'k.xlsx', '交接单 G10')]]],
      ['k.xlsx', [['handover-copies-disagree', '交接单!G10', 3, row(3, theirs, mine, '长沙分校', 'f.xlsx', '交接单2 G10')]]],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'G10', 'G10', items('3310 2袋', '3301 2袋')]);
  });

  it('control: the columns alike on both copies — no finding, 一致', async () => {
    const c = await check({ f: noNotes, k: noNotes, fCells: columns(PAPERS), kCells: columns(PAPERS) });
    expect(c.validated).toEqual(NONE);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(MATCHED);
  });
});

describe('round 23 (2): a paper written by its name only', () => {
  it('the sender’s rows name their papers in an added 试卷名称 column only; its 考试安排 gives each name’s 试卷号: the receiver’s swap said at D8, D9 (was 一致)', async () => {
    const names = PAPERS.map(([, name]): [null, string] => [null, name]);
    const c = await check({ f: noNotes, k: swapped, fCells: columns(names) });
    expect(c.validated).toEqual(
      swapSaid('岳麓考点 3袋（高等数学基础）', '岳麓考点 1袋（管理学基础）', '岳麓考点 1袋（1001 高等数学基础）', '岳麓考点 3袋（2045 管理学基础）', [
        SWAP_MISMATCH,
      ]),
    );
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D8', 'D8', items('高等数学基础 3袋；管理学基础 1袋', '1001 1袋；2045 3袋')]);
  });

  it('the sender’s 备注 writes the names alone (“高等数学基础”): read through its 考试安排 as well (was 一致)', async () => {
    const c = await check({ f: (it) => it.forEach((x, k) => (x.note = PAPERS[k][1])), k: swapped });
    expect(c.validated).toEqual(
      swapSaid('岳麓考点 3袋（高等数学基础）', '岳麓考点 1袋（管理学基础）', '岳麓考点 1袋（1001 高等数学基础）', '岳麓考点 3袋（2045 管理学基础）', [
        SWAP_MISMATCH,
      ]),
    );
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D8', 'D8', items('高等数学基础 3袋；管理学基础 1袋', '1001 1袋；2045 3袋')]);
  });

  const UNKNOWN = ['语文（一）', '数学', '英语'];
  it('names no 考试安排 knows, written “语文（一）” on one copy and “语文(一)” on the other: compared as written, the swap said at D8, D9 (was 一致)', async () => {
    const f = columns(UNKNOWN.map((n): [null, string] => [null, n]));
    const k = columns(['语文(一)', '数学', '英语'].map((n): [null, string] => [null, n]));
    const c = await check({ f: noNotes, k: (it) => (noNotes(it), swapped(it)), fCells: f, kCells: k });
    expect(c.validated).toEqual(swapSaid('岳麓考点 3袋（语文（一））', '岳麓考点 1袋（数学）', '岳麓考点 1袋（语文(一)）', '岳麓考点 3袋（数学）'));
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'D8', 'D8', items('语文（一） 3袋；数学 1袋', '语文(一) 1袋；数学 3袋')]);
  });

  it('names no 考试安排 knows on one copy, a schedule’s names with their 试卷号 on the other, the same bags: another paper on each row, said at each copy’s own cell (H, E)', async () => {
    const c = await check({ f: noNotes, fCells: columns(UNKNOWN.map((n): [null, string] => [null, n])) });
    const rows: Array<[string, string]> = [
      ['岳麓考点 3袋（语文（一））', '岳麓考点 3袋（1001 高等数学基础）'],
      ['岳麓考点 1袋（数学）', '岳麓考点 1袋（2045 管理学基础）'],
      ['岳麓考点 2袋（英语）', '岳麓考点 2袋（3310 中国现代文学）'],
    ];
    expect(c.validated).toEqual([
      ['f.xlsx', rows.map(([a, b], k) => ['handover-copies-disagree', `交接单2!H${8 + k}`, k + 1, row(k + 1, a, b, '岳麓考点', 'k.xlsx', `交接单 E${8 + k}`)])],
      ['k.xlsx', rows.map(([a, b], k) => ['handover-copies-disagree', `交接单!E${8 + k}`, k + 1, row(k + 1, b, a, '长沙分校', 'f.xlsx', `交接单2 H${8 + k}`)])],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(['disagree', 'H8', 'E8', items('语文（一） 3袋；数学 1袋；英语 2袋', '高等数学基础 3袋；管理学基础 1袋；中国现代文学 2袋')]);
  });

  it('control: names no 考试安排 knows on one copy, bare 试卷号 (no name) on the other, the same bags — not set paper against paper: no finding, 一致', async () => {
    const c = await check({
      f: noNotes,
      k: (it) => it.forEach((x, k) => (x.note = PAPERS[k][0])),
      fCells: columns(UNKNOWN.map((n): [null, string] => [null, n])),
    });
    expect(c.validated).toEqual(NONE);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual(MATCHED);
  });
});

describe('round 23 (3): totals that differ and papers that differ, one finding', () => {
  it('the receiver’s copy 1001 1 袋, 2045 2 袋 (合计 5) against its 入库清单 3, 1, 2 (6): the totals and each paper in one finding at H14 (was the totals alone)', async () => {
    const c = await check({ k: (it) => ((it[0].quantity = 1), (it[1].quantity = 2)), kCells: { D17: 5 } });
    const total = (a: string, b: string, other: string, file: string, at: string) =>
      `这张交接单的“合计”写的是“${a}”，而对方“${other}”留存的同一张交接单（文件“${file}”的 ${at}）写的是“${b}”。一式两份须内容一致，请双方核对后改正。`;
    const [a1, a2, b1, b2] = [
      '岳麓考点 3袋（1001 高等数学基础）',
      '岳麓考点 1袋（2045 管理学基础）',
      '岳麓考点 1袋（1001 高等数学基础）',
      '岳麓考点 2袋（2045 管理学基础）',
    ];
    expect(c.validated).toEqual([
      [
        'f.xlsx',
        [
          ['handover-copies-disagree', '交接单2!D8', 1, row(1, a1, b1, '岳麓考点', 'k.xlsx', '交接单 D8')],
          ['handover-copies-disagree', '交接单2!D9', 2, row(2, a2, b2, '岳麓考点', 'k.xlsx', '交接单 D9')],
          ['handover-copies-disagree', '交接单2!D17', null, total('6', '5', '岳麓考点', 'k.xlsx', '交接单 D17')],
        ],
      ],
      [
        'k.xlsx',
        [
          ['handover-copies-disagree', '交接单!D8', 1, row(1, b1, a1, '长沙分校', 'f.xlsx', '交接单2 D8')],
          ['handover-copies-disagree', '交接单!D9', 2, row(2, b2, a2, '长沙分校', 'f.xlsx', '交接单2 D9')],
          ['handover-copies-disagree', '交接单!D17', null, total('5', '6', '长沙分校', 'f.xlsx', '交接单2 D17')],
          [
            'inventory-mismatch',
            '入库清单!H14',
            null,
            '入库清单共 6 袋，但交接单上接收到的是 5 袋；按试卷核对：1001 入库 3 袋、接收 1 袋；2045 入库 1 袋、接收 2 袋。入库清点的每种试卷的袋数须与交接接收的一致，请重新清点并核对两张表。',
          ],
        ],
      ],
    ]);
    expect(c.summarised).toEqual(c.validated);
    expect(c.pair).toEqual([
      'disagree',
      'D8',
      'D8',
      [
        { field: 'quantity', label: '数量（明细之和）', sender: '6', receiver: '5' },
        { field: 'total', label: '合计', sender: '6', receiver: '5' },
      ],
    ]);
  });
});
