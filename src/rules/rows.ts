/**
 * Which required cells of each table row are empty. One empty cell in an
 * otherwise filled row is a required field left empty (required-field, at that
 * cell); a row with two or more empty is only partly filled (partial-row, once
 * for the row). Shared by both rules so a row is reported by exactly one.
 */
import type { SiteModel } from '../model/site-model';
import { intakeLists } from '../model/intake';
import { isBlankValue } from './facts';

export interface RowGap {
  /** The row's model path (`vaultLog[3]`). */
  path: string;
  /** Keys of the empty required cells, in column order. */
  missing: string[];
  /** The vault log's return part (还卷人, 还卷时间, 入库签字). */
  returnPart: boolean;
}

type Row = Record<string, unknown> | undefined | null;

export function rowGaps(model: SiteModel): RowGap[] {
  const data = model.data;
  const out: RowGap[] = [];
  const check = (path: string, row: Row, required: readonly string[], returnPart = false) => {
    if (!row) return;
    const missing = required.filter((k) => isBlankValue(row[k]));
    if (missing.length) out.push({ path, missing, returnPart });
  };
  (data.schedule ?? []).forEach((r, i) => check(`schedule[${i}]`, r as Row, ['paperNo', 'paperName', 'start', 'end']));
  (data.staff ?? []).forEach((r, i) => check(`staff[${i}]`, r as Row, ['name', 'formalStaff', 'candidateRelative', 'pledgeSigned']));
  (data.handovers ?? []).forEach((h, i) => (h?.items ?? []).forEach((r, j) => check(`handovers[${i}].items[${j}]`, r as Row, ['destination', 'quantity'])));
  for (const { list, path } of intakeLists(data))
    (list.items ?? []).forEach((r, i) => {
      const row = r as Row;
      if (!row) return;
      const sizes = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'];
      const required = ['paperNo', 'paperName', ...(sizes.every((k) => isBlankValue(row[k])) ? ['bags31'] : [])];
      check(`${path}.items[${i}]`, row, required);
    });
  (data.vaultLog ?? []).forEach((r, i) => {
    const row = r as Row;
    check(`vaultLog[${i}]`, row, ['paperNo', 'paperName', 'quantity', 'taker', 'takenAt', 'issuedBy']);
    const back = ['returner', 'returnedAt', 'receivedBy'];
    if (row && back.some((k) => !isBlankValue(row[k]))) check(`vaultLog[${i}]`, row, back, true);
  });
  (data.distributions ?? []).forEach((d, i) =>
    (d?.rows ?? []).forEach((r, j) =>
      check(`distributions[${i}].rows[${j}]`, r as Row, ['paperNo', 'paperName', 'copies', 'room', 'issuedAt', 'collector', 'returnedAt', 'returner']),
    ),
  );
  (data.duty?.shifts ?? []).forEach((r, i) => check(`duty.shifts[${i}]`, r as Row, ['kind', 'from', 'to', 'handedOverBy', 'takenOverBy']));
  return out;
}

/** The 序号 of a row path. */
export function seqOf(model: SiteModel, path: string): number {
  return model.locations[path]?.row ?? Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1;
}
