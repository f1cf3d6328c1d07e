/**
 * Round 22: a formula dragged down a table's empty rows showing real text, saved with its value as Excel saves it,
 * read through both xlsx readers (the lean reader the CLI and the pane use, and exceljs): no record on those rows,
 * while a value typed beside it, and a table whose papers are looked up row by row, stay records.
 */
import type ExcelJS from 'exceljs';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { readWorkbook } from '../../src/forms/workbook';
import { validateSite } from '../../src/rules/engine';
import type { WorkbookGrid } from '../../src/model/grid';
import { filledWorkbook, fixture, gridOf, writeBuffer } from '../helpers';

const brief = (grid: WorkbookGrid) => validateSite(readWorkbook(grid)).map((f) => `${f.rule} ${f.sheet}!${f.cell} row ${f.row}`);

async function bothReaders(edit: (ws: ExcelJS.Worksheet) => void): Promise<{ lean: WorkbookGrid; exceljs: WorkbookGrid }> {
  const wb = await filledWorkbook(fixture('kaodian.json'));
  edit(wb.getWorksheet('出入库记录')!);
  return { lean: readXlsxInNode(await writeBuffer(wb)), exceljs: await gridOf(wb) };
}

/** =$C$6 in C7 (3310's name), filled down to C13 as Excel writes it: one shared formula. */
const nameDraggedDown = (ws: ExcelJS.Worksheet) => {
  ws.getCell('C7').value = { formula: '$C$6', result: '中国现代文学', shareType: 'shared', ref: 'C7:C13' } as ExcelJS.CellValue;
  for (let r = 8; r <= 13; r++) ws.getCell(`C${r}`).value = { sharedFormula: 'C7', result: '中国现代文学' } as ExcelJS.CellValue;
};

describe('a formula dragged down over empty rows (round 22)', () => {
  test('its cells keep their formulas beside the values they show, in both readers', async () => {
    const { lean, exceljs } = await bothReaders(nameDraggedDown);
    for (const grid of [lean, exceljs]) {
      const sheet = grid.sheets.find((s) => s.name === '出入库记录')!;
      expect(sheet.rows[7][2]).toBe('中国现代文学');
      expect({ C7: sheet.shownFormulas?.C7, C8: sheet.shownFormulas?.C8, C13: sheet.shownFormulas?.C13 }).toEqual({ C7: '$C$6', C8: '$C$6', C13: '$C$6' });
    }
  });

  test('a name shown on every empty row (shared formula, saved with its value): no record, no finding', async () => {
    const { lean, exceljs } = await bothReaders(nameDraggedDown);
    expect(brief(lean)).toEqual([]);
    expect(brief(exceljs)).toEqual([]);
  });

  test('the same with a 取卷人 typed on its first row: that row is a record begun (partial-row), the others none', async () => {
    const { lean, exceljs } = await bothReaders((ws) => {
      nameDraggedDown(ws);
      ws.getCell('E7').value = '李强';
    });
    expect(brief(lean)).toEqual(['partial-row 出入库记录!B7 row 4']);
    expect(brief(exceljs)).toEqual(['partial-row 出入库记录!B7 row 4']);
  });

  test('papers looked up row by row from the schedule (=考试安排!B3 …), nothing else changed: the rows are records', async () => {
    const { lean } = await bothReaders((ws) => {
      ['1001', '2045', '3310'].forEach((code, i) => {
        ws.getCell(`B${i + 4}`).value = { formula: `考试安排!B${i + 3}`, result: code } as ExcelJS.CellValue;
      });
    });
    expect(brief(lean)).toEqual([]);
    expect(readWorkbook(lean).data.vaultLog!.map((r) => r.paperNo)).toEqual(['1001', '2045', '3310']);
  });
});
