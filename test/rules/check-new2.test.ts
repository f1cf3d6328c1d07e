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
