/**
 * The text of string items as the reader takes it from the XML scanner's
 * events (xml.ts): shared strings (<si>) and inline strings (<is>), their
 * phonetic runs left out, Excel's _xHHHH_ escapes decoded where exceljs
 * decodes them; and the fast path of a plain shared string. Pure: no Node.
 */

/** exceljs decodes Excel's _xHHHH_ escapes in the text of shared strings and rich runs (not in str values or plain inline strings). */
function unescapeText(t: string): string {
  return t.includes('_x') ? t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/** A sticky pattern's match starting exactly at `at`, or null: how the fast paths read a whole element. */
export function matchAt(pattern: RegExp, s: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(s);
}

const PRESERVE = ' xml:space="preserve"';
const ITEM_END = '</t></si>';

/**
 * The `whole` fast path of a shared-strings part: a string item of plain text,
 * <si><t>text</t></si> (its <t> with xml:space="preserve" or nothing), no
 * reference, < or CR in it, as most are. Scanned by character codes (no match
 * array made); its text (escapes decoded as ItemText decodes them) handed to
 * `take`; -1 for any other shape, which goes the general way.
 */
export function plainStringItem(s: string, lt: number, take: (text: string) => void): number {
  const n = s.length;
  // No read past the text's end (see plain-shapes.ts): an item cut by it goes the general way.
  if (n - lt < PRESERVE.length + 8) return -1;
  // "<si><t"
  if (s.charCodeAt(lt + 1) !== 115 || s.charCodeAt(lt + 2) !== 105 || s.charCodeAt(lt + 3) !== 62) return -1;
  if (s.charCodeAt(lt + 4) !== 60 || s.charCodeAt(lt + 5) !== 116) return -1;
  let i = lt + 6;
  if (s.charCodeAt(i) === 32) {
    if (!s.startsWith(PRESERVE, i)) return -1;
    i += PRESERVE.length;
  }
  if (s.charCodeAt(i) !== 62) return -1;
  const start = ++i;
  // Up to the first <, & or CR.
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (ch === 60 || ch === 38 || ch === 13) break;
    i++;
  }
  if (!s.startsWith(ITEM_END, i)) return -1;
  take(unescapeText(s.slice(start, i)));
  return i + ITEM_END.length;
}

/** A correction typed in one cell: the text of its runs not struck through (trimmed), and of those struck. */
export interface Corrected {
  value: string;
  struck: string;
}

/**
 * A cell's rich text corrected in place — the old text struck through, the new typed after it (“~~2~~ 3”, review 24
 * D5): the text not struck, read as the cell's, and the struck; undefined unless both are there (all struck is a cell
 * struck out, none a plain one). Both readers take a cell's runs so (ItemText here, io/xlsx/exceljs-grid.ts).
 */
export function correctedText(kept: string, struck: string): Corrected | undefined {
  const value = kept.trim();
  const old = struck.trim();
  return value && old ? { value, struck: old } : undefined;
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
  /** The text of the runs struck through (<rPr><strike/>), and of the rest. */
  private struck = '';
  private kept = '';
  private runStruck = false;
  private inT = false;
  private buf = '';
  private rPh = 0;
  private inR = false;

  reset(): void {
    this.value = '';
    this.raw = '';
    this.struck = this.kept = '';
    this.inT = false;
    this.inR = false;
    this.rPh = 0;
    this.runs = this.plain = false;
  }

  /** `val`: a <strike>'s val attribute (<strike/> and val="1" or "true" strike; "0" and "false" do not). */
  open(name: string, val?: string): void {
    if (name === 't') {
      if (this.rPh === 0) {
        this.inT = true;
        this.buf = '';
        if (!this.inR) this.plain = true;
      }
    } else if (name === 'r') {
      this.inR = true;
      this.runs = true;
      this.runStruck = false;
    } else if (name === 'strike') this.runStruck = this.inR && val !== '0' && val !== 'false';
    else if (name === 'rPh') this.rPh++;
  }

  close(name: string): void {
    if (name === 't') {
      if (this.inT) {
        const text = unescapeText(this.buf);
        this.value += text;
        if (this.inR && this.runStruck) this.struck += text;
        else this.kept += text;
        if (!this.inR) this.raw += this.buf;
        this.inT = false;
      }
    } else if (name === 'r') this.inR = false;
    else if (name === 'rPh') this.rPh--;
  }

  /** The item's text corrected in place (correctedText), or undefined. */
  corrected(): Corrected | undefined {
    return this.struck ? correctedText(this.kept, this.struck) : undefined;
  }

  text(t: string): void {
    if (this.inT) this.buf += t;
  }
}
