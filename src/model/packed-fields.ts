/**
 * A copy's compared fields (pairing.ts `copyFields`) as a slim model carries them (check/service.ts slimModel) to the
 * checks across workbooks and to the summary's copies: worked out once, in the thread that read the workbook.
 */
import { COPY_FIELDS, type CopyField, type CopyFields, withContent } from './pairing';

/**
 * The fields in the order of COPY_FIELDS, then `papers`, `paperNames` and `unknown` (null for none, and none after
 * the last given); no `content`, which is made of the others again.
 */
export type PackedCopyFields = Array<string | readonly CopyField[] | null>;

export function packCopyFields(f: CopyFields): PackedCopyFields {
  const packed: PackedCopyFields = [...COPY_FIELDS.map((k) => f[k]), f.papers ?? null, f.paperNames ?? null, f.unknown ?? null];
  while (packed.length > COPY_FIELDS.length && packed[packed.length - 1] === null) packed.pop();
  return packed;
}

/** The compared fields `packCopyFields` packed: equal to those it was given. */
export function unpackCopyFields(packed: PackedCopyFields): CopyFields {
  const fields = {} as Record<CopyField, string>;
  COPY_FIELDS.forEach((k, i) => (fields[k] = packed[i] as string));
  const at = COPY_FIELDS.length;
  const text = (v: PackedCopyFields[number] | undefined) => (typeof v === 'string' ? v : undefined);
  const unknown = packed[at + 2];
  return withContent(fields, text(packed[at]), text(packed[at + 1]), Array.isArray(unknown) ? unknown : undefined);
}
