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
