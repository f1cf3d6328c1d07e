/**
 * Readings of the second wave (DOMAIN.md): names with a title, times written
 * relative to the row's start, and one intake list per delivery. A legitimate
 * record written so gives no finding; a defect in the second list is reported
 * there, with its exact rule, sheet and cell.
 */
import type { Handover, Intake, SiteData } from '../../src/model/types';
import { peopleIn, personKey, splitSignatures } from '../../src/model/people';
import { parseWallClock } from '../../src/model/datetime';
import { modelOf, ruleTester } from './tester';
import { validateSite } from '../../src/rules/engine';
import { dutyCoverage } from '../../src/summary/duty';

const titled = (d: SiteData): void => {
  const title = ['（考务组长）', '(主考)', ' 主考', '（保管员）'];
  let k = 0;
  const t = (n: string | undefined) => (n ? `${n}${title[k++ % title.length]}` : n);
  for (const h of d.handovers ?? []) {
    h.fromSigners = h.fromSigners?.map((n) => t(n)!);
    h.toSigners = h.toSigners?.map((n) => t(n)!);
  }
  for (const r of d.vaultLog ?? []) Object.assign(r, { taker: t(r.taker), issuedBy: t(r.issuedBy), returner: t(r.returner), receivedBy: t(r.receivedBy) });
  for (const s of d.duty?.shifts ?? []) Object.assign(s, { handedOverBy: t(s.handedOverBy), takenOverBy: t(s.takenOverBy) });
  (d.intake as Intake).keeper = t((d.intake as Intake).keeper);
};

/** The 考点's one delivery as two: 1001 at 09:30, the rest at 11:00, each taken in on its own list. */
const twoDeliveries = (d: SiteData): void => {
  const h = d.handovers![0];
  const first: Handover = { ...h, items: [{ destination: h.to, quantity: 3, unit: '袋', note: '1001 高等数学基础' }], total: 3 };
  const second: Handover = {
    ...h,
    time: '2024-06-14T11:00',
    items: [
      { destination: h.to, quantity: 1, unit: '袋', note: '2045 管理学基础' },
      { destination: h.to, quantity: 2, unit: '袋', note: '3310 中国现代文学' },
    ],
    total: 3,
  };
  d.handovers = [first, second];
  const one = d.intake as Intake;
  const [a, b, c] = one.items!;
  d.intake = [
    { ...one, items: [a], totals: { bags31: 1, bags26: 1, bags11: 0, bags5: 1, totalBags: 3 } },
    { ...one, time: '2024-06-14T11:20', items: [b, c], totals: { bags31: 1, bags26: 0, bags11: 2, bags5: 0, totalBags: 3 } },
  ];
};

describe('names with a title are the person', () => {
  it.each([
    ['曾建军（考务组长）', '曾建军'],
    ['欧阳红(主考)', '欧阳红'],
    ['李明 主考', '李明'],
    ['王芳 办公室主任', '王芳'],
    ['张 伟', '张伟'],
  ])('%s → %s', (signature, person) => expect(personKey(signature)).toBe(person));

  it('a title after a space is not a second signer; two names are', () => {
    expect(splitSignatures('李明 主考、王芳')).toEqual(['李明 主考', '王芳']);
    expect(splitSignatures('曾建军（考务组长，主考） 欧阳红')).toEqual(['曾建军（考务组长，主考）', '欧阳红']);
    expect(splitSignatures('李明 王芳')).toEqual(['李明', '王芳']);
  });

  it('a two-character name padded to three with a space is one signer, not two (李　强)', () => {
    expect(splitSignatures('李　强、赵　敏')).toEqual(['李 强', '赵 敏']);
    expect(splitSignatures('李　强')).toEqual(['李 强']);
    expect(splitSignatures('王 芳 李 强')).toEqual(['王 芳', '李 强']);
    expect(splitSignatures('李　强 主考、欧阳红')).toEqual(['李 强 主考', '欧阳红']);
    // A separator stays one: what follows it is another signer, title or not.
    expect(splitSignatures('李、 强')).toEqual(['李', '强']);
    expect(personKey('李　强')).toBe('李强');
  });

  it('a cell where two sign names each person; a title, a padded name or a repeat adds no one', () => {
    expect(peopleIn('李强、赵敏')).toEqual(['李强', '赵敏']);
    expect(peopleIn('刘洋 陈静')).toEqual(['刘洋', '陈静']);
    expect(peopleIn('陈静（保管员），刘洋 值班员')).toEqual(['陈静', '刘洋']);
    expect(peopleIn('李　强')).toEqual(['李强']);
    expect(peopleIn('李强、李强')).toEqual(['李强']);
    expect(peopleIn('')).toEqual([]);
    expect(peopleIn(null)).toEqual([]);
  });

  it('a name’s middle dot typed otherwise is the same person; a stray full stop after a name is not a dot', () => {
    for (const dot of ['·', '•', '・', '．', '.', '‧', '∙', '⋅', '･']) expect(personKey(`阿依古丽${dot}买买提`)).toBe('阿依古丽·买买提');
    expect(personKey('李强.')).not.toBe(personKey('李强·'));
  });
});

