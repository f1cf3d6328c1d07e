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
import { addSiteSummarySheet, consolidatedXlsx } from '../../src/io/xlsx/summary';
import { columnWidth } from '../../src/io/xlsx/summary/style';
import { ALL_META, ruleTitle } from '../../src/rules';

const DISAGREE = ruleTitle('handover-copies-disagree'); // 交接单两份不一致
import { HEADER_PT, LEAST_PRINTED_PT, headerLines, linesOf, plainHeader, printScale } from '../../src/summary/columns';
import { FILE_COLUMNS, FINDING_COLUMNS, PAIR_COLUMNS, PAPER_DETAIL_COLUMNS, SITE_COLUMNS } from '../../src/summary/tables';
import { PAPER_COLUMNS } from '../../src/summary/tables-site';
import { withPairFindings } from '../../src/summary/tables';
import { oncePerHandover } from '../../src/summary/once-per-handover';
import { CELL_PADDING, textUnits } from '../../src/forms/measure';
import { intakeForm } from '../../src/forms/intake';
import { summaryTable } from '../../src/taskpane/summary-table';

const ROOT = '/home/keeper/2024春/汇总';
const SHA = (c: string) => c.repeat(64);

async function network(): Promise<Consolidated> {
  const net = sampleNetwork({ sites: 2, papers: 4, sessions: 2 });
  const faulty = plantDefects(net.sites[1]).data;
  const books: Array<[string, SiteData, string]> = [
    [`${ROOT}/分校.xlsx`, net.branch, 'a'],
    [`${ROOT}/考点/岳麓.xlsx`, net.sites[0], 'b'],
    [`${ROOT}/考点/天心.xlsx`, faulty, 'c'],
  ];
  const inputs = await Promise.all(
    books.map(async ([file, data, sha]) => ({ file, sha256: SHA(sha), model: readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(data))) })),
  );
  return consolidateModels([...inputs, { file: `${ROOT}/broken.xlsx`, sha256: SHA('0'), error: '不是 .xlsx 工作簿（文件内容不是 Excel 格式）' }]);
}

/** The two formats a time is written with: 2024年6月15日 08:30, 2024-06-15 08:30. */
const TIME_FORMAT = { zh: 'yyyy"年"m"月"d"日" hh:mm', en: 'yyyy-mm-dd hh:mm' } as const;
/** The two formats a length of time is written with: 40小时40分, 40h 40m. */
const DURATION_FORMAT = { zh: '[h]"小时"mm"分"', en: '[h]"h "mm"m"' } as const;

/**
 * A cell's text as a spreadsheet shows it. exceljs reads a number in a date
 * format as a Date holding the serial's wall clock in UTC: shown here by the
 * two formats the summaries use (any other date format is an error).
 */
function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (!(v instanceof Date)) return String(v ?? '');
  const two = (n: number) => String(n).padStart(2, '0');
  const [y, mo, d, h, mi] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes()];
  if (cell.numFmt === TIME_FORMAT.zh) return `${y}年${mo}月${d}日 ${two(h)}:${two(mi)}`;
  if (cell.numFmt === TIME_FORMAT.en) return `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}`;
  // A length of time: [h] counts the hours since the serial's 0 (1899-12-30), past a day.
  const minutes = Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 60_000);
  if (cell.numFmt === DURATION_FORMAT.zh) return `${Math.floor(minutes / 60)}小时${two(minutes % 60)}分`;
  if (cell.numFmt === DURATION_FORMAT.en) return `${Math.floor(minutes / 60)}h ${two(minutes % 60)}m`;
  throw new Error(`${cell.address}: a date in an unexpected format ${cell.numFmt}`);
}

/** A row's cells as shown, from the first to its last with a value. */
/** A header's text on one line, as declared (its word breaks taken out). */
const joined = (text: string): string => text.replace(/\n/g, '');

const headers = (ws: ExcelJS.Worksheet, row = 1): string[] => {
  const r = ws.getRow(row);
  return Array.from({ length: Math.max(0, ((r.values as unknown[]) ?? []).length - 1) }, (_x, i) => shownText(r.getCell(i + 1)));
};

/** Every cell's text, with where it is. */
function texts(wb: ExcelJS.Workbook): Array<{ sheet: string; row: number; col: number; text: string }> {
  const out: Array<{ sheet: string; row: number; col: number; text: string }> = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        // A merged range's text once, from its first cell.
        if (cell.master.address !== cell.address) return;
        if (cell.value !== null && cell.value !== undefined) out.push({ sheet: ws.name, row: r, col: c, text: String(cell.value) });
      });
    });
  }
  return out;
}

const TABLES: Array<[string, ReadonlyArray<{ header: { zh: string; en: string }; width: number }>]> = [
  ['站点汇总', SITE_COLUMNS],
  ['文件清单', FILE_COLUMNS],
  ['试卷明细', PAPER_DETAIL_COLUMNS],
  ['交接配对', PAIR_COLUMNS],
  ['问题清单', FINDING_COLUMNS],
];

const columnOf = (cols: ReadonlyArray<{ header: { zh: string } }>, zh: string) => cols.findIndex((c) => plainHeader(c.header.zh) === zh) + 1;

/** The row a table sheet's header is in: 站点汇总's is under its title. */
const headerRow = (name: string): number => (name === '站点汇总' || name === 'Sites' ? 2 : 1);

