/**
 * The styles a marked copy's patched package adds (mark-parts.ts): a mark's
 * fill and frame, and per marked cell format a copy of it with them; nothing
 * in the styles part changes but what is appended.
 */
import type { MarkBorder } from '../../check/marks';
import { Unhandled } from './mark-notes';

/** Excel's ceiling on cell formats in a workbook. */
const MAX_CELL_XFS = 64_000;

/** The argb of a mark's colour: "#FFC7CE" → "FFFFC7CE". */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** A mark's frame as the styles part (and exceljs) name a line: thick, mediumDashed. */
export const borderStyle = (border: MarkBorder): string => (border.line === 'dashed' ? `${border.weight}Dashed` : border.weight);

/** The styles part's fills, borders and cell formats, each with what it holds. */
const FILLS = /<fills\b[^>]*>([\s\S]*?)<\/fills>/;
const BORDERS = /<borders\b[^>]*>([\s\S]*?)<\/borders>/;
const CELL_XFS = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/;

/** A list of the styles part (fills, borders) and what is appended to it, each item added once: `indexOf` gives its index. */
class Appended {
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly count: number) {}

  indexOf(item: string): number {
    let index = this.index.get(item);
    if (index === undefined) {
      index = this.count + this.added.length;
      this.added.push(item);
      this.index.set(item, index);
    }
    return index;
  }

  /** The list's XML with the added items and its new count. */
  written(tag: string, inner: string): string {
    return `<${tag} count="${this.count + this.added.length}">${inner}${this.added.join('')}</${tag}>`;
  }
}

/**
 * The styles part with a solid fill per colour, a frame per line and, per
 * (cell format, colour, frame), a copy of the format with that fill and frame:
 * `formatFor` gives the copy's index, adding it the first time it is asked.
 */
export class MarkStyles {
  private readonly copies = new Map<string, number>();
  private readonly formats: string[];
  private readonly added: string[] = [];
  private readonly fills: Appended;
  private readonly borders: Appended;

  constructor(private readonly xml: string) {
    const fills = FILLS.exec(xml);
    const borders = BORDERS.exec(xml);
    const xfs = CELL_XFS.exec(xml);
    if (!fills || !borders || !xfs) throw new Unhandled();
    this.fills = new Appended((fills[1].match(/<fill\b/g) ?? []).length);
    this.borders = new Appended((borders[1].match(/<border\b/g) ?? []).length);
    this.formats = xfs[1].match(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [];
  }

  formatFor(format: number, color: string, border: string): number {
    const key = `${format}|${color}|${border}`;
    let index = this.copies.get(key);
    if (index !== undefined) return index;
    const base = this.formats[format] ?? this.formats[0];
    if (base === undefined) throw new Unhandled();
    const fill = this.fills.indexOf(`<fill><patternFill patternType="solid"><fgColor rgb="${color}"/></patternFill></fill>`);
    const line = `style="${border}"`;
    const frame = this.borders.indexOf(`<border><left ${line}/><right ${line}/><top ${line}/><bottom ${line}/><diagonal/></border>`);
    const start = /^<xf\b[^>]*?(?=\/?>)/.exec(base)![0];
    const withMark =
      start.replace(/\s(?:fillId|applyFill|borderId|applyBorder)\s*=\s*(?:"[^"]*"|'[^']*')/g, '') +
      ` fillId="${fill}" borderId="${frame}" applyFill="1" applyBorder="1"`;
    index = this.formats.length + this.added.length;
    if (index >= MAX_CELL_XFS) throw new Unhandled();
    this.added.push(withMark + base.slice(start.length));
    this.copies.set(key, index);
    return index;
  }

  /** The styles part with what was added. */
  written(): string {
    const xfTotal = this.formats.length + this.added.length;
    return this.xml
      .replace(FILLS, (_m, inner: string) => this.fills.written('fills', inner))
      .replace(BORDERS, (_m, inner: string) => this.borders.written('borders', inner))
      .replace(CELL_XFS, (_m, inner: string) => `<cellXfs count="${xfTotal}">${inner}${this.added.join('')}</cellXfs>`);
  }
}
