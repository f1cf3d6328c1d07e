/**
 * Every word the summaries print that is not a column header (headers are
 * declared with their columns): status words, severities, the results of
 * pairing, sheet names, titles, sections, notes and the signature line, in
 * Chinese and English, declared once. The xlsx writers, the conditional
 * formats that test these words, the spool, the CLI and the pane all draw
 * from here, so that a word and the formula that looks for it never drift.
 */
import type { Lang } from '../rules/types';
import { counted, singularOfOne } from '../rules/plural';
import type { PairStatus } from './consolidate';
import type { AbsentReceiver } from './absent-receivers';
import { type Level, levelOf } from '../model/custody';
import { semesterShown } from '../model/semester';
import { showDateTime, showDuration, words } from './columns';
import type { DutyCoverage } from './duty';
import type { UnnamedSite } from './error-cells';
import { countShown } from '../model/count-shown';
import { notCustody } from '../check/refusal';
import type { FileStatus } from '../model/finding';

export type Words<K extends string> = Record<K, Record<Lang, string>>;

/**
 * A unit's workbook: ready to submit, to be corrected, not read at all — could not be read (`unreadable`), or read
 * but holding none of the forms (`notCustody`: not damaged, and 无法读取 would say it is; check/refusal.ts notCustody) —
 * or read and set aside, its papers in no figure of the run (set-aside.ts): of another semester than the run's
 * (`otherSemester`, workbook-of-another-semester) or a unit's second workbook of the semester (`repeatedUnit`,
 * unit-workbook-twice). One code a file, the JSON's `status` (FILE_STATUSES, README), shown as 文件清单 and 站点汇总 show it.
 */
export type { FileStatus };

/** Why a readable workbook is set aside (its status then, whatever its findings). */
export type SetAside = Extract<FileStatus, 'otherSemester' | 'repeatedUnit'>;

export const STATUS_WORDS: Words<FileStatus> = {
  ready: { zh: '可以提交', en: 'Ready to submit' },
  fix: { zh: '需改正', en: 'To be corrected' },
  unreadable: { zh: '无法读取', en: 'Unreadable' },
  notCustody: { zh: '不是试卷保密表单', en: 'Not a custody workbook' },
  otherSemester: { zh: '属另一学期', en: 'Other semester' },
  repeatedUnit: { zh: '同单位第二本', en: 'Unit’s second workbook' },
};

/**
 * How many workbooks of a status a head line counts among those it summarised (“其中 1 个属另一学期”): the status's
 * words (STATUS_WORDS), so that the CLI's line, 总览 and 文件清单 say one thing.
 */
export const SET_ASIDE_COUNT_WORDS: Record<SetAside, Record<Lang, (n: string) => string>> = {
  otherSemester: { zh: (n) => `${n} 个${STATUS_WORDS.otherSemester.zh}`, en: (n) => `${n} of another semester` },
  repeatedUnit: { zh: (n) => `${n} 个${STATUS_WORDS.repeatedUnit.zh}`, en: (n) => `${n} ${n === '1' ? 'unit’s second workbook' : 'units’ second workbooks'}` },
};

/** Every status code, in the order README lists them. */
export const FILE_STATUSES = Object.keys(STATUS_WORDS) as FileStatus[];

/** The status of a file from what was found in it (`error`: the one line of a file not read, check/refusal.ts; `aside`: why it is set aside). */
export function fileStatus(f: { readable: boolean; errors: number; error?: string; aside?: SetAside }): FileStatus {
  if (!f.readable) return notCustody(f.error ?? '') ? 'notCustody' : 'unreadable';
  if (f.aside) return f.aside;
  return f.errors === 0 ? 'ready' : 'fix';
}

/** The rule whose finding says a workbook is set aside, by why (a workbook of another semester said first, as 站点汇总's 说明 says it). */
const ASIDE_RULES: ReadonlyArray<readonly [string, SetAside]> = [
  ['workbook-of-another-semester', 'otherSemester'],
  ['unit-workbook-twice', 'repeatedUnit'],
];

