/**
 * The forms print like the official ones: LibreOffice (Debian libreoffice-calc,
 * installed by .ci/run) renders the templates, a filled workbook, one filled
 * with long names and times, and the browser face's marked copy of it to PDF.
 * Pages are counted with poppler's pdfinfo, the printed text read back with
 * pdftotext, and every cell's text measured against its printed cell.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fillWorkbook } from '../src/cli/fill';
import { SITE_WORKBOOK_NAME, writeTemplates } from '../src/cli/template';
import { FORMS } from '../src/forms';
import { readWorkbook } from '../src/forms/workbook';
import { markedCopy, openWorkbook } from '../src/io/xlsx/browser';
import type { SiteData } from '../src/model/types';
import { validateSite } from '../src/rules/engine';
import { fixture, loadBuffer, typedByHand } from './helpers';
import { gridFromXlsxBuffer } from '../src/io/xlsx/node-workbook';
import { clippedCells } from './print-fit';
import { SEED_LABELS } from './seed-labels';
import type { Intake } from '../src/model/types';
import { scratchDir } from './scratch';
import { runDemo } from '../src/cli/demo-run';
import JSZip from 'jszip';

function toPdf(dir: string, files: string[]): void {
  const profile = `file://${scratchDir('lo-profile-')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 240_000,
  });
}

function pages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** The printed text without its spaces and line breaks, as laid out on the page (row by row) or in drawing order. */
function printedText(pdf: string, layout: boolean): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Long unit names, paper names and signatures with titles in brackets, times at every hour. */
function longNames(): SiteData {
  const data = fixture('kaodian.json');
  data.site!.school = '长沙市开放大学直属开放教育学院';
  data.site!.examSite = '湖南省长沙市岳麓区第一中学高新技术产业开发区考点';
  const longName = '马克思主义基本原理概论与中国特色社会主义理论体系（本科）';
  data.schedule!.forEach((s) => (s.paperName = longName));
  data.vaultLog!.forEach((r) => {
    r.paperName = longName;
    r.taker = '欧阳红(主考)';
  });
  (data.intake as Intake).items!.forEach((item) => (item.paperName = longName));
  (data.intake as Intake).description =
    '试卷数量准确，试卷袋包装完好，已按考试时间单元分别转入保密柜，不同考试时间未混装；保密柜密封条张贴规范，两人在场签字确认。'.repeat(3);
  data.handovers![0].address = '湖南省长沙市岳麓区麓山南路1号湖南开放大学继续教育学院综合楼一楼保密室';
  data.handovers![0].items![0].note = '1001 高等数学基础（共3袋，每袋31份，另有备用卷）';
  data.duty!.shifts![0].record = '10:10 试卷入库，陈静、李强在场；12:00 巡查一次，门窗完好；16:30 监控人员核对录像，无异常。'.repeat(4);
  data.distributions![0].rows![0].note = '缺考2人，余卷随袋封存';
  return data;
}

/** Counts typed into the blank 附件1 and 附件3 by hand, the unit picked in the 单位 column beside each (none on the third row). */
const TYPED_BY_HAND: Record<string, Record<string, number | string>> = {
  '附件1 纸质试卷交接单': { D8: 2, F8: '箱', D9: 3, F9: '袋', D10: 12 },
  '附件3 保密室试卷出入库记录表': { D4: 2, K4: '袋', D5: 31, K5: '份', D6: 7 },
};

/** kaodian.json with forms that run to a second page: 40 vault-log rows, 18 rows in the first session's register, 30 handover items. */
function longForms(): SiteData {
  const data = fixture('kaodian.json');
  const log = data.vaultLog!;
  data.vaultLog = Array.from({ length: 40 }, (_x, i) => ({ ...log[i % log.length] }));
  const rows = data.distributions![0].rows!;
  data.distributions![0].rows = Array.from({ length: 18 }, (_x, i) => ({ ...rows[i % rows.length], room: String(i + 1).padStart(2, '0') }));
  const items = data.handovers![0].items!;
  data.handovers![0].items = Array.from({ length: 30 }, (_x, i) => ({ ...items[i % items.length] }));
  return data;
}

