/**
 * 总览: the figures of the run and under them the stock by unit level (each
 * level's papers are those the level above passed on: side by side, never
 * added up), each table on rows of its own, three small ranked tables (problems by kind,
 * units with the most problems, units with the most candidates) with a real
 * bar chart bound to each beside it, a note, and the lines a supervisor signs.
 * Printed, no table and no chart is cut by a page break: each table with its
 * chart starts a page when it does not fit on what is left of one.
 */
import type { ConsolidatedTotals } from '../../../summary/consolidate';
import type ExcelJS from 'exceljs';
import {
  BODY_PT,
  COUNT_FORMAT,
  DEFAULT_ROW_PT,
  Lang,
  ShowContext,
  bracketLine,
  linesOf,
  rowHeightFor,
  widthFor,
  wordLines,
  wordsWidth,
} from '../../../summary/columns';
import { ChartData, bagsStillOutShown, levelFigureShown, levelsShown, noneUnitsOf, overviewFigures, ownFindingsSaid } from '../../../summary/overview';
import {
  ABSENT_RECEIVER_WORDS,
  FIGURE_WORDS,
  FigureKey,
  LEVEL_COLUMN_WORDS,
  OTHER_SEMESTER_WORDS,
  OVERVIEW_TITLE,
  OVERVIEW_WORDS,
  bigWords,
  REPEATED_UNIT_WORDS,
  repeatKindOf,
  SHEET_WORDS,
  levelWord,
} from '../../../summary/words';
import { NONE_WORDS } from '../../../summary/none-figures';
import { NONE_UNITS_WORDS } from '../../../summary/none-units';
import { baseName } from '../../../model/text';
import { singularOfOne } from '../../../rules/plural';
import { absoluteRef, BarChartSpec } from '../chart';
import {
  AnyWorkbook,
  BOX,
  ERROR_STYLE,
  FONT,
  GOOD_STYLE,
  WARNING_STYLE,
  colLetter,
  finish,
  headerHeight,
  newSheet,
  signature,
  SIGNATURE_PT,
  styleHeader,
} from './style';
import { cellRule } from './conditional';
import { Pages } from './pages';

/**
 * A: labels; B, C: figures; D: a gap; E–L: the charts. The table by unit level under the figures: its levels in A, its
 * figures in B, C–D (merged), E, F and G (LEVEL_SPANS). As declared; B and the level table's columns widened where a
 * figure's word shows (overviewWidths).
 */
const WIDTHS = [26, 10, 10, 2, 11, 11, 11, 11, 11, 11, 11, 11];
/** The table by unit level: its columns, and the sheet's columns (first, last; 1-based) each takes. */
const LEVEL_KEYS = ['level', 'units', 'bags', 'copies', 'candidates', 'bagsStillOut'] as const;
const LEVEL_SPANS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 5],
  [6, 6],
  [7, 7],
];
/** The level table's figures that may be said in words (至少 N, 附件3 未能读取): levelFigureShown's keys. */
const LEVEL_FIGURES = ['bags', 'copies', 'candidates', 'bagsStillOut'] as const;

/**
 * 总览's column widths: as declared, B (未还保密室) and each of the level table's columns wide enough for each piece of a
 * figure's word shown in it whole on a line (wordsWidth: 显示错误值 needs 12, review 22b after its fixes: in 10 and 11
 * it broke 显示错误 / 值). Nothing widened where every figure is known.
 */
function overviewWidths(totals: ConsolidatedTotals, lang: Lang): number[] {
  const widths = [...WIDTHS];
  const words = (values: ReadonlyArray<number | string>) => wordsWidth(values.filter((v): v is string => typeof v === 'string'));
  widths[1] = Math.max(widths[1], words([bagsStillOutShown(totals, lang)]));
  const levels = levelsShown(totals);
  // A merged cell's first column takes what it lacks (C of C–D).
  const atLeast = ([first, last]: readonly [number, number], need: number) => {
    widths[first - 1] = Math.max(widths[first - 1], need - sum(widths.slice(first, last)));
  };
  LEVEL_FIGURES.forEach((key) => atLeast(LEVEL_SPANS[LEVEL_KEYS.indexOf(key)], words(levels.map((l) => levelFigureShown(l, key, lang)))));
  // Each header's English words whole on a line (Candidates in 11 stood on its side, 86 pt tall).
  if (levels.length) LEVEL_KEYS.forEach((key, k) => atLeast(LEVEL_SPANS[k], widthFor(0, [LEVEL_COLUMN_WORDS[key][lang]])));
  return widths;
}

