/**
 * The consolidated totals give the stock (bags, copies, candidates) per unit
 * level, never added across levels: a 分校's papers are those it passes on to
 * its 考点, the 省校's those it passes on to its 分校. Over the demo's 分校 and
 * its two 考点 the sum was 46 bags / 894 copies / 878 candidates, though the
 * 分校 received 23 bags / 447 copies for 439 candidates and handed them all down.
 */
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import type { SiteData } from '../../src/model/types';
import { consolidateModels } from '../../src/summary/consolidate';
import { levelsShown, overviewFigures } from '../../src/summary/overview';
import { fixture } from '../helpers';
import { level, none } from './levels';
import { modelOf } from '../rules/tester';

/** The demo's three workbooks (`custody demo`): the 分校, the clean 考点, the 考点 with the planted mistakes. */
function demo(): { branch: SiteData; yuelu: SiteData; tianxin: SiteData } {
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  return { branch: net.branch, yuelu: net.sites[0], tianxin: plantDefects(net.sites[1]).data };
}

const totalsOf = (books: Array<[string, SiteData]>, unreadable = 0) =>
  consolidateModels([
    ...books.map(([file, data]) => ({ file, model: modelOf(data) })),
    ...Array.from({ length: unreadable }, (_x, i) => ({ file: `坏文件${i}.xlsx`, error: '不是 .xlsx 工作簿（文件内容不是 Excel 格式）' })),
  ]).totals;

describe('consolidated totals by unit level', () => {
  const d = demo();
  const shengxiao = fixture('shapes/hunan-shengxiao.json');

  it('the demo 分校 and its two 考点: 23 bags, 447 copies, 439 candidates at each level, side by side', () => {
    const t = totalsOf([
      ['长沙分校（分校）.xlsx', d.branch],
      ['岳麓考点（考点）.xlsx', d.yuelu],
      ['天心考点（考点，有错误）.xlsx', d.tianxin],
    ]);
    expect(t.levels).toEqual([none('省校'), level('分校', 1, 23, 447, 439, 0), level('考点', 2, 23, 447, 439, 1), none(null)]);
    expect(levelsShown(t).map((l) => l.level)).toEqual(['分校', '考点']);
    // No figure over all levels adds the 分校's stock to its 考点's: the old keys are gone.
    expect(t).not.toHaveProperty('bags');
    expect(t).not.toHaveProperty('copies');
    expect(t).not.toHaveProperty('candidates');
    // Bags still out are a sum that adds no stock twice (a bag passed on is not out): 天心考点's unreturned bag.
    expect({ papers: t.papers, bagsStillOut: t.bagsStillOut, sites: t.sites }).toEqual({ papers: 15, bagsStillOut: 1, sites: 3 });
  });

  it('with the 省校 workbook added: a line of its own, the 省校 alone', () => {
    const t = totalsOf([
      ['湖南分部（省校）.xlsx', shengxiao],
      ['长沙分校（分校）.xlsx', d.branch],
      ['岳麓考点（考点）.xlsx', d.yuelu],
      ['天心考点（考点，有错误）.xlsx', d.tianxin],
    ]);
    expect(levelsShown(t)).toEqual([level('省校', 1, 14, 282, 253, 0), level('分校', 1, 23, 447, 439, 0), level('考点', 2, 23, 447, 439, 1)]);
  });

  it('a lone 考点: its own figures, on the 考点 line only', () => {
    const t = totalsOf([['岳麓考点（考点）.xlsx', d.yuelu]]);
    expect(levelsShown(t)).toEqual([level('考点', 1, 13, 223, 218, 0)]);
  });

  it('a 单位级别 that cannot be read (分部) counts on a line of its own, in no level; an unreadable file in none', () => {
    const odd = JSON.parse(JSON.stringify(d.yuelu)) as SiteData;
    odd.site!.level = '分部';
    const t = totalsOf(
      [
        ['长沙分校（分校）.xlsx', d.branch],
        ['岳麓考点.xlsx', odd],
      ],
      1,
    );
    expect(levelsShown(t)).toEqual([level('分校', 1, 23, 447, 439, 0), level(null, 1, 13, 223, 218, 0)]);
    expect({ files: t.files, unreadable: t.unreadable, sites: t.sites }).toEqual({ files: 3, unreadable: 1, sites: 2 });
  });

  it('a 单位级别 left blank is read as the validator reads it: a 考点 when a 考点 is named, else a 分校', () => {
    const blankSite = JSON.parse(JSON.stringify(d.yuelu)) as SiteData;
    const blankBranch = JSON.parse(JSON.stringify(d.branch)) as SiteData;
    blankSite.site!.level = '';
    blankBranch.site!.level = '';
    const t = totalsOf([
      ['分校.xlsx', blankBranch],
      ['考点.xlsx', blankSite],
    ]);
    expect(levelsShown(t)).toEqual([level('分校', 1, 23, 447, 439, 0), level('考点', 1, 13, 223, 218, 0)]);
  });

  it('no readable workbook: every level empty, none shown', () => {
    const t = totalsOf([], 2);
    expect(t.levels).toEqual([none('省校'), none('分校'), none('考点'), none(null)]);
    expect(levelsShown(t)).toEqual([]);
  });

  it("总览's figures keep the counts that add nothing twice, and no longer bags, copies or candidates over all levels", () => {
    const t = totalsOf([
      ['长沙分校（分校）.xlsx', d.branch],
      ['岳麓考点（考点）.xlsx', d.yuelu],
    ]);
    expect(overviewFigures(t).map(([k]) => k)).toEqual([
      'files',
      'unreadable',
      'sites',
      'ready',
      'fix',
      'errors',
      'warnings',
      'papers',
      'bagsStillOut',
      'matched',
      'disagree',
      'senderOnly',
      'receiverOnly',
    ]);
  });
});
