/**
 * Workbooks of two semesters given together (a 考点's file of last year among this semester's):
 * `custody summary` added their bags and copies into one total with no word. The odd workbook is
 * now said once at its 学期 (workbook-of-another-semester, in `validate` of several files too),
 * named with its semester on the summary's lines and on 总览, and its papers left out of the totals.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type Report, findingsOf, run } from './cli-report';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { level, none } from './levels';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { ASIDE_STYLE, colLetter } from '../../src/io/xlsx/summary/style';
import { SITE_COLUMNS } from '../../src/summary/tables';
import { summarizeSite } from '../../src/summary/site';
import type { SiteResult } from '../../src/taskpane/check';
import { otherSemesterNotice, statusesShown } from '../../src/taskpane/summary-view';

jest.setTimeout(120_000);

const review = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review', `${name}.json`), 'utf8')) as SiteData;
const withSemester = (d: SiteData, semester: string): SiteData => ({ ...d, site: { ...d.site, semester } });

let dir: string;
/** 长沙分校 and its 望城考点, 2025春. */
let branch: string;
let wangcheng: string;
/** Its 宁乡考点's workbook of 2024秋 (last semester's file, sent again). */
let lastYear: string;
/** 望城考点's again, its 学期 written 2025年春季: this semester, written otherwise. */
let sameWrittenOtherwise: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-semesters-'));
  branch = path.join(dir, '长沙分校.xlsx');
  wangcheng = path.join(dir, '望城考点.xlsx');
  lastYear = path.join(dir, '宁乡考点.xlsx');
  sameWrittenOtherwise = path.join(dir, '望城考点（春季）.xlsx');
  fs.writeFileSync(branch, await fillWorkbook(review('h-changsha-per-session-fenxiao')));
  fs.writeFileSync(wangcheng, await fillWorkbook(review('h-wangcheng-per-session-kaodian')));
  fs.writeFileSync(lastYear, await fillWorkbook(review('a-ningxiang-evening-kaodian')));
  fs.writeFileSync(sameWrittenOtherwise, await fillWorkbook(withSemester(review('h-wangcheng-per-session-kaodian'), '2025年春季')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ZH =
  '本工作簿基本信息的学期是“2024秋”，而一起检查的其他工作簿多是2025春学期的（2 个，如文件“长沙分校.xlsx”）。不同学期的试卷不能合在一起汇总：汇总时本工作簿的袋数、份数和考生数不计入合计。若本工作簿属于2025春学期，请改正基本信息的学期；若确是2024秋学期的，请把它移出本次检查和汇总。';

describe('workbooks of two semesters given together', () => {
  it('validate: the 考点’s file of last semester has its one finding at 基本信息’s 学期, the 分校’s none', async () => {
    const { code, io } = await run('validate', branch, wangcheng, lastYear, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout) as Report;
    expect(findingsOf(json, lastYear)).toEqual([
      {
        rule: 'workbook-of-another-semester',
        severity: 'warning',
        form: 0,
        sheet: '基本信息',
        cell: 'B2',
        row: null,
        message: ZH,
        clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”：试卷按学期交接、入库、出库，汇总也按学期',
      },
    ]);
    expect([findingsOf(json, branch), findingsOf(json, wangcheng)]).toEqual([[], []]);
  });

  it('validate in English: the same finding, worded in English', async () => {
    const { io } = await run('validate', branch, wangcheng, lastYear, '--format', 'json', '--lang', 'en');
    expect(findingsOf(JSON.parse(io.stdout) as Report, lastYear).map((f) => f.message)).toEqual([
      '基本信息 gives the semester "2024秋", but the other workbooks checked with it are mostly of 2025春 (2, e.g. file "长沙分校.xlsx"). Papers of two semesters are not added up: in a summary, this workbook’s bags, copies and candidates are left out of the totals. If it belongs to 2025春, correct its semester; if it is indeed of 2024秋, take it out of this check and summary.',
    ]);
  });

  it('one semester written two ways (2025春, 2025年春季) is one: no finding', async () => {
    const { io } = await run('validate', branch, sameWrittenOtherwise, '--format', 'json');
    const json = JSON.parse(io.stdout) as Report;
    expect([findingsOf(json, branch), findingsOf(json, sameWrittenOtherwise)]).toEqual([[], []]);
  });

  it('summary: a line names the file and its semester; the stock is 2025春’s, 宁乡考点’s 2024秋 papers in no level', async () => {
    const out = path.join(dir, '汇总.xlsx');
    const { code, io } = await run('summary', branch, wangcheng, lastYear, '-o', out);
    expect(code).toBe(0);
    expect(io.stdout.split('\n')).toEqual([
      // Set aside (fix-semester25 item 1): the file of 2024秋 was counted among 可以提交 (3), 文件清单 saying 属另一学期.
      // Its warning (workbook-of-another-semester) in no count, as the workbook is in neither 可以提交 nor 需改正 (fix-setaside26 item 2).
      '已汇总 3 个工作簿（其中 1 个属另一学期）：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      `注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：${lastYear}（2024秋）。`,
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
      // 宁乡考点's two copies of 2024秋 pair with no 2025春 workbook: one side only, as its 长沙分校 of 2024秋 is not given.
      '交接单两份副本：一致 4 对，不一致 0 对，仅一方 2 份。',
      `已写出 ${out}`,
      '',
    ]);
    const en = await run('summary', branch, wangcheng, lastYear, '-o', path.join(dir, 'summary-en.xlsx'), '--lang', 'en');
    expect(en.io.stdout.split('\n')[0]).toBe('Summarised 3 workbooks (1 of another semester): 2 ready to submit, 0 to correct; 0 errors, 0 warnings.');
  });

  it('summary --format json: totals name the run’s semester and the file left out; as the in-process consolidation counts them', async () => {
    const { io } = await run('summary', branch, wangcheng, lastYear, '--format', 'json');
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    // The workbook of 2024秋 in neither sites (需改正 = sites − ready) nor ready: the files add up, one status each.
    expect(totals).toMatchObject({
      files: 3,
      unreadable: 0,
      sites: 2,
      ready: 2,
      papers: 4,
      levels: [none('省校'), level('分校', 1, 3, 68, 65, 0), level('考点', 1, 3, 68, 65, 0), none(null)],
      semester: '2025春',
      // Its own findings beside it (its one warning, the notice), in no figure of the run.
      otherSemester: [{ file: lastYear, site: '宁乡考点', semester: '2024秋', errors: 0, warnings: 1 }],
      errors: 0,
      warnings: 0,
    });
    const inputs = await Promise.all(
      [branch, wangcheng, lastYear].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    expect(consolidateModels(inputs).totals).toEqual(totals);
  });

  it('总览: under the figures, the note and the file with its semester', async () => {
    const out = path.join(dir, '汇总2.xlsx');
    const r = await run('summary', branch, wangcheng, lastYear, '-o', out);
    if (!fs.existsSync(out)) throw new Error(r.io.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    const at = (r: number) => [1, 2].map((c) => ov.getRow(r).getCell(c).value);
    // The figures: 属另一学期 a line of its own, in neither 单位 nor 可以提交 (was 单位（已读取） 3, 可以提交 3).
    expect([4, 5, 6, 7, 8, 9, 10].map(at)).toEqual([
      ['工作簿', 3],
      ['无法读取', 0],
      ['属另一学期', 1],
      ['单位（计入合计）', 2],
      ['可以提交', 2],
      ['需改正', 0],
      // Its warning in no count, as in neither 可以提交 nor 需改正 (fix-setaside26 item 2).
      ['错误（处）', 0],
    ]);
    // Under the table by unit level (rows 19–23: its caption, header, two levels and a blank row; was beside the figures).
    expect([at(24), at(25)]).toEqual([
      [
        '注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入本页和按单位级别的合计（见检查结果“工作簿属另一学期”）：',
        '注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入本页和按单位级别的合计（见检查结果“工作簿属另一学期”）：',
      ],
      ['宁乡考点.xlsx', '2024秋'],
    ]);
    expect(ov.getCell('A26').value).toBeNull();
    // Its own sheet's status line in 文件清单's words, grey (was 提交状态：可以提交, green), its counts all said.
    const own = wb.getWorksheet('汇总-宁乡考点')!.getCell('A3');
    expect([own.value, own.font.color?.argb]).toEqual([
      '提交状态：属另一学期：2024秋 的工作簿，未计入合计    错误 0    警告 1    值班覆盖 135小时40分 / 135小时40分    未还 0 袋',
      'FF595959',
    ]);
  });

  /** Every form's title with its 学期 left blank, as the template prints it (“______学期国家开放大学纸质试卷交接单”). */
  const blankTitles = (book: ExcelJS.Workbook): void =>
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('2025春学期')) cell.value = cell.value.replace('2025春学期', '______学期');
        }),
      ),
    );

  it.each([
    ['every form titled 2025春', false, '望城考点（学期笔误）.xlsx'],
    // No title names a semester: the dates of its forms, all 2025春's, tell it (forms/other-semester.ts slipByDates).
    ['no title naming one, every date 2025春’s', true, '望城考点（学期笔误，标题空）.xlsx'],
  ])('a 学期 slip (基本信息 2024秋, %s) is counted with 2025春, as the check of the workbook judges it', async (_, blank, name) => {
    // The summary set it aside as 属另一学期 — its papers in no level, its copies paired with none — while its own check
    // said 基本信息's 学期 was the slip and its forms 2025春's (with blank titles: the forms judged against 2024秋).
    const slip = path.join(dir, name);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(wangcheng) as unknown as ArrayBuffer);
    book.getWorksheet('基本信息')!.getCell('B2').value = '2024秋';
    if (blank) blankTitles(book);
    fs.writeFileSync(slip, Buffer.from(await book.xlsx.writeBuffer()));
    const checked = await run('validate', branch, slip, '--format', 'json');
    expect(findingsOf(JSON.parse(checked.io.stdout) as Report, slip).map((f) => [f.rule, f.sheet, f.cell, f.message])).toEqual([
      [
        'sheet-of-another-semester',
        '基本信息',
        'B2',
        '基本信息的学期写的是“2024秋”，而工作簿里的各张表都是2025春学期的（看标题和日期），没有一张是2024秋的。请把基本信息的学期改为2025春（若确是2024秋的工作簿，请核对各表的标题和日期）。',
      ],
    ]);
    const out = path.join(dir, `汇总-${name}`);
    const { io } = await run('summary', branch, slip, '-o', out);
    // The stock and the pairs of the same workbook with its 学期 right; the slip is the one error.
    const right = await run('summary', branch, wangcheng, '-o', path.join(dir, '汇总-无笔误.xlsx'));
    expect(io.stdout.split('\n')).toEqual([
      '已汇总 2 个工作簿：可以提交 1 个，需改正 1 个；错误 1 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
      '交接单两份副本：一致 4 对，不一致 0 对，仅一方 1 份。',
      `已写出 ${out}`,
      '',
    ]);
    expect(io.stdout.split('\n').slice(1, 3)).toEqual(right.io.stdout.split('\n').slice(1, 3));
    const json = JSON.parse((await run('summary', branch, slip, '--format', 'json')).io.stdout) as { totals: Record<string, unknown> };
    expect(json.totals).toMatchObject({ files: 2, sites: 2, ready: 1, semester: '2025春', otherSemester: [], repeatedUnits: [] });
    const inputs = await Promise.all([branch, slip].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })));
    expect(consolidateModels(inputs).totals).toEqual(json.totals);
    // Its own summary is titled with the semester its forms are of; 基本信息's 学期 is said at its cell.
    expect(summarizeSite(inputs[1].model).site.semester).toBe('2025春');
  });

  it('last semester’s forms under this semester’s 学期 (基本信息 2025春, every form 2024秋’s): set aside by its forms, said by them', async () => {
    // workbook-of-another-semester took the 学期 typed: the workbook counted with 2025春, its 2024秋 papers in the totals.
    const relabelled = path.join(dir, '宁乡考点（只改了学期）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(lastYear) as unknown as ArrayBuffer);
    book.getWorksheet('基本信息')!.getCell('B2').value = '2025春';
    fs.writeFileSync(relabelled, Buffer.from(await book.xlsx.writeBuffer()));
    const checked = await run('validate', branch, wangcheng, relabelled, '--format', 'json');
    expect(findingsOf(JSON.parse(checked.io.stdout) as Report, relabelled).map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        'sheet-of-another-semester',
        'B2',
        '基本信息的学期写的是“2025春”，而工作簿里的各张表都是2024秋学期的（看标题和日期），没有一张是2025春的。请把基本信息的学期改为2024秋（若确是2025春的工作簿，请核对各表的标题和日期）。',
      ],
      [
        'workbook-of-another-semester',
        'B2',
        '本工作簿的各张表都是2024秋学期的（基本信息的学期“2025春”另有指出），而一起检查的其他工作簿多是2025春学期的（2 个，如文件“长沙分校.xlsx”）。不同学期的试卷不能合在一起汇总：汇总时本工作簿的袋数、份数和考生数不计入合计。若这些表确是2024秋学期的，请把本工作簿移出本次检查和汇总；若属于2025春学期，请核对各表的标题和日期。',
      ],
    ]);
    const { io } = await run('summary', branch, wangcheng, relabelled, '-o', path.join(dir, '汇总-只改了学期.xlsx'));
    expect(io.stdout.split('\n').slice(0, 4)).toEqual([
      '已汇总 3 个工作簿（其中 1 个属另一学期）：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      // Its own error, the slip, said on its line (fix-setaside26): the head line counts the workbooks counted.
      `注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：${relabelled}（2024秋）。除这一条外，它本身还有错误 1 处，不计入上面的数目。`,
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
      '交接单两份副本：一致 4 对，不一致 0 对，仅一方 2 份。',
    ]);
  });

  it('the same two of one semester: no line, both units counted', async () => {
    const { io } = await run('summary', branch, sameWrittenOtherwise, '-o', path.join(dir, '汇总3.xlsx'));
    expect(io.stdout.split('\n').slice(0, 2)).toEqual([
      '已汇总 2 个工作簿：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
    ]);
  });
});

