/**
 * The outside review's sites (test/fixtures/review/) laid out as people lay out
 * forms and rooms: each correct site gives no finding, each planted mistake its
 * finding at its cell, worded as the officer reads it (review defects D2, D3, D9, D11).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { brief, modelOf, tuple } from './shape-sites';
import { typeInto } from './tester';

const REVIEW = path.join(__dirname, '..', 'fixtures', 'review');
const site = (name: string) => JSON.parse(fs.readFileSync(path.join(REVIEW, `${name}.json`), 'utf8')) as SiteData;
const filled = async (name: string) => modelOf(await fillWorkbook(site(name)));
const handTyped = (name: string) => modelOf(fs.readFileSync(path.join(REVIEW, 'xlsx', `${name}.xlsx`)));
/** A hand-typed workbook with some cells typed over (sheet, cell, value). */
async function retypedSite(name: string, typed: Array<[string, string, CellValue]>): Promise<WorkbookGrid> {
  const grid = await gridFromXlsxBuffer(fs.readFileSync(path.join(REVIEW, 'xlsx', `${name}.xlsx`)));
  for (const [sheet, cell, value] of typed) typeInto(grid, sheet, cell, value);
  return grid;
}

describe('D9: rooms written 第3考场 / 101室', () => {
  it('the correct site is clean, and its rooms read alike however each row wrote them; a 0-copy row served no room', async () => {
    const model = await filled('d-shaoshan-rooms-kaodian');
    const findings = validateSite(model);
    expect(findings.map(brief)).toEqual([]);
    const rooms = Object.fromEntries(summarizeSite(model, findings).papers.map((p) => [p.paperNo, p.rooms]));
    expect(rooms).toEqual({ '2201': ['1', '2', '3'], '2202': ['3'], '3301': ['101室', '102室'], '3302': ['101室'] });
  });

  it('the planted mistakes name the room as written, never 第 第3考场 考场', async () => {
    const model = await filled('d-shaoshan-rooms-kaodian-planted');
    const findings = validateSite(model);
    const english = validateSite(model, { lang: 'en' });
    expect(findings.map(tuple)).toEqual([
      ['proctor-takes-papers', 3, '出入库记录', 'E7', 4],
      ['handed-out-beyond-checkout', 4, '分发登记1', 'D7', 2],
      ['distribution-outside-custody', 4, '分发登记2', 'H6', 1],
    ]);
    expect(findings[1].message).toMatch(/^第3考场领取试卷 2201 10 份后，这一场共发出 75 份/);
    expect(findings[2].message).toMatch(/^试卷 3301 在 7月5日 15:50 才从101室回收，/);
    expect(english[1].message).toMatch(/to room 3,/);
    expect(english[2].message).toMatch(/from room 101 at/);
  });
});

describe('D11: a role that cannot be read, on someone who is on the list', () => {
  it('保密员 is said once at its cell, under the roster’s rule (涉卷人员不符合条件), not as “签字人不在名单上”', async () => {
    const findings = validateSite(await handTyped('f-handtyped-roster-baomiyuan'));
    expect(findings.map(tuple)).toEqual([['staff-ineligible', 0, '涉卷人员', 'E6', 4]]);
    expect(findings[0].message).toMatch(/^序号 4 这一行的角色写的是“保密员”，读不出是哪一种涉卷人员/);
  });
});

describe('D2: the two signers of 附件1 each in a cell of their own', () => {
  const SHEET = '交接单（长沙分校→宁乡）';
  const signersOf = (grid: WorkbookGrid) => readWorkbook(grid).data.handovers![0].toSigners;

  it('接收人签字（两人）： · 黄志刚 · 刘春香 in three cells: both signed, no finding', async () => {
    const model = await handTyped('f-handtyped-signers-in-cells');
    expect(model.data.handovers![0].toSigners).toEqual(['黄志刚', '刘春香']);
    expect(validateSite(model).map(brief)).toEqual([]);
  });

  it.each<[string, Array<[string, string, CellValue]>]>([
    [
      'the label and the first name in one cell, the second in the next',
      [
        [SHEET, 'D20', '接收人签字（两人）：黄志刚'],
        [SHEET, 'E20', '刘春香'],
        [SHEET, 'F20', null],
      ],
    ],
    [
      'an empty cell between the two names',
      [
        [SHEET, 'F20', null],
        [SHEET, 'G20', '刘春香'],
      ],
    ],
    [
      'the names on the line under the label, each in its cell',
      [
        [SHEET, 'E20', null],
        [SHEET, 'F20', null],
        [SHEET, 'D21', '黄志刚'],
        [SHEET, 'E21', '刘春香'],
      ],
    ],
    [
      'the two names in one cell under the label',
      [
        [SHEET, 'E20', null],
        [SHEET, 'F20', null],
        [SHEET, 'D21', '黄志刚 刘春香'],
      ],
    ],
  ])('%s: both are the signers, no finding', async (_name, typed) => {
    const grid = await retypedSite('f-handtyped-signers-in-cells', typed);
    expect(signersOf(grid)).toEqual(['黄志刚', '刘春香']);
    expect(validateSite(readWorkbook(grid)).map(brief)).toEqual([]);
  });

  it('a date beside the one signer is no second signer: the two-signers finding stays, at the name', async () => {
    const grid = await retypedSite('f-handtyped-signers-in-cells', [[SHEET, 'F20', '2025年1月6日']]);
    const findings = validateSite(readWorkbook(grid));
    expect(findings.map(tuple)).toEqual([['two-signers', 1, SHEET, 'E20', null]]);
    expect(findings[0].message).toMatch(/^“接收人签字”只有 1 人签字（黄志刚）/);
  });

  it('the sending side’s names stop at the receiving side’s label on the same line', async () => {
    const grid = await retypedSite('f-handtyped-signers-in-cells', [
      [SHEET, 'A20', '移交人签字（两人）：曾志平'],
      [SHEET, 'B20', '罗晓东'],
    ]);
    const handover = readWorkbook(grid).data.handovers![0];
    expect([handover.fromSigners, handover.toSigners]).toEqual([
      ['曾志平', '罗晓东'],
      ['黄志刚', '刘春香'],
    ]);
  });
});

