/**
 * The tables of the consolidated summary, declared once (columns, and the row
 * of each item), for the CLI's workbook however it is fed: from memory or
 * from rows spooled to disk by worker threads. Raw values only: file names,
 * rule ids and times are shown by their column's kind when written.
 */
import { type Finding, rowShown } from '../model/finding';
import { ruleMeta } from '../rules';
import { Cell, Column, DATETIME_WIDTH, DURATION_WIDTH, Lang, rowOf, showDateTime, words } from './columns';
import type { FileOutcome, HandoverPair } from './consolidate';
import { CUSTODY_TIME, PAPER_COLUMNS, TIME_ON_DUTY } from './tables-site';
import type { PaperSummary } from './site';
import { DISAGREE_RULE } from './once-per-handover';
import { FIELD_WORDS, FileStatus, PAIR_STATUS_WORDS, SEVERITY_WORDS, STATUS_WORDS, fileStatus, levelShown, listOf, siteNameShown } from './words';
import {
  CUSTODY_FIGURE,
  DUTY_FIGURE,
  INTAKE_FIGURE,
  LOG_FIGURE,
  SCHEDULE_FIGURE,
  REGISTER_FIGURE,
  type NoneWhen,
  noneColumn,
  noneNotes,
  reasonUnder,
  formNoneWords,
  itemsUnreadAs,
  totalReasons,
  unitReasons,
} from './none-figures';
import { counted, singularOfOne } from '../rules/plural';
import { countShown } from '../model/count-shown';
import { notCustody, notCustodyWhy } from '../check/refusal';
import { type SetAsideLists, setAsideNote, setAsideOf } from './set-aside';
import { CAUSES, type CausePart, causeWords } from './causes';

export type Row = Cell[];

/* ------------------------------------------------------------------ 站点汇总 */

const statusOf = (f: Pick<FileOutcome, 'summary' | 'error'>): FileStatus =>
  fileStatus({ readable: Boolean(f.summary), errors: f.summary?.findings.errors ?? 0, error: f.error });

function noteOf(f: FileOutcome, lang: Lang): string {
  const s = f.summary;
  if (!s) return f.error ?? '';
  const gaps = s.duty.gaps.length;
  const out = s.outstanding.length;
  const zh = lang === 'zh';
  // Gaps of a duty log or a custody period not read are not known: its note says so instead.
  const dutyKnown = reasonUnder(unitReasons(s), DUTY_FIGURE) === undefined;
  return [
    gaps && dutyKnown ? (zh ? `值班缺口 ${gaps} 处` : singularOfOne(`${gaps} duty gaps`)) : '',
    out ? (zh ? `${countShown(out)} 次出库未还` : `${counted(out, 'checkouts')} not returned`) : '',
    ...noneNotes(s, lang),
  ]
    .filter(Boolean)
    .join(zh ? '；' : '; ');
}

const fig =
  (get: (s: NonNullable<FileOutcome['summary']>) => number) =>
  (f: FileOutcome): Cell =>
    f.summary ? get(f.summary) : null;

/**
 * A 站点汇总 column of a figure of the unit's vault (noneColumn): none where one of the unit's reasons is in `when.none`;
 * of a total of the papers' figure `of` (PAPER_COLUMNS key), only where a figure it adds is unknown (totalReasons); of
 * the unit's own (custody, duty), its unitReasons (review 22b D3).
 */
const vaultFig = (column: Column<FileOutcome> & { value: (f: FileOutcome) => Cell }, when: NoneWhen, of?: string): Column<FileOutcome> =>
  noneColumn(column, (f) => (of === undefined ? unitReasons(f.summary) : totalReasons(f.summary, of)), when);
