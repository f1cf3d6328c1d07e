/**
 * fix-setaside26 item 2: a workbook set aside (here of another semester) is in neither 可以提交 nor 需改正, and its
 * findings were still in the head line's 错误 / 警告, 总览's and the exit code — counts of other workbooks than those
 * beside them. They count the workbooks counted now; the set-aside one's own findings are said where it is listed (the
 * CLI's line, 总览's list, the page's line), in the same words, spooled and in-process alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from './cli-report';
import { fillWorkbook } from '../../src/cli/fill';
import type { SiteData } from '../../src/model/types';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { checkSites, consolidatedLabel } from '../../src/taskpane/check';
import { otherSemesterNotice, sectionsOf, statusesShown } from '../../src/taskpane/summary-view';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';

jest.setTimeout(120_000);

const review = (name: string): SiteData => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'review', `${name}.json`), 'utf8')) as SiteData;

let dir: string;
let branch: string;
let wangcheng: string;
/** 宁乡考点's workbook of 2024秋, one receiver's signature missing on its first handover: an error of its own. */
let lastYear: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-aside-findings-'));
  branch = path.join(dir, '长沙分校.xlsx');
  wangcheng = path.join(dir, '望城考点.xlsx');
  lastYear = path.join(dir, '宁乡考点.xlsx');
  const faulty = review('a-ningxiang-evening-kaodian');
  faulty.handovers![0].toSigners = ['黄志刚'];
  fs.writeFileSync(branch, await fillWorkbook(review('h-changsha-per-session-fenxiao')));
  fs.writeFileSync(wangcheng, await fillWorkbook(review('h-wangcheng-per-session-kaodian')));
  fs.writeFileSync(lastYear, await fillWorkbook(faulty));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OWN_ZH = '除这一条外，它本身还有错误 1 处，不计入上面的数目。';
const OWN_EN = ' Besides this notice, it has 1 error of its own, not in the counts above.';

test('the head line counts the workbooks counted: 错误 0, exit 0; the line on the other semester says its own error', async () => {
  const out = path.join(dir, '汇总.xlsx');
  const { code, io } = await run('summary', branch, wangcheng, lastYear, '-o', out);
  expect(code).toBe(0);
  expect(io.stdout.split('\n').slice(0, 2)).toEqual([
    '已汇总 3 个工作簿（其中 1 个属另一学期）：可以提交 2 个，需改正 0 个；错误 0 处，警告 0 处。',
    `注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：${lastYear}（2024秋）。${OWN_ZH}`,
  ]);
  const en = await run('summary', branch, wangcheng, lastYear, '-o', path.join(dir, 'en.xlsx'), '--lang', 'en');
  expect(en.io.stdout.split('\n').slice(0, 2)).toEqual([
    'Summarised 3 workbooks (1 of another semester): 2 ready to submit, 0 to correct; 0 errors, 0 warnings.',
    `Note: not of Spring 2025, the semester of the other workbooks, so left out of the papers' figures below: ${lastYear} (Autumn 2024).${OWN_EN}`,
  ]);
  // 总览: the figures add up (3 = 0 + 1 + 2; 2 = 2 + 0), 错误 0; its own error said under its line, as the CLI says it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ov = wb.getWorksheet('总览')!;
  const at = (r: number) => [1, 2].map((c) => ov.getRow(r).getCell(c).value);
  expect([4, 5, 6, 7, 8, 9, 10, 11].map(at)).toEqual([
    ['工作簿', 3],
    ['无法读取', 0],
    ['属另一学期', 1],
    ['单位（计入合计）', 2],
    ['可以提交', 2],
    ['需改正', 0],
    ['错误（处）', 0],
    ['警告（处）', 0],
  ]);
  expect([at(25), at(26), ov.getCell('A27').value]).toEqual([['宁乡考点.xlsx', '2024秋'], [OWN_ZH, OWN_ZH], null]);
  expect(ov.model.merges).toContain('A26:C26');
  // No chart of problems counts it: the counted workbooks have none.
  const ranked: unknown[] = [];
  ov.eachRow((row) => ranked.push(row.getCell(1).value));
  expect(ranked).toContain('未发现问题');
});

