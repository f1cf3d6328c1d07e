/**
 * The consolidated summary workbook: 总览 with its bar charts, 站点汇总,
 * 文件清单 (the one place each file's SHA-256 is printed), 试卷明细, 交接配对,
 * 问题清单, and a 汇总 sheet per site when there are few. Each table is drawn
 * from its declared columns (src/summary/tables.ts). File names are shown
 * relative to the folder given; rules by their titles; times as dates (Excel serials)
 * shown as Chinese dates by their number format, so that a filter sorts them.
 *
 * Written with exceljs's streaming writer: each table row goes out as it is
 * made, so thousands of sites cost no more memory than a few, and the time
 * grows with the rows written, no faster.
 */
import { levelOf } from '../../../model/custody';
import ExcelJS from 'exceljs';
import type { Finding } from '../../../model/finding';
import { Lang, ShowContext, linesOf, relativeNames, rowOf, sheetValue, widthWithin, wordsWidth } from '../../../summary/columns';
import { NAME_WHOLE, fitWidths, wholeNames } from '../../../summary/fit-widths';
import { type Consolidated, type ConsolidatedTotals, type HandoverPair, PER_SITE_SHEETS } from '../../../summary/consolidate';
import { ChartData, rankChartData } from '../../../summary/overview';
import { unreadForms } from '../../../summary/none-figures';
import { ruleTitle } from '../../../summary/rule-titles';
import { placeOf, siteOrder } from '../../../summary/site-order';
import { setAsideFiles, setAsideStatus } from '../../../summary/set-aside';
import type { SiteSummary } from '../../../summary/site';
import { columnIndex } from '../../../summary/tables-site';
import {
  FILE_COLUMNS,
  FINDING_COLUMNS,
  PAIR_COLUMNS,
  PAPER_DETAIL_COLUMNS,
  Row,
  SITE_COLUMNS,
  countByRule,
  findingRowsOf,
  listingOf,
  disagreeCountedPerCopy,
  paperRowsOf,
  setAsideMarked,
  semestersOf,
  withPairFindings,
} from '../../../summary/tables';
import {
  OTHER_SEMESTER_ROW,
  OVERVIEW_WORDS,
  PAIR_STATUS_WORDS,
  SHEET_WORDS,
  SITE_NOTE_UNDER,
  SITES_TITLE,
  STATUS_WORDS,
  siteNameShown,
} from '../../../summary/words';
import { addBarCharts, BarChartSpec } from '../chart';
import { newOverviewSheet, writeOverview } from './overview';
import { writeSiteSheet, safeSheetName } from './site-sheet';
import { ASIDE_STYLE, AnyWorkbook, ERROR_STYLE, GOOD_STYLE, WARNING_STYLE, colLetter, columnWidth, finish, newTableSheet, tableSheet } from './style';
import { cellRule, dataBar, severityRows } from './conditional';

type Rows = Iterable<Row> | AsyncIterable<Row>;

/**
 * Everything the consolidated summary workbook is written from: the pairs and
 * the 试卷明细 rows at once; the rest (`settled`) once the checks across
 * workbooks are counted in, which a spooled consolidation (src/batch/spool.ts)
 * may still be running while the papers and the pairs are written. The long
 * tables' rows may be read back from disk as they are written.
 */
export interface ConsolidatedSource {
  pairs: readonly HandoverPair[];
  /** Every input file's path, in order: the names shown are relative to the folder they share. */
  files: readonly string[];
  paperRows(): Rows;
  settled(): SettledSource | Promise<SettledSource>;
}

/** What waits for the checks across workbooks: the figures and charts of 总览, and the tables they change. */
export interface SettledSource {
  totals: ConsolidatedTotals;
  chart: ChartData;
  /** The semesters the readable workbooks name, each once, in file order: 站点汇总's title says them. */
  semesters: readonly string[];
  siteRows(): Rows;
  fileRows(): Rows;
  /** Each file's 问题清单 rows (a disagreeing handover once on each side's copy: `findingRowsOf`). */
  findingRows(): Rows;
  /** Each readable site's summary and findings, in file order (asked for only when there are few). */
  sites():
    | Iterable<{ file: string; summary: SiteSummary; findings: readonly Finding[] }>
    | AsyncIterable<{ file: string; summary: SiteSummary; findings: readonly Finding[] }>;
}

