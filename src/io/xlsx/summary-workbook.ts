/**
 * The summaries as workbooks people read and print: frozen headers, filters,
 * conditional formatting for errors and warnings, widths, A4 landscape.
 *
 * - `addSiteSummarySheet(wb, summary)` adds one site's 汇总 sheet to an exceljs
 *   Workbook. No fs, no Node: the Excel add-in calls it in the browser. It draws
 *   no chart (Excel on the web refuses to insert sheets holding charts); its
 *   pictures are data bars.
 * - `consolidatedXlsx(c)` writes the consolidated summary (总览 with two real
 *   bar charts, 站点汇总, 试卷明细, 交接配对, 问题清单, and a 汇总 sheet per
 *   site when there are few) as .xlsx bytes.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding';
import { addBarCharts, absoluteRef, BarChartSpec } from './chart';
import { Consolidated, ConsolidatedTotals, FileOutcome, HandoverPair, PAIR_STATUS_ZH, describePair } from '../../summary/consolidate';
import type { SiteSummary } from '../../summary/site';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Conditional-format fills use bgColor. */
const ERROR_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' } },
};
const WARNING_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } },
  font: { color: { argb: 'FF9C5700' } },
};
const GOOD_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } },
  font: { color: { argb: 'FF006100' } },
};

const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/** Lines a text needs in a column of this width (a Chinese character is two units wide). */
export function linesOf(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return Math.max(1, Math.ceil(units / Math.max(1, width - 1.5)));
}

export const SEVERITY_ZH = { error: '错误', warning: '警告' } as const;

type Row = Array<string | number | null | undefined>;

export interface Column {
  header: string;
  width: number;
  /** Excel number format. */
  numFmt?: string;
}

const showTime = (t: string | null | undefined): string => (t ? t.replace('T', ' ') : '');
const pct = (x: number): number => Math.round(x * 1000) / 1000;

/** Either kind of exceljs workbook: the ordinary one (browser, add-in) or the streaming writer (thousands of rows). */
type AnyWorkbook = Pick<ExcelJS.Workbook, 'addWorksheet'>;

function a4Landscape(titleRows?: string, onePage = false): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

/**
 * A new sheet, A4 landscape, with its view. Everything the streaming writer
 * writes at the top of a sheet must be given here, at creation.
 */
function newSheet(
  wb: AnyWorkbook,
  name: string,
  view: { xSplit?: number; ySplit?: number; gridLines?: boolean; onePage?: boolean },
  titleRows?: string,
): ExcelJS.Worksheet {
  const frozen = (view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0;
  const topLeft = `${colLetter((view.xSplit ?? 0) + 1)}${(view.ySplit ?? 0) + 1}`;
  return wb.addWorksheet(name, {
    views: [
      frozen
        ? { state: 'frozen', xSplit: view.xSplit ?? 0, ySplit: view.ySplit ?? 0, topLeftCell: topLeft, activeCell: topLeft, showGridLines: view.gridLines ?? true }
        : { showGridLines: view.gridLines ?? true },
    ],
    pageSetup: a4Landscape(titleRows, view.onePage),
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' } as ExcelJS.HeaderFooter,
  } as Partial<ExcelJS.AddWorksheetOptions>);
}

/** Writes a finished row out (streaming writer); a no-op for an ordinary workbook. */
function done(row: ExcelJS.Row): void {
  row.commit();
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 10.5, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  row.height = 30;
}

function styleBody(row: ExcelJS.Row, columns: readonly Column[]): void {
  columns.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: FONT, size: 10 };
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: col.width >= 24 };
    if (col.numFmt) cell.numFmt = col.numFmt;
  });
}

/**
 * A sheet that is one table: header in row 1, frozen, filtered, printable.
 * Rows are written out as they are added, so thousands of them cost no memory.
 */
async function tableSheet(
  wb: AnyWorkbook,
  name: string,
  columns: readonly Column[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Promise<{ ws: ExcelJS.Worksheet; last: number }> {
  const ws = newSheet(wb, name, { ySplit: 1 }, '1:1');
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const header = ws.addRow(columns.map((c) => c.header));
  styleHeader(header, columns.length);
  done(header);
  // Body cells carry only what they need (wrapping, a number format): with thousands of
  // rows, a font and a border on every cell would triple the time to write the file.
  const wrap = columns.map((c) => c.width >= 24);
  let count = 0;
  for await (const r of rows) {
    const row = ws.addRow(r);
    let lines = 1;
    columns.forEach((col, i) => {
      if (wrap[i]) {
        row.getCell(i + 1).alignment = WRAP;
        const v = r[i];
        if (typeof v === 'string' && v.length > col.width / 2) lines = Math.max(lines, linesOf(v, col.width));
      }
      if (col.numFmt) row.getCell(i + 1).numFmt = col.numFmt;
    });
    // Spreadsheets do not grow a row for wrapped text on their own: give it the lines it needs.
    if (lines > 1) row.height = Math.min(409, lines * 13.5 + 2);
    done(row);
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: columns.length } };
  return { ws, last: count + 1 };
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Colours whole rows where a column says 错误 / 警告 (or any other pair of words). */
function severityRows(ws: ExcelJS.Worksheet, lastCol: number, firstRow: number, lastRow: number, col: number, error = '错误', warning = '警告'): void {
  if (lastRow < firstRow) return;
  const c = colLetter(col);
  ws.addConditionalFormatting({
    ref: `A${firstRow}:${colLetter(lastCol)}${lastRow}`,
    rules: [
      { type: 'expression', priority: 1, formulae: [`$${c}${firstRow}="${error}"`], style: ERROR_STYLE },
      { type: 'expression', priority: 2, formulae: [`$${c}${firstRow}="${warning}"`], style: WARNING_STYLE },
    ],
  });
}

function cellRule(ws: ExcelJS.Worksheet, ref: string, formula: string, style: Partial<ExcelJS.Style>, priority = 3): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority, formulae: [formula], style }] });
}

