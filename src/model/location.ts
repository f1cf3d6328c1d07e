/**
 * Where each value of a site model sits in its workbook, so that every finding
 * can point at the real cell (docs/领域说明.md).
 *
 * Paths name a value in the data model the way people read it:
 * `handovers[0].items[2].quantity`, `intake.time`, `vaultLog[14].takenAt`.
 * A table row's own path (`vaultLog[14]`) points at its 序号 cell.
 */

/** 0 for 基本信息/考试安排/涉卷人员, 1–5 for 附件1–5. */
export type FormNumber = 0 | 1 | 2 | 3 | 4 | 5;

export interface CellLocation {
  sheet: string;
  /** A1 address in `sheet`. */
  cell: string;
  /** Which attachment the sheet is. */
  form: FormNumber;
  /** The 序号 of the table row, null for a header or footer field. */
  row: number | null;
}

export type LocationMap = Record<string, CellLocation>;

/**
 * The best location for a path: itself, else its nearest recorded ancestor
 * (a missing field of a row points at the row's 序号 cell; a missing field of
 * a form at the form's title).
 */
export function locate(locations: LocationMap, path: string): CellLocation | undefined {
  let p = path;
  for (;;) {
    if (locations[p]) return locations[p];
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

/**
 * The value a path names (`vaultLog[1].takenAt`; a dotted path into a form's record, `totals.bags31`, alike), or
 * undefined where a step of it is missing.
 */
export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(/[.[\]]+/)) {
    if (key === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
