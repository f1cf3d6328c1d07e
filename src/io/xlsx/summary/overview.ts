/**
 * 总览: the figures of the run, three small ranked tables (problems by kind,
 * units with the most problems, units with the most candidates) with a real
 * bar chart bound to each, a note, and the lines a supervisor signs.
 */
import type { ConsolidatedTotals } from '../../../summary/consolidate';
import { BODY_PT, ShowContext, linesOf, rowHeightFor } from '../../../summary/columns';
import { ChartData, overviewFigures } from '../../../summary/overview';
import { absoluteRef, BarChartSpec } from '../chart';
import { AnyWorkbook, BOX, ERROR_STYLE, FONT, GOOD_STYLE, WARNING_STYLE, cellRule, finish, newSheet, signature, styleHeader } from './style';

const SHEET = '总览';
/** A: labels; B, C: figures; D: a gap; E–L: the charts. */
const WIDTHS = [26, 10, 10, 2, 11, 11, 11, 11, 11, 11, 11, 11];

type Ranked = { label: string; a: number; b: number };

export function writeOverview(wb: AnyWorkbook, totals: ConsolidatedTotals, chart: ChartData, ctx: ShowContext): BarChartSpec[] {
  const ov = newSheet(wb, SHEET, { gridLines: false });
  WIDTHS.forEach((w, i) => {
    ov.getColumn(i + 1).width = w;
  });
  ov.getCell('A1').value = '试卷保管汇总（多工作簿合并）';
  ov.getCell('A1').font = { name: FONT, size: 16, bold: true };
  ov.mergeCells('A1:C1');
  ov.getRow(1).height = 28;

  const figures = overviewFigures(totals);
  let r = 3;
  const header = (labels: string[]) => {
    const row = ov.getRow(r++);
    row.values = labels;
    styleHeader(row, labels, WIDTHS);
  };
  const line = (label: string, a: number, b?: number) => {
    const row = ov.getRow(r++);
    row.values = b === undefined ? [label, a] : [label, a, b];
    for (let c = 1; c <= (b === undefined ? 2 : 3); c++) {
      row.getCell(c).border = BOX;
      row.getCell(c).font = { name: FONT, size: BODY_PT };
    }
    row.getCell(1).alignment = { vertical: 'middle', wrapText: true };
    const lines = linesOf(label, WIDTHS[0]);
    if (lines > 1) row.height = rowHeightFor(lines);
  };
  header(['项目', '数量']);
  for (const [k, v] of figures) line(k, v);
  // Row of each figure, for the conditional formats.
  const at = (label: string) => `B${4 + figures.findIndex(([k]) => k === label)}`;
  cellRule(ov, at('无法读取'), `${at('无法读取')}>0`, ERROR_STYLE, 1);
  cellRule(ov, at('错误（处）'), `${at('错误（处）')}>0`, ERROR_STYLE, 2);
  cellRule(ov, at('警告（处）'), `${at('警告（处）')}>0`, WARNING_STYLE, 3);
  cellRule(ov, at('未还保密室（袋）'), `${at('未还保密室（袋）')}>0`, WARNING_STYLE, 4);
  cellRule(ov, at('交接单不一致（对）'), `${at('交接单不一致（对）')}>0`, ERROR_STYLE, 5);
  cellRule(ov, at('可以提交'), `AND(${at('可以提交')}>0,${at('可以提交')}=${at('单位（已读取）')})`, GOOD_STYLE, 6);
  r++;

  const charts: BarChartSpec[] = [];
  /** A ranked table and the chart bound to its cells, placed below the previous chart. */
  const ranked = (head: [string, string, string], items: Ranked[], title: string, series: Array<[string, string]>, stacked?: boolean) => {
    header(head);
    const first = r;
    for (const it of items) line(it.label, it.a, it.b);
    const last = r - 1;
    r++;
    if (!items.length) return;
    const top = charts.length ? charts[charts.length - 1].to.row + 1 : 2;
    charts.push({
      sheet: SHEET,
      title,
      categoriesRef: absoluteRef(SHEET, `A${first}:A${last}`),
      categories: items.map((x) => x.label),
      series: series.map(([name, color], i) => ({
        name,
        ref: absoluteRef(SHEET, `${i ? 'C' : 'B'}${first}:${i ? 'C' : 'B'}${last}`),
        values: items.map((x) => (i ? x.b : x.a)),
        color,
      })),
      ...(stacked === undefined ? {} : { stacked }),
      from: { col: 4, row: top },
      to: { col: 12, row: top + Math.max(14, Math.min(36, items.length * 2 + 6)) },
    });
  };
  const problems = chart.rules.map(([rule, v]) => ({ label: ctx.ruleTitle(rule, ctx.lang), a: v.errors, b: v.warnings }));
  ranked(['问题（交接单不一致按对计）', '错误', '警告'], problems, '各类问题数量', [
    ['错误', 'C00000'],
    ['警告', 'FFC000'],
  ]);
  if (!problems.length) ov.getCell(`A${r - 1}`).value = '未发现问题';
  ranked(
    ['单位（问题最多的前 20 个）', '错误', '警告'],
    chart.sites.map((s) => ({ label: s.name, a: s.errors, b: s.warnings })),
    '各单位问题数量',
    [
      ['错误', 'C00000'],
      ['警告', 'FFC000'],
    ],
  );
  if (chart.big.length) {
    ranked(
      ['单位（考生最多的前 20 个）', '考生数', '试卷份数'],
      chart.big.map((s) => ({ label: s.name, a: s.candidates, b: s.copies })),
      '各单位考生数与试卷份数',
      [
        ['考生数', '5B9BD5'],
        ['试卷份数', 'A5A5A5'],
      ],
      false,
    );
  }

  const note =
    '说明：份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装；保管期为入库至最后一次出库；分校发往考点的出库不计为未还；一张交接单两份副本不一致，无论几处不同，按一对计一次。每个文件的 SHA-256 见“文件清单”。';
  const noteCell = ov.getCell(`A${r}`);
  noteCell.value = note;
  noteCell.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  noteCell.alignment = { wrapText: true, vertical: 'top' };
  ov.mergeCells(`A${r}:C${r}`);
  ov.getRow(r).height = rowHeightFor(linesOf(note, WIDTHS[0] + WIDTHS[1] + WIDTHS[2], 10), 10);
  // Below the charts as well as the tables, so that the signatures close the page.
  const bottom = Math.max(r + 2, ...charts.map((c) => c.to.row + 2));
  signature(ov, bottom, WIDTHS.length);
  finish(ov);
  return charts;
}
