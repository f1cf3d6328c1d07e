/**
 * fix-copy25: a workbook given twice as the same bytes under two names (“岳麓考点 - 副本.xlsx”) was left out of every
 * written output — JSON files[], 文件清单, 站点汇总, totals.files, 总览 and the head line — with only a stderr line to say
 * so. It is read like any workbook now: its unit's second workbook of the semester (unit-workbook-twice, the same
 * records), listed everywhere a file is, set aside from every figure as such a workbook is. The three ways a summary is
 * made agree: the CLI's spool (batch/spool.ts), the batch in memory (batch/consolidate.ts) and in-process (consolidateModels).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readCheckableWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels, consolidatedJson } from '../../src/summary/consolidate';
import { consolidateFiles } from '../../src/batch/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { scratchDir } from '../scratch';
import { run } from './cli-report';

jest.setTimeout(180_000);

let dir: string;
let first: string;
let copy: string;
/** The two files' one SHA-256 (a workbook written now: its bytes hold the time). */
let SHA: string;

beforeAll(async () => {
  dir = scratchDir('custody-byte-copy-');
  fs.mkdirSync(path.join(dir, 'in'));
  first = path.join(dir, 'in', '岳麓考点.xlsx');
  copy = path.join(dir, 'in', '岳麓考点 - 副本.xlsx');
  fs.writeFileSync(first, await fillWorkbook(fixture('kaodian.json') as SiteData));
  fs.copyFileSync(first, copy);
  SHA = createHash('sha256').update(fs.readFileSync(first)).digest('hex');
  // A 考点's workbook naming no 考点: its unit cannot be told (required-field), its copy the same bytes.
  const data = fixture('kaodian.json') as SiteData;
  data.site!.examSite = '';
  fs.mkdirSync(path.join(dir, 'nounit'));
  fs.writeFileSync(path.join(dir, 'nounit', '无名.xlsx'), await fillWorkbook(data));
  fs.copyFileSync(path.join(dir, 'nounit', '无名.xlsx'), path.join(dir, 'nounit', '无名(1).xlsx'));
});

const SAME =
  '本工作簿和文件“岳麓考点.xlsx”是同一单位（岳麓考点）同一学期（2024春）的工作簿，两本记的内容相同（像是另存的副本）。汇总只计文件“岳麓考点.xlsx”一次，本工作簿的袋数、份数和考生数不计入合计。请删去或移走其中一本。';
const CLAUSE =
  '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”及附件1 备注“押运方和接收方分别存档”：每个单位按学期存档一份，汇总时每个单位只计一次';
const NOTE = '与 岳麓考点.xlsx 是同一单位同一学期的工作簿，未计入合计（只计入 岳麓考点.xlsx，两本内容相同）';

/** JSON files[] with each file by its name alone (the three ways are given the same files by other paths). */
const filesOf = (files: ReadonlyArray<{ file: string }>) => files.map((f) => ({ ...f, file: path.basename(f.file) }));
const FILES = () => [
  { file: '岳麓考点.xlsx', site: '长沙分校 岳麓考点', sha256: SHA, status: 'ready', findings: [] },
  {
    file: '岳麓考点 - 副本.xlsx',
    site: '长沙分校 岳麓考点',
    sha256: SHA,
    status: 'repeatedUnit',
    findings: [{ rule: 'unit-workbook-twice', severity: 'warning', form: 0, sheet: '基本信息', cell: 'B5', row: null, message: SAME, clause: CLAUSE }],
  },
];

/** A sheet's rows from `from`, each its cells' values (from column A). */
async function rowsOf(bytes: Buffer | Uint8Array, sheet: string, from: number, cells: number[]): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const row = cells.map((c) => ws.getRow(r).getCell(c).value ?? null);
    if (String(row[0] ?? '').startsWith('制表人')) break;
    if (row.some((v) => v !== null)) rows.push(row);
  }
  return rows;
}

/** 文件清单: 文件, 单位, 状态, SHA-256, 说明 (was the first row alone). */
const LISTED = () => [
  ['岳麓考点.xlsx', '岳麓考点', '可以提交', SHA, null],
  ['岳麓考点 - 副本.xlsx', '岳麓考点', '同单位第二本', SHA, NOTE],
];
/** 站点汇总: 单位, 状态, 错误, 警告, 说明, 文件 (the copy's own warning beside it, as a unit's second workbook's is). */
const SITES = [
  ['岳麓考点', '可以提交', 0, 0, null, '岳麓考点.xlsx'],
  ['岳麓考点', '同单位第二本', 0, 1, NOTE, '岳麓考点 - 副本.xlsx'],
];
const SITE_CELLS = [2, 4, 5, 6, 22, 23];

