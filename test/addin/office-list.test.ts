/**
 * 标记 in Excel also writes 问题清单 (office-list.ts): the printed workbook
 * says why each cell is coloured, in the marked copy's words, columns and
 * order (check/finding-list.ts), set up for A4 landscape with ExcelApi 1.9.
 * Clearing removes it — only the sheet we wrote — and marking again replaces
 * it; nothing else of the workbook changes.
 */
import { MARKS_SETTING, MARK_COLORS, applyMarks, clearMarks } from '../../src/io/office-marks';
import { MARKED_FINDINGS, logFinding } from '../findings';
import { FakeContext, FakeSheet, FakeState, asExcel, fakeSheet } from './fake-excel';

function workbook(): FakeState {
  const log = fakeSheet('附件3 出入库', [['保密室试卷出入库记录表'], [], [], [], ['1', '1001', '高等数学', 3, '李强']]);
  log.notes.set('D5', '原有批注：请核对');
  return { sheets: [log, fakeSheet('基本信息', [['学期', '2024春']])], settings: new Map([['someone.else', 'kept']]), inserted: [] };
}

/** Everything the tests' workbooks hold, sheet by sheet. */
function snapshot(state: FakeState): unknown {
  return {
    sheets: state.sheets.map((s) => ({
      ...s,
      fills: [...s.fills].sort(),
      notes: [...s.notes].sort(),
      widths: s.widths && [...s.widths],
      formats: s.formats && [...s.formats],
    })),
    settings: [...state.settings],
  };
}

const mark = (state: FakeState, findings = MARKED_FINDINGS, options: Partial<Parameters<typeof applyMarks>[2]> = {}) =>
  applyMarks(asExcel(new FakeContext(state)), findings, { notes: true, print: true, ...options });
const clear = (state: FakeState) => clearMarks(asExcel(new FakeContext(state)), { notes: true });
const sheetNamed = (state: FakeState, name: string): FakeSheet | undefined => state.sheets.find((s) => s.name === name);
const storedList = (state: FakeState): unknown => (JSON.parse(state.settings.get(MARKS_SETTING)!) as { list?: string }).list;

const TITLE = '试卷保密助手检查发现的问题：错误 5 处，警告 3 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）';
/** MARKED_FINDINGS listed: every finding in its order, the one of no cell and the one on a sheet that is gone too. */
const ROWS = [
  [TITLE, '', '', '', '', '', ''],
  ['序', '严重程度', '工作表', '单元格', '序号/\n班次/\n栏目', '问题', '说明及改法'],
  [1, '错误', '附件3 出入库', 'B5', '序号 1', '试卷号有误', 'unknown-paper 的说明'],
  [2, '警告', '附件3 出入库', 'C5', '序号 1', '试卷名称前后不一', 'paper-name-mismatch 的说明'],
  [3, '错误', '附件3 出入库', 'D5', '序号 1', '数量不是整数', 'invalid-count 的说明'],
  [4, '警告', '附件3 出入库', 'D5', '序号 1', '出库超过入库', 'overdraw 的说明'],
  [5, '警告', '附件3 出入库', 'E5', '序号 1', '签字人不在名单上', 'staff-not-on-roster 的说明'],
  [6, '错误', '基本信息', 'B1', '序号 1', '必填项未填', 'required-field 的说明'],
  [7, '错误', '（整个工作簿）', '', '序号 1', '交接单两份不一致', 'handover-copies-disagree 的说明'],
  [8, '错误', '已删除的表', 'A1', '序号 1', '必填项未填', 'required-field 的说明'],
];

const solid = (color: string) => ({ color, pattern: 'Solid', patternColor: null });

