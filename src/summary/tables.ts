/**
 * The tables of the consolidated summary, declared once (columns, and the row
 * of each item), for the CLI's workbook however it is fed: from memory or
 * from rows spooled to disk by worker threads. Raw values only: file names,
 * rule ids and times are shown by their column's kind when written.
 */
import type { Finding } from '../model/finding';
import { ruleMeta } from '../rules';
import { Cell, Column, rowOf, showDateTime } from './columns';
import type { FileOutcome, HandoverPair } from './consolidate';
import { PAIR_STATUS_ZH } from './consolidate';
import { PAPER_COLUMNS, SEVERITY_ZH } from './tables-site';
import type { PaperSummary } from './site';

export type Row = Cell[];

/* ------------------------------------------------------------------ 站点汇总 */

const statusOf = (f: Pick<FileOutcome, 'summary'>): string => (!f.summary ? '无法读取' : f.summary.ready ? '可以提交' : '需改正');

function noteOf(f: FileOutcome): string {
  const s = f.summary;
  if (!s) return f.error ?? '';
  return [s.duty.gaps.length ? `值班缺口 ${s.duty.gaps.length} 处` : '', s.outstanding.length ? `${s.outstanding.length} 次出库未还` : '', ...s.problems]
    .filter(Boolean)
    .join('；');
}

const fig =
  (get: (s: NonNullable<FileOutcome['summary']>) => number) =>
  (f: FileOutcome): Cell =>
    f.summary ? get(f.summary) : null;

export const SITE_COLUMNS: ReadonlyArray<Column<FileOutcome>> = [
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 16, wrap: true, kind: 'file', value: (f) => f.file },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 12, wrap: true, value: (f) => f.summary?.site.name ?? '' },
  { key: 'level', header: { zh: '级别', en: 'Level' }, width: 5, wrap: true, value: (f) => f.summary?.site.level ?? '' },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 7, wrap: true, value: statusOf },
  { key: 'errors', header: { zh: '错误', en: 'Errors' }, width: 5, value: fig((s) => s.findings.errors) },
  { key: 'warnings', header: { zh: '警告', en: 'Warnings' }, width: 5, value: fig((s) => s.findings.warnings) },
  { key: 'papers', header: { zh: '试卷种数', en: 'Papers' }, width: 5, value: fig((s) => s.totals.papers) },
  { key: 'bags', header: { zh: '合计（袋）', en: 'Bags' }, width: 5, value: fig((s) => s.totals.bags.totalBags) },
  { key: 'copies', header: { zh: '试卷份数', en: 'Copies' }, width: 6, value: fig((s) => s.totals.copies) },
  { key: 'candidates', header: { zh: '考生数', en: 'Candidates' }, width: 6, value: fig((s) => s.totals.candidates) },
  { key: 'checkouts', header: { zh: '出库次数', en: 'Out' }, width: 5, value: fig((s) => s.totals.checkouts) },
  { key: 'returns', header: { zh: '归还次数', en: 'Returned' }, width: 5, value: fig((s) => s.totals.returns) },
  { key: 'bagsStillOut', header: { zh: '未还（袋）', en: 'Bags out' }, width: 5, value: fig((s) => s.totals.bagsStillOut) },
  { key: 'bagsDispatched', header: { zh: '发往考点（袋）', en: 'Bags sent on' }, width: 6, value: fig((s) => s.totals.bagsDispatched) },
  { key: 'rooms', header: { zh: '考场次', en: 'Rooms' }, width: 5, value: fig((s) => s.totals.roomsServed) },
  { key: 'handoversIn', header: { zh: '接收交接单', en: 'Handovers in' }, width: 5, value: fig((s) => s.handovers.in.length) },
  { key: 'handoversOut', header: { zh: '移交交接单', en: 'Handovers out' }, width: 5, value: fig((s) => s.handovers.out.length) },
  { key: 'custodyHours', header: { zh: '保管时长（小时）', en: 'Custody hours' }, width: 6, value: fig((s) => s.duty.custodyHours) },
  { key: 'coveredHours', header: { zh: '值班覆盖（小时）', en: 'Hours on duty' }, width: 6, value: fig((s) => s.duty.coveredHours) },
  { key: 'coverage', header: { zh: '覆盖率', en: 'Coverage' }, width: 7, numFmt: '0.0%', value: fig((s) => Math.round(s.duty.coverage * 1000) / 1000) },
  { key: 'gaps', header: { zh: '值班缺口', en: 'Duty gaps' }, width: 5, value: fig((s) => s.duty.gaps.length) },
  { key: 'note', header: { zh: '说明', en: 'Note' }, width: 20, wrap: true, value: noteOf },
];