test('the CLI lists the byte copy as its unit’s second workbook: JSON files[] and totals, the head lines, 文件清单, 站点汇总, 总览', async () => {
  const json = await run('summary', path.join(dir, 'in'), '--format', 'json');
  expect(json.io.stderr).toBe('');
  const report = JSON.parse(json.io.stdout) as { files: Array<{ file: string }>; totals: Record<string, unknown> };
  expect(filesOf(report.files)).toEqual(FILES());
  expect(report.totals).toMatchObject({
    files: 2,
    unreadable: 0,
    sites: 1,
    ready: 1,
    warnings: 0,
    repeatedUnits: [{ file: copy, site: '岳麓考点', counted: first, same: true, errors: 0, warnings: 1 }],
  });
  const out = path.join(dir, 'zh.xlsx');
  const { code, io } = await run('summary', path.join(dir, 'in'), '-o', out);
  expect([code, io.stderr]).toEqual([0, '']);
  expect(io.stdout.split('\n').slice(0, 2)).toEqual([
    '已汇总 2 个工作簿（其中 1 个同单位第二本）：可以提交 1 个，需改正 0 个；错误 0 处，警告 0 处。',
    `注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入下面的合计：${copy}（岳麓考点：与 ${first} 内容相同，只计入 ${first}）。`,
  ]);
  const bytes = fs.readFileSync(out);
  expect(await rowsOf(bytes, '文件清单', 2, [1, 2, 3, 4, 5])).toEqual(LISTED());
  expect(await rowsOf(bytes, '站点汇总', 3, SITE_CELLS)).toEqual(SITES);
  expect((await rowsOf(bytes, '总览', 4, [1, 2])).slice(0, 5)).toEqual([
    ['工作簿', 2],
    ['无法读取', 0],
    ['同单位第二本', 1],
    ['单位（计入合计）', 1],
    ['可以提交', 1],
  ]);
});

test('the batch in memory and the in-process consolidation list it alike: files[], totals, 文件清单, 站点汇总', async () => {
  const cli = JSON.parse((await run('summary', path.join(dir, 'in'), '--format', 'json')).io.stdout) as ReturnType<typeof consolidatedJson>;
  const batch = await consolidateFiles([copy, first], { threads: 0 });
  const models = await Promise.all(
    [copy, first].map(async (file) => {
      const bytes = fs.readFileSync(file);
      return { file, sha256: SHA, model: readCheckableWorkbook(await gridFromXlsxBuffer(bytes)) };
    }),
  );
  const inProcess = consolidateModels(models);
  for (const c of [batch, inProcess]) {
    expect(c.skipped).toBeUndefined();
    const made = consolidatedJson(c);
    expect(filesOf(made.files)).toEqual(FILES());
    expect(made.totals).toEqual(cli.totals);
  }
  const bytes = await consolidatedXlsx(inProcess, { lang: 'zh' });
  expect(await rowsOf(bytes, '文件清单', 2, [1, 2, 3, 4, 5])).toEqual(LISTED());
  expect(await rowsOf(bytes, '站点汇总', 3, SITE_CELLS)).toEqual(SITES);
});

test('a byte copy of a workbook whose unit cannot be told is set aside as the same records (sameNoUnit), counted once, in the CLI and in-process', async () => {
  const folder = path.join(dir, 'nounit');
  const [named, again] = ['无名.xlsx', '无名(1).xlsx'].map((f) => path.join(folder, f));
  const cli = JSON.parse((await run('summary', folder, '--format', 'json')).io.stdout) as ReturnType<typeof consolidatedJson>;
  const own = cli.files[0].findings;
  expect(cli.files.map((f) => [path.basename(f.file), f.status])).toEqual([
    ['无名.xlsx', 'fix'],
    ['无名(1).xlsx', 'repeatedUnit'],
  ]);
  // The copy: the counted file's findings again, and the one saying it is a copy.
  expect(cli.files[1].findings).toEqual([
    ...own,
    {
      rule: 'unit-workbook-twice',
      severity: 'warning',
      form: 0,
      sheet: '基本信息',
      cell: 'B5',
      row: null,
      message:
        '本工作簿和文件“无名.xlsx”记的内容完全相同（像是另存的副本），基本信息里读不出是哪个单位。汇总只计文件“无名.xlsx”一次，本工作簿的袋数、份数和考生数不计入合计。请删去或移走其中一本，并在留下的那本里填好单位级别和单位名称。',
      clause: CLAUSE,
    },
  ]);
  // Was 2 units, 12 bags, 230 copies: the copy counted again.
  expect(cli.totals).toMatchObject({ files: 2, sites: 1, repeatedUnits: [{ file: again, counted: named, same: true }] });
  expect(cli.totals.levels.find((l) => l.level === '考点')).toEqual({ level: '考点', units: 1, bags: 6, copies: 115, candidates: 108, bagsStillOut: 0 });
  const models = await Promise.all(
    [again, named].map(async (file) => ({ file, sha256: cli.files[0].sha256, model: readCheckableWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
  );
  const inProcess = consolidatedJson(consolidateModels(models));
  expect(inProcess.totals).toEqual(cli.totals);
  expect(inProcess.files).toEqual(cli.files);
});