/** 合计（袋）, first of 附件2's two figures: says 无入库清单 or 附件2 未能读取 over 试卷份数 (无保密室记录 is said from 出库次数 on, over more room). */
const BAGS_LEAD: NoneWhen = { ...INTAKE_FIGURE, says: ['noIntake', 'unreadIntake'] };
/** 出库次数, the first of a run of 附件3's figures: says 无保密室记录 or 附件3 未能读取. */
const VAULT_LEAD: NoneWhen = { ...LOG_FIGURE, says: ['noVault', 'unreadLog'] };
/** 保管时长, made from 附件2's 入库时间 and 附件3's last checkout: says 无保密室记录, 附件2 or 附件3 未能读取, or 考试安排 where a paper never left. */
const CUSTODY_LEAD: NoneWhen = { ...CUSTODY_FIGURE, says: ['noVault', 'unreadIntake', 'unreadLog', 'custodySchedule'] };
/** 值班覆盖时长, first of 附件5's figures: says 附件5 未能读取 (with 附件2 or 3 unread, 保管时长's word runs on over it). */
const DUTY_LEAD: NoneWhen = { ...DUTY_FIGURE, says: ['unreadDuty'] };

/**
 * One row per workbook, led by its unit as a superior reads it (分校, 单位,
 * 级别, 状态, the figures: the rows grouped by 分校, site-order.ts); its file
 * last, which tells two workbooks of one unit apart and names a file that
 * could not be read (its unit unknown).
 */
export const SITE_COLUMNS: ReadonlyArray<Column<FileOutcome>> = [
  // One name for a 分校 however its units write it (schoolsShown: its own workbook's); each unit's spelling of itself is its 单位.
  { key: 'school', header: { zh: '分校', en: 'Branch school' }, width: 6, wrap: true, value: (f) => f.schoolShown ?? f.summary?.site.school.trim() ?? '' },
  // A 考点 naming no 考点: said so (unnamedShown), not its 分校's name again.
  {
    key: 'unit',
    header: { zh: '单位', en: 'Unit' },
    width: 12,
    wrap: true,
    value: (f, lang) => (f.summary ? siteNameShown(f.summary.site, lang) : ''),
  },
  { key: 'level', header: { zh: '级别', en: 'Level' }, width: 5, wrap: true, value: (f, lang) => levelShown(f.summary?.site.level, lang) },
  // Each status on two lines at most (不是试卷 / 保密表单; at 7 wide it took three: 不是试 / 卷保密 / 表单).
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 7, wrap: true, words: STATUS_WORDS, wordsLines: 2, value: statusOf },
  { key: 'errors', count: true, header: { zh: '错误', en: 'Errors' }, width: 5, value: fig((s) => s.findings.errors) },
  { key: 'warnings', count: true, header: { zh: '警告', en: 'Warnings' }, width: 5, value: fig((s) => s.findings.warnings) },
  { key: 'papers', count: true, header: { zh: words('试卷', '种数'), en: 'Papers' }, width: 5, value: fig((s) => s.totals.papers) },
  vaultFig(
    { key: 'bags', count: true, header: { zh: '合计（袋）', en: 'Bags' }, width: 7, value: fig((s) => s.totals.bags.totalBags) },
    BAGS_LEAD,
    'totalBags',
  ),
  vaultFig(
    { key: 'copies', count: true, header: { zh: words('试卷', '份数'), en: 'Copies' }, width: 6, value: fig((s) => s.totals.copies) },
    INTAKE_FIGURE,
    'copies',
  ),
  vaultFig(
    { key: 'candidates', count: true, header: { zh: '考生数', en: 'Candidates' }, width: 6, value: fig((s) => s.totals.candidates) },
    { ...SCHEDULE_FIGURE, says: ['unreadSchedule'] },
    'candidates',
  ),
  vaultFig(
    { key: 'checkouts', count: true, header: { zh: words('出库', '次数'), en: 'Out' }, width: 5, value: fig((s) => s.totals.checkouts) },
    VAULT_LEAD,
    'checkouts',
  ),
  vaultFig(
    { key: 'returns', count: true, header: { zh: words('归还', '次数'), en: 'Returned' }, width: 5, value: fig((s) => s.totals.returns) },
    LOG_FIGURE,
    'returns',
  ),
  vaultFig(
    { key: 'bagsStillOut', count: true, header: { zh: '未还（袋）', en: 'Bags out' }, width: 7, value: fig((s) => s.totals.bagsStillOut) },
    LOG_FIGURE,
    'bagsStillOut',
  ),
  vaultFig(
    {
      key: 'bagsDispatched',
      count: true,
      header: { zh: words('移交', '送出（袋）'), en: 'Bags sent on' },
      width: 7,
      value: fig((s) => s.totals.bagsDispatched),
    },
    LOG_FIGURE,
    'bagsDispatched',
  ),
  vaultFig(
    { key: 'rooms', count: true, header: { zh: '考场次', en: 'Rooms' }, width: 5, value: fig((s) => s.totals.roomsServed) },
    { ...REGISTER_FIGURE, says: ['unreadRegister'] },
    'rooms',
  ),
  { key: 'handoversIn', count: true, header: { zh: words('接收', '交接单'), en: 'Handovers in' }, width: 5, value: fig((s) => s.handovers.in.length) },
  { key: 'handoversOut', count: true, header: { zh: words('移交', '交接单'), en: 'Handovers out' }, width: 5, value: fig((s) => s.handovers.out.length) },
  vaultFig({ key: 'custodyHours', header: CUSTODY_TIME, width: DURATION_WIDTH, kind: 'duration', value: fig((s) => s.duty.custodyHours) }, CUSTODY_LEAD),
  vaultFig({ key: 'coveredHours', header: TIME_ON_DUTY, width: DURATION_WIDTH, kind: 'duration', value: fig((s) => s.duty.coveredHours) }, DUTY_LEAD),
  // Wide enough for 100.0% (a narrower column shows ###).
  vaultFig(
    {
      key: 'coverage',
      header: { zh: '覆盖率', en: 'Coverage' },
      width: 8,
      numFmt: '0.0%',
      value: fig((s) => Math.round(s.duty.coverage * 1000) / 1000),
    },
    DUTY_FIGURE,
  ),
  vaultFig({ key: 'gaps', count: true, header: { zh: words('值班', '缺口'), en: 'Duty gaps' }, width: 5, value: fig((s) => s.duty.gaps.length) }, DUTY_FIGURE),
  { key: 'note', header: { zh: '说明', en: 'Note' }, width: 15, wrap: true, value: noteOf },
  // 文件 and 说明 two narrower than they were, for the lengths of time to fit (DURATION_WIDTH): one page wide at 9 pt, less where names whole need it.
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 14, wrap: true, kind: 'file', value: (f) => f.file },
];

