/**
 * A sheet whose forms stand both side by side and one under the other: 附件2 in A–H with 附件3 from J beside it, and
 * 附件5 (one day's duty) under both from row 23. The sheet was cut one way only (by rows): 附件2 and 附件3 shared one
 * region, read as 附件2, and “附件3 not filled in” was said while its mistakes were missed. Made from
 * test/fixtures/layouts/a2-intake-vault-side-by-side.xlsx with its 值班记录1 moved under the two forms.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { sheetShown } from '../../src/forms/form-place';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import type { Finding } from '../../src/model/finding';
import type { SiteModel } from '../../src/model/site-model';
import { validateSite } from '../../src/rules/engine';

const SOURCE = path.join(__dirname, '..', 'fixtures', 'layouts', 'a2-intake-vault-side-by-side.xlsx');
const HOST = '入库及出入库';
/** The row the duty form's first row (its 附件5 caption) is moved to. */
const DUTY_AT = 23;

async function mixedSheet(plant?: (sheet: ExcelJS.Worksheet) => void): Promise<SiteModel> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(SOURCE) as unknown as ArrayBuffer);
  const host = book.getWorksheet(HOST)!;
  const duty = book.getWorksheet('值班记录1')!;
  const down = (a1: string) => a1.replace(/\d+/, (n) => String(Number(n) + DUTY_AT - 1));
  duty.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const to = host.getCell(r + DUTY_AT - 1, c);
      to.value = cell.value;
      to.style = cell.style;
    }),
  );
  for (const range of duty.model.merges ?? []) host.mergeCells(range.split(':').map(down).join(':'));
  book.removeWorksheet(duty.id);
  plant?.(host);
  return readWorkbook(readXlsxInNode(new Uint8Array(await book.xlsx.writeBuffer())));
}

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2024, 5, day, hour, minute));

test('附件2 beside 附件3, 附件5 under both: each read from its own region, no finding', async () => {
  const model = await mixedSheet();
  expect(model.sheets.filter((s) => s.sheet === HOST)).toEqual([
    { sheet: HOST, form: 'intake', span: { from: 0, to: 9, across: true, rows: { from: 0, to: DUTY_AT - 1 } } },
    { sheet: HOST, form: 'vaultLog', span: { from: 9, across: true, rows: { from: 0, to: DUTY_AT - 1 } } },
    { sheet: HOST, form: 'duty', span: { from: DUTY_AT - 1, across: false } },
  ]);
  expect((model.data.intake as { items: Array<{ paperNo: string }> }).items.map((i) => i.paperNo)).toEqual(['1001', '2045', '3310']);
  expect(model.data.vaultLog?.map((r) => [r.paperNo, r.takenAt])).toEqual([
    ['1001', '2024-06-15T07:45'],
    ['2045', '2024-06-15T09:45'],
    ['3310', '2024-06-16T07:50'],
  ]);
  expect(model.locations['vaultLog[1].takenAt']).toMatchObject({ sheet: HOST, cell: 'O5' });
  expect(validateSite(model).map(full)).toEqual([]);
});

test('planted in each of the three: each found at its own cell and named by its form, nothing else', async () => {
  const model = await mixedSheet((sheet) => {
    sheet.getCell('D4').value = 2; // 1001: 31份装 2 + 1 + 0 + 1 is 4 bags, its 合计 says 3 (told once, at the row's 合计)
    sheet.getCell('O5').value = at(15, 8, 45); // 2045 out 105 minutes before its 10:30 exam
    sheet.getCell('D29').value = at(14, 21); // the night shift begins an hour after the day shift ended
  });
  const findings = validateSite(model);
  expect(findings.map((f) => [f.rule, f.cell, sheetShown(model.sheets, f)])).toEqual([
    ['row-total', 'H4', '入库及出入库（入库清单）'],
    ['checkout-window', 'O5', '入库及出入库（出入库记录）'],
    ['duty-gap', 'D29', '入库及出入库（值班记录）'],
  ]);
});
