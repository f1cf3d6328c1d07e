/**
 * check-new2: sites built to catch this stop's new behaviours misjudging (test/fixtures/check-new2/, README).
 * N1: a time written beside a signer as people write it (刘洋 8点半, 李娜 1。10, 刘洋 1.10下午, 李娜 1月10日 下午,
 * 刘洋 十点四十五) was read as a second signer not on the roster; the date forms alone were known.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { peopleIn } from '../../src/model/people';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';
import type { Finding } from '../../src/model/finding';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'check-new2');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));
/** A finding whole: severity, rule, sheet, cell, row and message. */
const whole = (f: Finding) => `${f.severity} ${brief(f)}`;

describe('N1: a time beside a signer’s name', () => {
  test.each([
    ['刘洋 8点半', ['刘洋']],
    ['李娜 1。10', ['李娜']],
    ['李娜1。10', ['李娜']],
    ['刘洋 1.10下午', ['刘洋']],
    ['刘洋1.10下午', ['刘洋']],
    ['李娜 1月10日 下午', ['李娜']],
    ['李娜 10日晚', ['李娜']],
    ['刘洋 十点四十五', ['刘洋']],
    ['下午 李娜', ['李娜']],
    // Still two people, and still names: a dated signer then another; a name with 晚 or 早 in it.
    ['李娜 1.11 周八', ['李娜', '周八']],
    ['李娜 下午 王磊', ['李娜', '王磊']],
    ['晚晴', ['晚晴']],
    ['王芳2', ['王芳2']],
  ])('%s → %j', (cell, people) => {
    expect(peopleIn(cell)).toEqual(people);
  });

  test('n1-xinning-signer-times-kaodian: no finding', async () => {
    expect((await findingsOf(site('n1-xinning-signer-times-kaodian'))).map(whole)).toEqual([]);
  });

  test('n1-xinning-signer-times-kaodian-planted: only the second signer after a date (李娜 1.11 周八)', async () => {
    expect((await findingsOf(site('n1-xinning-signer-times-kaodian-planted'))).map(whole)).toEqual([
      'error staff-not-on-roster 出入库记录!G4 row 1: 签字人“周八”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
    ]);
  });
});

/*
 * N2: a 补考 of the same 试卷号. The bags rule read only checkouts in 袋: the first session's checkout written in 份
 * (62份: its two bags' 57 and the 补考 bag's 5) took the 补考's bag out unseen.
 */
describe('N2: a later session’s bag taken with the first', () => {
  test.each(['n2-dongkou-samepaper-own-delivery-kaodian', 'n2-dongkou-samepaper-bags-shared-kaodian'])('%s: no finding', async (name) => {
    expect((await findingsOf(site(name))).map(whole)).toEqual([]);
  });

  test('n2-dongkou-samepaper-copies-kaodian-planted: the 62份 checkout, said in copies', async () => {
    expect((await findingsOf(site('n2-dongkou-samepaper-copies-kaodian-planted'))).map(whole)).toEqual([
      'error checkout-window 出入库记录!D4 row 1: 试卷 1304 在 1月11日 08:10 领出后，1月11日 09:00 开考时共有 62 份在外。这份试卷 1月18日 09:00 还要再考一场（5 人），按入库清单的袋数，这一场最多领 57 份，其余整袋须留在保密室给那一场。须考一场、领一场，不能把后面场次的试卷和前一场一起领出，请核对领出份数。',
    ]);
  });

  test('the same in 份, 57份 (the first session’s two bags): no finding', async () => {
    const data = site('n2-dongkou-samepaper-copies-kaodian-planted');
    data.vaultLog![0].quantity = 57;
    expect((await findingsOf(data)).map(whole)).toEqual([]);
  });
});

describe('N3: the same 试卷号’s 补考 without its 分发登记', () => {
  test('n3-dongkou-samepaper-no-register-kaodian-planted: said at the 补考’s own checkout (B6)', async () => {
    expect((await findingsOf(site('n3-dongkou-samepaper-no-register-kaodian-planted'))).map(whole)).toEqual([
      'error session-without-register 出入库记录!B6 row 3: 试卷 1304 在 1月18日 08:10 出库，供 1月18日 09:00 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。',
    ]);
  });
});

describe('N4, N7: one delivery over two lists; a 合计 in words (held, no defect found)', () => {
  test.each(['n4-longhui-sameday-unnamed-kaodian', 'n4-longhui-sameday-unnamed-late-kaodian', 'n7-dongkou-total-words-kaodian'])(
    '%s: no finding',
    async (name) => {
      expect((await findingsOf(site(name))).map(whole)).toEqual([]);
    },
  );

  test('n7-dongkou-total-words-kaodian-planted: 四袋 for 5 bags', async () => {
    expect((await findingsOf(site('n7-dongkou-total-words-kaodian-planted'))).map(whole)).toEqual([
      'error column-total 交接单!D17 row null: “合计”写的是 4，但上面各行相加是 5。合计须等于本栏各行之和，请核对后改正。',
    ]);
  });
});