const SITE_NOTE = SITE_COLUMNS.findIndex((c) => c.key === 'note');
const SITE_STATUS = SITE_COLUMNS.findIndex((c) => c.key === 'status');

/**
 * A 站点汇总 row (raw) of a workbook of another semester than the run's: its 说明 says so first, for
 * its figures are in no total (the run's semester is known only once every workbook is read).
 */
function markSetAside(row: Row, said: string, lang: Lang): Row {
  const note = row[SITE_NOTE];
  row[SITE_NOTE] = note ? `${said}${lang === 'zh' ? '；' : '; '}${note}` : said;
  return row;
}

/** A 站点汇总 row set aside: its 状态 said so, its 说明 first saying why (another semester; the unit's workbook counted). */
export function setAsideMarked(row: Row, file: string, totals: SetAsideLists, lang: Lang): Row {
  const aside = setAsideOf(file, totals);
  // Its 状态 too, as 文件清单 and the JSON say it (a workbook not read is never set aside).
  if (aside) row[SITE_STATUS] = aside;
  const said = setAsideNote(file, totals, lang);
  return said ? markSetAside(row, said, lang) : row;
}

/** Each semester the workbooks name, once, in the order met: 站点汇总's title says them (SITES_TITLE). */
export const semestersOf = (semesters: Iterable<string | undefined>): string[] => [...new Set([...semesters].filter((x): x is string => Boolean(x)))];

