/**
 * Totals written inside a table, not at its foot: 小计, 本页合计, 6月21日小计, 以上合计, 累计, and a 合计 or 共计 with rows
 * filled in below it (review 21a D1, D5, D6). None is a record; each is kept with the rows it covers, for column-total
 * to check it as it checks the table's 合计 — skipped, a wrong figure on it passed unseen. Part of the reader (read-table.ts).
 * A table that prints no 合计 row (附件3, 附件4, 考试安排: TableSpec.partTotals) keeps every such row so, a 合计 at its
 * foot too (review 22b O4: “6月15日小计” in 附件3 was read past, its figure never checked).
 */
import { a1 } from '../model/grid';
import { addLocation } from '../model/location-map';
import { parseCount } from '../model/text';
import { totalAsRead } from '../model/unit-total';
import type { FormLayout, TableSpec } from './layout';
import type { SheetIndex } from './sheet-index';
import type { TableHeader } from './table-header';
import type { PartTotal, SiteModel } from '../model/site-model';

/** After the total word: nothing, or no other word (合计：, 合计（袋）, 共计4袋, 合计数) — not a name that begins so (总数学). */
const TAIL = '(?=$|[^\\u4e00-\\u9fff]|[数量栏行])';

/** The table's totals row as people head it: 合计, 总计, 共计, 总数. */
const TOTAL_WORD = new RegExp(`^(?:合计|总计|共计|总数)${TAIL}`);

/**
 * A unit a 分校's or 省校's checkouts go to, named before its block's 小计 (岳麓考点小计, 长沙分校合计: review 24 D2, read
 * as a record — a made-up paper in the summary, its figure never checked).
 */
const UNIT = '[\\u4e00-\\u9fff]{0,16}?(?:考点|分校|分部|学院|学校|教学点|工作站)';

/** What names the part a total covers: this page or day, the rows above, a date, a day or session of the exams, a unit. */
const PART = `(?:本页|本日|当日|今日|本场|本批|本次|以上|上述|上页|前页|(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日|第[一二三四五六七八九十\\d]{1,3}[天日场批页]|(?:上午|下午|晚上)场?|${UNIT})`;

/**
 * A part's total: 小计 or 累计 alone, or a total word after what names the part (本页合计, 6月21日小计, 以上合计). Only as
 * the row's heading: a paper's name holding the words (公共计算机基础, 综合计算机应用) is a record (review 21a D2).
 */
const PART_TOTAL = new RegExp(`^(?:(?:小计|累计)|${PART}(?:[(（][^()（）]{0,8}[)）])?(?:小计|合计|共计|累计|总计))${TAIL}`);

/** The row's heading (its first text, normalised) heads the table's totals row. */
export const isTotalWord = (lead: string): boolean => TOTAL_WORD.test(lead);

/** The row's heading heads a total of part of the table. */
export const isPartTotal = (lead: string): boolean => PART_TOTAL.test(lead);

/** A part's total as read: its row (0-based), its heading, the table's rows it closes (`upTo` rows read above it). */
export interface PartTotalRead {
  row: number;
  word: string;
  upTo: number;
  /** A 合计 at the foot of a table with no 合计 row of its own (附件3): it covers every row above it on its sheet. */
  foot?: boolean;
  /** The rows read above the last day's heading above it (6月21日, 第二天: day-headings.ts), if any: a day's 小计 covers those after. */
  dayFrom?: number;
  /** Its figures by the total's column keys, and their columns (0-based). */
  values: Record<string, unknown>;
  cols: Record<string, number>;
}

/**
 * Lists a table's part totals in the model (`partTotals[i]`, each figure located at `partTotals[i].KEY`), with the
 * path of the rows they cover (`rowsAt`: intake.items), those rows' place there (`offset`: rows read on an earlier
 * sheet) and the rows' time whose day a day's 小计 covers (the layout's TableSpec.partTotals `day`).
 */
export function notePartTotals(model: SiteModel, sheet: string, parts: readonly PartTotalRead[], layout: FormLayout, rowsAt: string, offset: number): void {
  const [form, day] = [layout.attachment, layout.table?.partTotals?.day];
  let from = offset;
  for (const part of parts) {
    const list = (model.partTotals ??= []);
    const covers = {
      from: part.foot ? offset : from,
      to: offset + part.upTo,
      start: offset,
      ...(part.dayFrom !== undefined && { dayFrom: offset + part.dayFrom }),
    };
    const entry: PartTotal = { rowsAt, word: part.word, ...covers, values: part.values, ...(part.foot && { foot: true as const }), ...(day && { day }) };
    for (const [key, col] of Object.entries(part.cols))
      addLocation(model.locations, `partTotals[${list.length}].${key}`, { sheet, cell: a1(part.row, col), form, row: null });
    list.push(entry);
    from = entry.to;
  }
}

/** The figures of a totals row (合计 or a part's) in the total's columns, and those columns. */
export function totalsOn(index: SheetIndex, table: TableSpec, header: TableHeader, r: number): Pick<PartTotalRead, 'values' | 'cols'> {
  const values: Record<string, unknown> = {};
  const cols: Record<string, number> = {};
  for (const key of table.total?.columns ?? table.partTotals?.columns ?? []) {
    const c = header.columns.get(key);
    if (c === undefined) continue;
    // In a table that prints no 合计, one Excel works out (=SUM(D4:D10)) is not checked: the file may hold a figure
    // Excel shows no longer (review2's o-liuyang-notes-all: 11 saved, its rows 9); a typed figure is.
    if (!table.total && index.sheet.shownFormulas?.[a1(r, c)]) continue;
    // A count column whose rows pick their unit totals per unit ("2箱、3袋", unit-total.ts).
    values[key] = table.columns.some((col) => col.key === key && col.unitFrom) ? totalAsRead(index.value(r, c)) : parseCount(index.value(r, c));
    cols[key] = c;
  }
  return { values, cols };
}

/** The paths noted while reading that name a `lists` form's list (`intake.…`), when it becomes `intake[0]` (workbook.ts addList). */
export function renameNotedPaths(model: SiteModel, key: string): void {
  const renamed = (path: string) => (path === key || path.startsWith(`${key}.`) ? `${key}[0]${path.slice(key.length)}` : path);
  for (const c of model.carried ?? []) c.path = renamed(c.path);
  for (const c of model.codeStrays ?? []) c.path = renamed(c.path);
  for (const c of model.codeSpaced ?? []) c.path = renamed(c.path);
  for (const p of model.partTotals ?? []) p.rowsAt = renamed(p.rowsAt);
}
