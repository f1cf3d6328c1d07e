/**
 * Sheet drafts → an exceljs workbook: 宋体, thin borders, widths, data
 * validation, A4 page setup with print area and repeated title rows. The look
 * of every form lives here once; the forms only name a style.
 */
import ExcelJS from 'exceljs';
import type { DraftCell, DraftStyle, SheetDraft } from '../../forms/draft';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Look {
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
  fill?: ExcelJS.Fill;
}

const LOOKS: Record<DraftStyle, Look> = {
  caption: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  subtitle: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } },
  label: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BOX },
  value: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BOX },
  header: {
    font: { name: FONT, size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BOX,
  },
  cell: { font: { name: FONT, size: 10.5 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BOX },
  cellCenter: { font: { name: FONT, size: 10.5 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX },
  total: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX },
  side: {
    font: { name: FONT, size: 11, bold: true },
    // Stacked characters, as the seed prints 交接明细 down the table's side.
    alignment: { horizontal: 'center', vertical: 'middle', textRotation: 'vertical' },
    border: BOX,
  },
  note: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
};

function writeCell(ws: ExcelJS.Worksheet, c: DraftCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  if (c.formula) {
    cell.value = { formula: c.formula, result: c.value === null ? undefined : (c.value as number | string) } as ExcelJS.CellFormulaValue;
  } else if (c.value !== null) {
    cell.value = c.value;
  }
  const look = LOOKS[c.style];
  cell.font = look.font;
  cell.alignment = look.alignment;
  if (look.border) cell.border = look.border;
  if (c.numFmt) cell.numFmt = c.numFmt;
}

interface WithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

function addValidations(ws: ExcelJS.Worksheet, draft: SheetDraft): void {
  for (const v of draft.validations) {
    const common = {
      allowBlank: true,
      showInputMessage: Boolean(v.prompt),
      promptTitle: v.prompt ? '填写提示' : undefined,
      prompt: v.prompt,
      showErrorMessage: v.strict,
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: '输入有误',
    };
    let rule: ExcelJS.DataValidation | undefined;
    if (v.type === 'whole') {
      rule = { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: '请填写不小于0的整数' };
    } else if (v.type === 'date') {
      rule = { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: 'warning', error: '请填写日期时间，如 2024年1月6日 8:30' };
    } else if (v.type === 'list' && v.options && v.options.length > 0) {
      rule = { ...common, type: 'list', formulae: [`"${v.options.join(',')}"`], error: `请从列表中选择：${v.options.join('、')}` };
    } else if (v.type === 'prompt') {
      // No rule to enforce: a permissive length check only carries the prompt.
      rule = { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [255], showErrorMessage: false };
    }
    // Worksheet.dataValidations exists at run time but is missing from exceljs' typings.
    if (rule) (ws as unknown as WithValidations).dataValidations.add(v.range, rule);
  }
}

/** Adds one drafted sheet to the workbook. */
export function addDraftSheet(wb: ExcelJS.Workbook, draft: SheetDraft): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(draft.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: draft.print.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: draft.print.fitToHeight,
      horizontalCentered: true,
      // Said outright: exceljs reads a missing page number as 1 and writes it back as set, so a re-saved copy would differ.
      firstPageNumber: 1,
      printArea: draft.print.area,
      printTitlesRow: draft.print.titleRows,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ showGridLines: false }],
  });
  draft.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const c of draft.cells) writeCell(ws, c);
  for (const [row, height] of Object.entries(draft.heights)) ws.getRow(Number(row) + 1).height = height;
  for (const m of draft.merges) ws.mergeCells(m);
  addValidations(ws, draft);
  return ws;
}

export function workbookFromDrafts(drafts: readonly SheetDraft[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '试卷保密助手';
  // A fixed date keeps generated templates byte-stable apart from the zip itself.
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const d of drafts) addDraftSheet(wb, d);
  return wb;
}

export async function xlsxBuffer(drafts: readonly SheetDraft[]): Promise<Buffer> {
  const wb = workbookFromDrafts(drafts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
