/**
 * A count as people read it, on every face — the command line's lines, the summary workbook's sheets and 总览, the
 * pane: 1,000 and more grouped by thousands (6,001 处错误, 6,001 errors), as the pane has shown them since review
 * 10b D12. One helper, so that no face says 6001 where another says 6,001. JSON keeps plain numbers; a number in a
 * sheet's cell is the cell's, shown by its number format.
 *
 * Grouped by hand rather than by `toLocaleString('en-US')`: the first use of Intl loads ICU's locale data, some
 * 25 ms of a cold `custody validate` that says how many findings it found.
 */
export function countShown(n: number): string {
  const plain = String(n);
  if (!Number.isInteger(n) || Math.abs(n) < 1000 || plain.includes('e')) return plain;
  return plain.replace(/\B(?=(\d{3})+$)/g, ',');
}
