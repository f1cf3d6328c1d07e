/**
 * The tables of one site's 汇总, declared once: the CLI's workbook (a 汇总
 * sheet per site, 试卷明细), the browser face's download and the pane's 汇总
 * sheet and table are all drawn from these columns.
 *
 * A paper is named in the forms' own words (试卷号, 试卷名称: PRINTED_LABELS),
 * as staff know them from 附件2–4. The other headers are deliberately not the
 * forms' labels (31份装, 报考人数…): a 汇总 sheet the pane writes into a unit's
 * workbook must never be taken for the intake list or the schedule when it is
 * read again, and two of a form's columns are fewer than the half of them a
 * table's header needs to be found.
 */
import { type Finding, rowWords } from '../model/finding';
import { PRINTED_LABELS } from '../model/labels';
import { type Cell, type Column, DATETIME_WIDTH, DURATION_WIDTH, type Lang, words, wordsWidth } from './columns';
import type { DutyCoverage, HandoverBrief, OutstandingCheckout, PaperSummary, SiteSummary } from './site';
import { DIRECTION_WORDS, SEVERITY_WORDS, UNIT_WORDS, listOf } from './words';
import {
  INTAKE_FIGURE,
  IN_VAULT_FIGURE,
  LOG_FIGURE,
  NONE_WORDS,
  REGISTER_FIGURE,
  SCHEDULE_FIGURE,
  SPARE_FIGURE,
  type NoneWhen,
  noneCell,
  noneColumn,
  noneReasons,
  reasonUnder,
  totalReasons,
  unreadReason,
  formNoneWords,
  itemsUnreadAs,
} from './none-figures';
import { counted } from '../rules/plural';
import { countShown } from '../model/count-shown';

/** A paper column, and what its cell on the 合计 row holds. */
export interface PaperColumn extends Column<PaperSummary> {
  total: (s: SiteSummary, lang: Lang) => Cell;
  /** Of a figure of the vault: the reasons that make it none (vaultFigure). */
  none?: NoneWhen;
}

const num = (n: number | null): Cell => n;

/**
 * A paper column of a figure of the vault (noneColumn), its 合计 too: none at a site with a reason in `when.none` (no
 * vault record; for a figure of 附件2, no intake list either; the form it is made from not read).
 */
function vaultFigure(
  column: Omit<PaperColumn, 'value' | 'total'> & { value: (p: PaperSummary, lang: Lang) => Cell; total: (s: SiteSummary, lang: Lang) => Cell },
  when: NoneWhen,
): PaperColumn {
  const total = (s: SiteSummary, lang: Lang): Cell => {
    // Unknown only where a figure it adds is (totalReasons): a whole form's, or this column's of a paper's own row.
    const reason = reasonUnder(totalReasons(s, column.key), when);
    return reason !== undefined ? noneCell(reason, when) : column.total(s, lang);
  };
  return { ...noneColumn<PaperSummary, PaperColumn>({ ...column, total }, noneReasons, when), none: when };
}

/**
 * The words a cell of a paper's own row may say of a figure it leaves unknown (PaperSummary.unknown): a cell showing an
 * error value, a count corrected beside it.
 */
const ROW_WORDS = Object.fromEntries(
  (['schedule', 'intake', 'vaultLog', 'distribution'] as const).flatMap((f) =>
    (['error', 'corrected'] as const).map((cause) => [unreadReason(f, cause), NONE_WORDS[unreadReason(f, cause)]]),
  ),
);

/**
 * The paper columns with the figures a cell of a paper's own row leaves unknown (an error value: row-unknowns.ts) said
 * so, that paper's alone: each says its form's word and why (考试安排 显示错误值: review 22), wrapped in its cell (review 21b D2: the others
 * of a run were left empty, the first's word running on over them). A figure none for the whole unit (noneColumn's
 * reasons) stays as that says it.
 */
function withRowUnknowns(columns: readonly PaperColumn[]): PaperColumn[] {
  const said = (p: PaperSummary, i: number): Cell | undefined => {
    const { none } = columns[i];
    const unknown = p.unknown?.[columns[i].key];
    if (!unknown || !none || reasonUnder(noneReasons(p), none) !== undefined) return undefined;
    return unreadReason(unknown.form, unknown.cause);
  };
  return columns.map((c, i) =>
    c.none
      ? {
          ...c,
          words: { ...ROW_WORDS, ...c.words },
          runsOn: true,
          value: (p: PaperSummary, lang: Lang) => {
            const none = said(p, i);
            return none !== undefined ? none : c.value!(p, lang);
          },
        }
      : c,
  );
}

