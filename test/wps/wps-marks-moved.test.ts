/**
 * 清除标记 in WPS after the workbook changed under the marks (review 10b D2, D3): rows inserted or deleted, a
 * marked sheet renamed. A cell is put back only where our mark still is; a moved mark is found by its comment; a
 * cell not ours (the officer's own note and fill) is never touched; what could not be put back is said and kept.
 */
import { MARKS_SHEET, applyWpsMarks, clearWpsMarks, readStore } from '../../src/io/wps/marks';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { FakeApplication, FakeBookState } from './fake-et';
import { changed, marksBook as book, userCells } from './helpers';

const LOG = '附件3 出入库';
const OFFICER = { color: 0x00ffff, colorIndex: 6, pattern: 1, patternColor: 0 };

/** Rows deleted (count < 0) or inserted (count > 0) at `row` of a sheet, as WPS moves every cell below. */
function shiftRows(state: FakeBookState, sheet: string, row: number, count: number): void {
  const sh = state.sheets.find((s) => s.name === sheet)!;
  const moved: FakeBookState['sheets'][number]['cells'] = {};
  for (const [ref, c] of Object.entries(sh.cells)) {
    const [, col, r] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const n = Number(r);
    if (n < row) moved[ref] = c;
    else if (count > 0) moved[`${col}${n + count}`] = c;
    else if (n >= row - count) moved[`${col}${n + count}`] = c;
  }
  sh.cells = moved;
}

/** A sheet of the fake as the code sees it. */
function sheetObject(state: FakeBookState, name: string): unknown {
  const sheets = (new FakeApplication(state) as unknown as { ActiveWorkbook: { Worksheets: { Count: number; Item(i: number): { Name: string } } } })
    .ActiveWorkbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) if (sheets.Item(i).Name === name) return sheets.Item(i);
  return undefined;
}

/** The workbook with the officer's own note and fill on B6, just under the marked row. */
function officerBook(): FakeBookState {
  const state = book();
  state.sheets[0].cells.B6 = { v: 1002, fill: { ...OFFICER }, note: '本人批注：第二批到货' };
  return state;
}

test('D2 a row deleted above the marks: each mark is put back where it moved, the officer’s note and fill untouched', () => {
  const state = officerBook();
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  const expected = structuredClone(book());
  expected.sheets[0].cells.B6 = { v: 1002, fill: { ...OFFICER }, note: '本人批注：第二批到货' };
  shiftRows(expected, LOG, 3, -1);
  shiftRows(state, LOG, 3, -1);
  const result = clearWpsMarks(new FakeApplication(state));
  expect(result).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
  // Every cell as it was before 标记, one row up: B4–E4 back to their own fill, frame and note; B5 (the officer's) as it was.
  expect(changed(userCells(expected), userCells(state))).toEqual([]);
  expect(state.sheets[0].cells.B5).toEqual({ v: 1002, fill: OFFICER, note: '本人批注：第二批到货' });
  expect(state.sheets[0].cells.D4.note).toBe('原有批注：请核对');
  expect(state.sheets.map((s) => s.name)).toEqual([LOG, '基本信息']);
});