/* ------------------------------------------------------------------ 文件清单 */

/** One input file as 文件清单 lists it: the only place its SHA-256 is printed. */
export interface FileListing {
  file: string;
  site: string;
  status: string;
  sha256: string | null;
  note: string;
}

export const listingOf = (f: FileOutcome): FileListing => ({
  file: f.file,
  site: f.summary?.site.name ?? '',
  status: statusOf(f),
  sha256: f.sha256,
  note: f.error ?? '',
});

export const FILE_COLUMNS: ReadonlyArray<Column<FileListing>> = [
  { key: 'file', header: { zh: '文件', en: 'File' }, width: 30, wrap: true, kind: 'file', value: (f) => f.file },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 14, wrap: true, value: (f) => f.site },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (f) => f.status },
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
  ...PAPER_COLUMNS.map((c): Column<PaperDetail> => ({ ...c, value: (d) => c.value!(d.paper) })),
];

/** The 试卷明细 rows of one file. */
export function paperRowsOf(f: FileOutcome): Row[] {
  const s = f.summary;
  return s ? s.papers.map((paper) => rowOf(PAPER_DETAIL_COLUMNS, { file: f.file, site: s.site.name, paper })) : [];
}

/* ------------------------------------------------------------------ 交接配对 */

/** What differs in a disagreeing pair, or what is missing, with times shown as dates people read. */
function pairText(p: HandoverPair): string {
  if (p.status === 'matched') return '两份副本一致';
  if (p.status === 'disagree') {
    const v = (field: string, x: string) => (field === 'time' ? showDateTime(x) : x) || '（空）';
    return p.differences.map((d) => `${d.label}：移交方“${v(d.field, d.sender)}”，接收方“${v(d.field, d.receiver)}”`).join('；');
  }
  const other = p.status === 'sender-only' ? '接收方' : '移交方';
  const unit = p.status === 'sender-only' ? p.to : p.from;
  return p.counterpartProvided ? `${other}（${unit}）的工作簿中没有这张交接单` : `未提供${other}（${unit}）的工作簿，无法核对`;
}

const sheetAt = (c: HandoverPair['sender']): string => (c?.sheet ? `${c.sheet}!${c.cell ?? ''}` : '');

export const PAIR_COLUMNS: ReadonlyArray<Column<HandoverPair>> = [
  { key: 'from', header: { zh: '移交单位', en: 'From' }, width: 10, wrap: true, value: (p) => p.from },
  { key: 'to', header: { zh: '接收单位', en: 'To' }, width: 10, wrap: true, value: (p) => p.to },
  { key: 'status', header: { zh: '核对结果', en: 'Result' }, width: 8, wrap: true, value: (p) => PAIR_STATUS_ZH[p.status] },
  {
    key: 'fields',
    header: { zh: '不一致的栏目', en: 'Fields that differ' },
    width: 12,
    wrap: true,
    value: (p) => p.differences.map((d) => d.label).join('、'),
  },
  { key: 'senderTime', header: { zh: '移交方时间', en: 'Sender time' }, width: 12, wrap: true, kind: 'datetime', value: (p) => p.sender?.time ?? '' },
  { key: 'receiverTime', header: { zh: '接收方时间', en: 'Receiver time' }, width: 12, wrap: true, kind: 'datetime', value: (p) => p.receiver?.time ?? '' },
  { key: 'senderQuantity', header: { zh: '移交方数量（袋）', en: 'Sender bags' }, width: 6, value: (p) => p.sender?.quantity ?? null },
  { key: 'receiverQuantity', header: { zh: '接收方数量（袋）', en: 'Receiver bags' }, width: 6, value: (p) => p.receiver?.quantity ?? null },
  { key: 'differences', header: { zh: '差异', en: 'Differences' }, width: 34, wrap: true, value: pairText },
  {
    key: 'senderFile',
    header: { zh: '移交方副本（文件）', en: 'Sender copy (file)' },
    width: 12,
    wrap: true,
    kind: 'file',
    value: (p) => p.sender?.file ?? '',
  },
  { key: 'senderSheet', header: { zh: '移交方工作表', en: 'Sender sheet' }, width: 10, wrap: true, value: (p) => sheetAt(p.sender) },
  {
    key: 'receiverFile',
    header: { zh: '接收方副本（文件）', en: 'Receiver copy (file)' },
    width: 12,
    wrap: true,
    kind: 'file',
    value: (p) => p.receiver?.file ?? '',
  },
  { key: 'receiverSheet', header: { zh: '接收方工作表', en: 'Receiver sheet' }, width: 10, wrap: true, value: (p) => sheetAt(p.receiver) },
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
  { key: 'severity', header: { zh: '严重程度', en: 'Severity' }, width: 5, wrap: true, value: (x) => SEVERITY_ZH[x.finding.severity] },
  { key: 'rule', header: { zh: '问题', en: 'Problem' }, width: 14, wrap: true, kind: 'rule', value: (x) => x.finding.rule },
  { key: 'form', header: { zh: '附件', en: 'Form' }, width: 5, value: (x) => x.finding.form },
  { key: 'sheet', header: { zh: '工作表', en: 'Sheet' }, width: 10, wrap: true, value: (x) => x.finding.sheet },
  { key: 'cell', header: { zh: '单元格', en: 'Cell' }, width: 6, value: (x) => x.finding.cell },
  { key: 'row', header: { zh: '序号', en: 'Row' }, width: 5, value: (x) => x.finding.row },
  { key: 'message', header: { zh: '说明', en: 'Message' }, width: 46, wrap: true, value: (x) => x.finding.message },
  { key: 'clause', header: { zh: '依据', en: 'Source' }, width: 20, wrap: true, value: (x) => x.finding.clause },
];

