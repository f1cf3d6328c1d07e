/**
 * Marks moved since 标记 (rows inserted above a marked cell, its sheet renamed), in WPS, outside 清除标记 (which found
 * them already: wps-marks-moved.test.ts). A check compared the record's addresses with the findings: a mark moved one
 * row down with its finding was “上次的标记还留着”. 标记 again put the stored address back (another cell now) and took
 * our own mark at the new address as that cell's own — its comment written twice, and 清除标记 then leaving it there.
 * Each mark is now taken where it is (io/wps/marks.ts marksNow, check/mark-clear.ts planClear) before it is compared.
 */
import { fillWorkbook } from '../../src/cli/fill';
import { applyWpsMarks, clearWpsMarks, wpsMarksLeft } from '../../src/io/wps/marks';
import type { Finding } from '../../src/model/finding';
import type { Intake } from '../../src/model/types';
import { checkOutcome } from '../../src/taskpane/app';
import { wpsHost } from '../../src/wps/face';
import { MARKED_FINDINGS } from '../findings';
import { FakeApplication, FakeBookState, FakeEtOptions } from './fake-et';
import { changed, fakeBookFromXlsx, fixture, marksBook, userCells } from './helpers';

const LOG = '附件3 出入库';

/** `count` rows inserted at `row` of a sheet, as WPS moves every cell and merge below. */
function insertRows(state: FakeBookState, sheet: string, row: number, count: number): void {
  const sh = state.sheets.find((s) => s.name === sheet)!;
  const down = (ref: string) => {
    const [, col, r] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return Number(r) < row ? ref : `${col}${Number(r) + count}`;
  };
  sh.cells = Object.fromEntries(Object.entries(sh.cells).map(([ref, c]) => [down(ref), c]));
  sh.merges = sh.merges.map((m) => m.split(':').map(down).join(':'));
}

/** A finding's cell one row down (rows inserted above it). */
const below = (f: Finding): Finding => (f.sheet === LOG && f.cell ? { ...f, cell: f.cell.replace(/\d+$/, (n) => String(Number(n) + 1)) } : f);

test('标记 again after a row inserted above the marks: each mark kept as ours where it moved, its comment once, the row left alone; 清除标记 then gives the workbook back', () => {
  const state = marksBook();
  const before = structuredClone(state);
  applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
  const marked = structuredClone(state.sheets[0].cells);
  insertRows(state, LOG, 3, 1);
  insertRows(before, LOG, 3, 1);
  expect(applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS.map(below))).toEqual({ marked: 5, restored: 0, leftOut: 0, list: '问题清单' });
  // Row 5 (what was row 4) as it was; row 6 as the first 标记 left row 5: the same fill, frame and comment, once.
  for (const c of ['B', 'C', 'D', 'E']) {
    expect(state.sheets[0].cells[`${c}5`]).toEqual(before.sheets[0].cells[`${c}5`]);
    expect(state.sheets[0].cells[`${c}6`]).toEqual(marked[`${c}5`]);
  }
  expect(clearWpsMarks(new FakeApplication(state))).toEqual({ marked: 0, restored: 5, leftOut: 0, list: '问题清单' });
  expect(changed(userCells(before), userCells(state))).toEqual([]);
});

/** kaodian.json with 入库清单's 合计 of 31份装 (D14) 9: one column-total finding. */
async function book(): Promise<{ state: FakeBookState; app: FakeApplication }> {
  const data = fixture('kaodian.json');
  (data.intake as Intake).totals!.bags31 = 9;
  const state = await fakeBookFromXlsx(await fillWorkbook(data));
  return { state, app: new FakeApplication(state) };
}

const where = (fs: readonly Finding[]) => fs.map((f) => `${f.rule}|${f.sheet}|${f.cell}`);

test('a check after rows inserted above a marked cell: its mark moved with its finding — no old mark said', async () => {
  const { state, app } = await book();
  const host = wpsHost(app);
  const [site] = await host.check('zh');
  await host.mark!(site, 'zh');
  insertRows(state, '入库清单', 1, 2);
  const [after] = await host.check('zh');
  expect(where(after.findings)).toEqual(['column-total|入库清单|D16']);
  expect(after.oldMarks).toBeUndefined();
});

test('a check after the marked sheet is renamed and its finding corrected: the mark left on it is said, with the list', async () => {
  const { state, app } = await book();
  const host = wpsHost(app);
  const [site] = await host.check('zh');
  await host.mark!(site, 'zh');
  state.sheets.find((s) => s.name === '入库清单')!.name = '入库清单（第一批）';
  app.edit('入库清单（第一批）', 'D14', 2);
  const results = await host.check('zh');
  expect([results[0].findings, results[0].oldMarks]).toEqual([[], { cells: 1, list: '问题清单' }]);
  expect(checkOutcome(results, 'zh')).toEqual({
    text: '完成：0 个错误，0 个警告。但工作簿里还留着上次的标记：1 个单元格的填色、边框和批注，以及工作表“问题清单”，它们标出的问题已改正。请点“清除标记”去掉，再保存、提交。',
    kind: 'error',
  });
});

describe('a check looks for moved marks among the sheet’s comments, not cell by cell over its used range (io/wps/marks.ts commentsOn)', () => {
  /** marksBook with `rows` more rows of a vault log under the marked row (10 columns each), marked, then a row inserted above. */
  const movedOn = (rows: number): FakeBookState => {
    const state = marksBook();
    for (let r = 10; r < 10 + rows; r++) for (const c of 'ABCDEFGHIJ') state.sheets[0].cells[`${c}${r}`] = { v: `${c}${r}` };
    applyWpsMarks(new FakeApplication(state), MARKED_FINDINGS);
    insertRows(state, LOG, 3, 1);
    return state;
  };
  /** The marks left after the findings are corrected, and the calls into ET the check made for them. */
  const left = (state: FakeBookState, options: FakeEtOptions = {}) => {
    const app = new FakeApplication(state, options);
    const cells = wpsMarksLeft(app, []).cells.map((c) => `${c.sheet}!${c.cell}`);
    return { cells, calls: app.calls };
  };
  const MOVED = ['基本信息!B1', `${LOG}!B6`, `${LOG}!C6`, `${LOG}!D6`, `${LOG}!E6`];

  test('the same 59 calls for a log of 10 rows as of 3,000 (30,000 cells; cell by cell took 1,089 and 156,569)', () => {
    const small = left(movedOn(10));
    const large = left(movedOn(3000));
    expect(small.cells.sort()).toEqual(MOVED);
    expect(large.cells.sort()).toEqual(MOVED);
    // The record, each stored address's fill and comment, then the log's 5 comments (Count, and Item, Parent, Address, Text each).
    expect([small.calls, large.calls]).toEqual([59, 59]);
  });

  test('a build without Worksheet.Comments: the same marks found, cell by cell over the used range', () => {
    const scanned = left(movedOn(10), { without: ['Comments'] });
    expect(scanned.cells.sort()).toEqual(MOVED);
    expect(scanned.calls).toBe(1089);
  });
});
