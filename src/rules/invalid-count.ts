import { isBlankValue, whole } from './facts';
import { itemCounts } from '../model/item-papers';
import { type CountsForPapers, countsForPapers, numbersSpaced } from '../model/paper-rows';
import { papersCounted } from './count-papers';
import type { Params, RuleContext, RuleMeta } from './types';
import { DEFAULT_SETTINGS } from '../model/types';
import { countCorrection } from '../model/text';
import { errorParams, isExcelError } from '../model/excel-errors';
import { totalReadings, UNIT_CHOICES } from '../model/unit-total';
import { inOtherUnit, rowUnit, unitEn, unitWords } from './count-unit';

export const meta: RuleMeta = {
  id: 'invalid-count',
  title: { zh: '数量不是整数', en: 'Count not a whole number' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1“数量（袋/箱）”；附件2“31份装（袋）……合计（袋）”；附件3“数量（袋/份）”；附件4“试卷份数”',
  messages: {
    zh: {
      count: '“{field}”写的是“{value}”，不是一个不小于 0 的整数。袋数、箱数、份数只能是整数，请改成阿拉伯数字，如“3”。',
      error:
        '“{field}”这一格显示的是“{value}”，这是 Excel 的错误值：格子里的公式算不出结果（{cause}），表上和打印出来的都是“{value}”，不是一个数。请改正公式，或删去公式直接填写数字，如“3”。',
      setting: '“{field}”写的是“{value}”，读不出一个不小于 0 的数，检查时只好按默认的 {default} 计。请只写数字，如“{default}”。',
      unit: '“{field}”写的是“{value}”：单位写的是“{written}”，本表此处按{units}计，不能当作 {count}{first}。检查时暂不计入，请核对实物后按{units}改写（是 {count}{first}的只写“{count}”）{orRow}。',
      countsPapers:
        '“{field}”写的是“{value}”，是 {counts} 个数量，但这一行写的是 {papers} 个试卷号（“{paper}”）：数量和试卷对不上，看不出哪个数量是哪种试卷的，这一行的数量无法核对。请核对实物，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      countsSpaced:
        '“{field}”写的是“{value}”：{counts} 个数之间隔着空格，看不出是 {counts} 个数量，还是一个数中间多了空格（本工具没有把它读成 {joined}，也没有按哪个数核对），而这一行写的是 {papers} 个试卷号（“{paper}”），这一行的数量无法核对。请核对实物：是一个数的，删去空格；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量。',
      spaced:
        '“{field}”写的是“{value}”：{counts} 个数之间隔着空格，读不出一个数（本工具没有把它读成 {joined}，也没有按哪个数核对）。这一格只能写一个整数：是一个数中间多了空格的，删去空格；不是的，请核对后改写成实有的数目。',
      corrected:
        '“{field}”写的是“{value}”：写了 {written}，又在括号里注明是 {corrected}，看不出这一行实有的是 {written} 还是 {corrected}（本工具没有按哪个数核对{totals}）。表上须写实有的数目：请核对实物后只写一个数（是 {corrected} 的写“{corrected}”），需要说明更正经过的写在备注里。',
      boxes:
        '“{field}”写的是“{value}”，箱和袋写在了同一格里：看不出是 {boxes} 箱另加 {bags} 袋，还是 {boxes} 箱内共装 {bags} 袋。本表此处按{units}计，这一格算不出总数，检查时暂不计入。请核对实物后按{units}写出总数（只写数字）{orRow}。',
    },
    en: {
      count: '"{field}" reads "{value}", which is not a whole number ≥ 0. Bag, box and copy counts are whole numbers; write e.g. "3".',
      error:
        '"{field}" shows "{value}", an Excel error value: the formula in the cell cannot be worked out ({causeEn}), and the form shows and prints "{value}", not a number. Correct the formula, or delete it and type the number, e.g. "3".',
      setting: '"{field}" reads "{value}", which is not a number ≥ 0, so the checks use the default, {default}. Write the number alone, e.g. "{default}".',
      unit: '"{field}" reads "{value}": in {writtenEn}, but here counts are in {unitsEn}, so it is not {count} {first}. It is left out of the checks until corrected: check the papers and write it in {unitsEn} (for {count} {first}, write "{count}"){orRowEn}.',
      countsPapers:
        '"{field}" reads "{value}", {counts} counts, but the row writes {papers} papers ("{paper}"): the counts do not match the papers, and which count is whose cannot be told, so the row’s count is not checked. Check the papers and write one paper a row, each with its paper number and its own count.',
      countsSpaced:
        '"{field}" reads "{value}": {counts} numbers parted by a space, so it cannot be told whether these are {counts} counts or one number with a space typed into it (it was not read as {joined}, nor checked as any of them), and the row writes {papers} papers ("{paper}"), so the row’s count is not checked. Check the papers: if it is one number, delete the space; if they are the counts of several papers, write one paper a row, each with its paper number and its own count.',
      spaced:
        '"{field}" reads "{value}": {counts} numbers parted by a space, which is not one number (it was not read as {joined}, nor checked as any of them). This cell holds one whole number: if it is one number with a space typed into it, delete the space; if not, check and write the number there is.',
      corrected:
        '"{field}" reads "{value}": {written}, with {corrected} noted in brackets as the true count, so whether the row holds {written} or {corrected} cannot be told (it was checked as neither{totalsEn}). The form holds the number there is: check the papers and write one number (for {corrected}, write "{corrected}"); a note of the correction goes in 备注.',
      boxes:
        '"{field}" reads "{value}": boxes and bags in one cell, and it cannot be told whether that is {boxes} boxes and {bags} more bags, or {boxes} boxes holding {bags} bags. Here counts are in {unitsEn}, so there is no total to take; it is left out of the checks until corrected: check the papers and write the total in {unitsEn} (the number alone){orRowEn}.',
    },
  },
  docs: 'A bag, quantity, copy or candidate count that is not a whole number ≥ 0 (text, a fraction, a negative; a cell showing an Excel error value such as #REF! or #DIV/0!, its formula not worked out, is told so); a handover’s 合计 may be written per unit (“2箱、3袋”). Totals that depend on it are not checked. A count written with a unit (“6袋”, “三袋”) other than the one its row or column counts in — the row’s 单位, a header such as 数量（箱） or 31份装（袋）, or a unit the form does not count in (附件3 in 箱) — is told so at its cell, naming both units; boxes and bags in one cell (“2箱3袋”, “二箱三袋”) where the row counts in 袋 or 份 cannot be totalled (2 boxes and 3 bags more, or 2 boxes holding 3?) and are told so once, naming both; counts written in Chinese numerals up to 99 (三袋, 贰袋, 两袋, 十二袋) read as numbers, and so do counts with words around them: 共/合计/总计/计 before (共5袋, 合计五袋), 整 after (五袋整), a note in brackets after (5袋（含补考1袋）: the count is the number before it — but not a correction, 2（实为3）, 5袋（应为4袋）: which of the two the row holds cannot be told, said so, with the totals over it, which wait for it — said here alone, not again at each total), or after a comma when it says it is part of the count (5袋，含补考1袋; 5袋，其中补考1袋: 含, 其中, 包括). An estimate, a range, or two counts (约5袋, 5袋左右, 5-6袋, 5袋，6袋; a 合计 naming one unit twice) is no count. A row writing several 试卷号 whose count cell writes one count per paper (“1001、2045” with 数量 “2、1”) is no such mistake: the counts are the papers’ own, read apart where the row can be (unknown-paper says the row); counts that do not pair one to one with the row’s papers (“2、1” beside three, or beside one) are told so plainly, naming both. Counts parted by a space (“2 1”) are read as “2、1” is beside as many papers; beside another number of papers (or one) it cannot be told whether they are counts or one number with a space typed into it: told so, never read as 21. In a cell that counts no paper one by one (附件2’s bag columns and 合计（袋）, 考试安排’s 报考人数, a 合计, a row naming no paper) “2 1” is told as two numbers parted by a space where one whole number is written. A threshold on 基本信息 that cannot be read (the checks then use its default) is said too.',
};

/**
 * A count cell that is not text, and blank or a whole number: nothing to read apart nor to say, so its row's papers and
 * paths are not worked out (a log's 50,000 rows, a handover's 5,000 items each had their papers read twice for nothing).
 */
const countAsIs = (v: unknown): boolean => typeof v !== 'string' && (isBlankValue(v) || whole(v) !== undefined);

/** The thresholds of 基本信息 that are counts, with the default the checks use when one cannot be read. */
const COUNT_SETTINGS = ['arrivalDaysBefore', 'checkoutLeadMinutes', 'returnGraceMinutes', 'intakeWithinHours'] as const;

/**
 * What a corrected count (“2（实为3）”) says of the totals over it: they wait for it — said here, once, not again as
 * column-total's at each total (review 25a D4: one fact, one finding); nothing on a total's own cell.
 */
function totalsWait(path: string): Params {
  if (/\.totals?(\.|$)/.test(path)) return { totals: '', totalsEn: '' };
  return {
    totals: '，也没有把它计入合计：合计等这一格改正后再核对',
    totalsEn: ', nor counted in any total: the totals over it are checked once it is corrected',
  };
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  /** `units`: what the cell counts in, for a count written in another (kept as typed by the reader: forms/count-units.ts). */
  /** Another of the form's units, `unit`, is the row's to pick where the sheet keeps its 单位 column. */
  const rowMayPick = (path: string, unit: string, choices?: readonly string[]) =>
    choices?.includes(unit) === true && facts.located(`${path.slice(0, path.lastIndexOf('.'))}.unit`);
  const c = (path: string, v: unknown, units?: readonly string[], choices?: readonly string[]) => {
    if (isBlankValue(v) || whole(v) !== undefined) return;
    // #REF!, #DIV/0!, #N/A: the cell's formula failed, and the form prints the error (review 17a D1).
    if (isExcelError(v)) return void report(path, 'error', errorParams(v));
    // “2 1” where one number is written (附件2's bag columns, 报考人数, a row naming no paper): not one number, nor 21.
    const spaced = numbersSpaced(v);
    if (spaced) return void report(path, 'spaced', { value: String(v), counts: spaced.length, joined: spaced.join('') });
    // “2（实为3）”: a correction beside the count, not a note about it (review 24 D3) — two counts, neither taken.
    const corrected = countCorrection(v);
    if (corrected) return void report(path, 'corrected', { value: String(v), ...corrected, ...totalsWait(path) });
    const other = inOtherUnit(v, units);
    if (!other) return void report(path, 'count', { value: String(v) });
    // “2箱3袋” where the row counts bags: 2 boxes and 3 bags more, or 2 boxes holding 3? No total either way.
    if ('boxes' in other) {
      const box = rowMayPick(path, '箱', choices);
      return void report(path, 'boxes', {
        value: String(v),
        ...other,
        ...unitWords(units!),
        orRow: box ? `；是 ${other.boxes} 箱（内装 ${other.bags} 袋）的，把本行的单位改为“箱”` : '',
        orRowEn: box ? `; if it is ${other.boxes} boxes holding ${other.bags} bags, pick 箱 as the row’s unit` : '',
      });
    }
    const { written, count } = other;
    const picked = rowMayPick(path, written, choices) ? written : undefined;
    report(path, 'unit', {
      value: String(v),
      written,
      writtenEn: unitEn(written),
      ...unitWords(units!),
      count,
      orRow: picked ? `；确是 ${count}${picked}的，把本行的单位改为“${picked}”` : '',
      orRowEn: picked ? `; if it is ${count} ${picked}, pick ${picked} as the row’s unit` : '',
    });
  };
  /**
   * A count cell writing one count per paper (“2、1”, round 25; “2 1”, fix-counts26): the row's papers' counts where
   * they pair with its papers (read apart, paper-rows.ts; else its several papers are unknown-paper's), said not to
   * match them where not — numbers parted by spaces alone said as maybe one number, never read as 21; false for any
   * other cell, checked as a count.
   */
  const countsOfPapers = (row: string, key: string, v: unknown, each: CountsForPapers | undefined, papers: number, paper: string): boolean => {
    if (!each) return false;
    if (each.paired) return true;
    const params = { value: String(v), counts: each.counts.length, papers, paper };
    if (numbersSpaced(v)) report(`${row}.${key}`, 'countsSpaced', { ...params, joined: each.counts.join('') });
    else report(`${row}.${key}`, 'countsPapers', params);
    return true;
  };
  (data.schedule ?? []).forEach((s, i) => c(`schedule[${i}].candidates`, s?.candidates));
  (data.handovers ?? []).forEach((h, i) => {
    (h?.items ?? []).forEach((it, j) => {
      if (countAsIs(it?.quantity)) return;
      const path = `handovers[${i}].items[${j}]`;
      const { papers, paper } = papersCounted(facts, `handovers[${i}].items`, j, it);
      if (!countsOfPapers(path, 'quantity', it?.quantity, it ? itemCounts(it, facts.paperNames) : undefined, papers, paper))
        c(`${path}.quantity`, it?.quantity, rowUnit(it, UNIT_CHOICES.handovers), UNIT_CHOICES.handovers);
    });
    // 合计 over rows of both units is written per unit (“2箱、3袋”): a count all the same.
    if (totalReadings(h?.total).length === 0) c(`handovers[${i}].total`, h?.total);
  });
  const keys = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const;
  for (const { list, path } of facts.intakes) {
    // 附件2 counts bags by envelope size: 31份装（袋）……合计（袋）.
    (list.items ?? []).forEach((it, i) => keys.forEach((k) => c(`${path}.items[${i}].${k}`, it?.[k], ['袋'])));
    if (list.totals) keys.forEach((k) => c(`${path}.totals.${k}`, list.totals![k]));
  }
  (data.vaultLog ?? []).forEach((r, i) => {
    if (countAsIs(r?.quantity)) return;
    const path = `vaultLog[${i}]`;
    const { papers, paper } = papersCounted(facts, 'vaultLog', i, r);
    if (!countsOfPapers(path, 'quantity', r?.quantity, countsForPapers(r?.quantity, r?.unit, papers), papers, paper))
      c(`${path}.quantity`, r?.quantity, rowUnit(r, UNIT_CHOICES.vaultLog), UNIT_CHOICES.vaultLog);
  });
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) => {
      if (countAsIs(r?.copies)) return;
      const path = `distributions[${i}].rows[${j}]`;
      const { papers, paper } = papersCounted(facts, `distributions[${i}].rows`, j, r);
      if (!countsOfPapers(path, 'copies', r?.copies, countsForPapers(r?.copies, '份', papers), papers, paper)) c(`${path}.copies`, r?.copies);
    }),
  );
  const settings = (data.site?.settings ?? {}) as Record<string, unknown>;
  for (const key of COUNT_SETTINGS) {
    const v = settings[key];
    // As the checks take a threshold (facts.ts settingsOf): any number from 0; else its default — which "默认" asks for.
    if (isBlankValue(v) || (typeof v === 'string' && /^默认/.test(v.trim()))) continue;
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      report(`site.settings.${key}`, 'setting', { value: String(v), default: String(DEFAULT_SETTINGS[key]) });
    }
  }
}
