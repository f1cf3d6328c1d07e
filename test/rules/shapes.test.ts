/**
 * Site shapes real sites produce (test/fixtures/shapes/), written fresh from the
 * two source documents: a 考点 with a four-day exam delivered in one go exactly
 * 48 hours before its first session, counts in 份, 备注 kept, same surnames
 * (王丽/王莉, 李卫/李卫东, 陈晓/陈晓燕), exactly 60 minutes checkout lead, two
 * sessions taken out together, shifts changing at midnight; and the 省校 (湖南分部)
 * receiving from the printer and sending each 分校 its part. Through real .xlsx
 * files (fill → read → validate): each clean workbook gives no finding, alone
 * and with its counterparts; each planted defect gives exactly its finding
 * (rule, form, sheet, cell, row) and no other.
 */
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { fixture, retyped } from '../helpers';
import { firstDeliveryAt, shengxiaoSendsZhuzhouEarly } from './tester';
import { Shape, Tuple, brief, modelOf, shape, tuple } from './shape-sites';

interface Planted {
  name: string;
  base: Shape;
  edit: (d: SiteData) => void;
  expect: Tuple[];
}

const PLANTED: Planted[] = [
  {
    name: 'papers handed over three days before the first session',
    base: 'yuhu-kaodian',
    edit: (d) => {
      firstDeliveryAt(d, '2025-01-07T15:00', '2025-01-07T15:40');
    },
    expect: [['arrival-too-early', 1, '交接单', 'C3', null]],
  },
  {
    name: 'a checkout 70 minutes before its session',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.vaultLog![5].takenAt = '2025-01-12T07:20'),
    expect: [['checkout-window', 3, '出入库记录', 'F9', 6]],
  },
  {
    name: 'the afternoon paper taken out with the morning ones',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.vaultLog![2].takenAt = '2025-01-10T07:30'),
    expect: [['checkout-window', 3, '出入库记录', 'F6', 3]],
  },
  {
    name: 'the midnight shift starts ten minutes late',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.duty!.shifts![2].from = '2025-01-09T00:10'),
    expect: [['duty-gap', 5, '值班记录2', 'D7', 3]],
  },
  {
    name: 'the next shift handed over by 李卫东 where 李卫 took over',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.duty!.shifts![5].handedOverBy = '李卫东'),
    expect: [['duty-chain', 5, '值班记录4', 'D9', 6]],
  },
  {
    name: '王丽 takes papers and signs them out herself (王莉 keeps the vault)',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.vaultLog![1].issuedBy = '王丽'),
    expect: [['same-person', 3, '出入库记录', 'G5', 2]],
  },
  {
    name: 'a room handed its papers before they left the vault',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.distributions![0].rows![1].issuedAt = '2025-01-10T07:25'),
    expect: [['distribution-outside-custody', 4, '分发登记1', 'F7', 2]],
  },
  {
    name: 'the last session’s papers never returned',
    base: 'yuhu-kaodian',
    edit: (d) => {
      const r = d.vaultLog![7];
      delete r.returner;
      delete r.returnedAt;
      delete r.receivedBy;
    },
    expect: [['not-returned', 3, '出入库记录', 'I11', 8]],
  },
  {
    name: 'one bag more on the handover than taken in',
    base: 'yuhu-kaodian',
    edit: (d) => {
      d.handovers![0].items![0].quantity = 5;
      d.handovers![0].total = 12;
    },
    expect: [['inventory-mismatch', 2, '入库清单', 'H14', null]],
  },
  {
    name: 'more candidates than the bags hold copies',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.schedule![0].candidates = 43),
    expect: [['copies-short', 2, '入库清单', 'H4', 1]],
  },
  {
    name: 'an item for 岳塘考点 on 雨湖考点’s handover',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.handovers![0].items![3].destination = '岳塘考点'),
    expect: [['item-for-another-unit', 1, '交接单', 'C11', 4]],
  },
  {
    name: 'papers taken into the vault two and a half hours after the handover',
    base: 'yuhu-kaodian',
    edit: (d) => void ((d.intake as Intake).time = '2025-01-08T11:05'),
    expect: [['intake-late', 2, '入库清单', 'C17', null]],
  },
  {
    name: 'an exam-affairs officer signs papers out of the vault',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.vaultLog![3].issuedBy = '曾建军'),
    expect: [['keeper-not-custodian', 3, '出入库记录', 'G7', 4]],
  },
  {
    name: 'no register for the second afternoon',
    base: 'yuhu-kaodian',
    edit: (d) => void d.distributions!.splice(3, 1),
    expect: [['session-without-register', 3, '出入库记录', 'B8', 5]],
  },
  {
    name: 'one copy more to the room than the 16 份 taken out',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.distributions![5].rows![0].copies = 17),
    expect: [['handed-out-beyond-checkout', 4, '分发登记6', 'D6', 1]],
  },
  {
    name: 'a proctor who is a candidate’s relative: once, at the roster row (naming each register where 陈晓 signs)',
    base: 'yuhu-kaodian',
    edit: (d) => void (d.staff![7].candidateRelative = true),
    expect: [['staff-ineligible', 0, '涉卷人员', 'E10', 8]],
  },
  {
    name: '入库情况描述 left empty',
    base: 'yuhu-kaodian',
    edit: (d) => void delete (d.intake as Intake).description,
    expect: [['required-field', 2, '入库清单', 'A16', null]],
  },
  {
    name: 'the 省校 sends 株洲分校 its papers three days before the first session',
    base: 'hunan-shengxiao',
    edit: shengxiaoSendsZhuzhouEarly,
    expect: [['arrival-too-early', 1, '交接单3', 'C3', null]],
  },
  {
    name: 'the 省校’s papers for 株洲分校 leave the vault the next day with no handover sheet',
    base: 'hunan-shengxiao',
    edit: (d) => {
      d.handovers!.pop();
      for (const r of d.vaultLog!.slice(3)) r.takenAt = '2024-06-14T13:10';
      d.duty!.shifts![0].to = '2024-06-14T14:00';
    },
    expect: [['dispatch-without-handover', 3, '出入库记录', 'F7', 4]],
  },
  {
    // With no 附件3 the last sheet sending papers down ends the time 附件5 must cover (the papers had left by then).
    name: 'the 省校 keeps no vault log, and its duty log ends before its sheet to 株洲分校',
    base: 'hunan-shengxiao',
    edit: (d) => {
      delete d.vaultLog;
      d.duty!.shifts![0].to = '2024-06-13T12:00';
    },
    expect: [['duty-gap', 5, '值班记录', 'F3', 1]],
  },
];

