/**
 * The fields of a workbook's handover copies it holds no value of, left out of the comparison of a handover's two
 * copies (pairing.ts copyFields' `unknown`): for the check across workbooks (rules/handover-pairs.ts) and 交接配对.
 */
import type { SiteModel } from './site-model';
import { COPY_FIELDS, type CopyField } from './pairing';
import { norm } from './values';

/**
 * The compared fields of each handover copy of a workbook whose cell holds a formula saved without its value that this
 * tool cannot work out (forms/unsolved.ts; review 19a D1), by the handover's index: such a cell is not blank — Excel
 * and WPS show its value — but the file holds none to compare, and formula-not-saved has told the holder to save the
 * workbook in Excel or WPS and check again. The other copy is not called different for it (its holder could do
 * nothing about it): the field is left out of the comparison until the file is saved. An item row's 试卷归属, 数量 or
 * 单位 leaves out the items (their rows are compared as one list), and a signer list's cell its signers. So too a sheet
 * whose 交接明细 could not be read (its header row lost: SiteModel.unreadRows, required-field at its title; review 21
 * D4): its items and its 合计 (the table's last row, not found with it) are not read, not “（无此行）” and “（空）” — of a
 * sheet holding several copies, the copy whose header row was lost alone, by its title's cell (fix-stacked25). And
 * a sheet whose 合计 is written inside its table, with rows below it (forms/part-totals.ts: a part's total), and none at
 * its foot: it writes no total of its rows, not an empty one — its bags are compared by its items (review 22a D6).
 */
/** A total's word as the table's own 合计 row is headed (forms/part-totals.ts TOTAL_WORD), written inside the table. */
const TOTAL_WORD = /^(?:合计|总计|共计|总数)/;

export function unsolvedCopyFields(
  model: Pick<SiteModel, 'unsolvedFormulas' | 'locations' | 'data'> & Partial<Pick<SiteModel, 'unreadRows' | 'partTotals'>>,
): Array<[number, CopyField[]]> {
  const unreadItems = (model.unreadRows ?? []).filter((u) => u.form === 'handover');
  // The handovers (their items' path) with a 合计 inside the table: a part total worded as the table's.
  const totalInside = new Set((model.partTotals ?? []).filter((p) => TOTAL_WORD.test(p.word)).map((p) => p.rowsAt));
  if (!model.unsolvedFormulas?.length && !unreadItems.length && !totalInside.size) return [];
  const cells = new Set((model.unsolvedFormulas ?? []).flatMap(({ sheet, cells }) => cells.map((cell) => `${sheet}!${cell}`)));
  const out: Array<[number, CopyField[]]> = [];
  (model.data.handovers ?? []).forEach((h, i) => {
    const unsolved = (path: string) => {
      const at = model.locations[`handovers[${i}].${path}`];
      return at !== undefined && cells.has(`${at.sheet}!${at.cell}`);
    };
    const at = model.locations[`handovers[${i}]`];
    const unread = at !== undefined && unreadItems.some((u) => u.sheet === at.sheet && (!u.copy || u.copy.cell === at.cell));
    const items = unread || (h?.items ?? []).some((_x, k) => ['destination', 'quantity', 'unit'].some((part) => unsolved(`items[${k}].${part}`)));
    const noFoot = norm(h?.total) === '' && (unread || totalInside.has(`handovers[${i}].items`));
    const fields = COPY_FIELDS.filter((f) => (f === 'items' ? items : unsolved(f) || (f === 'total' && noFoot)));
    if (fields.length > 0) out.push([i, fields]);
  });
  return out;
}
