import { isBlankValue, whole } from './facts';
import type { RuleContext, RuleMeta } from './types';
import { unsolvedCells } from '../model/site-model';
import { labelOf } from '../model/labels';
import { totalReadings } from '../model/unit-total';
import { checkParts, handoverRun, INTAKE_TOTALS, judgedFrom, judgedList, listSumsOf, onRow } from './totals-inside';
import { reportUncounted, UNCHECKED_UNSAVED, UNSAVED_FORMULA } from './uncounted';

export const meta: RuleMeta = {
  id: 'column-total',
  title: { zh: '合计行不符', en: 'Column total wrong' },
  severity: 'error',
  // A total over a formula saved without its value: nothing written is wrong, and saved again the total is checked.
  warnings: ['unreadFormula'],
  forms: [0, 1, 2, 3, 4],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 交接明细“合计”；附件2 入库清单“合计”行；附件3“数量（袋/份）”、附件4“试卷份数”、考试安排“报考人数”下自行添加的小计、合计行',
  messages: {
    zh: {
      sum: '“{field}”写的是 {total}，但上面各行相加是 {sum}。合计须等于本栏各行之和，请核对后改正。',
      units: '“{field}”写的是 {total}，但上面各行不是同一种单位（{sum}），袋数和箱数不能相加。合计须按单位分别写，即“{sum}”，请改正。',
      part: '“{field}”写的是 {total}，但它合计的各行（序号 {seqs}）相加是 {sum}。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计、以上合计须等于从第一行起各行之和；请核对后改正。',
      day: '“{field}”写的是 {total}，但{day}的各行（序号 {seqs}）相加是 {sum}。按日写的小计须等于当天各行之和，请核对后改正。',
      unread:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”{shown}，读不出一个数{more}，这一合计无从核对。请先改正序号 {rows} 的“{label}”，再核对这一合计。',
      unreadUnit:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”写的是“{value}”：数是 {count}，单位却是“{written}”，而这一行按{units}计，{count}{written}不能当作 {count}{first}{more}，这一合计无从核对。请先按{units}改写序号 {rows} 的“{label}”，再核对这一合计。',
      unreadBoxes:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”写的是“{value}”，箱和袋写在了同一格里，而这一行按{units}计，算不出它是多少{more}，这一合计无从核对。请先按{units}写出序号 {rows} 的“{label}”，再核对这一合计。',
      unreadCounts:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”写的是“{value}”，是几种试卷各自的数量，却和这一行写的试卷对不上，看不出这一行共多少{more}，这一合计无从核对。请先把序号 {rows} 按每种试卷一行改写，再核对这一合计。',
      unreadSpaced:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”写的是“{value}”：{counts} 个数之间隔着空格{papersBeside}，读不出是多少（本工具没有把它读成 {joined}）{more}，这一合计无从核对。请先把序号 {seq} 的“{label}”改写成一个数（是一个数中间多了空格的，删去空格；不是的，核对后写实有的数目）{orSplit}，再核对这一合计。',
      unreadSize:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”没有填写，要按这一行各袋型的袋数相加，而它的“{size}”{shown}，读不出袋数{more}，这一合计无从核对。请先改正序号 {seq} 的“{size}”，再核对这一合计。',
      unreadFormula: `“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”${UNSAVED_FORMULA.zh}{more}，${UNCHECKED_UNSAVED.zh}`,
      unreadBlank:
        '“{field}”写的是 {total}，但它合计的行中，序号 {seq} 的“{label}”没有填写{more}，这一合计无从核对。请先补填序号 {rows} 的“{label}”（确实没有的写 0），再核对这一合计。',
      undated:
        '“{field}”写的是 {total}，{day}的各行（序号 {seqs}）相加是 {sum}；但序号 {seq} 的“{label}”{shown}，看不出是哪一天，这一小计无从核对。请先改正序号 {seq} 的“{label}”，再核对这一小计。',
    },
    en: {
      sum: '{fieldEn} is {total}, but the rows above add up to {sum}. A total must equal the sum of its column: check and correct it.',
      units: '{fieldEn} is {total}, but the rows above are in more than one unit ({sum}): bags and boxes do not add up. Write the total per unit: "{sum}".',
      part: '{fieldEn} is {total}, but the rows it totals (Nos. {seqsEn}) add up to {sum}. A total written inside a table (小计, 本页合计) must equal the sum of the rows it covers, a running total (累计) or 以上合计 that of every row from the first: check and correct it.',
      day: '{fieldEn} is {total}, but the rows of {dayEn} (Nos. {seqsEn}) add up to {sum}. A day’s total must equal the sum of that day’s rows: check and correct it.',
      unread:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" {shownEn}, which is not a number{moreEn}, so this total cannot be checked. Correct {rowsEn}’s "{label}" first, then check this total.',
      unreadUnit:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" reads "{value}": the number {count} in {writtenEn}, but that row counts {unitsEn}, and {count} {written} cannot be taken for {count} {first}{moreEn}, so this total cannot be checked. Write {rowsEn}’s "{label}" in {unitsEn} first, then check this total.',
      unreadBoxes:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" reads "{value}": boxes and bags in one cell, where that row counts in {unitsEn}, so how many it is cannot be told{moreEn}, and this total cannot be checked. Write {rowsEn}’s "{label}" in {unitsEn} first, then check this total.',
      unreadCounts:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" reads "{value}": a count for each of several papers, which does not pair with the papers the row writes, so its count cannot be told{moreEn}, and this total cannot be checked. Write {rowsEn} as one row a paper first, then check this total.',
      unreadSpaced:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" reads "{value}": {counts} numbers parted by a space{papersBesideEn}, so how many it is cannot be told (it was not read as {joined}){moreEn}, and this total cannot be checked. Write No. {seq}’s "{label}" as one number first (if it is one number with a space typed into it, delete the space; if not, check and write the number there is){orSplitEn}, then check this total.',
      unreadSize:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" is empty, to be counted as the sum of the row’s bag sizes, and its "{size}" {shownEn}, which is not a number of bags{moreEn}, so this total cannot be checked. Correct No. {seq}’s "{size}" first, then check this total.',
      unreadFormula: `{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}"${UNSAVED_FORMULA.en}{moreEn}${UNCHECKED_UNSAVED.en}`,
      unreadBlank:
        '{fieldEn} is {total}, but among the rows it totals, No. {seq}’s "{label}" is empty{moreEn}, so this total cannot be checked. Fill in {rowsEn}’s "{label}" first (0 where there is none), then check this total.',
      undated:
        '{fieldEn} is {total}, and the rows of {dayEn} (Nos. {seqsEn}) add up to {sum}; but No. {seq}’s "{label}" {shownEn}, so which day it is cannot be told and this total cannot be checked. Correct No. {seq}’s "{label}" first, then check this total.',
    },
  },
  docs: 'Totals are checked on every form that has a count column: 附件1 (交接明细’s 数量), 附件2 (each bag column and 合计（袋）), 附件3 (数量), 附件4 (试卷份数) and 考试安排 (报考人数) — the 合计 row the form prints, and the 小计/合计 rows people add. A 合计 row must equal the sum of its column: the handover sheet’s quantity column, each column of the intake list. The handover’s rows each pick their unit (袋 or 箱), which do not add up: over rows of both, 合计 is written per unit, the larger first (“2箱、3袋”, as the template’s formula and `custody fill` write it; “2箱3袋” is read so too), and a plain number there is wrong unless it counts every bag, a box’s as its 备注 says them (1箱 内装8袋 and 4袋: 12). While a row’s unit is not known (required-field says so) a total over rows of other units is not judged. Totals of part of a table — 小计, 本页合计, 6月21日小计, 以上合计, a unit’s block (岳麓考点小计, 长沙分校合计), or a 合计 with rows of the table below it — are checked likewise against the rows since the part before them (or, a running total such as 累计, and 以上合计 — “以上” is every row above, after a 小计 too —, from the first row), each over its own rows: a reading from the sheet’s or the list’s first row excuses it only by agreeing, so a row above an earlier 小计 that leaves that 小计 waiting (a blank count) does not leave a later one unjudged; the last of them with no 合计 under it is the table’s 合计. On every form, a total — the printed 合计 as much as a 小计 — over a row it cannot count is said to be unchecked (无从核对) instead of being compared with a sum that leaves that row out: one finding at the total, saying why the first such row cannot be counted and naming the others (each row’s own finding stays at its cell: invalid-count, formula-not-saved). A count corrected beside itself (“2（实为3）”: which of the two the row holds cannot be told) leaves the totals over it unchecked too, but is said once, by invalid-count at its cell, which says so: no finding at a total for it (the total may be right either way), the total said unchecked only for another row it cannot count. An item writing one count per paper (“2、1” or “2 1” beside 1001、2045) counts their sum where the counts pair with its papers, and so does a vault or register row read apart so (“1001、2045” with 数量 “2、1”); where they do not, the total over it is unchecked, said so: “2、1” beside three papers as counts that do not pair with them; “2 1” beside one paper or three, or in a cell that counts no paper one by one (附件2’s bag columns and 合计（袋）, 报考人数), as numbers parted by a space — maybe one number with a space typed into it, as invalid-count says at the cell —, not as several papers’ counts. A row cannot be counted where its count cannot be read (an error value such as #N/A, words such as 三袋半: quoted), is a number in another unit than its row counts in (“6袋” on a row in 箱: the number is 6, but bags are not boxes; boxes and bags in one cell, “2箱3袋”, on a row in 袋), is a formula saved without its value that this tool cannot work out (open and save the workbook in Excel or WPS), or, where no rule asks for it (考试安排’s 报考人数), is blank. A total that is itself no count (#N/A, as its =SUM shows over such a row) is invalid-count’s alone. A blank count the form asks for (附件1’s and 附件3’s 数量, 附件4’s 试卷份数, a 附件2 row with no bags at all) is its row’s own finding (required-field, partial-row): a total over it waits for it, neither judged nor said unchecked; a 附件2 bag column left blank beside others filled is none (0), and a row’s 合计（袋） left blank beside its bags counts the bags the row shows (the sum of its four sizes, as every other check reads the row’s bags) under the 合计（袋） column’s total; where one of those sizes cannot be read (or is a formula saved without its value), the total over it is unchecked, naming that size as the cell to mend. The intake columns are not totalled while a row’s own total is wrong (row-total reports it). The tables that print no 合计 row — the vault log’s 数量, the distribution register’s 试卷份数, the schedule’s 报考人数 — are checked likewise where people write one: a 小计 or 本页合计 against the rows since the part before it, a 合计 at the foot against every row above it, and a day’s 小计 against the rows of that day, named in the message: 6月15日小计 the rows dated that day by their 取卷时间 (the register’s 领取时间, the schedule’s 开考时间); 本日小计, 第二天小计 — or a 小计 that is the first total after a day’s heading (6月16日, 第二天) — the rows since that heading, or, with no heading, the rows of the day of the rows just above it; there a total over a row whose count cannot be read (an error value such as #N/A, or words), or for a day’s total a row whose day cannot be read, is said to be unchecked, naming that row, instead of being called wrong; a total there that Excel works out (=SUM(…)) is not checked, the figure saved with it possibly one Excel no longer shows. Each table’s counts are summed once, however many totals it holds.',
};

