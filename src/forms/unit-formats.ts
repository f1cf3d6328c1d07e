/**
 * How a count whose rows pick their unit prints (附件1 数量（袋/箱）, 附件3
 * 数量（袋/份）): each row's number with its unit, and the 合计 per unit
 * (src/model/unit-total.ts), both worked out by the sheet itself so that a
 * form typed by hand prints right in Excel, WPS and LibreOffice.
 */
import type { CellValue } from '../model/grid';
import { countsByUnit, totalOrder, UNIT_SEPARATOR, unitTotalText } from '../model/unit-total';
import { whole } from '../model/values';
import type { DraftFormatRule } from './draft';
import type { FormRecord } from './layout';

/**
 * The count column prints each row's unit as picked in its helper column
 * (附件1's and 附件3's 单位, kept beside the form): a number format per unit
 * that follows the helper cell, so that a 2 typed by hand with 箱 picked
 * prints "2箱", still the number 2 — what is printed is what the reader reads.
 */
export function unitFormatRules(range: string, unitCol: number, units: readonly string[]): DraftFormatRule[] {
  return units.map((unit) => ({ range, whenColumn: unitCol, equals: unit, numFmt: `0"${unit}"` }));
}

/**
 * The 合计 per unit as a formula over the rows' counts and units (A1
 * ranges): each unit's SUMIF, the larger unit first, then what no unit
 * picked counts for, each part after a 、 when it is not 0, the first 、 cut
 * off — “2箱、3袋”, “6袋”, “” on a blank form. Only functions every
 * spreadsheet has (no TEXTJOIN: Excel 2016, older WPS).
 */
export function unitTotalFormula(counts: string, units: string, choices: readonly string[]): string {
  const sumIf = (unit: string) => `SUMIF(${units},"${unit}",${counts})`;
  const part = (count: string, unit: string) => `IF(${count}>0,"${UNIT_SEPARATOR}"&${count}${unit ? `&"${unit}"` : ''},"")`;
  const order = totalOrder(choices);
  const unpicked = `(SUM(${counts})${order.map((u) => `-${sumIf(u)}`).join('')})`;
  return `MID(${[...order.map((u) => part(sumIf(u), u)), part(unpicked, '')].join('&')},2,99)`;
}

/**
 * The 合计 cell of a count in units: the data's own total, written as the
 * data gives it (a plain number printed with the rows' unit when they all
 * name one), or the formula with the rows' total per unit as its value.
 */
export function unitTotalCell(
  given: unknown,
  rows: readonly FormRecord[],
  keys: { count: string; unit: string },
  formula: string,
): { value: CellValue; formula?: string; numFmt?: string } {
  // As the formula counts: whole counts only (SUM passes text by).
  const counted = rows.map((row) => ({ quantity: row[keys.count], unit: row[keys.unit] })).filter((row) => whole(row.quantity) !== undefined);
  const counts = countsByUnit(counted) ?? new Map<string, number>();
  if (given === undefined) return { value: unitTotalText(counts), formula };
  if (typeof given !== 'number') return { value: String(given) };
  const [unit] = [...counts.keys()];
  return { value: given, ...(counts.size === 1 && unit ? { numFmt: `0"${unit}"` } : {}) };
}
