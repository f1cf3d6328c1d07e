/**
 * The two copies of each handover among workbooks checked together, paired
 * once per run for every check across workbooks that asks (model/pairing.ts:
 * as the consolidated summary pairs them): validateAcross makes one `AcrossRun`
 * for the sites it is given and hands it to each check.
 */
import type { Handover } from '../model/types';
import { custodyOf } from '../model/custody';
import { type CopyField, type CopyFields, CopyKey, copyFields, pairCopies } from '../model/pairing';
import { unpackCopyFields } from '../model/packed-fields';
import { unsolvedCopyFields } from '../model/copy-unknowns';
import { type PaperNames, workbookPaperNames } from '../model/item-papers';
import { countedSite, semesterKey } from '../model/semester';
import { handoversAsCompared, spacedCellsOf } from '../model/unread-papers';
import { modelDigest, repeatedUnits, unitOfWorkbook } from '../model/repeated-unit';
import type { AcrossRun, CrossSite } from './types';

/** A workbook checked with others: its model only (types.ts CrossRule: no facts, whose working out reads every model's locations). */
export type Site = CrossSite;
/** A copy, its workbook's papers by name with it (item-papers.ts workbookPaperNames). */
export type Copy = CopyKey & { site: Site; i: number; h: Handover; fields: CopyFields; names?: PaperNames };

/** A handover's two copies, the sender's and the receiver's. */
export interface CopyPair {
  sender: Copy;
  receiver: Copy;
}

/** What the checks across these sites share: their handover pairs, worked out when a check first asks, then kept for the run. */
export function acrossRun(sites: ReadonlyArray<Site>): AcrossRun {
  let pairs: CopyPair[] | undefined;
  return { handoverPairs: () => (pairs ??= handoverPairs(sites)) };
}

/** Every handover copy of every workbook, paired sender with receiver. */
function handoverPairs(sites: ReadonlyArray<Site>): CopyPair[] {
  const copies: Copy[] = [];
  // A unit's second workbook of a semester (unit-workbook-twice) holds the first's copies again: they are not paired twice.
  const fileOf = (s: Site) => s.file ?? s.id;
  const repeats = new Set(
    repeatedUnits(
      sites,
      fileOf,
      (s) => unitOfWorkbook(countedSite(s.model)),
      (s) => modelDigest(s.model),
    ).map(({ repeat }) => repeat),
  );
  for (const site of sites) {
    if (repeats.has(site)) continue;
    const custody = custodyOf(site.model);
    const semester = semesterKey(countedSite(site.model)?.semester);
    // Fields a copy holds no value of (a formula saved without it): not compared (review 19a D1).
    let unknown: Map<number, CopyField[]> | undefined;
    const names = workbookPaperNames(site.model);
    // A slim model carries its copies' fields (service.ts slimModel): worked out where the workbook was read.
    const carried = site.model.copyFields;
    // An item's 试卷号 its workbook read as no paper (“1001 9999”) is compared as typed (unread-papers.ts; a slim model's are so).
    const spaced = spacedCellsOf(site.model);
    (handoversAsCompared(site.model.data.handovers, spaced) ?? []).forEach((h, i) => {
      const direction = custody.direction[i];
      if (!h || !direction) return;
      const packed = carried?.[i];
      const fields = packed ? unpackCopyFields(packed) : copyFields(h, (unknown ??= new Map(unsolvedCopyFields(site.model))).get(i), names);
      copies.push({
        holder: site.id,
        holderUnit: custody.name,
        direction,
        from: h.from,
        to: h.to,
        time: h.time,
        content: fields.content,
        semester,
        site,
        i,
        h,
        fields,
        ...(names && { names }),
      });
    });
  }
  return pairCopies(copies).pairs;
}
