import { whole } from './facts';
import { sumOfCounts } from '../model/values';
import { rowTotalWrong } from './row-total';
import type { RuleContext, RuleMeta } from './types';
import { unsolvedCells } from '../model/site-model';
import { labelOf } from '../model/labels';
import { countedOver, runningCounts } from './running-counts';
import { checkParts, HANDOVER_COUNTS, INTAKE_TOTALS, onRow, unitMismatch } from './totals-inside';

export const meta: RuleMeta = {
  id: 'column-total',
  title: { zh: '合计行不符', en: 'Column total wrong' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 交接明细“合计”；附件2 入库清单“合计”行；附件3“数量（袋/份）”、附件4“试卷份数”、考试安排“报考人数”下自行添加的小计、合计行',
  messages: {
    zh: {
      sum: '“{field}”写的是 {total}，但上面各行相加是 {sum}。合计须等于本栏各行之和，请核对后改正。',
      units: '“{field}”写的是 {total}，但上面各行不是同一种单位（{sum}），袋数和箱数不能相加。合计须按单位分别写，即“{sum}”，请改正。',
      part: '“{field}”写的是 {total}，但它合计的各行（序号 {seqs}）相加是 {sum}。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计须等于从第一行起各行之和；请核对后改正。',
      day: '“{field}”写的是 {total}，但{day}的各行（序号 {seqs}）相加是 {sum}。按日写的小计须等于当天各行之和，请核对后改正。',
      unread:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”{shown}，读不出一个数，这一合计无从核对。请先改正序号 {seq} 的“{label}”，再核对这一合计。',
      undated:
        '“{field}”写的是 {total}，{day}的各行（序号 {seqs}）相加是 {sum}；但序号 {seq} 的“{label}”{shown}，看不出是哪一天，这一小计无从核对。请先改正序号 {seq} 的“{label}”，再核对这一小计。',
    },
    en: {
      sum: '{fieldEn} is {total}, but the rows above add up to {sum}. A total must equal the sum of its column: check and correct it.',
      units: '{fieldEn} is {total}, but the rows above are in more than one unit ({sum}): bags and boxes do not add up. Write the total per unit: "{sum}".',
      part: '{fieldEn} is {total}, but the rows it totals (Nos. {seqsEn}) add up to {sum}. A total written inside a table (小计, 本页合计) must equal the sum of the rows it covers, a running total (累计) that of every row from the first: check and correct it.',
      day: '{fieldEn} is {total}, but the rows of {dayEn} (Nos. {seqsEn}) add up to {sum}. A day’s total must equal the sum of that day’s rows: check and correct it.',
      unread:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" {shownEn}, which is not a number, so this total cannot be checked. Correct No. {seq}’s "{label}" first, then check this total.',
      undated:
        '{fieldEn} is {total}, and the rows of {dayEn} (Nos. {seqsEn}) add up to {sum}; but No. {seq}’s "{label}" {shownEn}, so which day it is cannot be told and this total cannot be checked. Correct No. {seq}’s "{label}" first, then check this total.',
    },
  },
  docs: 'Totals are checked on every form that has a count column: 附件1 (交接明细’s 数量), 附件2 (each bag column and 合计（袋）), 附件3 (数量), 附件4 (试卷份数) and 考试安排 (报考人数) — the 合计 row the form prints, and the 小计/合计 rows people add. A 合计 row must equal the sum of its column: the handover sheet’s quantity column, each column of the intake list. The handover’s rows each pick their unit (袋 or 箱), which do not add up: over rows of both, 合计 is written per unit, the larger first (“2箱、3袋”, as the template’s formula and `custody fill` write it; “2箱3袋” is read so too), and a plain number there is wrong unless it counts every bag, a box’s as its 备注 says them (1箱 内装8袋 and 4袋: 12). While a row’s unit is not known (required-field says so) a total over rows of other units is not judged. Totals of part of a table — 小计, 本页合计, 6月21日小计, 以上合计, or a 合计 with rows of the table below it — are checked likewise against the rows since the part before them (or, a running total such as 累计, from the first row); the last of them with no 合计 under it is the table’s 合计. On every form, such a total over a row whose count cannot be read (an error value such as #N/A, or words such as 三袋半) is said to be unchecked (无从核对), naming that row and what its cell shows, instead of being compared with a sum that leaves the row out; the table’s own printed 合计 over such a row is left to invalid-count. A column with an unreadable count is not totalled (invalid-count reports it), nor one with a formula saved without its value (formula-not-saved reports it); the intake columns are not totalled while a row’s own total is wrong (row-total reports it). The tables that print no 合计 row — the vault log’s 数量, the distribution register’s 试卷份数, the schedule’s 报考人数 — are checked likewise where people write one: a 小计 or 本页合计 against the rows since the part before it, a 合计 at the foot against every row above it, and a day’s 小计 against the rows of that day, named in the message: 6月15日小计 the rows dated that day by their 取卷时间 (the register’s 领取时间, the schedule’s 开考时间); 本日小计, 第二天小计 — or a 小计 that is the first total after a day’s heading (6月16日, 第二天) — the rows since that heading, or, with no heading, the rows of the day of the rows just above it; there a total over a row whose count cannot be read (an error value such as #N/A, or words), or for a day’s total a row whose day cannot be read, is said to be unchecked, naming that row, instead of being called wrong; a total there that Excel works out (=SUM(…)) is not checked, the figure saved with it possibly one Excel no longer shows. Each table’s counts are summed once, however many totals it holds.',
};

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  (data.handovers ?? []).forEach((h, i) => {
    const wrong = h && unitMismatch(h.total, countedOver(runningCounts(h.items ?? [], HANDOVER_COUNTS), 0, h.items?.length ?? 0));
    if (wrong) report(`handovers[${i}].total`, wrong.id, { total: wrong.total, sum: wrong.sum, field: '合计', fieldEn: '"合计"' });
  });
  // A cell whose formula has no value here (model.unsolvedFormulas) is not known: a total over it is not judged.
  const unsolved = unsolvedCells(model);
  const unknown = (at: string) => {
    const cell = model.locations[at];
    return cell !== undefined && unsolved !== undefined && unsolved.has(`${cell.sheet}!${cell.cell}`);
  };
  // Each intake list has its own 合计 (one list per delivery).
  for (const { list: intake, path } of facts.intakes) {
    if (!intake.totals || !intake.items) continue;
    // A row that does not add up already has its finding (row-total); its column totals would only repeat it.
    if (intake.items.some((it) => it && rowTotalWrong(it as Record<string, unknown>))) continue;
    for (const k of INTAKE_TOTALS) {
      const total = whole(intake.totals[k]);
      if (total === undefined || (unsolved && intake.items.some((_it, j) => unknown(`${path}.items[${j}].${k}`)))) continue;
      const sum = sumOfCounts(intake.items.map((it) => it?.[k]));
      if (sum !== undefined && sum !== total) report(`${path}.totals.${k}`, 'sum', { total, sum, ...onRow('合计', `${labelOf(`intake.items.${k}`)}（袋）`) });
    }
  }
  checkParts({ model, facts, report } as RuleContext, unsolved && unknown);
}
