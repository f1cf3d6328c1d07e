/**
 * Which required cells of each table row are empty. One empty cell in an
 * otherwise filled row is a required field left empty (required-field, at that
 * cell); a row with two or more empty is only partly filled (partial-row, once
 * for the row). Shared by both rules so a row is reported by exactly one.
 */
import type { SiteModel } from '../model/site-model';
import { Facts, isBlankValue } from './facts';

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

const SCHEDULE = ['paperNo', 'paperName', 'start', 'end'];
const STAFF = ['name', 'formalStaff', 'candidateRelative', 'pledgeSigned'];
const HANDOVER_ITEM = ['destination', 'quantity'];
/** A row with a 数量 must say its unit (袋/箱, 袋/份): last, right of the printed form. */
const HANDOVER_ITEM_COUNTED = [...HANDOVER_ITEM, 'unit'];
const INTAKE_ITEM = ['paperNo', 'paperName'];
const INTAKE_ITEM_NO_BAGS = ['paperNo', 'paperName', 'bags31'];
const INTAKE_SIZES = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'];
const VAULT_OUT = ['paperNo', 'paperName', 'quantity', 'taker', 'takenAt', 'issuedBy'];
const VAULT_OUT_COUNTED = [...VAULT_OUT, 'unit'];
const VAULT_BACK = ['returner', 'returnedAt', 'receivedBy'];
const DISTRIBUTION_ROW = ['paperNo', 'paperName', 'copies', 'room', 'issuedAt', 'collector', 'returnedAt', 'returner'];
const SHIFT = ['kind', 'from', 'to', 'handedOverBy', 'takenOverBy'];

/** Keys of the empty required cells of a row, in column order; undefined when all are filled. */
function missingOf(row: NonNullable<Row>, required: readonly string[]): string[] | undefined {
  let missing: string[] | undefined;
  for (const k of required) if (isBlankValue(row[k])) (missing ??= []).push(k);
  return missing;
}

/** Worked out once per run: required-field and partial-row both read it (a vault log of 50,000 rows is read once, not twice). */
const GAPS = new WeakMap<Facts, RowGap[]>();

export function rowGaps(facts: Facts): RowGap[] {
  const known = GAPS.get(facts);
  if (known) return known;
  const data = facts.data;
  const out: RowGap[] = [];
  // The path is built only for a row with a gap.
  const check = (path: () => string, row: Row, required: readonly string[], returnPart = false) => {
    if (!row) return;
    const missing = missingOf(row, required);
    if (missing) out.push({ path: path(), missing, returnPart, row });
  };
  (data.schedule ?? []).forEach((r, i) => check(() => `schedule[${i}]`, r as Row, SCHEDULE));
  // A column its sheet's header lacks is said once, at the header (staff-ineligible): not required of each row.
  const staffKeys = (i: number) => (facts.headerlessCells.size === 0 ? STAFF : STAFF.filter((k) => !facts.headerlessCells.has(`staff[${i}].${k}`)));
  (data.staff ?? []).forEach((r, i) => check(() => `staff[${i}]`, r as Row, staffKeys(i)));
  // A count whose unit is not picked prints as a bare number (3 bags or 3 boxes?); a blank count needs none.
  const counted = (row: Row, plain: readonly string[], withUnit: readonly string[]) => (row && !isBlankValue(row.quantity) ? withUnit : plain);
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
    if (row && VAULT_BACK.some((k) => !isBlankValue(row[k]))) check(() => `vaultLog[${i}]`, row, VAULT_BACK, true);
  });
  (data.distributions ?? []).forEach((d, i) => (d?.rows ?? []).forEach((r, j) => check(() => `distributions[${i}].rows[${j}]`, r as Row, DISTRIBUTION_ROW)));
  (data.duty?.shifts ?? []).forEach((r, i) => check(() => `duty.shifts[${i}]`, r as Row, SHIFT));
  GAPS.set(facts, out);
  return out;
}

/** The 序号 of a row path. */
export function seqOf(model: SiteModel, path: string): number {
  return model.locations[path]?.row ?? Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1;
}
