/**
 * Sheet drafts → an exceljs workbook: 宋体, thin borders, widths, data
 * validation, number formats that follow other cells, A4 page setup with
 * print area and repeated title rows. The look of every form lives here
 * once; the forms only name a style.
 */
import ExcelJS from 'exceljs';
import { DraftCell, DraftStyle, ERROR_TITLE, PAGE, PROMPT_TITLE, SheetDraft, TEXT_LOOKS, formatRuleFormula, validationRule } from '../../forms/draft';
import { parseRange } from '../../model/grid';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Look {
  alignment: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
}

const LEFT: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle' };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };

/** Where each style's text stands and whether it is boxed; its size, weight and wrapping are TEXT_LOOKS'. */
const LOOKS: Record<DraftStyle, Look> = {
  caption: { alignment: LEFT },
  title: { alignment: CENTER },
  subtitle: { alignment: LEFT },
  label: { alignment: LEFT, border: BOX },
  value: { alignment: LEFT, border: BOX },
  header: { alignment: CENTER, border: BOX },
  cell: { alignment: LEFT, border: BOX },
  cellCenter: { alignment: CENTER, border: BOX },
  total: { alignment: CENTER, border: BOX },
  // Stacked characters, as the source prints 交接明细 down the table's side.
  side: { alignment: { ...CENTER, textRotation: 'vertical' }, border: BOX },
  note: { alignment: { horizontal: 'left', vertical: 'top' } },
  boxText: { alignment: { horizontal: 'left', vertical: 'top' } },
  open: { alignment: LEFT },
  area: { alignment: { horizontal: 'left', vertical: 'top' }, border: BOX },
};

function writeCell(ws: ExcelJS.Worksheet, c: DraftCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  if (c.formula) {
    cell.value = { formula: c.formula, result: c.value === null ? undefined : (c.value as number | string) } as ExcelJS.CellFormulaValue;
  } else if (c.value !== null) {
    cell.value = c.value;
  }
  const look = LOOKS[c.style];
  const text = TEXT_LOOKS[c.style];
  cell.font = { name: FONT, size: text.size, bold: text.bold || undefined };
  cell.alignment = text.wrap ? { ...look.alignment, wrapText: true } : look.alignment;
  if (look.border) cell.border = look.border;
  if (c.numFmt) cell.numFmt = c.numFmt;
}

/**
 * Draws a box's outline on its edge cells. Merged cells share their master's
 * style object, so each edge cell gets a style of its own first.
 */
function outline(ws: ExcelJS.Worksheet, range: string): void {
  const box = parseRange(range);
  if (!box) return;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const edges: Partial<ExcelJS.Borders> = {
        ...(r === box.top ? { top: THIN } : {}),
        ...(r === box.bottom ? { bottom: THIN } : {}),
        ...(c === box.left ? { left: THIN } : {}),
        ...(c === box.right ? { right: THIN } : {}),
      };
      if (Object.keys(edges).length === 0) continue;
      const cell = ws.getCell(r + 1, c + 1);
      cell.style = { ...cell.style, border: { ...(cell.style.border ?? {}), ...edges } };
    }
  }
}

interface WithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

function addValidations(ws: ExcelJS.Worksheet, draft: SheetDraft): void {
  for (const v of draft.validations) {
    const rule = validationRule(v);
    if (!rule) continue;
    const formulae = rule.kind === 'list' ? [`"${rule.options!.join(',')}"`] : [rule.bound];
    const validation = {
      type: rule.kind,
      operator: rule.operator,
      formulae,
      allowBlank: true,
      showInputMessage: Boolean(rule.prompt),
      promptTitle: rule.prompt ? PROMPT_TITLE : undefined,
      prompt: rule.prompt,
      showErrorMessage: rule.showError,
      errorStyle: rule.stop ? 'stop' : 'warning',
      errorTitle: ERROR_TITLE,
      error: rule.error,
    } as ExcelJS.DataValidation;
    // Worksheet.dataValidations exists at run time but is missing from exceljs' typings.
    (ws as unknown as WithValidations).dataValidations.add(v.range, validation);
  }
}

/**
 * Number formats that follow other cells, as conditional formats of the
 * expression type whose style is a number format alone (a `<dxf><numFmt>`):
 * one `<conditionalFormatting>` per range, its rules in the draft's order,
 * each formula written for the range's top-left cell (`$F8="箱"`), its row
 * relative so that Excel reads it in each cell's own row.
 */
function addFormatRules(ws: ExcelJS.Worksheet, draft: SheetDraft): void {
  const byRange = new Map<string, ExcelJS.ConditionalFormattingRule[]>();
  let priority = 0;
  for (const rule of draft.formatRules ?? []) {
    const when = formatRuleFormula(rule, parseRange(rule.range)!.top);
    const rules = byRange.get(rule.range) ?? [];
    rules.push({ type: 'expression', priority: ++priority, formulae: [when], style: { numFmt: rule.numFmt } });
    byRange.set(rule.range, rules);
  }
  for (const [ref, rules] of byRange) ws.addConditionalFormatting({ ref, rules });
}

/**
 * exceljs writes a print area "A1:E22" as `$A1:$E22`, whose relative rows
 * LibreOffice does not take for a print area: "A$1:E$22" gives `$A$1:$E$22`.
 */
export function absoluteRows(area: string): string {
  return area.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

/** Adds one drafted sheet to the workbook. */
function addDraftSheet(wb: ExcelJS.Workbook, draft: SheetDraft): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(draft.name, {
    pageSetup: {
      paperSize: PAGE.paperA4,
      orientation: draft.print.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: draft.print.fitToHeight,
      horizontalCentered: true,
      printArea: absoluteRows(draft.print.area),
      printTitlesRow: draft.print.titleRows,
      margins: { ...PAGE.margins },
    },
    headerFooter: { oddFooter: PAGE.footer },
    views: [{ showGridLines: false }],
  });
  draft.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const c of draft.cells) writeCell(ws, c);
  for (const [row, height] of Object.entries(draft.heights)) ws.getRow(Number(row) + 1).height = height;
  for (const m of draft.merges) ws.mergeCells(m);
  // exceljs writes a break after the 1-based row `id` (as the summary's pages do, summary/pages.ts).
  for (const r of draft.print.rowBreaks ?? []) (ws as unknown as { rowBreaks: object[] }).rowBreaks.push({ id: r + 1, max: 16383, man: 1 });
  for (const box of draft.boxes ?? []) outline(ws, box);
  addValidations(ws, draft);
  addFormatRules(ws, draft);
  return ws;
}

function workbookFromDrafts(drafts: readonly SheetDraft[]): ExcelJS.Workbook {
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
