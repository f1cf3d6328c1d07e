/**
 * A unit whose 附件2, 3 or 5 could not be read (its header row deleted; 附件5 without its 值班时间 labels): required-field
 * says so once at the form's title, and the summary then took the figures as known — an unread 出入库记录 gave 0
 * checkouts, 0 bags out, 全部已归还 and, with it, a custody time from the handovers; an unread 值班记录 a duty gap the
 * length of the custody; an unread 入库清单 read as 无入库清单 (附件2 没有填写). Now each figure made from a form not
 * read says 附件N 未能读取 where it would be (the pane's table, 站点汇总 and its 说明, its 汇总 sheet's status line and
 * sections), the 说明 names the sheet and cell of the finding, and the totals leave the unit's unknown figures out,
 * naming it (totals.unreadIntake, .unreadLog).
 */
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { noneLinesOf, rankChartData } from '../../src/summary/overview';
import { rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS, paperRowsOf } from '../../src/summary/tables';
import { paperTotals } from '../../src/summary/tables-site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { validateSite } from '../../src/rules/engine';
import { level, none } from './levels';
import { type Lost, lostBook } from './unread-books';

jest.setTimeout(60_000);

/** The workbook read, checked and summarised as `custody summary` does (the findings counted in). */
async function summaryOf(lost: Lost, edit?: (data: SiteData) => void) {
  const model = readWorkbook(await gridFromXlsxBuffer(await lostBook(lost, undefined, edit)));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { s, findings, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}

const LOG_ZH = '附件3 出入库记录未能读取（见工作表“出入库记录”A2 处的问题），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计';
const LOG_EN =
  'The vault log (附件3) could not be read (see the finding at 出入库记录!A2): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals';
const INTAKE_ZH = '附件2 入库清单未能读取（见工作表“入库清单”A2 处的问题），袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计';
const DUTY_ZH = '附件5 值班记录未能读取（见工作表“值班记录2”A2 处的问题），值班覆盖和缺口无从计算';

describe('附件3 出入库记录 not read', () => {
  it('summarizeSite: unread names the sheet and the cell of its finding; neither noIntake nor noVault; every paper flagged', async () => {
    const { s, findings } = await summaryOf('vaultLog');
    expect(findings.filter((f) => f.sheet === '出入库记录').map((f) => [f.rule, f.cell])).toEqual([['required-field', 'A2']]);
    expect([s.unread, s.noIntake, s.noVault]).toEqual([[{ form: 'vaultLog', sheet: '出入库记录', cell: 'A2' }], false, false]);
    expect(s.papers.map((p) => [p.paperNo, p.unread, p.noIntake, p.noVault])).toEqual([
      ['1001', [{ form: 'vaultLog' }], undefined, undefined],
      ['2045', [{ form: 'vaultLog' }], undefined, undefined],
      ['3310', [{ form: 'vaultLog' }], undefined, undefined],
    ]);
  });

  it('the paper table (the pane, the 汇总 sheet): 附件3 未能读取 at each of its figures (出库, 归还, 移交送出, 未还, 在库); 附件2’s figures as read', async () => {
    const { s } = await summaryOf('vaultLog');
    const zh = summaryTable(s, 'zh');
    expect(zh.rows[0]).toEqual([
      '1001',
      '高等数学基础',
      '2024年6月15日 08:30',
      1,
      1,
      0,
      1,
      3,
      62,
      57,
      5,
      '附件3 未能读取',
      '附件3 未能读取',
      '附件3 未能读取',
      0,
      '01、02',
      57,
      '附件3 未能读取',
      '附件3 未能读取',
    ]);
    const W = '附件3 未能读取';
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, W, W, W, 0, '4 个\n考场次', 108, W, W]);
    expect(paperTotals(s, 'en').slice(11, 19)).toEqual(['unreadLog', 'unreadLog', 'unreadLog', 0, '4 room sessions', 108, 'unreadLog', 'unreadLog']);
    // The facts: which figures and where, then custody, cover, gaps and not returned unknown — not 0, 100 %, 无.
    expect(zh.facts).toEqual([
      ['未能读取', LOG_ZH],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', '附件3 未能读取'],
      ['值班覆盖', '附件3 未能读取'],
      ['值班空档', '附件3 未能读取'],
      ['未归还', '附件3 未能读取'],
      ['错误', 1],
      ['警告', 0],
    ]);
    const en = summaryTable(s, 'en');
    expect(en.facts[0]).toEqual(['Not read', LOG_EN]);
    expect(en.rows[0].slice(11, 19)).toEqual(['附件3 not read', '附件3 not read', '附件3 not read', 0, '01, 02', 57, '附件3 not read', '附件3 not read']);
  });

  it('站点汇总 and 试卷明细: the figures of 附件3 and the duty cover over its custody unknown, the 说明 says why and where', async () => {
    const { outcome } = await summaryOf('vaultLog');
    const row = rowOf(SITE_COLUMNS, outcome);
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(['bags', 'copies', 'checkouts', 'returns', 'bagsStillOut', 'bagsDispatched', 'rooms'].map(at)).toEqual([
      6,
      115,
      'unreadLog',
      'unreadLog',
      'unreadLog',
      'unreadLog',
      4,
    ]);
    expect(['custodyHours', 'coveredHours', 'coverage', 'gaps', 'note'].map(at)).toEqual(['unreadLog', 'unreadLog', 'unreadLog', 'unreadLog', LOG_ZH]);
    expect(paperRowsOf(outcome)[0].slice(13)).toEqual(['unreadLog', 'unreadLog', 'unreadLog', 0, '01、02', 57, 'unreadLog', 'unreadLog']);
  });

  it('with no 附件2 nor 附件5 besides: 无入库清单, not 无保密室记录 (附件2、3、5 都没有填写: 附件3 is there)', async () => {
    const { s, outcome } = await summaryOf('vaultLog', (data) => {
      delete data.intake;
      delete data.duty;
    });
    expect([s.noVault, s.noIntake, s.unread]).toEqual([false, true, [{ form: 'vaultLog', sheet: '出入库记录', cell: 'A2' }]]);
    const row = rowOf(SITE_COLUMNS, outcome);
    const L = 'unreadLog';
    expect(row.slice(7, 22)).toEqual(['noIntake', null, 108, L, L, L, L, 4, 1, 0, L, L, L, L, expect.any(String)]);
    expect(row[21]).toBe(`无入库清单（附件2 没有填写），袋数、份数无从计算，未计入合计；${LOG_ZH}`);
  });

  it('totals: its bags still out in no figure, its bags and copies in its level; named in unreadLog', async () => {
    const { s } = await summaryOf('vaultLog');
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.papers, t.bagsStillOut, t.unreadLog, t.unreadIntake, t.noIntake, t.noVault]).toEqual([3, 0, ['岳麓考点'], undefined, undefined, []]);
    // Its level counts it among the units whose bags out are unknown (review 21 D3: 总览 and the CLI say so, not 0).
    expect(t.levels).toEqual([none('省校'), none('分校'), { ...level('考点', 1, 6, 115, 108, 0), stillOutUnknown: 1, stillOutWhy: ['unreadLog'] }, none(null)]);
    expect(noneLinesOf(t, 'zh')).toEqual(['注意：岳麓考点的附件3 出入库记录未能读取（见检查结果），未还袋数未计入合计。']);
    expect(noneLinesOf(t, 'en')).toEqual([
      'Note: the vault log (附件3) of 岳麓考点 could not be read (see the findings): its bags still out are not in the totals.',
    ]);
  });
});

