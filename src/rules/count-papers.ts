/**
 * The papers a count cell counts one by one (“2、1” beside 1001、2045): a handover item's (named in its 备注 or a 试卷号
 * column beside the form: item-papers.ts), a vault or register row's 试卷号. invalid-count at the cell and the totals over
 * the row (totals-inside.ts) say them alike. The other count cells — 附件2's bag columns and 合计（袋）, 考试安排's
 * 报考人数, a 合计 — count no paper one by one: none, and a cell there holds one number.
 */
import { itemCodes, type ItemText } from '../model/item-papers';
import { type Facts, norm } from './facts';

/** How many papers a row writes beside its count cell, and those papers as a message quotes them. */
export interface PapersCounted {
  papers: number;
  paper: string;
}

const HANDOVER_ITEMS = /^handovers\[\d+\]\.items$/;
const PAPER_ROWS = /^(?:vaultLog|distributions\[\d+\]\.rows)$/;

/** Row `j` of the table at `rowsAt`: the papers its count cell counts (a row of several: facts.several), none for other tables. */
export function papersCounted(facts: Pick<Facts, 'several' | 'paperNames'>, rowsAt: string, j: number, row: unknown): PapersCounted {
  if (HANDOVER_ITEMS.test(rowsAt)) {
    const codes = row ? itemCodes(row as ItemText, facts.paperNames) : [];
    return { papers: codes.length, paper: codes.join('、') };
  }
  if (!PAPER_ROWS.test(rowsAt)) return { papers: 0, paper: '' };
  const paperNo = norm((row as { paperNo?: unknown } | null | undefined)?.paperNo);
  return { papers: facts.several.get(`${rowsAt}[${j}]`)?.papers.length ?? (paperNo ? 1 : 0), paper: paperNo };
}