function dataBar(ws: ExcelJS.Worksheet, ref: string, color: string, max?: number): void {
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'dataBar',
        priority: 10,
        minLength: 0,
        maxLength: 100,
        cfvo: [{ type: 'num', value: 0 }, max === undefined ? { type: 'max' } : { type: 'num', value: max }],
        color: { argb: color },
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

/* ------------------------------------------------------------------ per site */

export const PAPER_COLUMNS: Column[] = [
  { header: '试卷代号', width: 9 },
  { header: '试卷名', width: 22 },
  { header: '首场开考', width: 17 },
  { header: '31份装袋数', width: 8 },
  { header: '26份装袋数', width: 8 },
  { header: '11份装袋数', width: 8 },
  { header: '5份装袋数', width: 8 },
  { header: '袋数合计', width: 8 },
  { header: '应有份数', width: 8 },
  { header: '报考（人）', width: 8 },
  { header: '余量（份）', width: 8 },
  { header: '出库次数', width: 8 },
  { header: '已还次数', width: 8 },
  { header: '发往考点（袋）', width: 9 },
  { header: '分发考场', width: 16 },
  { header: '分发份数', width: 8 },
  { header: '未还（袋）', width: 8 },
  { header: '应在库（袋）', width: 9 },
];

function paperRow(p: SiteSummary['papers'][number]): Row {
  return [
    p.paperNo,
    p.paperName,
    showTime(p.sessionStart),
    p.bags.bags31,
    p.bags.bags26,
    p.bags.bags11,
    p.bags.bags5,
    p.bags.totalBags,
    p.copies,
    p.candidates,
    p.spareCopies,
    p.checkouts,
    p.returns,
    p.bagsDispatched,
    p.rooms.join('、'),
    p.copiesDistributed,
    p.bagsStillOut,
    p.bagsInVault,
  ];
}

function siteTitle(s: SiteSummary): string {
  const where = [s.site.branch, s.site.school, s.site.examSite].filter(Boolean).join(' ');
  return `${where || s.site.name || '（未填单位）'}  ${s.site.semester ? `${s.site.semester}学期` : ''}试卷保管汇总`;
}

export function readinessText(s: SiteSummary): string {
  if (s.ready) return s.findings.warnings ? `可以提交（另有 ${s.findings.warnings} 处提醒，请看一眼）` : '可以提交';
  const parts = [];
  if (s.findings.errors) parts.push(`${s.findings.errors} 处错误`);
  if (s.problems.length) parts.push(`${s.problems.length} 处无法读取`);
  return `暂不能提交：${parts.join('，')}需改正`;
}

/** A valid, unused sheet name (≤ 31 characters, no []:*?/\). */
export function safeSheetName(taken: readonly string[], wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '汇总';
  let name = base;
  for (let n = 2; taken.some((w) => w.toLowerCase() === name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  return name;
}

/**
 * Adds one site's 汇总 sheet to an exceljs workbook (browser-safe). With
 * `findings`, the sheet ends with every finding and its cell.
 */
export function addSiteSummarySheet(
  wb: ExcelJS.Workbook,
  s: SiteSummary,
  options: { name?: string; findings?: readonly Finding[] } = {},
): ExcelJS.Worksheet {
  return writeSiteSheet(wb, safeSheetName(wb.worksheets.map((w) => w.name), options.name ?? '汇总'), s, options.findings);
}

function writeSiteSheet(wb: AnyWorkbook, name: string, s: SiteSummary, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const options = { findings };
  const ncol = PAPER_COLUMNS.length;
  const ws = newSheet(wb, name, { xSplit: 2, ySplit: 5, gridLines: false }, '1:5');
  PAPER_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const last = colLetter(ncol);

  const title = ws.getCell('A1');
  title.value = siteTitle(s);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(`A1:${last}1`);
  ws.getRow(1).height = 30;

  const info = ws.getCell('A2');
  info.value = `级别：${s.site.level || '—'}    文件：${s.file ?? '—'}    SHA-256：${s.sha256 ?? '—'}`;
  info.font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
  ws.mergeCells(`A2:${last}2`);

  const status = ws.getCell('A3');
  status.value = `提交状态：${readinessText(s)}    错误 ${s.findings.errors}    警告 ${s.findings.warnings}    值班覆盖 ${s.duty.coveredHours}/${s.duty.custodyHours} 小时    未还 ${s.totals.bagsStillOut} 袋${s.totals.copiesStillOut ? `、${s.totals.copiesStillOut} 份` : ''}`;
  status.font = { name: FONT, size: 11, bold: true, color: { argb: s.ready ? 'FF006100' : 'FF9C0006' } };
  status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.ready ? 'FFC6EFCE' : 'FFFFC7CE' } };
  ws.mergeCells(`A3:${last}3`);
  ws.getRow(3).height = 22;

  section(ws, 4, '一、各试卷保管情况（份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装）', ncol);
  styleHeader(ws.getRow(5), 0);
  ws.getRow(5).values = PAPER_COLUMNS.map((c) => c.header);
  styleHeader(ws.getRow(5), ncol);

  let r = 6;
  const firstPaper = r;
  for (const p of s.papers) {
    ws.getRow(r).values = paperRow(p);
    styleBody(ws.getRow(r), PAPER_COLUMNS);
    r++;
  }
  const lastPaper = r - 1;
  const t = s.totals;
  ws.getRow(r).values = ['合计', `${t.papers} 种试卷`, `${t.sessions} 场`, t.bags.bags31, t.bags.bags26, t.bags.bags11, t.bags.bags5, t.bags.totalBags, t.copies, t.candidates, t.copies - t.candidates, t.checkouts, t.returns, t.bagsDispatched, `${t.roomsServed} 个考场次`, t.copiesDistributed, t.bagsStillOut, s.papers.reduce((a, p) => a + p.bagsInVault, 0)];
  styleBody(ws.getRow(r), PAPER_COLUMNS);
  ws.getRow(r).font = { name: FONT, size: 10, bold: true };
  if (lastPaper >= firstPaper) {
    ws.autoFilter = { from: { row: 5, column: 1 }, to: { row: lastPaper, column: ncol } };
    cellRule(ws, `K${firstPaper}:K${lastPaper}`, `AND(ISNUMBER(K${firstPaper}),K${firstPaper}<0)`, ERROR_STYLE, 1);
    cellRule(ws, `Q${firstPaper}:Q${lastPaper}`, `Q${firstPaper}>0`, ERROR_STYLE, 2);
    cellRule(ws, `M${firstPaper}:M${lastPaper}`, `M${firstPaper}<L${firstPaper}`, WARNING_STYLE, 3);
    dataBar(ws, `I${firstPaper}:I${lastPaper}`, 'FF5B9BD5');
  }
  r += 2;

  // 二、交接单
  section(ws, r++, `二、交接单（接收 ${s.handovers.in.length} 份，移交 ${s.handovers.out.length} 份）`, ncol);
  const hCols = ['方向', '交接于', '移交方', '接收方', '明细之和（袋）', '合计栏', '移交签字', '接收签字', '所在位置'];
  ws.getRow(r).values = hCols;
  styleHeader(ws.getRow(r), hCols.length);
  r++;
  for (const h of [...s.handovers.in, ...s.handovers.out]) {
    ws.getRow(r).values = [h.direction === 'in' ? '接收' : '移交', showTime(h.time), h.from, h.to, h.quantity, h.total === null ? '' : h.total, h.fromSigners.join('、'), h.toSigners.join('、'), h.sheet ? `${h.sheet}!${h.cell ?? ''}` : ''];
    styleBody(ws.getRow(r), hCols.map(() => ({ header: '', width: 10 })));
    r++;
  }
  if (!s.handovers.in.length && !s.handovers.out.length) ws.getCell(`A${r++}`).value = '（没有交接单）';
  r++;

  // 三、值班
  const d = s.duty;
  section(ws, r++, '三、保密室值班覆盖（保管期：入库至最后一次出库）', ncol);
  const dCols = ['保管期起', '保管期止', '保管时长（小时）', '值班覆盖（小时）', '覆盖率', '缺口（处）', '重叠（处）', '值班班次'];
  ws.getRow(r).values = dCols;
  styleHeader(ws.getRow(r), dCols.length);
  r++;
  ws.getRow(r).values = [showTime(d.custodyStart), showTime(d.custodyEnd), d.custodyHours, d.coveredHours, pct(d.coverage), d.gaps.length, d.overlaps, d.shifts];
  styleBody(ws.getRow(r), dCols.map(() => ({ header: '', width: 10 })));
  ws.getCell(`E${r}`).numFmt = '0.0%';
  dataBar(ws, `E${r}`, 'FF70AD47', 1);
  cellRule(ws, `E${r}`, `E${r}<1`, WARNING_STYLE, 4);
  r++;
  for (const g of d.gaps) {
    ws.getRow(r).values = [showTime(g.from), showTime(g.to), g.hours, '', '', '无人值班'];
    ws.getRow(r).font = { name: FONT, size: 10, color: { argb: 'FF9C0006' } };
    r++;
  }
  r++;

  // 四、未还
  section(ws, r++, `四、尚未归还保密室的出库（${s.outstanding.length} 条）`, ncol);
  if (s.outstanding.length) {
    const oCols = ['出入库记录第几行', '试卷代号', '件数', '计量', '取卷者', '取出于'];
    ws.getRow(r).values = oCols;
    styleHeader(ws.getRow(r), oCols.length);
    r++;
    for (const o of s.outstanding) {
      ws.getRow(r).values = [o.row, o.paperNo, o.quantity, o.unit, o.taker, showTime(o.takenAt)];
      ws.getRow(r).font = { name: FONT, size: 10, color: { argb: 'FF9C0006' } };
      r++;
    }
  } else {
    ws.getCell(`A${r++}`).value = '全部出库均已归还（分校发往考点的试卷不计）';
  }
  r++;

  // 五、问题
  section(ws, r++, `五、检查发现的问题（错误 ${s.findings.errors}，警告 ${s.findings.warnings}）`, ncol);
  const rules = Object.entries(s.findings.byRule).sort((a, b) => (a[1].severity === b[1].severity ? b[1].count - a[1].count : a[1].severity === 'error' ? -1 : 1));
  if (options.findings?.length) {
    const fCols = ['严重程度', '规则', '附件', '工作表', '单元格', '行', '说明'];
    ws.getRow(r).values = fCols;
    styleHeader(ws.getRow(r), fCols.length);
    r++;
    const first = r;
    for (const f of options.findings) {
      const row = ws.getRow(r);
      row.values = [SEVERITY_ZH[f.severity], f.rule, f.form ?? '', f.sheet ?? '', f.cell ?? '', f.row ?? '', f.message];
      row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
      ws.mergeCells(r, 7, r, ncol);
      const width = PAPER_COLUMNS.slice(6).reduce((w, c) => w + c.width, 0);
      row.height = Math.max(15, linesOf(f.message, width) * 13.5 + 2);
      r++;
    }
    severityRows(ws, fCols.length, first, r - 1, 1);
  } else if (rules.length) {
    ws.getRow(r).values = ['严重程度', '规则', '处数'];
    styleHeader(ws.getRow(r), 3);
    r++;
    const first = r;
    for (const [rule, v] of rules) {
      ws.getRow(r).values = [SEVERITY_ZH[v.severity], rule, v.count];
      r++;
    }
    severityRows(ws, 3, first, r - 1, 1);
  } else {
    ws.getCell(`A${r++}`).value = '未发现问题';
  }
  if (s.problems.length) for (const p of s.problems) ws.getCell(`A${r++}`).value = `无法读取：${p}`;
  return ws;
}

function section(ws: ExcelJS.Worksheet, row: number, text: string, ncol: number): void {
  const cell = ws.getCell(`A${row}`);
  cell.value = text;
  cell.font = { name: FONT, size: 12, bold: true };
  for (let c = 1; c <= ncol; c++) ws.getRow(row).getCell(c).fill = SECTION_FILL;
  ws.getRow(row).height = 20;
}

/* ------------------------------------------------------------------ consolidated */

export const SITE_COLUMNS: Column[] = [
  { header: '文件', width: 30 },
  { header: '分部', width: 10 },
  { header: '分校（学院）', width: 12 },
  { header: '考点', width: 12 },
  { header: '级别', width: 6 },
  { header: '学期', width: 8 },
  { header: '状态', width: 12 },
  { header: '错误', width: 6 },
  { header: '警告', width: 6 },
  { header: '试卷种数', width: 7 },
  { header: '合计（袋）', width: 8 },
  { header: '试卷份数', width: 8 },
  { header: '报考人数', width: 8 },
  { header: '出库次数', width: 7 },
  { header: '已还次数', width: 7 },
  { header: '未还（袋）', width: 7 },
  { header: '发往考点（袋）', width: 8 },
  { header: '考场次', width: 7 },
  { header: '接收交接单', width: 7 },
  { header: '移交交接单', width: 7 },
  { header: '保管时长（小时）', width: 9 },
  { header: '值班覆盖（小时）', width: 9 },
  { header: '覆盖率', width: 8, numFmt: '0.0%' },
  { header: '值班缺口', width: 7 },
  { header: '说明', width: 30 },
  { header: 'SHA-256', width: 34 },
];

export const PAPER_DETAIL_COLUMNS: Column[] = [
  { header: '文件', width: 30 },
  { header: '单位', width: 12 },
  ...PAPER_COLUMNS,
];

export const PAIR_COLUMNS: Column[] = [
  { header: '移交单位', width: 12 },
  { header: '接收单位', width: 12 },
  { header: '核对结果', width: 12 },
  { header: '移交方时间', width: 16 },
  { header: '接收方时间', width: 16 },
  { header: '移交方数量（袋）', width: 9 },
  { header: '接收方数量（袋）', width: 9 },
  { header: '差异', width: 48 },
  { header: '移交方副本（文件）', width: 30 },
  { header: '移交方工作表', width: 14 },
  { header: '接收方副本（文件）', width: 30 },
  { header: '接收方工作表', width: 14 },
];

export const FINDING_COLUMNS: Column[] = [
  { header: '文件', width: 30 },
  { header: '单位', width: 12 },
  { header: '严重程度', width: 8 },
  { header: '规则', width: 22 },
  { header: '附件', width: 5 },
  { header: '工作表', width: 14 },
  { header: '单元格', width: 7 },
  { header: '序号', width: 5 },
  { header: '说明', width: 60 },
  { header: '依据', width: 24 },
];

function statusOf(f: Consolidated['files'][number]): string {
  if (!f.summary) return '无法读取';
  return f.summary.ready ? '可以提交' : '需改正';
}

/** The 站点汇总 row of one file. */
export function siteRow(f: FileOutcome): Row {
  {
    const s = f.summary;
    if (!s) {
      return [f.file, '', '', '', '', '', '无法读取', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, f.error ?? '', f.sha256 ?? ''];
    }
    const note = [s.duty.gaps.length ? `值班缺口 ${s.duty.gaps.length} 处` : '', s.outstanding.length ? `${s.outstanding.length} 次出库未还` : '', ...s.problems].filter(Boolean).join('；');
    return [
      f.file,
      s.site.branch,
      s.site.school,
      s.site.examSite,
      s.site.level,
      s.site.semester,
      statusOf(f),
      s.findings.errors,
      s.findings.warnings,
      s.totals.papers,
      s.totals.bags.totalBags,
      s.totals.copies,
      s.totals.candidates,
      s.totals.checkouts,
      s.totals.returns,
      s.totals.bagsStillOut,
      s.totals.bagsDispatched,
      s.totals.roomsServed,
      s.handovers.in.length,
      s.handovers.out.length,
      s.duty.custodyHours,
      s.duty.coveredHours,
      pct(s.duty.coverage),
      s.duty.gaps.length,
      note,
      f.sha256 ?? '',
    ];
  }
}

function* siteRows(c: Consolidated): Generator<Row> {
  for (const f of c.files) yield siteRow(f);
}

/** The 试卷明细 rows of one file. */
export function paperRowsOf(f: FileOutcome): Row[] {
  return f.summary ? f.summary.papers.map((p) => [f.file, f.summary!.site.name, ...paperRow(p)]) : [];
}

function* paperRows(c: Consolidated): Generator<Row> {
  for (const f of c.files) yield* paperRowsOf(f);
}

function* pairRows(pairs: readonly HandoverPair[]): Generator<Row> {
  for (const p of pairs) {
    yield [
      p.from,
      p.to,
      PAIR_STATUS_ZH[p.status],
      showTime(p.sender?.time),
      showTime(p.receiver?.time),
      p.sender?.quantity ?? null,
      p.receiver?.quantity ?? null,
      describePair(p),
      p.sender?.file ?? '',
      p.sender?.sheet ? `${p.sender.sheet}!${p.sender.cell ?? ''}` : '',
      p.receiver?.file ?? '',
      p.receiver?.sheet ? `${p.receiver.sheet}!${p.receiver.cell ?? ''}` : '',
    ];
  }
}

/** The 问题清单 rows of one file: its findings, or why it could not be read. */
export function findingRowsOf(f: Pick<FileOutcome, 'file' | 'error' | 'findings'> & { site?: string }): Row[] {
  if (f.error) return [[f.file, '', '错误', 'unreadable-file', null, null, null, null, `无法读取：${f.error}`, '']];
  return f.findings.map((x) => [f.file, f.site ?? '', SEVERITY_ZH[x.severity], x.rule, x.form, x.sheet, x.cell, x.row, x.message, x.clause]);
}

function* findingRows(c: Consolidated): Generator<Row> {
  for (const f of c.files) yield* findingRowsOf({ ...f, site: f.summary?.site.name ?? '' });
}

/** What the charts on 总览 draw: the top of each list, so that a chart stays readable. */
export interface ChartData {
  /** Findings per rule (top 15). */
  rules: Array<[string, { errors: number; warnings: number }]>;
  /** Units with the most findings (top 20). */
  sites: Array<{ name: string; errors: number; warnings: number }>;
  /** Units with the most candidates (top 20), of those with papers. */
  big: Array<{ name: string; candidates: number; copies: number }>;
}

/** Ranks per-rule counts and per-unit figures the way 总览 shows them. */
export function rankChartData(
  byRule: ReadonlyMap<string, { errors: number; warnings: number }>,
  units: Iterable<{ name: string; errors: number; warnings: number; papers: number; candidates: number; copies: number }>,
): ChartData {
  const rules = [...byRule.entries()].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0])).slice(0, 15);
  const list = [...units];
  const sites = list
    .filter((u) => u.errors + u.warnings > 0)
    .map((u) => ({ name: u.name, errors: u.errors, warnings: u.warnings }))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  const big = list
    .filter((u) => u.papers > 0)
    .map((u) => ({ name: u.name, candidates: u.candidates, copies: u.copies }))
    .sort((a, b) => b.candidates - a.candidates || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 20);
  return { rules, sites, big };
}