describe('a workbook of another semester where people look (review round 3, R4): 站点汇总, 总览, the page', () => {
  /** The workbook written by the CLI (spooled) and in memory (the page's download): both say the same. */
  const books = async (): Promise<Array<[string, ExcelJS.Workbook]>> => {
    const out = path.join(dir, '汇总-看.xlsx');
    const r = await run('summary', branch, wangcheng, lastYear, '-o', out);
    if (!fs.existsSync(out)) throw new Error(r.io.stderr);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.readFile(out);
    const inputs = await Promise.all(
      [branch, wangcheng, lastYear].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    const memory = new ExcelJS.Workbook();
    await memory.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels(inputs))) as unknown as ArrayBuffer);
    return [
      ['cli', cli],
      ['memory', memory],
    ];
  };

  it('站点汇总: titled with the run’s semester alone; the other’s row says so in 说明 and is greyed before any red or yellow', async () => {
    for (const [how, wb] of await books()) {
      const ws = wb.getWorksheet('站点汇总')!;
      const note = SITE_COLUMNS.findIndex((c) => c.key === 'note') + 1;
      const unit = SITE_COLUMNS.findIndex((c) => c.key === 'unit') + 1;
      // By unit: the 分校, then its 考点 by name.
      const rows = Object.fromEntries([3, 4, 5].map((r) => [ws.getRow(r).getCell(unit).value, ws.getRow(r).getCell(note).value]));
      expect({ how, title: ws.getCell('A1').value, rows }).toEqual({
        how,
        title: '2025春学期各单位试卷保管汇总',
        rows: { 长沙分校: null, 望城考点: null, 宁乡考点: '2024秋 的工作簿，未计入合计' },
      });
      const first = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: unknown[] }> }).conditionalFormattings[0];
      expect({ how, ref: first.ref, rule: first.rules[0] }).toMatchObject({
        how,
        ref: `A3:${colLetter(SITE_COLUMNS.length)}5`,
        rule: { priority: 1, formulae: [`ISNUMBER(SEARCH("未计入合计",$${colLetter(note)}3))`], style: ASIDE_STYLE },
      });
    }
  });

  // 宁乡考点 (2024秋) was ranked with them; of the 考点 (the level ranked: review7 D5) 望城考点 alone is left.
  it('总览: titled with the units’ common 分校 and the run’s semester; the ranking by candidates leaves the other semester’s unit out', async () => {
    for (const [how, wb] of await books()) {
      const ov = wb.getWorksheet('总览')!;
      const ranked: unknown[] = [];
      ov.eachRow((row, r) => {
        if (row.getCell(1).value === '考点（考生最多的\n前 20 个）')
          for (let k = r + 1; ov.getRow(k).getCell(1).value; k++) ranked.push(ov.getRow(k).getCell(1).value);
      });
      expect({ how, title: ov.getCell('A1').value, ranked }).toEqual({
        how,
        title: '长沙分校 2025春学期试卷保管汇总（多工作簿合并）',
        ranked: ['望城考点'],
      });
    }
  });

  it('the page’s 汇总 view says the line `custody summary` says, of the workbooks it shows', async () => {
    const sites = await Promise.all(
      [branch, wangcheng, lastYear].map(async (file, i) => {
        const model = readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file)));
        const label = path.basename(file);
        return { site: { id: String(i), label } as SiteResult, summary: summarizeSite(model, [], { file: label }) };
      }),
    );
    expect(otherSemesterNotice(sites, 'zh')).toEqual([
      '注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：宁乡考点.xlsx（2024秋）。',
    ]);
    expect(otherSemesterNotice(sites.slice(0, 2), 'zh')).toEqual([]);
    // Each section's status line: the file of 2024秋 in 文件清单's words and why, not 可以提交 (fix-semester25 item 2).
    expect(statusesShown(sites, 'zh')).toEqual([
      { text: '可以提交', kind: 'yes' },
      { text: '可以提交', kind: 'yes' },
      { text: '属另一学期：2024秋 的工作簿，未计入合计', kind: 'aside' },
    ]);
    expect(statusesShown(sites, 'en')[2]).toEqual({ text: 'Other semester: An Autumn 2024 workbook, not in the totals', kind: 'aside' });
  });
});

