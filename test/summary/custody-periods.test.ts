/**
 * Custody in more than one stretch (review round 12 D8): 岳麓考点 holds June's papers 6月14日 10:10 – 6月16日 07:50 and
 * a July 补考's 7月12日 09:30 – 7月13日 08:10, the vault empty between. Its custody time (68 h 20 min) is the two added
 * up, not the span from the first intake to the last checkout that the duty row also shows: each stretch is said, in
 * the per-site summary, under the 汇总 sheet's duty row and in the pane's 保管期.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/forms/workbook';
import { readXlsxInNode } from '../../src/io/xlsx/node-workbook';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';

const read = (name: string) =>
  readWorkbook(readXlsxInNode(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review12', 'xlsx', `${name}.xlsx`)))));

test('two stretches: each with its hours, in the summary, on the 汇总 sheet under the duty row, and in the pane', async () => {
  const model = read('p1-two-periods');
  const summary = summarizeSite(model, validateSite(model));
  expect(summary.duty).toMatchObject({
    custodyStart: '2024-06-14T10:10',
    custodyEnd: '2024-07-13T08:10',
    custodyHours: 68.33,
    periods: [
      { from: '2024-06-14T10:10', to: '2024-06-16T07:50', hours: 45.67 },
      { from: '2024-07-12T09:30', to: '2024-07-13T08:10', hours: 22.67 },
    ],
  });
  const zh =
    '保管期分 2 段（段与段之间保密室没有试卷，不计入保管时长）：2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）；2024年7月12日 09:30 至 2024年7月13日 08:10（22小时40分）';
  expect(summaryTable(summary, 'zh').facts.find(([k]) => k === '保管期')).toEqual(['保管期', zh]);
  expect(summaryTable(summary, 'en').facts.find(([k]) => k === 'Custody period')).toEqual([
    'Custody period',
    'Custody in 2 stretches (no papers in the vault between them, not counted in the custody time): 2024-06-14 10:10 to 2024-06-16 07:50 (45h 40m); 2024-07-12 09:30 to 2024-07-13 08:10 (22h 40m)',
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await siteSummaryXlsx(summary)) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const lines: Array<[number, unknown]> = [];
  ws.eachRow((row, r) => {
    if (String(row.getCell(1).value ?? '').startsWith('保管期分')) lines.push([r, row.getCell(1).value]);
  });
  // Right under the duty row (its header and one row under 三).
  const duty = ws.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('三、'));
  expect(lines).toEqual([[duty + 3, zh]]);
});

test('one stretch (June alone): no periods, no line', () => {
  const model = read('t6-formula-cached');
  const summary = summarizeSite(model, validateSite(model));
  expect(summary.duty.periods).toBeUndefined();
  expect(summaryTable(summary, 'zh').facts.find(([k]) => k === '保管期')![1]).toBe('2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）');
});
