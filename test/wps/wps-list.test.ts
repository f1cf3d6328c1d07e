/**
 * 标记 in WPS also writes 问题清单 (io/wps/list.ts), as Excel's pane does: the
 * marked copy's words, columns and order (check/finding-list.ts), its look,
 * and A4 landscape print setup where the build has PageSetup. Its name is kept
 * in the marks record; clearing removes it — only the sheet we wrote, while
 * its A1 is still the list's title — and marking again replaces it. Nothing
 * else of the workbook changes, and a build without a member keeps the rest.
 */
import type { Intake } from '../../src/model/types';
import { fillWorkbook } from '../../src/cli/fill';
import { MARK_COLORS } from '../../src/io/office-marks';
import { bgrOf } from '../../src/io/wps/et';
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks, readStore } from '../../src/io/wps/marks';
import { wpsHost } from '../../src/wps/face';
import { MARKED_FINDINGS, findingAt, logFinding } from '../findings';
import { FakeApplication, FakeBookState, FakeCell, FakeEtOptions, FakeSheetState } from './fake-et';
import {
  LIST_HEADERS as HEADERS,
  LIST_ROWS as ROWS,
  LIST_TITLE as TITLE,
  bookState,
  changed,
  fakeBookFromXlsx,
  fixture,
  marksBook,
  userCells,
} from './helpers';

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const CENTER = -4108;
const TOP = -4160;
const FINDING_CELLS = ['基本信息!B1', '附件3 出入库!B5', '附件3 出入库!C5', '附件3 出入库!D5', '附件3 出入库!E5'];

const sheet = (state: FakeBookState, name: string): FakeSheetState | undefined => state.sheets.find((s) => s.name === name);
const names = (state: FakeBookState): string[] => state.sheets.map((s) => s.name);

/** The values of A1 down `rows` rows and across A:G, '' where a cell holds none. */
function values(s: FakeSheetState, rows: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) => COLUMNS.map((c) => s.cells[`${c}${r + 1}`]?.v ?? ''));
}

/** The cells holding `key`, with what they hold. */
function only<K extends keyof FakeCell>(s: FakeSheetState, key: K): Record<string, FakeCell[K]> {
  return Object.fromEntries(
    Object.entries(s.cells)
      .filter(([, c]) => c[key] !== undefined)
      .map(([ref, c]) => [ref, c[key]]),
  );
}

/** The record's list, read as the adapter reads it. */
function storedList(state: FakeBookState): string | undefined {
  const app = new FakeApplication(state);
  return readStore(new Map(state.sheets.map((s) => [s.name, app.sheet(s)]))).list;
}

const solid = (hex: string) => ({ color: bgrOf(hex), pattern: 1 });
const fillsOf = (s: FakeSheetState) => Object.fromEntries(Object.entries(only(s, 'fill')).map(([ref, f]) => [ref, { color: f!.color, pattern: f!.pattern }]));

const VARIANTS: FakeEtOptions[] = [{}, { members: 'method', shape: 'flat' }, { shape: 'nested' }];

