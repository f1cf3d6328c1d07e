/**
 * 清除标记 in Excel after the workbook changed under the marks (review 10b D2, D3): rows inserted or deleted, a
 * marked sheet renamed or deleted. A cell is put back only where our mark still is; a moved mark is found by its note;
 * a renamed sheet by its id; a cell not ours is never touched; what could not be put back is said and kept.
 */
import { MARKS_SETTING, applyMarks, clearMarks } from '../../src/io/office-marks';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { FakeContext, FakeSheet, FakeState, asExcel, fakeSheet, snapshot } from './fake-excel';

const LOG = '附件3 出入库';

function workbook(): FakeState {
  const log = fakeSheet(LOG, [['保密室试卷出入库记录表'], [], [], [], ['1', '1001', '高等数学', 3, '李强'], ['2', '1002']]);
  log.fills.set('B5', { color: '#00B050', pattern: 'Solid', patternColor: null });
  log.fills.set('C5', { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
  log.notes.set('D5', '原有批注：请核对');
  // The officer's own note and fill on B6, just under the marked row.
  log.notes.set('B6', '本人批注：第二批到货');
  log.fills.set('B6', { color: '#00FFFF', pattern: 'Solid', patternColor: null });
  log.borders = new Map([['D5 EdgeBottom', { style: 'Double', weight: 'Thick', color: '#000000' }]]);
  const other = fakeSheet('基本信息', [['学期', '2024春']]);
  return { sheets: [log, other], settings: new Map([['someone.else', 'kept']]), inserted: [] };
}

/** Rows deleted (count < 0) or inserted (count > 0) at `row`, as Excel moves values, fills, borders and notes below. */
function shiftRows(sheet: FakeSheet, row: number, count: number): void {
  const move = <V>(map: Map<string, V>): Map<string, V> =>
    new Map(
      [...map].flatMap(([key, v]): Array<[string, V]> => {
        const [, col, r, rest] = /^([A-Z]+)(\d+)(.*)$/.exec(key)!;
        const n = Number(r);
        if (n < row) return [[key, v]];
        if (count < 0 && n < row - count) return [];
        return [[`${col}${n + count}${rest}`, v]];
      }),
    );
  if (count < 0) sheet.rows.splice(row - 1, -count);
  else sheet.rows.splice(row - 1, 0, ...Array.from({ length: count }, () => []));
  sheet.fills = move(sheet.fills);
  sheet.notes = move(sheet.notes);
  sheet.borders = move(sheet.borders ?? new Map());
}

const mark = (state: FakeState, findings = MARKED_FINDINGS) => applyMarks(asExcel(new FakeContext(state)), findings, { notes: true });
const clear = (state: FakeState) => clearMarks(asExcel(new FakeContext(state)), { notes: true });

test('D2 a row deleted above the marks: each mark put back where it moved, the officer’s note and fill untouched', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state);
  shiftRows(state.sheets[0], 3, -1);
  shiftRows(expected.sheets[0], 3, -1);
  const result = await clear(state);
  // The record, where each mark is now (two syncs, moved or not), the cells put back.
  expect(result).toMatchObject({ marked: 0, restored: 5, syncs: 4 });
  expect(result.lost).toBeUndefined();
  expect(result.missing).toBeUndefined();
  // B4–E4 back to their own fill, frame and note (D4 its 原有批注 and double bottom line); B5, the officer's, as it was.
  expect(snapshot(state)).toEqual(snapshot(expected));
  expect(state.sheets[0].notes.get('B5')).toBe('本人批注：第二批到货');
  expect(state.sheets[0].fills.get('B5')).toEqual({ color: '#00FFFF', pattern: 'Solid', patternColor: null });
});

test('D2 a row inserted above the marks: put back one row down, no sync more to find them, nothing else changed', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state);
  shiftRows(state.sheets[0], 2, 1);
  shiftRows(expected.sheets[0], 2, 1);
  await expect(clear(state)).resolves.toMatchObject({ restored: 5, syncs: 4 });
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('D2 the marked row itself deleted: that mark counted lost, the cell now there (the officer’s) untouched', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state, [logFinding(LOG, 'B5', 'unknown-paper'), logFinding('基本信息', 'B1', 'required-field')]);
  shiftRows(state.sheets[0], 5, -1);
  shiftRows(expected.sheets[0], 5, -1);
  const result = await clear(state);
  expect(result).toMatchObject({ restored: 1, lost: 1 });
  expect(snapshot(state)).toEqual(snapshot(expected));
  expect(state.sheets[0].notes.get('B5')).toBe('本人批注：第二批到货');
});

