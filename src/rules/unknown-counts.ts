/**
 * A count cell (a bag size, 数量, 试卷份数) holding a formula saved without its value that this tool cannot work out
 * (forms/unsolved.ts) is not blank: Excel and WPS show a count there, the file holds none. The reader leaves it empty,
 * and every rule that counts read an empty count as 0 — 1001's bags one short made copies-short, overdraw and
 * inventory-mismatch of a workbook whose only fault is the unsaved formula, which formula-not-saved already says
 * (fix-unsaved27). So the rules are given such a cell as a count not known, as one written in words is: the paper's or
 * the row's figure is not judged, never taken as 0. One place for every rule, the facts they share included.
 */
import { type SiteModel, unsolvedCells } from '../model/site-model';
import type { SiteData } from '../model/types';
import { isBlankValue } from '../model/values';

/** What such a cell reads as to the rules: words, no count — the words the pane's preview shows there, should a message quote it. */
export const UNSAVED_COUNT = '（公式，结果未保存）';

const BAG_KEYS = ['bags31', 'bags26', 'bags11', 'bags5', 'totalBags'];

type Unknown = (path: string) => boolean;

/**
 * The model the rules judge: each count cell (an intake row's sizes and 合计（袋）, a 数量, a 试卷份数, an item's 数量) holding
 * a formula saved without its value, `UNSAVED_COUNT`. A row with nothing else written (a template's formula down an empty
 * table) stays blank, as the reader found it. Each count's cell is looked up once; only the rows changed are copied.
 */
export function withUnknownCounts(model: SiteModel): SiteModel {
  const unsolved = unsolvedCells(model);
  if (!unsolved) return model;
  const unknown: Unknown = (path) => {
    const at = model.locations[path];
    return at !== undefined && unsolved.has(`${at.sheet}!${at.cell}`);
  };
  const data = model.data;
  const changed: Partial<SiteData> = {};
  const intake = Array.isArray(data.intake)
    ? eachForm(data.intake, 'intake', 'items', BAG_KEYS, unknown)
    : data.intake && withRows(data.intake, 'items', 'intake', BAG_KEYS, unknown);
  if (intake !== data.intake) changed.intake = intake;
  const vaultLog = marked(data.vaultLog, 'vaultLog', ['quantity'], unknown);
  if (vaultLog) changed.vaultLog = vaultLog;
  const registers = data.distributions && eachForm(data.distributions, 'distributions', 'rows', ['copies'], unknown);
  if (registers !== data.distributions) changed.distributions = registers;
  const handovers = data.handovers && eachForm(data.handovers, 'handovers', 'items', ['quantity'], unknown);
  if (handovers !== data.handovers) changed.handovers = handovers;
  return Object.keys(changed).length === 0 ? model : { ...model, data: { ...data, ...changed } };
}

/** Each form of a list (`name`[i]) with its table `key` marked; the list itself where none changed. */
function eachForm<F>(forms: F[], name: string, key: string, keys: readonly string[], unknown: Unknown): F[] {
  return sameOr(
    forms,
    forms.map((form, i) => (form && typeof form === 'object' ? withRows(form, key, `${name}[${i}]`, keys, unknown) : form)),
  );
}

/** `list` itself where `mapped` holds the same elements, else `mapped`. */
const sameOr = <T>(list: T[], mapped: T[]): T[] => (mapped.every((x, i) => x === list[i]) ? list : mapped);

/** `form` with its table `key` (at `at`.`key`) marked, or `form` itself where no count of it is unknown. */
function withRows<F extends object>(form: F, key: string, at: string, keys: readonly string[], unknown: Unknown): F {
  const rows = marked((form as Record<string, unknown>)[key] as ReadonlyArray<object | null | undefined> | undefined, `${at}.${key}`, keys, unknown);
  return rows ? { ...form, [key]: rows } : form;
}

/** `rows` with each unknown count of a row holding anything else made UNSAVED_COUNT (the array and those rows copied); undefined where none is. */
function marked<R extends object | null | undefined>(
  rows: readonly R[] | undefined,
  rowsAt: string,
  keys: readonly string[],
  unknown: Unknown,
): R[] | undefined {
  let out: R[] | undefined;
  rows?.forEach((row, j) => {
    if (!row) return;
    const hit = keys.filter((k) => unknown(`${rowsAt}[${j}].${k}`));
    if (hit.length === 0) return;
    const others = Object.entries(row).flatMap(([k, v]) => (hit.includes(k) ? [] : [v]));
    if (isBlankValue(others)) return;
    (out ??= [...rows])[j] = { ...row, ...Object.fromEntries(hit.map((k) => [k, UNSAVED_COUNT])) };
  });
  return out;
}
