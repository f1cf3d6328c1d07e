/**
 * A count as people read it, on every face — the command line's lines, the summary workbook's sheets and 总览, the
 * pane: 1,000 and more grouped by thousands (6,001 处错误, 6,001 errors), as the pane has shown them since review
 * 10b D12. One helper, so that no face says 6001 where another says 6,001. JSON keeps plain numbers; a number in a
 * sheet's cell is the cell's, shown by its number format.
 */
export function countShown(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