describe('printing (LibreOffice headless)', () => {
  const dir = scratchDir('custody-print-');
  const books: Record<string, ExcelJS.Workbook> = {};

  beforeAll(async () => {
    await writeTemplates(dir);
    fs.writeFileSync(path.join(dir, 'kaodian.xlsx'), new Uint8Array(await fillWorkbook(fixture('kaodian.json'))));
    const long = new Uint8Array(await fillWorkbook(longNames()));
    fs.writeFileSync(path.join(dir, 'long.xlsx'), long);
    const opened = await openWorkbook('long.xlsx', long);
    fs.writeFileSync(path.join(dir, 'marked.xlsx'), await markedCopy(opened, validateSite(readWorkbook(opened.grid))));
    fs.writeFileSync(path.join(dir, 'long-forms.xlsx'), new Uint8Array(await fillWorkbook(longForms())));
    for (const [name, typed] of Object.entries(TYPED_BY_HAND)) {
      const template = fs.readFileSync(path.join(dir, `${name}.xlsx`));
      fs.writeFileSync(path.join(dir, `${name}（手填）.xlsx`), await typedByHand(template, typed));
    }
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    for (const f of files) books[f.replace(/\.xlsx$/, '')] = await loadBuffer(fs.readFileSync(path.join(dir, f)));
    toPdf(
      dir,
      files.map((f) => path.join(dir, f)),
    );
  }, 300_000);

  const attachments = FORMS.filter((f) => f.layout.attachment > 0);

  test.each(attachments.map((f) => f.templateName))('%s prints on one A4 page', (name) => {
    const pdf = path.join(dir, `${name}.pdf`);
    expect(pages(pdf)).toBe(1);
    // A4 is 595 × 842 points, either way round.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
  });

  test.each(attachments.map((f) => [f.layout.attachment, f.templateName] as const))('附件%d prints every label of the source, in its order', (n, name) => {
    const pdf = path.join(dir, `${name}.pdf`);
    const laidOut = printedText(pdf, true);
    let from = 0;
    for (const label of SEED_LABELS[n].ordered) {
      const at = laidOut.indexOf(label.replace(/\s+/g, ''), from);
      expect({ label, after: laidOut.slice(Math.max(0, from - 12), from), found: at >= 0 }).toEqual({
        label,
        after: laidOut.slice(Math.max(0, from - 12), from),
        found: true,
      });
      from = at + label.length;
    }
    const drawn = printedText(pdf, false);
    for (const label of SEED_LABELS[n].anywhere) expect({ label, found: drawn.includes(label) }).toEqual({ label, found: true });
  });

  test('the whole blank workbook prints one page per form', () => {
    expect(pages(path.join(dir, SITE_WORKBOOK_NAME.replace(/\.xlsx$/, '.pdf')))).toBe(FORMS.length);
  });

  test('a filled 考点 workbook prints one page per sheet: three sessions of 附件4, two days of 附件5', () => {
    expect(books.kaodian.worksheets.map((ws) => ws.name).filter((n) => /^(分发登记|值班记录)/.test(n))).toEqual([
      '分发登记1',
      '分发登记2',
      '分发登记3',
      '值班记录1',
      '值班记录2',
    ]);
    expect(pages(path.join(dir, 'kaodian.pdf'))).toBe(FORMS.length + 3);
  });

  test('long names and times still print one page per sheet, and the marked copy prints as its original', () => {
    // kaodian.json with longer names: three sessions of 附件4, two days of 附件5.
    expect(books.long.worksheets).toHaveLength(FORMS.length + 3);
    expect(pages(path.join(dir, 'long.pdf'))).toBe(FORMS.length + 3);
    // And one page more: the list of its findings (问题清单), printed last.
    expect(pages(path.join(dir, 'marked.pdf'))).toBe(FORMS.length + 4);
  });

  test('the marked copy’s 问题清单 prints its footer: its name and the page numbers, as 使用说明 says (页脚页码)', () => {
    // Printed with the workbook, its pages are numbered among the workbook's (Excel's &P and &N are the print's).
    const printed = pageLines(path.join(dir, 'marked.pdf'));
    const n = printed.length;
    expect(printed.map((lines) => lines.filter((l) => /第 \d+ 页/.test(l))).slice(-2)).toEqual([
      [`第 ${n - 1} 页，共 ${n} 页`],
      [`问题清单 · 第 ${n} 页，共 ${n} 页`],
    ]);
  });

  test('no cell of the templates, the filled workbooks or the marked copy is cut off when printed', () => {
    for (const [name, wb] of Object.entries(books)) expect({ name, clipped: clippedCells(wb) }).toEqual({ name, clipped: [] });
  });

  test('a count typed by hand prints with the unit picked beside the form (附件1 袋/箱, 附件3 袋/份), 附件1’s 合计 per unit, and is read as typed', async () => {
    const numberedRows = (name: string) =>
      pageLines(path.join(dir, `${name}（手填）.pdf`))[0]
        .map((line) => line.split(/\s+/))
        .filter((cells) => /^\d+$/.test(cells[0]) && cells.length > 1);
    expect(numberedRows('附件1 纸质试卷交接单')).toEqual([
      ['1', '2箱'],
      ['2', '3袋'],
      ['3', '12'],
    ]);
    expect(numberedRows('附件3 保密室试卷出入库记录表')).toEqual([
      ['1', '2袋'],
      ['2', '31份'],
      ['3', '7'],
    ]);
    // 2 boxes and 3 bags are not 5: the template's 合计 totals per unit, the count of no unit bare (its row is told so).
    const totalLine = pageLines(path.join(dir, '附件1 纸质试卷交接单（手填）.pdf'))[0].find((line) => line.startsWith('合计'));
    expect(totalLine?.split(/\s+/)).toEqual(['合计', '2箱、3袋、12']);
    const read = async (name: string) => readWorkbook(await gridFromXlsxBuffer(fs.readFileSync(path.join(dir, `${name}（手填）.xlsx`)))).data;
    expect((await read('附件1 纸质试卷交接单')).handovers![0].items).toEqual([{ quantity: 2, unit: '箱' }, { quantity: 3, unit: '袋' }, { quantity: 12 }]);
    expect((await read('附件1 纸质试卷交接单')).handovers![0].total).toBe('2箱、3袋、12');
    expect((await read('附件3 保密室试卷出入库记录表')).vaultLog).toEqual([{ quantity: 2, unit: '袋' }, { quantity: 31, unit: '份' }, { quantity: 7 }]);
  });

  test('every page of a form that runs to a second page says what it belongs to: its title and header lines repeat above its rows', () => {
    const printed = pageLines(path.join(dir, 'long-forms.pdf')).map((lines) => lines.join('\n'));
    const pagesWith = (text: string) => printed.filter((page) => page.includes(text));
    // 附件1: the title, 日期 and 接收单位 lines over the items on each page, and over the signatures.
    const handover = pagesWith('试卷归属');
    expect(handover.length).toBe(2);
    for (const page of handover) {
      expect(page).toContain('2024春学期国家开放大学纸质试卷交接单');
      expect(page).toMatch(/日期：\s*2024年6月14日 9时30分/);
      expect(page).toMatch(/接收单位：\s*岳麓考点/);
    }
    expect(pagesWith('接收人签字')).toHaveLength(1);
    expect(pagesWith('接收人签字')[0]).toContain('纸质试卷交接单');
    // 附件3: the title naming the 考点 and the 学期 on every page: its 40 rows at full size (page-breaks.ts) on three, the
    // last with rows 38–40 and the 备注 (the 备注 alone would not fit under row 40 of the second).
    const vaultLog = pagesWith('卷库保管员出库签字');
    expect(vaultLog.length).toBe(3);
    expect(vaultLog[2].split('\n').flatMap((line) => /^(\d+)\s/.exec(line)?.[1] ?? [])).toEqual(['38', '39', '40']);
    expect(vaultLog[2]).toContain('备注：');
    for (const page of vaultLog) expect(page).toContain('2024春学期国家开放大学湖南分部长沙分校岳麓考点纸质试卷出入库记录表');
    // 附件4: the first session's register (18 rows) on two pages, each with its unit, 日期 and 时间; the signatures on a page naming the session.
    const register = printed.filter((page) => page.includes('领卷人签字') && page.includes('2024年6月15') && page.includes('08:30—10:00'));
    expect(register.length).toBe(2);
    for (const page of register) {
      expect(page).toContain('国家开放大学试卷分发登记表');
      expect(page).toMatch(/湖南分部长沙分校岳麓考点\s+日期：\s*2024年6月15日\s+时间：\s*08:30—10:00/);
    }
    expect(register[1]).toMatch(/发卷人：/);
  });

  test("附件4's 日期 prints on one line beside its unit and 时间, in every session of the filled workbook", () => {
    const headerLines = pageLines(path.join(dir, 'kaodian.pdf'))
      .flat()
      .filter((line) => line.includes('日期：') && line.includes('时间：'));
    expect(headerLines.map((line) => line.replace(/\s+/g, ' '))).toEqual([
      '湖南分部长沙分校岳麓考点 日期： 2024年6月15日 时间： 08:30—10:00',
      '湖南分部长沙分校岳麓考点 日期： 2024年6月15日 时间： 10:30—12:00',
      '湖南分部长沙分校岳麓考点 日期： 2024年6月16日 时间： 08:30—10:00',
    ]);
  });

  test('the Chinese text is really there (fonts installed), the long names in full, the helper columns not printed', () => {
    const text = printedText(path.join(dir, 'long.pdf'), false);
    expect(text).toContain('纸质试卷交接单');
    expect(text).toContain('湖南省长沙市岳麓区第一中学高新技术产业开发区考点');
    expect(text).toContain('2024年6月15日07:45');
    expect(text).not.toContain('长沙市开放大学直属开放教育学院分校（学院）');
    // 附件1's and 附件3's 单位 columns stand right of the print area.
    expect(printedText(path.join(dir, '附件3 保密室试卷出入库记录表.pdf'), false)).not.toMatch(/保管员入库签字单位/);
  });
});

