/**
 * A formula saved without its value that this tool cannot work out (review 18a D3): the cell is not blank — Excel and
 * WPS show its value on opening — but the file holds no value to check, so it is said as what it is, once a sheet.
 */
import { printedLabelOf } from '../model/labels';
import { pathAt } from '../model/location-map';
import type { RuleContext, RuleMeta } from './types';
import { cellsNamed } from './plural';

const WHY_ZH = '里是公式，文件里却没有存下它算出的结果（用程序生成、或某些版本的 WPS 保存的文件会这样），本工具也算不出';
const ONE_ZH = `单元格 {cell} ${WHY_ZH}这个公式，所以没有检查它`;
const MANY_ZH = `单元格 {cell} ${WHY_ZH}；本表另有 {count} 格也是这样（{cells}），都没有检查`;
const FIELD_ONE_ZH = `“{field}”这一格${WHY_ZH}这个公式，所以没有检查它`;
const FIELD_MANY_ZH = `“{field}”这一格${WHY_ZH}；本表另有 {count} 格也是这样（{cells}），都没有检查`;
const FIX_ZH = '——它们并不是空白。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。';
const ONE_EN =
  'Cell {cell} holds a formula whose result was not saved with the file (files written by programs, or saved by some WPS versions, are so), and this tool cannot work the formula out, so the cell was not checked';
const MANY_EN =
  'Cell {cell} holds a formula whose result was not saved with the file (files written by programs, or saved by some WPS versions, are so), and this tool cannot work it out; the same in {count} more cells of this sheet ({cellsEn}), none of them checked';
const FIELD_ONE_EN =
  '"{field}" holds a formula whose result was not saved with the file (files written by programs, or saved by some WPS versions, are so), and this tool cannot work the formula out, so the cell was not checked';
const FIELD_MANY_EN =
  '"{field}" holds a formula whose result was not saved with the file (files written by programs, or saved by some WPS versions, are so), and this tool cannot work it out; the same in {count} more cells of this sheet ({cellsEn}), none of them checked';
const FIX_EN = ': they are not blank. Open the workbook in Excel or WPS, save it, and check again.';

export const meta: RuleMeta = {
  id: 'formula-not-saved',
  title: { zh: '公式的结果没有保存', en: 'Formula saved without its result' },
  severity: 'warning',
  forms: [0, 1, 2, 3, 4, 5],
  clause: '依据《湖南开放大学试卷安全保密管理专项整治实施方案》（六）“保密室值班人员要重点检查……出入库登记和接收发放记录等工作是否规范准确”',
  messages: {
    zh: {
      one: `${ONE_ZH}${FIX_ZH.replace('它们', '它')}`,
      many: `${MANY_ZH}${FIX_ZH}`,
      fieldOne: `${FIELD_ONE_ZH}${FIX_ZH.replace('它们', '它')}`,
      fieldMany: `${FIELD_MANY_ZH}${FIX_ZH}`,
    },
    en: {
      one: `${ONE_EN}${FIX_EN.replace('they are', 'it is')}`,
      many: `${MANY_EN}${FIX_EN}`,
      fieldOne: `${FIELD_ONE_EN}${FIX_EN.replace('they are', 'it is')}`,
      fieldMany: `${FIELD_MANY_EN}${FIX_EN}`,
    },
  },
  docs: 'A cell of a form holding a formula whose result the file does not hold (a workbook written by a program, or saved by some WPS versions) and that this tool cannot work out itself (it knows SUM, SUMIF, COUNT, COUNTA, IF, AND, OR, NOT, MID, arithmetic, & and comparisons; not VLOOKUP and the like, nor a formula over a cell showing an error). The cell is not blank — Excel and WPS show its value on opening — so no other check calls it empty (没有填写, 没有写单位) or judges it — a count so (a bag size, 数量, 试卷份数) is not known to the checks that count, its paper’s or row’s figure not judged, as one written in words is not, never taken as 0 (copies-short, overdraw, inventory-mismatch, row-total), and a 合计 over it is said unchecked (column-total): this says, once a sheet at its first such cell naming the others (the first five, counting the rest) — by the field’s label where that cell is a form’s field (“取卷时间”这一格), else by its address — to open the workbook in Excel or WPS and save it, which stores every result, then check again.',
};

export function check({ model, report }: RuleContext): void {
  (model.unsolvedFormulas ?? []).forEach(({ sheet, why, cells }, i) => {
    if (why !== 'unknown') return;
    // The field the first cell is, named as every other rule names it; a cell no form's field is, by its address.
    const path = pathAt(model.locations, sheet, cells[0]);
    const field = path === undefined ? undefined : printedLabelOf(path);
    const id = field ? { one: 'fieldOne', many: 'fieldMany' } : { one: 'one', many: 'many' };
    if (cells.length === 1) report(`unsolvedFormulas[${i}]`, id.one, { field });
    else report(`unsolvedFormulas[${i}]`, id.many, { field, count: cells.length - 1, ...cellsNamed(cells.slice(1)) });
  });
}