/**
 * A findings report's status (`validate --format json`, the pane's export), from its own error and findings: the
 * same as the summary's tables give it from their totals (setRunSemester, setRepeatedUnits), whose findings these are.
 */
export function reportStatus(r: { error?: string; findings: ReadonlyArray<{ rule: string; severity: string }> }): FileStatus {
  const aside = ASIDE_RULES.find(([rule]) => r.findings.some((f) => f.rule === rule))?.[1];
  return fileStatus({ readable: r.error === undefined, errors: r.findings.some((f) => f.severity === 'error') ? 1 : 0, error: r.error, aside });
}

export const SEVERITY_WORDS: Words<'error' | 'warning'> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
};

export const PAIR_STATUS_WORDS: Words<PairStatus> = {
  matched: { zh: '一致', en: 'Match' },
  disagree: { zh: '不一致', en: 'Disagree' },
  'sender-only': { zh: '仅移交方副本', en: "Sender's copy only" },
  'receiver-only': { zh: '仅接收方副本', en: "Receiver's copy only" },
};

export const DIRECTION_WORDS: Words<'in' | 'out'> = {
  in: { zh: '接收', en: 'Received' },
  out: { zh: '移交', en: 'Handed over' },
};

/** The fields of a handover slip that two copies are compared on. */
export const FIELD_WORDS: Words<'time' | 'from' | 'to' | 'quantity' | 'total' | 'items' | 'address' | 'contact' | 'fromSigners' | 'toSigners'> = {
  time: { zh: '交接时间', en: 'handover time' },
  from: { zh: '移交单位', en: 'sending unit' },
  to: { zh: '接收单位', en: 'receiving unit' },
  quantity: { zh: '数量（明细之和）', en: 'quantity (sum of items)' },
  items: { zh: '交接明细', en: 'items' },
  total: { zh: '合计', en: 'total' },
  address: { zh: '接收地址', en: 'address' },
  contact: { zh: '联系人', en: 'contact' },
  fromSigners: { zh: '移交人', en: 'handed over by' },
  toSigners: { zh: '接收人', en: 'received by' },
};

/** The sheets of the consolidated summary. */
export const SHEET_WORDS: Words<'overview' | 'sites' | 'files' | 'papers' | 'pairs' | 'findings' | 'site'> = {
  overview: { zh: '总览', en: 'Overview' },
  sites: { zh: '站点汇总', en: 'Sites' },
  files: { zh: '文件清单', en: 'Files' },
  papers: { zh: '试卷明细', en: 'Papers' },
  pairs: { zh: '交接配对', en: 'Handover pairs' },
  findings: { zh: '问题清单', en: 'Findings' },
  site: { zh: '汇总', en: 'Summary' },
};

/** The sheets by which a consolidated summary is recognised (in either language). */
export const SUMMARY_SHEET_SETS: ReadonlyArray<readonly string[]> = (['zh', 'en'] as const).map((lang) =>
  (['overview', 'sites', 'pairs', 'findings'] as const).map((k) => SHEET_WORDS[k][lang]),
);

/** The title atop 站点汇总: what it is, and the semesters of the units' workbooks (none named: no semester). */
export const SITES_TITLE: Record<Lang, (semesters: readonly string[]) => string> = {
  zh: (semesters) => `${semesters.length ? `${semesters.join('、')}学期` : ''}各单位试卷保管汇总`,
  en: (semesters) => `Exam-paper custody by unit${semesters.length ? `, ${semesters.map((x) => semesterShown(x, 'en')).join(', ')}` : ''}`,
};

/**
 * Atop 总览's list of the workbooks of another semester than the run's (workbook-of-another-semester): that
 * their papers are in none of its figures; `more`: those past the list, counted (every one is in 检查结果).
 */
export const OTHER_SEMESTER_WORDS: Record<Lang, { head: (main: string, n: number) => string; more: (n: number) => string }> = {
  zh: {
    head: (main, n) =>
      `注意：以下 ${countShown(n)} 个工作簿不是${main}学期（其他工作簿的学期）的，其试卷未计入本页和按单位级别的合计（见检查结果“工作簿属另一学期”）：`,
    more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
  },
  en: {
    head: (main) =>
      `Note: the workbooks below are not of ${semesterShown(main, 'en')}, the semester of the others; their papers are in none of this page’s figures (see the finding “Workbook of another semester”):`,
    more: (n) => `${countShown(n)} more: see the findings`,
  },
};

