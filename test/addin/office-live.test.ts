/**
 * The Excel host (office-face.ts) over the strict fake, as review 10b's excel-live probe drove it: a live re-check
 * after a sheet is renamed (D5), 清除标记 after a row is deleted, said in the pane's words (D2), and a workbook with no
 * forms yet (D11).
 */
import type { Intake } from '../../src/model/types';
import { checkOutcome } from '../../src/taskpane/app';
import { FakeState, fakeSheet, installExcelEnums } from './fake-excel';
import { exceljsGrid, fakeSheetsFromGrid, fixture, workbookBytes } from './helpers';
import { officeHostOver } from './office-host-over';

jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
installExcelEnums();

let state: FakeState;

const host = () => officeHostOver(() => state);

/** An edit as Excel reports it: the cell set, then worksheets.onChanged with the sheet's id. */
async function edit(sheet: string, cell: string, value: number): Promise<void> {
  const s = state.sheets.find((x) => x.name === sheet)!;
  s.rows[Number(cell.slice(1)) - 1][cell.charCodeAt(0) - 65] = value;
  for (const fn of state.changed ?? []) await fn({ worksheetId: s.id });
}

const key = (fs: ReadonlyArray<{ rule: string; sheet: string | null; cell: string | null }>) => fs.map((f) => `${f.rule}|${f.sheet}|${f.cell}`);

beforeEach(async () => {
  const data = fixture();
  (data.intake as Intake).totals!.bags31 = 9; // 入库清单 D14: 9, the rows add up to 2
  state = { sheets: fakeSheetsFromGrid(await exceljsGrid(await workbookBytes(data))), settings: new Map(), inserted: [] };
});

test('D5 a sheet renamed, then edited twice: each edit is reported under its new name and re-read', async () => {
  const h = await host();
  expect(key((await h.check('zh'))[0].findings)).toEqual(['column-total|入库清单|D14']);
  const reported: string[][] = [];
  h.watch!((names) => reported.push([...names]));
  await new Promise((r) => setTimeout(r, 20));
  state.sheets.find((s) => s.name === '入库清单')!.name = '入库清单（一）';
  await edit('入库清单（一）', 'D14', 2);
  expect(key((await h.check('zh', reported.at(-1)))[0].findings)).toEqual([]);
  await edit('入库清单（一）', 'D14', 9);
  expect(reported).toEqual([['入库清单（一）'], ['入库清单（一）']]);
  // The live re-check sees the 9 again, as a full check does.
  expect(key((await h.check('zh', reported.at(-1)))[0].findings)).toEqual(['column-total|入库清单（一）|D14']);
});

test('D2 清除标记 after a row is deleted: the moved mark is put back, the officer’s note kept, the pane says so', async () => {
  const h = await host();
  const s = state.sheets.find((x) => x.name === '入库清单')!;
  s.notes.set('D15', '本人批注：第二批到货');
  const [site] = await h.check('zh');
  expect(await h.mark!(site, 'zh')).toBe('已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。');
  expect(s.fills.get('D14')?.color).toBe('#FFC7CE');
  // Row 3 deleted: the rows, fills and notes below move up one.
  s.rows.splice(2, 1);
  const up = <T>(m: Map<string, T>) =>
    new Map(
      [...m].flatMap(([ref, v]): Array<[string, T]> => {
        const r = Number(ref.replace(/^[A-Z]+(\d+).*$/, '$1'));
        return r < 3 ? [[ref, v]] : r > 3 ? [[ref.replace(/^([A-Z]+)\d+/, `$1${r - 1}`), v]] : [];
      }),
    );
  const fills = new Map(s.fills);
  fills.delete('D14');
  const borders = new Map(s.borders ?? []);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) borders.delete(`D14 ${edge}`);
  s.fills = up(s.fills);
  s.notes = up(s.notes);
  s.borders = up(s.borders ?? new Map());
  expect(await h.clearMarks!('zh')).toBe('已恢复 1 个单元格原来的格式和批注。');
  // D13 (the marked cell) back to no fill, no frame, no note; D14 (the officer's) keeps its note; nothing else changed.
  expect(s.fills).toEqual(up(fills));
  expect(s.borders ?? new Map()).toEqual(up(borders));
  expect(Object.fromEntries(s.notes)).toEqual({ D14: '本人批注：第二批到货' });
  expect(state.sheets.map((x) => x.name)).not.toContain('问题清单');
});

test('D2 the marked row itself deleted: the pane says a mark was not found and nothing else was touched', async () => {
  const h = await host();
  const [site] = await h.check('en');
  await h.mark!(site, 'en');
  const s = state.sheets.find((x) => x.name === '入库清单')!;
  s.rows.splice(13, 1);
  s.fills.delete('D14');
  s.notes.delete('D14');
  expect(await h.clearMarks!('en')).toBe(
    'Restored the former fill and notes of 0 cells. 1 mark was found neither in place nor elsewhere on its sheet (rows deleted, or the note edited): that cell was left as it is; please look at it.',
  );
  expect(await h.clearMarks!('zh')).toBe('已恢复 0 个单元格原来的格式和批注。');
});