describe('D3: 考试安排 as the timetable is published (考试日期 · 考试时间 “9:00-10:30”)', () => {
  const SHEET = '考试安排';

  it('reads each row’s date and time range as the session’s start and end: the correct site is clean', async () => {
    const model = await handTyped('f-handtyped-schedule-date-time');
    expect(model.data.schedule!.map((s) => [s.paperNo, s.start, s.end])).toEqual([
      ['1304', '2025-01-08T19:00', '2025-01-08T21:00'],
      ['2216', '2025-01-11T09:00', '2025-01-11T10:30'],
      ['3307', '2025-01-11T14:00', '2025-01-11T15:30'],
      ['4405', '2025-01-12T09:00', '2025-01-12T10:30'],
    ]);
    expect(validateSite(model).map(brief)).toEqual([]);
  });

  it('so the evening paper taken out 90 minutes early is found, and nothing else', async () => {
    const findings = validateSite(await handTyped('f-handtyped-schedule-date-time-early'));
    expect(findings.map(tuple)).toEqual([['checkout-window', 3, '出入库', 'E3', 1]]);
  });

  it.each<[string, string, string, RegExp]>([
    ['F4', '上午', 'F4', /^“考试时间”写的是“上午”，读不出考试的起止时间。请写成如“08:30—10:00”。$/],
    ['D4', '元旦后', 'D4', /^“考试日期”写的是“元旦后”，读不出日期。/],
  ])('%s written %p cannot be read: said once, at its cell', async (cell, typed, at, message) => {
    const grid = await retypedSite('f-handtyped-schedule-date-time', [[SHEET, cell, typed]]);
    const findings = validateSite(readWorkbook(grid));
    expect(findings.map(tuple)).toEqual([['invalid-datetime', 0, SHEET, at, 2]]);
    expect(findings[0].message).toMatch(message);
  });

  it('without any column of session times: one finding at the header, saying which checks wait, never “rename the header”', async () => {
    const grid = await retypedSite('f-handtyped-schedule-date-time', [[SHEET, 'F2', '考场']]);
    const findings = validateSite(readWorkbook(grid));
    expect(findings.map(tuple)).toEqual([['required-field', 0, SHEET, 'A2', null]]);
    expect(findings[0].message).toBe(
      '考试安排的表头里找不到“开考时间”“结束时间”两栏，读不出各场考试的考试时间，依考试时间判断的检查（试卷到达、领卷、还卷、分发登记、值班等）改正之前暂不进行。请在表头写上“开考时间”“结束时间”两栏，或按公布的考试时间表写“考试日期”“考试时间”（如 9:00-10:30）两栏，逐行填写后再提交。',
    );
  });

  it('the printed layout without its 结束时间 column: one finding naming the checks that wait for the end times', async () => {
    const data = site('d-shaoshan-rooms-kaodian');
    const grid = await gridFromXlsxBuffer(await fillWorkbook(data));
    typeInto(grid, SHEET, 'E2', '备注');
    const findings = validateSite(readWorkbook(grid));
    expect(findings.map(tuple)).toEqual([['required-field', 0, SHEET, 'A2', null]]);
    expect(findings[0].message).toMatch(
      /^考试安排的表头里找不到“结束时间”一栏，读不出各场考试的结束时间，依考试结束时间判断的检查（还卷时限等）改正之前暂不进行。/,
    );
  });
});
