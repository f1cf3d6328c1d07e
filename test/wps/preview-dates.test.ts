/**
 * The Excel and WPS panes' preview shows a date as its cell shows it (fix-words21), as the offline page's does since
 * review 20a D7: the readers of Office.js and of WPS keep each date's number format code (shownBy), so that a 取卷时间
 * under yyyy"年"m"月"d"日" hh:mm previews “2024年6月15日 07:45”, not “2024-06-15 07:45” — and in Excel, not the serial
 * “45458.3229166667” a date-time under any format that shows its time was previewed as.
 */
import { readOfficeGrid } from '../../src/io/office-grid';
import { readWpsGrid } from '../../src/io/wps/grid';
import type { SheetGrid } from '../../src/model/grid';
import { previewGrid } from '../../src/taskpane/preview-grid';
import { FakeContext, asExcel, fakeSheet } from '../addin/fake-excel';
import { FakeApplication, type FakeBookState, type FakeEtOptions } from './fake-et';

/** 06-15 07:45 under four formats, a day alone under yyyy/m/d, 07:45 of a day under h:mm, a count. */
const SERIAL = 45458 + (7 * 60 + 45) / 1440;
const VALUES = [SERIAL, SERIAL, SERIAL, 45458, 45459 + (7 * 60 + 50) / 1440, SERIAL, 12];
const FORMATS = ['yyyy"年"m"月"d"日" hh:mm', 'yyyy/m/d h:mm', 'm"月"d"日" h"时"mm"分"', 'yyyy/m/d', 'h:mm', 'yyyy-mm-dd hh:mm', 'General'];
const SHOWN = ['2024年6月15日 07:45', '2024/6/15 7:45', '6月15日 7时45分', '2024/6/15', '7:50', '2024-06-15 07:45', '12'];

/** The preview's first row of cells, at D1 (A–G around it). */
const firstRow = (sheet: SheetGrid): string[] => previewGrid(sheet, { row: 0, col: 3 }, 'zh', new Map()).rows[0].cells.map((c) => c.text);

test('Excel: each date previewed by its cell’s format', async () => {
  const sheet = fakeSheet('出入库记录', [VALUES]);
  sheet.formats = new Map(FORMATS.map((f, i) => [`${String.fromCharCode(65 + i)}1`, f]));
  const { grid } = await readOfficeGrid(asExcel(new FakeContext({ sheets: [sheet], settings: new Map(), inserted: [] })));
  expect(firstRow(grid.sheets[0])).toEqual(SHOWN);
});

const VARIANTS: FakeEtOptions[] = [
  { shape: 'rows', members: 'property' },
  { shape: 'nested', members: 'method' },
];

test.each(VARIANTS)('WPS (%j): each date previewed by its cell’s format', (options) => {
  const cells: FakeBookState['sheets'][0]['cells'] = Object.fromEntries(
    VALUES.map((v, i) => [`${String.fromCharCode(65 + i)}1`, { v, ...(FORMATS[i] === 'General' ? {} : { fmt: FORMATS[i] }) }]),
  );
  const { grid } = readWpsGrid(new FakeApplication({ sheets: [{ name: '出入库记录', cells, merges: [] }] }, options));
  expect(firstRow(grid.sheets[0])).toEqual(SHOWN);
});