/** A sheet's column widths as set (writeOverview sets them first). */
const widthsOf = (ov: ExcelJS.Worksheet): number[] => WIDTHS.map((w, i) => ov.getColumn(i + 1).width ?? w);

type Ranked = { label: string; a: number; b: number };

/** The fewest rows a block is drawn in on a page of its own: with a bar or two, the chart's title, axis and legend read well. */
const MIN_CHART_ROWS = 14;
/** A block's rows (its table's header, then the chart beside the rest): two a bar, the title and legend besides; never more than a page holds. */
const chartRows = (bars: number): number => Math.max(MIN_CHART_ROWS, Math.min(30, bars * 2 + 6));
/** The fewest rows of a block squeezed onto what is left of a page: a row a bar, six for the chart's title, axis and legend, and the header. */
const leastRows = (bars: number): number => Math.min(chartRows(bars), bars + 7);
/**
 * A chart's rows, `wanted` of them, fewer when its block (a table of these row
 * `heights`, then blank rows to the chart's foot) would be taller than `room`:
 * never fewer than the table's rows, nor than `least`.
 */
function chartRowsIn(wanted: number, heights: readonly number[], room: number, least: number): number {
  const spare = Math.floor((room - sum(heights)) / DEFAULT_ROW_PT);
  return Math.max(heights.length, Math.min(wanted, Math.max(least, heights.length + spare)));
}
/** A table row's height: a label too long for its column wraps. */
const lineHeight = (label: string, width: number = WIDTHS[0]): number => {
  const lines = linesOf(label, width);
  return lines > 1 ? rowHeightFor(lines) : DEFAULT_ROW_PT;
};
const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
/** A figure, or its word (附件3 未能读取, 至少 108) broken between its words only where it does not fit on a line. */
const shownWord = <T>(v: T, width: number): T | string => (typeof v === 'string' ? wordLines(v, width) : v);

/** The 总览 sheet, made first so that it is the first sheet (writeOverview fills it). */
export function newOverviewSheet(wb: AnyWorkbook, lang: Lang): ExcelJS.Worksheet {
  return newSheet(wb, SHEET_WORDS.overview[lang], { gridLines: false }, undefined, lang);
}