/** The first of the bag columns: says either reason or 附件2 unread, its word running on over the bags and copies beside it. */
const BAGS_LEAD: NoneWhen = { ...INTAKE_FIGURE, says: ['noVault', 'noIntake', 'unreadIntake'] };
/**
 * 余量, first of the run of the vault's figures after 考生数: says 无保密室记录 over 出库…下级送回; with no intake list
 * alone it stands by itself between figures that are given (考生数, 出库次数), too narrow for its word: empty.
 */
const SPARE_LEAD: NoneWhen = { ...SPARE_FIGURE, says: ['noVault'] };
/** 首场开考 and 考生数, of 考试安排: each says 考试安排 未能读取 (余量 beside 考生数 none with it). */
const SCHEDULE_LEAD: NoneWhen = { ...SCHEDULE_FIGURE, says: ['unreadSchedule'] };
/** 出库次数 and 未还袋数, the first of each run of 附件3's figures: say 附件3 未能读取 (无保密室记录 runs on from 余量). */
const LOG_LEAD: NoneWhen = { ...LOG_FIGURE, says: ['unreadLog'] };

/** The length of custody and the part of it covered by shifts: hours and minutes (a duration, its unit in its format). */
export const CUSTODY_TIME = { zh: words('保管', '时长'), en: 'Custody time' };
export const TIME_ON_DUTY = { zh: words('值班', '覆盖', '时长'), en: 'Time on duty' };

/** 试卷号 and 试卷名称, as 附件2–4 and 考试安排 print them. */
const PAPER_NO = { zh: PRINTED_LABELS['intake.items.paperNo'], en: 'Paper no.' };
const PAPER_NAME = { zh: PRINTED_LABELS['intake.items.paperName'], en: 'Paper name' };

