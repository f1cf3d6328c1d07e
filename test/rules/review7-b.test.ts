/**
 * The outside review's round 7 (test/fixtures/review7/), D1: 岳阳分校 received 5 bags for 平江考点 (交接单1, 试卷归属),
 * took in 1304 × 5, but its sheet to 平江 (交接单3) and its vault rows say 1304 × 2: 4 bags went on, 1 stayed in the
 * vault. Checked alone the 分校 showed nothing. dispatch-without-handover now says it at 交接单3's 合计.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW7 = path.join(__dirname, '..', 'fixtures', 'review7');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW7, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData, lang: 'zh' | 'en' = 'zh') => validateSite(await modelOf(await fillWorkbook(data)), { lang });

const PLANTED = 'w-yueyang-fenxiao-planted-pingjiang-short';

describe('D1: bags received for a 考点 not all handed on to it', () => {
  test('the planted 分校 alone: one finding at 交接单3’s 合计, naming the sheets, the counts and the bag left in the vault', async () => {
    const findings = await findingsOf(site(PLANTED));
    expect(findings.map(tuple)).toEqual([['dispatch-without-handover', 1, '交接单3', 'D17', null]]);
    expect(findings.map(brief)).toEqual([
      'dispatch-without-handover 交接单3!D17 row null: 湖南分部的交接单（交接单1）上试卷归属平江考点的共 5 袋，而交给平江考点的交接单（交接单3）上只有 4 袋；按入库清单和出入库记录，保密室里还留有试卷 1304 1 袋。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单和出入库记录的数量；若确有试卷留在保密室，请尽快交给平江考点，它离开保密室之前须昼夜值班。',
    ]);
    expect(findings[0].severity).toBe('error');
  });

  test('in English', async () => {
    const findings = await findingsOf(site(PLANTED), 'en');
    expect(findings.map((f) => f.message)).toEqual([
      'The sheets from 湖南分部 (交接单1) bring 5 bags for 平江考点 (试卷归属), but the sheets handing papers to 平江考点 (交接单3) carry only 4 bags; by the intake list and the vault log the vault still holds 1 bag of 1304. Papers received for a unit all go on to it, on a handover sheet signed by both sides: check the counts on this sheet and the vault log; if bags did stay in the vault, hand them to 平江考点 soon and keep the vault on duty day and night until they leave.',
    ]);
  });

  test('with no vault log the sheets are the only record: said without the bags kept', async () => {
    const data = site(PLANTED);
    delete data.vaultLog;
    const findings = await findingsOf(data);
    expect(findings.filter((f) => f.rule === 'dispatch-without-handover').map(brief)).toEqual([
      'dispatch-without-handover 交接单3!D17 row null: 湖南分部的交接单（交接单1）上试卷归属平江考点的共 5 袋，而交给平江考点的交接单（交接单3）上只有 4 袋。收到的试卷须按试卷归属全部交给该单位，双方签写附件1：请核对这张交接单的数量；若确有试卷留下，请查明去向并尽快交给平江考点。',
    ]);
  });

  test('the vault log sent all 5 bags out: the sheet is compared with the dispatch (bags), not said twice', async () => {
    const data = site(PLANTED);
    data.vaultLog![3].quantity = 3;
    const findings = await findingsOf(data);
    expect(findings.map(tuple)).toEqual([['dispatch-without-handover', 3, '出入库记录', 'D7', 4]]);
    expect(findings[0].message).toContain('交接单（交接单3）上是 4 袋');
  });

  test('the correct chain stays silent: 湖南分部, both 分校, the three 考点', async () => {
    for (const name of ['w-hunan-shengxiao', 'w-yueyang-fenxiao', 'w-changde-fenxiao', 'w-huarong-kaodian', 'w-pingjiang-kaodian', 'w-taoyuan-kaodian']) {
      expect([name, (await findingsOf(site(name))).map(brief)]).toEqual([name, []]);
    }
  });

  test('the 省校 handing a 分校 fewer bags than the printer’s sheet brought for it is said the same way', async () => {
    const data = site('w-hunan-shengxiao');
    const toYueyang = data.handovers!.findIndex((h) => h.from === '湖南分部' && h.to === '岳阳分校');
    const sheet = data.handovers![toYueyang];
    sheet.items![0].quantity = Number(sheet.items![0].quantity) - 1;
    sheet.total = Number(sheet.total) - 1;
    // The vault log agrees with the sheet: 1304 × 4 went out of 5 taken in.
    data.vaultLog![0].quantity = 4;
    const findings = await findingsOf(data);
    expect(findings.filter((f) => f.rule === 'dispatch-without-handover').map((f) => f.message)).toEqual([
      expect.stringMatching(/^湖南省新华印刷厂的交接单（交接单1）上试卷归属岳阳分校的共 9 袋，而交给岳阳分校的交接单（交接单2）上只有 8 袋/),
    ]);
  });
});