describe.each(VARIANTS)('the list with %j', (options) => {
  test('marking lists every finding on 问题清单, last, in the marked copy’s words and look, set up to print; nothing else changes', () => {
    const state = marksBook();
    const before = structuredClone(state);
    const result = applyWpsMarks(new FakeApplication(state, options), MARKED_FINDINGS);
    expect(result).toEqual({ marked: 5, restored: 0, leftOut: 0, list: '问题清单' });
    expect(names(state)).toEqual(['附件3 出入库', '基本信息', MARKS_SHEET, '问题清单']);
    expect(state.active).toBe('附件3 出入库');
    expect(storedList(state)).toBe('问题清单');

    const list = sheet(state, '问题清单')!;
    expect(values(list, 11)).toEqual([...ROWS, ['', '', '', '', '', '', '']]);
    // A1:G10 and nothing past it.
    expect(Object.keys(list.cells).sort()).toEqual(ROWS.flatMap((_, r) => COLUMNS.map((c) => `${c}${r + 1}`)).sort());
    expect(list.merges).toEqual(['A1:G1']);
    // Each text a text: B:G of the findings' rows in the text format, nothing else formatted.
    expect(only(list, 'fmt')).toEqual(Object.fromEntries(ROWS.slice(2).flatMap((_, r) => COLUMNS.slice(1).map((c) => [`${c}${r + 3}`, '@']))));
    // The header row grey; each finding's 严重程度 the colour of its marks.
    const severity = ['error', 'warning', 'error', 'warning', 'warning', 'error', 'error', 'error'] as const;
    expect(fillsOf(list)).toEqual({
      ...Object.fromEntries(COLUMNS.map((c) => [`${c}2`, solid('#D9D9D9')])),
      ...Object.fromEntries(severity.map((s, i) => [`B${i + 3}`, solid(MARK_COLORS[s])])),
    });
    const font = (size: number, bold = false) => ({ 'font.Name': '宋体', 'font.Size': size, ...(bold ? { 'font.Bold': true } : {}) });
    const border = { 'border.LineStyle': 1, 'border.Weight': 2 };
    const title = { ...font(11, true), WrapText: true, VerticalAlignment: CENTER };
    const header = { ...font(11, true), WrapText: true, VerticalAlignment: CENTER, HorizontalAlignment: CENTER, ...border };
    const body = { ...font(10), WrapText: true, VerticalAlignment: TOP, ...border };
    const styleAt = (ref: string) => {
      const row = Number(ref.slice(1));
      if (row === 1) return title;
      if (row === 2) return header;
      return ref.startsWith('B') ? { ...body, HorizontalAlignment: CENTER } : body;
    };
    expect(only(list, 'style')).toEqual(Object.fromEntries(Object.keys(list.cells).map((ref) => [ref, styleAt(ref)])));
    expect(list.widths).toEqual({ A: 4, B: 9, C: 12, D: 7, E: 9, F: 16, G: 68 });
    expect(list.heights).toEqual({ '1': 30 });
    // Its title and header rows frozen, as the Excel pane's list; the sheet that was active is again (above).
    expect(list.window).toEqual({ SplitColumn: 0, SplitRow: 2, FreezePanes: true });
    expect(before.sheets.map((s) => s.window)).toEqual(state.sheets.slice(0, 3).map((s) => s.window));
    expect(list.pageSetup).toEqual({
      PaperSize: 9,
      Orientation: 2,
      PrintTitleRows: '$2:$2',
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      CenterHorizontally: true,
      // Through Application.InchesToPoints (the fake's: × 72).
      LeftMargin: 0.4 * 72,
      RightMargin: 0.4 * 72,
      TopMargin: 0.5 * 72,
      BottomMargin: 0.6 * 72,
      HeaderMargin: 0.3 * 72,
      FooterMargin: 0.3 * 72,
      CenterFooter: '问题清单 · 第 &P 页，共 &N 页',
    });
    expect(list.visible ?? -1).toBe(-1);
    expect(list.conditions ?? list.validations ?? list.charts).toBeUndefined();

    // The user's sheets: only the finding cells changed, and nothing of theirs but cells.
    expect(changed(userCells(before), userCells(state))).toEqual(FINDING_CELLS);
    const withoutCells = (b: FakeBookState) => b.sheets.slice(0, 2).map((s) => ({ ...s, cells: undefined }));
    expect(withoutCells(state)).toEqual(withoutCells(before));
  });

  test('clearing removes the list with the marks and the record: the workbook is exactly as before', () => {
    const state = marksBook();
    const before = bookState(state);
    applyWpsMarks(new FakeApplication(state, options), MARKED_FINDINGS);
    expect(clearWpsMarks(new FakeApplication(state, options))).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
    expect(bookState(state)).toEqual(before);
  });
});