/** The source of a consolidated summary held in memory. */
function sourceOf(c: Consolidated, lang: Lang = 'zh'): ConsolidatedSource {
  // A workbook set aside (a unit's second, of another semester) is in no figure of 总览: not its findings by rule, nor its rankings.
  const aside = setAsideFiles(c.totals);
  const byRule = countByRule(c.files.filter((f) => !aside.has(f.file)).flatMap((f) => f.findings));
  const units = c.files
    .filter((f) => f.summary && !aside.has(f.file))
    .map((f) => {
      const s = f.summary!;
      return {
        // A 考点 naming no 考点: as 站点汇总's 单位 says it (unnamedShown), not its 分校's name.
        name: siteNameShown(s.site, lang) || f.file,
        errors: s.findings.errors,
        warnings: s.findings.warnings,
        papers: s.totals.papers,
        candidates: s.totals.candidates,
        copies: s.totals.copies,
        noVault: s.noVault,
        noIntake: s.noIntake,
        unreadIntake: unreadForms(s.unread).includes('intake'),
        unreadSchedule: unreadForms(s.unread).includes('schedule'),
        // The level the totals count it in (stock.ts): 总览 ranks one level by candidates.
        level: levelOf(s.site) ?? null,
      };
    });
  const settled: SettledSource = {
    totals: c.totals,
    chart: rankChartData(disagreeCountedPerCopy(byRule, c.pairs), units),
    semesters: semestersOf(c.files.map((f) => f.summary?.site.semester)),
    siteRows: () => siteOrder(c.files.map(placeOf)).map((i) => setAsideMarked(rowOf(SITE_COLUMNS, c.files[i], lang), c.files[i].file, c.totals, lang)),
    // A 考点 naming no 考点 said so in every list (siteNameShown), not by its 分校's name.
    fileRows: () => c.files.map((f) => rowOf(FILE_COLUMNS, listingOf(f, lang, c.totals))),
    findingRows: () => c.files.flatMap((f) => findingRowsOf({ ...f, site: f.summary ? siteNameShown(f.summary.site, lang) : '' }, c.pairs, lang)),
    sites: () => c.files.filter((f) => f.summary).map((f) => ({ file: f.file, summary: f.summary!, findings: f.findings })),
  };
  return {
    pairs: c.pairs,
    files: c.files.map((f) => f.file),
    paperRows: () => c.files.flatMap((f) => paperRowsOf(f, lang)),
    settled: () => settled,
  };
}

/**
 * 站点汇总's 分校 and its columns of free text (a unit's name and level, the note, the file's name), sized from what
 * they hold; 分校 at first only as wide as keeps its names whole (wholeNames), the rest of the room the others'.
 */
const SITE_FITTED = ['school', 'unit', 'level', 'note', 'file'].map((key) => columnIndex(SITE_COLUMNS, key));
/**
 * 站点汇总's 分校, widened after them from the room they leave, in Chinese, for a name longer than NAME_WHOLE:
 * as declared (three characters a line) it broke “长沙分校” on every row where the page had room for it; sized
 * with them, it took room the file names needed (their rows a line taller).
 */
const SITE_SCHOOL = [columnIndex(SITE_COLUMNS, 'school')];

/**
 * 站点汇总's widths: its columns of free text sized from the rows (a first pass over them: one a workbook), the rest
 * as declared; 分校 and 单位 keep a name of up to NAME_WHOLE characters whole on one line (review round 13a D4: at
 * 6 wide, 长沙分/校, 湖南分/部 in the demo, with Latin file names and in English), in both languages.
 */
