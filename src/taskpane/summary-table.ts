/**
 * One site's custody summary as a table: the rows the 汇总 sheet holds in
 * Excel (written with Office.js) and the table the browser face shows. Pure.
 */
import type { SiteSummary } from '../summary/site';
import type { Lang } from './i18n';

export type Cell = string | number;

export interface SummaryTable {
  title: string;
  status: string;
  header: string[];
  rows: Cell[][];
  totals: Cell[];
  /** Label / value lines under the table. */
  facts: Array<[string, Cell]>;
  /** Which columns the chart plots against the paper: 份数 and 报考人数. */
  chartColumns: [number, number];
}

const HEAD: Record<Lang, string[]> = {
  // Deliberately not the forms' own column labels (试卷号, 31份装, 报考人数…): a 汇总 sheet in the
  // workbook must never be taken for the intake list or the schedule when the workbook is read again.
  zh: [
    '试卷编号',
    '试卷名',
    '首场开考',
    '31份装袋数',
    '26份装袋数',
    '11份装袋数',
    '5份装袋数',
    '袋数合计',
    '份数',
    '考生数',
    '余量',
    '出库次数',
    '归还次数',
    '未还袋数',
    '在库袋数',
    '考场数',
    '分发份数',
  ],
  en: [
    'Paper',
    'Name',
    'First session',
    '31s',
    '26s',
    '11s',
    '5s',
    'Bags',
    'Copies',
    'Candidates',
    'Spare',
    'Out',
    'Returned',
    'Bags out',
    'Bags in vault',
    'Rooms',
    'Copies handed',
  ],
};

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const when = (iso: string | null): string => (iso ? iso.replace('T', ' ') : '');

export function summaryTable(s: SiteSummary, lang: Lang): SummaryTable {
  const zh = lang === 'zh';
  const name = s.site.name || (zh ? '（未填单位）' : '(unit not named)');
  const rows: Cell[][] = s.papers.map((p) => [
    p.paperNo,
    p.paperName,
    when(p.sessionStart),
    p.bags.bags31,
    p.bags.bags26,
    p.bags.bags11,
    p.bags.bags5,
    p.bags.totalBags,
    p.copies,
    p.candidates ?? '',
    p.spareCopies ?? '',
    p.checkouts,
    p.returns,
    p.bagsStillOut,
    p.bagsInVault,
    p.rooms.length,
    p.copiesDistributed,
  ]);
  const t = s.totals;
  const inVault = s.papers.reduce((n, p) => n + p.bagsInVault, 0);
  const totals: Cell[] = [
    zh ? '合计' : 'Total',
    '',
    '',
    t.bags.bags31,
    t.bags.bags26,
    t.bags.bags11,
    t.bags.bags5,
    t.bags.totalBags,
    t.copies,
    t.candidates,
    '',
    t.checkouts,
    t.returns,
    t.bagsStillOut,
    inVault,
    t.roomsServed,
    t.copiesDistributed,
  ];
  const gaps = s.duty.gaps.map((g) => `${when(g.from)}–${when(g.to)}`).join('; ');
  const facts: Array<[string, Cell]> = zh
    ? [
        ['接收交接单', s.handovers.in.length],
        ['移交交接单', s.handovers.out.length],
        ['保管期', s.duty.custodyStart ? `${when(s.duty.custodyStart)} 至 ${when(s.duty.custodyEnd)}` : ''],
        ['值班覆盖', pct(s.duty.coverage)],
        ['值班空档', gaps || '无'],
        ['未归还', s.outstanding.map((o) => `${o.paperNo}（序号${o.row}）`).join('、') || '无'],
        ['错误', s.findings.errors],
        ['警告', s.findings.warnings],
      ]
    : [
        ['Handovers in', s.handovers.in.length],
        ['Handovers out', s.handovers.out.length],
        ['Custody period', s.duty.custodyStart ? `${when(s.duty.custodyStart)} to ${when(s.duty.custodyEnd)}` : ''],
        ['Duty coverage', pct(s.duty.coverage)],
        ['Duty gaps', gaps || 'none'],
        ['Not returned', s.outstanding.map((o) => `${o.paperNo} (row ${o.row})`).join(', ') || 'none'],
        ['Errors', s.findings.errors],
        ['Warnings', s.findings.warnings],
      ];
  return {
    title: zh
      ? `${name} 试卷保管汇总${s.site.semester ? `（${s.site.semester}）` : ''}`
      : `${name} custody summary${s.site.semester ? ` (${s.site.semester})` : ''}`,
    status: s.ready ? (zh ? '可以提交' : 'Ready to submit') : zh ? '有错误或未读出的部分，暂不能提交' : 'Not ready: errors or unread parts',
    header: HEAD[lang],
    rows,
    totals,
    facts,
    chartColumns: [8, 9],
  };
}