export function writeOverview(ov: ExcelJS.Worksheet, totals: ConsolidatedTotals, chart: ChartData, ctx: ShowContext): BarChartSpec[] {
  const lang = ctx.lang;
  const w = (key: keyof typeof OVERVIEW_WORDS) => OVERVIEW_WORDS[key][lang];
  const SHEET = SHEET_WORDS.overview[lang];
  const widths = overviewWidths(totals, lang);
  widths.forEach((w, i) => {
    ov.getColumn(i + 1).width = w;
  });
  ov.getCell('A1').value = OVERVIEW_TITLE[lang](totals.unit, totals.semester);
  ov.getCell('A1').font = { name: FONT, size: 16, bold: true };
  // Across the page: the unit and the semester make it longer than the figures' columns.
  ov.mergeCells(1, 1, 1, WIDTHS.length);
  const pages = new Pages(ov, widths);
  /**
   * Row `n` at least this tall, its height written (a row left to the default prints 12.6 pt in
   * LibreOffice, 13.5–15 in Excel: the pages would break elsewhere than counted, through a chart), and counted.
   */
  const tall = (n: number, height: number = DEFAULT_ROW_PT): void => {
    const row = ov.getRow(n);
    row.height = Math.max(row.height ?? 0, height);
    pages.add(row.height, n);
  };
  /** A blank row between parts, counted where it fits: else the next part starts the next page, not under a blank row. */
  const gap = (n: number): void => {
    if (pages.fits(DEFAULT_ROW_PT)) tall(n);
    else ov.getRow(n).height = DEFAULT_ROW_PT;
  };
  tall(1, 28);
  tall(2);

  const figures = overviewFigures(totals);
  let r = 3;
  const header = (labels: string[]) => {
    styleHeader(ov.getRow(r), labels, widths);
    tall(r++);
  };
  const line = (label: string, a: number | string, b?: number) => {
    const row = ov.getRow(r);
    // A figure's word (附件3 未能读取) broken between its words only (review 22b D5).
    const values = b === undefined ? [label, shownWord(a, widths[1])] : [label, a, b];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = BOX;
      cell.font = { name: FONT, size: BODY_PT };
      // A count, grouped by thousands as every other face shows it (6,001); its words (附件3 未能读取) as written.
      if (i > 0) cell.numFmt = COUNT_FORMAT;
      // Level with its label when the row is tall (its label or its word wraps).
      if (i > 0) cell.alignment = { vertical: 'middle' };
    });
    row.getCell(1).alignment = { vertical: 'middle', wrapText: true };
    // A figure's words (附件3 未能读取) wrap in its cell, not over the column beside it.
    if (typeof a === 'string') row.getCell(2).alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
    tall(r++, Math.max(lineHeight(label), typeof a === 'string' ? lineHeight(shownWord(a, widths[1]), widths[1]) : 0));
  };
  header([w('item'), w('count')]);
  // 未还保密室 of units some of whose 附件3 could not be read: at least the others', or 附件3 未能读取 (bagsStillOutShown).
  for (const [k, v] of figures) line(FIGURE_WORDS[k][lang], k === 'bagsStillOut' ? bagsStillOutShown(totals, lang) : v);
  // Row of each figure, for the conditional formats.
  const at = (key: FigureKey) => `B${4 + figures.findIndex(([k]) => k === key)}`;
  cellRule(ov, at('unreadable'), `${at('unreadable')}>0`, ERROR_STYLE, 1);
  cellRule(ov, at('errors'), `${at('errors')}>0`, ERROR_STYLE, 2);
  cellRule(ov, at('warnings'), `${at('warnings')}>0`, WARNING_STYLE, 3);
  // Its words (附件3 未能读取) are text, which Excel takes as more than 0: a number asked for.
  cellRule(ov, at('bagsStillOut'), `AND(ISNUMBER(${at('bagsStillOut')}),${at('bagsStillOut')}>0)`, WARNING_STYLE, 4);
  cellRule(ov, at('disagree'), `${at('disagree')}>0`, ERROR_STYLE, 5);
  cellRule(ov, at('ready'), `AND(${at('ready')}>0,${at('ready')}=${at('sites')})`, GOOD_STYLE, 6);
  cellRule(ov, at('fix'), `${at('fix')}>0`, ERROR_STYLE, 8);
  tall(r++);
  // The stock by unit level under the figures, on rows of its own: beside them, a level's two-line word made the
  // figure's row beside it as tall (c4def93).
  r = writeLevels(ov, r, totals, lang, tall, gap);
  r = writeOtherSemester(ov, r, totals, ctx, tall);
  r = writeRepeatedUnits(ov, r, totals, ctx, tall);
  r = writeAbsentReceivers(ov, r, totals, ctx, tall);
  r = writeNoneUnits(ov, r, totals, ctx, tall);

  const note = w('note');
  // Across the page, under the last chart: 3 lines, where in A–C beside nothing it took 9.
  const noteHeight = rowHeightFor(linesOf(note, sum(widths), 10), 10);
  /** The note, a blank row and the signatures (a row of 30 points): printed with the last table and its chart. */
  const tail = [noteHeight, DEFAULT_ROW_PT, SIGNATURE_PT];

  /**
   * A ranked block's rows (chartRowsIn): its chart shortened to what is left of this page when the block, `after`
   * points below it included, fits there with `leastRows`; else sized to a page of its own (in English a table's
   * header stands 3–6 lines tall, and a last block sized to a page left 总览 a page longer, review round 9 D3).
   */
  const blockRows = (bars: number, heights: readonly number[], after: number): number => {
    const here = chartRowsIn(chartRows(bars), heights, pages.left - after, leastRows(bars));
    const height = sum(heights) + (here - heights.length) * DEFAULT_ROW_PT;
    return pages.fits(height + after) ? here : chartRowsIn(chartRows(bars), heights, pages.room - after, MIN_CHART_ROWS);
  };
  const charts: BarChartSpec[] = [];
  /**
   * A ranked table and the chart bound to its cells beside it, from its header
   * row down; on a new page when the two do not fit on what is left of this one.
   * The last (`last`) keeps the note and the signatures below it on its page,
   * its chart shortened for them when the three would not fit on one page.
   */
  const ranked = (head: [string, string, string], items: Ranked[], title: string, series: Array<[string, string]>, stacked?: boolean, last = false) => {
    const top = r;
    const heights = [headerHeight(head, widths), ...items.map((it) => lineHeight(it.label))];
    // The blank row under the block, and under the last the note and the signatures.
    const after = last ? [DEFAULT_ROW_PT, ...tail] : [DEFAULT_ROW_PT];
    const rows = items.length ? blockRows(items.length, heights, sum(after)) : heights.length;
    while (heights.length < rows) heights.push(DEFAULT_ROW_PT);
    pages.keep(top, [...heights, ...after]);
    header(head);
    const first = r;
    for (const it of items) line(it.label, it.a, it.b);
    const lastItem = r - 1;
    for (let k = r; k < top + rows; k++) tall(k);
    r = top + rows;
    tall(r++);
    if (!items.length) return;
    charts.push({
      sheet: SHEET,
      title,
      categoriesRef: absoluteRef(SHEET, `A${first}:A${lastItem}`),
      categories: items.map((x) => x.label),
      series: series.map(([name, color], i) => ({
        name,
        ref: absoluteRef(SHEET, `${i ? 'C' : 'B'}${first}:${i ? 'C' : 'B'}${lastItem}`),
        values: items.map((x) => (i ? x.b : x.a)),
        color,
      })),
      ...(stacked === undefined ? {} : { stacked }),
      // 0-based anchors: from the first item's row (the header's row starts a page, and a chart
      // whose edge lies on a page break is printed on both pages) to the bottom of the block's last row.
      from: { col: 4, row: top },
      to: { col: 12, row: top - 1 + rows },
    });
  };
  const problems = chart.rules.map(([rule, v]) => ({ label: ctx.ruleTitle(rule, ctx.lang), a: v.errors, b: v.warnings }));
  const severities: Array<[string, string]> = [
    [w('errors'), 'C00000'],
    [w('warnings'), 'FFC000'],
  ];
  ranked([w('problems'), w('errors'), w('warnings')], problems, w('problemsChart'), severities);
  if (!problems.length) ov.getCell(`A${r - 1}`).value = w('noProblems');
  const big = chart.big.length > 0;
  // No unit to rank by problems when the run has none: an empty table (in English a page of its own, review round 9
  // D3), kept only where it is the last, under which the note and the signatures are printed.
  if (chart.sites.length > 0 || !big) {
    ranked(
      [w('sites'), w('errors'), w('warnings')],
      chart.sites.map((s) => ({ label: s.name, a: s.errors, b: s.warnings })),
      w('sitesChart'),
      severities,
      undefined,
      !big,
    );
  }
  if (big) {
    const words = bigWords(chart.bigLevel, lang);
    ranked(
      [words.head, w('candidates'), w('copies')],
      chart.big.map((s) => ({ label: s.name, a: s.candidates, b: s.copies })),
      words.chart,
      [
        [w('candidates'), '5B9BD5'],
        [w('copies'), 'A5A5A5'],
      ],
      false,
      true,
    );
  }

  // The note and the signatures on one page, should the last table and chart not leave them room on its page.
  pages.keep(r, tail);
  const noteCell = ov.getCell(`A${r}`);
  noteCell.value = note;
  noteCell.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  noteCell.alignment = { wrapText: true, vertical: 'top' };
  ov.mergeCells(r, 1, r, WIDTHS.length);
  ov.getRow(r).height = noteHeight;
  ov.getRow(r + 1).height = DEFAULT_ROW_PT;
  // Below the charts as well as the tables (each chart ends above the row after its table), so that the signatures close the page.
  signature(ov, r + 2, WIDTHS.length, lang);
  finish(ov);
  return charts;
}

