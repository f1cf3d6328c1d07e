/**
 * The two copies of each handover among workbooks checked together, paired
 * once per run for every check across workbooks that asks (model/pairing.ts:
 * as the consolidated summary pairs them).
 */
import type { Handover } from '../model/types';
import { custodyOf } from '../model/custody';
import { CopyKey, copyFields, pairCopies } from '../model/pairing';
import type { CrossSite } from './types';

/** A workbook checked with others: its model only (types.ts CrossRule: no facts, whose working out reads every model's locations). */
export type Site = CrossSite;
export type Copy = CopyKey & { site: Site; i: number; h: Handover; fields: ReturnType<typeof copyFields> };

/** The pairs of one run, with the models they were worked out from. */
interface Run {
  models: ReadonlyArray<Site['model']>;
  pairs: Array<{ sender: Copy; receiver: Copy }>;
}

const MEMO = new WeakMap<ReadonlyArray<Site>, Run>();

/**
 * Every handover copy of every workbook, paired sender with receiver: worked
 * out once for the sites of one run. A caller may give the same list again
 * with a workbook replaced in it (read anew after an edit): its pairs are then
 * worked out again, not taken from the run before.
 */
export function handoverPairs(sites: ReadonlyArray<Site>): Array<{ sender: Copy; receiver: Copy }> {
  const known = MEMO.get(sites);
  if (known && known.models.length === sites.length && known.models.every((m, k) => m === sites[k].model)) return known.pairs;
  const copies: Copy[] = [];
  for (const site of sites) {
    const custody = custodyOf(site.model);
    (site.model.data.handovers ?? []).forEach((h, i) => {
      const direction = custody.direction[i];
      if (!h || !direction) return;
      const fields = copyFields(h);
      copies.push({ holder: site.id, holderUnit: custody.name, direction, from: h.from, to: h.to, time: h.time, content: fields.content, site, i, h, fields });
    });
  }
  const pairs = pairCopies(copies).pairs;
  MEMO.set(sites, { models: sites.map((s) => s.model), pairs });
  return pairs;
}
