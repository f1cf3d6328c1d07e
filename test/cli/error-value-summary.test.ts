/**
 * Review 20a D1 on every face `custody summary` writes, on worker threads (the built CLI, as a folder is read: the
 * compact results carry the cells and the values they show): 岳麓考点's 出入库记录 D5 #REF! (数量), B6 #N/A (试卷号),
 * and a 考点 whose 基本信息 考点 (B5) and 2045's 报考人数 (考试安排 F4) show #N/A. They gave a paper “#N/A” in 试卷明细,
 * 3310's checkout lost, custody 23小时35分 over 45小时40分, a unit “#N/A”, 考生数 77 and 余量 38 for 108 and 7.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';
import { rowOf } from '../summary/summary-cells';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
let dir: string;

/** 岳麓考点's workbook with each cell of `shown` (sheet → cell → error value) a lookup showing it. */
async function shownBook(shown: Record<string, Record<string, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook(fixture('kaodian.json'))) as unknown as ArrayBuffer);
  for (const [sheet, cells] of Object.entries(shown)) {
    for (const [cell, error] of Object.entries(cells)) {
      wb.getWorksheet(sheet)!.getCell(cell).value = { formula: 'VLOOKUP(1,X!A:B,2,FALSE)', result: { error } } as unknown as ExcelJS.CellFormulaValue;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  dir = scratchDir('custody-error-summary-');
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'c8.xlsx'), await shownBook({ 出入库记录: { D5: '#REF!', B6: '#N/A' } }));
  fs.writeFileSync(path.join(dir, 'in', 'n6.xlsx'), await shownBook({ 基本信息: { B5: '#N/A' }, 考试安排: { F4: '#N/A' } }));
});

/** The built CLI on two worker threads over the folder. */
function threaded(...args: string[]) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'batch', 'worker.js'))) throw new Error('build the CLI first: npm run build:cli');
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'custody.js'), 'summary', path.join(dir, 'in'), '--threads', '2', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

// A 考点 sends nothing on: its 数量 leaves no 移交送出 unknown (review 22b D8).
const LOG =
  '附件3 出入库记录有格子显示错误值（工作表“出入库记录”D5 显示 #REF!，即试卷 2045 的未还袋数和在库袋数；工作表“出入库记录”B6 显示 #N/A），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计';
// Those figures and their totals alone (review 22b D3).
const SCHEDULE = '考试安排有格子显示错误值（工作表“考试安排”F4 显示 #N/A，即试卷 2045 的考生数和余量），这些数字及其合计无从计算；其他试卷各自的数字照填写计算';
const hours = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30) + (h * 60 + m) * 60_000);

