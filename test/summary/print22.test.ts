/**
 * Review 22b, the summary as printed, of 岳麓考点 (kaodian.json) with 考试安排 F3 (1001's 报考人数) and 出入库记录 D5 (2045's
 * 数量) lookups showing #N/A (the review's q3):
 * - D3: a total unknown only where a figure it adds is — 合计's 首场开考 “3 场” and 出库 / 归还 3 stayed “未能读取” under
 *   three shown sessions and 1, 1, 1 — and the lines name only what is unknown (were “考生数、首场开考和余量无从计算”,
 *   “出库、归还、未还、保管时长和值班覆盖无从计算”); a 数量 leaves custody and duty cover known (they are the log's times).
 * - D8: a 考点 sends nothing on: its 数量 leaves 2045's 未还 and 在库 unknown, its 移交送出 0 as the column shows.
 * - D5: “附件3 未能读取” / “考试安排 not read” on two lines, 附件3 / 未能读取, in a column as wide as the longer piece (were
 *   broken inside a word: 附件3 未能读 / 取, 考试安 / 排 not / read).
 * - D1: 站点汇总's 说明 too long for its row under the table whole, its cell pointing there (was a 409-pt row, cut off).
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { noteParts } from '../../src/io/xlsx/summary/style';
import { validateSite } from '../../src/rules/engine';
import { linesOf, rowHeightFor, rowOf, wordLines, wordsWidth } from '../../src/summary/columns';
import { consolidateModels } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { summaryTable } from '../../src/taskpane/summary-table';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

/** 岳麓考点's workbook with F3 and D5 lookups showing #N/A, read, checked: its model, summary and outcome. */
async function q3() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  const na = (formula: string) => ({ formula, result: { error: '#N/A' } }) as unknown as ExcelJS.CellFormulaValue;
  wb.getWorksheet('考试安排')!.getCell('F3').value = na('VLOOKUP(B3,报名!A:C,3,FALSE)');
  wb.getWorksheet('出入库记录')!.getCell('D5').value = na('VLOOKUP(B5,分装!A:C,3,FALSE)');
  const model = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
  const findings = validateSite(model);
  const s = summarizeSite(model, findings, { file: 'x.xlsx' });
  return { model, s, outcome: { file: 'x.xlsx', findings: [...findings], summary: s, sha256: null } };
}

const S = '考试安排 显示错误值';
const L = '附件3 显示错误值';
const SCHEDULE_LINE =
  '考试安排有格子显示错误值（工作表“考试安排”F3 显示 #N/A，即试卷 1001 的考生数和余量），这些数字及其合计无从计算；其他试卷各自的数字照填写计算';
const LOG_LINE =
  '附件3 出入库记录有格子显示错误值（工作表“出入库记录”D5 显示 #N/A，即试卷 2045 的未还袋数和在库袋数），这些数字及其合计无从计算；其他试卷各自的数字照填写计算';