describe('times relative to the row', () => {
  const ctx = { year: 2024, month: 6, day: 15 };
  it.each([
    ['次日8时', '2024-06-16T08:00'],
    ['翌日08:00', '2024-06-16T08:00'],
    ['当日20时', '2024-06-15T20:00'],
    ['次日 0:00', '2024-06-16T00:00'],
  ])('%s', (text, iso) => {
    const t = parseWallClock(text, ctx)!;
    expect(
      `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`,
    ).toBe(iso);
  });
  it('without a day to count from it cannot be read', () => expect(parseWallClock('次日8时', { year: 2024 })).toBeUndefined());

  it('a shift ending 次日8时 is read on the next day of its start, 当日20时 on its own day', () => {
    const d: SiteData = JSON.parse(JSON.stringify(require('../fixtures/kaodian.json'))) as SiteData;
    d.duty!.shifts![0].to = '当日20时';
    d.duty!.shifts![1].to = '次日8时';
    const shifts = modelOf(d).data.duty!.shifts!;
    expect(shifts.slice(0, 2).map((x) => x.to)).toEqual(['2024-06-14T20:00', '2024-06-15T08:00']);
  });
});

ruleTester('column-total', {
  valid: [
    { name: 'titles after names, in brackets or after a space', edit: titled },
    { name: 'two deliveries, each taken in on its own list', edit: twoDeliveries },
    {
      name: 'shift ends written 次日…时 from their start',
      edit: (d) => {
        for (const s of d.duty?.shifts ?? []) {
          const [from, to] = [s.from!, s.to!];
          if (to.slice(0, 10) !== from.slice(0, 10))
            s.to = `次日${Number(to.slice(11, 13))}时${to.slice(14, 16) === '00' ? '' : `${Number(to.slice(14, 16))}分`}`;
        }
      },
    },
  ],
  invalid: [
    {
      name: 'the second list’s own 合计 wrong',
      edit: (d) => {
        twoDeliveries(d);
        (d.intake as Intake[])[1].totals!.totalBags = 4;
      },
      errors: [{ messageId: 'sum', form: 2, sheet: '入库清单2', cell: 'H14', row: null, message: /^“合计行的合计（袋）”写的是 4，但上面各行相加是 3。/ }],
    },
  ],
});

ruleTester('intake-before-receipt', {
  valid: [{ name: 'each list after its delivery', edit: twoDeliveries }],
  invalid: [
    {
      name: 'the second list taken in before its delivery came',
      edit: (d) => {
        twoDeliveries(d);
        (d.intake as Intake[])[1].time = '2024-06-14T10:50';
      },
      errors: [{ messageId: 'early', form: 2, sheet: '入库清单2', cell: 'C17', row: null, message: /早于/ }],
    },
  ],
});

it('two intake lists round-trip as two sheets and an array', () => {
  const base: SiteData = JSON.parse(JSON.stringify(require('../fixtures/kaodian.json'))) as SiteData;
  twoDeliveries(base);
  const model = modelOf(base);
  expect(Array.isArray(model.data.intake)).toBe(true);
  expect((model.data.intake as Intake[]).map((l) => [l.time, l.items!.map((i) => i.paperNo)])).toEqual([
    ['2024-06-14T10:10', ['1001']],
    ['2024-06-14T11:20', ['2045', '3310']],
  ]);
  expect(model.locations['intake[1].time']?.sheet).toBe('入库清单2');
});

