/**
 * One site's 汇总 sheet: its papers, handovers, duty cover, checkouts not
 * returned and findings, one section under another on a grid whose columns
 * are the paper table's. Each section is drawn from its declared columns (src/summary/tables-site.ts);
 * every text wraps in its cell and its row grows to show it, so nothing is cut off in print; a finding's message alone runs a line a row across the width of
 * the page (site-findings.ts). No merged cells in the body: a hundred thousand findings are written in linear time.
 *
 * Browser-safe (no fs, no Node): the Excel add-in calls `addSiteSummarySheet`.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../../../model/finding';
import { baseName } from '../../../model/text';
import { BODY_PT, Column, DEFAULT_ROW_PT, Lang, ShowContext, linesOf, rowHeightFor, rowOf, showDuration } from '../../../summary/columns';
import { ruleTitle } from '../../../summary/rule-titles';
import type { SiteSummary } from '../../../summary/site';
import {
  DUTY_COLUMNS,
  DUTY_GAP_COLUMNS,
  HANDOVER_COLUMNS,
  OUTSTANDING_COLUMNS,
  PAPER_COLUMNS,
  RULE_COUNT_COLUMNS,
  SITE_FINDING_COLUMNS,
  columnIndex,
  dutyGaps,
  namedInReadiness,
  paperTotals,
  paperWidths,
  readinessText,
} from '../../../summary/tables-site';
import {
  AnyWorkbook,
  BOX,
  ERROR_STYLE,
  FONT,
  SECTION_FILL,
  WARNING_STYLE,
  colLetter,
  columnWidth,
  fillRow,
  headerHeight,
  shownRow,
  SIGNATURE_PT,
  tableStyles,
  newSheet,
  signature,
  styleHeader,
} from './style';
import { cellRule, dataBar, severityRows } from './conditional';
import { SITE_WORDS, custodyPeriodsLine, destroyedLine, levelShown, siteSections, unnamedShown } from '../../../summary/words';
import { CUSTODY_SCHEDULE_SAID, NONE_SITE, NONE_WORDS, noneReasons, statusReasons, unitWide, unreadLine } from '../../../summary/none-figures';
import { baseReason as formOf } from '../../../summary/none-figures';
import { counted } from '../../../rules/plural';
import { oncePerHandover } from '../../../summary/once-per-handover';
import { groupedFindings } from '../../../check/finding-groups';
import { findingRows, findingsTable, withFormShown } from './site-findings';
import { Pages } from './pages';
import { semesterShown } from '../../../model/semester';
import { countShown } from '../../../model/count-shown';

const SECTIONS: ReadonlyArray<ReadonlyArray<Pick<Column<never>, 'header' | 'width' | 'words' | 'runsOn'>>> = [
  PAPER_COLUMNS,
  HANDOVER_COLUMNS,
  DUTY_COLUMNS,
  DUTY_GAP_COLUMNS,
  OUTSTANDING_COLUMNS,
  SITE_FINDING_COLUMNS,
  RULE_COUNT_COLUMNS,
];
/**
 * The sheet's columns in a language: the paper table's, with the second (试卷名称, and the findings' 问题) wide
 * enough for a rule's title, and each as wide as every section's column there is written in it (the others
 * declare 0: the paper table's; columnWidth: in Chinese each word of its header whole, in English a header word
 * that does not fit stands upright).
 */
const gridOf = (lang: Lang): number[] =>
  PAPER_COLUMNS.map((_c, i) => Math.max(i === 1 ? 26 : 0, ...SECTIONS.map((cols) => (cols[i] ? columnWidth(cols[i], lang) : 0))));
const GRID: Record<Lang, number[]> = { zh: gridOf('zh'), en: gridOf('en') };
const NCOL = PAPER_COLUMNS.length;
const widthsOf = (ws: ExcelJS.Worksheet): number[] => PAPER_COLUMNS.map((_c, i) => ws.getColumn(i + 1).width ?? 9); // as set: GRID, 一's widened
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const LAST = colLetter(NCOL);
/** The width of the sheet, for the merged lines at its top (the narrower grid's: a line never falls short of its height). */
const FULL = Math.min(...Object.values(GRID).map((grid) => grid.reduce((a, w) => a + w, 0)));