function chartData(c: Consolidated): ChartData {
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const f of c.files) {
    for (const x of f.findings) {
      const e = byRule.get(x.rule) ?? { errors: 0, warnings: 0 };
      if (x.severity === 'error') e.errors++;
      else e.warnings++;
      byRule.set(x.rule, e);
    }
  }
  return rankChartData(
    byRule,
    c.files
      .filter((f) => f.summary)
      .map((f) => {
        const s = f.summary!;
        return { name: s.site.name || f.file, errors: s.findings.errors, warnings: s.findings.warnings, papers: s.totals.papers, candidates: s.totals.candidates, copies: s.totals.copies };
      }),
  );
}

/**
 * Everything the consolidated summary workbook is written from: the figures
 * and charts of 总览, the pairs, and the rows of the long tables, which may be
 * read back from disk as they are written (`node-spool.ts`).
 */
export interface ConsolidatedSource {
  totals: ConsolidatedTotals;
  pairs: readonly HandoverPair[];
  chart: ChartData;
  siteRows(): Iterable<Row> | AsyncIterable<Row>;
  paperRows(): Iterable<Row> | AsyncIterable<Row>;
  findingRows(): Iterable<Row> | AsyncIterable<Row>;
  /** Each readable site's summary and findings, in file order (asked for only when there are few). */
  sites(): Iterable<{ file: string; summary: SiteSummary; findings: readonly Finding[] }> | AsyncIterable<{ file: string; summary: SiteSummary; findings: readonly Finding[] }>;
}

