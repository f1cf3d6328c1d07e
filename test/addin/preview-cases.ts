/**
 * Review 19a's preview cases, each the 岳麓考点 workbook `custody fill` writes changed one way with exceljs: the node
 * test of the preview's cells (preview-grid.test.ts) and the page in chromium (test/e2e/preview-cells.test.ts) read
 * the same workbooks.
 */
import ExcelJS from 'exceljs';
import { fixture, workbookBytes } from './helpers';

export const VAULT = '出入库记录';
export const INTAKE = '入库清单';

/** A cell's own number format (exceljs shares one style object among the cells written alike: setting numFmt on it changes them all). */
const formatted = (cell: ExcelJS.Cell, numFmt: string) => void (cell.style = { ...cell.style, numFmt });
export const day = (d: number, h: number, m: number): Date => new Date(Date.UTC(2024, 5, d, h, m));
const formula = (text: string) => ({ formula: text }) as ExcelJS.CellFormulaValue;

export const PREVIEW_CASES = {
  // D5: 取卷时间 F4 6:45 typed into a cell formatted h:mm (Excel keeps 1899-12-30 06:45); F5 a day typed alone
  // (yyyy/m/d); 还卷时间 I4 a date-time under yyyy/m/d (its time hidden: the screen shows the day), I5 one under
  // General (the screen shows its serial).
  'time-typed': (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(VAULT)!;
    ws.getCell('F4').value = new Date(Date.UTC(1899, 11, 30, 6, 45));
    formatted(ws.getCell('F4'), 'h:mm');
    ws.getCell('F5').value = new Date(Date.UTC(2024, 5, 15));
    formatted(ws.getCell('F5'), 'yyyy/m/d');
    ws.getCell('I4').value = day(15, 10, 20);
    formatted(ws.getCell('I4'), 'yyyy/m/d');
    ws.getCell('I5').value = day(15, 12, 15);
    formatted(ws.getCell('I5'), 'General');
  },
  // 17a N1 beside D5: 取卷时间 F6 (2024-06-16 07:50) under h:mm, its date printed nowhere (time-not-shown's clock).
  'time-clock': (wb: ExcelJS.Workbook) => {
    formatted(wb.getWorksheet(VAULT)!.getCell('F6'), 'h:mm');
  },
  // D6: last term's 取卷时间 kept in a hidden column F before the one in use (now G); the 2045 checkout at 08:45 (105 min early).
  'hidden-column': (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(VAULT)!;
    const jan = new Date(Date.UTC(2024, 0, 13, 7, 40));
    ws.spliceColumns(6, 0, [null, null, '取卷时间', jan, jan, jan]);
    ws.getColumn(6).hidden = true;
    ws.getCell('G5').value = day(15, 8, 45);
  },
  // D6: the 2045 checkout at 08:45 on a row hidden by hand.
  'hidden-row': (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(VAULT)!;
    ws.getCell('F5').value = day(15, 8, 45);
    ws.getRow(5).hidden = true;
  },
  // D7: 取卷时间 F4:F6 each a lookup saved without its result (as a script writes it).
  'formula-not-saved': (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(VAULT)!;
    for (let r = 4; r <= 6; r++) ws.getCell(`F${r}`).value = formula(`VLOOKUP(B${r},考试安排!A:D,3,FALSE)-1/24`);
  },
  // D7: 入库清单's 合计 row D14:H14 each =SUM(X4:X14), its own cell inside, saved without results.
  'formula-cycle': (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(INTAKE)!;
    for (const L of 'DEFGH') ws.getCell(`${L}14`).value = formula(`SUM(${L}4:${L}14)`);
  },
};

export type PreviewCase = keyof typeof PREVIEW_CASES;

/** The case's workbook as bytes. */
export async function previewCase(name: PreviewCase): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await workbookBytes(fixture())) as unknown as ArrayBuffer);
  PREVIEW_CASES[name](wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The cells each case's preview shows (the letters row first; a hidden line's head followed by its label 隐藏). */