describe('review 22b D3, D8: totals and lines say unknown only what is', () => {
  it('the pane’s 汇总: rows, 合计, the lines and the unit’s own figures (zh)', async () => {
    const { s } = await q3();
    // D8: 2045's 数量 on a 考点's log: its 未还 and 在库, not its 移交送出.
    expect(s.unread).toEqual([
      { form: 'schedule', sheet: '考试安排', cell: 'F3', shows: '#N/A', paper: '1001', figures: ['candidates', 'spareCopies'] },
      { form: 'vaultLog', sheet: '出入库记录', cell: 'D5', shows: '#N/A', paper: '2045', figures: ['bagsStillOut', 'bagsInVault'] },
    ]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, S, S, 1, 1, 0, 0, '01、02', 57, 0, 3],
      ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, 1, 1, 0, 0, '01', 31, L, L],
      ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, 1, 1, 0, 0, '01', 20, 0, 2],
    ]);
    // Was 首场开考 S, 出库 L, 归还 L, 移交送出 L.
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, S, S, 3, 3, 0, 0, '4 个\n考场次', 108, L, L]);
    // Was 保管期, 值班覆盖, 值班空档 and 未归还 “附件3 未能读取”: a 数量 is none of the times they are made from.
    expect(zh.facts).toEqual([
      ['显示错误值', SCHEDULE_LINE],
      ['显示错误值', LOG_LINE],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', '2024年6月14日 10:10 至 2024年6月16日 07:50（45小时40分）'],
      ['值班覆盖', '100%（45小时40分）'],
      ['值班空档', '无'],
      ['未归还', '无'],
      ['错误', 2],
      ['警告', 0],
    ]);
  });

  it('the pane’s 汇总 in English: the Total row and the lines', async () => {
    const { s } = await q3();
    const en = summaryTable(s, 'en');
    const [SE, LE] = ['考试安排 error value', '附件3 error value'];
    expect(en.totals).toEqual(['Total', '3 papers', '3 sessions', 2, 1, 2, 1, 6, 115, SE, SE, 3, 3, 0, 0, '4 room sessions', 108, LE, LE]);
    expect(en.facts.slice(0, 2)).toEqual([
      [
        'Error value',
        'A cell of the exam schedule (考试安排) shows an error value (考试安排!F3 shows #N/A, paper 1001’s candidates and spare): those figures and their totals unknown; the other papers’ own figures are as written',
      ],
      [
        'Error value',
        'A cell of the vault log (附件3) shows an error value (出入库记录!D5 shows #N/A, paper 2045’s bags out and bags in the vault): those figures and their totals unknown; the other papers’ own figures are as written',
      ],
    ]);
  });

  it('站点汇总’s row: 考生数 and 未还 unknown, 出库 3, 归还 3, 移交送出 0, custody and cover known', async () => {
    const { outcome } = await q3();
    const row = rowOf(SITE_COLUMNS, outcome);
    const at = (key: string) => row[SITE_COLUMNS.findIndex((c) => c.key === key)];
    expect(
      ['bags', 'copies', 'candidates', 'checkouts', 'returns', 'bagsStillOut', 'bagsDispatched', 'custodyHours', 'coveredHours', 'coverage', 'gaps'].map(at),
    ).toEqual([6, 115, 'errorSchedule', 3, 3, 'errorLog', 0, 45.67, 45.67, 1, 0]);
    expect(at('note')).toBe(`${SCHEDULE_LINE}；${LOG_LINE}`);
  });
});

