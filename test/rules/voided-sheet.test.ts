/**
 * A table whose rows are all struck out (作废 in each 备注, forms/voided.ts): the officer filled the form and voided
 * its rows, so the form is neither missing nor empty. Each struck row is its voided-row warning; the form is asked
 * for (required-field, saying why) only where the workbook then keeps no valid record of it at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import { parseA1 } from '../../src/model/grid';
import type { Finding } from '../../src/model/finding';
import type { WorkbookGrid } from '../../src/model/grid';
import type { SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { modelOf } from './shape-sites';

const SITE = path.join(__dirname, '..', 'fixtures', 'review4', 'q-yuanling-3days-kaodian.json');
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const VOID_ROW = '此行注明作废，已当作作废的行留作记录：不计入合计，也不参与各项检查。';

/** The filled site with `notes` typed into `sheet` (cell → text). */
async function findings(sheet: string, notes: Record<string, string>): Promise<unknown[][]> {
  const data = JSON.parse(fs.readFileSync(SITE, 'utf8')) as SiteData;
  const model = await modelOf(await fillWorkbook(data), (grid: WorkbookGrid) => {
    const rows = grid.sheets.find((s) => s.name === sheet)!.rows;
    for (const [cell, text] of Object.entries(notes)) {
      const at = parseA1(cell)!;
      (rows[at.row] ??= [])[at.col] = text;
    }
  });
  return validateSite(model).map(full);
}

const struck = (col: string, from: number, to: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`${col}${from + i}`, '作废']));
const warnings = (sheet: string, col: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ['voided-row', 'warning', sheet, `${col}${from + i}`, VOID_ROW]);

describe('every row of a table struck out with 作废', () => {
  test('附件3 (a 备注 column added, all 9 rows 作废): each row’s warning, and one error saying the form has no valid record — not “no 附件3”', async () => {
    expect(await findings('出入库记录', { L3: '备注', ...struck('L', 4, 12) })).toEqual([
      [
        'required-field',
        'error',
        '出入库记录',
        'A2',
        '附件3 保密室试卷出入库记录表的 9 行都注明作废，没有一行有效的记录（作废的行不参与检查）。本单位须签写此表：如其中有仍然有效的记录，请删去它备注里的“作废”；否则请删除作废的行，填上有效的记录。',
      ],
      ...warnings('出入库记录', 'L', 4, 12),
    ]);
  });

  test('one 附件4 of nine (分发登记1, both rows 作废): each row’s warning and the session it leaves without a register, no “no rows” error', async () => {
    expect(await findings('分发登记1', struck('J', 6, 7))).toEqual([
      [
        'session-without-register',
        'error',
        '出入库记录',
        'B4',
        '试卷 1304 在 1月10日 08:10 出库，供 1月10日 09:00 开考的这一场使用，但没有一张考务办公室试卷分发登记表（附件4）登记这一场发放这份试卷。试卷分发至考场及回收须当场签写附件4，请补上这一场的登记表或登记行。',
      ],
      ...warnings('分发登记1', 'J', 6, 7),
    ]);
  });

  test('the only 交接单, its 9 item rows 作废: each row’s warning, and one error saying why no bags are on record', async () => {
    expect(await findings('交接单', struck('E', 8, 16))).toEqual([
      [
        'required-field',
        'error',
        '交接单',
        'A2',
        '附件1 纸质试卷交接单的 9 行都注明作废，没有一行有效的记录（作废的行不参与检查）。本单位须签写此表：如其中有仍然有效的记录，请删去它备注里的“作废”；否则请删除作废的行，填上有效的记录。',
      ],
      ...warnings('交接单', 'E', 8, 16),
    ]);
  });
});
