/**
 * Which cells of a workbook print wider or taller than their (merged) cell:
 * each cell's text (under its own number format, or the widest a conditional
 * format over it may give) measured as the forms measure it (src/forms/measure formText), against the
 * widths of the columns and the heights of the rows it spans, wrapping where
 * the cell wraps (a number or a date never does). Only the print area of
 * each sheet is looked at.
 */
import ExcelJS from 'exceljs';
import { CELL_PADDING, displayText, formText, lineHeight, linesHeight } from '../src/forms/measure';
import { parseRange } from '../src/model/grid';

const { textUnits, wrappedLines } = formText;

export interface Clip {
  sheet: string;
  cell: string;
  text: string;
  need: number;
  have: number;
  /** `width` for text that does not wrap, `height` for text that does. */
  along: 'width' | 'height';
}

const DEFAULT_WIDTH = 8.43;
const DEFAULT_HEIGHT = 15;

function textOf(cell: ExcelJS.Cell, numFmt: string | undefined): string {
  const v = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return displayText((v as ExcelJS.CellFormulaValue).result ?? null, numFmt);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return '';
  }
  return displayText(v, numFmt);
}

interface ConditionalNumberFormat {
  box: Box;
  numFmt: string;
}

/** The number formats the sheet's conditional formats may give cells (a count's unit), each with its range. */
function conditionalNumberFormats(ws: ExcelJS.Worksheet): ConditionalNumberFormat[] {
  const formats = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  return formats.flatMap((cf) =>
    cf.ref.split(/\s+/).flatMap((ref) => {
      const box = parseRange(ref);
      return cf.rules.flatMap((rule) => {
        // exceljs reads a <dxf>'s number format as { id, formatCode }.
        const numFmt = rule.style?.numFmt as unknown as { formatCode?: string } | string | undefined;
        const code = typeof numFmt === 'string' ? numFmt : numFmt?.formatCode;
        return box && code ? [{ box, numFmt: code }] : [];
      });
    }),
  );
}

/** The cell's text as printed: under its own format, or the widest a conditional format over it may show. */
function printedText(cell: ExcelJS.Cell, r: number, c: number, conditional: readonly ConditionalNumberFormat[]): string {
  let text = textOf(cell, cell.numFmt);
  for (const { box, numFmt } of conditional) {
    if (r < box.top || r > box.bottom || c < box.left || c > box.right) continue;
    const shown = textOf(cell, numFmt);
    if (textUnits(shown) > textUnits(text)) text = shown;
  }
  return text;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const m of ws.model.merges ?? []) {
    const box = parseRange(m);
    if (box) out.set(`${box.top},${box.left}`, box);
  }
  return out;
}

/** A number or a date never wraps, whatever the cell's alignment: Excel shows ####, LibreOffice breaks it over two lines. */
function unbreakable(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  const shown = v && typeof v === 'object' && 'result' in v ? (v as ExcelJS.CellFormulaValue).result : v;
  return typeof shown === 'number' || shown instanceof Date;
}

export function clippedCells(wb: ExcelJS.Workbook): Clip[] {
  const clips: Clip[] = [];
  for (const ws of wb.worksheets) {
    const merges = mergesOf(ws);
    const conditional = conditionalNumberFormats(ws);
    const area = parseRange((ws.pageSetup.printArea ?? '').split('&&')[0]);
    const width = (c: number): number => ws.getColumn(c + 1).width ?? DEFAULT_WIDTH;
    const height = (r: number): number => ws.getRow(r + 1).height ?? DEFAULT_HEIGHT;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const r = Number(row.number) - 1;
        const c = Number(cell.col) - 1;
        const text = printedText(cell, r, c, conditional);
        if (text.trim() === '') return;
        if (area && (r > area.bottom || c > area.right)) return;
        const box = merges.get(`${r},${c}`) ?? { top: r, left: c, bottom: r, right: c };
        let w = 0;
        for (let k = box.left; k <= box.right; k++) w += width(k);
        let h = 0;
        for (let k = box.top; k <= box.bottom; k++) h += height(k);
        const size = cell.font?.size ?? 11;
        const bold = Boolean(cell.font?.bold);
        const at = { sheet: ws.name, cell: cell.address, text };
        if (cell.alignment?.textRotation === 'vertical') {
          const need = [...text.replace(/\s/g, '')].length * lineHeight(size);
          if (need > h) clips.push({ ...at, need, have: h, along: 'height' });
        } else if (cell.alignment?.wrapText && !unbreakable(cell)) {
          const need = linesHeight(wrappedLines(text, w, size, bold), size);
          if (need > h + 0.01) clips.push({ ...at, need, have: h, along: 'height' });
        } else {
          const need = textUnits(text, size, bold) + CELL_PADDING;
          if (need > w + 0.01) clips.push({ ...at, need, have: w, along: 'width' });
        }
      }),
    );
  }
  return clips;
}
