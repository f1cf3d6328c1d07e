/**
 * Review 21 D3: a level whose only unit's 考试安排 could not be read said “考点 1 个，6 袋、115 份（报考 0 人）” in the
 * CLI's line and 0 in 总览's 考生数: its candidates, left out of every figure, read as none. Now a level says its
 * candidates (and bags still out, 附件3 not read) unknown where no unit's is known, and “至少 N” where some are.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { summarizeSite } from '../../src/summary/site';
import { emptyTotals } from '../../src/summary/totals';
import { addUnitStock, unitStockOf } from '../../src/summary/stock';
import { levelFigureShown, levelsShown } from '../../src/summary/overview';
import { validateSite } from '../../src/rules/engine';
import { consolidatedXlsx } from '../../src/io/xlsx/summary/consolidated';
import { consolidateModels } from '../../src/summary/consolidate';
import { type Lost, lostBook } from './unread-books';
import { fillWorkbook } from '../../src/cli/fill';
import { fixture } from '../helpers';

jest.setTimeout(60_000);

const summaryOf = async (book: Buffer, file: string) => {
  const model = readWorkbook(await gridFromXlsxBuffer(book));
  const findings = validateSite(model);
  return { file, findings: [...findings], summary: summarizeSite(model, findings, { file }), sha256: null };
};
const lost = async (form: Lost, examSite?: string) => summaryOf(await lostBook(form, examSite), `${form}.xlsx`);
const read = async (examSite: string) => {
  const data = fixture('kaodian.json');
  data.site!.examSite = examSite;
  return summaryOf(Buffer.from(await fillWorkbook(data)), `${examSite}.xlsx`);
};

/** The levels of the totals of `outcomes`, with each level's candidates and bags out as 总览 and the CLI show them. */
function levelsOf(outcomes: Array<Awaited<ReturnType<typeof lost>>>, lang: 'zh' | 'en' = 'zh') {
  const t = emptyTotals(outcomes.length);
  for (const o of outcomes) addUnitStock(t, unitStockOf(o.summary));
  return levelsShown(t).map((l) => [
    l.level,
    l.units,
    l.candidates,
    l.candidatesUnknown,
    levelFigureShown(l, 'candidates', lang),
    levelFigureShown(l, 'bagsStillOut', lang),
  ]);
}

describe('a level’s candidates and bags out where units’ forms were not read', () => {
  it('the one 考点’s 考试安排 not read: its level’s candidates unknown (was 0), its bags out 0 as 附件3 says', async () => {
    const one = await lost('schedule');
    expect(levelsOf([one])).toEqual([['考点', 1, 0, 1, '考试安排 未能读取', 0]]);
    expect(levelsOf([one], 'en')).toEqual([['考点', 1, 0, 1, '考试安排 not read', 0]]);
  });

  it('one of two 考点 not read: at least the other’s 108', async () => {
    expect(levelsOf([await lost('schedule'), await read('河西考点')])).toEqual([['考点', 2, 108, 1, '至少 108', 0]]);
    expect(levelsOf([await lost('schedule'), await read('河西考点')], 'en')).toEqual([['考点', 2, 108, 1, 'at least 108', 0]]);
  });

  it('附件3 not read: the level’s bags out unknown (was 0)', async () => {
    expect(levelsOf([await lost('vaultLog')])).toEqual([['考点', 1, 108, undefined, 108, '附件3 未能读取']]);
  });

  it('总览’s level table: 考试安排 未能读取 in 考生数, not 0', async () => {
    const model = readWorkbook(await gridFromXlsxBuffer(await lostBook('schedule')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels([{ file: 'schedule.xlsx', model }]), { lang: 'zh' })) as unknown as ArrayBuffer);
    const ov = wb.getWorksheet('总览')!;
    // The level table under the figures (fix-print23; was beside them from E3): its header in row 19 (需改正 a line
    // above it since fix-setaside26), a row per level under it (writeLevels), in A, B, C–D (merged: D reads as C), E, F, G.
    const row = (r: number) => (ov.getRow(r).values as unknown[]).slice(1, 8);
    expect([row(19), row(20)]).toEqual([
      ['单位级别', '单位数', '试卷袋', '试卷袋', '试卷份数', '考生数', '未还（袋）'],
      // On two lines, between its pieces (review 22b D5: 考试安排 未能读 / 取 in print).
      ['考点', 1, 6, 6, 115, '考试安排\n未能读取', 0],
    ]);
    // The word right-aligned beside the figures, wrapped in its cell (review 21b D2: not run over the next column).
    expect(ov.getRow(20).getCell(6).alignment).toEqual({ horizontal: 'right', vertical: 'middle', wrapText: true });
  });

  // Review 22a D2: a unit whose 附件2 was not read (or shows an error value) left its level's whole row — its unit, its
  // candidates and its bags out — while 总览's own 未还保密室 counted it: “考点 12 个 … 未还 0” beside “未还保密室 2”.
  it('附件2 not read: the unit, its candidates and its bags out in its level; its bags and copies at least the others’', async () => {
    const outcomes = [await lost('intake'), await read('河西考点')];
    const t = emptyTotals(outcomes.length);
    for (const o of outcomes) addUnitStock(t, unitStockOf(o.summary));
    const [l] = levelsShown(t);
    expect([l.level, l.units, l.candidates, l.bagsUnknown, l.bagsWhy]).toEqual(['考点', 2, 216, 1, ['unreadIntake']]);
    const shown = (lang: 'zh' | 'en') => (['bags', 'copies', 'candidates', 'bagsStillOut'] as const).map((k) => levelFigureShown(l, k, lang));
    expect([shown('zh'), shown('en')]).toEqual([
      ['至少 6', '至少 115', 216, 0],
      ['at least 6', 'at least 115', 216, 0],
    ]);
    const alone = emptyTotals(1);
    addUnitStock(alone, unitStockOf(outcomes[0].summary));
    expect((['bags', 'copies'] as const).map((k) => levelFigureShown(levelsShown(alone)[0], k, 'zh'))).toEqual(['附件2 未能读取', '附件2 未能读取']);
  });

  it('总览’s level table: 至少 N in 试卷袋 and 试卷份数, the unit and its candidates counted', async () => {
    const models = await Promise.all(
      [
        await lostBook('intake'),
        Buffer.from(await fillWorkbook({ ...fixture('kaodian.json'), site: { ...fixture('kaodian.json').site!, examSite: '河西考点' } })),
      ].map(async (b) => readWorkbook(await gridFromXlsxBuffer(b))),
    );
    const wb = new ExcelJS.Workbook();
    const inputs = models.map((model, i) => ({ file: `${i}.xlsx`, model }));
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(consolidateModels(inputs), { lang: 'zh' })) as unknown as ArrayBuffer);
    const row = (r: number) => (wb.getWorksheet('总览')!.getRow(r).values as unknown[]).slice(1, 8);
    expect(row(20)).toEqual(['考点', 2, '至少 6', '至少 6', '至少 115', 216, 0]);
  });
});
