/**
 * A table row the officer struck out by writing 作废 in its 备注 (“作废（误登，见第4行）”,
 * 此行作废, 已作废): not a movement, a count or a signature. Checked as a live row it
 * gave errors on itself and on the right rows around it (an overdraw on the
 * correct 4405 row), and its bags counted in every total; so the reader leaves
 * it out of the table, and keeps where it is for voided-row to ask once that it
 * be deleted. Any table's 备注 column: the form's own (附件1, 附件4) or one the
 * officer added to the header (附件3 prints none).
 */
import type { CellValue } from '../model/grid';
import { normalizeLabel } from '../model/text';
import type { SheetIndex } from './sheet-index';
import type { TableHeader } from './table-header';

/** A struck-out row: where its 备注 is, and its 序号. */
export interface VoidedRead {
  row: number;
  col: number;
  seq: number;
}

/**
 * 作废 opening the note, after 此行/本行 and 已: the whole note says the row is void. 作废 going on with
 * a word (作废试卷2袋, 作废卷) names papers, and leaves the row as it is; so does a count or 无 after a colon
 * or bracket (作废：0份, 作废（2份）, 作废：无): the row's spoilt papers, noted on a correct row.
 */
const VOID_NOTE =
  /^(?:此行|本行|该行|这行|此条|本条|该条)?已?作废(?:$|[(（[【,，.。、;；:：!！](?!无|没有|[\d零〇一二两三四五六七八九十]+(?:份|袋|张|本|套|卷|[)）\]】]|$)))/;

export function isVoidNote(value: CellValue): boolean {
  return typeof value === 'string' && VOID_NOTE.test(normalizeLabel(value));
}

/** The table's 备注 column: the form's own (key `note`), else a header cell that says 备注 and nothing else. */
export function noteColumn(index: SheetIndex, header: TableHeader): number | undefined {
  const own = header.columns.get('note');
  if (own !== undefined) return own;
  for (let row = header.top; row < header.dataStart; row++) for (const t of index.rowTexts(row)) if (t.norm === '备注') return t.col;
  return undefined;
}
