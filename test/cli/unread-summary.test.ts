/**
 * `custody summary` over a 分校 and three 考点 each with one form that cannot be read — 岳麓考点's 出入库记录 (附件3)
 * and 星沙考点's 入库清单 (附件2) without their header row, 麓谷考点's 值班记录2 (附件5) without its 值班时间 labels —
 * on worker threads (the built CLI, as a folder of many is read) and in this thread alike. It printed 0 checkouts,
 * 0 bags out, 全部出库均已归还 and a cover of 100 % for 岳麓考点, 无入库清单 for 星沙考点, and 值班缺口 1 处 for 麓谷考点
 * as if a day had gone unguarded. Now every face says 附件N 未能读取 where such a figure would be, with the sheet and
 * cell of its finding, and the totals leave them out, saying which units.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';
import { lostBook } from '../summary/unread-books';
import { level, none } from '../summary/levels';
import { rowOf } from '../summary/summary-cells';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = scratchDir('custody-unread-summary-');
  fs.mkdirSync(path.join(dir, 'in'));
  const write = (name: string, bytes: Uint8Array) => fs.writeFileSync(path.join(dir, 'in', name), bytes);
  write('f.xlsx', await fillWorkbook(fixture('fenxiao.json')));
  write('a.xlsx', await lostBook('vaultLog'));
  write('b.xlsx', await lostBook('intake', '星沙考点'));
  write('c.xlsx', await lostBook('duty', '麓谷考点'));
});

/** The built CLI on worker threads (4 workbooks: threads are started), its workbook read back. */
function threaded(...args: string[]) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'batch', 'worker.js'))) throw new Error('build the CLI first: npm run build:cli');
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'custody.js'), 'summary', path.join(dir, 'in'), '--threads', '2', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function workbook(lang: 'zh' | 'en'): Promise<{ wb: ExcelJS.Workbook; stdout: string }> {
  const out = path.join(dir, `${lang}.xlsx`);
  const r = threaded('-o', out, '--lang', lang);
  expect(r.status).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { wb, stdout: r.stdout };
}

const LOG = '附件3 出入库记录未能读取（见工作表“出入库记录”A2 处的问题），出库、归还、未还、保管时长和值班覆盖无从计算，未计入合计';
const INTAKE = '附件2 入库清单未能读取（见工作表“入库清单”A2 处的问题），袋数、份数、余量、在库袋数、保管时长和值班覆盖无从计算，未计入合计';
const DUTY = '附件5 值班记录未能读取（见工作表“值班记录2”A2 处的问题），值班覆盖和缺口无从计算';
const hours = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30) + (h * 60 + m) * 60_000);
const texts = (ws: ExcelJS.Worksheet) => ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');

