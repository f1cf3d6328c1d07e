/**
 * How a row's heading (its first text, normalised) is taken under a table (review 21a D1, D2): the table's total, a
 * part's total, or a record — a paper's name that holds a total's words (公共计算机基础, 综合计算机应用) is a record;
 * a unit's block (岳麓考点小计, review 24 D2) is a part.
 */
import { isPartTotal, isTotalWord } from '../../src/forms/part-totals';
import { normalized } from '../../src/forms/sheet-index';

const kind = (typed: string): 'total' | 'part' | 'record' => {
  const lead = normalized(typed).norm;
  if (isTotalWord(lead)) return 'total';
  return isPartTotal(lead) ? 'part' : 'record';
};

test.each([
  ['合计', 'total'],
  ['合 计', 'total'],
  ['合计：', 'total'],
  ['合计（袋）', 'total'],
  ['共计4袋', 'total'],
  ['总计', 'total'],
  ['总数', 'total'],
  ['合计数', 'total'],
  ['小计', 'part'],
  ['小计：', 'part'],
  ['累计', 'part'],
  ['本页合计', 'part'],
  ['本日小计', 'part'],
  ['6月21日小计', 'part'],
  ['2024年6月21日合计', 'part'],
  ['以上合计', 'part'],
  ['第二天小计', 'part'],
  ['上午场（第1场）小计', 'part'],
  ['第1场（上午）小计', 'part'],
  ['岳麓考点小计', 'part'],
  ['岳麓考点 小计', 'part'],
  ['长沙分校合计', 'part'],
  ['湖南开放大学长沙分校小计', 'part'],
  ['岳麓考点', 'record'],
  ['考点小计', 'part'],
  ['公共计算机基础', 'record'],
  ['综合计算机应用', 'record'],
  ['总数学', 'record'],
  ['累计学分管理', 'record'],
  ['合计算法导论', 'record'],
  ['小计算器使用', 'record'],
  ['高等数学基础', 'record'],
] as const)('%s → %s', (typed, expected) => {
  expect(kind(typed)).toBe(expected);
});
