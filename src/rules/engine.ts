/**
 * Runs the rule catalogue over a site model and turns each reported model path
 * into a finding at the real sheet, cell and 序号 (`locate()`), in the
 * findings format. Also runs the rules that compare workbooks given together.
 */
import { type SiteModel, unsolvedCells } from '../model/site-model';
import type { Finding } from '../model/finding';
import { CellLocation, locate } from '../model/location';
import { FORM_OF_KEY, datePartOf, labelAt } from '../model/labels';
import type { SiteData } from '../model/types';
import { LIMITS, tooManyFindings } from '../model/limits';
import { MONTHS_EN } from '../model/values';
import { computeFacts } from './facts';
import { papersApart } from '../model/paper-rows';
import { withUnknownCounts } from './unknown-counts';
import { CROSS_RULES, RULES } from './index';
import { acrossRun } from './handover-pairs';
import { singularOfOne } from './plural';
import type { CrossRule, CrossSite, Lang, Params, ReportOptions, Rule, RuleMeta } from './types';

export interface ValidateOptions {
  lang?: Lang;
  /** Only these rule ids (tests). */
  only?: readonly string[];
  /** The most findings one workbook may make (LIMITS.findings; tests set fewer). */
  maxFindings?: number;
}

function format(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = params[key];
    if (v === undefined) return m;
    return Array.isArray(v) ? v.join(lang === 'en' ? ', ' : '、') : String(v);
  });
}

function messageOf(meta: RuleMeta, messageId: string, params: Params, lang: Lang): string {
  const table = meta.messages[lang] ?? meta.messages.zh;
  const template = table[messageId] ?? meta.messages.zh[messageId] ?? Object.values(table)[0] ?? meta.id;
  const text = format(template, params, lang);
  // Times are given to messages as showTime writes them, "6月15日 08:30" or "2024年6月15日 08:30"; English shows them as
  // "Jun 15 08:30" (6/15 reads as 6 November to some readers), "Jun 15, 2024 08:30". Only that form: a date quoted from
  // a cell stays as typed ("1月8日晚", "6月15日 十点多", review round 10c D5), to be found with Ctrl-F. A count of one
  // in the singular.
  return lang === 'en' ? singularOfOne(englishTimes(text).replace(/ 等 (\d+) 处/g, ' ($1 places)')) : text;
}

/** The tool's times in a message in English (messageOf): "6月15日 08:30" → "Jun 15 08:30"; any other date as it is. */
export function englishTimes(text: string): string {
  return text.replace(TOOL_TIME, monthDay);
}

/** A time as showTime (facts.ts) writes it, to the day: its year if any, month and day, then " HH:MM". */
const TOOL_TIME = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?= \d{2}:\d{2}(?!\d|:\d))/g;

/** 6月15日 → Jun 15, 2024年6月15日 → Jun 15, 2024 (as typed where the month is none). */
const monthDay = (whole: string, year: string | undefined, month: string, day: string): string => {
  const name = MONTHS_EN[Number(month) - 1];
  return name ? `${name} ${Number(day)}${year ? `, ${year}` : ''}` : whole;
};

