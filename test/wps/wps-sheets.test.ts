/**
 * 表单 and 汇总 in WPS: a blank form inserted from its draft reads back as the
 * template file does (values, dates, merges), styles and widths are set, the
 * workbook's own sheets are untouched; the 汇总 sheet holds the table and its
 * chart, and writing it again replaces it.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { templateCatalog } from '../../src/forms/catalog';
import { draftWorkbook } from '../../src/forms/workbook';
import { readWpsGrid } from '../../src/io/wps/grid';
import { SUMMARY_SHEET, insertWpsDrafts, writeWpsSummary } from '../../src/io/wps/sheets';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { summarySheetValues, summaryTable } from '../../src/taskpane/summary-table';
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
    const { names, refused } = insertWpsDrafts(app, drafts);
    expect(refused).toBe(0);
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

  /** A validation as the template file holds it, per cell (exceljs' model), in the words of Excel's file format. */
  interface CellRule {
    type: string;
    operator?: string;
    formula: string;
    errorStyle: string;
    showErrorMessage: boolean;
    showInputMessage: boolean;
    prompt?: string;
    promptTitle?: string;
    error?: string;
    errorTitle?: string;
  }

  async function templateRules(file: string): Promise<Record<string, Record<string, CellRule>>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'templates', file));
    const out: Record<string, Record<string, CellRule>> = {};
    for (const ws of wb.worksheets) {
      const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      out[ws.name] = {};
      for (const [cell, v] of Object.entries(model)) {
        const [bound] = v.formulae as unknown[];
        const formula = bound instanceof Date ? String(bound.getTime() / 86_400_000 + 25569) : String(bound).replace(/^"|"$/g, '');
        out[ws.name][cell] = {
          type: v.type,
          ...(v.operator ? { operator: v.operator } : {}),
          formula,
          errorStyle: v.errorStyle ?? 'stop',
          showErrorMessage: Boolean(v.showErrorMessage),
          showInputMessage: Boolean(v.showInputMessage),
          ...(v.prompt ? { prompt: v.prompt, promptTitle: v.promptTitle } : {}),
          ...(v.error ? { error: v.error, errorTitle: v.errorTitle } : {}),
        };
      }
    }
    return out;
  }

  /** The fake's record of Validation.Add and its properties, per cell, in the same words. */
  function insertedRules(state: FakeBookState): Record<string, Record<string, CellRule>> {
    const TYPES: Record<number, string> = { 1: 'whole', 3: 'list', 4: 'date', 6: 'textLength' };
    const OPERATORS: Record<number, string> = { 5: 'greaterThan', 7: 'greaterThanOrEqual', 8: 'lessThanOrEqual' };
    const out: Record<string, Record<string, CellRule>> = {};
    for (const sheet of state.sheets.slice(1)) {
      out[sheet.name] = {};
      for (const v of sheet.validations ?? []) {
        expect(v.set.IgnoreBlank).toBe(true);
        const [from, to = from] = v.range.split(':');
        const [c0, r0, c1, r1] = [...from.match(/^([A-Z]+)(\d+)$/)!.slice(1), ...to.match(/^([A-Z]+)(\d+)$/)!.slice(1)];
        for (let c = c0.charCodeAt(0); c <= c1.charCodeAt(0); c++) {
          for (let r = Number(r0); r <= Number(r1); r++) {
            out[sheet.name][`${String.fromCharCode(c)}${r}`] = {
              type: TYPES[v.type],
              ...(v.operator ? { operator: OPERATORS[v.operator] } : {}),
              formula: v.formula1!,
              errorStyle: v.alertStyle === 1 ? 'stop' : 'warning',
              showErrorMessage: v.set.ShowError as boolean,
              showInputMessage: v.set.ShowInput as boolean,
              ...(v.set.InputMessage ? { prompt: v.set.InputMessage as string, promptTitle: v.set.InputTitle as string } : {}),
              ...(v.set.ErrorMessage ? { error: v.set.ErrorMessage as string, errorTitle: v.set.ErrorTitle as string } : {}),
            };
          }
        }
      }
    }
    return out;
  }

  test.each(templateFiles())("%s inserted carries the template file's data validation and page setup", async (file) => {
    const expected = await gridFromXlsxBuffer(fs.readFileSync(path.join(ROOT, 'templates', file)));
    const wanted = new Set(expected.sheets.map((s) => s.name));
    const state = blankBook();
    insertWpsDrafts(
      new FakeApplication(state),
      draftWorkbook().filter((d) => wanted.has(d.name)),
    );
    expect(insertedRules(state)).toEqual(await templateRules(file));
    // A build whose members are methods takes the same.
    const asMethods = blankBook();
    insertWpsDrafts(
      new FakeApplication(asMethods, { members: 'method' }),
      draftWorkbook().filter((d) => wanted.has(d.name)),
    );
    expect(asMethods.sheets.map((s) => [s.validations, s.pageSetup])).toEqual(state.sheets.map((s) => [s.validations, s.pageSetup]));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'templates', file));
    const absolute = (ref: string) => ref.replace(/([A-Z]*)(\d+)/g, (_m, col: string, row: string) => `${col ? `$${col}` : ''}$${row}`);
    for (const ws of wb.worksheets) {
      const p = ws.pageSetup;
      const inches = (n: number | undefined) => (n ?? 0) * 72;
      expect(state.sheets.find((s) => s.name === ws.name)!.pageSetup).toEqual({
        PaperSize: p.paperSize,
        Orientation: p.orientation === 'landscape' ? 2 : 1,
        PrintArea: absolute(p.printArea!),
        ...(p.printTitlesRow ? { PrintTitleRows: absolute(p.printTitlesRow) } : {}),
        Zoom: false,
        FitToPagesWide: p.fitToWidth,
        FitToPagesTall: p.fitToHeight === 0 ? false : p.fitToHeight,
        CenterHorizontally: p.horizontalCentered,
        LeftMargin: inches(p.margins?.left),
        RightMargin: inches(p.margins?.right),
        TopMargin: inches(p.margins?.top),
        BottomMargin: inches(p.margins?.bottom),
        HeaderMargin: inches(p.margins?.header),
        FooterMargin: inches(p.margins?.footer),
        CenterFooter: ws.headerFooter.oddFooter,
      });
    }
    expect(state.sheets[0]).toEqual(blankBook().sheets[0]);
  });

  test('a build that refuses page setup and validation keeps the forms, and says how many settings it refused', () => {
    const state = blankBook();
    const app = new FakeApplication(state, { without: ['PageSetup', 'Validation'] });
    const drafts = draftWorkbook().filter((d) => d.name === '交接单');
    const { names, refused } = insertWpsDrafts(app, drafts);
    expect(names).toEqual(['交接单']);
    expect(refused).toBe(drafts[0].validations.filter((v) => v.type !== 'list' || (v.options ?? []).length > 0).length + 1);
    expect(state.sheets[1].cells.A1.v).toBe(drafts[0].cells.find((c) => c.row === 0 && c.col === 0)!.value);
    expect(state.sheets[1].validations).toBeUndefined();
    expect(state.sheets[1].pageSetup).toBeUndefined();
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
    expect(insertWpsDrafts(app, [draft]).names).toEqual(['交接单']);
    expect(insertWpsDrafts(app, [draft]).names).toEqual(['交接单 (2)']);
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
      ['3 场', '@'],
    ]);
    expect(sheet.merges).toEqual([`A1:${last}1`]);
    expect(sheet.charts).toEqual([{ source: expect.stringMatching(/^A4:A\d+,I4:I\d+,J4:J\d+$/), type: 51, title: table.title }]);
    expect(state.active).toBe(SUMMARY_SHEET);

    writeWpsSummary(app, table);
    expect(state.sheets.map((s) => s.name)).toEqual(['我的表', SUMMARY_SHEET]);
    expect(app.displayAlerts).toBe(true);
  });

  test('review 20a D2: every cell holds what the page shows, texts as texts — 试卷号 “1001” and 分发考场 “01” are no numbers', () => {
    const state = blankBook();
    writeWpsSummary(new FakeApplication(state), table);
    const sheet = state.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    // 试卷号 (A) and 分发考场 (P) of the three papers' rows: text, formatted as text, as the CLI's workbook holds them.
    expect([5, 6, 7].map((r) => [sheet.cells[`A${r}`].v, sheet.cells[`A${r}`].fmt, sheet.cells[`P${r}`].v, sheet.cells[`P${r}`].fmt])).toEqual([
      ['1001', '@', '01、02', '@'],
      ['2045', '@', '01', '@'],
      ['3310', '@', '01', '@'],
    ]);
    // Nothing else changed on the way: each cell holds the value written, a number a number (份数 I5: 62).
    const values = summarySheetValues(table);
    const held = values.map((row, r) => row.map((_, c) => sheet.cells[`${String.fromCharCode(65 + c)}${r + 1}`]?.v ?? ''));
    expect(held).toEqual(values);
    expect(sheet.cells.I5.v).toBe(62);
  });
});
