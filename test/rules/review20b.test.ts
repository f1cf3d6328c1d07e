/**
 * Review 20b (test/fixtures/review20b/README.md): judgement on held-out site workbooks typed as people type. D1: a
 * 补考 paper's name holding another paper's name; D2: a handover's two copies with both units written otherwise; D7: a
 * hidden 附件4 said once; D8: a mistyped 学期 said once. Each case: the whole finding (rule, severity, sheet, cell, row,
 * message), and nothing else.
 */
import type { Finding } from '../../src/model/finding';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.row, f.message];

describe('D1: a paper named “管理学基础（补考）” is not 管理学基础 (arrival-too-early)', () => {
  /**
   * 岳麓考点 whose day-2 paper 3310 is 管理学基础（补考） (06-16 08:30; 2045 管理学基础 sits 06-15 10:30), brought on
   * its own sheet at `at` with its own intake list 40 min later; the duty from then on. The item says `note`.
   */
  function makeupOnItsOwnSheet(at: string, note: string): SiteData {
    const d = base('kaodian');
    const name = '管理学基础（补考）';
    const later = (minutes: number) => new Date(Date.parse(`${at}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
    for (const row of [...d.schedule!, ...d.vaultLog!, ...d.distributions!.flatMap((s) => s.rows ?? [])]) if (row.paperNo === '3310') row.paperName = name;
    const first = d.handovers![0];
    first.items = first.items!.slice(0, 2);
    first.total = 4;
    d.handovers!.push({ ...first, time: at, items: [{ destination: '岳麓考点', quantity: 2, unit: '袋', note }], total: 2 });
    const lists = d.intake as Intake;
    const day1: Intake = { ...lists, items: lists.items!.slice(0, 2), totals: { bags31: 2, bags26: 1, bags11: 0, bags5: 1, totalBags: 4 } };
    const day2: Intake = {
      ...lists,
      items: [{ ...lists.items![2], paperName: name }],
      totals: { bags31: 0, bags26: 0, bags11: 2, bags5: 0, totalBags: 2 },
      time: later(40),
    };
    d.intake = [day2, day1];
    d.duty!.shifts!.unshift({ kind: '夜间', from: later(30), to: '2024-06-14T10:00', record: '试卷入库，无异常', handedOverBy: '刘洋', takenOverBy: '陈静' });
    return d;
  }
  const findings = (d: SiteData) => validateSite(modelOf(d)).map(full);
  const early = (span: string) => [
    'arrival-too-early',
    'error',
    '交接单2',
    'C3',
    null,
    `试卷 6月13日 15:00 交接到岳麓考点，比最早一场考试（6月16日 08:30）早了 ${span}。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。`,
  ];

  it('brought two days before (06-14 08:00), named by name or by 试卷号: no finding', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-14T08:00', '管理学基础（补考）'))).toEqual([]);
    expect(findings(makeupOnItsOwnSheet('2024-06-14T08:00', '3310 管理学基础（补考）'))).toEqual([]);
  });

  it('three days before (06-13 15:00), the item “管理学基础（补考）”: judged by 3310’s session, too early', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '管理学基础（补考）'))).toEqual([early('2天17小时30分')]);
  });

  it('the item “3310 管理学基础（补考）”: the 试卷号 decides, too early', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '3310 管理学基础（补考）'))).toEqual([early('2天17小时30分')]);
  });

  it('the item “管理学基础” alone names 2045 (06-15 10:30): not too early by two calendar days', () => {
    expect(findings(makeupOnItsOwnSheet('2024-06-13T15:00', '管理学基础'))).toEqual([]);
  });
});
