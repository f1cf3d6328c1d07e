/**
 * The outside review's round 24 (test/fixtures/review24/), D7: a 交接单 or 分发登记 sheet copied and left unchanged
 * (“交接单 (2)”, “分发登记1 (2)”) was read as another handover or register: its bags counted twice (an inventory
 * mismatch at the correct 入库清单, papers handed out beyond the checkout), never saying it was a copy. It is set aside
 * as the first sheet's copy, counted once, and one finding at the copy names both sheets. fix-left29: so are a
 * 入库清单 (its bags were counted twice: inventory-mismatch at the first list) and a 值班记录 (each shift twice:
 * duty-gap, the copy's shifts overlapping the first's); a 出入库记录 copied is its rows again, read once (unchanged).
 */
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, writeBuffer } from '../helpers';
import { wholeFinding as whole } from './tester';

jest.setTimeout(120_000);

/** The filled 岳麓考点 with sheet `from` copied to a sheet `to` after it, as Excel's 移动或复制 → 建立副本 does: values, merges. */
async function withSheetCopy(from: string, to: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  const source = wb.getWorksheet(from)!;
  const copy = wb.addWorksheet(to);
  source.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      copy.getCell(r, c).style = cell.style;
      if (!cell.isMerged || cell.master === cell) copy.getCell(r, c).value = cell.value;
    }),
  );
  for (const range of (source as unknown as { model: { merges: string[] } }).model.merges) copy.mergeCells(range);
  edit?.(copy);
  return wb;
}

const FORMS_EN = {
  handovers: 'the handover sheet (附件1)',
  distributions: 'the distribution register (附件4)',
  intake: 'the intake list (附件2)',
  duty: 'the duty log (附件5)',
};

async function read(wb: ExcelJS.Workbook) {
  return readWorkbook(await gridFromXlsxBuffer(await writeBuffer(wb)));
}

test.each([
  ['交接单', '交接单 (2)', '附件1 纸质试卷交接单', 'handovers'],
  ['分发登记1', '分发登记1 (2)', '附件4 试卷分发登记表', 'distributions'],
  ['入库清单', '入库清单 (2)', '附件2 纸质试卷入库清单', 'intake'],
  ['值班记录2', '值班记录2 (2)', '附件5 保密室值班记录', 'duty'],
] as const)('%s copied unchanged to “%s”: one finding there naming both sheets; counted once, as the workbook without it', async (from, to, form, key) => {
  const model = await read(await withSheetCopy(from, to));
  expect(validateSite(model).map(whole)).toEqual([
    [
      'form-copies-disagree',
      'error',
      to,
      'A2',
      null,
      `本工作表的${form}与工作表“${from}”上的完全相同（像是复制出来的工作表，没有改过）：只按“${from}”检查、计数了一次，本工作表没有计入。若是多余的副本，请删除本工作表；若记的是另一次，请按实际改填后再检查。`,
    ],
  ]);
  expect(validateSite(model, { lang: 'en' }).map((f) => f.message)).toEqual([
    `This sheet holds ${FORMS_EN[key]} exactly as sheet "${from}" does, unchanged (it looks like a copied sheet): only "${from}" was checked and counted, not this sheet. If it is a spare copy, delete this sheet; if it records another one, fill it in as it happened and check again.`,
  ]);
  const clean = readWorkbook(await gridFromXlsxBuffer(await writeBuffer(await filledWorkbook(fixture('kaodian.json')))));
  expect(model.data[key]).toEqual(clean.data[key]);
});

test('a copied 交接单 with one cell changed is another handover, read as before: no finding of a copy', async () => {
  const model = await read(await withSheetCopy('交接单', '交接单 (2)', (ws) => void (ws.getCell('D10').value = 1)));
  expect(validateSite(model).filter((f) => f.rule === 'form-copies-disagree')).toEqual([]);
  expect(model.data.handovers).toHaveLength(2);
});

test('出入库记录 copied unchanged to a sheet of its own is its rows again: read once, no finding (as before)', async () => {
  const model = await read(await withSheetCopy('出入库记录', '出入库记录 (2)'));
  expect(validateSite(model).map(whole)).toEqual([]);
  const clean = readWorkbook(await gridFromXlsxBuffer(await writeBuffer(await filledWorkbook(fixture('kaodian.json')))));
  expect(model.data.vaultLog).toEqual(clean.data.vaultLog);
});
