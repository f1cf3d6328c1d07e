/**
 * The outside review's round 6 (test/fixtures/review6/), D2 and D3.
 * D2: an old draft of 附件3 kept as a hidden sheet was read as a second 出入库记录: 4 false errors, one on the
 * visible correct sheet, three on a sheet nobody could see. A hidden sheet of a form a shown sheet holds is not
 * read, and said once at it; one that is its form's only sheet is read, and said so.
 * D3: a finding on a hidden row says the row is hidden (the officer sees the rows around it only).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW6 = path.join(__dirname, '..', 'fixtures', 'review6');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW6, `${name}.json`), 'utf8')) as SiteData;
const gridOf = async (name: string): Promise<WorkbookGrid> => gridFromXlsxBuffer(fs.readFileSync(path.join(REVIEW6, 'xlsx', `${name}.xlsx`)));

const SKIPPED =
  'hidden-sheet 出入库记录（草稿）!A1 row null: 工作表“出入库记录（草稿）”是隐藏的，没有检查：工作簿里已有未隐藏的附件3 保密室试卷出入库记录表。它若是草稿或旧稿，请删除；若是有效的记录，请取消隐藏后再检查。';

describe('D2: a hidden draft sheet of 附件3', () => {
  test('v-hidden-draft-sheet: one warning at the hidden sheet, in Chinese and English; no error on either sheet', async () => {
    const model = readWorkbook(await gridOf('v-hidden-draft-sheet'));
    expect(validateSite(model).map(brief)).toEqual([SKIPPED]);
    expect(validateSite(model, { lang: 'en' }).map(brief)).toEqual([
      'hidden-sheet 出入库记录（草稿）!A1 row null: Sheet "出入库记录（草稿）" is hidden and was not checked: the workbook already shows the vault log (附件3). If it is a draft or an old copy, delete it; if it is a valid record, unhide it and check again.',
    ]);
    expect(validateSite(model)[0]).toMatchObject({ severity: 'warning', form: 3 });
  });

  test('the draft is in no part of the record: the vault log reads as the correct site filled', async () => {
    const model = readWorkbook(await gridOf('v-hidden-draft-sheet'));
    const clean = await modelOf(await fillWorkbook(site('u-zhijiang-3days-daily-kaodian')));
    expect(model.data).toEqual(clean.data);
    expect(model.sheets.find((s) => s.sheet === '出入库记录（草稿）')).toEqual({ sheet: '出入库记录（草稿）', form: null });
  });

  test('shown, the same draft is read as a second 出入库记录, as before: its three errors and an overdraw on the correct sheet; 4405 out twice, its spare among them', async () => {
    const grid = await gridOf('v-hidden-draft-sheet');
    for (const s of grid.sheets) delete s.state;
    expect(validateSite(readWorkbook(grid)).map(tuple)).toEqual([
      ['overdraw', 3, '出入库记录', 'D6', 3],
      ['overdraw', 3, '出入库记录（草稿）', 'D4', 1],
      ['overdraw', 3, '出入库记录（草稿）', 'D5', 2],
      ['checkout-before-intake', 3, '出入库记录（草稿）', 'F6', 3],
      ['spare-bag-out', 3, '出入库记录（草稿）', 'D7', 4],
    ]);
  });

  test('a hidden sheet that is its form’s only sheet is read, and said so: its own findings, and the warning at A1', async () => {
    const grid = await gridOf('v-hidden-draft-sheet');
    grid.sheets = grid.sheets.filter((s) => s.name !== '出入库记录');
    const findings = validateSite(readWorkbook(grid));
    expect(findings.filter((f) => f.sheet === '出入库记录（草稿）').map(brief)).toEqual([
      'hidden-sheet 出入库记录（草稿）!A1 row null: 工作表“出入库记录（草稿）”是隐藏的，已作为附件3 保密室试卷出入库记录表检查（工作簿里没有未隐藏的这种表）：请取消隐藏，让查看记录的人看得见。',
      'checkout-before-intake 出入库记录（草稿）!F6 row 3: 试卷 3307 的取卷时间 1月9日 07:30 早于入库时间 1月9日 07:45。试卷须先入库、后出库，请核对取卷时间或入库时间。',
    ]);
    // The draft lists 3 rows only: the papers of the other days are handed out with no checkout on it.
    expect(findings.filter((f) => f.sheet !== '出入库记录（草稿）').map(tuple)).toEqual([
      ['distribution-outside-custody', 4, '分发登记5', 'F6', 1],
      ['distribution-outside-custody', 4, '分发登记5', 'F7', 2],
      ['distribution-outside-custody', 4, '分发登记5', 'F8', 3],
      ['distribution-outside-custody', 4, '分发登记6', 'F6', 1],
    ]);
  });

  test('a very hidden sheet is set aside alike; a hidden sheet that is no form is not mentioned', async () => {
    const grid = await gridOf('v-hidden-draft-sheet');
    grid.sheets.find((s) => s.name === '出入库记录（草稿）')!.state = 'veryHidden';
    grid.sheets.push({ name: '下拉列表', rows: [['张三'], ['李四']], merges: [], state: 'hidden' });
    expect(validateSite(readWorkbook(grid)).map(brief)).toEqual([SKIPPED]);
  });
});

describe('D3: a finding on a hidden row says so', () => {
  const WINDOW =
    'checkout-window 出入库记录!F8 row 5: 试卷 4405 在 1月9日 12:30 出库，比它这场考试开考（1月9日 14:00）早了 1小时30分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。';
  const NOT_RETURNED =
    'not-returned 出入库记录!I8 row 5: 试卷 4405 于 1月9日 12:30 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。';
  // The mistaken line takes 4405's second bag, its spare by the handover's 备注: said too, at the hidden row.
  const SPARE =
    'spare-bag-out 出入库记录!D8 row 5: 试卷 4405 在 1月9日 12:30 领出后共 2 袋在外，而按交接单备注，这份试卷的 2 袋中有 1 袋是备用卷，考试用卷只有 1 袋。备用卷须留在保密柜中，经主考请示批准方可启用；如已批准启用，请在这一行的备注中写明，否则请核对领出袋数。';
  const HIDDEN = '（第 8 行是隐藏的：取消隐藏才看得见；若是误登，请整行删除。）';
  // The mistaken line's 取卷时间 was written (by the review's script) under Excel's default date format (m/d/yyyy): its
  // print shows no time (review 13a D2), said at F8 too, before the checkout window, in the catalogue's order.
  const NOT_SHOWN =
    'time-not-shown 出入库记录!F8 row 5: “取卷时间”这一格里是“2027-01-09 12:30”，但它的格式只显示日期、不显示时分：表上显示、打印出来签字的只有日期，看不出几时几分。表上的时间须写到年、月、日、时、分：请选中这一格，设置单元格格式 → 日期 → 选“2024/3/14 13:30”（或在“自定义”里写 yyyy/m/d h:mm）。';

  test('v-hidden-row: the four findings on row 8, each saying the row is hidden, in Chinese and English', async () => {
    const model = readWorkbook(await gridOf('v-hidden-row'));
    expect(model.hiddenRows).toEqual({ 出入库记录: [8] });
    expect(validateSite(model).map(brief)).toEqual([SPARE + HIDDEN, NOT_SHOWN + HIDDEN, WINDOW + HIDDEN, NOT_RETURNED + HIDDEN]);
    const en = validateSite(model, { lang: 'en' }).map((f) => f.message);
    expect(en).toHaveLength(4);
    for (const m of en) expect(m.endsWith(' (Row 8 is hidden: unhide it to see it; if it was entered by mistake, delete the whole row.)')).toBe(true);
  });

  test('shown, or another row hidden, the same findings say nothing of hiding', async () => {
    const shown = await gridOf('v-hidden-row');
    for (const s of shown.sheets) delete s.hiddenRows;
    expect(validateSite(readWorkbook(shown)).map(brief)).toEqual([SPARE, NOT_SHOWN, WINDOW, NOT_RETURNED]);
    const other = await gridOf('v-hidden-row');
    other.sheets.find((s) => s.name === '出入库记录')!.hiddenRows = [8];
    expect(validateSite(readWorkbook(other)).map(brief)).toEqual([SPARE, NOT_SHOWN, WINDOW, NOT_RETURNED]);
  });
});