/** The workbooks of another semester, or repeated, 总览 names one by one; the rest are counted. */
const ASIDE_LISTED = 20;

/** Sets row `row` at least this tall, writes its height and counts it on the pages (writeOverview's `tall`). */
type Tall = (row: number, height?: number) => void;

/**
 * Under the figures, the workbooks of another semester than the run's (workbook-of-another-semester): a line
 * saying their papers are in none of the figures, then each file with its 学期 as written. Nothing when every
 * workbook is of one semester. Returns the row after it.
 */
function writeOtherSemester(ov: ExcelJS.Worksheet, top: number, totals: ConsolidatedTotals, ctx: ShowContext, tall: Tall): number {
  const other = totals.otherSemester;
  if (other.length === 0 || totals.semester === null) return top;
  const words = OTHER_SEMESTER_WORDS[ctx.lang];
  const rows = other.map((o): [string, string] => [(ctx.fileName ?? baseName)(o.file), o.semester]);
  return writeAside(ov, top, words.head(totals.semester, other.length), rows, words.more, tall, ownFindingsSaid(totals, 'otherSemester', ctx.lang));
}

/**
 * Under the figures, the second workbooks of one unit and semester (unit-workbook-twice): a line saying their
 * papers are in none of the figures, then each file with the file counted in its place. Returns the row after it.
 */
