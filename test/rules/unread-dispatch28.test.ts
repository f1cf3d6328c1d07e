/**
 * fix-left28: a dispatch whose 数量 cannot be read (blank, words, a formula saved without its value) was counted as 0 bags
 * by passed-on's reading of the vault (dispatch-without-handover `short`/`shortKept`): the paper's every bag was said to
 * be still in the vault — a figure the records do not give —, and a unit's shortfall that the comparison of its own sheet
 * already says (`bags`) was said a second time so. The dispatch's bags are now not known: no bag of that paper is said
 * kept, and only the sheet carrying it (whose bags are not compared) is said short. The overdraw gate reads such a row
 * as the overdraw rule does (it judges none), and a sheet with it is not compared: pinned here as they were.
 *
 * 长沙分校 (test/fixtures/fenxiao.json) with its incoming sheet's items made out to its two 考点: 岳麓考点 1001 3, 2045 1,
 * 3310 2 (交接单2, 6 袋); 天心考点 1001 2, 2045 1 (交接单3, 3 袋). 出入库记录 rows 1–3 (4–6) dispatch 岳麓考点's, rows 4–5
 * (7–8) 天心考点's: 1001 2 and 2045 1.
 */
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { messageIdOf } from '../../src/rules/engine';
import { findingsFor, receivedForTwoSites, typeInto } from './tester';

function forTwoSites(d: SiteData, edit: (d: SiteData) => void): void {
  receivedForTwoSites(d);
  edit(d);
}

const found = (edit: (d: SiteData) => void, retype?: (g: WorkbookGrid) => void) =>
  findingsFor({ name: '', base: 'fenxiao', edit: (d) => forTwoSites(d, edit), retype }).map((f) => [f.rule, messageIdOf(f), f.sheet, f.cell, f.row, f.message]);

/** 交接单3 hands 天心考点 one bag of 1001 (2 received for it), and 出入库记录 row 4 dispatches 1001 `quantity`. */
const tianxinShort = (quantity: string | number) => (d: SiteData) => {
  d.handovers![2].items![0].quantity = 1;
  d.handovers![2].total = 2;
  d.vaultLog![3].quantity = quantity as number;
};

const SHORT =
  '湖南分部的交接单（交接单1）上试卷归属天心考点的共 3 袋，而交给天心考点的交接单（交接单3）上只有 2 袋。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单的数量；若确有试卷留下，请查明去向并尽快交给天心考点。';

describe('a dispatch whose 数量 cannot be read is no 0 bags', () => {
  it('its 1001 row dispatched 1 袋: the vault keeps 1001 1 袋, said so (unchanged)', () => {
    expect(found(tianxinShort(1))).toEqual([
      [
        'dispatch-without-handover',
        'shortKept',
        '交接单3',
        'D17',
        null,
        '湖南分部的交接单（交接单1）上试卷归属天心考点的共 3 袋，而交给天心考点的交接单（交接单3）上只有 2 袋；按入库清单和出入库记录，保密室里还留有试卷 1001 1 袋。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单和出入库记录的数量；若确有试卷留在保密室，请尽快交给天心考点，它离开保密室之前须昼夜值班。',
      ],
    ]);
  });

  it('its 数量 blank: 天心考点 short, no bag said kept (was “保密室里还留有试卷 1001 2 袋”)', () => {
    expect(found(tianxinShort(''))).toEqual([
      ['dispatch-without-handover', 'short', '交接单3', 'D17', null, SHORT],
      ['required-field', 'cell', '出入库记录', 'D7', 4, '序号 4 这一行的“数量”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。'],
    ]);
  });

  it('its 数量 in words (两袋左右), or a formula saved without its value: the same', () => {
    expect(found(tianxinShort('两袋左右')).slice(0, 1)).toEqual([['dispatch-without-handover', 'short', '交接单3', 'D17', null, SHORT]]);
    const unsaved = found(tianxinShort(1), (g) => {
      typeInto(g, '出入库记录', 'D7', null);
      const s = g.sheets.find((x) => x.name === '出入库记录')!;
      (s.formulas ??= {}).D7 = 'VLOOKUP(B7,考试安排!B:D,3,FALSE)';
    });
    expect(unsaved.map((f) => f.slice(0, 5))).toEqual([
      ['dispatch-without-handover', 'short', '交接单3', 'D17', null],
      ['formula-not-saved', 'fieldOne', '出入库记录', 'D7', 4],
    ]);
  });

  it('天心考点’s 1001 数量 blank and 交接单2 a bag of 1001 short: 岳麓考点’s said once, by its vault rows (was shortKept too, “1001 2 袋”)', () => {
    const found2 = found((d) => {
      d.handovers![1].items![0].quantity = 2;
      d.handovers![1].total = 5;
      d.vaultLog![3].quantity = '' as unknown as number;
    });
    expect(found2).toEqual([
      [
        'dispatch-without-handover',
        'bags',
        '出入库记录',
        'D4',
        1,
        '6月14日 09:10 下发给岳麓考点的试卷在出入库记录上共 6 袋（第 1、2、3 行），而交接单（交接单2）上是 5 袋。出库下发的试卷须与双方签写的交接单一致，请核对数量。',
      ],
      ['required-field', 'cell', '出入库记录', 'D7', 4, '序号 4 这一行的“数量”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。'],
    ]);
  });
});