describe('review 22b D5, D1: the printed workbook', () => {
  const load = async (lang: 'zh' | 'en') => {
    const { model } = await q3();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels([{ file: 'x.xlsx', model }]), { lang })) as unknown as ArrayBuffer);
    return wb;
  };

  it('a word on two lines, between its pieces, in a column as wide as the longer piece', () => {
    const U = '附件3 未能读取';
    expect([wordLines(U, 6), wordLines('考试安排 not read', 7), wordLines(U, 16), wordLines('至少 108', 10)]).toEqual([
      '附件3\n未能读取',
      '考试安排\nnot read',
      U,
      '至少 108',
    ]);
    // 未能读取, 考试安排, not read: 8 units each, and the cell's padding.
    expect([wordsWidth([U]), wordsWidth(['考试安排 not read']), wordsWidth([L]), wordsWidth([])]).toEqual([10, 10, 12, 0]);
  });

  it('汇总-岳麓考点: the 合计 row, the words on two lines, their columns 10 wide, the lines under table 一', async () => {
    const ws = (await load('zh')).getWorksheet('汇总-岳麓考点')!;
    const [S2, L2] = ['考试安排\n显示错误值', '附件3\n显示错误值'];
    expect(ws.getRow(9).values).toEqual([undefined, '合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, S2, S2, 3, 3, 0, 0, '4 个\n考场次', 108, L2, L2]);
    expect((ws.getRow(6).values as unknown[]).slice(10, 12)).toEqual([S2, S2]);
    expect((ws.getRow(7).values as unknown[]).slice(18, 20)).toEqual([L2, L2]);
    // J K (考生数, 余量) and R S (未还, 在库) 12 wide, for 显示错误值 (were 7, 6, 6, 6); the others as they were.
    expect(ws.columns.map((c) => c.width)).toEqual([8, 26, 21, 12, 12, 8, 8, 8, 6, 12, 12, 6, 6, 6, 6, 8, 6, 12, 12]);
    expect([9, 6, 7].map((r) => ws.getRow(r).height)).toEqual([rowHeightFor(2), rowHeightFor(2), rowHeightFor(2)]);
    expect([ws.getCell('A10').value, ws.getCell('A11').value]).toEqual([`${SCHEDULE_LINE}。`, `${LOG_LINE}。`]);
    // 三 holds the duty table (was the 附件3 line in its place): its custody known.
    expect(ws.getCell('A18').value).toBe('值班\n班次');
  });

  it('总览: 未还保密室 and the level table’s words on two lines', async () => {
    const ov = (await load('zh')).getWorksheet('总览')!;
    // 考点's 考生数 and 未还 in the level table, 未还保密室 in the figures (were 考试安排 未能读 / 取, 附件3 未能读 / 取). 考生数:
    // at least 2045's and 3310's, F3 leaving 1001's alone unknown (review 22a d2; was 考试安排 显示错误值, the unit's all).
    // The level table under the figures since fix-print23 (F20, G20 since 需改正's line: was I4, J4 beside them).
    expect(['F20', 'G20', 'B12'].map((a) => ov.getCell(a).value)).toEqual(['至少 51', '附件3\n显示错误值', '附件3\n显示错误值']);
    // 显示错误值 (since fix-summary22) whole in 12 (fix-print23: were 11, 11, 10 and a third line); 至少 51 in F's 11.
    expect(['F', 'G', 'B'].map((c) => ov.getColumn(c).width)).toEqual([11, 12, 12]);
    expect([ov.getRow(20).height, ov.getRow(12).height]).toEqual([rowHeightFor(2), rowHeightFor(2)]);
  });

  it('站点汇总: the 说明 under the table whole, its cell pointing there, the row no longer 409 pt (zh)', async () => {
    const ws = (await load('zh')).getWorksheet('站点汇总')!;
    const note = `${SCHEDULE_LINE}；${LOG_LINE}`;
    expect(['J3', 'K3', 'L3', 'M3', 'N3', 'V3'].map((a) => ws.getCell(a).value)).toEqual(['考试安排\n显示错误值', 3, 3, '附件3\n显示错误值', 0, '见表下注 1']);
    expect([ws.getColumn('J').width, ws.getColumn('M').width]).toEqual([12, 12]);
    expect(ws.getRow(3).height).toBe(rowHeightFor(3));
    const width = ws.columns.reduce((a, c) => a + (c.width ?? 0), 0);
    expect([ws.getCell('A5').value, ws.getRow(5).height, ws.getCell('A5').alignment?.wrapText]).toEqual([
      `注 1（岳麓考点，x.xlsx）：${note}`,
      rowHeightFor(linesOf(`注 1（岳麓考点，x.xlsx）：${note}`, width)),
      true,
    ]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A5:W5', 'A7:W7']));
    expect(ws.getCell('A7').value).toEqual(expect.stringContaining('制表人'));
  });

  it('a note longer than Excel’s highest row (409 pt) in rows of its own, none cut off, the whole said once', () => {
    // 1,000 cells named (工作表“出入库记录”D5 显示 #N/A…): some 20,000 characters, across a page of 180 width units.
    const note = Array.from({ length: 1000 }, (_x, i) => `工作表“出入库记录”D${i + 5} 显示 #N/A`).join('；');
    const parts = noteParts(note, 180);
    expect(parts.join('')).toBe(note);
    expect(parts.map((p) => rowHeightFor(linesOf(p, 180)) < 409)).toEqual(parts.map(() => true));
    // Each row but the last full (27 lines of 15 pt: 408 pt), in as few rows as that takes.
    expect(parts.slice(0, -1).map((p) => linesOf(p, 180))).toEqual(parts.slice(1).map(() => 27));
    expect(parts.length).toBe(Math.ceil(linesOf(note, 180) / 27));
    expect(noteParts('短', 180)).toEqual(['短']);
  });

  it('Sites in English: Candidates and Bags out on two lines, the note under the table', async () => {
    const ws = (await load('en')).getWorksheet('Sites')!;
    expect(['J3', 'M3', 'V3'].map((a) => ws.getCell(a).value)).toEqual(['考试安排\nerror value', '附件3\nerror value', 'See note 1 under the table']);
    expect([ws.getColumn('J').width, ws.getColumn('M').width]).toEqual([14, 14]);
    expect(ws.getCell('A5').value).toEqual(expect.stringMatching(/^Note 1 \(岳麓考点, x\.xlsx\): A cell of the exam schedule/));
  });
});