/* ------------------------------------------------------------------ 文件清单 */

/** One input file as 文件清单 lists it: the only place its SHA-256 is printed. */
export interface FileListing {
  file: string;
  site: string;
  status: FileStatus;
  sha256: string | null;
  note: string;
}

/** A file's 文件清单 row: a workbook set aside says why in its 说明, as its 站点汇总 row does (setAsideNote; was empty). */
export const listingOf = (f: FileOutcome, lang: Lang = 'zh', totals?: SetAsideLists): FileListing => ({
  file: f.file,
  site: f.summary ? siteNameShown(f.summary.site, lang) : '',
  status: f.summary && totals ? (setAsideOf(f.file, totals) ?? statusOf(f)) : statusOf(f),
  sha256: f.sha256,
  note: f.error ?? (f.summary && totals ? setAsideNote(f.file, totals, lang) : undefined) ?? '',
});

export const FILE_COLUMNS: ReadonlyArray<Column<FileListing>> = [
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 30, wrap: true, kind: 'file', value: (f) => f.file },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 14, wrap: true, value: (f) => f.site },
  // Wrapped: 不是试卷保密表单 is wider than the column, and the SHA-256 beside it leaves it no room to run on.
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, wrap: true, words: STATUS_WORDS, value: (f) => f.status },
  { key: 'sha256', header: { zh: 'SHA-256（文件指纹）', en: 'SHA-256' }, width: 68, value: (f) => f.sha256 ?? '' },
  { key: 'note', header: { zh: '说明', en: 'Note' }, width: 24, wrap: true, value: (f) => f.note },
];

/* ------------------------------------------------------------------ 试卷明细 */

export interface PaperDetail {
  file: string;
  site: string;
  paper: PaperSummary;
}

export const PAPER_DETAIL_COLUMNS: ReadonlyArray<Column<PaperDetail>> = [
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 12, wrap: true, kind: 'file', value: (d) => d.file },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 10, wrap: true, value: (d) => d.site },
  ...PAPER_COLUMNS.map((c): Column<PaperDetail> => ({ ...c, value: (d, lang) => c.value!(d.paper, lang) })),
];

/** The 试卷明细 rows of one file (`lang`: how a list of rooms is joined). */
export function paperRowsOf(f: FileOutcome, lang: Lang = 'zh'): Row[] {
  const s = f.summary;
  // A 考点 naming no 考点: as 站点汇总's 单位 says it (siteNameShown), not its 分校's name.
  const site = s ? siteNameShown(s.site, lang) : '';
  return s ? s.papers.map((paper) => rowOf(PAPER_DETAIL_COLUMNS, { file: f.file, site, paper }, lang)) : [];
}

/* ------------------------------------------------------------------ 交接配对 */

/** Why a copy's 交接明细 were not compared, in 差异: each cause (CAUSES), joined — 未能读取，且有格子显示错误值. */
const ITEMS_SAID: Record<CausePart, Record<Lang, string>> = {
  unread: { zh: '未能读取', en: 'could not be read' },
  error: { zh: '有格子显示错误值', en: 'show an error value' },
  several: { zh: '有一行写了几个试卷号', en: 'write several papers on a row' },
  corrected: { zh: '有数量写了更正', en: 'have a count corrected beside it' },
};

