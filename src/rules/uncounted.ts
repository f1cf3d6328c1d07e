/**
 * A total over a row it cannot count (column-total: the printed 合计 and the totals written inside a table alike,
 * totals-inside.ts), said unchecked (无从核对): one finding at the total, why the first such row cannot be counted — and
 * which cell to mend — and the others named (fix-totals25). Split from totals-inside.ts (fix-counts27).
 */
import { isExcelError } from '../model/excel-errors';
import { labelOf } from '../model/labels';
import { valueAt } from '../model/location';
import { countCorrection } from '../model/text';
import { countsEach, numbersSpaced } from '../model/paper-rows';
import { isBlankValue, whole } from './facts';
import { papersCounted, type PapersCounted } from './count-papers';
import { inOtherUnit, unitEn, unitsOfRow, unitWords } from './count-unit';
import type { Params, RuleContext } from './types';

/** Whether a count cell (by model path) holds a formula saved without its value; undefined: the workbook has none. */
export type Unknown = ((at: string) => boolean) | undefined;

/**
 * A count a total cannot count as it is a formula saved without its value, and what to do: one wording for every total
 * said unchecked so (column-total's 合计 over such a row, row-total's 合计（袋） beside such a size), after the cell's words.
 */
export const UNSAVED_FORMULA = {
  zh: '是公式，文件里却没有存下它算出的结果，本工具也算不出',
  en: ' holds a formula whose result was not saved with the file, and this tool cannot work it out',
};
export const UNCHECKED_UNSAVED = {
  zh: '这一合计无从核对。请用 Excel 或 WPS 打开这个工作簿，保存后再检查一次。',
  en: ', so this total cannot be checked. Open the workbook in Excel or WPS, save it, and check again.',
};

/** How many rows an unchecked total names (the rest: 等). */
export const NAMED_ROWS = 6;

export type Locations = RuleContext['model']['locations'];

/** A table row's 序号 as located; a row not located: its place. */
export const seqOf = (locations: Locations, rowsAt: string, j: number): number => locations[`${rowsAt}[${j}]`]?.row ?? j + 1;

/** The 序号 of rows `rows` (in order) as runs: zh “1–2、4”, en “1–2, 4”. */
export function seqRuns(locations: Locations, rowsAt: string, rows: readonly number[]): { zh: string; en: string } {
  const runs: number[][] = [];
  for (const seq of rows.map((j) => seqOf(locations, rowsAt, j))) {
    const last = runs[runs.length - 1];
    if (last && seq === last[last.length - 1] + 1) last[1] = seq;
    else runs.push([seq]);
  }
  const shown = runs.map((r) => r.join('–'));
  return { zh: shown.join('、'), en: shown.join(', ') };
}

/** A cell's value as a message shows it: an error value, text, or nothing written. */
export function shownValue(v: unknown): { shown: string; shownEn: string } {
  if (isBlankValue(v)) return { shown: '没有填写', shownEn: 'is empty' };
  const text = String(v);
  return isExcelError(v)
    ? { shown: `显示的是错误值“${text}”`, shownEn: `shows the error value "${text}"` }
    : { shown: `写的是“${text}”`, shownEn: `reads "${text}"` };
}

/**
 * Row `j` of a table, whose `key` a total cannot count, as its unchecked total names it: the message (unread: an error
 * value or words; unreadUnit: a number in a unit the row does not count in, “6袋” in 箱; unreadBoxes: “2箱3袋” in 袋;
 * unreadCounts: one count per paper not pairing with the row's several papers; unreadSpaced: “2 1” beside papers it does not
 * pair with, or none: maybe one number; unreadFormula: a formula saved without its value; unreadSize: a blank 合计（袋）
 * beside a bag size not read; unreadBlank: left blank where nothing else says so) and its words.
 */
function uncounted(ctx: RuleContext, rowsAt: string, j: number, key: string, row: unknown, unknown: Unknown): { id: string; params: Params } {
  const { locations } = ctx.model;
  const value = (row as Record<string, unknown> | null | undefined)?.[key];
  const named = { seq: seqOf(locations, rowsAt, j), label: labelOf(`${rowsAt}.${key}`) };
  if (unknown?.(`${rowsAt}[${j}].${key}`)) return { id: 'unreadFormula', params: named };
  if (isBlankValue(value)) return blankUncounted(rowsAt, j, key, row, named, unknown);
  const units = unitsOfRow(rowsAt, row as { unit?: unknown } | undefined);
  const other = inOtherUnit(value, units);
  if (!other) return unreadCount(papersCounted(ctx.facts, rowsAt, j, row), value, named);
  return {
    id: 'boxes' in other ? 'unreadBoxes' : 'unreadUnit',
    params: { ...named, value: String(value), ...other, ...('written' in other && { writtenEn: unitEn(other.written) }), ...unitWords(units!) },
  };
}

/**
 * A count not read, beside the papers its row writes: one count per paper (“2、1、1”) beside several it does not pair with
 * (invalid-count countsPapers) is not “no number”; numbers parted by a space alone (“2 1”) beside any other number of
 * papers than theirs may as well be one number with a space typed into it (invalid-count countsSpaced, spaced), said so
 * — fix-counts27 beside one paper or none, fix-left28 beside several (it was said as several papers' counts); anything
 * else is no number.
 */
