/**
 * 站点汇总's 分校 column (site-order.ts schoolsShown): a 分校's units may write it several ways (长沙分校,
 * 湖南开放大学长沙分校, 国家开放大学湖南分部长沙分校); its group shows one name — the 分校's own workbook's when
 * it is in the run, else the shortest the others contain, else the most written — in both writers, the in-memory
 * one and the spooled one, alike; each unit's own name stays in its 单位.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { sampleNetwork } from '../../src/demo/sample';
import type { SiteData } from '../../src/model/types';
import { consolidateFiles } from '../../src/batch/consolidate';
import { spoolFiles } from '../../src/batch/spool';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { type SitePlace, schoolsShown } from '../../src/summary/site-order';
import { LEAST_PRINTED_PT, linesOf, printScale } from '../../src/summary/columns';
import { SITE_COLUMNS } from '../../src/summary/tables';

jest.setTimeout(120_000);

const unit = (level: SitePlace['level'], school: string, name = ''): SitePlace => ({ readable: true, level, school, name });

describe('one name for a 分校 however its units write it', () => {
  test('its own workbook’s name when it is in the run, wherever it comes', () => {
    const places = [unit('考点', '邵阳分校'), unit('考点', '湖南开放大学邵阳分校'), unit('分校', '国家开放大学湖南分部邵阳分校'), unit('考点', '邵阳分校')];
    expect(schoolsShown(places)).toEqual(Array(4).fill('国家开放大学湖南分部邵阳分校'));
  });

  test('else the shortest name the others contain; else the one most written, the shortest of those', () => {
    expect(schoolsShown([unit('考点', '湖南开放大学邵阳分校'), unit('考点', '邵阳分校'), unit('考点', '国家开放大学湖南分部邵阳分校')])).toEqual(
      Array(3).fill('邵阳分校'),
    );
    // One group (each name contains or is in one before it), no name in all: the most written; of as many, the shortest.
    const chain = ['湖南开放大学', '湖南开放大学邵阳分校', '邵阳分校'].map((school) => unit('考点', school));
    expect(schoolsShown([...chain, unit('考点', '湖南开放大学')])).toEqual(Array(4).fill('湖南开放大学'));
    expect(schoolsShown(chain)).toEqual(Array(3).fill('邵阳分校'));
    // 邵阳市分校 neither contains 邵阳分校 nor is in it: another 分校 (sameUnit), its own group.
    expect(schoolsShown([unit('考点', '邵阳市分校'), unit('考点', '邵阳分校')])).toEqual(['邵阳市分校', '邵阳分校']);
  });

  test('other 分校, the 省校, units naming none and unreadable files keep their own', () => {
    const places = [
      unit('省校', '', '湖南分部'),
      unit('考点', '岳阳分校'),
      unit('考点', '邵阳分校'),
      unit('分校', '湖南开放大学岳阳分校'),
      unit('考点', ''),
      { readable: false, level: null, school: '', name: '' },
    ];
    expect(schoolsShown(places)).toEqual(['', '湖南开放大学岳阳分校', '邵阳分校', '湖南开放大学岳阳分校', '', '']);
  });
});

/** 站点汇总's 分校, 单位 and 级别 columns of the units' rows, written by both writers over `books` (the whole sheet the same from each). */
async function siteColumns(books: SiteData[]): Promise<string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-school-'));
  try {
    const files: string[] = [];
    for (const [i, data] of books.entries()) {
      files.push(path.join(dir, `${i}.xlsx`));
      fs.writeFileSync(files[i], await fillWorkbook(data));
    }
    const spool = await spoolFiles(files, { threads: 0, tmpDir: dir });
    try {
      const [streamed, held] = [
        await sheetOf(await consolidatedXlsx(spool.source())),
        await sheetOf(await consolidatedXlsx(await consolidateFiles(files, { threads: 0 }))),
      ];
      expect(streamed).toEqual(held);
      // Below the title and the header, above the signature line.
      return held.slice(2, -1).map((r) => r.slice(1, 4) as string[]);
    } finally {
      await spool.dispose();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 站点汇总's rows as read back, the title's and the header's with them (ExcelJS: a row's values from index 1). */
async function sheetOf(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet('站点汇总')!.eachRow((row, n) => void (rows[n] = (row.values as unknown[]).slice()));
  return rows.filter(Boolean);
}

/** A 长沙分校 with three 考点, each written its way: the 分校's own workbook first when `branch`. */
function network(branch: boolean): SiteData[] {
  const net = sampleNetwork({ sites: 3, papers: 2, sessions: 1 });
  net.sites[0].site!.school = '湖南开放大学长沙分校';
  net.sites[2].site!.school = '国家开放大学湖南分部长沙分校';
  if (branch) net.branch.site!.school = '国家开放大学湖南分部长沙分校';
  return branch ? [net.branch, ...net.sites] : net.sites;
}

test('站点汇总, both writers: the 分校’s own name on every row of its group, its own spelling in its 单位', async () => {
  const full = '国家开放大学湖南分部长沙分校';
  expect(await siteColumns(network(true))).toEqual([
    [full, full, '分校'],
    [full, '开福考点', '考点'],
    [full, '天心考点', '考点'],
    [full, '岳麓考点', '考点'],
  ]);
});

test('站点汇总, both writers, no 分校 workbook: the short name the others contain', async () => {
  expect(await siteColumns(network(false))).toEqual([
    ['长沙分校', '开福考点', '考点'],
    ['长沙分校', '天心考点', '考点'],
    ['长沙分校', '岳麓考点', '考点'],
  ]);
});

test('站点汇总 in Chinese: 分校 sized into the room the other columns leave, the page still one wide (the full name on fewer lines)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-school-width-'));
  try {
    const files = await Promise.all(
      network(true).map(async (data, i) => {
        const file = path.join(dir, `${i}.xlsx`);
        fs.writeFileSync(file, await fillWorkbook(data));
        return file;
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(await consolidateFiles(files, { threads: 0 }))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('站点汇总')!;
    const widths = SITE_COLUMNS.map((_c, i) => ws.getColumn(i + 1).width ?? 8.43);
    const school = widths[SITE_COLUMNS.findIndex((c) => c.key === 'school')];
    const declared = SITE_COLUMNS.find((c) => c.key === 'school')!.width;
    expect({ school, lines: linesOf('国家开放大学湖南分部长沙分校', school), printed: 11 * printScale(widths) >= LEAST_PRINTED_PT }).toEqual({
      // 18 wide: its first eight characters whole on a line (fix-print23: NAME_WHOLE 8; 14 and three lines at six, review
      // round 13a D4; 11 before, 16 and 2 before the other columns' headers were kept whole: 考场次, 交接单 take their room).
      school: 18,
      lines: 2,
      printed: true,
    });
    // As declared, the name took seven lines, and each row of the group as many.
    expect(linesOf('国家开放大学湖南分部长沙分校', declared)).toBe(7);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