async function siteWidths(rows: Rows, ctx: ShowContext, noteFloor = 0): Promise<number[]> {
  const texts: string[][] = [];
  const schools: string[][] = [];
  // A figure's word (附件3 未能读取) widens its column for each of its words whole (wordLines; review 22b D5).
  const said = SITE_COLUMNS.map((): string[] => []);
  const shown = (i: number, row: Row) => {
    const value = sheetValue(SITE_COLUMNS[i], row[i], ctx);
    return typeof value === 'string' ? value : '';
  };
  for await (const row of rows) {
    // 分校 by the first characters of its names alone: no wider than keeps them whole in this pass.
    texts.push(SITE_FITTED.map((i, k) => (k === 0 ? [...shown(i, row)].slice(0, NAME_WHOLE).join('') : shown(i, row))));
    schools.push(SITE_SCHOOL.map((i) => shown(i, row)));
    SITE_COLUMNS.forEach((c, i) => (c.wrapped?.includes(String(row[i])) || c.wordsLines) && said[i].push(shown(i, row)));
  }
  // A status (wordsLines) within its lines, as wide as the words the rows show need: 7 for 可以提交 and 需改正, 10 with
  // 不是试卷保密表单 (不是试卷 / 保密表单; three lines at 7), so that the page gives no room to words it does not show.
  const declared = SITE_COLUMNS.map((c, i) => {
    const least = Math.max(columnWidth(c, ctx.lang), c.wordsLines ? 0 : wordsWidth(new Set(said[i])));
    return c.wordsLines ? widthWithin(new Set(said[i]), c.wordsLines, least) : least;
  });
  // 分校 and 单位 their names whole, 说明 its notes kept in their cells within NOTE_MOST_LINES (siteNotesUnder).
  const floors = [...[0, 1].map((k) => wholeNames(texts.map((t) => t[k]))), 0, noteFloor];
  const fitted = fitWidths(SITE_COLUMNS, declared, SITE_FITTED, texts, ctx.lang, floors);
  // English has no room to spare: its header (Branch school) alone would need more than the page leaves.
  if (ctx.lang !== 'zh') return fitted;
  const widened = fitWidths(SITE_COLUMNS, fitted, SITE_SCHOOL, schools, ctx.lang, [fitted[SITE_SCHOOL[0]]]);
  return SITE_SCHOOL.every((i) => widened[i] >= fitted[i]) ? widened : fitted;
}

const SITE_NOTE = columnIndex(SITE_COLUMNS, 'note');
const [SITE_UNIT, SITE_FILE] = ['unit', 'file'].map((key) => columnIndex(SITE_COLUMNS, key));
/**
 * A 说明 stays in its cell when it prints within NOTE_MOST_LINES lines at the width 说明 prints at with every note in
 * its cell, or at its declared width (NOTE_WIDTH: 15, some 29 mm at full size) where the page leaves it less; a longer
 * one goes under the table. Measured once, at that width: measured again at the width left once one long note had gone
 * (5), every note of ten characters or more followed it (“见表下注 N” on most rows, review 22b's q3 after its fixes).
 * Ten lines: a row a third of the page tall; at some thirty Excel's 409-pt row cuts it off (review 22b D1).
 */
const NOTE_MOST_LINES = 10;
const NOTE_WIDTH = SITE_COLUMNS[SITE_NOTE].width;

/** The least width 说明 keeps each note left in it within NOTE_MOST_LINES (the longer went under the table). */
const noteFloorOf = (notes: readonly string[]): number => {
  let width = 0;
  for (const note of notes) while (linesOf(note, width) > NOTE_MOST_LINES) width++;
  return width;
};

/** The rows with the 说明 of each row of `under` (by row index: its note's number) a pointer to its note under the table. */
async function* pointed(rows: Rows, under: ReadonlyMap<number, number>, lang: Lang): AsyncGenerator<Row> {
  let k = 0;
  for await (const row of rows) {
    const n = under.get(k++);
    yield n === undefined ? row : row.map((cell, i) => (i === SITE_NOTE ? SITE_NOTE_UNDER[lang].cell(n) : cell));
  }
}

/**
 * 站点汇总's widths, and the 说明 too long for their cell (NOTE_MOST_LINES), each put whole under the table, numbered
 * in the rows' order, its cell pointing there: the page has no room to widen 说明 (the table prints one page wide:
 * fitWidths gives it what the others leave), and a pointer to the unit's own 汇总 sheet would point nowhere past
 * PER_SITE_SHEETS units. The notes left in their cells keep 说明 wide enough for them (noteFloorOf).
 */