/**
 * What the second workbooks (totals' repeatedUnits) share with those counted, so that the lines atop their lists say what is
 * true of each: `unit`, all a unit's of one semester; `noUnit`, all naming no unit, set aside beside the same records; `both`.
 */
export type RepeatKind = 'unit' | 'noUnit' | 'both';

export function repeatKindOf(repeated: ReadonlyArray<{ noUnit?: true }>): RepeatKind {
  const noUnit = repeated.filter((o) => o.noUnit).length;
  return noUnit === 0 ? 'unit' : noUnit === repeated.length ? 'noUnit' : 'both';
}

/** Why the workbooks listed are set aside (RepeatKind), in the middle of the lines atop their lists. */
const REPEAT_WHY: Record<Lang, Record<RepeatKind, string>> = {
  zh: {
    unit: '与另一本是同一单位同一学期的，每个单位只计一本',
    noUnit: '与另一本记的内容完全相同（基本信息读不出是哪个单位），两本只计一本',
    both: '与另一本是同一单位同一学期的，或与另一本记的内容完全相同（基本信息读不出是哪个单位），都只计其中一本',
  },
  en: {
    unit: 'are of the same unit and semester as another; each unit is counted once',
    noUnit: 'hold the same records as another (基本信息 names no unit); the two are counted once',
    both: 'are of the same unit and semester as another, or hold the same records as another (基本信息 names no unit); each pair is counted once',
  },
};

/** The CLI's English line names what is counted once. */
const REPEAT_SUBJECT_EN: Record<RepeatKind, string> = {
  unit: "a unit's workbook of one semester given twice",
  noUnit: 'a workbook holding the same records as another (基本信息 names no unit)',
  both: "a unit's workbook of one semester given twice, or one holding the same records as another (基本信息 names no unit),",
};

/**
 * What 总览 (`head`) and the CLI (`lead`, before its list) say of a unit's second workbooks (unit-workbook-twice), by what
 * they share with the one counted (RepeatKind); `counted`, beside each, the file counted in its place and whether the two
 * hold the same records (a re-save, to be deleted) or differ (to be compared), as the finding says; `more`: those past it.
 */
type RepeatedWords = { head: RepeatHead; lead: RepeatHead; counted: (file: string, same: boolean) => string; more: (n: number) => string };
type RepeatHead = (n: number, kind: RepeatKind) => string;
export const REPEATED_UNIT_WORDS: Record<Lang, RepeatedWords> = {
  zh: {
    head: (n, kind) => `注意：以下 ${countShown(n)} 个工作簿${REPEAT_WHY.zh[kind]}，其试卷未计入本页和按单位级别的合计：`,
    lead: (n, kind) => `注意：以下 ${countShown(n)} 个工作簿${REPEAT_WHY.zh[kind]}，其试卷未计入下面的合计：`,
    counted: (file, same) => (same ? `与 ${file} 内容相同，只计入 ${file}` : `与 ${file} 内容不同，只计入 ${file}，请核对两本`),
    more: (n) => `另有 ${countShown(n)} 个，见检查结果`,
  },
  en: {
    head: (_n, kind) => `Note: the workbooks below ${REPEAT_WHY.en[kind]}, so their papers are in none of this page’s figures:`,
    lead: (_n, kind) => `Note: ${REPEAT_SUBJECT_EN[kind]} is counted once; left out of the papers' figures below: `,
    counted: (file, same) =>
      same ? `the same records as ${file}; ${file} counted instead` : `records differ from ${file}; ${file} counted instead: compare the two`,
    more: (n) => `${countShown(n)} more: see the findings`,
  },
};

/**
 * What the CLI and 总览 say of handovers sent to units whose workbooks are not in the run (summary/absent-receivers.ts):
 * `sent`, beside the sender on 总览, the receiver and the bags (and the slips, when more than one); `item`, the same
 * with the sender, in the CLI's `line` (`more`: those past the ones named); `head`, atop 总览's list; `more`, those past it.
 */