export function check(ctx: RuleContext): void {
  const { model, facts, report } = ctx;
  // A cell whose formula has no value here (model.unsolvedFormulas) is not known: a total over it is unchecked, said so.
  const unsolved = unsolvedCells(model);
  const unknown =
    unsolved &&
    ((at: string) => {
      const cell = model.locations[at];
      return cell !== undefined && unsolved.has(`${cell.sheet}!${cell.cell}`);
    });
  // Each table's counts summed once, for its printed 合计 and the totals written inside it alike.
  const cache = new Map<string, unknown>();
  (model.data.handovers ?? []).forEach((h, i) => {
    const total = h?.total;
    // A 合计 that is itself no count (#N/A, as its =SUM shows over a row showing #N/A) is invalid-count's, at that cell.
    if (!h?.items?.length || isBlankValue(total) || totalReadings(total).length === 0) return;
    const judged = judgedFrom(total, handoverRun(cache, `handovers[${i}].items`, h.items, unknown, ctx.facts.paperNames), [0], h.items.length);
    const said = { total: whole(total) ?? String(total).trim(), field: '合计', fieldEn: '"合计"' };
    if (Array.isArray(judged)) reportUncounted(ctx, `handovers[${i}].total`, said, `handovers[${i}].items`, judged, 'quantity', unknown);
    else if (judged !== 'ok') report(`handovers[${i}].total`, judged.id, { ...said, total: judged.total, sum: judged.sum });
  });
  // Each intake list has its own 合计 (one list per delivery).
  for (const { list: intake, path } of facts.intakes) {
    if (!intake.totals || !intake.items) continue;
    const list = listSumsOf(cache, `${path}.items`, intake.items, unknown);
    // A row that does not add up already has its finding (row-total); its column totals would only repeat it.
    if (list.rowWrong) continue;
    for (const k of INTAKE_TOTALS) {
      const total = whole(intake.totals[k]);
      if (total === undefined) continue;
      const judged = judgedList(list, k, total, [0], intake.items.length);
      const said = { total, ...onRow('合计', `${labelOf(`intake.items.${k}`)}（袋）`) };
      if (Array.isArray(judged)) reportUncounted(ctx, `${path}.totals.${k}`, said, `${path}.items`, judged, k, unknown);
      else if (judged !== 'ok') report(`${path}.totals.${k}`, 'sum', { ...said, sum: judged.sum });
    }
  }
  checkParts(ctx, unknown, cache);
}