/** The rows of a table sheet under its header, as shown text, until the first empty row. */
function body(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = headerRow(ws.name) + 1; r <= ws.rowCount; r++) {
    const values = headers(ws, r);
    if (!values.some(Boolean)) break;
    rows.push(values);
  }
  return rows;
}

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

  it('has the overview, five tables and one 汇总 sheet per site', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      ['总览', '站点汇总', '文件清单', '试卷明细', '交接配对', '问题清单', '汇总-长沙分校', '汇总-天心考点', '汇总-岳麓考点'] /* files in path order */,
    );
  });

  it('each table sheet: its declared header row, frozen, filtered, conditional formats, declared widths', () => {
    const filtersAndFormats: unknown[] = [];
    for (const [name, cols] of TABLES) {
      const ws = wb.getWorksheet(name)!;
      const top = headerRow(name);
      // As declared, broken between its words where the header wraps (test/io/header-words.test.ts).
      expect({ name, headers: headers(ws, top).map(joined) }).toEqual({ name, headers: cols.map((x) => plainHeader(x.header.zh)) });
      expect(ws.getRow(top).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: top });

      // 站点汇总's 单位, 级别, 说明 and 文件 sized from what they hold (test/io/site-widths.test.ts).
      // 分校 and 单位 with each name whole (review round 13a D4).
      const fitted: Record<string, number> = name === '站点汇总' ? { 分校: 10, 单位: 10, 级别: 5, 说明: 9.01, 文件: 13 } : {};
      // The others as declared, or wide enough for each word of their header (考场次: columnWidth).
      expect(cols.map((_, i) => ws.getColumn(i + 1).width)).toEqual(cols.map((x) => fitted[plainHeader(x.header.zh)] ?? columnWidth(x, 'zh')));
      const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae?: string[] }> }> })
        .conditionalFormattings;
      filtersAndFormats.push({ name, filter: ws.autoFilter, cf: cf.map((x) => [x.ref, x.rules.map((r) => [r.type, ...(r.formulae ?? [])])]) });
    }
    expect(filtersAndFormats).toMatchInlineSnapshot(`
     [
       {
         "cf": [
           [
             "A3:W6",
             [
               [
                 "expression",
                 "ISNUMBER(SEARCH("未计入合计",$V3))",
               ],
               [
                 "expression",
                 "OR($D3="无法读取",$D3="不是试卷保密表单",$D3="需改正")",
               ],
               [
                 "expression",
                 "AND($D3="可以提交",$F3>0)",
               ],
             ],
           ],
           [
             "M3:M6",
             [
               [
                 "expression",
                 "AND(ISNUMBER(M3),M3>0)",
               ],
             ],
           ],
           [
             "T3:T6",
             [
               [
                 "dataBar",
               ],
             ],
           ],
         ],
         "filter": "A2:W6",
         "name": "站点汇总",
       },
       {
         "cf": [
           [
             "A2:E5",
             [
               [
                 "expression",
                 "OR($C2="无法读取",$C2="不是试卷保密表单")",
               ],
             ],
           ],
         ],
         "filter": "A1:E5",
         "name": "文件清单",
       },
       {
         "cf": [
           [
             "M2:M13",
             [
               [
                 "expression",
                 "AND(ISNUMBER(M2),M2<0)",
               ],
             ],
           ],
           [
             "T2:T13",
             [
               [
                 "expression",
                 "AND(ISNUMBER(T2),T2>0)",
               ],
             ],
           ],
         ],
         "filter": "A1:U13",
         "name": "试卷明细",
       },
       {
         "cf": [
           [
             "A2:M4",
             [
               [
                 "expression",
                 "$C2="不一致"",
               ],
               [
                 "expression",
                 "OR($C2="仅移交方副本",$C2="仅接收方副本")",
               ],
               [
                 "expression",
                 "$C2="一致"",
               ],
             ],
           ],
         ],
         "filter": "A1:M4",
         "name": "交接配对",
       },
       {
         "cf": [
           [
             "A2:J11",
             [
               [
                 "expression",
                 "$C2="错误"",
               ],
               [
                 "expression",
                 "$C2="警告"",
               ],
             ],
           ],
         ],
         "filter": "A1:J11",
         "name": "问题清单",
       },
     ]
    `);
  });

  it('every sheet prints on A4 landscape, one page wide, as many pages down as needed, header rows repeated, at 9 pt or more, in Chinese and in English', async () => {
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await consolidatedXlsx(c, { lang: 'en' })) as unknown as ArrayBuffer);
    // In English 站点汇总 printed at 6.9 pt, a 汇总 sheet at 7.5, 试卷明细 at 8.0 and 交接配对 at 8.9: columns widened for their headers' words.
    for (const ws of [...wb.worksheets, ...en.worksheets]) {
      expect({ sheet: ws.name, ...ws.pageSetup }).toMatchObject({
        sheet: ws.name,
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      const widths: number[] = [];
      for (let i = 1; i <= ws.columnCount; i++) widths.push(ws.getColumn(i).width ?? 9);
      let least = 11; // the default font
      ws.eachRow((row) => row.eachCell((cell) => void (least = Math.min(least, cell.font?.size ?? 11))));
      // 站点汇总 keeps each unit's and 分校's name (up to 8 characters) whole before 9 pt (review 22b after its fixes: 长沙/分校
      // at 9 wide): in English, where its headers and file names take more of the page, 8.91 pt.
      const pt = Math.round(least * printScale(widths) * 100) / 100;
      if (ws.name === 'Sites') expect({ pt, names: [1, 2].map((c) => linesOf('长沙分校', widths[c - 1])) }).toEqual({ pt: 8.91, names: [1, 1] });
      else expect({ sheet: ws.name, printed: pt >= LEAST_PRINTED_PT }).toEqual({ sheet: ws.name, printed: true });
    }
    for (const [name] of TABLES) expect({ name, titles: wb.getWorksheet(name)!.pageSetup.printTitlesRow }).toEqual({ name, titles: `1:${headerRow(name)}` });
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(8); // once per table sheet, never twice
  });

  it('a 汇总 sheet freezes and repeats its title rows (1–3) alone, and breaks pages only before a section', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const sites = wb.worksheets.filter((ws) => ws.name.startsWith('汇总-'));
    expect(sites).toHaveLength(3);
    let breaks = 0;
    for (const ws of sites) {
      expect({ sheet: ws.name, titles: ws.pageSetup.printTitlesRow }).toEqual({ sheet: ws.name, titles: '1:3' });
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${ws.id - 1}">&apos;${ws.name}&apos;!$1:$3</definedName>`);
      const xml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
      expect(xml.match(/<pane [^>]*>/g)).toEqual(['<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>']);
      // A break is after the blank row above a section's heading (二、…五、).
      for (const [, id] of xml.matchAll(/<brk id="(\d+)"/g)) {
        breaks++;
        expect({ sheet: ws.name, after: ws.getRow(Number(id)).getCell(1).value ?? null, next: String(ws.getRow(Number(id) + 1).getCell(1).value) }).toEqual({
          sheet: ws.name,
          after: null,
          next: expect.stringMatching(/^[二三四五]、/),
        });
      }
    }
    expect(breaks).toBeGreaterThan(0);
  });

  it('覆盖率 is wide enough for 100.0% (a narrower column shows ###) in 站点汇总 and every 汇总 sheet', () => {
    const need = textUnits('100.0%') + CELL_PADDING; // 7.3: digits of 宋体 11, % a little wider
    const columns: Array<{ sheet: string; cell: string; wide: boolean }> = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.numFmt === '0.0%') columns.push({ sheet: ws.name, cell: cell.address, wide: (ws.getColumn(cell.col).width ?? 0) >= need });
        }),
      );
    }
    expect(columns.filter((c) => c.sheet.startsWith('汇总-'))).toHaveLength(3);
    expect(columns.filter((c) => c.sheet === '站点汇总')).toHaveLength(3);
    expect(columns).toEqual(columns.map((c) => ({ ...c, wide: true })));
  });

  it('a time’s column is wide enough for the longest, 2024年12月31日 23:59, on one line (a date does not wrap: narrower, it shows ####)', () => {
    const need = textUnits('2024年12月31日 23:59') + CELL_PADDING; // 21
    const columns: Array<{ sheet: string; column: string; wide: boolean }> = [];
    for (const ws of wb.worksheets) {
      const seen = new Set<number>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.numFmt !== TIME_FORMAT.zh || seen.has(Number(cell.col))) return;
          seen.add(Number(cell.col));
          columns.push({ sheet: ws.name, column: cell.address.replace(/\d+$/, ''), wide: (ws.getColumn(cell.col).width ?? 0) >= need });
        }),
      );
    }
    // 试卷明细 首场开考; 交接配对 both times; a 汇总 sheet's B (保管期起, 无人值班起) and C (首场开考, 交接于, 保管期止…).
    expect(columns.filter((c) => !c.sheet.startsWith('汇总-'))).toEqual([
      { sheet: '试卷明细', column: 'E', wide: true },
      { sheet: '交接配对', column: 'E', wide: true },
      { sheet: '交接配对', column: 'F', wide: true },
    ]);
    expect(
      columns
        .filter((c) => c.sheet === '汇总-天心考点')
        .map((c) => c.column)
        .sort(),
    ).toEqual(['B', 'C']);
    expect(columns).toEqual(columns.map((c) => ({ ...c, wide: true })));
  });

  it("a header's bracketed unit (袋, 小时, 处…) prints whole on one line: 合计 / （袋）, never 合计（袋 / ）", () => {
    const units: Array<{ sheet: string; cell: string; text: string; whole: boolean }> = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const text = String(cell.value ?? '');
          if (fill?.fgColor?.argb !== 'FFDDEBF7' || !/（[^（）]{1,2}）$/.test(text)) return;
          const width = ws.getColumn(cell.col).width ?? 9;
          // The header wraps where it was written to break (before the bracket), and its unit's line fits (headerText's measure).
          const lastLine = text.split('\n').pop()!;
          units.push({ sheet: ws.name, cell: cell.address, text, whole: headerLines(lastLine, width) === 1 });
        }),
      );
    }
    for (const h of ['合计（袋）', '未还（袋）', '移交送出（袋）', '缺口（处）', '重叠（处）', '移交方合计（照填）'])
      expect(units.some((u) => u.text.replace(/\n/g, '') === h)).toBe(true);
    expect(units).toEqual(units.map((u) => ({ ...u, whole: true })));
    expect(units.find((u) => u.sheet === '站点汇总' && u.text.startsWith('合计'))!.text).toBe('合计\n（袋）');
  });

  it("a gap in duty cover has a header of its own under the duty row, not the duty table's (保管期起 / 保管期止 …)", () => {
    const ws = wb.getWorksheet('汇总-天心考点')!;
    const duty = findRow(ws, '值班班次');
    const at = findRow(ws, '序号');
    expect(at).toBe(duty + 2); // the duty table's header and its one row above
    // Numbered, its times under the duty row's (a date does not wrap: column A is too narrow for one).
    expect(headers(ws, duty)).toEqual(['值班\n班次', '保管期起', '保管期止', '保管时长', '值班覆盖\n时长', '覆盖率', '缺口\n（处）', '重叠\n（处）']);
    expect(headers(ws, at)).toEqual(['序号', '无人值班起', '无人值班止', '时长']);
    expect(headers(ws, at + 1)).toEqual(['1', '2024年6月15日 06:00', '2024年6月15日 08:00', '2小时00分']);
  });

  it('names a paper in the forms’ words (试卷号, 试卷名称 of 附件2–4) on every sheet and in the pane, never 试卷编号 / 试卷名', () => {
    const words = intakeForm.table!.columns.filter((c) => c.key === 'paperNo' || c.key === 'paperName').map((c) => c.label);
    expect(words).toEqual(['试卷号', '试卷名称']);
    expect(headers(wb.getWorksheet('试卷明细')!).slice(2, 4)).toEqual(words);
    for (const name of ['汇总-长沙分校', '汇总-天心考点', '汇总-岳麓考点']) {
      const ws = wb.getWorksheet(name)!;
      expect({ name, papers: headers(ws, 5).slice(0, 2) }).toEqual({ name, papers: words });
    }
    // 四、尚未归还: the paper of a checkout not returned.
    const outstanding = wb.getWorksheet('汇总-天心考点')!;
    expect(headers(outstanding, findRow(outstanding, '出入库记录序号')).slice(0, 2)).toEqual(['出入库\n记录\n序号', '试卷号']);
    const site = c.files.find((f) => f.summary?.site.name === '天心考点')!.summary!;
    expect(summaryTable(site, 'zh').header.slice(0, 2)).toEqual(words);
    expect(summaryTable(site, 'en').header.slice(0, 2)).toEqual(['Paper no.', 'Paper name']);
    expect(texts(wb).filter((t) => t.text === '试卷编号' || t.text === '试卷名')).toEqual([]);
  });

  it('names no file by an absolute path: names are relative to the folder given', () => {
    expect(texts(wb).filter((t) => t.text.includes('/home/'))).toEqual([]);
    const ws = wb.getWorksheet('站点汇总')!;
    expect(body(ws).map((r) => r[columnOf(SITE_COLUMNS, '文件') - 1])).toEqual(['分校.xlsx', '考点/天心.xlsx', '考点/岳麓.xlsx', 'broken.xlsx']);
    expect(String(wb.getWorksheet('汇总-天心考点')!.getCell('A2').value)).toBe('级别：考点    文件：考点/天心.xlsx');
  });

  it('prints each SHA-256 once, in the SHA-256 column of 文件清单', () => {
    const shas = texts(wb).filter((t) => /[0-9a-f]{64}/.test(t.text));
    const col = columnOf(FILE_COLUMNS, 'SHA-256（文件指纹）');
    expect(shas.map((t) => [t.sheet, t.col, t.text])).toEqual([
      ['文件清单', col, SHA('0')],
      ['文件清单', col, SHA('a')],
      ['文件清单', col, SHA('c')],
      ['文件清单', col, SHA('b')],
    ]);
    const rows = body(wb.getWorksheet('文件清单')!);
    expect(rows[0]).toEqual(['broken.xlsx', '', '无法读取', SHA('0'), '不是 .xlsx 工作簿（文件内容不是 Excel 格式）']);
  });

  it('names rules by their Chinese titles, never by id', () => {
    const ids = [...ALL_META.map((m) => m.id), 'unreadable-file', 'not-custody-workbook'];
    expect(texts(wb).filter((t) => ids.some((id) => t.text.includes(id)))).toEqual([]);
    const rules = body(wb.getWorksheet('问题清单')!).map((r) => r[columnOf(FINDING_COLUMNS, '问题') - 1]);
    expect(rules).toContain('工作簿无法读取');
    expect(rules).toContain('交接单两人签字');
    expect(rules).toContain('监考人员到保密室领卷');
  });

  it('counts a disagreeing handover once on each side’s copy, with the fields that differ', () => {
    const pair = c.pairs.find((p) => p.status === 'disagree')!;
    const fields = pair.differences.map((d) => d.label).join('、');
    expect(fields).toBe('交接时间、合计、接收人');
    // Six findings (three fields, on both sides) …
    expect(c.files.flatMap((f) => f.findings).filter((x) => x.rule === 'handover-copies-disagree')).toHaveLength(6);
    // … are one line of 问题清单 on each side's copy, as each site's count has it,
    const lines = body(wb.getWorksheet('问题清单')!).filter((r) => r[3] === DISAGREE);
    expect(lines.map((line) => line.slice(0, 8))).toEqual([
      ['分校.xlsx', '长沙分校', '错误', DISAGREE, '1', pair.sender!.sheet, pair.sender!.cell, ''],
      ['考点/天心.xlsx', '天心考点', '错误', DISAGREE, '1', pair.receiver!.sheet, pair.receiver!.cell, ''],
    ]);
    for (const line of lines) {
      expect(line[8]).toContain(`（${fields}）`);
      expect(line[8]).toContain('交接时间：移交方“2024年6月14日 14:40”，接收方“2024年6月14日 13:40”');
    }
    // two counts on 总览 (one a side),
    const ov = wb.getWorksheet('总览')!;
    const at = findRow(ov, DISAGREE);
    expect(headers(ov, at)).toEqual([DISAGREE, '2', '0']);
    expect(ov.getCell(`B${findRow(ov, '交接单不一致（对）')}`).value).toBe(1);
    // and one row of 交接配对 naming the fields.
    const pairs = body(wb.getWorksheet('交接配对')!);
    expect(pairs.map((r) => [r[2], r[3]])).toEqual([
      ['不一致', fields],
      ['仅接收方副本', ''],
      ['一致', ''],
    ]);
  });

  it('shows times as Chinese dates', () => {
    const pairs = body(wb.getWorksheet('交接配对')!);
    expect(pairs[0].slice(4, 6)).toEqual(['2024年6月14日 14:40', '2024年6月14日 13:40']);
    const papers = body(wb.getWorksheet('试卷明细')!);
    const session = columnOf(PAPER_DETAIL_COLUMNS, '首场开考') - 1;
    for (const r of papers) expect(r[session]).toMatch(/^2024年6月1\d日 \d\d:\d\d$/);
  });

  it('writes every time as a date (a serial in its date format), never as text, so that a filter sorts 6月9日 before 6月15日', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], m[2].replace(/&quot;/g, '"')]));
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    /** Each time cell of a sheet: its value and the format of its style, from the sheet's XML. */
    const timeCells = async (sheet: string, columns: readonly string[], rows: readonly number[]) => {
      const ws = wb.getWorksheet(sheet)!;
      const xml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
      return rows.flatMap((r) =>
        columns.map((col) => {
          const [, attrs, value] = new RegExp(`<c r="${col}${r}"([^>]*)><v>([^<]*)</v></c>`).exec(xml) ?? [];
          return {
            at: `${sheet}!${col}${r}`,
            text: /t="/.test(attrs ?? ''),
            value: Number(value),
            format: formats.get(xfs[Number(/s="(\d+)"/.exec(attrs ?? '')?.[1])]),
          };
        }),
      );
    };
    // 2024-06-15T08:30: 45,457 days after 1899-12-30, and 8.5 hours.
    const serial = (iso: string) =>
      (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13), +iso.slice(14, 16)) - Date.UTC(1899, 11, 30)) / 864e5;
    expect(serial('2024-06-15T08:30')).toBe(45458 + 8.5 / 24);
    const date = (at: string, iso: string) => ({ at, text: false, value: serial(iso), format: TIME_FORMAT.zh });

    // 试卷明细 首场开考 (E), 交接配对 移交方时间 / 接收方时间 (E, F).
    const papers = await timeCells('试卷明细', ['E'], [2, 3, 4, 5]);
    expect(papers.slice(0, 2)).toEqual([date('试卷明细!E2', '2024-06-15T08:30'), date('试卷明细!E3', '2024-06-15T08:30')]);
    expect(papers.map((x) => [x.text, x.format])).toEqual(papers.map(() => [false, TIME_FORMAT.zh]));
    const pair = c.pairs[0];
    expect([pair.sender!.time, pair.receiver!.time]).toEqual(['2024-06-14T14:40', '2024-06-14T13:40']);
    expect(await timeCells('交接配对', ['E', 'F'], [2])).toEqual([date('交接配对!E2', '2024-06-14T14:40'), date('交接配对!F2', '2024-06-14T13:40')]);

    // A 汇总 sheet: 首场开考 and 交接于 (C), 保管期起 / 保管期止 (B, C), 无人值班起 / 止 (B, C), 取出于 (C).
    const site = wb.getWorksheet('汇总-天心考点')!;
    const duty = c.files.find((f) => f.summary?.site.name === '天心考点')!.summary!.duty;
    const rowAfter = (label: string) => findRow(site, label) + 1;
    expect(await timeCells('汇总-天心考点', ['C'], [6, rowAfter('方向')])).toEqual([
      date('汇总-天心考点!C6', '2024-06-15T08:30'),
      date(`汇总-天心考点!C${rowAfter('方向')}`, '2024-06-14T13:40'),
    ]);
    expect(await timeCells('汇总-天心考点', ['B', 'C'], [rowAfter('值班班次'), rowAfter('序号')])).toEqual([
      date(`汇总-天心考点!B${rowAfter('值班班次')}`, duty.custodyStart!),
      date(`汇总-天心考点!C${rowAfter('值班班次')}`, duty.custodyEnd!),
      date(`汇总-天心考点!B${rowAfter('序号')}`, '2024-06-15T06:00'),
      date(`汇总-天心考点!C${rowAfter('序号')}`, '2024-06-15T08:00'),
    ]);
    const out = c.files.find((f) => f.summary?.site.name === '天心考点')!.summary!.outstanding[0];
    expect(await timeCells('汇总-天心考点', ['C'], [rowAfter('出入库记录序号')])).toEqual([date(`汇总-天心考点!C${rowAfter('出入库记录序号')}`, out.takenAt)]);
  });

  it('writes a length of time in hours and minutes (a duration in [h]"小时"mm"分"), a number that sorts and sums, on 站点汇总 and each 汇总 sheet', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], m[2].replace(/&quot;/g, '"')]));
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    const cellOf = async (sheet: string, at: string) => {
      const xml = await zip.file(`xl/worksheets/sheet${wb.getWorksheet(sheet)!.id}.xml`)!.async('string');
      const [, attrs, value] = new RegExp(`<c r="${at}"([^>]*)><v>([^<]*)</v></c>`).exec(xml)!;
      return { at, text: /t="/.test(attrs), value: Number(value), format: formats.get(xfs[Number(/s="(\d+)"/.exec(attrs)![1])]) };
    };
    const duty = c.files.find((f) => f.summary?.site.name === '天心考点')!.summary!.duty;
    // 22.17 hours of custody are 22 hours 10 minutes, 20.17 on duty 20 hours 10 minutes, the gap 2 hours: in days.
    expect([duty.custodyHours, duty.coveredHours, duty.gaps[0].hours]).toEqual([22.17, 20.17, 2]);
    const length = (at: string, minutes: number) => ({ at, text: false, value: minutes / 1440, format: DURATION_FORMAT.zh });
    const sites = wb.getWorksheet('站点汇总')!;
    const [custodyCol, coveredCol] = ['保管时长', '值班覆盖时长'].map((h) => String.fromCharCode(64 + columnOf(SITE_COLUMNS, h)));
    const row = body(sites).findIndex((r) => r.includes('天心考点')) + headerRow('站点汇总') + 1;
    expect([await cellOf('站点汇总', `${custodyCol}${row}`), await cellOf('站点汇总', `${coveredCol}${row}`)]).toEqual([
      length(`${custodyCol}${row}`, 22 * 60 + 10),
      length(`${coveredCol}${row}`, 20 * 60 + 10),
    ]);
    expect([headers(sites, row)[columnOf(SITE_COLUMNS, '保管时长') - 1], headers(sites, row)[columnOf(SITE_COLUMNS, '值班覆盖时长') - 1]]).toEqual([
      '22小时10分',
      '20小时10分',
    ]);
    const site = wb.getWorksheet('汇总-天心考点')!;
    const dutyRow = findRow(site, '值班班次') + 1;
    const gapRow = findRow(site, '序号') + 1;
    expect([await cellOf('汇总-天心考点', `D${dutyRow}`), await cellOf('汇总-天心考点', `E${dutyRow}`), await cellOf('汇总-天心考点', `D${gapRow}`)]).toEqual([
      length(`D${dutyRow}`, 22 * 60 + 10),
      length(`E${dutyRow}`, 20 * 60 + 10),
      length(`D${gapRow}`, 120),
    ]);
    // The status line says it in the same words.
    expect(String(site.getCell('A3').value)).toBe('提交状态：暂不能提交：8 处错误需改正    警告 0    值班覆盖 20小时10分 / 22小时10分    未还 1 袋');
    // Wide enough for 999小时59分 on one line (a number does not wrap: narrower, it shows ####).
    const need = textUnits('999小时59分') + CELL_PADDING;
    for (const [ws, col] of [
      [sites, custodyCol],
      [sites, coveredCol],
      [site, 'D'],
      [site, 'E'],
    ] as const)
      expect({ sheet: ws.name, col, wide: (ws.getColumn(col).width ?? 0) >= need }).toEqual({ sheet: ws.name, col, wide: true });
  });

  it('ends 总览, 站点汇总 and each site sheet with 制表人 / 审核人 / 日期', () => {
    for (const name of ['总览', '站点汇总', '汇总-长沙分校', '汇总-天心考点', '汇总-岳麓考点']) {
      const lines = texts(wb).filter((t) => t.sheet === name && /制表人：_+ +审核人：_+ +日期：_+年_+月_+日/.test(t.text));
      expect({ name, lines: lines.length }).toEqual({ name, lines: 1 });
    }
  });

  it('站点汇总 opens with its title, then one row per workbook led by its unit, its file last; the title stands above the filter, frozen and printed atop each page with the header', async () => {
    const ws = wb.getWorksheet('站点汇总')!;
    expect(ws.getCell('A1').value).toBe('2024春学期各单位试卷保管汇总');
    expect(ws.getCell('A1').font).toMatchObject({ size: 14, bold: true });
    expect(ws.getRow(1).height).toBe(24);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async('string');
    expect(xml).toContain('<mergeCell ref="A1:W1"/>');
    expect(xml.match(/<pane [^>]*>/g)).toEqual(['<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>']);
    expect(ws.autoFilter).toBe('A2:W6');
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(headers(ws, 2).slice(0, 4)).toEqual(['分校', '单位', '级别', '状态']);
    expect(headers(ws, 2)[SITE_COLUMNS.length - 1]).toBe('文件');
    // Grouped by 分校: the 分校's own workbook first, then its 考点 by name; the file that cannot be read last.
    expect(body(ws).map((r) => [r[0], r[1], r[2], r[3], r[SITE_COLUMNS.length - 1]])).toEqual([
      ['长沙分校', '长沙分校', '分校', '需改正', '分校.xlsx'],
      ['长沙分校', '天心考点', '考点', '需改正', '考点/天心.xlsx'],
      ['长沙分校', '岳麓考点', '考点', '可以提交', '考点/岳麓.xlsx'],
      ['', '', '', '无法读取', 'broken.xlsx'],
    ]);
    // Without a semester named, the title says what the sheet is alone.
    const none = c.files.map((f) => (f.summary ? { ...f, summary: { ...f.summary, site: { ...f.summary.site, semester: '' } } } : f));
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.load(Buffer.from(await consolidatedXlsx({ ...c, files: none, totals: { ...c.totals, semester: null } })) as unknown as ArrayBuffer);
    expect(bare.getWorksheet('站点汇总')!.getCell('A1').value).toBe('各单位试卷保管汇总');
  });

  it('站点汇总 has one row per file; the unreadable file says why', () => {
    const ws = wb.getWorksheet('站点汇总')!;
    const rows = body(ws);
    const col = (h: string) => columnOf(SITE_COLUMNS, h) - 1;
    expect(rows.map((r) => r[col('状态')])).toEqual(['需改正', '需改正', '可以提交', '无法读取']);
    expect(rows[3][col('说明')]).toContain('不是 .xlsx');
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings;
    const formulae = cf.flatMap((x) => x.rules.flatMap((r) => r.formulae ?? []));
    expect(formulae).toContain('OR($D3="无法读取",$D3="不是试卷保密表单",$D3="需改正")');
    expect(cf.some((x) => x.rules.some((r) => r.type === 'dataBar'))).toBe(true);
  });

  it('问题清单 lists every finding once (a disagreeing pair once on each side), as many rows as 总览 counts errors, errors marked by a conditional format', () => {
    const ws = wb.getWorksheet('问题清单')!;
    const findings = c.files.reduce((n, f) => n + (f.error ? 1 : f.findings.filter((x) => x.rule !== 'handover-copies-disagree').length), 0);
    expect(body(ws)).toHaveLength(findings + 2);
    expect(body(ws).filter((r) => r[2] === '错误')).toHaveLength(c.totals.errors + c.totals.unreadable);
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings;
    expect(cf[0].rules.map((r) => r.formulae?.[0])).toEqual(['$C2="错误"', '$C2="警告"']);
  });

  it('总览 carries real bar charts bound to its cells, problems by title', async () => {
    const charts = await listCharts(bytes);
    expect(charts.map((x) => x.title)).toEqual(['各类问题数量', '各单位问题数量', '各考点考生数与试卷份数（只列考点：各级考生相同，不相加）']);
    expect(charts.every((x) => x.sheet === '总览')).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
    const ov = wb.getWorksheet('总览')!;
    const cat = /<c:cat><c:strRef><c:f>'总览'!\$A\$(\d+):\$A\$(\d+)<\/c:f>/.exec(chart)!;
    expect(ov.getRow(Number(cat[1]) - 1).getCell(1).value).toBe('问题（交接单不一致\n每方计一次）');
    const titles = [];
    for (let r = Number(cat[1]); r <= Number(cat[2]); r++) titles.push(ov.getRow(r).getCell(1).value);
    expect(titles).toContain(DISAGREE);
    expect(chart).toContain(DISAGREE);
    // Bars are counts measured from 0: an axis left to start at 3700 made 4000 candidates look half of 4460.
    for (const part of ['chart1', 'chart2', 'chart3']) {
      const xml = await zip.file(`xl/charts/${part}.xml`)!.async('string');
      expect(/<c:valAx>.*?<c:scaling>(.*?)<\/c:scaling>/.exec(xml)![1]).toBe('<c:orientation val="minMax"/><c:min val="0"/>');
    }
  });

  it('with --lang en: English headers and rule titles', async () => {
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await consolidatedXlsx(c, { lang: 'en' })) as unknown as ArrayBuffer);
    expect(en.worksheets.slice(0, 6).map((w) => w.name)).toEqual(['Overview', 'Sites', 'Files', 'Papers', 'Handover pairs', 'Findings']);
    expect(headers(en.getWorksheet('Findings')!)).toEqual(FINDING_COLUMNS.map((x) => x.header.en));
    const rules = body(en.getWorksheet('Findings')!).map((r) => r[3]);
    expect(rules).toContain('Handover copies disagree');
    expect(rules).toContain('Two signers on a handover');
    expect(body(en.getWorksheet('Handover pairs')!)[0][4]).toBe('2024-06-14 14:40');
    expect(en.getWorksheet('Handover pairs')!.getCell('E2').numFmt).toBe(TIME_FORMAT.en);
  });

  it('in English a header word is never broken: it fits its column, or the header stands upright; a status word fits its column', async () => {
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(await consolidatedXlsx(c, { lang: 'en' })) as unknown as ArrayBuffer);
    const words = (text: string) => text.split(/\s+/).filter((w) => /^[\x20-\x7e]+$/.test(w));
    const sites = en.getWorksheet('Sites')!;
    const look = (ws: ExcelJS.Worksheet, row: number) =>
      headers(ws, row).map((h, i) => {
        const width = ws.getColumn(i + 1).width ?? 9;
        const upright = ws.getRow(row).getCell(i + 1).alignment?.textRotation === 90;
        return { header: h, fits: upright || words(h).every((w) => linesOf(w, width, HEADER_PT) === 1) };
      });
    for (const [name, row] of [
      ['Sites', 2],
      ['Papers', 1],
      ['Handover pairs', 1],
      ['Findings', 1],
    ] as const) {
      const shown = look(en.getWorksheet(name)!, row);
      expect({ name, shown }).toEqual({ name, shown: shown.map((x) => ({ ...x, fits: true })) });
    }
    // The headers that stand upright are tall enough to show whole (Candidates, Handovers out …), 站点汇总's header row the tallest of them.
    expect(sites.getRow(2).getCell(columnOf(SITE_COLUMNS, '考生数')).alignment?.textRotation).toBe(90);
    expect(sites.getRow(2).height).toBeGreaterThanOrEqual(100);
    // “To be corrected”, “Unreadable” on whole lines: Status 12 wide (7 in Chinese).
    expect(sites.getColumn(columnOf(SITE_COLUMNS, '状态')).width).toBe(12);
    const statuses = body(sites).map((r) => r[columnOf(SITE_COLUMNS, '状态') - 1]);
    expect(statuses).toContain('Unreadable');
    expect(statuses.flatMap(words).filter((w) => linesOf(w, 12) > 1)).toEqual([]);
  });
});

