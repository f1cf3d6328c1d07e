/**
 * The outside review's round 6 (test/fixtures/review6/), D8: a paper sat once whose checkout took its 备用卷 out with
 * the exam bags (5501: 62 candidates, 2×31 and a 5份装 spare the handover's 备注 names, “5501（含备用卷1袋）”; 3 bags
 * out at 08:10) was said nowhere. 000 二.6: the spare stays in the vault unless its use was approved. spare-bag-out
 * warns at the checkout's count; a 备注 beside the row saying the spare's use was approved silences it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import type { Finding } from '../../src/model/finding';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf, tuple } from './shape-sites';
import { typeInto } from './tester';

jest.setTimeout(120_000);

const REVIEW6 = path.join(__dirname, '..', 'fixtures', 'review6');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW6, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData, retype?: (g: WorkbookGrid) => void, lang: 'zh' | 'en' = 'zh') =>
  validateSite(await modelOf(await fillWorkbook(data), retype), { lang });
const spare = (f: Finding) => f.rule === 'spare-bag-out';
const others = (fs: Finding[]) => fs.filter((f) => !spare(f)).map(brief);

/** A 备注 column kept right of 附件3's 单位 (L), with `note` on the row of 出入库记录 row `row`. */
const noteBeside = (row: number, note: string) => (g: WorkbookGrid) => {
  typeInto(g, '出入库记录', 'L3', '备注');
  typeInto(g, '出入库记录', `L${row}`, note);
};

const ZH_5501 =
  'spare-bag-out 出入库记录!D8 row 5: 试卷 5501 在 1月10日 08:10 领出后共 3 袋在外，而按交接单备注，这份试卷的 3 袋中有 1 袋是备用卷，考试用卷只有 2 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。';

describe('D8: a spare bag taken out with the exam bags', () => {
  test('u-zhijiang-3days-daily-kaodian-planted: spare-bag-out at 5501’s checkout count D8, beside the two planted findings', async () => {
    const findings = await findingsOf(site('u-zhijiang-3days-daily-kaodian-planted'));
    expect(findings.map(tuple)).toEqual([
      ['intake-before-receipt', 2, '入库清单3', 'C17', null],
      ['spare-bag-out', 3, '出入库记录', 'D8', 5],
      ['dispatch-without-handover', 3, '出入库记录', 'D14', 11],
    ]);
    expect(findings.filter(spare).map(brief)).toEqual([ZH_5501]);
    expect(findings.filter(spare)[0].severity).toBe('warning');
  });

  test('in English: which paper, bags out, bags the exam takes, the spare stays unless approved, what to do', async () => {
    const findings = await findingsOf(site('u-zhijiang-3days-daily-kaodian-planted'), undefined, 'en');
    expect(findings.filter(spare).map((f) => f.message)).toEqual([
      'After the checkout of paper 5501 at Jan 10 08:10, 3 bags were out, but by the handover’s remarks 1 of this paper’s 3 bags are spare (备用卷): the exam takes 2. The spare stays in the vault unless the chief examiner asked and its use was approved; if it was, note the approval in this row’s 备注 (remarks), otherwise check the count of bags.',
    ]);
  });

  test('a 备注 beside the checkout saying the spare’s use was approved: no spare-bag-out, nothing else changed', async () => {
    const planted = site('u-zhijiang-3days-daily-kaodian-planted');
    const before = others(await findingsOf(planted));
    for (const note of ['备用卷启用', '经主考请示批准']) {
      const findings = await findingsOf(planted, noteBeside(8, note));
      expect(findings.filter(spare)).toEqual([]);
      expect(others(findings)).toEqual(before);
    }
  });

  test('a 备注 beside it that says something else does not silence it', async () => {
    const findings = await findingsOf(site('u-zhijiang-3days-daily-kaodian-planted'), noteBeside(8, '已核对'));
    expect(findings.filter(spare).map(brief)).toEqual([ZH_5501]);
  });

  test('the correct sites stay silent: 3 days daily (spares named in the handovers), spare rows of their own', async () => {
    expect((await findingsOf(site('u-zhijiang-3days-daily-kaodian'))).map(brief)).toEqual([]);
    expect((await findingsOf(site('u-zhijiang-spare-rows-kaodian'))).filter(spare)).toEqual([]);
  });

  test('spare rows of their own (入库清单 “大学英语（备用卷）”): 3 bags of 5501 out is said by the marked rows', async () => {
    const data = site('u-zhijiang-spare-rows-kaodian');
    const before = others(await findingsOf(data));
    data.vaultLog![4].quantity = 3;
    const findings = await findingsOf(data);
    expect(findings.filter(spare).map(brief)).toEqual([
      'spare-bag-out 出入库记录!D8 row 5: 试卷 5501 在 1月10日 08:10 领出后共 3 袋在外，而入库清单上这份试卷的考试用卷只有 2 袋，另 1 袋是备用卷。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。',
    ]);
    expect(others(findings)).toEqual(before);
  });

  test('no finding where nothing tells a spare apart: the planted site with no word of 备用卷 anywhere', async () => {
    const data = site('u-zhijiang-3days-daily-kaodian-planted');
    for (const h of data.handovers!) {
      for (const item of h.items ?? []) delete item.note;
      h.fromOpinion = '同意移交';
    }
    for (const list of data.intake as { description?: string }[]) list.description = '与交接单一致，密封完好';
    expect((await findingsOf(data)).filter(spare)).toEqual([]);
  });

  test('no finding where the candidates need the “spare” (5501 given 66 candidates: 2×31 do not cover them)', async () => {
    const data = site('u-zhijiang-3days-daily-kaodian-planted');
    data.schedule!.find((s) => s.paperNo === '5501')!.candidates = 66;
    expect((await findingsOf(data)).filter(spare)).toEqual([]);
  });
});
