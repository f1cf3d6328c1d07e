/**
 * Review 22 (left from fix-words21 §3, fix-unknown21): a figure left unknown because its form's cell SHOWS an error
 * value (#N/A, #REF!) was said “附件3 未能读取” in the figures' cells, the pane's fact label, the CLI's lines and 总览,
 * while the 说明 beside them said 有格子显示错误值; a row of several 试卷号 the same (说明 有一行写了几个试卷号). Each face
 * now says the cause the 说明 says: 附件3 显示错误值, 附件3 一行几个试卷号; a form truly not read keeps 未能读取. And a
 * 考点 whose name cell shows #N/A is named in 总览's unit list, its chart and the CLI's 注意 lines as 站点汇总's 单位 names
 * it, not by its 分校; 总览's and 站点汇总's counts are grouped by thousands (#,##0) as every other face shows them.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { validateSite } from '../../src/rules/engine';
import { summarizeSite } from '../../src/summary/site';
import { summaryTable } from '../../src/taskpane/summary-table';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { consolidateModels } from '../../src/summary/consolidate';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { bagsStillOutShown, levelFigureShown, levelsShown, noneLinesOf } from '../../src/summary/overview';
import type { SiteData } from '../../src/model/types';
import { type Column, numFmtOf } from '../../src/summary/columns';
import { DUTY_GAP_COLUMNS, OUTSTANDING_COLUMNS, PAPER_COLUMNS } from '../../src/summary/tables-site';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { lostBook } from './unread-books';
import { fixture } from '../helpers';

jest.setTimeout(120_000);

type Shown = Record<string, Record<string, string>>;

/** 岳麓考点's workbook (kaodian.json), edited, each cell of `shown` a formula showing that error value. */
async function bookWith(shown: Shown, edit?: (data: SiteData) => void): Promise<Buffer> {
  const data = fixture('kaodian.json');
  edit?.(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
  for (const [sheet, cells] of Object.entries(shown)) {
    for (const [cell, error] of Object.entries(cells)) {
      wb.getWorksheet(sheet)!.getCell(cell).value = { formula: 'VLOOKUP(1,X!A:B,2,FALSE)', result: { error } } as unknown as ExcelJS.CellFormulaValue;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const modelOf = async (book: Buffer) => readWorkbook(await gridFromXlsxBuffer(book));
async function summaryOf(book: Buffer, file = 'x.xlsx') {
  const model = await modelOf(book);
  return summarizeSite(model, validateSite(model), { file });
}

/** 出入库记录 B6 (a 试卷号) showing #N/A: its row names no paper, every paper's 附件3 figures unknown. */
const LOG_NA: Shown = { 出入库记录: { B6: '#N/A' } };

const E = '附件3 显示错误值';
const ROW_TAIL = (own: Array<string | number>) => [E, E, E, 0, ...own, E, E];

describe('a figure unknown for a cell showing an error value says so, not 未能读取', () => {
  it('the pane: 附件3 显示错误值 in every cell of 附件3’s figures and its facts, labelled 显示错误值', async () => {
    const s = await summaryOf(await bookWith(LOG_NA));
    expect(s.unread).toEqual([{ form: 'vaultLog', sheet: '出入库记录', cell: 'B6', shows: '#N/A' }]);
    expect(s.papers.map((p) => p.unread)).toEqual([
      [{ form: 'vaultLog', cause: 'error' }],
      [{ form: 'vaultLog', cause: 'error' }],
      [{ form: 'vaultLog', cause: 'error' }],
    ]);
    const zh = summaryTable(s, 'zh');
    // Was 附件3 未能读取 in each, the label 未能读取 beside a 说明 saying 有格子显示错误值.
    expect(zh.rows).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, ...ROW_TAIL(['01、02', 57])],
      ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, ...ROW_TAIL(['01', 31])],
      ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, ...ROW_TAIL(['01', 20])],
    ]);
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, ...ROW_TAIL(['4 个\n考场次', 108])]);
    expect(zh.facts).toEqual([
      ['显示错误值', '附件3 出入库记录有格子显示错误值（工作表“出入库记录”B6 显示 #N/A），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计'],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', E],
      ['值班覆盖', E],
      ['值班空档', E],
      ['未归还', E],
      ['错误', 1],
      ['警告', 0],
    ]);
    const en = summaryTable(s, 'en');
    const V = '附件3 error value';
    expect(en.rows[0]).toEqual(['1001', '高等数学基础', '2024-06-15 08:30', 1, 1, 0, 1, 3, 62, 57, 5, V, V, V, 0, '01, 02', 57, V, V]);
    expect(en.facts.slice(0, 7)).toEqual([
      [
        'Error value',
        'A cell of the vault log (附件3) shows an error value (出入库记录!B6 shows #N/A): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals',
      ],
      ['Handovers in', 1],
      ['Handovers out', 0],
      ['Custody period', V],
      ['Duty coverage', V],
      ['Duty gaps', V],
      ['Not returned', V],
    ]);
  });

  it('a form truly not read keeps 未能读取 beside one showing an error value: 总览’s and the CLI’s lines name each unit under its cause', async () => {
    // a.xlsx: 附件3 B6 #N/A and its 考点 (基本信息 B5) #N/A; b.xlsx: 河西考点, 附件3's header row lost.
    const a = await summaryOf(await bookWith({ ...LOG_NA, 基本信息: { B5: '#N/A' } }), 'a.xlsx');
    const b = await summaryOf(await lostBook('vaultLog', '河西考点'), 'b.xlsx');
    expect(summaryTable(b, 'zh').facts[0][0]).toBe('未能读取');
    expect(summaryTable(b, 'zh').rows[0][11]).toBe('附件3 未能读取');
    const t = emptyTotals(2);
    for (const s of [a, b]) addUnitStock(t, unitStockOf(s));
    // Was both under unreadLog, a.xlsx as “长沙分校”: 长沙分校、河西考点的附件3 出入库记录未能读取.
    expect([t.unreadLog, t.errorLog]).toEqual([['河西考点'], [{ name: '长沙分校', unnamed: { sheet: '基本信息', cell: 'B5', shows: '#N/A' } }]]);
    expect(noneLinesOf(t, 'zh')).toEqual([
      '注意：河西考点的附件3 出入库记录未能读取（见检查结果），未还袋数未计入合计。',
      '注意：考点名称未能读取（工作表“基本信息”B5 显示 #N/A）的附件3 出入库记录有格子显示错误值（见检查结果），未还袋数未计入合计。',
    ]);
    expect(noneLinesOf(t, 'en')).toEqual([
      'Note: the vault log (附件3) of 河西考点 could not be read (see the findings): its bags still out are not in the totals.',
      'Note: the vault log (附件3) of 考点 not known (基本信息!B5 shows #N/A) has a cell showing an error value (see the findings): its bags still out are not in the totals.',
    ]);
    // Was 附件3 未能读取 of both.
    expect(bagsStillOutShown(t, 'zh')).toBe('附件3 未能读取；附件3 显示错误值');
    expect(levelsShown(t).map((l) => [levelFigureShown(l, 'bagsStillOut', 'zh'), levelFigureShown(l, 'bagsStillOut', 'en')])).toEqual([
      ['附件3 未能读取；附件3 显示错误值', '附件3 not read; 附件3 error value'],
    ]);
    // The error value alone: its words alone.
    const only = emptyTotals(1);
    addUnitStock(only, unitStockOf(a));
    expect([bagsStillOutShown(only, 'zh'), bagsStillOutShown(only, 'en')]).toEqual(['附件3 显示错误值', '附件3 error value']);
  });

  it('the summary workbook: 总览’s unit list and chart name the 考点 as 站点汇总 does; counts grouped, 0 and words as they are', async () => {
    const books = [
      { file: 'a.xlsx', model: await modelOf(await bookWith({ ...LOG_NA, 基本信息: { B5: '#N/A' } }, (d) => void (d.schedule![0].candidates = 6001))) },
      { file: 'b.xlsx', model: await modelOf(await lostBook('vaultLog', '河西考点')) },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels(books), { lang: 'zh' })) as unknown as ArrayBuffer);
    // Each cell from A to column `to`, an empty one null.
    const values = (ws: ExcelJS.Worksheet, r: number, to: number) => Array.from({ length: to }, (_v, i) => ws.getRow(r).getCell(i + 1).value ?? null);
    const formats = (ws: ExcelJS.Worksheet, r: number, to: number) => Array.from({ length: to }, (_v, i) => ws.getRow(r).getCell(i + 1).numFmt ?? null);
    const ov = wb.getWorksheet('总览')!;
    const unnamed = '考点名称未能读取（工作表“基本信息”B5 显示 #N/A）';
    // The figures: counts #,##0 (6,160 candidates of the level; 0 as 0), the words of 未还 as written.
    expect([values(ov, 4, 10), formats(ov, 4, 10)]).toEqual([
      ['工作簿', 2, ...Array(8).fill(null)],
      [null, '#,##0', ...Array(8).fill(null)],
    ]);
    // The table by unit level under the figures (was beside them, E4:J4): 试卷袋 in C–D, merged.
    expect([values(ov, 20, 8), formats(ov, 20, 8)]).toEqual([
      ['考点', 2, 12, 12, 230, 6160, '附件3 未能读取；附件3 显示错误值', null],
      [null, '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', null],
    ]);
    expect([values(ov, 5, 2), formats(ov, 5, 2)]).toEqual([
      ['无法读取', 0],
      [null, '#,##0'],
    ]);
    expect([values(ov, 12, 2), formats(ov, 12, 2)]).toEqual([
      ['未还保密室（袋）', '附件3 未能读取；附件3 显示错误值'],
      [null, '#,##0'],
    ]);
    // The units in no total, under their cause; the 考点 as 站点汇总's 单位 (was 长沙分校 under 未能读取 with 河西考点).
    expect([22, 23, 25, 26].map((r) => values(ov, r, 2))).toEqual([
      [
        '注意：以下 1 个单位的附件3 出入库记录未能读取（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
        '注意：以下 1 个单位的附件3 出入库记录未能读取（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
      ],
      ['河西考点', '附件3 未能读取'],
      [
        '注意：以下 1 个单位的附件3 出入库记录有格子显示错误值（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
        '注意：以下 1 个单位的附件3 出入库记录有格子显示错误值（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
      ],
      [unnamed, '附件3 显示错误值'],
    ]);
    // The charts' tables (units by findings, by candidates): the 考点 as 站点汇总 names it (was 长沙分校), 6,052 grouped.
    expect([44, 45, 59, 60].map((r) => [...values(ov, r, 3), ...formats(ov, r, 3).slice(1)])).toEqual([
      [unnamed, 3, 0, '#,##0', '#,##0'],
      ['河西考点', 2, 0, '#,##0', '#,##0'],
      [unnamed, 6052, 115, '#,##0', '#,##0'],
      ['河西考点', 108, 115, '#,##0', '#,##0'],
    ]);
    const sites = wb.getWorksheet('站点汇总')!;
    const E2 = '附件3\n显示错误值';
    const count = '#,##0';
    const duration = '[h]"小时"mm"分"';
    expect([values(sites, 4, 21), formats(sites, 4, 21)]).toEqual([
      // Each word on two lines, between its pieces (review 22b D5).
      ['长沙分校', unnamed, '考点', '需改正', 3, 0, 3, 6, 115, 6052, E2, E2, E2, E2, 4, 1, 0, E2, E2, E2, E2],
      [null, null, null, null, ...Array(13).fill(count), duration, duration, '0.0%', count],
    ]);
    expect(values(sites, 3, 14)).toEqual(['长沙分校', '河西考点', '考点', '需改正', 2, 0, 3, 6, 115, 108, ...Array(4).fill('附件3\n未能读取')]);
    // 试卷明细: the 考点 as 站点汇总 names it; 试卷号 not a count (no 1,001), the counts grouped.
    const papers = wb.getWorksheet('试卷明细')!;
    expect([values(papers, 2, 13), formats(papers, 2, 13)]).toEqual([
      ['a.xlsx', unnamed, '1001', '高等数学基础', new Date('2024-06-15T08:30:00.000Z'), 1, 1, 0, 1, 3, 62, 6001, -5939],
      [null, null, null, null, 'yyyy"年"m"月"d"日" hh:mm', ...Array(8).fill(count)],
    ]);
  });

  it('a 序号 is no count: its column is not grouped; the counts are', () => {
    const fmt = (columns: ReadonlyArray<Column<never>>, key: string) =>
      numFmtOf(
        columns.find((c) => c.key === key)!,
        'zh',
      ) ?? null;
    expect([fmt(OUTSTANDING_COLUMNS, 'row'), fmt(OUTSTANDING_COLUMNS, 'paperNo'), fmt(DUTY_GAP_COLUMNS, 'n'), fmt(PAPER_COLUMNS, 'paperNo')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([fmt(OUTSTANDING_COLUMNS, 'quantity'), fmt(SITE_COLUMNS, 'errors'), fmt(SITE_COLUMNS, 'warnings'), fmt(PAPER_COLUMNS, 'candidates')]).toEqual(
      Array(4).fill('#,##0'),
    );
  });
});

describe('a row of several 试卷号 says so in its cells, as its 说明 does', () => {
  it('出入库记录 B5 “2045、3310”: 附件3 一行几个试卷号, labelled 一行几个试卷号', async () => {
    const s = await summaryOf(await bookWith({}, (d) => void (d.vaultLog![1].paperNo = '2045、3310')));
    expect(s.unread).toEqual([{ form: 'vaultLog', sheet: '出入库记录', cell: 'B5', several: '2045、3310' }]);
    const zh = summaryTable(s, 'zh');
    expect(zh.rows.map((r) => r.slice(11, 14))).toEqual(Array(3).fill(Array(3).fill('附件3 一行几个试卷号')));
    expect(zh.facts[0][0]).toBe('一行几个试卷号');
    expect(zh.facts[3]).toEqual(['保管期', '附件3 一行几个试卷号']);
    const en = summaryTable(s, 'en');
    expect(en.rows[0].slice(11, 14)).toEqual(Array(3).fill('附件3 row of several papers'));
    expect(en.facts[0][0]).toBe('Row of several papers');
  });
});