test('D2 a row inserted above the marks: put back one row down, nothing else changed', () => {
  const state = officerBook();
  const before = structuredClone(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  shiftRows(state, LOG, 2, 1);
  shiftRows(before, LOG, 2, 1);
  expect(clearWpsMarks(new FakeApplication(state))).toMatchObject({ restored: 5 });
  expect(changed(userCells(before), userCells(state))).toEqual([]);
});

test('D2 two marks one above the other, the upper row deleted: the lower mark put back where it moved, the upper one counted lost', () => {
  const state = officerBook();
  state.sheets[0].cells.B4 = { v: 1000 };
  // (Two marks of one same note cannot be told apart: each cell's note names its own value in the rules' messages.)
  const findings = [logFinding(LOG, 'B4', 'unknown-paper'), logFinding(LOG, 'B5', 'required-field')];
  applyWpsMarks(new FakeApplication(state), findings);
  shiftRows(state, LOG, 4, -1);
  const result = clearWpsMarks(new FakeApplication(state));
  expect(result).toEqual({ marked: 0, restored: 1, leftOut: 0, list: '问题清单', lost: 1 });
  // B4 now holds what was B5 (1001 on its green fill, no note); B5 the officer's cell, as it was.
  const expected = officerBook();
  shiftRows(expected, LOG, 4, -1);
  expect(changed(userCells(expected), userCells(state))).toEqual([]);
  expect(state.sheets[0].cells.B4).toMatchObject({ v: 1001, fill: book().sheets[0].cells.B5.fill });
  expect(state.sheets[0].cells.B4.note).toBeUndefined();
  expect(state.sheets[0].cells.B5).toEqual({ v: 1002, fill: OFFICER, note: '本人批注：第二批到货' });
  expect(state.sheets.map((s) => s.name)).toEqual([LOG, '基本信息']);
});

test('D3 a marked sheet renamed: found by its comments, cleared, the record removed', () => {
  const state = officerBook();
  const before = structuredClone(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  state.sheets[0].name = '出入库（第一批）';
  before.sheets[0].name = '出入库（第一批）';
  expect(clearWpsMarks(new FakeApplication(state))).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
  expect(changed(userCells(before), userCells(state))).toEqual([]);
  expect(state.sheets.map((s) => s.name)).toEqual(['出入库（第一批）', '基本信息']);
});

test('D3 a renamed sheet whose comments were taken away: its marks kept in the record and named; renamed back, cleared', () => {
  const state = officerBook();
  const before = structuredClone(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  const log = state.sheets[0];
  log.name = '出入库（第一批）';
  const notes = Object.fromEntries(['B5', 'C5', 'D5', 'E5'].map((c) => [c, log.cells[c].note]));
  for (const c of ['B5', 'C5', 'D5', 'E5']) delete log.cells[c].note;
  const result = clearWpsMarks(new FakeApplication(state));
  expect(result).toEqual({ marked: 0, restored: 1, leftOut: 0, list: '问题清单', missing: [{ sheet: LOG, cells: 4 }] });
  const record = readStore(new Map([[MARKS_SHEET, sheetObject(state, MARKS_SHEET)]]));
  expect(record.cells.map((p) => `${p.sheet}!${p.cell}`)).toEqual([`${LOG}!B5`, `${LOG}!C5`, `${LOG}!D5`, `${LOG}!E5`]);
  expect(record.list).toBeUndefined();
  // Nothing on the renamed sheet touched; 基本信息!B1 put back.
  expect(log.cells.B5.fill?.color).not.toBe(book().sheets[0].cells.B5.fill?.color);
  expect(state.sheets.find((s) => s.name === MARKS_SHEET)).toBeDefined();
  // The officer renames it back and puts our comments back (undo): 清除标记 now clears it.
  log.name = LOG;
  for (const c of ['B5', 'C5', 'D5', 'E5']) log.cells[c].note = notes[c];
  expect(clearWpsMarks(new FakeApplication(state))).toEqual({ marked: 0, restored: 4, leftOut: 0 });
  expect(changed(userCells(before), userCells(state))).toEqual([]);
  expect(state.sheets.map((s) => s.name)).toEqual([LOG, '基本信息']);
});

test('marks with the very same comment stacked in one column, a row deleted above them: each comment says where it was put, and each cell gets back its own fill', () => {
  const state = officerBook();
  const own = { color: 0x50d092, colorIndex: 43, pattern: 1, patternColor: 0 };
  state.sheets[0].cells.C5 = { ...state.sheets[0].cells.C5, fill: { ...OFFICER } };
  state.sheets[0].cells.C7 = { v: '三', fill: { ...own } };
  const before = structuredClone(state);
  const same = ['C5', 'C6', 'C7'].map((cell) => logFinding(LOG, cell, 'paper-name-mismatch', 'warning'));
  applyWpsMarks(new FakeApplication(state), same);
  expect(['C5', 'C6', 'C7'].map((c) => state.sheets[0].cells[c].note)).toEqual(
    ['C5', 'C6', 'C7'].map((c) => `【试卷保密助手】\n警告 试卷名称前后不一：paper-name-mismatch 的说明\n（标记于 ${c}）`),
  );
  shiftRows(state, LOG, 3, -1);
  shiftRows(before, LOG, 3, -1);
  expect(clearWpsMarks(new FakeApplication(state))).toMatchObject({ restored: 3 });
  expect(changed(userCells(before), userCells(state))).toEqual([]);
  expect([state.sheets[0].cells.C4.fill, state.sheets[0].cells.C6.fill]).toEqual([OFFICER, own]);
});
