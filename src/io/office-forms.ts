/**
 * 表单 in Excel: a committed template (templates/*.xlsx, base64-encoded into
 * the build) inserted into the open workbook as new sheets
 * (insertWorksheetsFromBase64, ExcelApi 1.13). The templates carry no comments
 * or charts, which Excel on the web would refuse.
 */
export interface InsertResult {
  ids: string[];
  names: string[];
  syncs: number;
}

export async function insertTemplate(context: Excel.RequestContext, base64: string): Promise<InsertResult> {
  const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: Excel.WorksheetPositionType.end });
  await context.sync();
  const sheets = ids.value.map((id) => context.workbook.worksheets.getItem(id));
  for (const ws of sheets) ws.load('name');
  if (sheets[0]) sheets[0].activate();
  await context.sync();
  return { ids: ids.value, names: sheets.map((ws) => ws.name), syncs: 2 };
}