export const PAPER_COLUMNS: readonly PaperColumn[] = withRowUnknowns([
  { key: 'paperNo', header: PAPER_NO, width: 8, value: (p) => p.paperNo, total: (_, lang) => (lang === 'zh' ? '合计' : 'Total') },
  {
    key: 'paperName',
    header: PAPER_NAME,
    width: 18,
    wrap: true,
    value: (p) => p.paperName,
    total: (s, lang) => (lang === 'zh' ? `${countShown(s.totals.papers)} 种试卷` : counted(s.totals.papers, 'papers')),
  },
  vaultFigure(
    {
      key: 'sessionStart',
      header: { zh: words('首场', '开考'), en: 'First session' },
      width: DATETIME_WIDTH,
      wrap: true,
      kind: 'datetime',
      value: (p) => p.sessionStart,
      total: (s, lang) => (lang === 'zh' ? `${countShown(s.totals.sessions)} 场` : counted(s.totals.sessions, 'sessions')),
    },
    SCHEDULE_LEAD,
  ),
  vaultFigure(
    {
      key: 'bags31',
      count: true,
      header: { zh: words('31份装', '袋数'), en: '31s' },
      width: 6,
      value: (p) => p.bags.bags31,
      total: (s) => s.totals.bags.bags31,
    },
    BAGS_LEAD,
  ),
  vaultFigure(
    {
      key: 'bags26',
      count: true,
      header: { zh: words('26份装', '袋数'), en: '26s' },
      width: 6,
      value: (p) => p.bags.bags26,
      total: (s) => s.totals.bags.bags26,
    },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    {
      key: 'bags11',
      count: true,
      header: { zh: words('11份装', '袋数'), en: '11s' },
      width: 6,
      value: (p) => p.bags.bags11,
      total: (s) => s.totals.bags.bags11,
    },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    { key: 'bags5', count: true, header: { zh: words('5份装', '袋数'), en: '5s' }, width: 6, value: (p) => p.bags.bags5, total: (s) => s.totals.bags.bags5 },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    {
      key: 'totalBags',
      count: true,
      header: { zh: words('袋数', '合计'), en: 'Bags' },
      width: 6,
      value: (p) => p.bags.totalBags,
      total: (s) => s.totals.bags.totalBags,
    },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    { key: 'copies', count: true, header: { zh: '份数', en: 'Copies' }, width: 6, value: (p) => p.copies, total: (s) => s.totals.copies },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    {
      key: 'candidates',
      count: true,
      header: { zh: '考生数', en: 'Candidates' },
      width: 6,
      value: (p) => num(p.candidates),
      total: (s) => s.totals.candidates,
    },
    SCHEDULE_LEAD,
  ),
  vaultFigure(
    {
      key: 'spareCopies',
      count: true,
      header: { zh: '余量', en: 'Spare' },
      width: 6,
      value: (p) => p.spareCopies,
      total: (s) => s.totals.copies - s.totals.candidates,
    },
    SPARE_LEAD,
  ),
  vaultFigure(
    { key: 'checkouts', count: true, header: { zh: words('出库', '次数'), en: 'Out' }, width: 6, value: (p) => p.checkouts, total: (s) => s.totals.checkouts },
    LOG_LEAD,
  ),
  vaultFigure(
    { key: 'returns', count: true, header: { zh: words('归还', '次数'), en: 'Returned' }, width: 6, value: (p) => p.returns, total: (s) => s.totals.returns },
    LOG_FIGURE,
  ),
  vaultFigure(
    {
      key: 'bagsDispatched',
      count: true,
      header: { zh: words('移交', '送出', '袋数'), en: 'Bags sent on' },
      width: 6,
      value: (p) => p.bagsDispatched,
      total: (s) => s.totals.bagsDispatched,
    },
    LOG_FIGURE,
  ),
  vaultFigure(
    {
      // Papers back in this vault from the unit below (a 考点's after the exam), on their own 入库清单: not in 袋数合计, in 在库袋数.
      key: 'bagsTakenBack',
      count: true,
      header: { zh: words('下级', '送回', '袋数'), en: 'Bags taken back' },
      width: 6,
      value: (p) => p.bagsTakenBack,
      total: (s) => s.papers.reduce((a, p) => a + p.bagsTakenBack, 0),
    },
    INTAKE_FIGURE,
  ),
  vaultFigure(
    {
      key: 'rooms',
      header: { zh: words('分发', '考场'), en: 'Rooms' },
      // 8, not 12: room numbers wrap (01、02 on a line), and the sheet keeps to one A4 page wide at 9 pt with 下级送回袋数 beside it.
      width: 8,
      wrap: true,
      value: (p, lang) => listOf(p.rooms, lang),
      // 考场次 on a line of its own: 8 wide, “5 个考场次” broke inside the word (5 个考场 / 次, review 13a D8).
      total: (s, lang) => (lang === 'zh' ? `${countShown(s.totals.roomsServed)} 个\n考场次` : counted(s.totals.roomsServed, 'room sessions')),
    },
    { ...REGISTER_FIGURE, says: ['unreadRegister'] },
  ),
  vaultFigure(
    {
      key: 'copiesDistributed',
      count: true,
      header: { zh: words('分发', '份数'), en: 'Copies handed' },
      width: 6,
      value: (p) => p.copiesDistributed,
      total: (s) => s.totals.copiesDistributed,
    },
    REGISTER_FIGURE,
  ),
  vaultFigure(
    {
      key: 'bagsStillOut',
      count: true,
      header: { zh: words('未还', '袋数'), en: 'Bags out' },
      width: 6,
      value: (p) => p.bagsStillOut,
      total: (s) => s.totals.bagsStillOut,
    },
    LOG_LEAD,
  ),
  vaultFigure(
    {
      key: 'bagsInVault',
      count: true,
      header: { zh: words('在库', '袋数'), en: 'Bags in vault' },
      width: 6,
      value: (p) => p.bagsInVault,
      total: (s) => s.papers.reduce((a, p) => a + p.bagsInVault, 0),
    },
    IN_VAULT_FIGURE,
  ),
]);

/** The 合计 row of the paper table (raw, in column order). */
export const paperTotals = (s: SiteSummary, lang: Lang = 'zh'): Cell[] => PAPER_COLUMNS.map((c) => c.total(s, lang));

/**
 * Table 一's widths: the sheet's `grid`, each column where a figure's word shows (附件3 未能读取, in a paper's row or
 * the 合计) as wide as its longest word, that it breaks between its words only (wordLines; review 22b D5).
 */
export function paperWidths(s: SiteSummary, grid: readonly number[], lang: Lang): number[] {
  const rows = [...s.papers.map((p) => PAPER_COLUMNS.map((c) => c.value!(p, lang))), paperTotals(s, lang)];
  return grid.map((width, i) => {
    const { wrapped, words } = PAPER_COLUMNS[i];
    const said = rows.flatMap((r) => (wrapped?.includes(String(r[i])) && words ? [words[String(r[i])][lang]] : []));
    return Math.max(width, wordsWidth(said));
  });
}

/** The column of a key (its 0-based index). */
export function columnIndex(columns: ReadonlyArray<Pick<Column, 'key'>>, key: string): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/* ------------------------------------------------------------------ the other sections of a site's 汇总 */

const at = (sheet: string | null, cell: string | null): string => (sheet ? `${sheet}!${cell ?? ''}` : '');

/** A column of people's names: a name of three characters whole on a line (a list of them wraps between names: `names`). */
const NAMES_WIDTH = 8;