/** A form left blank is not in the model: point at its blank sheet's first cell, if the workbook has one. */
function blankSheetOf(model: SiteModel, path: string): CellLocation | undefined {
  const entry = FORM_OF_KEY[path.split(/[.[]/)[0] as keyof SiteData];
  const sheet = entry && model.sheets.find((s) => s.form === entry.form);
  return entry && sheet ? { sheet: sheet.sheet, cell: 'A1', form: entry.attachment, row: null } : undefined;
}

/**
 * A finding on a row the sheet hides says so (review 6, D3): the officer who follows it sees the rows above
 * and below only, and a mistaken line hidden instead of deleted is still in the record. A row the sheet's
 * autoFilter hides is a record filtered out: its note says to clear the filter, not to delete it.
 */
function hiddenRowNote(model: SiteModel, loc: CellLocation | undefined, lang: Lang): string {
  // Its words begin as HIDDEN_ROW_NOTE finds them: a list that groups findings alike leaves such a one on its own line.
  const hidden = loc && model.hiddenRows?.[loc.sheet];
  const row = hidden && Number(/\d+$/.exec(loc.cell)?.[0]);
  if (!row || !hidden.includes(row)) return '';
  // Filtered out (review 12 D6): 取消隐藏 does not show it, and it is a record like any other.
  if (model.filteredRows?.[loc.sheet]?.includes(row)) {
    return lang === 'zh'
      ? `（第 ${row} 行被筛选隐藏了：清除筛选才看得见——Excel 点“数据”→“清除”，WPS 在筛选里选“全部显示”。）`
      : ` (Row ${row} is hidden by the sheet's filter: clear the filter to see it — Excel: Data → Clear; WPS: 全部显示 in the filter.)`;
  }
  // Where the filter could not be asked for (Excel 2016/2019, WPS: review 16a D3), the row may be a record filtered out.
  if (model.filterUnknown?.includes(loc.sheet)) {
    return lang === 'zh'
      ? `（第 ${row} 行是隐藏的，也可能是被筛选隐藏了：取消隐藏或清除筛选才看得见。）`
      : ` (Row ${row} is hidden, perhaps by the sheet's filter: unhide it or clear the filter to see it.)`;
  }
  return lang === 'zh'
    ? `（第 ${row} 行是隐藏的：取消隐藏才看得见；若是误登，请整行删除。）`
    : ` (Row ${row} is hidden: unhide it to see it; if it was entered by mistake, delete the whole row.)`;
}

/** The beginning of hiddenRowNote's words, in either language: a finding whose message carries it is at a hidden row. */
export const HIDDEN_ROW_NOTE = /（第 \d+ 行(?:是隐藏的|被筛选隐藏了)|\(Row \d+ is hidden/;

function makeFinding(model: SiteModel, meta: RuleMeta, path: string, messageId: string, params: Params, lang: Lang, options?: ReportOptions): Finding {
  // About the day of a time whose date has a column of its own (取卷日期 | 取卷时间): at the date's cell.
  const day = options?.onDay ? datePartOf(path) : undefined;
  const at = day !== undefined && model.locations[day] ? day : path;
  const loc = at ? (locate(model.locations, at) ?? blankSheetOf(model, at)) : undefined;
  // The label its sheet prints: a timetable's 考试日期 · 考试时间 for 开考时间 · 结束时间.
  const field = params.field ?? labelAt(model.locations, path);
  const cell = loc?.cell;
  const full = { ...params, field, cell: cell ?? '', sheet: loc?.sheet ?? '' };
  const finding: Finding = {
    rule: meta.id,
    severity: meta.warnings?.includes(messageId) ? 'warning' : meta.severity,
    form: loc ? loc.form : (options?.form ?? null),
    sheet: loc?.sheet ?? null,
    cell: cell ?? null,
    row: loc?.row ?? null,
    message: messageOf(meta, messageId, full, lang) + hiddenRowNote(model, loc, lang),
    clause: meta.clause,
  };
  MESSAGE_IDS.set(finding, messageId);
  return finding;
}

/** Which of its rule's messages a finding was given: kept beside it, since the findings JSON contract has no such field. */
const MESSAGE_IDS = new WeakMap<Finding, string>();

/** The message id (a key of the rule's `meta.messages`) a finding was reported with; undefined for a finding not made here. */
export function messageIdOf(finding: Finding): string | undefined {
  return MESSAGE_IDS.get(finding);
}

/**
 * Findings in reading order: by sheet as the workbook holds them, then row,
 * then column; at one cell, in the catalogue's order. The one order of every
 * face (the check service sorts with it after the checks across workbooks).
 */
export function sortFindings(model: Pick<SiteModel, 'sheets'>, findings: Finding[]): Finding[] {
  const sheetOrder = new Map(model.sheets.map((s, i) => [s.sheet, i]));
  const key = (f: Finding): [number, number, number] => {
    const m = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
    const col = m ? m[1].split('').reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0) : 0;
    return [f.sheet === null ? -1 : (sheetOrder.get(f.sheet) ?? 1e9), m ? Number(m[2]) : 0, col];
  };
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.f);
}