type AbsentWords = {
  sent: (a: AbsentReceiver) => string;
  item: (a: AbsentReceiver) => string;
  line: (named: string[], more: number) => string;
  head: string;
  more: (n: number) => string;
};
const slips = (a: AbsentReceiver, zh: boolean): string =>
  a.handovers < 2 ? '' : zh ? `（${countShown(a.handovers)} 张交接单）` : ` (${countShown(a.handovers)} slips)`;
export const ABSENT_RECEIVER_WORDS: Record<Lang, AbsentWords> = {
  zh: {
    sent: (a) => `交给${a.to} ${countShown(a.bags)} 袋${slips(a, true)}`,
    item: (a) => `${a.from}交给${a.to} ${countShown(a.bags)} 袋${slips(a, true)}`,
    line: (named, more) =>
      `注意：${named.join('、')}${more ? ` 等 ${named.length + more} 处` : ''}，接收单位的工作簿不在本次汇总中，这些交接单只有移交方的副本，无法核对（见“交接配对”）。`,
    head: '注意：以下单位移交的试卷，接收单位的工作簿不在本次汇总中，这些交接单只有移交方的副本，无法核对（见“交接配对”）：',
    more: (n) => `另有 ${countShown(n)} 处，见“交接配对”`,
  },
  en: {
    sent: (a) => `${countShown(a.bags)} bags to ${a.to}${slips(a, false)}`,
    item: (a) => `${a.from} handed ${countShown(a.bags)} bags to ${a.to}${slips(a, false)}`,
    line: (named, more) =>
      `Note: ${named.join('; ')}${more ? `; and ${countShown(more)} more` : ''}: the receiving units’ workbooks are not in this summary, so these handover slips have only the sender’s copy and are not checked (see “Handover pairs”).`,
    head: 'Note: the units below handed papers over to units whose workbooks are not in this summary: these slips have only the sender’s copy and are not checked (see “Handover pairs”):',
    more: (n) => `${countShown(n)} more: see “Handover pairs”`,
  },
};

/**
 * 站点汇总's 说明 of a workbook of another semester, first in the cell; the sheet greys the row by
 * `mark` (a conditional format looks for it).
 */
export const OTHER_SEMESTER_ROW: Record<Lang, { note: (semester: string) => string; mark: string }> = {
  zh: { note: (semester) => `${semester} 的工作簿，未计入合计`, mark: '未计入合计' },
  en: {
    note: (semester) => `${/^[AEIOU]/.test(semesterShown(semester, 'en')) ? 'An' : 'A'} ${semesterShown(semester, 'en')} workbook, not in the totals`,
    mark: 'not in the totals',
  },
};

/**
 * Under a site's duty row, where the vault held papers in more than one stretch (DutyCoverage.periods): the custody
 * time is theirs added up, not the span from the first intake to the last checkout, which the row also shows.
 */
const CUSTODY_PERIODS_WORDS: Record<Lang, (stretches: string[]) => string> = {
  zh: (stretches) => `保管期分 ${countShown(stretches.length)} 段（段与段之间保密室没有试卷，不计入保管时长）：${stretches.join('；')}`,
  en: (stretches) =>
    `Custody in ${countShown(stretches.length)} stretches (no papers in the vault between them, not counted in the custody time): ${stretches.join('; ')}`,
};

/** A stretch of custody as the pane and the 汇总 sheet say it: “6月14日 10:10 至 6月16日 07:50（45小时40分）”. */
export function custodyStretch(from: string | null, to: string | null, hours: number, lang: Lang): string {
  const [until, open, close] = lang === 'zh' ? [' 至 ', '（', '）'] : [' to ', ' (', ')'];
  return `${showDateTime(from, lang)}${until}${showDateTime(to, lang)}${open}${showDuration(hours, lang)}${close}`;
}

