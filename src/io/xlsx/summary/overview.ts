/**
 * 总览: the figures of the run, three small ranked tables (problems by kind,
 * units with the most problems, units with the most candidates) with a real
 * bar chart bound to each, a note, and the lines a supervisor signs.
 */
import type { ConsolidatedTotals } from '../../../summary/consolidate';
import type ExcelJS from 'exceljs';
import { BODY_PT, Lang, ShowContext, linesOf, rowHeightFor } from '../../../summary/columns';
import { ChartData, overviewFigures } from '../../../summary/overview';
import { FIGURE_WORDS, FigureKey, OVERVIEW_WORDS, SHEET_WORDS } from '../../../summary/words';
import { absoluteRef, BarChartSpec } from '../chart';
import { AnyWorkbook, BOX, ERROR_STYLE, FONT, GOOD_STYLE, WARNING_STYLE, cellRule, finish, newSheet, signature, styleHeader } from './style';

/** A: labels; B, C: figures; D: a gap; E–L: the charts. */
const WIDTHS = [26, 10, 10, 2, 11, 11, 11, 11, 11, 11, 11, 11];

type Ranked = { label: string; a: number; b: number };

/** The 总览 sheet, made first so that it is the first sheet (writeOverview fills it). */
export function newOverviewSheet(wb: AnyWorkbook, lang: Lang): ExcelJS.Worksheet {
  return newSheet(wb, SHEET_WORDS.overview[lang], { gridLines: false }, undefined, lang);
}

export function writeOverview(ov: ExcelJS.Worksheet, totals: ConsolidatedTotals, chart: ChartData, ctx: ShowContext): BarChartSpec[] {
  const lang = ctx.lang;
  const w = (key: keyof typeof OVERVIEW_WORDS) => OVERVIEW_WORDS[key][lang];
  const SHEET = SHEET_WORDS.overview[lang];
  WIDTHS.forEach((w, i) => {
    ov.getColumn(i + 1).width = w;
  });
  ov.getCell('A1').value = w('title');
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
  header([w('item'), w('count')]);
  for (const [k, v] of figures) line(FIGURE_WORDS[k][lang], v);
  // Row of each figure, for the conditional formats.
  const at = (key: FigureKey) => `B${4 + figures.findIndex(([k]) => k === key)}`;
  cellRule(ov, at('unreadable'), `${at('unreadable')}>0`, ERROR_STYLE, 1);
  cellRule(ov, at('errors'), `${at('errors')}>0`, ERROR_STYLE, 2);
  cellRule(ov, at('warnings'), `${at('warnings')}>0`, WARNING_STYLE, 3);
  cellRule(ov, at('bagsStillOut'), `${at('bagsStillOut')}>0`, WARNING_STYLE, 4);
  cellRule(ov, at('disagree'), `${at('disagree')}>0`, ERROR_STYLE, 5);
  cellRule(ov, at('ready'), `AND(${at('ready')}>0,${at('ready')}=${at('sites')})`, GOOD_STYLE, 6);
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
  const severities: Array<[string, string]> = [
    [w('errors'), 'C00000'],
    [w('warnings'), 'FFC000'],
  ];
  ranked([w('problems'), w('errors'), w('warnings')], problems, w('problemsChart'), severities);
  if (!problems.length) ov.getCell(`A${r - 1}`).value = w('noProblems');
  ranked(
    [w('sites'), w('errors'), w('warnings')],
    chart.sites.map((s) => ({ label: s.name, a: s.errors, b: s.warnings })),
    w('sitesChart'),
    severities,
  );
  if (chart.big.length) {
    ranked(
      [w('big'), w('candidates'), w('copies')],
      chart.big.map((s) => ({ label: s.name, a: s.candidates, b: s.copies })),
      w('bigChart'),
      [
        [w('candidates'), '5B9BD5'],
        [w('copies'), 'A5A5A5'],
      ],
      false,
    );
  }

  const note = w('note');
  const noteCell = ov.getCell(`A${r}`);
  noteCell.value = note;
  noteCell.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  noteCell.alignment = { wrapText: true, vertical: 'top' };
  ov.mergeCells(`A${r}:C${r}`);
  ov.getRow(r).height = rowHeightFor(linesOf(note, WIDTHS[0] + WIDTHS[1] + WIDTHS[2], 10), 10);
  // Below the charts as well as the tables, so that the signatures close the page.
  const bottom = Math.max(r + 2, ...charts.map((c) => c.to.row + 2));
  signature(ov, bottom, WIDTHS.length, lang);
  finish(ov);
  return charts;
}
