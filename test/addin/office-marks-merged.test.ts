/**
 * 标记 in Excel frames a merged cell's whole area (check/mark-outline.ts, io/office-marks-frame.ts): Excel draws a
 * merged area's border from the cells on its edges, so the frame given to 日期's first cell alone (C3 of C3:E3) showed
 * round a third of the box. The outline's cells get the mark's frame (no fill, no note); the cells inside it are left
 * alone; 清除标记 puts back each cell's borders as they were — after marking again, and with the marks moved.
 */
import { MARKS_SETTING, applyMarks, clearMarks } from '../../src/io/office-marks';
import { logFinding } from '../findings';
import { a1, parseA1, parseRange } from '../../src/model/grid';
import { type BorderState, FakeContext, type FakeSheet, type FakeState, asExcel, fakeSheet, snapshot } from './fake-excel';

const SHEET = '交接单';
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function workbook(): FakeState {
  const sheet = fakeSheet(SHEET, [['试卷交接单'], [], ['日期', '', '2024-06-15']], ['C3:E3', 'B10:D12', 'A1:E1']);
  // The form's own lines: D3 a thin blue bottom (under 日期), C11 (inside B10:D12) a double top; a cell never marked.
  sheet.borders = new Map<string, BorderState>([
    ['D3 EdgeBottom', { style: 'Continuous', weight: 'Thin', color: '#0070C0' }],
    ['C11 EdgeTop', { style: 'Double', weight: 'Thick', color: '#000000' }],
    ['A9 EdgeTop', { style: 'Continuous', weight: 'Thin', color: '#000000' }],
  ]);
  sheet.fills.set('D3', { color: '#DDEBF7', pattern: 'Solid', patternColor: null });
  return { sheets: [sheet, fakeSheet('基本信息', [['学期', '2024春']])], settings: new Map(), inserted: [] };
}

const frame = (cells: string[], style: string, weight: string): Array<[string, BorderState]> =>
  cells.flatMap((cell) => EDGES.map((edge): [string, BorderState] => [`${cell} ${edge}`, { style, weight, color: '#000000' }]));
const ERROR = ['Continuous', 'Thick'] as const;
const WARNING = ['Dash', 'Medium'] as const;
const sorted = (map: Map<string, unknown> | undefined) => Object.fromEntries([...(map ?? [])].sort());

const findings = [
  logFinding(SHEET, 'C3', 'required-field'),
  logFinding(SHEET, 'B10', 'partial-row', 'warning'),
  logFinding(SHEET, 'D8', 'partial-row', 'warning'),
];
const mark = (state: FakeState, marked = findings, merges = true) => applyMarks(asExcel(new FakeContext(state)), marked, { notes: true, merges });
const clear = (state: FakeState) => clearMarks(asExcel(new FakeContext(state)), { notes: true, merges: true });

test('a mark on a merged cell frames every cell on its area’s outline, in one sync more; fill and note on the finding’s cell alone', async () => {
  const state = workbook();
  const sheet = state.sheets[0];
  const result = await mark(state);
  // The record and sheets; where the marks of before are now, with the marks' sheets' merged areas; the cells' state; the writes.
  expect(result).toMatchObject({ marked: 3, syncs: 4 });
  expect(sorted(sheet.borders)).toEqual(
    sorted(
      new Map([
        ...frame(['C3', 'D3', 'E3'], ...ERROR),
        ...frame(['B10', 'C10', 'D10', 'B11', 'D11', 'B12', 'C12', 'D12', 'D8'], ...WARNING),
        // Inside B10:D12's outline and off any mark: as it was.
        ['C11 EdgeTop', { style: 'Double', weight: 'Thick', color: '#000000' }],
        ['A9 EdgeTop', { style: 'Continuous', weight: 'Thin', color: '#000000' }],
      ]),
    ),
  );
  expect([...sheet.fills.keys()].sort()).toEqual(['B10', 'C3', 'D3', 'D8']);
  expect(sheet.fills.get('D3')).toEqual({ color: '#DDEBF7', pattern: 'Solid', patternColor: null });
  expect([...sheet.notes.keys()].sort()).toEqual(['B10', 'C3', 'D8']);
});

test('without ExcelApi 1.13 (no merged areas) a mark frames its own cell, in three syncs as before', async () => {
  const state = workbook();
  const result = await mark(state, findings, false);
  expect(result).toMatchObject({ marked: 3, syncs: 3 });
  const own = workbook().sheets[0].borders!;
  expect(sorted(state.sheets[0].borders)).toEqual(sorted(new Map([...own, ...frame(['C3'], ...ERROR), ...frame(['B10', 'D8'], ...WARNING)])));
});

test('清除标记 puts back every cell the frame changed, in four syncs as before', async () => {
  const state = workbook();
  const before = snapshot(state);
  await mark(state);
  const result = await clear(state);
  expect(result).toMatchObject({ restored: 3, syncs: 4 });
  expect(snapshot(state)).toEqual(before);
});

