/**
 * XML of a package part, scanned as it inflates so that no part is ever held
 * whole: elements and text handed to the caller as events. The scanner reads
 * what the Open XML parts of a workbook are made of and is strict where
 * strictness protects us: elements must nest and close, entities are the five
 * XML ones and character references only (a DOCTYPE is skipped and defines
 * nothing, so no entity ever expands), nesting is bounded. It is written here
 * rather than taken from a SAX library because reading the cells is the
 * whole cost of a check, and a general parser (saxes, which exceljs uses) spends
 * five times longer per cell on what a workbook never holds. It gives what saxes
 * gives exceljs (test/io/reader.test.ts compares the grids; test/io/xml.test.ts
 * the events): line ends read as \n, tabs and line ends in attribute values as
 * spaces. CDATA sections are text, read as they stand (no reference in them
 * decoded), as Excel and LibreOffice read them (exceljs drops them: review 14a
 * D3, a workbook whose labels some generator wrote so was refused). Element
 * names are taken without their namespace prefix (<x:c> is <c>, as some
 * generators write). A tag, comment or CDATA section is bounded
 * (LIMITS.xmlTokenChars): one that long is held whole while it is read, and
 * no workbook needs one near it (review 14a D8: a 60 MB attribute took 500 MB).
 * Pure: no Node.
 */
import { decodeWhole, encodingOf } from './utf8-slices';
import { LIMITS, beyondLimit, refuse } from '../../model/limits';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zip';
import { countShown } from '../../model/count-shown';

/** An element's start tag, valid only while its `open` handler runs (one object serves every tag). */
export interface XmlTag {
  readonly isSelfClosing: boolean;
  /** The attribute of exactly this name ("r", "r:id"), entities decoded. */
  attr(name: string): string | undefined;
  /** An attribute by its local name whatever its prefix ("r:id", "ns1:id"), for the prefixed ones only. */
  prefixed(local: string): string | undefined;
}

export interface XmlHandlers {
  open(tag: XmlTag, name: string): void;
  close?(name: string): void;
  text?(text: string): void;
  /**
   * A fast path: reads the whole element starting at s[lt] itself when it has
   * one of the commonest shapes, well formed by construction, and returns where
   * it ends; -1 leaves it to the scanner (and to open, text and close).
   */
  whole?(s: string, lt: number): number;
}

/** XML that is not well formed; turned into the plain refusal by readXmlPart. */
class NotWellFormed extends Error {}

const fail = (): never => {
  throw new NotWellFormed();
};

/** "x:c" → "c". */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(ref: string): string {
  if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? fail(); // no entity of a DOCTYPE's: "billion laughs" and external files never expand
  const hex = ref.charCodeAt(1) === 120;
  const digits = ref.slice(hex ? 2 : 1);
  if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) fail();
  const code = parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) fail();
  return String.fromCodePoint(code);
}

/** Text with its entity and character references replaced; a bare "&" is not well formed (throws). */
export function decodeEntities(s: string): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) fail();
    out += s.slice(from, amp) + entity(s.slice(amp + 1, semi));
    from = semi + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** An attribute value holding a reference, a tab or a line end (or a "<", which is not well formed). */
function unusualValue(v: string): string {
  if (v.includes('<')) fail();
  // Normalised as XML says, before references: a literal tab or line end is a space, &#10; a line end.
  const spaced = v.replace(/\r\n?|[\t\n]/g, ' ');
  return spaced.includes('&') ? decodeEntities(spaced) : spaced;
}