/** The line on a site's stretches of custody (CUSTODY_PERIODS_WORDS), or undefined for one stretch. */
export function custodyPeriodsLine(d: Pick<DutyCoverage, 'periods'>, lang: Lang): string | undefined {
  return d.periods && CUSTODY_PERIODS_WORDS[lang](d.periods.map((p) => custodyStretch(p.from, p.to, p.hours, lang)));
}

/**
 * Under a site's paper table, when bags were taken out to be destroyed (model/disposal.ts): which, and that they
 * are in neither 未还 nor 在库 — the table's 在库 is then short of 袋数合计 by them, with nothing else saying why.
 */
export function destroyedLine(papers: ReadonlyArray<{ paperNo: string; bagsDestroyed: number }>, lang: Lang): string | undefined {
  const destroyed = papers.filter((p) => p.bagsDestroyed > 0);
  if (destroyed.length === 0) return undefined;
  if (lang === 'en') {
    const list = destroyed.map((p) => `paper ${p.paperNo}, ${counted(p.bagsDestroyed, 'bags')}`).join('; ');
    return `Taken out to be destroyed (the vault log’s note says so, after the exams): ${list}. Counted neither as out nor in the vault; keep the signed record of the destruction with these forms.`;
  }
  const list = destroyed.map((p) => `试卷 ${p.paperNo} ${countShown(p.bagsDestroyed)} 袋`).join('、');
  return `考后出库销毁（出入库记录的备注写明）：${list}。不计入未还袋数和在库袋数；请把签字的销毁记录与本表一并留存。`;
}

/**
 * 站点汇总's 说明 of a unit's second workbook: the file counted in its place; OTHER_SEMESTER_ROW's mark greys the row alike.
 * `noUnit`: a workbook naming no unit, set aside beside one of the same records (unit-workbook-twice sameNoUnit): said
 * so, not 同一单位, which nothing shows.
 */
export const REPEATED_UNIT_ROW: Record<Lang, (file: string, same: boolean, noUnit?: boolean) => string> = {
  zh: (file, same, noUnit) =>
    noUnit
      ? `与 ${file} 记的内容完全相同（基本信息读不出是哪个单位），${OTHER_SEMESTER_ROW.zh.mark}（只计入 ${file}）`
      : `与 ${file} 是同一单位同一学期的工作簿，${OTHER_SEMESTER_ROW.zh.mark}（只计入 ${file}${same ? '，两本内容相同' : '，两本内容不同，请核对'}）`,
  en: (file, same, noUnit) =>
    noUnit
      ? `The same records as ${file} (基本信息 names no unit), ${OTHER_SEMESTER_ROW.en.mark} (${file} counted)`
      : `Same unit and semester as ${file}, ${OTHER_SEMESTER_ROW.en.mark} (${file} counted${same ? '; the same records' : '; the records differ: compare the two'})`,
};

/** Lists in running text. */
export const listOf = (items: readonly string[], lang: Lang): string => items.join(lang === 'zh' ? '、' : ', ');

/**
 * A 站点汇总 说明 too long for its row (review 22b D1: 200-odd characters in a column 10 wide reached Excel's 409-pt
 * row and were cut off, on screen and in print): its cell points to the note under the table (`cell`), which says
 * it whole across the page (`note`: its unit and file named, the table sorted or not).
 */
export const SITE_NOTE_UNDER: Record<Lang, { cell: (n: number) => string; note: (n: number, unit: string, file: string, text: string) => string }> = {
  // A file not read names no unit: its file alone (was “注 1（，broken.xlsx）”).
  zh: { cell: (n) => `见表下注 ${n}`, note: (n, unit, file, text) => `注 ${n}（${unit ? `${unit}，` : ''}${file}）：${text}` },
  en: { cell: (n) => `See note ${n} under the table`, note: (n, unit, file, text) => `Note ${n} (${unit ? `${unit}, ` : ''}${file}): ${text}` },
};

/** The lines a supervisor signs under a summary. */
export const SIGNATURE_LINE: Record<Lang, string> = {
  zh: '制表人：______________        审核人：______________        日期：________年____月____日',
  en: 'Prepared by: ______________        Checked by: ______________        Date: ______________',
};

