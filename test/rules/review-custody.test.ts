/**
 * Who holds which papers, at an examining 分校 and on the way back (the outside review's D6–D8,
 * test/fixtures/review/): each site filled into a real .xlsx, read back and validated; each planted mistake
 * gives exactly its finding (rule, form, sheet, cell, row), worded in Chinese and in English, and nothing else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { Tuple, brief, modelOf, tuple } from './shape-sites';

const REVIEW = path.join(__dirname, '..', 'fixtures', 'review');

function reviewSite(name: string): SiteData {
  return JSON.parse(fs.readFileSync(path.join(REVIEW, `${name}.json`), 'utf8')) as SiteData;
}

async function findings(name: string, lang: 'zh' | 'en' = 'zh', edit?: (d: SiteData) => void) {
  const data = reviewSite(name);
  edit?.(data);
  return validateSite(await modelOf(await fillWorkbook(data)), { lang });
}

interface Case {
  name: string;
  site: string;
  /** A further mistake planted on the fixture. */
  edit?: (d: SiteData) => void;
  expect: Tuple[];
  /** Words each finding's message must hold, in order (zh, en). */
  says?: Array<[zh: string, en: string]>;
}

/** 宁乡考点's 4405 (its session 1月12日 09:00) never taken out of the vault: no vault log row, no register. */
function sealed4405(d: SiteData): void {
  d.vaultLog = (d.vaultLog ?? []).filter((r) => r.paperNo !== '4405');
  d.distributions = (d.distributions ?? []).filter((x) => x.start !== '2025-01-12T09:00');
}

const CASES: Case[] = [
  {
    name: 'a sealed paper with 0 candidates still in the vault after the last checkout: the duty log ends with the checkouts, not with it',
    site: 'a-ningxiang-evening-kaodian',
    edit: (d) => {
      sealed4405(d);
      d.schedule![3].candidates = 0;
      d.duty!.shifts = d.duty!.shifts!.slice(0, 11);
    },
    expect: [['duty-gap', 5, '值班记录6', 'F3', 11]],
    says: [
      [
        '试卷 4405 入库后没有出库记录，仍封存在保密室，至少到它的考试结束（1月12日 10:30）；但值班记录到 1月11日 20:00 就结束了。',
        'Paper 4405 has no checkout after its intake: it stayed sealed in the vault at least until its session ended (Jan 12 10:30), but the duty log ends at Jan 11 20:00.',
      ],
    ],
  },
  {
    name: 'a later session’s paper not yet taken out: the night before its session is asked for, as every night papers are in the vault',
    site: 'a-ningxiang-evening-kaodian',
    edit: (d) => {
      sealed4405(d);
      d.duty!.shifts!.splice(11, 1);
    },
    expect: [['duty-gap', 5, '值班记录7', 'D3', 12]],
    says: [
      [
        '上一班到 1月11日 20:00 结束，这一班 1月12日 08:00 才开始，中间 12小时无人值班。',
        'The previous shift ends at Jan 11 20:00 and this one starts at Jan 12 08:00: 12 h unguarded.',
      ],
    ],
  },
  {
    name: 'an examining 分校’s own April exam papers never written back: not returned, not a dispatch',
    site: 'b-zhuzhou-planted-3-own-not-returned',
    expect: [['not-returned', 3, '出入库记录', 'I5', 2]],
    says: [['试卷 6001 于 4月19日 08:00 出库后没有还卷记录', 'Paper 6001']],
  },
  {
    name: 'that, an April sheet saying 3 bags where 2 left, and a checkout 90 minutes early: three findings',
    site: 'b-zhuzhou-planted-combined',
    expect: [
      ['dispatch-without-handover', 3, '出入库记录', 'D4', 1],
      ['not-returned', 3, '出入库记录', 'I5', 2],
      ['checkout-window', 3, '出入库记录', 'F10', 7],
    ],
  },
  {
    name: 'the April sheet saying 3 bags where 2 left, and no sheet for the June 15 dispatch: each found on its own',
    site: 'b-zhuzhou-planted-1-sheet-bags',
    edit: (d) => void d.handovers!.splice(5, 1),
    expect: [
      ['dispatch-without-handover', 3, '出入库记录', 'D4', 1],
      ['dispatch-without-handover', 3, '出入库记录', 'F9', 6],
    ],
    says: [
      ['在出入库记录上共 2 袋（第 1 行），而交接单（交接单2）上是 3 袋', '2 bags on the vault log (No. 1), but 3 bags'],
      ['试卷 3310 于 6月15日 07:30 出库下发（取卷人 谭军），但没有一张分校发给考点的纸质试卷交接单', 'Papers 3310 left the vault'],
    ],
  },
  {
    name: 'one 31-copy bag of 1001 from the province for 40 candidates, the 考点’s bags taken back on their own lists',
    site: 'h-changsha-planted-short',
    expect: [['copies-short', 2, '入库清单1', 'H4', 1]],
    says: [
      [
        '试卷 1001 入库 1 袋共 31 份（31×1+26×0+11×0+5×0），少于报考人数 40 人',
        'Paper 1001: 31 copies in 1 bag (31×1+26×0+11×0+5×0), fewer than the 40 candidates.',
      ],
    ],
  },
  {
    name: 'a 考点’s send-back sheet lists 4 + 1 bags where the vault log took out 5 + 1: one bag unaccounted for',
    site: 'c-xiangxiang-planted-3-sendback-short',
    expect: [['dispatch-without-handover', 3, '出入库记录', 'D6', 3]],
    says: [
      [
        '1月11日 16:20 出库送回湘潭分校的试卷在出入库记录上共 6 袋（第 3、4 行），而送回的交接单（交接单3）上是 5 袋',
        'to be sent back to 湘潭分校 are 6 bags on the vault log (Nos. 3, 4), but 5 bags on the sheet that sends them back',
      ],
    ],
  },
];

const CLEAN = [
  'b-zhuzhou-exam-fenxiao',
  'b-zhuzhou-sameday-fenxiao',
  'b-youxian-kaodian',
  'b-youxian-sameday-kaodian',
  'h-changsha-per-session-fenxiao',
  'h-wangcheng-per-session-kaodian',
  'c-xiangxiang-two-deliveries-kaodian',
];

describe('review shapes: custody at an examining 分校 and on the way back', () => {
  test.each(CLEAN)('correct %s: no finding', async (name) => {
    expect((await findings(name)).map(brief)).toEqual([]);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('planted: %s', async (_n, c) => {
    const zh = await findings(c.site, 'zh', c.edit);
    expect(zh.map(tuple)).toEqual(c.expect);
    const en = await findings(c.site, 'en', c.edit);
    expect(en.map(tuple)).toEqual(c.expect);
    for (const [k, [wordsZh, wordsEn]] of (c.says ?? []).entries()) {
      expect(zh[k].message).toContain(wordsZh);
      expect(en[k].message).toContain(wordsEn);
    }
  });
});
