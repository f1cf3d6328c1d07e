/**
 * A 分校 that takes back its 考点's papers after each session on their own 入库清单 (as 使用说明 tells it to,
 * the outside review's D7, test/fixtures/review/h-*): the papers coming back down the chain are no new stock.
 * Its bags and copies are what came from above, 3 bags / 68 copies, as its 考点's are; the bags taken back are
 * in the vault again.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SiteData } from '../../src/model/types';
import { consolidateModels } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import { PAPER_COLUMNS, paperTotals } from '../../src/summary/tables-site';
import { plainHeader, rowOf } from '../../src/summary/columns';
import { modelOf } from '../rules/tester';
import { level, none } from './levels';

const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review', `${name}.json`), 'utf8')) as SiteData;

describe('papers a 考点 sends back are not counted again as its 分校’s stock', () => {
  it('长沙分校 per paper: the bags from above, the bags taken back, the bags in the vault', () => {
    const s = summarizeSite(modelOf(site('h-changsha-per-session-fenxiao')));
    const figures = s.papers.map((p) => [p.paperNo, p.bags.totalBags, p.copies, p.spareCopies, p.bagsDispatched, p.bagsTakenBack, p.bagsInVault]);
    expect(figures).toEqual([
      ['1001', 2, 42, 2, 2, 2, 2],
      ['2045', 1, 26, 1, 1, 1, 1],
    ]);
    expect(s.totals.bags.totalBags).toBe(3);
    expect(s.totals.copies).toBe(68);
  });

  it('the paper table shows the bags taken back beside those sent on, and in its 合计 row', () => {
    const s = summarizeSite(modelOf(site('h-changsha-per-session-fenxiao')));
    const at = PAPER_COLUMNS.findIndex((c) => c.key === 'bagsTakenBack');
    expect(PAPER_COLUMNS[at - 1].key).toBe('bagsDispatched');
    // Its words marked where a printed header may break (下级/送回/袋数: columns.ts words()).
    expect(PAPER_COLUMNS[at].header).toEqual({ zh: '下级\u200b送回\u200b袋数', en: 'Bags taken back' });
    expect(plainHeader(PAPER_COLUMNS[at].header.zh)).toBe('下级送回袋数');
    expect(s.papers.map((p) => rowOf(PAPER_COLUMNS, p)[at])).toEqual([2, 1]);
    expect(paperTotals(s)[at]).toBe(3);
  });

  it('the 分校 and its 考点 together: 3 bags, 68 copies for 65 candidates at each level', () => {
    const t = consolidateModels([
      { file: 'h-changsha.xlsx', model: modelOf(site('h-changsha-per-session-fenxiao')) },
      { file: 'h-wangcheng.xlsx', model: modelOf(site('h-wangcheng-per-session-kaodian')) },
    ]).totals;
    expect(t.levels).toEqual([none('省校'), level('分校', 1, 3, 68, 65, 0), level('考点', 1, 3, 68, 65, 0), none(null)]);
  });
});

describe('duty is asked while a paper stays sealed in the vault, after the last checkout', () => {
  it('宁乡考点’s 4405 never taken out: custody runs to its session’s end, and the night before it is a gap', () => {
    const d = site('a-ningxiang-evening-kaodian');
    d.vaultLog = (d.vaultLog ?? []).filter((r) => r.paperNo !== '4405');
    d.distributions = (d.distributions ?? []).filter((x) => x.start !== '2025-01-12T09:00');
    d.duty!.shifts!.splice(11, 1);
    const { duty } = summarizeSite(modelOf(d));
    expect(duty).toMatchObject({
      custodyStart: '2025-01-06T16:30',
      custodyEnd: '2025-01-12T10:30',
      gaps: [{ from: '2025-01-11T20:00', to: '2025-01-12T08:00', hours: 12 }],
    });
  });
});
