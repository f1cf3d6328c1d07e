/**
 * The summary workbooks read back with exceljs (and their zip with jszip):
 * sheets, headers, frozen panes, filters, conditional formats, A4 landscape,
 * and the charts.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillWorkbook } from '../../src/cli/fill';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { readWorkbook } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { SiteData } from '../../src/model/types';
import { listCharts } from '../../src/io/xlsx/chart';
import { Consolidated, consolidateModels } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import {
  FINDING_COLUMNS,
  PAIR_COLUMNS,
  PAPER_COLUMNS,
  PAPER_DETAIL_COLUMNS,
  SITE_COLUMNS,
  addSiteSummarySheet,
  consolidatedXlsx,
} from '../../src/io/xlsx/summary-workbook';

async function network(): Promise<Consolidated> {
  const net = sampleNetwork({ sites: 2, papers: 4, sessions: 2 });
  const faulty = plantDefects(net.sites[1]).data;
  const books: Array<[string, SiteData]> = [['分校.xlsx', net.branch], ['岳麓.xlsx', net.sites[0]], ['天心.xlsx', faulty]];
  const inputs = await Promise.all(
    books.map(async ([file, data]) => ({ file, sha256: 'f'.repeat(64), model: readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(data))) })),
  );
  inputs.push({ file: 'broken.xlsx', sha256: '0'.repeat(64), model: undefined as never });
  return consolidateModels(inputs.map((i) => (i.model ? i : { file: i.file, sha256: i.sha256, error: '不是 .xlsx 工作簿（文件内容不是 Excel 格式）' })));
}

const headers = (ws: ExcelJS.Worksheet, row = 1): string[] =>
  ((ws.getRow(row).values as unknown[]) ?? []).slice(1).map((v) => String(v ?? ''));

describe('the consolidated summary workbook', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let c: Consolidated;

  beforeAll(async () => {
    c = await network();
    bytes = await consolidatedXlsx(c);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  });

  it('has the overview, the four tables and one 汇总 sheet per site', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '站点汇总', '试卷明细', '交接配对', '问题清单', '汇总-长沙分校', '汇总-天心考点', '汇总-岳麓考点'] /* files in path order */);
  });

  it('each table sheet: header row, frozen, filtered, conditional formats, widths, A4 landscape', () => {
    const expected: Array<[string, string[]]> = [
      ['站点汇总', SITE_COLUMNS.map((c) => c.header)],
      ['试卷明细', PAPER_DETAIL_COLUMNS.map((c) => c.header)],
      ['交接配对', PAIR_COLUMNS.map((c) => c.header)],
      ['问题清单', FINDING_COLUMNS.map((c) => c.header)],
    ];
    for (const [name, cols] of expected) {
      const ws = wb.getWorksheet(name)!;
      expect(headers(ws)).toEqual(cols);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.getColumn(1).width).toBeGreaterThan(10);
      const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings;
      expect(cf.length).toBeGreaterThan(0);
    }
  });

  it('站点汇总 has one row per file, with its SHA-256; the unreadable file says why', () => {
    const ws = wb.getWorksheet('站点汇总')!;
    expect(ws.rowCount).toBe(5);
    const col = (h: string) => SITE_COLUMNS.findIndex((c) => c.header === h) + 1;
    const rows = [2, 3, 4, 5].map((r) => ws.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['broken.xlsx', '分校.xlsx', '天心.xlsx', '岳麓.xlsx']);
    expect(rows[0].getCell(col('状态')).value).toBe('无法读取');
    expect(String(rows[0].getCell(col('说明')).value)).toContain('不是 .xlsx');
    expect(rows[0].getCell(col('SHA-256')).value).toBe('0'.repeat(64));
    expect(rows[2].getCell(col('状态')).value).toBe('需改正');
    expect(rows[3].getCell(col('状态')).value).toBe('可以提交');
    expect(Number(rows[2].getCell(col('错误')).value)).toBeGreaterThanOrEqual(8);
    expect(rows[3].getCell(col('SHA-256')).value).toBe('f'.repeat(64));
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings;
    const formulae = cf.flatMap((x) => x.rules.flatMap((r) => r.formulae ?? []));
    expect(formulae).toContain('OR($G2="无法读取",$G2="需改正")');
    expect(cf.some((x) => x.rules.some((r) => r.type === 'dataBar'))).toBe(true);
  });

  it('交接配对 lists the disagreeing pair first, with what differs', () => {
    const ws = wb.getWorksheet('交接配对')!;
    expect(ws.getRow(2).getCell(3).value).toBe('不一致');
    expect(String(ws.getRow(2).getCell(8).value)).toContain('交接时间');
    const statuses = [2, 3, 4].map((r) => ws.getRow(r).getCell(3).value);
    expect(statuses).toEqual(['不一致', '仅接收方副本', '一致']);
  });

  it('问题清单 lists every finding with its cell, errors marked by a conditional format', () => {
    const ws = wb.getWorksheet('问题清单')!;
    const total = c.files.reduce((n, f) => n + (f.error ? 1 : f.findings.length), 0);
    expect(ws.rowCount).toBe(total + 1);
    const rules = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1) rules.add(String(row.getCell(4).value));
    });
    for (const r of ['two-signers', 'column-total', 'checkout-window', 'invalid-datetime', 'proctor-takes-papers', 'duty-gap', 'handover-copies-disagree', 'not-returned', 'unreadable-file']) {
      expect(rules).toContain(r);
    }
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings;
    expect(cf[0].rules.map((r) => r.formulae?.[0])).toEqual(['$C2="错误"', '$C2="警告"']);
  });

  it('long tables print their header row on every page', async () => {
    for (const name of ['站点汇总', '试卷明细', '交接配对', '问题清单']) expect(wb.getWorksheet(name)!.pageSetup.printTitlesRow).toBe('1:1');
    expect(wb.getWorksheet('汇总-长沙分校')!.pageSetup.printTitlesRow).toBe('1:5');
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(7); // once per sheet, never twice
  });

  it('总览 carries real bar charts bound to its cells', async () => {
    const charts = await listCharts(bytes);
    expect(charts.map((c) => c.title)).toEqual(['各类问题数量（按规则）', '各单位问题数量', '各单位报考人数与试卷份数']);
    expect(charts.every((c) => c.sheet === '总览')).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain("<c:f>'总览'!$A$");
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>|<drawing r:id="[^"]+"\/></);
    // The chart's categories are the cells of the rule table on 总览.
    const ov = wb.getWorksheet('总览')!;
    const cat = /<c:cat><c:strRef><c:f>'总览'!\$A\$(\d+):\$A\$(\d+)<\/c:f>/.exec(chart)!;
    expect(ov.getRow(Number(cat[1]) - 1).getCell(1).value).toBe('规则');
    expect(ov.getRow(Number(cat[1])).getCell(1).value).toBe('handover-copies-disagree');
  });
});

