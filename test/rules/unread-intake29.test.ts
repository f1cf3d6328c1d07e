/**
 * fix-left29: passed-on (dispatch-without-handover `short`/`shortKept`) passed over an intake row whose bags cannot be
 * read (blank, words, a formula saved without its value). With no other paper's bags read as still in the vault, a vault
 * log that sent the other rows' bags out was taken to have sent every bag out — and a 考点 handed a bag short, the bag
 * still in the vault, was said nowhere (the intake cell's own finding says the cell, not the shortfall). The shortfall is
 * now said, whether the vault still holds bags unchecked (无从核对), naming the intake row's cell.
 *
 * 长沙分校 (test/fixtures/fenxiao.json) with its incoming sheet's items made out to its two 考点, as in
 * unread-dispatch28.test.ts: 天心考点 is received 1001 2 and 2045 1 (3 袋), handed 1001 1 and 2045 1 on 交接单3, and
 * 出入库记录 row 4 dispatches 1001 1 袋: 1001 1 袋 stays in the vault. 入库清单 row 1 (序号 1) is 1001's 5 袋.
 */
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { messageIdOf, validateSite } from '../../src/rules/engine';
import { base, findingsFor, gridFromDrafts, receivedForTwoSites, typeInto } from './tester';

function tianxinShort(d: SiteData): void {
  receivedForTwoSites(d);
  d.handovers![2].items![0].quantity = 1;
  d.handovers![2].total = 2;
  d.vaultLog![3].quantity = 1;
}

/** 入库清单's cells typed over (a formula saved without its value where `formulas` gives one: its cell shows nothing). */
const intakeTyped =
  (cells: Record<string, CellValue>, formulas: Record<string, string> = {}) =>
  (g: WorkbookGrid) => {
    for (const [cell, value] of Object.entries(cells)) typeInto(g, '入库清单', cell, value);
    const sheet = g.sheets.find((s) => s.name === '入库清单')!;
    for (const [cell, formula] of Object.entries(formulas)) {
      typeInto(g, '入库清单', cell, null);
      (sheet.formulas ??= {})[cell] = formula;
    }
  };

const found = (retype: (g: WorkbookGrid) => void, edit: (d: SiteData) => void = tianxinShort) =>
  findingsFor({ name: '', base: 'fenxiao', edit, retype }).map((f) => [f.rule, messageIdOf(f), f.sheet, f.cell, f.row, f.message]);

const HEAD = '湖南分部的交接单（交接单1）上试卷归属天心考点的共 3 袋，而交给天心考点的交接单（交接单3）上只有 2 袋；';
const TAIL = '，再核对这张交接单和出入库记录的数量；若确有试卷留在保密室，请尽快交给天心考点，它离开保密室之前须昼夜值班。';
const short = (said: string, fix: string) => [
  'dispatch-without-handover',
  'shortIntake',
  '交接单3',
  'D17',
  null,
  `${HEAD}入库清单（入库清单）序号 1 的${said}，保密室里是否还留有试卷无从核对。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：${fix}${TAIL}`,
];