test('JSON totals, spooled and in-process alike: errors 0, the workbook set aside with its own findings', async () => {
  const { io } = await run('summary', branch, wangcheng, lastYear, '--format', 'json');
  const totals = (JSON.parse(io.stdout) as { totals: Record<string, unknown> }).totals;
  expect(totals).toMatchObject({
    files: 3,
    sites: 2,
    ready: 2,
    errors: 0,
    warnings: 0,
    otherSemester: [{ file: lastYear, site: '宁乡考点', semester: '2024秋', errors: 1, warnings: 1 }],
    repeatedUnits: [],
  });
  const inputs = await Promise.all(
    [branch, wangcheng, lastYear].map(async (file) => ({ file, model: readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
  );
  expect(consolidateModels(inputs).totals).toEqual(totals);
});

test('the page’s 汇总 view says the same line, its own error too', async () => {
  const inputs = await Promise.all(
    [branch, wangcheng, lastYear].map(async (file, i) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      return { id: String(i), label: path.basename(file), bytes, grid: await gridFromXlsxBuffer(bytes) };
    }),
  );
  const sites = (await checkSites(inputs, 'zh')).map((site) => ({ site, summary: site.summary! }));
  expect(otherSemesterNotice(sites, 'zh')).toEqual([
    `注意：以下 1 个工作簿不是2025春学期（其他工作簿的学期）的，其试卷未计入下面的合计：宁乡考点.xlsx（2024秋）。${OWN_ZH}`,
  ]);
});

test('item 3: the page’s download of a set-aside unit’s 汇总 says its status words and why (was 提交状态：可以提交), as its section does', async () => {
  const inputs = await Promise.all(
    [branch, wangcheng, lastYear].map(async (file, i) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      return { id: String(i), label: path.basename(file), bytes, grid: await gridFromXlsxBuffer(bytes) };
    }),
  );
  const sites = (await checkSites(inputs, 'zh')).map((site) => ({ site, summary: site.summary! }));
  const status = statusesShown(sites, 'zh')[2];
  expect(status).toEqual({ text: '属另一学期：2024秋 的工作簿，未计入合计', kind: 'aside' });
  // What the section's 下载汇总 button writes (summary-view.ts drawSite → browser-face writeSummary).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await siteSummaryXlsx(sites[2].summary, sites[2].site.findings, 'zh', status.text)) as unknown as ArrayBuffer);
  const line = wb.getWorksheet('汇总')!.getCell('A3');
  expect([line.value, line.font.color?.argb]).toEqual([
    '提交状态：属另一学期：2024秋 的工作簿，未计入合计    错误 1    警告 1    值班覆盖 135小时40分 / 135小时40分    未还 0 袋',
    'FF595959',
  ]);
});

test('item 4: the page’s 汇总 view shows a byte copy as its own section, set aside as its unit’s second (两本内容相同), as the download lists it', async () => {
  const copy = path.join(dir, '望城考点 - 副本.xlsx');
  fs.copyFileSync(wangcheng, copy);
  const inputs = await Promise.all(
    [copy, wangcheng, branch].map(async (file, i) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      return { id: String(i), label: path.basename(file), bytes, grid: await gridFromXlsxBuffer(bytes) };
    }),
  );
  const results = await checkSites(inputs, 'zh');
  const sections = sectionsOf(results, new Map(results.map((r) => [r.id, r.summary!])));
  // The workbook counted first, its copy under it (was: no section, a line under the workbook's).
  expect(sections.map((s) => s.site.label)).toEqual(['望城考点.xlsx', '望城考点 - 副本.xlsx', '长沙分校.xlsx']);
  expect(statusesShown(sections, 'zh')).toEqual([
    { text: '可以提交', kind: 'yes' },
    { text: '同单位第二本：与 望城考点.xlsx 是同一单位同一学期的工作簿，未计入合计（只计入 望城考点.xlsx，两本内容相同）', kind: 'aside' },
    { text: '可以提交', kind: 'yes' },
  ]);
  // The button counts it, as the download lists it.
  expect(consolidatedLabel(results, 'zh')).toBe('下载合并汇总（3 个工作簿）');
  fs.rmSync(copy);
});