// Found by trying sites written fresh (test/fixtures/shapes/hengyang-fenxiao.json, leiyang-kaodian.json; shapes-pair.test.ts).

ruleTester('intake-before-receipt', {
  valid: [],
  invalid: [
    {
      // It was also intake-late against the first delivery (2 h 20 min before): one fact, one finding.
      name: 'the second list dated before its own delivery, over 2 hours after the first: only this',
      edit: (d) => {
        twoDeliveries(d);
        d.handovers![1].time = '2024-06-14T12:00';
        (d.intake as Intake[])[1].time = '2024-06-14T11:50';
      },
      errors: [{ messageId: 'early', form: 2, sheet: '入库清单2', cell: 'C17', row: null, message: /早于/ }],
    },
  ],
});

ruleTester('intake-late', {
  valid: [{ name: 'each list within 2 hours of its own delivery', edit: twoDeliveries }],
  invalid: [
    {
      name: 'the second list 2 h 30 min after its own delivery',
      edit: (d) => {
        twoDeliveries(d);
        (d.intake as Intake[])[1].time = '2024-06-14T13:30';
      },
      errors: [{ messageId: 'late', form: 2, sheet: '入库清单2', cell: 'C17', row: null, message: /晚了 2 小时 30 分钟/ }],
    },
  ],
});

/** The 考点's one delivery written as one box, with the bags inside in its 备注 or after its count. */
const inOneBox = (count: string | number, note?: string) => (d: SiteData) => {
  const h = d.handovers![0];
  h.items = [{ destination: h.to, quantity: count, ...(note ? { unit: '箱', note } : {}) }];
  h.total = 1;
};

ruleTester('inventory-mismatch', {
  valid: [
    { name: 'one 箱 whose 备注 says 内装6袋, 6 bags taken in', edit: inOneBox(1, '内装6袋：1001、2045、3310') },
    { name: '“1箱（内装6袋）” typed in the count', edit: inOneBox('1箱（内装6袋）') },
    { name: 'one 箱 with no word of the bags inside: not compared', edit: inOneBox(1, '1001、2045、3310') },
  ],
  invalid: [
    {
      name: 'one 箱 whose 备注 says 内装7袋, 6 bags taken in',
      edit: inOneBox(1, '内装7袋'),
      errors: [{ messageId: 'bags', form: 2, sheet: '入库清单', cell: 'H14', row: null, message: /接收到的是 7 袋/ }],
    },
    {
      name: '“1箱(5袋)” typed in the count, 6 bags taken in',
      edit: inOneBox('1箱(5袋)'),
      errors: [{ messageId: 'bags', form: 2, sheet: '入库清单', cell: 'H14', row: null, message: /接收到的是 5 袋/ }],
    },
  ],
});

ruleTester('overdraw', {
  valid: [
    {
      // The 单位 cell beside the form left blank: the word typed in the count is the row's unit (it was read as 62 bags).
      name: '“62份” typed in the count, its 单位 cell blank',
      edit: (d) => {
        d.vaultLog![0].quantity = '62份';
        delete d.vaultLog![0].unit;
      },
    },
  ],
  invalid: [
    {
      name: '“4袋” typed in the count where 3 were taken in',
      edit: (d) => {
        d.vaultLog![0].quantity = '4袋';
        delete d.vaultLog![0].unit;
      },
      errors: [{ messageId: 'over', form: 3, sheet: '出入库记录', cell: 'D4', row: 1 }],
    },
  ],
});

ruleTester('dispatch-without-handover', {
  valid: [
    {
      // Paired by the receiver's signature, title or not; it was paired by time with 岳麓考点's sheet (9 bags against 6).
      name: '天心考点’s papers taken out in the morning, its receivers signing with titles',
      base: 'fenxiao',
      edit: (d) => {
        for (const r of d.vaultLog!.slice(3)) r.takenAt = '2024-06-14T09:20';
        d.handovers![1].toSigners = ['李强（考务）', '赵敏 考务'];
        d.handovers![2].toSigners = ['何平（考务组长）', '马丽(考务)'];
      },
    },
  ],
  invalid: [
    {
      name: 'the same, one bag more dispatched to 天心考点 than its sheet',
      base: 'fenxiao',
      edit: (d) => {
        for (const r of d.vaultLog!.slice(3)) r.takenAt = '2024-06-14T09:20';
        d.handovers![1].toSigners = ['李强（考务）', '赵敏 考务'];
        d.handovers![2].toSigners = ['何平（考务组长）', '马丽(考务)'];
        d.handovers![2].items![0].quantity = 1;
        d.handovers![2].total = 2;
      },
      // The sheet's items name their papers: the paper that differs is named (review6 D7).
      errors: [
        {
          messageId: 'bagsPaper',
          form: 3,
          sheet: '出入库记录',
          cell: 'D7',
          row: 4,
          message: /天心考点.*不一致的是试卷 1001（出入库记录第 4 行 2 袋，交接单 1 袋）/,
        },
      ],
    },
  ],
});

