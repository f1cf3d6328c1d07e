/**
 * A summary's copy of a handover (site.ts HandoverBrief) takes the compared fields its slim model carries
 * (check/service.ts slimModel: `copyFields` of the handover as read), worked out once in the thread that read the
 * workbook, where the brief says what the handover says: the brief is made from the summary's data, in which a cell
 * showing an error value (#N/A) is blank (error-cells.ts), and such a copy's fields are worked out from the brief
 * as they were, not taken.
 */
import type { SiteModel } from '../model/site-model';
import type { Handover } from '../model/types';
import type { CopyFields } from '../model/pairing';
import type { ItemText } from '../model/item-papers';
import { unpackCopyFields } from '../model/packed-fields';
import type { HandoverBrief } from './site';

/** The slim model's data and carried fields: what a brief's fields are taken from. */
export type CarriedFields = Pick<SiteModel, 'data' | 'copyFields'>;

const sameList = (a: readonly unknown[], b: readonly unknown[] | undefined): boolean => (b ?? []).length === a.length && a.every((x, k) => x === b![k]);

/**
 * Whether a brief writes what its handover writes, each field as the brief takes it (a field left out is the brief's
 * '' or null, which copyFields reads as it reads none): then the two have the same compared fields.
 */
function briefOfHandover(b: HandoverBrief, h: Handover | null | undefined): boolean {
  if (!h) return false;
  if (b.time !== (h.time ?? '') || b.from !== (h.from ?? '') || b.to !== (h.to ?? '') || b.address !== (h.address ?? '')) return false;
  if (b.contact !== (h.contact ?? '') || b.total !== (h.total ?? null)) return false;
  if (!sameList(b.fromSigners, h.fromSigners) || !sameList(b.toSigners, h.toSigners)) return false;
  const items = h.items ?? [];
  if (items.length !== b.items.length) return false;
  return b.items.every((x, k) => {
    const i = items[k];
    return (
      Boolean(i) &&
      x.destination === (i.destination ?? '') &&
      x.quantity === (i.quantity ?? null) &&
      x.unit === (i.unit ?? '') &&
      x.note === (i.note ?? '') &&
      x.paperNo === i.paperNo &&
      x.paperName === i.paperName &&
      // A 试卷号 cell of papers parted by white space (model/unread-papers.ts): kept as typed by both, or by neither.
      (x as ItemText).paperNoUnread === (i as ItemText).paperNoUnread &&
      (x as ItemText).paperNoSpaced === (i as ItemText).paperNoSpaced
    );
  });
}

/** The compared fields the slim model carries for a brief's handover, where the brief writes what it writes; else undefined. */
export function carriedFieldsOf(carried: CarriedFields | undefined, b: HandoverBrief): CopyFields | undefined {
  const packed = carried?.copyFields?.[b.index];
  return packed && briefOfHandover(b, carried!.data.handovers?.[b.index]) ? unpackCopyFields(packed) : undefined;
}
