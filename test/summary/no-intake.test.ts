/**
 * A unit that keeps vault records (附件3, 5) but no intake list (附件2): test/fixtures/kaodian.json (岳麓考点)
 * with its `intake` deleted, beside 长沙分校 (test/fixtures/fenxiao.json). Its summary showed per paper 0 bags,
 * 0 份, a spare of −57/−31/−20 and 在库 −3/−1/−2, and the CLI “考点 1 个，0 袋、0 份（报考 108 人）”. Now
 * 无入库清单 stands where the figures of 附件2 would be (its 汇总 sheet, 站点汇总, 试卷明细, the pane's table; zh
 * and en), its checkouts, rooms and duty as 附件3, 4, 5 say, and its stock is in no level (总览 and the CLI name it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { rankChartData } from '../../src/summary/overview';
import { consolidateModels } from '../../src/summary/consolidate';
import { summaryTable } from '../../src/taskpane/summary-table';
import { level, none } from './levels';
import { rowOf, summaryIn } from './summary-cells';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const R1 = path.join(FIXTURES, 'review11', 'xlsx', 'r1-kaodian-novault.xlsx');
const kaodian = (): SiteData => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'kaodian.json'), 'utf8')) as SiteData;
const withoutIntake = (): SiteData => {
  const data = kaodian();
  delete data.intake;
  return data;
};

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-no-intake-'));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'f.xlsx'), await fillWorkbook(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'fenxiao.json'), 'utf8')) as SiteData));
  fs.writeFileSync(path.join(dir, 'in', 'n.xlsx'), await fillWorkbook(withoutIntake()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const modelOf = async (data: SiteData) => readWorkbook(await gridFromXlsxBuffer(Buffer.from(await fillWorkbook(data))));

const summaryOf = (lang: 'zh' | 'en') => summaryIn(dir, lang);

const ZH_NOTE = '无入库清单：附件2 入库清单没有填写，试卷袋数、份数、余量和在库袋数无从计算；出库、归还、分发和值班照附件3、4、5 计算。';
const EN_NOTE =
  'No intake list: the intake list (附件2) is not filled in, so the bags, copies, spare and bags in the vault cannot be worked out; checkouts, returns, rooms and duty are from 附件3, 4 and 5.';

describe('a unit with vault records but no intake list', () => {
  it('summarizeSite: noIntake (not noVault), every paper flagged, no spare from 0 copies; its checkouts and duty as read', async () => {
    const s = summarizeSite(await modelOf(withoutIntake()));
    expect([s.noIntake, s.noVault]).toEqual([true, false]);
    expect(s.papers.map((p) => [p.paperNo, p.noIntake, p.noVault, p.candidates, p.spareCopies, p.checkouts, p.returns])).toEqual([
      ['1001', true, undefined, 57, null, 1, 1],
      ['2045', true, undefined, 31, null, 1, 1],
      ['3310', true, undefined, 20, null, 1, 1],
    ]);
    expect([s.duty.shifts, s.duty.custodyHours > 0]).toEqual([4, true]);
    // The same unit with its intake list, and a unit with no vault record: neither is noIntake.
    const whole = summarizeSite(await modelOf(kaodian()));
    expect([whole.noIntake, whole.noVault, whole.papers.some((p) => p.noIntake)]).toEqual([false, false, false]);
    const novault = summarizeSite(readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(R1))));
    expect([novault.noIntake, novault.noVault, novault.papers.some((p) => p.noIntake)]).toEqual([false, true, false]);
  });

  it('an intake list without a row is none: noIntake; with its rows, not', async () => {
    const data = kaodian();
    expect(summarizeSite(await modelOf(data)).noIntake).toBe(false);
    data.intake = { items: [] };
    expect(summarizeSite(await modelOf(data)).noIntake).toBe(true);
  });

  it('totals: in its level with its candidates and bags out, its bags and copies unknown there (review 22a D2: the whole unit was left out); its name in noIntake; out of the ranking by candidates', async () => {
    const data = withoutIntake();
    delete data.vaultLog![2].returnedAt; // 3310's 2 bags not back
    const s = summarizeSite(await modelOf(data));
    expect(s.totals.bagsStillOut).toBe(2);
    const t = emptyTotals(1);
    addUnitStock(t, unitStockOf(s));
    expect([t.papers, t.bagsStillOut, t.noIntake, t.noVault]).toEqual([3, 2, ['岳麓考点'], []]);
    expect(t.levels).toEqual([none('省校'), none('分校'), { ...level('考点', 1, 0, 0, 108, 2), bagsUnknown: 1, bagsWhy: ['noIntake'] }, none(null)]);
    const unit = { name: '岳麓考点', errors: 1, warnings: 0, papers: 3, candidates: 108, copies: 0, level: '考点' as const };
    expect(rankChartData(new Map(), [{ ...unit, noIntake: '岳麓考点' }]).big).toEqual([]);
    expect(rankChartData(new Map(), [unit]).big).toEqual([{ name: '岳麓考点', candidates: 108, copies: 0 }]);
  });

  it('the pane’s 汇总 table: 无入库清单 for the bags, none for copies, spare, taken back and in the vault; a fact says why', async () => {
    const s = summarizeSite(await modelOf(withoutIntake()));
    const zh = summaryTable(s, 'zh');
    expect(zh.rows[0]).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', '无入库清单', '', '', '', '', '', 57, '', 1, 1, 0, '', '01、02', 57, 0, '']);
    expect(zh.totals).toEqual(['合计', '3 种试卷', '3 场', '无入库清单', '', '', '', '', '', 108, '', 3, 3, 0, '', '4 个\n考场次', 108, 0, '']);
    expect(zh.facts[0]).toEqual(['入库清单', ZH_NOTE]);
    expect(zh.facts.slice(1).map(([k]) => k)).toEqual(['接收交接单', '移交交接单', '保管期', '值班覆盖', '值班空档', '未归还', '错误', '警告']);
    expect(zh.facts.find(([k]) => k === '保管期')![1]).not.toBe('无保密室记录');
    const en = summaryTable(s, 'en');
    expect(en.rows[0].slice(3, 11)).toEqual(['no intake list', '', '', '', '', '', 57, '']);
    expect(en.facts[0]).toEqual(['Intake list', EN_NOTE]);
    // A unit with its intake list: no such fact, its figures as before.
    const whole = summaryTable(summarizeSite(await modelOf(kaodian())), 'zh');
    expect(whole.facts[0][0]).toBe('接收交接单');
    expect(whole.rows[0].slice(3, 11)).toEqual([1, 1, 0, 1, 3, 62, 57, 5]);
  });

  it('zh: the CLI line, 站点汇总, 试卷明细, its 汇总 sheet and 总览 say 无入库清单; the 考点 level counts it, its bags and copies unknown', async () => {
    const { wb, stdout } = await summaryOf('zh');
    expect(stdout.split('\n').slice(1, 3)).toEqual([
      '注意：岳麓考点没有入库清单（附件2 没有填写），袋数、份数未计入按单位级别的袋数、份数。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，9 袋、183 份（报考 173 人）；考点 1 个，袋数、份数未知：无入库清单（报考 108 人）。未还保密室 0 袋。',
    ]);
    const sites = wb.getWorksheet('站点汇总')!;
    expect(rowOf(sites, 23, (v) => v[1] === '岳麓考点')).toEqual([
      '长沙分校',
      '岳麓考点',
      '考点',
      '需改正',
      1,
      0,
      3,
      '无入库清单',
      null, // 合计（袋）, 试卷份数
      108,
      3,
      3,
      0,
      0, // 出库次数 … 移交送出
      4,
      1,
      0,
      new Date('1899-12-31T22:20:00.000Z'), // 46小时20分
      new Date('1899-12-31T21:50:00.000Z'), // 45小时50分
      0.989,
      1, // 保管时长, 值班覆盖时长, 覆盖率, 值班缺口: as 附件5 says
      '值班缺口 1 处；无入库清单（附件2 没有填写），袋数、份数无从计算，未计入合计',
      'n.xlsx',
    ]);
    // 长沙分校 keeps its intake list: its row as before.
    expect(rowOf(sites, 23, (v) => v[1] === '长沙分校').slice(6, 10)).toEqual([3, 9, 183, 173]);
    const papers = wb.getWorksheet('试卷明细')!;
    expect(rowOf(papers, 21, (v) => v[1] === '岳麓考点' && v[2] === '1001')).toEqual([
      'n.xlsx',
      '岳麓考点',
      '1001',
      '高等数学基础',
      new Date('2024-06-15T08:30:00.000Z'),
      '无入库清单',
      null,
      null,
      null,
      null,
      null,
      57,
      null, // 余量
      1,
      1,
      0,
      null, // 下级送回袋数
      '01、02',
      57,
      0,
      null, // 在库袋数
    ]);
    const site = wb.worksheets.find((w) => w.name.includes('岳麓考点'))!;
    expect(site.getCell('A3').value).toBe('提交状态：暂不能提交：1 处错误需改正    警告 0    值班覆盖 45小时50分 / 46小时20分    未还 0 袋    无入库清单');
    expect(rowOf(site, 19, (v) => v[0] === '合计')).toEqual([
      '合计',
      '3 种试卷',
      '3 场',
      '无入库清单',
      null,
      null,
      null,
      null,
      null,
      108,
      null,
      3,
      3,
      0,
      null,
      '4 个\n考场次',
      108,
      0,
      null,
    ]);
    const texts = site.getColumn(1).values.filter((v) => typeof v === 'string');
    // The note right under the table, then the handovers; the duty section as 附件5 says, not 无保密室记录.
    const at = texts.indexOf(ZH_NOTE);
    expect(texts.slice(at - 1, at + 2)).toEqual(['合计', ZH_NOTE, '二、交接单（接收 1 份，移交 0 份）']);
    expect(texts).toContain('三、保密室值班覆盖（保管期：入库至最后一次出库；未出库的试卷至少到它的考试结束）');
    expect(texts.some((t) => String(t).includes('无保密室记录'))).toBe(false);
    const overview = wb.getWorksheet('总览')!;
    const notes = overview.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(notes).toEqual(
      expect.arrayContaining(['注意：以下 1 个单位没有入库清单（附件2 没有填写），袋数、份数无从计算，未计入按单位级别的袋数、份数：', '岳麓考点']),
    );
    expect(overview.getColumn(2).values).toContain('无入库清单');
  });

  it('en: the same words in English', async () => {
    const { wb, stdout } = await summaryOf('en');
    expect(stdout.split('\n')[1]).toBe(
      'Note: 岳麓考点 keeps no intake list (附件2 not filled in): its bags and copies are not in the bags and copies by unit level.',
    );
    const sites = wb.getWorksheet('Sites')!;
    const row = rowOf(sites, 23, (v) => v[1] === '岳麓考点');
    expect([row[7], row[8], row[9], row[10], row[17] !== null, row[21]]).toEqual([
      'no intake list',
      null,
      108,
      3,
      true,
      '1 duty gap; No intake list (附件2 not filled in): bags and copies unknown, not in the totals',
    ]);
    const site = wb.worksheets.find((w) => w.name.includes('岳麓考点'))!;
    expect(site.getCell('A3').value).toBe('Status: Not ready: 1 error to correct    0 warnings    on duty 45h 50m of 46h 20m    out 0 bags    no intake list');
    expect(rowOf(site, 19, (v) => v[0] === '1001').slice(3, 19)).toEqual([
      'no intake list',
      null,
      null,
      null,
      null,
      null,
      57,
      null,
      1,
      1,
      0,
      null,
      '01, 02',
      57,
      0,
      null,
    ]);
    expect(site.getColumn(1).values).toContain(EN_NOTE);
    const overview = wb.getWorksheet('Overview')!;
    expect(overview.getColumn(1).values).toContain(
      'Note: the units below keep no intake list (附件2 not filled in): their bags and copies cannot be worked out, and are in no level’s bags and copies:',
    );
  });

  it('--format json: totals.noIntake names it, the 考点 level counts it with its bags and copies unknown; as the in-process consolidation counts it', async () => {
    const io = memoryIO();
    await main(['node', 'custody', 'summary', path.join(dir, 'in'), '--format', 'json'], io);
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    expect([totals.noIntake, totals.noVault, totals.bagsStillOut, totals.papers]).toEqual([['岳麓考点'], [], 0, 6]);
    expect(totals.levels).toEqual([
      none('省校'),
      level('分校', 1, 9, 183, 173, 0),
      { ...level('考点', 1, 0, 0, 108, 0), bagsUnknown: 1, bagsWhy: ['noIntake'] },
      none(null),
    ]);
    // The browser face and the demo consolidate in-process (consolidateModels), the CLI through its spool: the same totals.
    const inputs = await Promise.all(
      ['f.xlsx', 'n.xlsx'].map(async (f) => {
        const file = path.join(dir, 'in', f);
        return { file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) };
      }),
    );
    expect(consolidateModels(inputs).totals).toEqual(totals);
  });
});