test('marking lists every finding on 问题清单, last, in the marked copy’s words, set up to print; still 3 syncs', async () => {
  const state = workbook();
  const before = snapshot(state);
  const result = await mark(state);
  expect(result).toEqual({ marked: 5, restored: 0, syncs: 3, leftOut: 0, list: '问题清单' });
  expect(state.sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息', '问题清单']);
  const list = state.sheets[2];
  expect(list.rows).toEqual(ROWS);
  expect(list.merges).toEqual(['A1:G1']);
  // The header row grey; each finding's 严重程度 the colour of its marks.
  const grey = ['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'].map((cell) => [cell, solid('#D9D9D9')]);
  const severity = ['error', 'warning', 'error', 'warning', 'warning', 'error', 'error', 'error'] as const;
  expect([...list.fills].sort()).toEqual([...grey, ...severity.map((s, i) => [`B${i + 3}`, solid(MARK_COLORS[s])])].sort());
  // Each text a text: 8 rows of B:G in the text format.
  expect([...list.formats!].sort()).toEqual(
    Array.from({ length: 8 }, (_, r) => ['B', 'C', 'D', 'E', 'F', 'G'].map((c) => [`${c}${r + 3}`, '@']))
      .flat()
      .sort(),
  );
  // The copy's widths (characters) as points.
  expect([...list.widths!]).toEqual([
    ['A', 25],
    ['B', 51],
    ['C', 67],
    ['D', 41],
    ['E', 51],
    ['F', 88],
    ['G', 361],
  ]);
  expect(list.print).toEqual({
    layout: {
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      leftMargin: 28.8,
      rightMargin: 28.8,
      topMargin: 36,
      bottomMargin: 43.2,
      headerMargin: 21.6,
      footerMargin: 21.6,
    },
    centerFooter: '问题清单 · 第 &P 页，共 &N 页',
    titleRows: '$2:$2',
    frozenRows: 2,
  });
  expect(list.notes.size).toBe(0);
  expect(storedList(state)).toBe('问题清单');
  // The other sheets as marking alone leaves them: their values, and marks on finding cells only.
  const others = snapshot({ ...state, sheets: state.sheets.slice(0, 2) }) as { sheets: Array<{ rows: unknown }> };
  expect(others.sheets.map((s) => s.rows)).toEqual((before as typeof others).sheets.map((s) => s.rows));
});

test('clearing removes the list with the marks: the workbook is as before', async () => {
  const state = workbook();
  const before = snapshot(state);
  await mark(state);
  expect(await clear(state)).toEqual({ marked: 0, restored: 5, syncs: 4, leftOut: 0, list: '问题清单' });
  expect(snapshot(state)).toEqual(before);
});

test('marking again replaces the list (one list, of the new findings, last); no findings, no list', async () => {
  const state = workbook();
  const before = snapshot(state);
  await mark(state);
  state.sheets.push(fakeSheet('备注', [['考务办自己的表']]));
  await mark(state, [logFinding('附件3 出入库', 'F5', 'partial-row', 'warning')]);
  expect(state.sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息', '备注', '问题清单']);
  expect(state.sheets[3].rows.slice(1)).toEqual([
    ['序', '严重程度', '工作表', '单元格', '序号/\n班次/\n栏目', '问题', '说明及改法'],
    [1, '警告', '附件3 出入库', 'F5', '序号 1', '行只填了一部分', 'partial-row 的说明'],
  ]);
  expect(state.sheets[3].rows[0][0]).toBe(
    '试卷保密助手检查发现的问题：错误 0 处，警告 1 处（粗实线框、粉色的单元格为错误，虚线框、黄色的为警告；改正后请重新检查）',
  );
  const none = await mark(state, []);
  expect(none.list).toBeUndefined();
  expect(state.sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息', '备注']);
  expect(storedList(state)).toBeUndefined();
  state.sheets.pop();
  await clear(state);
  expect(snapshot(state)).toEqual(before);
});

test('only our list is removed: a 问题清单 of the officer’s own is kept (ours is 问题清单2), and so is ours once its title is overwritten', async () => {
  const state = workbook();
  state.sheets.push(fakeSheet('问题清单', [['自己的清单']]));
  const before = snapshot(state);
  expect((await mark(state)).list).toBe('问题清单2');
  expect(state.sheets.map((s) => [s.name, s.rows[0][0]])).toEqual([
    ['附件3 出入库', '保密室试卷出入库记录表'],
    ['基本信息', '学期'],
    ['问题清单', '自己的清单'],
    ['问题清单2', TITLE],
  ]);
  // Marking again: still one list of ours, under the same name.
  await mark(state);
  expect(state.sheets.map((s) => s.name)).toEqual(['附件3 出入库', '基本信息', '问题清单', '问题清单2']);
  await clear(state);
  expect(snapshot(state)).toEqual(before);

  // The officer wrote over our list's title: it is theirs now, clearing leaves it.
  await mark(state);
  sheetNamed(state, '问题清单2')!.rows[0][0] = '我的记录';
  expect((await clear(state)).list).toBeUndefined();
  expect(sheetNamed(state, '问题清单2')?.rows[0][0]).toBe('我的记录');
  expect(state.settings.has(MARKS_SETTING)).toBe(false);
});

test('in English the sheet is Findings, in English words; before ExcelApi 1.9 it is written without print setup', async () => {
  const state = workbook();
  await mark(state, [logFinding('附件3 出入库', 'B5', 'unknown-paper')], { lang: 'en', print: false });
  const list = sheetNamed(state, 'Findings')!;
  expect(list.rows).toEqual([
    [
      'Problems found by the custody assistant: 1 error, 0 warnings (errors: pink cells in a thick frame; warnings: yellow cells in a dashed frame; check again once corrected)',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    ['#', 'Severity', 'Sheet', 'Cell', 'No. / shift / field', 'Problem', 'What is wrong and what to do'],
    [1, 'Error', '附件3 出入库', 'B5', 'No. 1', 'Wrong paper number', 'unknown-paper 的说明'],
  ]);
  expect(list.print).toBeUndefined();
});

test('a sheet holding several forms (the model’s sheets given): 问题清单 names the form beside the sheet (review 19a D12)', async () => {
  const state = workbook();
  // 附件2 in rows 1–3 (0-based 0–2) over 附件3 from row 4 (0-based 3): the log's findings at row 5 are 附件3's.
  const sheets = [
    { sheet: '附件3 出入库', form: 'intake' as const, span: { from: 0, to: 3, across: false } },
    { sheet: '附件3 出入库', form: 'vaultLog' as const, span: { from: 3, across: false } },
    { sheet: '基本信息', form: 'site' as const },
  ];
  await mark(state, MARKED_FINDINGS, { sheets });
  const place = (row: unknown[]) => (row[2] === '附件3 出入库' ? '附件3 出入库（出入库记录）' : row[2]);
  expect(state.sheets[2].rows).toEqual(ROWS.map((row, i) => (i < 2 ? row : [row[0], row[1], place(row), ...row.slice(3)])));
});
