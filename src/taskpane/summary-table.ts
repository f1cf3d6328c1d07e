/**
 * One site's custody summary as a table: the rows the 汇总 sheet holds in
 * Excel (written with Office.js) and the table the browser face shows. Its
 * columns are the paper columns of the CLI's workbook (src/summary/tables-site.ts),
 * with the same headers, widths and formats. Pure.
 */
import { Column, numFmtOf, plainHeader, sheetValue, showDateTime, showDuration, show } from '../summary/columns';
import { ruleTitle } from '../summary/rule-titles';
import type { SiteSummary } from '../summary/site';
import { PAPER_COLUMNS, columnIndex, paperTotals, readinessText } from '../summary/tables-site';
import { custodyPeriodsLine, custodyStretch, destroyedLine } from '../summary/words';
import {
  CUSTODY_FIGURE,
  CUSTODY_SCHEDULE_SAID,
  DUTY_FIGURE,
  LOG_FIGURE,
  NONE_SITE,
  NONE_WORDS,
  type NoneWhen,
  unitReasons,
  UNREAD_LABEL,
  reasonUnder,
  unreadSaid,
} from '../summary/none-figures';
import type { Lang } from './i18n';
import { semesterShown } from '../model/semester';
import { seqsEn } from '../model/finding';
import { countShown } from '../model/count-shown';

type Cell = string | number;

export interface SummaryTable {
  title: string;
  status: string;
  header: string[];
  /** Column widths (characters) and number formats, as declared. */
  widths: number[];
  numFmts: Array<string | null>;
  /** The papers' rows as the page shows them (times as text). */
  rows: Cell[][];
  /** The same rows as a sheet holds them: times as dates, which `numFmts` show as `rows` does. */
  sheetRows: Cell[][];
  totals: Cell[];
  /** Label / value lines under the table. */
  facts: Array<[string, Cell]>;
  /** Which columns the chart plots against the paper: 份数 and 考生数. */
  chartColumns: [number, number];
}

/**
 * The 汇总 sheet's values, row by row, each padded to the table's width: title,
 * status, the table with its totals, then the facts. Both hosts (Excel, WPS) write these in one 2-D write.
 */
export function summarySheetValues(table: SummaryTable): Cell[][] {
  const width = table.header.length;
  const pad = (row: readonly Cell[]): Cell[] => [...row, ...Array<Cell>(Math.max(0, width - row.length)).fill('')].slice(0, width);
  return [
    pad([table.title]),
    pad([table.status]),
    pad([]),
    pad(table.header),
    ...table.sheetRows.map(pad),
    pad(table.totals),
    pad([]),
    ...table.facts.map(([k, v]) => pad([k, v])),
  ];
}

/** The number format a text cell is written under, so that Excel and WPS keep it as typed: 考场 “01” stays 01, not 1. */
const TEXT_FORMAT = '@';

/**
 * The number format of each cell of `summarySheetValues`, set before the values are written: a text cell as text
 * (TEXT_FORMAT: Excel and WPS would take 试卷号 “0312” or 分发考场 “01” for a number, as the CLI's workbook does not),
 * a number in the papers' rows and their total by its column's format (a time as a date), anything else General.
 */
export function summarySheetFormats(table: SummaryTable): string[][] {
  const firstData = 4;
  const totalRow = firstData + table.sheetRows.length;
  return summarySheetValues(table).map((row, r) =>
    row.map((v, c) => {
      if (typeof v === 'string') return v === '' ? 'General' : TEXT_FORMAT;
      return (r >= firstData && r <= totalRow && table.numFmts[c]) || 'General';
    }),
  );
}

/** A count as every face shows counts (model/count-shown.ts): 6,001; text as it is. */
const grouped = (v: Cell): string => (typeof v === 'number' ? countShown(v) : v);