function siteTitle(s: SiteSummary, lang: Lang): string {
  const site = s.site.unnamed ? unnamedShown(s.site.unnamed, lang) : s.site.examSite; // a 考点 naming none: not the 分校's own summary
  const where = [s.site.branch, s.site.school, site].filter(Boolean).join(' ') || s.site.name || SITE_WORDS.noUnit[lang];
  if (lang === 'en') return `${where}  ${s.site.semester ? `${semesterShown(s.site.semester, 'en')} ` : ''}${SITE_WORDS.title.en}`;
  return `${where}  ${s.site.semester ? `${s.site.semester}学期` : ''}${SITE_WORDS.title.zh}`;
}

/**
 * The status line under the title: ready or not, and the figures a supervisor looks at first; a count the
 * verdict already names (“Not ready: 1 error to correct”) is not said again beside it.
 */
function statusLine(s: SiteSummary, lang: Lang, aside?: string): string {
  const w = (k: keyof typeof SITE_WORDS) => SITE_WORDS[k][lang];
  const { errors, warnings } = s.findings;
  const named = aside ? { errors: false, warnings: false } : namedInReadiness(s);
  const copiesOut = s.totals.copiesStillOut;
  const head = `${w('status')}${lang === 'zh' ? '：' : ': '}${aside ?? readinessText(s, lang)}`;
  const [covered, custody] = [s.duty.coveredHours, s.duty.custodyHours].map((h) => showDuration(h, lang));
  // No vault record: no duty cover of nothing, no bags out of none. No intake list: said after the figures it leaves.
  const noVault = s.noVault && NONE_WORDS.noVault[lang];
  const noIntake = s.noIntake && NONE_WORDS.noIntake[lang];
  // A form not read (附件3, 5): its figure unknown, said with the form (附件2, 4: after the figures, as 无入库清单).
  const reasons = noneReasons(s);
  const [cover, out] = statusReasons(s).map((r) => r && r !== 'noVault' && NONE_WORDS[r][lang]);
  // 附件2 not read leaves the duty cover unknown too (its custody period): said there once, not again after it.
  const said = (r: (typeof reasons)[number]) => (formOf(r) === 'unreadIntake' && r !== statusReasons(s)[0]) || formOf(r) === 'unreadRegister';
  const unread = reasons.filter(said).map((r) => NONE_WORDS[r][lang]);
  const figures =
    lang === 'en'
      ? [
          !named.errors && counted(errors, 'errors'),
          !named.warnings && counted(warnings, 'warnings'),
          noVault || (cover ? `duty cover unknown (${cover})` : `on duty ${covered} of ${custody}`),
          !noVault &&
            (out ? `bags out unknown (${out})` : `out ${counted(s.totals.bagsStillOut, 'bags')}${copiesOut ? `, ${counted(copiesOut, 'copies')}` : ''}`),
          noIntake,
          ...unread,
        ]
      : [
          !named.errors && `${w('errors')} ${countShown(errors)}`,
          !named.warnings && `${w('warnings')} ${countShown(warnings)}`,
          noVault || (cover ? `值班覆盖未知（${cover}）` : `值班覆盖 ${covered} / ${custody}`),
          !noVault && (out ? `未还袋数未知（${out}）` : `未还 ${countShown(s.totals.bagsStillOut)} 袋${copiesOut ? `、${countShown(copiesOut)} 份` : ''}`),
          noIntake,
          ...unread,
        ];
  return [head, ...figures.filter(Boolean)].join('    ');
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

/** Adds one site's 汇总 sheet to an exceljs workbook (browser-safe). With `findings`, the sheet ends with every finding and its cell. */
export function addSiteSummarySheet(
  wb: ExcelJS.Workbook,
  s: SiteSummary,
  options: { name?: string; findings?: readonly Finding[]; lang?: Lang; aside?: string } = {},
): ExcelJS.Worksheet {
  const ctx: ShowContext = { lang: options.lang ?? 'zh', ruleTitle };
  const name = safeSheetName(
    wb.worksheets.map((w) => w.name),
    options.name ?? '汇总',
  );
  return writeSiteSheet(wb, name, s, ctx, options.findings, options.aside);
}

/**
 * The rows above the first section (title, level and file, status): true of
 * the whole sheet, so frozen on screen and printed atop every page. Nothing
 * below is: each section has its own table header, and one section's would
 * stand over another's rows.
 */
const TITLE_ROWS = 3;
/** The height of a section's heading row (section). */
const SECTION_PT = 20;

/** The heights of a section: its heading, its table's header, and each row as table() writes it. */
function* sectionHeights<T>(columns: ReadonlyArray<Column<T>>, items: Iterable<T>, ctx: ShowContext): Generator<number> {
  yield SECTION_PT;
  yield headerHeight(
    columns.map((c) => c.header[ctx.lang]),
    GRID[ctx.lang],
  );
  const cols = columns as ReadonlyArray<Column<never>>;
  const styles = tableStyles(cols, ctx.lang);
  for (const item of items) yield shownRow(cols, rowOf(columns, item, ctx.lang), GRID[ctx.lang], ctx, styles).height ?? DEFAULT_ROW_PT;
}

/** The heights of the findings' section: its heading, its table's header, each row of each finding (findingRows). */
function* findingHeights(findings: readonly Finding[], ctx: ShowContext): Generator<number> {
  const widths = GRID[ctx.lang];
  yield SECTION_PT;
  yield headerHeight(
    SITE_FINDING_COLUMNS.map((c) => c.header[ctx.lang]),
    widths,
  );
  for (const f of findings) for (const row of findingRows(f, widths, ctx)) yield row.height ?? DEFAULT_ROW_PT;
}

/** A line across the whole sheet (merged), wrapped, as tall as its text; returns its height. */
function banner(ws: ExcelJS.Worksheet, r: number, text: string, font: Partial<ExcelJS.Font>, fill?: ExcelJS.Fill): number {
  const cell = ws.getCell(`A${r}`);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { vertical: 'middle', wrapText: true, ...(r === 1 ? { horizontal: 'center' } : {}) };
  if (fill) cell.fill = fill;
  ws.mergeCells(`A${r}:${LAST}${r}`);
  const height = rowHeightFor(linesOf(text, FULL, font.size ?? BODY_PT), font.size ?? BODY_PT);
  ws.getRow(r).height = height;
  return height;
}

function section(ws: ExcelJS.Worksheet, pages: Pages, r: number, text: string): void {
  pages.add(SECTION_PT);
  const row = ws.getRow(r);
  row.getCell(1).value = text;
  row.getCell(1).font = { name: FONT, size: 12, bold: true };
  row.getCell(1).alignment = { vertical: 'middle', wrapText: false };
  for (let c = 1; c <= NCOL; c++) row.getCell(c).fill = SECTION_FILL;
  row.height = SECTION_PT;
}

/** A line of text that runs on over the empty cells beside it. */
function remark(ws: ExcelJS.Worksheet, pages: Pages, r: number, text: string): void {
  pages.add();
  const cell = ws.getCell(`A${r}`);
  cell.value = text;
  cell.alignment = { vertical: 'top', wrapText: false };
}

/** Writes a table's header row at row `r` and counts it on the page. */
function header<T>(ws: ExcelJS.Worksheet, pages: Pages, r: number, columns: ReadonlyArray<Column<T>>, lang: Lang): void {
  const headers = columns.map((c) => c.header[lang]);
  const head = ws.getRow(r);
  head.values = headers;
  styleHeader(head, headers, widthsOf(ws));
  pages.add(head.height);
}

/**
 * A section's table at row `r`: header, then one row per item; returns the next free row. With `headed` (the
 * rows of its header written again), a row that does not fit on what is left of the page starts the next one
 * under the table's header, written again there (the printed titles are the sheet's title rows alone: a
 * header of table 一 atop the pages of the other sections would head rows that are not its own).
 */
function table<T>(
  ws: ExcelJS.Worksheet,
  pages: Pages,
  r: number,
  columns: ReadonlyArray<Column<T>>,
  items: Iterable<T>,
  ctx: ShowContext,
  boxed = true,
  headed?: number[],
): number {
  header(ws, pages, r++, columns, ctx.lang);
  const cols = columns as ReadonlyArray<Column<never>>;
  const styles = tableStyles(cols, ctx.lang, boxed ? { border: BOX } : {});
  for (const item of items) {
    const shown = shownRow(cols, rowOf(columns, item, ctx.lang), widthsOf(ws), ctx, styles);
    if (headed) r = headedPage(ws, pages, r, columns, ctx.lang, shown.height, headed);
    const row = ws.getRow(r++);
    fillRow(row, shown);
    pages.add(shown.height);
    // Written out now (streaming writer), this row and all above: the writer keeps uncommitted
    // rows in an array it empties from the front, which costs the square of their number.
    row.commit();
  }
  return r;
}

/**
 * Before a row of a long table (this tall) at row `r`: when it does not fit on what is left of the page, a page
 * break and the table's header written again at `r` (its row put in `headed`); returns the row the row goes in.
 */
function headedPage<T>(
  ws: ExcelJS.Worksheet,
  pages: Pages,
  r: number,
  columns: ReadonlyArray<Column<T>>,
  lang: Lang,
  height: number | undefined,
  headed: number[],
): number {
  if (pages.fits(height ?? DEFAULT_ROW_PT)) return r;
  pages.newPage(r);
  header(ws, pages, r, columns, lang);
  headed.push(r);
  return r + 1;
}

/** `aside`: a workbook set aside, its status as 文件清单 says it (set-aside.ts setAsideStatus), said grey in place of 可以提交. */
export function writeSiteSheet(wb: AnyWorkbook, name: string, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[], aside?: string) {
  const lang = ctx.lang;
  const w = (k: keyof typeof SITE_WORDS) => SITE_WORDS[k][lang];
  const colon = lang === 'zh' ? '：' : ': ';
  const sections = siteSections(lang);
  const ws = newSheet(wb, name, { ySplit: TITLE_ROWS, gridLines: false }, `1:${TITLE_ROWS}`, lang);
  const grid = paperWidths(s, GRID[lang], lang).map((w, i) => (ws.getColumn(i + 1).width = w)); // set: 一's words whole (22b D5)
  const file = s.file ? (ctx.fileName ?? baseName)(s.file) : '—';
  let titles = banner(ws, 1, siteTitle(s, lang), { size: 16, bold: true });
  // Grey, at the body's size: at 10 pt it printed under 9 once the times' columns were widened to hold a date on one line.
  titles += banner(ws, 2, `${w('level')}${colon}${levelShown(s.site.level, lang) || '—'}    ${w('file')}${colon}${file}`, {
    size: BODY_PT,
    color: { argb: 'FF595959' },
  });
  const [fg, bg] = aside ? ['FF595959', 'FFD9D9D9'] : s.ready ? ['FF006100', 'FFC6EFCE'] : ['FF9C0006', 'FFFFC7CE'];
  titles += banner(
    ws,
    3,
    statusLine(s, lang, aside),
    { size: 12, bold: true, color: { argb: fg } },
    { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } },
  );
  const pages = new Pages(ws, grid, titles);

  section(ws, pages, 4, w('papers'));
  const firstPaper = 6;
  // Table 一 of a unit with many papers runs over pages: its header written again atop each (review round 13a D3).
  const headed: number[] = [];
  let r = table(ws, pages, 5, PAPER_COLUMNS, s.papers, ctx, true, headed);
  const lastPaper = r - 1;
  const paperCols = PAPER_COLUMNS as ReadonlyArray<Column<never>>;
  const totalsRow = shownRow(
    paperCols,
    paperTotals(s, ctx.lang),
    grid,
    ctx,
    tableStyles(paperCols, lang, { border: BOX, font: { name: FONT, size: BODY_PT, bold: true } }),
  );
  r = headedPage(ws, pages, r, PAPER_COLUMNS, lang, totalsRow.height, headed);
  fillRow(ws.getRow(r++), totalsRow);
  pages.add(totalsRow.height);
  if (lastPaper >= firstPaper) {
    const col = (key: string) => colLetter(columnIndex(PAPER_COLUMNS, key) + 1);
    const [spare, out, returns, checkouts, copies] = ['spareCopies', 'bagsStillOut', 'returns', 'checkouts', 'copies'].map(col);
    // A header written again among the rows, or a figure's word (附件3 未能读取), is text, which Excel takes as more than
    // any number: the rules ask for a number there.
    const numeric = (c: string, rule: string) => `AND(ISNUMBER(${c}${firstPaper}),${rule})`;
    ws.autoFilter = { from: { row: 5, column: 1 }, to: { row: lastPaper, column: NCOL } };
    cellRule(ws, `${spare}${firstPaper}:${spare}${lastPaper}`, `AND(ISNUMBER(${spare}${firstPaper}),${spare}${firstPaper}<0)`, ERROR_STYLE, 1);
    cellRule(ws, `${out}${firstPaper}:${out}${lastPaper}`, numeric(out, `${out}${firstPaper}>0`), ERROR_STYLE, 2);
    cellRule(ws, `${returns}${firstPaper}:${returns}${lastPaper}`, numeric(returns, `${returns}${firstPaper}<${checkouts}${firstPaper}`), WARNING_STYLE, 3);
    dataBar(ws, `${copies}${firstPaper}:${copies}${lastPaper}`, 'FF5B9BD5');
  }
  // No intake list: why the table's bags, copies, spare and bags in the vault are empty, under it.
  if (s.noIntake) pages.add(banner(ws, r++, NONE_SITE.noIntake[lang], { size: BODY_PT }));
  // A form not read (考试安排, 附件2, 3, 4): which figures of the table it leaves empty, and where its finding is.
  for (const form of ['schedule', 'intake', 'vaultLog', 'distribution'] as const) {
    const line = unreadLine(s.unread, form, lang);
    if (line) pages.add(banner(ws, r++, `${line}${lang === 'zh' ? '。' : '.'}`, { size: BODY_PT }));
  }
  const destroyed = destroyedLine(s.papers, lang);
  if (destroyed) pages.add(banner(ws, r++, destroyed, { size: BODY_PT }));
  r++;
  pages.add();

  const handovers = [...s.handovers.in, ...s.handovers.out];
  pages.keep(r, handovers.length ? sectionHeights(HANDOVER_COLUMNS, handovers, ctx) : [SECTION_PT, DEFAULT_ROW_PT]);
  section(ws, pages, r++, sections.handovers(s.handovers.in.length, s.handovers.out.length));
  if (handovers.length) r = table(ws, pages, r, HANDOVER_COLUMNS, handovers, ctx);
  else remark(ws, pages, r++, w('noHandovers'));
  // A handover's 交接明细 not read (its bags unknown), a roster not read (its signers not checked against it): said under the handovers.
  for (const form of ['handover', 'staff'] as const) {
    const line = unreadLine(s.unread, form, lang);
    if (line) pages.add(banner(ws, r++, `${line}${lang === 'zh' ? '。' : '.'}`, { size: BODY_PT }));
  }
  r++;
  pages.add();

  if (s.noVault) return noVaultSections(ws, pages, r, s, ctx, findings);
  if (s.custodySchedule || unitWide(s.unread).some((u) => u.form === 'intake' || u.form === 'vaultLog' || u.form === 'duty'))
    return unreadSections(ws, pages, r, s, ctx, findings);
  return dutyAndAfter(ws, pages, r, s, ctx, findings);
}

