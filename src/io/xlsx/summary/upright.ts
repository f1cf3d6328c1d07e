/**
 * An English header with a word wider than its column stands upright, bottom to top, rather than break inside
 * the word (style.ts styleHeader). Upright, it wraps at its words into the lines the column holds side by side
 * (Excel, LibreOffice and WPS wrap turned text so), its row as tall as its longest line: on one line “Bags taken
 * back” made table 一's header row 125 pt and an English 汇总 sheet print on three pages where the Chinese took one.
 *
 * Browser-safe, pure.
 */
import { HEADER_PT, widthFor } from '../../../summary/columns';
import { textUnits } from '../../../forms/measure';

/** A header with a (Latin) word wider than its column: printed upright. */
export const upright = (header: string, width: number): boolean => widthFor(width, [header]) > width;

/**
 * Points across an upright line of a bold header and the room it leaves between lines: LibreOffice's DejaVu Sans
 * Bold at 11.5 pt is 13.4 pt a line.
 */
const UPRIGHT_LINE_PT = 14;

/** Upright lines a column holds side by side: its 7w + 5 pixels (0.75 pt each) less a little padding either side. */
const uprightRoom = (width: number): number => Math.max(1, Math.floor(((7 * width + 5) * 0.75 - 4) / UPRIGHT_LINE_PT));

/** Width units of a header's line at the header's size (bold). */
const lineLength = (line: string): number => textUnits(line, HEADER_PT, true);

/**
 * The header's words in at most `lines` lines, its longest line as short as it can be (“Bags taken back” in two:
 * “Bags” and “taken back”): every way of breaking a header of a few words is tried.
 */
function evenLines(words: readonly string[], lines: number): string[] {
  if (lines <= 1 || words.length <= 1) return [words.join(' ')];
  let best = [words.join(' ')];
  for (let cut = 1; cut < words.length; cut++) {
    const rest = evenLines(words.slice(cut), lines - 1);
    const tried = [words.slice(0, cut).join(' '), ...rest];
    if (Math.max(...tried.map(lineLength)) < Math.max(...best.map(lineLength))) best = tried;
  }
  return best;
}

/** An upright header's text: its words in the lines its column holds (evenLines). */
export const uprightText = (header: string, width: number): string => evenLines(header.split(/\s+/).filter(Boolean), uprightRoom(width)).join('\n');

/**
 * Points of an upright header's longest line and a little room at either end: a width unit (a digit, 5.25 pt) taken as
 * 7 pt, for a Latin letter of a bold font in place of 宋体 (LibreOffice's DejaVu Sans Bold runs “Handovers out” to 93 pt,
 * 宋体's half-width letters to some 75).
 */
export const uprightHeight = (header: string, width: number): number =>
  Math.max(
    ...uprightText(header, width)
      .split('\n')
      .map((line) => Math.ceil(lineLength(line) * 7) + 8),
  );