/** Each printed page's text, laid out (or in drawing order), its lines without the blank ones. */
function pageLines(pdf: string, layout = true): string[][] {
  return Array.from({ length: pages(pdf) }, (_x, i) =>
    execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

describe('printing the demo summary (LibreOffice headless)', () => {
  const dir = scratchDir('custody-print-summary-');
  let sitePages: string[][];
  /** Each page's text, laid out. */
  let allPages: string[][];
  /** Each page's text in drawing order: a chart's title, labels and axis each a line. */
  let drawnPages: string[][];
  const charts: Array<{ title: string; categories: string[] }> = [];

  beforeAll(async () => {
    const demo = await runDemo(dir);
    toPdf(dir, [demo.summaryFile]);
    const pdf = path.join(dir, path.basename(demo.summaryFile).replace(/\.xlsx$/, '.pdf'));
    drawnPages = pageLines(pdf, false);
    // A 汇总 sheet's pages: its second title row (级别 / 文件) is printed atop each.
    allPages = pageLines(pdf);
    sitePages = allPages.filter((lines) => lines.some((l) => /^级别：/.test(l)));
    const zip = await JSZip.loadAsync(fs.readFileSync(demo.summaryFile));
    for (const part of Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))) {
      const xml = await zip.file(part)!.async('string');
      const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)![1];
      charts.push({ title, categories: [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]) });
    }
  }, 300_000);

  test("总览 prints each chart whole on one page, beside its table: each label twice on the chart's page (table and axis)", () => {
    expect(charts.map((c) => c.title)).toEqual(['各类问题数量', '各单位问题数量', '各考点考生数与试卷份数（只列考点：各级考生相同，不相加）']);
    for (const c of charts) {
      // A chart cut by a page break is drawn on both pages (each shows its part): its title is in the text of both.
      const onPage = drawnPages.filter((lines) => lines.includes(c.title));
      expect({ chart: c.title, pages: onPage.length }).toEqual({ chart: c.title, pages: 1 });
      const lines = onPage[0];
      const twice = c.categories.map((label) => ({ label, twice: lines.filter((l) => l === label).length >= 2 }));
      expect({ chart: c.title, twice }).toEqual({ chart: c.title, twice: c.categories.map((label) => ({ label, twice: true })) });
    }
  });

  test('总览 ends on its last chart’s page: the note and the signature line under the chart, never a page of their own (review round 3, R3)', () => {
    // 总览's pages: up to the first with a signature line.
    const end = drawnPages.findIndex((lines) => lines.some((l) => l.startsWith('制表人：')));
    const last = drawnPages[end];
    expect({
      page: end + 1,
      chart: last.includes('各考点考生数与试卷份数（只列考点：各级考生相同，不相加）'),
      note: last.some((l) => l.startsWith('说明：份数')),
      signature: last.filter((l) => l.startsWith('制表人：')).length,
    }).toEqual({ page: 4, chart: true, note: true, signature: 1 });
  });

  test("a 汇总 sheet prints section 一 and its paper header once (the demo's paper tables are short), its title atop every page", () => {
    const sheets = sitePages.filter((lines) => lines.some((l) => l.startsWith('二、'))).length;
    expect(sheets).toBe(3);
    expect(sitePages.filter((lines) => lines.some((l) => l.startsWith('一、'))).length).toBe(sheets);
    expect(sitePages.filter((lines) => lines.some((l) => /^试卷号 +试卷名称 +首场开考/.test(l))).length).toBe(sheets);
    expect(sitePages.length).toBeGreaterThan(sheets);
    for (const lines of sitePages) expect(lines.some((l) => /试卷保管汇总$/.test(l))).toBe(true);
  });

  test('a time prints whole on one line of its row (a date does not wrap), never as ###', () => {
    expect(allPages.flat().filter((l) => l.includes('###'))).toEqual([]);
    // The demo's first paper: its row on each 考点's 汇总 sheet and on 试卷明细, its first session in full.
    const paperRows = allPages.flat().filter((l) => /(^|\s)1001 +高等数学基础 /.test(l));
    expect(paperRows.length).toBeGreaterThanOrEqual(6);
    for (const line of paperRows) expect(line).toMatch(/1001 +高等数学基础 +2024年6月15日 08:30 +\d/);
    // 交接配对: both sides' times of the disagreeing slip.
    expect(allPages.flat().some((l) => /^长沙分校 +天心考点 +不一致 .*2024年6月14日 14:40 +2024年6月14日 13:40 /.test(l))).toBe(true);
  });

  test('no section heading is left at the foot of a page, its table on the next', () => {
    for (const lines of sitePages) {
      const body = lines.filter((l) => !/^第 \d+ 页/.test(l));
      expect({ last: body[body.length - 1], heading: /^[一二三四五]、/.test(body[body.length - 1]) }).toMatchObject({ heading: false });
    }
  });
});