/**
 * A site whose 附件2, 3 or 5 could not be read, or whose custody runs to a session's end its unread 考试安排 would give
 * (custodySchedule, review 21 D3): its duty cover (from 附件2's 入库时间 to 附件3's last checkout; with 附件3 its checkouts
 * not returned too) is not known, said in the sections' place with where to look (unreadLine), not 100 % nor 全部已归还.
 */
function unreadSections(ws: ExcelJS.Worksheet, pages: Pages, r: number, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const lang = ctx.lang;
  const stop = lang === 'zh' ? '。' : '.';
  const said = (form: 'intake' | 'vaultLog' | 'duty') => unreadLine(unitWide(s.unread), form, lang); // a paper's count: under 一 alone
  const schedule = s.custodySchedule ? CUSTODY_SCHEDULE_SAID[lang] : '';
  const duty = [said('intake'), said('vaultLog'), said('duty'), schedule].filter(Boolean).map((line) => `${line}${stop}`);
  const heights = duty.map((line) => rowHeightFor(linesOf(line, FULL)));
  pages.keep(r, [SECTION_PT, ...heights]);
  section(ws, pages, r++, SITE_WORDS.duty[lang]);
  for (const line of duty) pages.add(banner(ws, r++, line, { size: BODY_PT }));
  r++;
  pages.add();
  if (!said('vaultLog')) return afterDuty(ws, pages, r, s, ctx, findings);
  const line = `${said('vaultLog')}${stop}`;
  pages.keep(r, [SECTION_PT, rowHeightFor(linesOf(line, FULL))]);
  section(ws, pages, r++, siteSections(lang).outstanding(null));
  pages.add(banner(ws, r++, line, { size: BODY_PT }));
  r++;
  pages.add();
  return findingsAndEnd(ws, pages, r, s, ctx, findings);
}

