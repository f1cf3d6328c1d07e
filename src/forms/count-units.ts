/**
 * A count typed with its unit (“6袋”, “三袋”) against the unit its row or its
 * column counts in. Officers write the unit after the number; where it is not
 * the one the row (its 单位) or the column (数量（箱）, 31份装（袋）) counts in,
 * or one the form does not count in at all (附件3 in 箱), the number alone
 * would be read in the wrong unit: the count is kept as typed, for
 * invalid-count to say so at its cell, and no total counts it.
 */
import { boxWithBags, cleanText, normalizeLabel, unitOfCount } from '../model/text';
import type { FormRecord, TableSpec } from './layout';
import type { SheetIndex } from './sheet-index';
import type { TableHeader } from './table-header';

const UNIT_IN_BRACKETS = /[(（]\s*(袋|份|箱)\s*[)）]\s*$/;

/** The count columns headed with one unit — “数量（袋）”, “31份装（袋）” — by column key (“数量（袋/箱）” names none). */
export function unitsInHeader(index: SheetIndex, header: TableHeader, table: TableSpec): ReadonlyMap<string, string> {
  const units = new Map<string, string>();
  for (const column of table.columns) {
    const c = column.type === 'count' ? header.columns.get(column.key) : undefined;
    // The header's words, over its two rows where it has two (数量 / （袋）).
    let text = '';
    for (let row = header.top; c !== undefined && row < header.dataStart; row++) {
      const v = index.value(row, c);
      if (typeof v === 'string') text += v;
    }
    const m = UNIT_IN_BRACKETS.exec(text);
    if (m) units.set(column.key, m[1]);
  }
  return units;
}

/**
 * A row's counts settled against their units: `typed` holds each count column's text as typed. The count
 * whose rows pick their unit (附件1 数量（袋/箱）, 附件3 数量（袋/份）) takes its typed unit where the row's 单位
 * and its header say none, else the header's; one typed in another unit stays as typed.
 */
export function settleUnits(item: FormRecord, table: TableSpec, typed: ReadonlyMap<string, string>, headerUnits: ReadonlyMap<string, string>): void {
  for (const { column, options } of countColumnsOf(table)) {
    const text = typed.get(column.key);
    const written = text === undefined ? undefined : unitOfCount(text);
    const rowUnit = column.unitFrom ? (item[column.unitFrom] as string | undefined) || headerUnits.get(column.key) : headerUnits.get(column.key);
    const contradicts = written !== undefined && (rowUnit ? written !== rowUnit : options !== undefined && !options.includes(written));
    if (contradicts) item[column.key] = cleanText(text!);
    if (!column.unitFrom || item[column.unitFrom] || item[column.key] === undefined) continue;
    const unit = contradicts ? rowUnit : (written ?? rowUnit);
    if (unit) item[column.unitFrom] = unit;
  }
}

type CountColumn = { column: TableSpec['columns'][number]; options: readonly string[] | undefined };
const COUNT_COLUMNS = new WeakMap<TableSpec, CountColumn[]>();

/** A table's count columns, each with the units its row's 单位 column offers: worked out once a table, not once a row. */
function countColumnsOf(table: TableSpec): CountColumn[] {
  let list = COUNT_COLUMNS.get(table);
  if (!list) {
    list = table.columns
      .filter((c) => c.type === 'count')
      .map((column) => ({ column, options: column.unitFrom ? table.columns.find((c) => c.key === column.unitFrom)?.options : undefined }));
    COUNT_COLUMNS.set(table, list);
  }
  return list;
}

/** "1箱（内装5袋）" reads as 1 箱; the bags inside are kept in the row's 备注 (where the bag counts are compared), unless it says them already. */
export function keepBagsInside(item: FormRecord, quantityText: string | undefined): void {
  const boxed = boxWithBags(quantityText);
  if (!boxed) return;
  const note = typeof item.note === 'string' ? item.note : '';
  if (!normalizeLabel(note).includes(`${boxed.bags}袋`)) item.note = note ? `内装${boxed.bags}袋；${note}` : `内装${boxed.bags}袋`;
}
