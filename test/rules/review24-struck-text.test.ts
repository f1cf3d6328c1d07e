/**
 * The outside review's round 24 (test/fixtures/review24/), D5: a correction inside one cell — the old text struck
 * through, the new typed after it — was read whole: “2 3” an invalid count (c31), “李强赵敏” no one on the roster
 * (c32), two times an invalid time (c33). The text not struck is read, by the one reader and the exceljs way alike,
 * and struck-text asks at the cell that the struck text be deleted.
 */
import type ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromWorkbook } from '../../src/io/xlsx/exceljs-grid';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { packageParts, readXlsx } from '../../src/io/xlsx/reader';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { WorkbookGrid } from '../../src/model/grid';
import { validateSite } from '../../src/rules/engine';
import { filledWorkbook, fixture, loadBuffer, writeBuffer } from '../helpers';
import { wholeFinding as whole } from './tester';

jest.setTimeout(120_000);

const V = '出入库记录';

/** The filled 岳麓考点 with `cell` of its vault log corrected in place: `old` struck through, `now` after it. */
async function corrected(cell: string, old: string, now: string): Promise<ExcelJS.Workbook> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  wb.getWorksheet(V)!.getCell(cell).value = { richText: [{ text: old, font: { strike: true } }, { text: now }] };
  return wb;
}

/** The workbook's grid both ways: the one reader (its shared strings) and exceljs. */
async function bothGrids(wb: ExcelJS.Workbook): Promise<[WorkbookGrid, WorkbookGrid]> {
  const bytes = await writeBuffer(wb);
  return [await gridFromXlsxBuffer(bytes), gridFromWorkbook(await loadBuffer(bytes))];
}

const zh = (struck: string, read: string) =>
  `这一格里“${struck}”划了删除线，后面另写了“${read}”：已按没划线的“${read}”读取和检查。删除线打印或换个软件打开时可能看不出，两个写法就连成了一个：请删去划掉的“${struck}”，只留“${read}”。`;

test.each([
  ['c31 数量', 'D4', '2', ' 3', 1, '3'],
  ['c32 取卷人', 'E5', '李强', '赵敏', 2, '赵敏'],
  ['c33 取卷时间', 'F6', '2024-06-16 07:30', ' 2024-06-16 07:50', 3, '2024-06-16 07:50'],
])('%s corrected in place: read as the text not struck, both ways; one warning at the cell, nothing else', async (_name, cell, old, now, seq, read) => {
  const grids = await bothGrids(await corrected(cell, old, now));
  for (const grid of grids) {
    const sheet = grid.sheets.find((s) => s.name === V)!;
    expect(sheet.struckText).toEqual({ [cell]: old });
    expect(validateSite(readWorkbook(grid)).map(whole)).toEqual([['struck-text', 'warning', V, cell, seq, zh(old, read)]]);
  }
  expect(grids[1]).toEqual(grids[0]);
});

test('in English too', async () => {
  const [grid] = await bothGrids(await corrected('E5', '李强', '赵敏'));
  expect(validateSite(readWorkbook(grid), { lang: 'en' }).map(whole)).toEqual([
    [
      'struck-text',
      'warning',
      V,
      'E5',
      2,
      'In this cell “李强” is struck through and “赵敏” written after it: it was read and checked as “赵敏”, the text not struck. A strikethrough may not show in print or in another program, and the two then read as one: delete the struck “李强” and keep “赵敏”.',
    ],
  ]);
});

test('a cell all struck, or struck nowhere, is no correction; an inline string (<is>) corrected in place reads as a shared one', async () => {
  const wb = await corrected('E5', '李强', '赵敏');
  const ws = wb.getWorksheet(V)!;
  ws.getCell('E6').value = {
    richText: [
      { text: '李', font: { strike: true } },
      { text: '强', font: { strike: true } },
    ],
  };
  ws.getCell('E4').value = { richText: [{ text: '李' }, { text: '强', font: { bold: true } }] };
  const bytes = new Uint8Array(await writeBuffer(wb));
  const sheetOf = (grid: WorkbookGrid) => grid.sheets.find((s) => s.name === V)!;
  const shared = sheetOf(readXlsx(bytes));
  expect([shared.rows[3][4], shared.rows[4][4], shared.rows[5][4]]).toEqual(['李强', '赵敏', '李强']);
  expect(shared.struckText).toEqual({ E5: '李强' });
  // E5 written as an inline string, its runs in the cell: <strike val="1"/> as LibreOffice writes it.
  const part = packageParts(bytes).sheets.get(V)!;
  const files = unzipSync(bytes);
  files[part] = strToU8(
    strFromU8(files[part]).replace(
      /<c r="E5"([^>]*?) t="s"([^>]*)>[\s\S]*?<\/c>/,
      '<c r="E5"$1 t="inlineStr"$2><is><r><rPr><strike val="1"/></rPr><t>李强</t></r><r><t>赵敏</t></r></is></c>',
    ),
  );
  expect(strFromU8(files[part]).match(/t="inlineStr"/g)).toHaveLength(1);
  const inline = sheetOf(readXlsx(zipSync(files)));
  expect(inline.rows).toEqual(shared.rows);
  expect(inline.struckText).toEqual({ E5: '李强' });
});