/** What differs in a disagreeing pair, or what is missing, with times shown as dates people read. */
export function describePair(p: HandoverPair, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  if (p.status === 'matched') {
    // A copy whose 交接明细 could not be read (review 21 D4): its items and 合计 were not compared, not found alike.
    // Or read, a cell of them showing an error value (review 22): said so, not 未能读取.
    const copies = [
      { who: zh ? '移交方' : 'sender’s', as: p.sender?.itemsUnread },
      { who: zh ? '接收方' : 'receiver’s', as: p.receiver?.itemsUnread },
    ];
    // Or both at once (附件1 未能读取、显示错误值): each cause, never 一致 with no word (fix-semester25 item 4).
    const said = CAUSES.flatMap((cause) => {
      const who = copies.filter((c) => c.as !== undefined && (c.as === true ? 'unread' : c.as) === cause).map((c) => c.who);
      if (!who.length) return [];
      const words = causeWords(cause, ITEMS_SAID, { zh: '，且', en: ' and ' });
      return [zh ? `${who.join('、')}副本的交接明细${words.zh}` : `the ${who.join(' and ')} copy’s items ${words.en}`];
    });
    if (!said.length) return zh ? '两份副本一致' : 'The two copies agree';
    return zh ? `其余各栏一致；${said.join('，')}，明细和合计没有核对` : `The other fields agree; ${said.join('; ')}: items and total not checked`;
  }
  if (p.status === 'disagree') {
    const v = (field: string, x: string) => (field === 'time' ? showDateTime(x, lang) : x) || (zh ? '（空）' : '(blank)');
    return p.differences
      .map((d) =>
        zh
          ? `${FIELD_WORDS[d.field].zh}：移交方“${v(d.field, d.sender)}”，接收方“${v(d.field, d.receiver)}”`
          : `${FIELD_WORDS[d.field].en}: sender “${v(d.field, d.sender)}”, receiver “${v(d.field, d.receiver)}”`,
      )
      .join(zh ? '；' : '; ');
  }
  const unit = p.status === 'sender-only' ? p.to : p.from;
  if (!zh) {
    const other = p.status === 'sender-only' ? 'receiver' : 'sender';
    return p.counterpartProvided
      ? `The ${other}'s (${unit}) workbook has no copy of this slip`
      : `The ${other}'s (${unit}) workbook was not given: not checked`;
  }
  const other = p.status === 'sender-only' ? '接收方' : '移交方';
  return p.counterpartProvided ? `${other}（${unit}）的工作簿中没有这张交接单` : `未提供${other}（${unit}）的工作簿，无法核对`;
}

/** The fields that differ, listed. */
const differingFields = (p: HandoverPair, lang: Lang): string =>
  listOf(
    p.differences.map((d) => FIELD_WORDS[d.field][lang]),
    lang,
  );

/** A copy's 合计 as written; blank when the copy left it empty, null when there is no such copy; not read with its 交接明细: said so. */
const totalAsWritten = (c: HandoverPair['sender']): number | string | null => (c ? (c.total ?? (c.itemsUnread ? itemsUnreadAs(c.itemsUnread) : '')) : null);
const UNREAD_TOTAL = formNoneWords('unreadHandover');

const sheetAt = (c: HandoverPair['sender']): string => (c?.sheet ? `${c.sheet}!${c.cell ?? ''}` : '');

