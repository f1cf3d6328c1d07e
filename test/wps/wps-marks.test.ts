/**
 * 标记 / 清除标记 in WPS: only the finding cells change (fill as BGR, a comment),
 * the prior state lives in a very hidden sheet of the workbook (so it survives
 * save and reopen), and clearing puts back exactly the fills (solid, patterned,
 * none) and comments there were, after marking twice too.
 */
import { MARKED_CELLS_MAX, MARK_COLORS } from '../../src/io/office-marks';
import { bgrOf } from '../../src/io/wps/et';
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks, readStore, selectWpsCell } from '../../src/io/wps/marks';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { fillWorkbook } from '../../src/cli/fill';
import { wpsHost } from '../../src/wps/face';
import { FakeApplication, FakeBookState, FakeEtOptions } from './fake-et';
import { changed, fakeBookFromXlsx, fixture, markFrame, marksBook as book, userCells } from './helpers';
import type { Intake } from '../../src/model/types';

const VARIANTS: FakeEtOptions[] = [{}, { members: 'method', shape: 'flat' }, { shape: 'nested' }];

describe.each(VARIANTS)('marks with %j', (options) => {
  test('only the finding cells change: worst severity as BGR fill, a comment that keeps the old one', () => {
    const state = book();
    const before = userCells(state);
    const app = new FakeApplication(state, options);
    const result = applyWpsMarks(app, MARKED_FINDINGS);
    expect(result).toEqual({ marked: 5, restored: 0, leftOut: 0, list: '问题清单' });
    expect(changed(before, userCells(state))).toEqual(['基本信息!B1', '附件3 出入库!B5', '附件3 出入库!C5', '附件3 出入库!D5', '附件3 出入库!E5']);
    const log = state.sheets[0].cells;
    expect(log.B5.fill).toEqual({ color: bgrOf(MARK_COLORS.error), colorIndex: expect.any(Number), pattern: 1, patternColor: 0 });
    expect(bgrOf(MARK_COLORS.error)).toBe(0xcec7ff);
    expect(log.C5.fill?.color).toBe(bgrOf(MARK_COLORS.warning));
    expect(log.D5.fill?.color).toBe(bgrOf(MARK_COLORS.error));
    expect(log.E5.fill?.color).toBe(bgrOf(MARK_COLORS.warning));
    // Framed for a black-and-white printer: an error thick continuous (1, 4), a warning medium dashed (-4115, -4138), black.
    expect([log.B5.style, log.C5.style, state.sheets[1].cells.B1.style]).toEqual([markFrame(1, 4), markFrame(-4115, -4138), markFrame(1, 4)]);
    expect(log.B5.note).toBe('【试卷保密助手】\n错误 试卷号有误：unknown-paper 的说明');
    expect(log.D5.note).toBe('原有批注：请核对\n\n【试卷保密助手】\n错误 数量不是整数：invalid-count 的说明\n警告 出库超过入库：overdraw 的说明');
    expect(log.B5.v).toBe(1001);
    // The record: a very hidden sheet, the list of findings after it (wps-list.test.ts), the active sheet unchanged.
    expect(state.sheets.map((s) => [s.name, s.visible ?? -1])).toEqual([
      ['附件3 出入库', -1],
      ['基本信息', -1],
      [MARKS_SHEET, 2],
      ['问题清单', -1],
    ]);
    expect(state.active).toBe('附件3 出入库');
  });

  test('clearing restores exactly the prior fills, borders and comments and removes the record', () => {
    const state = book();
    // C5 framed in red at its top, D5 double at its bottom: the form's own lines, put back as they were.
    state.sheets[0].cells.C5.style = { 'edge8.LineStyle': 1, 'edge8.Weight': 2, 'edge8.Color': 255 };
    state.sheets[0].cells.D5.style = { 'edge9.LineStyle': -4119, 'edge9.Weight': 4, 'edge9.Color': 0 };
    const before = structuredClone(state);
    applyWpsMarks(new FakeApplication(state, options), MARKED_FINDINGS);
    const result = clearWpsMarks(new FakeApplication(state, options));
    expect(result).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
    expect(changed(userCells(before), userCells(state))).toEqual([]);
    expect(state.sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息']);
  });
});

test('the record survives save and reopen: cleared from a fresh Application over the saved state', () => {
  const state = book();
  const before = userCells(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  const saved = JSON.parse(JSON.stringify(state)) as FakeBookState;
  const reopened = new FakeApplication(saved);
  expect(clearWpsMarks(reopened).restored).toBe(5);
  expect(changed(before, userCells(saved))).toEqual([]);
});

test('marking twice keeps the first prior state and restores cells no longer flagged', () => {
  const state = book();
  const before = userCells(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  const second = applyWpsMarks(new FakeApplication(state), [
    logFinding('附件3 出入库', 'D5', 'invalid-count'),
    logFinding('附件3 出入库', 'A5', 'required-field'),
  ]);
  expect(second).toEqual({ marked: 2, restored: 4, leftOut: 0, list: '问题清单', gone: 4 });
  expect(changed(before, userCells(state))).toEqual(['附件3 出入库!A5', '附件3 出入库!D5']);
  expect(state.sheets[0].cells.D5.note).toBe('原有批注：请核对\n\n【试卷保密助手】\n错误 数量不是整数：invalid-count 的说明');
  const { cells: stored } = readStore(new Map(state.sheets.map((s) => [s.name, new FakeApplication(state).sheet(s)])));
  expect(stored.map((p) => p.cell).sort()).toEqual(['A5', 'D5']);
  expect(stored.find((p) => p.cell === 'D5')?.comment).toBe('原有批注：请核对');
  clearWpsMarks(new FakeApplication(state));
  expect(changed(before, userCells(state))).toEqual([]);
});

test('a long record (many findings) is split over cells and read back whole', () => {
  const state = book();
  const many = Array.from({ length: 600 }, (_, i) => logFinding('附件3 出入库', `F${i + 10}`, 'required-field'));
  applyWpsMarks(new FakeApplication(state), many);
  const record = state.sheets.find((s) => s.name === MARKS_SHEET)!;
  expect(Object.keys(record.cells)).toMatchInlineSnapshot(`
   [
     "A1",
     "A2",
     "A3",
     "A4",
   ]
  `);
  expect(clearWpsMarks(new FakeApplication(state)).restored).toBe(600);
});

test(`more cells than ${MARKED_CELLS_MAX}: the first are marked, the rest counted, and put back if marked before; the pane says so`, async () => {
  const state = book();
  const before = userCells(state);
  const cells = (column: string, n: number) => Array.from({ length: n }, (_, i) => logFinding('附件3 出入库', `${column}${i + 10}`, 'required-field'));
  applyWpsMarks(new FakeApplication(state), cells('H', 300));
  const many = [...cells('G', MARKED_CELLS_MAX + 1200), ...cells('H', 300)];
  const host = wpsHost(new FakeApplication(state));
  const site = { id: 'workbook', label: '当前工作簿', findings: many };
  expect(await host.mark!(site, 'zh')).toBe(
    '已标记 5,000 个单元格。有问题的单元格太多，只标记了前 5,000 个，另有 1,500 个没有标记：请在列表中查看。全部问题列在最后一张工作表“问题清单”，可打印。',
  );
  const marked = Object.entries(state.sheets[0].cells)
    .filter(([, cell]) => cell.fill?.color === bgrOf(MARK_COLORS.error))
    .map(([ref]) => ref);
  expect(marked.sort()).toEqual(Array.from({ length: MARKED_CELLS_MAX }, (_, i) => `G${i + 10}`).sort());
  clearWpsMarks(new FakeApplication(state));
  expect(changed(before, userCells(state))).toEqual([]);
});

test('clearing with nothing marked changes nothing', () => {
  const state = book();
  const app = new FakeApplication(state);
  const before = structuredClone(state);
  expect(clearWpsMarks(app)).toEqual({ marked: 0, restored: 0, leftOut: 0 });
  expect(state).toEqual(before);
});

test('select activates the sheet and selects the cell', () => {
  const state = book();
  const app = new FakeApplication(state);
  selectWpsCell(app, '基本信息', 'B1');
  expect(state.active).toBe('基本信息');
  expect(state.selection).toEqual({ sheet: '基本信息', address: 'B1' });
});

test('a finding on a hidden sheet: the pane says it is hidden and how to show it; the sheet is left as it is', async () => {
  const state = book();
  state.sheets.push({ name: '出入库记录（草稿）', cells: { A1: { v: '保密室试卷出入库记录表' } }, merges: [], visible: 0 });
  const host = wpsHost(new FakeApplication(state));
  const site = { id: 'workbook', label: '当前工作簿', findings: [] };
  const finding = logFinding('出入库记录（草稿）', 'A1', 'hidden-sheet', 'warning');
  expect(await host.select(site, finding, 'zh')).toBe(
    '工作表“出入库记录（草稿）”是隐藏的，跳不到 A1：请右键单击任一工作表标签 → 取消隐藏，选“出入库记录（草稿）”，再点这一条。',
  );
  expect([state.active, state.selection]).toEqual([state.sheets[0].name, undefined]);
  state.sheets[state.sheets.length - 1].visible = 2;
  expect(await host.select(site, finding, 'en')).toMatch(/^Sheet “出入库记录（草稿）” is very hidden, so A1 cannot be shown/);
  state.sheets[state.sheets.length - 1].visible = -1;
  expect(await host.select(site, finding, 'zh')).toBeUndefined();
  expect(state.selection).toEqual({ sheet: '出入库记录（草稿）', address: 'A1' });
});

test('over a whole filled workbook: marking changes only the finding cells, clearing restores every cell', async () => {
  const data = fixture('kaodian.json');
  (data.intake as Intake).totals!.bags31 = 9;
  const state = await fakeBookFromXlsx(await fillWorkbook(data));
  const before = userCells(state);
  const host = wpsHost(new FakeApplication(state));
  const [site] = await host.check('zh');
  expect(site.findings.map((f) => [f.rule, f.sheet, f.cell])).toMatchInlineSnapshot(`
   [
     [
       "column-total",
       "入库清单",
       "D14",
     ],
   ]
  `);
  await host.mark!(site, 'zh');
  const cells = [...new Set(site.findings.filter((f) => f.sheet && f.cell).map((f) => `${f.sheet}!${f.cell}`))].sort();
  expect(changed(before, userCells(state))).toEqual(cells);
  await host.clearMarks!('zh');
  const after = userCells(state);
  expect(changed(before, after).map((k) => [k, before[k], after[k]])).toEqual([]);
});
