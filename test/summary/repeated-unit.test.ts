/**
 * One 考点's workbook handed in twice, the second a LibreOffice re-save (“浏阳考点(1).xlsx”, not the same
 * bytes): `custody summary` counted the unit twice — 考点 3 个, 28 袋, 557 份 for 2, 19, 359 — with no word
 * (review round 2 D4). The second workbook of a unit and semester is now said once (unit-workbook-twice, on
 * the file not counted, naming the one counted and whether the two hold the same records), named on the
 * summary's lines and on 总览, and counted once: the first by file name.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { type Report, findingsOf, run } from './cli-report';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { level, none } from './levels';
import { summarizeSite } from '../../src/summary/site';
import type { SiteResult } from '../../src/taskpane/check';
import { repeatedUnitNotice, statusesShown } from '../../src/taskpane/summary-view';

jest.setTimeout(120_000);

const fixtures = path.join(__dirname, '..', 'fixtures');
const json = (set: string, name: string): SiteData => JSON.parse(fs.readFileSync(path.join(fixtures, set, `${name}.json`), 'utf8')) as SiteData;
const xlsx = (name: string) => path.join(fixtures, 'review2', 'xlsx', `${name}.xlsx`);

let dir: string;
let branch: string;
let ningxiang: string;
/** 浏阳考点's workbook, and the same re-saved by LibreOffice under the name a second download gets. */
let liuyang: string;
let resaved: string;
/** Another version of 浏阳考点's workbook (without the 备注 the first has). */
let otherVersion: string;
/** The same other version, named as the corrected one. */
let revisedVersion: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-repeated-unit-'));
  branch = path.join(dir, '长沙分校.xlsx');
  ningxiang = path.join(dir, '宁乡考点.xlsx');
  liuyang = path.join(dir, '浏阳考点.xlsx');
  resaved = path.join(dir, '浏阳考点(1).xlsx');
  otherVersion = path.join(dir, '浏阳考点(2).xlsx');
  revisedVersion = path.join(dir, '浏阳考点（修改后）.xlsx');
  fs.writeFileSync(branch, await fillWorkbook(json('review', 'a-changsha-fenxiao')));
  fs.writeFileSync(ningxiang, await fillWorkbook(json('review', 'a-ningxiang-evening-kaodian')));
  fs.copyFileSync(xlsx('o-liuyang-notes-all'), liuyang);
  fs.copyFileSync(xlsx('o-liuyang-notes-all-libreoffice'), resaved);
  fs.writeFileSync(otherVersion, await fillWorkbook(json('review2', 'i-liuyang-two-weekends-kaodian')));
  fs.copyFileSync(otherVersion, revisedVersion);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CLAUSE =
  '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”及附件1 备注“押运方和接收方分别存档”：每个单位按学期存档一份，汇总时每个单位只计一次';
const SAME =
  '本工作簿和文件“浏阳考点.xlsx”是同一单位（浏阳考点）同一学期（2024秋）的工作簿，两本记的内容相同（像是另存的副本）。汇总只计文件“浏阳考点.xlsx”一次，本工作簿的袋数、份数和考生数不计入合计。请删去或移走其中一本。';
const DIFFERS =
  '本工作簿和文件“浏阳考点.xlsx”是同一单位（浏阳考点）同一学期（2024秋）的工作簿，但两本记的内容不同。汇总只计按文件名排在前面的“浏阳考点.xlsx”，本工作簿的袋数、份数和考生数不计入合计。请核对两本，确定哪一本是正确、完整的，只提交那一本；若本工作簿才是正确的，请删去或移走“浏阳考点.xlsx”后重新汇总。';
const finding = (message: string) => ({
  rule: 'unit-workbook-twice',
  severity: 'warning',
  form: 0,
  sheet: '基本信息',
  cell: 'B5',
  row: null,
  message,
  clause: CLAUSE,
});