function writeRepeatedUnits(ov: ExcelJS.Worksheet, top: number, totals: ConsolidatedTotals, ctx: ShowContext, tall: Tall): number {
  const repeated = totals.repeatedUnits;
  if (repeated.length === 0) return top;
  const words = REPEATED_UNIT_WORDS[ctx.lang];
  const name = ctx.fileName ?? baseName;
  const rows = repeated.map((o): [string, string] => [name(o.file), words.counted(name(o.counted), o.same)]);
  return writeAside(ov, top, words.head(repeated.length, repeatKindOf(repeated)), rows, words.more, tall, ownFindingsSaid(totals, 'repeatedUnit', ctx.lang));
}

/**
 * Under the figures, the handovers sent to units whose workbooks are not in the run (summary/absent-receivers.ts):
 * a line saying these slips have only the sender's copy, then each sender with its receiver and bags, so that
 * “仅移交方副本” and a level's bags fewer than the level above's are not left unexplained. Returns the row after it.
 */
function writeAbsentReceivers(ov: ExcelJS.Worksheet, top: number, totals: ConsolidatedTotals, ctx: ShowContext, tall: Tall): number {
  const absent = totals.absentReceivers;
  if (absent.length === 0) return top;
  const words = ABSENT_RECEIVER_WORDS[ctx.lang];
  const rows = absent.map((a): [string, string] => [a.from, singularOfOne(words.sent(a))]);
  return writeAside(ov, top, words.head, rows, words.more, tall);
}

/**
 * Under the figures, the units that keep no vault record (none of 附件2, 3, 5), then those that keep no intake list
 * (附件2): a line saying their stock is in no level's figures, then each unit, so that a level without them is not
 * read as all its units. Returns the row after them.
 */
function writeNoneUnits(ov: ExcelJS.Worksheet, top: number, totals: ConsolidatedTotals, ctx: ShowContext, tall: Tall): number {
  let r = top;
  for (const { reason, names } of noneUnitsOf(totals, ctx.lang)) {
    const words = NONE_UNITS_WORDS[reason][ctx.lang];
    const rows = names.map((name): [string, string] => [name, NONE_WORDS[reason][ctx.lang]]);
    r = writeAside(ov, r, words.head(names.length), rows, words.more, tall);
  }
  return r;
}

/**
 * A bold red line over the columns, then a row per workbook (the first ASIDE_LISTED; the rest counted), then `own` (their
 * own findings, in no figure: ownFindingsSaid) across the columns, when there is any. Returns the row after it.
 */
function writeAside(
  ov: ExcelJS.Worksheet,
  top: number,
  head: string,
  all: ReadonlyArray<[string, string]>,
  more: (n: number) => string,
  tall: Tall,
  own = '',
): number {
  let r = top;
  const cell = ov.getCell(`A${r}`);
  cell.value = head;
  cell.font = { name: FONT, size: BODY_PT, bold: true, color: { argb: 'FF9C0006' } };
  cell.alignment = { wrapText: true, vertical: 'top' };
  ov.mergeCells(`A${r}:C${r}`);
  const widths = widthsOf(ov);
  tall(r++, rowHeightFor(linesOf(head, widths[0] + widths[1] + widths[2])));
  const rows = all.slice(0, ASIDE_LISTED);
  if (all.length > rows.length) rows.push([more(all.length - rows.length), '']);
  for (const values of rows) {
    const row = ov.getRow(r);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = BOX;
      c.font = { name: FONT, size: BODY_PT };
      c.alignment = { vertical: 'middle', wrapText: true };
    });
    // Its note (the file counted in its place, a semester) across B–C, wrapped, the row as tall as it needs:
    // in B alone it printed clipped (“不同，只计入 / 芷江考…”).
    row.getCell(3).border = BOX;
    ov.mergeCells(r, 2, r, 3);
    tall(r++, Math.max(lineHeight(values[0]), lineHeight(values[1], widths[1] + widths[2])));
  }
  if (own) {
    const cell = ov.getCell(`A${r}`);
    cell.value = own.trim();
    cell.font = { name: FONT, size: BODY_PT };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ov.mergeCells(`A${r}:C${r}`);
    tall(r++, rowHeightFor(linesOf(own.trim(), widths[0] + widths[1] + widths[2])));
  }
  tall(r++);
  return r;
}