export const HANDOVER_COLUMNS: ReadonlyArray<Column<HandoverBrief>> = [
  { key: 'direction', header: { zh: '方向', en: 'Direction' }, width: 0, words: DIRECTION_WORDS, value: (h) => h.direction },
  { key: 'units', header: { zh: '移交方 → 接收方', en: 'From → to' }, width: 0, wrap: true, value: (h) => `${h.from} → ${h.to}` },
  { key: 'time', header: { zh: '交接于', en: 'Time' }, width: 0, wrap: true, kind: 'datetime', value: (h) => h.time },
  // A sheet whose 交接明细 could not be read: its bags are not known, not 0.
  {
    key: 'quantity',
    count: true,
    header: { zh: words('明细', '之和（袋）'), en: 'Items (bags)' },
    width: 8,
    // Every cause (附件1 未能读取、显示错误值 too: fix-semester25 item 4, its key was shown as it is).
    words: formNoneWords('unreadHandover'),
    value: (h) => (h.itemsUnread ? itemsUnreadAs(h.itemsUnread) : h.quantity),
  },
  { key: 'total', header: { zh: '合计栏', en: 'Total' }, width: 0, value: (h) => (h.total === null ? '' : h.total) },
  {
    key: 'fromSigners',
    header: { zh: words('移交', '签字'), en: 'Handed by' },
    width: NAMES_WIDTH,
    wrap: true,
    names: true,
    value: (h, lang) => listOf(h.fromSigners, lang),
  },
  {
    key: 'toSigners',
    header: { zh: words('接收', '签字'), en: 'Received by' },
    width: NAMES_WIDTH,
    wrap: true,
    names: true,
    value: (h, lang) => listOf(h.toSigners, lang),
  },
  { key: 'where', header: { zh: words('所在', '位置'), en: 'Where' }, width: 0, wrap: true, value: (h) => at(h.sheet, h.cell) },
];

/**
 * The duty row. Its times stand in the second and third columns (试卷名称 and
 * 首场开考 above them), wide enough for a date on one line: a date does not
 * wrap, and the first column (试卷号) is narrow.
 */
export const DUTY_COLUMNS: ReadonlyArray<Column<DutyCoverage>> = [
  { key: 'shifts', count: true, header: { zh: words('值班', '班次'), en: 'Shifts' }, width: 0, value: (d) => d.shifts },
  { key: 'custodyStart', header: { zh: words('保管', '期起'), en: 'Custody from' }, width: 0, wrap: true, kind: 'datetime', value: (d) => d.custodyStart },
  {
    key: 'custodyEnd',
    header: { zh: words('保管', '期止'), en: 'Custody to' },
    width: DATETIME_WIDTH,
    wrap: true,
    kind: 'datetime',
    value: (d) => d.custodyEnd,
  },
  { key: 'custodyHours', header: CUSTODY_TIME, width: DURATION_WIDTH, kind: 'duration', value: (d) => d.custodyHours },
  { key: 'coveredHours', header: TIME_ON_DUTY, width: DURATION_WIDTH, kind: 'duration', value: (d) => d.coveredHours },
  // Wide enough for 100.0% (a narrower column shows ###).
  { key: 'coverage', header: { zh: '覆盖率', en: 'Coverage' }, width: 8, numFmt: '0.0%', value: (d) => Math.round(d.coverage * 1000) / 1000 },
  { key: 'gaps', count: true, header: { zh: '缺口（处）', en: 'Gaps' }, width: 8, value: (d) => d.gaps.length },
  { key: 'overlaps', count: true, header: { zh: '重叠（处）', en: 'Overlaps' }, width: 8, value: (d) => d.overlaps },
];

/** A stretch of custody with nobody on duty, numbered in its list. */
export type DutyGap = DutyCoverage['gaps'][number] & { n: number };

export const dutyGaps = (d: DutyCoverage): DutyGap[] => d.gaps.map((g, i) => ({ ...g, n: i + 1 }));

/**
 * Each stretch of custody with nobody on duty, under the duty row: its own
 * header, not the duty table's (保管期起 / 保管期止 …); its times under the
 * duty row's.
 */
export const DUTY_GAP_COLUMNS: ReadonlyArray<Column<DutyGap>> = [
  { key: 'n', header: { zh: '序号', en: 'No.' }, width: 0, value: (g) => g.n },
  { key: 'from', header: { zh: words('无人', '值班起'), en: 'Nobody on duty from' }, width: 0, wrap: true, kind: 'datetime', value: (g) => g.from },
  { key: 'to', header: { zh: words('无人', '值班止'), en: 'Nobody on duty to' }, width: 0, wrap: true, kind: 'datetime', value: (g) => g.to },
  { key: 'hours', header: { zh: '时长', en: 'Length' }, width: 0, kind: 'duration', value: (g) => g.hours },
];