describe('an intake row whose bags cannot be read leaves the bags kept unchecked, said so, not passed over', () => {
  it('in words (约两袋, 约五袋): 天心考点’s shortfall said at 交接单3’s 合计, the row’s 合计 named; the cells’ own findings as before', () => {
    expect(found(intakeTyped({ D4: '约两袋', H4: '约五袋' }))).toEqual([
      short('“合计”写的是“约五袋”，读不出袋数', '请先改正入库清单序号 1 的“合计”'),
      ['invalid-count', 'count', '入库清单', 'D4', 1, '“31份装”写的是“约两袋”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。'],
      ['invalid-count', 'count', '入库清单', 'H4', 1, '“合计”写的是“约五袋”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。'],
      [
        'column-total',
        'unread',
        '入库清单',
        'D14',
        null,
        '“合计行的31份装（袋）”写的是 3，但它合计的行中，序号 1 的“31份装”写的是“约两袋”，读不出一个数，这一合计无从核对。请先改正序号 1 的“31份装”，再核对这一合计。',
      ],
      [
        'column-total',
        'unread',
        '入库清单',
        'H14',
        null,
        '“合计行的合计（袋）”写的是 9，但它合计的行中，序号 1 的“合计”写的是“约五袋”，读不出一个数，这一合计无从核对。请先改正序号 1 的“合计”，再核对这一合计。',
      ],
    ]);
  });

  it('in English', () => {
    const data = base('fenxiao');
    tianxinShort(data);
    const grid = gridFromDrafts(draftWorkbook(data));
    intakeTyped({ D4: '约两袋', H4: '约五袋' })(grid);
    expect(validateSite(readWorkbook(grid), { lang: 'en' })[0].message).toBe(
      'The sheets from 湖南分部 (交接单1) bring 3 bags for 天心考点 (试卷归属), but the sheets handing papers to 天心考点 (交接单3) carry only 2 bags; and No. 1’s "合计" on the intake list (入库清单) reads "约五袋", which is not a number of bags, so whether the vault still holds bags cannot be checked. Papers received for a unit all go on to it, on a handover sheet signed by both sides: correct No. 1’s "合计" on the intake list first, then check the counts on this sheet and the vault log; if bags did stay in the vault, hand them to 天心考点 soon and keep the vault on duty day and night until they leave.',
    );
  });

  it('a 合计 that is a formula saved without its value: the same, told to save the workbook', () => {
    expect(found(intakeTyped({ D4: '约两袋' }, { H4: 'VLOOKUP(B4,考试安排!B:F,5,FALSE)' })).map((f) => f.slice(0, 5))).toEqual([
      ['dispatch-without-handover', 'shortIntake', '交接单3', 'D17', null],
      ['invalid-count', 'count', '入库清单', 'D4', 1],
      ['formula-not-saved', 'fieldOne', '入库清单', 'H4', 1],
      ['column-total', 'unread', '入库清单', 'D14', null],
      ['column-total', 'unreadFormula', '入库清单', 'H14', null],
    ]);
    expect(found(intakeTyped({ D4: '约两袋' }, { H4: 'VLOOKUP(B4,考试安排!B:F,5,FALSE)' }))[0]).toEqual(
      short('“合计”是公式，文件里却没有存下它算出的结果，本工具也算不出', '请用 Excel 或 WPS 打开这个工作簿保存一次'),
    );
  });

  it('a row with no bags written: the same, told to fill them in', () => {
    expect(found(intakeTyped({ D4: null, E4: null, F4: null, G4: null, H4: null })).map((f) => f.slice(0, 5))).toEqual([
      ['dispatch-without-handover', 'shortIntake', '交接单3', 'D17', null],
      ['required-field', 'cell', '入库清单', 'D4', 1],
      ['copies-short', 'short', '入库清单', 'H4', 1],
    ]);
    expect(found(intakeTyped({ D4: null, E4: null, F4: null, G4: null, H4: null }))[0]).toEqual(short('“合计”没有填写', '请先补填入库清单序号 1 这一行的袋数'));
  });

  it('another paper’s row not read (3310), 1001’s bag read as kept: shortKept names it, as before', () => {
    expect(found(intakeTyped({ F6: '约两袋', H6: '约两袋' })).map((f) => f.slice(0, 5))).toEqual([
      ['dispatch-without-handover', 'shortKept', '交接单3', 'D17', null],
      ['invalid-count', 'count', '入库清单', 'F6', 3],
      ['invalid-count', 'count', '入库清单', 'H6', 3],
      ['column-total', 'unread', '入库清单', 'F14', null],
      ['column-total', 'unread', '入库清单', 'H14', null],
    ]);
  });

  it('no unit handed short: nothing more said for the row not read', () => {
    const fine = (d: SiteData) => {
      tianxinShort(d);
      d.handovers![2].items![0].quantity = 2;
      d.handovers![2].total = 3;
      d.vaultLog![3].quantity = 2;
    };
    expect(found(intakeTyped({ D4: '约两袋', H4: '约五袋' }), fine).map((f) => f.slice(0, 4))).toEqual([
      ['invalid-count', 'count', '入库清单', 'D4'],
      ['invalid-count', 'count', '入库清单', 'H4'],
      ['column-total', 'unread', '入库清单', 'D14'],
      ['column-total', 'unread', '入库清单', 'H14'],
    ]);
  });
});