describe('附件2 入库清单 not read', () => {
  it('unread, not 无入库清单; bags, copies, spare, taken back and in the vault none; 附件3’s figures as read', async () => {
    const { s, outcome } = await summaryOf('intake');
    expect([s.unread, s.noIntake, s.noVault]).toEqual([[{ form: 'intake', sheet: '入库清单', cell: 'A2' }], false, false]);
    expect(s.papers.map((p) => p.spareCopies)).toEqual([null, null, null]);
    const zh = summaryTable(s, 'zh');
    const I = '附件2 未能读取';
    expect(zh.rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', I, I, I, I, I, I, 57, I, 1, 1, 0, I, '01、02', 57, 0, I]);
    expect(zh.facts[0]).toEqual(['未能读取', INTAKE_ZH]);
    // The custody period runs from 附件2's 入库时间 to the last checkout, or to the end of the session of a paper on it that
    // never left: with its rows lost, neither it nor the duty cover over it is known (they were 45 h 40 min at 100 %);
    // the checkouts not returned are 附件3's.
    expect(zh.facts.slice(3, 7)).toEqual([
      ['保管期', '附件2 未能读取'],
      ['值班覆盖', '附件2 未能读取'],
      ['值班空档', '附件2 未能读取'],
      ['未归还', '无'],
    ]);
    expect(summaryTable(s, 'en').facts.slice(3, 7)).toEqual([
      ['Custody period', '附件2 not read'],
      ['Duty coverage', '附件2 not read'],
      ['Duty gaps', '附件2 not read'],
      ['Not returned', 'none'],
    ]);
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(row.slice(7, 14)).toEqual(['unreadIntake', 'unreadIntake', 108, 3, 3, 0, 0]);
    // 保管时长, 值班覆盖时长, 覆盖率 and 缺口 each say it (review 21b D2: was 保管时长's word running on over the three).
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(['custodyHours', 'coveredHours', 'coverage', 'gaps'].map(at)).toEqual(['unreadIntake', 'unreadIntake', 'unreadIntake', 'unreadIntake']);
    expect(row[21]).toBe(INTAKE_ZH);
  });

  it('totals: in no level, named in unreadIntake; its bags still out (附件3) counted; out of the ranking by candidates', async () => {
    const { s } = await summaryOf('intake', (data) => void delete data.vaultLog![2].returnedAt);
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.papers, t.bagsStillOut, t.unreadIntake, t.unreadLog, t.noIntake]).toEqual([3, 2, ['岳麓考点'], undefined, undefined]);
    expect(t.levels).toEqual([none('省校'), none('分校'), none('考点'), none(null)]);
    expect(noneLinesOf(t, 'zh')).toEqual(['注意：岳麓考点的附件2 入库清单未能读取（见检查结果），袋数、份数未计入按单位级别的合计。']);
    const unit = { name: '岳麓考点', errors: 1, warnings: 0, papers: 3, candidates: 108, copies: 0, level: '考点' as const };
    expect(rankChartData(new Map(), [{ ...unit, unreadIntake: true }]).big).toEqual([]);
  });
});

