/**
 * Review 20a D3 in WPS: after 标记 and a correction, a check says the marks of the findings gone remain (never
 * “可以提交”) and writes nothing; 标记 again takes them away and says so; 清除标记 ends them. As the Excel pane
 * (test/addin/office-live.test.ts).
 */
import { fillWorkbook } from '../../src/cli/fill';
import { MARKS_SHEET } from '../../src/io/wps/marks';
import type { Intake } from '../../src/model/types';
import { checkOutcome } from '../../src/taskpane/app';
import { wpsHost } from '../../src/wps/face';
import { FakeApplication, FakeBookState, FakeCell, NO_FILL } from './fake-et';
import { fakeBookFromXlsx, fixture } from './helpers';

const key = (fs: ReadonlyArray<{ rule: string; sheet: string | null; cell: string | null }>) => fs.map((f) => `${f.rule}|${f.sheet}|${f.cell}`);

/** kaodian.json with 入库清单's 合计 of 31份装 (D14) 9, and of 26份装 (E14) 9 when `both`. */
async function book(both: boolean): Promise<FakeBookState> {
  const data = fixture('kaodian.json');
  (data.intake as Intake).totals!.bags31 = 9;
  if (both) (data.intake as Intake).totals!.bags26 = 9;
  return fakeBookFromXlsx(await fillWorkbook(data));
}

/** No fill set and the fill “none” put back are the same to WPS (the fake keeps the second). */
const plain = ({ fill, ...cell }: FakeCell): FakeCell => (fill && JSON.stringify(fill) !== JSON.stringify(NO_FILL) ? { ...cell, fill } : cell);

/** Every sheet's cells, by sheet and cell, as text: a difference shows as the cells that differ. */
const snapshot = (state: FakeBookState): Record<string, string> =>
  Object.fromEntries(
    state.sheets.flatMap((s) => [[s.name, ''], ...Object.entries(s.cells).map(([ref, cell]) => [`${s.name}!${ref}`, JSON.stringify(plain(cell))])]),
  );

test('a check says the old marks remain and writes nothing; 标记 again takes them away and says so; then 完成 alone', async () => {
  const state = await book(false);
  const app = new FakeApplication(state);
  const host = wpsHost(app);
  const [site] = await host.check('zh');
  expect(key(site.findings)).toEqual(['column-total|入库清单|D14']);
  const unmarked = snapshot(state);
  expect(await host.mark!(site, 'zh')).toBe('已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。');
  app.edit('入库清单', 'D14', 2);
  const before = snapshot(state);
  const zh = await host.check('zh');
  expect([zh[0].findings, zh[0].oldMarks]).toEqual([[], { cells: 1, list: '问题清单' }]);
  expect(checkOutcome(zh, 'zh')).toEqual({
    text: '完成：0 个错误，0 个警告。但工作簿里还留着上次的标记：1 个单元格的填色、边框和批注，以及工作表“问题清单”，它们标出的问题已改正。请点“清除标记”去掉，再保存、提交。',
    kind: 'error',
  });
  expect(checkOutcome(await host.check('en'), 'en')).toEqual({
    text: 'Done: 0 errors, 0 warnings. But the workbook still holds the last marking: the fill, frame and note of 1 cell, and the sheet “问题清单”, whose findings are corrected. Click Clear marks to take them away before you save and submit.',
    kind: 'error',
  });
  expect(snapshot(state)).toEqual(before);

  const [again] = await host.check('zh');
  expect(await host.mark!(again, 'zh')).toBe(
    '没有要标记的问题。已去掉 1 个单元格上次的标记（它们标出的问题已改正），恢复了原来的填色、边框和批注。已删除上次的工作表“问题清单”。',
  );
  // The workbook as before the first 标记 but for the correction: no list, no record.
  app.edit('入库清单', 'D14', 9);
  expect(snapshot(state)).toEqual(unmarked);
  expect(state.sheets.map((s) => s.name)).not.toContain(MARKS_SHEET);
  app.edit('入库清单', 'D14', 2);
  const done = await host.check('zh');
  expect(done[0].oldMarks).toBeUndefined();
  expect(checkOutcome(done, 'zh')).toEqual({ text: '完成：0 个错误，0 个警告', kind: 'info' });
});

test('a finding corrected beside one that is not: the old mark is said with what to click; 标记 replaces it, 清除标记 ends all', async () => {
  const state = await book(true);
  const app = new FakeApplication(state);
  const host = wpsHost(app);
  const [site] = await host.check('zh');
  expect(key(site.findings)).toEqual(['column-total|入库清单|D14', 'column-total|入库清单|E14']);
  const unmarked = snapshot(state);
  await host.mark!(site, 'zh');
  app.edit('入库清单', 'D14', 2);
  const zh = await host.check('zh');
  expect([key(zh[0].findings), zh[0].oldMarks]).toEqual([['column-total|入库清单|E14'], { cells: 1, list: '问题清单' }]);
  expect(checkOutcome(zh, 'zh')).toEqual({
    text: '完成：1 个错误，0 个警告。工作簿里还留着上次的标记：1 个单元格的填色、边框和批注，以及工作表“问题清单”，它们标出的问题已改正：请点“标记”重新标记（会去掉这些旧标记），或点“清除标记”。',
    kind: 'error',
  });
  expect(await host.mark!(zh[0], 'zh')).toBe(
    '已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。已去掉 1 个单元格上次的标记（它们标出的问题已改正），恢复了原来的填色、边框和批注。',
  );
  const marked = await host.check('zh');
  expect(marked[0].oldMarks).toBeUndefined();
  expect(checkOutcome(marked, 'zh')).toEqual({ text: '完成：1 个错误，0 个警告', kind: 'info' });
  expect(await host.clearMarks!('zh')).toBe('已恢复 1 个单元格原来的格式和批注。');
  app.edit('入库清单', 'D14', 9);
  expect(snapshot(state)).toEqual(unmarked);
});
