/**
 * Which required cells of each table row are empty. One empty cell in an
 * otherwise filled row is a required field left empty (required-field, at that
 * cell); a row with two or more empty is only partly filled (partial-row, once
 * for the row). Shared by both rules so a row is reported by exactly one.
 */
import { isPeriodText } from '../model/datetime';
import { unitOfCount } from '../model/text';
import { UNSAVED_COUNT } from './unknown-counts';
import type { SiteModel } from '../model/site-model';
import { returnWritten } from '../model/where-it-went';
import { Facts, isBlankValue } from './facts';
import {
  DISTRIBUTION_ROW,
  HANDOVER_ITEM,
  HANDOVER_ITEM_COUNTED,
  INTAKE_ITEM,
  INTAKE_ITEM_NO_BAGS,
  INTAKE_SIZES,
  SCHEDULE,
  SHIFT,
  STAFF,
  VAULT_BACK,
  VAULT_OUT,
  VAULT_OUT_COUNTED,
} from './columns';

export interface RowGap {
  /** The row's model path (`vaultLog[3]`). */
  path: string;
  /** Keys of the empty required cells, in column order. */
  missing: string[];
  /** The vault log's return part (还卷人, 还卷时间, 入库签字). */
  returnPart: boolean;
  /** The row itself. */
  row: Readonly<Record<string, unknown>>;
}

type Row = Record<string, unknown> | undefined | null;

/** Keys of the empty required cells of a row, in column order; undefined when all are filled. */
function missingOf(row: NonNullable<Row>, required: readonly string[]): string[] | undefined {
  let missing: string[] | undefined;
  for (const k of required) if (isBlankValue(row[k])) (missing ??= []).push(k);
  return missing;
}

const SHIFT_IN_ONE_CELL = SHIFT.filter((k) => k !== 'to');

/** Worked out once per run: required-field and partial-row both read it (a vault log of 50,000 rows is read once, not twice). */
const GAPS = new WeakMap<Facts, RowGap[]>();

export function rowGaps(facts: Facts): RowGap[] {
  const known = GAPS.get(facts);
  if (known) return known;
  const data = facts.data;
  const out: RowGap[] = [];
  // A column its sheet's header lacks is said once, at the header (required-field, staff-ineligible), and a ditto mark
  // with nothing above it at its cell (required-field): neither is this row's empty cell.
  const { headerlessCells: headerless, carried, scheduleSpaced, namesUnpaired } = facts;
  // A row's 单位 is asked only where its sheet keeps the column: the source form has none (数量（袋/箱）), and sheets
  // kept on it write bare counts, as they always have (counted as 袋).
  // A row's one 试卷名称 beside several papers read apart is written, if given to none of its records (paper-rows.ts).
  const said = (cell: string) => headerless.has(cell) || carried.has(cell) || scheduleSpaced.has(cell) || namesUnpaired.has(cell);
  const asked = (path: string, k: string) => (k === 'unit' ? facts.located(`${path}.unit`) : !said(`${path}.${k}`));
  const read = (path: string, missing: string[]) =>
    headerless.size + carried.size + scheduleSpaced.size + namesUnpaired.size === 0 && !missing.includes('unit')
      ? missing
      : missing.filter((k) => asked(path, k));
  // The path is built only for a row with a gap.
  const check = (path: () => string, row: Row, required: readonly string[], returnPart = false) => {
    if (!row) return;
    const gaps = missingOf(row, required);
    if (!gaps) return;
    const at = path();
    const missing = read(at, gaps);
    if (missing.length > 0) out.push({ path: at, missing, returnPart, row });
  };
  (data.schedule ?? []).forEach((r, i) => check(() => `schedule[${i}]`, r as Row, SCHEDULE));
  (data.staff ?? []).forEach((r, i) => check(() => `staff[${i}]`, r as Row, STAFF));
  // A count whose unit is not picked prints as a bare number (3 bags or 3 boxes?); a blank count needs none, nor one
  // kept as typed with a unit the row does not count in (“3箱” on 附件3: invalid-count says so at its cell), nor one whose
  // formula has no value here (unknown-counts.ts): no count to quote until the workbook is saved (formula-not-saved).
  const counted = (row: Row, plain: readonly string[], withUnit: readonly string[]) =>
    row && !isBlankValue(row.quantity) && row.quantity !== UNSAVED_COUNT && unitOfCount(row.quantity) === undefined ? withUnit : plain;
  (data.handovers ?? []).forEach((h, i) =>
    (h?.items ?? []).forEach((r, j) => check(() => `handovers[${i}].items[${j}]`, r as Row, counted(r as Row, HANDOVER_ITEM, HANDOVER_ITEM_COUNTED))),
  );
  for (const { list, path } of facts.intakes)
    (list.items ?? []).forEach((r, i) => {
      const row = r as Row;
      if (!row) return;
      check(() => `${path}.items[${i}]`, row, INTAKE_SIZES.every((k) => isBlankValue(row[k])) ? INTAKE_ITEM_NO_BAGS : INTAKE_ITEM);
    });
  (data.vaultLog ?? []).forEach((r, i) => {
    const row = r as Row;
    check(() => `vaultLog[${i}]`, row, counted(row, VAULT_OUT, VAULT_OUT_COUNTED));
    // A 还卷人 saying where the bag went (退回分校) writes no return: no return part to fill in (model/where-it-went.ts).
    if (returnWritten(r)) check(() => `vaultLog[${i}]`, row, VAULT_BACK, true);
  });
  (data.distributions ?? []).forEach((d, i) => (d?.rows ?? []).forEach((r, j) => check(() => `distributions[${i}].rows[${j}]`, r as Row, DISTRIBUTION_ROW)));
  // A 值班时间 holding the whole period (its 至 in it): the end is not missing, it is in there (invalid-datetime, when unreadable).
  (data.duty?.shifts ?? []).forEach((r, i) => check(() => `duty.shifts[${i}]`, r as Row, r && isPeriodText(r.from) ? SHIFT_IN_ONE_CELL : SHIFT));
  GAPS.set(facts, out);
  return out;
}

/** The 序号 of a row path. */
export function seqOf(model: SiteModel, path: string): number {
  return model.locations[path]?.row ?? Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1;
}
