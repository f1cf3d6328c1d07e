/**
 * The bounds of a marked copy on a workbook's notes (LIMITS.markNotes,
 * LIMITS.markNotesBytes). Notes as Excel writes them are patched in place
 * (mark-parts.ts), bounded by the reading limits only; others go through
 * exceljs, which holds every note and rewrites the whole workbook, and are
 * refused beyond the limits. Both are decided from the sizes the zip's
 * central directory declares, before a part of notes is inflated, and a part
 * is never inflated beyond the size it declares.
 */
import { strFromU8 } from 'fflate';
import { LIMITS, notesBeyondMarkLimit, refuse } from '../../model/limits';
import type { PackageParts } from './reader';
import { encodingOf } from './utf8-slices';
import { inflatedUpTo } from './zip';

/** exceljs reads every entry of these names as notes, linked to a sheet or not (its xlsx.js, names not anchored). */
const EXCELJS_NOTES = /xl\/comments\d+[.]xml|xl\/drawings\/vmlDrawing\d+[.]vml/;
/** The relationships of a sheet to its notes: comments, their VML drawing, threaded comments. */
const NOTES_REL = /\/(comments|vmlDrawing|threadedComment)$/;
/** A note in a comments part: <comment …>, with any prefix (not <commentList>, not </comment>). */
const NOTE = /<(?:[\w.-]+:)?comment[\s/>]/g;

/** The parts of a package's notes: those exceljs takes by name, and those its sheets link to. */
function notesParts(pkg: PackageParts): Set<string> {
  const parts = new Set(pkg.names.filter((name) => EXCELJS_NOTES.test(name)));
  for (const sheet of new Set(pkg.sheets.values())) {
    for (const rel of pkg.relationships(sheet).values()) if (NOTES_REL.test(rel.type) && pkg.names.includes(rel.target)) parts.add(rel.target);
  }
  return parts;
}

/** What the central directory says the parts inflate to, together. */
const declaredSize = (pkg: PackageParts, parts: Iterable<string>): number => [...parts].reduce((sum, part) => sum + pkg.stored(part).entry.declaredSize, 0);

/** Bytes of a part's beginning inflated to see how it is written: Excel's VML names its idmap, and its comments their authors, within a few hundred. */
const HEAD_BYTES = 4096;

/**
 * Does a part of notes begin as Excel writes it, so that the copy may patch it
 * in place: a VML drawing with its shape ids' blocks (<o:idmap data=…>), a
 * comments part with its authors? Threaded comments are never patched, nor
 * read. Only the part's first HEAD_BYTES are inflated; broken data: no.
 */
function beginsAsExcelWrites(pkg: PackageParts, part: string): boolean {
  if (/threadedcomment/i.test(part)) return true;
  const { entry, data } = pkg.stored(part);
  let head: string;
  try {
    const { bytes } = inflatedUpTo(data, entry.method, HEAD_BYTES);
    head = new TextDecoder(encodingOf(bytes)).decode(bytes);
  } catch {
    return false;
  }
  return part.toLowerCase().endsWith('.vml') ? /<o:idmap\b[^>]*\bdata\s*=/.test(head) : /<authors\b/.test(head);
}

/**
 * Refuses the marked copy of a workbook whose parts of notes declare more than
 * LIMITS.markNotesBytes and do not begin as Excel writes them: exceljs would
 * refuse them (refuseManyNotes), and patching them in place, which reads every
 * one of them whole, would end in the same refusal. Not a byte of them is
 * inflated beyond their beginnings. A package the reader refuses is left to
 * the marking, which says so in its own words.
 */
export function refuseNotesNotPatchable(pkg: PackageParts): void {
  const parts = notesParts(pkg);
  const declared = declaredSize(pkg, parts);
  if (declared > LIMITS.markNotesBytes && ![...parts].every((part) => beginsAsExcelWrites(pkg, part))) throw notesBeyondMarkLimit('bytes', declared);
}

/**
 * Refuses, before exceljs loads a workbook, notes beyond LIMITS.markNotes or
 * parts of notes beyond LIMITS.markNotesBytes: exceljs would take them all
 * into memory, with no time bound, to write the copy.
 */
export function refuseManyNotes(pkg: PackageParts): void {
  const parts = notesParts(pkg);
  // The sizes the package declares first: a package beyond the limit is refused without inflating a byte.
  const declared = declaredSize(pkg, parts);
  if (declared > LIMITS.markNotesBytes) throw notesBeyondMarkLimit('bytes', declared);
  // Then each part inflated, never beyond the size it declares: one that inflates to more lies about its size
  // (exceljs would stop at it too), and is stopped there as a damaged file.
  let notes = 0;
  for (const part of parts) {
    const { entry, data } = pkg.stored(part);
    let inflated: { bytes: Uint8Array; whole: boolean };
    try {
      inflated = inflatedUpTo(data, entry.method, entry.declaredSize);
    } catch (error) {
      if (error instanceof Error && error.name === 'WorkbookReadError') throw error;
      throw refuse('broken');
    }
    if (!inflated.whole) throw refuse('broken');
    if (!part.toLowerCase().endsWith('.vml')) notes += (strFromU8(inflated.bytes).match(NOTE) ?? []).length;
  }
  if (notes > LIMITS.markNotes) throw notesBeyondMarkLimit('notes', notes);
}
