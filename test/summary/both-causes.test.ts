/**
 * fix-words24 item 1: a form of a unit both not read (a sheet of 附件3 whose header row is lost: 未能读取) and showing an
 * error value in a cell its figures need (出入库记录 B6 #N/A: 显示错误值) was said 附件3 未能读取 alone in the figures'
 * cells, 总览's and the CLI's lines on the units in no total and the levels' cells, while the 说明 beside them said
 * both (unreadCause gave one cause). Every face now says both: 附件3 未能读取、显示错误值; the figures as they were. A
 * cell showing an error value with a row of several 试卷号 (said 显示错误值 alone) the same: 附件3 显示错误值、一行几个试卷号.
 */
import * as fs from 'fs';
import * as path from 'path';
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
import { NONE_WORDS, statusReasons } from '../../src/summary/none-figures';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';
import { run } from './cli-report';

jest.setTimeout(120_000);

/**
 * 岳麓考点's workbook (kaodian.json): 出入库记录 B6 (a 试卷号) showing #N/A, and a second sheet of 附件3 (出入库记录2: its
 * title and two rows, no header row, as a header row lost) that cannot be read.
 */
async function bothBook(edit?: (d: SiteData) => void, lose = true): Promise<Buffer> {
  const data = fixture('kaodian.json') as SiteData;
  edit?.(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(data)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('出入库记录')!;
  ws.getCell('B6').value = { formula: 'VLOOKUP(1,X!A:B,2,FALSE)', result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue;
  if (lose) {
    const lost = wb.addWorksheet('出入库记录2');
    for (const r of [1, 2, 4, 5]) lost.getRow(r).values = ws.getRow(r).values as ExcelJS.CellValue[];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const modelOf = async (book?: Buffer) => readWorkbook(await gridFromXlsxBuffer(book ?? (await bothBook())));
async function summaryOf(book?: Buffer) {
  const model = await modelOf(book);
  return summarizeSite(model, validateSite(model), { file: 'a.xlsx' });
}

const ZH = '附件3 未能读取、显示错误值';
const EN = '附件3 not read, error value';
// The 说明's two lines, as before: each cause its own.
const NOTE_ZH = [
  '附件3 出入库记录未能读取（见工作表“出入库记录2”A2 处的问题），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计',
  '附件3 出入库记录有格子显示错误值（工作表“出入库记录”B6 显示 #N/A），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计',
];

describe('a form both not read and showing an error value says both, on every face', () => {
  it('the pane: 附件3 未能读取、显示错误值 in each of 附件3’s figures and facts; the figures, the labels as they were', async () => {
    const s = await summaryOf();
    expect(s.unread).toEqual([
      { form: 'vaultLog', sheet: '出入库记录2', cell: 'A2' },
      { form: 'vaultLog', sheet: '出入库记录', cell: 'B6', shows: '#N/A' },
    ]);
    expect(s.papers.map((p) => p.unread)).toEqual(Array(3).fill([{ form: 'vaultLog', cause: 'unreadError' }]));
    const zh = summaryTable(s, 'zh');
    // Was 附件3 未能读取 in each.
    const tail = (own: Array<string | number>) => [ZH, ZH, ZH, 0, ...own, ZH, ZH];
    expect(zh.rows).toEqual([
      ['1001', '高等数学基础', '2024年6月15日 08:30', 1, 1, 0, 1, 3, 62, 57, 5, ...tail(['01、02', 57])],
      ['2045', '管理学基础', '2024年6月15日 10:30', 1, 0, 0, 0, 1, 31, 31, 0, ...tail(['01', 31])],
      ['3310', '中国现代文学', '2024年6月16日 08:30', 0, 0, 2, 0, 2, 22, 20, 2, ...tail(['01', 20])],
    ]);
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', 2, 1, 2, 1, 6, 115, 108, 7, ...tail(['4 个\n考场次', 108])]);
    expect(zh.facts).toEqual([
      ['未能读取', NOTE_ZH[0]],
      ['显示错误值', NOTE_ZH[1]],
      ['接收交接单', 1],
      ['移交交接单', 0],
      ['保管期', ZH],
      ['值班覆盖', ZH],
      ['值班空档', ZH],
      ['未归还', ZH],
      ['错误', 2],
      ['警告', 0],
    ]);
    const en = summaryTable(s, 'en');
    expect(en.rows[0]).toEqual(['1001', '高等数学基础', '2024-06-15 08:30', 1, 1, 0, 1, 3, 62, 57, 5, EN, EN, EN, 0, '01, 02', 57, EN, EN]);
    expect(en.facts.slice(0, 8)).toEqual([
      [
        'Not read',
        'The vault log (附件3) could not be read (see the finding at 出入库记录2!A2): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals',
      ],
      [
        'Error value',
        'A cell of the vault log (附件3) shows an error value (出入库记录!B6 shows #N/A): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals',
      ],
      ['Handovers in', 1],
      ['Handovers out', 0],
      ['Custody period', EN],
      ['Duty coverage', EN],
      ['Duty gaps', EN],
      ['Not returned', EN],
    ]);
  });

  it('the totals name the unit under both causes; 总览’s figure, the level’s cell and the CLI’s line say both', async () => {
    const s = await summaryOf();
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    // Was under unreadLog alone: 岳麓考点的附件3 出入库记录未能读取.
    expect([t.unreadLog, t.errorLog, t.unreadErrorLog]).toEqual([undefined, undefined, ['岳麓考点']]);
    expect(noneLinesOf(t, 'zh')).toEqual(['注意：岳麓考点的附件3 出入库记录未能读取，且有格子显示错误值（见检查结果），未还袋数未计入合计。']);
    expect(noneLinesOf(t, 'en')).toEqual([
      'Note: the vault log (附件3) of 岳麓考点 could not be read and has a cell showing an error value (see the findings): its bags still out are not in the totals.',
    ]);
    expect([bagsStillOutShown(t, 'zh'), bagsStillOutShown(t, 'en')]).toEqual([ZH, EN]);
    expect(levelsShown(t).map((l) => [levelFigureShown(l, 'bagsStillOut', 'zh'), levelFigureShown(l, 'bagsStillOut', 'en')])).toEqual([[ZH, EN]]);
    // The stock as before: 3 papers, the level's bags, copies and candidates counted, its bags out in no figure.
    // The unit's status line (each site's 汇总 sheet): its duty cover and bags out unknown for both.
    expect(statusReasons(s).map((r) => [NONE_WORDS[r!].zh, NONE_WORDS[r!].en])).toEqual([
      [ZH, EN],
      [ZH, EN],
    ]);
    expect([t.papers, t.bagsStillOut, t.levels[2].units, t.levels[2].bags, t.levels[2].copies, t.levels[2].candidates]).toEqual([3, 0, 1, 6, 115, 108]);
  });

  it('a cell showing an error value and a row of several 试卷号 on one form: both too (was 显示错误值 alone)', async () => {
    const s = await summaryOf(await bothBook((d) => void (d.vaultLog![1].paperNo = '2045、3310'), false));
    expect(s.unread).toEqual([
      { form: 'vaultLog', sheet: '出入库记录', cell: 'B5', several: '2045、3310' },
      { form: 'vaultLog', sheet: '出入库记录', cell: 'B6', shows: '#N/A' },
    ]);
    expect(summaryTable(s, 'zh').rows.map((r) => r.slice(11, 14))).toEqual(Array(3).fill(Array(3).fill('附件3 显示错误值、一行几个试卷号')));
    expect(summaryTable(s, 'en').rows[0].slice(11, 14)).toEqual(Array(3).fill('附件3 error value, row of several papers'));
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.errorLog, t.severalLog, t.errorSeveralLog]).toEqual([undefined, undefined, ['岳麓考点']]);
    expect(noneLinesOf(t, 'zh')).toEqual(['注意：岳麓考点的附件3 出入库记录有格子显示错误值，且有一行写了几个试卷号（见检查结果），未还袋数未计入合计。']);
    expect(noneLinesOf(t, 'en')).toEqual([
      'Note: the vault log (附件3) of 岳麓考点 has a cell showing an error value and has a row writing several paper numbers (see the findings): its bags still out are not in the totals.',
    ]);
  });
});

/** Each cell from A to column `to` of row `r`, an empty one null. */
const values = (ws: ExcelJS.Worksheet, r: number, to: number) => Array.from({ length: to }, (_v, i) => ws.getRow(r).getCell(i + 1).value ?? null);
const load = async (bytes: Buffer | Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
};

describe('the summary workbook and the CLI say both', () => {
  it('站点汇总’s figures, 总览’s figure, level and list (zh, en), in-process and from the CLI; the CLI’s lines', async () => {
    const dir = scratchDir('custody-both-causes-');
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'a.xlsx'), await bothBook());
    const inProcess = await load(await consolidatedXlsx(consolidateModels([{ file: 'a.xlsx', model: await modelOf() }]), { lang: 'zh' }));
    const zh = await run('summary', path.join(dir, 'in'), '-o', path.join(dir, 'zh.xlsx'));
    const en = await run('summary', path.join(dir, 'in'), '-o', path.join(dir, 'en.xlsx'), '--lang', 'en');
    const faces = [
      { wb: inProcess, lang: 'zh' as const },
      { wb: await load(fs.readFileSync(path.join(dir, 'zh.xlsx'))), lang: 'zh' as const },
      { wb: await load(fs.readFileSync(path.join(dir, 'en.xlsx'))), lang: 'en' as const },
    ];
    for (const { wb, lang } of faces) {
      const [said, cell] = lang === 'zh' ? [ZH, '附件3\n未能读取、显示错误值'] : [EN, '附件3\nnot read, error value'];
      const [sitesName, overview] = lang === 'zh' ? ['站点汇总', '总览'] : ['Sites', 'Overview'];
      // Was 附件3\n未能读取 in each of 附件3's figures (出库 … 未还; 保管时长 … 缺口); the figures as they were.
      expect(values(wb.getWorksheet(sitesName)!, 3, 23)).toEqual([
        '长沙分校',
        '岳麓考点',
        lang === 'zh' ? '考点' : 'Exam site\n(考点)',
        lang === 'zh' ? '需改正' : 'To be corrected',
        2,
        0,
        3,
        6,
        115,
        108,
        ...Array(4).fill(cell),
        4,
        1,
        0,
        ...Array(4).fill(cell),
        lang === 'zh' ? '见表下注 1' : 'See note 1 under the table',
        'a.xlsx',
      ]);
      const ov = wb.getWorksheet(overview)!;
      expect(values(ov, 12, 2)).toEqual([lang === 'zh' ? '未还保密室（袋）' : 'Bags not back in the vault', cell]);
      expect(values(ov, 20, 8)).toEqual([lang === 'zh' ? '考点' : 'Exam site (考点)', 1, 6, 6, 115, 108, cell, null]);
      // The unit in no total, under both causes (was 以下 1 个单位的附件3 出入库记录未能读取 …, 岳麓考点 | 附件3 未能读取).
      const head =
        lang === 'zh'
          ? '注意：以下 1 个单位的附件3 出入库记录未能读取，且有格子显示错误值（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：'
          : 'Note: the vault log (附件3) of the units below could not be read and has a cell showing an error value (see each unit’s note on the Sites sheet): their bags still out are unknown, and in no total:';
      expect([values(ov, 22, 3), values(ov, 23, 4)]).toEqual([
        [head, head, head],
        ['岳麓考点', said, said, null],
      ]);
    }
    expect(zh.io.stdout.split('\n').slice(1, 3)).toEqual([
      '注意：岳麓考点的附件3 出入库记录未能读取，且有格子显示错误值（见检查结果），未还袋数未计入合计。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：考点 1 个，6 袋、115 份（报考 108 人）。未还保密室袋数未知（附件3 未能读取、显示错误值）。',
    ]);
    expect(en.io.stdout.split('\n').slice(1, 3)).toEqual([
      'Note: the vault log (附件3) of 岳麓考点 could not be read and has a cell showing an error value (see the findings): its bags still out are not in the totals.',
      'Papers by unit level (the same papers passed down the chain, not added up): Exam site (考点): 1 unit, 6 bags, 115 copies (108 candidates). Bags not back in the vault unknown (附件3 not read, error value).',
    ]);
  });
});
