/**
 * 表单 and 汇总 in WPS: a blank form inserted from its draft reads back as the
 * template file does (values, dates, merges), styles and widths are set, the
 * workbook's own sheets are untouched; the 汇总 sheet holds the table and its
 * chart, and writing it again replaces it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { templateCatalog } from '../../src/forms/catalog';
import { draftWorkbook } from '../../src/forms/workbook';
import { readWpsGrid } from '../../src/io/wps/grid';
import { SUMMARY_SHEET, insertWpsDrafts, writeWpsSummary } from '../../src/io/wps/sheets';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { FakeApplication, FakeBookState } from './fake-et';
import { ROOT, fixture, templateFiles } from './helpers';

function blankBook(): FakeBookState {
  return { sheets: [{ name: '我的表', cells: { A1: { v: '别动我' } }, merges: [] }] };
}

describe('insertWpsDrafts', () => {
  test.each(templateFiles())('%s inserted reads back as the template file', async (file) => {
    const expected = await gridFromXlsxBuffer(fs.readFileSync(path.join(ROOT, 'templates', file)));
    const wanted = new Set(expected.sheets.map((s) => s.name));
    const drafts = draftWorkbook().filter((d) => wanted.has(d.name));
    const state = blankBook();
    const app = new FakeApplication(state);
    const names = insertWpsDrafts(app, drafts);
    expect(names).toEqual(expected.sheets.map((s) => s.name));
    expect(state.active).toBe(names[0]);
    expect(state.sheets[0]).toEqual(blankBook().sheets[0]);
    // The fake does not calculate: a formula cell has no value yet, as the template file's 合计 has none.
    const { grid } = readWpsGrid(app, { skip: new Set(['我的表']) });
    const sortMerges = (g: typeof grid) => g.sheets.map((s) => ({ ...s, merges: [...s.merges].sort() }));
    expect(sortMerges(grid)).toEqual(sortMerges(expected));
    const title = state.sheets[1].cells.A1;
    expect(title.style).toMatchObject({ 'font.Name': '宋体', 'font.Bold': true });
    expect(Object.keys(state.sheets[1].widths ?? {}).length).toBe(drafts[0].widths.length);
  });

  test("附件1's and 附件3's 数量 print the unit picked beside the form: a condition on each cell naming its own row's 单位 cell outright", () => {
    const state = blankBook();
    const app = new FakeApplication(state);
    insertWpsDrafts(
      app,
      draftWorkbook().filter((d) => ['交接单', '出入库记录'].includes(d.name)),
    );
    const units = (unitColumn: string, top: number, bottom: number, words: string[]) =>
      words.flatMap((w) =>
        Array.from({ length: bottom - top + 1 }, (_x, i) => ({
          range: `D${top + i}`,
          type: 2,
          formula: `=$${unitColumn}$${top + i}="${w}"`,
          numFmt: `0"${w}"`,
        })),
      );
    expect(state.sheets.map((s) => ({ name: s.name, conditions: s.conditions }))).toEqual([
      { name: '我的表', conditions: undefined },
      { name: '交接单', conditions: units('F', 8, 16, ['袋', '箱']) },
      { name: '出入库记录', conditions: units('K', 4, 13, ['袋', '份']) },
    ]);
  });

  test('a name already taken gets a number', () => {
    const state = blankBook();
    const app = new FakeApplication(state);
    const [draft] = draftWorkbook().filter((d) => d.name === '交接单');
    expect(insertWpsDrafts(app, [draft])).toEqual(['交接单']);
    expect(insertWpsDrafts(app, [draft])).toEqual(['交接单 (2)']);
  });
});

test('the catalog the WPS pane lists is the committed templates/: the same files, the same sheets', async () => {
  const files = await Promise.all(
    templateFiles().map(async (file) => ({
      file,
      sheets: (await gridFromXlsxBuffer(fs.readFileSync(path.join(ROOT, 'templates', file)))).sheets.map((s) => s.name),
    })),
  );
  const byName = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
  expect(
    templateCatalog()
      .map(({ file, sheets }) => ({ file, sheets }))
      .sort(byName),
  ).toEqual(files.sort(byName));
});

describe('writeWpsSummary', () => {
  const summary = summarizeSite(fixture('kaodian.json'));
  const table = summaryTable(summary, 'zh');

  test('the table, its header and a column chart of copies and candidates; written again, replaced', () => {
    const state = blankBook();
    const app = new FakeApplication(state);
    const where = writeWpsSummary(app, table);
    const last = String.fromCharCode(64 + table.header.length);
    expect(where).toBe(`汇总!A1:${last}${4 + table.rows.length + 2 + table.facts.length}`);
    const sheet = state.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    expect(sheet.cells.A1.v).toBe(table.title);
    expect(sheet.cells.A4.v).toBe(table.header[0]);
    expect(sheet.cells.A4.fill?.color).toBe(0xf7ebdd);
    // 首场开考 (C) holds dates (6月15日 08:30 and 10:30, 6月16日 08:30), shown by the format the page's text is; the 合计 row says how many sessions.
    const session = [5, 6, 7, 8].map((r) => sheet.cells[`C${r}`]);
    expect(session.map((c) => [c.v, c.fmt])).toEqual([
      [45458 + 8.5 / 24, 'yyyy"年"m"月"d"日" hh:mm'],
      [45458 + 10.5 / 24, 'yyyy"年"m"月"d"日" hh:mm'],
      [45459 + 8.5 / 24, 'yyyy"年"m"月"d"日" hh:mm'],
      ['3 场', 'yyyy"年"m"月"d"日" hh:mm'],
    ]);
    expect(sheet.merges).toEqual([`A1:${last}1`]);
    expect(sheet.charts).toEqual([{ source: expect.stringMatching(/^A4:A\d+,I4:I\d+,J4:J\d+$/), type: 51, title: table.title }]);
    expect(state.active).toBe(SUMMARY_SHEET);

    writeWpsSummary(app, table);
    expect(state.sheets.map((s) => s.name)).toEqual(['我的表', SUMMARY_SHEET]);
    expect(app.displayAlerts).toBe(true);
  });
});
