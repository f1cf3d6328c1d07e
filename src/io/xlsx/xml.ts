/**
 * XML of a package part, read as SAX events (saxes: strict, the parser exceljs
 * itself uses) while the part inflates, so that no part is ever held whole.
 * Element names are taken without their namespace prefix (<x:c> is <c>, as
 * some generators write). Pure: no Node.
 */
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { LIMITS, beyondLimit, refuse } from '../../model/limits';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zip';

export interface XmlHandlers {
  open(tag: SaxesTagPlain, name: string): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** "x:c" → "c". */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name whatever its prefix ("r:id", "ns1:id"), for the prefixed ones only. */
export function prefixedAttribute(tag: SaxesTagPlain, local: string): string | undefined {
  const a = tag.attributes;
  for (const key in a) if (key.endsWith(`:${local}`)) return a[key];
  return undefined;
}

/**
 * Streams a part through saxes. CDATA is dropped, as exceljs drops it. XML
 * that is not well formed is refused in plain words; a refusal raised by a
 * handler (a limit) passes through as it is.
 */
export function readXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // saxes keeps every open element: millions nested would take the memory, so the depth is bounded.
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > LIMITS.xmlDepth) throw beyondLimit('xmlDepth', `超过 ${LIMITS.xmlDepth}`);
    h.open(tag, localName(tag.name));
  });
  const close = h.close;
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
    close?.(localName(tag.name));
  });
  if (h.text) parser.on('text', h.text);
  const decoder = new TextDecoder('utf-8');
  try {
    inflateEntry(bytes, entry, budget, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof Error && error.name === 'WorkbookReadError') throw error;
    throw refuse('badXml');
  }
}

/** exceljs decodes Excel's _xHHHH_ escapes in the text of shared strings and rich runs (not in str values or plain inline strings). */
function unescapeText(t: string): string {
  return t.includes('_x') ? t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/**
 * Collects the text of a string item (<si>, <is>): its <t> elements, phonetic
 * runs (<rPh>) left out. Feed it the events inside the item.
 */
export class ItemText {
  value = '';
  /** Seen: a rich run (<r>), a <t> of the item itself (not in a run). */
  runs = false;
  plain = false;
  /** The plain <t> text without the _xHHHH_ escapes decoded (as exceljs reads plain inline strings). */
  raw = '';
  private inT = false;
  private buf = '';
  private rPh = 0;
  private inR = false;

  reset(): void {
    this.value = '';
    this.raw = '';
    this.inT = false;
    this.inR = false;
    this.rPh = 0;
    this.runs = this.plain = false;
  }

  open(name: string): void {
    if (name === 't') {
      if (this.rPh === 0) {
        this.inT = true;
        this.buf = '';
        if (!this.inR) this.plain = true;
      }
    } else if (name === 'r') {
      this.inR = true;
      this.runs = true;
    } else if (name === 'rPh') this.rPh++;
  }

  close(name: string): void {
    if (name === 't') {
      if (this.inT) {
        this.value += unescapeText(this.buf);
        if (!this.inR) this.raw += this.buf;
        this.inT = false;
      }
    } else if (name === 'r') this.inR = false;
    else if (name === 'rPh') this.rPh--;
  }

  text(t: string): void {
    if (this.inT) this.buf += t;
  }
}
