/**
 * `custody summary` gives the papers by unit level, never added across
 * levels, on every face: the line it prints, the JSON's totals, the 总览
 * sheet. Over the demo's 分校 and its two 考点 it printed 试卷 46 袋、894 份
 * （报考 878 人）, though the 分校's 23 bags for 439 candidates are the very bags
 * it handed to its 考点; with the 省校 added, more again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { rankChartData } from '../../src/summary/overview';
import { ruleTitle } from '../../src/summary/rule-titles';
import { newOverviewSheet, writeOverview } from '../../src/io/xlsx/summary/overview';
import { fixture } from '../helpers';
import { level, none } from '../summary/levels';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
let dir: string;
/** The demo's workbooks (`custody demo`) and the 省校's (test/fixtures/shapes/hunan-shengxiao.json, filled). */
let branch: string;
let yuelu: string;
let tianxin: string;
let shengxiao: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-levels-'));
  const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
  branch = path.join(dir, '长沙分校（分校）.xlsx');
  yuelu = path.join(dir, '岳麓考点（考点）.xlsx');
  tianxin = path.join(dir, '天心考点（考点，有错误）.xlsx');
  shengxiao = path.join(dir, '湖南分部（省校）.xlsx');
  fs.writeFileSync(branch, await fillWorkbook(net.branch));
  fs.writeFileSync(yuelu, await fillWorkbook(net.sites[0]));
  fs.writeFileSync(tianxin, await fillWorkbook(plantDefects(net.sites[1]).data));
  fs.writeFileSync(shengxiao, await fillWorkbook(fixture('shapes/hunan-shengxiao.json')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', 'summary', ...args], io);
  return { code, io };
};

/** Every row of a sheet with a value, as [row, the values of A…L] (null where empty; a merged range's value once). */
function grid(ws: ExcelJS.Worksheet): Array<[number, unknown[]]> {
  const rows: Array<[number, unknown[]]> = [];
  ws.eachRow((row, r) => {
    const values = Array.from({ length: 12 }, (_x, c) => {
      const cell = row.getCell(c + 1);
      return cell.master.address === cell.address ? (cell.value ?? null) : null;
    });
    while (values.length && values[values.length - 1] === null) values.pop();
    if (values.length) rows.push([r, values]);
  });
  return rows;
}

describe('custody summary: the papers by unit level', () => {
  it('the demo 分校 and its two 考点: one line, each level with its units, bags, copies and candidates, none added up', async () => {
    const out = path.join(dir, '汇总3.xlsx');
    const { code, io } = await run(branch, yuelu, tianxin, '-o', out);
    expect(code).toBe(1);
    expect(io.stdout.split('\n')).toEqual([
      '已汇总 3 个工作簿：可以提交 1 个，需改正 2 个；错误 9 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，23 袋、447 份（报考 439 人）；考点 2 个，23 袋、447 份（报考 439 人）。未还保密室 1 袋。',
      '交接单两份副本：一致 1 对，不一致 1 对，仅一方 1 份。',
      `已写出 ${out}`,
      '',
    ]);
  });

  it('with the 省校, in English: the 省校 on a line of its own', async () => {
    const { io } = await run(shengxiao, branch, yuelu, tianxin, '-o', path.join(dir, 'summary4.xlsx'), '--lang', 'en');
    expect(io.stdout.split('\n')[1]).toBe(
      'Papers by unit level (the same papers passed down the chain, not added up): Provincial school (省校): 1 unit, 14 bags, 282 copies (253 candidates); Branch school (分校): 1 unit, 23 bags, 447 copies (439 candidates); Exam site (考点): 2 units, 23 bags, 447 copies (439 candidates). 1 bag not back in the vault.',
    );
  });

  it('a lone 考点: its own figures', async () => {
    const { io } = await run(yuelu, '-o', path.join(dir, '汇总1.xlsx'));
    expect(io.stdout.split('\n')[1]).toBe('试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：考点 1 个，13 袋、223 份（报考 218 人）。未还保密室 0 袋。');
  });

  it('--format json: totals.levels, one entry a level (null: a level that cannot be read); no bags, copies or candidates over all levels; as the in-process consolidation counts them', async () => {
    const { io } = await run(shengxiao, branch, yuelu, tianxin, '--format', 'json');
    const json = JSON.parse(io.stdout) as { totals: unknown };
    expect(json.totals).toEqual({
      files: 4,
      unreadable: 0,
      sites: 4,
      ready: 1,
      errors: 11,
      warnings: 0,
      papers: 18,
      bagsStillOut: 1,
      levels: [level('省校', 1, 14, 282, 253, 0), level('分校', 1, 23, 447, 439, 0), level('考点', 2, 23, 447, 439, 1), none(null)],
      pairs: { matched: 1, disagree: 2, 'sender-only': 1, 'receiver-only': 1 },
      semester: '2024春',
      // The unit every workbook is of or under: the 省校's chain names 湖南分部 alone.
      unit: '湖南分部',
      otherSemester: [],
      repeatedUnits: [],
      // 湖南分部's handover to 株洲分校, whose workbook is not in the run (review round 10a D3).
      absentReceivers: [{ from: '湖南分部', to: '株洲分校', handovers: 1, bags: 5 }],
      noVault: [],
    });
    // The browser face and the demo consolidate in-process (consolidateModels), the CLI through its spool: the same totals.
    const inputs = await Promise.all(
      [shengxiao, branch, yuelu, tianxin].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    expect(consolidateModels(inputs).totals).toEqual(json.totals);
  });

  it('总览: the stock by unit level under the figures (A18:G21, rows of its own since fix-print23; 需改正 a line of its own since fix-setaside26), the figures without bags, copies or candidates', async () => {
    const out = path.join(dir, '汇总3.xlsx');
    await run(branch, yuelu, tianxin, '-o', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    expect(grid(ov)).toEqual([
      [1, ['长沙分校 2024春学期试卷保管汇总（多工作簿合并）']],
      [3, ['项目', '数量']],
      [4, ['工作簿', 3]],
      [5, ['无法读取', 0]],
      [6, ['单位（计入合计）', 3]],
      [7, ['可以提交', 1]],
      // 单位 = 可以提交 + 需改正, said (fix-setaside26 item 1).
      [8, ['需改正', 2]],
      [9, ['错误（处）', 9]],
      [10, ['警告（处）', 0]],
      [11, ['试卷（单位×试卷）', 15]],
      [12, ['未还保密室（袋）', 1]],
      [13, ['交接单一致（对）', 1]],
      [14, ['交接单不一致（对）', 1]],
      [15, ['仅移交方副本', 0]],
      [16, ['仅接收方副本', 1]],
      // The table by level under the figures, 试卷袋 over C–D (its own rows: a two-line word no longer makes a figure's row tall).
      [18, ['按单位级别（同一批试卷逐级下发，各级分列，不相加）']],
      [19, ['单位级别', '单位数', '试卷袋', null, '试卷份数', '考生数', '未还（袋）']],
      [20, ['分校', 1, 23, null, 447, 439, 0]],
      [21, ['考点', 2, 23, null, 447, 439, 1]],
      // The ranked tables under it (试卷袋, 试卷份数, 考生数 are no longer figures).
      [23, ['问题（交接单不一致\n每方计一次）', '错误', '警告']],
      [24, ['交接单两份不一致', 2, 0]],
      [25, ['领卷时间不当', 1, 0]],
      [26, ['合计行不符', 1, 0]],
      [27, ['值班断档或重叠', 1, 0]],
      [28, ['日期时间无法识别', 1, 0]],
      [29, ['试卷未按时还回', 1, 0]],
      [30, ['监考人员到保密室领卷', 1, 0]],
      [31, ['交接单两人签字', 1, 0]],
      [46, ['单位（问题最多的\n前 20 个）', '错误', '警告']],
      [47, ['天心考点', 8, 0]],
      [48, ['长沙分校', 1, 0]],
      [61, ['考点（考生最多的\n前 20 个）', '考生数', '试卷份数']],
      [62, ['天心考点', 221, 224]],
      [63, ['岳麓考点', 218, 223]],
      [
        76,
        [
          '说明：份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装；保管期为入库至最后一次出库（有试卷一直没有出库的，至少到它的考试结束）；随交接单移交送出的出库（分校下发考点、省校下发分校、考点考后送回分校）不计为未还；一张交接单两份副本不一致，无论几处不同，双方各计一次（检查结果逐栏列出）；“级别不明”：基本信息的单位级别无法识别的单位，不并入任何一级。每个文件的 SHA-256 见“文件清单”。',
        ],
      ],
      [78, ['制表人：______________        审核人：______________        日期：________年____月____日']],
    ]);
    // The title across the sheet: it names the unit and the semester now.
    // The note across the page under the charts (test/io/overview-pages.test.ts).
    expect(ov.model.merges).toEqual(['A1:L1', 'A18:G18', 'C19:D19', 'C20:D20', 'C21:D21', 'A76:L76', 'A78:L78']);
    // The level table's header styled as the figures' (bold, filled).
    expect(ov.getCell('G19').font?.bold).toBe(true);
    expect(ov.getCell('G19').fill).toEqual(ov.getCell('A3').fill);
    // Conditional formats: the figures' as before, and bags still out per level (G20:G21); those of bags
    // still out ask for a number (a level's or the run's may say 附件3 未能读取: text, which Excel takes as more than 0).
    const cf = (ov as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings;
    expect(cf.map((x) => [x.ref, x.rules[0].formulae?.[0]])).toEqual([
      ['B5', 'B5>0'],
      ['B9', 'B9>0'],
      ['B10', 'B10>0'],
      ['B12', 'AND(ISNUMBER(B12),B12>0)'],
      ['B14', 'B14>0'],
      ['B7', 'AND(B7>0,B7=B6)'],
      ['B8', 'B8>0'],
      ['G20:G21', 'AND(ISNUMBER(G20),G20>0)'],
    ]);
  });

  it("the browser face's way (in-process, a plain exceljs workbook): the same figures and table by level on 总览", async () => {
    const out = path.join(dir, '汇总3.xlsx');
    await run(branch, yuelu, tianxin, '-o', out);
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.readFile(out);
    const inputs = await Promise.all(
      [branch, yuelu, tianxin].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    const plain = new ExcelJS.Workbook();
    const ov = newOverviewSheet(plain, 'zh');
    writeOverview(ov, consolidateModels(inputs).totals, rankChartData(new Map(), []), { lang: 'zh', ruleTitle, fileName: (f) => f });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await plain.xlsx.writeBuffer()) as ArrayBuffer);
    const top = (ws: ExcelJS.Worksheet) => grid(ws).filter(([r]) => r <= 21); // the figures and the table by level
    expect(top(back.getWorksheet('总览')!)).toEqual(top(streamed.getWorksheet('总览')!));
  });

  it('总览 in English, with the 省校 and a unit whose 单位级别 cannot be read: a line each', async () => {
    const odd = fixture('kaodian.json');
    odd.site!.level = '分部';
    const oddFile = path.join(dir, '雨花（分部）.xlsx');
    fs.writeFileSync(oddFile, await fillWorkbook(odd));
    const out = path.join(dir, 'summary-en.xlsx');
    await run(shengxiao, branch, yuelu, tianxin, oddFile, '-o', out, '--lang', 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('Overview')!;
    expect(grid(ov).filter(([r]) => r >= 18 && r <= 23)).toEqual([
      [18, ['By unit level (the same papers passed down: side by side, not added up)']],
      [19, ['Unit level', 'Units', 'Bags', null, 'Copies', 'Candidates', 'Bags out']],
      [20, ['Provincial school\n(省校)', 1, 14, null, 282, 253, 0]],
      [21, ['Branch school (分校)', 1, 23, null, 447, 439, 0]],
      [22, ['Exam site (考点)', 2, 23, null, 447, 439, 1]],
      [23, ['Unknown level', 1, 6, null, 115, 108, 0]],
    ]);
  });

  it('the built CLI, reading in worker threads, gives the same totals (needs npm run build:cli)', async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'batch', 'worker.js'))) throw new Error('build the CLI first: npm run build:cli');
    const args = [path.join(ROOT, 'bin', 'custody.js'), 'summary', shengxiao, branch, yuelu, tianxin, '--format', 'json', '--threads', '2'];
    const threaded = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const { io } = await run(shengxiao, branch, yuelu, tianxin, '--format', 'json', '--threads', '0');
    expect((JSON.parse(threaded.stdout) as { totals: unknown }).totals).toEqual((JSON.parse(io.stdout) as { totals: unknown }).totals);
  });
});
