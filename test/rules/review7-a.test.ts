/**
 * The outside review's round 7 (test/fixtures/review7/), D2 and D3: names.
 * D2: a compound surname signed with a space (`欧阳 明`, roster 欧阳明) was read as two people, “欧阳” and “明”.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Finding } from '../../src/model/finding';
import type { Intake, SiteData, StaffMember } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { modelOf } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW7 = path.join(__dirname, '..', 'fixtures', 'review7');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW7, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));
/** A finding as the officer reads it: rule, severity, where, what. */
const whole = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

const NAMES = 'x-huarong-names-kaodian';

describe('D2: a compound surname, a space, the given name: one person', () => {
  test('x-huarong-names-kaodian: 负责人 `欧阳 明` (roster 欧阳明) is no one off the roster', async () => {
    const findings = await findingsOf(site(NAMES));
    expect(findings.filter((f) => f.rule === 'staff-not-on-roster').map(whole)).toEqual([]);
  });

  test('`司马 林` as 入库清单’s keeper (roster 司马林, 卷库保管员) is the keeper', async () => {
    const data = site(NAMES);
    const before = (await findingsOf(data)).map(whole);
    (data.staff as StaffMember[]).push({ ...(data.staff as StaffMember[])[3], name: '司马林' });
    (data.intake as Intake[])[0].keeper = '司马 林';
    expect((await findingsOf(data)).map(whole)).toEqual(before);
  });

  test('a compound surname alone before a whole name is still two signers: `欧阳 王小明` names 欧阳 off the roster', async () => {
    const data = site(NAMES);
    (data.intake as Intake[])[0].keeper = '欧阳 王小明';
    const notOnRoster = (name: string) =>
      `签字人“${name}”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。`;
    expect((await findingsOf(data)).filter((f) => f.rule === 'staff-not-on-roster').map(whole)).toEqual([
      ['staff-not-on-roster', 'error', '入库清单', 'D18', notOnRoster('欧阳')],
      ['staff-not-on-roster', 'error', '入库清单', 'D18', notOnRoster('王小明')],
    ]);
  });
});