ruleTester('item-for-another-unit', {
  valid: [
    {
      // As the source prints 试卷归属: “**分校（学院）（或考点）”.
      name: '试卷归属 written 长沙分校（岳麓考点） and 岳麓考点（长沙分校） on a sheet to 长沙分校岳麓考点',
      edit: (d) => {
        d.handovers![0].to = '长沙分校岳麓考点';
        const items = d.handovers![0].items!;
        items[0].destination = '长沙分校（岳麓考点）';
        items[1].destination = '岳麓考点(长沙分校)';
      },
    },
  ],
  invalid: [
    {
      name: '试卷归属 written 长沙分校（天心考点） on 岳麓考点’s sheet',
      edit: (d) => void (d.handovers![0].items![0].destination = '长沙分校（天心考点）'),
      errors: [{ messageId: 'other', form: 1, sheet: '交接单', cell: 'C8', row: 1, message: /长沙分校（天心考点）/ }],
    },
  ],
});

ruleTester('invalid-datetime', {
  valid: [
    { name: '还卷时间 written 10:20, on its 取卷时间’s day', edit: (d) => void (d.vaultLog![0].returnedAt = '10:20') },
    { name: '还卷时间 written 15日10时20分', edit: (d) => void (d.vaultLog![0].returnedAt = '15日10时20分') },
  ],
  invalid: [
    {
      name: '还卷时间 written 下午 with no hour',
      edit: (d) => void (d.vaultLog![0].returnedAt = '下午'),
      errors: [{ messageId: 'datetime', form: 3, sheet: '出入库记录', cell: 'I4', row: 1, message: /“下午”/ }],
    },
  ],
});

/** 3310 examined on an evening, 6月15日 22:30 to 6月16日 00:30: taken out at 21:45, back at 00:45. */
function eveningSession(d: SiteData): void {
  Object.assign(d.schedule![2], { start: '2024-06-15T22:30', end: '2024-06-16T00:30' });
  Object.assign(d.vaultLog![2], { takenAt: '2024-06-15T21:45', returnedAt: '2024-06-16T00:45' });
  Object.assign(d.distributions![2], { start: '2024-06-15T22:30', end: '2024-06-16T00:30' });
  Object.assign(d.distributions![2].rows![0], { issuedAt: '2024-06-15T22:05', returnedAt: '2024-06-16T00:33' });
}

ruleTester('time-order', {
  valid: [
    { name: 'a session past midnight as the programme writes it (时间 22:30—次日00:30)', edit: eveningSession },
    {
      name: 'a session past midnight typed short: 时间 22:30—00:30, rooms back at "0:33", the vault’s 还卷时间 "0:45"',
      edit: (d) => {
        eveningSession(d);
        // One 日期 on the form: an end typed on the start's day is the form's 22:30—00:30.
        d.distributions![2].end = '2024-06-15T00:30';
        d.distributions![2].rows![0].returnedAt = '0:33';
        d.vaultLog![2].returnedAt = '0:45';
      },
    },
  ],
  invalid: [
    {
      name: 'an end typed before the start, far from midnight (10:30—09:00): still earlier, not the next day',
      edit: (d) => void Object.assign(d.distributions![1], { start: '2024-06-15T10:30', end: '2024-06-15T09:00' }),
      errors: [{ messageId: 'order', form: 4, sheet: '分发登记2', cell: 'I3', row: null }],
    },
    {
      name: 'a 还卷时间 typed as a time before its 取卷时间 and far from midnight ("07:20" after 07:45)',
      edit: (d) => void (d.vaultLog![0].returnedAt = '07:20'),
      errors: [{ messageId: 'order', form: 3, sheet: '出入库记录', cell: 'I4', row: 1 }],
    },
  ],
});

