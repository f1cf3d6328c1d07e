/**
 * The outside review's round 5 (test/fixtures/review5/), D1 and D3.
 * D1: a date written after a signer's name (李娜 1.10, 刘洋 1月11日) was read as a second signer, “1·10” not on the
 * roster (its dot taken for a name's middle dot): the signer is the name, the date when they signed.
 * D3: with the 补考 session's 分发登记 missing, the finding for 6602 sat on its misplaced 1月11日 checkout (B5, already
 * checkout-window's) instead of the 补考's own checkout that day (B8).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { copyFields, differingFields } from '../../src/model/pairing';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW5 = path.join(__dirname, '..', 'fixtures', 'review5');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW5, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));

describe('D1: a date after a signer’s name', () => {
  test('s-xinning-signer-notes-kaodian (李娜 1.10, 刘洋 1.11, 刘洋 1月11日 as signed): no finding', async () => {
    expect((await findingsOf(site('s-xinning-signer-notes-kaodian'))).map(brief)).toEqual([]);
  });

  test('a cell holding only a date is quoted as written: “1.10”, not “1·10”', async () => {
    const data = site('s-xinning-signer-notes-kaodian');
    (data.intake as Intake[])[0].keeper = '1.10';
    expect((await findingsOf(data)).map(brief)).toEqual([
      'staff-not-on-roster 入库清单!D18 row null: 签字人“1.10”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
    ]);
  });

  test('a date beside someone not on the roster still names them: 王五 1.10 is 王五, once', async () => {
    const data = site('s-xinning-signer-notes-kaodian');
    (data.intake as Intake[])[0].keeper = '王五 1.10';
    expect((await findingsOf(data)).map(tuple)).toEqual([['staff-not-on-roster', 2, '入库清单', 'D18', null]]);
  });

  test('the two copies of a handover pair alike whether a signer added the date or not', () => {
    const copy = (toSigners: string[]) => copyFields({ time: '2025-01-10T15:00', from: '邵阳分校', to: '新宁考点', fromSigners: ['张伟'], toSigners });
    expect(differingFields(copy(['李娜 1.10', '刘洋（考务主任）']), copy(['刘洋', '李娜']))).toEqual([]);
    expect(differingFields(copy(['李娜 1.10']), copy(['李娜', '刘洋']))).toEqual(['toSigners']);
  });
});

describe('D3: a 补考 session without its 分发登记', () => {
  const none = (paper: string, taken: string, cell: string, row: number) =>
    `session-without-register 出入库记录!${cell} row ${row}: 试卷 ${paper} 在 ${taken} 出库，供 1月18日 09:00 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。`;

  test('s-dongkou-makeup-kaodian-planted: each 补考 paper said at its checkout on 1月18日 (B7, B8); the misplaced B5 is checkout-window’s', async () => {
    const findings = await findingsOf(site('s-dongkou-makeup-kaodian-planted'));
    expect(findings.map(tuple)).toEqual([
      ['checkout-window', 3, '出入库记录', 'F5', 2],
      ['session-without-register', 3, '出入库记录', 'B7', 4],
      ['session-without-register', 3, '出入库记录', 'B8', 5],
    ]);
    expect(findings.filter((f) => f.rule === 'session-without-register').map(brief)).toEqual([
      none('5501', '1月18日 08:10', 'B7', 4),
      none('6602', '1月18日 08:10', 'B8', 5),
    ]);
  });
});

describe('D2: a 补考 of the same 试卷号, its bag taken out with the first session (考一场，领一场)', () => {
  const BAGS =
    'checkout-window 出入库记录!D4 row 1: 试卷 1304 在 1月11日 08:10 领出后，1月11日 09:00 开考时共有 3 袋在外。这份试卷 1月18日 09:00 还要再考一场（5 人），这一场最多领 2 袋，其余须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出袋数。';
  const firstCheckout = (data: SiteData) => data.vaultLog![0];

  test('s-dongkou-makeup-samepaper-kaodian-planted: all 3 bags out on 1月11日, one finding at the count taken', async () => {
    expect((await findingsOf(site('s-dongkou-makeup-samepaper-kaodian-planted'))).map(brief)).toEqual([BAGS]);
  });

  test('the correct site (2 bags on 1月11日, the 5份装 bag on 1月18日): nothing', async () => {
    expect((await findingsOf(site('s-dongkou-makeup-samepaper-kaodian'))).map(brief)).toEqual([]);
  });

  test('bags that only cover both sessions together are the first session’s: 31+26+5 for 58 and 4, all out on 1月11日, nothing', async () => {
    const data = site('s-dongkou-makeup-samepaper-kaodian-planted');
    data.schedule![0].candidates = 58;
    data.schedule![2].candidates = 4;
    expect((await findingsOf(data)).map(brief)).toEqual([]);
  });

  test('the bags counted in copies (份): said in copies (check-new2 N2; was nothing)', async () => {
    const inCopies = site('s-dongkou-makeup-samepaper-kaodian-planted');
    firstCheckout(inCopies).unit = '份';
    firstCheckout(inCopies).quantity = 62;
    expect((await findingsOf(inCopies)).filter((f) => f.rule === 'checkout-window').map(tuple)).toEqual([['checkout-window', 3, '出入库记录', 'D4', 1]]);
  });

  test('the 补考’s candidates not given: nothing is said of bags', async () => {
    const noCount = site('s-dongkou-makeup-samepaper-kaodian-planted');
    delete noCount.schedule![2].candidates;
    expect((await findingsOf(noCount)).filter((f) => f.rule === 'checkout-window')).toEqual([]);
  });
});
