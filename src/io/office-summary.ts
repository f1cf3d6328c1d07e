/**
 * 汇总 in Excel: the site's custody summary written as a sheet with Office.js
 * (values in one 2-D write, the columns as the CLI's workbook declares them,
 * a column chart of copies against candidates),
 * replacing the sheet if it is there already. Two syncs. Written directly
 * rather than inserted from a file because Excel on the web will not insert a
 * sheet holding a chart, and so that exceljs stays out of the Office bundle.
 */
import { a1, columnLetter } from '../model/grid';
import { SummaryTable, summarySheetFormats, summarySheetValues } from '../taskpane/summary-table';

export const SUMMARY_SHEET = '汇总';

/** A column width in characters (of a file's `<col width>`) in the points Office.js takes: a character of the default font is about 7 px = 5.25 pt. */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

/** Thin lines around and between every cell of `range`. */
export function gridBorders(range: Excel.Range): void {
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
    range.format.borders.getItem(edge).style = 'Continuous';
  }
}

export async function writeSummarySheet(context: Excel.RequestContext, table: SummaryTable): Promise<{ syncs: number; address: string }> {
  const old = context.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET);
  // eslint-disable-next-line office-addins/no-navigational-load -- loaded, then synced before it is read; the rule cannot follow a sync made through a helper or another function
  old.load('isNullObject');
  await context.sync();
  if (!old.isNullObject) old.delete();
  const ws = context.workbook.worksheets.add(SUMMARY_SHEET);
  const width = table.header.length;
  const last = columnLetter(width - 1);
  const values = summarySheetValues(table);
  const range = ws.getRange(`A1:${last}${values.length}`);
  // Formats first: a text written into a General cell is taken for a number (考场 “01” becomes 1); times shown by their format as the pane shows them.
  range.numberFormat = summarySheetFormats(table);
  range.values = values;
  ws.getRange(`A1:${last}1`).merge();
  ws.getRange('A1').format.font.set({ bold: true, size: 14 });
  const headerRow = 4;
  const firstData = headerRow + 1;
  const totalRow = firstData + table.rows.length;
  const head = ws.getRange(`A${headerRow}:${last}${headerRow}`);
  head.format.font.bold = true;
  head.format.fill.color = '#DDEBF7';
  ws.getRange(`A${totalRow}:${last}${totalRow}`).format.font.bold = true;
  gridBorders(ws.getRange(`A${headerRow}:${last}${totalRow}`));
  // The declared widths (the CLI workbook's).
  table.widths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = columnPoints(w);
  });
  head.format.wrapText = true;
  ws.getRange(`A${firstData}:${last}${totalRow}`).format.wrapText = true;

  if (table.rows.length > 0) {
    const [copiesCol, candCol] = table.chartColumns;
    const column = (col: number, from: number): Excel.Range => ws.getRange(`${a1(from - 1, col)}:${a1(totalRow - 2, col)}`);
    const labels = ws.getRange(`A${firstData}:A${totalRow - 1}`);
    // One series from the copies column (its header names it), one more for the candidates.
    const chart = ws.charts.add(Excel.ChartType.columnClustered, column(copiesCol, headerRow), Excel.ChartSeriesBy.columns);
    chart.series.getItemAt(0).setXAxisValues(labels);
    const candidates = chart.series.add(table.header[candCol]);
    candidates.setValues(column(candCol, firstData));
    candidates.setXAxisValues(labels);
    chart.title.text = table.title;
    const top = values.length + 2;
    chart.setPosition(`A${top}`, `H${top + 16}`);
  }
  ws.activate();
  await context.sync();
  return { syncs: 2, address: `${SUMMARY_SHEET}!A1:${last}${values.length}` };
}
