import { isBlankValue, whole } from './facts';
import { sumOfCounts } from '../model/values';
import { rowTotalWrong } from './row-total';
import type { RuleContext, RuleMeta } from './types';
import { unsolvedCells } from '../model/site-model';
import type { Handover } from '../model/types';
import { itemBags } from '../model/custody';
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
    },
    en: {
      sum: '"{field}" is {total}, but the rows above add up to {sum}. A total must equal the sum of its column: check and correct it.',
      units: '"{field}" is {total}, but the rows above are in more than one unit ({sum}): bags and boxes do not add up. Write the total per unit: "{sum}".',
    },
  },
  docs: 'A 合计 row must equal the sum of its column: the handover sheet’s quantity column, each column of the intake list. The handover’s rows each pick their unit (袋 or 箱), which do not add up: over rows of both, 合计 is written per unit, the larger first (“2箱、3袋”, as the template’s formula and `custody fill` write it; “2箱3袋” is read so too), and a plain number there is wrong unless it counts every bag, a box’s as its 备注 says them (1箱 内装8袋 and 4袋: 12). While a row’s unit is not known (required-field says so) a total over rows of other units is not judged. A column with an unreadable count is not totalled (invalid-count reports it), nor one with a formula saved without its value (formula-not-saved reports it); the intake columns are not totalled while a row’s own total is wrong (row-total reports it).',
};

/** A 合计 that counts every bag, a box's as its 备注 says them (1箱 内装8袋 and 4袋: 12): a total of one unit all the same. */
function inBags(h: Handover): boolean {
  const bags = h.items!.map(itemBags);
  const written = totalReadings(h.total)[0];
  const [unit, n] = written && written.size === 1 ? [...written][0] : ['', undefined];
  return (unit === '' || unit === '袋') && bags.every((b) => b !== undefined) && n === bags.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** A handover's 合计 against its rows, by unit (src/model/unit-total.ts). */
function checkHandover(h: Handover, path: string, report: RuleContext['report']): void {
  if (isBlankValue(h.total) || !h.items || h.items.length === 0) return;
  if (h.items.some((it) => isBlankValue(it?.quantity))) return; // required-field
  const counts = countsByUnit(h.items);
  if (!counts || totalReadings(h.total).length === 0) return; // invalid-count
  // A row whose unit is not known, beside rows that name theirs: its own finding says so; the total waits for it.
  if (counts.has('') && counts.size > 1) return;
  if (totalAgrees(h.total, counts) || inBags(h)) return;
  const total = whole(h.total) ?? String(h.total).trim();
  if (counts.size > 1) report(`${path}.total`, typeof total === 'number' ? 'units' : 'sum', { total, sum: unitTotalText(counts), field: '合计' });
  else report(`${path}.total`, 'sum', { total, sum: [...counts.values()][0] ?? 0, field: '合计' });
}

export function check({ model, facts, report }: RuleContext): void {
  const data = model.data;
  (data.handovers ?? []).forEach((h, i) => h && checkHandover(h, `handovers[${i}]`, report));
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
    for (const k of ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'] as const) {
      const total = whole(intake.totals[k]);
      if (total === undefined || (unsolved && intake.items.some((_it, j) => unknown(`${path}.items[${j}].${k}`)))) continue;
      const sum = sumOfCounts(intake.items.map((it) => it?.[k]));
      if (sum !== undefined && sum !== total) report(`${path}.totals.${k}`, 'sum', { total, sum });
    }
  }
}