describe('custody summary of units with cells showing an error value (worker threads)', () => {
  it('JSON: no paper nor unit “#N/A”; each cell and the value it shows in the unit’s unread', () => {
    const r = threaded('--format', 'json');
    expect(r.status).toBe(1);
    const sites = (JSON.parse(r.stdout) as { sites: Array<Record<string, any>> }).sites;
    expect(sites.map((s) => [s.site.name, s.site.examSite, s.papers.map((p: { paperNo: string }) => p.paperNo), s.unread])).toEqual([
      [
        '岳麓考点',
        '岳麓考点',
        ['1001', '2045', '3310'],
        [
          { form: 'vaultLog', sheet: '出入库记录', cell: 'D5', shows: '#REF!', paper: '2045', figures: ['bagsStillOut', 'bagsInVault'] },
          { form: 'vaultLog', sheet: '出入库记录', cell: 'B6', shows: '#N/A' },
        ],
      ],
      [
        '长沙分校',
        '',
        ['1001', '2045', '3310'],
        [{ form: 'schedule', sheet: '考试安排', cell: 'F4', shows: '#N/A', paper: '2045', figures: ['candidates', 'spareCopies'] }],
      ],
    ]);
  });

  it('zh: the CLI’s lines, 站点汇总 and 试卷明细 say the figures unknown, the 说明 at the cells', async () => {
    const out = path.join(dir, 'zh.xlsx');
    const r = threaded('-o', out);
    expect(r.status).toBe(1);
    // 报考至少 185 人: 岳麓考点's 108 and the other 考点's papers but 2045, whose 报考人数 shows #N/A, said so (review 21 D3
    // showed a bare 185 of the two; review 22a d2: “至少 108”, the other's 77 known candidates dropped); 岳麓考点's bags out
    // unknown, its 附件3 not read (was 未还保密室 0 袋).
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '已汇总 2 个工作簿：可以提交 0 个，需改正 2 个；错误 4 处，警告 0 处。',
      // Each under the cause its cells say (was 附件3 出入库记录未能读取, 考试安排未能读取); the 考点 naming no 考点 as 站点汇总
      // names it (was 长沙分校, its 分校's name).
      '注意：岳麓考点的附件3 出入库记录有格子显示错误值（见检查结果），未还袋数未计入合计。',
      '注意：考点名称未能读取（工作表“基本信息”B5 显示 #N/A）的考试安排有格子显示错误值（见检查结果），无从计算的报考人数未计入按单位级别的合计。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：考点 2 个，12 袋、230 份（报考至少 185 人）。未还保密室袋数未知（附件3 显示错误值）。',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sites = wb.getWorksheet('站点汇总')!;
    const site = (file: string) => rowOf(sites, 23, (v) => v[22] === file).slice(1);
    // 单位 级别 状态 错误 警告 种数 合计（袋） 份数 考生数 出库 归还 未还 送出 考场次 接收 移交 保管时长 值班覆盖时长 覆盖率 缺口 说明 文件
    // Each of 附件3's figures says it, and the duty cover's over its custody (review 21b D2: were blank beside 出库, 保管时长).
    expect(site('c8.xlsx')).toEqual([
      '岳麓考点',
      '考点',
      '需改正',
      2,
      0,
      3,
      6,
      115,
      108,
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      4,
      1,
      0,
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      '附件3\n显示错误值',
      // Its 说明 under the table whole (review 22b D1), the words on two lines (D5).
      '见表下注 1',
      'c8.xlsx',
    ]);
    // Was “#N/A”, then its 分校's name again (“长沙分校 | 长沙分校 | 考点”, review 21 D2); 考生数 unknown (was 77 of 108).
    expect(site('n6.xlsx')).toEqual([
      '考点名称未能读取（工作表“基本信息”B5 显示 #N/A）',
      '考点',
      '需改正',
      2,
      0,
      3,
      6,
      115,
      '考试安排\n显示错误值',
      3,
      3,
      0,
      0,
      4,
      1,
      0,
      hours(45, 40),
      hours(45, 40),
      1,
      0,
      '见表下注 2',
      'n6.xlsx',
    ]);
    const under = (sites.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === 'string' && v.startsWith('注 '));
    expect(under).toEqual([`注 1（岳麓考点，c8.xlsx）：${LOG}`, `注 2（考点名称未能读取（工作表“基本信息”B5 显示 #N/A），n6.xlsx）：${SCHEDULE}`]);
    // Was “（见各单位工作簿中该表标题处的问题）”: the findings are at the cells, the 说明 on 站点汇总 names them.
    const notes = wb
      .getWorksheet('总览')!
      .getColumn(1)
      .values.filter((v) => typeof v === 'string' && v.startsWith('注意'));
    expect(notes).toEqual([
      '注意：以下 1 个单位的附件3 出入库记录有格子显示错误值（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
      // The cells' papers alone are left out (review 22a d2): was “报考人数无从计算，未计入按单位级别的合计”.
      '注意：以下 1 个单位的考试安排有格子显示错误值（见“站点汇总”中该单位的说明），无从计算的报考人数未计入按单位级别的合计：',
    ]);
    const papers = wb.getWorksheet('试卷明细')!;
    // Was a fourth row of c8's, “#N/A”.
    expect(papers.getColumn(3).values.slice(2)).toEqual(['1001', '2045', '3310', '1001', '2045', '3310']);
  });
});
