/**
 * Which of a unit's two workbooks is counted, by their file names (model/repeated-unit.ts). A name saying it
 * is the version BEFORE correction — 修改前 holds 修改, which read as “corrected” — made the old workbook the
 * one counted and the corrected one the one left out.
 */
import { repeatedUnits } from '../../src/model/repeated-unit';

/** The pairs a set of files (all of one unit) gives: [left out, counted, why]. */
const pairsOf = (...files: string[]) =>
  repeatedUnits(
    files,
    (f) => f,
    () => '考点|浏阳考点|2024秋',
  ).map(({ repeat, first, why }) => [repeat, first, why]);

describe('repeatedUnits: the file counted, by its name', () => {
  it.each([
    ['浏阳考点（修改前）.xlsx', '浏阳考点.xlsx'],
    ['浏阳考点修改之前.xlsx', '浏阳考点.xlsx'],
    ['未修改-浏阳考点.xlsx', '浏阳考点.xlsx'],
    ['浏阳考点（待修改）.xlsx', '浏阳考点.xlsx'],
    ['原稿 浏阳考点.xlsx', '浏阳考点.xlsx'],
    ['初稿浏阳考点.xlsx', '浏阳考点.xlsx'],
    ['浏阳考点旧.xlsx', '浏阳考点.xlsx'],
    ['旧-浏阳考点.xlsx', '浏阳考点.xlsx'],
    ['浏阳考点（旧）.xlsx', '浏阳考点.xlsx'],
    ['浏阳考点_old.xlsx', '浏阳考点.xlsx'],
  ])('%s is the version before correction: %s is counted, whatever the order', (older, plain) => {
    expect(pairsOf(older, plain)).toEqual([[older, plain, 'older']]);
    expect(pairsOf(plain, older)).toEqual([[older, plain, 'older']]);
  });

  it('修改前 beside 修改后: the corrected one is counted', () => {
    expect(pairsOf('浏阳考点修改后.xlsx', '浏阳考点修改前.xlsx')).toEqual([['浏阳考点修改前.xlsx', '浏阳考点修改后.xlsx', 'revised']]);
    expect(pairsOf('原稿.xlsx', '定稿.xlsx')).toEqual([['原稿.xlsx', '定稿.xlsx', 'revised']]);
  });

  it('a name with 旧 or 改 of the unit’s own is no old or corrected copy: the first by name', () => {
    expect(pairsOf('旧城考点.xlsx', '旧城考点(1).xlsx')).toEqual([['旧城考点(1).xlsx', '旧城考点.xlsx', 'name']]);
    expect(pairsOf('新旧考点(1).xlsx', '新旧考点.xlsx')).toEqual([['新旧考点(1).xlsx', '新旧考点.xlsx', 'name']]);
    expect(pairsOf('golden.xlsx', 'golden(1).xlsx')).toEqual([['golden(1).xlsx', 'golden.xlsx', 'name']]);
  });

  it('a corrected one is still counted before a plain one; two plain ones by name', () => {
    expect(pairsOf('浏阳考点.xlsx', '浏阳考点（修改后）.xlsx')).toEqual([['浏阳考点.xlsx', '浏阳考点（修改后）.xlsx', 'revised']]);
    expect(pairsOf('浏阳考点(1).xlsx', '浏阳考点.xlsx')).toEqual([['浏阳考点(1).xlsx', '浏阳考点.xlsx', 'name']]);
  });
});

describe('repeatedUnits: a newer copy by its name (review 6, D4)', () => {
  it.each([
    '芷江考点（新）.xlsx',
    '芷江考点(新).xlsx',
    '芷江考点【新】.xlsx',
    '芷江考点新版.xlsx',
    '芷江考点更新.xlsx',
    '芷江考点第二版.xlsx',
    '芷江考点第2版.xlsx',
    '芷江考点v2.xlsx',
    '芷江考点_V2.xlsx',
    '芷江考点 v10.xlsx',
    '最新 芷江考点.xlsx',
  ])('%s is the newer copy: counted before 芷江考点.xlsx, whatever the order', (newer) => {
    expect(pairsOf('芷江考点.xlsx', newer)).toEqual([['芷江考点.xlsx', newer, 'revised']]);
    expect(pairsOf(newer, '芷江考点.xlsx')).toEqual([['芷江考点.xlsx', newer, 'revised']]);
  });

  it('新 of a unit’s own name (新化, 新宁), v1, a v in a word: no newer copy, the first by name', () => {
    expect(pairsOf('新化考点(1).xlsx', '新化考点.xlsx')).toEqual([['新化考点(1).xlsx', '新化考点.xlsx', 'name']]);
    expect(pairsOf('新宁考点.xlsx', '新宁考点 - 副本.xlsx')).toEqual([['新宁考点 - 副本.xlsx', '新宁考点.xlsx', 'name']]);
    expect(pairsOf('芷江考点v1.xlsx', '芷江考点.xlsx')).toEqual([['芷江考点v1.xlsx', '芷江考点.xlsx', 'name']]);
    expect(pairsOf('rev2.xlsx', 'rev.xlsx')).toEqual([['rev2.xlsx', 'rev.xlsx', 'name']]);
  });
});

describe('repeatedUnits: of two corrected copies, the later version by its name', () => {
  it.each([
    ['芷江考点v2.xlsx', '芷江考点v3.xlsx'],
    ['芷江考点 v9.xlsx', '芷江考点 v10.xlsx'],
    ['芷江考点第二版.xlsx', '芷江考点第三版.xlsx'],
    ['芷江考点第2稿.xlsx', '芷江考点第3稿.xlsx'],
    ['芷江考点（修改后）.xlsx', '芷江考点（修改后）v2.xlsx'],
  ])('%s is left out for %s, whatever the order', (earlier, later) => {
    expect(pairsOf(earlier, later)).toEqual([[earlier, later, 'newer']]);
    expect(pairsOf(later, earlier)).toEqual([[earlier, later, 'newer']]);
  });

  it('two corrected copies of one version, or with none: the first by name, as before', () => {
    expect(pairsOf('芷江考点（新）.xlsx', '芷江考点新版.xlsx')).toEqual([['芷江考点（新）.xlsx', '芷江考点新版.xlsx', 'name']]);
    expect(pairsOf('b v2.xlsx', 'a v2.xlsx')).toEqual([['b v2.xlsx', 'a v2.xlsx', 'name']]);
  });
});
