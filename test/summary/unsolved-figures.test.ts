/**
 * Review 19a D2: a form's cells holding a formula saved without its value (a lookup this tool cannot work out) were
 * taken by the summary as blank — three 取卷时间 so made custody 0 h and duty cover 100 % (可以提交, as if known), the
 * last one cut custody a day short, one shift's end a duty gap that validate, rightly, does not judge. Such a form's
 * figures are now as unknown as those of a form that could not be read (none-figures.ts): 附件3 未能读取 where they
 * would be, the 说明 pointing at formula-not-saved's cell. Only a cell of a field a figure is made from does so: one in a
 * 备注 or a paper's name had made every figure of its form unknown (分发登记1's 备注: 附件4 未能读取 at 分发考场).
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

  it('分发登记1 J6 (备注) and 出入库记录 C4 (试卷名称): no figure is made from them, every one known', async () => {
    const remark = await summaryWith('分发登记1', ['J6']);
    expect(remark.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['formula-not-saved', '分发登记1', 'J6']]);
    const name = await summaryWith('出入库记录', ['C4']);
    expect(name.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['formula-not-saved', '出入库记录', 'C4']]);
    // Were 附件4 未能读取 at 分发考场 and 分发份数, and 附件3 未能读取 at every checkout, custody and duty cover.
    for (const { s } of [remark, name]) {
      expect(s.unread).toBeUndefined();
      const zh = summaryTable(s, 'zh');
      expect(zh.rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3]);
      expect(zh.facts.slice(2, 6)).toEqual([
        ['保管期', '2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）'],
        ['值班覆盖', '100%（45小时40分）'],
        ['值班空档', '无'],
        ['未归还', '无'],
      ]);
    }
  });

  it('入库清单 D4 (31份装) and 考试安排 F3 (报考人数): the figures of that form alone unknown, at the formula’s cell', async () => {
    const bags = await summaryWith('入库清单', ['D4']);
    expect(bags.s.unread).toEqual([{ form: 'intake', sheet: '入库清单', cell: 'D4' }]);
    expect(summaryTable(bags.s, 'zh').rows[0].slice(3, 11)).toEqual(Array(6).fill('附件2 未能读取').concat([57, '附件2 未能读取']));
    const candidates = await summaryWith('考试安排', ['F3']);
    expect(candidates.s.unread).toEqual([{ form: 'schedule', sheet: '考试安排', cell: 'F3' }]);
    expect(summaryTable(candidates.s, 'zh').rows[0].slice(2, 11)).toEqual(['考试安排 未能读取', 1, 1, 0, 1, 3, 62, '考试安排 未能读取', '考试安排 未能读取']);
  });

  it('the workbook as filled: every figure known, nothing unread', async () => {
    const { s, findings } = await summaryWith('出入库记录', []);
    expect([findings, s.unread]).toEqual([[], undefined]);
  });
});