export const PAIR_COLUMNS: ReadonlyArray<Column<HandoverPair>> = [
  { key: 'from', header: { zh: words('移交', '单位'), en: 'From' }, width: 10, wrap: true, value: (p) => p.from },
  { key: 'to', header: { zh: words('接收', '单位'), en: 'To' }, width: 10, wrap: true, value: (p) => p.to },
  { key: 'status', header: { zh: words('核对', '结果'), en: 'Result' }, width: 8, wrap: true, words: PAIR_STATUS_WORDS, value: (p) => p.status },
  {
    key: 'fields',
    header: { zh: words('不一致的', '栏目'), en: 'Fields that differ' },
    width: 12,
    wrap: true,
    value: differingFields,
  },
  {
    key: 'senderTime',
    header: { zh: words('移交方', '时间'), en: 'Sender time' },
    width: DATETIME_WIDTH,
    wrap: true,
    kind: 'datetime',
    value: (p) => p.sender?.time ?? '',
  },
  {
    key: 'receiverTime',
    header: { zh: words('接收方', '时间'), en: 'Receiver time' },
    width: DATETIME_WIDTH,
    wrap: true,
    kind: 'datetime',
    value: (p) => p.receiver?.time ?? '',
  },
  // Each copy's 合计 as its signers wrote it (not the sum of its items): the figure 差异 quotes when the totals differ.
  {
    key: 'senderTotal',
    header: { zh: words('移交方', '合计（照填）'), en: 'Sender total as written' },
    width: 10,
    words: UNREAD_TOTAL,
    value: (p) => totalAsWritten(p.sender),
  },
  {
    key: 'receiverTotal',
    header: { zh: words('接收方', '合计（照填）'), en: 'Receiver total as written' },
    width: 10,
    words: UNREAD_TOTAL,
    value: (p) => totalAsWritten(p.receiver),
  },
  // Narrower than it was, for the two times to fit on one line each: the table still prints one page wide at 9 pt or more.
  { key: 'differences', header: { zh: '差异', en: 'Differences' }, width: 28, wrap: true, value: describePair },
  {
    key: 'senderFile',
    header: { zh: words('移交方', '副本（文件）'), en: 'Sender copy (file)' },
    width: 12,
    wrap: true,
    kind: 'file',
    value: (p) => p.sender?.file ?? '',
  },
  { key: 'senderSheet', header: { zh: words('移交方', '工作表'), en: 'Sender sheet' }, width: 10, wrap: true, value: (p) => sheetAt(p.sender) },
  {
    key: 'receiverFile',
    header: { zh: words('接收方', '副本（文件）'), en: 'Receiver copy (file)' },
    width: 12,
    wrap: true,
    kind: 'file',
    value: (p) => p.receiver?.file ?? '',
  },
  { key: 'receiverSheet', header: { zh: words('接收方', '工作表'), en: 'Receiver sheet' }, width: 10, wrap: true, value: (p) => sheetAt(p.receiver) },
];

/* ------------------------------------------------------------------ 问题清单 */

/** One line of 问题清单: a finding of one file, or one disagreeing handover pair. */
export interface FindingItem {
  file: string;
  site: string;
  finding: Finding;
}

export const FINDING_COLUMNS: ReadonlyArray<Column<FindingItem>> = [
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 14, wrap: true, kind: 'file', value: (x) => x.file },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 10, wrap: true, value: (x) => x.site },
  { key: 'severity', header: { zh: words('严重', '程度'), en: 'Severity' }, width: 5, wrap: true, words: SEVERITY_WORDS, value: (x) => x.finding.severity },
  { key: 'rule', header: { zh: '问题', en: 'Problem' }, width: 14, wrap: true, kind: 'rule', value: (x) => x.finding.rule },
  // Form 0 (基本信息, 考试安排, 涉卷人员) is no 附件: its sheet names it.
  { key: 'form', header: { zh: '附件', en: 'Form' }, width: 5, value: (x) => x.finding.form || null },
  { key: 'sheet', header: { zh: '工作表', en: 'Sheet' }, width: 10, wrap: true, value: (x) => x.finding.sheet },
  { key: 'cell', header: { zh: '单元格', en: 'Cell' }, width: 6, value: (x) => x.finding.cell },
  // 附件5 prints no 序号: its rows are said as shifts (第3班).
  { key: 'row', header: { zh: '序号/班次', en: 'No. / shift' }, width: 5, value: (x, lang) => rowShown(x.finding, lang) },
  { key: 'message', header: { zh: '说明', en: 'Message' }, width: 52, wrap: true, value: (x) => x.finding.message },
  // 依据 quotes a clause of 100–130 characters: 20 wide, it took 7 lines a finding, 3 findings a page. As wide as the sheet
  // allows printed one page wide at 9 pt in English too (its 严重程度 is wider).
  { key: 'clause', header: { zh: '依据', en: 'Source' }, width: 54, wrap: true, value: (x) => x.finding.clause },
];

/**
 * The 问题清单 rows of one file: its findings, or why it could not be read.
 * A handover whose two copies disagree is one problem on each side's copy
 * however many fields differ, as the file's count has it: one row, saying
 * every field that differs (`withPairFindings`).
 */
