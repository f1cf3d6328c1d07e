/**
 * A marked copy made through exceljs prints as its workbook does. exceljs
 * reads no page breaks and writes none back (a filled form longer than a page
 * carries them: forms/page-breaks.ts), and writes the print setup it read
 * with its own defaults added (copies="1") and the printer settings part
 * dropped. So each sheet's print elements of the input — its centring,
 * margins, page setup, row and column breaks — replace those exceljs wrote,
 * as they were stored; the patched copy (mark-parts.ts) keeps them so already.
 * The footer is not among them: the copy names the sheet there (mark-footer.ts).
 */
import { strFromU8, strToU8 } from 'fflate';
import { type PackageParts, packageParts } from './reader';
import { insertionPoint } from './worksheet-order';
import { type Deflater, rezipped } from './mark-parts';

/** The print elements of a worksheet part, in their order (CT_Worksheet). */
const PRINT_ELEMENTS = ['printOptions', 'pageMargins', 'pageSetup', 'rowBreaks', 'colBreaks'] as const;

/** An element of the worksheet part, empty or with content (none of these nests in itself). */
const elementOf = (tag: string): RegExp => new RegExp(`<${tag}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${tag}\\s*>)`);

/** The page setup's link to a printer settings part the copy does not carry (r:id): dropped with the part. */
const PART_LINK = /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"[^"]*"|'[^']*')/;

/** `written`'s worksheet XML with the print elements of `input`'s (those exceljs wrote taken away, each of the input's put in its place). */
function withPrintElements(written: string, input: string): string {
  let xml = written;
  for (const tag of PRINT_ELEMENTS) {
    xml = xml.replace(elementOf(tag), '');
    const kept = elementOf(tag).exec(input)?.[0];
    if (!kept) continue;
    const at = insertionPoint(xml, `<${tag}`);
    xml = `${xml.slice(0, at)}${tag === 'pageSetup' ? kept.replace(PART_LINK, '') : kept}${xml.slice(at)}`;
  }
  return xml;
}

const sheetXml = (pkg: PackageParts, part: string): string => strFromU8(pkg.bytes(part));

/** The copy exceljs wrote with each sheet's print elements as `input` has them (the sheets matched by name). */
export function withPrintOf(input: Uint8Array, copy: Uint8Array, host?: Deflater): Uint8Array {
  const from = packageParts(input);
  const pkg = packageParts(copy);
  const changed = new Map<string, Uint8Array>();
  for (const [name, part] of pkg.sheets) {
    const source = from.sheets.get(name);
    if (!source) continue;
    const written = sheetXml(pkg, part);
    const kept = withPrintElements(written, sheetXml(from, source));
    if (kept !== written) changed.set(part, strToU8(kept));
  }
  return changed.size > 0 ? rezipped(pkg, changed, host) : copy;
}
