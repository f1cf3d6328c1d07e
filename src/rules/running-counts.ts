/**
 * Running sums of a table's count column, by unit, for the totals written inside it (column-total's part totals: 小计,
 * 本页合计, 6月15日小计 …): made in one pass over the rows, after which any run of them is summed in constant time,
 * however many totals the table holds (fix-totals23: a handover's 小计 each summed every row from the first).
 */
import { isBlankValue, norm, whole } from '../model/values';

/** A row's field by its key. */
const field = (row: object | null | undefined, key: string): unknown => (row as Record<string, unknown> | null | undefined)?.[key];

/** What a run of rows adds up to. */
export interface Counted {
  /** Rows in the run; of them, rows whose count is blank (or no row at all), and rows whose count is not read. */
  rows: number;
  blank: number;
  unread: number;
  /** The read counts added up by unit ('' for a row naming none), as countsByUnit gives them (model/unit-total.ts). */
  counts: Map<string, number>;
  /** The run's bags (`bagsOf` each row), undefined when a row's are not known; only when asked. */
  bags?: number;
}

/**
 * The rows' running sums: index p of each array covers the first p rows (of `indexes` when given: a day's rows).
 * Each unit's counts and rows are summed apart, as a total over rows of both units is given per unit.
 */
export interface RunningCounts {
  indexes?: readonly number[];
  blank: number[];
  unread: number[];
  units: Map<string, { sum: number[]; rows: number[] }>;
  bags?: { sum: number[]; unknown: number[] };
}

interface Columns<R> {
  /** The count's key (quantity, copies); its unit's, where each row picks one (unit). */
  count: string;
  unit?: string;
  /** A row's count in bags (custody.ts itemBags: a box's as its 备注 says them), for a total written in bags. */
  bagsOf?: (row: R | null | undefined) => number | undefined;
  /**
   * Whether row `j`'s count cell holds a formula saved without its value that cannot be worked out (model.unsolvedFormulas):
   * read as empty, but not blank — a count not read (fix-totals25: a total over it had been passed over in silence).
   */
  unsolved?: (j: number) => boolean;
  /** A blank count is one not read: the form does not ask for it (报考人数), so no finding of its own says it is blank. */
  blankUnread?: boolean;
  /** A row's count where its cell holds no one number but still counts (an item's one count per paper, “2、1”). */
  countOf?: (row: R | null | undefined) => number | undefined;
}

/** `rows`' running sums (or those of the rows at `indexes`, in their order), in one pass. */
export function runningCounts<R extends object>(
  rows: ReadonlyArray<R | null | undefined>,
  { count, unit, bagsOf, unsolved, blankUnread, countOf }: Columns<R>,
  indexes?: readonly number[],
): RunningCounts {
  const n = indexes ? indexes.length : rows.length;
  const at = (p: number) => rows[indexes ? indexes[p] : p];
  const unitOf = (row: R | null | undefined) => (unit ? norm(field(row, unit)) : '');
  const units = new Map<string, { sum: number[]; rows: number[] }>();
  for (let p = 0; p < n; p++) {
    const row = at(p);
    if (!isBlankValue(field(row, count)) && !units.has(unitOf(row))) units.set(unitOf(row), { sum: [0], rows: [0] });
  }
  const run: RunningCounts = { ...(indexes && { indexes }), blank: [0], unread: [0], units, ...(bagsOf && { bags: { sum: [0], unknown: [0] } }) };
  for (let p = 0; p < n; p++) {
    const row = at(p);
    const v = field(row, count);
    const unknown = unsolved?.(indexes ? indexes[p] : p) === true || (blankUnread === true && isBlankValue(v));
    const blank = !unknown && isBlankValue(v);
    const c = blank || unknown ? undefined : (whole(v) ?? countOf?.(row));
    run.blank.push(run.blank[p] + (blank ? 1 : 0));
    run.unread.push(run.unread[p] + (!blank && c === undefined ? 1 : 0));
    const own = blank || c === undefined ? undefined : unitOf(row);
    for (const [u, s] of units) {
      s.sum.push(s.sum[p] + (u === own ? c! : 0));
      s.rows.push(s.rows[p] + (u === own ? 1 : 0));
    }
    if (run.bags) {
      const b = bagsOf!(row);
      run.bags.sum.push(run.bags.sum[p] + (b ?? 0));
      run.bags.unknown.push(run.bags.unknown[p] + (b === undefined ? 1 : 0));
    }
  }
  return run;
}

/** The place in `run` of the first of its rows at or after the table's row `row`. */
function placeOf(run: RunningCounts, row: number): number {
  const ix = run.indexes;
  if (!ix) return Math.min(Math.max(row, 0), run.blank.length - 1);
  let [lo, hi] = [0, ix.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the table's rows `from`…`to` (not with) of `run` add up to, as items.slice(from, to) would. */
export function countedOver(run: RunningCounts, from: number, to: number): Counted {
  const end = placeOf(run, to);
  const start = Math.min(placeOf(run, from), end);
  const counts = new Map<string, number>();
  for (const [u, s] of run.units) if (s.rows[end] - s.rows[start] > 0) counts.set(u, s.sum[end] - s.sum[start]);
  const bags = run.bags && run.bags.unknown[end] - run.bags.unknown[start] === 0 ? run.bags.sum[end] - run.bags.sum[start] : undefined;
  return { rows: end - start, blank: run.blank[end] - run.blank[start], unread: run.unread[end] - run.unread[start], counts, ...(run.bags && { bags }) };
}

/** The table's row (its index) of the first row among `from`…`to` whose count is not read; undefined: none. */
export function firstUnread(run: RunningCounts, from: number, to: number): number | undefined {
  const [start, end] = [placeOf(run, from), placeOf(run, to)];
  if (end <= start || run.unread[end] === run.unread[start]) return undefined;
  // The first place past `start` whose running count of unread rows has grown: its row is the one before it.
  let [lo, hi] = [start + 1, end];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run.unread[mid] > run.unread[start]) hi = mid;
    else lo = mid + 1;
  }
  return run.indexes ? run.indexes[lo - 1] : lo - 1;
}
