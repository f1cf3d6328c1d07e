/**
 * 标记 in WPS frames a merged cell's whole area (check/mark-outline.ts, io/wps/marks-frame.ts): WPS draws a merged
 * area's border from the cells on its edges, so the frame given to 日期's first cell alone (C3 of C3:E3) showed round a
 * third of the box. The outline's cells get the mark's frame (no fill, no comment), the cells inside it are left alone,
 * and 清除标记 puts back each cell's borders as they were — after marking again, and with the marks moved.
 */
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks } from '../../src/io/wps/marks';
import { logFinding } from '../findings';
import { a1, parseA1, parseRange } from '../../src/model/grid';
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

/**
 * Rows (or columns) inserted before `at` (0-based), as WPS inserts them: the cells from there on move down (right), the
 * merged areas with them — an area the insertion falls inside grows —, and the new cells take the format (fill and
 * borders, not the comment) of the row above (the column to the left).
 */
function insert(state: FakeBookState, line: 'row' | 'col', at: number, count: number): void {
  const sheet = state.sheets[0];
  const cells: FakeBookState['sheets'][number]['cells'] = {};
  const place = (p: { row: number; col: number }, n: number): string => a1(line === 'row' ? p.row + n : p.row, line === 'col' ? p.col + n : p.col);
  for (const [ref, c] of Object.entries(sheet.cells)) {
    const p = parseA1(ref)!;
    cells[p[line] < at ? ref : place(p, count)] = c;
    const look = { ...(c.style && { style: c.style }), ...(c.fill && { fill: c.fill }) };
    if (p[line] === at - 1 && Object.keys(look).length > 0) for (let n = 1; n <= count; n++) cells[place(p, n)] = look;
  }
  sheet.cells = cells;
  sheet.merges = sheet.merges.map((m) => {
    const box = parseRange(m)!;
    const shift = (n: number, edge: number): number => (edge >= at ? n + count : n);
    return line === 'row'
      ? `${a1(shift(box.top, box.top), box.left)}:${a1(shift(box.bottom, box.bottom), box.right)}`
      : `${a1(box.top, shift(box.left, box.left))}:${a1(box.bottom, shift(box.right, box.right))}`;
  });
}
const insertRows = (state: FakeBookState, row: number, count: number): void => insert(state, 'row', row - 1, count);

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

/** Marks the workbook, changes it (`edit`), and clears: the workbook is as the same change leaves it unmarked. */
function editedBetween(edit: (state: FakeBookState) => void, marked = findings): void {
  const state = book();
  const expected = book();
  applyWpsMarks(new FakeApplication(state), marked);
  edit(state);
  edit(expected);
  expect(clearWpsMarks(new FakeApplication(state))).toMatchObject({ restored: marked.length });
  expect(changed(userCells(expected), userCells(state))).toEqual([]);
}

// WPS's insertion gives the new cells the look of the row above (the column to the left): inside an area, a cell of our
// frame's; beside a marked cell, that mark's fill and frame, which no frame holds (a mark's neighbours are left out here).
test('rows inserted inside a framed area (two before B10:D12’s last): 清除标记 puts the frame back on the area as WPS reports it then', () => {
  editedBetween(
    (state) => {
      insert(state, 'row', 11, 2);
      expect(state.sheets[0].merges).toEqual(['A1:E1', 'C3:E3', 'B10:D14']);
    },
    findings.slice(0, 2),
  );
});

test('a column inserted inside a framed area (before C3:E3’s last), and columns beside the areas: every cell put back', () => {
  editedBetween((state) => insert(state, 'col', 4, 1), findings.slice(0, 1));
  editedBetween((state) => insert(state, 'col', 1, 2));
});

/** The calls to mark a sheet's A1 and to clear it again (A1 the first cell of `area`, or of none), the book left as it was. */
function callsFor(area?: string): [number, number] {
  const state: FakeBookState = { sheets: [{ name: SHEET, cells: { A1: { v: '备注' } }, merges: area ? [area] : [] }] };
  const before = userCells(state);
  const marking = new FakeApplication(state);
  applyWpsMarks(marking, [logFinding(SHEET, 'A1', 'required-field')]);
  const clearing = new FakeApplication(state);
  clearWpsMarks(clearing);
  expect(changed(before, userCells(state))).toEqual([]);
  return [marking.calls, clearing.calls];
}

// Cell by cell, a frame cell cost 28 calls to mark (14 to read its edges, 14 to set them) and 6 to clear: a 1×6 area
// 140 and 30 calls more than a cell alone, a 10×3 area 588 and 126. A side at a time: 17 calls to read a side, 17 to
// set it, 7 to put it back (one look all along), and some 8 to ask the area again at 清除标记.
test.each([
  ['A1:F1', 'a 1×6 area: one side (B1:F1)', 34, 15],
  ['A1:C10', 'a 10×3 area: four sides', 136, 36],
])('the frame of %s (%s) read and set a side at a time: %d calls more than a cell alone to mark, %d to clear', (area, _sides, marking, clearing) => {
  const [mark, clear] = callsFor();
  const [markFramed, clearFramed] = callsFor(area);
  expect([markFramed - mark, clearFramed - clear]).toEqual([marking, clearing]);
});

test('the marks record of 500 findings on merged cells (1×6 areas, a thin box each) keeps each look once: some 215 characters a mark (some 540 when each frame cell kept its own)', () => {
  const rows = Array.from({ length: 500 }, (_, i) => i + 1);
  const thin = { LineStyle: 1, Weight: 2, Color: 0 };
  const box = (edges: number[]) => Object.fromEntries(edges.flatMap((e) => Object.entries(thin).map(([k, v]) => [`edge${e}.${k}`, v])));
  const cells: FakeBookState['sheets'][number]['cells'] = {};
  // A form's thin box drawn round each area, as WPS keeps it: the top and bottom of every cell, A's left, F's right.
  for (const r of rows)
    for (const c of ['A', 'B', 'C', 'D', 'E', 'F']) cells[`${c}${r}`] = { style: box([8, 9, ...(c === 'A' ? [7] : []), ...(c === 'F' ? [10] : [])]) };
  const state: FakeBookState = { sheets: [{ name: SHEET, cells, merges: rows.map((r) => `A${r}:F${r}`) }] };
  const before = userCells(state);
  applyWpsMarks(
    new FakeApplication(state),
    rows.map((r) => logFinding(SHEET, `A${r}`, 'required-field')),
  );
  const record = state.sheets.find((s) => s.name === MARKS_SHEET)!;
  const text = Object.values(record.cells)
    .map((c) => String(c.v))
    .join('');
  expect(text.length).toBeLessThan(500 * 250);
  clearWpsMarks(new FakeApplication(state));
  expect(changed(before, userCells(state))).toEqual([]);
});