test('marking again: a cell of the frame of before marked itself keeps its own borders before; clearing puts all back', async () => {
  const state = workbook();
  const before = snapshot(state);
  await mark(state);
  // C3 fixed; E3 (framed by C3's mark until now) flagged: E3 frames C3:E3's outline, C3 and D3 as they were before.
  await mark(state, [logFinding(SHEET, 'E3', 'required-field', 'warning')]);
  const sheet = state.sheets[0];
  expect(Object.fromEntries(['C3', 'D3', 'E3'].map((c) => [c, sheet.borders?.get(`${c} EdgeTop`)?.style]))).toEqual({ C3: 'Dash', D3: 'Dash', E3: 'Dash' });
  expect(sheet.borders?.get('D3 EdgeLeft')).toEqual({ style: 'Dash', weight: 'Medium', color: '#000000' });
  expect(sheet.borders?.get('B10 EdgeTop')).toBeUndefined();
  await clear(state);
  expect(snapshot(state)).toEqual(before);
});

/**
 * Rows (or columns) inserted before `at` (0-based), as Excel inserts them: the cells from there on move down (right),
 * with their fills, borders and notes, and the merged areas with them — an area the insertion falls inside grows —;
 * the new cells take the fill and borders of the row above (the column to the left), as Excel's "format same as above".
 */
function insert(sheet: FakeSheet, line: 'row' | 'col', at: number, count: number): void {
  const moved = (ref: string): string => {
    const p = parseA1(ref)!;
    return p[line] < at ? ref : a1(line === 'row' ? p.row + count : p.row, line === 'col' ? p.col + count : p.col);
  };
  const move = <V>(map: Map<string, V>, copied: boolean): Map<string, V> => {
    const out = new Map<string, V>();
    for (const [key, v] of map) {
      const [ref, rest = ''] = key.split(/(?= )/);
      out.set(moved(ref) + rest, v);
      const p = parseA1(ref)!;
      if (copied && p[line] === at - 1)
        for (let n = 1; n <= count; n++) out.set(a1(line === 'row' ? p.row + n : p.row, line === 'col' ? p.col + n : p.col) + rest, v);
    }
    return out;
  };
  if (line === 'row') sheet.rows.splice(at, 0, ...Array.from({ length: count }, () => []));
  else sheet.rows = sheet.rows.map((r) => (r.length > at ? [...r.slice(0, at), ...Array<string>(count).fill(''), ...r.slice(at)] : r));
  sheet.fills = move(sheet.fills, true);
  sheet.notes = move(sheet.notes, false);
  sheet.borders = move(sheet.borders ?? new Map(), true);
  sheet.merges = sheet.merges.map((m) => {
    const box = parseRange(m)!;
    const [first, last] = line === 'row' ? [box.top, box.bottom] : [box.left, box.right];
    const shift = (n: number): number => (n < at ? n : n + count);
    const [from, to] = [first >= at ? shift(first) : first, last >= at ? shift(last) : last];
    return line === 'row' ? `${a1(from, box.left)}:${a1(to, box.right)}` : `${a1(box.top, from)}:${a1(box.bottom, to)}`;
  });
}
const insertRows = (sheet: FakeSheet, row: number, count: number): void => insert(sheet, 'row', row - 1, count);

test('rows inserted above the marks: each mark found moved puts back its frame where it moved', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state);
  insertRows(state.sheets[0], 2, 2);
  insertRows(expected.sheets[0], 2, 2);
  const result = await clear(state);
  expect(result).toMatchObject({ restored: 3 });
  expect(snapshot(state)).toEqual(snapshot(expected));
});

/** Marks the workbook, changes it (`edit`), and clears: the workbook is as the same change leaves it unmarked. */
async function editedBetween(edit: (sheet: FakeSheet) => void, marked = findings): Promise<{ state: FakeState; expected: FakeState; syncs: number }> {
  const state = workbook();
  const expected = workbook();
  await mark(state, marked);
  edit(state.sheets[0]);
  edit(expected.sheets[0]);
  const result = await clear(state);
  expect(result).toMatchObject({ restored: marked.length });
  return { state, expected, syncs: result.syncs };
}

// Excel's insertion gives the new cells the look of the row above (the column to the left): inside an area, a cell of our
// frame's; beside a marked cell, that mark's fill and frame, which no frame holds (a mark's neighbours are left out here).
test('rows inserted inside a framed area (two before B10:D12’s last): 清除标记 puts the frame back on the area as Excel reports it then, in four syncs as before', async () => {
  const { state, expected, syncs } = await editedBetween((sheet) => insert(sheet, 'row', 11, 2), findings.slice(0, 2));
  expect(state.sheets[0].merges).toEqual(['C3:E3', 'B10:D14', 'A1:E1']);
  expect(snapshot(state)).toEqual(snapshot(expected));
  expect(syncs).toBe(4);
});

