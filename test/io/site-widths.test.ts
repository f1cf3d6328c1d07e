/**
 * 站点汇总's free-text columns sized from what they hold (review round 3): declared, the demo's file
 * names (天心考点（考点，有错误）.xlsx) took three lines in 文件 (14 wide) and an English level
 * (“Exam site (考点)”, “Branch school (分校)”) six or seven in Level (5 wide): rows of 48 points in
 * Chinese, 78–93 in English. Now 单位, 级别, 说明 and 文件 share what the page leaves them, the table still one
 * page wide with its body printed at 9 pt or more.
 */
import ExcelJS from 'exceljs';
import { runDemo } from '../../src/cli/demo-run';
import { LEAST_PRINTED_PT, linesOf, printScale } from '../../src/summary/columns';
import { SITE_COLUMNS } from '../../src/summary/tables';
import type { Lang } from '../../src/summary/columns';
import { scratchDir } from '../scratch';
import { chainSummary } from '../summary/review7-chain';

jest.setTimeout(120_000);

async function sites(lang: Lang) {
  const demo = await runDemo(scratchDir('custody-site-widths-'), lang);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demo.summaryFile);
  return siteTable(wb, [3, 4, 5]);
}

function siteTable(wb: ExcelJS.Workbook, rowNumbers: number[]) {
  const ws = wb.worksheets[1];
  const widths = SITE_COLUMNS.map((_c, i) => ws.getColumn(i + 1).width ?? 8.43);
  const col = (key: string) => SITE_COLUMNS.findIndex((c) => c.key === key);
  const rows = rowNumbers.map((r) => ws.getRow(r));
  const cells = (key: string) => rows.map((row) => String(row.getCell(col(key) + 1).value ?? ''));
  return {
    name: ws.name,
    widths: { school: widths[col('school')], unit: widths[col('unit')], level: widths[col('level')], note: widths[col('note')], file: widths[col('file')] },
    schools: cells('school'),
    units: cells('unit'),
    heights: rows.map((row) => row.height),
    levels: cells('level').map((text) => ({ text, lines: linesOf(text, widths[col('level')]) })),
    files: cells('file').map((text) => ({ text, lines: linesOf(text, widths[col('file')]) })),
    printed: 11 * printScale(widths) >= LEAST_PRINTED_PT,
  };
}

describe('站点汇总 sizes 单位, 级别, 说明 and 文件 from their texts within the page, beside a narrow 分校', () => {
  // With 分校 a column of its own (review round 5; two characters a line: the English page has no room to spare) the
  // others have less room: 天心考点's row, whose 说明 wraps, is three lines tall in Chinese (it was two); in English
  // the rows stay 48–63 points.
  // Its headers' words whole (接收 / 交接单, 考场次: review round 9) took 4 more of the page: 文件 is 13 wide, 天心考点's
  // name three lines in a row its 说明 makes three lines tall anyway.
  // 分校 and 单位 keep a name of up to six characters whole (review round 13a D4: 长沙分/校 at 6 wide): 分校 10 wide, the room
  // 文件's (9): each file name a line longer, each row a line taller than when 分校 broke.
  it('in Chinese: each school, unit and level on one line, each file name on three or four', async () => {
    expect(await sites('zh')).toEqual({
      name: '站点汇总',
      widths: { school: 10, unit: 10, level: 6, note: 11, file: 9.01 },
      schools: ['长沙分校', '长沙分校', '长沙分校'],
      units: ['长沙分校', '天心考点', '岳麓考点'],
      heights: [48, 63, 48],
      levels: [
        { text: '分校', lines: 1 },
        { text: '考点', lines: 1 },
        { text: '考点', lines: 1 },
      ],
      files: [
        { text: '长沙分校（分校）.xlsx', lines: 3 },
        { text: '天心考点（考点，有错误）.xlsx', lines: 4 },
        { text: '岳麓考点（考点）.xlsx', lines: 3 },
      ],
      printed: true,
    });
  });

  // 合计, 未还 and 移交送出 (袋) 7 wide, not 8 (（袋） holds in 7: review round 9): the room went to Level.
  it('in English: each school and unit on one line (review round 13a D4), a level on three lines, its bracketed word whole on the last, rows of 48 and 63 points (78 and 93)', async () => {
    expect(await sites('en')).toEqual({
      name: 'Sites',
      widths: { school: 10, unit: 10, level: 9.01, note: 11, file: 9.01 },
      schools: ['长沙分校', '长沙分校', '长沙分校'],
      units: ['长沙分校', '天心考点', '岳麓考点'],
      heights: [48, 63, 48],
      // The bracketed word on a line of its own (review round 13a D8: Branch school (分 / 校)).
      levels: [
        { text: 'Branch school\n(分校)', lines: 3 },
        { text: 'Exam site\n(考点)', lines: 3 },
        { text: 'Exam site\n(考点)', lines: 3 },
      ],
      files: [
        { text: '长沙分校（分校）.xlsx', lines: 3 },
        { text: '天心考点（考点，有错误）.xlsx', lines: 4 },
        { text: '岳麓考点（考点）.xlsx', lines: 3 },
      ],
      printed: true,
    });
  });
});

describe('站点汇总 with file names in Latin letters (w-pingjiang-kaodian.xlsx): a name breaks after its hyphens', () => {
  // Taken as one unbreakable word, the longest name kept 文件 24 wide, so 单位 and 分校 broke mid-name (湖南分/部, 常德分/校).
  it('each unit and school on one line, each file name on two, broken after a hyphen', async () => {
    const { widths, schools, units, files, printed } = siteTable(await chainSummary(), [3, 4, 5, 6, 7, 8]);
    expect({ widths, printed }).toEqual({ widths: { school: 10, unit: 10, level: 6, note: 5, file: 16 }, printed: true });
    expect(units.map((u) => linesOf(u, widths.unit))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(schools.map((u) => linesOf(u, widths.school))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(files).toEqual(
      ['hunan-shengxiao', 'changde-fenxiao', 'taoyuan-kaodian', 'yueyang-fenxiao', 'huarong-kaodian', 'pingjiang-kaodian'].map((n) => ({
        text: `w-${n}.xlsx`,
        lines: 2,
      })),
    );
  });
});
