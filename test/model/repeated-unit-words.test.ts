/**
 * The words that mark a unit's corrected (or newer) workbook, and the version before correction, are one list that
 * the tool takes and the docs give (review 16a D7: rules.md and 领域说明 listed 7 of the words the tool took, and no
 * version order). Each listed word decides which of two workbooks of one unit is counted; the rule's docs (so
 * docs/rules.md) and docs/领域说明.md name every one of them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OLDER_WORDS, REVISED_WORDS, repeatedUnits } from '../../src/model/repeated-unit';
import { meta } from '../../src/rules/unit-workbook-twice';

const ROOT = path.join(__dirname, '..', '..');
const counted = (files: string[]) =>
  repeatedUnits(
    files,
    (f) => f,
    () => '考点|长沙分校|浏阳考点|2024春',
  ).map((r) => ({ counted: r.first, left: r.repeat, why: r.why }));

test.each([...REVISED_WORDS])('a workbook named with %s is counted before the plain one, as the corrected one', (word) => {
  for (const name of [`浏阳考点${word}.xlsx`, `浏阳考点-${word}.xlsx`]) {
    expect(counted(['浏阳考点.xlsx', name])).toEqual([{ counted: name, left: '浏阳考点.xlsx', why: 'revised' }]);
  }
});

test.each([...OLDER_WORDS])('a workbook named with %s is left out for the plain one, as the version before', (word) => {
  const name = `浏阳考点-${word}.xlsx`;
  expect(counted([name, '浏阳考点.xlsx'])).toEqual([{ counted: '浏阳考点.xlsx', left: name, why: 'older' }]);
});

test.each([
  ['浏阳考点v2.xlsx', '浏阳考点v3.xlsx'],
  ['浏阳考点（第二版）.xlsx', '浏阳考点（第三版）.xlsx'],
])('of %s and %s, the later version is counted', (earlier, later) => {
  expect(counted([earlier, later])).toEqual([{ counted: later, left: earlier, why: 'newer' }]);
});

test("the rule's docs (docs/rules.md) and docs/领域说明.md list every word and the version order", () => {
  expect(meta.docs).toContain(`(${REVISED_WORDS.join(', ')}; of two so named, the later version: v3 before v2, 第三版 before 第二版)`);
  expect(meta.docs).toContain(`(${OLDER_WORDS.join(', ')})`);
  const rulesMd = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  expect(rulesMd).toContain(meta.docs);
  const domain = fs.readFileSync(path.join(ROOT, 'docs/领域说明.md'), 'utf8').replace(/\n\s*/g, '');
  expect(domain).toContain(`（${REVISED_WORDS.join('、')}；两本都这样注明的，计版本较后的一本：v3 先于 v2，第三版先于 第二版）`);
  expect(domain).toContain(`（${OLDER_WORDS.join('、')}）`);
});