ruleTester('invalid-count', {
  valid: [
    { name: '报考人数 written 57人', edit: (d) => void (d.schedule![0].candidates = '57人') },
    { name: '报考人数 written 五十七人', edit: (d) => void (d.schedule![0].candidates = '五十七人') },
  ],
  invalid: [
    {
      name: '报考人数 written 约六十人',
      edit: (d) => void (d.schedule![0].candidates = '约六十人'),
      errors: [{ messageId: 'count', form: 0, sheet: '考试安排', cell: 'F3', row: 1 }],
    },
  ],
});

/** A 考点 examining on two weekends, one delivery each: 1001 and 2045 for 6月15日, 3310 for 6月22日 (arriving 6月20日). */
const twoWeekends = (): SiteData => JSON.parse(JSON.stringify(require('../fixtures/shapes/yuelu-two-weekends-kaodian.json'))) as SiteData;

describe('the vault empty between two deliveries', () => {
  it('asks no duty while it holds no papers: no finding, and the summary covers every hour it does', () => {
    const data = twoWeekends();
    expect(validateSite(modelOf(data)).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
    const cover = dutyCoverage(data);
    // 6-14 10:10 → 6-15 09:45 (the first delivery's last checkout), then 6-20 10:00 → 6-22 07:50: 23 h 35 min + 45 h 50 min.
    expect(cover).toMatchObject({ custodyStart: '2024-06-14T10:10', custodyEnd: '2024-06-22T07:50', custodyHours: 69.42, coverage: 1, gaps: [] });
  });

  it('a gap while the second delivery is in the vault is still one, in the rule and in the summary', () => {
    const data = twoWeekends();
    data.duty!.shifts![5].from = '2024-06-21T10:00';
    expect(validateSite(modelOf(data)).map((f) => [f.rule, f.sheet, f.cell, f.row])).toEqual([['duty-gap', '值班记录4', 'D3', 6]]);
    expect(dutyCoverage(data).gaps).toEqual([{ from: '2024-06-21T08:00', to: '2024-06-21T10:00', hours: 2 }]);
  });
});

/** A 分校 that is an exam site too: it hands 2045 to its own rooms on 6月15日, and the same day sends 3310 on to 天心考点. */
const examiningBranch = (): SiteData => JSON.parse(JSON.stringify(require('../fixtures/shapes/changsha-exam-fenxiao.json'))) as SiteData;

describe('a 分校 that examines too', () => {
  it('lends its own papers on a day it sends others on: a loan, not a dispatch', () => {
    expect(validateSite(modelOf(examiningBranch())).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
  });

  it('so a proctor taking its own papers too early is said, as at a 考点', () => {
    const data = examiningBranch();
    Object.assign(data.vaultLog![5], { taker: '郑洁', takenAt: '2024-06-15T07:00' });
    expect(validateSite(modelOf(data)).map((f) => [f.rule, f.sheet, f.cell, f.row])).toEqual([
      ['proctor-takes-papers', '出入库记录', 'E9', 6],
      ['checkout-window', '出入库记录', 'F9', 6],
    ]);
  });
});

/** A 考点 whose third bag of 1001 came on a supplementary delivery, taken in at 6月15日 07:40. */
const supplemented = (): SiteData => JSON.parse(JSON.stringify(require('../fixtures/shapes/yuelu-supplement-kaodian.json'))) as SiteData;

describe('a supplementary delivery counts from its own intake', () => {
  it('three bags out at 07:45, after the third came in: no finding', () => {
    expect(validateSite(modelOf(supplemented())).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
  });

  it('three bags out at 07:35, before it came in: more out than in at that moment', () => {
    const data = supplemented();
    data.vaultLog![0].takenAt = '2024-06-15T07:35';
    expect(validateSite(modelOf(data)).map((f) => [f.rule, f.sheet, f.cell, f.row, f.message])).toEqual([
      ['overdraw', '出入库记录', 'D4', 1, expect.stringMatching(/07:35 出库 3 袋后.*到这时入库清单上这份试卷只有 2 袋/)],
    ]);
  });
});
