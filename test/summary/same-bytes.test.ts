/**
 * A workbook given twice is counted once: the order a summary lists files in
 * puts a workbook before its copies; the page's list of checks leaves a copy
 * out with a line (same-bytes.ts), and a summary lists it as its unit's second
 * workbook (unit-workbook-twice: the same records), in no figure (fix-copy25).
 */
import { consolidateModels } from '../../src/summary/consolidate';
import { SameBytes } from '../../src/summary/same-bytes';
import { byFileName } from '../../src/model/file-order';
import { corpus } from '../corpus';
import { modelOf } from '../rules/tester';

test('a workbook before its copies, however they are named, a folder before its copy; otherwise by name', () => {
  const names = ['b/01(1).xlsx', 'b/01 - 副本.xlsx', 'b/02.xlsx', 'b/复件 01.xlsx', 'b/01.xlsx', 'a/9.xlsx', 'b/01.xlsm', 'Copy of c.xlsx', 'c.xlsx'];
  expect([...names].sort(byFileName)).toEqual([
    'a/9.xlsx',
    'b/01.xlsm',
    'b/01.xlsx',
    'b/复件 01.xlsx',
    'b/01 - 副本.xlsx',
    'b/01(1).xlsx',
    'b/02.xlsx',
    'c.xlsx',
    'Copy of c.xlsx',
  ]);
  // Windows' copy of a folder: its name and a space sort before the folder's "/" as text, not here.
  expect(['books/考点 - 副本/岳麓.xlsx', 'books/考点(1)/岳麓.xlsx', 'books/考点/岳麓.xlsx'].sort(byFileName)).toEqual([
    'books/考点/岳麓.xlsx',
    'books/考点 - 副本/岳麓.xlsx',
    'books/考点(1)/岳麓.xlsx',
  ]);
});

test('the same bytes again are left out with the name of the first; a file without a digest never', () => {
  const same = new SameBytes('en');
  expect([
    same.repeatOf('a.xlsx', 'h1'),
    same.repeatOf('b.xlsx', 'h2'),
    same.repeatOf('a(1).xlsx', 'h1'),
    same.repeatOf('c.xlsx', null),
    same.repeatOf('d.xlsx', null),
  ]).toEqual([undefined, undefined, 'the same bytes as a.xlsx: a workbook is counted once', undefined, undefined]);
});

test("the in-process consolidation lists a workbook given twice as its unit's second and counts it once: the same figures and pairs as without the copy (fix-copy25)", () => {
  const group = corpus()[0];
  const sites = group.sites.map((s, i) => ({ file: s.file, sha256: `digest-${i}`, model: modelOf(s.data) }));
  const alone = consolidateModels(sites);
  const copy = { ...sites[0], file: sites[0].file.replace(/\.xlsx$/, ' - 副本.xlsx') };
  const twice = consolidateModels([copy, ...sites]);
  // Was left out of files[] with a reason in `skipped` alone.
  expect(twice.skipped).toBeUndefined();
  expect(twice.files.map((f) => f.file)).toEqual(['branch-roundtrip.xlsx', 'fenxiao.xlsx', 'fenxiao - 副本.xlsx', 'kaodian.xlsx']);
  // 长沙分校's workbook counted is branch-roundtrip.xlsx (its first by name): the copy is set aside beside fenxiao.xlsx, alike.
  const fenxiao = { file: 'fenxiao.xlsx', site: '长沙分校', counted: 'branch-roundtrip.xlsx', same: false, errors: 0, warnings: 1 };
  expect(alone.totals.repeatedUnits).toEqual([fenxiao]);
  expect(twice.totals).toEqual({ ...alone.totals, files: alone.totals.files + 1, repeatedUnits: [fenxiao, { ...fenxiao, file: copy.file }] });
  expect(twice.pairs).toEqual(alone.pairs);
});
