/**
 * The tables of a site and the columns each row must fill: shared by the rules
 * that ask for them row by row (rows.ts: required-field, partial-row) and by the
 * facts that know which of those columns a sheet's header lacks (a column is
 * then said once, at its header, not as each row's empty cell).
 */
import type { IntakeList } from '../model/intake';
import type { SiteData } from '../model/types';

export const SCHEDULE = ['paperNo', 'paperName', 'start', 'end'];
export const STAFF = ['name', 'formalStaff', 'candidateRelative', 'pledgeSigned'];
export const HANDOVER_ITEM = ['destination', 'quantity'];
/** A row with a 数量 must say its unit (袋/箱, 袋/份): last, right of the printed form (rows.ts). A sheet without a 单位 column may state it in its 数量 header (数量（袋）): required-field reads that, so the unit is not among a header's required columns (siteTables). */
export const HANDOVER_ITEM_COUNTED = [...HANDOVER_ITEM, 'unit'];
export const INTAKE_ITEM = ['paperNo', 'paperName'];
export const INTAKE_ITEM_NO_BAGS = ['paperNo', 'paperName', 'bags31'];
export const INTAKE_SIZES = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'];
export const VAULT_OUT = ['paperNo', 'paperName', 'quantity', 'taker', 'takenAt', 'issuedBy'];
export const VAULT_OUT_COUNTED = [...VAULT_OUT, 'unit'];
export const VAULT_BACK = ['returner', 'returnedAt', 'receivedBy'];
export const DISTRIBUTION_ROW = ['paperNo', 'paperName', 'copies', 'room', 'issuedAt', 'collector', 'returnedAt', 'returner'];
export const SHIFT = ['kind', 'from', 'to', 'handedOverBy', 'takenOverBy'];

/** One table of the site: its rows' path (`vaultLog`, `distributions[1].rows`), its rows, the SiteData key of its form, the columns its rows must fill. */
export interface SiteTable {
  rowsAt: string;
  rows: readonly unknown[];
  form: keyof SiteData;
  required: readonly string[];
}

/** Every table of the site, in the order the rules go through them. */
export function siteTables(data: SiteData, intakes: readonly IntakeList[]): SiteTable[] {
  const out: SiteTable[] = [];
  const add = (rowsAt: string, rows: readonly unknown[] | undefined, form: keyof SiteData, required: readonly string[]) => {
    if (rows && rows.length > 0) out.push({ rowsAt, rows, form, required });
  };
  add('schedule', data.schedule, 'schedule', SCHEDULE);
  add('staff', data.staff, 'staff', ['roles', ...STAFF]);
  (data.handovers ?? []).forEach((h, i) => add(`handovers[${i}].items`, h?.items, 'handovers', HANDOVER_ITEM));
  for (const { list, path } of intakes) add(`${path}.items`, list.items, 'intake', [...INTAKE_ITEM, ...INTAKE_SIZES]);
  add('vaultLog', data.vaultLog, 'vaultLog', [...VAULT_OUT, ...VAULT_BACK]);
  (data.distributions ?? []).forEach((d, i) => add(`distributions[${i}].rows`, d?.rows, 'distributions', DISTRIBUTION_ROW));
  add('duty.shifts', data.duty?.shifts, 'duty', SHIFT);
  return out;
}