/**
 * A site that keeps no vault record: its duty cover and its checkouts not returned are not known (no custody
 * period to cover, no checkout to return), said in their sections' place (NONE_SITE), then its findings.
 */
function noVaultSections(ws: ExcelJS.Worksheet, pages: Pages, r: number, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const lang = ctx.lang;
  // The note wrapped across the page under 三 (it says why), its word alone under 四.
  const note = NONE_SITE.noVault[lang];
  const noteHeight = rowHeightFor(linesOf(note, FULL));
  pages.keep(r, [SECTION_PT, noteHeight]);
  section(ws, pages, r++, SITE_WORDS.duty[lang]);
  pages.add(banner(ws, r++, note, { size: BODY_PT }));
  r++;
  pages.add();
  pages.keep(r, [SECTION_PT, DEFAULT_ROW_PT]);
  section(ws, pages, r++, siteSections(lang).outstanding(null));
  remark(ws, pages, r++, NONE_WORDS.noVault[lang]);
  r++;
  pages.add();
  return findingsAndEnd(ws, pages, r, s, ctx, findings);
}

function dutyAndAfter(ws: ExcelJS.Worksheet, pages: Pages, r: number, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const lang = ctx.lang;
  const w = (k: keyof typeof SITE_WORDS) => SITE_WORDS[k][lang];
  const d = s.duty;
  const gaps = dutyGaps(d);
  const gapHeights = gaps.length ? [...sectionHeights(DUTY_GAP_COLUMNS, gaps, ctx)].slice(1) : [];
  pages.keep(r, [...sectionHeights(DUTY_COLUMNS, [d], ctx), ...gapHeights]);
  section(ws, pages, r++, w('duty'));
  r = table(ws, pages, r, DUTY_COLUMNS, [d], ctx);
  const coverage = `${colLetter(columnIndex(DUTY_COLUMNS, 'coverage') + 1)}${r - 1}`;
  dataBar(ws, coverage, 'FF70AD47', 1);
  cellRule(ws, coverage, `${coverage}<1`, WARNING_STYLE, 4);
  const stretches = custodyPeriodsLine(d, lang);
  if (stretches) remark(ws, pages, r++, stretches);
  if (gaps.length) {
    const firstGap = r + 1;
    r = table(ws, pages, r, DUTY_GAP_COLUMNS, gaps, ctx);
    cellRule(ws, `A${firstGap}:${colLetter(DUTY_GAP_COLUMNS.length)}${r - 1}`, 'TRUE', ERROR_STYLE, 5);
  }
  r++;
  pages.add();
  return afterDuty(ws, pages, r, s, ctx, findings);
}