/** The table as the 汇总 tab shows it: the papers' rows and their total, and the facts under them, as text; counts grouped (6,001). */
export function pageTexts(table: SummaryTable): { rows: string[][]; facts: Array<[string, string]> } {
  return { rows: [...table.rows, table.totals].map((row) => row.map(grouped)), facts: table.facts.map(([k, v]) => [k, grouped(v)]) };
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function shownRow(raw: ReadonlyArray<string | number | null>, lang: Lang): Cell[] {
  return PAPER_COLUMNS.map((c: Column<never>, i) => show(c, raw[i], { lang, ruleTitle }) ?? '');
}

function sheetRow(raw: ReadonlyArray<string | number | null>, lang: Lang): Cell[] {
  return PAPER_COLUMNS.map((c: Column<never>, i) => sheetValue(c, raw[i], { lang, ruleTitle }) ?? '');
}

export function summaryTable(s: SiteSummary, lang: Lang): SummaryTable {
  const zh = lang === 'zh';
  const when = (iso: string | null) => showDateTime(iso, lang);
  const name = s.site.name || (zh ? '（未填单位）' : '(unit not named)');
  const raw = s.papers.map((p) => PAPER_COLUMNS.map((c) => c.value!(p, lang)));
  const rows = raw.map((r) => shownRow(r, lang));
  const totals = shownRow(paperTotals(s, lang), lang);
  // Lengths of time in hours and minutes, as the 汇总 sheets show them.
  const long = (hours: number) => (zh ? `（${showDuration(hours, lang)}）` : ` (${showDuration(hours, lang)})`);
  // Custody in several stretches (a June session and a July 补考): each stretch, the time being theirs added up.
  const stretches = custodyPeriodsLine(s.duty, lang);
  const custody = s.duty.custodyStart ? custodyStretch(s.duty.custodyStart, s.duty.custodyEnd, s.duty.custodyHours, lang) : '';
  const gaps = s.duty.gaps.map((g) => `${when(g.from)}–${when(g.to)}${long(g.hours)}`).join(zh ? '；' : '; ');
  // A unit that keeps no vault record (none of 附件2, 3, 5): its custody, duty cover, gaps and checkouts are unknown,
  // as the 汇总 sheet says, not a custody of nothing covered at 100 %.
  // A form not read (附件2: custody, cover, gaps; 附件3: those and not returned; 附件5: cover, gaps): its word, not a figure of nothing.
  // The unit's own figures: not unknown for a cell of one paper's count (review 22b D3; its total says so in the table).
  const reasons = unitReasons(s);
  const known =
    (when: NoneWhen) =>
    (shown: Cell): Cell => {
      const reason = reasonUnder(reasons, when);
      return reason ? NONE_WORDS[reason][lang] : shown;
    };
  const [vault, custodyKnown, duty] = [known(LOG_FIGURE), known(CUSTODY_FIGURE), known(DUTY_FIGURE)];
  // A unit that keeps no intake list (附件2): why the table's bags, copies, spare and bags in the vault are empty;
  // a form not read: which figures it leaves unknown, and where its finding is.
  const intake: Array<[string, Cell]> = [
    ...(s.noIntake ? [[zh ? '入库清单' : 'Intake list', NONE_SITE.noIntake[lang]] as [string, Cell]] : []),
    // Each line labelled by its cause (未能读取, 显示错误值, 一行几个试卷号), as the table's cells say it.
    ...[...unreadSaid(s.unread, lang), ...(s.custodySchedule ? [{ cause: 'unread' as const, line: CUSTODY_SCHEDULE_SAID[lang] }] : [])].map(
      ({ cause, line }): [string, Cell] => [UNREAD_LABEL[cause][lang], line],
    ),
  ];
  // Bags out to be destroyed: why 在库 is short of 袋数合计 by them, as the 汇总 sheet says under its table.
  const destroyedText = destroyedLine(s.papers, lang);
  const destroyed: Array<[string, Cell]> = destroyedText ? [[zh ? '已销毁' : 'Destroyed', destroyedText]] : [];
  const facts: Array<[string, Cell]> = zh
    ? [
        ...intake,
        ...destroyed,
        ['接收交接单', s.handovers.in.length],
        ['移交交接单', s.handovers.out.length],
        ['保管期', custodyKnown(stretches ?? custody)],
        ['值班覆盖', duty(`${pct(s.duty.coverage)}${long(s.duty.coveredHours)}`)],
        ['值班空档', duty(gaps || '无')],
        ['未归还', vault(s.outstanding.map((o) => `${o.paperNo}（序号${o.row}）`).join('、') || '无')],
        ['错误', s.findings.errors],
        ['警告', s.findings.warnings],
      ]
    : [
        ...intake,
        ...destroyed,
        ['Handovers in', s.handovers.in.length],
        ['Handovers out', s.handovers.out.length],
        ['Custody period', custodyKnown(stretches ?? custody)],
        ['Duty coverage', duty(`${pct(s.duty.coverage)}${long(s.duty.coveredHours)}`)],
        ['Duty gaps', duty(gaps || 'none')],
        ['Not returned', vault(s.outstanding.map((o) => `${o.paperNo} (${seqsEn([o.row])})`).join(', ') || 'none')],
        ['Errors', s.findings.errors],
        ['Warnings', s.findings.warnings],
      ];
  return {
    title: zh
      ? `${name} 试卷保管汇总${s.site.semester ? `（${s.site.semester}）` : ''}`
      : `${name} custody summary${s.site.semester ? ` (${semesterShown(s.site.semester, 'en')})` : ''}`,
    status: readinessText(s, lang),
    header: PAPER_COLUMNS.map((c) => plainHeader(c.header[lang])),
    widths: PAPER_COLUMNS.map((c) => c.width),
    numFmts: PAPER_COLUMNS.map((c) => numFmtOf(c, lang) ?? null),
    rows,
    sheetRows: raw.map((r) => sheetRow(r, lang)),
    totals,
    facts,
    chartColumns: [columnIndex(PAPER_COLUMNS, 'copies'), columnIndex(PAPER_COLUMNS, 'candidates')],
  };
}