/** The source of a consolidated summary held in memory. */
export function sourceOf(c: Consolidated): ConsolidatedSource {
  return {
    totals: c.totals,
    pairs: c.pairs,
    chart: chartData(c),
    siteRows: () => siteRows(c),
    paperRows: () => paperRows(c),
    findingRows: () => findingRows(c),
    sites: () => c.files.filter((f) => f.summary).map((f) => ({ file: f.file, summary: f.summary!, findings: f.findings })),
  };
}

export interface ConsolidatedOptions {
  /** Add a 汇总 sheet per site when there are at most this many sites (default 10). */
  perSiteSheets?: number;
}

/** Ends a sheet: the streaming writer writes it out now; an ordinary workbook keeps it. */
function finish(ws: ExcelJS.Worksheet): void {
  const commit = (ws as unknown as { commit?: () => void }).commit;
  if (typeof commit === 'function') commit.call(ws);
}

/** The consolidated summary as an ordinary exceljs workbook (small runs, tests), and the charts to add once written. */
export async function consolidatedWorkbook(c: Consolidated | ConsolidatedSource, options: ConsolidatedOptions = {}): Promise<{ wb: ExcelJS.Workbook; charts: BarChartSpec[] }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '试卷保密助手';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  return { wb, charts: await writeConsolidated(wb, 'files' in c ? sourceOf(c) : c, options) };
}