/** The checkouts not returned (or 全部已归还), then the findings. */
function afterDuty(ws: ExcelJS.Worksheet, pages: Pages, r: number, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const w = (k: keyof typeof SITE_WORDS) => SITE_WORDS[k][ctx.lang];
  const sections = siteSections(ctx.lang);
  pages.keep(r, s.outstanding.length ? sectionHeights(OUTSTANDING_COLUMNS, s.outstanding, ctx) : [SECTION_PT, DEFAULT_ROW_PT]);
  section(ws, pages, r++, sections.outstanding(s.outstanding.length));
  if (s.outstanding.length) r = table(ws, pages, r, OUTSTANDING_COLUMNS, s.outstanding, ctx);
  else remark(ws, pages, r++, w('allReturned'));
  r++;
  pages.add();
  return findingsAndEnd(ws, pages, r, s, ctx, findings);
}

/** The findings' section and the signature line. */
function findingsAndEnd(ws: ExcelJS.Worksheet, pages: Pages, r: number, s: SiteSummary, ctx: ShowContext, findings?: readonly Finding[]): ExcelJS.Worksheet {
  const lang = ctx.lang;
  const w = (k: keyof typeof SITE_WORDS) => SITE_WORDS[k][lang];
  const sections = siteSections(lang);
  // A disagreeing slip once; one mistake down a column one line (review 15b D5), the heading's counts still findings.
  const once = findings?.length ? oncePerHandover(findings) : [];
  // On a sheet of several forms, the form under the finding's place in 位置 (review 19a D12).
  const grouped = groupedFindings(once, lang);
  const listed = s.formSpans ? grouped.map((f) => withFormShown(f, s.formSpans!, lang)) : grouped;
  const rules = Object.entries(s.findings.byRule).sort((a, b) =>
    a[1].severity === b[1].severity ? b[1].count - a[1].count : a[1].severity === 'error' ? -1 : 1,
  );
  // What follows the section, kept with its last rows: two blank rows and the signature line (review round 15b D6: a
  // signature counted nowhere printed alone atop the next page).
  const tail = [DEFAULT_ROW_PT, DEFAULT_ROW_PT, SIGNATURE_PT];
  const body = listed.length ? findingHeights(listed, ctx) : rules.length ? sectionHeights(RULE_COUNT_COLUMNS, rules, ctx) : [SECTION_PT, DEFAULT_ROW_PT];
  pages.keep(r, [...body, ...tail]);
  const fewer = listed.length < once.length ? listed.length : undefined;
  section(ws, pages, r++, sections.findings(s.findings.errors, s.findings.warnings, fewer));
  const first = r + 1;
  if (listed.length) {
    r = findingsTable(ws, pages, r, listed, GRID[lang], ctx, sum(tail));
  } else if (rules.length) {
    r = table(ws, pages, r, RULE_COUNT_COLUMNS, rules, ctx, false);
    severityRows(ws, RULE_COUNT_COLUMNS.length, first, r - 1, 1, lang);
  } else {
    remark(ws, pages, r++, w('noProblems'));
  }
  signature(ws, r + 2, NCOL, lang);
  return ws;
}

/** One site's summary as its own .xlsx (the 汇总 sheet alone); `aside`: set aside, its status words (setAsideStatus). */
export async function siteSummaryXlsx(s: SiteSummary, findings?: readonly Finding[], lang: Lang = 'zh', aside?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '试卷保密助手';
  addSiteSummarySheet(wb, s, { findings, lang, aside });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