function sameChars(s: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Ends a name: space, "/", ">", "=". */
function endsName(c: number): boolean {
  return c <= 32 || c === 47 || c === 62 || c === 61;
}

const MAX_ATTRIBUTES = 256;

/** A tag, comment, CDATA section (from its "<" to its ">") longer than LIMITS.xmlTokenChars. */
const tokenTooLong = () => beyondLimit('xmlTokenChars', `超过 ${countShown(LIMITS.xmlTokenChars)}`);

const DECODE_SLICE = 1024 * 1024;
/** How much of a chunk is first joined behind a token the last one cut (a row of a sheet is well under it). */
const CUT_TOKEN_HEAD = 64 * 1024;

/** The rest of a start tag after its name, up to its ">": anything but quotes and ">", or quoted values. */
const TAG_REST = /(?:[^>"']+|"[^"]*"|'[^']*')*/y;

/** Where the scan stopped inside a token that the next chunk completes. */
const MORE = -1;

/**
 * The scanner: fed decoded text in chunks of any size; a token cut by a chunk's
 * end waits for more, and what waits must at least double before it is scanned
 * again, so a huge comment or tag costs linear time, not quadratic.
 */
class XmlScanner implements XmlTag {
  isSelfClosing = false;
  private src = '';
  /** Name start, name end, value start, value end of each attribute of the tag being opened. */
  private readonly spans = new Int32Array(MAX_ATTRIBUTES * 4);
  /** Attributes read into spans; -1: not yet (the tag's attributes lie between attrsFrom and attrsTo). */
  private attrs = -1;
  private attrsFrom = 0;
  private attrsTo = 0;
  private readonly open: string[] = [];
  /** The same elements' names without their prefix. */
  private readonly openLocal: string[] = [];
  private rooted = false;
  private waiting: string[] = [];
  private waitingLength = 0;
  private wanted = 0;

  constructor(private readonly h: XmlHandlers) {}

  write(chunk: string): void {
    if (!this.waiting.length) return this.scanFrom(chunk, 0);
    const pending = this.waitingLength;
    if (pending + chunk.length < this.wanted) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      return;
    }
    // The token the last chunk cut is completed by this chunk's head alone, at least as long as what
    // waits (a token read again has doubled: linear time); the chunk's rest is then scanned where it
    // lies. Joined whole behind the token, each 1 MB slice of a large sheet was copied (~4 ms a MB).
    const headEnd = Math.min(chunk.length, Math.max(this.wanted - pending, CUT_TOKEN_HEAD));
    this.waiting.push(headEnd === chunk.length ? chunk : chunk.slice(0, headEnd));
    const text = this.waiting.join('');
    this.waiting = [];
    this.waitingLength = 0;
    const stop = this.scan(text, false, 0);
    if (stop === MORE) return this.scanFrom(chunk, headEnd);
    if (stop >= pending) return this.scanFrom(chunk, stop - pending);
    // Longer still than the head: it waits, with the rest of the chunk.
    this.wait(text.slice(stop));
    if (headEnd < chunk.length) {
      this.waiting.push(chunk.slice(headEnd));
      this.waitingLength += chunk.length - headEnd;
    }
  }

  private scanFrom(chunk: string, from: number): void {
    const stop = this.scan(chunk, false, from);
    if (stop !== MORE) this.wait(chunk.slice(stop));
  }

  /**
   * A token the chunk's end cut waits for the next: it is scanned again when what waits has at least doubled.
   * `rest` runs from the token's start to the end of what came, the token not complete in it: the token is
   * longer, and is refused past the limit before it is held any longer (one read whole is measured in scan).
   */
  private wait(rest: string): void {
    if (rest.length >= LIMITS.xmlTokenChars) throw tokenTooLong();
    this.waiting = [rest];
    this.waitingLength = rest.length;
    this.wanted = rest.length * 2 + 1;
  }

  end(): void {
    if (this.waiting.length) this.scan(this.waiting.join(''), true, 0);
    if (this.open.length || !this.rooted) fail();
  }

  attr(name: string): string | undefined {
    if (this.attrs < 0) this.readAttributes();
    const { spans, src } = this;
    for (let k = 0; k < this.attrs * 4; k += 4) {
      if (spans[k + 1] - spans[k] === name.length && src.startsWith(name, spans[k])) return this.value(k);
    }
    return undefined;
  }

  prefixed(local: string): string | undefined {
    if (this.attrs < 0) this.readAttributes();
    const { spans, src } = this;
    for (let k = 0; k < this.attrs * 4; k += 4) {
      const colon = spans[k + 1] - local.length - 1;
      if (colon > spans[k] && src.charCodeAt(colon) === 58 && src.startsWith(local, colon + 1)) return this.value(k);
    }
    return undefined;
  }

  private value(k: number): string {
    const s = this.src;
    const from = this.spans[k + 2];
    const to = this.spans[k + 3];
    let plain = true;
    for (let i = from; i < to && plain; i++) {
      const c = s.charCodeAt(i);
      plain = c > 38 ? c !== 60 : c !== 38 && c !== 9 && c !== 10 && c !== 13;
    }
    const v = s.slice(from, to);
    return plain ? v : unusualValue(v);
  }

  /** Scans s from `from`; returns where a token the chunk cuts begins, or MORE when all was read. */
  private scan(s: string, final: boolean, from: number): number {
    const n = s.length;
    let pos = from;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return this.trailingText(s, pos, final);
      if (lt > pos) this.text(s.slice(pos, lt));
      const whole = this.h.whole;
      const taken = whole !== undefined && this.open.length ? whole(s, lt) : MORE;
      const next = taken !== MORE ? taken : lt + 1 < n ? this.markup(s, lt) : MORE;
      if (next === MORE) {
        if (final) fail();
        return lt;
      }
      if (next - lt > LIMITS.xmlTokenChars) throw tokenTooLong();
      pos = next;
    }
    return MORE;
  }

  /** Text up to the chunk's end: a reference or a "\r\n" the end may cut waits for the next chunk. */
  private trailingText(s: string, pos: number, final: boolean): number {
    let cut = s.length;
    if (!final) {
      const amp = s.lastIndexOf('&');
      if (amp >= pos && s.indexOf(';', amp) < 0) cut = amp;
      else if (s.charCodeAt(cut - 1) === 13) cut--;
    }
    if (cut > pos) this.text(s.slice(pos, cut));
    return cut < s.length ? cut : MORE;
  }

  private text(t: string): void {
    if (!this.open.length || !this.h.text) return;
    if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
    this.h.text(t.includes('&') ? decodeEntities(t) : t);
  }

  /** The markup at s[lt] === "<": returns where it ends, or MORE when the chunk cuts it. */
  private markup(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (c === 47) return this.closeTag(s, lt);
    if (c === 63) return this.skipTo(s, '?>', lt + 2);
    if (c !== 33) return this.openTag(s, lt + 1);
    if (s.startsWith('!--', lt + 1)) return this.skipTo(s, '-->', lt + 4);
    if (s.startsWith('![CDATA[', lt + 1)) return this.open.length ? this.cdata(s, lt + 9) : fail();
    if (s.startsWith('!DOCTYPE', lt + 1) && !this.rooted) return this.doctype(s, lt + 9);
    return s.length - lt < 9 ? MORE : fail();
  }

  /** A CDATA section whose text starts at s[from]: its text as it stands (line ends read as \n, nothing decoded). */
  private cdata(s: string, from: number): number {
    const at = s.indexOf(']]>', from);
    if (at < 0) return MORE;
    if (at > from && this.h.text) {
      const t = s.slice(from, at);
      this.h.text(t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t);
    }
    return at + 3;
  }

  private skipTo(s: string, end: string, from: number): number {
    const at = s.indexOf(end, from);
    return at < 0 ? MORE : at + end.length;
  }

  /** A DOCTYPE and its internal subset, skipped whole: nothing it declares is used. */
  private doctype(s: string, from: number): number {
    let quote = 0;
    let inSubset = false;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 91) inSubset = true;
      else if (c === 93) inSubset = false;
      else if (c === 62 && !inSubset) return i + 1;
    }
    return MORE;
  }

  private closeTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return MORE;
    let end = gt;
    while (isSpace(s.charCodeAt(end - 1))) end--;
    const name = this.open.pop();
    if (name === undefined || end - lt - 2 !== name.length || !s.startsWith(name, lt + 2)) fail();
    this.h.close?.(this.openLocal.pop()!);
    return gt + 1;
  }

  private openTag(s: string, start: number): number {
    const n = s.length;
    let j = start;
    while (j < n && !endsName(s.charCodeAt(j))) j++;
    if (j >= n) return MORE;
    if (j === start || (this.rooted && !this.open.length)) fail();
    // The tag's end, past quoted values (a ">" may stand in one); its attributes are read only if asked for.
    TAG_REST.lastIndex = j;
    TAG_REST.test(s);
    const gt = TAG_REST.lastIndex;
    if (gt >= n) return MORE;
    if (s.charCodeAt(gt) !== 62) return MORE; // a quote the chunk's end cuts
    this.isSelfClosing = s.charCodeAt(gt - 1) === 47;
    this.src = s;
    this.attrsFrom = j;
    this.attrsTo = this.isSelfClosing ? gt - 1 : gt;
    this.attrs = -1;
    const name = s.slice(start, j);
    this.rooted = true;
    if (!this.isSelfClosing) {
      // Every open element is remembered until it closes: millions nested would take the memory.
      if (this.open.length >= LIMITS.xmlDepth) throw beyondLimit('xmlDepth', `超过 ${LIMITS.xmlDepth}`);
      this.open.push(name);
    }
    const local = localName(name);
    if (!this.isSelfClosing) this.openLocal.push(local);
    this.h.open(this, local);
    if (this.isSelfClosing) this.h.close?.(local);
    return gt + 1;
  }

  /** The attributes of the tag being opened, into spans (once, when one is first asked for). */
  private readAttributes(): void {
    const s = this.src;
    const to = this.attrsTo;
    this.attrs = 0;
    for (let j = this.attrsFrom; ;) {
      while (j < to && isSpace(s.charCodeAt(j))) j++;
      if (j >= to) return;
      j = this.attribute(s, j, to);
    }
  }

  /** One name="value" from s[j], within the tag (which ends at `to`); returns where it ends. */
  private attribute(s: string, j: number, to: number): number {
    const nameStart = j;
    while (j < to && !endsName(s.charCodeAt(j))) j++;
    const nameEnd = j;
    while (j < to && isSpace(s.charCodeAt(j))) j++;
    if (nameEnd === nameStart || s.charCodeAt(j) !== 61) fail();
    j++;
    while (j < to && isSpace(s.charCodeAt(j))) j++;
    const quote = s.charCodeAt(j);
    if (quote !== 34 && quote !== 39) fail();
    const valueEnd = s.indexOf(quote === 34 ? '"' : "'", j + 1);
    const next = s.charCodeAt(valueEnd + 1);
    if (valueEnd + 1 < to && !isSpace(next)) fail();
    const length = nameEnd - nameStart;
    const { spans } = this;
    // A name given twice is not well formed; no element of a workbook has more than a few dozen.
    for (let k = 0; k < this.attrs * 4; k += 4) if (spans[k + 1] - spans[k] === length && sameChars(s, spans[k], nameStart, length)) fail();
    if (this.attrs === MAX_ATTRIBUTES) fail();
    let k = this.attrs++ * 4;
    spans[k++] = nameStart;
    spans[k++] = nameEnd;
    spans[k++] = j + 1;
    spans[k] = valueEnd;
    return valueEnd + 1;
  }
}

