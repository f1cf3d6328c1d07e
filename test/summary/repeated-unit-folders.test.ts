/**
 * A unit's two workbooks picked from two folders (review round 10b D1): the CLI, given paths, sorted them by the
 * whole path and counted “b/浏阳考点.xlsx”'s repeat “a/浏阳考点(2).xlsx” (folder a first), while the page, given bare
 * names, counted 浏阳考点.xlsx — their findings, pairings and totals differed, and the CLI's warning said it counted
 * the one “按文件名排在前面”, which it was not. Both now weigh the file's own name, its folders only to part two
 * files of one name (model/file-order.ts `byBaseName`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Report, findingsOf, run } from './cli-report';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { checkWorkbooks } from '../../src/check/service';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { readWorkbook } from '../../src/forms/workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { repeatedUnits } from '../../src/model/repeated-unit';
import { byBaseName } from '../../src/model/file-order';
import { nameBeside } from '../../src/model/text';

jest.setTimeout(120_000);

const fixtures = path.join(__dirname, '..', 'fixtures');
const CLAUSE =
  '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–3 标题“____学期……”及附件1 备注“押运方和接收方分别存档”：每个单位按学期存档一份，汇总时每个单位只计一次';
const DIFFERS =
  '本工作簿和文件“浏阳考点.xlsx”是同一单位（浏阳考点）同一学期（2024秋）的工作簿，但两本记的内容不同。汇总只计按文件名排在前面的“浏阳考点.xlsx”，本工作簿的袋数、份数和考生数不计入合计。请核对两本，确定哪一本是正确、完整的，只提交那一本；若本工作簿才是正确的，请删去或移走“浏阳考点.xlsx”后重新汇总。';
const WARNING = { rule: 'unit-workbook-twice', severity: 'warning', form: 0, sheet: '基本信息', cell: 'B5', row: null, message: DIFFERS, clause: CLAUSE };

let dir: string;
/** 浏阳考点's workbook in folder b, another version of it named as its copy in folder a (a before b). */
let plain: string;
let copy: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-repeated-folders-'));
  fs.mkdirSync(path.join(dir, 'a'));
  fs.mkdirSync(path.join(dir, 'b'));
  plain = path.join(dir, 'b', '浏阳考点.xlsx');
  copy = path.join(dir, 'a', '浏阳考点(2).xlsx');
  fs.copyFileSync(path.join(fixtures, 'review2', 'xlsx', 'o-liuyang-notes-all.xlsx'), plain);
  const other = JSON.parse(fs.readFileSync(path.join(fixtures, 'review2', 'i-liuyang-two-weekends-kaodian.json'), 'utf8')) as SiteData;
  fs.writeFileSync(copy, await fillWorkbook(other));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a unit given twice from two folders: the file counted is the first by its own name', () => {
  it('byBaseName: the file name first, the folders only between two files of one name', () => {
    expect(['b/浏阳考点.xlsx', 'a/浏阳考点(2).xlsx', 'a/复件 浏阳考点.xlsx'].sort(byBaseName)).toEqual([
      'b/浏阳考点.xlsx',
      'a/复件 浏阳考点.xlsx',
      'a/浏阳考点(2).xlsx',
    ]);
    expect(['c/浏阳考点.xlsx', 'a/浏阳考点.xlsx', 'b\\浏阳考点.xlsx'].sort(byBaseName)).toEqual(['a/浏阳考点.xlsx', 'b\\浏阳考点.xlsx', 'c/浏阳考点.xlsx']);
  });

  it('repeatedUnits: paths and bare names count the same file', () => {
    const pick = (files: string[]) =>
      repeatedUnits(
        files,
        (f) => f,
        () => '考点|浏阳考点|2024秋',
      ).map(({ repeat, first, why }) => [path.basename(repeat), path.basename(first), why]);
    const want = [['浏阳考点(2).xlsx', '浏阳考点.xlsx', 'name']];
    expect(pick(['demo/a/浏阳考点(2).xlsx', 'in/b/浏阳考点.xlsx'])).toEqual(want);
    expect(pick(['in/b/浏阳考点.xlsx', 'demo/a/浏阳考点(2).xlsx'])).toEqual(want);
    expect(pick(['浏阳考点(2).xlsx', '浏阳考点.xlsx'])).toEqual(want);
  });

  it('custody validate (paths, either order): the copy in folder a is warned, 浏阳考点.xlsx in folder b is counted', async () => {
    for (const order of [
      [copy, plain],
      [plain, copy],
    ]) {
      const { code, io } = await run('validate', ...order, '--format', 'json');
      expect(code).toBe(0);
      const report = JSON.parse(io.stdout) as Report;
      expect([findingsOf(report, plain), findingsOf(report, copy)]).toEqual([[], [WARNING]]);
    }
  });

  it('the check service as the page calls it (bare names) and as the CLI does (paths): the same findings', async () => {
    const inputs = (name: (f: string) => string) =>
      [copy, plain].map((f) => ({ file: name(f), bytes: fs.readFileSync(f), grid: (b: Uint8Array | undefined) => gridFromXlsxBuffer(b!) }));
    const page = await checkWorkbooks(inputs(path.basename));
    const cli = await checkWorkbooks(inputs((f) => f));
    const shown = (r: Awaited<ReturnType<typeof checkWorkbooks>>) => r.report.files.map((f) => [path.basename(f.file), f.findings]);
    expect(shown(page)).toEqual([
      ['浏阳考点(2).xlsx', [WARNING]],
      ['浏阳考点.xlsx', []],
    ]);
    expect(shown(cli)).toEqual(shown(page));
  });

  it('nameBeside: the other file’s own name, or its path from where the two part when the names are one (review 15a D5)', () => {
    expect(nameBeside('in/b/浏阳考点.xlsx', 'in/a/浏阳考点(2).xlsx')).toBe('浏阳考点.xlsx');
    expect(nameBeside('in/b/浏阳考点.xlsx', 'in/c/浏阳考点.xlsx')).toBe('b/浏阳考点.xlsx');
    expect(nameBeside('D:\\分校\\长沙分校\\浏阳考点.xlsx', 'D:\\分校\\株洲分校\\sub\\浏阳考点.xlsx')).toBe('长沙分校/浏阳考点.xlsx');
    expect(nameBeside('浏阳考点.xlsx', 'x/浏阳考点.xlsx')).toBe('浏阳考点.xlsx');
  });

  it('one name in two folders: the warning names the counted file by its folder, not by the name it shares (review 15a D5)', async () => {
    const twin = path.join(dir, 'c', '浏阳考点.xlsx');
    fs.mkdirSync(path.dirname(twin), { recursive: true });
    fs.copyFileSync(copy, twin);
    try {
      const { io } = await run('validate', twin, plain, '--format', 'json');
      const report = JSON.parse(io.stdout) as Report;
      const named = DIFFERS.split('“浏阳考点.xlsx”').join('“b/浏阳考点.xlsx”');
      expect([findingsOf(report, plain), findingsOf(report, twin)]).toEqual([[], [{ ...WARNING, message: named }]]);
    } finally {
      fs.rmSync(path.dirname(twin), { recursive: true });
    }
  });

  it('summary: the totals count 浏阳考点.xlsx and set the copy aside, in the CLI and in-process alike', async () => {
    const { io } = await run('summary', copy, plain, '--format', 'json');
    const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
    expect(totals).toMatchObject({ repeatedUnits: [{ file: copy, site: '浏阳考点', counted: plain, same: false }] });
    const models = await Promise.all([copy, plain].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })));
    expect(consolidateModels(models).totals.repeatedUnits).toEqual([{ file: copy, site: '浏阳考点', counted: plain, same: false, errors: 0, warnings: 1 }]);
    const bare = models.map((m) => ({ ...m, file: path.basename(m.file) }));
    expect(consolidateModels(bare).totals.repeatedUnits).toEqual([
      { file: '浏阳考点(2).xlsx', site: '浏阳考点', counted: '浏阳考点.xlsx', same: false, errors: 0, warnings: 1 },
    ]);
  });
});