describe('custody summary of units with a form not read (worker threads)', () => {
  it('zh: the CLI’s lines, 站点汇总, 试卷明细, each unit’s 汇总 sheet and 总览 say 附件N 未能读取, never 0 nor 100 %', async () => {
    const { wb, stdout } = await workbook('zh');
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      '已汇总 4 个工作簿：可以提交 1 个，需改正 3 个；错误 5 处，警告 0 处。',
      '注意：星沙考点的附件2 入库清单未能读取（见检查结果），袋数、份数未计入按单位级别的袋数、份数。',
      '注意：岳麓考点的附件3 出入库记录未能读取（见检查结果），未还袋数未计入合计。',
      // Was 未还保密室 0 袋: 岳麓考点's bags out are in no figure, unknown (review 21 D3).
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，9 袋、183 份（报考 173 人）；考点 3 个，至少 12 袋、至少 230 份（报考 324 人）。未还保密室袋数未知（附件3 未能读取）。',
    ]);

    const sites = wb.getWorksheet('站点汇总')!;
    const site = (unit: string) => rowOf(sites, 23, (v) => v[1] === unit).slice(4);
    // 错误 警告 种数 合计（袋） 份数 考生数 出库 归还 未还 送出 考场次 接收 移交 保管时长 值班覆盖时长 覆盖率 缺口 说明 文件
    // Every figure made from the form not read says it (review 21b D2: 归还 未还 送出, 覆盖 覆盖率 缺口 were blank).
    // In 站点汇总 each on two lines, between its pieces (review 22b D5); each 说明 too long for its column, its columns
    // widened for the words, under the table whole, the cell pointing there (review 22b D1).
    const [L2, I2, D2] = ['附件3\n未能读取', '附件2\n未能读取', '附件5\n未能读取'];
    expect(site('岳麓考点')).toEqual([1, 0, 3, 6, 115, 108, L2, L2, L2, L2, 4, 1, 0, L2, L2, L2, L2, LOG, 'a.xlsx']);
    // 保管时长 from 附件2's 入库时间 (45 h 40 min, and 100 % of it covered, before): unknown with its rows.
    expect(site('星沙考点')).toEqual([2, 0, 3, I2, I2, 108, 3, 3, 0, 0, 4, 1, 0, I2, I2, I2, I2, INTAKE, 'b.xlsx']);
    expect(site('麓谷考点')).toEqual([2, 0, 3, 6, 115, 108, 3, 3, 0, 0, 4, 1, 0, hours(45, 40), D2, D2, D2, DUTY, 'c.xlsx']);
    // fix-print23: each within 10 lines at 15 (measured once, not at the 5 left once one had gone): in its cell, 说明 14 wide.
    expect(texts(sites).filter((t) => t.startsWith('注 '))).toEqual([]);
    expect(sites.getColumn(22).width).toBe(14);
    // 长沙分校 reads all its forms: its row as before.
    expect(site('长沙分校')).toEqual([0, 0, 3, 9, 183, 173, 0, 0, 0, 9, 0, 1, 2, hours(27, 0), hours(27, 0), 1, 0, null, 'f.xlsx']);

    const papers = wb.getWorksheet('试卷明细')!;
    // 31 26 11 5 合计 份数 考生数 余量 出库 归还 送出 下级送回 考场 分发份数 未还 在库
    const paper = (unit: string) => rowOf(papers, 21, (v) => v[1] === unit && v[2] === '1001').slice(5);
    // On two lines too, its columns 10 wide (review 22b D5).
    expect(paper('岳麓考点')).toEqual([1, 1, 0, 1, 3, 62, 57, 5, L2, L2, L2, 0, '01、02', 57, L2, L2]);
    expect(paper('星沙考点')).toEqual([I2, I2, I2, I2, I2, I2, 57, I2, 1, 1, 0, I2, '01、02', 57, 0, I2]);
    expect(papers.columns.map((c) => c.width)).toEqual([12, 10, 8, 18, 21, 10, 10, 10, 10, 10, 10, 7, 10, 10, 10, 10, 10, 8, 6, 10, 10]);
    expect(paper('麓谷考点')).toEqual([1, 1, 0, 1, 3, 62, 57, 5, 1, 1, 0, 0, '01、02', 57, 0, 3]);

    const yuelu = wb.getWorksheet('汇总-岳麓考点')!;
    expect(yuelu.getCell('A3').value).toBe(
      '提交状态：暂不能提交：1 处错误需改正    警告 0    值班覆盖未知（附件3 未能读取）    未还袋数未知（附件3 未能读取）',
    );
    expect(rowOf(yuelu, 19, (v) => v[0] === '合计').slice(3)).toEqual([2, 1, 2, 1, 6, 115, 108, 7, L2, L2, L2, 0, '4 个\n考场次', 108, L2, L2]);
    // Under the table, and in the place of 三 (duty cover) and 四 (not returned): which figures, and where to look.
    const said = texts(yuelu);
    const at = said.indexOf(`${LOG}。`);
    expect(said.slice(at - 1, at + 2)).toEqual(['合计', `${LOG}。`, '二、交接单（接收 1 份，移交 0 份）']);
    const duty = said.indexOf('三、保密室值班覆盖（保管期：入库至最后一次出库；未出库的试卷至少到它的考试结束）');
    expect(said.slice(duty, duty + 5)).toEqual([said[duty], `${LOG}。`, '四、尚未归还保密室的出库', `${LOG}。`, '五、检查发现的问题（错误 1，警告 0）']);
    expect(said.some((t) => t.startsWith('全部出库均已归还'))).toBe(false);
    // The word in 未还袋数 is text, which Excel takes as more than 0: the rules of 未还 (red) and 归还 < 出库 (yellow) ask
    // for a number, here and on 试卷明细 (the cells printed red and yellow).
    const rules = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings.map((c) => [
        c.ref,
        c.rules.flatMap((r) => r.formulae ?? []),
      ]);
    expect(rules(yuelu).slice(0, 3)).toEqual([
      ['K6:K8', ['AND(ISNUMBER(K6),K6<0)']],
      ['R6:R8', ['AND(ISNUMBER(R6),R6>0)']],
      ['M6:M8', ['AND(ISNUMBER(M6),M6<L6)']],
    ]);
    expect(rules(papers).slice(0, 2)).toEqual([
      ['M2:M13', ['AND(ISNUMBER(M2),M2<0)']],
      ['T2:T13', ['AND(ISNUMBER(T2),T2>0)']],
    ]);

    const xingsha = wb.getWorksheet('汇总-星沙考点')!;
    expect(xingsha.getCell('A3').value).toBe('提交状态：暂不能提交：2 处错误需改正    警告 0    值班覆盖未知（附件2 未能读取）    未还 0 袋');
    // Under the paper table, and in the place of 三's duty table (no 100 % of a custody not known); 四 as 附件3 says.
    const xingshaSaid = texts(xingsha);
    expect(xingshaSaid.filter((t) => t === `${INTAKE}。`)).toHaveLength(2);
    const xingshaDuty = xingshaSaid.findIndex((t) => t.startsWith('三、'));
    expect(xingshaSaid.slice(xingshaDuty + 1, xingshaDuty + 4)).toEqual([
      `${INTAKE}。`,
      '四、尚未归还保密室的出库（0 条）',
      '全部出库均已归还（随交接单移交送出的试卷不计）',
    ]);
    expect(texts(xingsha).some((t) => t.includes('无入库清单') || t.includes('没有填写'))).toBe(false);

    const lugu = wb.getWorksheet('汇总-麓谷考点')!;
    expect(lugu.getCell('A3').value).toBe('提交状态：暂不能提交：2 处错误需改正    警告 0    值班覆盖未知（附件5 未能读取）    未还 0 袋');
    const luguSaid = texts(lugu);
    const luguDuty = luguSaid.findIndex((t) => t.startsWith('三、'));
    // Its duty table is gone (no 100 % nor a gap of the day not read); its checkouts all back, as 附件3 says.
    expect(luguSaid.slice(luguDuty + 1, luguDuty + 4)).toEqual([
      `${DUTY}。`,
      '四、尚未归还保密室的出库（0 条）',
      '全部出库均已归还（随交接单移交送出的试卷不计）',
    ]);

    const overview = wb.getWorksheet('总览')!;
    expect(texts(overview)).toEqual(
      expect.arrayContaining([
        '注意：以下 1 个单位的附件2 入库清单未能读取（见“站点汇总”中该单位的说明），袋数、份数无从计算，未计入按单位级别的袋数、份数：',
        '星沙考点',
        '注意：以下 1 个单位的附件3 出入库记录未能读取（见“站点汇总”中该单位的说明），未还袋数无从计算，未计入合计：',
        '岳麓考点',
      ]),
    );
    expect(overview.getColumn(2).values).toEqual(expect.arrayContaining(['附件2 未能读取', '附件3 未能读取']));
    // 未还保密室（袋）: 岳麓考点's not known, the others' 0: 附件3 未能读取, not 0 (review 21b D2).
    const stillOut = (overview.getColumn(1).values as unknown[]).indexOf('未还保密室（袋）');
    expect(overview.getRow(stillOut).getCell(2).value).toBe(L2);
  });

  it('en: the same in English', async () => {
    const { wb, stdout } = await workbook('en');
    expect(stdout.split('\n').slice(1, 3)).toEqual([
      'Note: the intake list (附件2) of 星沙考点 could not be read (see the findings): its bags and copies are not in the bags and copies by unit level.',
      'Note: the vault log (附件3) of 岳麓考点 could not be read (see the findings): its bags still out are not in the totals.',
    ]);
    const row = rowOf(wb.getWorksheet('Sites')!, 23, (v) => v[1] === '岳麓考点');
    // Two notes under the table in English (the duty log's within 10 lines at 15 stays in its cell): 岳麓考点's the second.
    expect([row[10], row[17], row[21]]).toEqual(['附件3\nnot read', '附件3\nnot read', 'See note 2 under the table']);
    expect(texts(wb.getWorksheet('Sites')!).filter((t) => t.startsWith('Note 2'))).toEqual([
      'Note 2 (岳麓考点, a.xlsx): The vault log (附件3) could not be read (see the finding at 出入库记录!A2): checkouts, returns, bags out, custody time and duty cover unknown, not in the totals',
    ]);
    const yuelu = wb.worksheets.find((w) => w.name.includes('岳麓考点'))!;
    expect(yuelu.getCell('A3').value).toBe(
      'Status: Not ready: 1 error to correct    0 warnings    duty cover unknown (附件3 not read)    bags out unknown (附件3 not read)',
    );
  });

  it('--format json: the totals name the units and leave their unknown figures out, the same on worker threads as in this thread', async () => {
    const r = threaded('--format', 'json');
    const json = JSON.parse(r.stdout) as { totals: Record<string, unknown>; sites: Array<{ site: { name: string }; unread?: unknown }> };
    const t = json.totals;
    expect([t.unreadIntake, t.unreadLog, t.noIntake, t.noVault, t.bagsStillOut]).toEqual([['星沙考点'], ['岳麓考点'], undefined, [], 0]);
    // 岳麓考点 among its level's units whose bags out are unknown (review 21 D3).
    expect(t.levels).toEqual([
      none('省校'),
      level('分校', 1, 9, 183, 173, 0),
      { ...level('考点', 3, 12, 230, 324, 0), bagsUnknown: 1, bagsWhy: ['unreadIntake'], stillOutUnknown: 1, stillOutWhy: ['unreadLog'] },
      none(null),
    ]);
    // In the files' order (a, b, c, f.xlsx).
    expect(json.sites.map((s) => [s.site.name, s.unread])).toEqual([
      ['岳麓考点', [{ form: 'vaultLog', sheet: '出入库记录', cell: 'A2' }]],
      ['星沙考点', [{ form: 'intake', sheet: '入库清单', cell: 'A2' }]],
      ['麓谷考点', [{ form: 'duty', sheet: '值班记录2', cell: 'A2' }]],
      ['长沙分校', undefined],
    ]);
    const io = memoryIO();
    await main(['node', 'custody', 'summary', path.join(dir, 'in'), '--format', 'json', '--threads', '0'], io);
    expect(JSON.parse(io.stdout)).toEqual(json);
  });
});