describe('addSiteSummarySheet (the browser path: an exceljs workbook, no fs)', () => {
  it('adds a 汇总 sheet with the paper table, filters, conditional formats, frozen header, A4 landscape', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
    delete data.vaultLog![2].returnedAt;
    const s = summarizeSite(data, [{ rule: 'not-returned', severity: 'error', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '试卷 3310 出库后没有还卷记录', clause: '' }]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('已有的表');
    addSiteSummarySheet(wb, s, { findings: [{ rule: 'not-returned', severity: 'error', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '试卷 3310 出库后没有还卷记录', clause: '' }] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet('汇总')!;
    expect(back.worksheets.map((w) => w.name)).toEqual(['已有的表', '汇总']);
    expect(String(ws.getCell('A1').value)).toContain('岳麓考点');
    expect(String(ws.getCell('A3').value)).toContain('暂不能提交');
    expect(headers(ws, 5)).toEqual(PAPER_COLUMNS.map((c) => c.header));
    expect(headers(ws, 6).slice(0, 13)).toEqual(['1001', '高等数学基础', '2024-06-15 08:30', '1', '1', '0', '1', '3', '62', '57', '5', '1', '1']);
    expect(ws.getRow(8).getCell(17).value).toBe(2); // 3310 still out: 2 bags
    expect(ws.getRow(9).getCell(1).value).toBe('合计');
    expect(ws.getRow(9).getCell(9).value).toBe(115);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings;
    const formulae = cf.flatMap((x) => x.rules.flatMap((r) => r.formulae ?? []));
    expect(formulae).toContain('Q6>0');
    expect(formulae).toContain('$A24="错误"'.replace('24', String(findRow(ws, '错误'))));
    expect(cf.some((x) => x.rules.some((r) => r.type === 'dataBar'))).toBe(true);
    // 值班: 45.67 h of custody, all covered.
    const dutyRow = findRow(ws, '2024-06-14 10:10');
    expect(ws.getRow(dutyRow).getCell(3).value).toBe(45.67);
    expect(ws.getRow(dutyRow).getCell(4).value).toBe(45.67);
  });
});

describe('a 汇总 sheet added to a site workbook is not taken for a form', () => {
  it('the workbook reads back to the same data', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
    const buffer = await fillWorkbook(data);
    const before = readWorkbook(await gridFromXlsxBuffer(buffer));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    addSiteSummarySheet(wb, summarizeSite(before), { findings: [{ rule: 'duty-gap', severity: 'warning', form: 5, sheet: '值班记录', cell: 'C5', row: 1, message: '试卷号 合计（袋） 取卷时间', clause: '' }] });
    const after = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(after.sheets.find((x) => x.sheet === '汇总')).toEqual({ sheet: '汇总', form: null });
    expect(after.data).toEqual(before.data);
  });
});

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(1).value === text) found = n;
  });
  return found;
}

describe('src/summary stays free of Node and Office outside its node-only files', () => {
  it('imports', () => {
    const dir = path.join(__dirname, '../../src/summary');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(text).not.toMatch(/\bOffice\.[a-z]|office-js|Excel\.run/);
      if (f.startsWith('node-')) continue;
      expect({ f, imports: text.match(/from '(fs|path|os|crypto|worker_threads|piscina|child_process)'/g) }).toEqual({ f, imports: null });
    }
  });
});