async function siteNotesUnder(s: SettledSource, ctx: ShowContext): Promise<{ widths: number[]; under: Map<number, number>; notes: string[] }> {
  const whole = await siteWidths(s.siteRows(), ctx);
  const room = Math.max(NOTE_WIDTH, whole[SITE_NOTE]);
  const under = new Map<number, number>();
  const notes: string[] = [];
  const kept: string[] = [];
  let k = 0;
  for await (const row of s.siteRows()) {
    const note = typeof row[SITE_NOTE] === 'string' ? row[SITE_NOTE] : '';
    if (note && linesOf(note, room) > NOTE_MOST_LINES) {
      under.set(k, under.size + 1);
      const [unit, file] = [SITE_UNIT, SITE_FILE].map((i) => String(sheetValue(SITE_COLUMNS[i], row[i], ctx) ?? ''));
      notes.push(SITE_NOTE_UNDER[ctx.lang].note(under.size, unit, file, note));
    } else if (note) kept.push(note);
    k++;
  }
  // The notes kept measured at 15 where the page left 说明 less: widened for them (a 10-line note in 5 stood 400 pt tall).
  const floor = noteFloorOf(kept);
  if (!under.size && floor <= whole[SITE_NOTE]) return { widths: whole, under, notes };
  return { widths: await siteWidths(pointed(s.siteRows(), under, ctx.lang), ctx, floor), under, notes };
}

export interface ConsolidatedOptions {
  /** Add a 汇总 sheet per site when there are at most this many sites (default PER_SITE_SHEETS). */
  perSiteSheets?: number;
  /** Headers and rule titles in Chinese (default) or English. */
  lang?: Lang;
}

const TABLES = ['overview', 'sites', 'files', 'papers', 'pairs', 'findings'] as const;

/**
 * Writes every sheet of the consolidated summary into `wb`; returns the charts
 * for 总览. The sheets are made first, in their order; 试卷明细 and 交接配对 are
 * filled before the source is settled (the checks across workbooks may run
 * meanwhile), the others after.
 */
