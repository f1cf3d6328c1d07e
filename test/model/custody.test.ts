/** The custody vocabulary: unit names, the direction of a handover, which checkouts are dispatches. */
import { custodyOf, directionOf, levelOf, sameUnit, unitKey, unitNameOf } from '../../src/model/custody';
import type { Handover, SiteData, SiteInfo } from '../../src/model/types';

describe('unit names', () => {
  it.each([
    ['长沙分校（学院）', '长沙分校'],
    ['岳麓 考点', '岳麓考点'],
    ['岳麓(考点)', '岳麓'],
    ['ＡＢ分校', 'AB分校'],
  ])('unitKey(%s) = %s', (name, key) => expect(unitKey(name)).toBe(key));

  it.each([
    ['长沙分校', '湖南开放大学长沙分校', true],
    ['长沙分校（学院）', '长沙分校', true],
    ['岳麓考点', '天心考点', false],
    ['', '岳麓考点', false],
  ])('sameUnit(%s, %s) = %s', (a, b, same) => expect(sameUnit(a, b)).toBe(same));

  it('the level and the name of a unit', () => {
    expect(levelOf({ examSite: '岳麓考点' })).toBe('考点');
    expect(levelOf({ school: '长沙分校' })).toBe('分校');
    expect(levelOf({ level: ' 省校 ', examSite: 'x' })).toBe('省校');
    expect(unitNameOf({ site: { level: '考点', school: '长沙分校', examSite: '岳麓考点' } })).toBe('岳麓考点');
    expect(unitNameOf({ site: { level: '分校', school: '长沙分校', branch: '湖南分部' } })).toBe('长沙分校');
    expect(unitNameOf({ site: { level: '省校', school: '', branch: '湖南分部' } })).toBe('湖南分部');
  });

  it('a 单位级别 that is none of the three is not guessed', () => {
    expect(levelOf({ level: '分部', branch: '湖南分部' })).toBeUndefined();
    expect(levelOf({ level: '学院', school: '长沙分校' })).toBeUndefined();
    expect(levelOf({ level: ' ', examSite: '岳麓考点' })).toBe('考点');
    const d: SiteData = {
      site: { level: '分部', branch: '湖南分部' },
      handovers: [{ from: '湖南分部', to: '长沙分校', time: '2024-06-14T09:00' }],
      vaultLog: [{ taker: '王伟', takenAt: '2024-06-14T08:30' }],
    };
    expect(custodyOf(d)).toMatchObject({ level: undefined, ownName: undefined, direction: [undefined], dispatch: [false] });
  });
});

describe('direction of a handover', () => {
  const branch: SiteInfo = { level: '分校', school: '长沙分校', branch: '湖南分部' };
  const site: SiteInfo = { level: '考点', school: '长沙分校', examSite: '岳麓考点' };
  const province: SiteInfo = { level: '省校', branch: '' };
  it.each<[string, Handover, SiteInfo, 'in' | 'out']>([
    ['the 分校 receives from its 分部', { from: '湖南分部', to: '长沙分校' }, branch, 'in'],
    ['the 分校 sends to a 考点', { from: '长沙分校', to: '岳麓考点' }, branch, 'out'],
    ['both name the 分校: the closer name is the unit', { from: '长沙分校', to: '长沙分校岳麓考点' }, branch, 'out'],
    ['neither names the 分校, from a printer', { from: '某印刷厂', to: '某某' }, branch, 'in'],
    ['neither names the 分校, to a 考点', { from: '某某', to: '某考点' }, branch, 'out'],
    ['a 考点 receives', { from: '长沙分校', to: '岳麓考点' }, site, 'in'],
    ['a 考点 named by neither side still receives', { from: '甲', to: '乙' }, site, 'in'],
    ['the 省校 receives from the printer', { from: '湖南省新华印刷厂', to: '湖南分部' }, province, 'in'],
    ['the 省校 sends to a 分校', { from: '湖南分部', to: '长沙分校' }, province, 'out'],
    ['the 省校 not named on its own sheet still sends (a 分部 is not above it)', { from: '湖南开放大学', to: '长沙分校' }, province, 'out'],
  ])('%s', (_why, h, info, dir) => {
    const level = levelOf(info)!;
    expect(directionOf(h, info, level, level === '考点' ? info.examSite : level === '省校' ? info.branch : info.school)).toBe(dir);
  });
});