/** The last row of a table longer than a sheet holds. */
export const ROWS_LEFT_OUT: Record<Lang, (left: number, lastRow: number) => string> = {
  zh: (left, lastRow) =>
    `另有 ${countShown(left)} 行未能列出：Excel 一张表最多 ${countShown(lastRow)} 行。全部内容见 custody summary --format json 的输出，或各单位工作簿的检查结果`,
  en: (left, lastRow) =>
    singularOfOne(
      `${countShown(left)} more rows are not listed: an Excel sheet holds at most ${countShown(lastRow)} rows. All of them are in the output of custody summary --format json, or in each unit's own check`,
    ),
};

export const PAGE_FOOTER: Record<Lang, string> = { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' };

/** 总览's title: whose (the unit all the workbooks are of or under) and which semester, when known. */
export const OVERVIEW_TITLE: Record<Lang, (unit: string, semester: string | null) => string> = {
  zh: (unit, semester) => `${unit ? `${unit} ` : ''}${semester ? `${semester}学期` : ''}试卷保管汇总（多工作簿合并）`,
  en: (unit, semester) =>
    `Exam-paper custody summary${[unit, semester].some(Boolean) ? `: ${[unit, semester && semesterShown(semester, 'en')].filter(Boolean).join(', ')}` : ''}`,
};

/** Words of the 总览 sheet. */
export const OVERVIEW_WORDS = {
  item: { zh: '项目', en: 'Item' },
  count: { zh: '数量', en: 'Count' },
  problems: { zh: words('问题', '（交接单不一致', '每方计一次）'), en: 'Problem (a disagreeing handover counted once on each side)' },
  problemsChart: { zh: '各类问题数量', en: 'Problems by kind' },
  noProblems: { zh: '未发现问题', en: 'No problems found' },
  sites: { zh: words('单位', '（问题最多的', '前 20 个）'), en: 'Unit (20 with the most problems)' },
  sitesChart: { zh: '各单位问题数量', en: 'Problems by unit' },
  big: { zh: words('单位', '（考生最多的', '前 20 个）'), en: 'Unit (20 with the most candidates)' },
  bigChart: { zh: '各单位考生数与试卷份数', en: 'Candidates and copies by unit' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  candidates: { zh: '考生数', en: 'Candidates' },
  copies: { zh: '试卷份数', en: 'Copies' },
  levels: { zh: '按单位级别（同一批试卷逐级下发，各级分列，不相加）', en: 'By unit level (the same papers passed down: side by side, not added up)' },
  note: {
    zh: '说明：份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装；保管期为入库至最后一次出库（有试卷一直没有出库的，至少到它的考试结束）；随交接单移交送出的出库（分校下发考点、省校下发分校、考点考后送回分校）不计为未还；一张交接单两份副本不一致，无论几处不同，双方各计一次（检查结果逐栏列出）；“级别不明”：基本信息的单位级别无法识别的单位，不并入任何一级。每个文件的 SHA-256 见“文件清单”。',
    en: 'Note: copies = 31 × bags of 31 + 26 × bags of 26 + 11 × bags of 11 + 5 × bags of 5; custody runs from intake to the last checkout (while a paper is never taken out, at least to the end of its session); papers sent on with a handover (a branch to its exam sites, the province to its branches, an exam site back to its branch after the exam) are not counted as out; a handover whose two copies disagree counts once on each side however many fields differ (a check lists each field); “Unknown” level: a unit whose level on 基本信息 cannot be read, counted in no level. Each file’s SHA-256 is on “Files”.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** The figures at the top of 总览: key, label in each language. */
export const FIGURE_WORDS = {
  files: { zh: '工作簿', en: 'Workbooks' },
  unreadable: { zh: '无法读取', en: 'Unreadable' },
  notCustody: { zh: '不是试卷保密表单', en: 'Not custody workbooks' },
  // A workbook set aside: its status's words (STATUS_WORDS), a line of its own when there is one, in neither 单位 nor 可以提交.
  otherSemester: { zh: STATUS_WORDS.otherSemester.zh, en: 'Of another semester' },
  repeatedUnit: { zh: STATUS_WORDS.repeatedUnit.zh, en: 'Units’ second workbooks' },
  sites: { zh: '单位（计入合计）', en: 'Units (in the totals)' },
  ready: { zh: '可以提交', en: 'Ready to submit' },
  // The units counted with errors: 单位 = 可以提交 + 需改正, said, not left to the reader to subtract.
  fix: { zh: STATUS_WORDS.fix.zh, en: STATUS_WORDS.fix.en },
  errors: { zh: '错误（处）', en: 'Errors' },
  warnings: { zh: '警告（处）', en: 'Warnings' },
  papers: { zh: '试卷（单位×试卷）', en: 'Papers (unit × paper)' },
  bagsStillOut: { zh: '未还保密室（袋）', en: 'Bags not back in the vault' },
  matched: { zh: '交接单一致（对）', en: 'Handovers matching (pairs)' },
  disagree: { zh: '交接单不一致（对）', en: 'Handovers disagreeing (pairs)' },
  senderOnly: { zh: '仅移交方副本', en: "Sender's copy only" },
  receiverOnly: { zh: '仅接收方副本', en: "Receiver's copy only" },
} as const satisfies Record<string, Record<Lang, string>>;

export type FigureKey = keyof typeof FIGURE_WORDS;

/**
 * The unit levels the stock is given by (`LevelTotals`); `unknown`: a 单位级别 that cannot be read. In English
 * the Chinese term stays in brackets: it is what 基本信息 says and what officers call their unit.
 */
export const LEVEL_WORDS = {
  省校: { zh: '省校', en: 'Provincial school (省校)' },
  分校: { zh: '分校', en: 'Branch school (分校)' },
  考点: { zh: '考点', en: 'Exam site (考点)' },
  unknown: { zh: '级别不明', en: 'Unknown level' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * 总览's ranking by candidates, headed and its chart titled by the level it ranks (`ChartData.bigLevel`): each
 * level counts the same candidates (各级不相加), so one level only; null: no level read, every unit.
 */
export function bigWords(level: Level | null, lang: Lang): { head: string; chart: string } {
  if (level === null) return { head: OVERVIEW_WORDS.big[lang], chart: OVERVIEW_WORDS.bigChart[lang] };
  const en = LEVEL_WORDS[level].en;
  return lang === 'zh'
    ? { head: words(level, '（考生最多的', '前 20 个）'), chart: `各${level}考生数与试卷份数（只列${level}：各级考生相同，不相加）` }
    : {
        head: `${en} (20 with the most candidates)`,
        chart: `Candidates and copies by ${en.charAt(0).toLowerCase()}${en.slice(1)} (this level only: each level counts the same candidates)`,
      };
}

/** A level's word (null: the level cannot be read). */
export const levelWord = (level: keyof typeof LEVEL_WORDS | null, lang: Lang): string => LEVEL_WORDS[level ?? 'unknown'][lang];

/**
 * 单位级别 as 基本信息 writes it, shown: in Chinese as written; in English the level's words when it reads as
 * one (考点, 分校（学院）…), else as written (a quoted value: 分部, 学院).
 */
/**
 * 站点汇总's 单位 of a 考点 whose workbook names no 考点 (SiteSummary.site.unnamed, review 21 D2): that it is not known,
 * why and where — never its 分校's name again beside the 分校 column (“长沙分校 | 长沙分校 | 考点”).
 */
export function unnamedShown(u: UnnamedSite, lang: Lang): string {
  const at = u.sheet && u.cell ? (lang === 'en' ? `${u.sheet}!${u.cell}` : `工作表“${u.sheet}”${u.cell}`) : '';
  if (lang === 'en') {
    if (u.shows !== undefined) return `考点 not known (${at ? `${at} shows` : 'shows'} ${u.shows})`;
    return `考点 not filled in${at ? ` (${at})` : ''}`;
  }
  if (u.shows !== undefined) return `考点名称未能读取（${at ? `${at} ` : ''}显示 ${u.shows}）`;
  return `考点名称没有填写${at ? `（${at}）` : ''}`;
}

/** A unit's name as every list shows it: its own, or for a 考点 naming no 考点 that it is not known (unnamedShown). */
export const siteNameShown = (site: { name: string; unnamed?: UnnamedSite }, lang: Lang): string =>
  site.unnamed ? unnamedShown(site.unnamed, lang) : site.name;

export function levelShown(written: string | undefined, lang: Lang): string {
  const text = (written ?? '').trim();
  if (lang === 'zh' || !text) return text;
  const level = levelOf({ level: text });
  return level ? LEVEL_WORDS[level].en : text;
}

/** The units a count is kept in (袋, 份, 箱: 附件1 and 附件3's 单位); another word stays as written. */
export const UNIT_WORDS: Words<'袋' | '份' | '箱'> = {
  袋: { zh: '袋', en: 'bag' },
  份: { zh: '份', en: 'copy' },
  箱: { zh: '箱', en: 'box' },
};

/** The columns of 总览's table by unit level: key, header in each language. */
export const LEVEL_COLUMN_WORDS = {
  level: { zh: '单位级别', en: 'Unit level' },
  units: { zh: '单位数', en: 'Units' },
  bags: { zh: '试卷袋', en: 'Bags' },
  copies: { zh: '试卷份数', en: 'Copies' },
  candidates: { zh: '考生数', en: 'Candidates' },
  /** As 站点汇总 heads it. */
  bagsStillOut: { zh: '未还（袋）', en: 'Bags out' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Words of a site's 汇总 sheet. */
export const SITE_WORDS = {
  title: { zh: '试卷保管汇总', en: 'exam-paper custody summary' },
  noUnit: { zh: '（未填单位）', en: '(unit not filled in)' },
  level: { zh: '级别', en: 'Level' },
  file: { zh: '文件', en: 'File' },
  status: { zh: '提交状态', en: 'Status' },
  errors: { zh: '错误', en: 'errors' },
  warnings: { zh: '警告', en: 'warnings' },
  papers: {
    zh: '一、各试卷保管情况（份数 = 31×31份装 + 26×26份装 + 11×11份装 + 5×5份装）',
    en: '1. Papers in custody (copies = 31 × bags of 31 + 26 × bags of 26 + 11 × bags of 11 + 5 × bags of 5)',
  },
  duty: {
    zh: '三、保密室值班覆盖（保管期：入库至最后一次出库；未出库的试卷至少到它的考试结束）',
    en: '3. Vault duty cover (custody: from intake to the last checkout; a paper never taken out, to its session’s end)',
  },
  noHandovers: { zh: '（没有交接单）', en: '(no handover slips)' },
  allReturned: { zh: '全部出库均已归还（随交接单移交送出的试卷不计）', en: 'Every checkout is back (papers sent on with a handover not counted)' },
  noProblems: { zh: '未发现问题', en: 'No problems found' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The section headings of a site's 汇总 that carry counts. */
export const siteSections = (lang: Lang) =>
  lang === 'zh'
    ? {
        handovers: (inn: number, out: number) => `二、交接单（接收 ${countShown(inn)} 份，移交 ${countShown(out)} 份）`,
        // null: a site that keeps no vault record, no checkout to count.
        outstanding: (n: number | null) => `四、尚未归还保密室的出库${n === null ? '' : `（${countShown(n)} 条）`}`,
        // lines: fewer lines than findings, the same problem down a column written once (finding-groups.ts).
        findings: (errors: number, warnings: number, lines?: number) =>
          `五、检查发现的问题（错误 ${countShown(errors)}，警告 ${countShown(warnings)}${lines === undefined ? '' : `；同一列多行的同一问题合为一行，共 ${countShown(lines)} 行`}）`,
      }
    : {
        handovers: (inn: number, out: number) => `2. Handover slips (${countShown(inn)} received, ${countShown(out)} handed over)`,
        outstanding: (n: number | null) => `4. Checkouts not back in the vault${n === null ? '' : ` (${countShown(n)})`}`,
        findings: (errors: number, warnings: number, lines?: number) =>
          `5. Problems found (${counted(errors, 'errors')}, ${counted(warnings, 'warnings')}${lines === undefined ? '' : `; the same problem on several rows of a column is one line, ${counted(lines, 'lines')}`})`,
      };
