/**
 * 总览 printed (review round 3, R3): after a page of charts the note (说明) and the signature line
 * went onto a page of their own (the demo's page 4). They are kept with the last table and its chart,
 * whose page takes them: the block starts a new page with them when it has not room for them, and its
 * chart is shortened when the three would not fit on one page (20 units in the last table). The note
 * runs across the page under the charts (3 lines, not 9 in A–C).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import { consolidatedXlsx } from '../../src/io/xlsx/summary';
import { consolidateModels } from '../../src/summary/consolidate';
import type { Lang } from '../../src/summary/columns';
import type { SiteData } from '../../src/model/types';
import { chainSummaryBytes } from '../summary/review7-chain';

jest.setTimeout(180_000);

/** A 分校 and `sites` 考点, the first `faulty` of them with the planted defects. */
async function summary(sites: number, faulty: number, lang: Lang): Promise<Buffer> {
  const net = sampleNetwork({ sites, papers: 2, sessions: 1 });
  const books: SiteData[] = [net.branch, ...net.sites.map((s, i) => (i < faulty ? plantDefects(s).data : s))];
  const inputs = await Promise.all(
    books.map(async (data, i) => ({
      file: `/run/${String(i).padStart(2, '0')}.xlsx`,
      sha256: String(i % 10).repeat(64),
      model: readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(data))),
    })),
  );
  return Buffer.from(await consolidatedXlsx(consolidateModels(inputs), { lang }));
}

/** 总览's rows (height, column A's text), its page breaks (after row n) and its merged cells. */
async function overview(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const xml = await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
  const rows = Array.from({ length: ws.rowCount }, (_x, i) => ({ height: ws.getRow(i + 1).height, a: String(ws.getRow(i + 1).getCell(1).value ?? '') }));
  const rowOf = (re: RegExp) => rows.findIndex((r) => re.test(r.a)) + 1;
  return {
    rows,
    rowOf,
    breaks: [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])),
    merges: [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]),
    /** Points from row `from` to row `to`, both printed. */
    height: (from: number, to: number) => rows.slice(from - 1, to).reduce((a, r) => a + (r.height ?? 15), 0),
  };
}

/** What an A4 landscape page holds of 总览 (printed at 100 %: its columns fit), less the 5 % the pages keep in hand. */
const ROOM = (210 / 25.4 - 2 * 0.6) * 72 * 0.95;

const HEADS = {
  zh: { problems: /^问题（/, sites: /^单位（问题最多/, big: /^考点（考生最多/, note: /^说明：/, signature: /^制表人：/ },
  en: {
    problems: /^Problem \(/,
    sites: /^Unit \(20 with the most problems/,
    big: /^Exam site \(考点\) \(20 with the most candidates/,
    note: /^Note: copies/,
    signature: /^Prepared by/,
  },
};

describe('总览: the note and the signature line print on the last chart’s page', () => {
  it.each([['zh'], ['en']] as Array<[Lang]>)(
    '3 考点 (%s): the last table and chart start a page of their own with the note and signatures; nothing left alone',
    async (lang) => {
      const ov = await overview(await summary(3, 1, lang));
      const at = Object.fromEntries(Object.entries(HEADS[lang]).map(([k, re]) => [k, ov.rowOf(re)])) as Record<keyof (typeof HEADS)['zh'], number>;
      // In English a page for the figures, for the problems, for the units with the most problems, then the last table
      // with the note; in Chinese the units with the most problems share the problems' page, their chart shortened to
      // what is left of it (2 bars in 9 rows, not 14): a page fewer.
      expect(ov.breaks).toEqual(lang === 'zh' ? [at.problems - 1, at.big - 1] : [at.problems - 1, at.sites - 1, at.big - 1]);
      if (lang === 'zh') expect(at.big - at.sites).toBe(9 + 1);
      // The last chart's 14 rows, a blank row, the note, a blank row, the signatures.
      expect({ note: at.note - at.big, signature: at.signature - at.note }).toEqual({ note: 15, signature: 2 });
      expect(ov.merges).toContain(`A${at.note}:L${at.note}`);
      expect(ov.rows[at.note - 1].height).toBe(lang === 'zh' ? 45 : 73);
      expect(ov.height(at.big, at.signature)).toBeLessThanOrEqual(ROOM);
    },
  );

  it.each([['zh'], ['en']] as Array<[Lang]>)(
    'the review7 chain without problems (%s): two pages — the last block shares the problems’ page, its chart shortened (review round 9 D3)',
    async (lang) => {
      const ov = await overview(Buffer.from(await chainSummaryBytes(lang)));
      const at = Object.fromEntries(Object.entries(HEADS[lang]).map(([k, re]) => [k, ov.rowOf(re)])) as Record<keyof (typeof HEADS)['zh'], number>;
      // No unit to rank by problems: no such table. In English the figures fill page 1 (a page of its own for the last
      // block made it 3 pages); in Chinese the last block needs more than is left of page 1.
      expect(at.sites).toBe(0);
      expect(ov.breaks).toEqual([lang === 'zh' ? at.big - 1 : at.problems - 1]);
      // The block's rows, then a blank row. English: under a header 86 points tall, the chart's 3 bars in 11 rows, not 13;
      // Chinese: 13, as on a page of its own.
      expect(at.note - at.big).toBe(lang === 'zh' ? 15 : 13);
      expect(ov.height(lang === 'zh' ? at.big : at.problems, at.signature)).toBeLessThanOrEqual(ROOM);
    },
  );

  it('22 考点: the 20 units with the most candidates, the note and the signatures on one page, the chart shortened for them', async () => {
    const ov = await overview(await summary(22, 3, 'zh'));
    const big = ov.rowOf(HEADS.zh.big);
    const note = ov.rowOf(HEADS.zh.note);
    const signature = ov.rowOf(HEADS.zh.signature);
    expect(ov.breaks[ov.breaks.length - 1]).toBe(big - 1);
    // The header, 20 units, 3 blank rows under them beside the chart (30 rows unshortened), a blank row.
    expect({ note: note - big, signature: signature - note }).toEqual({ note: 25, signature: 2 });
    expect(ov.height(big, signature)).toBeLessThanOrEqual(ROOM);
    expect(ov.rows.slice(big, big + 20).map((r) => r.a)).toHaveLength(20);
  });
});
