/**
 * The outside review's round 7 (test/fixtures/review7/), D5: 总览's ranking by candidates put 湖南分部 273, 岳阳分校
 * 220 above 平江考点 124 — the same candidates counted at each level, against the sheet's own “各级不相加”. It now
 * ranks one level, the lowest the run has (where the candidates sit), and says so in its head and chart title.
 */
import { rankChartData } from '../../src/summary/overview';
import { bigWords } from '../../src/summary/words';
import { plainHeader } from '../../src/summary/columns';
import { chainSummary } from './review7-chain';

jest.setTimeout(180_000);

const unit = (name: string, level: '省校' | '分校' | '考点' | null, candidates: number) => ({
  name,
  level,
  candidates,
  copies: candidates + 10,
  papers: 3,
  errors: 0,
  warnings: 0,
});
const CHAIN = [
  unit('湖南分部', '省校', 273),
  unit('岳阳分校', '分校', 220),
  unit('平江考点', '考点', 124),
  unit('华容考点', '考点', 96),
  unit('常德分校', '分校', 53),
  unit('桃源考点', '考点', 53),
];
const ranked = (units: Parameters<typeof rankChartData>[1]) => {
  const { big, bigLevel } = rankChartData(new Map(), units);
  return { names: big.map((u) => `${u.name} ${u.candidates}`), bigLevel };
};

describe('D5: 总览 ranks the units of one level by candidates', () => {
  test('a whole chain: the 考点 only', () => {
    expect(ranked(CHAIN)).toEqual({ names: ['平江考点 124', '华容考点 96', '桃源考点 53'], bigLevel: '考点' });
  });

  test('no 考点 in the run: its 分校; no level read at all: every unit, as before', () => {
    expect(ranked(CHAIN.filter((u) => u.level !== '考点'))).toEqual({ names: ['岳阳分校 220', '常德分校 53'], bigLevel: '分校' });
    expect(ranked(CHAIN.map((u) => ({ ...u, level: null })))).toMatchObject({ bigLevel: null, names: expect.arrayContaining(['湖南分部 273']) });
  });

  test('the head and the chart title say which level, and why one only', () => {
    expect({ ...bigWords('考点', 'zh'), head: plainHeader(bigWords('考点', 'zh').head) }).toEqual({
      head: '考点（考生最多的前 20 个）',
      chart: '各考点考生数与试卷份数（只列考点：各级考生相同，不相加）',
    });
    expect(bigWords('考点', 'en')).toEqual({
      head: 'Exam site (考点) (20 with the most candidates)',
      chart: 'Candidates and copies by exam site (考点) (this level only: each level counts the same candidates)',
    });
    expect({ ...bigWords(null, 'zh'), head: plainHeader(bigWords(null, 'zh').head) }).toEqual({
      head: '单位（考生最多的前 20 个）',
      chart: '各单位考生数与试卷份数',
    });
  });

  test('the summary workbook of the chain: 总览 lists 平江, 华容, 桃源 under “考点（考生最多的前 20 个）”', async () => {
    const wb = await chainSummary();
    const ov = wb.getWorksheet('总览')!;
    const rows: string[][] = [];
    ov.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ''))));
    const head = rows.findIndex((r) => r[0].includes('考生最多'));
    expect(rows.slice(head, head + 5)).toEqual([
      // Broken between its words where it does not fit its column (review round 9).
      ['考点（考生最多的\n前 20 个）', '考生数', '试卷份数'],
      ['平江考点', '124', expect.any(String)],
      ['华容考点', '96', expect.any(String)],
      ['桃源考点', '53', expect.any(String)],
      expect.not.arrayContaining(['湖南分部']),
    ]);
  });
});
