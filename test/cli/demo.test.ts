/** `custody demo`: writes the sample workbooks, checks them, writes the summary, says what to open next. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { listCharts } from '../../src/io/xlsx/chart';

describe('custody demo', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-demo-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a 分校 and two 考点 workbooks and the summary, and reports in Chinese', async () => {
    const io = memoryIO();
    const code = await main(['node', 'custody', 'demo', '-o', dir], io);
    expect(code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['天心考点（考点，有错误）.xlsx', '岳麓考点（考点）.xlsx', '试卷保管汇总.xlsx', '长沙分校（分校）.xlsx'].sort());
    // The counts said to be the summary's: a disagreeing handover one problem, not one per field as the pane counts (review 8, D15).
    expect(io.stdout).toContain(
      '\n\n逐个检查的结果（按汇总表的计法：两份不一致的交接单，不论几栏不同，每张计 1 处；逐个校验则每栏各计 1 处）：\n  长沙分校（分校）.xlsx：需改正：错误 1 处，警告 0 处\n',
    );
    expect(io.stdout).toContain('岳麓考点（考点）.xlsx：可以提交');
    expect(io.stdout).toMatch(/天心考点（考点，有错误）\.xlsx：需改正：错误 \d+ 处/);
    expect(io.stdout).toMatch(/故意留下的 8 处错误，检查找出了 \d+ 处/);
    // Each planted mistake names its rule by title, never by id.
    expect(io.stdout).toMatch(/✓ .*（交接单两人签字）\n/);
    expect(io.stdout).not.toMatch(/（[a-z]+(-[a-z]+)*）/);
    expect(io.stdout).toContain('交接单两份副本核对');
    expect(io.stdout).toContain('下一步');
    expect(io.stdout).toContain(path.join(dir, '试卷保管汇总.xlsx'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '试卷保管汇总.xlsx'));
    expect(wb.getWorksheet('站点汇总')!.rowCount).toBe(4 + 3); // the title above, the signature line below
    expect(await listCharts(fs.readFileSync(path.join(dir, '试卷保管汇总.xlsx')))).toMatchInlineSnapshot(`
     [
       {
         "part": "xl/charts/chart1.xml",
         "sheet": "总览",
         "title": "各类问题数量",
       },
       {
         "part": "xl/charts/chart2.xml",
         "sheet": "总览",
         "title": "各单位问题数量",
       },
       {
         "part": "xl/charts/chart3.xml",
         "sheet": "总览",
         "title": "各考点考生数与试卷份数（只列考点：各级考生相同，不相加）",
       },
     ]
    `);

    // The sample workbooks are ordinary workbooks: extract reads them back.
    const extract = memoryIO();
    await main(['node', 'custody', 'extract', path.join(dir, '岳麓考点（考点）.xlsx')], extract);
    expect(JSON.parse(extract.stdout).site.examSite).toBe('岳麓考点');
  });
});