function unreadCount(beside: PapersCounted, value: unknown, named: Params): { id: string; params: Params } {
  const spaced = numbersSpaced(value);
  if (spaced) {
    const params = { ...named, value: String(value), counts: spaced.length, joined: spaced.join('') };
    return { id: 'unreadSpaced', params: { ...params, ...spacedBeside(beside) } };
  }
  if (beside.papers > 0 && countsEach(value, undefined)) return { id: 'unreadCounts', params: { ...named, value: String(value) } };
  return { id: 'unread', params: { ...named, ...shownValue(value) } };
}

/** What unreadSpaced says of the papers its row writes — none, one (which has one count), several — and how to split the row. */
function spacedBeside({ papers, paper }: PapersCounted): Params {
  if (papers === 0) return { papersBeside: '', papersBesideEn: '', orSplit: '', orSplitEn: '' };
  if (papers === 1) {
    return {
      papersBeside: `，而这一行只写了 1 个试卷号（“${paper}”），只有一个数量`,
      papersBesideEn: `, where the row writes 1 paper ("${paper}"), which has one count`,
      orSplit: '；其中有另一种试卷的数量的，给那种试卷另写一行',
      orSplitEn: '; if one of them is another paper’s count, write that paper on a row of its own',
    };
  }
  return {
    papersBeside: `，而这一行写的是 ${papers} 个试卷号（“${paper}”），数量和试卷对不上`,
    papersBesideEn: `, where the row writes ${papers} papers ("${paper}"), which they do not pair with`,
    orSplit: '；是几种试卷各自的数量的，每种试卷写一行，每行写一个试卷号和它自己的数量',
    orSplitEn: '; if they are the counts of several papers, write one paper a row, each with its paper number and its own count',
  };
}

/** The four bag sizes a 附件2 row's blank 合计（袋） is counted from (listSums). */
export const BAG_SIZES = ['bags31', 'bags26', 'bags11', 'bags5'] as const;

/**
 * A blank count a total cannot count: a 附件2 row's 合计（袋）, counted from its bag sizes, where a size is not known — a
 * formula saved without its value (said as such, at that size) or a count not read: the size is the cell to mend
 * (fix-counts27: it asked to write 0 in the 合计); else a blank no rule asks for (报考人数).
 */
function blankUncounted(rowsAt: string, j: number, key: string, row: unknown, named: Params, unknown: Unknown): { id: string; params: Params } {
  if (key !== 'totalBags') return { id: 'unreadBlank', params: named };
  const sizes = row as Record<string, unknown> | null | undefined;
  const formula = BAG_SIZES.find((k) => unknown?.(`${rowsAt}[${j}].${k}`));
  if (formula) return { id: 'unreadFormula', params: { ...named, label: labelOf(`${rowsAt}.${formula}`) } };
  const size = BAG_SIZES.find((k) => !isBlankValue(sizes?.[k]) && whole(sizes?.[k]) === undefined);
  if (!size) return { id: 'unreadBlank', params: named };
  return { id: 'unreadSize', params: { ...named, size: labelOf(`${rowsAt}.${size}`), ...shownValue(sizes?.[size]) } };
}

/**
 * A total at `path` (its words `said`: total, field) left unchecked by `rows` of the table at `rowsAt` (unreadRowsOf):
 * one finding at the total, saying why the first cannot be counted and naming the others — not one beside each row's
 * own finding (invalid-count, formula-not-saved), which would show the reader those cells twice.
 */
export function reportUncounted(
  ctx: RuleContext,
  path: string,
  said: Params,
  rowsAt: string,
  uncountable: readonly number[],
  key: string,
  unknown: Unknown,
): void {
  const items = valueAt(ctx.model.data, rowsAt) as readonly unknown[];
  // A count corrected beside itself (“2（实为3）”) is invalid-count's alone, which says the totals over it wait for it
  // (review 25a D4: it was said again at each total as 合计行不符, an error, though the total may be right).
  const rows = uncountable.filter((j) => !countCorrection((items[j] as Record<string, unknown> | null | undefined)?.[key]));
  if (rows.length === 0) return;
  const { id, params } = uncounted(ctx, rowsAt, rows[0], key, items[rows[0]], unknown);
  const named = rows.slice(0, NAMED_ROWS);
  const all = seqRuns(ctx.model.locations, rowsAt, named);
  const others = seqRuns(ctx.model.locations, rowsAt, named.slice(1));
  const etc = rows.length > NAMED_ROWS;
  const label = params.label as string;
  ctx.report(path, id, {
    ...said,
    ...params,
    rows: `${all.zh}${etc ? ' 等' : ''}`,
    rowsEn: `${named.length > 1 ? 'Nos.' : 'No.'} ${all.en}${etc ? ' and more' : ''}`,
    more: named.length > 1 ? `；另有序号 ${others.zh}${etc ? ' 等' : ''} 的“${label}”也计不进合计` : '',
    moreEn: named.length > 1 ? `; ${named.length > 2 ? 'Nos.' : 'No.'} ${others.en}${etc ? ' and more' : ''}’s "${label}" cannot be counted either` : '',
  });
}