/** Writes every sheet of the consolidated summary into `wb`; returns the charts for 总览. */
async function writeConsolidated(wb: AnyWorkbook, c: ConsolidatedSource, options: ConsolidatedOptions): Promise<BarChartSpec[]> {
  const t = c.totals;
  const charts: BarChartSpec[] = [];

  // 总览
  const ov = newSheet(wb, '总览', { gridLines: false, onePage: true });
  [22, 12, 12, 4, 14, 14, 14, 14, 14, 14, 14, 14].forEach((w, i) => {
    ov.getColumn(i + 1).width = w;
  });
  ov.getCell('A1').value = '试卷保管汇总（多工作簿合并）';
  ov.getCell('A1').font = { name: FONT, size: 16, bold: true };
  ov.mergeCells('A1:C1');
  const figures: Array<[string, number | string]> = [
    ['工作簿', t.files],
    ['无法读取', t.unreadable],
    ['单位（已读取）', t.sites],
    ['可以提交', t.ready],
    ['错误（处）', t.errors],
    ['警告（处）', t.warnings],
    ['试卷（单位×试卷）', t.papers],
    ['试卷袋', t.bags],
    ['试卷份数', t.copies],
    ['报考人数', t.candidates],
    ['未还保密室（袋）', t.bagsStillOut],
    ['交接单一致', t.pairs.matched],
    ['交接单不一致', t.pairs.disagree],
    ['仅移交方副本', t.pairs['sender-only']],
    ['仅接收方副本', t.pairs['receiver-only']],
  ];
  ov.getRow(3).values = ['项目', '数量'];
  styleHeader(ov.getRow(3), 2);
  figures.forEach(([k, v], i) => {
    const row = ov.getRow(4 + i);
    row.values = [k, v];
    styleBody(row, [{ header: '', width: 22 }, { header: '', width: 12 }]);
  });
  const figEnd = 3 + figures.length;
  cellRule(ov, 'B5', 'B5>0', ERROR_STYLE, 1);
  cellRule(ov, 'B8', 'B8>0', ERROR_STYLE, 2);
  cellRule(ov, 'B9', 'B9>0', WARNING_STYLE, 3);
  cellRule(ov, 'B14', 'B14>0', WARNING_STYLE, 4);
  cellRule(ov, 'B16', 'B16>0', ERROR_STYLE, 5);
  cellRule(ov, 'B7', `AND(B7>0,B7=B6)`, GOOD_STYLE, 6);

  const { rules, sites, big } = c.chart;
  let r = figEnd + 2;
  const ruleHeader = r;
  ov.getRow(r).values = ['规则', '错误', '警告'];
  styleHeader(ov.getRow(r), 3);
  r++;
  for (const [rule, v] of rules) {
    ov.getRow(r).values = [rule, v.errors, v.warnings];
    styleBody(ov.getRow(r), [{ header: '', width: 22 }, { header: '', width: 12 }, { header: '', width: 12 }]);
    r++;
  }
  if (rules.length) {
    charts.push({
      sheet: '总览',
      title: '各类问题数量（按规则）',
      categoriesRef: absoluteRef('总览', `A${ruleHeader + 1}:A${r - 1}`),
      categories: rules.map(([k]) => k),
      series: [
        { name: '错误', ref: absoluteRef('总览', `B${ruleHeader + 1}:B${r - 1}`), values: rules.map(([, v]) => v.errors), color: 'C00000' },
        { name: '警告', ref: absoluteRef('总览', `C${ruleHeader + 1}:C${r - 1}`), values: rules.map(([, v]) => v.warnings), color: 'FFC000' },
      ],
      from: { col: 4, row: 2 },
      to: { col: 12, row: 22 },
    });
  } else {
    ov.getCell(`A${r++}`).value = '未发现问题';
  }
  r++;
  const siteHeader = r;
  ov.getRow(r).values = ['单位（问题最多的前 20 个）', '错误', '警告'];
  styleHeader(ov.getRow(r), 3);
  r++;
  for (const s of sites) {
    ov.getRow(r).values = [s.name, s.errors, s.warnings];
    styleBody(ov.getRow(r), [{ header: '', width: 22 }, { header: '', width: 12 }, { header: '', width: 12 }]);
    r++;
  }
  if (sites.length) {
    charts.push({
      sheet: '总览',
      title: '各单位问题数量',
      categoriesRef: absoluteRef('总览', `A${siteHeader + 1}:A${r - 1}`),
      categories: sites.map((s) => s.name),
      series: [
        { name: '错误', ref: absoluteRef('总览', `B${siteHeader + 1}:B${r - 1}`), values: sites.map((s) => s.errors), color: 'C00000' },
        { name: '警告', ref: absoluteRef('总览', `C${siteHeader + 1}:C${r - 1}`), values: sites.map((s) => s.warnings), color: 'FFC000' },
      ],
      from: { col: 4, row: charts.length ? 23 : 2 },
      to: { col: 12, row: (charts.length ? 23 : 2) + Math.max(14, Math.min(32, sites.length * 2 + 6)) },
    });
  }
  r++;
  // Always drawn: candidates against copies, for the units with the most candidates.
  if (big.length) {
    const head = r;
    ov.getRow(r).values = ['单位（报考人数最多的前 20 个）', '报考人数', '试卷份数'];
    styleHeader(ov.getRow(r), 3);
    r++;
    for (const s of big) {
      ov.getRow(r).values = [s.name, s.candidates, s.copies];
      styleBody(ov.getRow(r), [{ header: '', width: 22 }, { header: '', width: 12 }, { header: '', width: 12 }]);
      r++;
    }
    const top = charts.length ? charts[charts.length - 1].to.row + 1 : 2;
    charts.push({
      sheet: '总览',
      title: '各单位报考人数与试卷份数',
      categoriesRef: absoluteRef('总览', `A${head + 1}:A${r - 1}`),
      categories: big.map((s) => s.name),
      series: [
        { name: '报考人数', ref: absoluteRef('总览', `B${head + 1}:B${r - 1}`), values: big.map((s) => s.candidates), color: '5B9BD5' },
        { name: '试卷份数', ref: absoluteRef('总览', `C${head + 1}:C${r - 1}`), values: big.map((s) => s.copies), color: 'A5A5A5' },
      ],
      stacked: false,
      from: { col: 4, row: top },
      to: { col: 12, row: top + Math.max(14, Math.min(36, big.length * 2 + 6)) },
    });
    r++;
  }
  ov.getCell(`A${r}`).value = '说明：份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装；保管期为入库至最后一次出库；分校发往考点的出库不计为未还。每个文件的 SHA-256 见“站点汇总”最后一列。';
  ov.getCell(`A${r}`).font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
  ov.getCell(`A${r}`).alignment = { wrapText: true, vertical: 'top' };
  ov.mergeCells(`A${r}:C${r + 3}`);
  finish(ov);

  // 站点汇总
  const { ws: siteSheet } = await tableSheet(wb, '站点汇总', SITE_COLUMNS, c.siteRows());
  const n = t.files + 1;
  if (n > 1) {
    siteSheet.addConditionalFormatting({
      ref: `A2:${colLetter(SITE_COLUMNS.length)}${n}`,
      rules: [
        { type: 'expression', priority: 1, formulae: ['OR($G2="无法读取",$G2="需改正")'], style: ERROR_STYLE },
        { type: 'expression', priority: 2, formulae: ['AND($G2="可以提交",$I2>0)'], style: WARNING_STYLE },
      ],
    });
    cellRule(siteSheet, `P2:P${n}`, 'P2>0', ERROR_STYLE, 3);
    dataBar(siteSheet, `W2:W${n}`, 'FF70AD47', 1);
  }
  finish(siteSheet);

  // 试卷明细
  const { ws: paperSheet, last: np } = await tableSheet(wb, '试卷明细', PAPER_DETAIL_COLUMNS, c.paperRows());
  if (np > 1) {
    cellRule(paperSheet, `M2:M${np}`, 'AND(ISNUMBER(M2),M2<0)', ERROR_STYLE, 1);
    cellRule(paperSheet, `S2:S${np}`, 'S2>0', ERROR_STYLE, 2);
  }
  finish(paperSheet);

  // 交接配对
  const { ws: pairSheet } = await tableSheet(wb, '交接配对', PAIR_COLUMNS, pairRows(c.pairs));
  if (c.pairs.length) {
    pairSheet.addConditionalFormatting({
      ref: `A2:${colLetter(PAIR_COLUMNS.length)}${c.pairs.length + 1}`,
      rules: [
        { type: 'expression', priority: 1, formulae: ['$C2="不一致"'], style: ERROR_STYLE },
        { type: 'expression', priority: 2, formulae: ['LEFT($C2,1)="仅"'], style: WARNING_STYLE },
        { type: 'expression', priority: 3, formulae: ['$C2="一致"'], style: GOOD_STYLE },
      ],
    });
  }
  finish(pairSheet);

  // 问题清单
  const { ws: findingSheet, last: nf } = await tableSheet(wb, '问题清单', FINDING_COLUMNS, c.findingRows());
  severityRows(findingSheet, FINDING_COLUMNS.length, 2, nf, 3);
  finish(findingSheet);

  // A 汇总 sheet per site, when there are few.
  const limit = options.perSiteSheets ?? 10;
  if (t.sites <= limit) {
    const names = ['总览', '站点汇总', '试卷明细', '交接配对', '问题清单'];
    for await (const f of c.sites()) {
      const name = safeSheetName(names, `汇总-${f.summary.site.name || f.file}`);
      names.push(name);
      finish(writeSiteSheet(wb, name, f.summary, f.findings));
    }
  }
  return charts;
}

