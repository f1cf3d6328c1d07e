/**
 * A count cell (a bag size, 数量, 试卷份数) holding a formula saved without its value that this tool cannot work out
 * (forms/unsolved.ts) is not blank: Excel and WPS show a count there, the file holds none. The reader leaves it empty,
 * and every rule that counts read an empty count as 0 — 1001's bags one short made copies-short, overdraw and
 * inventory-mismatch of a workbook whose only fault is the unsaved formula, which formula-not-saved already says
 * (fix-unsaved27). So the rules are given such a cell as a count not known, as one written in words is: the paper's or
 * the row's figure is not judged, never taken as 0. One place for every rule, the facts they share included.
 */
import type { SiteModel } from '../model/site-model';
import { pathAt } from '../model/location-map';
import { isBlankValue } from '../model/values';

/** The counts of a table's rows the rules add up, by path without its indices (`vaultLog[3].quantity`: `vaultLog.quantity`). */
const COUNT_FIELDS = new Set([
  ...['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'].map((k) => `intake.items.${k}`),
  'vaultLog.quantity',
  'distributions.rows.copies',
  'handovers.items.quantity',
]);

/** What such a cell reads as to the rules: words, no count — the words the pane's preview shows there, should a message quote it. */
export const UNSAVED_COUNT = '（公式，结果未保存）';

/**
 * The model the rules judge: each count cell of a row holding a formula saved without its value, `UNSAVED_COUNT`. A row
 * with nothing else written (a template's formula down an empty table) stays blank, as the reader found it.
 */
export function withUnknownCounts(model: SiteModel): SiteModel {
  if (!model.unsolvedFormulas?.length) return model;
  let data: unknown = model.data;
  for (const { sheet, cells } of model.unsolvedFormulas) {
    for (const cell of cells) {
      const path = pathAt(model.locations, sheet, cell);
      if (path === undefined || !COUNT_FIELDS.has(path.replace(/\[\d+\]/g, ''))) continue;
      data = withCountUnknown(
        data,
        path.split(/[.[\]]+/).filter((k) => k !== ''),
      );
    }
  }
  return data === model.data ? model : { ...model, data: data as SiteModel['data'] };
}

type Node = Record<string, unknown> | unknown[];

/** `root` with the count at `keys` made UNSAVED_COUNT where its row holds anything else, each object on the way copied. */
function withCountUnknown(root: unknown, keys: readonly string[]): unknown {
  const [key, ...rest] = keys;
  if (root === null || typeof root !== 'object') return root;
  const node = root as Node;
  const child = (node as Record<string, unknown>)[key];
  if (rest.length > 0) {
    const changed = withCountUnknown(child, rest);
    return changed === child ? root : copyWith(node, key, changed);
  }
  const others = Object.entries(node).filter(([k]) => k !== key);
  return isBlankValue(others.map(([, v]) => v)) ? root : copyWith(node, key, UNSAVED_COUNT);
}

function copyWith(node: Node, key: string, value: unknown): Node {
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(key)] = value;
    return copy;
  }
  return { ...node, [key]: value };
}
