/**
 * Live checking in Excel re-reads only the edited sheets: readOfficeGrid with
 * a sheet filter loads the values of those sheets alone (still 3 syncs) and
 * names every sheet, so the pane's cache can put the workbook back together.
 */
import { readOfficeGrid } from '../../src/io/office-grid';
import { SheetCache } from '../../src/taskpane/live';
import { FakeContext, asExcel, fakeSheet } from './fake-excel';

function state() {
  return {
    sheets: [
      fakeSheet('基本信息', [['学期', '2024春']]),
      fakeSheet('出入库记录', [
        ['序号', '科目'],
        [1, '高等数学'],
        [2, '大学英语'],
      ]),
      fakeSheet('值班记录', [['日期']]),
    ],
    settings: new Map<string, string>(),
    inserted: [],
  };
}

test('only the edited sheet is read; the cache gives back the whole workbook in order', async () => {
  const full = new FakeContext(state());
  const cache = new SheetCache();
  const first = await readOfficeGrid(asExcel(full), { read: cache.reader(undefined) });
  cache.update(first.names, first.grid.sheets);
  expect(full.cellsRead).toBe(2 + 6 + 1);

  const s = state();
  s.sheets[1].rows[2][1] = '线性代数';
  const partial = new FakeContext(s);
  const second = await readOfficeGrid(asExcel(partial), { read: cache.reader(['出入库记录']) });
  expect(second.syncs).toBe(3);
  expect(partial.cellsRead).toBe(6);
  expect(second.names).toEqual(['基本信息', '出入库记录', '值班记录']);
  expect(second.grid.sheets.map((g) => g.name)).toEqual(['出入库记录']);
  const whole = cache.update(second.names, second.grid.sheets);
  expect(whole.sheets.map((g) => g.name)).toEqual(['基本信息', '出入库记录', '值班记录']);
  expect(whole.sheets[1].rows[2]).toEqual([2, '线性代数']);
  expect(whole.sheets[0].rows).toEqual([['学期', '2024春']]);
});
