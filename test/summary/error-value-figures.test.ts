/**
 * Review 20a D1: Excel's error values (#N/A, #REF!) in the cells the summary's figures are made from gave false figures
 * said as known — a 试卷号 of #N/A a fourth paper “#N/A” (合计 4 种试卷) taking 3310's checkout (custody 23小时35分 over
 * a span of 45小时40分), a 考点 of #N/A a unit “长沙分校 #N/A”, a 报考人数 of #N/A none (余量 38 for 7), a 还卷时间 of
 * #N/A a return. As a formula saved without its value (unsolved-figures.test.ts): the form's figures are unknown
 * (附件3 显示错误值 where they would be), the 说明 naming each cell and the value it shows; no paper or unit “#N/A”.
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

type Shown = Record<string, Record<string, { formula: string; error: string }>>;

/** 岳麓考点's workbook (kaodian.json) with each cell of `shown` a formula showing an error value, read, checked, summarised. */
async function summaryWith(shown: Shown) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  for (const [sheet, cells] of Object.entries(shown)) {
    for (const [cell, { formula, error }] of Object.entries(cells)) {
      wb.getWorksheet(sheet)!.getCell(cell).value = { formula, result: { error } } as unknown as ExcelJS.CellFormulaValue;
    }
  }
  const model = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
  const findings = validateSite(model);
  return { s: summarizeSite(model, findings, { file: 'x.xlsx' }), findings };
}

const C8: Shown = {
  出入库记录: {
    D5: { formula: '#REF!+1', error: '#REF!' },
    B6: { formula: 'VLOOKUP(C6,考试安排!A:B,1,FALSE)', error: '#N/A' },
  },
};