describe('one unit’s workbook of one semester given twice', () => {
  it('validate (files in any order): the re-save has one warning at its 考点 naming the first, the same records; the others none', async () => {
    const { code, io } = await run('validate', resaved, branch, liuyang, ningxiang, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout) as Report;
    expect(findingsOf(report, resaved)).toEqual([finding(SAME)]);
    expect([branch, liuyang, ningxiang].map((f) => findingsOf(report, f))).toEqual([[], [], []]);
  });

  it('validate: two versions whose records differ are told so (the officer must pick one)', async () => {
    const { io } = await run('validate', liuyang, otherVersion, '--format', 'json');
    const report = JSON.parse(io.stdout) as Report;
    expect([findingsOf(report, liuyang), findingsOf(report, otherVersion)]).toEqual([[], [finding(DIFFERS)]]);
  });

  it('summary: a line names the file not counted and the one counted; 考点 2 个, 19 袋, 359 份', async () => {
    const out = path.join(dir, '汇总.xlsx');
    const { code, io } = await run('summary', branch, ningxiang, liuyang, resaved, '-o', out);
    expect(code).toBe(0);
    expect(io.stdout.split('\n')).toEqual([
      // The re-save is in no count (review 6, D5): its one warning is the line below.
      // Its own count (fix-semester25 item 1): the 4 workbooks were 3 + 0 with no word of the fourth.
      '已汇总 4 个工作簿（其中 1 个同单位第二本）：可以提交 3 个，需改正 0 个；错误 0 处，警告 0 处。',
      `注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入下面的合计：${resaved}（浏阳考点：与 ${liuyang} 内容相同，只计入 ${liuyang}）。`,
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，10 袋、161 份（报考 151 人）；考点 2 个，19 袋、359 份（报考 327 人）。未还保密室 0 袋。',
      // The re-save's copy from 长沙分校 is the first's again: not listed a second time as one side only.
      '交接单两份副本：一致 1 对，不一致 0 对，仅一方 2 份。',
      `已写出 ${out}`,
      '',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    const head = ov.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.includes('同一单位同一学期'));
    const at = (r: number) => [1, 2].map((c) => ov.getRow(r).getCell(c).value);
    // 同单位第二本 a figure of its own: the workbooks add up (3 + 1 = 4, as the head line counts them).
    expect([4, 5, 6, 7, 8].map(at)).toEqual([
      ['工作簿', 4],
      ['无法读取', 0],
      ['同单位第二本', 1],
      ['单位（计入合计）', 3],
      ['可以提交', 3],
    ]);
    expect([at(head), at(head + 1), ov.getCell(`A${head + 2}`).value]).toEqual([
      [
        '注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入本页和按单位级别的合计：',
        '注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入本页和按单位级别的合计：',
      ],
      ['浏阳考点(1).xlsx', '与 浏阳考点.xlsx 内容相同，只计入 浏阳考点.xlsx'],
      null,
    ]);
  });

  it('summary of two versions whose records differ: the line and 总览 say so, and ask for the two to be compared (review round 3)', async () => {
    const out = path.join(dir, '汇总-两版.xlsx');
    const { io } = await run('summary', liuyang, otherVersion, '-o', out);
    expect(io.stdout.split('\n')[1]).toBe(
      `注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入下面的合计：${otherVersion}（浏阳考点：与 ${liuyang} 内容不同，只计入 ${liuyang}，请核对两本）。`,
    );
    const en = await run('summary', liuyang, otherVersion, '--lang', 'en', '-o', path.join(dir, 'summary-en.xlsx'));
    expect(en.io.stdout.split('\n')[0]).toBe('Summarised 2 workbooks (1 unit’s second workbook): 1 ready to submit, 0 to correct; 0 errors, 0 warnings.');
    expect(en.io.stdout.split('\n')[1]).toBe(
      `Note: a unit's workbook of one semester given twice is counted once; left out of the papers' figures below: ${otherVersion} (浏阳考点: records differ from ${liuyang}; ${liuyang} counted instead: compare the two).`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    const head = ov.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.includes('同一单位同一学期'));
    expect([1, 2].map((c) => ov.getRow(head + 1).getCell(c).value)).toEqual([
      '浏阳考点(2).xlsx',
      '与 浏阳考点.xlsx 内容不同，只计入 浏阳考点.xlsx，请核对两本',
    ]);
  });

  it('a version whose file name says it is the corrected one (修改后) is counted, whatever the order by name (review round 3)', async () => {
    const { io } = await run('validate', liuyang, revisedVersion, '--format', 'json');
    const report = JSON.parse(io.stdout) as Report;
    expect([findingsOf(report, liuyang), findingsOf(report, revisedVersion)]).toEqual([
      [
        finding(
          '本工作簿和文件“浏阳考点（修改后）.xlsx”是同一单位（浏阳考点）同一学期（2024秋）的工作簿，但两本记的内容不同。汇总只计文件名注明修改过的“浏阳考点（修改后）.xlsx”，本工作簿的袋数、份数和考生数不计入合计。请核对两本，确定哪一本是正确、完整的，只提交那一本；若本工作簿才是正确的，请删去或移走“浏阳考点（修改后）.xlsx”后重新汇总。',
        ),
      ],
      [],
    ]);
    const { io: summary } = await run('summary', revisedVersion, liuyang, '--format', 'json');
    expect((JSON.parse(summary.stdout) as { totals: Record<string, unknown> }).totals).toMatchObject({
      repeatedUnits: [{ file: liuyang, site: '浏阳考点', counted: revisedVersion, same: false }],
    });
    const en = await run('validate', liuyang, revisedVersion, '--format', 'json', '--lang', 'en');
    expect((findingsOf(JSON.parse(en.io.stdout) as Report, liuyang)[0] as { message: string }).message).toContain(
      'A summary counts only "浏阳考点（修改后）.xlsx", the one whose name says it is the corrected version;',
    );
  });

  it('a version named as the one before correction (修改前: it holds 修改) is the one left out, and the warning says why', async () => {
    const before = path.join(dir, '浏阳考点（修改前）.xlsx');
    fs.copyFileSync(otherVersion, before);
    const { io } = await run('validate', before, liuyang, '--format', 'json');
    const report = JSON.parse(io.stdout) as Report;
    expect([findingsOf(report, liuyang), findingsOf(report, before)]).toEqual([
      [],
      [finding(DIFFERS.replace('按文件名排在前面的', '文件名未注明是修改前版本的'))],
    ]);
    const en = await run('validate', before, liuyang, '--format', 'json', '--lang', 'en');
    expect((findingsOf(JSON.parse(en.io.stdout) as Report, before)[0] as { message: string }).message).toContain(
      'A summary counts only "浏阳考点.xlsx", as this one’s name says it is the version before correction;',
    );
  });

  it('summary --format json: totals list the file left out; the in-process consolidation counts the same', async () => {
    const { io } = await run('summary', branch, ningxiang, liuyang, resaved, '--format', 'json');
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    expect(totals).toMatchObject({
      sites: 3,
      ready: 3,
      warnings: 0,
      levels: [none('省校'), level('分校', 1, 10, 161, 151, 0), level('考点', 2, 19, 359, 327, 0), none(null)],
      pairs: { matched: 1, disagree: 0, 'sender-only': 0, 'receiver-only': 2 },
      repeatedUnits: [{ file: resaved, site: '浏阳考点', counted: liuyang, same: true, errors: 0, warnings: 1 }],
    });
    const inputs = await Promise.all(
      [resaved, branch, liuyang, ningxiang].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    expect(consolidateModels(inputs).totals).toEqual(totals);
  });

  it('the page’s 汇总 view says the line `custody summary` says, of the workbooks it shows (review round 3)', async () => {
    const sitesOf = (files: string[]) =>
      Promise.all(
        files.map(async (file, i) => {
          const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file)));
          const label = path.basename(file);
          return { site: { id: String(i), label, model } as SiteResult, summary: summarizeSite(model, [], { file: label }) };
        }),
      );
    expect(repeatedUnitNotice(await sitesOf([resaved, branch, liuyang, ningxiang]), 'zh')).toEqual([
      '注意：以下 1 个工作簿与另一本是同一单位同一学期的，每个单位只计一本，其试卷未计入下面的合计：浏阳考点(1).xlsx（浏阳考点：与 浏阳考点.xlsx 内容相同，只计入 浏阳考点.xlsx）。',
    ]);
    expect(repeatedUnitNotice(await sitesOf([liuyang, otherVersion]), 'en')).toEqual([
      "Note: a unit's workbook of one semester given twice is counted once; left out of the papers' figures below: 浏阳考点(2).xlsx (浏阳考点: records differ from 浏阳考点.xlsx; 浏阳考点.xlsx counted instead: compare the two).",
    ]);
    expect(repeatedUnitNotice(await sitesOf([branch, liuyang, ningxiang]), 'zh')).toEqual([]);
    // Each section's status line: the re-save in 文件清单's words and why, not 可以提交 (fix-semester25 item 2).
    const sites = await sitesOf([resaved, branch, liuyang]);
    expect(statusesShown(sites, 'zh').map((s) => [s.kind, s.text])).toEqual([
      ['aside', '同单位第二本：与 浏阳考点.xlsx 是同一单位同一学期的工作簿，未计入合计（只计入 浏阳考点.xlsx，两本内容相同）'],
      ['yes', '可以提交'],
      ['yes', '可以提交'],
    ]);
    expect(statusesShown(sites, 'en')[0].text).toBe(
      'Unit’s second workbook: Same unit and semester as 浏阳考点.xlsx, not in the totals (浏阳考点.xlsx counted; the same records)',
    );
  });

  it('two units, or one unit’s workbooks of two semesters, are no repeat', async () => {
    const lastYear = path.join(dir, '浏阳考点（2023秋）.xlsx');
    const data = json('review2', 'i-liuyang-two-weekends-kaodian');
    fs.writeFileSync(lastYear, await fillWorkbook({ ...data, site: { ...data.site, semester: '2023秋' } }));
    const { io } = await run('summary', branch, ningxiang, liuyang, lastYear, '--format', 'json');
    expect((JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals).toMatchObject({
      repeatedUnits: [],
      otherSemester: [{ file: lastYear, site: '浏阳考点', semester: '2023秋' }],
    });
  });
});
