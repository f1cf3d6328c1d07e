/**
 * Marks moved since 标记 (rows inserted above a marked cell, its sheet renamed), in Excel, outside 清除标记 (which found
 * them already: office-marks-moved.test.ts). A check compared the record's addresses with the findings: a mark moved
 * one row down with its finding was “上次的标记还留着”. 标记 again put the stored address back (another cell now) and
 * took our own mark at the new address as that cell's own — its note written twice, and 清除标记 then leaving it there.
 * Each mark is now taken where it is (io/office-marks-now.ts marksNow, check/mark-clear.ts planClear) first.
 */
import { MARKS_SETTING, type Stored, applyMarks, clearMarks, marksLeft } from '../../src/io/office-marks';
import type { Finding } from '../../src/model/finding';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { FakeContext, FakeSheet, FakeState, asExcel, fakeSheet, snapshot } from './fake-excel';

const LOG = '附件3 出入库';

function workbook(): FakeState {
  const log = fakeSheet(LOG, [['保密室试卷出入库记录表'], [], [], [], ['1', '1001', '高等数学', 3, '李强'], ['2', '1002']]);
  log.fills.set('B5', { color: '#00B050', pattern: 'Solid', patternColor: null });
  log.notes.set('D5', '原有批注：请核对');
  log.notes.set('B6', '本人批注：第二批到货');
  log.fills.set('B6', { color: '#00FFFF', pattern: 'Solid', patternColor: null });
  const other = fakeSheet('基本信息', [['学期', '2024春']]);
  return { sheets: [log, other], settings: new Map(), inserted: [] };
}

/** `count` rows inserted at `row`, as Excel moves values, fills, borders and notes below. */
function insertRows(sheet: FakeSheet, row: number, count: number): void {
  const move = <V>(map: Map<string, V>): Map<string, V> =>
    new Map(
      [...map].map(([key, v]): [string, V] => {
        const [, col, r, rest] = /^([A-Z]+)(\d+)(.*)$/.exec(key)!;
        return Number(r) < row ? [key, v] : [`${col}${Number(r) + count}${rest}`, v];
      }),
    );
  sheet.rows.splice(row - 1, 0, ...Array.from({ length: count }, () => []));
  sheet.fills = move(sheet.fills);
  sheet.notes = move(sheet.notes);
  sheet.borders = move(sheet.borders ?? new Map());
}

/** A finding's cell one row down (a row inserted above it). */
const below = (f: Finding): Finding => (f.sheet === LOG && f.cell ? { ...f, cell: f.cell.replace(/\d+$/, (n) => String(Number(n) + 1)) } : f);

const mark = (state: FakeState, findings: readonly Finding[]) => applyMarks(asExcel(new FakeContext(state)), findings, { notes: true });
const record = (state: FakeState): Stored => JSON.parse(state.settings.get(MARKS_SETTING)!) as Stored;
const left = (state: FakeState, findings: readonly Finding[]) =>
  marksLeft(record(state), findings, (find) => find(asExcel(new FakeContext(state))), true).then((r) => r.cells.map((c) => `${c.sheet}!${c.cell}`));

