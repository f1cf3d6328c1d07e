/**
 * Review 19a D2: a form's cells holding a formula saved without its value (a lookup this tool cannot work out) were
 * taken by the summary as blank — three 取卷时间 so made custody 0 h and duty cover 100 % (可以提交, as if known), the
 * last one cut custody a day short, one shift's end a duty gap that validate, rightly, does not judge. Such a form's
 * figures are now as unknown as those of a form that could not be read (none-figures.ts): 附件3 未能读取 where they
 * would be, the 说明 pointing at formula-not-saved's cell.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

/** 岳麓考点's workbook (kaodian.json) with each of `cells` of `sheet` a lookup saved without its value, read, checked, summarised. */
async function summaryWith(sheet: string, cells: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  for (const cell of cells) ws.getCell(cell).value = { formula: `VLOOKUP(B${ws.getCell(cell).row},考试安排!A:D,4,0)` } as ExcelJS.CellFormulaValue;
  const model = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
  const findings = validateSite(model);
  return { s: summarizeSite(model, findings, { file: 'x.xlsx' }), findings };
}

describe('figures made from cells whose formula was saved without its value', () => {
  it('出入库记录 F4:F6 (取卷时间): 附件3’s figures unknown, the 说明 at formula-not-saved’s cell F4 — not 0 h and 100 %', async () => {
    const { s, findings } = await summaryWith('出入库记录', ['F4', 'F5', 'F6']);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['formula-not-saved', '出入库记录', 'F4']]);
    expect([s.unread, s.noIntake, s.noVault]).toEqual([[{ form: 'vaultLog', sheet: '出入库记录', cell: 'F4' }], false, false]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows[0][11]).toBe('附件3 未能读取');
    expect(zh.facts).toEqual([
      ['未能读取', '附件3 出入库记录未能读取（见工作表“出入库记录”F4 处的问题），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计'],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', '附件3 未能读取'],
      ['值班覆盖', '附件3 未能读取'],
      ['值班空档', '附件3 未能读取'],
      ['未归还', '附件3 未能读取'],
      ['错误', 0],
      ['警告', 1],
    ]);
  });

  it('值班记录2 F3 (a shift’s end): 附件5’s figures unknown — no duty gap said by the summary alone', async () => {
    const { s, findings } = await summaryWith('值班记录2', ['F3']);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['formula-not-saved', '值班记录2', 'F3']]);
    expect(s.unread).toEqual([{ form: 'duty', sheet: '值班记录2', cell: 'F3' }]);
    expect(summaryTable(s, 'zh').facts).toEqual([
      ['未能读取', '附件5 值班记录未能读取（见工作表“值班记录2”F3 处的问题），值班覆盖和缺口无从计算'],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', '2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）'],
      ['值班覆盖', '附件5 未能读取'],
      ['值班空档', '附件5 未能读取'],
      ['未归还', '无'],
      ['错误', 0],
      ['警告', 1],
    ]);
  });

  it('the workbook as filled: every figure known, nothing unread', async () => {
    const { s, findings } = await summaryWith('出入库记录', []);
    expect([findings, s.unread]).toEqual([[], undefined]);
  });
});
