/**
 * fix-words24 item 2: 文件清单's 说明 was empty for a workbook set aside — one of another semester, a unit's second
 * workbook — while 站点汇总's said why (OTHER_SEMESTER_ROW, REPEATED_UNIT_ROW). Now 文件清单 says the same reason, zh
 * and en, whether the workbook is written from the spool (the CLI: src/batch/spool.ts fileRows) or in-process (the
 * pane's download: listingOf); a workbook counted keeps an empty 说明, one not read its error.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readCheckableWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidateModels } from '../../src/summary/consolidate';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { writeSetAsideBooks } from './set-aside-books';
import { scratchDir } from '../scratch';
import { run } from '../summary/cli-report';

jest.setTimeout(180_000);

let dir: string;
const NAMES = ['天心考点（上学期）.xlsx', '岳麓考点.xlsx', '岳麓考点（第二本）.xlsx', '坏文件.xlsx'];

beforeAll(async () => {
  dir = scratchDir('custody-set-aside-note-');
  fs.mkdirSync(path.join(dir, 'in'));
  await writeSetAsideBooks(path.join(dir, 'in'));
});

/** A sheet's column headed `header`, by the file named in the column headed `file` (rows from `from`), sorted by file. */
function column(wb: ExcelJS.Workbook, sheet: string, header: string, file: string, from: number): Array<[string, unknown]> {
  const ws = wb.getWorksheet(sheet)!;
  const heads = ws.getRow(from - 1).values as unknown[];
  const [h, f] = [heads.indexOf(header), heads.indexOf(file)];
  const got: Array<[string, unknown]> = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const name = ws.getRow(r).getCell(f).value;
    if (typeof name === 'string' && name.endsWith('.xlsx')) got.push([path.basename(name), ws.getRow(r).getCell(h).value ?? null]);
  }
  return got.sort((a, b) => a[0].localeCompare(b[0]));
}
const load = async (bytes: Buffer | Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
};

const NOTES = {
  zh: {
    other: '2023秋 的工作簿，未计入合计',
    differ: '与 岳麓考点.xlsx 是同一单位同一学期的工作簿，未计入合计（只计入 岳麓考点.xlsx，两本内容不同，请核对）',
  },
  en: {
    other: 'An Autumn 2023 workbook, not in the totals',
    differ: 'Same unit and semester as 岳麓考点.xlsx, not in the totals (岳麓考点.xlsx counted; the records differ: compare the two)',
  },
};

test('文件清单’s 说明 says why a workbook is set aside, as 站点汇总’s does: from the CLI (spooled) and in-process, zh and en', async () => {
  const models = await Promise.all(
    NAMES.map(async (name) => {
      try {
        return { file: name, model: readCheckableWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, 'in', name)))) };
      } catch (e) {
        return { file: name, error: (e as Error).message };
      }
    }),
  );
  for (const lang of ['zh', 'en'] as const) {
    const out = path.join(dir, `${lang}.xlsx`);
    expect((await run('summary', path.join(dir, 'in'), '-o', out, '--lang', lang)).code).toBe(2);
    const faces = [await load(fs.readFileSync(out)), await load(await consolidatedXlsx(consolidateModels(models), { lang }))];
    const [files, sites, note, file] = lang === 'zh' ? ['文件清单', '站点汇总', '说明', '文件'] : ['Files', 'Sites', 'Note', 'File'];
    const n = NOTES[lang];
    for (const wb of faces) {
      const listed = column(wb, files, note, file, 2);
      // Was null (empty) for the two set aside.
      expect(listed.map(([name, said]) => [name, name === '坏文件.xlsx' ? typeof said : said])).toEqual([
        ['坏文件.xlsx', 'string'],
        ['天心考点（上学期）.xlsx', n.other],
        ['岳麓考点.xlsx', null],
        ['岳麓考点（第二本）.xlsx', n.differ],
      ]);
      // 站点汇总's 说明 of each set aside starts with the same words.
      const site = column(wb, sites, note, file, 3);
      for (const [name, said] of listed.filter(([, s]) => s === n.other || s === n.differ)) {
        expect(String(site.find(([f]) => f === name)![1])).toMatch(new RegExp(`^${String(said).replace(/[()（）.]/g, '\\$&')}`));
      }
    }
  }
});
