/**
 * The outside review's round 4 (test/fixtures/review4/), D4 and D2.
 * D4: a 附件3 row struck out with 作废 in a 备注 column the officer added was checked as a live row (3 errors,
 * one an overdraw on the correct 4405 row): it is left out of the record, and said once at its 备注.
 * D2: a 分校 whose 考试安排 lists only its own papers cannot judge an early dispatch of its 考点's papers; the
 * 考点's own workbook judges the same handover by its schedule (q-xupu-early-kaodian, the receiving side).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { parseA1 } from '../../src/model/grid';
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { consolidateModels } from '../../src/summary/consolidate';
import { brief, modelOf, tuple } from './shape-sites';

jest.setTimeout(120_000);

const REVIEW4 = path.join(__dirname, '..', 'fixtures', 'review4');
const site = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(REVIEW4, `${name}.json`), 'utf8')) as SiteData;
const voidedGrid = async (): Promise<WorkbookGrid> => gridFromXlsxBuffer(fs.readFileSync(path.join(REVIEW4, 'xlsx', 'r-yuanling-voided.xlsx')));

/** The grid with `sheet!cell` typed over. */
function typed(grid: WorkbookGrid, sheet: string, cell: string, value: string): WorkbookGrid {
  const at = parseA1(cell)!;
  const rows = grid.sheets.find((s) => s.name === sheet)!.rows;
  rows[at.row][at.col] = value;
  return grid;
}

const VOIDED = 'voided-row 出入库记录!L13 row 10: 此行注明作废，已当作作废的行留作记录：不计入合计，也不参与各项检查。';

describe('D4: a 附件3 row struck out with 作废 in its 备注', () => {
  test('r-yuanling-voided: one warning at the struck row’s 备注, and no error on it or on the correct 4405 row', async () => {
    const findings = validateSite(readWorkbook(await voidedGrid()));
    expect(findings.map(brief)).toEqual([VOIDED]);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  test('the struck row is in no part of the record: the vault log reads as the workbook it was edited from', async () => {
    const clean = await modelOf(await fillWorkbook(site('q-yuanling-3days-kaodian')));
    const voided = readWorkbook(await voidedGrid());
    expect(voided.data.vaultLog).toHaveLength(9);
    expect(voided.data.vaultLog).toEqual(clean.data.vaultLog);
    expect(voided.voided).toEqual([{ sheet: '出入库记录', cell: 'L13' }]);
  });

  test('此行作废, 已作废 and 作废 alone strike the row alike', async () => {
    for (const note of ['此行作废', '已作废', '作废', ' 作废。']) {
      const grid = typed(await voidedGrid(), '出入库记录', 'L13', note);
      expect([note, validateSite(readWorkbook(grid)).map(brief)]).toEqual([note, [VOIDED]]);
    }
  });

  test('a 备注 that only names 作废 papers (作废卷) leaves the row live: its three findings, as before', async () => {
    const grid = typed(await voidedGrid(), '出入库记录', 'L13', '作废卷另存');
    expect(validateSite(readWorkbook(grid)).map(tuple)).toEqual([
      ['overdraw', 3, '出入库记录', 'D7', 4],
      ['checkout-window', 3, '出入库记录', 'F13', 10],
      ['not-returned', 3, '出入库记录', 'I13', 10],
    ]);
  });
});

describe('D2: an early dispatch to a 考点 of papers the 分校’s 考试安排 does not list', () => {
  const EARLY =
    'arrival-too-early 交接单!C3 row null: 试卷 1月9日 16:10 交接到溆浦考点，比最早一场考试（1月12日 09:00）早了 2天16小时50分。方案规定试卷到分校（或考点）不得早于考前 2 天；如属特殊情况须考前一个月报备，否则请核对日期。';

  test('the receiving 考点’s workbook judges it by its own 考试安排: arrival-too-early on its copy, nothing else', async () => {
    expect(validateSite(await modelOf(await fillWorkbook(site('q-xupu-early-kaodian')))).map(brief)).toEqual([EARLY]);
  });

  test('the 分校’s workbook, its 考试安排 its own rooms’ only, gives only its planted proctor finding: no word on the early dispatch', async () => {
    const planted = validateSite(await modelOf(await fillWorkbook(site('q-huaihua-own-schedule-fenxiao-planted'))));
    expect(planted.map(tuple)).toEqual([['proctor-takes-papers', 3, '出入库记录', 'E16', 13]]);
  });

  test('consolidated, the 分校 and the 考点: the early dispatch is found once, on the 考点’s copy; the two copies agree', async () => {
    const c = consolidateModels([
      { file: '怀化分校.xlsx', model: await modelOf(await fillWorkbook(site('q-huaihua-own-schedule-fenxiao-planted'))) },
      { file: '溆浦考点.xlsx', model: await modelOf(await fillWorkbook(site('q-xupu-early-kaodian'))) },
    ]);
    expect(c.files.map((f) => [f.file, f.findings.map((x) => x.rule)])).toEqual([
      ['怀化分校.xlsx', ['proctor-takes-papers']],
      ['溆浦考点.xlsx', ['arrival-too-early']],
    ]);
    // Unpaired: the 分校's copies to 沅陵 and 辰溪 (their workbooks not given), and its copy from the 省校.
    expect(c.totals.pairs).toEqual({ matched: 1, disagree: 0, 'sender-only': 2, 'receiver-only': 1 });
  });
});

describe('a 备注 noting the spoilt papers of a correct row (作废：0份, 作废（2份）, 作废：无) strikes nothing', () => {
  test('q-yuanling-3days-kaodian with such notes on 分发登记 rows: no finding, every row read', async () => {
    const data = site('q-yuanling-3days-kaodian');
    const rowsOf = (d: SiteData) => d.distributions!.map((dist) => dist.rows!.length);
    ['作废：0份', '作废（2份）', '作废：无'].forEach((note, i) => (data.distributions![i].rows![0].note = note));
    const model = await modelOf(await fillWorkbook(data));
    expect([validateSite(model).map(brief), model.voided ?? [], rowsOf(model.data)]).toEqual([[], [], rowsOf(data)]);
  });
});