describe('site shapes through real .xlsx', () => {
  test.each(['yuhu-kaodian', 'hunan-shengxiao'] as Shape[])('clean %s: no finding, also retyped', async (name) => {
    const buffer = await fillWorkbook(shape(name));
    expect(validateSite(await modelOf(buffer)).map(brief)).toEqual([]);
    expect(validateSite(await modelOf(await retyped(buffer))).map(brief)).toEqual([]);
  });

  test.each(PLANTED.map((p) => [p.name, p] as const))('planted: %s → exactly its finding', async (_n, p) => {
    const data = shape(p.base);
    p.edit(data);
    const buffer = await fillWorkbook(data);
    const found = validateSite(await modelOf(buffer));
    expect(found.map(tuple)).toEqual(p.expect);
    for (const f of found) expect(f.message).toMatch(/^[\u4e00-\u9fff“试]/);
    // Retyped (pasted 2 rows down and 1 column right into renamed sheets): the same rules, forms and rows.
    const again = validateSite(await modelOf(await retyped(buffer)));
    expect(again.map((f) => [f.rule, f.form, f.row])).toEqual(p.expect.map(([rule, form, , , row]) => [rule, form, row]));
  });

  test('湘潭分校 and its 雨湖考点 checked together: the two copies of their handover agree', async () => {
    // xiangtan-fenxiao.json keeps one 附件2 per delivery (intake as a list, DOMAIN.md "Several 入库清单"), read as such.
    const sites = [
      { id: 'fenxiao', model: await modelOf(await fillWorkbook(shape('xiangtan-fenxiao'))) },
      { id: 'kaodian', model: await modelOf(await fillWorkbook(shape('yuhu-kaodian'))) },
    ];
    expect([...validateAcross(sites).values()].flat().map(brief)).toEqual([]);
    // And a copy that differs is found on both files.
    const differing = shape('yuhu-kaodian');
    differing.handovers![0].items![1].quantity = 2;
    differing.handovers![0].total = 10;
    sites[1].model = await modelOf(await fillWorkbook(differing));
    const across = validateAcross(sites);
    expect(across.get('fenxiao')!.map(tuple)).toEqual([
      ['handover-copies-disagree', 1, '交接单2', 'D9', 2],
      ['handover-copies-disagree', 1, '交接单2', 'D17', null],
    ]);
    expect(across.get('kaodian')!.map(tuple)).toEqual([
      ['handover-copies-disagree', 1, '交接单', 'D9', 2],
      ['handover-copies-disagree', 1, '交接单', 'D17', null],
    ]);
  });

  test('湖南分部 (省校) and 长沙分校 checked together: the two copies of their handover agree', async () => {
    const fenxiao = fixture('fenxiao.json');
    const sites = [
      { id: 'shengxiao', model: await modelOf(await fillWorkbook(shape('hunan-shengxiao'))) },
      { id: 'fenxiao', model: await modelOf(await fillWorkbook(fenxiao)) },
    ];
    expect([...validateAcross(sites).values()].flat().map(brief)).toEqual([]);
    // They are paired: the 省校's copy with another sender is found on both files.
    const differing = shape('hunan-shengxiao');
    differing.handovers![1].fromSigners = ['黄见晨', '邓丽'];
    sites[0].model = await modelOf(await fillWorkbook(differing));
    const across = validateAcross(sites);
    expect(across.get('shengxiao')!.map(tuple)).toEqual([['handover-copies-disagree', 1, '交接单2', 'A20', null]]);
    expect(across.get('fenxiao')!.map(tuple)).toEqual([['handover-copies-disagree', 1, '交接单1', 'A20', null]]);
  });

  test('the planted table covers the second wave’s rules that a 考点 can break', () => {
    const rules = new Set(PLANTED.flatMap((p) => p.expect.map((e) => e[0])));
    for (const id of ['item-for-another-unit', 'intake-late', 'keeper-not-custodian', 'session-without-register', 'handed-out-beyond-checkout'])
      expect([id, rules.has(id)]).toEqual([id, true]);
  });
});