interface StreamingWriter {
  addWorksheet: ExcelJS.Workbook['addWorksheet'];
  commit(): Promise<void>;
  stream: { toBuffer(): Uint8Array };
}

/**
 * The consolidated summary as .xlsx bytes, with its charts. Written with
 * exceljs's streaming writer: each table row goes out as it is made, so
 * thousands of sites cost no more memory than a few.
 */
export async function consolidatedXlsx(from: Consolidated | ConsolidatedSource, options: ConsolidatedOptions = {}): Promise<Uint8Array> {
  const c = 'files' in from ? sourceOf(from) : from;
  const Writer = (ExcelJS as unknown as { stream?: { xlsx?: { WorkbookWriter?: new (o: object) => StreamingWriter } } }).stream?.xlsx?.WorkbookWriter;
  let bytes: Uint8Array;
  let charts: BarChartSpec[];
  if (Writer) {
    const created = new Date(Date.UTC(2024, 0, 1));
    const wb = new Writer({ useStyles: true, useSharedStrings: true, creator: '试卷保密助手', created, modified: created });
    charts = await writeConsolidated(wb, c, options);
    await wb.commit();
    bytes = new Uint8Array(wb.stream.toBuffer());
  } else {
    // A build of exceljs without the streaming writer (some browser bundles).
    const made = await consolidatedWorkbook(c, options);
    charts = made.charts;
    bytes = new Uint8Array(await made.wb.xlsx.writeBuffer());
  }
  return addBarCharts(bytes, charts);
}

/** One site's summary as its own .xlsx (the 汇总 sheet alone). */
export async function siteSummaryXlsx(s: SiteSummary, findings?: readonly Finding[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '试卷保密助手';
  addSiteSummarySheet(wb, s, { findings });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