async function writeConsolidated(wb: AnyWorkbook, c: ConsolidatedSource, options: ConsolidatedOptions): Promise<BarChartSpec[]> {
  const lang = options.lang ?? 'zh';
  const ctx: ShowContext = { lang, ruleTitle, fileName: relativeNames(c.files) };
  const sheet = (key: (typeof TABLES)[number]) => SHEET_WORDS[key][lang];
  const overviewSheet = newOverviewSheet(wb, lang);
  // 站点汇总 is what a superior reads first: it has a title, the others are lists under it.
  const [siteSheet, fileSheet, paperSheet, pairSheet, findingSheet] = (['sites', 'files', 'papers', 'pairs', 'findings'] as const).map((key) =>
    newTableSheet(wb, sheet(key), lang, key === 'sites'),
  );
  await writePapers(paperSheet, c, ctx);
  await writePairs(pairSheet, c, lang, ctx);

  const s = await c.settled();
  const t = s.totals;
  const charts = writeOverview(overviewSheet, t, s.chart, ctx);
  const [ready, fix, unreadable, notOurs, otherTerm, secondBook] = (['ready', 'fix', 'unreadable', 'notCustody', 'otherSemester', 'repeatedUnit'] as const).map(
    (k) => STATUS_WORDS[k][lang],
  );

  const { widths, under, notes } = await siteNotesUnder(s, ctx);
  const n = await tableSheet(siteSheet, SITE_COLUMNS, pointed(s.siteRows(), under, lang), ctx, {
    signature: true,
    widths,
    notes,
    // The run's semester alone: a workbook of another is marked on its row, and in no total.
    title: SITES_TITLE[lang](t.semester ? [t.semester] : s.semesters),
  });
  // Under the title and the header.
  const first = 3;
  if (n >= first) {
    const col = (key: string) => colLetter(columnIndex(SITE_COLUMNS, key) + 1);
    const [status, warnings, out, coverage, note] = ['status', 'warnings', 'bagsStillOut', 'coverage', 'note'].map(col);
    siteSheet.addConditionalFormatting({
      ref: `A${first}:${colLetter(SITE_COLUMNS.length)}${n}`,
      rules: [
        // Grey before red or yellow: a workbook of another semester's figures are in no total, whatever its state.
        { type: 'expression', priority: 1, formulae: [`ISNUMBER(SEARCH("${OTHER_SEMESTER_ROW[lang].mark}",$${note}${first}))`], style: ASIDE_STYLE },
        {
          type: 'expression',
          priority: 2,
          formulae: [`OR($${status}${first}="${unreadable}",$${status}${first}="${notOurs}",$${status}${first}="${fix}")`],
          style: ERROR_STYLE,
        },
        { type: 'expression', priority: 3, formulae: [`AND($${status}${first}="${ready}",$${warnings}${first}>0)`], style: WARNING_STYLE },
      ],
    });
    // A figure's word (附件3 未能读取) is text, which Excel takes as more than 0: a number asked for.
    cellRule(siteSheet, `${out}${first}:${out}${n}`, `AND(ISNUMBER(${out}${first}),${out}${first}>0)`, ERROR_STYLE, 4);
    dataBar(siteSheet, `${coverage}${first}:${coverage}${n}`, 'FF70AD47', 1);
  }
  finish(siteSheet);

  const nl = await tableSheet(fileSheet, FILE_COLUMNS, s.fileRows(), ctx);
  const fileStatus = colLetter(columnIndex(FILE_COLUMNS, 'status') + 1);
  if (nl > 1) {
    const range = `A2:${colLetter(FILE_COLUMNS.length)}${nl}`;
    cellRule(fileSheet, range, `OR($${fileStatus}2="${unreadable}",$${fileStatus}2="${notOurs}")`, ERROR_STYLE, 1);
    // Grey, as on 站点汇总: a workbook set aside is in no figure of the run.
    if (t.otherSemester.length + t.repeatedUnits.length > 0)
      cellRule(fileSheet, range, `OR($${fileStatus}2="${otherTerm}",$${fileStatus}2="${secondBook}")`, ASIDE_STYLE, 2);
  }
  finish(fileSheet);

  const nf = await tableSheet(findingSheet, FINDING_COLUMNS, s.findingRows(), ctx, { empty: OVERVIEW_WORDS.noProblems[lang] });
  severityRows(findingSheet, FINDING_COLUMNS.length, 2, nf, columnIndex(FINDING_COLUMNS, 'severity') + 1, lang);
  finish(findingSheet);

  // A sheet for each readable workbook, a unit's repeated copies too: counted by workbooks, as the spool's quota
  // keeps their summaries. By units (t.sites) 5,000 copies of one unit were one site, and got 5,000 sheets, each
  // workbook read again for it.
  if (t.files - t.unreadable <= (options.perSiteSheets ?? PER_SITE_SHEETS)) {
    const names: string[] = TABLES.map(sheet);
    for (const f of await inSitesOrder(s.sites())) {
      // A 考点 naming no 考点: its sheet by its file, not by its 分校's name (汇总-长沙分校 twice over).
      const unit = f.summary.site.unnamed ? '' : f.summary.site.name;
      const name = safeSheetName(names, `${SHEET_WORDS.site[lang]}-${unit || ctx.fileName!(f.file)}`);
      names.push(name);
      // A workbook set aside says so in its status line, as 文件清单 does (was 可以提交).
      finish(writeSiteSheet(wb, name, f.summary, ctx, withPairFindings(f.file, f.findings, c.pairs, lang), setAsideStatus(f.file, t, lang)));
    }
  }
  return charts;
}

/**
 * The sites (few: a sheet each) in 站点汇总's order, the 省校's first, each 分校 before its 考点 (siteOrder): in the
 * files' order, 汇总-湖南分部 stood third and 汇总-岳阳分校 after its own 考点 (review round 9).
 */
async function inSitesOrder<T extends { summary: SiteSummary }>(sites: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const f of sites) all.push(f);
  return siteOrder(all.map(placeOf)).map((i) => all[i]);
}

/** 试卷明细's widths: as declared, a column where a figure's word shows as wide as its longer piece (wordLines; review 22b D5). */
async function paperDetailWidths(rows: Rows, ctx: ShowContext): Promise<number[]> {
  const said = PAPER_DETAIL_COLUMNS.map((): Set<string> => new Set());
  for await (const row of rows) PAPER_DETAIL_COLUMNS.forEach((c, i) => c.wrapped?.includes(String(row[i])) && said[i].add(String(sheetValue(c, row[i], ctx))));
  return PAPER_DETAIL_COLUMNS.map((c, i) => Math.max(columnWidth(c, ctx.lang), wordsWidth(said[i])));
}