test('a column inserted inside a framed area (before C3:E3’s last: E3 new, formatted as D3): every cell put back', async () => {
  const { state, expected } = await editedBetween((sheet) => insert(sheet, 'col', 4, 1), findings.slice(0, 1));
  expect(state.sheets[0].merges).toEqual(['C3:F3', 'B10:D12', 'A1:F1']);
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('columns inserted beside the areas (left of them): each mark found moved, its frame put back on its area', async () => {
  const { state, expected } = await editedBetween((sheet) => insert(sheet, 'col', 1, 1));
  expect(state.sheets[0].merges).toEqual(['D3:F3', 'C10:E12', 'A1:F1']);
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('a row inserted above and a column beside, together: every cell put back', async () => {
  const { state, expected } = await editedBetween((sheet) => {
    insert(sheet, 'row', 1, 1);
    insert(sheet, 'col', 0, 2);
  });
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('a frame of thousands of cells goes a batch of cells per request, as the marks do (Excel on the web takes no request over 5 MB)', async () => {
  const state: FakeState = { sheets: [fakeSheet(SHEET, [['备注']], ['A1:A2500'])], settings: new Map(), inserted: [] };
  const before = snapshot(state);
  const ctx = new FakeContext(state);
  const result = await applyMarks(asExcel(ctx), [logFinding(SHEET, 'A1', 'required-field')], { notes: true, merges: true });
  // The record and sheets; the merged areas; A1's state and the 2,499 cells' borders before (three batches); A1 and its
  // frame written (three batches).
  expect(result).toMatchObject({ marked: 1, syncs: 8 });
  expect(ctx.maxOpsPerSync).toBeLessThan(15 * 1000);
  expect(state.sheets[0].borders?.size).toBe(2500 * 4);
  const clearing = new FakeContext(state);
  expect(await clearMarks(asExcel(clearing), { notes: true })).toMatchObject({ restored: 1, syncs: 6 });
  expect(clearing.maxOpsPerSync).toBeLessThan(15 * 1000);
  expect(snapshot(state)).toEqual(before);
});

test('the marks record of 500 findings on merged cells (1×6 areas, a thin box each) keeps each look once: some 220 characters a mark (over 800 when each frame cell kept its own)', async () => {
  const rows = Array.from({ length: 500 }, (_, i) => i + 1);
  const sheet = fakeSheet(
    SHEET,
    [['备注']],
    rows.map((r) => `A${r}:F${r}`),
  );
  // A form's thin box drawn round each area, as Excel keeps it: the top and bottom of every cell, A's left, F's right.
  const thin = { style: 'Continuous', weight: 'Thin', color: '#000000' };
  sheet.borders = new Map(
    rows.flatMap((r) => [
      ...['A', 'B', 'C', 'D', 'E', 'F'].flatMap((c): Array<[string, BorderState]> => [
        [`${c}${r} EdgeTop`, thin],
        [`${c}${r} EdgeBottom`, thin],
      ]),
      [`A${r} EdgeLeft`, thin] as [string, BorderState],
      [`F${r} EdgeRight`, thin] as [string, BorderState],
    ]),
  );
  const state: FakeState = { sheets: [sheet], settings: new Map(), inserted: [] };
  const before = snapshot(state);
  await mark(
    state,
    rows.map((r) => logFinding(SHEET, `A${r}`, 'required-field')),
  );
  const record = state.settings.get(MARKS_SETTING)!;
  expect(record.length).toBeLessThan(500 * 250);
  await clear(state);
  expect(snapshot(state)).toEqual(before);
});

/** The record as the marking before this one kept it: each cell's borders written out, a frame cell by cell (offsets from the mark). */
function asCellByCellRecord(state: FakeState): void {
  type Kept = { borders?: number; frame?: { area: number[]; looks: number[]; at?: number[] } };
  const { looks, cells, list } = JSON.parse(state.settings.get(MARKS_SETTING)!) as { looks: unknown[]; cells: Kept[]; list?: string };
  const byCell = cells.map(({ borders, frame, ...rest }) => {
    if (!frame) return { ...rest, borders: looks[borders!] };
    const [top, left, bottom, right] = frame.area;
    const around: Array<[number, number]> = [];
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if ((r === top || r === bottom || c === left || c === right) && (r !== 0 || c !== 0)) around.push([r, c]);
    return { ...rest, borders: looks[borders!], frame: around.map(([r, c], i) => [r, c, looks[frame.looks[frame.at?.[i] ?? 0]]]) };
  });
  state.settings.set(MARKS_SETTING, JSON.stringify({ version: 1, cells: byCell, list }));
}

test('a record of the marking before (borders written out, a frame cell by cell) still clears every cell', async () => {
  const state = workbook();
  const before = snapshot(state);
  await mark(state);
  asCellByCellRecord(state);
  expect(await clear(state)).toMatchObject({ restored: 3 });
  expect(snapshot(state)).toEqual(before);
});
