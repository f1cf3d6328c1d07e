/**
 * Cells read as officers write them (the last review's reading defects): a blank part of the published
 * timetable named by its printed label, a short 还卷时间 beside a blank 取卷时间, counts in Chinese numerals,
 * two signers joined by 和, and a count written in another unit than its row's. Each gives one finding at its
 * cell, or none where nothing is wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { tuple } from './shape-sites';
import { typeInto } from './tester';

const REVIEW = path.join(__dirname, '..', 'fixtures', 'review');
/** The review's hand-typed timetable site (考试日期 · 考试时间, 3袋 in the vault log, signers in one cell), some cells typed over. */
async function retyped(typed: Array<[string, string, CellValue]>): Promise<WorkbookGrid> {
  const grid = await gridFromXlsxBuffer(fs.readFileSync(path.join(REVIEW, 'xlsx', 'f-handtyped-schedule-date-time.xlsx')));
  for (const [sheet, cell, value] of typed) typeInto(grid, sheet, cell, value);
  return grid;
}
const findingsOf = async (typed: Array<[string, string, CellValue]>) => validateSite(readWorkbook(await retyped(typed)));
const SCHEDULE = '考试安排';
const VAULT = '出入库';

describe('考试安排 as published (考试日期 · 考试时间) with a part left blank', () => {
  it('a blank 考试时间: one finding at that cell, named 考试时间, not 开考时间 and 结束时间', async () => {
    const findings = await findingsOf([[SCHEDULE, 'F4', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 0, SCHEDULE, 'F4', 2]]);
    expect(findings[0].message).toBe('第 2 行的“考试时间”没有填写。考试安排每行都须填写此项，请补填后再提交。');
  });

  it('a blank 考试日期: one finding at that cell, named 考试日期', async () => {
    const findings = await findingsOf([[SCHEDULE, 'D4', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 0, SCHEDULE, 'D4', 2]]);
    expect(findings[0].message).toBe('第 2 行的“考试日期”没有填写。考试安排每行都须填写此项，请补填后再提交。');
  });

  it('both blank: the row is partly filled, naming 考试日期 and 考试时间', async () => {
    const findings = await findingsOf([
      [SCHEDULE, 'D4', null],
      [SCHEDULE, 'F4', null],
    ]);
    expect(findings.map(tuple)).toEqual([['partial-row', 0, SCHEDULE, 'D4', 2]]);
    expect(findings[0].message).toBe('第 2 行只填了一部分：“考试日期”、“考试时间”都没有填写。一行记录须填全，请补上（若这行作废，请整行删除）。');
  });
});

describe('附件3: a blank 取卷时间 beside a 还卷时间 written short', () => {
  it('“21:15” is not wrong, its day cannot be known: one finding, at the blank 取卷时间', async () => {
    const findings = await findingsOf([[VAULT, 'E3', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 3, VAULT, 'E3', 1]]);
    expect(findings[0].message).toBe('第 1 行的“取卷时间”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。');
  });

  it('a 还卷时间 that cannot be read on any day is still said, besides the blank 取卷时间', async () => {
    const findings = await findingsOf([
      [VAULT, 'E3', null],
      [VAULT, 'H3', '晚上'],
    ]);
    expect(findings.map(tuple)).toEqual([
      ['required-field', 3, VAULT, 'E3', 1],
      ['invalid-datetime', 3, VAULT, 'H3', 1],
    ]);
  });
});
