/**
 * Review 21 D1: a cell showing an error value (#N/A) in one paper's own row — a 26份装 count on 附件2, a 试卷份数 on
 * 附件4, a 报考人数 (error-value-figures.test.ts n6) — left every paper's figures of its form unknown. Now only the
 * figures made from that cell are (that paper's, and the totals that add them: a total with an unknown part is
 * unknown), the other papers' rows are as read, and the 说明 names the paper and its figures.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { rowOf } from '../../src/summary/columns';
import { SITE_COLUMNS, paperRowsOf } from '../../src/summary/tables';
import { summaryTable } from '../../src/taskpane/summary-table';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

type Shown = Record<string, Record<string, string>>;

/** 岳麓考点's workbook (kaodian.json) with each cell of `shown` a formula showing #N/A, read, checked, summarised. */
async function summaryWith(shown: Shown) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  for (const [sheet, cells] of Object.entries(shown)) {
    for (const [cell, formula] of Object.entries(cells)) {
      wb.getWorksheet(sheet)!.getCell(cell).value = { formula, result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue;
    }
  }
  const model = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { s, findings, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}

/** The paper rows of the workbook as filled (no error value): 2045's and 3310's stay these. */
const AS_READ = [
  ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3],
  ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, 1, 1, 0, 0, '01', 31, 0, 1],
  ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, 1, 1, 0, 0, '01', 20, 0, 2],
];

