/**
 * A 试卷号 typed with a spare bag's mark — “1304备用”, “1304（备用）”, “1304(备用卷)”, “1304备” — names paper 1304's
 * 备用卷, as a name's mark does (model/paper-code.ts): not another paper. Before, a vault row so coded was an
 * unknown paper, an 入库清单 row so coded took its bag from 1304's (overdraw on 1304's send-back), and a spare
 * told only by its code was no spare to spare-bag-out (overdraw said instead).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const SPARE_ROWS = path.join(__dirname, '..', 'fixtures', 'review6', 'u-zhijiang-spare-rows-kaodian.json');
/** The correct site whose spare bags are rows of their own: 入库清单 items[1] of list 1 is 1304's spare, vault row 12 its send-back. */
const site = (): SiteData => JSON.parse(fs.readFileSync(SPARE_ROWS, 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)), { lang: 'zh' });
type Item = { paperNo?: string; paperName?: string };
const intakeItem = (d: SiteData, list: number, item: number) => (d.intake as { items: Item[] }[])[list].items[item];

const MARKED = ['1304备用', '1304（备用）', '1304(备用卷)', '1304备'];

describe('a 试卷号 with a spare mark is the paper’s spare bag', () => {
  test.each(MARKED)('the spare’s send-back row coded %p (name unmarked): no finding (was unknown-paper at B16)', async (code) => {
    const d = site();
    Object.assign(d.vaultLog![12], { paperNo: code, paperName: '计算机应用基础' });
    expect((await findingsOf(d)).map(brief)).toEqual([]);
  });

  test.each(MARKED)(
    'the spare’s 入库清单 row and send-back coded %p, names unmarked: no finding (1304’s own spare now, not a paper of its own)',
    async (code) => {
      const d = site();
      Object.assign(intakeItem(d, 0, 1), { paperNo: code, paperName: '计算机应用基础' });
      Object.assign(d.vaultLog![12], { paperNo: code, paperName: '计算机应用基础' });
      expect((await findingsOf(d)).map(brief)).toEqual([]);
    },
  );

  test('the spare’s 入库清单 row coded 1304（备用）, its name marked too: no finding (was overdraw at 1304’s send-back D16)', async () => {
    const d = site();
    intakeItem(d, 0, 1).paperNo = '1304（备用）';
    expect((await findingsOf(d)).map(brief)).toEqual([]);
  });

  test('5501’s spare told only by its code (“5501备用”, no handover 备注): 3 bags out is spare-bag-out, not overdraw', async () => {
    const d = site();
    for (const h of d.handovers!) for (const item of h.items ?? []) delete item.note;
    Object.assign(intakeItem(d, 2, 1), { paperNo: '5501备用', paperName: '大学英语' });
    d.vaultLog![16].paperNo = '5501备用';
    d.vaultLog![4].quantity = 3;
    const findings = await findingsOf(d);
    expect(findings.map(tuple)).toEqual([['spare-bag-out', 3, '出入库记录', 'D8', 5]]);
    expect(findings.map(brief)).toEqual([
      'spare-bag-out 出入库记录!D8 row 5: 试卷 5501 在 1月10日 08:10 领出后共 3 袋在外，而入库清单上这份试卷的考试用卷只有 2 袋，另 1 袋是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
    ]);
  });

  test('a real other number stays another paper: the send-back row coded 13041 is unknown-paper', async () => {
    const d = site();
    d.vaultLog![12].paperNo = '13041';
    expect((await findingsOf(d)).map(tuple)).toEqual([['unknown-paper', 3, '出入库记录', 'B16', 13]]);
  });

  test('the site summary counts the code-marked spare row in paper 1304: 4 袋 67 份, six papers', async () => {
    const d = site();
    Object.assign(intakeItem(d, 0, 1), { paperNo: '1304备用', paperName: '计算机应用基础' });
    const summary = summarizeSite(await modelOf(await fillWorkbook(d)));
    expect(summary.papers.map((p) => p.paperNo)).toEqual(['1304', '2216', '3307', '4405', '5501', '6602']);
    expect(summary.papers[0]).toMatchObject({ copies: 67, bags: { bags31: 1, bags26: 1, bags11: 0, bags5: 2, totalBags: 4 } });
  });
});
