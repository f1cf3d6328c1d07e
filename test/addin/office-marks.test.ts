/**
 * 标记 / 清除标记 in Excel: marks are written after the prior state is
 * stored (a batch of cells per request, as Excel on the web takes no request
 * over 5 MB; at most MARKED_CELLS_MAX cells), and clearing puts back exactly
 * the fills and notes that were there — including patterned fills, existing
 * notes, and after marking twice.
 */
import { CELLS_PER_BATCH, MARKED_CELLS_MAX, MARKS_SETTING, MARK_COLORS, applyMarks, cellMarks, clearMarks, selectCell } from '../../src/io/office-marks';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { FakeContext, FakeState, asExcel, fakeSheet, snapshot } from './fake-excel';

function workbook(): FakeState {
  const log = fakeSheet('附件3 出入库', [['保密室试卷出入库记录表'], [], [], [], ['1', '1001', '高等数学', 3, '李强']]);
  log.fills.set('B5', { color: '#00B050', pattern: 'Solid', patternColor: null });
  log.fills.set('C5', { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
  log.notes.set('D5', '原有批注：请核对');
  log.notes.set('Z9', '不相干的批注');
  // The form's own grid: C5 a thin frame in blue, D5 a bottom line only; and a cell never marked.
  log.borders = new Map([
    ...(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const).map(
      (edge) => [`C5 ${edge}`, { style: 'Continuous', weight: 'Thin', color: '#0070C0' }] as const,
    ),
    ['D5 EdgeBottom', { style: 'Double', weight: 'Thick', color: '#000000' }],
    ['A9 EdgeTop', { style: 'Continuous', weight: 'Thin', color: '#000000' }],
  ]);
  const other = fakeSheet('基本信息', [['学期', '2024春']]);
  other.fills.set('A1', { color: '#DDEBF7', pattern: 'Solid', patternColor: null });
  return { sheets: [log, other], settings: new Map([['someone.else', 'kept']]), inserted: [] };
}

describe('applyMarks / clearMarks', () => {
  test('marks every finding cell in 3 syncs, worst severity wins, notes keep what was there', async () => {
    const state = workbook();
    const ctx = new FakeContext(state);
    const result = await applyMarks(asExcel(ctx), MARKED_FINDINGS, { notes: true });
    expect(result.syncs).toBe(3);
    expect(ctx.syncs).toBe(3);
    expect(result.marked).toBe(5);
    const log = state.sheets[0];
    expect(log.fills.get('B5')?.color).toBe(MARK_COLORS.error);
    expect(log.fills.get('C5')?.color).toBe(MARK_COLORS.warning);
    expect(log.fills.get('D5')?.color).toBe(MARK_COLORS.error);
    expect(log.fills.get('E5')?.color).toBe(MARK_COLORS.warning);
    expect(state.sheets[1].fills.get('B1')?.color).toBe(MARK_COLORS.error);
    // And framed, for a black-and-white printer: an error thick and solid, a warning dashed; every other border as it was.
    const frame = (cell: string, style: string, weight: string) =>
      ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'].map((edge) => [`${cell} ${edge}`, { style, weight, color: '#000000' }]);
    expect(Object.fromEntries([...log.borders!].sort())).toEqual(
      Object.fromEntries(
        [
          ...['B5', 'D5'].flatMap((c) => frame(c, 'Continuous', 'Thick')),
          ...['C5', 'E5'].flatMap((c) => frame(c, 'Dash', 'Medium')),
          ['A9 EdgeTop', { style: 'Continuous', weight: 'Thin', color: '#000000' }],
        ].sort(),
      ),
    );
    expect(Object.fromEntries([...state.sheets[1].borders!].sort())).toEqual(Object.fromEntries(frame('B1', 'Continuous', 'Thick').sort()));
    expect(log.notes.get('B5')).toContain('unknown-paper');
    expect(log.notes.get('D5')).toMatch(/^原有批注：请核对\n\n【试卷保密助手】/);
    expect(log.notes.get('D5')).toContain('invalid-count');
    expect(log.notes.get('D5')).toContain('overdraw');
    const stored = JSON.parse(state.settings.get(MARKS_SETTING)!) as { version: number; cells: Array<{ sheet: string; cell: string }> };
    expect(stored.version).toBe(1);
    expect(stored.cells.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual([
      '基本信息!B1',
      '附件3 出入库!B5',
      '附件3 出入库!C5',
      '附件3 出入库!D5',
      '附件3 出入库!E5',
    ]);
  });

  test('clearing restores exactly the prior fills and notes, in 4 syncs', async () => {
    const state = workbook();
    const before = snapshot(state);
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: true });
    expect(snapshot(state)).not.toEqual(before);
    const ctx = new FakeContext(state);
    const result = await clearMarks(asExcel(ctx), { notes: true });
    // The record; where each mark is now, in two whatever their number (each cell's fill and its sheet's notes, then
    // where each note is: io/office-marks-now.ts marksNow); the cells put back.
    expect(result.syncs).toBe(4);
    expect(result.restored).toBe(5);
    expect(snapshot(state)).toEqual(before);
  });

  test('marking twice keeps the first prior state and restores cells no longer flagged', async () => {
    const state = workbook();
    const before = snapshot(state);
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: true });
    const second = [logFinding('附件3 出入库', 'D5', 'invalid-count'), logFinding('附件3 出入库', 'F5', 'partial-row', 'warning')];
    const ctx = new FakeContext(state);
    const result = await applyMarks(asExcel(ctx), second, { notes: true });
    // Two syncs more than a first marking: where the marks of before are now (moved by rows inserted, a sheet renamed).
    expect(result.syncs).toBe(5);
    expect(result.restored).toBe(4);
    const log = state.sheets[0];
    expect(log.fills.get('B5')).toEqual({ color: '#00B050', pattern: 'Solid', patternColor: null });
    expect(log.notes.has('B5')).toBe(false);
    expect(log.notes.get('D5')).toMatch(/^原有批注：请核对\n\n【试卷保密助手】\n错误 数量不是整数/);
    expect(log.notes.get('D5')).not.toContain('overdraw');
    expect(log.fills.get('F5')?.color).toBe(MARK_COLORS.warning);
    await clearMarks(asExcel(new FakeContext(state)), { notes: true });
    expect(snapshot(state)).toEqual(before);
  });

  test('a user who deleted our note or a sheet meanwhile does not break clearing', async () => {
    const state = workbook();
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: true });
    state.sheets[0].notes.delete('B5');
    state.sheets = state.sheets.filter((s) => s.name !== '基本信息');
    await expect(clearMarks(asExcel(new FakeContext(state)), { notes: true })).resolves.toMatchObject({ restored: 4 });
    expect(state.sheets[0].notes.get('D5')).toBe('原有批注：请核对');
    expect(state.sheets[0].fills.get('C5')).toEqual({ color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
  });

  test('a record of before marks were framed (no borders stored): marking again keeps the borders of then, clearing puts them back', async () => {
    const state = workbook();
    const before = snapshot(state);
    const oldBorders = state.sheets.map((s) => s.borders && new Map(s.borders));
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: true });
    // As the pane of before wrote it: the fills and notes marked, the borders untouched, no borders in the record.
    const stored = JSON.parse(state.settings.get(MARKS_SETTING)!) as { cells: Array<{ borders?: unknown }> };
    for (const cell of stored.cells) delete cell.borders;
    state.settings.set(MARKS_SETTING, JSON.stringify(stored));
    oldBorders.forEach((borders, i) => (state.sheets[i].borders = borders));
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: true });
    expect(state.sheets[0].borders!.get('C5 EdgeTop')).toEqual({ style: 'Dash', weight: 'Medium', color: '#000000' });
    await clearMarks(asExcel(new FakeContext(state)), { notes: true });
    expect(snapshot(state)).toEqual(before);
  });

  test('thousands of findings: a batch of cells per request, each way', async () => {
    const state = workbook();
    const many = Array.from({ length: 5000 }, (_, i) => logFinding('附件3 出入库', `G${i + 10}`, 'partial-row', i % 2 ? 'warning' : 'error'));
    const before = snapshot(state);
    const ctx = new FakeContext(state);
    // One to look, five batches of loads, eleven of writes: 5,000 cells, the list's sheet and its 5,000 rows, a batch to a request (the first with the stored state).
    expect(await applyMarks(asExcel(ctx), many, { notes: true })).toEqual({ marked: 5000, restored: 0, syncs: 17, leftOut: 0, list: '问题清单' });
    // Each cell: its fill and four edges (style, weight, colour) read, then written, and its note; each a few dozen bytes but the note.
    expect(ctx.maxOpsPerSync).toBeLessThanOrEqual(14 * CELLS_PER_BATCH + 1);
    const list = state.sheets.find((s) => s.name === '问题清单')!;
    expect(list.rows.length).toBe(5002);
    expect(list.rows.slice(5000).map((row) => row.slice(0, 4))).toEqual([
      [4999, '错误', '附件3 出入库', 'G5008'],
      [5000, '警告', '附件3 出入库', 'G5009'],
    ]);
    expect([state.sheets[0].fills.get('G5008')?.color, state.sheets[0].fills.get('G5009')?.color]).toEqual([MARK_COLORS.error, MARK_COLORS.warning]);
    const ctx2 = new FakeContext(state);
    // One to read the record, two to find where the 5,000 marks are now (however many), five batches of writes.
    expect((await clearMarks(asExcel(ctx2), { notes: true })).syncs).toBe(8);
    // The last batch: a thousand cells put back, the list's sheet deleted, the setting deleted.
    expect(ctx2.maxOpsPerSync).toBeLessThanOrEqual(14 * CELLS_PER_BATCH + 2);
    expect(snapshot(state)).toEqual(before);
  });

  test(`more cells than ${MARKED_CELLS_MAX}: the first are marked, the rest counted, and put back if marked before`, async () => {
    const state = workbook();
    const before = snapshot(state);
    const cells = (n: number) => Array.from({ length: n }, (_, i) => logFinding('附件3 出入库', `H${i + 10}`, 'partial-row'));
    // Marked first when they were few; then 1,500 more cells come before them in reading order.
    await applyMarks(asExcel(new FakeContext(state)), cells(300), { notes: true });
    const more = [...Array.from({ length: MARKED_CELLS_MAX + 1200 }, (_, i) => logFinding('附件3 出入库', `G${i + 10}`, 'partial-row')), ...cells(300)];
    const result = await applyMarks(asExcel(new FakeContext(state)), more, { notes: true });
    expect(result).toMatchObject({ marked: MARKED_CELLS_MAX, restored: 300, leftOut: 1500 });
    const marked = [...state.sheets[0].fills.entries()].filter(([, fill]) => fill.color === MARK_COLORS.error).map(([cell]) => cell);
    expect(marked.sort()).toEqual(Array.from({ length: MARKED_CELLS_MAX }, (_, i) => `G${i + 10}`).sort());
    expect(JSON.parse(state.settings.get(MARKS_SETTING)!).cells).toHaveLength(MARKED_CELLS_MAX);
    await clearMarks(asExcel(new FakeContext(state)), { notes: true });
    expect(snapshot(state)).toEqual(before);
  });

  test('a batch that fails on the way leaves every cell clearable: those not yet put back keep their stored state', async () => {
    const state = workbook();
    const before = snapshot(state);
    const cells = Array.from({ length: 1500 }, (_, i) => logFinding('附件3 出入库', `H${i + 10}`, 'partial-row'));
    await applyMarks(asExcel(new FakeContext(state)), cells, { notes: true });
    // Now one cell is flagged: where the 1,500 marks are now found in two syncs (2 and 3), the cells' states read in two
    // batches (4 and 5), then 1,500 put back and one marked, in two write batches (syncs 6 and 7); the second fails.
    const failing = new FakeContext(state);
    failing.failAtSync = 7;
    await expect(applyMarks(asExcel(failing), [logFinding('附件3 出入库', 'G10', 'partial-row')], { notes: true })).rejects.toThrow(
      'RequestPayloadSizeLimitExceeded',
    );
    expect(failing.syncs).toBe(7);
    expect([...state.sheets[0].fills.values()].filter((f) => f.color === MARK_COLORS.error)).toHaveLength(500);
    await clearMarks(asExcel(new FakeContext(state)), { notes: true });
    expect(snapshot(state)).toEqual(before);
  });

  test('without the notes API (before ExcelApi 1.18) only fills are set and restored', async () => {
    const state = workbook();
    const before = snapshot(state);
    await applyMarks(asExcel(new FakeContext(state)), MARKED_FINDINGS, { notes: false });
    expect(state.sheets[0].notes.has('B5')).toBe(false);
    expect(state.sheets[0].fills.get('B5')?.color).toBe(MARK_COLORS.error);
    await clearMarks(asExcel(new FakeContext(state)), { notes: false });
    expect(snapshot(state)).toEqual(before);
  });

  test('clearing with nothing marked is one sync and changes nothing', async () => {
    const state = workbook();
    const before = snapshot(state);
    const ctx = new FakeContext(state);
    expect((await clearMarks(asExcel(ctx), { notes: true })).syncs).toBe(1);
    expect(snapshot(state)).toEqual(before);
  });

  test('English notes', () => {
    const [mark] = cellMarks([logFinding('S', 'A1', 'row-total')], 'en');
    expect(mark.text).toContain('Error Intake row total wrong');
  });
});

test('selecting a finding activates its sheet and selects its cell in one sync', async () => {
  const state = workbook();
  const ctx = new FakeContext(state);
  await selectCell(asExcel(ctx), '基本信息', 'B1');
  expect(ctx.syncs).toBe(1);
  expect(state.active).toBe('基本信息');
  expect(state.selected).toBe('基本信息!B1');
});