describe('addSiteSummarySheet (the browser path: an exceljs workbook, no fs)', () => {
  it('adds a 汇总 sheet with the paper table, filters, conditional formats, frozen header, A4 landscape', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
    delete data.vaultLog![2].returnedAt;
    const s = summarizeSite(data, [
      { rule: 'not-returned', severity: 'error', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '试卷 3310 出库后没有还卷记录', clause: '' },
    ]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('已有的表');
    addSiteSummarySheet(wb, s, {
      findings: [
        { rule: 'not-returned', severity: 'error', form: 3, sheet: '出入库记录', cell: 'J7', row: 3, message: '试卷 3310 出库后没有还卷记录', clause: '' },
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet('汇总')!;
    expect(back.worksheets.map((w) => w.name)).toEqual(['已有的表', '汇总']);
    expect(String(ws.getCell('A1').value)).toContain('岳麓考点');
    expect(String(ws.getCell('A3').value)).toContain('暂不能提交');
    expect(headers(ws, 5).map(joined)).toEqual(PAPER_COLUMNS.map((c) => plainHeader(c.header.zh)));
    expect(headers(ws, 6).slice(0, 13)).toEqual(['1001', '高等数学基础', '2024年6月15日 08:30', '1', '1', '0', '1', '3', '62', '57', '5', '1', '1']);
    expect(ws.getRow(8).getCell(PAPER_COLUMNS.findIndex((c) => c.key === 'bagsStillOut') + 1).value).toBe(2); // 3310 still out: 2 bags
    expect(ws.getRow(9).getCell(1).value).toBe('合计');
    expect(ws.getRow(9).getCell(9).value).toBe(115);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:3');
    expect(ws.autoFilter).toMatchInlineSnapshot(`"A5:S8"`);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    const cf = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ type: string; formulae?: string[] }> }> }).conditionalFormattings;
    const formulae = cf.flatMap((x) => x.rules.flatMap((r) => r.formulae ?? []));
    expect(formulae).toContain('AND(ISNUMBER(R6),R6>0)'); // 未还袋数 > 0 (a number: not a figure's word, 附件3 未能读取)
    // A finding's rows are filled in its severity's colour across the sheet (its lines run on over the empty cells: no conditional format to sort).
    const error = ws.getRow(findRow(ws, '错误'));
    expect([1, ws.columnCount].map((c) => error.getCell(c).fill)).toEqual(
      [1, 2].map(() => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } })),
    );
    expect(cf.some((x) => x.rules.some((r) => r.type === 'dataBar'))).toBe(true);
    // 值班: 45.67 h of custody from 6月14日 10:10, all covered.
    const dutyRow = findRow(ws, '值班班次') + 1;
    expect(headers(ws, dutyRow).slice(0, 5)).toEqual(['4', '2024年6月14日 10:10', '2024年6月16日 07:50', '45小时40分', '45小时40分']);
    expect(String(ws.getCell('A3').value)).toContain('值班覆盖 45小时40分 / 45小时40分');
  });
});