export function findingRowsOf(
  f: Pick<FileOutcome, 'file' | 'error' | 'findings'> & { site?: string },
  pairs: readonly HandoverPair[] = [],
  lang: Lang = 'zh',
): Row[] {
  const site = f.site ?? '';
  if (f.error) {
    // A workbook read but not ours (no form in it) is said as such, not as unreadable: its title says 不是试卷保密表单.
    const ours = !notCustody(f.error);
    const finding: Finding = {
      rule: ours ? 'unreadable-file' : 'not-custody-workbook',
      severity: 'error',
      form: null,
      sheet: null,
      cell: null,
      row: null,
      // The 问题 column already says 工作簿无法读取 or 不是试卷保密表单 (the titles): the message is the reason alone.
      message: ours ? f.error : notCustodyWhy(f.error),
      clause: '',
    };
    return [rowOf(FINDING_COLUMNS, { file: f.file, site, finding })];
  }
  return withPairFindings(f.file, f.findings, pairs, lang).map((finding) => rowOf(FINDING_COLUMNS, { file: f.file, site, finding }, lang));
}

/** The one finding of a disagreeing pair, at one side's copy, with the fields that differ. */
function pairFinding(p: HandoverPair, side: NonNullable<HandoverPair['sender']>, lang: Lang): Finding {
  return {
    rule: DISAGREE_RULE,
    severity: 'error',
    form: 1,
    sheet: side.sheet,
    cell: side.cell,
    row: null,
    message:
      lang === 'zh'
        ? `${p.from} 移交 ${p.to} 的交接单，双方留存的两份不一致（${differingFields(p, lang)}）：${describePair(p, lang)}。请双方核对后改正，见“交接配对”。`
        : `The handover slip from ${p.from} to ${p.to}: the two copies kept disagree (${differingFields(p, lang)}): ${describePair(p, lang)}. Both sides should check and correct it; see “Handover pairs”.`,
    clause: ruleMeta(DISAGREE_RULE)?.clause ?? '',
  };
}

/**
 * A file's findings as its 汇总 sheet and 问题清单 list them: each disagreeing
 * pair it holds a copy of once, where its own field findings were, saying
 * every field that differs.
 */
export function withPairFindings(file: string, findings: readonly Finding[], pairs: readonly HandoverPair[], lang: Lang = 'zh'): Finding[] {
  const mine = new Map<string, Finding>();
  for (const p of pairs) {
    if (p.status !== 'disagree') continue;
    for (const side of [p.sender, p.receiver]) if (side?.file === file) mine.set(side.sheet ?? '', pairFinding(p, side, lang));
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const pair = f.rule === DISAGREE_RULE ? mine.get(f.sheet ?? '') : undefined;
    if (!pair) out.push(f);
    else if (!out.includes(pair)) out.push(pair);
  }
  return out;
}

/** Findings counted by rule for 总览, each one (`disagreeCountedPerCopy` then counts a disagreeing handover once per copy). */
export function countByRule(
  findings: Iterable<Finding>,
  into = new Map<string, { errors: number; warnings: number }>(),
): Map<string, { errors: number; warnings: number }> {
  for (const x of findings) {
    const e = into.get(x.rule) ?? { errors: 0, warnings: 0 };
    if (x.severity === 'error') e.errors++;
    else e.warnings++;
    into.set(x.rule, e);
  }
  return into;
}

/** The per-rule counts with each disagreeing handover counted once on each side's copy, as the sites' counts have it (not once per field). */
export function disagreeCountedPerCopy(
  byRule: ReadonlyMap<string, { errors: number; warnings: number }>,
  pairs: readonly HandoverPair[],
): Map<string, { errors: number; warnings: number }> {
  const out = new Map(byRule);
  let copies = 0;
  for (const p of pairs) if (p.status === 'disagree') copies += Number(Boolean(p.sender)) + Number(Boolean(p.receiver));
  if (copies) out.set(DISAGREE_RULE, { errors: copies, warnings: 0 });
  return out;
}
