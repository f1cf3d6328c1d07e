import { isBlankValue, whole } from './facts';
import { sumOfCounts } from '../model/values';
import { rowTotalWrong } from './row-total';
import type { RuleContext, RuleMeta } from './types';
import { unsolvedCells } from '../model/site-model';
import type { Handover } from '../model/types';
import { itemBags } from '../model/custody';
import { valueAt } from '../model/location';
import { labelOf } from '../model/labels';
import { countsByUnit, totalAgrees, totalReadings, unitTotalText } from '../model/unit-total';

export const meta: RuleMeta = {
  id: 'column-total',
  title: { zh: '合计行不符', en: 'Column total wrong' },
  severity: 'error',
  forms: [1, 2],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1 交接明细“合计”；附件2 入库清单“合计”行',
  messages: {
    zh: {
      sum: '“{field}”写的是 {total}，但上面各行相加是 {sum}。合计须等于本栏各行之和，请核对后改正。',
      units: '“{field}”写的是 {total}，但上面各行不是同一种单位（{sum}），袋数和箱数不能相加。合计须按单位分别写，即“{sum}”，请改正。',
      part: '“{field}”写的是 {total}，但它合计的各行（序号 {seqs}）相加是 {sum}。写在表格中间的合计（小计、本页合计等）须等于它所合计各行之和，累计须等于从第一行起各行之和；请核对后改正。',
    },
    en: {
      sum: '{fieldEn} is {total}, but the rows above add up to {sum}. A total must equal the sum of its column: check and correct it.',
      units: '{fieldEn} is {total}, but the rows above are in more than one unit ({sum}): bags and boxes do not add up. Write the total per unit: "{sum}".',
      part: '{fieldEn} is {total}, but the rows it totals (Nos. {seqsEn}) add up to {sum}. A total written inside a table (小计, 本页合计) must equal the sum of the rows it covers, a running total (累计) that of every row from the first: check and correct it.',
    },
  },
  docs: 'A 合计 row must equal the sum of its column: the handover sheet’s quantity column, each column of the intake list. The handover’s rows each pick their unit (袋 or 箱), which do not add up: over rows of both, 合计 is written per unit, the larger first (“2箱、3袋”, as the template’s formula and `custody fill` write it; “2箱3袋” is read so too), and a plain number there is wrong unless it counts every bag, a box’s as its 备注 says them (1箱 内装8袋 and 4袋: 12). While a row’s unit is not known (required-field says so) a total over rows of other units is not judged. Totals of part of a table — 小计, 本页合计, 6月21日小计, 以上合计, or a 合计 with rows of the table below it — are checked likewise against the rows since the part before them (or, a running total such as 累计, from the first row); the last of them with no 合计 under it is the table’s 合计. A column with an unreadable count is not totalled (invalid-count reports it), nor one with a formula saved without its value (formula-not-saved reports it); the intake columns are not totalled while a row’s own total is wrong (row-total reports it).',
};

/** A 合计 that counts every bag, a box's as its 备注 says them (1箱 内装8袋 and 4袋: 12): a total of one unit all the same. */
function inBags(h: Handover): boolean {
  const bags = h.items!.map(itemBags);
  const written = totalReadings(h.total)[0];
  const [unit, n] = written && written.size === 1 ? [...written][0] : ['', undefined];
  return (unit === '' || unit === '袋') && bags.every((b) => b !== undefined) && n === bags.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** What is wrong with a handover's 合计 (or a part's, `total`) over `items`, by unit (src/model/unit-total.ts); undefined: nothing, or not judged. */
function handoverMismatch(h: Handover, total: unknown = h.total): { id: 'sum' | 'units'; total: string | number; sum: string | number } | undefined {
  if (isBlankValue(total) || !h.items || h.items.length === 0) return undefined;
  if (h.items.some((it) => isBlankValue(it?.quantity))) return undefined; // required-field
  const counts = countsByUnit(h.items);
  if (!counts || totalReadings(total).length === 0) return undefined; // invalid-count
  // A row whose unit is not known, beside rows that name theirs: its own finding says so; the total waits for it.
  if (counts.has('') && counts.size > 1) return undefined;
  if (totalAgrees(total, counts) || inBags({ ...h, total } as Handover)) return undefined;
  const shown = whole(total) ?? String(total).trim();
  if (counts.size > 1) return { id: typeof shown === 'number' ? 'units' : 'sum', total: shown, sum: unitTotalText(counts) };
  return { id: 'sum', total: shown, sum: [...counts.values()][0] ?? 0 };
}

/** The intake columns a 合计 sums. */
const INTAKE_TOTALS = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const;

/**
 * Each total of part of a table (model.partTotals: 小计, 本页合计 …) against the rows it covers: since the part before
 * it, from its sheet's first row, or from the list's first (累计) — wrong only when it is none of these.
 */
function checkParts({ model, report }: RuleContext, unknown: (at: string) => boolean): void {
  (model.partTotals ?? []).forEach((part, i) => {
    const items = valueAt(model.data, part.rowsAt);
    if (!Array.isArray(items)) return;
    const spans = [part.from, part.start, 0].filter((from, k, all) => all.indexOf(from) === k).map((from) => items.slice(from, part.to));
    const seqs = seqsOf(model.locations, part.rowsAt, part.from, part.to);
    const said = (key: string, found: { total: string | number; sum: string | number }) => {
      const label = `${labelOf(`${part.rowsAt}.${key}`)}${key.startsWith('bags') || key === 'totalBags' ? '（袋）' : ''}`;
      report(`partTotals[${i}].${key}`, 'part', { ...found, ...onRow(part.word, label), seqs: seqs.join('–'), seqsEn: seqs.join('–') });
    };
    if (/^handovers\[\d+\]\.items$/.test(part.rowsAt)) {
      const wrong = spans.map((rows) => handoverMismatch({ items: rows } as Handover, part.values.quantity));
      if (wrong.every(Boolean)) said('quantity', wrong[0]!);
      return;
    }
    if (items.some((it) => it && rowTotalWrong(it as Record<string, unknown>))) return; // row-total
    for (const k of INTAKE_TOTALS) {
      const total = whole(part.values[k]);
      if (total === undefined || items.slice(0, part.to).some((_it, j) => unknown(`${part.rowsAt}[${j}].${k}`))) continue;
      const sums = spans.map((rows) => sumOfCounts(rows.map((it) => (it as Record<string, unknown> | undefined)?.[k])));
      if (sums[0] !== undefined && !sums.includes(total)) said(k, { total, sum: sums[0] });
    }
  });
}

/**
 * A total row's cell as a message names it: zh “本页合计行的合计（袋）”, en “"合计（袋）" on the 本页合计 row” — the form's
 * words quoted alone, not a Chinese phrase inside an English sentence (review 22b D7).
 */
function onRow(row: string, label: string): { field: string; fieldEn: string } {
  return { field: `${row}行的${label}`, fieldEn: `"${label}" on the ${row} row` };
}

/** The first and last 序号 of rows `from`…`to` (not with) of a table, as located; a row not located: its place. */
function seqsOf(locations: RuleContext['model']['locations'], rowsAt: string, from: number, to: number): number[] {
  const seq = (j: number) => locations[`${rowsAt}[${j}]`]?.row ?? j + 1;
  return to - from <= 1 ? [seq(from)] : [seq(from), seq(to - 1)];
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  (data.handovers ?? []).forEach((h, i) => {
    const wrong = h && handoverMismatch(h);
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
  checkParts({ model, facts, report } as RuleContext, unknown);
}
