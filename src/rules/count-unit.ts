/**
 * What a table's count cell counts in, and a count written in another unit (“6袋” on a row counting 箱): invalid-count
 * says so at its cell, and column-total's unchecked totals name that row so too (fix-totals25: they said “6袋” was
 * no number) — both from here.
 */
import { boxWithBags, parseCount, unitOfCount } from '../model/text';
import { UNIT_CHOICES } from '../model/unit-total';
import { whole } from '../model/values';

/** What a row picking its unit counts in: its 单位, else either of the form's. */
export const rowUnit = (row: { unit?: unknown } | null | undefined, choices: readonly string[]): readonly string[] =>
  typeof row?.unit === 'string' && row.unit ? [row.unit] : choices;

/** The units a row of the table at `rowsAt` counts its count in (its 单位, 附件2's 袋); undefined: none said (份数, 人数). */
export function unitsOfRow(rowsAt: string, row: { unit?: unknown } | null | undefined): readonly string[] | undefined {
  if (/^handovers\[\d+\]\.items$/.test(rowsAt)) return rowUnit(row, UNIT_CHOICES.handovers);
  if (rowsAt === 'vaultLog') return rowUnit(row, UNIT_CHOICES.vaultLog);
  return /^intake(\[\d+\])?\.items$/.test(rowsAt) ? ['袋'] : undefined;
}

/** A unit as an English message names it: the form's word, what it counts. */
const UNIT_EN: Record<string, string> = { 袋: 'bags', 箱: 'boxes', 份: 'copies' };
/** A unit's English name alone (袋 → bags); a unit it does not know, as written. */
export const unitNameEn = (unit: string): string => UNIT_EN[unit] ?? unit;

export const unitEn = (unit: string): string => (UNIT_EN[unit] ? `${unit} (${UNIT_EN[unit]})` : unit);

/** `units` as a message names them: zh “箱”或“袋”, en 箱 (boxes) or 袋 (bags), and the first. */
export const unitWords = (units: readonly string[]) => ({
  units: units.map((u) => `“${u}”`).join('或'),
  unitsEn: units.map(unitEn).join(' or '),
  first: units[0],
});

/** Why a count is no count in `units` though it reads as one: boxes and bags in one cell, or a number in another unit. */
export type OtherUnit = { boxes: number; bags: number } | { written: string; count: number };

/** “2箱3袋” where the row counts 袋 or 份 (2 boxes and 3 bags more, or 2 boxes holding 3?); “6袋” where it counts 箱. */
export function inOtherUnit(value: unknown, units: readonly string[] | undefined): OtherUnit | undefined {
  const boxed = units && !units.includes('箱') ? boxWithBags(value) : undefined;
  if (boxed) return boxed;
  const written = unitOfCount(value);
  const count = written && units && !units.includes(written) ? whole(parseCount(value)) : undefined;
  return count === undefined ? undefined : { written: written!, count };
}
