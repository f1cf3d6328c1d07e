/**
 * Review 22a d2: a 考点 whose one 报考人数 (考试安排, 2045's) shows #N/A left its whole schedule out of its level — “至少
 * 1,296” for a known 1,373 (row-unknowns.ts: the unit's total of candidates unknown, and the level took none of it). A
 * level figure is “至少 N” only by the rows truly unknown: the unit's other papers count (stock.ts rowsUnknown); where no
 * figure of the level is unknown (a 开考时间 showing #N/A, a session's own figure), the level shows its figure. The same
 * of 附件2's bag counts (bags, copies). 岳麓考点 (kaodian.json): 1001 57, 2045 31, 3310 20 candidates; 6 bags, 115 copies.
 */
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/cli/fill';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { consolidateModels } from '../../src/summary/consolidate';
import { levelFigureShown, levelsShown, noneLinesOf } from '../../src/summary/overview';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

/** 岳麓考点's workbook (named `examSite`), each of `cells` (sheet, address) a lookup showing #N/A; read. */
async function book(examSite: string, cells: Array<[string, string]> = []) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillWorkbook({ ...fixture('kaodian.json'), site: { ...fixture('kaodian.json').site!, examSite } })) as unknown as ArrayBuffer);
  for (const [sheet, cell] of cells)
    wb.getWorksheet(sheet)!.getCell(cell).value = { formula: 'VLOOKUP(B4,报名!A:C,3,FALSE)', result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue;
  return { file: `${examSite}.xlsx`, model: readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()))) };
}

type Input = Awaited<ReturnType<typeof book>>;

/** The 考点 level's 单位数, 试卷袋, 试卷份数, 考生数 as 总览 and the CLI show them, in both languages; the lines on units left out. */
function level(inputs: Input[]) {
  const t = consolidateModels(inputs).totals;
  const [l] = levelsShown(t);
  const shown = (lang: 'zh' | 'en') => [l.units, ...(['bags', 'copies', 'candidates'] as const).map((k) => levelFigureShown(l, k, lang))];
  return { zh: shown('zh'), en: shown('en'), lines: noneLinesOf(t, 'zh'), t };
}

/** 总览's level table, the 考点 row (E4:J4). */
async function overviewRow(inputs: Input[]): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels(inputs), { lang: 'zh' })) as unknown as ArrayBuffer);
  // The level table under the figures (fix-print23): A level, B units, C–D bags, E copies, F candidates, G bags out.
  const ov = wb.getWorksheet('总览')!;
  const at = [...Array(ov.rowCount).keys()].map((i) => i + 1).find((r) => r > 15 && ov.getCell(r, 1).value === '考点')!;
  return ['A', 'B', 'C', 'E', 'F', 'G'].map((c) => ov.getCell(`${c}${at}`).value);
}

const CANDIDATES_NA: [string, string] = ['考试安排', 'F4'];

describe('a level’s figure is “至少 N” only by the rows truly unknown', () => {
  it('2045’s 报考人数 #N/A: at least the unit’s other papers’ 77 (was 考试安排 显示错误值), beside another unit at least 185 (was 至少 108)', async () => {
    const shifeng = await book('石峰考点', [CANDIDATES_NA]);
    expect(level([shifeng])).toMatchObject({ zh: [1, 6, 115, '至少 77'], en: [1, 6, 115, 'at least 77'] });
    const both = level([shifeng, await book('河西考点')]);
    expect([both.zh, both.en]).toEqual([
      [2, 12, 230, '至少 185'],
      [2, 12, 230, 'at least 185'],
    ]);
    expect(both.t.levels[2]).toEqual({
      level: '考点',
      units: 2,
      bags: 12,
      copies: 230,
      candidates: 185,
      bagsStillOut: 0,
      candidatesUnknown: 1,
      candidatesWhy: ['errorSchedule'],
    });
    // The line says what is left out: the candidates that cannot be worked out (was “报考人数未计入”, all of them).
    expect(both.lines).toEqual(['注意：石峰考点的考试安排有格子显示错误值（见检查结果），无从计算的报考人数未计入按单位级别的合计。']);
    expect(await overviewRow([shifeng])).toEqual(['考点', 1, 6, 115, '至少 77', 0]);
  });

  it('2045’s 开考时间 #N/A: no candidate unknown — the level’s 108, the unit named in no line (was 考试安排 显示错误值)', async () => {
    const start = await book('石峰考点', [['考试安排', 'D4']]);
    const { zh, lines, t } = level([start]);
    expect([zh, lines, t.errorSchedule, t.levels[2].candidatesUnknown]).toEqual([[1, 6, 115, 108], [], undefined, undefined]);
    // Its first session unknown all the same, on the unit's own row (as before).
    expect(consolidateModels([start]).files[0].summary!.unread).toEqual([
      { form: 'schedule', sheet: '考试安排', cell: 'D4', shows: '#N/A', paper: '2045', figures: ['sessionStart'] },
    ]);
    expect(await overviewRow([start])).toEqual(['考点', 1, 6, 115, 108, 0]);
  });

  it('1001’s 31份装 #N/A (附件2): bags and copies at least the known 5 and 84 (was 附件2 显示错误值), the candidates 108', async () => {
    const intake = await book('荷塘考点', [['入库清单', 'D4']]);
    const { zh, en, lines } = level([intake]);
    expect([zh, en]).toEqual([
      [1, '至少 5', '至少 84', 108],
      [1, 'at least 5', 'at least 84', 108],
    ]);
    expect(lines).toEqual(['注意：荷塘考点的附件2 入库清单有格子显示错误值（见检查结果），无从计算的袋数、份数未计入按单位级别的袋数、份数。']);
    expect(await overviewRow([intake])).toEqual(['考点', 1, '至少 5', '至少 84', 108, 0]);
  });

  it('a whole form unknown is as before: 考试安排 with 试卷号 #N/A leaves the unit’s candidates out (the others’ at least)', async () => {
    const paperNo = await book('石峰考点', [['考试安排', 'B4']]);
    const both = level([paperNo, await book('河西考点')]);
    expect([both.zh, both.lines]).toEqual([
      [2, 12, 230, '至少 108'],
      ['注意：石峰考点的考试安排有格子显示错误值（见检查结果），无从计算的报考人数未计入按单位级别的合计。'],
    ]);
    expect(level([paperNo]).zh).toEqual([1, 6, 115, '考试安排 显示错误值']);
  });
});
