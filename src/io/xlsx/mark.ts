/**
 * Marks findings in an exceljs workbook: a fill and a note on each finding's
 * cell, and nothing else. Used by the browser face's 下载已标记副本 and by the
 * command line's marked copies.
 *
 * exceljs hands cells read from a file one style object per style id, shared
 * by every cell with that look; a fill set on it would colour all of them. So
 * each marked cell gets its own copy of its style before the fill is set.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding';
import { MARK_COLORS, cellMarks } from '../cell-marks';
import { absoluteRows } from './exceljs-writer';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function noteTextOf(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Gives the cell a style object of its own, so that changing it changes no other cell. */
function ownStyle(cell: ExcelJS.Cell): void {
  const style = cell.style ?? {};
  cell.style = {
    ...style,
    font: style.font && { ...style.font },
    alignment: style.alignment && { ...style.alignment },
    border: style.border && { ...style.border },
    protection: style.protection && { ...style.protection },
  };
}

/** exceljs reads `$A$1:$E$22` as "A1:E22" and would write `$A1:$E22`, which LibreOffice does not print as an area. */
function keepPrintAreas(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (area) ws.pageSetup.printArea = area.split('&&').map(absoluteRows).join('&&');
  }
}

/** Colours each finding's cell (the worst severity) and adds its messages to the cell's note; returns the cells marked. */
export function markWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], lang: 'zh' | 'en' = 'zh'): number {
  keepPrintAreas(workbook);
  let n = 0;
  for (const mark of cellMarks(findings, lang)) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.cell);
    ownStyle(cell);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MARK_COLORS[mark.severity]) } };
    const prior = noteTextOf(cell.note);
    cell.note = prior ? `${prior}\n\n${mark.text}` : mark.text;
    n++;
  }
  return n;
}