/**
 * The stock by unit level under the figures, from row `top`: a caption, the header, a row per level with a unit in
 * the run (levelsShown), a blank row; its columns LEVEL_SPANS (C–D merged). Each row as tall as its tallest cell (an
 * English level's word, a figure's word on two lines), sharing no row with another table. Nothing when no unit was
 * read. Returns the row after it.
 */
function writeLevels(ov: ExcelJS.Worksheet, top: number, totals: ConsolidatedTotals, lang: Lang, tall: Tall, gap: (row: number) => void): number {
  const levels = levelsShown(totals);
  if (!levels.length) return top;
  const widths = widthsOf(ov);
  const spanWidths = LEVEL_SPANS.map(([first, last]) => sum(widths.slice(first - 1, last)));
  const last = LEVEL_SPANS[LEVEL_SPANS.length - 1][1];
  /** A row's cells: one value a column of the table, the second column of a merged pair as the first's (its box), then merged. */
  const cells = (n: number, values: ReadonlyArray<number | string>, style: (cell: ExcelJS.Cell, k: number) => void) => {
    LEVEL_SPANS.forEach(([first, end], k) => {
      for (let c = first; c <= end; c++) {
        const cell = ov.getRow(n).getCell(c);
        if (c === first) cell.value = values[k];
        style(cell, k);
      }
    });
    LEVEL_SPANS.filter(([first, end]) => end > first).forEach(([first, end]) => ov.mergeCells(n, first, n, end));
  };
  let r = top;
  const caption = ov.getCell(r, 1);
  caption.value = OVERVIEW_WORDS.levels[lang];
  caption.font = { name: FONT, size: BODY_PT, bold: true };
  caption.alignment = { vertical: 'middle', wrapText: true };
  ov.mergeCells(r, 1, r, last);
  tall(r++, lineHeight(OVERVIEW_WORDS.levels[lang], sum(spanWidths)));
  const head = ov.getRow(r);
  // Its header styled as the figures' (styleHeader), cell by cell over the merged pair.
  const headers = LEVEL_KEYS.map((k) => LEVEL_COLUMN_WORDS[k][lang]);
  LEVEL_SPANS.forEach(([first, end], k) =>
    styleHeader(head, [headers[k], ...Array<string>(end - first).fill('')], [spanWidths[k], ...widths.slice(first, end)], first),
  );
  LEVEL_SPANS.filter(([first, end]) => end > first).forEach(([first, end]) => ov.mergeCells(r, first, r, end));
  tall(r++, headerHeight(headers, spanWidths));
  const firstLevel = r;
  for (const l of levels) {
    // Branch school (分校): in A, on one line; a long one with the bracketed word whole on its line (bracketLine).
    const label = bracketLine(levelWord(l.level, lang), spanWidths[0]);
    // Figures some units' forms of which were not read: at least N, or the form's word (levelFigureShown), broken between its words.
    const shown = LEVEL_FIGURES.map((key) => levelFigureShown(l, key, lang));
    const values = [label, l.units, ...shown].map((v, k) => (k > 0 ? shownWord(v, spanWidths[k]) : v));
    cells(r, values, (cell, k) => {
      cell.border = BOX;
      cell.font = { name: FONT, size: BODY_PT };
      if (k > 0) cell.numFmt = COUNT_FORMAT;
      // The label wrapped; a figure's word right, beside the figures, wrapped; each level with its label when a word wraps the row.
      cell.alignment =
        k === 0
          ? { vertical: 'middle', wrapText: true }
          : typeof values[k] === 'string'
            ? { horizontal: 'right', vertical: 'middle', wrapText: true }
            : { vertical: 'middle' };
    });
    tall(r++, Math.max(...values.map((v, k) => (typeof v === 'string' ? lineHeight(v, spanWidths[k]) : DEFAULT_ROW_PT))));
  }
  const out = colLetter(LEVEL_SPANS[LEVEL_KEYS.indexOf('bagsStillOut')][0]);
  cellRule(ov, `${out}${firstLevel}:${out}${r - 1}`, `AND(ISNUMBER(${out}${firstLevel}),${out}${firstLevel}>0)`, WARNING_STYLE, 7);
  gap(r++);
  return r;
}