describe('a 汇总 sheet added to a site workbook is not taken for a form', () => {
  it('the workbook reads back to the same data', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kaodian.json'), 'utf8')) as SiteData;
    const buffer = await fillWorkbook(data);
    const before = readWorkbook(await gridFromXlsxBuffer(buffer));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    addSiteSummarySheet(wb, summarizeSite(before), {
      findings: [{ rule: 'duty-gap', severity: 'warning', form: 5, sheet: '值班记录', cell: 'C5', row: 1, message: '试卷号 合计（袋） 取卷时间', clause: '' }],
    });
    const after = readWorkbook(await gridFromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(after.sheets.find((x) => x.sheet === '汇总')).toEqual({ sheet: '汇总', form: null });
    expect(after.data).toEqual(before.data);
  });
});

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && joined(String(row.getCell(1).value ?? '')) === text) found = n;
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

describe('a 汇总 sheet’s findings read across the page (review round 3, R2)', () => {
  it('问题清单: 依据 wide enough for a clause in 5 lines (it took 7, 3 findings a page), the sheet one page wide at 9 pt or more in both languages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(await network())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题清单')!;
    const widths = FINDING_COLUMNS.map((c) => c.width);
    expect(widths).toEqual([14, 10, 5, 14, 5, 10, 6, 5, 52, 54]);
    for (const lang of ['zh', 'en'] as const)
      expect(11 * printScale(FINDING_COLUMNS.map((c) => columnWidth(c, lang)))).toBeGreaterThanOrEqual(LEAST_PRINTED_PT);
    const clause = FINDING_COLUMNS.findIndex((c) => c.key === 'clause') + 1;
    const lines: Array<[number, number]> = [];
    ws.eachRow((row, r) => {
      const text = String(row.getCell(clause).value ?? '');
      if (r > 1) lines.push([text.length, linesOf(text, widths[clause - 1])]);
    });
    // The longest clause of the sample, 126 characters, in 5 lines.
    expect(lines.reduce((a, b) => (b[0] > a[0] ? b : a))).toEqual([126, 5]);
  });

  it('说明 last, a line of it a row running on to the page’s right edge: 1–3 lines a finding, on the paper table’s columns, nothing wrapped or merged', async () => {
    const c = await network();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await consolidatedXlsx(c)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总-天心考点')!;
    const widths = Array.from({ length: ws.columnCount }, (_x, i) => ws.getColumn(i + 1).width ?? 0);
    // The paper table's columns, as before (考生数 7 wide, whole: review round 9): the sheet still prints one page wide at 9 pt or more.
    expect(widths).toEqual([8, 26, 21, 12, 12, 8, 8, 8, 6, 7, 6, 6, 6, 6, 6, 8, 6, 6, 6]);
    const head = findRow(ws, '严重程度');
    // 说明's header one cell merged to the sheet's last column (review round 9: a dozen empty boxes stood beside it).
    expect(headers(ws, head)).toEqual(['严重\n程度', '问题', '位置', ...widths.slice(3).map(() => '说明')]);
    const file = c.files.find((f) => f.file.endsWith('天心.xlsx'))!;
    // As the sheet lists them: a disagreeing handover once, with every difference (one per line).
    const found = oncePerHandover(withPairFindings(file.file, file.findings, c.pairs, 'zh'));
    const rows: string[][] = [];
    for (let r = head + 1; ws.getRow(r).hasValues; r++) rows.push(headers(ws, r));
    // Each finding: a row with its severity, problem and place, then its message's further lines.
    const findings: string[][][] = [];
    for (const row of rows) {
      if (row[0]) findings.push([row]);
      else findings[findings.length - 1].push(row);
    }
    expect(findings.map((f) => f.length)).toEqual(found.map(() => expect.any(Number)));
    expect(Math.max(...findings.map((f) => f.length))).toBeLessThanOrEqual(3);
    // Every word of each message, in order (a space where a line breaks is the break).
    const bare = (text: string) => text.replace(/\s+/g, '');
    expect(findings.map((f) => bare(f.map((row) => row[3] ?? '').join('')))).toEqual(found.map((f) => bare(f.message)));
    const total = found.find((f) => f.rule === 'column-total')!;
    expect(findings.find((f) => f[0][1] === '合计行不符')).toEqual([['错误', '合计行不符', `${total.sheet}!${total.cell}`, total.message]]);
    const room = widths.slice(3).reduce((a, w) => a + w, 0);
    for (const line of rows.map((row) => row[3] ?? '')) expect({ line, fits: textUnits(line, 11) <= room }).toEqual({ line, fits: true });
    for (let r = head; r <= head + rows.length; r++) {
      ws.getRow(r).eachCell((cell) =>
        expect({ at: cell.address, wrap: cell.alignment?.wrapText ?? false, merged: cell.isMerged }).toEqual({
          at: cell.address,
          wrap: r === head,
          merged: r === head && Number(cell.col) >= 4, // 说明's header alone, merged across
        }),
      );
    }
  });
});