/** A test that passes a finding the first time only: the same finding twice (one rule, one cell, one message) is one finding. */
function firstTimes(): (f: Finding) => boolean {
  const seen = new Set<string>();
  return (f) => {
    const k = `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}

function dedupe(findings: Finding[]): Finding[] {
  return findings.filter(firstTimes());
}

/** The rules that say a formula's cell has no value here: every other rule's finding at such a cell is left out. */
const FORMULA_RULES = new Set(['formula-not-saved', 'formula-cycle']);

/** The rules over one site, reporting in each of `langs`: one list of findings per language, each as a run in that language alone gives it. */
function runRules(model: SiteModel, rules: readonly Rule[], langs: readonly Lang[], options: ValidateOptions = {}): Finding[][] {
  // A row writing several 试卷号 that says each paper's count is checked as one record per paper (model/paper-rows.ts),
  // located at its own cells; unknown-paper asks once that it be split. A count whose formula has no value here is
  // given to the rules as no count (unknown-counts.ts), never as 0.
  const apart = papersApart(withUnknownCounts(model));
  const facts = computeFacts(apart.model, apart);
  const lists = langs.map((): Finding[] => []);
  // Findings told apart as they come (as dedupe does), so that the limit counts distinct ones.
  const isNew = langs.map(() => firstTimes());
  const max = options.maxFindings ?? LIMITS.findings;
  const unsolved = unsolvedCells(model);
  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue;
    const judges = !FORMULA_RULES.has(rule.meta.id);
    rule.check({
      model: apart.model,
      facts,
      report: (path, messageId, params = {}, opts) => {
        langs.forEach((lang, i) => {
          const finding = makeFinding(apart.model, rule.meta, path, messageId, params, lang, opts);
          if (unsolved && judges && unsolved.has(`${finding.sheet}!${finding.cell}`)) return;
          if (!isNew[i](finding)) return;
          // Stopped as the limit is passed, before the rest are made: their memory is the danger.
          if (lists[i].length >= max) throw tooManyFindings(max);
          lists[i].push(finding);
        });
      },
    });
  }
  return lists.map((findings) => sortFindings(model, findings));
}

/** Every single-workbook rule over one site. */
export function validateSite(model: SiteModel, options?: ValidateOptions): Finding[] {
  return runRules(model, RULES, [options?.lang ?? 'zh'], options)[0];
}

/**
 * validateSite in each of `langs`, the rules run once (the browser face's
 * worker gives both languages; the rules of a 50,000-row vault log take 0.3 s).
 * Past the findings limit in one language, it throws as that language's run would.
 */
export function validateSiteIn(model: SiteModel, langs: readonly Lang[], options?: Omit<ValidateOptions, 'lang'>): Finding[][] {
  return runRules(model, RULES, langs, options);
}

/**
 * The rules that compare workbooks given together (handover-copies-disagree,
 * proctor-takes-papers' check by the receiving unit's roster), sharing one
 * run's handover pairs; findings keyed by site id.
 */
export function validateAcross(sites: ReadonlyArray<CrossSite>, options?: ValidateOptions): Map<string, Finding[]> {
  const lang = options?.lang ?? 'zh';
  const out = new Map<string, Finding[]>(sites.map((s) => [s.id, []]));
  const models = new Map(sites.map((s) => [s.id, s.model]));
  const run = acrossRun(sites);
  for (const rule of CROSS_RULES as readonly CrossRule[]) {
    if (options?.only && !options.only.includes(rule.meta.id)) continue;
    rule.check(
      sites,
      (r) => {
        const model = models.get(r.site);
        if (!model) return;
        out.get(r.site)!.push(makeFinding(model, rule.meta, r.path, r.messageId, r.params ?? {}, lang));
      },
      run,
    );
  }
  for (const [id, list] of out) out.set(id, sortFindings(models.get(id)!, dedupe(list)));
  return out;
}
