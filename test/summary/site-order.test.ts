/**
 * 站点汇总's order (src/summary/site-order.ts): by file name a 分校 landed between its 考点 and the 考点 of
 * different 分校 were mixed (review round 5, D7); now the 省校, then each 分校's own workbook and its 考点 by
 * name, the 分校 by name, its full name and its short one one 分校; units naming no 分校; unreadable files.
 */
import { type SitePlace, siteOrder } from '../../src/summary/site-order';

const unit = (level: SitePlace['level'], school: string, name: string): SitePlace => ({ readable: true, level, school, name });
const unreadable: SitePlace = { readable: false, level: null, school: '', name: '' };

test('a province: the 省校, each 分校 with its 考点 under it, units naming no 分校, unreadable files last', () => {
  // In file-name order, as the summary found them.
  const places: SitePlace[] = [
    unreadable, // 新宁考点（空）.xlsx
    unit('考点', '邵阳分校', '新宁考点'),
    unit('考点', '岳阳分校', '平江考点'),
    unit('考点', '邵阳分校', '洞口考点'),
    unit('分校', '国家开放大学湖南分部邵阳分校', '国家开放大学湖南分部邵阳分校'),
    unit('省校', '', '湖南分部'),
    unit('考点', '', '无名考点'),
    unit(null, '岳阳分校', '岳阳某学院'),
    unit('考点', '邵阳分校', '隆回考点'),
    unit('分校', '岳阳分校', '岳阳分校'),
  ];
  expect(siteOrder(places).map((i) => places[i].name || '(unreadable)')).toEqual([
    '湖南分部',
    // 邵阳 (shao) before 岳阳 (yue): each 分校 by its shortest name, not by 国家开放大学… (guo).
    '国家开放大学湖南分部邵阳分校',
    '洞口考点',
    '隆回考点',
    '新宁考点',
    '岳阳分校',
    '平江考点',
    '岳阳某学院',
    '无名考点',
    '(unreadable)',
  ]);
});

test('two workbooks of one unit keep the order they were found in (a workbook before its copy)', () => {
  const places = [unit('考点', '长沙分校', '岳麓考点'), unit('考点', '长沙分校', '天心考点'), unit('考点', '长沙分校', '岳麓考点')];
  expect(siteOrder(places)).toEqual([1, 0, 2]);
});
