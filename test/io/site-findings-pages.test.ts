/**
 * A unit's 汇总 sheet printed, its §五 检查发现的问题 (review round 15b D1): 243 findings (k2-many-findings) ran over
 * ten pages with the table's header (严重程度 / 问题 / 位置 / 说明) on the first alone. Now each page the table runs
 * onto starts with its header written again after a manual page break, as table 一's (round 13a D3); a finding's
 * rows stay on one page; a short list is written as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Finding } from '../../src/model/finding';
import type { SiteData } from '../../src/model/types';
import { summarizeSite } from '../../src/summary/site';
import { SITE_FINDING_COLUMNS } from '../../src/summary/tables-site';
import { SIGNATURE_LINE } from '../../src/summary/words';
import { siteSummaryXlsx } from '../../src/io/xlsx/summary';
import type { Lang } from '../../src/rules/types';

const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'kaodian.json'), 'utf8')) as SiteData;

/** As k2-many-findings: the same signature missing on row after row of 附件3 (one line of message each). */
const missing = (n: number): Finding[] =>
  Array.from({ length: n }, (_x, i) => ({
    rule: 'required-field',
    severity: 'error',
    form: 3,
    sheet: '出入库记录',
    cell: `G${i + 4}`,
    row: i + 1,
    message: `第 ${i + 1} 行的“卷库保管员出库签字”没有填写`,
    clause: '附件3',
  }));

/** The sheet as written and read back: its page breaks, printed titles, the rows holding §五's header, the findings' cells. */
async function printed(findings: Finding[], lang: Lang) {
  const bytes = Buffer.from(await siteSummaryXlsx(summarizeSite(data, findings), findings, lang));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const xml = await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
  const plain = (v: ExcelJS.CellValue) => String(v ?? '').replace(/[\n\u200b]/g, '');
  const header = SITE_FINDING_COLUMNS.map((c) => plain(c.header[lang]));
  const headers: number[] = [];
  const cells: string[] = [];
  let signature = 0;
  ws.eachRow((row, r) => {
    if (String(row.getCell(1).value).startsWith(SIGNATURE_LINE[lang].slice(0, 3))) signature = r;
    const values = SITE_FINDING_COLUMNS.map((_c, i) => plain(row.getCell(i + 1).value));
    if (values.join('|') === header.join('|')) headers.push(r);
    else if (/^出入库记录/.test(values[2])) cells.push(values[2]);
  });
  const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) => headers.some((h) => m.startsWith(`D${h}:`)));
  return {
    printTitles: ws.pageSetup.printTitlesRow,
    breaks: [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])),
    headers,
    cells,
    merges,
    signature,
  };
}

const places = (n: number) => Array.from({ length: n }, (_x, i) => `出入库记录!G${i + 4}`);

describe('§五 of a 汇总 sheet over several printed pages', () => {
  it('120 findings, zh: a page break before each page the list runs onto, and its header (merged over 说明) written again there', async () => {
    const p = await printed(missing(120), 'zh');
    expect(p.printTitles).toBe('1:3');
    // §五 starts on page 1 after 一–四 (heading row 22, header 23, two findings of two rows each: 问题 on two lines);
    // then on each page a header and 16 findings.
    expect(p.breaks).toEqual([27, 60, 93, 126, 159, 192, 225, 258]);
    expect(p.headers).toEqual([23, 28, 61, 94, 127, 160, 193, 226, 259]);
    expect(p.merges).toEqual(p.headers.map((h) => `D${h}:S${h}`));
    // Every finding once, in order, none lost to a header.
    expect(p.cells).toEqual(places(120));
  });

  it('120 findings, en: the same with the English header', async () => {
    const p = await printed(missing(120), 'en');
    expect(p.printTitles).toBe('1:3');
    expect(p.headers.slice(1)).toEqual(p.breaks.map((b) => b + 1));
    expect(p.breaks.length).toBeGreaterThanOrEqual(4);
    expect(p.cells.length).toBe(120);
  });

  it('3 findings: one header, the section kept whole on the next page (break after 四, row 21) as before', async () => {
    const p = await printed(missing(3), 'zh');
    expect(p).toEqual({ printTitles: '1:3', breaks: [21], headers: [23], cells: places(3), merges: ['D23:S23'], signature: 32 });
  });
});

/**
 * The signature line kept with what it signs (review round 15b D6): it was counted on no page, so a §五 that just fitted
 * on page 1 left 制表人/审核人/日期 alone atop page 2 (in Excel's scale: LibreOffice here prints smaller).
 */
describe('the signature line of a 汇总 sheet', () => {
  it('a unit with nothing to report: one page, the signature under §五 (row 26), no break', async () => {
    const p = await printed([], 'zh');
    expect(p).toEqual({ printTitles: '1:3', breaks: [], headers: [], cells: [], merges: [], signature: 26 });
  });

  it('2 findings: §五 (rows 22–27) fits on page 1 but its signature (two blank rows and 30 pt) does not: §五 and the signature both on page 2', async () => {
    // Rows 4–27 take 508 pt of the 521 page 1 has below the titles; with the signature, 568.
    const p = await printed(missing(2), 'zh');
    expect(p).toEqual({ printTitles: '1:3', breaks: [21], headers: [23], cells: places(2), merges: ['D23:S23'], signature: 30 });
  });

  it('113 findings: the last page full without the signature: the last finding starts a page of its own, under the header, with the signature', async () => {
    const p = await printed(missing(113), 'zh');
    expect(p.breaks).toEqual([27, 60, 93, 126, 159, 192, 225, 254]);
    expect(p.headers).toEqual([23, 28, 61, 94, 127, 160, 193, 226, 255]);
    expect(p.cells).toEqual(places(113));
    // The last finding in rows 256–257, two blank rows, the signature.
    expect(p.signature).toBe(260);
  });
});
