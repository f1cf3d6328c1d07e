/**
 * Review 22c D6: NAME_MARKS, `(?:version|spare)+$` with no anchor at its start, tried the run of marks again from each
 * start of a long name: a 试卷名称 of 5,400 “（A卷）” and an x took 4.3 s (the pattern alone: 12.3 s at 64,001
 * characters). The marks are now taken off the end one at a time, each found in the name's last 7 characters: the
 * same names and spares as the pattern before (the slow reference here), each pattern run on 7 characters at most.
 */
import fc from 'fast-check';
import { isSpareName, nameWithoutMarks } from '../../src/model/paper-code';
import { patternsRun } from '../patterns-run';

/** Every pattern run while `work` runs: the length of the text it was given. */
const lengthsGiven = (work: () => void): number[] => patternsRun(work).map((p) => p.length);

// The pattern before (src/model/paper-code.ts at ff31ee5).
const SPARE_MARK = '[-_—·]?[（(]?备(?:用试?卷?|份卷)[）)]?';
const VERSION_MARK = '[（(]?[A-Da-d甲乙丙丁]卷[）)]?';
const NAME_MARKS = new RegExp(`(?:${VERSION_MARK}|${SPARE_MARK})+$`);
const withoutBefore = (name: string) => name.replace(NAME_MARKS, '');
const spareBefore = (name: string) => NAME_MARKS.exec(name)?.[0].includes('备') ?? false;

test('the same name and spare as the pattern before, on names made of the marks’ characters', () => {
  const words = ['（', '(', '）', ')', 'A', 'b', '甲', '卷', '备', '用', '试', '份', '-', '_', '—', '·', '基础', 'x'];
  const names = fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(''));
  fc.assert(
    fc.property(names, (name) => {
      expect([nameWithoutMarks(name), isSpareName(name)]).toEqual([withoutBefore(name), spareBefore(name)]);
    }),
    { numRuns: 20_000 },
  );
  for (const name of [
    '计算机应用基础（A卷）',
    '计算机应用基础（备用卷）',
    '大学英语（备份卷）（A卷）',
    '大学英语-备用',
    '数据备份与恢复',
    '大学英语（A卷）备用试卷',
    '（A卷）',
  ]) {
    expect([name, nameWithoutMarks(name), isSpareName(name)]).toEqual([name, withoutBefore(name), spareBefore(name)]);
  }
});

test.each([
  ['5,400 version marks and an x (D6): no mark at its end', `${'（A卷）'.repeat(5_400)}x`, `${'（A卷）'.repeat(5_400)}x`, false],
  ['16,000 version marks: all of them taken off', `高等数学${'（A卷）'.repeat(16_000)}`, '高等数学', false],
  ['16,000 marks, a spare’s among them', `高等数学${'（A卷）-备用'.repeat(8_000)}`, '高等数学', true],
])('a long name, %s: each pattern run on 7 characters at most', (_name, name, without, spare) => {
  const lengths = lengthsGiven(() => expect([nameWithoutMarks(name), isSpareName(name)]).toEqual([without, spare]));
  expect(lengths.filter((n) => n > 7)).toEqual([]);
});