const DISAGREE_RULE = 'handover-copies-disagree';

/** The sides of the disagreeing pairs, as `file#sheet`: their findings are listed once per pair instead. */
export function pairSides(pairs: readonly HandoverPair[]): Set<string> {
  const sides = new Set<string>();
  for (const p of pairs) {
    if (p.status !== 'disagree') continue;
    for (const c of [p.sender, p.receiver]) if (c) sides.add(`${c.file}#${c.sheet ?? ''}`);
  }
  return sides;
}

/**
 * The 问题清单 rows of one file: its findings, or why it could not be read.
 * A handover whose two copies disagree is one problem however many fields
 * differ and whichever side reports it: its findings are left out here and
 * listed once per pair (`pairFindingRows`).
 */
export function findingRowsOf(f: Pick<FileOutcome, 'file' | 'error' | 'findings'> & { site?: string }, sides: ReadonlySet<string> = new Set()): Row[] {
  const site = f.site ?? '';
  if (f.error) {
    const finding: Finding = {
      rule: 'unreadable-file',
      severity: 'error',
      form: null,
      sheet: null,
      cell: null,
      row: null,
      message: `无法读取：${f.error}`,
      clause: '',
    };
    return [rowOf(FINDING_COLUMNS, { file: f.file, site, finding })];
  }
  return f.findings
    .filter((x) => !(x.rule === DISAGREE_RULE && sides.has(`${f.file}#${x.sheet ?? ''}`)))
    .map((finding) => rowOf(FINDING_COLUMNS, { file: f.file, site, finding }));
}

/** One 问题清单 row per disagreeing pair, on the sender's copy, with the fields that differ. */
export function pairFindingRows(pairs: readonly HandoverPair[]): Row[] {
  return pairs
    .filter((p) => p.status === 'disagree' && p.sender)
    .map((p) => {
      const s = p.sender!;
      const finding: Finding = {
        rule: DISAGREE_RULE,
        severity: 'error',
        form: 1,
        sheet: s.sheet,
        cell: s.cell,
        row: null,
        message: `${p.from} 移交 ${p.to} 的交接单，双方留存的两份不一致（${p.differences.map((d) => d.label).join('、')}）：${pairText(p)}。请双方核对后改正，见“交接配对”。`,
        clause: ruleMeta(DISAGREE_RULE)?.clause ?? '',
      };
      return rowOf(FINDING_COLUMNS, { file: s.file, site: s.site, finding });
    });
}

/** Findings counted by rule for 总览, a disagreeing handover once per pair. */
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

/** The per-rule counts with the disagreeing handovers counted once per pair (not once per field and side). */
export function pairsCountedOnce(
  byRule: ReadonlyMap<string, { errors: number; warnings: number }>,
  pairs: readonly HandoverPair[],
): Map<string, { errors: number; warnings: number }> {
  const out = new Map(byRule);
  const disagree = pairs.filter((p) => p.status === 'disagree').length;
  if (disagree) out.set(DISAGREE_RULE, { errors: disagree, warnings: 0 });
  return out;
}