async function writePapers(paperSheet: ExcelJS.Worksheet, c: ConsolidatedSource, ctx: ShowContext): Promise<void> {
  const np = await tableSheet(paperSheet, PAPER_DETAIL_COLUMNS, c.paperRows(), ctx, { widths: await paperDetailWidths(c.paperRows(), ctx) });
  if (np > 1) {
    const [spare, out] = ['spareCopies', 'bagsStillOut'].map((k) => colLetter(columnIndex(PAPER_DETAIL_COLUMNS, k) + 1));
    cellRule(paperSheet, `${spare}2:${spare}${np}`, `AND(ISNUMBER(${spare}2),${spare}2<0)`, ERROR_STYLE, 1);
    // A figure's word (附件3 未能读取) is text, which Excel takes as more than 0: a number asked for.
    cellRule(paperSheet, `${out}2:${out}${np}`, `AND(ISNUMBER(${out}2),${out}2>0)`, ERROR_STYLE, 2);
  }
  finish(paperSheet);
}

async function writePairs(pairSheet: ExcelJS.Worksheet, c: ConsolidatedSource, lang: Lang, ctx: ShowContext): Promise<void> {
  await tableSheet(
    pairSheet,
    PAIR_COLUMNS,
    c.pairs.map((p) => rowOf(PAIR_COLUMNS, p, lang)),
    ctx,
  );
  if (c.pairs.length) {
    const s = colLetter(columnIndex(PAIR_COLUMNS, 'status') + 1);
    pairSheet.addConditionalFormatting({
      ref: `A2:${colLetter(PAIR_COLUMNS.length)}${c.pairs.length + 1}`,
      rules: [
        { type: 'expression', priority: 1, formulae: [`$${s}2="${PAIR_STATUS_WORDS.disagree[lang]}"`], style: ERROR_STYLE },
        {
          type: 'expression',
          priority: 2,
          formulae: [`OR($${s}2="${PAIR_STATUS_WORDS['sender-only'][lang]}",$${s}2="${PAIR_STATUS_WORDS['receiver-only'][lang]}")`],
          style: WARNING_STYLE,
        },
        { type: 'expression', priority: 3, formulae: [`$${s}2="${PAIR_STATUS_WORDS.matched[lang]}"`], style: GOOD_STYLE },
      ],
    });
  }
  finish(pairSheet);
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '试卷保密助手';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  return wb;
}

/** The consolidated summary as an ordinary exceljs workbook (small runs, tests), and the charts to add once written. */
async function consolidatedWorkbook(
  c: Consolidated | ConsolidatedSource,
  options: ConsolidatedOptions = {},
): Promise<{ wb: ExcelJS.Workbook; charts: BarChartSpec[] }> {
  const wb = newWorkbook();
  return { wb, charts: await writeConsolidated(wb, 'paperRows' in c ? c : sourceOf(c, options.lang), options) };
}

interface StreamingWriter {
  addWorksheet: ExcelJS.Workbook['addWorksheet'];
  commit(): Promise<void>;
  stream: { toBuffer(): Uint8Array };
}

/**
 * exceljs's streaming workbook writer; undefined in a build of exceljs without
 * it (some browser bundles). Asked for ahead of use, it is loaded then: the
 * CLI's bundle loads it alone, not all of exceljs (webpack.cli.js).
 */
export function streamingWriter(): (new (o: object) => StreamingWriter) | undefined {
  return (ExcelJS as unknown as { stream?: { xlsx?: { WorkbookWriter?: new (o: object) => StreamingWriter } } }).stream?.xlsx?.WorkbookWriter;
}

/** The consolidated summary as .xlsx bytes, with its charts. */
export async function consolidatedXlsx(from: Consolidated | ConsolidatedSource, options: ConsolidatedOptions = {}): Promise<Uint8Array> {
  const c = 'paperRows' in from ? from : sourceOf(from, options.lang);
  const Writer = streamingWriter();
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
