/**
 * The outside review's round 7 (test/fixtures/review7/), D2 and D3: names.
 * D2: a compound surname signed with a space (`欧阳 明`, roster 欧阳明) was read as two people, “欧阳” and “明”.
 * D3: two people of one name on a roster, a 考务人员 王芳 and a 监考人员 王芳: the clerk fetching papers was taken for
 * the proctor (proctor-takes-papers), and checked with the 分校’s workbook the 分校 was faulted for the 考点’s roster.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Finding } from '../../src/model/finding';
import type { SiteModel } from '../../src/model/site-model';
import type { Intake, SiteData, StaffMember } from '../../src/model/types';
import { slimModel } from '../../src/check/service';
import { validateAcross, validateSite } from '../../src/rules/engine';
import { modelOf } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW7 = path.join(__dirname, '..', 'fixtures', 'review7');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW7, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));
/** A finding as the officer reads it: rule, severity, where, what. */
const whole = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];

const NAMES = 'x-huarong-names-kaodian';

/** The one warning x-huarong-names-kaodian earns: its two 王芳, the clerk who fetched papers (rows 1, 3) and a proctor. */
const WANGFANG = [
  'roster-namesakes',
  'warning',
  '涉卷人员',
  'B12',
  '涉卷人员名单上有 2 人同名“王芳”（B4、B12），其中有“监考人员”，也有不是监考人员的。出入库记录上“王芳”取卷、还卷的签字（第 1、3 行）分不清是哪一位，暂不按监考人员领卷论。请核对是哪一位：若是监考人员，须改由考务人员领卷、还卷；若不是，请在名单和签字处把同名的人写得能区分开，如“王芳1”“王芳2”（括号里的部门、职务不算名字，分不开两人）。',
];

describe('D2: a compound surname, a space, the given name: one person', () => {
  test('x-huarong-names-kaodian: 负责人 `欧阳 明` (roster 欧阳明) is no one off the roster; only D3’s warning is left', async () => {
    expect((await findingsOf(site(NAMES))).map(whole)).toEqual([WANGFANG]);
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

describe('D3: a proctor’s namesake in other roles fetches papers: a warning at the roster, no error, in no workbook', () => {
  test('x-huarong-names-kaodian in English: the warning says what to do', async () => {
    const model = await modelOf(await fillWorkbook(site(NAMES)));
    expect(validateSite(model, { lang: 'en' }).map(whole)).toEqual([
      [
        'roster-namesakes',
        'warning',
        '涉卷人员',
        'B12',
        'The roster lists 2 people named "王芳" (B4, B12): one is "监考人员", a proctor, another is not. The vault log\'s signatures of "王芳" taking or returning papers (Nos. 1, 3) cannot be told apart, so they are not judged a proctor\'s for now. Check who it was: a proctor must leave fetching and returning papers to exam-affairs staff; if it was not the proctor, write the namesakes apart on the roster and where they sign, e.g. "王芳1" and "王芳2" (a department or title in brackets is no part of the name and does not tell them apart).',
      ],
    ]);
  });

  test('the planted copy: its two planted errors and the warning, nothing of the clerk 王芳 as a proctor', async () => {
    expect((await findingsOf(site(`${NAMES}-planted`))).map(whole)).toEqual([
      WANGFANG,
      [
        'same-person',
        'error',
        '出入库记录',
        'G6',
        '“卷库保管员出库签字”和“取卷人”是同一个人（王芳）。出入库须两人当面交接（双人双锁），请由另一名保管员签字。',
      ],
      [
        'staff-not-on-roster',
        'error',
        '值班记录1',
        'D11',
        '签字人“欧阳名”不在涉卷人员名单上。本单位签字的涉卷人员须经遴选、列入名单并签订保密承诺书，请把此人补入名单或核对签字。',
      ],
    ]);
  });

  test('written apart as the warning asks (the clerk 王芳1 on the roster and wherever she signs): no finding', async () => {
    const data = site(NAMES);
    const clerk = '王芳1';
    (data.staff as StaffMember[])[1].name = clerk;
    data.handovers![0].toSigners![0] = clerk;
    for (const row of [0, 2]) Object.assign(data.vaultLog![row], { taker: clerk, returner: clerk });
    for (const d of data.distributions!) d.issuer = clerk;
    data.duty!.shifts![0].handedOverBy = clerk;
    // The proctor 王芳 still collects room 02's papers (分发登记), as herself.
    expect(data.distributions![0].rows![1].collector).toBe('王芳');
    expect((await findingsOf(data)).map(whole)).toEqual([]);
  });

  test('one 王芳 on the roster, the proctor, who fetches papers: the errors as before, no warning', async () => {
    const data = site(NAMES);
    (data.staff as StaffMember[]).splice(1, 1);
    const proctor = '取卷人“王芳”在涉卷人员名单上是“监考人员”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。';
    expect((await findingsOf(data)).map(whole)).toEqual([
      ['proctor-takes-papers', 'error', '出入库记录', 'E4', proctor],
      ['proctor-takes-papers', 'error', '出入库记录', 'E6', proctor],
    ]);
  });

  test('one person on two rows, each a proctor (监考员, 监考人员): a proctor, no warning', async () => {
    const data = site(NAMES);
    (data.staff as StaffMember[])[1].roles = ['监考员'];
    const proctor = '取卷人“王芳”在涉卷人员名单上是“监考员”。监考人员不得到保密室领卷，须由考务人员领取，请核对取卷人。';
    expect((await findingsOf(data)).map(whole)).toEqual([
      ['proctor-takes-papers', 'error', '出入库记录', 'E4', proctor],
      ['proctor-takes-papers', 'error', '出入库记录', 'E6', proctor],
    ]);
  });

  test.each([
    ['full models', (m: SiteModel) => m],
    ['slim models (summary)', (m: SiteModel) => slimModel(m)],
  ])('with 岳阳分校’s workbook (%s): no error on either, the 考点’s warning once', async (_, as) => {
    const out = validateAcross([
      { id: 'yueyang', model: as(await modelOf(await fillWorkbook(site('w-yueyang-fenxiao')))), file: '/收齐/岳阳分校.xlsx' },
      { id: 'huarong', model: as(await modelOf(await fillWorkbook(site(NAMES)))), file: '/收齐/华容考点.xlsx' },
    ]);
    expect([...out].map(([id, findings]) => [id, findings.map(whole)])).toEqual([
      ['yueyang', []],
      ['huarong', []],
    ]);
  });
});
