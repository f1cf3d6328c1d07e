/**
 * A formula saved without its value that refers to itself, directly or through other cells (review 18a D3): it has
 * no value (Excel warns of a circular reference and shows 0, LibreOffice Err:522), so the form shows no real figure.
 */
import type { RuleContext, RuleMeta } from './types';
import { cellsNamed } from './plural';

const WHAT_ZH = '的公式引用了它自己（循环引用：直接引用，或经由别的格又引用回来），算不出结果：Excel 打开时会提示循环引用并显示 0，表上没有真正的数';
const FIX_ZH = '。请改正公式，使它不再直接或间接引用自己所在的格（如合计不要把合计格自己算进去，两格不要互相引用），或删去公式、直接填写。';
const WHAT_EN =
  ' refers to itself (a circular reference, directly or through other cells) and has no result: Excel warns of the circular reference on opening and shows 0, so the form shows no real figure';
const FIX_EN =
  '. Correct the formula so that it no longer refers to its own cell, directly or through others (a total must not include its own cell; two cells must not refer to each other), or delete it and type the value.';

export const meta: RuleMeta = {
  id: 'formula-cycle',
  title: { zh: '公式引用了自己', en: 'Formula refers to itself' },
  severity: 'error',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: { one: `单元格 {cell} ${WHAT_ZH}${FIX_ZH}`, many: `单元格 {cell} ${WHAT_ZH}；本表另有 {count} 格也是这样（{cells}）${FIX_ZH}` },
    en: {
      one: `The formula in {cell}${WHAT_EN}${FIX_EN}`,
      many: `The formula in {cell}${WHAT_EN}; the same in {count} more cells of this sheet ({cellsEn})${FIX_EN}`,
    },
  },
  docs: 'A cell of a form holding a formula, saved without its value, that refers to itself — directly (a 合计 that adds its own cell) or through other cells (取卷时间 from 还卷时间 and 还卷时间 from 取卷时间) — or that depends on such a one: it has no result (Excel warns of a circular reference and shows 0; LibreOffice shows Err:522). No other check calls the cell empty or judges it; this says so once a sheet, at its first such cell naming the others (the first five, counting the rest).',
};

export function check({ model, report }: RuleContext): void {
  (model.unsolvedFormulas ?? []).forEach(({ why, cells }, i) => {
    if (why !== 'cycle') return;
    if (cells.length === 1) report(`unsolvedFormulas[${i}]`, 'one');
    else report(`unsolvedFormulas[${i}]`, 'many', { count: cells.length - 1, ...cellsNamed(cells.slice(1)) });
  });
}
