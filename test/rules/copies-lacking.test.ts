/**
 * handover-copies-disagree where one copy lacks a row the other has (review 25a D3): the lacking copy was told its row of
 * that 序号 — a filled row holding another paper (长沙分校 交接单3 B9, 2045 1袋) — “写的是“（无此行）””, and rows past its
 * last were put on its title (A2). A row one copy lacks is said there as lacking, at its 合计; on the other copy at the row.
 */
import type { SiteData } from '../../src/model/types';
import { validateAcross } from '../../src/rules/engine';
import type { Lang } from '../../src/rules/types';
import { base, modelOf } from './tester';

/** Both copies of 长沙分校 → 岳麓考点 naming every row's paper (compared paper by paper): 3310 on the third rows. */
const paper3310 = (d: SiteData, i: number) => void (d.handovers![i].items![2].note = '3310 中国现代文学');

function across(editK: (d: SiteData) => void, editF: (d: SiteData) => void = () => {}, lang: Lang = 'zh') {
  const [k, f] = [base('kaodian'), base('fenxiao')];
  editK(k);
  editF(f);
  const sites = [
    { id: 'kaodian', model: modelOf(k) },
    { id: 'fenxiao', model: modelOf(f) },
  ];
  const out = validateAcross(sites, { lang });
  const said = (x: { rule: string; severity: string; sheet: string | null; cell: string | null; row: number | null; message: string }) => [
    x.rule,
    x.severity,
    x.sheet,
    x.cell,
    x.row,
    x.message,
  ];
  return { k: out.get('kaodian')!.map(said), f: out.get('fenxiao')!.map(said) };
}

const ROW_2045 = '岳麓考点 1袋（2045 管理学基础）';

describe('a row one copy of a handover lacks', () => {
  test('paper by paper: the 考点’s copy lacks 2045, its row 2 holding 3310 — said at its 合计 D17, not at B9', () => {
    const r = across(
      (d) => (paper3310(d, 0), void d.handovers![0].items!.splice(1, 1)),
      (d) => paper3310(d, 1),
    );
    expect(r).toEqual({
      k: [
        [
          'handover-copies-disagree',
          'error',
          '交接单',
          'D17',
          null,
          `这张交接单（接收方的副本）的交接明细没有“${ROW_2045}”这一行，而对方“长沙分校”留存的同一张交接单（文件“fenxiao”的 交接单2 D9）有这一行。一式两份须内容一致，请双方核对后改正。`,
        ],
      ],
      f: [
        [
          'handover-copies-disagree',
          'error',
          '交接单2',
          'D9',
          2,
          `这张交接单的“交接明细第 2 行”写的是“${ROW_2045}”，而对方“岳麓考点”留存的同一张交接单（文件“kaodian”的 交接单 D17）没有这一行。一式两份须内容一致，请双方核对后改正。`,
        ],
      ],
    });
  });

  test('two rows the 分校’s copy lacks: one finding each, at its 合计, naming the row — none at its title A2', () => {
    const r = across(
      (d) => paper3310(d, 0),
      (d) => (paper3310(d, 1), void d.handovers![1].items!.splice(1, 2)),
    );
    const lacks = (row: string, cell: string) => [
      'handover-copies-disagree',
      'error',
      '交接单2',
      'D17',
      null,
      `这张交接单（移交方的副本）的交接明细没有“${row}”这一行，而对方“岳麓考点”留存的同一张交接单（文件“kaodian”的 交接单 ${cell}）有这一行。一式两份须内容一致，请双方核对后改正。`,
    ];
    const only = (n: number, row: string) => [
      'handover-copies-disagree',
      'error',
      '交接单',
      `D${7 + n}`,
      n,
      `这张交接单的“交接明细第 ${n} 行”写的是“${row}”，而对方“长沙分校”留存的同一张交接单（文件“fenxiao”的 交接单2 D17）没有这一行。一式两份须内容一致，请双方核对后改正。`,
    ];
    const row3310 = '岳麓考点 2袋（3310 中国现代文学）';
    expect(r).toEqual({ k: [only(2, ROW_2045), only(3, row3310)], f: [lacks(ROW_2045, 'D9'), lacks(row3310, 'D10')] });
  });

  test('row by row (a row names no paper): the 考点’s copy lacks 2045 — at its 合计, not at B9 (岳麓考点 2袋)', () => {
    const r = across((d) => void d.handovers![0].items!.splice(1, 1));
    expect(r).toEqual({
      k: [
        [
          'handover-copies-disagree',
          'error',
          '交接单',
          'D17',
          null,
          `这张交接单（接收方的副本）的交接明细没有“${ROW_2045}”这一行，而对方“长沙分校”留存的同一张交接单（文件“fenxiao”的 交接单2 B9）有这一行。一式两份须内容一致，请双方核对后改正。`,
        ],
      ],
      f: [
        [
          'handover-copies-disagree',
          'error',
          '交接单2',
          'B9',
          2,
          `这张交接单的“交接明细第 2 行”写的是“${ROW_2045}”，而对方“岳麓考点”留存的同一张交接单（文件“kaodian”的 交接单 D17）没有这一行。一式两份须内容一致，请双方核对后改正。`,
        ],
      ],
    });
  });

  test('in English: the lacking copy names its side and the row', () => {
    const r = across(
      (d) => (paper3310(d, 0), void d.handovers![0].items!.splice(1, 1)),
      (d) => paper3310(d, 1),
      'en',
    );
    expect([r.k.map((x) => x[5]), r.f.map((x) => x[5])]).toEqual([
      [
        `The items of this handover sheet (the receiver's copy) have no row "岳麓考点 1袋 (2045 管理学基础)", which the other side's copy (长沙分校: file "fenxiao", 交接单2 D9) has. Both copies must agree: check them together with the other side and correct.`,
      ],
      [
        `Row No. 2 of the items on this handover sheet reads "岳麓考点 1袋 (2045 管理学基础)", a row the other side's copy (岳麓考点: file "kaodian", 交接单 D17) does not have. Both copies must agree: check them together with the other side and correct.`,
      ],
    ]);
  });
});
