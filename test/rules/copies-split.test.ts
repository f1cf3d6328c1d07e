/**
 * handover-copies-disagree where the two copies split the same bags into rows differently (review 23 D4): the 考点's copy
 * one row “岳麓考点 6袋” naming 1001 3袋、2045 1袋、3310 2袋 in its 备注, the 分校's three rows of 3, 1 and 2 袋, its third
 * naming no paper (so the papers cannot be compared one by one). Said once on each side, at its first row, as rows split
 * differently with the bags alike — it was three errors each side, two of them “（无此行）”, read as bags missing.
 */
import type { SiteData } from '../../src/model/types';
import { validateAcross } from '../../src/rules/engine';
import { base, modelOf } from './tester';

/** The 考点's copy of 长沙分校 → 岳麓考点 written on one row. */
const oneRow = (d: SiteData, quantity = 6, note = '1001 3袋、2045 1袋、3310 2袋') =>
  void (d.handovers![0].items = [{ destination: '岳麓考点', quantity, unit: '袋', note }]);

function across(editK: (d: SiteData) => void, editF?: (d: SiteData) => void) {
  const [k, f] = [base('kaodian'), base('fenxiao')];
  editK(k);
  editF?.(f);
  const out = validateAcross([
    { id: 'kaodian', model: modelOf(k) },
    { id: 'fenxiao', model: modelOf(f) },
  ]);
  const said = (x: { rule: string; sheet: string | null; cell: string | null; row: number | null; message: string }) =>
    `${x.rule} ${x.sheet}!${x.cell}: ${x.message}`;
  return { k: out.get('kaodian')!.map(said), f: out.get('fenxiao')!.map(said) };
}

describe('handover copies splitting the same bags into rows differently', () => {
  test('one row of 6 袋 against 3, 1 and 2 袋: once each side, at its first row, the bags said alike', () => {
    const r = across((d) => oneRow(d));
    expect(r.k).toEqual([
      'handover-copies-disagree 交接单!B8: 这张交接单的交接明细分 1 行写（岳麓考点 6袋（1001 3袋、2045 1袋、3310 2袋）），而对方“长沙分校”留存的同一张交接单（文件“fenxiao”的 交接单2 B8）分 3 行写（岳麓考点 3袋（1001 高等数学基础）；岳麓考点 1袋（2045 管理学基础）；岳麓考点 2袋）。两份的袋数合计一致（岳麓考点 6袋），只是分行不同，而且看不出每行各是哪种试卷，无法逐种核对。一式两份须内容一致，请双方按同样的行写，每行写明试卷号。',
    ]);
    expect(r.f).toEqual([
      'handover-copies-disagree 交接单2!B8: 这张交接单的交接明细分 3 行写（岳麓考点 3袋（1001 高等数学基础）；岳麓考点 1袋（2045 管理学基础）；岳麓考点 2袋），而对方“岳麓考点”留存的同一张交接单（文件“kaodian”的 交接单 B8）分 1 行写（岳麓考点 6袋（1001 3袋、2045 1袋、3310 2袋））。两份的袋数合计一致（岳麓考点 6袋），只是分行不同，而且看不出每行各是哪种试卷，无法逐种核对。一式两份须内容一致，请双方按同样的行写，每行写明试卷号。',
    ]);
  });

  test('the bags differ (5 against 6): each row said as before, not as a split', () => {
    const r = across((d) => oneRow(d, 5, '1001 3袋、2045 1袋、3310 1袋'));
    expect(r.k.length).toBeGreaterThan(0);
    expect(r.k.every((x) => !x.includes('分行不同'))).toBe(true);
    expect(r.f.every((x) => !x.includes('分行不同'))).toBe(true);
  });

  test('every row of both copies naming its paper: compared paper by paper, and alike (no finding)', () => {
    const r = across(
      (d) => oneRow(d),
      (d) => void (d.handovers![1].items![2].note = '3310 中国现代文学'),
    );
    expect(r).toEqual({ k: [], f: [] });
  });
});