test('标记 again after a row inserted above the marks: each mark kept as ours where it moved, its note once, the row left alone; 清除标记 then gives the workbook back', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state, MARKED_FINDINGS);
  const marked = snapshot(state) as { sheets: Array<{ fills: object; notes: object; borders: object }> };
  insertRows(state.sheets[0], 3, 1);
  insertRows(expected.sheets[0], 3, 1);
  const again = await mark(state, MARKED_FINDINGS.map(below));
  expect([again.marked, again.restored, again.gone, again.list]).toEqual([5, 0, undefined, '问题清单']);
  // The log as the first 标记 left it, one row down: the same fills, frames and notes (each once), row 5 left alone.
  const down = (o: object) =>
    Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k.replace(/^([A-Z]+)(\d+)/, (_, c: string, n: string) => (Number(n) >= 3 ? `${c}${Number(n) + 1}` : `${c}${n}`)), v]),
    );
  const now = snapshot(state) as typeof marked;
  expect([now.sheets[0].fills, now.sheets[0].notes, now.sheets[0].borders]).toEqual([
    down(marked.sheets[0].fills),
    down(marked.sheets[0].notes),
    down(marked.sheets[0].borders),
  ]);
  expect(await clearMarks(asExcel(new FakeContext(state)), { notes: true })).toMatchObject({ marked: 0, restored: 5, list: '问题清单' });
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('a check after a row inserted above the marks: each mark where it moved, at its finding — none left', async () => {
  const state = workbook();
  await mark(state, MARKED_FINDINGS);
  insertRows(state.sheets[0], 3, 1);
  expect(await left(state, MARKED_FINDINGS.map(below))).toEqual(['基本信息!B1', `${LOG}!B6`, `${LOG}!C6`, `${LOG}!D6`, `${LOG}!E6`]);
});

test('a check after the marked sheet is renamed and its findings corrected: its marks found there (by its id), left', async () => {
  const state = workbook();
  await mark(state, MARKED_FINDINGS);
  state.sheets[0].name = '出入库（第一批）';
  expect(await left(state, [])).toEqual(['出入库（第一批）!B5', '出入库（第一批）!C5', '出入库（第一批）!D5', '出入库（第一批）!E5', '基本信息!B1']);
});

describe('a check finds the marks of findings gone in a fixed number of syncs, however many (io/office-marks-now.ts)', () => {
  /** The marks left and the syncs the check's request made for them. */
  const leftCounted = async (state: FakeState, findings: readonly Finding[]) => {
    const ctx = new FakeContext(state);
    const now = await marksLeft(record(state), findings, (find) => find(asExcel(ctx)), true);
    return { cells: now.cells.map((c) => `${c.sheet}!${c.cell}`).sort(), syncs: ctx.syncs };
  };
  const column = (n: number, from: number) => Array.from({ length: n }, (_, i) => `${LOG}!G${i + from}`).sort();
  const many = (n: number) => Array.from({ length: n }, (_, i) => logFinding(LOG, `G${i + 10}`, 'partial-row'));

  test('5 marks, 3,000 marks where they were put, 3,000 moved one row down: three syncs each (2, 4 and 6 before)', async () => {
    const few = workbook();
    await mark(few, MARKED_FINDINGS);
    expect(await leftCounted(few, [])).toEqual({
      cells: ['基本信息!B1', `${LOG}!B5`, `${LOG}!C5`, `${LOG}!D5`, `${LOG}!E5`],
      syncs: 3,
    });
    const state = workbook();
    await mark(state, many(3000));
    // The sheets; each cell's fill and the sheet's notes; where each note is.
    expect(await leftCounted(state, [])).toEqual({ cells: column(3000, 10), syncs: 3 });
    insertRows(state.sheets[0], 3, 1);
    expect(await leftCounted(state, [])).toEqual({ cells: column(3000, 11), syncs: 3 });
  });

  test('a mark whose note was deleted by hand is still found by its fill; one whose fill and note are gone is no mark left', async () => {
    const state = workbook();
    await mark(state, MARKED_FINDINGS);
    state.sheets[0].notes.delete('C5');
    state.sheets[0].notes.delete('E5');
    state.sheets[0].fills.delete('E5');
    expect(await leftCounted(state, [])).toEqual({ cells: ['基本信息!B1', `${LOG}!B5`, `${LOG}!C5`, `${LOG}!D5`], syncs: 3 });
  });

  test('without the notes API (before ExcelApi 1.18): each cell by its fill, in two syncs', async () => {
    const state = workbook();
    await applyMarks(asExcel(new FakeContext(state)), many(3000), { notes: false });
    const ctx = new FakeContext(state);
    const now = await marksLeft(record(state), [], (find) => find(asExcel(ctx)), false);
    expect([now.cells.map((c) => `${c.sheet}!${c.cell}`).sort(), ctx.syncs]).toEqual([column(3000, 10), 2]);
  });
});
