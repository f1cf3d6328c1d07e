/**
 * How a drafted form runs over pages. A form that fits one A4 page at full
 * size is kept to one page (fitToHeight 1), as the source prints it. A longer
 * one is printed at full size over as many pages as it needs (fitToHeight 0:
 * squeezed onto one page its 10-point text printed at 6 or 7), with a page
 * break before the rows that would not fit, reckoned at full size — every
 * host shrinks to the width alone, never enlarges, so each page's rows fit
 * wherever it is printed. The table's last rows (its 合计 row among them) are
 * kept on one page with what follows them — the opinions, the signature lines
 * and the 备注: left to the host, 交接单's 移交单位及意见 printed on one page
 * and its 移交人签字 on the next, or the 备注 alone on a page of its own.
 * A label merged down the table's side (交接明细) is cut at each break, and
 * each page's part says it again (sideLabelsPerPage).
 */
import { PAGE, type SheetDraft } from './draft';
import { fitSheet } from './fit';
import { parseRange, rangeA1 } from '../model/grid';

/** A4 in inches, portrait. */
const A4 = { width: 8.27, height: 11.69 };
/** A row with no height of its own: the sheet's default (points). */
const DEFAULT_ROW_HEIGHT = 15;
/** The table's rows kept with its foot (the 合计 row counts as one): a signature page never without the items it signs. */
const KEPT_WITH_FOOT = 3;
/** Room kept on each page (points) for a host's rounding of row heights. */
const SLACK = 12;

interface Pagination {
  fitToHeight: 0 | 1;
  /** 0-based rows each page ends with, the last page's left out. */
  rowBreaks: number[];
}

/** The rows of the print area's range "A1:J24": 0-based, first to last. */
function lastRowOf(area: string): number {
  return Number(/(\d+)$/.exec(area)![1]) - 1;
}

/**
 * The pages of a drafted sheet whose table ends before row `tableEnd`
 * (0-based, the row after its 合计 or its last row; 0 for a form with no table).
 */
function pagination(draft: SheetDraft, tableEnd: number): Pagination {
  const height = (r: number) => draft.heights[r] ?? DEFAULT_ROW_HEIGHT;
  const last = lastRowOf(draft.print.area);
  const page = ((draft.print.landscape ? A4.width : A4.height) - PAGE.margins.top - PAGE.margins.bottom) * 72 - SLACK;
  let total = 0;
  for (let r = 0; r <= last; r++) total += height(r);
  if (total <= page) return { fitToHeight: 1, rowBreaks: [] };
  const titleEnd = draft.print.titleRows ? Number(draft.print.titleRows.split(':')[1]) - 1 : -1;
  let titles = 0;
  for (let r = 0; r <= titleEnd; r++) titles += height(r);
  const footFrom = tableEnd > 0 ? Math.max(titleEnd + 1, tableEnd - KEPT_WITH_FOOT) : last + 1;
  let foot = 0;
  for (let r = footFrom; r <= last; r++) foot += height(r);
  const rowBreaks: number[] = [];
  let used = titles;
  for (let r = titleEnd + 1; r <= last; r++) {
    // The foot as one block, where one page holds it.
    const block = r === footFrom && titles + foot <= page ? foot : height(r);
    if (used + block > page && used > titles) {
      rowBreaks.push(r - 1);
      used = titles;
    }
    used += height(r);
  }
  return { fitToHeight: 0, rowBreaks };
}

/** The drafted sheet with its widths and heights fitted to its text (fit.ts), then its pages. */
export function fittedToPages(draft: SheetDraft, tableEnd: number): SheetDraft {
  fitSheet(draft);
  const { fitToHeight, rowBreaks } = pagination(draft, tableEnd);
  const paged = { ...draft, print: { ...draft.print, fitToHeight, ...(rowBreaks.length > 0 ? { rowBreaks } : {}) } };
  return rowBreaks.length > 0 ? sideLabelsPerPage(paged, rowBreaks) : paged;
}

/**
 * A side label merged down a table across page breaks printed once, centred over the whole merged area: on the
 * page the middle falls on (or cut by the break), the other pages' rows with a blank side. Its area is cut at each
 * break and each part's first cell holds the label: every page prints 交接明细 beside its own rows.
 */
function sideLabelsPerPage(draft: SheetDraft, rowBreaks: readonly number[]): SheetDraft {
  const cellAt = new Map(draft.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const merges = draft.merges.flatMap((ref) => {
    const box = parseRange(ref);
    const label = box && cellAt.get(`${box.top}:${box.left}`);
    if (!box || box.left !== box.right || label?.style !== 'side') return [ref];
    const cuts = rowBreaks.filter((b) => b >= box.top && b < box.bottom);
    if (cuts.length === 0) return [ref];
    const starts = [box.top, ...cuts.map((b) => b + 1)];
    return starts.flatMap((top, i) => {
      const bottom = i + 1 < starts.length ? starts[i + 1] - 1 : box.bottom;
      const first = cellAt.get(`${top}:${box.left}`);
      if (first && top !== box.top) first.value = label.value;
      return bottom > top ? [rangeA1({ top, left: box.left, bottom, right: box.left })] : [];
    });
  });
  return { ...draft, merges };
}