/** A4 landscape less the top and bottom margins (0.6 inch), in points: what a printer's page holds at 100 %. */
const PAGE_PT = (210 / 25.4 - 2 * 0.6) * 72;
/** A row without a height prints 12.6 pt in LibreOffice (measured in its PDF), 15 in Excel. */
const DEFAULT_PRINTED = [12.6, 15];

/** The page (0-based) each row of rows 1…last prints on, as a printer breaks them: at a manual break, or when the next row does not fit. */
function printedPages(ws: ExcelJS.Worksheet, breaks: readonly number[], last: number, unset: number): number[] {
  const manual = new Set(breaks);
  const pages = [0];
  let used = 0;
  for (let r = 1; r <= last; r++) {
    const h = ws.getRow(r).height || unset;
    const page = pages[r - 1] ?? 0;
    if (r > 1 && (manual.has(r - 1) || used + h > PAGE_PT)) {
      pages[r] = page + 1;
      used = h;
    } else {
      pages[r] = page;
      used += h;
    }
  }
  return pages;
}

describe('总览 printed (review round 3, R3)', () => {
  it('no chart is cut by a page break and the signatures are on the note’s page, however tall a printer makes an unset row', async () => {
    const out = path.join(dir, '汇总-印.xlsx');
    // 宁乡考点's workbook given again as of 2025春 (its records of 2024秋: findings of its own), so that 总览 has its three
    // charts: the findings of the one of 2024秋, set aside, are in none of them (fix-setaside26 item 2).
    const again = path.join(dir, '宁乡考点（2025春）.xlsx');
    fs.writeFileSync(again, await fillWorkbook(withSemester(review('a-ningxiang-evening-kaodian'), '2025春')));
    const r = await run('summary', branch, wangcheng, lastYear, again, '-o', out);
    fs.rmSync(again);
    if (!fs.existsSync(out)) throw new Error(r.io.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    // exceljs does not read a sheet's page breaks back: from its XML (总览 is the first sheet).
    const breaks = [...(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    // 0-based anchors: a chart covers rows from.row + 1 … to.row (1-based), to.row's top edge being its bottom.
    const charts = [
      ...drawing.matchAll(
        /<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/gs,
      ),
    ].map((m) => [Number(m[1]) + 1, Number(m[2])]);
    expect(charts).toHaveLength(3);
    let signature = 0;
    ov.eachRow((row, r) => void (String(row.getCell(1).value).startsWith('制表人') && (signature = r)));
    for (const unset of DEFAULT_PRINTED) {
      const pages = printedPages(ov, breaks, signature, unset);
      const split = charts.filter(([from, to]) => pages[from - 1] !== pages[to]).map(([from, to]) => `rows ${from - 1}–${to}`);
      expect({ unset, split, signatureWithNote: pages[signature] === pages[signature - 2] }).toEqual({ unset, split: [], signatureWithNote: true });
    }
  });
});
