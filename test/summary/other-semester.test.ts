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
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { level, none } from './levels';

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

const run = async (...args: string[]) => {
  const io = memoryIO();
  const code = await main(['node', 'custody', ...args], io);
  return { code, io };
};

type Report = { files: Array<{ file: string; findings: Array<Record<string, unknown>> }> };
const findingsOf = (json: Report, file: string) => json.files.find((f) => f.file === file)!.findings;

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
      '已汇总 3 个工作簿：可以提交 3 个，需改正 0 个；错误 0 处，警告 1 处。',
      `注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：${lastYear}（2024秋）。`,
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
      // 宁乡考点's two copies of 2024秋 pair with no 2025春 workbook: one side only, as its 长沙分校 of 2024秋 is not given.
      '交接单两份副本：一致 4 对，不一致 0 对，仅一方 2 份。',
      `已写出 ${out}`,
      '',
    ]);
  });

  it('summary --format json: totals name the run’s semester and the file left out; as the in-process consolidation counts them', async () => {
    const { io } = await run('summary', branch, wangcheng, lastYear, '--format', 'json');
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    expect(totals).toMatchObject({
      sites: 3,
      papers: 4,
      levels: [none('省校'), level('分校', 1, 3, 68, 65, 0), level('考点', 1, 3, 68, 65, 0), none(null)],
      semester: '2025春',
      otherSemester: [{ file: lastYear, site: '宁乡考点', semester: '2024秋' }],
    });
    const inputs = await Promise.all(
      [branch, wangcheng, lastYear].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
    );
    expect(consolidateModels(inputs).totals).toEqual(totals);
  });

  it('总览: under the figures, the note and the file with its semester', async () => {
    const out = path.join(dir, '汇总2.xlsx');
    await run('summary', branch, wangcheng, lastYear, '-o', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ov = wb.getWorksheet('总览')!;
    const at = (r: number) => [1, 2].map((c) => ov.getRow(r).getCell(c).value);
    expect([at(17), at(18)]).toEqual([
      [
        '注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入本页和按单位级别的合计（见检查结果“工作簿属另一学期”）：',
        '注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入本页和按单位级别的合计（见检查结果“工作簿属另一学期”）：',
      ],
      ['宁乡考点.xlsx', '2024秋'],
    ]);
    expect(ov.getCell('A19').value).toBeNull();
  });

  it('the same two of one semester: no line, both units counted', async () => {
    const { io } = await run('summary', branch, sameWrittenOtherwise, '-o', path.join(dir, '汇总3.xlsx'));
    expect(io.stdout.split('\n').slice(0, 2)).toEqual([
      '已汇总 2 个工作簿：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
      '试卷（按单位级别分列，同一批试卷逐级下发，各级不相加）：分校 1 个，3 袋、68 份（报考 65 人）；考点 1 个，3 袋、68 份（报考 65 人）。未还保密室 0 袋。',
    ]);
  });
});