test('D3 a marked sheet renamed: found by its id, cleared, the setting removed', async () => {
  const state = workbook();
  const expected = workbook();
  await mark(state);
  state.sheets[0].name = '出入库（第一批）';
  expected.sheets[0].name = '出入库（第一批）';
  const result = await clear(state);
  expect(result).toMatchObject({ restored: 5, syncs: 4 });
  expect(result.missing).toBeUndefined();
  expect(snapshot(state)).toEqual(snapshot(expected));
});

test('D3 a marked sheet not found: its marks kept in the setting and named; the other sheet cleared', async () => {
  const state = workbook();
  await mark(state);
  const log = state.sheets[0];
  state.sheets = state.sheets.filter((s) => s !== log);
  const result = await clear(state);
  expect(result).toMatchObject({ restored: 1, missing: [{ sheet: LOG, cells: 4 }] });
  expect(state.sheets[0].fills.get('B1')).toBeUndefined();
  const kept = JSON.parse(state.settings.get(MARKS_SETTING)!) as { cells: Array<{ sheet: string; cell: string }> };
  expect(kept.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual([`${LOG}!B5`, `${LOG}!C5`, `${LOG}!D5`, `${LOG}!E5`]);
  // The sheet back (undo): a later 清除标记 clears it.
  state.sheets.unshift(log);
  await expect(clear(state)).resolves.toMatchObject({ restored: 4 });
  expect(snapshot(state)).toEqual(snapshot(workbook()));
});

describe('marks with the very same note, stacked in one column', () => {
  /** C5 and C6 get the same finding (the same note); C5 has the officer's own patterned fill, C6 none; C7 a fill of its own too. */
  const sameNote = [
    logFinding(LOG, 'C5', 'paper-name-mismatch', 'warning'),
    logFinding(LOG, 'C6', 'paper-name-mismatch', 'warning'),
    logFinding(LOG, 'C7', 'paper-name-mismatch', 'warning'),
  ];
  function stacked(): FakeState {
    const state = workbook();
    state.sheets[0].rows.push(['3', '1003']);
    state.sheets[0].fills.set('C7', { color: '#92D050', pattern: 'Solid', patternColor: null });
    return state;
  }

  test('each note also says where it was put, so that no two are the same; a note of its own says nothing more', async () => {
    const state = stacked();
    await mark(state, [...sameNote, logFinding(LOG, 'B5', 'unknown-paper')]);
    const notes = state.sheets[0].notes;
    const note = (cell: string) => `【试卷保密助手】\n警告 试卷名称前后不一：paper-name-mismatch 的说明\n（标记于 ${cell}）`;
    expect(['C5', 'C6', 'C7'].map((c) => notes.get(c))).toEqual([note('C5'), note('C6'), note('C7')]);
    expect(notes.get('B5')).toBe('【试卷保密助手】\n错误 试卷号有误：unknown-paper 的说明');
  });

  test('a row deleted above them: each cell gets back its own fill, not its neighbour’s', async () => {
    const state = stacked();
    const expected = stacked();
    await mark(state, sameNote);
    shiftRows(state.sheets[0], 3, -1);
    shiftRows(expected.sheets[0], 3, -1);
    const result = await clear(state);
    expect(result).toMatchObject({ restored: 3 });
    expect(result.lost).toBeUndefined();
    expect(snapshot(state)).toEqual(snapshot(expected));
    expect(state.sheets[0].fills.get('C4')).toEqual({ color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
  });

  test('the first of them deleted with its row: that mark lost, the two below put back where they moved, each with its own fill', async () => {
    const state = stacked();
    const expected = stacked();
    await mark(state, sameNote);
    shiftRows(state.sheets[0], 5, -1);
    shiftRows(expected.sheets[0], 5, -1);
    const result = await clear(state);
    expect(result).toMatchObject({ restored: 2, lost: 1 });
    expect(snapshot(state)).toEqual(snapshot(expected));
    expect(state.sheets[0].fills.get('C6')).toEqual({ color: '#92D050', pattern: 'Solid', patternColor: null });
  });
});