test('in English: Findings, its words and footer', () => {
  const state = marksBook();
  expect(applyWpsMarks(new FakeApplication(state), [logFinding('附件3 出入库', 'B5', 'unknown-paper', 'warning')], 'en').list).toBe('Findings');
  const list = sheet(state, 'Findings')!;
  expect(values(list, 3)).toEqual([
    [
      'Problems found by the custody assistant: 0 errors, 1 warning (errors: pink cells in a thick frame; warnings: yellow cells in a dashed frame; check again once corrected)',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    ['#', 'Severity', 'Sheet', 'Cell', 'No. / shift / field', 'Problem', 'What is wrong and what to do'],
    [1, 'Warning', '附件3 出入库', 'B5', 'No. 1', 'Wrong paper number', 'unknown-paper 的说明'],
  ]);
  expect(list.pageSetup?.CenterFooter).toBe('Findings · page &P of &N');
});

test('a sheet named 2024 and a message beginning with = stay texts', () => {
  const state = marksBook();
  applyWpsMarks(new FakeApplication(state), [findingAt('2024', 'A1', 'required-field', { message: '=1+1' })]);
  const list = sheet(state, '问题清单')!;
  expect([list.cells.C3, list.cells.G3].map((c) => [c.v, c.f])).toEqual([
    ['2024', undefined],
    ['=1+1', undefined],
  ]);
});

test('marking again replaces the list (one list, of the new findings, last); no findings, no list and no record', () => {
  const state = marksBook();
  const before = bookState(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  state.sheets.push({ name: '备注', cells: { A1: { v: '考务办自己的表' } }, merges: [] });
  expect(applyWpsMarks(new FakeApplication(state), [logFinding('附件3 出入库', 'F5', 'partial-row', 'warning')]).list).toBe('问题清单');
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', MARKS_SHEET, '备注', '问题清单']);
  expect(values(sheet(state, '问题清单')!, 4)).toEqual([
    ['试卷保密助手检查发现的问题：错误 0 处，警告 1 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）', '', '', '', '', '', ''],
    HEADERS,
    [1, '警告', '附件3 出入库', 'F5', '序号 1', '行只填了一部分', 'partial-row 的说明'],
    ['', '', '', '', '', '', ''],
  ]);
  expect(applyWpsMarks(new FakeApplication(state), [])).toEqual({ marked: 0, restored: 1, leftOut: 0, list: undefined, listRemoved: '问题清单', gone: 1 });
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', '备注']);
  state.sheets.pop();
  expect(bookState(state)).toEqual(before);
});

test('findings of no cell only: the list alone, its name in the record; clearing takes both away', () => {
  const state = marksBook();
  const before = bookState(state);
  expect(applyWpsMarks(new FakeApplication(state), [logFinding(null, null, 'handover-copies-disagree')])).toEqual({
    marked: 0,
    restored: 0,
    leftOut: 0,
    list: '问题清单',
  });
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', MARKS_SHEET, '问题清单']);
  expect(storedList(state)).toBe('问题清单');
  expect(clearWpsMarks(new FakeApplication(state)).list).toBe('问题清单');
  expect(bookState(state)).toEqual(before);
});

test('only our list is removed: a 问题清单 of the officer’s own is kept (ours is 问题清单2), and so is ours once overwritten or renamed', () => {
  const state = marksBook();
  state.sheets.push({ name: '问题清单', cells: { A1: { v: '自己的清单' } }, merges: [] });
  const before = bookState(state);
  expect(applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS).list).toBe('问题清单2');
  expect(storedList(state)).toBe('问题清单2');
  expect(clearWpsMarks(new FakeApplication(state)).list).toBe('问题清单2');
  expect(bookState(state)).toEqual(before);

  // Ours, its title overwritten: neither marking again nor clearing deletes it.
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  sheet(state, '问题清单2')!.cells.A1.v = '整改记录';
  expect(applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS).list).toBe('问题清单3');
  expect(clearWpsMarks(new FakeApplication(state)).list).toBe('问题清单3');
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', '问题清单', '问题清单2']);

  // Ours, renamed: kept; the next list takes the name again.
  state.sheets.pop();
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  sheet(state, '问题清单2')!.name = '打印用';
  expect(applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS).list).toBe('问题清单2');
  expect(clearWpsMarks(new FakeApplication(state)).list).toBe('问题清单2');
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', '问题清单', '打印用']);
  expect(sheet(state, '打印用')!.cells.A1.v).toBe(TITLE);
});