export const OUTSTANDING_COLUMNS: ReadonlyArray<Column<OutstandingCheckout>> = [
  { key: 'row', header: { zh: words('出入库', '记录', '序号'), en: 'Log No.' }, width: 0, value: (o) => o.row },
  { key: 'paperNo', header: PAPER_NO, width: 0, value: (o) => o.paperNo },
  { key: 'takenAt', header: { zh: '取出于', en: 'Taken at' }, width: 0, wrap: true, kind: 'datetime', value: (o) => o.takenAt },
  { key: 'quantity', count: true, header: { zh: '件数', en: 'Quantity' }, width: 0, value: (o) => o.quantity },
  { key: 'unit', header: { zh: '计量', en: 'Unit' }, width: 0, words: UNIT_WORDS, value: (o) => o.unit },
  { key: 'taker', header: { zh: '取卷者', en: 'Taken by' }, width: NAMES_WIDTH, wrap: true, names: true, value: (o) => o.taker },
];

/** A finding on a sheet of several forms, with the form it stands in as the lists say it (“（出入库记录）”: form-place.ts). */
export type PlacedFinding = Finding & { formShown?: string };

/**
 * Where a finding is: its sheet and cell, its row in the form (序号 3; 附件5, which prints no 序号: 第3班), and on a sheet
 * of several forms which (review 19a D12).
 */
function placeOf(f: PlacedFinding, lang: Lang): string {
  const place = [at(f.sheet ?? null, f.cell ?? null), f.row === undefined ? '' : rowWords(f, lang)].filter(Boolean).join(' ');
  // On a line of its own: the narrow column broke “序号 2（出入库记录）” inside 序号 2.
  return f.formShown ? `${place}\n${f.formShown}` : place;
}

/**
 * The findings of one site. 说明 comes last: on the 汇总 sheet each line of
 * it is a row of its own, running on over the empty cells to the page's right
 * edge (src/io/xlsx/summary/site-findings.ts); its sheet and cell in one
 * column, 位置, that the message has the width of the rest.
 */
export const SITE_FINDING_COLUMNS: ReadonlyArray<Column<PlacedFinding>> = [
  { key: 'severity', header: { zh: words('严重', '程度'), en: 'Severity' }, width: 0, words: SEVERITY_WORDS, value: (f) => f.severity },
  { key: 'rule', header: { zh: '问题', en: 'Problem' }, width: 0, wrap: true, kind: 'rule', value: (f) => f.rule },
  { key: 'place', header: { zh: '位置', en: 'Where' }, width: 0, wrap: true, value: placeOf },
  { key: 'message', header: { zh: '说明', en: 'Message' }, width: 0, value: (f) => f.message },
];

/** The findings of one site counted by rule, when the findings themselves are not listed. */
export const RULE_COUNT_COLUMNS: ReadonlyArray<Column<[string, { severity: Finding['severity']; count: number }]>> = [
  { key: 'severity', header: { zh: words('严重', '程度'), en: 'Severity' }, width: 0, words: SEVERITY_WORDS, value: ([, v]) => v.severity },
  { key: 'rule', header: { zh: '问题', en: 'Problem' }, width: 0, wrap: true, kind: 'rule', value: ([rule]) => rule },
  { key: 'count', count: true, header: { zh: '处数', en: 'Count' }, width: 0, value: ([, v]) => v.count },
];

/** The counts readinessText names (the errors of one not ready, the warnings of one ready): a line beside it does not say them again. */
export function namedInReadiness(s: SiteSummary): { errors: boolean; warnings: boolean } {
  return { errors: !s.ready && s.findings.errors > 0, warnings: s.ready && s.findings.warnings > 0 };
}

/** 可以提交 / 暂不能提交 and why. */
export function readinessText(s: SiteSummary, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const warnings = s.findings.warnings;
  if (s.ready) {
    if (!warnings) return zh ? '可以提交' : 'Ready to submit';
    return zh ? `可以提交（另有 ${countShown(warnings)} 处提醒，请看一眼）` : `Ready to submit (${counted(warnings, 'warnings')} to look at)`;
  }
  const parts = [];
  if (s.findings.errors) parts.push(zh ? `${countShown(s.findings.errors)} 处错误` : counted(s.findings.errors, 'errors'));
  return zh ? `暂不能提交：${parts.join('，')}需改正` : `Not ready: ${parts.join(', ')} to correct`;
}