describe('附件5 值班记录 not read (one of its two sheets)', () => {
  it('the duty cover and gaps none, said with the sheet; the custody time as 附件2 and 3 say; no gap of the unread shifts in the 说明', async () => {
    const { s, outcome } = await summaryOf('duty');
    expect([s.unread, s.noIntake, s.noVault]).toEqual([[{ form: 'duty', sheet: '值班记录2', cell: 'A2' }], false, false]);
    // Read as if its shifts were two: a gap of the second day, which the 说明 said as 值班缺口 1 处.
    expect([s.duty.shifts, s.duty.gaps.length]).toEqual([2, 1]);
    const row = rowOf(SITE_COLUMNS, outcome);
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(['checkouts', 'coveredHours', 'coverage', 'gaps', 'note'].map(at)).toEqual([3, 'unreadDuty', 'unreadDuty', 'unreadDuty', DUTY_ZH]);
    expect(at('custodyHours')).toEqual(expect.any(Number));
    const zh = summaryTable(s, 'zh');
    expect(zh.facts.slice(3, 7)).toEqual([
      ['保管期', expect.not.stringContaining('未能读取')],
      ['值班覆盖', '附件5 未能读取'],
      ['值班空档', '附件5 未能读取'],
      ['未归还', '无'],
    ]);
    // The paper table: nothing of 附件5 in it, every figure as read.
    expect(zh.rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3]);
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.unreadIntake, t.unreadLog, t.levels[2]]).toEqual([undefined, undefined, level('考点', 1, 6, 115, 108, 0)]);
  });
});

describe('附件4 分发登记表 not read (one session’s of three)', () => {
  it('rooms and copies handed out none, said at 分发考场; the vault’s figures as read; in every total', async () => {
    const { s, outcome } = await summaryOf('distribution');
    expect([s.unread, s.noIntake, s.noVault]).toEqual([[{ form: 'distribution', sheet: '分发登记1', cell: 'A2' }], false, false]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '附件4 未能读取', '附件4 未能读取', 0, 3]);
    expect(zh.totals.slice(15)).toEqual(['附件4 未能读取', '附件4 未能读取', 0, 6]);
    expect(zh.facts[0]).toEqual(['未能读取', '附件4 分发登记表未能读取（见工作表“分发登记1”A2 处的问题），分发考场和份数无从计算']);
    const row = rowOf(SITE_COLUMNS, outcome);
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(['checkouts', 'rooms', 'coverage', 'note'].map(at)).toEqual([
      3,
      'unreadRegister',
      1,
      '附件4 分发登记表未能读取（见工作表“分发登记1”A2 处的问题），分发考场和份数无从计算',
    ]);
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.unreadIntake, t.unreadLog, t.levels[2], noneLinesOf(t, 'zh')]).toEqual([undefined, undefined, level('考点', 1, 6, 115, 108, 0), []]);
  });
});