/** The record as the adapter wrote it before the list: `{ version, cells }` (its border looks as stored now), no list field. */
function asOldRecord(state: FakeBookState): void {
  const record = sheet(state, MARKS_SHEET)!;
  const text = Object.keys(record.cells)
    .sort()
    .map((ref) => String(record.cells[ref].v).slice(1))
    .join('');
  const { cells, looks } = JSON.parse(text) as { cells: unknown[]; looks: unknown[] };
  record.cells = { A1: { v: `|${JSON.stringify({ version: 1, looks, cells })}`, fmt: '@' } };
}

test('a record of before the list (no list field) still clears, and a list sheet it never named is left alone', () => {
  const state = marksBook();
  const before = bookState(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  asOldRecord(state);
  expect(storedList(state)).toBeUndefined();
  // The 问题清单 now stands for one the officer kept from a marked copy: not ours to delete.
  const kept = structuredClone(sheet(state, '问题清单')!);
  expect(clearWpsMarks(new FakeApplication(state))).toEqual({ marked: 0, restored: 5, leftOut: 0, list: undefined });
  expect(bookState(state)).toEqual(bookState({ sheets: [...structuredClone(marksBook()).sheets, kept] }));
  state.sheets.pop();
  expect(bookState(state)).toEqual(before);

  // Marking over an old record: the cells' first prior state kept, a new list beside the one it never named, all cleared.
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  asOldRecord(state);
  expect(applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS).list).toBe('问题清单2');
  clearWpsMarks(new FakeApplication(state));
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', '问题清单']);
  state.sheets.pop();
  expect(bookState(state)).toEqual(before);
});

test('a build without PageSetup, Font, Borders, alignment or InchesToPoints: the list still, with what the build has', () => {
  const bare = marksBook();
  const lacking = ['PageSetup', 'Font', 'Borders', 'HorizontalAlignment', 'VerticalAlignment', 'WrapText', 'ColumnWidth', 'RowHeight', 'AutoFit'];
  expect(applyWpsMarks(new FakeApplication(bare, { without: lacking }), MARKED_FINDINGS).list).toBe('问题清单');
  const list = sheet(bare, '问题清单')!;
  expect(values(list, 10)).toEqual(ROWS);
  expect(list.merges).toEqual(['A1:G1']);
  expect(Object.keys(fillsOf(list))).toHaveLength(15);
  expect([list.pageSetup, list.widths, list.heights, Object.keys(only(list, 'style'))]).toEqual([undefined, undefined, undefined, []]);
  expect(list.window).toEqual({ SplitColumn: 0, SplitRow: 2, FreezePanes: true });

  // Without InchesToPoints: 72 points an inch, to a tenth.
  const plain = marksBook();
  applyWpsMarks(new FakeApplication(plain, { without: ['InchesToPoints'] }), MARKED_FINDINGS);
  const setup = sheet(plain, '问题清单')!.pageSetup!;
  expect(['LeftMargin', 'RightMargin', 'TopMargin', 'BottomMargin', 'HeaderMargin', 'FooterMargin'].map((m) => setup[m])).toEqual([
    28.8, 28.8, 36, 43.2, 21.6, 21.6,
  ]);
});

