/**
 * The outside review's round 6 (test/fixtures/review6/), D1, D6 and D7.
 * D1: a paper's spare bag on a row of its own (“计算机应用基础（备用卷）”) was taken for another name of the paper.
 * D6: English messages carried Chinese units (“(2 袋)”).
 * D7: a send-back's mismatch pointed at the send-back's first row, not the paper whose bags differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW6 = path.join(__dirname, '..', 'fixtures', 'review6');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW6, `${name}.json`), 'utf8')) as SiteData;
const findingsOf = async (data: SiteData) => validateSite(await modelOf(await fillWorkbook(data)));

describe('D1: a spare bag (备用卷) on a row of its own is the same paper', () => {
  const SPARE_ROWS = 'u-zhijiang-spare-rows-kaodian';
  const spareRow = (data: SiteData) => (data.intake as Intake[])[0].items![1];

  test('u-zhijiang-spare-rows-kaodian (“计算机应用基础（备用卷）” on 入库清单 and 出入库记录): no finding', async () => {
    expect((await findingsOf(site(SPARE_ROWS))).map(brief)).toEqual([]);
  });

  test.each(['计算机应用基础备用卷', '计算机应用基础(备用)', '计算机应用基础 备用', '计算机应用基础（备份卷）', '计算机应用基础（A卷）（备用卷）'])(
    'the spare written %p: no finding',
    async (name) => {
      const data = site(SPARE_ROWS);
      spareRow(data).paperName = name;
      expect((await findingsOf(data)).map(brief)).toEqual([]);
    },
  );

  test('a spare row under another name still warns, quoting the paper’s name bare', async () => {
    const data = site(SPARE_ROWS);
    spareRow(data).paperName = '计算机应用（备用卷）';
    expect((await findingsOf(data)).map(brief)).toEqual([
      'paper-name-mismatch 入库清单1!C5 row 2: 试卷号 1304 在这里写作“计算机应用（备用卷）”，而其他表（入库清单、考试安排、出入库记录、分发登记表）写作“计算机应用基础”。同一试卷号的名称应一致，请核对是试卷号还是名称写错了。',
    ]);
  });
});