test('D11 a new workbook (Sheet1 empty) or one with no forms: there are no forms yet and where to insert them, not “could not read”', async () => {
  state = { sheets: [fakeSheet('Sheet1', [])], settings: new Map(), inserted: [] };
  const h = await host();
  const zh = await h.check('zh');
  expect(zh[0]).toMatchObject({ noForms: true, findings: [] });
  expect(checkOutcome(zh, 'zh')).toEqual({
    text: '当前工作簿里还没有试卷保密表单：请在“表单”页插入空白表单（或打开已填写的工作簿），填好后再点“校验”。',
    kind: 'info',
  });
  state = {
    sheets: [
      fakeSheet('成绩', [
        ['姓名', '分数'],
        ['张三', 90],
      ]),
    ],
    settings: new Map(),
    inserted: [],
  };
  expect(checkOutcome(await h.check('en'), 'en')).toEqual({
    text: 'This workbook has no custody forms yet: insert blank forms from the Forms tab (or open a filled-in workbook), fill them in, then click Check.',
    kind: 'info',
  });
});

describe('review 20a D3: after a correction, the marks of the findings gone are said, never “可以提交”', () => {
  const snapshot = () => JSON.stringify(state.sheets.map((s) => [s.name, s.rows, [...s.fills], [...(s.borders ?? [])], [...s.notes]]));
  const intake = () => state.sheets.find((x) => x.name === '入库清单')!;

  test('a check says the old marks remain and changes nothing; 标记 again takes them away and says so; then 完成 alone', async () => {
    const h = await host();
    const [site] = await h.check('zh');
    const unmarked = snapshot();
    expect(await h.mark!(site, 'zh')).toBe('已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。');
    // The officer corrects D14 (9 → 2, the rows' sum).
    intake().rows[13][3] = 2;
    const before = snapshot();
    const zh = await h.check('zh');
    expect([zh[0].findings, zh[0].oldMarks]).toEqual([[], { cells: 1, list: '问题清单' }]);
    expect(checkOutcome(zh, 'zh')).toEqual({
      text: '完成：0 个错误，0 个警告。但工作簿里还留着上次的标记：1 个单元格的填色、边框和批注，以及工作表“问题清单”，它们标出的问题已改正。请点“清除标记”去掉，再保存、提交。',
      kind: 'error',
    });
    expect(checkOutcome(await h.check('en'), 'en')).toEqual({
      text: 'Done: 0 errors, 0 warnings. But the workbook still holds the last marking: the fill, frame and note of 1 cell, and the sheet “问题清单”, whose findings are corrected. Click Clear marks to take them away before you save and submit.',
      kind: 'error',
    });
    // Checking wrote nothing.
    expect(snapshot()).toBe(before);

    const [again] = await h.check('zh');
    expect(await h.mark!(again, 'zh')).toBe(
      '没有要标记的问题。已去掉 1 个单元格上次的标记（它们标出的问题已改正），恢复了原来的填色、边框和批注。已删除上次的工作表“问题清单”。',
    );
    // The workbook as it was before the first 标记, but for the correction.
    intake().rows[13][3] = 9;
    expect(snapshot()).toBe(unmarked);
    intake().rows[13][3] = 2;
    const done = await h.check('zh');
    expect(done[0].oldMarks).toBeUndefined();
    expect(checkOutcome(done, 'zh')).toEqual({ text: '完成：0 个错误，0 个警告', kind: 'info' });
  });

  test('a finding corrected beside one that is not: the old mark is said with what to click; 标记 replaces it, 清除标记 ends all', async () => {
    const data = fixture();
    // Two planted defects: 入库清单 D14 (31份装 合计 9) and E14 (26份装 合计 9).
    (data.intake as Intake).totals!.bags31 = 9;
    (data.intake as Intake).totals!.bags26 = 9;
    state = { sheets: fakeSheetsFromGrid(await exceljsGrid(await workbookBytes(data))), settings: new Map(), inserted: [] };
    const h = await host();
    const [site] = await h.check('zh');
    expect(key(site.findings)).toEqual(['column-total|入库清单|D14', 'column-total|入库清单|E14']);
    const unmarked = snapshot();
    await h.mark!(site, 'zh');
    intake().rows[13][3] = 2;
    const zh = await h.check('zh');
    expect([key(zh[0].findings), zh[0].oldMarks]).toEqual([['column-total|入库清单|E14'], { cells: 1, list: '问题清单' }]);
    expect(checkOutcome(zh, 'zh')).toEqual({
      text: '完成：1 个错误，0 个警告。工作簿里还留着上次的标记：1 个单元格的填色、边框和批注，以及工作表“问题清单”，它们标出的问题已改正：请点“标记”重新标记（会去掉这些旧标记），或点“清除标记”。',
      kind: 'error',
    });
    expect(checkOutcome(await h.check('en'), 'en').text).toBe(
      'Done: 1 error, 0 warnings. The workbook still holds old marks: the fill, frame and note of 1 cell, and the sheet “问题清单”, whose findings are corrected. Click Mark to mark again (it takes them away), or Clear marks.',
    );
    expect(await h.mark!(zh[0], 'zh')).toBe(
      '已标记 1 个单元格。全部问题列在最后一张工作表“问题清单”，可打印。已去掉 1 个单元格上次的标记（它们标出的问题已改正），恢复了原来的填色、边框和批注。',
    );
    expect([intake().fills.has('D14'), intake().fills.get('E14')?.color]).toEqual([false, '#FFC7CE']);
    const marked = await h.check('zh');
    expect(marked[0].oldMarks).toBeUndefined();
    expect(checkOutcome(marked, 'zh')).toEqual({ text: '完成：1 个错误，0 个警告', kind: 'info' });
    expect(await h.clearMarks!('zh')).toBe('已恢复 1 个单元格原来的格式和批注。');
    intake().rows[13][3] = 9;
    expect(snapshot()).toBe(unmarked);
  });
});