describe('print settings the build refuses: the pane says so, for the officer to set them by hand', () => {
  const LISTED = '已标记 5 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。';
  const REFUSED = '这个版本的 WPS 没有接受问题清单的部分打印设置：打印前请在“页面设置”里设为 A4 横向、调整为一页宽，并把第 2 行设为顶端标题行。';
  const site = { id: 'workbook', label: '当前工作簿', findings: [...MARKED_FINDINGS] };
  const markIn = (options: FakeEtOptions, lang: 'zh' | 'en' = 'zh') => wpsHost(new FakeApplication(marksBook(), options)).mark!(site, lang);

  test('all taken: the list, and nothing more said', async () => {
    expect(await markIn({})).toBe(LISTED);
  });

  test.each([['PrintTitleRows'], ['PageSetup'], ['FitToPagesWide', 'Zoom']])('without %s: said after where the list is', async (...lacking) => {
    expect(await markIn({ without: lacking })).toBe(LISTED + REFUSED);
  });

  test('in English', async () => {
    expect(await markIn({ without: ['PrintTitleRows'] }, 'en')).toBe(
      'Marked 5 cells. Every finding is listed on the last sheet, “Findings”, ready to print. This WPS build did not take some of the list’s print settings: before printing it, set A4 landscape, one page wide and row 2 as the rows to repeat at top in Page Setup.',
    );
  });

  test('the result says it; the other settings are still made', () => {
    const state = marksBook();
    expect(applyWpsMarks(new FakeApplication(state, { without: ['PrintTitleRows'] }), MARKED_FINDINGS)).toEqual({
      marked: 5,
      restored: 0,
      leftOut: 0,
      list: '问题清单',
      printRefused: true,
    });
    const made = ['PaperSize', 'Orientation', 'Zoom', 'FitToPagesWide', 'FitToPagesTall', 'CenterHorizontally', 'LeftMargin', 'RightMargin'];
    const margins = ['TopMargin', 'BottomMargin', 'HeaderMargin', 'FooterMargin', 'CenterFooter'];
    expect(Object.keys(sheet(state, '问题清单')!.pageSetup!)).toEqual([...made, ...margins]);
  });
});

test('a build without ActiveWindow: the list as ever, unfrozen, the active sheet kept', () => {
  const state = marksBook();
  expect(applyWpsMarks(new FakeApplication(state, { without: ['ActiveWindow'] }), MARKED_FINDINGS).list).toBe('问题清单');
  expect(state.sheets.map((s) => s.window)).toEqual([undefined, undefined, undefined, undefined]);
  expect(state.active).toBe('附件3 出入库');
});

test('a build that cannot delete a sheet writes no list (清除标记 could not take it away); the marks as ever', async () => {
  const state = marksBook();
  const before = userCells(state);
  const host = wpsHost(new FakeApplication(state, { without: ['Delete'] }));
  const site = { id: 'workbook', label: '当前工作簿', findings: [...MARKED_FINDINGS] };
  expect(await host.mark!(site, 'zh')).toBe('已标记 5 个单元格。');
  expect(names(state)).toEqual(['附件3 出入库', '基本信息', MARKS_SHEET]);
  expect(storedList(state)).toBeUndefined();
  expect(await host.clearMarks!('zh')).toBe('已恢复 5 个单元格原来的格式和批注。');
  expect(changed(before, userCells(state))).toEqual([]);
});

test('the pane says where the list is; checking the marked workbook again finds what it found before', async () => {
  const data = fixture('kaodian.json');
  (data.intake as Intake).totals!.bags31 = 9;
  const state = await fakeBookFromXlsx(await fillWorkbook(data));
  const before = bookState(state);
  const [site] = await wpsHost(new FakeApplication(state)).check('zh');
  expect(site.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['column-total', '入库清单', 'D14']]);
  expect(await wpsHost(new FakeApplication(state)).mark!(site, 'zh')).toBe('已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。');
  expect(names(state).slice(-2)).toEqual([MARKS_SHEET, '问题清单']);
  const [again] = await wpsHost(new FakeApplication(state)).check('zh');
  expect(again.findings).toEqual(site.findings);
  await wpsHost(new FakeApplication(state)).clearMarks!('zh');
  expect(bookState(state)).toEqual(before);
});
