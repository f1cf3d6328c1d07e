/**
 * Cells read as officers write them (the last review's reading defects): a blank part of the published
 * timetable named by its printed label, a short 还卷时间 beside a blank 取卷时间, counts in Chinese numerals,
 * two signers joined by 和, and a count written in another unit than its row's. Each gives one finding at its
 * cell, or none where nothing is wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { CellValue, WorkbookGrid } from '../../src/model/grid';
import { splitJoinedSigners } from '../../src/model/people';
import { parseCount } from '../../src/model/text';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, tuple } from './shape-sites';
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
const HANDOVER = '交接单（长沙分校→宁乡）';
const INTAKE = '入库清单';

describe('考试安排 as published (考试日期 · 考试时间) with a part left blank', () => {
  it('a blank 考试时间: one finding at that cell, named 考试时间, not 开考时间 and 结束时间', async () => {
    const findings = await findingsOf([[SCHEDULE, 'F4', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 0, SCHEDULE, 'F4', 2]]);
    expect(findings[0].message).toBe('序号 2 这一行的“考试时间”没有填写。考试安排每行都须填写此项，请补填后再提交。');
  });

  it('a blank 考试日期: one finding at that cell, named 考试日期', async () => {
    const findings = await findingsOf([[SCHEDULE, 'D4', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 0, SCHEDULE, 'D4', 2]]);
    expect(findings[0].message).toBe('序号 2 这一行的“考试日期”没有填写。考试安排每行都须填写此项，请补填后再提交。');
  });

  it('both blank: the row is partly filled, naming 考试日期 and 考试时间', async () => {
    const findings = await findingsOf([
      [SCHEDULE, 'D4', null],
      [SCHEDULE, 'F4', null],
    ]);
    expect(findings.map(tuple)).toEqual([['partial-row', 0, SCHEDULE, 'D4', 2]]);
    expect(findings[0].message).toBe('序号 2 这一行只填了一部分：“考试日期”、“考试时间”都没有填写。一行记录须填全，请补上（若这行作废，请整行删除）。');
  });
});

describe('附件3: a blank 取卷时间 beside a 还卷时间 written short', () => {
  it('“21:15” is not wrong, its day cannot be known: one finding, at the blank 取卷时间', async () => {
    const findings = await findingsOf([[VAULT, 'E3', null]]);
    expect(findings.map(tuple)).toEqual([['required-field', 3, VAULT, 'E3', 1]]);
    expect(findings[0].message).toBe('序号 1 这一行的“取卷时间”没有填写。附件3 保密室试卷出入库记录表每行都须填写此项，请补填后再提交。');
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

describe('bag counts in Chinese numerals', () => {
  it.each<[string, number]>([
    ['三袋', 3],
    ['贰袋', 2],
    ['两袋', 2],
    ['十二袋', 12],
    ['叁', 3],
    ['贰拾', 20],
    ['二十一份', 21],
    ['九十九', 99],
    ['零', 0],
  ])('%s reads as %d', (typed, count) => {
    expect(parseCount(typed)).toBe(count);
  });

  it.each(['一百袋', '十十袋', '一二袋', '三点五袋', '几袋'])('%s is not read: kept as typed', (typed) => {
    expect(parseCount(typed)).toBe(typed);
  });

  it('三袋 and 两袋 in the vault log, 贰袋 on the handover and 四十五人 on 考试安排: read, and the site is clean', async () => {
    const grid = await retyped([
      [VAULT, 'D3', '三袋'],
      [VAULT, 'D4', '两袋'],
      [HANDOVER, 'D10', '贰袋'],
      [SCHEDULE, 'G3', '四十五人'],
    ]);
    const model = readWorkbook(grid);
    expect(model.data.vaultLog!.slice(0, 2).map((r) => [r.quantity, r.unit])).toEqual([
      [3, '袋'],
      [2, '袋'],
    ]);
    expect([model.data.handovers![0].items![1].quantity, model.data.schedule![0].candidates]).toEqual([2, 45]);
    expect(validateSite(model).map(brief)).toEqual([]);
  });

  it('a count in words that is no number is still told, at its cell', async () => {
    const findings = await findingsOf([[VAULT, 'D3', '一百袋']]);
    expect(findings.map(tuple)).toEqual([['invalid-count', 3, VAULT, 'D3', 1]]);
    expect(findings[0].message).toMatch(/^“数量”写的是“一百袋”，不是一个不小于 0 的整数。/);
  });
});

describe('two signers in one cell joined by 和', () => {
  const signersOf = (grid: WorkbookGrid) => {
    const h = readWorkbook(grid).data.handovers![0];
    return [h.fromSigners, h.toSigners];
  };

  it.each<[string, string, string]>([
    ['接收人 黄志刚和刘春香', 'D20', '接收人签字（两人）：黄志刚和刘春香'],
    ['接收人 黄志刚 和 刘春香', 'D20', '接收人签字（两人）：黄志刚 和 刘春香'],
    ['接收人 黄志刚与刘春香', 'D20', '接收人签字（两人）：黄志刚与刘春香'],
    ['移交人 曾志平和罗晓东 (the other unit’s, not on this roster)', 'A20', '移交人签字（两人）：曾志平和罗晓东'],
  ])('%s: two people, each judged; no finding', async (_name, cell, typed) => {
    const grid = await retyped([[HANDOVER, cell, typed]]);
    expect(signersOf(grid)).toEqual([
      ['曾志平', '罗晓东'],
      ['黄志刚', '刘春香'],
    ]);
    expect(validateSite(readWorkbook(grid)).map(brief)).toEqual([]);
  });

  it('each is judged: one of the two not on the roster is said by name', async () => {
    const findings = await findingsOf([[HANDOVER, 'D20', '接收人签字（两人）：黄志刚和王五六']]);
    expect(findings.map(tuple)).toEqual([['staff-not-on-roster', 1, HANDOVER, 'D20', null]]);
    expect(findings[0].message).toMatch(/^签字人“王五六”不在涉卷人员名单上/);
  });

  it('李和平 is one person: the two-signers finding stays', async () => {
    const grid = await retyped([[HANDOVER, 'D20', '接收人签字（两人）：李和平']]);
    expect(signersOf(grid)[1]).toEqual(['李和平']);
    expect(validateSite(readWorkbook(grid)).map(tuple)).toEqual([
      ['two-signers', 1, HANDOVER, 'D20', null],
      ['staff-not-on-roster', 1, HANDOVER, 'D20', null],
    ]);
  });

  it.each<[string[], string[], string[]]>([
    [['黄志刚和刘春香'], [], ['黄志刚', '刘春香']],
    [['李和平'], [], ['李和平']],
    [['欧阳和平'], [], ['欧阳和平']],
    // A name of a roster with 和 in it is one person, though each side could be a name.
    [['欧阳和平安'], ['欧阳和平安'], ['欧阳和平安']],
    [['欧阳和平安'], [], ['欧阳', '平安']],
    // Both sides on the roster: split, whatever their length.
    [['李和平和王强'], ['李和平', '王强'], ['李和平', '王强']],
    [['黄志刚（考务组长）和刘春香'], [], ['黄志刚（考务组长）', '刘春香']],
  ])('%j with roster %j → %j', (signers, roster, expected) => {
    expect(splitJoinedSigners(signers, new Set(roster))).toEqual(expected);
  });
});

describe('a count written in another unit than its row or column counts in', () => {
  // fix-totals25: and the 合计 over it said unchecked at its own cell, naming the row and both units (it was silent).
  it('3袋 under 数量（箱）: one finding at the count, naming both units; not the mixed-unit 合计, which is unchecked', async () => {
    const findings = await findingsOf([
      [HANDOVER, 'D8', '数量（箱）'],
      [HANDOVER, 'D9', '3袋'],
    ]);
    expect(findings.map(tuple)).toEqual([
      ['invalid-count', 1, HANDOVER, 'D9', 1],
      ['column-total', 1, HANDOVER, 'D18', null],
    ]);
    expect(findings[1].message).toMatch(
      /^“合计”写的是 \S+，但它合计的行中，序号 1 的“数量”写的是“3袋”：数是 3，单位却是“袋”，而这一行按“箱”计，3袋不能当作 3箱，这一合计无从核对。/,
    );
    expect(findings[0].message).toBe(
      '“数量”写的是“3袋”：单位写的是“袋”，本表此处按“箱”计，不能当作 3箱。检查时暂不计入，请核对实物后按“箱”改写（是 3箱的只写“3”）。',
    );
  });

  it('6袋 on a row whose 单位 is 箱: said at the count, with the row’s 单位 to change if it is bags', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(REVIEW, 'a-ningxiang-evening-kaodian.json'), 'utf8')) as SiteData;
    const grid = await gridFromXlsxBuffer(await fillWorkbook(data));
    typeInto(grid, '交接单', 'D8', '6袋');
    typeInto(grid, '交接单', 'F8', '箱');
    const findings = validateSite(readWorkbook(grid));
    expect(findings.map(tuple)).toEqual([
      ['invalid-count', 1, '交接单', 'D8', 1],
      ['column-total', 1, '交接单', 'D17', null],
    ]);
    expect(findings[0].message).toBe(
      '“数量”写的是“6袋”：单位写的是“袋”，本表此处按“箱”计，不能当作 6箱。检查时暂不计入，请核对实物后按“箱”改写（是 6箱的只写“6”）；确是 6袋的，把本行的单位改为“袋”。',
    );
  });

  it('2箱 in 附件2’s 31份装（袋）: said at its cell, the list counting bags', async () => {
    const findings = await findingsOf([[INTAKE, 'D6', '2箱']]);
    expect(findings.map(tuple)).toEqual([
      ['invalid-count', 2, INTAKE, 'D6', 2],
      ['column-total', 2, INTAKE, 'D10', null],
    ]);
    expect(findings[1].message).toMatch(/序号 2 的“31份装”写的是“2箱”：数是 2，单位却是“箱”，而这一行按“袋”计，2箱不能当作 2袋，这一合计无从核对。/);
    expect(findings[0].message).toMatch(/^“31份装”写的是“2箱”：单位写的是“箱”，本表此处按“袋”计，不能当作 2袋。/);
  });

  it('3箱 on 附件3, which counts in 袋 or 份: said at its cell', async () => {
    const findings = await findingsOf([[VAULT, 'D3', '3箱']]);
    expect(findings.map(tuple)).toEqual([['invalid-count', 3, VAULT, 'D3', 1]]);
    expect(findings[0].message).toMatch(/^“数量”写的是“3箱”：单位写的是“箱”，本表此处按“袋”或“份”计，不能当作 3袋。/);
  });

  it('3袋 under 数量（袋） and 2袋 in 31份装（袋）: the units agree, no finding', async () => {
    const findings = await findingsOf([
      [HANDOVER, 'D8', '数量（袋）'],
      [HANDOVER, 'D9', '3袋'],
      [INTAKE, 'D6', '2袋'],
    ]);
    expect(findings.map(brief)).toEqual([]);
  });
});