describe('figures made from cells showing an error value', () => {
  it('c8: 出入库记录 D5 #REF! (数量), B6 #N/A (试卷号): 附件3’s figures unknown, no paper “#N/A”, the 说明 at D5 and B6', async () => {
    const { s, findings } = await summaryWith(C8);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['invalid-count', '出入库记录', 'D5'],
      ['unknown-paper', '出入库记录', 'B6'],
    ]);
    // D5 is 2045's row (its 数量: review 21 D1); B6, a 试卷号, names no paper: every paper's 附件3 figures unknown.
    expect(s.unread).toEqual([
      // A 考点 sends nothing on: its 数量 leaves 2045's 未还 and 在库 unknown, not its 移交送出 (review 22b D8).
      { form: 'vaultLog', sheet: '出入库记录', cell: 'D5', shows: '#REF!', paper: '2045', figures: ['bagsStillOut', 'bagsInVault'] },
      { form: 'vaultLog', sheet: '出入库记录', cell: 'B6', shows: '#N/A' },
    ]);
    expect(s.papers.map((p) => p.paperNo)).toEqual(['1001', '2045', '3310']);
    expect([s.totals.papers, s.unreadable]).toEqual([3, 0]);
    const zh = summaryTable(s, 'zh');
    // Was a fourth row “#N/A 中国现代文学” 出库 1 归还 1, 3310's own 出库 0, 合计 “4 种试卷”. Each of 附件3's figures says it (review 21b D2).
    const W = '附件3 显示错误值';
    expect(zh.rows).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, W, W, W, 0, '01、02', 57, W, W],
      ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, W, W, W, 0, '01', 31, W, W],
      ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, W, W, W, 0, '01', 20, W, W],
    ]);
    // Was 保管期 “2024年6月14日 10:10 至 2024年6月16日 07:50（23小时35分）”, 值班覆盖 “100%（23小时35分）”, nothing unknown.
    expect(zh.facts).toEqual([
      [
        '显示错误值',
        '附件3 出入库记录有格子显示错误值（工作表“出入库记录”D5 显示 #REF!，即试卷 2045 的未还袋数和在库袋数；工作表“出入库记录”B6 显示 #N/A），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计',
      ],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', '附件3 显示错误值'],
      ['值班覆盖', '附件3 显示错误值'],
      ['值班空档', '附件3 显示错误值'],
      ['未归还', '附件3 显示错误值'],
      ['错误', 2],
      ['警告', 0],
    ]);
    expect(summaryTable(s, 'en').facts[0]).toEqual([
      'Error value',
      'A cell of the vault log (附件3) shows an error value (出入库记录!D5 shows #REF!, paper 2045’s bags out and bags in the vault; 出入库记录!B6 shows #N/A): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals',
    ]);
  });

  it('n6: 基本信息 B5 #N/A (考点), 考试安排 F4 #N/A (2045’s 报考人数): the unit named by its 分校, 2045’s 考生数 and 余量 unknown, the totals too', async () => {
    const { s, findings } = await summaryWith({
      基本信息: { B5: { formula: 'VLOOKUP(1,单位!A:B,2,FALSE)', error: '#N/A' } },
      考试安排: { F4: { formula: 'VLOOKUP(B4,报名!A:C,3,FALSE)', error: '#N/A' } },
    });
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['required-field', '基本信息', 'B5'],
      ['invalid-count', '考试安排', 'F4'],
    ]);
    expect([s.site.examSite, s.site.name]).toEqual(['', '长沙分校']);
    expect(s.unread).toEqual([{ form: 'schedule', sheet: '考试安排', cell: 'F4', shows: '#N/A', paper: '2045', figures: ['candidates', 'spareCopies'] }]);
    const zh = summaryTable(s, 'zh');
    // Was 2045's 考生数 blank and 合计 77, 余量 合计 38 (the truth: 108 and 7), the unit “长沙分校 #N/A”; then (review 21
    // D1) every paper's 首场开考 and 考生数 unknown: now 2045's 考生数 and 余量 alone, and the 合计 row's (it adds them).
    expect(zh.rows.map((r) => r.slice(0, 11))).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5],
      ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, '考试安排 显示错误值', '考试安排 显示错误值'],
      ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2],
    ]);
    expect(zh.totals.slice(9, 11)).toEqual(['考试安排 显示错误值', '考试安排 显示错误值']);
    expect(zh.facts[0]).toEqual([
      '显示错误值',
      // Those figures and their totals alone (review 22b D3: was “考生数、首场开考和余量无从计算”, every 首场开考 shown).
      '考试安排有格子显示错误值（工作表“考试安排”F4 显示 #N/A，即试卷 2045 的考生数和余量），这些数字及其合计无从计算；其他试卷各自的数字照填写计算',
    ]);
  });

  it('n3: 出入库记录 I5 #N/A (还卷时间): not counted as returned — 2045’s 归还, 未还 and 在库 unknown, 附件3’s totals too', async () => {
    const { s, findings } = await summaryWith({ 出入库记录: { I5: { formula: 'VLOOKUP(B5,还卷!A:B,2,FALSE)', error: '#N/A' } } });
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['invalid-datetime', '出入库记录', 'I5']]);
    expect(s.unread).toEqual([
      { form: 'vaultLog', sheet: '出入库记录', cell: 'I5', shows: '#N/A', paper: '2045', figures: ['returns', 'bagsStillOut', 'bagsInVault'] },
    ]);
    const zh = summaryTable(s, 'zh');
    // Were 出库 1, 归还 1 for 2045 and 未归还 “无”: a return whose time is unknown counted as made; then every paper's 出库 and
    // 归还 unknown (review 21 D1): now 2045's 归还, 未还袋数 and 在库袋数, its 出库 1 as the row says, the others as read.
    expect(zh.rows.map((r) => r.slice(11))).toEqual([
      [1, 1, 0, 0, '01、02', 57, 0, 3],
      [1, '附件3 显示错误值', 0, 0, '01', 31, '附件3 显示错误值', '附件3 显示错误值'],
      [1, 1, 0, 0, '01', 20, 0, 2],
    ]);
    const W = '附件3 显示错误值';
    // A total unknown only where a figure it adds is (review 22b D3: 出库 and 移交送出 were unknown under 1, 1, 1 and 0, 0, 0).
    expect(zh.totals.slice(11)).toEqual([3, W, 0, 0, '4 个\n考场次', 108, W, W]);
    expect(zh.facts.slice(3, 7)).toEqual([
      ['保管期', '附件3 显示错误值'],
      ['值班覆盖', '附件3 显示错误值'],
      ['值班空档', '附件3 显示错误值'],
      ['未归还', '附件3 显示错误值'],
    ]);
  });

  it('an error value in a 备注 (分发登记1 J6) or a paper’s name (出入库记录 C4): no figure made from it, every one known', async () => {
    const { s, findings } = await summaryWith({
      分发登记1: { J6: { formula: 'VLOOKUP(B6,涉卷人员!A:B,2,FALSE)', error: '#N/A' } },
      出入库记录: { C4: { formula: 'VLOOKUP(B4,考试安排!A:C,3,FALSE)', error: '#N/A' } },
    });
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['paper-name-mismatch', '出入库记录', 'C4']]);
    expect(s.unread).toBeUndefined();
    expect(summaryTable(s, 'zh').rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3]);
  });
});