export const EXPECTED_PREVIEW: Record<string, { sheet: string; cell: string; rule: string; rows: string[][] }> = {
  'time-typed': {
    sheet: VAULT,
    cell: 'F4',
    rule: 'invalid-datetime',
    rows: [
      ['', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
      ['1', '', '', '', '', '', '', ''],
      ['2', '', '', '', '', '', '', ''],
      ['3', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间'],
      ['4', '高等数学基础', '3', '李强', '6:45', '陈静', '李强', '2024/6/15'],
      ['5', '管理学基础', '1', '赵敏', '2024/6/15', '陈静', '赵敏', '45458.51042'],
      ['6', '中国现代文学', '2', '李强', '2024年6月16日 07:50', '陈静', '李强', '2024年6月16日 10:15'],
      ['7', '', '', '', '', '', '', ''],
    ],
  },
  'hidden-column': {
    sheet: VAULT,
    cell: 'G5',
    rule: 'checkout-window',
    rows: [
      ['', 'C', 'D', 'E', 'G', 'H', 'I', 'J'],
      ['2', '', '', '', '', '', '', ''],
      ['3', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间'],
      ['4', '高等数学基础', '3', '李强', '2024年6月15日 07:45', '陈静', '李强', '2024年6月15日 10:20'],
      ['5', '管理学基础', '1', '赵敏', '2024年6月15日 08:45', '陈静', '赵敏', '2024年6月15日 12:15'],
      ['6', '中国现代文学', '2', '李强', '2024年6月16日 07:50', '陈静', '李强', '2024年6月16日 10:15'],
      ['7', '', '', '', '', '', '', ''],
      ['8', '', '', '', '', '', '', ''],
    ],
  },
  'hidden-row': {
    sheet: VAULT,
    cell: 'F5',
    rule: 'checkout-window',
    rows: [
      ['', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
      ['2', '', '', '', '', '', '', ''],
      ['3', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间'],
      ['4', '高等数学基础', '3', '李强', '2024年6月15日 07:45', '陈静', '李强', '2024年6月15日 10:20'],
      ['5隐藏', '管理学基础', '1', '赵敏', '2024年6月15日 08:45', '陈静', '赵敏', '2024年6月15日 12:15'],
      ['6', '中国现代文学', '2', '李强', '2024年6月16日 07:50', '陈静', '李强', '2024年6月16日 10:15'],
      ['7', '', '', '', '', '', '', ''],
      ['8', '', '', '', '', '', '', ''],
    ],
  },
  'formula-not-saved': {
    sheet: VAULT,
    cell: 'F4',
    rule: 'formula-not-saved',
    rows: [
      ['', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
      ['1', '', '', '', '', '', '', ''],
      ['2', '', '', '', '', '', '', ''],
      ['3', '试卷名称', '数量（袋/份）', '取卷人签字', '取卷时间', '卷库保管员出库签字', '还卷人签字', '还卷时间'],
      ['4', '高等数学基础', '3', '李强', '（公式，结果未保存）', '陈静', '李强', '2024年6月15日 10:20'],
      ['5', '管理学基础', '1', '赵敏', '（公式，结果未保存）', '陈静', '赵敏', '2024年6月15日 12:15'],
      ['6', '中国现代文学', '2', '李强', '（公式，结果未保存）', '陈静', '李强', '2024年6月16日 10:15'],
      ['7', '', '', '', '', '', '', ''],
    ],
  },
  'formula-cycle': {
    sheet: INTAKE,
    cell: 'D14',
    rule: 'formula-cycle',
    rows: [
      ['', 'A', 'B', 'C', 'D', 'E', 'F', 'G'],
      ['11', '8', '', '', '', '', '', ''],
      ['12', '9', '', '', '', '', '', ''],
      ['13', '10', '', '', '', '', '', ''],
      ['14', '合计', '', '', '（公式引用了自己）', '（公式引用了自己）', '（公式引用了自己）', '（公式引用了自己）'],
      [
        '15',
        '入库情况描述：（对试卷数量是否准确、试卷袋包装是否完好、是否按照考试时间单元转入保密柜（做到不同考试时间不混装）、保密柜密封条张贴是否规范等情况做简要概述）：',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ['16', '试卷数量准确，试卷袋包装完好，已按考试时间单元分柜存放，密封条张贴规范。', '', '', '', '', '', ''],
      ['17', '入库时间：', '', '2024年6月14日 10时10分', '', '', '', ''],
    ],
  },
};
