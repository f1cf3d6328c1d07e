/**
 * school-not-sender (review round 10a D4): a 考点 whose 基本信息 names a 分校 from which none of its incoming
 * handovers came. Its valid/invalid table (tester.ts: a valid case gives no finding at all, an invalid one exactly
 * these), and the review fixtures: 桃源考点 naming 岳阳分校 (review10a), 醴陵考点 serving two 分校 (review2).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { readWorkbook } from '../../src/forms/workbook';
import { modelOf, ruleTester } from './tester';

const CLAUSE = '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（四）“试卷由分校（学院）分发给考点，双方签写附件1”';
const fixtures = path.join(__dirname, '..', 'fixtures');
const TAOYUAN = path.join(fixtures, 'review10a', 'xlsx', 't-taoyuan-wrong-fenxiao-planted.xlsx');

ruleTester('school-not-sender', {
  valid: [
    { name: '岳麓考点 names 长沙分校, its papers from 长沙分校' },
    { name: 'the 分校 written with the university before it', edit: (d) => void (d.site!.school = '湖南开放大学长沙分校') },
    { name: 'the sender written with the university before it', edit: (d) => void (d.handovers![0].from = '湖南开放大学长沙分校') },
    // 附件1 备注 1: the 分部 may send to a 考点 — then no 分校 sent anything, and none is contradicted.
    { name: 'papers from the 分部 only', edit: (d) => void (d.handovers![0].from = '湖南分部') },
    { name: 'a 分校’s own workbook is not judged', base: 'fenxiao' },
    { name: 'the 省校’s own workbook is not judged', base: 'shengxiao' },
  ],
  invalid: [
    {
      name: '基本信息 names 株洲分校, the papers came from 长沙分校: once, at 基本信息’s 分校',
      edit: (d) => void (d.site!.school = '株洲分校'),
      errors: [
        {
          messageId: 'other',
          form: 0,
          sheet: '基本信息',
          cell: 'B4',
          row: null,
          message:
            /^基本信息写的分校是“株洲分校”，但本考点的试卷都是从长沙分校接收的（交接单 A18），没有一张交接单来自“株洲分校”。汇总时本考点按基本信息列在“株洲分校”下。请核对：若本考点属于长沙分校，请把分校改成“长沙分校”；若确属“株洲分校”，请核对交接单的移交单位。$/,
        },
      ],
    },
  ],
});

describe('school-not-sender on whole workbooks', () => {
  const ofXlsx = async (file: string) => validateSite(readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))));

  it('review10a: 桃源考点 naming 岳阳分校, its only handover from 常德分校 — one warning at 基本信息 B4, nothing else', async () => {
    const found = await ofXlsx(TAOYUAN);
    expect(found.map(({ rule, severity, form, sheet, cell, row }) => ({ rule, severity, form, sheet, cell, row }))).toEqual([
      { rule: 'school-not-sender', severity: 'warning', form: 0, sheet: '基本信息', cell: 'B4', row: null },
    ]);
    expect(found[0].message).toBe(
      '基本信息写的分校是“岳阳分校”，但本考点的试卷都是从常德分校接收的（交接单 A18），没有一张交接单来自“岳阳分校”。汇总时本考点按基本信息列在“岳阳分校”下。请核对：若本考点属于常德分校，请把分校改成“常德分校”；若确属“岳阳分校”，请核对交接单的移交单位。',
    );
    expect(found[0].clause).toBe(CLAUSE);
    const [en] = validateSite(readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(TAOYUAN))), { lang: 'en' });
    expect(en.message).toBe(
      'The 分校 on 基本信息 is "岳阳分校", but this exam site received all its papers from 常德分校 (交接单 A18); no handover came from "岳阳分校". A summary lists this site under "岳阳分校", as 基本信息 says. Check: if this site belongs to 常德分校, correct the 分校 to "常德分校"; if it does belong to "岳阳分校", check the handovers’ sending unit.',
    );
  });

  it('review10a: the same 桃源考点 naming its own 分校 (常德分校) has no finding', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(fixtures, 'review7', 'w-taoyuan-kaodian.json'), 'utf8')) as SiteData;
    expect(validateSite(modelOf(data)).map((f) => f.rule)).toEqual([]);
  });

  it('review2: 醴陵考点 serving two 分校 (one of its senders the 分校 named) has no finding of this rule', () => {
    const dir = path.join(fixtures, 'review2');
    const liling = fs.readdirSync(dir).filter((f) => /^j-liling.*\.json$/.test(f));
    expect(liling.length).toBeGreaterThan(0);
    for (const f of liling) {
      const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SiteData;
      expect([f, validateSite(modelOf(data)).filter((x) => x.rule === 'school-not-sender')]).toEqual([f, []]);
    }
  });
});
