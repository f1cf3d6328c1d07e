/**
 * Review round 9 printed the review7 chain's summary: headers broken inside a word (接收/交接/单, 试卷份/数, 袋数合/计,
 * 严重/程度), figures set right running into the text set left beside them (“0” + “01、02” read “001、02”) on rows
 * without borders, a dozen empty boxes right of section 五's 说明, signers broken inside a name (杨柳、陈/刚), and the
 * 汇总 sheets in the files' order, not 站点汇总's.
 */
import ExcelJS from 'exceljs';
import { headerLines, linesOf } from '../../src/summary/columns';
import { CHAIN, chainSummary } from '../summary/review7-chain';

jest.setTimeout(120_000);

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await chainSummary('zh');
});

const HEADER_FILL = 'FFDDEBF7';
const isHeader = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === HEADER_FILL;

/** Every header cell of a sheet: its text and whether each of its lines holds in its column (a line holds: one line). */
function headers(ws: ExcelJS.Worksheet) {
  const out: Record<string, { text: string; whole: boolean }> = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!isHeader(cell) || cell.isMerged) return;
      const text = String(cell.value ?? '');
      const width = ws.getColumn(cell.col).width ?? 9;
      out[cell.address] = { text, whole: text.split('\n').every((line) => headerLines(line, width) === 1) };
    }),
  );
  return out;
}

const texts = (ws: ExcelJS.Worksheet, cells: string[]) => Object.fromEntries(cells.map((a) => [a, headers(ws)[a]]));
const whole = (text: string) => ({ text, whole: true });

describe('a Chinese header breaks between its words only, each word whole on a line', () => {
  it('站点汇总: 接收 / 交接单, 试卷 / 份数, 考场次 whole', () => {
    expect(texts(wb.getWorksheet('站点汇总')!, ['G2', 'I2', 'J2', 'O2', 'P2', 'Q2', 'N2'])).toEqual({
      G2: whole('试卷\n种数'),
      I2: whole('试卷\n份数'),
      J2: whole('考生数'),
      O2: whole('考场次'),
      P2: whole('接收\n交接单'),
      Q2: whole('移交\n交接单'),
      N2: whole('移交\n送出\n（袋）'),
    });
  });

  it('试卷明细 and each 汇总 sheet: 袋数 / 合计, 移交 / 送出 / 袋数, 下级 / 送回 / 袋数; 问题清单: 严重 / 程度, 序号/ / 班次', () => {
    expect(texts(wb.getWorksheet('试卷明细')!, ['J1', 'N1', 'P1', 'Q1', 'T1', 'U1'])).toEqual({
      J1: whole('袋数\n合计'),
      N1: whole('出库\n次数'),
      P1: whole('移交\n送出\n袋数'),
      Q1: whole('下级\n送回\n袋数'),
      T1: whole('未还\n袋数'),
      U1: whole('在库\n袋数'),
    });
    expect(texts(wb.getWorksheet('汇总-常德分校')!, ['H5', 'N5', 'O5', 'R5', 'S5'])).toEqual({
      H5: whole('袋数\n合计'),
      N5: whole('移交\n送出\n袋数'),
      O5: whole('下级\n送回\n袋数'),
      R5: whole('未还\n袋数'),
      S5: whole('在库\n袋数'),
    });
    expect(texts(wb.getWorksheet('问题清单')!, ['C1', 'H1'])).toEqual({ C1: whole('严重\n程度'), H1: whole('序号/\n班次') });
  });

  it('no header line of any sheet is wider than its column', () => {
    const broken = wb.worksheets.flatMap((ws) =>
      Object.entries(headers(ws))
        .filter(([, h]) => !h.whole)
        .map(([at, h]) => `${ws.name}!${at} ${h.text}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('data rows boxed, so that a figure does not run into the text beside it', () => {
  const BOXED = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  it('站点汇总 and 试卷明细: every cell of every row under the header boxed in thin grey', () => {
    // 6 workbooks; their 21 papers.
    for (const [name, first, last, columns] of [
      ['站点汇总', 3, 8, 23],
      ['试卷明细', 2, 22, 21],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      expect([ws.getCell(last, 1).value !== null, ws.getCell(last + 1, 1).value]).toEqual([true, null]);
      for (let r = first; r <= last; r++)
        for (let c = 1; c <= columns; c++)
          expect([name, r, c, ws.getCell(r, c).border]).toEqual([name, r, c, { left: BOXED, right: BOXED, top: BOXED, bottom: BOXED }]);
    }
  });
});

describe('汇总 sheets', () => {
  it('in 站点汇总’s order: the 省校, then each 分校 and its 考点', () => {
    expect(wb.worksheets.map((ws) => ws.name).slice(6)).toEqual([
      '汇总-湖南分部',
      '汇总-常德分校',
      '汇总-桃源考点',
      '汇总-岳阳分校',
      '汇总-华容考点',
      '汇总-平江考点',
    ]);
    const sites = wb.getWorksheet('站点汇总')!;
    expect([3, 4, 5, 6, 7, 8].map((r) => `汇总-${String(sites.getCell(r, 2).value)}`)).toEqual(wb.worksheets.map((ws) => ws.name).slice(6));
  });

  it('section 二: a list of signers breaks after 、 only, each name whole on a line', () => {
    const ws = wb.getWorksheet('汇总-常德分校')!;
    const signers = [14, 15].flatMap((r) => [6, 7].map((c) => String(ws.getCell(r, c).value)));
    expect(signers).toEqual(['黄见晨、\n周跑', '杨柳、\n陈刚', '杨柳、\n陈刚', '朱红、\n邱雪']);
    // Each name on one line in its column (8 wide: three characters; a 、 after three may hang over).
    for (const c of [6, 7]) for (const name of signers.join('、').split(/、|\n/)) expect([name, linesOf(name, ws.getColumn(c).width!)]).toEqual([name, 1]);
  });

  it('section 五: 说明’s header one cell merged to the sheet’s last column, no empty boxes beside it', async () => {
    const planted = await chainSummary(
      'zh',
      CHAIN.map((n) => (n === 'w-yueyang-fenxiao' ? 'w-yueyang-fenxiao-planted-pingjiang-short' : n)),
    );
    const ws = planted.getWorksheet('汇总-岳阳分校')!;
    const r = ws.getColumn(1).values.findIndex((v) => v === '严重\n程度');
    const head = ws.getRow(r);
    expect([1, 2, 3, 4].map((c) => head.getCell(c).value)).toEqual(['严重\n程度', '问题', '位置', '说明']);
    // Merged D:S: each cell right of 说明 is part of it, none a box of its own.
    expect([5, 12, 19].map((c) => head.getCell(c).master.address)).toEqual([`D${r}`, `D${r}`, `D${r}`]);
    expect(head.getCell(20).value).toBeNull();
  });
});
