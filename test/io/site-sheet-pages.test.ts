/**
 * A unit's 汇总 sheet printed (review round 13a D3): table 一 of a unit with many papers (review10a's 200-paper
 * 华容考点) ran over five pages with its column header on the first alone (the printed titles are the sheet's
 * title rows, $1:$3). Now each page the table runs onto starts with its header written again, after a manual
 * page break; the printed titles stay the title rows, so that the pages of the other sections carry no header of
 * table 一; a short table (岳麓考点's three papers) is written as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SiteData } from '../../src/model/types';
import { summarizeSite } from '../../src/summary/site';
import { PAPER_COLUMNS } from '../../src/summary/tables-site';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import type { Lang } from '../../src/rules/types';

const fixture = (...parts: string[]) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', ...parts), 'utf8')) as SiteData;

/** The sheet as written and read back: its page breaks, printed titles, the rows holding table 一's header, the papers' rows, its rules. */
async function printed(data: SiteData, lang: Lang) {
  const bytes = Buffer.from(await siteSummaryXlsx(summarizeSite(data, []), [], lang));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const xml = await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
  // A header as written, its line breaks aside (an upright English one breaks at a space): compared without spaces.
  const plain = (v: ExcelJS.CellValue) => String(v ?? '').replace(/[\s\u200b]/g, '');
  const header = PAPER_COLUMNS.map((c) => plain(c.header[lang]));
  const headers: number[] = [];
  const papers: string[] = [];
  let totals = 0;
  ws.eachRow((row, r) => {
    const values = PAPER_COLUMNS.map((_c, i) => plain(row.getCell(i + 1).value));
    if (values.join('|') === header.join('|')) headers.push(r);
    else if (/^\d{4}$/.test(values[0]) && r > 4 && !totals) papers.push(values[0]);
    if (/^(合计|Total)/.test(values[0])) totals = r;
  });
  const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings;
  return {
    printTitles: ws.pageSetup.printTitlesRow,
    breaks: [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])),
    headers,
    papers,
    totals,
    rules: cf.slice(0, 3).map((x) => [x.ref, x.rules[0].formulae?.[0]]),
    filter: ws.autoFilter,
  };
}

const range = (from: number, n: number) => Array.from({ length: n }, (_x, i) => String(from + i));

describe('table 一 of a 汇总 sheet over several printed pages', () => {
  it('200 papers (华容考点), zh: a page break before each page the table runs onto, and its header written again there', async () => {
    const p = await printed(fixture('review10a', 's-huarong-200papers-kaodian-planted.json'), 'zh');
    expect(p.printTitles).toBe('1:3');
    // Page 1: the section's heading, its header (row 5) and 30 papers; then a header and 31 papers a page.
    expect(p.breaks).toEqual([35, 67, 99, 131, 163, 195, 221]);
    expect(p.headers).toEqual([5, 36, 68, 100, 132, 164, 196]);
    expect(p.papers).toEqual(range(5000, 200));
    expect(p.totals).toBe(212);
    expect(p.filter).toBe('A5:S211');
    // The repeated headers are text among the figures: the rules ask for a number (text is more than any number in Excel).
    expect(p.rules).toEqual([
      ['K6:K211', 'AND(ISNUMBER(K6),K6<0)'],
      ['R6:R211', 'AND(ISNUMBER(R6),R6>0)'],
      ['M6:M211', 'AND(ISNUMBER(M6),M6<L6)'],
    ]);
  });

  it('200 papers, en: the same, with the English header', async () => {
    const p = await printed(fixture('review10a', 's-huarong-200papers-kaodian-planted.json'), 'en');
    expect(p.printTitles).toBe('1:3');
    expect(p.headers.slice(0, 2)).toEqual([5, p.breaks[0] + 1]);
    expect(p.headers.slice(1)).toEqual(p.breaks.filter((b) => b < p.totals).map((b) => b + 1));
    expect(p.papers).toEqual(range(5000, 200));
  });

  it('3 papers (岳麓考点): one header, no break in the table, its rules as they were', async () => {
    const p = await printed(fixture('kaodian.json'), 'zh');
    expect(p).toEqual({
      printTitles: '1:3',
      breaks: [],
      headers: [5],
      papers: ['1001', '2045', '3310'],
      totals: 9,
      rules: [
        ['K6:K8', 'AND(ISNUMBER(K6),K6<0)'],
        ['R6:R8', 'AND(ISNUMBER(R6),R6>0)'],
        ['M6:M8', 'AND(ISNUMBER(M6),M6<L6)'],
      ],
      filter: 'A5:S8',
    });
  });
});
