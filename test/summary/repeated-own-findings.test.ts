/**
 * Review 16a O2: the line on a unit's second workbooks ends with their own errors and warnings (which the head
 * line's counts leave out) whenever they have any besides the warning the line is (unit-workbook-twice's, one on
 * each) — the guide says so — not only when they have errors; nothing when they have no other or when they are not
 * known (the page); the words match the counts, zh and en.
 */
import { repeatedUnitLinesOf } from '../../src/summary/overview';

const HEAD = '注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入下面的合计：';
const ONE = '浏阳考点.xlsx（浏阳考点：与 浏阳考点（修改后）.xlsx 内容不同，只计入 浏阳考点（修改后）.xlsx，请核对两本）。';
const ONE_EN =
  "Note: a unit's workbook of one semester given twice is counted once; left out of the papers' figures below: 浏阳考点.xlsx (浏阳考点: records differ from 浏阳考点（修改后）.xlsx; 浏阳考点（修改后）.xlsx counted instead: compare the two).";

const repeat = (file: string, errors?: number, warnings?: number) => ({
  file,
  site: file.replace('.xlsx', ''),
  counted: file.replace('.xlsx', '（修改后）.xlsx'),
  same: false,
  ...(errors === undefined ? {} : { errors }),
  ...(warnings === undefined ? {} : { warnings }),
});
const line = (lang: 'zh' | 'en', ...repeatedUnits: ReturnType<typeof repeat>[]) => repeatedUnitLinesOf({ repeatedUnits }, lang, (f) => f);

test('one workbook with warnings only: its warnings are said (they were not: O2)', () => {
  expect(line('zh', repeat('浏阳考点.xlsx', 0, 2))).toEqual([`${HEAD}${ONE}除这一条外，它本身还有警告 1 处，不计入上面的数目。`]);
  expect(line('en', repeat('浏阳考点.xlsx', 0, 2))).toEqual([`${ONE_EN} Besides this notice, it has 1 warning of its own, not in the counts above.`]);
  expect(line('en', repeat('浏阳考点.xlsx', 0, 4))).toEqual([`${ONE_EN} Besides this notice, it has 3 warnings of its own, not in the counts above.`]);
});

test('errors only, errors and warnings: each count said once, in words that match it', () => {
  expect(line('zh', repeat('浏阳考点.xlsx', 2, 1))).toEqual([`${HEAD}${ONE}除这一条外，它本身还有错误 2 处，不计入上面的数目。`]);
  expect(line('zh', repeat('浏阳考点.xlsx', 2, 3))).toEqual([`${HEAD}${ONE}除这一条外，它本身还有错误 2 处、警告 2 处，不计入上面的数目。`]);
  expect(line('en', repeat('浏阳考点.xlsx', 1, 1))).toEqual([`${ONE_EN} Besides this notice, it has 1 error of its own, not in the counts above.`]);
  expect(line('en', repeat('浏阳考点.xlsx', 1, 2))).toEqual([
    `${ONE_EN} Besides this notice, it has 1 error and 1 warning of its own, not in the counts above.`,
  ]);
  const two = [repeat('浏阳考点.xlsx', 0, 2), repeat('宁乡考点.xlsx', 1, 2)];
  expect(line('zh', ...two)[0]).toMatch(/。除这一条外，它们本身还有错误 1 处、警告 2 处，不计入上面的数目。$/);
  expect(line('en', ...two)[0]).toMatch(/\. Besides this notice, they have 1 error and 2 warnings of their own, not in the counts above\.$/);
});

test('none but the line’s own warning, or not known (the page counts no findings): nothing after the list', () => {
  expect(line('zh', repeat('浏阳考点.xlsx', 0, 1))).toEqual([`${HEAD}${ONE}`]);
  expect(line('en', repeat('浏阳考点.xlsx', 0, 1))).toEqual([ONE_EN]);
  expect(line('zh', repeat('浏阳考点.xlsx'))).toEqual([`${HEAD}${ONE}`]);
  expect(line('en', repeat('浏阳考点.xlsx'))).toEqual([ONE_EN]);
});