/**
 * Scans a part as it inflates. XML that is not well formed is refused in plain
 * words; anything a handler raises (a limit) passes through as it is.
 */
export function readXmlPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, h: XmlHandlers): void {
  /** Made at the first bytes, which tell UTF-8 from UTF-16; the decoder drops a byte-order mark. */
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  scanXml((write) => {
    inflateEntry(bytes, entry, budget, (chunk, whole) => {
      decoder = decoder ?? new TextDecoder(encodingOf(chunk));
      // A UTF-8 part that came whole is decoded at once, a large one a slice at a time (never held whole as text too).
      if (whole && decoder.encoding === 'utf-8') return decodeWhole(chunk, write, DECODE_SLICE, budget.asciiText);
      for (let at = 0; at < chunk.length; at += DECODE_SLICE) write(decoder.decode(chunk.subarray(at, at + DECODE_SLICE), { stream: true }));
    });
    if (decoder) write(decoder.decode());
  }, h);
}

/** Scans the text `feed` writes, in whatever pieces it comes. */
export function scanXml(feed: (write: (chunk: string) => void) => void, h: XmlHandlers): void {
  const scanner = new XmlScanner(h);
  try {
    feed((chunk) => scanner.write(chunk));
    scanner.end();
  } catch (error) {
    // Only what the scanner found not well formed is refused as such: a limit passes as it is, and
    // any other error (a fault of ours in a handler) is not passed off as the file's.
    throw error instanceof NotWellFormed ? refuse('badXml') : error;
  }
}