describe('a cell of one paper’s row showing #N/A: that paper’s figures unknown, the others as read', () => {
  it('the workbook as filled: every row as AS_READ, nothing unknown', async () => {
    const { s } = await summaryWith({});
    expect([s.unread, summaryTable(s, 'zh').rows]).toEqual([undefined, AS_READ]);
  });

  it('入库清单 E4 (1001’s 26份装): 1001’s 26份装, 袋数合计, 份数, 余量 and 在库 unknown; 2045 and 3310 as read', async () => {
    const { s, findings, outcome } = await summaryWith({ 入库清单: { E4: 'VLOOKUP(B4,分装!A:E,3,FALSE)' } });
    // fix-totals25: the 合计 over it said unchecked (无从核对) at its own cell, E14.
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['invalid-count', '入库清单', 'E4'],
      ['column-total', '入库清单', 'E14'],
    ]);
    expect(s.unread).toEqual([
      { form: 'intake', sheet: '入库清单', cell: 'E4', shows: '#N/A', paper: '1001', figures: ['bags26', 'totalBags', 'copies', 'spareCopies', 'bagsInVault'] },
    ]);
    expect(s.papers.map((p) => [p.paperNo, p.unread, p.unknown])).toEqual([
      // Each figure with its form and why (a count corrected beside it is the other cause: corrected-figures.test.ts).
      [
        '1001',
        undefined,
        Object.fromEntries(['bags26', 'totalBags', 'copies', 'spareCopies', 'bagsInVault'].map((f) => [f, { form: 'intake', cause: 'error' }])),
      ],
      ['2045', undefined, undefined],
      ['3310', undefined, undefined],
    ]);
    const zh = summaryTable(s, 'zh');
    // Was every paper's bags, copies, spare and 在库 附件2 未能读取: 2045's 1 bag and 3310's 2 as unknown as 1001's.
    expect(zh.rows).toEqual([
      [
        '1001',
        '高等数学基础',
        '2024年6月15日 08:30',
        1,
        '附件2 显示错误值',
        0,
        1,
        '附件2 显示错误值',
        '附件2 显示错误值',
        57,
        '附件2 显示错误值',
        1,
        1,
        0,
        0,
        '01、02',
        57,
        0,
        '附件2 显示错误值',
      ],
      AS_READ[1],
      AS_READ[2],
    ]);
    // The totals that add 1001's unknown figures: unknown (附件2's, as the unit's in 站点汇总), each cell saying so (review
    // 21b D2); the others, 31份装, 11份装, 5份装 and 下级送回, as their rows add up (review 22b D3: they were unknown too).
    const I = '附件2 显示错误值';
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, I, 2, 1, I, I, 108, I, 3, 3, 0, 0, '4 个\n考场次', 108, 0, I]);
    const line =
      '附件2 入库清单有格子显示错误值（工作表“入库清单”E4 显示 #N/A，即试卷 1001 的26份装袋数、袋数合计、份数、余量和在库袋数），这些数字及其合计无从计算；其他试卷各自的数字照填写计算';
    expect(zh.facts[0]).toEqual(['显示错误值', line]);
    expect(summaryTable(s, 'en').facts[0]).toEqual([
      'Error value',
      'A cell of the intake list (附件2) shows an error value (入库清单!E4 shows #N/A, paper 1001’s 26s, bags, copies, spare and bags in the vault): those figures and their totals unknown; the other papers’ own figures are as written',
    ]);
    // 试卷明细 (the consolidated workbook's paper rows) as the pane's table; 站点汇总's unit row: 附件2's figures unknown.
    expect(paperRowsOf(outcome).map((r) => r.slice(6, 13))).toEqual([
      ['errorIntake', 0, 1, 'errorIntake', 'errorIntake', 57, 'errorIntake'],
      [0, 0, 0, 1, 31, 31, 0],
      [0, 2, 0, 2, 22, 20, 2],
    ]);
    const row = rowOf(SITE_COLUMNS, outcome);
    expect(row.slice(7, 10)).toEqual(['errorIntake', 'errorIntake', 108]);
    expect(row[21]).toBe(line);
  });

  it('分发登记1 D6 (1001’s copies to room 01): 1001’s 分发考场 and 分发份数 unknown, the other papers’ as read', async () => {
    const { s, findings } = await summaryWith({ 分发登记1: { D6: 'VLOOKUP(E6,考场!A:B,2,FALSE)' } });
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([['invalid-count', '分发登记1', 'D6']]);
    expect(s.unread).toEqual([{ form: 'distribution', sheet: '分发登记1', cell: 'D6', shows: '#N/A', paper: '1001', figures: ['rooms', 'copiesDistributed'] }]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '附件4 显示错误值', '附件4 显示错误值', 0, 3],
      AS_READ[1],
      AS_READ[2],
    ]);
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, 3, 3, 0, 0, '附件4 显示错误值', '附件4 显示错误值', 0, 6]);
    expect(zh.facts[0]).toEqual([
      '显示错误值',
      '附件4 分发登记表有格子显示错误值（工作表“分发登记1”D6 显示 #N/A，即试卷 1001 的分发考场和分发份数），这些数字及其合计无从计算；其他试卷各自的数字照填写计算',
    ]);
  });

  it('a 试卷号 showing #N/A besides (入库清单 B5): its row names no paper, every paper’s 附件2 figures unknown as before', async () => {
    const { s } = await summaryWith({ 入库清单: { E4: 'VLOOKUP(B4,分装!A:E,3,FALSE)', B5: 'VLOOKUP(C5,考试安排!B:C,1,FALSE)' } });
    expect(s.unread).toEqual([
      { form: 'intake', sheet: '入库清单', cell: 'E4', shows: '#N/A', paper: '1001', figures: ['bags26', 'totalBags', 'copies', 'spareCopies', 'bagsInVault'] },
      { form: 'intake', sheet: '入库清单', cell: 'B5', shows: '#N/A' },
    ]);
    expect(summaryTable(s, 'zh').rows.map((r) => r.slice(3, 11))).toEqual([
      [...Array(6).fill('附件2 显示错误值'), 57, '附件2 显示错误值'],
      [...Array(6).fill('附件2 显示错误值'), 31, '附件2 显示错误值'],
      [...Array(6).fill('附件2 显示错误值'), 20, '附件2 显示错误值'],
    ]);
  });
});