describe('dispatches', () => {
  const data = (): SiteData => ({
    site: { level: '分校', school: '长沙分校' },
    staff: [{ name: '王伟' }, { name: '李娜' }],
    handovers: [{ from: '长沙分校', to: '岳麓考点', time: '2024-06-14T09:00' }],
    vaultLog: [
      { taker: '王伟', takenAt: '2024-06-14T08:30' }, // never returned
      { taker: '赵考点', takenAt: '2024-06-10T08:30', returner: '赵考点', returnedAt: '2024-06-10T09:00' }, // taker not the 分校's
      { taker: '王伟', takenAt: '2024-06-14T08:40', returner: '王伟', returnedAt: '2024-06-14T10:00' }, // the day papers went on
      { taker: '王伟', takenAt: '2024-06-12T08:40', returner: '王伟', returnedAt: '2024-06-12T10:00' }, // a loan
    ],
  });
  it('at a 分校: unreturned, taken by another unit, or on a day papers went on to a 考点', () => {
    expect(custodyOf(data()).dispatch).toEqual([true, true, true, false]);
  });
  it('at the 省校 as at a 分校: it hands papers down to its 分校', () => {
    const d = data();
    d.site = { level: '省校', branch: '湖南分部' };
    d.handovers = [{ from: '湖南分部', to: '长沙分校', time: '2024-06-14T09:00' }];
    expect(custodyOf(d).dispatch).toEqual([true, true, true, false]);
  });
  it('at a 考点: only what an outgoing handover carries, never taken back, and not handed to its own rooms that day', () => {
    const d = data();
    d.site = { level: '考点', examSite: '岳麓考点' };
    d.handovers = [{ from: '岳麓考点', to: '长沙分校', time: '2024-06-16T11:00' }];
    d.distributions = [{ start: '2024-06-16T08:30', rows: [{ paperNo: '3310', issuedAt: '2024-06-16T08:05' }] }];
    d.vaultLog = [
      { paperNo: '1001', taker: '王伟', takenAt: '2024-06-16T10:40' }, // sent back after the exam
      { paperNo: '3310', taker: '王伟', takenAt: '2024-06-16T07:50' }, // that morning's loan, not back
      { paperNo: '2045', taker: '王伟', takenAt: '2024-06-15T07:50' }, // a loan the day before, not back
      { paperNo: '1001', taker: '赵考点', takenAt: '2024-06-16T09:00', returner: '赵考点', returnedAt: '2024-06-16T09:30' }, // back
      { paperNo: '1001', taker: '王伟', takenAt: '2024-06-15T20:00' }, // the evening before its sheet
      { paperNo: '3310', taker: '王伟', takenAt: '2024-06-16T10:40' }, // after that morning's handout: sent back
      { paperNo: '4001', taker: '王伟', takenAt: '2024-06-16T13:10' }, // for the afternoon session, no register kept: a loan
    ];
    d.schedule = [{ paperNo: '4001', start: '2024-06-16T14:00', end: '2024-06-16T16:00' }];
    expect(custodyOf(d).dispatch).toEqual([true, false, false, false, true, true, false]);
    // A sheet it received that day carries nothing out.
    const received = { ...d, handovers: [{ from: '长沙分校', to: '岳麓考点', time: '2024-06-16T11:00' }] };
    expect(custodyOf(received).dispatch).toEqual([false, false, false, false, false, false, false]);
  });
  it('is worked out once per workbook', () => {
    const d = data();
    expect(custodyOf(d)).toBe(custodyOf({ data: d, locations: {}, sheets: [] }));
  });
});
