/**
 * A workbook given twice is counted once (same-bytes.ts): the order a summary
 * lists files in puts a workbook before its copies, and the consolidation
 * every face builds (here the browser's, from models) leaves the copies out.
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

test("the browser's consolidation counts a workbook given twice once: the same files, totals and pairs as without the copy", () => {
  const group = corpus()[0];
  const sites = group.sites.map((s, i) => ({ file: s.file, sha256: `digest-${i}`, model: modelOf(s.data) }));
  const alone = consolidateModels(sites);
  const copy = { ...sites[0], file: sites[0].file.replace(/\.xlsx$/, ' - 副本.xlsx') };
  const twice = consolidateModels([copy, ...sites]);
  expect(twice.skipped).toEqual([{ file: copy.file, reason: `与 ${sites[0].file} 内容完全相同，同一工作簿只计一次` }]);
  expect({ ...twice, skipped: undefined }).toEqual({ ...alone, skipped: undefined });
});
