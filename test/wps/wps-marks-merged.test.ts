/**
 * 标记 in WPS frames a merged cell's whole area (check/mark-outline.ts, io/wps/marks-frame.ts): WPS draws a merged
 * area's border from the cells on its edges, so the frame given to 日期's first cell alone (C3 of C3:E3) showed round a
 * third of the box. The outline's cells get the mark's frame (no fill, no comment), the cells inside it are left alone,
 * and 清除标记 puts back each cell's borders as they were — after marking again, and with the marks moved.
 */
import { applyWpsMarks, clearWpsMarks } from '../../src/io/wps/marks';
import { logFinding } from '../findings';
import { FakeApplication, type FakeBookState, type FakeEtOptions } from './fake-et';
import { changed, markFrame, userCells } from './helpers';

const SHEET = '交接单';
const VARIANTS: FakeEtOptions[] = [{}, { members: 'method', shape: 'flat' }];

function book(): FakeBookState {
  return {
    sheets: [
      {
        name: SHEET,
        cells: {
          A1: { v: '试卷交接单' },
          A3: { v: '日期' },
          C3: { v: '2024-06-15' },
          // The form's own lines: D3 a thin blue bottom (under 日期), C11 (inside B10:D12) a double top.
          D3: { style: { 'edge9.LineStyle': 1, 'edge9.Weight': 2, 'edge9.Color': 0xc07000 } },
          C11: { style: { 'edge8.LineStyle': -4119, 'edge8.Weight': 4, 'edge8.Color': 0 } },
        },
        merges: ['A1:E1', 'C3:E3', 'B10:D12'],
      },
      { name: '基本信息', cells: { A1: { v: '学期' }, B1: { v: '2024春' } }, merges: [] },
    ],
  };
}

const ERROR = markFrame(1, 4);
const WARNING = markFrame(-4115, -4138);

const findings = [
  logFinding(SHEET, 'C3', 'required-field'),
  logFinding(SHEET, 'B10', 'partial-row', 'warning'),
  logFinding(SHEET, 'D8', 'partial-row', 'warning'),
];

describe.each(VARIANTS)('WPS marks on merged cells, %j', (options) => {
  test('a mark on a merged cell frames every cell on its area’s outline; fill and comment on the finding’s cell alone', () => {
    const state = book();
    const before = userCells(state);
    expect(applyWpsMarks(new FakeApplication(state, options), findings)).toMatchObject({ marked: 3 });
    const outline = ['C3', 'D3', 'E3', 'B10', 'C10', 'D10', 'B11', 'D11', 'B12', 'C12', 'D12'];
    expect(changed(before, userCells(state))).toEqual([...outline, 'D8'].map((c) => `${SHEET}!${c}`).sort());
    const cells = state.sheets[0].cells;
    expect(Object.fromEntries([...outline, 'D8', 'C11'].map((c) => [c, cells[c].style]))).toEqual({
      ...Object.fromEntries(['C3', 'D3', 'E3'].map((c) => [c, ERROR])),
      ...Object.fromEntries(['B10', 'C10', 'D10', 'B11', 'D11', 'B12', 'C12', 'D12', 'D8'].map((c) => [c, WARNING])),
      C11: { 'edge8.LineStyle': -4119, 'edge8.Weight': 4, 'edge8.Color': 0 },
    });
    expect(
      Object.keys(cells)
        .filter((c) => cells[c].fill !== undefined)
        .sort(),
    ).toEqual(['B10', 'C3', 'D8']);
    expect(
      Object.keys(cells)
        .filter((c) => cells[c].note !== undefined)
        .sort(),
    ).toEqual(['B10', 'C3', 'D8']);
  });

  test('清除标记 puts back every cell the frame changed', () => {
    const state = book();
    const before = userCells(state);
    applyWpsMarks(new FakeApplication(state, options), findings);
    expect(clearWpsMarks(new FakeApplication(state, options))).toMatchObject({ restored: 3 });
    expect(changed(before, userCells(state))).toEqual([]);
  });

  test('marking again: a cell of the frame of before marked itself keeps its own borders before; clearing puts all back', () => {
    const state = book();
    const before = userCells(state);
    applyWpsMarks(new FakeApplication(state, options), findings);
    // C3 fixed; E3 (framed by C3's mark until now) flagged: E3 frames C3:E3's outline, C3 and D3 with it.
    applyWpsMarks(new FakeApplication(state, options), [logFinding(SHEET, 'E3', 'required-field', 'warning')]);
    expect(changed(before, userCells(state))).toEqual(['C3', 'D3', 'E3'].map((c) => `${SHEET}!${c}`));
    expect(['C3', 'D3', 'E3'].map((c) => state.sheets[0].cells[c].style)).toEqual([WARNING, WARNING, WARNING]);
    clearWpsMarks(new FakeApplication(state, options));
    expect(changed(before, userCells(state))).toEqual([]);
  });
});

/** Rows inserted at `row` (1-based), as WPS moves every cell below and the merged areas with them. */
function insertRows(state: FakeBookState, row: number, count: number): void {
  const sheet = state.sheets[0];
  sheet.cells = Object.fromEntries(
    Object.entries(sheet.cells).map(([ref, c]) => {
      const [, col, r] = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return [Number(r) < row ? ref : `${col}${Number(r) + count}`, c];
    }),
  );
  sheet.merges = sheet.merges.map((m) => m.replace(/\d+/g, (r) => String(Number(r) < row ? Number(r) : Number(r) + count)));
}

test('rows inserted above the marks: each mark found moved puts back its frame where it moved', () => {
  const state = book();
  const expected = book();
  applyWpsMarks(new FakeApplication(state), findings);
  insertRows(state, 2, 2);
  insertRows(expected, 2, 2);
  expect(clearWpsMarks(new FakeApplication(state))).toMatchObject({ restored: 3 });
  expect(changed(userCells(expected), userCells(state))).toEqual([]);
});

test('a build without Range.MergeArea frames each mark’s own cell, and clearing puts it back', () => {
  const state = book();
  const before = userCells(state);
  const options: FakeEtOptions = { without: ['MergeArea'] };
  applyWpsMarks(new FakeApplication(state, options), findings);
  expect(changed(before, userCells(state))).toEqual(['B10', 'C3', 'D8'].map((c) => `${SHEET}!${c}`));
  clearWpsMarks(new FakeApplication(state, options));
  expect(changed(before, userCells(state))).toEqual([]);
});
