/**
 * fix-setaside26 item 5: two DIFFERENT files naming no unit with the same records (a re-save: other bytes, the same
 * records) are still grouped as one — counting both would count the same papers twice, and a re-save in Excel or WPS
 * changes the bytes, never the records — but the 说明 of the one set aside says what is true of it: the same records as
 * the file counted, its 基本信息 naming no unit (was “同一单位同一学期的工作簿”, which nothing shows).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readCheckableWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { setAsideNote, setAsideStatus } from '../../src/summary/set-aside';
import type { SiteData } from '../../src/model/types';
import { fixture } from '../helpers';
import { run } from './cli-report';

jest.setTimeout(120_000);

let dir: string;
let named: string;
let resaved: string;
let unitBook: string;
let unitCopy: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-no-unit-copy-'));
  const data = fixture('kaodian.json') as SiteData;
  data.site!.examSite = '';
  named = path.join(dir, '无名.xlsx');
  resaved = path.join(dir, '无名（另存）.xlsx');
  fs.writeFileSync(named, await fillWorkbook(data));
  // Opened and saved again by another program: other bytes, the same records.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(named);
  await wb.xlsx.writeFile(resaved);
  // A unit's workbook given twice beside them (the same bytes): the lists then hold both kinds.
  unitBook = path.join(dir, '岳麓考点.xlsx');
  unitCopy = path.join(dir, '岳麓考点 - 副本.xlsx');
  fs.writeFileSync(unitBook, await fillWorkbook(fixture('kaodian.json') as SiteData));
  fs.copyFileSync(unitBook, unitCopy);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOTE_ZH = '与 无名.xlsx 记的内容完全相同（基本信息读不出是哪个单位），未计入合计（只计入 无名.xlsx）';
const NOTE_EN = 'The same records as 无名.xlsx (基本信息 names no unit), not in the totals (无名.xlsx counted)';

test('other bytes, the same records, no unit: counted once; 文件清单 (and 站点汇总, by the same setAsideNote) says the same records, not the same unit', async () => {
  expect(fs.readFileSync(named).equals(fs.readFileSync(resaved))).toBe(false);
  const json = JSON.parse((await run('summary', named, resaved, '--format', 'json')).io.stdout) as { totals: Record<string, unknown> };
  expect(json.totals).toMatchObject({ files: 2, sites: 1, repeatedUnits: [{ file: resaved, counted: named, same: true, noUnit: true }] });
  const models = await Promise.all(
    [named, resaved].map(async (file) => ({ file, model: readCheckableWorkbook(await gridFromXlsxBuffer(fs.readFileSync(file))) })),
  );
  const c = consolidateModels(models);
  expect(c.totals).toEqual(json.totals);
  expect([setAsideNote(resaved, c.totals, 'zh'), setAsideNote(resaved, c.totals, 'en')]).toEqual([NOTE_ZH, NOTE_EN]);
  expect(setAsideStatus(resaved, c.totals, 'zh')).toBe(`同单位第二本：${NOTE_ZH}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await consolidatedXlsx(c, { lang: 'zh' })) as unknown as ArrayBuffer);
  const files = wb.getWorksheet('文件清单')!;
  const listed: unknown[][] = [];
  files.eachRow((row) => listed.push([row.getCell(1).value, row.getCell(3).value, row.getCell(5).value]));
  expect(listed.filter(([f]) => f === path.basename(resaved))).toEqual([[path.basename(resaved), '同单位第二本', NOTE_ZH]]);
});

/** 总览's heading of the repeated-unit list and the row under it. */
async function overviewList(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ov = wb.getWorksheet(wb.worksheets[0].name)!;
  const head = ov.getColumn(1).values.findIndex((v) => typeof v === 'string' && /^(注意：以下|Note: the workbooks below)/.test(v));
  return [head, head + 1].map((r) => [1, 2].map((c) => ov.getRow(r).getCell(c).value));
}

test('fix-print27 item 1: the heading of the list (总览, the CLI) says the same records, not the same unit, when none names its unit', async () => {
  const out = path.join(dir, '汇总.xlsx');
  const zh = await run('summary', named, resaved, '-o', out);
  expect(zh.io.stdout.split('\n')[1]).toBe(
    `注意：以下 1 个工作簿与另一本记的内容完全相同（基本信息读不出是哪个单位），两本只计一本，其试卷未计入下面的合计：${resaved}（长沙分校：与 ${named} 内容相同，只计入 ${named}）。除这一条外，它本身还有错误 1 处，不计入上面的数目。`,
  );
  const head = '注意：以下 1 个工作簿与另一本记的内容完全相同（基本信息读不出是哪个单位），两本只计一本，其试卷未计入本页和按单位级别的合计：';
  expect(await overviewList(out)).toEqual([
    [head, head],
    [path.basename(resaved), '与 无名.xlsx 内容相同，只计入 无名.xlsx'],
  ]);
  const outEn = path.join(dir, 'summary-en.xlsx');
  const en = await run('summary', named, resaved, '--lang', 'en', '-o', outEn);
  expect(en.io.stdout.split('\n')[1]).toBe(
    `Note: a workbook holding the same records as another (基本信息 names no unit) is counted once; left out of the papers' figures below: ${resaved} (长沙分校: the same records as ${named}; ${named} counted instead). Besides this notice, it has 1 error of its own, not in the counts above.`,
  );
  const headEn =
    'Note: the workbooks below hold the same records as another (基本信息 names no unit); the two are counted once, so their papers are in none of this page’s figures:';
  expect((await overviewList(outEn))[0]).toEqual([headEn, headEn]);
});

test('fix-print27 item 1: with a unit’s second workbook beside, the heading says both', async () => {
  const out = path.join(dir, '汇总-两种.xlsx');
  const zh = await run('summary', named, resaved, unitBook, unitCopy, '-o', out);
  expect(zh.io.stdout.split('\n')[1]).toBe(
    `注意：以下 2 个工作簿与另一本是同一单位同一学期的，或与另一本记的内容完全相同（基本信息读不出是哪个单位），都只计其中一本，其试卷未计入下面的合计：${unitCopy}（岳麓考点：与 ${unitBook} 内容相同，只计入 ${unitBook}）、${resaved}（长沙分校：与 ${named} 内容相同，只计入 ${named}）。除这一条外，它们本身还有错误 1 处，不计入上面的数目。`,
  );
  const head =
    '注意：以下 2 个工作簿与另一本是同一单位同一学期的，或与另一本记的内容完全相同（基本信息读不出是哪个单位），都只计其中一本，其试卷未计入本页和按单位级别的合计：';
  expect((await overviewList(out))[0]).toEqual([head, head]);
});
