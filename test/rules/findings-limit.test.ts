/**
 * LIMITS.findings: the checks of one workbook stop once they pass the limit,
 * before the rest are made, and the workbook gets one line instead of a list
 * no one reads (a vault log of 460,000 half-filled rows, within the reading
 * limits, made 920,000 findings: 1.8 GB for `validate`, and `summary` ended
 * with "something unexpected happened").
 */
import { draftWorkbook, readWorkbook } from '../../src/forms/workbook';
import { validateSite, validateSiteIn } from '../../src/rules/engine';
import { checkWorkbooks, exitCodeOf } from '../../src/check/service';
import { LIMITS, WorkbookReadError } from '../../src/model/limits';
import { refusalLine } from '../../src/check/refusal';
import type { WorkbookGrid } from '../../src/model/grid';
import { base, gridFromDrafts } from './tester';

/** The 岳麓考点 workbook whose vault log is `rows` rows holding only their 序号, 试卷号 and 取卷时间 (each reported twice: partial-row, not-returned). */
function halfFilledLog(rows: number): WorkbookGrid {
  const data = base('kaodian');
  const grid = gridFromDrafts(draftWorkbook(data));
  const log = grid.sheets.find((s) => s.name === '出入库记录')!;
  const first = log.rows.findIndex((r) => r?.[0] === 1);
  const row = log.rows[first]!;
  const half = Array.from({ length: rows }, (_, i) => row.map((v, c) => (c === 0 ? i + 1 : c === 1 || c === 5 ? v : null)));
  log.rows = [...log.rows.slice(0, first), ...half, ...log.rows.slice(first + data.vaultLog!.length)];
  return grid;
}

const LINE = {
  zh: `检查发现的问题超过 ${LIMITS.findings.toLocaleString('en-US')} 个（上限），已停止检查：疑似表格整列填错了位置，或是异常文件。请对照空白表格核对表头和各列，改正后再检查`,
  en: `the checks found more than ${LIMITS.findings.toLocaleString('en-US')} problems (the limit) and stopped: a table is probably filled in the wrong columns, or the file is not a real one. Compare its headers and columns with the blank form, correct them and check again`,
};

test('a workbook at the limit is listed whole; one finding more and the checks stop with one line', () => {
  const model = readWorkbook(halfFilledLog(3));
  const all = validateSite(model);
  // Each row twice; and the two distributions of 试卷 3310, which now has no checkout.
  expect(all.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
    ['partial-row', '出入库记录', 'C4'],
    ['not-returned', '出入库记录', 'I4'],
    ['partial-row', '出入库记录', 'C5'],
    ['not-returned', '出入库记录', 'I5'],
    ['partial-row', '出入库记录', 'C6'],
    ['not-returned', '出入库记录', 'I6'],
    ['distribution-outside-custody', '分发登记2', 'F6'],
    ['distribution-outside-custody', '分发登记3', 'F6'],
  ]);
  expect(validateSite(model, { maxFindings: all.length })).toEqual(all);
  const stopped = (() => {
    try {
      validateSite(model, { maxFindings: all.length - 1 });
    } catch (error) {
      return error;
    }
  })();
  expect(stopped).toBeInstanceOf(WorkbookReadError);
  expect((stopped as WorkbookReadError).reason).toBe('limit');
  // Both languages at once: listed whole at the count, stopped one below it.
  expect(validateSiteIn(model, ['zh', 'en'], { maxFindings: all.length })).toEqual([all, validateSite(model, { lang: 'en' })]);
  expect(() => validateSiteIn(model, ['zh', 'en'], { maxFindings: all.length - 1 })).toThrow(WorkbookReadError);
  for (const lang of ['zh', 'en'] as const) {
    expect(refusalLine(stopped, lang)).toBe(LINE[lang].replace(LIMITS.findings.toLocaleString('en-US'), String(all.length - 1)));
  }
});

test(`a vault log whose rows make more than ${LIMITS.findings.toLocaleString('en-US')} findings: one line for it, the other workbook checked`, async () => {
  // 2 findings a row and 2 more: 200,002.
  const rows = LIMITS.findings / 2;
  const good = gridFromDrafts(draftWorkbook(base('kaodian')));
  const run = await checkWorkbooks([
    { file: 'many.xlsx', grid: halfFilledLog(rows) },
    { file: 'good.xlsx', grid: good },
  ]);
  expect(run.report.files.map((f) => [f.file, f.error, f.findings.length])).toEqual([
    ['many.xlsx', LINE.zh, 0],
    ['good.xlsx', undefined, 0],
  ]);
  expect(exitCodeOf(run.report)).toBe(2);
  // One row fewer: 200,000, every one listed.
  const [atLimit] = (await checkWorkbooks([{ file: 'at-limit.xlsx', grid: halfFilledLog(rows - 1) }])).report.files;
  expect([atLimit.error, atLimit.findings.length]).toEqual([undefined, LIMITS.findings]);
});
